"""Next steps (actions that would close a failing test, clear a risk or raise the rung) and missing data.

Order: the exclusion first, then failing tests in order T1..T6, then risk flags, then the step to the next
rung when the record is below cooperation. Missing data follows the unknown tests in order."""

from __future__ import annotations

from collections.abc import Sequence

from shutafut.model.i18n import Message, _
from shutafut.model.ladder import Rung
from shutafut.model.records import Cadence

from .criteria import horizon_months
from .evidence import Evidence
from .results import Exclusion, ExclusionResult, Flag, MissingData, NextStep, TestResult, TestStatus

TEST_STEPS: dict[str, str] = {
    "T1": _(
        "Write a framework document (agreement, charter or MoU) beside any contract, and have every member sign it."
    ),
    "T2": _("Plan for at least %(months)s months and set a regular meeting cadence for the joint body."),
    "T3": _(
        "Have at least two partners pledge resources of at least two types (knowledge, time, staff, budget,"
        " premises...), and let the joint body decide how the pooled resources are used."
    ),
    "T4": _(
        "Write decision rules that give every partner a say, and invite every member to each joint decision;"
        " keep only statutory decisions with the public body."
    ),
    "T5": _("State the public goal and the beneficiaries outside the partner organizations."),
    "T6": _("Invite a partner from another sector (public, third or business) into the joint body."),
}

EXCLUSION_STEPS: dict[Exclusion, str] = {
    Exclusion.DONATION: _(
        "A donation can be the basis of a partnership: invite the donor into the joint body, ask every"
        " partner to"
        " bring resources of its own, and decide together how they are used."
    ),
    Exclusion.PURCHASE_OF_SERVICES: _(
        "Keep the purchase contract, and beside it agree on a shared public goal, joint decisions and"
        " contributions from both sides in a partnership agreement."
    ),
    Exclusion.OUTSOURCING: _(
        "Keep the outsourcing contract, and beside it set up a joint steering body in which the operator"
        " and the"
        " public body decide together and both bring resources."
    ),
}

FLAG_STEPS: dict[str, str] = {
    "conflict_of_interest_no_recusal": _(
        "Record the business partner's recusal from every decision about its open matter before the authority."
    ),
    "authority_money_without_support_link": _(
        "Link the authority's money to the nonprofit to a support-committee decision or a tender."
    ),
    "donation_without_committee_approval": _(
        "Take the donation to the authority's donations committee and record its approval."
    ),
    "no_public_convener": _("Ask the public body to convene the partnership, or record why it does not."),
    "member_never_in_decisions": _("Bring the members who never decide into the joint decisions."),
}

RUNG_STEPS: dict[Rung, str] = {
    Rung.DISCONNECTION: _("Start with contact: share plans or data with the other members."),
    Rung.COMPETITION: _(
        "Open a regular two-way exchange of information with the rival members before competing for the same resources."
    ),
    Rung.INFORMING: _(
        "Move to coordination: agree on at least one change of activity (avoid duplication, split target"
        " groups,"
        " align timetables)."
    ),
    Rung.COORDINATION: _(
        "Move to cooperation: pool resources for a joint activity and take decisions about it together."
    ),
}

MISSING: dict[str, tuple[str, str]] = {
    "T1": ("framework_documents", _("Record the framework documents, or an empty list if there are none.")),
    "T3": (
        "pledges, deliveries",
        _("Record the resource pledges and deliveries, or empty lists if there are none."),
    ),
    "T4": (
        "decisions",
        _("Record the decisions with their participants, or an empty list if there are none."),
    ),
    "T5": (
        "public_goal, beneficiaries",
        _("Record the public goal and the beneficiaries outside the partner organizations."),
    ),
    "T7": (
        "pledges, deliveries",
        _("Record the resource pledges and deliveries, or empty lists if there are none."),
    ),
}
"""What would decide an unknown test, by test; T2 and a T7 held back by a contract are worked out from the
evidence (``_missing_for``)."""

T2_MISSING: dict[str, str] = {
    "horizon_months, meeting_cadence": _("Record the planned horizon in months and the meeting cadence."),
    "horizon_months": _("Record the planned horizon in months, or the dates of the activities."),
    "meeting_cadence": _("Record how often the joint body meets."),
    "standing_body": _(
        "Record whether a standing joint body (such as a steering committee) holds the regular meetings, or how"
        " often they take place."
    ),
}


def next_steps(
    ev: Evidence,
    rung: Rung,
    tests: Sequence[TestResult],
    excluded: ExclusionResult | None,
    flags: Sequence[Flag],
) -> list[NextStep]:
    """Concrete actions, most fundamental first; each step names the tests it would close."""
    steps: list[NextStep] = []
    if excluded is not None:
        steps.append(NextStep(f"exclusion_{excluded.kind.value}", Message(EXCLUSION_STEPS[excluded.kind]), ("T7",)))
    for t in tests:
        if t.status is TestStatus.FAILED and t.code in TEST_STEPS:
            params = {"months": ev.params.ongoing_months} if t.code == "T2" else {}
            steps.append(NextStep(f"close_{t.code}", Message(TEST_STEPS[t.code], params), (t.code,)))
    seen: set[str] = set()
    for f in flags:
        if f.code in FLAG_STEPS and f.code not in seen:
            seen.add(f.code)
            steps.append(NextStep(f"resolve_{f.code}", Message(FLAG_STEPS[f.code])))
    if rung in RUNG_STEPS:
        steps.append(NextStep(f"raise_from_{rung.code}", Message(RUNG_STEPS[rung])))
    if any(f.category.value == "data_quality" for f in flags):
        steps.append(
            NextStep(
                "fix_data_quality",
                Message(_("Correct the contradictory records listed among the flags, then diagnose again.")),
            )
        )
    return steps


def missing_data(tests: Sequence[TestResult], ev: Evidence) -> list[MissingData]:
    """One entry per group of fields that would let an unknown test be decided; then the organizers of
    activities when they could raise the rung, and the convener when it is not recorded."""
    by_field: dict[str, tuple[Message, list[str]]] = {}
    for t in tests:
        if t.status is TestStatus.UNKNOWN:
            for fld, message in _missing_for(t.code, ev):
                by_field.setdefault(fld, (message, []))[1].append(t.code)
    out = [MissingData(fld, message, tuple(codes)) for fld, (message, codes) in by_field.items()]
    if ev.unorganized_activities and not ev.activity_adjusted:
        out.append(
            MissingData(
                "activities.organizers",
                Message(
                    _(
                        "Record who organized activities %(ids)s: an activity that two members or more organize"
                        " together shows they adjust their work to each other."
                    ),
                    {"ids": ", ".join(ev.unorganized_activities)},
                ),
            )
        )
    if not ev.partnership.convener_recorded:
        out.append(MissingData("convener", Message(_("Record which member convenes the partnership, or null."))))
    return out


def _missing_for(code: str, ev: Evidence) -> list[tuple[str, Message]]:
    p = ev.partnership
    if code == "T2":
        fields = []
        if horizon_months(ev) is None and ev.activity_dates < ev.params.min_recurring_activities:
            fields.append("horizon_months")
        if p.meeting_cadence is None:
            fields.append("meeting_cadence")
        groups = [", ".join(fields)] if fields else []
        if p.meeting_cadence is Cadence.REGULAR and p.standing_body is not True:
            groups.append("standing_body")
        return [(group, Message(T2_MISSING[group])) for group in groups]
    if code == "T7" and ev.unpaid_contracts and (p.pledges is not None or p.deliveries is not None):
        message = _(
            "Record the money paid under contract %(docs)s: who pays (the giver), who is paid (the receiver) and"
            " what the payer gets in return."
        )
        return [("pledges, deliveries", Message(message, {"docs": ", ".join(ev.unpaid_contracts)}))]
    if code in MISSING:
        fld, msgid = MISSING[code]
        return [(fld, Message(msgid))]
    return []
