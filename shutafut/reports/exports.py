"""List exports: the rows of a list page (same filters) as CSV or XLSX, headers in the active language.

CSV is written in UTF-8 with a byte-order mark so that Excel opens Hebrew correctly; XLSX sheets are
right-to-left when the active language is. A cell that a spreadsheet would run as a formula is written as text
(``shutafut.lib.spreadsheets``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from shutafut.accounts.models import Town
from shutafut.lib.choices import label_of
from shutafut.lib.spreadsheets import csv_bytes, xlsx_append
from shutafut.model.ladder import Rung
from shutafut.model.lifecycle import Stage
from shutafut.model.sectors import SUBTYPES_BY_CODE, Sector
from shutafut.organizations.models import LegalForm
from shutafut.organizations.selectors import organization_list
from shutafut.partnerships.selectors import partnership_list
from shutafut.relationships.selectors import relationship_list
from shutafut.reports.importers import Column, FundingTemplateImporter, TemplateImporter


@dataclass(frozen=True)
class ExportTable:
    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[Any]]


def _organizations(town: Town, params: dict[str, str]) -> ExportTable:
    qs = organization_list(town=town, **{k: params.get(k, "") for k in ("q", "sector", "subtype", "field")})
    return ExportTable(
        _("Organizations"),
        [
            _("Name"),
            _("Name in English"),
            _("Sector"),
            _("Subtype"),
            _("Legal form"),
            _("Registry number"),
            _("Locality"),
            _("Fields of activity"),
            _("Website"),
        ],
        (
            [
                o.name,
                o.name_en,
                o.get_sector_display(),
                o.get_subtype_display(),
                o.get_legal_form_display(),
                o.registry_number,
                o.locality,
                o.fields_of_activity,
                o.website,
            ]
            for o in qs.iterator(chunk_size=2000)
        ),
    )


def _relationships(town: Town, params: dict[str, str]) -> ExportTable:
    keys = ("q", "rung", "sector", "domain", "organization")
    qs = relationship_list(town=town, **{k: params.get(k, "") for k in keys})
    return ExportTable(
        _("Relationships"),
        [_("Organization"), _("Other organization"), _("Rung"), _("Domain of activity"), _("Date"), _("Source")],
        (
            [r.org_a.name, r.org_b.name, label_of(Rung, r.rung), r.domain, r.observed_on, r.get_source_display()]
            for r in qs
        ),
    )


def _partnerships(town: Town, params: dict[str, str]) -> ExportTable:
    qs: QuerySet[Any] = partnership_list(town=town, **{k: params.get(k, "") for k in ("q", "stage", "organization")})
    return ExportTable(
        _("Partnerships"),
        [_("Name"), _("Stage"), _("Convener"), _("Members"), _("Focus of action"), _("Start date"), _("Public page")],
        (
            [
                p.name,
                label_of(Stage, p.stage),
                p.convener.name if p.convener else "",
                p.n_members,
                p.focus,
                p.started_on,
                _("Yes") if p.is_public else _("No"),
            ]
            for p in qs
        ),
    )


EXPORTS: dict[str, Callable[[Town, dict[str, str]], ExportTable]] = {
    "organizations": _organizations,
    "relationships": _relationships,
    "partnerships": _partnerships,
}


def import_template(kind: str, town: Town) -> ExportTable:
    """The app's own import template: one column per field, headed in the active language, and one example row
    written as the app shows the values (an import accepts them so, or as codes, in Hebrew or English)."""
    columns: tuple[Column, ...]
    if kind == "funding":
        columns = FundingTemplateImporter.columns
        example = {
            "funder": _("Ministry of Culture"),
            "recipient_name": _("Example association"),
            "recipient_number": "580000008",
            "year": "2025",
            "amount": "10000",
        }
        title = _("Funding flows")
    else:
        columns = TemplateImporter.columns
        example = {
            "name": _("Example association"),
            "sector": Sector.THIRD.label.in_lang(get_language() or "he"),
            "subtype": SUBTYPES_BY_CODE["nonprofit"].label.in_lang(get_language() or "he"),
            "legal_form": str(LegalForm.AMUTA.label),
            "registry_number": "580000008",
            "locality": town.name,
            "fields_of_activity": _("education, welfare"),
            "website": "https://example.org",
        }
        title = _("Organizations")
    ordered = sorted(columns, key=lambda c: not c.required)
    return ExportTable(title, [c.label for c in ordered], [[example.get(c.field, "") for c in ordered]])


def to_csv(table: ExportTable) -> bytes:
    return csv_bytes(table.header, table.rows)


def to_xlsx(table: ExportTable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = table.title[:31]
    sheet.sheet_view.rightToLeft = get_language_bidi()
    xlsx_append(sheet, table.header)
    for c in sheet[1]:
        c.font = Font(bold=True)
    for row in table.rows:
        xlsx_append(sheet, row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
