"""The diagnosis in the app: the CLI, the API and the partnership page give the same result for every example,
the page links each test to its records, and the history keeps every change of rung."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner
from django.urls import reverse

from shutafut.accounts.services import api_token_create
from shutafut.cli import main
from shutafut.diagnosis import engine as e
from shutafut.diagnosis.imports import partnership_import
from shutafut.diagnosis.models import DiagnosisSnapshot
from shutafut.diagnosis.services import diagnoses_for_reading, diagnosis_for_reading
from shutafut.partnerships import services
from shutafut.partnerships.models import Partnership
from tests.conftest import REPO
from tests.diagnosis.examples import EXAMPLE_FILES, documented, outcome

pytestmark = pytest.mark.django_db

EXAMPLES = EXAMPLE_FILES


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_cli_the_api_and_the_page_agree_with_the_documented_result(client, personas, towns, example):
    expected = documented(example)
    cli = CliRunner().invoke(main, ["diagnose", str(example), "--format", "json", "--lang", "en"])
    assert cli.exit_code == 0, cli.output
    assert outcome(json.loads(cli.output)) == expected

    partnership = partnership_import(town=towns[0], record=e.load_file(example))
    _record, token = api_token_create(user=personas["bob"], town=towns[0], name="t")
    api = client.get(
        f"/api/v1/partnerships/{partnership.pk}/diagnosis", {"lang": "en"}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert api.status_code == 200
    assert outcome(api.json()) == expected

    client.force_login(personas["bob"])
    page = client.get(reverse("partnership-detail", kwargs={"town": "town-a", "pk": partnership.pk}))
    assert outcome(page.context["diagnosis"]) == expected
    assert f'aria-current="step">{page.context["diagnosis"]["rung"]["name"]}<' in page.content.decode()


def test_every_evidence_link_on_the_page_points_at_a_record_on_the_page(client, personas, towns):
    partnership = partnership_import(
        town=towns[0], record=e.load_file(REPO / "examples" / "diagnosis" / "partnership.yaml")
    )
    client.force_login(personas["bob"])
    html = client.get(reverse("partnership-detail", kwargs={"town": "town-a", "pk": partnership.pk})).content.decode()
    links = set(re.findall(r'href="#((?:member|flow|decision|document|activity|interest|interaction)-\d+)"', html))
    anchors = set(re.findall(r'id="((?:member|flow|decision|document|activity|interest|interaction)-\d+)"', html))
    assert links, "the tests cite records"
    assert links <= anchors


def test_the_page_explains_the_tests_in_hebrew(client, personas, towns):
    partnership = partnership_import(
        town=towns[0], record=e.load_file(REPO / "examples" / "diagnosis" / "donation.yaml")
    )
    client.force_login(personas["bob"])
    response = client.get(
        reverse("partnership-detail", kwargs={"town": "town-a", "pk": partnership.pk}), HTTP_ACCEPT_LANGUAGE="he"
    )
    diagnosis = response.context["diagnosis"]
    assert diagnosis["lang"] == "he"
    assert re.search("[א-ת]", diagnosis["tests"]["T7"]["reason"])


def test_a_change_of_rung_is_kept_in_the_history(towns, town_a_records):
    partnership = town_a_records["partnership"]
    city = partnership.members.get()
    ngo = services.member_add(partnership=partnership, organization=town_a_records["ngo"])
    rungs_before = list(DiagnosisSnapshot.objects.filter(partnership=partnership).values_list("rung", flat=True))
    services.interaction_create(partnership=partnership, kind="information", source=city, target=ngo)
    services.interaction_create(partnership=partnership, kind="information", source=ngo, target=city)
    services.interaction_create(partnership=partnership, kind="adjustment", source=ngo, target=city)
    history = list(DiagnosisSnapshot.objects.filter(partnership=partnership).order_by("computed_at", "pk"))
    assert [s.rung for s in history][: len(rungs_before)] == rungs_before
    assert history[-1].rung == 3  # coordination: information both ways and an adjusted activity


def test_an_unchanged_diagnosis_adds_no_history_row(towns, town_a_records):
    partnership = town_a_records["partnership"]
    before = DiagnosisSnapshot.objects.filter(partnership=partnership).count()
    services.activity_create(partnership=partnership, date=dt.date(2026, 1, 1), title="פגישה")
    assert DiagnosisSnapshot.objects.filter(partnership=partnership).count() == before


def test_the_diagnosis_of_another_towns_partnership_is_not_found(client, personas, town_a_records, towns):
    _record, token = api_token_create(user=personas["charlie"], town=towns[1], name="t")
    response = client.get(
        f"/api/v1/partnerships/{town_a_records['partnership'].pk}/diagnosis", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 404


def test_the_cli_imports_a_partnership_into_a_town(towns):
    example = REPO / "examples" / "diagnosis" / "cooperation.yaml"
    result = CliRunner().invoke(main, ["partnership", "import", str(example), "--town", "town-a"])
    assert result.exit_code == 0, result.output
    assert towns[0].partnerships.filter(pk=int(result.output.split("\t")[0])).exists()


def test_the_cli_import_refuses_an_unknown_town(towns):
    example = REPO / "examples" / "diagnosis" / "cooperation.yaml"
    result = CliRunner().invoke(main, ["partnership", "import", str(example), "--town", "nowhere"])
    assert result.exit_code == 2
    assert "nowhere" in result.output


def test_the_workspace_readiness_and_focus_feed_the_diagnosis(towns, personas, town_a_records):
    from shutafut.diagnosis.services import diagnosis_document
    from shutafut.workspace.services import focus_set, readiness_record

    partnership = town_a_records["partnership"]
    before = {p["number"]: p for p in diagnosis_document(partnership, "en")["principles"]}
    assert before[5]["indicators"]["I5.1_total"] is None
    scores = {"political": 0, "organizational": 3, "community": 3, "contribution": 2, "scope": 2, "innovation": 1}
    readiness_record(partnership=partnership, by=personas["alice"], **scores)
    focus_set(member=partnership.members.get(), by=personas["alice"], interest=3, influence=2)
    after = {p["number"]: p for p in diagnosis_document(partnership, "en")["principles"]}
    assert after[5]["indicators"]["I5.1_total"] == 6
    assert after[5]["indicators"]["I5.1_go"] is False  # political readiness 0: no-go
    assert after[5]["status"] == "risk"


def test_an_import_is_diagnosed_once_at_its_end(towns):
    partnership = partnership_import(
        town=towns[0], record=e.load_file(REPO / "examples" / "diagnosis" / "partnership.yaml")
    )
    history = list(DiagnosisSnapshot.objects.filter(partnership=partnership))
    assert [(s.rung, s.is_partnership) for s in history] == [(5, True)]


def test_a_towns_partnerships_read_together_give_each_ones_own_diagnosis_in_fewer_queries(
    demo, django_assert_max_num_queries
):
    partnerships = list(Partnership.objects.filter(town__slug="beer-sheva"))
    assert len(partnerships) >= 5
    one_by_one = {p.pk: diagnosis_for_reading(p, "he") for p in partnerships}
    # Parts in one fixed set of queries; each partnership adds only its few workspace facts (readiness, focus,
    # vision and its endorsers, working norms).
    with django_assert_max_num_queries(15 + 6 * len(partnerships)):
        together = diagnoses_for_reading(partnerships, "he")
    assert together == one_by_one
