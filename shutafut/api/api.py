"""REST API v1: organizations, relationships, partnerships (with the workspace's reads) and survey waves, behind
the same access gates as the pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from shutafut.api.auth import SessionAuth, TokenAuth
from shutafut.lib.versions import StaleVersion

api = NinjaAPI(
    title="Shutafut API",
    version="1",
    description=str(_("Organizations, relationships and partnerships of the towns you belong to.")),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api-v1",
)


def _errors_of(exc: ValidationError) -> list[dict[str, str]]:
    if hasattr(exc, "error_dict"):
        return [
            {"field": field, "message": str(message)}
            for field, errors in exc.message_dict.items()
            for message in errors
        ]
    return [{"field": "__all__", "message": str(m)} for m in exc.messages]


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": _errors_of(exc)}, status=422)


@api.exception_handler(StaleVersion)
def stale(request: HttpRequest, exc: StaleVersion) -> HttpResponse:
    """A ``PATCH`` whose ``If-Match`` is no longer the record's version: 412, with what changed and the new ETag."""
    response = api.create_response(request, {"detail": _errors_of(exc), "changed": exc.changed}, status=412)
    response["ETag"] = f'"{exc.version}"'
    return response


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": str(_("Not found."))}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(_("Your role in this town does not allow this."))}, status=403)


from shutafut.api import organizations, partnerships, relationships, surveys, workspace  # noqa: E402

api.add_router("/organizations", organizations.router)
api.add_router("/relationships", relationships.router)
api.add_router("/partnerships", partnerships.router)
api.add_router("/partnerships", workspace.router)
api.add_router("/waves", surveys.router)
