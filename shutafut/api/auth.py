"""API authentication: a bearer token (``Authorization: Bearer stf_…``) or the browser session.

A token acts with its user's role in its own town only (``accounts.access.TOKEN_TOWN``), until it expires, is
revoked, or its user's password changes.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from shutafut.accounts.access import TOKEN_TOWN
from shutafut.accounts.selectors import api_token_for_request
from shutafut.accounts.services import api_token_touch


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        record = api_token_for_request(token)
        if record is None:
            return None
        api_token_touch(token=record)
        user = record.user
        setattr(user, TOKEN_TOWN, record.town_id)
        request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The logged-in browser session (CSRF-checked for unsafe methods)."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None
