"""Small expectations of the relationship pages: a new relationship is dated today, a second record of the same
pair and domain warns and offers to edit the first, and a relationship can be deleted after a confirmation."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from shutafut.relationships.models import Relationship
from tests.conftest import represent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def _member(personas: dict[str, Any]) -> Client:
    client = Client()
    client.force_login(personas["carol"])
    return client


@pytest.fixture(autouse=True)
def _carol_represents_the_ngo(personas, town_a_records):  # type: ignore[no-untyped-def]
    represent(personas["carol"], town_a_records["ngo"])


def _new(records: dict[str, Any], domain: str) -> dict[str, str]:
    return {
        "org_a": str(records["ngo"].pk),
        "org_b": str(records["city"].pk),
        "domain": domain,
        "rung": "4",
        "observed_on": "2026-03-01",
    }


def test_a_new_relationship_is_dated_today(town_a_records, personas):
    page = _member(personas).get(reverse("relationship-create", kwargs={"town": "town-a"})).content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in page


def test_a_second_record_of_the_same_pair_and_domain_warns_and_offers_to_edit_the_first(town_a_records, personas):
    client = _member(personas)
    url = reverse("relationship-create", kwargs={"town": "town-a"})
    existing = town_a_records["relationship"]  # city – ngo, "חינוך"
    response = client.post(url, _new(town_a_records, " חינוך "))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="twin"' in html
    assert reverse("relationship-edit", kwargs={"town": "town-a", "pk": existing.pk}) in html
    assert Relationship.objects.count() == 1
    kept = client.post(url, {**_new(town_a_records, "חינוך"), "save_anyway": "1"})
    assert kept.status_code == 302
    assert Relationship.objects.count() == 2


def test_another_domain_of_the_same_pair_is_saved_without_a_warning(town_a_records, personas):
    response = _member(personas).post(
        reverse("relationship-create", kwargs={"town": "town-a"}), _new(town_a_records, "בריאות")
    )
    assert response.status_code == 302


def test_a_relationship_is_deleted_after_a_confirmation(town_a_records, personas):
    represent(personas["carol"], town_a_records["city"])
    client = _member(personas)
    url = reverse("relationship-delete", kwargs={"town": "town-a", "pk": town_a_records["relationship"].pk})
    assert client.get(url).status_code == 200
    assert Relationship.objects.exists()
    assert client.post(url, {}).status_code == 302
    assert not Relationship.objects.exists()
