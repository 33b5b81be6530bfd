"""A wave in town A: three organizations (one per sector), one respondent each (two for the city), open."""

from __future__ import annotations

import pytest


@pytest.fixture
def survey(town_a_records):  # type: ignore[no-untyped-def]
    from shutafut.organizations.models import Organization, Person
    from shutafut.surveys.services import wave_create, wave_open, wave_set_roster

    city, ngo = town_a_records["city"], town_a_records["ngo"]
    town = city.town
    shop = Organization.objects.create(
        town=town,
        name="מכולת השכונה",
        name_en="Corner shop",
        sector="business",
        subtype="small_business",
        legal_form="company",
    )
    people = {
        "dana": Person.objects.create(town=town, organization=city, full_name="דנה", email="dana@example.org"),
        "dov": Person.objects.create(town=town, organization=city, full_name="דב", email=""),
        "noa": Person.objects.create(town=town, organization=ngo, full_name="נועה", email="noa@example.org"),
        "shai": Person.objects.create(town=town, organization=shop, full_name="שי", email="shai@example.org"),
    }
    wave = wave_create(town=town, name="גל ראשון")
    wave_set_roster(wave=wave, organizations=[city, ngo, shop], respondents=list(people.values()))
    issued = wave_open(wave=wave)
    tokens = {next(k for k, p in people.items() if p.pk == i.link.person_id): i.token for i in issued}
    links = {k: next(i.link for i in issued if i.token == t) for k, t in tokens.items()}
    return {
        "wave": wave,
        "town": town,
        "city": city,
        "ngo": ngo,
        "shop": shop,
        "other": town_a_records["other"],
        "people": people,
        "tokens": tokens,
        "links": links,
    }
