"""The dashboard: first steps for a new town, a to-do of what is due, a representative's own work, and a cost that
does not grow with the town (issue 12 item 3)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from shutafut.diagnosis.models import DiagnosisSnapshot
from shutafut.organizations.models import Organization
from shutafut.partnerships.models import Member, ResourceFlow
from shutafut.partnerships.services import partnership_create
from shutafut.surveys.models import Wave
from shutafut.workspace.models import Charter, Goal, MemberRepresentative, Milestone, Task

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard", kwargs={"town": "town-a"})
TODAY = timezone.localdate()
YESTERDAY = TODAY - dt.timedelta(days=1)


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _steps(user) -> list[tuple[str, bool]]:  # type: ignore[no-untyped-def]
    return [(str(s.label), s.done) for s in _client(user).get(DASHBOARD).context["first_steps"]]


def test_a_new_town_shows_four_first_steps_none_ticked_each_a_link(personas, towns):
    response = _client(personas["alice"]).get(DASHBOARD)
    steps = response.context["first_steps"]
    assert [s.done for s in steps] == [False, False, False, False]
    html = response.content.decode()
    for url in ("/reports/import/", "/relationships/new/", "/surveys/new/", "/partnerships/new/"):
        assert f"/t/town-a{url}" in html


def test_each_first_step_is_ticked_once_done(personas, town_a_records):
    assert [done for _label, done in _steps(personas["alice"])] == [True, True, False, True]
    Wave.objects.create(town=town_a_records["city"].town, name="גל")
    assert [done for _label, done in _steps(personas["alice"])] == [True, True, True, True]


@pytest.fixture
def due(town_a_records):  # type: ignore[no-untyped-def]
    """In the fixture's partnership: an unapproved charter, an overdue task and milestone, an undelivered pledge,
    a survey closing in three days, and a diagnosis that dropped from rung 4 to 2."""
    partnership = town_a_records["partnership"]
    city = partnership.members.get()
    Charter.objects.create(partnership=partnership, version=1)
    goal = Goal.objects.create(partnership=partnership, title="יעד", indicator="משתתפים", target=10)
    milestone = Milestone.objects.create(goal=goal, title="אבן דרך שעברה", due=YESTERDAY)
    Task.objects.create(milestone=milestone, title="משימה באיחור", owner=city, due=YESTERDAY, progress=40)
    ResourceFlow.objects.create(partnership=partnership, giver=city, kind="pledge", resource_type="budget")
    Wave.objects.create(town=partnership.town, name="גל נסגר", status="open", closes_on=TODAY + dt.timedelta(days=3))
    for rung in (4, 2):
        DiagnosisSnapshot.objects.create(partnership=partnership, rung=rung, is_partnership=rung >= 3)
    return town_a_records


def test_the_coordinators_todo_lists_everything_due_in_the_town(personas, due):
    todo = _client(personas["alice"]).get(DASHBOARD).context["todo"]
    counts = {d.key: d.count for d in todo["lists"]}
    assert counts == {"approvals": 1, "tasks": 1, "milestones": 1, "surveys": 1, "dropped": 1, "pledges": 1}


def test_the_work_plan_marks_the_overdue_task_and_milestone(personas, due):
    url = reverse("ws-plan", kwargs={"town": "town-a", "pk": due["partnership"].pk})
    html = _client(personas["alice"]).get(url).content.decode()
    assert html.count('class="badge overdue"') == 2


def test_the_work_plan_and_the_to_do_agree_on_a_milestone_whose_only_unfinished_task_weighs_nothing(personas, due):
    milestone = Milestone.objects.get(title="אבן דרך שעברה")
    milestone.tasks.update(progress=100)
    Task.objects.create(
        milestone=milestone,
        title="משימה בלי משקל",
        owner=due["partnership"].members.get(),
        due=TODAY,
        weight=0,
        progress=0,
    )
    todo = _client(personas["alice"]).get(DASHBOARD).context["todo"]
    assert {d.key: d.count for d in todo["lists"]}["milestones"] == 1
    url = reverse("ws-plan", kwargs={"town": "town-a", "pk": due["partnership"].pk})
    assert 'class="badge overdue"' in _client(personas["alice"]).get(url).content.decode()


def test_a_representative_sees_my_partnerships_and_my_approvals_not_the_whole_town(personas, due):
    town = due["city"].town
    other = partnership_create(town=town, name="שותפות זרה", convener=due["ngo"])
    Charter.objects.create(partnership=other, version=1)
    third = Organization.objects.create(town=town, name="ארגון שלישי", sector="business", subtype="company")
    ours = due["partnership"]
    mine = Member.objects.create(partnership=ours, organization=third)
    MemberRepresentative.objects.create(member=mine, user=personas["carol"])
    todo = _client(personas["carol"]).get(DASHBOARD).context["todo"]
    lists = {d.key: d for d in todo["lists"]}
    assert not todo["whole_town"]
    assert [r["partnership"] for r in lists["mine"].rows] == [ours]
    assert [r["member"] for r in lists["approvals"].rows] == [mine]  # not the city's, not the other partnership's
    assert "surveys" not in lists


def test_the_dashboard_costs_the_same_number_of_queries_in_a_bigger_town(personas, due):
    client = _client(personas["alice"])
    with CaptureQueriesContext(connection) as small:
        client.get(DASHBOARD)
    town = due["city"].town
    for n in range(15):
        p = partnership_create(town=town, name=f"שותפות {n}", convener=due["city"])
        Charter.objects.create(partnership=p, version=1)
        ResourceFlow.objects.create(partnership=p, giver=p.members.get(), kind="pledge", resource_type="budget")
    with CaptureQueriesContext(connection) as big:
        response = client.get(DASHBOARD)
    assert len(big) == len(small)
    pledges = next(d for d in response.context["todo"]["lists"] if d.key == "pledges")
    assert pledges.count == 16 and len(pledges.rows) == 8 and pledges.more == 8
