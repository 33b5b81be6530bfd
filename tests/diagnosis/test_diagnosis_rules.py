"""Table-driven tests of the engine's rules: every rung, every test T1–T7, every exclusion, every flag."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from shutafut.diagnosis.engine import EngineParams, Exclusion, FindingStatus, TestStatus
from shutafut.model.ladder import Rung

Record = dict[str, Any]
Change = Callable[[Record], None]

P, F, U = TestStatus.PASSED, TestStatus.FAILED, TestStatus.UNKNOWN


def only_information(r: Record) -> None:
    _strip_joint_work(r)
    r["interactions"] = [{"id": "i1", "kind": "information", "from": "city"}]


def _strip_joint_work(r: Record) -> None:
    r["framework_documents"] = []
    r["pledges"] = []
    r["decisions"] = []
    r["activities"] = []


def coordination(r: Record) -> None:
    _strip_joint_work(r)
    r["interactions"] = [
        {"id": "i1", "kind": "information", "from": "city", "to": "npo"},
        {"id": "i2", "kind": "information", "from": "npo", "to": "city"},
        {"id": "j1", "kind": "adjustment", "from": "npo", "to": "city"},
    ]


def rivalry_only(r: Record) -> None:
    _strip_joint_work(r)
    r["interactions"] = [{"id": "r1", "kind": "rivalry", "from": "npo", "to": "biz"}]


def rivalry_with_two_way_information(r: Record) -> None:
    _strip_joint_work(r)
    r["interactions"] = [
        {"id": "r1", "kind": "rivalry", "from": "npo", "to": "biz"},
        {"id": "i1", "kind": "information", "from": "npo", "to": "biz"},
        {"id": "i2", "kind": "information", "from": "biz", "to": "npo"},
    ]


def nothing_at_all(r: Record) -> None:
    _strip_joint_work(r)


def one_member(r: Record) -> None:
    r["members"] = r["members"][:1]


def no_framework(r: Record) -> None:
    r["framework_documents"] = []


def one_off(r: Record) -> None:
    r["horizon_months"] = 1
    r["meeting_cadence"] = "ad_hoc"
    r["activities"] = []


def one_resource_type(r: Record) -> None:
    for p in r["pledges"]:
        p["type"] = "budget"


def rules_leave_out_business(r: Record) -> None:
    r["framework_documents"][0]["decision_members"] = ["city", "npo"]


def one_sector(r: Record) -> None:
    for m in r["members"]:
        m["sector"] = "public"


@pytest.mark.parametrize(
    ("change", "rung"),
    [
        pytest.param(lambda r: None, Rung.PARTNERSHIP, id="all-tests-pass-partnership"),
        pytest.param(no_framework, Rung.COOPERATION, id="no-framework-cooperation"),
        pytest.param(one_off, Rung.COOPERATION, id="one-off-cooperation"),
        pytest.param(one_resource_type, Rung.COOPERATION, id="one-resource-type-cooperation"),
        pytest.param(rules_leave_out_business, Rung.COOPERATION, id="rules-leave-out-a-member-cooperation"),
        pytest.param(one_sector, Rung.COOPERATION, id="one-sector-cooperation"),
        pytest.param(coordination, Rung.COORDINATION, id="two-way-info-and-adjustment-coordination"),
        pytest.param(only_information, Rung.INFORMING, id="information-only-informing"),
        pytest.param(rivalry_with_two_way_information, Rung.INFORMING, id="rivalry-beside-dialogue-informing"),
        pytest.param(rivalry_only, Rung.COMPETITION, id="rivalry-only-competition"),
        pytest.param(nothing_at_all, Rung.DISCONNECTION, id="no-interaction-disconnection"),
        pytest.param(one_member, Rung.DISCONNECTION, id="single-member-disconnection"),
    ],
)
def test_rung(full: Record, diagnose_record: Any, change: Change, rung: Rung) -> None:
    change(full)
    result = diagnose_record(full)
    assert result.rung is rung
    assert result.is_partnership is (rung is Rung.PARTNERSHIP)


def _set(key: str, value: Any) -> Change:
    def change(r: Record) -> None:
        r[key] = value

    return change


def _drop(key: str) -> Change:
    def change(r: Record) -> None:
        del r[key]

    return change


def _edit(fn: Callable[[Record], Any]) -> Change:
    def change(r: Record) -> None:
        fn(r)

    return change


def _contract_without_money(r: Record, contributors: int) -> None:
    """A contract between the city and the nonprofit, and shared-goal pledges from ``contributors`` members only."""
    r["framework_documents"].append({"id": "tender", "kind": "contract", "signatories": ["city", "npo"]})
    r["pledges"] = r["pledges"][:contributors]


@pytest.mark.parametrize(
    ("test", "change", "status"),
    [
        pytest.param("T1", lambda r: None, P, id="T1-signed-by-all-passes"),
        pytest.param("T1", _drop("framework_documents"), U, id="T1-not-recorded-unknown"),
        pytest.param("T1", no_framework, F, id="T1-none-fails"),
        pytest.param(
            "T1", _edit(lambda r: r["framework_documents"][0].update(kind="contract")), F, id="T1-contract-only-fails"
        ),
        pytest.param(
            "T1",
            _edit(lambda r: r["framework_documents"][0].update(signatories=["city", "npo"])),
            F,
            id="T1-missing-signature-fails",
        ),
        pytest.param("T2", lambda r: None, P, id="T2-long-horizon-and-cadence-passes"),
        pytest.param("T2", _set("horizon_months", 3), F, id="T2-short-horizon-one-activity-fails"),
        pytest.param("T2", _set("meeting_cadence", "none"), F, id="T2-no-cadence-fails"),
        pytest.param("T2", _drop("meeting_cadence"), U, id="T2-cadence-not-recorded-unknown"),
        pytest.param(
            "T2",
            _edit(lambda r: (r.pop("horizon_months"), r.update(activities=[]))),
            U,
            id="T2-horizon-not-recorded-unknown",
        ),
        pytest.param(
            "T2",
            _edit(
                lambda r: r.update(
                    horizon_months=2,
                    activities=[{"id": "a1", "date": "2024-03-01"}, {"id": "a2", "date": "2024-05-01"}],
                )
            ),
            P,
            id="T2-two-recurring-activities-pass",
        ),
        pytest.param(
            "T2",
            _edit(lambda r: r.update(meeting_cadence="regular", standing_body=True)),
            P,
            id="T2-regular-meetings-of-a-standing-body-pass",
        ),
        pytest.param(
            "T2", _set("meeting_cadence", "regular"), U, id="T2-regular-meetings-without-a-recorded-body-unknown"
        ),
        pytest.param(
            "T2",
            _edit(lambda r: r.update(meeting_cadence="regular", standing_body=False)),
            U,
            id="T2-regular-meetings-with-no-standing-body-unknown",
        ),
        pytest.param(
            "T2",
            _edit(lambda r: r.update(meeting_cadence="ad_hoc", standing_body=True)),
            F,
            id="T2-a-standing-body-that-meets-when-needed-fails",
        ),
        pytest.param("T3", lambda r: None, P, id="T3-three-givers-three-types-pooled-passes"),
        pytest.param("T3", one_resource_type, F, id="T3-one-type-fails"),
        pytest.param("T3", _edit(lambda r: r.update(pledges=r["pledges"][:1])), F, id="T3-one-contributor-fails"),
        pytest.param(
            "T3",
            _edit(lambda r: [p.update(receiver="npo" if p["giver"] != "npo" else "city") for p in r["pledges"]]),
            F,
            id="T3-no-joint-steering-fails",
        ),
        pytest.param(
            "T3",
            _edit(
                lambda r: [
                    p.update(receiver="npo" if p["giver"] != "npo" else "city", allocation_decision="d1")
                    for p in r["pledges"]
                ]
            ),
            P,
            id="T3-allocated-by-joint-decision-passes",
        ),
        pytest.param("T3", _edit(lambda r: (r.pop("pledges"), r.pop("deliveries"))), U, id="T3-not-recorded-unknown"),
        pytest.param("T4", lambda r: None, P, id="T4-all-present-passes"),
        pytest.param("T4", _drop("decisions"), U, id="T4-not-recorded-unknown"),
        pytest.param("T4", _set("decisions", []), F, id="T4-no-decisions-fails"),
        pytest.param("T4", rules_leave_out_business, F, id="T4-rules-leave-out-a-member-fails"),
        pytest.param(
            "T4",
            _edit(lambda r: r["decisions"][1].update(participants=["city", "npo"])),
            F,
            id="T4-member-below-share-fails",
        ),
        pytest.param(
            "T4",
            _edit(lambda r: r["decisions"][1].update(participants=["city", "npo"], consulted=["biz"])),
            P,
            id="T4-consulted-counts-passes",
        ),
        pytest.param(
            "T4",
            _edit(lambda r: r["decisions"][1].update(participants=["city", "npo"], recusals=["biz"])),
            P,
            id="T4-recused-not-counted-passes",
        ),
        pytest.param(
            "T4",
            _edit(
                lambda r: r["decisions"].append(
                    {
                        "id": "s",
                        "date": "2024-05-01",
                        "participants": ["city"],
                        "method": "unilateral",
                        "reserved_to_public": True,
                    }
                )
            ),
            P,
            id="T4-statutory-decision-allowed-passes",
        ),
        pytest.param(
            "T4",
            _edit(
                lambda r: r["decisions"].append(
                    {"id": "u", "date": "2024-05-01", "participants": ["city"], "method": "unilateral"}
                )
            ),
            F,
            id="T4-unilateral-joint-decision-fails",
        ),
        pytest.param("T5", lambda r: None, P, id="T5-goal-and-outside-beneficiaries-passes"),
        pytest.param("T5", _drop("public_goal"), U, id="T5-goal-not-recorded-unknown"),
        pytest.param("T5", _set("public_goal", None), F, id="T5-null-goal-fails"),
        pytest.param("T5", _set("beneficiaries", ["npo", "Company"]), F, id="T5-beneficiaries-are-partners-fails"),
        pytest.param("T5", _drop("beneficiaries"), U, id="T5-beneficiaries-not-recorded-unknown"),
        pytest.param("T6", lambda r: None, P, id="T6-three-sectors-passes"),
        pytest.param("T6", one_sector, F, id="T6-one-sector-fails"),
        pytest.param("T7", lambda r: None, P, id="T7-no-transactions-passes"),
        pytest.param("T7", _edit(lambda r: (r.pop("pledges"), r.pop("deliveries"))), U, id="T7-not-recorded-unknown"),
        pytest.param(
            "T7", _edit(lambda r: _contract_without_money(r, 1)), U, id="T7-unpaid-contract-one-contributor-unknown"
        ),
        pytest.param(
            "T7",
            _edit(lambda r: _contract_without_money(r, 2)),
            P,
            id="T7-unpaid-contract-beside-two-contributors-passes",
        ),
        pytest.param(
            "T7",
            _edit(
                lambda r: (
                    _contract_without_money(r, 1),
                    r["pledges"].append(_money("city", "npo", "service_operation")),
                )
            ),
            F,
            id="T7-contract-with-its-payment-outsourcing-fails",
        ),
    ],
)
def test_each_test(full: Record, diagnose_record: Any, test: str, change: Change, status: TestStatus) -> None:
    change(full)
    result = diagnose_record(full)
    assert result.test(test).status is status
    if status is not P:
        assert not result.is_partnership


def test_unknown_tests_list_the_missing_fields(full: Record, diagnose_record: Any) -> None:
    del full["decisions"]
    del full["public_goal"]
    missing = {m.field: m.tests for m in diagnose_record(full).missing}
    assert missing["decisions"] == ("T4",)
    assert missing["public_goal, beneficiaries"] == ("T5",)


def _money(giver: str, receiver: str, in_return: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"m-{giver}-{in_return}",
        "giver": giver,
        "receiver": receiver,
        "type": "budget",
        "value": 1000,
        "in_return": in_return,
        **extra,
    }


@pytest.mark.parametrize(
    ("flows", "exclusion"),
    [
        pytest.param([_money("biz", "city", "recognition")], Exclusion.DONATION, id="recognition-only-donation"),
        pytest.param(
            [{"id": "v", "giver": "biz", "receiver": "npo", "type": "volunteers", "in_return": "nothing"}],
            Exclusion.DONATION,
            id="in-kind-for-nothing-donation",
        ),
        pytest.param(
            [_money("city", "biz", "deliverable")], Exclusion.PURCHASE_OF_SERVICES, id="money-for-deliverable-purchase"
        ),
        pytest.param(
            [_money("city", "npo", "service_operation")], Exclusion.OUTSOURCING, id="money-for-operation-outsourcing"
        ),
        pytest.param(
            [
                _money("city", "biz", "deliverable"),
                {"id": "k", "giver": "biz", "type": "knowledge", "in_return": "shared_goal"},
            ],
            Exclusion.PURCHASE_OF_SERVICES,
            id="one-contributor-beside-purchase-still-purchase",
        ),
    ],
)
def test_exclusion(full: Record, diagnose_record: Any, flows: list[dict[str, Any]], exclusion: Exclusion) -> None:
    full["pledges"] = flows
    result = diagnose_record(full)
    assert result.exclusion is not None
    assert result.exclusion.kind is exclusion
    assert result.test("T7").status is F
    assert result.rung <= Rung.COOPERATION
    assert not result.is_partnership
    assert any(s.code == f"exclusion_{exclusion.value}" for s in result.next_steps)


def test_transactions_beside_contributions_of_several_members_are_no_exclusion(
    full: Record, diagnose_record: Any
) -> None:
    full["pledges"].append(_money("city", "biz", "deliverable"))
    result = diagnose_record(full)
    assert result.exclusion is None
    assert result.test("T7").status is P
    assert result.is_partnership


def _interest(recusal: bool, member: str = "biz", before: str = "city", open_: bool = True) -> Change:
    return _set(
        "interests",
        [{"id": "x", "member": member, "kind": "tender", "before": before, "recusal_recorded": recusal, "open": open_}],
    )


@pytest.mark.parametrize(
    ("change", "flag", "raised"),
    [
        pytest.param(_set("convener", "npo"), "no_public_convener", True, id="nonprofit-convener-flagged"),
        pytest.param(_set("convener", None), "no_public_convener", True, id="no-convener-flagged"),
        pytest.param(lambda r: None, "no_public_convener", False, id="public-convener-not-flagged"),
        pytest.param(_interest(False), "conflict_of_interest_no_recusal", True, id="open-tender-no-recusal-flagged"),
        pytest.param(_interest(True), "conflict_of_interest_no_recusal", False, id="recusal-recorded-not-flagged"),
        pytest.param(
            _interest(False, open_=False), "conflict_of_interest_no_recusal", False, id="closed-matter-not-flagged"
        ),
        pytest.param(
            _interest(False, member="npo"),
            "conflict_of_interest_no_recusal",
            False,
            id="nonprofit-interest-not-flagged",
        ),
        pytest.param(
            _edit(lambda r: r["pledges"].append(_money("city", "npo", "shared_goal"))),
            "authority_money_without_support_link",
            True,
            id="authority-money-to-nonprofit-unlinked-flagged",
        ),
        pytest.param(
            _edit(
                lambda r: r["pledges"].append(
                    _money("city", "npo", "shared_goal", approval={"kind": "support_committee"})
                )
            ),
            "authority_money_without_support_link",
            False,
            id="support-committee-link-not-flagged",
        ),
        pytest.param(
            _edit(lambda r: r["pledges"].append(_money("city", "npo", "shared_goal", approval={"kind": "tender"}))),
            "authority_money_without_support_link",
            False,
            id="tender-link-not-flagged",
        ),
        pytest.param(
            _edit(lambda r: r["pledges"].append(_money("biz", "city", "recognition"))),
            "donation_without_committee_approval",
            True,
            id="donation-unapproved-flagged",
        ),
        pytest.param(
            _edit(
                lambda r: r["pledges"].append(
                    _money("biz", "city", "recognition", approval={"kind": "donations_committee"})
                )
            ),
            "donation_without_committee_approval",
            False,
            id="donation-approved-not-flagged",
        ),
        pytest.param(
            _edit(lambda r: [d.update(participants=["city", "npo"]) for d in r["decisions"]]),
            "member_never_in_decisions",
            True,
            id="member-absent-from-all-decisions-flagged",
        ),
        pytest.param(lambda r: None, "member_never_in_decisions", False, id="everyone-decides-not-flagged"),
        pytest.param(one_resource_type, "single_resource_type", True, id="one-resource-type-flagged"),
        pytest.param(lambda r: None, "single_resource_type", False, id="three-types-not-flagged"),
        pytest.param(
            _edit(lambda r: r.update(pledges=r["pledges"][:1])),
            "single_contributor",
            True,
            id="one-contributor-flagged",
        ),
        pytest.param(
            _edit(
                lambda r: r["decisions"].append(
                    {
                        "id": "s",
                        "date": "2024-05-01",
                        "participants": ["city", "biz"],
                        "method": "vote",
                        "reserved_to_public": True,
                    }
                )
            ),
            "statutory_decision_in_joint_body",
            True,
            id="business-in-statutory-decision-flagged",
        ),
        pytest.param(
            _edit(
                lambda r: r["decisions"].append(
                    {"id": "u", "date": "2024-05-01", "participants": ["npo"], "method": "unilateral"}
                )
            ),
            "unilateral_decision",
            True,
            id="unilateral-decision-flagged",
        ),
        pytest.param(
            _edit(lambda r: r.update(interactions=[{"id": "r", "kind": "rivalry", "from": "npo", "to": "biz"}])),
            "competitive_tension",
            True,
            id="rivalry-inside-partnership-flagged",
        ),
        pytest.param(
            rivalry_only, "competitive_tension", False, id="rivalry-without-dialogue-is-competition-not-tension"
        ),
    ],
)
def test_flag(full: Record, diagnose_record: Any, change: Change, flag: str, raised: bool) -> None:
    change(full)
    assert (flag in diagnose_record(full).flag_codes()) is raised


def test_governance_risk_makes_principle_1_a_risk(full: Record, diagnose_record: Any) -> None:
    assert diagnose_record(full).principles[0].status is FindingStatus.OK
    _interest(False)(full)
    finding = diagnose_record(full).principles[0]
    assert finding.status is FindingStatus.RISK
    assert finding.indicators["I1.3"] == 1


def test_indicators_follow_the_record(full: Record, diagnose_record: Any) -> None:
    full["decisions"][1]["participants"] = ["city", "npo"]
    full["deliveries"] = [
        {"id": "dl", "pledge": "p-city", "giver": "city", "type": "budget", "value": 25, "in_return": "shared_goal"}
    ]
    p3 = diagnose_record(full).principles[2]
    assert p3.indicators["I3.2_resource_types"] == 3
    assert p3.indicators["I3.2_contributors"] == 3
    assert p3.indicators["I3.3"] == pytest.approx((1 + 1 + 0.5) / 3, abs=1e-4)
    assert p3.indicators["I3.4"] == {"city": 0.25}
    assert p3.indicators["I3.1"] == ("T4",)


@pytest.mark.parametrize(
    ("readiness", "status"),
    [
        pytest.param({"political": 2, "organizational": 2, "community": 1}, FindingStatus.OK, id="ready-go"),
        pytest.param({"political": 3, "organizational": 3, "community": 0}, FindingStatus.RISK, id="one-zero-no-go"),
        pytest.param({"political": 1, "organizational": 1, "community": 1}, FindingStatus.RISK, id="low-total-no-go"),
    ],
)
def test_readiness_go_no_go(
    full: Record, diagnose_record: Any, readiness: dict[str, int], status: FindingStatus
) -> None:
    full["readiness"] = readiness
    assert diagnose_record(full).principles[4].status is status


def test_thresholds_are_parameters(full: Record, diagnose_record: Any) -> None:
    full["decisions"].append({"id": "d3", "date": "2024-04-01", "participants": ["city", "npo"], "method": "vote"})
    full["decisions"].append({"id": "d4", "date": "2024-05-01", "participants": ["city", "npo"], "method": "vote"})
    assert diagnose_record(full).test("T4").status is F  # biz took part in 2 of 4 = 50% < 75%
    assert diagnose_record(full, EngineParams(decision_share=0.5)).test("T4").status is P
    full["horizon_months"] = 4
    assert diagnose_record(full, EngineParams(decision_share=0.5)).test("T2").status is F
    assert diagnose_record(full, EngineParams(ongoing_months=3)).test("T2").status is P
