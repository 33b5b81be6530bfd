"""Formula injection: no CSV or XLSX export writes a cell that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from shutafut.lib.spreadsheets import csv_bytes, neutralize
from shutafut.organizations.models import Organization
from shutafut.relationships.models import Relationship

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_that_starts_like_a_formula_is_written_behind_an_apostrophe(text):
    assert neutralize(text) == "'" + text


@pytest.mark.parametrize(
    "value", [-3, -2.5, Decimal("-7.25"), 0, "-12.5", "1,000", "עמותת לב", "a=b", "", dt.date(2026, 1, 2)]
)
def test_numbers_and_harmless_texts_are_left_as_they_are(value):
    assert neutralize(value) == value


def test_a_missing_value_is_an_empty_cell():
    assert neutralize(None) == ""


def test_the_csv_writer_neutralizes_every_cell_and_keeps_numbers():
    text = csv_bytes(["name", "n"], [[h, -4] for h in HOSTILE]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [r[0] for r in rows[1:]] == ["'" + h for h in HOSTILE]
    assert {r[1] for r in rows[1:]} == {"-4"}


@pytest.fixture
def hostile_town(personas, town_a_records):  # type: ignore[no-untyped-def]
    """Organizations and a tie of town A whose free texts start like formulas."""
    city, ngo = town_a_records["city"], town_a_records["ngo"]
    Organization.objects.filter(pk=city.pk).update(name=HOSTILE[0], locality="@SUM(A1)")
    Organization.objects.filter(pk=ngo.pk).update(name="\t=1+1")
    Relationship.objects.filter(pk=town_a_records["relationship"].pk).update(domain="-2+3")
    return town_a_records


def _cells(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def _no_formula_in(content: bytes) -> list[tuple[str, object]]:
    """Every cell of every sheet that holds a formula, or a text that starts like one."""
    found = []
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith(("=", "+", "@"))):
                    found.append((cell.coordinate, cell.value))
    return found


def test_the_list_exports_write_hostile_names_as_text(client, personas, hostile_town):
    client.force_login(personas["bob"])
    body = client.get("/t/town-a/reports/export/organizations.csv").content
    names = {row[0] for row in _cells(body)[1:]}
    assert names == {"'" + HOSTILE[0], "'\t=1+1"}
    assert "'@SUM(A1)" in {row[6] for row in _cells(body)[1:]}
    relationships = _cells(client.get("/t/town-a/reports/export/relationships.csv").content)
    assert relationships[1][3] == "'-2+3"
    sheet = client.get("/t/town-a/reports/export/organizations.xlsx").content
    assert _no_formula_in(sheet) == []
    names_in_sheet = {c.value for c in load_workbook(io.BytesIO(sheet)).active["A"][1:]}
    assert names_in_sheet == {"'" + HOSTILE[0], "'\t=1+1"}


def test_the_partnerships_export_keeps_the_member_count_a_number(client, personas, hostile_town):
    client.force_login(personas["bob"])
    sheet = load_workbook(io.BytesIO(client.get("/t/town-a/reports/export/partnerships.xlsx").content)).active
    members = sheet.cell(row=2, column=4)
    assert members.data_type == "n" and members.value == 1


def test_the_map_exports_write_hostile_names_and_domains_as_text(client, personas, hostile_town):
    client.force_login(personas["bob"])
    nodes = _cells(client.get("/t/town-a/map/nodes.csv?threshold=1").content)
    assert {row[1] for row in nodes[1:]} == {"'" + HOSTILE[0], "'\t=1+1"}
    ties = _cells(client.get("/t/town-a/map/ties.csv?threshold=1").content)
    assert ties[1][3] == "'-2+3"
    content = client.get("/t/town-a/map/map.xlsx?threshold=1").content
    assert _no_formula_in(content) == []
    book = load_workbook(io.BytesIO(content))
    organizations, tie_sheet = book.worksheets
    assert {organizations.cell(row=r, column=2).value for r in (2, 3)} == {"'" + HOSTILE[0], "'\t=1+1"}
    assert organizations.cell(row=2, column=4).data_type == "n"
    assert tie_sheet.cell(row=2, column=4).value == "'-2+3"
