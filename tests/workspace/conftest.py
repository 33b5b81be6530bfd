"""Workspace fixtures: town A's partnership with a public and a third-sector member, carol representing the NGO."""

from __future__ import annotations

import pytest


@pytest.fixture
def ws(town_a_records, personas):  # type: ignore[no-untyped-def]
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
