"""Hostile import files: the dry run finds what the write would hit (each planned record validated as a form
would), named by row and column in the user's language; unreadable rows, oversized files and NUL characters are
row or file errors, never a server error or a half-written import; a written import leaves one audit event.

These run in both passes of the suite: on PostgreSQL a NUL character or an over-long value that slipped through
would fail the write (500) instead of the dry run.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.utils import translation

from shutafut.audit.models import AuditEvent
from shutafut.organizations.models import Organization
from shutafut.reports import importers
from shutafut.reports.importers import RowAction
from shutafut.reports.models import FundingFlow
from shutafut.reports.services import funding_import, organizations_import

pytestmark = pytest.mark.django_db

GOOD = "580000008"
GOOD_2 = "580000016"
TEMPLATE = "name,sector,subtype,legal_form,registry_number,locality,website,description\n"


def write(tmp_path: Path, text: str, name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def generic(town, path: Path, *, dry_run: bool = False, **kwargs):  # type: ignore[no-untyped-def]
    with translation.override(kwargs.pop("lang", "en")):
        return organizations_import(town=town, path=path, fmt="generic", dry_run=dry_run, **kwargs)


def only_problem(result):  # type: ignore[no-untyped-def]
    (row,) = result.rejected
    (problem,) = row.problems
    return row.row, problem.column, problem.message


def test_a_307_character_locality_is_found_by_the_dry_run_with_its_row_and_column(towns, tmp_path):
    path = write(tmp_path, TEMPLATE + f"עמותה,third,nonprofit,amuta,{GOOD},{'א' * 307},,\n")
    result = generic(towns[0], path, dry_run=True, all_localities=True)
    row, column, message = only_problem(result)
    assert (row, column) == (2, "locality") and "200" in message
    assert generic(towns[0], path, all_localities=True).written is False and not Organization.objects.exists()


def test_a_javascript_website_is_refused_as_the_form_refuses_it(towns, tmp_path):
    path = write(tmp_path, TEMPLATE + f"עמותה,third,nonprofit,amuta,{GOOD},עיר א,javascript:alert(1),\n")
    result = generic(towns[0], path, dry_run=True)
    assert only_problem(result)[:2] == (2, "website")
    assert not generic(towns[0], path).written and not Organization.objects.exists()


def test_a_bare_domain_website_is_kept_as_an_https_address(towns, tmp_path):
    path = write(tmp_path, TEMPLATE + f"עמותה,third,nonprofit,amuta,{GOOD},עיר א,www.example.org,\n")
    assert generic(towns[0], path).written
    assert Organization.objects.get().website == "https://www.example.org"


def test_a_nul_character_in_a_name_or_a_description_is_a_row_error_and_nothing_is_written(towns, tmp_path):
    rows = f"עמו\x00תה,third,nonprofit,amuta,{GOOD},עיר א,,\nעמותה ב,third,nonprofit,amuta,{GOOD_2},עיר א,,תי\x00אור\n"
    result = generic(towns[0], write(tmp_path, TEMPLATE + rows))
    assert [(r.row, [p.column for p in r.problems]) for r in result.rejected] == [(2, ["name"]), (3, ["description"])]
    assert "null" in result.rejected[0].problems[0].message.lower()
    assert not result.written and not Organization.objects.exists()


def test_a_cell_over_the_csv_reader_s_limit_is_a_row_error_and_the_next_rows_are_still_checked(towns, tmp_path):
    text = f"ngo_id,ngo_name\n{GOOD},{'א' * 131_073}\n{GOOD_2},עמותה ב\n"
    with translation.override("en"):
        result = organizations_import(town=towns[0], path=write(tmp_path, text), fmt="guidestar")
    assert [(r.row, r.action) for r in result.rows] == [(2, RowAction.REJECT), (3, RowAction.CREATE)]
    assert "cannot be read" in result.rows[0].problems[0].message
    assert not result.written and not Organization.objects.exists()


def test_an_over_long_cell_is_explained_in_the_users_language_not_the_csv_readers(towns, tmp_path):
    text = f"ngo_id,ngo_name\n{GOOD},{'א' * 131_073}\n"
    with translation.override("he"):
        result = organizations_import(town=towns[0], path=write(tmp_path, text), fmt="guidestar")
    message = result.rows[0].problems[0].message
    assert "131,072" in message and "תווים" in message and "field limit" not in message


def test_a_file_with_more_rows_than_the_cap_is_refused_as_a_whole_with_the_cap_named(towns, tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_ROWS", 2)
    text = "ngo_id,ngo_name\n" + "".join(f"{n},א\n" for n in (GOOD, GOOD_2, "580000024"))
    with translation.override("en"):
        result = organizations_import(town=towns[0], path=write(tmp_path, text), fmt="guidestar")
    assert "more than 2 rows" in result.file_error and not Organization.objects.exists()


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(towns, tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_BYTES", 10)
    with translation.override("he"):
        result = organizations_import(
            town=towns[0], path=write(tmp_path, f"ngo_id,ngo_name\n{GOOD},א\n"), fmt="guidestar"
        )
    assert "גדול מדי" in result.file_error and not Organization.objects.exists()


def test_errors_found_by_validation_are_in_the_user_s_language(towns, tmp_path):
    path = write(tmp_path, TEMPLATE + f"עמותה,third,nonprofit,amuta,{GOOD},{'א' * 307},,\n")
    message = only_problem(generic(towns[0], path, dry_run=True, all_localities=True, lang="he"))[2]
    assert re.search("[\u05d0-\u05ea]", message) and "200" in message


def test_a_funding_amount_too_large_to_store_is_rejected_by_the_dry_run(towns, tmp_path):
    with translation.override("en"):
        organizations_import(town=towns[0], path=write(tmp_path, f"ngo_id,ngo_name\n{GOOD},א\n"), fmt="guidestar")
        text = f"funder,recipient_registry_number,year,amount\nמשרד,{GOOD},2020,1{'0' * 20}\n"
        result = funding_import(town=towns[0], path=write(tmp_path, text, "c.csv"), dry_run=True)
    assert only_problem(result)[:2] == (2, "amount")


def test_a_new_funder_with_an_over_long_name_is_rejected_and_not_created(towns, tmp_path):
    with translation.override("en"):
        organizations_import(town=towns[0], path=write(tmp_path, f"ngo_id,ngo_name\n{GOOD},א\n"), fmt="guidestar")
        text = f"funder,recipient_registry_number,year,amount\n{'מ' * 301},{GOOD},2020,5\n"
        result = funding_import(town=towns[0], path=write(tmp_path, text, "c.csv"))
    assert only_problem(result)[:2] == (2, "funder")
    assert not FundingFlow.objects.exists() and Organization.objects.count() == 1


def _upload(data: bytes, name: str = "list.csv") -> io.BytesIO:
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def test_a_written_import_leaves_one_audit_event_with_the_file_the_counts_and_who(
    client, personas, towns, django_capture_on_commit_callbacks
):
    client.force_login(personas["alice"])
    data = f"ngo_id,ngo_name\n{GOOD},עמותה א\n{GOOD_2},עמותה ב\n".encode()
    for action in ("dry-run", "import"):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/t/town-a/reports/import/", {"file": _upload(data), "kind": "organizations", "action": action})
    (event,) = AuditEvent.objects.all()
    assert (event.action, event.actor, event.user_pk, event.town_id) == (
        "import",
        "alice",
        personas["alice"].pk,
        towns[0].pk,
    )
    assert event.object_repr == "list.csv" and event.model == "organizations.Organization"
    assert event.changes["create"] == [None, 2] and event.changes["reject"] == [None, 0]
    assert "עמותה א" not in str(event.changes)


def test_the_audit_log_names_what_an_import_did_in_words(client, personas, towns, django_capture_on_commit_callbacks):
    client.force_login(personas["alice"])
    data = f"ngo_id,ngo_name\n{GOOD},עמותה א\n".encode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/t/town-a/reports/import/",
            {"file": _upload(data), "kind": "organizations", "action": "import"},
            HTTP_ACCEPT_LANGUAGE="en",  # the format is kept by its title in the importer's language
        )
    page = client.get("/t/town-a/audit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Created" in page and "Rejected" in page and "GuideStar list of nonprofits" in page
    assert "<dt>create</dt>" not in page and "guidestar" not in page


def test_a_refused_import_writes_no_audit_event(towns, tmp_path):
    with translation.override("en"):
        organizations_import(town=towns[0], path=write(tmp_path, "ngo_id,ngo_name\n580000009,א\n"), fmt="guidestar")
    assert not AuditEvent.objects.exists()
