"""`shutafut backup FILE` then `shutafut restore FILE` into an empty database gives back every row, identical."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.management import call_command
from django.db import IntegrityError

from shutafut.backup import RestoreError, backup, data_models, database_is_empty, restore
from shutafut.backup_cli import data_group

pytestmark = pytest.mark.django_db(transaction=True)


def every_row() -> dict[str, list[dict[str, Any]]]:
    return {m._meta.label: list(m._default_manager.order_by("pk").values()) for m in data_models()}


@pytest.fixture
def full_town(personas, town_a_records):  # type: ignore[no-untyped-def]
    import datetime as dt

    from shutafut.organizations.models import Person
    from shutafut.partnerships.models import Decision
    from shutafut.surveys.links import link_issue

    partnership = town_a_records["partnership"]
    decision = Decision.objects.create(
        partnership=partnership, subject="תקציב ״משותף״", date=dt.date(2026, 3, 1), method="consensus"
    )
    decision.participants.add(partnership.members.first())
    person = Person.objects.create(town=partnership.town, organization=town_a_records["city"], full_name="דנה")
    link_issue(town=person.town, purpose="relationship_survey", person=person, organization=town_a_records["city"])
    return town_a_records


def test_a_backup_restored_into_an_empty_database_gives_identical_rows(full_town, tmp_path):
    before = every_row()
    assert sum(len(rows) for rows in before.values()) > 20
    n = backup(tmp_path / "b.json")
    assert n == sum(len(rows) for rows in before.values())
    call_command("flush", interactive=False, verbosity=0)
    assert database_is_empty()
    restore(tmp_path / "b.json")
    assert every_row() == before


def test_a_compressed_backup_round_trips_through_the_command(full_town, tmp_path):
    before = every_row()
    runner = CliRunner()
    file = str(tmp_path / "b.json.gz")
    result = runner.invoke(data_group, ["backup", file])
    assert result.exit_code == 0, result.output
    call_command("flush", interactive=False, verbosity=0)
    result = runner.invoke(data_group, ["restore", file])
    assert result.exit_code == 0, result.output
    assert every_row() == before


def test_restore_refuses_a_database_that_already_holds_data(full_town, tmp_path):
    backup(tmp_path / "b.json")
    before = every_row()
    with pytest.raises(RestoreError):
        restore(tmp_path / "b.json")
    assert every_row() == before


def test_restore_with_replace_swaps_the_data_for_the_backup(full_town, tmp_path):
    from shutafut.organizations.models import Organization

    before = every_row()
    backup(tmp_path / "b.json")
    Organization.objects.filter(pk=full_town["city"].pk).update(name="שונה אחרי הגיבוי")
    restore(tmp_path / "b.json", replace=True)
    assert every_row() == before


def test_a_broken_backup_restores_nothing(full_town, tmp_path):
    backup(tmp_path / "b.json")
    records = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    orphan = next(r for r in records if r["model"] == "organizations.organization")
    records.append({**orphan, "pk": 999_999, "fields": {**orphan["fields"], "town": 424_242}})
    (tmp_path / "broken.json").write_text(json.dumps(records), encoding="utf-8")
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(IntegrityError, match="424242"):  # the organization names a town the file lacks
        restore(tmp_path / "broken.json")
    assert database_is_empty()
