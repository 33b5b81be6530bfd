"""The partnership and town reports show outcomes (issue 13.5) and the health survey from survey to survey
(issue 13.6), in HTML and in PDF (read back with pdftotext); a success mean of fewer than three ratings is hidden."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from click.testing import CliRunner
from django.urls import reverse
from django.utils import translation

from shutafut.accounts.models import Membership, Role
from shutafut.organizations.models import Organization
from shutafut.partnerships.services import member_add, partnership_create
from shutafut.reports.cli import report
from shutafut.workspace import services
from shutafut.workspace.models import MemberRepresentative
from shutafut.workspace.services import OutcomeMarks
from tests.conftest import require_program
from tests.workspace.health_records import closed_survey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _language_restored():  # type: ignore[no-untyped-def]
    """The pages are read in English; the language the requests switch to is put back after each test."""
    with translation.override("en"):
        yield


@pytest.fixture
def town(town_a_records, personas, django_user_model):  # type: ignore[no-untyped-def]
    """Two partnerships of town A: the first with three members, each with a representative who rated its success,
    outcomes, contributions and two closed health surveys; the second with one rating and its own outcomes."""
    r = town_a_records
    first = r["partnership"]
    biz = Organization.objects.create(
        town=first.town, name="חברת אור", sector="business", subtype="company", legal_form="company"
    )
    city_m = first.members.get(organization=r["city"])
    ngo_m = member_add(partnership=first, organization=r["ngo"], roles=["partner"])
    biz_m = member_add(partnership=first, organization=biz, roles=["partner"])
    reps = {}
    for name, member in (("alice", city_m), ("carol", ngo_m), ("dave", biz_m)):
        if name not in personas:
            personas[name] = django_user_model.objects.create_user(username=name, password="pw")
            Membership.objects.create(user=personas[name], town=first.town, role=Role.MEMBER)
        MemberRepresentative.objects.create(member=member, user=personas[name])
        reps[name] = member
    services.outcomes_save(
        partnership=first,
        by=personas["alice"],
        marks={
            "quality_of_life": OutcomeMarks(intended=True, achieved=True, note="200 families took part"),
            "participation": OutcomeMarks(intended=True),
        },
        most_important="quality_of_life",
    )
    services.contribution_set(member=ngo_m, by=personas["carol"], resource_type="volunteers")
    services.contribution_set(member=city_m, by=personas["alice"], resource_type="official_authority")
    for name, score in (("alice", 4), ("carol", 3), ("dave", 2)):
        services.success_rate(member=reps[name], by=personas[name], score=score)
    closed_survey(first, "2025", dt.date(2025, 6, 1), [(city_m, 2), (ngo_m, 2), (biz_m, 2)])
    closed_survey(first, "2026", dt.date(2026, 6, 1), [(city_m, 3), (ngo_m, 3), (biz_m, 4)])

    second = partnership_create(town=first.town, name="שותפות ב", convener=r["city"])
    ngo_in_second = member_add(partnership=second, organization=r["ngo"], roles=["partner"])
    MemberRepresentative.objects.create(member=ngo_in_second, user=personas["carol"])
    services.outcomes_save(
        partnership=second,
        by=personas["carol"],
        marks={"quality_of_life": OutcomeMarks(intended=True), "transparency": OutcomeMarks(achieved=True)},
    )
    services.success_rate(member=ngo_in_second, by=personas["carol"], score=1)
    return {"first": first, "second": second, "users": personas}


def _get(client, town, name, **kwargs):  # type: ignore[no-untyped-def]
    client.force_login(town["users"]["bob"])
    url = reverse(name, kwargs={"town": "town-a", **kwargs})
    return client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def _section(body: str, testid: str) -> str:
    return body.split(f'data-testid="{testid}"')[1].split("</section>")[0]


def _numbers(row: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="num">(\d+)<', row)]


def _pdf_text(args: list[str], tmp_path) -> str:  # type: ignore[no-untyped-def]
    pdftotext = require_program("pdftotext", "poppler-utils")
    out = tmp_path / "report.pdf"
    result = CliRunner().invoke(report, [*args, "--pdf", str(out)])
    assert result.exit_code == 0, result.output
    return subprocess.run([pdftotext, str(out), "-"], capture_output=True, text=True, check=True).stdout


def test_the_partnership_report_shows_its_outcomes_contributions_and_success_mean(client, town):
    outcomes = _section(_get(client, town, "report-partnership", pk=town["first"].pk), "report-outcomes")
    assert "Quality of life (the most important)" in outcomes and "200 families took part" in outcomes
    assert "Participation" in outcomes and "Transparency" not in outcomes
    assert "Volunteers" in outcomes and "Official authority" in outcomes
    assert "3.0 of 4 (mean of 3 ratings)" in outcomes and "(from the guide)" in outcomes


def test_the_partnership_report_follows_trust_from_survey_to_survey(client, town):
    health = _section(_get(client, town, "report-partnership", pk=town["first"].pk), "report-health-survey")
    trend = health.split('data-testid="trust-trend"')[1].split("</table>")[0]
    assert "2025" in trend and "2.0" in trend and "2026" in trend and "3.3" in trend and "+1.3" in trend
    assert "The twelve statements are our own" in health and "(after the Wilder inventory)" in health


def test_a_partnership_report_hides_a_success_mean_of_one_rating(client, town):
    outcomes = _section(_get(client, town, "report-partnership", pk=town["second"].pk), "report-outcomes")
    assert "One rating so far" in outcomes and "1.0 of 4" not in outcomes


def test_the_partnership_pdf_shows_the_outcomes_and_the_trust_trend(town, tmp_path):
    text = _pdf_text(["partnership", str(town["first"].pk), "--lang", "en"], tmp_path)
    assert "Outcomes" in text and "Quality of life" in text and "200 families took part" in text
    assert "Health survey, from survey to survey" in text and "+1.3" in text and "3.0 of 4" in text


def test_the_town_report_counts_outcomes_intended_and_achieved_and_gives_the_success_mean_with_n(client, town):
    outcomes = _section(_get(client, town, "report-town"), "town-outcomes")
    quality = outcomes.split("Quality of life")[1].split("</tr>")[0]
    assert _numbers(quality) == [2, 1, 1, 1]  # intended, achieved, both, the most important
    transparency = outcomes.split("Transparency")[1].split("</tr>")[0]
    assert _numbers(transparency) == [0, 1, 0, 0]
    assert "Partnerships that recorded their outcomes: 2 of 2." in outcomes
    assert "2.5 of 4 (mean of 4 ratings)" in outcomes  # 4, 3, 2 and 1 over the town
    second = outcomes.split("שותפות ב")[1].split("</tr>")[0]
    assert "One rating so far" in second and "1.0" not in second


def test_the_town_report_shows_each_partnerships_trust_trend(client, town):
    trends = _section(_get(client, town, "report-town"), "town-health-trends")
    row = trends.split("שותפות א")[1].split("</tr>")[0]
    assert "2025: 2.0 (3 respondents)" in row and "2026: 3.3 (3 respondents)" in row and "+1.3" in row
    assert "שותפות ב" not in trends  # no closed survey


def test_the_town_pdf_in_hebrew_shows_the_outcomes_and_the_trust_over_time(town, tmp_path):
    text = _pdf_text(["town", "town-a", "--lang", "he"], tmp_path)
    assert "תוצאות השותפויות" in text and "איכות חיים" in text
    assert "אמון לאורך זמן" in text and "+1.3" in text
