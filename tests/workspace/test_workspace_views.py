"""Workspace pages: the access gates, refused writes with their message, the respondent's personal link."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shutafut.workspace import services
from shutafut.workspace.models import CharterApproval, CharterItem, HealthResponse, StageTransition
from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_ITEMS

pytestmark = pytest.mark.django_db

PAGES = [
    "ws-home",
    "ws-charter",
    "ws-charter-print",
    "ws-vision",
    "ws-readiness",
    "ws-culture",
    "ws-plan",
    "ws-health",
    "ws-outcomes",
]


def _url(name, ws, **kw):  # type: ignore[no-untyped-def]
    return reverse(name, kwargs={"town": ws["town"].slug, "pk": ws["p"].pk, **kw})


@pytest.mark.parametrize("name", PAGES)
def test_every_workspace_page_renders_in_hebrew_for_a_viewer(client, ws, name):
    client.force_login(ws["bob"])
    response = client.get(_url(name, ws))
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


@pytest.mark.parametrize("name", ["ws-home", "ws-charter"])
def test_another_towns_partnership_and_a_missing_one_give_the_same_404(client, ws, name):
    client.force_login(ws["charlie"])
    other_town = reverse(name, kwargs={"town": "town-b", "pk": ws["p"].pk})
    missing = reverse(name, kwargs={"town": "town-b", "pk": 999999})
    assert client.get(other_town).status_code == 404
    assert client.get(missing).status_code == 404
    client.force_login(ws["alice"])
    assert client.get(reverse(name, kwargs={"town": "town-a", "pk": 999999})).status_code == 404


def test_a_viewer_cannot_move_the_stage(client, ws):
    client.force_login(ws["bob"])
    response = client.post(_url("ws-stage-move", ws), {"to": "kickoff", "override_reason": "x"})
    assert response.status_code == 403
    assert not StageTransition.objects.exists()


def test_a_member_cannot_move_the_stage_either_the_role_is_stated_once_on_the_view(client, ws):
    client.force_login(ws["carol"])
    response = client.post(_url("ws-stage-move", ws), {"to": "kickoff", "override_reason": "x"})
    assert response.status_code == 403
    assert not StageTransition.objects.exists()


def test_a_stage_move_with_unmet_gates_and_no_reason_shows_the_gates_and_changes_nothing(client, ws):
    client.force_login(ws["alice"])
    response = client.post(_url("ws-stage-move", ws), {"to": "kickoff"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "המוכנות הפוליטית, הארגונית והקהילתית עוברת את הסף." in body
    ws["p"].refresh_from_db()
    assert ws["p"].stage == "initiation" and not StageTransition.objects.exists()


def test_the_home_page_lists_the_unmet_gates_of_each_next_stage(client, ws):
    client.force_login(ws["alice"])
    body = client.get(_url("ws-home", ws)).content.decode()
    assert body.count('data-testid="unmet-gate"') == 2  # readiness and justification before kick-off


def test_an_approval_posted_by_a_coordinator_for_a_member_she_does_not_represent_is_refused(client, ws):
    services.charter_item_add(
        partnership=ws["p"], member=ws["ngo_m"], column="contribution", text="ידע", by=ws["carol"]
    )
    client.force_login(ws["alice"])
    response = client.post(_url("ws-charter-approve", ws), {"member": ws["ngo_m"].pk})
    assert response.status_code == 400 and not CharterApproval.objects.exists()
    assert 'data-testid="refused"' in response.content.decode()


def test_a_representative_approves_through_the_page(client, ws):
    services.charter_item_add(
        partnership=ws["p"], member=ws["ngo_m"], column="contribution", text="ידע", by=ws["carol"]
    )
    client.force_login(ws["carol"])
    client.post(_url("ws-charter-approve", ws), {"member": ws["ngo_m"].pk})
    approval = CharterApproval.objects.get()
    assert approval.user == ws["carol"] and approval.member == ws["ngo_m"]


def test_a_readiness_score_outside_its_scale_is_refused_on_the_form(client, ws):
    client.force_login(ws["carol"])
    data = {"political": 4, "organizational": 2, "community": 2, "contribution": 2, "scope": 2, "innovation": 2}
    response = client.post(_url("ws-readiness-record", ws), data)
    body = response.content.decode()
    assert response.status_code == 400 and 'role="alert"' in body
    assert 'name="political" value="4"' in body  # what the user typed is shown again
    assert not ws["p"].readiness_assessments.exists()


def _survey_link(ws, person="ngo", member="ngo_m"):  # type: ignore[no-untyped-def]
    s = services.survey_create(partnership=ws["p"], title="סקר")
    token = services.survey_invite(survey=s, member=ws[member], person=ws["people"][person])
    return s, token


def _answers():  # type: ignore[no-untyped-def]
    data = {code: "4" for code, _p, _t in PRINCIPLE_ITEMS}
    data.update({code: "3" for code, _t in TRUST_ITEMS})
    data["benefits"] = ["third.benefit.community_goals"]
    return data


def test_a_respondent_answers_through_the_personal_link_without_logging_in(client, ws):
    s, token = _survey_link(ws)
    page = client.get(f"/h/{token}/")
    assert page.status_code == 200 and "יוסי" in page.content.decode()
    response = client.post(f"/h/{token}/", _answers())
    assert response.status_code == 302 and response["Location"] == f"/h/{token}/?saved=1"
    assert client.get(response["Location"]).status_code == 200
    answer = HealthResponse.objects.get()
    assert answer.member == ws["ngo_m"] and answer.sector == "third" and answer.answers["p1a"] == 4
    assert answer.benefits == ["third.benefit.community_goals"]


def test_an_invalid_link_is_a_404_that_reveals_nothing(client, ws):
    _s, token = _survey_link(ws)
    assert client.get(f"/h/{token[:-2]}xx/").status_code == 404
    assert client.get("/h/nonsense/").status_code == 404


def test_a_revoked_or_expired_link_is_gone_with_a_plain_message(client, ws):
    from django.utils import timezone

    from shutafut.surveys.links import link_revoke

    s, token = _survey_link(ws)
    link = s.invitations.get().link
    link_revoke(link)
    assert client.get(f"/h/{token}/").status_code == 410
    s2, token2 = _survey_link(ws, person="city", member="city_m")
    link2 = s2.invitations.get().link
    link2.expires_at = timezone.now()
    link2.save()
    response = client.get(f"/h/{token2}/")
    assert response.status_code == 410 and "יוסי" not in response.content.decode()


def test_an_answer_posted_after_the_survey_closed_is_refused_clearly(client, ws):
    s, token = _survey_link(ws)
    services.survey_close(survey=s)
    response = client.post(f"/h/{token}/", _answers())
    assert response.status_code == 409 and not HealthResponse.objects.exists()


def test_the_panel_context_and_snippet_render_for_the_partnership_page(ws):
    from django.template.loader import render_to_string

    from shutafut.workspace.selectors import partnership_panel_context

    html = render_to_string("workspace/partnership_panel.html", partnership_panel_context(ws["p"]))
    assert "ws-panel" in html and reverse("ws-home", kwargs={"town": "town-a", "pk": ws["p"].pk}) in html


def test_a_member_cannot_send_survey_links(client, ws):
    s = services.survey_create(partnership=ws["p"], title="סקר")
    client.force_login(ws["carol"])
    response = client.post(_url("ws-survey-action", ws, survey=s.pk, action="send"))
    assert response.status_code == 403 and not s.invitations.exists()


def test_the_coordinator_sends_links_by_e_mail_with_the_personal_url(
    client, ws, mailoutbox, django_capture_on_commit_callbacks
):
    s = services.survey_create(partnership=ws["p"], title="סקר")
    client.force_login(ws["alice"])
    with django_capture_on_commit_callbacks(execute=True):  # the e-mails leave after the commit
        client.post(_url("ws-survey-action", ws, survey=s.pk, action="send"))
    assert s.invitations.count() == 3 and len(mailoutbox) == 3
    assert "http://testserver/h/" in mailoutbox[0].body


def test_an_invalid_form_comes_back_with_what_the_user_typed_and_the_error_by_its_field(client, ws):
    client.force_login(ws["carol"])
    data = {"goal-title": "תעסוקה לצעירים", "goal-indicator": "", "goal-baseline": "0", "goal-target": "abc"}
    response = client.post(_url("ws-plan-add", ws, kind="goal"), {**data, "goal-weight": "1"})
    assert response.status_code == 400
    form = response.context["plan_forms"]["goal"]
    assert set(form.errors) == {"indicator", "target"}
    body = response.content.decode()
    assert 'value="תעסוקה לצעירים"' in body and 'value="abc"' in body
    assert not ws["p"].plan_goals.exists()


def test_a_refusal_of_the_service_comes_back_on_the_form_with_what_the_user_typed(client, ws):
    client.force_login(ws["carol"])
    data = {"item-member": ws["ngo_m"].pk, "item-column": "concern", "item-mitigation": "פגישה שבועית"}
    response = client.post(_url("ws-charter-item", ws), data)  # neither a sector-table item nor free text
    assert response.status_code == 400
    form = response.context["item_form"]
    assert form.non_field_errors() and 'value="פגישה שבועית"' in response.content.decode()
    assert not CharterItem.objects.exists()


def test_a_valid_write_goes_back_to_its_page_with_a_message(client, ws):
    client.force_login(ws["carol"])
    data = {"item-member": ws["ngo_m"].pk, "item-column": "contribution", "item-text": "ידע"}
    response = client.post(_url("ws-charter-item", ws), data, follow=True)
    assert response.redirect_chain == [(_url("ws-charter", ws), 302)]
    assert CharterItem.objects.get().text == "ידע"
