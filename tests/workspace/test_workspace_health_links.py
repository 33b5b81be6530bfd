"""Getting the health survey's links to people (issue 12, item 4): what sending says, the links page, reissue,
reminders as a task, and a reopened link that shows the saved answers."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.core import mail
from django.urls import reverse

from shutafut.organizations.models import Person
from shutafut.surveys.models import SurveyLink
from shutafut.workspace import services
from shutafut.workspace.models import HealthResponse
from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_ITEMS

pytestmark = pytest.mark.django_db


def _url(name, ws, **kw):  # type: ignore[no-untyped-def]
    return reverse(name, kwargs={"town": ws["town"].slug, "pk": ws["p"].pk, **kw})


def _answers(score: str = "4"):  # type: ignore[no-untyped-def]
    data = {code: score for code, _p, _t in PRINCIPLE_ITEMS}
    data.update({code: "3" for code, _t in TRUST_ITEMS})
    return data


def _messages(response) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(m) for m in response.context["messages"])


def test_sending_says_exactly_how_many_got_an_e_mail_and_names_who_has_no_address(
    client, ws, django_capture_on_commit_callbacks
):
    Person.objects.filter(pk=ws["people"]["biz"].pk).update(email="")
    s = services.survey_create(partnership=ws["p"], title="סקר")
    client.force_login(ws["alice"])
    with django_capture_on_commit_callbacks(execute=True):  # the e-mails leave after the commit
        response = client.post(
            _url("ws-survey-action", ws, survey=s.pk, action="send"), follow=True, HTTP_ACCEPT_LANGUAGE="en"
        )
    said = _messages(response)
    assert "3 personal links were issued; 2 of them went out by e-mail." in said
    assert "No e-mail address, so no e-mail: רונית." in said
    assert len(mail.outbox) == 2
    assert response.redirect_chain[-1][0] == _url("ws-survey-links", ws, survey=s.pk)


def test_the_links_page_shows_each_invited_persons_link_and_who_answered_never_what(client, ws):
    s = services.survey_create(partnership=ws["p"], title="סקר")
    token = services.survey_invite(survey=s, member=ws["ngo_m"], person=ws["people"]["ngo"])
    services.survey_invite(survey=s, member=ws["city_m"], person=ws["people"]["city"])
    client.post(f"/h/{token}/", {**_answers(), "comment": "הערה סודית"})
    client.force_login(ws["alice"])
    page = client.get(_url("ws-survey-links", ws, survey=s.pk))
    assert page["Cache-Control"] == "no-store, private" and page["Referrer-Policy"] == "same-origin"
    rows = {r["person"].full_name: r for r in page.context["rows"]}
    assert rows["יוסי"]["url"] == f"http://testserver/h/{token}/" and rows["יוסי"]["answered"] is True
    assert rows["דנה"]["answered"] is False and "הערה סודית" not in page.content.decode()
    csv_rows = list(
        csv.reader(io.StringIO(client.get(_url("ws-survey-links-csv", ws, survey=s.pk)).content.decode("utf-8-sig")))
    )
    assert len(csv_rows) == 3 and any(r[4] == f"http://testserver/h/{token}/" for r in csv_rows)


@pytest.mark.parametrize("who", ["bob", "carol"])
def test_the_health_links_page_is_the_coordinators_only(client, ws, who):
    s = services.survey_create(partnership=ws["p"], title="סקר")
    services.survey_invite(survey=s, member=ws["ngo_m"], person=ws["people"]["ngo"])
    client.force_login(ws[who])
    assert client.get(_url("ws-survey-links", ws, survey=s.pk)).status_code in (403, 404)
    assert client.get(_url("ws-survey-links-csv", ws, survey=s.pk)).status_code in (403, 404)


def test_reissuing_a_health_link_stops_the_old_one(client, ws):
    s = services.survey_create(partnership=ws["p"], title="סקר")
    token = services.survey_invite(survey=s, member=ws["ngo_m"], person=ws["people"]["ngo"])
    invitation = s.invitations.get()
    client.force_login(ws["alice"])
    response = client.post(_url("ws-survey-reissue", ws, survey=s.pk, invitation=invitation.pk))
    assert response.status_code == 302 and response["Location"] == _url("ws-survey-links", ws, survey=s.pk)
    [row] = client.get(response["Location"]).context["rows"]
    assert token not in row["url"]
    client.logout()
    assert client.get(f"/h/{token}/").status_code == 410
    assert client.get(row["url"].removeprefix("http://testserver")).status_code == 200


def test_reminders_go_by_e_mail_only_after_commit_and_only_to_those_who_have_not_answered(
    client, ws, django_capture_on_commit_callbacks
):
    s = services.survey_create(partnership=ws["p"], title="סקר")
    services.survey_send(survey=s, base_url="http://testserver")
    answered = s.invitations.get(person=ws["people"]["ngo"]).link
    services.survey_answer(
        link=answered,
        answers={c: 4 for c, _p, _t in PRINCIPLE_ITEMS},
        trust={c: 3 for c, _t in TRUST_ITEMS},
    )
    mail.outbox.clear()
    client.force_login(ws["alice"])
    with django_capture_on_commit_callbacks(execute=False) as queued:
        client.post(_url("ws-survey-action", ws, survey=s.pk, action="remind"))
    assert len(queued) == 1 and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):  # the task queues one e-mail task per person
        queued[0]()
    assert sorted(m.to[0] for m in mail.outbox) == ["dana@example.org", "ronit@example.org"]
    assert all(m.subject.startswith(("Reminder", "תזכורת")) for m in mail.outbox)
    assert SurveyLink.objects.filter(revoked_at__isnull=False).count() == 0  # the links people have keep working


def test_a_respondent_who_reopens_the_link_sees_their_saved_answers_and_reloading_sends_nothing_again(client, ws):
    s = services.survey_create(partnership=ws["p"], title="סקר")
    token = services.survey_invite(survey=s, member=ws["ngo_m"], person=ws["people"]["ngo"])
    response = client.post(f"/h/{token}/", {**_answers("2"), "comment": "צריך יותר פגישות"})
    assert response.status_code == 302
    client.get(response["Location"])  # the thanks page, reloaded: no second write
    assert HealthResponse.objects.count() == 1
    again = client.get(f"/h/{token}/")
    form = again.context["form"]
    first = PRINCIPLE_ITEMS[0][0]
    assert form[first].value() == 2 and form["comment"].value() == "צריך יותר פגישות"
    assert re.search(rf'name="{first}" value="2"[^>]*checked', again.content.decode())


def test_a_link_sent_to_one_person_without_an_address_says_no_e_mail_went_out(client, ws):
    Person.objects.filter(pk=ws["people"]["ngo"].pk).update(email="")
    s = services.survey_create(partnership=ws["p"], title="סקר")
    client.force_login(ws["alice"])
    data = {"member": ws["ngo_m"].pk, "person": ws["people"]["ngo"].pk}
    response = client.post(
        _url("ws-survey-action", ws, survey=s.pk, action="invite"), data, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    said = _messages(response)
    assert "יוסי has no e-mail address, so no e-mail was sent" in said and "The link was sent." not in said
    assert s.invitations.count() == 1 and mail.outbox == []
