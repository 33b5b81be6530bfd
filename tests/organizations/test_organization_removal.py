"""Deleting an organization or a person: the page says what depends on it; a partnership that counts the
organization as a member forbids it (named, never a 500); otherwise its people and ties go with it, and the
partnerships it convened keep their records and are announced as changed."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from shutafut.organizations.models import Organization, Person
from shutafut.partnerships.models import Partnership
from shutafut.relationships.models import Relationship

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def _coordinator(personas: dict[str, Any]) -> Client:
    client = Client()
    client.force_login(personas["alice"])
    return client


def _delete_url(org: Organization) -> str:
    return reverse("organization-delete", kwargs={"town": "town-a", "pk": org.pk})


def test_an_organization_that_is_a_member_of_a_partnership_cannot_be_deleted_and_the_partnership_is_named(
    town_a_records, personas
):
    city = town_a_records["city"]  # the convener, and so the first member, of "שותפות א"
    client = _coordinator(personas)
    page = client.get(_delete_url(city))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="blockers"' in html
    assert "שותפות א" in html
    assert "Delete for good" not in html and "למחוק לצמיתות" not in html
    response = client.post(_delete_url(city), {})
    assert response.status_code == 400
    assert Organization.objects.filter(pk=city.pk).exists()


def test_deleting_an_organization_takes_its_people_and_ties_and_leaves_the_partnerships_it_convened(
    town_a_records, personas, announced
):
    ngo = town_a_records["ngo"]
    convened = Partnership.objects.create(town=ngo.town, name="שותפות שכונה", convener=ngo)
    person = Person.objects.create(town=ngo.town, organization=ngo, full_name="יוסי")
    client = _coordinator(personas)
    html = client.get(_delete_url(ngo)).content.decode()
    assert 'data-testid="deleted-with-it"' in html and 'data-testid="unlinked"' in html
    response = client.post(_delete_url(ngo), {})
    assert response.status_code == 302
    assert not Organization.objects.filter(pk=ngo.pk).exists()
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not Relationship.objects.filter(pk=town_a_records["relationship"].pk).exists()
    convened.refresh_from_db()
    assert convened.convener is None
    assert announced == [convened]


def test_a_person_is_corrected_and_deleted_from_the_organization_page(town_a_records, personas):
    city = town_a_records["city"]
    person = Person.objects.create(town=city.town, organization=city, full_name="דנה")
    client = _coordinator(personas)
    kwargs = {"town": "town-a", "pk": city.pk, "person": person.pk}
    detail = client.get(reverse("organization-detail", kwargs={"town": "town-a", "pk": city.pk})).content.decode()
    assert reverse("person-edit", kwargs=kwargs) in detail
    response = client.post(reverse("person-edit", kwargs=kwargs), {"full_name": "דנה כהן"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "דנה כהן"
    assert client.post(reverse("person-delete", kwargs=kwargs), {}).status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()


def test_a_person_of_another_organization_is_not_found_through_this_one(town_a_records, personas):
    person = Person.objects.create(
        town=town_a_records["city"].town, organization=town_a_records["city"], full_name="דנה"
    )
    url = reverse("person-delete", kwargs={"town": "town-a", "pk": town_a_records["ngo"].pk, "person": person.pk})
    assert _coordinator(personas).post(url, {}).status_code == 404
    assert Person.objects.filter(pk=person.pk).exists()


def test_a_stale_organization_edit_is_refused_and_names_the_field_that_changed(town_a_records, personas):
    from shutafut.organizations.services import organization_update

    ngo = town_a_records["ngo"]
    client = _coordinator(personas)
    edit = reverse("organization-edit", kwargs={"town": "town-a", "pk": ngo.pk})
    html = client.get(edit).content.decode()
    as_of = html.split('name="as_of" value="')[1].split('"')[0]
    organization_update(ngo, locality="באר שבע")
    data = {
        "name": "עמותת לב החדשה",
        "sector": "third",
        "subtype": "nonprofit",
        "legal_form": "amuta",
        "registry_number": "580000008",
        "as_of": as_of,
    }
    response = client.post(edit, data)
    assert response.status_code == 400
    assert "באר שבע" in response.content.decode()
    ngo.refresh_from_db()
    assert ngo.name == "עמותת לב"
