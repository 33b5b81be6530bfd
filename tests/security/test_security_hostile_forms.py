"""Hostile input in every free-text field of every form page: script injection, over-long Hebrew text and
direction-override characters. No server error, and whatever is stored comes back escaped on every page.

The form pages are the matrix's rows that a member or coordinator may open (create and edit pages), so new form
pages are covered as soon as they have a row.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client

from shutafut.security.bidi import DIRECTION_CONTROLS
from tests.conftest import client_on_session
from tests.security.permissions import ROWS, TOWN_COORDINATOR, TOWN_MEMBER, TOWN_READ
from tests.security.test_security_permissions_matrix import _page_url, url_patterns

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'"
LONG_HEBREW = "שותפות בין-מגזרית " * 800
BIDI = "\u202eטקסט הפוך\u202c \u2066LTR\u2069 \u202dabc\u200f\u061c"
# The script and the direction marks go in together (each check below looks for its own part of the page); the long
# text alone, since forms may refuse it.
PAYLOADS = {"script and direction marks": BIDI + SCRIPT, "long": LONG_HEBREW}
FREE_TEXT = {"text", "search", ""}


class FormReader(HTMLParser):
    """Collect the fields of each POST form of a page with their current values."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._select: tuple[str, bool] | None = None
        self._select_first: str | None = None
        self._select_chosen: list[str] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        if tag == "form":
            self.forms.append(
                {
                    "method": attrs.get("method", "get").lower(),
                    "action": attrs.get("action", ""),
                    "fields": [],
                    "text": [],
                }
            )
            return
        if not self.forms:
            return
        form = self.forms[-1]
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    form["fields"].append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file"):
                value = attrs.get("value", "")
                if not value and "required" in attrs:
                    value = {"date": "2026-01-01", "number": "1", "email": "a@example.org"}.get(kind, "x")
                form["fields"].append((name, value))
                if kind in FREE_TEXT:
                    form["text"].append(name)
        elif tag == "textarea" and name:
            self._textarea = name
            form["fields"].append((name, ""))
            form["text"].append(name)
        elif tag == "select" and name:
            self._select = (name, "multiple" in attrs)
            self._select_first, self._select_chosen = None, []
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if value and self._select_first is None:
                self._select_first = value
            if "selected" in attrs and value:
                self._select_chosen.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None and self.forms:
            name, multiple = self._select
            chosen = self._select_chosen or ([] if multiple or self._select_first is None else [self._select_first])
            self.forms[-1]["fields"].extend((name, v) for v in chosen)
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def main_form(html: str) -> dict[str, Any] | None:
    reader = FormReader()
    reader.feed(html)
    forms = [
        f
        for f in reader.forms
        if f["method"] == "post" and "setlang" not in f["action"] and "logout" not in f["action"]
    ]
    return max(forms, key=lambda f: len(f["fields"]), default=None)


def _read_pages(client: Client, world: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """Every page a coordinator may read, as HTML (not the PDF, CSV and XLSX downloads), and the pages that did not
    answer 200 with what is stored now."""
    routes = url_patterns()
    pages, failed = {}, []
    for row in ROWS:
        if row.expected == TOWN_READ and row.key in routes:
            response = client.get(_page_url(row.key, row.kwargs, routes[row.key], world, "coordinator"))
            if response.status_code != 200:
                failed.append(f"{row.key}: {response.status_code} when showing the stored text")
            elif response["Content-Type"].startswith("text/html"):
                pages[row.key] = response.content.decode()
    return pages, failed


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_hostile_text_in_every_free_text_field_is_refused_or_stored_and_shown_escaped(payload, world):
    client = client_on_session(world["sessions"]["coordinator"], raise_request_exception=False)
    routes = url_patterns()
    value = PAYLOADS[payload]
    tried, accepted, errors = [], [], []
    for row in ROWS:
        if row.expected not in (TOWN_MEMBER, TOWN_COORDINATOR) or row.key not in routes or row.key == "audit-list":
            continue
        url = _page_url(row.key, row.kwargs, routes[row.key], world, "coordinator")
        form = main_form(client.get(url).content.decode())
        if form is None or not form["text"]:
            continue
        data: dict[str, list[str]] = {}
        for name, current in form["fields"]:
            data.setdefault(name, []).append(value if name in form["text"] else current)
        response = client.post(form["action"] or url, data)
        tried.append(row.key)
        if response.status_code == 302:
            accepted.append(row.key)
        if response.status_code >= 500:
            errors.append(f"{row.key}: POST -> {response.status_code}")
        elif response.status_code == 200 and SCRIPT.split("<img")[0] in response.content.decode():
            errors.append(f"{row.key}: the re-shown form echoes the script unescaped")
    assert tried, "no form page found"
    if payload != "long":
        assert accepted, f"no form accepted the {payload} text, so nothing was shown back: {tried}"
    pages, failed = _read_pages(client, world)
    assert len(pages) >= 10, f"too few pages read back: {sorted(pages)}"
    errors += failed
    for key, html in pages.items():
        if "<script>alert('x')</script>" in html or "onerror=alert(1)>" in html:
            errors.append(f"{key}: unescaped script in the page")
        if DIRECTION_CONTROLS.search(html):
            errors.append(f"{key}: a direction-override character reached the page")
    errors += [f"stored with a direction-override character: {where}" for where in stored_direction_controls()]
    assert errors == [], "\n".join(errors)


def stored_direction_controls() -> list[str]:
    """Every text of every Shutafut record that holds a direction-override character (model.field#pk)."""
    from django.apps import apps
    from django.db import models

    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("shutafut."):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                for pk, text in model._default_manager.values_list("pk", field.attname):
                    if text and DIRECTION_CONTROLS.search(text):
                        found.append(f"{model._meta.label}.{field.name}#{pk}")
    return found


def test_a_stored_script_comes_back_escaped_on_the_detail_page(world):
    from shutafut.partnerships.services import partnership_update

    partnership = world["records"]["partnership"]
    partnership_update(partnership, name=SCRIPT, public_goals=BIDI)
    client = client_on_session(world["sessions"]["coordinator"])
    html = client.get(f"/t/town-a/partnerships/{partnership.pk}/").content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
