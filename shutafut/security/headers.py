"""Security headers on every response, including a Content-Security-Policy that allows no inline script or style.

Two places use inline scripts and styles that we do not control: the Django admin (``/admin/``) and the API's
Swagger page (``/api/v1/docs``). They get ``RELAXED_POLICY``, which allows inline code from the site itself only.

A page reached through a personal link (a view marked ``@personal_link``: the survey's ``/s/`` and the health
survey's ``/h/``) is private, whatever it answers (a form, a 404, a 410): never cached, never indexed, and its URL
never sent as a referrer.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

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


View = Callable[..., HttpResponse]


def personal_link(view: View) -> View:
    """Mark a view reached through a personal link (its URL holds the respondent's secret token).

    Its answers get ``PRIVATE_HEADERS`` (from the middleware below, so that a 404 raised inside does too), and it is
    exempt from Django's CSRF check: the secret URL, not a cookie, is what lets one in, so a forged cross-site form
    would need the very secret a CSRF token stands for; and with ``Referrer-Policy: no-referrer`` a browser sends a
    form's ``Origin`` as ``null``, which the CSRF check refuses.
    """
    view = csrf_exempt(view)
    view.personal_link = True  # type: ignore[attr-defined]
    return view


def is_personal_link(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and getattr(match.func, "personal_link", False)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_personal_link(request):
            for name, value in PRIVATE_HEADERS.items():
                response.headers[name] = value
        response.headers.setdefault("Content-Security-Policy", policy_for(request.path))
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response
