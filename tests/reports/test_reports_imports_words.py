"""Imports in the user's words: the app's own Hebrew and English labels accepted for headers and coded values,
missing columns named by label, row actions in words, each format explained, a template to download (CSV and
XLSX, formula cells neutralized), every row's outcome listed and paged, and the import page in the town menu."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.html import escape

from shutafut.organizations.models import Organization
from shutafut.reports.importers import ORG_IMPORTERS, RowAction
from shutafut.reports.services import organizations_import

pytestmark = pytest.mark.django_db

GOOD = "580000008"


def write(tmp_path: Path, text: str, name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def generic(town, path: Path, lang: str = "he", **kwargs):  # type: ignore[no-untyped-def]
    with translation.override(lang):
        return organizations_import(town=town, path=path, fmt="generic", **kwargs)


def test_the_template_takes_the_app_s_hebrew_labels_for_headers_and_coded_values(towns, tmp_path):
    text = "שם,מגזר,סוג,צורה משפטית,מספר רישום,יישוב,תחומי פעולה\n"
    text += f"עמותה א,המגזר השלישי,עמותה,עמותה,{GOOD},עיר א,חינוך\n"
    result = generic(towns[0], write(tmp_path, text))
    assert result.written, [p.problems for p in result.rejected]
    org = Organization.objects.get()
    assert (org.sector, org.subtype, org.legal_form, org.fields_of_activity) == ("third", "nonprofit", "amuta", "חינוך")


def test_the_template_takes_the_app_s_english_labels_whatever_the_user_s_language(towns, tmp_path):
    text = "Name,Sector,Subtype,Legal form,Registry number,Locality\n"
    text += f'Example,Third sector,Nonprofit (amuta),"Nonprofit association (amuta)",{GOOD},Town A\n'
    assert generic(towns[0], write(tmp_path, text), lang="he").written
    assert Organization.objects.get().legal_form == "amuta"


def test_an_unknown_coded_value_is_still_rejected_naming_the_value(towns, tmp_path):
    text = "שם,מגזר,סוג,צורה משפטית\nעמותה א,מגזר רביעי,עמותה,עמותה\n"
    (row,) = generic(towns[0], write(tmp_path, text), all_localities=True).rejected
    assert [(p.column, "מגזר רביעי" in p.message) for p in row.problems] == [("מגזר", True)]


def test_a_subtype_of_another_sector_is_rejected_once_naming_its_column_in_the_user_s_language(towns, tmp_path):
    text = "Name,Sector,Subtype,Legal form\nExample,Business sector,Nonprofit (amuta),Nonprofit association (amuta)\n"
    (row,) = generic(towns[0], write(tmp_path, text), lang="en", all_localities=True).rejected
    assert [(p.column, p.message) for p in row.problems] == [("Subtype", "This subtype belongs to another sector.")]
    assert not Organization.objects.exists()


def test_missing_columns_are_named_by_their_label_in_the_user_s_language(towns, tmp_path):
    path = write(tmp_path, "name\nעמותה\n")
    hebrew = generic(towns[0], path, lang="he").file_error
    english = generic(towns[0], path, lang="en").file_error
    assert '"מגזר"' in hebrew and '"סוג"' in hebrew and "sector" not in hebrew
    assert '"Sector"' in english and '"Legal form"' in english


def test_row_actions_read_as_words_in_each_language():
    with translation.override("he"):
        assert [RowAction(a).label() for a in ("create", "update", "reject")] == ["ייווצר", "יעודכן", "יידחה"]
        assert RowAction.CREATE.label(done=True) == "נוצר"
    with translation.override("en"):
        assert RowAction.SKIP.label() == "will be skipped"


def _upload(data: bytes, name: str = "list.csv") -> io.BytesIO:
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def _dry_run(client, personas, capture, data: bytes, **fields):  # type: ignore[no-untyped-def]
    from shutafut.jobs.models import Job

    client.force_login(personas["alice"])
    with capture(execute=True):
        client.post(
            "/t/town-a/reports/import/",
            {"file": _upload(data), "kind": "organizations", "action": "dry-run", **fields},
        )
    return Job.objects.latest("pk")


def test_the_job_page_lists_skipped_rows_with_the_reason_and_actions_in_words(
    client, personas, towns, django_capture_on_commit_callbacks
):
    data = "מספר עמותה,שם עמותה בעברית,כתובת - ישוב\n580000008,בעיר,עיר א\n580000016,בחיפה,חיפה\n".encode()
    job = _dry_run(client, personas, django_capture_on_commit_callbacks, data, format="registry")
    page = client.get(f"/t/town-a/jobs/{job.pk}/", HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert "בחיפה" in page and "יישוב אחר" in page
    assert "ייווצר" in page and ">create<" not in page and ">skip<" not in page


def test_a_long_result_is_paged_and_every_row_can_be_reached(
    client, personas, towns, django_capture_on_commit_callbacks
):
    rows = "".join(f"{580000000 + n},עמותה {n},חיפה\n" for n in range(1, 131))
    data = ("מספר עמותה,שם עמותה בעברית,כתובת - ישוב\n" + rows).encode()
    job = _dry_run(client, personas, django_capture_on_commit_callbacks, data, format="registry")
    assert len(job.result["outcomes"]) == 130
    first = client.get(f"/t/town-a/jobs/{job.pk}/").content.decode()
    second = client.get(f"/t/town-a/jobs/{job.pk}/?page=2").content.decode()
    assert "עמותה 1<" in first and "עמותה 130<" not in first and "עמותה 130<" in second


def test_the_import_page_explains_every_format_and_offers_both_templates(client, personas, towns):
    client.force_login(personas["alice"])
    with translation.override("en"):
        titles = [str(i.title) for i in ORG_IMPORTERS.values()]
    page = client.get("/t/town-a/reports/import/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert all(escape(title) in page for title in titles)
    for kind in ("organizations", "funding"):
        for fmt in ("csv", "xlsx"):
            assert f"/t/town-a/reports/import/template/{kind}.{fmt}" in page


def test_the_csv_template_is_headed_in_hebrew_neutralizes_formulas_and_imports_back(client, personas, towns, tmp_path):
    towns[0].name = "=HYPERLINK(1)"
    towns[0].save()
    client.force_login(personas["alice"])
    response = client.get("/t/town-a/reports/import/template/organizations.csv", HTTP_ACCEPT_LANGUAGE="he")
    text = response.content.decode("utf-8-sig")
    header, example = text.splitlines()[:2]
    assert header.startswith("שם,מגזר,סוג,צורה משפטית") and "המגזר השלישי" in example
    assert "'=HYPERLINK(1)" in example
    result = generic(towns[0], write(tmp_path, text), dry_run=True, all_localities=True)
    assert result.ok and result.counts["create"] == 1


def test_the_xlsx_template_opens_with_english_headers_in_english(client, personas, towns):
    from openpyxl import load_workbook

    client.force_login(personas["alice"])
    response = client.get("/t/town-a/reports/import/template/funding.xlsx", HTTP_ACCEPT_LANGUAGE="en")
    header = next(load_workbook(io.BytesIO(response.content)).active.values)
    assert header[:3] == ("Funder", "Recipient's registry number", "Year")


def test_only_a_coordinator_gets_the_template_and_sees_imports_in_the_town_menu(client, personas, towns):
    client.force_login(personas["carol"])
    assert client.get("/t/town-a/reports/import/template/organizations.csv").status_code == 403
    assert "/t/town-a/reports/import/" not in client.get("/t/town-a/").content.decode()
    client.force_login(personas["alice"])
    assert 'href="/t/town-a/reports/import/"' in client.get("/t/town-a/").content.decode()
