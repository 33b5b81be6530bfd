"""The ``data import`` commands: exit codes, row-level messages and the real nonprofit list's format."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from shutafut.organizations.models import Organization
from shutafut.reports.cli import data


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    from django.utils import translation

    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db


def test_a_rejected_row_exits_non_zero_and_names_row_and_column(towns, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("ngo_id,ngo_name\n580000009,עמותה\n", encoding="utf-8")
    result = CliRunner().invoke(
        data, ["import", "organizations", str(path), "--town", "town-a", "--format", "guidestar"]
    )
    assert result.exit_code == 1
    assert "row 2, column 'ngo_id'" in result.output
    assert not Organization.objects.exists()


def test_a_slice_of_the_real_nonprofit_list_imports_whole_and_a_second_run_changes_nothing(
    towns, shared_data, tmp_path
):
    """Every 80th row of the real GuideStar list, as it is in ../shared (the whole list, twice, is in bench/)."""
    real = (shared_data / "nonprofits" / "ngo_proper_management_guidestar.csv").read_bytes().splitlines(keepends=True)
    assert len(real) == 19774  # the header and 19,773 nonprofits
    rows = real[1::80]
    path = tmp_path / "guidestar-slice.csv"
    path.write_bytes(real[0] + b"".join(rows))
    args = ["import", "organizations", str(path), "--town", "town-a", "--format", "guidestar"]
    first = CliRunner().invoke(data, args)
    assert first.exit_code == 0, first.output
    snapshot = list(Organization.objects.order_by("pk").values_list("pk", "name", "registry_number", "updated_at"))
    assert len(snapshot) == len(rows) == 248
    assert any('"' in name for _pk, name, _number, _at in snapshot)  # the list's doubled quotes are read as quotes
    second = CliRunner().invoke(data, args)
    assert second.exit_code == 0, second.output
    assert f"{len(rows)} unchanged" in second.output
    assert (
        list(Organization.objects.order_by("pk").values_list("pk", "name", "registry_number", "updated_at")) == snapshot
    )


def test_the_verbose_listing_says_each_rows_outcome_in_words(towns, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("name,sector,subtype,legal_form\nעמותת בדיקה,third,nonprofit,amuta\n", encoding="utf-8")
    args = ["import", "organizations", str(path), "--town", "town-a", "--dry-run", "--verbose"]
    result = CliRunner().invoke(data, args)
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if line.startswith("row 2\t")]
    assert line.split("\t")[1] == "will be created"
