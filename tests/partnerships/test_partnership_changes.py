"""The partnerships app announces every change of a partnership's records (``partnership_changed``) to the apps
above it, which it does not import: the diagnosis refreshes, the partnership and organization pages show the
panels those apps registered."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError
from django.urls import reverse

from shutafut.diagnosis.models import DiagnosisSnapshot
from shutafut.partnerships.models import Activity, Partnership
from shutafut.partnerships.services import activity_create, member_add, partnership_batch
from shutafut.partnerships.signals import partnership_changed
from shutafut.workspace.services import readiness_record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def test_a_change_through_a_service_is_announced_with_its_partnership(town_a_records, announced):
    partnership = town_a_records["partnership"]
    member_add(partnership=partnership, organization=town_a_records["ngo"])
    assert announced == [partnership]


def test_a_batch_announces_its_changes_once_at_its_end(town_a_records, announced):
    partnership = town_a_records["partnership"]
    with partnership_batch(partnership):
        member_add(partnership=partnership, organization=town_a_records["ngo"])
        activity_create(partnership=partnership, date=dt.date(2026, 1, 1), title="מפגש")
        assert announced == []
    assert announced == [partnership]


def test_a_receiver_that_fails_rolls_the_write_back(town_a_records):
    def failing(sender: object, **kwargs: Any) -> None:
        raise IntegrityError("the derived record could not be written")

    partnership_changed.connect(failing, dispatch_uid="test_failing")
    try:
        with pytest.raises(IntegrityError):
            activity_create(partnership=town_a_records["partnership"], date=dt.date(2026, 1, 1), title="מפגש")
    finally:
        partnership_changed.disconnect(dispatch_uid="test_failing")
    assert not Activity.objects.exists()


def test_the_diagnosis_history_is_refreshed_by_the_announcement(town_a_records):
    partnership = town_a_records["partnership"]
    DiagnosisSnapshot.objects.filter(partnership=partnership).delete()
    partnership_changed.send(sender=Partnership, partnership=partnership)
    assert DiagnosisSnapshot.objects.filter(partnership=partnership).count() == 1


def test_recording_readiness_in_the_workspace_announces_the_change(personas, town_a_records, announced):
    partnership = town_a_records["partnership"]
    scores = {"political": 2, "organizational": 3, "community": 3, "contribution": 2, "scope": 2, "innovation": 1}
    readiness_record(partnership=partnership, by=personas["alice"], **scores)
    assert announced == [partnership]


def test_the_partnership_page_shows_the_workspace_panel_then_the_diagnosis(client, personas, town_a_records):
    client.force_login(personas["bob"])
    url = reverse("partnership-detail", kwargs={"town": "town-a", "pk": town_a_records["partnership"].pk})
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    workspace, diagnosis, members = (html.find(s) for s in ('id="ws-panel-title"', 'id="diagnosis"', 'id="members"'))
    assert -1 < workspace < diagnosis < members


def test_the_organization_page_lists_its_ties_and_its_partnerships(client, personas, town_a_records):
    client.force_login(personas["bob"])
    url = reverse("organization-detail", kwargs={"town": "town-a", "pk": town_a_records["ngo"].pk})
    response = client.get(url)
    assert list(response.context["relationships"]) == [town_a_records["relationship"]]
    assert list(response.context["partnerships"]) == []
    city = client.get(reverse("organization-detail", kwargs={"town": "town-a", "pk": town_a_records["city"].pk}))
    assert list(city.context["partnerships"]) == [town_a_records["partnership"]]
    html = city.content.decode()
    assert reverse("relationship-detail", kwargs={"town": "town-a", "pk": town_a_records["relationship"].pk}) in html
    assert reverse("partnership-detail", kwargs={"town": "town-a", "pk": town_a_records["partnership"].pk}) in html
