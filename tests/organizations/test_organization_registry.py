"""The organization registry: listing, search, filters, pagination, and the rules on registry numbers."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from shutafut.organizations.models import Organization
from shutafut.organizations.registry import check_digit_ok, registry_problem
from shutafut.organizations.services import organization_create

pytestmark = pytest.mark.django_db


def new_org(town, **extra):
    fields = {"name": "עמותה", "sector": "third", "subtype": "nonprofit", "legal_form": "amuta"}
    fields.update(extra)
    return organization_create(town=town, **fields)


@pytest.mark.parametrize(
    "number, valid",
    [
        ("000000018", True),
        ("580000008", True),
        ("580000009", False),
        ("58000000", False),
        ("5800000x8", False),
    ],
)
def test_the_check_digit_follows_the_israeli_id_algorithm(number, valid):
    assert check_digit_ok(number) is valid


def test_a_company_number_is_not_accepted_for_an_amuta():
    assert registry_problem("amuta", "510000003") is not None


def test_a_duplicate_registry_number_in_the_same_town_is_refused_in_hebrew(towns):
    new_org(towns[0], registry_number="580000008")
    with translation.override("he"), pytest.raises(ValidationError) as caught:
        new_org(towns[0], name="כפילות", registry_number="580000008")
    assert caught.value.message_dict["registry_number"] == ["לארגון אחר ביישוב כבר יש את מספר הרישום הזה."]
    assert Organization.objects.filter(town=towns[0]).count() == 1


def test_the_same_registry_number_may_exist_in_two_towns(towns):
    new_org(towns[0], registry_number="580000008")
    new_org(towns[1], registry_number="580000008")
    assert Organization.objects.filter(registry_number="580000008").count() == 2


def test_a_bad_check_digit_names_the_field(towns):
    with pytest.raises(ValidationError) as caught:
        new_org(towns[0], registry_number="580000009")
    assert "registry_number" in caught.value.message_dict


def test_stray_direction_marks_and_dashes_are_stripped_from_registry_numbers(towns):
    org = new_org(towns[0], registry_number="\u200f58-000000-8")
    assert org.registry_number == "580000008"


def test_a_subtype_of_another_sector_is_refused(towns):
    with pytest.raises(ValidationError) as caught:
        new_org(towns[0], subtype="local_authority")
    assert "subtype" in caught.value.message_dict


def test_the_list_searches_filters_and_paginates(client, personas, towns):
    town = towns[0]
    for i in range(30):
        new_org(town, name=f"עמותת בדיקה {i:02d}", fields_of_activity="חינוך")
    new_org(town, name="חברת הייטק", sector="business", subtype="corporation", legal_form="company")
    client.force_login(personas["bob"])
    url = reverse("organization-list", kwargs={"town": town.slug})

    first = client.get(url)
    assert first.context["page_obj"].paginator.count == 31
    assert len(first.context["page_obj"]) == 25
    second = client.get(url, {"page": 2})
    assert len(second.context["page_obj"]) == 6

    business = client.get(url, {"sector": "business"})
    assert [o.name for o in business.context["page_obj"]] == ["חברת הייטק"]
    found = client.get(url, {"q": "בדיקה 07"})
    assert [o.name for o in found.context["page_obj"]] == ["עמותת בדיקה 07"]


def test_a_member_creates_an_organization_through_the_form(client, personas, towns):
    client.force_login(personas["carol"])
    response = client.post(
        reverse("organization-create", kwargs={"town": "town-a"}),
        {
            "name": "עמותה חדשה",
            "sector": "third",
            "subtype": "nonprofit",
            "legal_form": "amuta",
            "registry_number": "580000016",
            "resources_offered": ["volunteers", "knowledge"],
        },
    )
    org = Organization.objects.get(name="עמותה חדשה")
    assert response.status_code == 302
    assert org.town == towns[0]
    assert org.resources_offered == ["volunteers", "knowledge"]


def test_the_form_shows_a_hebrew_error_on_the_field_and_saves_nothing(client, personas, towns):
    client.force_login(personas["carol"])
    response = client.post(
        reverse("organization-create", kwargs={"town": "town-a"}),
        {
            "name": "עמותה",
            "sector": "third",
            "subtype": "nonprofit",
            "legal_form": "amuta",
            "registry_number": "580000009",
        },
        HTTP_ACCEPT_LANGUAGE="he",
    )
    assert response.status_code == 200
    assert "registry_number" in response.context["form"].errors
    assert "ספרת הביקורת" in str(response.context["form"].errors["registry_number"])
    assert not Organization.objects.exists()
