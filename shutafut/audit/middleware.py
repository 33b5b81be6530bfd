from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from shutafut.audit.context import acting_request


class AuditActorMiddleware:
    """Make the request's user the author of the audit events its writes produce."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with acting_request(request):
            return self.get_response(request)
