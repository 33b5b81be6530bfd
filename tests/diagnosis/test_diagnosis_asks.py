"""The partnership page asks for what would decide each unknown test, and one click records it through the
partnership services, with the records the guided diagnosis would write."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from shutafut.diagnosis.services import diagnosis_document
from shutafut.partnerships import services
from shutafut.partnerships.models import ResourceFlow
from tests.conftest import represent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


@pytest.fixture
def partnership(town_a_records, personas):  # type: ignore[no-untyped-def]
    """The fixture's partnership with the NGO as a second member; carol, who answers, represents the NGO."""
    p = town_a_records["partnership"]
    services.member_add(partnership=p, organization=town_a_records["ngo"])
    represent(personas["carol"], town_a_records["ngo"])
    return p


def page(client, p):  # type: ignore[no-untyped-def]
    return client.get(reverse("partnership-detail", kwargs={"town": "town-a", "pk": p.pk}))


def answer(client, p, ask: str, **data):  # type: ignore[no-untyped-def]
    return client.post(reverse("diagnosis-answer", kwargs={"town": "town-a", "pk": p.pk, "ask": ask}), data)


def asked(response) -> dict[str, tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return {a.code: a.tests for a in response.context["asks"]}


def status(p, test: str) -> str:  # type: ignore[no-untyped-def]
    return diagnosis_document(p, "en")["tests"][test]["status"]


def test_an_unknown_t2_is_asked_and_two_clicks_decide_it(client, personas, partnership):
    client.force_login(personas["carol"])
    assert asked(page(client, partnership)) == {
        "horizon": ("T2",),
        "cadence": ("T2",),
        "public_goal": ("T5",),
        "beneficiaries": ("T5",),
    }
    response = answer(client, partnership, "horizon", value="24")
    assert response.status_code == 302 and response["Location"].endswith("#diagnosis")
    answer(client, partnership, "cadence", value="monthly")
    partnership.refresh_from_db()
    assert (partnership.horizon_months, partnership.meeting_cadence) == (24, "monthly")
    assert status(partnership, "T2") == "passed"
    assert "cadence" not in asked(page(client, partnership))


def test_regular_meetings_ask_whether_a_standing_body_holds_them(client, personas, partnership):
    services.partnership_update(partnership, horizon_months=36, meeting_cadence="regular")
    client.force_login(personas["carol"])
    assert {"standing_body", "cadence"} <= set(asked(page(client, partnership)))
    answer(client, partnership, "standing_body", value="yes")
    partnership.refresh_from_db()
    assert partnership.standing_body is True
    assert status(partnership, "T2") == "passed"


def test_the_public_goal_and_the_beneficiaries_are_asked_in_words(client, personas, partnership):
    client.force_login(personas["carol"])
    answer(client, partnership, "public_goal", **{"ask-public_goal-text": "מעונות יום לכל ילד"})
    answer(client, partnership, "beneficiaries", **{"ask-beneficiaries-text": "משפחות צעירות"})
    partnership.refresh_from_db()
    assert (partnership.public_goals, partnership.beneficiaries) == ("מעונות יום לכל ילד", "משפחות צעירות")
    assert status(partnership, "T5") == "passed"


def test_a_contract_without_its_payment_asks_who_pays_whom(client, personas, partnership):
    city, ngo = partnership.members.order_by("pk")
    contract = services.document_create(
        partnership=partnership, kind="contract", title="מכרז מעון", signatories=[city, ngo]
    )
    services.flow_create(partnership=partnership, giver=city, resource_type="infrastructure", in_return="shared_goal")
    assert status(partnership, "T7") == "unknown"
    client.force_login(personas["carol"])
    [ask] = [a for a in page(client, partnership).context["asks"] if a.code == "payment"]
    assert ask.target == contract.pk and ask.tests == ("T7",)
    prefix = f"ask-payment-{contract.pk}"
    data = {f"{prefix}-payer": city.pk, f"{prefix}-payee": ngo.pk, f"{prefix}-in_return": "service_operation"}
    assert answer(client, partnership, "payment", target=contract.pk, **data).status_code == 302
    flow = ResourceFlow.objects.get(resource_type="budget")
    assert (flow.giver, flow.receiver, flow.in_return) == (city, ngo, "service_operation")
    assert status(partnership, "T7") == "failed"  # now it reads as what it is: outsourcing


def test_an_activity_without_organizers_asks_who_organized_it(client, personas, partnership):
    city, ngo = partnership.members.order_by("pk")
    services.interaction_create(partnership=partnership, kind="information", source=city, target=ngo)
    services.interaction_create(partnership=partnership, kind="information", source=ngo, target=city)
    fair = services.activity_create(partnership=partnership, date=dt.date(2026, 5, 1), title="יריד")
    client.force_login(personas["carol"])
    assert "organizers" in asked(page(client, partnership))
    prefix = f"ask-organizers-{fair.pk}"
    answer(client, partnership, "organizers", target=fair.pk, **{f"{prefix}-organizers": [city.pk, ngo.pk]})
    assert set(fair.organizers.all()) == {city, ngo}
    assert diagnosis_document(partnership, "en")["rung"]["code"] == "coordination"


def test_a_wrong_answer_is_asked_again_and_nothing_is_written(client, personas, partnership):
    client.force_login(personas["carol"])
    response = answer(client, partnership, "cadence", value="fortnightly-ish")
    assert response.status_code == 200
    assert "value" in response.context["form"].errors
    partnership.refresh_from_db()
    assert partnership.meeting_cadence == ""


def test_a_viewer_is_not_asked_and_another_town_is_not_found(client, personas, partnership):
    client.force_login(personas["bob"])
    assert "h-asks" not in page(client, partnership).content.decode()
    assert answer(client, partnership, "cadence", value="monthly").status_code == 403
    client.force_login(personas["charlie"])
    assert answer(client, partnership, "cadence", value="monthly").status_code == 404
    partnership.refresh_from_db()
    assert partnership.meeting_cadence == ""
