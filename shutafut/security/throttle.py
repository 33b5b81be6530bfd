"""Login throttling: after ``LOGIN_FAILURE_LIMIT`` failed logins for one user name from one address within
``LOGIN_FAILURE_WINDOW`` seconds, the login form refuses (HTTP 429) until the window passes.

The middleware watches POSTs to ``settings.LOGIN_URL``: a re-rendered form (200) counts as a failure, a redirect
(a successful login) clears the count. Counters are in the cache (see ``shutafut.security.ratelimit``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from shutafut.security import ratelimit

DEFAULT_LIMIT = 5
DEFAULT_WINDOW = 15 * 60


def _limit() -> int:
    return int(getattr(settings, "LOGIN_FAILURE_LIMIT", DEFAULT_LIMIT))


def _window() -> int:
    return int(getattr(settings, "LOGIN_FAILURE_WINDOW", DEFAULT_WINDOW))


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind a proxy, have it set REMOTE_ADDR (e.g. gunicorn's --forwarded-allow-ips)."""
    return str(request.META.get("REMOTE_ADDR", ""))


def throttle_key(username: str, ip: str) -> str:
    return f"login:{username.strip().casefold()}:{ip}"


def is_locked(username: str, ip: str) -> bool:
    return ratelimit.hits(throttle_key(username, ip), _window()) >= _limit()


class LoginThrottleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST" or request.path != settings.LOGIN_URL:
            return self.get_response(request)
        username = str(request.POST.get("username", ""))
        ip = client_ip(request)
        key = throttle_key(username, ip)
        if is_locked(username, ip):
            minutes = max(1, _window() // 60)
            body = render_to_string("security/login_throttled.html", {"minutes": minutes}, request=request)
            response = HttpResponse(body, status=429)
            response["Retry-After"] = str(_window())
            return response
        response = self.get_response(request)
        if response.status_code == 200:
            ratelimit.allow(key, _limit(), _window())
        elif response.status_code in (301, 302, 303):
            ratelimit.reset(key, _window())
        return response
