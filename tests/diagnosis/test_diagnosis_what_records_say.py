"""What real records say (issue 15): meetings "regularly, frequency unknown" beside a standing joint body, activities
whose organizers are not recorded, and a contract recorded without the money paid under it."""

from __future__ import annotations

from typing import Any

import pytest

from shutafut.diagnosis.engine import TestStatus, parse
from shutafut.model.ladder import Rung

Record = dict[str, Any]


def missing_fields(result: Any) -> dict[str, tuple[str, ...]]:
    return {m.field: m.tests for m in result.missing}


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        pytest.param(lambda r: r.pop("meeting_cadence"), {"meeting_cadence"}, id="cadence-alone"),
        pytest.param(lambda r: (r.pop("horizon_months"), r.update(activities=[])), {"horizon_months"}, id="horizon"),
        pytest.param(
            lambda r: (r.pop("horizon_months"), r.pop("meeting_cadence"), r.update(activities=[])),
            {"horizon_months, meeting_cadence"},
            id="horizon-and-cadence",
        ),
        pytest.param(lambda r: r.update(meeting_cadence="regular"), {"standing_body"}, id="regular-without-a-body"),
        pytest.param(
            lambda r: r.update(meeting_cadence="regular", standing_body=False), {"standing_body"}, id="regular-no-body"
        ),
    ],
)
def test_an_unknown_t2_asks_for_exactly_what_would_decide_it(full: Record, diagnose_record: Any, change, fields):
    change(full)
    result = diagnose_record(full)
    assert result.test("T2").status is TestStatus.UNKNOWN
    asked = {f for f, tests in missing_fields(result).items() if "T2" in tests}
    assert asked == fields


def test_a_standing_body_meeting_regularly_makes_the_issues_real_case_a_partnership(full, diagnose_record):
    full.update(meeting_cadence="regular", standing_body=True)
    result = diagnose_record(full)
    assert result.rung is Rung.PARTNERSHIP
    assert "T2" not in {t for tests in missing_fields(result).values() for t in tests}


def test_an_activity_without_recorded_organizers_is_read_as_not_recorded_not_as_nobody():
    record = {
        "id": "x",
        "name": "x",
        "members": [{"id": "a", "name": "A", "sector": "public"}],
        "activities": [{"id": "a1", "date": "2024-01-01"}, {"id": "a2", "date": "2024-02-01", "organizers": []}],
    }
    first, second = parse(record).activities or ()
    assert first.organizers is None
    assert second.organizers == ()


def test_activities_without_organizers_are_asked_for_while_they_could_raise_the_rung(full, diagnose_record):
    full["decisions"] = []
    full["framework_documents"] = []
    full["activities"] = [{"id": "fair", "date": "2024-04-01"}]
    full["interactions"] = [
        {"id": "i1", "kind": "information", "from": "city", "to": "npo"},
        {"id": "i2", "kind": "information", "from": "npo", "to": "city"},
    ]
    unknown = diagnose_record(full)
    assert unknown.rung is Rung.INFORMING
    assert "activities.organizers" in missing_fields(unknown)
    assert "fair" in next(m for m in unknown.missing if m.field == "activities.organizers").message.params["ids"]

    full["activities"][0]["organizers"] = ["city", "npo"]
    known = diagnose_record(full)
    assert known.rung is Rung.COORDINATION
    assert "activities.organizers" not in missing_fields(known)


def test_organizers_are_not_asked_for_when_the_work_is_already_adjusted_otherwise(full, diagnose_record):
    full["activities"] = [{"id": "fair", "date": "2024-04-01"}]
    result = diagnose_record(full)  # the joint decisions already show adjusted work
    assert "activities.organizers" not in missing_fields(result)


def test_a_contract_without_its_payment_asks_for_the_payer_and_the_payee(full, diagnose_record):
    full["framework_documents"].append({"id": "daycare-tender", "kind": "contract", "signatories": ["city", "npo"]})
    full["pledges"] = full["pledges"][:1]
    result = diagnose_record(full)
    assert result.test("T7").status is TestStatus.UNKNOWN
    assert result.test("T7").records == ("daycare-tender",)
    [entry] = [m for m in result.missing if "T7" in m.tests]
    assert entry.message.params == {"docs": "daycare-tender"}
    assert "who pays" in entry.message.msgid


def test_a_contract_with_its_payment_recorded_is_decided(full, diagnose_record):
    full["framework_documents"].append({"id": "daycare-tender", "kind": "contract", "signatories": ["city", "npo"]})
    full["pledges"] = [
        {"id": "fees", "giver": "city", "receiver": "npo", "type": "budget", "in_return": "service_operation"}
    ]
    result = diagnose_record(full)
    assert result.test("T7").status is TestStatus.FAILED
    assert result.exclusion is not None and result.exclusion.kind.value == "outsourcing"


def test_a_contract_paid_into_the_joint_pool_still_lacks_its_payee(full, diagnose_record):
    full["framework_documents"].append({"id": "lease", "kind": "contract", "signatories": ["city", "npo"]})
    full["pledges"] = [{"id": "rent", "giver": "city", "type": "budget", "in_return": "shared_goal"}]
    assert diagnose_record(full).test("T7").status is TestStatus.UNKNOWN


def test_a_members_registry_number_is_read_and_left_to_the_import():
    record = {"id": "x", "name": "x", "members": [{"id": "a", "name": "A", "sector": "third", "registry_number": "58"}]}
    assert parse(record).members[0].registry_number == "58"
