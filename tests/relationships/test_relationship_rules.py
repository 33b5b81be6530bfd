"""Relationships: the ladder's bounds and the rule that an organization cannot relate to itself."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from shutafut.relationships.models import Relationship
from shutafut.relationships.services import relationship_create, relationship_update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def test_an_organization_cannot_relate_to_itself(towns, town_a_records):
    city = town_a_records["city"]
    with pytest.raises(ValidationError) as caught:
        relationship_create(town=towns[0], org_a=city, org_b=city, rung=2, observed_on=dt.date(2026, 1, 1))
    assert "org_b" in caught.value.message_dict


def test_the_database_itself_refuses_a_self_relationship(towns, town_a_records):
    city = town_a_records["city"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Relationship.objects.create(town=towns[0], org_a=city, org_b=city, rung=2, observed_on=dt.date(2026, 1, 1))


@pytest.mark.parametrize("rung", [6, 9, 100])
def test_a_rung_outside_the_ladder_is_refused(towns, town_a_records, rung):
    with pytest.raises(ValidationError) as caught:
        relationship_create(
            town=towns[0],
            org_a=town_a_records["city"],
            org_b=town_a_records["ngo"],
            rung=rung,
            observed_on=dt.date(2026, 1, 1),
        )
    assert "rung" in caught.value.message_dict


def test_an_organization_of_another_town_is_refused(towns, town_a_records):
    with pytest.raises(ValidationError) as caught:
        relationship_create(
            town=towns[0],
            org_a=town_a_records["city"],
            org_b=town_a_records["other"],
            rung=3,
            observed_on=dt.date(2026, 1, 1),
        )
    assert "org_b" in caught.value.message_dict


def test_competitive_tension_belongs_above_the_competition_rung(town_a_records):
    with pytest.raises(ValidationError) as caught:
        relationship_update(town_a_records["relationship"], rung=1, competitive_tension=True)
    assert "competitive_tension" in caught.value.message_dict
    town_a_records["relationship"].refresh_from_db()
    assert town_a_records["relationship"].rung == 3


def test_the_list_filters_by_rung_and_sector(client, personas, towns, town_a_records):
    client.force_login(personas["bob"])
    url = reverse("relationship-list", kwargs={"town": "town-a"})
    assert client.get(url, {"rung": "3"}).context["page_obj"].paginator.count == 1
    assert client.get(url, {"rung": "4"}).context["page_obj"].paginator.count == 0
    assert client.get(url, {"sector": "business"}).context["page_obj"].paginator.count == 0
    assert client.get(url, {"sector": "third"}).context["page_obj"].paginator.count == 1


def test_the_form_offers_only_the_towns_organizations(client, personas, town_a_records):
    client.force_login(personas["carol"])
    form = client.get(reverse("relationship-create", kwargs={"town": "town-a"})).context["form"]
    offered = set(form.fields["org_a"].queryset)
    assert offered == {town_a_records["city"], town_a_records["ngo"]}
