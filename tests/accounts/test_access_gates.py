"""The access gates: one per object type, each in its own app over the generic one in accounts, and the same 404
for 'missing' and 'another town's'."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from shutafut.accounts.access import access_town
from shutafut.accounts.models import Role
from shutafut.organizations.access import access_organization, access_person
from shutafut.organizations.models import Person
from shutafut.partnerships.access import access_partnership
from shutafut.relationships.access import access_relationship
from shutafut.surveys.access import access_wave
from shutafut.surveys.models import Wave

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def test_a_member_reaches_the_objects_of_their_town(personas, town_a_records):
    bob = personas["bob"]
    assert access_organization(bob, town_a_records["city"].pk) == town_a_records["city"]
    assert access_relationship(bob, town_a_records["relationship"].pk) == town_a_records["relationship"]
    assert access_partnership(bob, town_a_records["partnership"].pk) == town_a_records["partnership"]


@pytest.mark.parametrize(
    "gate, record",
    [
        (access_organization, "city"),
        (access_relationship, "relationship"),
        (access_partnership, "partnership"),
    ],
    ids=["organization", "relationship", "partnership"],
)
def test_another_towns_object_looks_exactly_like_a_missing_one(personas, town_a_records, gate, record):
    charlie = personas["charlie"]
    with pytest.raises(Http404) as forbidden:
        gate(charlie, town_a_records[record].pk)
    with pytest.raises(Http404) as missing:
        gate(charlie, 10**9)
    assert str(forbidden.value) == str(missing.value)


def test_a_person_of_another_town_is_not_found(personas, town_a_records):
    person = Person.objects.create(town=town_a_records["city"].town, organization=town_a_records["city"], full_name="x")
    with pytest.raises(Http404):
        access_person(personas["charlie"], person.pk)


def test_the_town_in_the_url_must_be_the_objects_town(personas, town_a_records, towns):
    # alice coordinates town A; asking for a town-A object under town B's URL must not leak it.
    with pytest.raises(Http404):
        access_organization(personas["alice"], town_a_records["city"].pk, town=towns[1])


def test_a_viewer_may_read_but_not_write(personas, town_a_records):
    bob = personas["bob"]
    assert access_organization(bob, town_a_records["ngo"].pk)
    with pytest.raises(PermissionDenied):
        access_organization(bob, town_a_records["ngo"].pk, role=Role.MEMBER)


def test_a_town_of_which_the_user_is_not_a_member_is_not_found(personas, towns):
    with pytest.raises(Http404):
        access_town(personas["charlie"], "town-a")
    with pytest.raises(Http404):
        access_town(personas["charlie"], "no-such-town")


def test_an_anonymous_user_reaches_nothing(town_a_records):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Http404):
        access_organization(AnonymousUser(), town_a_records["city"].pk)


def test_a_non_numeric_id_is_simply_not_found(personas):
    with pytest.raises(Http404):
        access_organization(personas["alice"], "1 OR 1=1")


def test_another_towns_survey_wave_looks_like_a_missing_one(personas, towns):
    wave = Wave.objects.create(town=towns[0], name="גל")
    assert access_wave(personas["bob"], wave.pk) == wave
    with pytest.raises(Http404):
        access_wave(personas["charlie"], wave.pk)
    with pytest.raises(Http404):
        access_wave(personas["charlie"], 10**9)
    with pytest.raises(PermissionDenied):
        access_wave(personas["bob"], wave.pk, role=Role.COORDINATOR)
