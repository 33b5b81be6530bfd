"""A resource flow's links: a delivery fulfils a pledge of its own partnership, an allocation is one of its
decisions, and a member does not give to itself; each refusal names its field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from shutafut.partnerships.services import decision_create, flow_create, partnership_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


@pytest.fixture
def partnerships(towns, town_a_records):
    """Town A's partnership (with its city member), a second partnership of the same town, and a pledge of each."""
    first = town_a_records["partnership"]
    second = partnership_create(town=towns[0], name="שותפות ב", convener=town_a_records["ngo"])
    city, ngo = first.members.get(), second.members.get()
    return {
        "first": first,
        "second": second,
        "city": city,
        "ngo": ngo,
        "pledge": flow_create(partnership=first, giver=city, resource_type="budget", kind="pledge"),
        "other_pledge": flow_create(partnership=second, giver=ngo, resource_type="budget", kind="pledge"),
    }


def refusal(**fields: object) -> dict[str, list[str]]:
    """The errors of a refused budget flow, in English."""
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        flow_create(resource_type="budget", **fields)
    return caught.value.message_dict


def test_a_delivery_fulfils_a_pledge_of_its_own_partnership(partnerships):
    p = partnerships
    delivery = flow_create(
        partnership=p["first"], giver=p["city"], resource_type="budget", kind="delivery", fulfils=p["pledge"]
    )
    assert delivery.fulfils == p["pledge"]


def test_only_a_delivery_fulfils_a_pledge(partnerships):
    p = partnerships
    errors = refusal(partnership=p["first"], giver=p["city"], kind="pledge", fulfils=p["pledge"])
    assert errors == {"fulfils": ["Only a delivery fulfils a pledge."]}


def test_a_delivery_cannot_fulfil_another_partnerships_pledge(partnerships):
    p = partnerships
    errors = refusal(partnership=p["first"], giver=p["city"], kind="delivery", fulfils=p["other_pledge"])
    assert errors == {"fulfils": ["Not a pledge of this partnership."]}


def test_an_allocation_must_be_a_decision_of_the_same_partnership(partnerships):
    p = partnerships
    elsewhere = decision_create(
        partnership=p["second"], participants=[p["ngo"]], date=dt.date(2026, 2, 1), subject="x", method="consensus"
    )
    errors = refusal(partnership=p["first"], giver=p["city"], kind="pledge", allocation_decision=elsewhere)
    assert errors == {"allocation_decision": ["Not a decision of this partnership."]}


def test_a_member_cannot_give_to_itself(partnerships):
    p = partnerships
    errors = refusal(partnership=p["first"], giver=p["city"], receiver=p["city"], kind="pledge")
    assert errors == {"receiver": ["A member cannot give to itself."]}
