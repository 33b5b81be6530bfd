"""Correcting and deleting a partnership's parts: each part has an edit page and a delete page that asks first,
names what goes with it and what forbids it; deletes are audited and announced (the diagnosis is refreshed);
an edit made on a record that changed meanwhile is refused with what changed, and keeps what the user typed."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from shutafut.audit.models import AuditEvent
from shutafut.partnerships.models import Member, ResourceFlow
from shutafut.partnerships.services import flow_create, member_add, part_update
from shutafut.workspace.models import Goal, Milestone, Task
from tests.conftest import represent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


@pytest.fixture
def pledge(town_a_records) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    partnership = town_a_records["partnership"]
    ngo = member_add(partnership=partnership, organization=town_a_records["ngo"])
    flow = flow_create(partnership=partnership, kind="pledge", giver=ngo, resource_type="budget", value=5000, unit="₪")
    return {**town_a_records, "ngo_m": ngo, "flow": flow, "p": partnership}


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name: str, pledge: dict[str, Any], **kwargs: Any) -> str:
    return reverse(name, kwargs={"town": "town-a", "pk": pledge["p"].pk, **kwargs})


def _as_of(html: str) -> str:
    found = re.search(r'name="as_of" value="([^"]*)"', html)
    assert found is not None, "the form carries no version"
    return found.group(1)


def _flow_post(pledge: dict[str, Any], as_of: str, value: str) -> dict[str, str]:
    return {
        "kind": "pledge",
        "giver": str(pledge["ngo_m"].pk),
        "resource_type": "budget",
        "value": value,
        "unit": "₪",
        "in_return": "shared_goal",
        "approval": "none",
        "as_of": as_of,
    }


def test_a_coordinator_corrects_a_pledge_and_the_change_is_announced(pledge, personas, announced):
    client = _client(personas["alice"])
    edit = _url("partnership-part-edit", pledge, part="flow", item=pledge["flow"].pk)
    as_of = _as_of(client.get(edit).content.decode())
    response = client.post(edit, _flow_post(pledge, as_of, "500"))
    assert response.status_code == 302
    pledge["flow"].refresh_from_db()
    assert pledge["flow"].value == 500
    assert announced == [pledge["p"]]


def test_a_stale_edit_is_refused_with_what_changed_and_keeps_what_the_user_typed(pledge, personas):
    client = _client(personas["alice"])
    edit = _url("partnership-part-edit", pledge, part="flow", item=pledge["flow"].pk)
    as_of = _as_of(client.get(edit).content.decode())
    part_update(part=pledge["flow"], description="מענק שנתי")  # someone else saves meanwhile
    response = client.post(edit, _flow_post(pledge, as_of, "700"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Someone else changed this record" in html or "מישהו אחר שינה" in html
    assert "מענק שנתי" in html  # what changed meanwhile, with its stored value
    assert 'value="700"' in html  # what the user typed
    pledge["flow"].refresh_from_db()
    assert pledge["flow"].value == 5000
    again = client.post(edit, {**_flow_post(pledge, _as_of(html), "700"), "description": "מענק שנתי"})
    assert again.status_code == 302
    pledge["flow"].refresh_from_db()
    assert pledge["flow"].value == 700


def test_the_delete_page_names_what_goes_with_a_member_and_the_delete_is_audited_and_announced(
    pledge, personas, announced
):
    client = _client(personas["alice"])
    url = _url("partnership-part-delete", pledge, part="member", item=pledge["ngo_m"].pk)
    page = client.get(url).content.decode()
    assert "resource pledges and deliveries: 1" in page or "התחייבויות ומסירות של משאבים: 1" in page
    assert ResourceFlow.objects.filter(pk=pledge["flow"].pk).exists()  # asking deletes nothing
    response = client.post(url, {"as_of": _as_of(page)})
    assert response.status_code == 302
    assert not Member.objects.filter(pk=pledge["ngo_m"].pk).exists()
    assert not ResourceFlow.objects.filter(pk=pledge["flow"].pk).exists()
    deleted = AuditEvent.objects.filter(action="delete", model="partnerships.Member", object_id=str(pledge["ngo_m"].pk))
    assert deleted.get().actor == "alice"
    assert announced == [pledge["p"]]


def test_a_member_who_owns_a_task_cannot_be_deleted_and_the_page_names_the_task(pledge, personas):
    goal = Goal.objects.create(partnership=pledge["p"], title="יעד", indicator="x", target=1)
    milestone = Milestone.objects.create(goal=goal, title="אבן דרך")
    Task.objects.create(milestone=milestone, title="לגייס מתנדבים", owner=pledge["ngo_m"], due=dt.date(2026, 5, 1))
    client = _client(personas["alice"])
    url = _url("partnership-part-delete", pledge, part="member", item=pledge["ngo_m"].pk)
    page = client.get(url)
    assert page.status_code == 200
    assert "לגייס מתנדבים" in page.content.decode()
    response = client.post(url, {})
    assert response.status_code == 400
    assert "לגייס מתנדבים" in response.content.decode()
    assert Member.objects.filter(pk=pledge["ngo_m"].pk).exists()


def test_a_part_of_another_partnership_is_not_found_through_this_one(pledge, personas):
    from shutafut.partnerships.services import partnership_create

    other = partnership_create(town=pledge["p"].town, name="שותפות ב")
    client = _client(personas["alice"])
    url = reverse(
        "partnership-part-edit", kwargs={"town": "town-a", "pk": other.pk, "part": "flow", "item": pledge["flow"].pk}
    )
    assert client.get(url).status_code == 404
    assert client.post(url.replace("/edit/", "/delete/"), {}).status_code == 404
    assert ResourceFlow.objects.filter(pk=pledge["flow"].pk).exists()


def test_editing_a_member_keeps_its_organization_and_names_each_person_with_their_organization(pledge, personas):
    from shutafut.organizations.models import Person

    Person.objects.create(town=pledge["p"].town, organization=pledge["ngo"], full_name="יוסי")
    page = _client(personas["alice"]).get(_url("partnership-part-edit", pledge, part="member", item=pledge["ngo_m"].pk))
    html = page.content.decode()
    assert 'name="organization"' not in html
    assert "יוסי (עמותת לב)" in html


def test_the_partnership_page_offers_edit_and_delete_for_each_part_to_members_only(pledge, personas):
    detail = reverse("partnership-detail", kwargs={"town": "town-a", "pk": pledge["p"].pk})
    edit = _url("partnership-part-edit", pledge, part="flow", item=pledge["flow"].pk)
    represent(personas["carol"], pledge["ngo"])
    assert edit in _client(personas["carol"]).get(detail).content.decode()
    assert edit not in _client(personas["bob"]).get(detail).content.decode()


def test_the_partnership_list_shows_each_ones_diagnosed_rung(pledge, personas):
    from shutafut.diagnosis.models import DiagnosisSnapshot
    from shutafut.lib.choices import label_of
    from shutafut.model.ladder import Rung

    latest = DiagnosisSnapshot.objects.filter(partnership=pledge["p"]).latest()
    html = _client(personas["bob"]).get(reverse("partnership-list", kwargs={"town": "town-a"})).content.decode()
    assert f"<td>{label_of(Rung, latest.rung)}</td>" in html


def test_the_favicon_is_served_in_svg_and_ico(client):
    from django.contrib.staticfiles import finders

    assert finders.find("favicon.svg") and finders.find("favicon.ico")
    assert client.get("/favicon.ico").status_code == 301
