"""The audit log records who created, changed or deleted partnership data, and only coordinators read it."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from shutafut.audit.context import acting_as
from shutafut.audit.models import AuditEvent
from tests.conftest import represent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def test_a_write_through_the_api_records_who_when_and_what_changed(personas, town_a_records):
    client = Client()
    client.force_login(personas["alice"])
    partnership = town_a_records["partnership"]
    before = timezone.now()
    AuditEvent.objects.all().delete()
    response = client.generic(
        "PATCH", f"/api/v1/partnerships/{partnership.pk}", '{"description": "מטרה חדשה"}', "application/json"
    )
    assert response.status_code == 200, response.content
    event = AuditEvent.objects.get(model="partnerships.Partnership", action="update")
    assert event.actor == "alice" and event.user_pk == personas["alice"].pk
    assert event.town_id == partnership.town_id and event.object_id == str(partnership.pk)
    assert event.changes == {"description": ["", "מטרה חדשה"]}
    assert event.at >= before


def test_an_api_write_with_a_bearer_token_is_attributed_to_the_token_owner(personas, town_a_records, towns):
    from shutafut.accounts.services import api_token_create

    _record, token = api_token_create(user=personas["carol"], town=towns[0], name="t")
    org = town_a_records["city"]
    represent(personas["carol"], org)
    response = Client().generic(
        "PATCH",
        f"/api/v1/organizations/{org.pk}",
        data='{"locality": "חיפה"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200, response.content
    event = AuditEvent.objects.filter(model="organizations.Organization", action="update").latest("pk")
    assert event.actor == "carol" and event.changes["locality"] == ["", "חיפה"]


def test_creating_and_deleting_records_are_logged_with_their_values(towns):
    from shutafut.organizations.models import Organization

    with acting_as("system"):
        org = Organization.objects.create(
            town=towns[0], name="מתנ״ס", sector="third", subtype="nonprofit", legal_form="amuta"
        )
        pk = org.pk
        org.delete()
    created, deleted = AuditEvent.objects.filter(object_id=str(pk), model="organizations.Organization").order_by("pk")
    assert (created.action, deleted.action) == ("create", "delete")
    assert created.changes["name"] == [None, "מתנ״ס"] and deleted.changes["name"] == ["מתנ״ס", None]
    assert created.actor == deleted.actor == "system" and created.town_id == towns[0].pk


def test_a_write_outside_any_request_is_attributed_to_the_system(town_a_records):
    event = AuditEvent.objects.filter(model="partnerships.Partnership", action="create").get()
    assert event.actor == "system" and event.user_pk is None


def test_records_hanging_on_a_partnership_are_logged_under_its_town(town_a_records):
    event = AuditEvent.objects.filter(model="partnerships.Member", action="create").first()
    assert event is not None and event.town_id == town_a_records["partnership"].town_id


def test_a_saved_record_without_changes_writes_no_event(town_a_records):
    partnership = town_a_records["partnership"]
    n = AuditEvent.objects.count()
    partnership.save()
    assert AuditEvent.objects.count() == n


def test_many_to_many_changes_are_logged(town_a_records):
    import datetime as dt

    from shutafut.partnerships.models import Decision

    partnership = town_a_records["partnership"]
    member = partnership.members.first()
    decision = Decision.objects.create(
        partnership=partnership, subject="תקציב", date=dt.date(2026, 3, 1), method="consensus"
    )
    decision.participants.add(member)
    event = AuditEvent.objects.filter(model="partnerships.Decision", action="update").latest("pk")
    assert event.changes == {"participants": [None, {"add": [member.pk]}]}


@override_settings(LANGUAGE_CODE="en")
def test_the_town_coordinator_sees_the_log_filtered_by_record_type(personas, town_a_records):
    client = Client()
    client.force_login(personas["alice"])
    page = client.get("/t/town-a/audit/?model=partnerships.Partnership")
    assert page.status_code == 200
    text = page.content.decode()
    assert ">Partnership #" in text and ">Member #" not in text
    assert "partnerships.Partnership #" not in text, "the record type in words, not the model's label"


def test_the_log_shows_no_event_of_another_town(personas, town_a_records):
    from shutafut.organizations.models import Organization

    Organization.objects.filter(pk=town_a_records["other"].pk).update(name="x")  # no signal
    town_b_org = town_a_records["other"]
    town_b_org.name = "סוד של עיר ב"
    town_b_org.save()
    client = Client()
    client.force_login(personas["alice"])
    assert "סוד של עיר ב" not in client.get("/t/town-a/audit/").content.decode()


def test_a_viewer_cannot_read_the_audit_log(personas, towns):
    client = Client()
    client.force_login(personas["bob"])
    assert client.get("/t/town-a/audit/").status_code == 403


def test_a_member_cannot_read_the_audit_log(personas, towns):
    client = Client()
    client.force_login(personas["carol"])
    assert client.get("/t/town-a/audit/").status_code == 403


def test_another_towns_coordinator_gets_not_found_for_the_audit_log(personas, towns):
    client = Client()
    client.force_login(personas["charlie"])
    assert client.get("/t/town-a/audit/").status_code == 404
