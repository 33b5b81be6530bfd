"""Handing personal links to people: the rows of a links page, their CSV, and the headers such pages need.

Shared by the relationship survey's waves and the workspace's health survey: each builds its rows (who, which link,
answered or not, a message) and the page and CSV look the same. A row says only whether its person answered, never
what.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from django.http import HttpResponse
from django.utils.translation import gettext as _

from shutafut.lib.spreadsheets import csv_bytes
from shutafut.organizations.models import Organization, Person
from shutafut.security.headers import PRIVATE_HEADERS
from shutafut.surveys.models import SurveyLink


def link_row(
    *,
    person: Person,
    organization: Organization,
    link: SurveyLink | None,
    url: str,
    answered: bool,
    share: str,
    subject: str,
    reissue_url: str,
) -> dict[str, Any]:
    """One person's row: ``url`` is empty when they have no usable link (none, expired, or not rebuildable)."""
    return {
        "person": person,
        "organization": organization,
        "link": link,
        "url": url,
        "expired": link is not None and link.is_expired,
        "answered": answered,
        "reissue_url": reissue_url,
        "share": share if url else "",
        "whatsapp": "https://wa.me/?text=" + quote(share) if url else "",
        "mailto": f"mailto:{quote(person.email)}?subject={quote(subject)}&body={quote(share)}"
        if url and person.email
        else "",
    }


def all_links(rows: Iterable[dict[str, Any]]) -> str:
    """Every usable link, one line each with its person: what "copy all" copies."""
    return "\n".join(f"{r['person'].full_name} ({r['organization'].name}): {r['url']}" for r in rows if r["url"])


def private(response: HttpResponse) -> HttpResponse:
    """A links page and its CSV hold every respondent's secret: not cached and not indexed. The secrets are in the
    body, not in the page's address, so the referrer policy stays ``same-origin``: no other site learns even the
    address, and the page's own forms (reissue, reminders) keep their ``Origin``, which the CSRF check needs
    (``no-referrer`` makes a browser send ``Origin: null``)."""
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    response["Referrer-Policy"] = "same-origin"
    return response


def links_csv(rows: Iterable[dict[str, Any]], filename: str) -> HttpResponse:
    """The rows as a CSV download through the formula-safe writer (``lib.spreadsheets``)."""
    header = [_("Respondent"), _("Organization"), _("E-mail"), _("Answered"), _("Personal link"), _("Message")]
    body = [
        [
            r["person"].full_name,
            r["organization"].name,
            r["person"].email,
            _("yes") if r["answered"] else _("no"),
            r["url"],
            r["share"],
        ]
        for r in rows
    ]
    response = HttpResponse(csv_bytes(header, body), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return private(response)
