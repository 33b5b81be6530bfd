"""Reads of the accounts app: API tokens."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from shutafut.accounts.models import ApiToken, TokenStatus, Town


def api_tokens_of_user(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user_id=user.pk).select_related("town", "user")


def api_tokens_of_town(town: Town) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(town=town).select_related("town", "user")


def api_token_for_request(secret: str) -> ApiToken | None:
    """The token a bearer secret names, if it may act now: not revoked, not expired, its user active and with
    the password the token was made under; otherwise None (the API then answers 401)."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(
            digest=ApiToken.digest_of(secret),
            revoked_at__isnull=True,
            town__isnull=False,
            expires_at__gt=timezone.now(),
        )
        .first()
    )
    if token is None or not token.user.is_active or token.status() != TokenStatus.ACTIVE:
        return None
    return token
