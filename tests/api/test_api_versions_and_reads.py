"""The API's versions (ETag, If-Match on PATCH: a record changed meanwhile is not overwritten) and its reads of
survey waves and of a partnership's workspace, behind the same gates as the pages; no answer is ever sent."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from shutafut.organizations.models import Person
from shutafut.surveys.models import Wave
from shutafut.workspace.models import Goal, HealthResponse, HealthSurvey, Milestone, Task
from tests.conftest import represent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _patch(client: Client, url: str, body: dict[str, Any], **headers: str) -> Any:
    return client.patch(url, json.dumps(body), content_type="application/json", **headers)


def test_a_patch_with_the_etag_of_a_get_is_accepted_and_answers_the_new_etag(town_a_records, personas):
    represent(personas["carol"], town_a_records["city"])
    client = _client(personas["carol"])
    url = f"/api/v1/relationships/{town_a_records['relationship'].pk}"
    etag = client.get(url)["ETag"]
    response = _patch(client, url, {"notes": "נפגשו"}, HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert client.get(url)["ETag"] == response["ETag"]


def test_a_patch_on_a_record_changed_meanwhile_is_refused_with_412_and_what_changed(town_a_records, personas):
    represent(personas["carol"], town_a_records["city"])
    client = _client(personas["carol"])
    url = f"/api/v1/partnerships/{town_a_records['partnership'].pk}"
    etag = client.get(url)["ETag"]
    assert _patch(client, url, {"focus": "חינוך"}).status_code == 200  # someone else, without If-Match
    response = _patch(client, url, {"description": "ישן"}, HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert response.json()["changed"] == ["focus"]
    assert response["ETag"] == client.get(url)["ETag"]
    assert client.get(url).json()["description"] == ""


def test_the_waves_list_and_detail_give_counts_and_no_answers(town_a_records, personas, client):
    wave = Wave.objects.create(town=town_a_records["city"].town, name="גל 1", status="open")
    wave.organizations.set([town_a_records["city"], town_a_records["ngo"]])
    wave.respondents.set([Person.objects.create(town=wave.town, organization=town_a_records["city"], full_name="דנה")])
    viewer = _client(personas["bob"])
    listed = viewer.get("/api/v1/waves", {"town": "town-a"}).json()
    assert [w["name"] for w in listed["results"]] == ["גל 1"]
    detail = viewer.get(f"/api/v1/waves/{wave.pk}").json()
    assert detail["respondent_count"] == 1
    assert sorted(o["name"] for o in detail["organizations"]) == ["עיריית א", "עמותת לב"]
    assert "דנה" not in json.dumps(detail, ensure_ascii=False)
    assert _client(personas["charlie"]).get(f"/api/v1/waves/{wave.pk}").status_code == 404


def test_the_workspace_reads_give_the_plan_and_readiness_of_a_partnership(town_a_records, personas):
    partnership = town_a_records["partnership"]
    goal = Goal.objects.create(partnership=partnership, title="יעד", indicator="x", target=10)
    milestone = Milestone.objects.create(goal=goal, title="אבן דרך")
    Task.objects.create(
        milestone=milestone, title="משימה", owner=partnership.members.get(), due="2026-06-01", progress=50
    )
    viewer = _client(personas["bob"])
    plan = viewer.get(f"/api/v1/partnerships/{partnership.pk}/plan").json()
    assert plan["goals"][0]["milestones"][0]["tasks"][0]["progress"] == 50
    assert plan["progress"] == 0.5
    assert viewer.get(f"/api/v1/partnerships/{partnership.pk}/readiness").json()["assessed"] is False
    assert viewer.get(f"/api/v1/partnerships/{partnership.pk}/charter").json()["version"] is None
    assert _client(personas["charlie"]).get(f"/api/v1/partnerships/{partnership.pk}/plan").status_code == 404


def test_health_survey_results_hide_a_group_under_three_and_carry_no_comment(town_a_records, personas):
    partnership = town_a_records["partnership"]
    member = partnership.members.get()
    survey = HealthSurvey.objects.create(partnership=partnership, title="סקר", status="closed")
    for name in ("דנה", "יוסי"):
        person = Person.objects.create(town=partnership.town, organization=member.organization, full_name=name)
        HealthResponse.objects.create(
            survey=survey,
            member=member,
            person=person,
            sector="public",
            answers={"p1_1": 5},
            comment="סוד של " + name,
        )
    url = f"/api/v1/partnerships/{partnership.pk}/health-surveys/{survey.pk}/results"
    results = _client(personas["bob"]).get(url).json()
    assert results["n"] == 2
    assert all(p["suppressed"] and p["mean"] is None for p in results["principles"])
    assert "סוד" not in json.dumps(results, ensure_ascii=False)
    listed = _client(personas["bob"]).get(f"/api/v1/partnerships/{partnership.pk}/health-surveys").json()
    assert listed == [{"id": survey.pk, "title": "סקר", "status": "closed", "invited": 0, "answered": 2}]
