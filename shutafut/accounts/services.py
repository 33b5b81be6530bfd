"""Writes of the accounts app: API tokens."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shutafut.accounts.access import membership_in
from shutafut.accounts.models import ApiToken, Town

TOKEN_LIFETIMES_DAYS = (30, 90, 180, 365)
DEFAULT_TOKEN_LIFETIME_DAYS = 90


@transaction.atomic
def api_token_create(
    *, user: Any, town: Town, name: str, lifetime_days: int = DEFAULT_TOKEN_LIFETIME_DAYS
) -> tuple[ApiToken, str]:
    """Make a token for ``user`` in ``town`` (where the user must have a role); return it and the clear token,
    which is never stored and must be shown once."""
    if membership_in(user, town.pk) is None:
        raise ValidationError({"town": _("You have no role in this town.")})
    if lifetime_days not in TOKEN_LIFETIMES_DAYS:
        raise ValidationError({"lifetime_days": _("Choose one of the offered lifetimes.")})
    secret = ApiToken.new_secret()
    token = ApiToken(
        user=user,
        town=town,
        name=name,
        digest=ApiToken.digest_of(secret),
        password_fingerprint=user.get_session_auth_hash(),
        expires_at=timezone.now() + dt.timedelta(days=lifetime_days),
    )
    token.full_clean()
    token.save()
    return token, secret


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """End ``token`` now (revoking twice keeps the first time)."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token.refresh_from_db(fields=["revoked_at"])
    return token


def api_token_touch(*, token: ApiToken) -> None:
    """Note the token's use, at most once a minute (a request should not always write)."""
    now = timezone.now()
    stale = now - dt.timedelta(minutes=1)
    ApiToken.objects.filter(pk=token.pk).exclude(last_used_at__gt=stale).update(last_used_at=now)
