"""A contract is recorded with the money paid under it: the document form asks who pays and who is paid."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shutafut.partnerships.models import FrameworkDocument, ResourceFlow
from shutafut.partnerships.services import member_add
from tests.conftest import represent

pytestmark = pytest.mark.django_db


@pytest.fixture
def contract_form(client, personas, town_a_records):  # type: ignore[no-untyped-def]
    partnership = town_a_records["partnership"]
    city = partnership.members.get()
    ngo = member_add(partnership=partnership, organization=town_a_records["ngo"])
    represent(personas["carol"], town_a_records["city"])
    client.force_login(personas["carol"])
    url = reverse("partnership-part-create", kwargs={"town": "town-a", "pk": partnership.pk, "part": "document"})
    base = {
        "kind": "contract",
        "title": "מכרז מעון",
        "signatories": [city.pk, ngo.pk],
        "payment_in_return": "service_operation",
    }
    return url, base, city, ngo


def test_a_contract_and_its_payment_are_recorded_together(client, contract_form):
    url, base, city, ngo = contract_form
    response = client.post(url, {**base, "payer": city.pk, "payee": ngo.pk, "payment_value": "120000"})
    assert response.status_code == 302
    flow = ResourceFlow.objects.get()
    assert (flow.giver, flow.receiver, flow.resource_type, flow.in_return) == (city, ngo, "budget", "service_operation")
    assert FrameworkDocument.objects.get().title == "מכרז מעון"


def test_a_payer_without_a_payee_is_asked_for_and_nothing_is_written(client, contract_form):
    url, base, city, _ngo = contract_form
    response = client.post(url, {**base, "payer": city.pk})
    assert response.status_code == 200
    assert "payee" in response.context["form"].errors
    assert not FrameworkDocument.objects.exists()
    assert not ResourceFlow.objects.exists()


def test_only_a_contract_takes_a_payment(client, contract_form):
    url, base, city, ngo = contract_form
    response = client.post(url, {**base, "kind": "charter", "payer": city.pk, "payee": ngo.pk})
    assert "payer" in response.context["form"].errors
    assert not FrameworkDocument.objects.exists()


def test_a_contract_may_wait_for_its_payment(client, contract_form):
    url, base, _city, _ngo = contract_form
    assert client.post(url, base).status_code == 302
    assert FrameworkDocument.objects.get().kind == "contract"
    assert not ResourceFlow.objects.exists()
