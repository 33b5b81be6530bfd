"""A wave's roster page in a town too large to list (organizations/picker.py): it lists the roster and the
organizations with people recorded, and adds another organization by name."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from shutafut.organizations.models import Person
from shutafut.organizations.picker import PICKER_FROM
from shutafut.surveys.services import wave_create, wave_set_roster
from tests.conftest import add_nonprofits

pytestmark = pytest.mark.django_db


@pytest.fixture
def large(town_a_records: dict[str, Any], personas: dict[str, Any]) -> dict[str, Any]:
    town = town_a_records["city"].town
    add_nonprofits(town, PICKER_FROM)
    Person.objects.create(town=town, organization=town_a_records["ngo"], full_name="נועה", email="noa@example.org")
    wave = wave_create(town=town, name="גל גדול")
    wave_set_roster(wave=wave, organizations=[town_a_records["city"]], respondents=[])
    client = Client()
    client.force_login(personas["alice"])
    return {**town_a_records, "wave": wave, "client": client}


def _url(large: dict[str, Any]) -> str:
    return reverse("survey-wave-roster", kwargs={"town": "town-a", "pk": large["wave"].pk})


def test_the_page_lists_the_roster_and_the_organizations_with_people_not_the_whole_town(large):
    page = large["client"].get(_url(large)).content.decode()
    assert "עיריית א" in page and "עמותת לב" in page  # on the roster; has a person
    assert "עמותה מספר 1<" not in page and "data-organization-picker" in page
    assert len(page) < 40_000


def test_an_organization_added_by_name_joins_the_roster_beside_the_ticked_ones(large):
    city, wave = large["city"], large["wave"]
    response = large["client"].post(_url(large), {"organizations": [str(city.pk)], "add_organization": "עמותה מספר 5"})
    assert response.status_code == 302 and response["Location"] == _url(large)
    assert set(wave.organizations.values_list("name", flat=True)) == {"עיריית א", "עמותה מספר 5"}
    assert "עמותה מספר 5" in large["client"].get(_url(large)).content.decode()


def test_a_name_that_matches_nothing_is_refused_and_the_roster_is_unchanged(large):
    response = large["client"].post(
        _url(large),
        {"organizations": [str(large["city"].pk)], "add_organization": "אין כזה"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "No organization of the town has this exact name" in response.content.decode()
    assert list(large["wave"].organizations.values_list("name", flat=True)) == ["עיריית א"]
