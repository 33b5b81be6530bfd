"""The health survey's answers never reach the audit log: the event says that an answer was written, not what."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from shutafut.audit.models import AuditEvent
from shutafut.workspace import services
from shutafut.workspace.models import HealthResponse
from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_ITEMS

pytestmark = pytest.mark.django_db


def _answer(client, ws, comment: str) -> None:  # type: ignore[no-untyped-def]
    survey = services.survey_create(partnership=ws["p"], title="סקר")
    token = services.survey_invite(survey=survey, member=ws["ngo_m"], person=ws["people"]["ngo"])
    data = {code: "2" for code, _p, _t in PRINCIPLE_ITEMS}
    data.update({code: "1" for code, _t in TRUST_ITEMS})
    data["comment"] = comment
    assert client.post(f"/h/{token}/", data).status_code == 302
    assert HealthResponse.objects.get().comment == comment


def test_a_health_answer_is_logged_without_scores_comment_or_name(client, ws):
    AuditEvent.objects.all().delete()
    _answer(client, ws, "הערה אישית מאוד")
    [event] = AuditEvent.objects.filter(model="workspace.HealthResponse")
    assert event.action == "create" and event.town_id == ws["town"].pk
    assert event.changes == {} and event.object_repr == ""
    logged = json.dumps(list(AuditEvent.objects.values("object_repr", "changes")), ensure_ascii=False)
    assert "הערה אישית מאוד" not in logged  # the invitation names the person (the coordinator's act), not the answer


def test_the_audit_page_filtered_to_health_answers_shows_no_answer(client, ws):
    _answer(client, ws, "הערה אישית מאוד")
    client.force_login(ws["alice"])
    page = client.get(
        reverse("audit-list", kwargs={"town": "town-a"}),
        {"model": "workspace.HealthResponse"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    body = page.content.decode()
    assert "A survey answer: its content is not kept in the log." in body
    assert page.status_code == 200 and "workspace.HealthResponse" in body
    assert "הערה אישית מאוד" not in body and ws["people"]["ngo"].full_name not in body
    assert "p1a" not in body and "trust" not in body
