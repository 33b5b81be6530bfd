"""Every URL pattern and API operation has a row in the permissions matrix, and every row holds for every role."""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import REPO, client_on_session
from tests.security.permissions import ROLES, ROWS, markdown, rows_by_key

pytestmark = [pytest.mark.django_db, pytest.mark.pages]  # who gets what: the same on both databases

API_PARAMS = {
    "organization_id": "city",
    "relationship_id": "relationship",
    "partnership_id": "partnership",
    "survey_id": "health_survey",
    "wave_id": "wave",
}


@functools.cache
def url_patterns() -> dict[str, str]:
    """Every named URL pattern (``namespace:name`` → route), without the API operations (they have API rows)."""
    found: dict[str, str] = {}

    def walk(resolver: URLResolver, prefix: str, namespace: str | None) -> None:
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                ns = ":".join(x for x in (namespace, p.namespace) if x) or None
                walk(p, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern) and p.name:
                if getattr(p.callback, "__module__", "") == "ninja.operation":
                    continue
                name = f"{namespace}:{p.name}" if namespace else p.name
                if name.startswith("admin:"):
                    name = "admin:*"
                found.setdefault(name, prefix + str(p.pattern))

    walk(get_resolver(), "", None)
    return found


def api_operations() -> list[str]:
    from shutafut.api.api import api

    schema = api.get_openapi_schema()
    return [f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops]


def _paste_line(name: str, route: str) -> str:
    args = [a for a in re.findall(r"<(?:\w+:)?(\w+)>", route) if a != "town"]
    extra = "".join(f', {a}="?"' for a in args)
    profile = "TOWN_READ" if "<slug:town>" in route else "PUBLIC"
    return f'    page("{name}", {profile}{extra}),  # {route}'


def test_every_url_pattern_and_api_operation_has_a_row_in_the_matrix():
    rows = rows_by_key()
    missing = [_paste_line(name, route) for name, route in url_patterns().items() if name not in rows]
    missing += [f'    api("{op}", API_READ),' for op in api_operations() if op not in rows]
    assert not missing, "Add these rows to tests/security/permissions.py (and fix the expected codes):\n" + "\n".join(
        missing
    )


def test_the_matrix_has_no_row_for_a_url_or_operation_that_is_gone():
    known = set(url_patterns()) | set(api_operations())
    assert [row.key for row in ROWS if row.key not in known] == []


def test_the_permissions_document_lists_the_same_rows_as_the_matrix():
    doc = (REPO / "docs" / "permissions.md").read_text(encoding="utf-8")
    assert markdown() in doc, "regenerate it: .tools/bin/uv run python -m tests.security.permissions"


def _fill(value: Any, world: dict[str, Any], role: str) -> Any:
    if isinstance(value, dict):
        return {k: _fill(v, world, role) for k, v in value.items()}
    if isinstance(value, str):
        for name, record in world["records"].items():
            if value == "{" + name + "}":
                return record.pk
        return value.replace("{role}", role)
    return value


def _page_url(row_key: str, kwargs: dict[str, str], route: str, world: dict[str, Any], role: str) -> str:
    if row_key == "admin:*":
        return reverse("admin:index")
    values: dict[str, Any] = {}
    if "<slug:town>" in route:
        values["town"] = "town-a"
    for arg, source in kwargs.items():
        if source in ("survey_token", "health_token"):
            values[arg] = world[source] if role == "respondent" else "not-a-valid-link"
        elif source in world["records"]:
            values[arg] = world["records"][source].pk
        else:
            values[arg] = source
    return reverse(row_key, kwargs=values)


def _request(row_key: str, world: dict[str, Any], role: str) -> Any:
    row = rows_by_key()[row_key]
    client = client_on_session(world["sessions"].get(role))
    if " /api/" in row.key:
        method, path = row.key.split(" ", 1)
        for param, record in API_PARAMS.items():
            path = path.replace("{" + param + "}", str(world["records"][record].pk))
        assert "{" not in path, f"no record for a path argument of {row.key}: add it to API_PARAMS"
        body = _fill(row.body, world, role)
        if method == "GET":
            return client.get(path, _fill(row.query, world, role))
        return client.generic(method, path, data=json.dumps(body), content_type="application/json")
    route = url_patterns()[row.key]
    url = _page_url(row.key, row.kwargs, route, world, role)
    if row.method == "POST":
        return client.post(url, {})
    return client.get(url, _fill(row.query, world, role))


@pytest.mark.parametrize("row_key", [row.key for row in ROWS])
def test_every_role_gets_the_expected_status_from_every_url(row_key, world):
    row = rows_by_key()[row_key]
    got = {}
    for role in ROLES:
        holds_link = role == "respondent" and "token" in row.kwargs
        if role == "respondent" and not holds_link:
            got[role] = got["anonymous"]  # without a link of theirs, the same request as an anonymous visitor's
            continue
        response = _request(row_key, world, role)
        got[role] = response.status_code
        if (
            response.status_code == 302
            and role in ("anonymous", "respondent")
            and row_key != "set_language"
            and not holds_link
        ):
            assert "login" in response["Location"], (role, response["Location"])
    assert got == row.expected
