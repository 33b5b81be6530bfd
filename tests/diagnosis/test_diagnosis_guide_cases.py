"""The example cases of domain.md §9, encoded with the classification the guide implies."""

from __future__ import annotations

from typing import Any

from shutafut.diagnosis.engine import Exclusion, TestStatus
from shutafut.model.ladder import Rung

Record = dict[str, Any]


def _members(*spec: tuple[str, str]) -> list[dict[str, str]]:
    return [{"id": i, "name": i, "sector": s} for i, s in spec]


def test_jnf_donation_for_a_fire_station_is_an_excluded_donation(diagnose_record: Any) -> None:
    """§9 case 14: donor → authority money, approved by the donations committee."""
    result = diagnose_record(
        {
            "id": "jnf",
            "name": "JNF fire station, Matte Asher",
            "convener": "matte-asher",
            "members": _members(("matte-asher", "public"), ("jnf", "third")),
            "pledges": [
                {
                    "id": "gift",
                    "giver": "jnf",
                    "receiver": "matte-asher",
                    "type": "budget",
                    "in_return": "recognition",
                    "approval": {"kind": "donations_committee", "ref": "DC-1"},
                }
            ],
            "decisions": [],
        }
    )
    assert result.exclusion is not None and result.exclusion.kind is Exclusion.DONATION
    assert not result.is_partnership
    assert "donation_without_committee_approval" not in result.flag_codes()
    assert result.principles[0].indicators["I1.4"] == 1.0


def test_jnf_donation_without_committee_record_is_flagged(diagnose_record: Any) -> None:
    result = diagnose_record(
        {
            "id": "jnf",
            "name": "JNF fire station",
            "members": _members(("matte-asher", "public"), ("jnf", "third")),
            "pledges": [
                {"id": "gift", "giver": "jnf", "receiver": "matte-asher", "type": "budget", "in_return": "recognition"}
            ],
        }
    )
    assert "donation_without_committee_approval" in result.flag_codes()


def test_municipal_procurement_from_local_businesses_is_purchase_of_services(diagnose_record: Any) -> None:
    """§9 case 16: purchase of services, excluded, but a relation at rung 4–5 (coordination or cooperation)."""
    result = diagnose_record(
        {
            "id": "kamam",
            "name": "Local procurement",
            "members": _members(("city", "public"), ("bakery", "business"), ("print-shop", "business")),
            "pledges": [
                {
                    "id": "bread",
                    "giver": "city",
                    "receiver": "bakery",
                    "type": "budget",
                    "in_return": "deliverable",
                    "approval": {"kind": "tender"},
                },
                {
                    "id": "print",
                    "giver": "city",
                    "receiver": "print-shop",
                    "type": "budget",
                    "in_return": "deliverable",
                    "approval": {"kind": "tender"},
                },
            ],
            "decisions": [
                {
                    "id": "lots",
                    "date": "2024-01-10",
                    "participants": ["city", "bakery", "print-shop"],
                    "method": "consultation",
                    "subject": "split tenders into small lots",
                }
            ],
        }
    )
    assert result.exclusion is not None and result.exclusion.kind is Exclusion.PURCHASE_OF_SERVICES
    assert result.rung in (Rung.COORDINATION, Rung.COOPERATION)
    assert not result.is_partnership


VOLUNTEERING_INITIATIVE: Record = {
    "id": "ivi",
    "name": "Israeli Volunteering Initiative",
    "started": "2013-01-01",
    "convener": "ministry",
    "public_goal": "Expand and professionalise volunteering in Israel",
    "beneficiaries": ["volunteers", "communities served by volunteers"],
    "horizon_months": 36,
    "meeting_cadence": "monthly",
    "members": _members(("ministry", "public"), ("jdc", "third"), ("forum", "third")),
    "framework_documents": [
        {
            "id": "mandate",
            "kind": "steering_mandate",
            "signatories": ["ministry", "jdc", "forum"],
            "decision_members": ["ministry", "jdc", "forum"],
        }
    ],
    "pledges": [
        {"id": "gov-5m", "giver": "ministry", "type": "budget", "value": 5_000_000, "in_return": "shared_goal"},
        {"id": "orgs-5m", "giver": "forum", "type": "budget", "value": 5_000_000, "in_return": "shared_goal"},
        {"id": "jdc-staff", "giver": "jdc", "type": "manpower", "in_return": "shared_goal"},
        {"id": "jdc-knowhow", "giver": "jdc", "type": "professional_expertise", "in_return": "shared_goal"},
    ],
    "decisions": [
        {"id": "targets", "date": "2013-03-01", "participants": ["ministry", "jdc", "forum"], "method": "consensus"},
        {"id": "allocation", "date": "2013-06-01", "participants": ["ministry", "jdc", "forum"], "method": "consensus"},
    ],
}


def test_israeli_volunteering_initiative_is_a_partnership(diagnose_record: Any) -> None:
    """§9 case 10: pooled money of several types plus staff, a joint steering body, public goal, multi-year."""
    result = diagnose_record(VOLUNTEERING_INITIATIVE)
    assert result.is_partnership
    assert result.rung is Rung.PARTNERSHIP
    assert result.exclusion is None


def _ramat_hanadiv(decision_members: list[str]) -> Record:
    authorities = [f"authority-{i}" for i in range(1, 6)]
    everyone = ["ramat-hanadiv", *authorities]
    return {
        "id": "ramat-hanadiv",
        "name": "Ramat Hanadiv regional sustainability partnership",
        "started": "2015-01-01",
        "convener": "authority-1",
        "public_goal": "Regional sustainability",
        "beneficiaries": ["residents of the region"],
        "horizon_months": 48,
        "meeting_cadence": "quarterly",
        "members": _members(("ramat-hanadiv", "third"), *((a, "public") for a in authorities)),
        "framework_documents": [
            {"id": "charter", "kind": "charter", "signatories": everyone, "decision_members": decision_members}
        ],
        "pledges": [
            {"id": "rh-knowledge", "giver": "ramat-hanadiv", "type": "knowledge", "in_return": "shared_goal"},
            {"id": "rh-budget", "giver": "ramat-hanadiv", "type": "budget", "in_return": "shared_goal"},
            *({"id": f"{a}-staff", "giver": a, "type": "manpower", "in_return": "shared_goal"} for a in authorities),
        ],
        "decisions": [
            {"id": f"plan-{q}", "date": f"2015-0{q}-01", "participants": everyone, "method": "consensus"}
            for q in (3, 6, 9)
        ],
    }


def test_ramat_hanadiv_is_a_partnership_when_the_rules_include_all_partners(diagnose_record: Any) -> None:
    """§9 case 12: third + public; a partnership if the decision rules include all partners."""
    everyone = ["ramat-hanadiv", *(f"authority-{i}" for i in range(1, 6))]
    assert diagnose_record(_ramat_hanadiv(everyone)).is_partnership


def test_ramat_hanadiv_is_not_a_partnership_when_the_rules_leave_the_foundation_out(diagnose_record: Any) -> None:
    result = diagnose_record(_ramat_hanadiv([f"authority-{i}" for i in range(1, 6)]))
    assert not result.is_partnership
    assert result.test("T4").status is TestStatus.FAILED
    assert result.rung is Rung.COOPERATION


MATOV: Record = {
    "id": "matov",
    "name": "Matov: coordination of community resources",
    "convener": "authority",
    "public_goal": "Use volunteers and community resources without duplication",
    "members": _members(
        ("authority", "public"),
        ("volunteering-unit", "public"),
        ("npo-1", "third"),
        ("npo-2", "third"),
        ("business", "business"),
    ),
    "framework_documents": [],
    "pledges": [],
    "decisions": [],
    "interactions": [
        {"id": "map", "kind": "information", "from": "authority", "note": "map of services to all"},
        {"id": "report-1", "kind": "information", "from": "npo-1", "to": "authority"},
        {"id": "report-2", "kind": "information", "from": "npo-2", "to": "authority"},
        {"id": "roles", "kind": "adjustment", "from": "npo-1", "to": "npo-2", "note": "role clarification"},
    ],
}


def test_matov_is_coordination(diagnose_record: Any) -> None:
    """§9 case 1: a coordination infrastructure (rung 4 of the guide's 1–6 numbering)."""
    result = diagnose_record(MATOV)
    assert result.rung is Rung.COORDINATION
    assert not result.is_partnership


def test_matov_moves_an_authority_from_competition_to_coordination(diagnose_record: Any) -> None:
    """§9 case 1's test: many NGOs, duplicate services and no information flow move from 2–3 to 4."""
    before = dict(MATOV, interactions=[{"id": "dup", "kind": "rivalry", "from": "npo-1", "to": "npo-2"}])
    assert diagnose_record(before).rung is Rung.COMPETITION
    after = dict(MATOV, interactions=[*before["interactions"], *MATOV["interactions"]])
    result = diagnose_record(after)
    assert result.rung is Rung.COORDINATION
    assert "competitive_tension" in result.flag_codes()


def test_round_table_with_few_joint_resources_is_a_platform_not_yet_a_partnership(diagnose_record: Any) -> None:
    """§9 case 2: meets T1, T2, T4 and T6; T3 is weak (only knowledge is steered jointly): rung 5, not 6."""
    members = _members(("pmo", "public"), ("ngo-forum", "third"), ("business-forum", "business"))
    ids = [m["id"] for m in members]
    result = diagnose_record(
        {
            "id": "round-table",
            "name": "PMO interface round table",
            "convener": "pmo",
            "public_goal": "Better government–civil society–business interfaces",
            "beneficiaries": ["the public"],
            "horizon_months": 36,
            "meeting_cadence": "quarterly",
            "members": members,
            "framework_documents": [{"id": "doc", "kind": "framework_doc", "signatories": ids}],
            "pledges": [{"id": f"k-{i}", "giver": i, "type": "knowledge", "in_return": "shared_goal"} for i in ids],
            "decisions": [{"id": "rec", "date": "2024-01-01", "participants": ids, "method": "consensus"}],
        }
    )
    for code in ("T1", "T2", "T4", "T6"):
        assert result.test(code).status is TestStatus.PASSED
    assert result.test("T3").status is TestStatus.FAILED
    assert result.rung is Rung.COOPERATION


def test_regional_cluster_of_authorities_alone_is_not_cross_sector(diagnose_record: Any) -> None:
    """§9 case 8: public–public pooled resources are inter-municipal, cross-sector only with other sectors (T6)."""
    record = dict(
        VOLUNTEERING_INITIATIVE, members=_members(("ministry", "public"), ("jdc", "public"), ("forum", "public"))
    )
    result = diagnose_record(record)
    assert result.test("T6").status is TestStatus.FAILED
    assert not result.is_partnership


def test_ale_corporate_donation_alone_is_a_donation_and_joint_programme_a_partnership(diagnose_record: Any) -> None:
    """§9 case 4: a corporate donation alone → donation; company + NGO + authority with a joint employment
    programme, shared decisions and pooled staff, budget and placements → partnership."""
    donation = diagnose_record(
        {
            "id": "ale-donation",
            "name": "Corporate donation",
            "members": _members(("corp", "business"), ("npo", "third")),
            "pledges": [
                {"id": "cheque", "giver": "corp", "receiver": "npo", "type": "budget", "in_return": "recognition"}
            ],
        }
    )
    assert donation.exclusion is not None and donation.exclusion.kind is Exclusion.DONATION
    ids = ["corp", "npo", "city"]
    programme = diagnose_record(
        {
            "id": "ale-programme",
            "name": "Joint employment programme",
            "convener": "city",
            "public_goal": "Diversity hiring in the city",
            "beneficiaries": ["job seekers from the periphery"],
            "horizon_months": 24,
            "meeting_cadence": "monthly",
            "members": _members(("corp", "business"), ("npo", "third"), ("city", "public")),
            "framework_documents": [{"id": "mou", "kind": "mou", "signatories": ids}],
            "pledges": [
                {"id": "staff", "giver": "corp", "type": "manpower", "in_return": "shared_goal"},
                {"id": "placements", "giver": "corp", "type": "access_to_institutions", "in_return": "shared_goal"},
                {"id": "budget", "giver": "city", "type": "budget", "in_return": "shared_goal"},
                {"id": "method", "giver": "npo", "type": "professional_expertise", "in_return": "shared_goal"},
            ],
            "decisions": [{"id": "plan", "date": "2024-01-01", "participants": ids, "method": "consensus"}],
        }
    )
    assert programme.is_partnership
