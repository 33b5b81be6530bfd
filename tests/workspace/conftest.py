"""Workspace fixtures: town A's partnership with a public and a third-sector member, carol representing the NGO."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.conftest import make_personas, make_town_a_records, make_towns, rows_for_the_module


@pytest.fixture(scope="module")
def _ws_rows(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    def build() -> dict[str, Any]:
        towns = make_towns()
        return make_ws(make_town_a_records(towns), make_personas(towns))

    yield from rows_for_the_module(django_db_blocker, build)


@pytest.fixture
def ws(_ws_rows, db):  # type: ignore[no-untyped-def]
    """Built once for the module (see rows_for_the_module); each test gets its own copy of the objects."""
    return copy.deepcopy(_ws_rows)


def make_ws(town_a_records: dict[str, Any], personas: dict[str, Any]) -> dict[str, Any]:
    from shutafut.organizations.models import Organization, Person
    from shutafut.partnerships.services import member_add
    from shutafut.workspace.models import MemberRepresentative

    r = town_a_records
    p = r["partnership"]
    city_member = p.members.get(organization=r["city"])
    town = p.town
    biz = Organization.objects.create(
        town=town, name="חברת אור", sector="business", subtype="company", legal_form="company"
    )
    people = {
        "city": Person.objects.create(town=town, organization=r["city"], full_name="דנה", email="dana@example.org"),
        "ngo": Person.objects.create(town=town, organization=r["ngo"], full_name="יוסי", email="yossi@example.org"),
        "biz": Person.objects.create(town=town, organization=biz, full_name="רונית", email="ronit@example.org"),
    }
    city_member.representative = people["city"]
    city_member.save()
    ngo_member = member_add(partnership=p, organization=r["ngo"], roles=["partner"], representative=people["ngo"])
    biz_member = member_add(partnership=p, organization=biz, roles=["partner"], representative=people["biz"])
    MemberRepresentative.objects.create(member=ngo_member, user=personas["carol"])
    MemberRepresentative.objects.create(member=city_member, user=personas["alice"])
    return {
        **r,
        **personas,
        "p": p,
        "town": town,
        "city_m": city_member,
        "ngo_m": ngo_member,
        "biz_m": biz_member,
        "people": people,
    }
