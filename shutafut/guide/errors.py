"""The error pages a person sees (403, 404, 500): friendly, translated, in the site's frame, with a way back.

``not_found`` is the project's 404 handler (``handler404`` in the URL map). With ``DEBUG`` on, Django answers a
404 with its own technical page, which lists every URL pattern of the site to whoever asks; the
``FriendlyErrorPagesMiddleware`` below answers with the same friendly page instead, so that the demo (which runs
with ``DEBUG`` on) shows visitors no URL table. 403 needs no middleware: Django draws ``403.html`` in both modes.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import Resolver404, get_resolver


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The friendly 404 page: the same for a missing record, another town's record and a mistyped address."""
    response = TemplateResponse(request, "404.html", {"request_path": request.path}, status=404)
    return response.render()


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The friendly 403 page: the user is known, and their role here does not allow the page."""
    response = TemplateResponse(request, "403.html", {}, status=403)
    return response.render()


class FriendlyErrorPagesMiddleware:
    """With ``DEBUG`` on, answer a 404 with the friendly page rather than Django's URL table (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.DEBUG:
            try:
                get_resolver(getattr(request, "urlconf", None)).resolve(request.path_info)
            except Resolver404:
                return not_found(request)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if settings.DEBUG and isinstance(exception, Http404):
            return not_found(request, exception)
        return None
