"""Login throttling (django-axes) and the password reset's limits.

Logins: django-axes counts failed logins in Django's cache (``AxesCacheHandler``), keyed on the user name *as the
login form reads it* and the client's address. Every form that authenticates goes through it (the site's login,
``/admin/login/``), since its backend stands first in ``AUTHENTICATION_BACKENDS``. After ``AXES_FAILURE_LIMIT``
failures the form answers 429 with a translated page and ``Retry-After`` (``lockout_response``), even for the right
password, until ``AXES_COOLOFF_TIME`` has passed; a successful login clears the count.

The user name is normalized as Django's login form does (Unicode NFKC; letter case is kept, because user names
are compared with their case): ``ｖｉｃｔｉｍ`` and ``victim`` are one user, and one counter.

Password reset (``accounts.views.LimitedPasswordResetView``): at most ``RESET_CLIENT_LIMIT`` requests per client
address and ``RESET_ADDRESS_LIMIT`` e-mails per address in ``RESET_WINDOW`` seconds (fixed windows in the cache,
``shutafut.security.ratelimit``). Over the address's limit the page says the same as always and sends nothing,
so the page never tells whether an address has an account.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from axes.helpers import get_client_ip_address, get_cool_off
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from shutafut.security import ratelimit

RESET_WINDOW = 60 * 60
RESET_CLIENT_LIMIT = 10
RESET_ADDRESS_LIMIT = 3


def normalize_username(username: str) -> str:
    """The user name as ``django.contrib.auth.forms.UsernameField`` reads it (NFKC)."""
    return unicodedata.normalize("NFKC", username)


def login_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str | None:
    """AXES_USERNAME_CALLABLE: the normalized user name of a login attempt (from the form, else the POST)."""
    field = get_user_model().USERNAME_FIELD
    raw = (credentials or {}).get(field) or request.POST.get(field)
    return normalize_username(str(raw)) if raw else None


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the translated 429 page, with how long to wait."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 0
    minutes = max(1, (seconds + 59) // 60)
    body = render_to_string("security/login_throttled.html", {"minutes": minutes}, request=request)
    response = HttpResponse(body, status=429)
    if seconds:
        response["Retry-After"] = str(seconds)
    return response


def reset_allowed_for_client(request: HttpRequest) -> bool:
    """Count one password reset request of this client; False once over its limit in the window."""
    return ratelimit.allow(f"password-reset:client:{get_client_ip_address(request)}", RESET_CLIENT_LIMIT, RESET_WINDOW)


def reset_allowed_for_address(email: str) -> bool:
    """Count one reset e-mail to this address (compared as Django compares them); False once over its limit."""
    address = unicodedata.normalize("NFKC", email).casefold()
    return ratelimit.allow(f"password-reset:address:{address}", RESET_ADDRESS_LIMIT, RESET_WINDOW)
