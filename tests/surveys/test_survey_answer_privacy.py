"""A respondent's answers never appear per person: the audit log holds no content, and an organization's trust and
value, like the partnership report's ratings, are shown from three respondents up."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from shutafut.audit.models import AuditEvent
from shutafut.surveys.selectors import wave_trust_value
from shutafut.surveys.services import rating_save

pytestmark = pytest.mark.django_db


def _everything_logged() -> str:
    return json.dumps(list(AuditEvent.objects.values("object_repr", "changes")), ensure_ascii=False)


def test_an_answer_is_logged_as_written_by_whom_and_when_without_its_content(client, survey, personas):
    AuditEvent.objects.all().delete()
    token = survey["tokens"]["noa"]
    data = {"rated": survey["city"].pk, "rung": 4, "domain": "תחום-סודי", "trust_reliability": 2}
    assert client.post(reverse("survey-answer", kwargs={"token": token}), data).status_code == 302
    [event] = AuditEvent.objects.filter(model="surveys.Rating")
    assert (event.action, event.actor, event.town_id) == ("create", "anonymous", survey["town"].pk)
    assert event.changes == {} and event.object_repr == ""
    client.post(reverse("survey-finish", kwargs={"token": token}))
    assert AuditEvent.objects.filter(model="surveys.Completion", action="create").exists()
    logged = _everything_logged()
    assert "תחום-סודי" not in logged and "נועה" not in logged and survey["city"].name not in logged


def test_the_audit_page_shows_an_answer_event_without_its_content(client, survey, personas):
    rating_save(link=survey["links"]["noa"], rated=survey["city"], rung=4, domain="תחום-סודי")
    client.force_login(personas["alice"])
    page = client.get(
        reverse("audit-list", kwargs={"town": "town-a"}), {"model": "surveys.Rating"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    body = page.content.decode()
    assert "A survey answer: its content is not kept in the log." in body
    assert page.status_code == 200 and "surveys.Rating" in body
    assert "תחום-סודי" not in body and "נועה" not in body and "rung" not in body


def test_events_written_before_keep_no_answer_content_after_the_migration(towns):
    import importlib

    from django.apps import apps

    for model, repr_, changes in (
        ("workspace.HealthResponse", "סקר: דנה", {"comment": ["", "הערה אישית"], "trust": [{}, {"t1": 1}]}),
        ("organizations.Organization", "עמותה", {"name": ["א", "ב"]}),
    ):
        AuditEvent.objects.create(
            town=towns[0], actor="x", action="update", model=model, object_id="1", object_repr=repr_, changes=changes
        )
    migration = importlib.import_module("shutafut.audit.migrations.0002_answers_without_content")
    migration.forget_answers(apps, None)
    answer, other = AuditEvent.objects.order_by("pk")
    assert (answer.changes, answer.object_repr) == ({}, "")
    assert (other.changes, other.object_repr) == ({"name": ["א", "ב"]}, "עמותה")


def _trust(survey, raters):  # type: ignore[no-untyped-def]
    for name, score in raters:
        rating_save(
            link=survey["links"][name],
            rated=survey["ngo"],
            rung=3,
            trust_reliability=score,
            trust_mission=score,
            trust_openness=score,
            value_power=3,
        )


def test_an_organization_rated_by_fewer_than_three_respondents_shows_no_trust_or_value(survey):
    _trust(survey, [("dana", 4), ("shai", 2)])
    result = wave_trust_value(survey["wave"])
    [row] = result["organizations"]
    assert row["trust_raters"] == 2 and row["trust"] is None and row["value"] is None
    assert result["network_trust"] is None and result["network_value"] is None


def test_trust_and_value_are_shown_from_three_respondents_up(survey):
    _trust(survey, [("dana", 4), ("dov", 3), ("shai", 2)])
    rating_save(link=survey["links"]["noa"], rated=survey["city"], rung=4, trust_reliability=1, value_power=1)
    result = wave_trust_value(survey["wave"])
    rows = {r["organization"]: r for r in result["organizations"]}
    assert rows[survey["ngo"].pk]["trust"] == pytest.approx(3.0) and rows[survey["ngo"].pk]["value"] == 3.0
    assert rows[survey["city"].pk]["trust"] is None  # one respondent (noa): her answer, not shown
    assert result["network_trust"] is not None


def test_the_wave_page_does_not_show_one_respondents_trust_score(client, survey, personas):
    rating_save(
        link=survey["links"]["noa"],
        rated=survey["city"],
        rung=4,
        trust_reliability=1,
        trust_mission=2,
        trust_openness=2,
    )
    client.force_login(personas["alice"])
    body = client.get(reverse("survey-wave-detail", kwargs={"town": "town-a", "pk": survey["wave"].pk})).content
    assert "1.67" not in body.decode()


def test_the_partnership_report_hides_the_members_ratings_of_fewer_than_three_respondents(client, survey, personas):
    from shutafut.partnerships.services import member_add

    partnership = survey["city"].town.partnerships.get()
    member_add(partnership=partnership, organization=survey["ngo"], roles=["partner"])
    rating_save(link=survey["links"]["noa"], rated=survey["city"], rung=4, trust_reliability=1)
    client.force_login(personas["alice"])
    url = reverse("report-partnership", kwargs={"town": "town-a", "pk": partnership.pk})
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'id="h-health"' in body and "1.0" not in body.split('id="h-health"')[1].split("</section>")[0]
