"""Imports: dry run row by row, all-or-nothing writes, idempotent upserts, and bad input named by row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutafut.organizations.models import Organization
from shutafut.reports.models import FundingFlow, LocalAuthority
from shutafut.reports.services import authorities_import, funding_import, organizations_import


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    from django.utils import translation

    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db

GOOD = "580000008"  # valid check digit
GOOD_2 = "580000016"
BAD_CHECK = "580000009"


def write(tmp_path: Path, text: str, name: str = "f.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_guidestar_dry_run_reports_each_row_and_writes_nothing(towns, tmp_path):
    path = write(tmp_path, f"ngo_id,ngo_name,has_proper_management\n{GOOD},עמותה א,True\n{GOOD_2},עמותה ב,False\n")
    result = organizations_import(town=towns[0], path=path, fmt="guidestar", dry_run=True)
    assert [(r.row, r.action) for r in result.rows] == [(2, "create"), (3, "create")]
    assert not Organization.objects.exists()


def test_importing_the_same_file_twice_changes_nothing_the_second_time(towns, tmp_path):
    path = write(tmp_path, f"ngo_id,ngo_name,has_proper_management\n{GOOD},עמותה א,True\n{GOOD_2},עמותה ב,False\n")
    first = organizations_import(town=towns[0], path=path, fmt="guidestar")
    before = list(Organization.objects.order_by("pk").values("pk", "name", "registry_number", "updated_at"))
    second = organizations_import(town=towns[0], path=path, fmt="guidestar")
    assert first.counts["create"] == 2 and second.counts["unchanged"] == 2
    assert list(Organization.objects.order_by("pk").values("pk", "name", "registry_number", "updated_at")) == before


def test_a_renamed_organization_is_updated_on_its_registry_number(towns, tmp_path):
    organizations_import(town=towns[0], path=write(tmp_path, f"ngo_id,ngo_name\n{GOOD},שם ישן\n"), fmt="guidestar")
    result = organizations_import(
        town=towns[0], path=write(tmp_path, f"ngo_id,ngo_name\n{GOOD},שם חדש\n", "g.csv"), fmt="guidestar"
    )
    assert result.counts["update"] == 1
    assert Organization.objects.get(registry_number=GOOD).name == "שם חדש"


def test_one_bad_check_digit_rejects_the_file_naming_row_and_column(towns, tmp_path):
    path = write(tmp_path, f"ngo_id,ngo_name\n{GOOD},עמותה א\n{BAD_CHECK},עמותה ב\n")
    result = organizations_import(town=towns[0], path=path, fmt="guidestar")
    assert not result.written and not Organization.objects.exists()
    (rejected,) = result.rejected
    assert rejected.row == 3 and rejected.problems[0].column == "ngo_id"
    assert "check digit" in rejected.problems[0].message


def test_duplicate_rows_are_rejected_with_the_row_they_repeat(towns, tmp_path):
    path = write(tmp_path, f"ngo_id,ngo_name\n{GOOD},עמותה א\n{GOOD},עמותה א\n")
    result = organizations_import(town=towns[0], path=path, fmt="guidestar")
    assert result.rejected[0].row == 3 and "row 2" in result.rejected[0].problems[0].message
    assert not Organization.objects.exists()


def test_a_windows_1255_file_is_reported_with_the_byte_position_and_accepted_when_named(towns, tmp_path):
    path = write(tmp_path, f"ngo_id,ngo_name\n{GOOD},עמותה א\n", encoding="cp1255")
    result = organizations_import(town=towns[0], path=path, fmt="guidestar")
    assert "not UTF-8" in result.file_error and "position" in result.file_error and "1255" in result.file_error
    assert not Organization.objects.exists()
    again = organizations_import(town=towns[0], path=path, fmt="guidestar", encoding="cp1255")
    assert again.written and Organization.objects.get().name == "עמותה א"


def test_missing_columns_are_named_and_nothing_is_written(towns, tmp_path):
    path = write(tmp_path, f"id,title\n{GOOD},עמותה\n")
    result = organizations_import(town=towns[0], path=path, fmt="guidestar")
    assert "ngo_id" in result.file_error and "ngo_name" in result.file_error
    assert not Organization.objects.exists()


def test_stray_direction_marks_are_removed_from_names_and_numbers(towns, tmp_path):
    path = write(tmp_path, f"ngo_id,ngo_name\n\u200f{GOOD}\u200e,\u202bעמותה א\u202c\n")
    organizations_import(town=towns[0], path=path, fmt="guidestar")
    org = Organization.objects.get()
    assert (org.name, org.registry_number) == ("עמותה א", GOOD)


def test_the_registrar_format_keeps_only_the_towns_locality(towns, tmp_path):
    header = "מספר עמותה,שם עמותה בעברית,סטטוס עמותה,כתובת - ישוב\n"
    path = write(tmp_path, header + f"{GOOD},בעיר,רשומה,עיר א\n{GOOD_2},בעיר אחרת,רשומה,חיפה\n")
    result = organizations_import(town=towns[0], path=path, fmt="registry")
    assert [r.action for r in result.rows] == ["create", "skip"]
    assert list(Organization.objects.values_list("name", flat=True)) == ["בעיר"]


def test_an_xlsx_file_imports_like_its_csv(towns, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ngo_id", "ngo_name"])
    sheet.append([int(GOOD), "עמותה א"])
    book.save(tmp_path / "f.xlsx")
    result = organizations_import(town=towns[0], path=tmp_path / "f.xlsx", fmt="guidestar")
    assert result.written and Organization.objects.get().registry_number == GOOD


def test_the_generic_template_checks_sector_and_subtype(towns, tmp_path):
    header = "name,sector,subtype,legal_form,registry_number\n"
    path = write(tmp_path, header + "עסק,business,nonprofit,company,\n")
    result = organizations_import(town=towns[0], path=path, fmt="generic")
    assert result.rejected[0].problems[0].column == "subtype"


def test_funding_flows_become_budget_transfers_from_a_created_ministry(towns, tmp_path):
    organizations_import(town=towns[0], path=write(tmp_path, f"ngo_id,ngo_name\n{GOOD},עמותה א\n"), fmt="guidestar")
    header = "נושא,מספר תקנה,משרד,סוג תמיכה,מקבל התמיכה,מספר תאגיד,שנה,סה״כ אושר,סה״כ שולם\n"
    rows = f"x,1,משרד התרבות,א,עמותה א,{GOOD},2021,10,100.5\nx,2,משרד התרבות,א,עמותה א,{GOOD},2021,10,50\n"
    rows += "x,3,משרד התרבות,א,אחרת,510000003,2021,1,1\n"
    path = write(tmp_path, header + rows, "c.csv")
    result = funding_import(town=towns[0], path=path)
    flow = FundingFlow.objects.get()
    assert (flow.funder.name, flow.funder.subtype, flow.year, flow.amount) == ("משרד התרבות", "ministry", 2021, 150.5)
    assert result.counts["skip"] == 2
    assert funding_import(town=towns[0], path=path).counts["unchanged"] == 1 and FundingFlow.objects.count() == 1


def test_a_funding_row_with_a_bad_amount_is_rejected_and_nothing_written(towns, tmp_path):
    organizations_import(town=towns[0], path=write(tmp_path, f"ngo_id,ngo_name\n{GOOD},א\n"), fmt="guidestar")
    path = write(tmp_path, f"funder,recipient_registry_number,year,amount\nמשרד,{GOOD},2020,abc\n", "c.csv")
    result = funding_import(town=towns[0], path=path)
    assert result.rejected[0].problems[0].column == "amount"
    assert not FundingFlow.objects.exists() and not Organization.objects.filter(name="משרד").exists()


def test_the_real_authorities_table_imports_255_authorities_twice_the_same(db, shared_data):
    path = shared_data / "local_authorities" / "local_authorities_2021.csv"
    first = authorities_import(path=path)
    second = authorities_import(path=path)
    assert first.counts["create"] == 255 and second.counts["unchanged"] == 255
    assert LocalAuthority.objects.get(code="0031").name == "אופקים"


def test_every_row_of_a_plan_carries_a_row_action_not_a_string(towns, tmp_path):
    from shutafut.reports.importers import ORG_IMPORTERS, OrganizationImporter, RowAction

    path = write(tmp_path, f"ngo_id,ngo_name\n{GOOD},עמותה א\n{BAD_CHECK},עמותה ב\n")
    result = organizations_import(town=towns[0], path=path, fmt="guidestar", dry_run=True)
    assert [(type(r.action), r.action) for r in result.rows] == [
        (RowAction, RowAction.CREATE),
        (RowAction, RowAction.REJECT),
    ]
    assert all(isinstance(i, OrganizationImporter) and i.columns for i in ORG_IMPORTERS.values())
