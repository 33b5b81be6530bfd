"""Towns (one workspace per local authority), who belongs to them, and API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from shutafut.lib.choices import Labels


class Town(models.Model):
    """A local authority's workspace. Every record of the town points here; nothing crosses town lines."""

    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    slug = models.SlugField(_("short name"), unique=True)
    authority_code = models.CharField(
        _("authority code"), max_length=20, blank=True, help_text=_("The CBS symbol of the local authority.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("town")
        verbose_name_plural = _("towns")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def display_name(self, lang: str) -> str:
        return self.name_en if lang.startswith("en") and self.name_en else self.name

    @property
    def shown_name(self) -> str:
        """The name in the active language: the English name on English pages when the town has one."""
        return self.display_name(get_language() or "he")


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MEMBER = "member", pgettext_lazy("town role", "Member")
    VIEWER = "viewer", _("Viewer")


ROLE_RANK = {Role.VIEWER: 0, Role.MEMBER: 1, Role.COORDINATOR: 2}


class Membership(models.Model):
    """A user's role in one town. A user may belong to several towns, with a role in each."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Labels(Role), default=Role.VIEWER)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "town"], name="one_membership_per_user_and_town")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.town} ({self.role})"

    def allows(self, role: Role) -> bool:
        return ROLE_RANK[Role(self.role)] >= ROLE_RANK[role]


class TokenStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")
    PASSWORD_CHANGED = "password_changed", _("Ended by a password change")


class ApiToken(models.Model):
    """A bearer token for the API, for one user in one town, until it expires or is revoked.

    Only a SHA-256 digest is stored; the token is shown once, at creation. It acts with its user's role in its
    ``town`` and nowhere else. ``password_fingerprint`` is the user's session hash when the token was made: a
    password change (by any path: the form, a reset link, the admin, the shell) changes it, which ends the token.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    town = models.ForeignKey(
        Town,
        on_delete=models.CASCADE,
        null=True,  # only the tokens made before tokens had a town, all revoked by migration 0002
        related_name="api_tokens",
        verbose_name=_("town"),
    )
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    password_fingerprint = models.CharField(max_length=128, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @staticmethod
    def new_secret() -> str:
        return "stf_" + secrets.token_urlsafe(32)

    def status(self) -> TokenStatus:
        if self.revoked_at is not None or self.town_id is None:
            return TokenStatus.REVOKED
        if not constant_time_compare(self.password_fingerprint, self.user.get_session_auth_hash()):
            return TokenStatus.PASSWORD_CHANGED
        if timezone.now() >= self.expires_at:
            return TokenStatus.EXPIRED
        return TokenStatus.ACTIVE
