"""Contradictory records give data-quality flags, never a crash and never a silent pass."""

from __future__ import annotations

from typing import Any

import pytest

from shutafut.diagnosis.engine import FlagCategory, TestStatus

Record = dict[str, Any]


def test_decision_before_start_is_flagged_and_not_counted(full: Record, diagnose_record: Any) -> None:
    for d in full["decisions"]:
        d["date"] = "2023-06-01"
    result = diagnose_record(full)
    flagged = [f for f in result.flags if f.code == "dated_before_start"]
    assert {r for f in flagged for r in f.records} == {"d1", "d2"}
    assert all(f.category is FlagCategory.DATA_QUALITY for f in flagged)
    assert result.test("T4").status is TestStatus.FAILED
    assert not result.is_partnership
    assert any(s.code == "fix_data_quality" for s in result.next_steps)


def test_participant_who_is_not_a_member_is_flagged_and_ignored(full: Record, diagnose_record: Any) -> None:
    # "ghost" stands in for the business partner: without the business partner, T4 must fail.
    for d in full["decisions"]:
        d["participants"] = ["city", "npo", "ghost"]
    result = diagnose_record(full)
    assert "unknown_member" in result.flag_codes()
    assert result.test("T4").status is TestStatus.FAILED


def test_delivery_larger_than_its_pledge_is_flagged(full: Record, diagnose_record: Any) -> None:
    full["deliveries"] = [
        {"id": "dl1", "pledge": "p-city", "giver": "city", "type": "budget", "value": 80, "in_return": "shared_goal"},
        {"id": "dl2", "pledge": "p-city", "giver": "city", "type": "budget", "value": 70, "in_return": "shared_goal"},
    ]
    result = diagnose_record(full)
    (flag,) = [f for f in result.flags if f.code == "delivery_exceeds_pledge"]
    assert set(flag.records) == {"p-city", "dl1", "dl2"}


def test_delivery_within_its_pledge_is_not_flagged(full: Record, diagnose_record: Any) -> None:
    full["deliveries"] = [
        {"id": "dl1", "pledge": "p-city", "giver": "city", "type": "budget", "value": 100, "in_return": "shared_goal"}
    ]
    assert "delivery_exceeds_pledge" not in diagnose_record(full).flag_codes()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        pytest.param(
            lambda r: r["deliveries"].append(
                {"id": "dl", "pledge": "nope", "giver": "city", "type": "time", "in_return": "shared_goal"}
            ),
            "unknown_pledge",
            id="delivery-of-unknown-pledge",
        ),
        pytest.param(
            lambda r: r["deliveries"].append(
                {"id": "dl", "pledge": "p-city", "giver": "npo", "type": "budget", "in_return": "shared_goal"}
            ),
            "delivery_pledge_mismatch",
            id="delivery-by-someone-else",
        ),
        pytest.param(
            lambda r: r["decisions"][0].update(recusals=["biz"]), "recused_participant", id="recused-and-present"
        ),
        pytest.param(
            lambda r: r["pledges"].append({"id": "p-npo", "giver": "npo", "type": "time", "in_return": "shared_goal"}),
            "duplicate_id",
            id="duplicate-record-id",
        ),
        pytest.param(
            lambda r: r["members"].append({"id": "npo", "name": "Again", "sector": "business"}),
            "duplicate_id",
            id="duplicate-member-id",
        ),
        pytest.param(
            lambda r: r["pledges"].append(
                {"id": "self", "giver": "npo", "receiver": "npo", "type": "time", "in_return": "shared_goal"}
            ),
            "self_transfer",
            id="giver-is-receiver",
        ),
        pytest.param(lambda r: r.update(convener="ghost"), "unknown_member", id="convener-not-a-member"),
        pytest.param(
            lambda r: r["framework_documents"][0]["signatories"].append("ghost"), "unknown_member", id="ghost-signatory"
        ),
        pytest.param(
            lambda r: r["activities"].append({"id": "early", "date": "2020-01-01"}),
            "dated_before_start",
            id="activity-before-start",
        ),
    ],
)
def test_contradiction_is_a_data_quality_flag(full: Record, diagnose_record: Any, change: Any, code: str) -> None:
    change(full)
    result = diagnose_record(full)
    assert code in {f.code for f in result.flags if f.category is FlagCategory.DATA_QUALITY}


def test_recused_and_present_member_is_counted_as_recused(full: Record, diagnose_record: Any) -> None:
    full["decisions"] = [full["decisions"][0]]
    full["decisions"][0]["recusals"] = ["biz"]
    result = diagnose_record(full)
    assert "member_never_in_decisions" in result.flag_codes()


def test_flow_from_a_non_member_does_not_count_as_a_contribution(full: Record, diagnose_record: Any) -> None:
    full["pledges"] = [
        {"id": "a", "giver": "city", "type": "budget", "in_return": "shared_goal"},
        {"id": "b", "giver": "ghost", "type": "time", "in_return": "shared_goal"},
    ]
    result = diagnose_record(full)
    assert "unknown_member" in result.flag_codes()
    assert result.test("T3").status is TestStatus.FAILED
