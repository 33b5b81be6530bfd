"""Irreversible moves ask first and have a way back: the stage list shows the real gates of each move and does not
offer ending as a move; ending has its own page that says what follows; a coordinator reopens an ended partnership
with a reason that the stage history keeps; a closed health survey is closed from a page that asks first."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from shutafut.audit.models import AuditEvent
from shutafut.workspace import services
from shutafut.workspace.models import Goal, HealthSurvey, StageTransition

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name: str, ws: dict[str, Any]) -> str:
    return reverse(name, kwargs={"town": "town-a", "pk": ws["p"].pk})


def test_the_stage_list_shows_each_gate_of_a_move_and_offers_no_ending_in_the_move_form(ws):
    html = _client(ws["alice"]).get(_url("ws-home", ws)).content.decode()
    assert html.count('data-testid="unmet-gate"') == 2  # initiation → kick-off: readiness and justification
    form = html.split('action="' + _url("ws-stage-move", ws))[1].split("</form>")[0]
    assert 'value="closed"' not in form
    assert _url("ws-end", ws) in html
    assert "all gates met" not in html and "כל השערים מולאו" not in html


def test_a_stage_move_to_ended_is_refused_outside_its_page(ws):
    with pytest.raises(ValidationError):
        services.stage_move(partnership=ws["p"], to="closed", by=ws["alice"])
    ws["p"].refresh_from_db()
    assert ws["p"].stage == "initiation"


def test_the_end_page_says_what_follows_and_ends_only_on_confirmation(ws):
    client = _client(ws["alice"])
    page = client.get(_url("ws-end", ws))
    assert 'data-testid="what-follows"' in page.content.decode()
    ws["p"].refresh_from_db()
    assert ws["p"].stage == "initiation"
    assert client.post(_url("ws-end", ws), {"reason": "המטרה הושגה"}).status_code == 302
    ws["p"].refresh_from_db()
    assert ws["p"].stage == "closed"
    assert StageTransition.objects.get(to_stage="closed").override_reason == "המטרה הושגה"


def test_a_member_cannot_end_or_reopen_a_partnership(ws):
    client = _client(ws["carol"])
    assert client.post(_url("ws-end", ws), {}).status_code == 403
    services.partnership_end(partnership=ws["p"], by=ws["alice"])
    assert client.post(_url("ws-reopen", ws), {"reason": "x"}).status_code == 403


def test_a_coordinator_reopens_an_ended_partnership_with_a_reason_kept_in_the_history_and_the_audit_log(ws):
    client = _client(ws["alice"])
    services.partnership_end(partnership=ws["p"], by=ws["alice"])
    refused = client.post(_url("ws-reopen", ws), {"reason": "  "})
    assert refused.status_code == 400
    ws["p"].refresh_from_db()
    assert ws["p"].stage == "closed"
    assert client.post(_url("ws-reopen", ws), {"reason": "נמצא מימון חדש"}).status_code == 302
    ws["p"].refresh_from_db()
    assert ws["p"].stage == "initiation"  # the stage it ended from
    home = client.get(_url("ws-home", ws)).content.decode()
    assert "נמצא מימון חדש" in home
    reopened = AuditEvent.objects.filter(model="workspace.StageTransition", action="create").order_by("-pk").first()
    assert reopened is not None and reopened.changes["override_reason"][1] == "נמצא מימון חדש"


def test_an_ended_partnership_starts_no_health_survey_and_moves_no_further(ws):
    services.partnership_end(partnership=ws["p"], by=ws["alice"])
    ws["p"].refresh_from_db()
    with pytest.raises(ValidationError):
        services.survey_create(partnership=ws["p"], title="סקר")
    with pytest.raises(ValidationError):
        services.stage_move(partnership=ws["p"], to="kickoff", by=ws["alice"], override_reason="x")
    assert not HealthSurvey.objects.exists()


def test_closing_a_health_survey_asks_first_and_says_what_follows(ws):
    survey = HealthSurvey.objects.create(partnership=ws["p"], title="סקר", status="open")
    client = _client(ws["alice"])
    url = reverse("ws-survey-close", kwargs={"town": "town-a", "pk": ws["p"].pk, "survey": survey.pk})
    health = client.get(_url("ws-health", ws)).content.decode()
    assert url in health
    assert client.get(url).status_code == 200
    survey.refresh_from_db()
    assert survey.status == "open"


def test_a_goal_of_the_work_plan_is_corrected_and_deleted(ws):
    goal = Goal.objects.create(partnership=ws["p"], title="יעד", indicator="משתתפים", target=100)
    client = _client(ws["carol"])
    kwargs = {"town": "town-a", "pk": ws["p"].pk, "kind": "goal", "item": goal.pk}
    html = client.get(reverse("ws-plan-edit", kwargs=kwargs)).content.decode()
    as_of = html.split('name="as_of" value="')[1].split('"')[0]
    data = {"title": "יעד מתוקן", "indicator": "משתתפים", "baseline": "0", "target": "120", "weight": "1"}
    assert client.post(reverse("ws-plan-edit", kwargs=kwargs), {**data, "as_of": as_of}).status_code == 302
    goal.refresh_from_db()
    assert goal.title == "יעד מתוקן"
    assert client.post(reverse("ws-plan-delete", kwargs=kwargs), {}).status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()
