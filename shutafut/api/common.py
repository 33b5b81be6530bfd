"""Helpers shared by the API routers."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Schema

from shutafut.accounts.access import access_town
from shutafut.accounts.models import Role, Town
from shutafut.lib.versions import version_of


class Page(Schema):
    count: int
    page: int
    page_size: int
    results: list[Any]


def town_for(request: HttpRequest, slug: str, role: Role = Role.VIEWER) -> Town:
    town, _membership = access_town(request.user, slug, role=role)
    return town


MAX_PAGE_SIZE = 200


def paginate(items: Any, page: int, page_size: int) -> dict[str, Any]:
    """One page of ``items``. A page past the end is empty: its offset is never sent to the database, where a
    huge one (``page=9223372036854775807``) would overflow the integer type."""
    if page < 1 or page_size < 1:
        raise Http404
    page_size = min(page_size, MAX_PAGE_SIZE)
    count = items.count()
    start = (page - 1) * page_size
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "results": list(items[start : start + page_size]) if start < count else [],
    }


def etag(response: HttpResponse, instance: Model) -> Model:
    """Send the record's version (``lib.versions``) as its ``ETag``; return the record."""
    response["ETag"] = f'"{version_of(instance)}"'
    return instance


def if_match(request: HttpRequest) -> str | None:
    """The version a ``PATCH`` was made on, from its ``If-Match`` header (none, or ``*``: no check)."""
    value = request.headers.get("If-Match", "").strip().removeprefix("W/").strip('"')
    return value if value and value != "*" else None
