"""Partnership writes: whole or nothing, with the field named when input is bad."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from shutafut.organizations.models import Organization
from shutafut.partnerships.models import Decision, Member, ResourceFlow
from shutafut.partnerships.services import (
    decision_create,
    document_create,
    flow_create,
    member_add,
    partnership_create,
)
from tests.conftest import represent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


@pytest.fixture
def two_partnerships(towns, town_a_records):
    first = town_a_records["partnership"]
    ngo_member = member_add(partnership=first, organization=town_a_records["ngo"], roles=["partner"])
    second = partnership_create(town=towns[0], name="שותפות ב", convener=town_a_records["ngo"])
    return first, second, ngo_member


def test_the_convener_becomes_the_first_member(town_a_records):
    partnership = town_a_records["partnership"]
    assert [m.organization for m in partnership.members.all()] == [town_a_records["city"]]


def test_a_pledge_with_a_negative_value_is_refused(two_partnerships):
    first, _second, ngo_member = two_partnerships
    with pytest.raises(ValidationError) as caught:
        flow_create(partnership=first, giver=ngo_member, resource_type="budget", value=Decimal("-5"))
    assert "value" in caught.value.message_dict
    assert not ResourceFlow.objects.exists()


def test_an_unknown_resource_type_is_refused(two_partnerships):
    first, _second, ngo_member = two_partnerships
    with pytest.raises(ValidationError) as caught:
        flow_create(partnership=first, giver=ngo_member, resource_type="gold")
    assert "resource_type" in caught.value.message_dict


def test_a_decision_whose_participants_are_not_members_is_refused_and_nothing_is_saved(two_partnerships):
    first, second, ngo_member = two_partnerships
    outsider = second.members.get()
    with pytest.raises(ValidationError) as caught:
        decision_create(
            partnership=first,
            participants=[ngo_member, outsider],
            date=dt.date(2026, 2, 1),
            subject="תקציב",
            method="consensus",
        )
    assert "participants" in caught.value.message_dict
    assert not Decision.objects.exists()


def test_a_decision_with_members_is_saved_with_its_participants(two_partnerships):
    first, _second, ngo_member = two_partnerships
    convener = first.members.get(organization=first.convener)
    decision = decision_create(
        partnership=first,
        participants=[convener, ngo_member],
        date=dt.date(2026, 2, 1),
        subject="x",
        method="vote",
    )
    assert set(decision.participants.all()) == {convener, ngo_member}


def test_signatories_must_be_members(two_partnerships):
    first, second, _ngo_member = two_partnerships
    with pytest.raises(ValidationError) as caught:
        document_create(partnership=first, signatories=[second.members.get()], kind="charter", title="אמנה")
    assert "signatories" in caught.value.message_dict
    assert not first.documents.exists()


def test_an_organization_of_another_town_cannot_join(town_a_records):
    with pytest.raises(ValidationError) as caught:
        member_add(partnership=town_a_records["partnership"], organization=town_a_records["other"])
    assert "organization" in caught.value.message_dict


def test_an_organization_joins_a_partnership_once(two_partnerships, town_a_records):
    first, _second, _ngo_member = two_partnerships
    with pytest.raises(ValidationError):
        member_add(partnership=first, organization=town_a_records["ngo"])
    assert Member.objects.filter(partnership=first, organization=town_a_records["ngo"]).count() == 1


def test_a_partnership_create_with_a_bad_field_leaves_no_member_behind(towns, town_a_records):
    with pytest.raises(ValidationError):
        partnership_create(town=towns[0], name="", convener=town_a_records["city"])
    assert Member.objects.count() == 1  # the fixture's own convener membership only


def test_the_decision_form_lists_only_members_and_records_the_decision(client, personas, two_partnerships):
    first, _second, ngo_member = two_partnerships
    represent(personas["carol"], ngo_member.organization)
    client.force_login(personas["carol"])
    url = reverse("partnership-part-create", kwargs={"town": "town-a", "pk": first.pk, "part": "decision"})
    form = client.get(url).context["form"]
    assert set(form.fields["participants"].queryset) == set(first.members.all())
    response = client.post(
        url,
        {
            "date": "2026-03-01",
            "subject": "תוכנית עבודה",
            "method": "consensus",
            "participants": [ngo_member.pk],
        },
    )
    assert response.status_code == 302
    assert first.decisions.get().subject == "תוכנית עבודה"


def test_the_partnership_page_shows_every_part(client, personas, two_partnerships):
    first, _second, ngo_member = two_partnerships
    flow_create(partnership=first, giver=ngo_member, resource_type="volunteers", value=Decimal("12"), unit="מתנדבים")
    client.force_login(personas["bob"])
    page = client.get(reverse("partnership-detail", kwargs={"town": "town-a", "pk": first.pk})).content.decode()
    assert "עמותת לב" in page
    assert f'id="flow-{first.flows.get().pk}"' in page


def test_only_a_coordinator_creates_partnerships(client, personas, town_a_records):
    client.force_login(personas["carol"])
    url = reverse("partnership-create", kwargs={"town": "town-a"})
    assert client.get(url).status_code == 403
    client.force_login(personas["alice"])
    response = client.post(
        url,
        {
            "name": "חדשה",
            "stage": "initiation",
            "framing": "means",
            "meeting_cadence": "none",
            "convener": Organization.objects.get(name="עמותת לב").pk,
        },
    )
    assert response.status_code == 302


def test_a_flow_or_an_interaction_with_a_member_of_another_partnership_is_refused(two_partnerships):
    from shutafut.partnerships.services import interaction_create

    first, second, ngo_member = two_partnerships
    stranger = second.members.get()
    with pytest.raises(ValidationError) as flow:
        flow_create(partnership=first, giver=stranger, resource_type="budget")
    with pytest.raises(ValidationError) as interaction:
        interaction_create(partnership=first, kind="information", source=ngo_member, target=stranger)
    assert "giver" in flow.value.message_dict
    assert "target" in interaction.value.message_dict
    assert not first.flows.exists() and not first.interactions.exists()
