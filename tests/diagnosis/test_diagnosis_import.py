"""`shutafut partnership import` and its service: members matched to the town's registry by registry number or name,
or created with the legal form their number shows; a member the registry refuses is named and nothing is written;
what real records say (a standing body meeting regularly, activities without organizers) reaches the app."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from django.core.exceptions import ValidationError
from django.utils import translation

from shutafut.cli import main
from shutafut.diagnosis import engine as e
from shutafut.diagnosis.imports import partnership_import, registry_problems
from shutafut.diagnosis.services import diagnosis_document
from shutafut.organizations.models import Organization
from shutafut.partnerships import services
from shutafut.partnerships.models import Partnership
from tests.conftest import REPO

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def record(*members: dict, **extra) -> e.Partnership:  # type: ignore[no-untyped-def]
    return e.parse({"id": "r", "name": "Imported", "members": list(members), **extra})


def test_a_member_is_matched_by_its_registry_number_before_its_name(towns, town_a_records):
    imported = partnership_import(
        town=towns[0],
        record=record(
            {"id": "x", "name": "Lev (another spelling)", "sector": "third", "registry_number": "58-000000-8"}
        ),
    )
    assert imported.members.get().organization == town_a_records["ngo"]


def test_a_member_without_a_known_number_is_matched_by_its_name(towns, town_a_records):
    imported = partnership_import(town=towns[0], record=record({"id": "x", "name": "עיריית א", "sector": "public"}))
    assert imported.members.get().organization == town_a_records["city"]


def test_a_new_member_is_created_with_the_legal_form_its_registry_number_shows(towns):
    imported = partnership_import(
        town=towns[0],
        record=record({"id": "x", "name": "Community foundation", "sector": "third", "registry_number": "510000003"}),
    )
    created = imported.members.get().organization
    assert (created.registry_number, created.legal_form, created.subtype) == (
        "510000003",
        "public_benefit_company",
        "public_benefit_company",
    )


def test_a_member_the_registry_refuses_is_named_and_nothing_is_written(towns):
    bad = record(
        {"id": "a", "name": "Fine nonprofit", "sector": "third"},
        {"id": "b", "name": "Bad number", "sector": "third", "registry_number": "580000009"},
    )
    assert set(registry_problems(towns[0], bad.members)) == {1}
    with pytest.raises(ValidationError) as caught, translation.override("en"):
        partnership_import(town=towns[0], record=bad)
    assert "Member 2 (Bad number)" in caught.value.messages[0]
    assert not Partnership.objects.filter(name="Imported").exists()
    assert not Organization.objects.filter(name="Fine nonprofit").exists()


def test_the_cli_import_refuses_a_bad_registry_number_with_exit_2(towns, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {"id": "r", "name": "r", "members": [{"id": "b", "name": "B", "sector": "third", "registry_number": "5"}]}
        ),
        encoding="utf-8",
    )
    with translation.override("en"):
        result = CliRunner().invoke(main, ["partnership", "import", str(path), "--town", "town-a"])
    assert result.exit_code == 2
    assert "Member 1 (B): registry number:" in result.output


def test_a_standing_body_meeting_regularly_survives_the_import(towns):
    imported = partnership_import(
        town=towns[0], record=e.load_file(REPO / "examples" / "diagnosis" / "steering_committee.yaml")
    )
    assert (imported.standing_body, imported.meeting_cadence) == (True, "regular")
    assert diagnosis_document(imported, "en")["tests"]["T2"]["status"] == "passed"


def test_an_activity_recorded_without_organizers_is_asked_about_in_the_app(towns, town_a_records):
    partnership = town_a_records["partnership"]
    city = partnership.members.get()
    ngo = services.member_add(partnership=partnership, organization=town_a_records["ngo"])
    services.interaction_create(partnership=partnership, kind="information", source=city, target=ngo)
    services.interaction_create(partnership=partnership, kind="information", source=ngo, target=city)
    services.activity_create(partnership=partnership, date=dt.date(2026, 1, 1), title="יריד")
    missing = {m["field"] for m in diagnosis_document(partnership, "en")["missing"]}
    assert "activities.organizers" in missing
