"""Security headers on every response, including a Content-Security-Policy that allows no inline script or style.

Two places use inline scripts and styles that we do not control: the Django admin (``/admin/``) and the API's
Swagger page (``/api/v1/docs``). They get ``RELAXED_POLICY``, which allows inline code from the site itself only.

A page whose URL carries a secret (any URL pattern with a ``token`` argument: the personal survey links ``/s/``
and ``/h/``, a password reset link) is private: never cached, never indexed, and its URL never sent as a referrer.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
RELAXED_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "frame-ancestors 'none'; form-action 'self'"
)
RELAXED_PREFIXES = ("/admin/", "/api/v1/docs")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


PRIVATE_HEADERS = {
    "Cache-Control": "no-store, private",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


def policy_for(path: str) -> str:
    return RELAXED_POLICY if path.startswith(RELAXED_PREFIXES) else POLICY


def carries_token(request: HttpRequest) -> bool:
    """True when the request's URL holds a secret: its URL pattern has a ``token`` argument."""
    match = getattr(request, "resolver_match", None)
    return match is not None and "token" in match.kwargs


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if carries_token(request):
            for name, value in PRIVATE_HEADERS.items():
                response.headers[name] = value
        response.headers.setdefault("Content-Security-Policy", policy_for(request.path))
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response
