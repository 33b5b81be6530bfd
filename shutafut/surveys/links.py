"""Personal survey links: unguessable, signed, expiring, revocable, bound to one respondent.

A link carries a 256-bit secret followed by an HMAC signature (``django.core.signing``, salted for this use). The
secret is an HMAC of a random 256-bit nonce under the server's ``SECRET_KEY``; the database stores the nonce and
the SHA-256 digest of the secret, so the database alone cannot rebuild a link, while the application can show a
coordinator the links of a wave again (``link_token``) instead of only once when they are issued. Resolving
checks the signature first: a tampered link is rejected before any lookup and reveals nothing; a link that is
unknown looks the same as a tampered one. An expired or revoked link says so plainly.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from shutafut.organizations.models import Person
from shutafut.security.ratelimit import allow_survey_link
from shutafut.surveys.models import SurveyLink

SALT = "shutafut.surveys.link"
DEFAULT_LIFETIME = dt.timedelta(days=30)


@dataclass(frozen=True)
class Reminders:
    """Who a reminder about a personal link goes to: ``emailed`` have an address (a task writes to them),
    ``no_email`` have none. Relationship-survey waves and health surveys both answer with one."""

    emailed: list[Person]
    no_email: list[Person]


class LinkError(Exception):
    """A link that cannot be used. ``code`` is what the respondent is told: invalid, expired or revoked."""

    code = "invalid"


class LinkInvalid(LinkError):
    code = "invalid"


class LinkExpired(LinkError):
    code = "expired"


class LinkRevoked(LinkError):
    code = "revoked"


class LinkRateLimited(LinkError):
    """Too many requests through one link in a short time (``shutafut.security.ratelimit``)."""

    code = "rate_limited"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _secret(nonce: str) -> str:
    mac = salted_hmac(SALT + ".secret", nonce, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def link_issue(*, lifetime: dt.timedelta = DEFAULT_LIFETIME, **fields: Any) -> tuple[SurveyLink, str]:
    """Create a link for one respondent; return the record and the token to put in the URL (never stored)."""
    nonce = secrets.token_urlsafe(32)
    secret = _secret(nonce)
    link = SurveyLink.objects.create(
        digest=_digest(secret), nonce=nonce, expires_at=timezone.now() + lifetime, **fields
    )
    return link, signing.Signer(salt=SALT).sign(secret)


def link_token(link: SurveyLink) -> str | None:
    """The token of ``link`` rebuilt from its nonce and the server's key; ``None`` for a link issued before links
    kept a nonce (it can only be reissued) or when the server's key changed since."""
    if not link.nonce:
        return None
    secret = _secret(link.nonce)
    if _digest(secret) != link.digest:
        return None
    return signing.Signer(salt=SALT).sign(secret)


def link_resolve(token: str) -> SurveyLink:
    """Return the link of ``token``, or raise ``LinkInvalid``, ``LinkExpired``, ``LinkRevoked`` or
    ``LinkRateLimited`` (each link has a request budget per minute)."""
    try:
        secret = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature as exc:
        raise LinkInvalid from exc
    link = (
        SurveyLink.objects.select_related("town", "person", "organization", "wave")
        .filter(digest=_digest(secret))
        .first()
    )
    if link is None:
        raise LinkInvalid
    if not allow_survey_link(link.pk):
        raise LinkRateLimited
    if link.revoked_at is not None:
        raise LinkRevoked
    if link.is_expired:
        raise LinkExpired
    return link


def link_revoke(link: SurveyLink) -> None:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])


def link_touch(link: SurveyLink) -> None:
    """Record that the link was used, at most once a minute (an answer per second should not be a write more)."""
    now = timezone.now()
    recent = now - dt.timedelta(minutes=1)
    SurveyLink.objects.filter(pk=link.pk).filter(Q(last_used_at__isnull=True) | Q(last_used_at__lt=recent)).update(
        last_used_at=now
    )
