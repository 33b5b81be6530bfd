"""Choosing an organization in a large town: a text box with suggestions instead of a list of every organization
(organizations/picker.py), so a form's page does not grow with the town."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from shutafut.organizations.models import Organization
from shutafut.organizations.picker import PICKER_FROM, picker_label, resolve
from shutafut.relationships.models import Relationship
from tests.conftest import add_nonprofits

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


@pytest.fixture
def big_town(town_a_records: dict[str, Any]) -> dict[str, Any]:
    """Town A with PICKER_FROM more nonprofits, each with a registry number, one name used twice."""
    town = town_a_records["city"].town
    add_nonprofits(town, PICKER_FROM, registry_numbers=True)
    Organization.objects.create(town=town, name="עמותה מספר 7", sector="third", subtype="nonprofit", legal_form="amuta")
    return town_a_records


def _coordinator(personas: dict[str, Any]) -> Client:
    client = Client()
    client.force_login(personas["alice"])
    return client


def test_a_name_a_number_or_the_label_resolve_to_the_one_organization_they_name(big_town):
    town_orgs = Organization.objects.filter(town=big_town["city"].town)
    ngo = Organization.objects.get(registry_number="570000042")
    assert resolve(town_orgs, "  עמותה   מספר 42 ") == ngo
    assert resolve(town_orgs, "570000042") == ngo
    assert resolve(town_orgs, picker_label(ngo)) == ngo == resolve(town_orgs, "שם אחר (570000042)")
    assert resolve(town_orgs, "עמותה מספר 7") is None  # two organizations have this name: the number decides
    assert resolve(town_orgs, "עמותה") is None
    assert resolve(Organization.objects.filter(town=big_town["other"].town), "570000042") is None


def test_a_small_town_keeps_the_list_and_a_large_one_gets_the_text_box_with_a_small_page(
    town_a_records, personas, big_town
):
    client = _coordinator(personas)
    page = client.get(reverse("relationship-create", kwargs={"town": "town-a"})).content.decode()
    assert "data-organization-picker" in page and 'list="id_org_a-suggestions"' in page
    assert "organizations/picker" in page  # the picker brings its script
    assert "עמותה מספר 123" not in page  # no list of every organization
    assert len(page) < 40_000


def test_the_list_is_kept_below_the_threshold(town_a_records, personas):
    page = _coordinator(personas).get(reverse("relationship-create", kwargs={"town": "town-a"})).content.decode()
    assert "data-organization-picker" not in page and "עמותת לב</option>" in page
    assert "organizations/picker" not in page  # and a page without a picker loads no picker script


def test_a_relationship_is_saved_by_typing_the_names_and_an_unknown_one_is_named_and_kept(big_town, personas):
    client = _coordinator(personas)
    url = reverse("relationship-create", kwargs={"town": "town-a"})
    form = {"org_b": "570000042", "domain": "תעסוקה", "rung": "3", "observed_on": "2026-03-01"}
    refused = client.post(url, {**form, "org_a": "עיריית ב"}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "No organization of the town has this exact name or registry number" in html
    assert 'value="עיריית ב"' in html and 'value="עמותה מספר 42 (570000042)"' in html
    by_key = client.post(url, {**form, "org_a": str(big_town["city"].pk)})  # a database key is not a registry number
    assert by_key.status_code == 400 and not Relationship.objects.filter(domain="תעסוקה").exists()
    saved = client.post(url, {**form, "org_a": "עיריית א"})
    assert saved.status_code == 302
    tie = Relationship.objects.get(domain="תעסוקה")
    assert (tie.org_a, tie.org_b.registry_number) == (big_town["city"], "570000042")
    edit = client.get(reverse("relationship-edit", kwargs={"town": "town-a", "pk": tie.pk})).content.decode()
    assert 'value="עיריית א"' in edit


def test_suggestions_name_the_closest_organizations_of_the_town_only(big_town, personas, client):
    client.force_login(personas["carol"])
    url = reverse("organization-suggest", kwargs={"town": "town-a"})
    found = client.get(url, {"q": "מספר 1"}).json()["results"]  # 111 match: 1, 10-19, 100-199
    assert found[0] == "עמותה מספר 1 (570000001)" and len(found) == 20
    assert all("מספר 1" in label for label in found)
    assert client.get(url, {"q": "5700001"}).json()["results"][0].endswith("(570000100)")
    assert client.get(url, {"q": "ע"}).json()["results"] == []
    other = reverse("organization-suggest", kwargs={"town": "town-b"})
    assert client.get(other, {"q": "עמותה"}).status_code == 404
