"""Findings for the six principles (domain.md §4), with the indicator values the record allows.

Convention: an indicator the record cannot compute is ``None`` (JSON ``null``). A principle is ``risk`` when a
rule of its own says so, ``attention`` when an indicator misses its target or when *no* indicator of it can be
computed, and ``ok`` otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from shutafut.model.i18n import Message, _
from shutafut.model.records import ApprovalKind

from .evidence import TRANSACTIONAL_RETURNS, Evidence, took_part
from .results import (
    FindingStatus,
    Flag,
    IndicatorValue,
    PrincipleFinding,
    Severity,
    TestResult,
    TestStatus,
)

OK, ATTENTION, RISK = FindingStatus.OK, FindingStatus.ATTENTION, FindingStatus.RISK


def _finding(
    number: int, indicators: Mapping[str, IndicatorValue], status: FindingStatus, notes: list[Message]
) -> PrincipleFinding:
    if status is OK and all(v is None for v in indicators.values()):
        status = ATTENTION
        notes.append(Message(_("The record has no data for this principle's indicators.")))
    return PrincipleFinding(number, status, dict(indicators), tuple(notes))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _flag_status(flags: Sequence[Flag], principle: int) -> FindingStatus:
    own = [f for f in flags if f.principle == principle]
    if any(f.severity is Severity.RISK for f in own):
        return RISK
    if own:
        return ATTENTION
    return OK


def principle_1(ev: Evidence, tests: Sequence[TestResult], flags: Sequence[Flag]) -> PrincipleFinding:
    """Keep each sector's place: I1.1 public convener; I1.2 share of statutory decisions taken by public
    members only; I1.3 open conflicts of interest with no recusal; I1.4 share of donations to a public
    member approved by the donations committee. Status from the governance flags."""
    p = ev.partnership
    public = ev.public_members
    convener: bool | None = None
    if p.convener_recorded:
        convener = ev.convener is not None and ev.convener in public
    reserved = [d for d in ev.decisions if d.reserved_to_public]
    outside = sum(1 for d in reserved if took_part(d) <= public)
    conflicts: int | None = None
    if p.interests is not None:
        conflicts = sum(1 for f in flags if f.code == "conflict_of_interest_no_recusal")
    donations = [
        f for f in ev.flows if f.receiver in public and f.giver not in public and f.in_return in TRANSACTIONAL_RETURNS
    ]
    approved = sum(
        1 for f in donations if f.approval is not None and f.approval.kind is ApprovalKind.DONATIONS_COMMITTEE
    )
    indicators: dict[str, IndicatorValue] = {
        "I1.1": convener,
        "I1.2": _share(outside, len(reserved)),
        "I1.3": conflicts,
        "I1.4": _share(approved, len(donations)),
    }
    return _finding(1, indicators, _flag_status(flags, 1), [])


def principle_2(ev: Evidence, tests: Sequence[TestResult], flags: Sequence[Flag]) -> PrincipleFinding:
    """Public goals and shared values: I2.1 every member scores at least 1 on interest and influence; I2.3
    the share of members that endorsed the current text of the shared vision; plus whether a public goal is
    stated and how many outside beneficiaries are named. Risk when T5 failed; attention when T5 is
    unknown or I2.1/I2.3 miss."""
    p = ev.partnership
    members = list(ev.members.values())
    scored = [m for m in members if m.interest is not None and m.influence is not None]
    relevance: bool | None = None
    if len(scored) == len(members):
        relevance = all((m.interest or 0) >= 1 and (m.influence or 0) >= 1 for m in members)
    endorsed: float | None = None
    if p.vision_endorsers is not None:
        endorsed = _share(len(set(p.vision_endorsers) & set(ev.members)), len(members))
    indicators: dict[str, IndicatorValue] = {
        "public_goal": None if p.public_goal is None else bool(p.public_goal.strip()),
        "external_beneficiaries": len(ev.external_beneficiaries),
        "I2.1": relevance,
        "I2.3": endorsed,
    }
    t5 = _status(tests, "T5")
    status = OK
    if t5 is TestStatus.FAILED:
        status = RISK
    elif t5 is TestStatus.UNKNOWN or relevance is False or (endorsed is not None and endorsed < 1):
        status = ATTENTION
    return _finding(2, indicators, status, [])


def principle_3(ev: Evidence, tests: Sequence[TestResult], flags: Sequence[Flag]) -> PrincipleFinding:
    """The nature of the partnership: I3.1 failing tests; I3.2 resource types and contributing members;
    I3.3 mean share of joint decisions members took part in; I3.4 delivered value as a share of pledged
    value, per member. Risk when a test failed or a risk flag of this principle is up; attention when a
    test is unknown, a flag of this principle is up, or a member delivered less than
    ``pledge_fulfilment_attention`` (default 0.5)."""
    contrib = ev.contributions
    shares = [s for s in ev.decision_shares.values() if s is not None]
    pledged: dict[str, float] = {}
    given: dict[str, float] = {}
    for f in ev.flows:
        if f.pledged and f.value:
            pledged[f.giver] = pledged.get(f.giver, 0.0) + f.value
            given[f.giver] = given.get(f.giver, 0.0) + (f.delivered or 0.0)
    fulfilment: dict[str, float | None] = {m: round(given[m] / pledged[m], 4) for m in sorted(pledged)}
    failing = tuple(t.code for t in tests if t.status is TestStatus.FAILED)
    indicators: dict[str, IndicatorValue] = {
        "I3.1": failing,
        "I3.2_resource_types": len({f.type for f in contrib}),
        "I3.2_contributors": len({f.giver for f in contrib}),
        "I3.3": round(sum(shares) / len(shares), 4) if shares else None,
        "I3.4": fulfilment if ev.partnership.deliveries is not None else None,
    }
    status = _flag_status(flags, 3)
    notes: list[Message] = []
    low = [
        m
        for m, s in fulfilment.items()
        if ev.partnership.deliveries is not None and s is not None and s < ev.params.pledge_fulfilment_attention
    ]
    if low:
        notes.append(
            Message(
                _("%(names)s delivered less than %(share)s of the value they pledged."),
                {"names": ev.names(low), "share": f"{ev.params.pledge_fulfilment_attention * 100:.0f}%"},
            )
        )
    if failing:
        status = RISK
    elif status is OK and (low or any(t.status is TestStatus.UNKNOWN for t in tests)):
        status = ATTENTION
    return _finding(3, indicators, status, notes)


def principle_4(ev: Evidence, tests: Sequence[TestResult], flags: Sequence[Flag]) -> PrincipleFinding:
    """Roles and expectations: I4.3 every member has a role and someone manages the partnership; I4.4 share of
    members whose representative has a recorded mandate. Attention when either misses."""
    members = list(ev.members.values())
    roles_filled = all(m.roles for m in members) and any(r.value == "manager" for m in members for r in m.roles)
    mandates = [m.mandate for m in members if m.mandate is not None]
    mandate_share = _share(sum(1 for v in mandates if v), len(members)) if mandates else None
    indicators: dict[str, IndicatorValue] = {
        "I4.3": roles_filled if any(m.roles for m in members) else None,
        "I4.4": mandate_share,
    }
    status = OK
    if indicators["I4.3"] is False or (mandate_share is not None and mandate_share < 1):
        status = ATTENTION
    return _finding(4, indicators, status, [])


def principle_5(ev: Evidence, tests: Sequence[TestResult], flags: Sequence[Flag]) -> PrincipleFinding:
    """Operating complexity: I5.1 readiness index, go when every dimension is at least
    ``readiness_min_dimension`` (default 1) and the total at least ``readiness_min_total`` (default 5).
    Risk on no-go."""
    r = ev.partnership.readiness
    if r is None:
        return _finding(5, {"I5.1_total": None, "I5.1_go": None}, OK, [])
    dims = (r.political, r.organizational, r.community)
    go = min(dims) >= ev.params.readiness_min_dimension and sum(dims) >= ev.params.readiness_min_total
    return _finding(5, {"I5.1_total": sum(dims), "I5.1_go": go}, OK if go else RISK, [])


def principle_6(ev: Evidence, tests: Sequence[TestResult], flags: Sequence[Flag]) -> PrincipleFinding:
    """Bridging cultures: I6.1 the members agreed working norms; whether a meeting cadence is defined; the
    rivalry flag. Attention when norms are recorded as absent or members rival each other."""
    p = ev.partnership
    norms = None if p.working_norms is None else bool(p.working_norms)
    cadence = None if p.meeting_cadence is None else p.meeting_cadence.value not in ("none", "ad_hoc")
    indicators: dict[str, IndicatorValue] = {"I6.1_working_norms": norms, "meeting_cadence": cadence}
    status = _flag_status(flags, 6)
    if status is OK and (norms is False or cadence is False):
        status = ATTENTION
    return _finding(6, indicators, status, [])


PRINCIPLES: tuple[Callable[[Evidence, Sequence[TestResult], Sequence[Flag]], PrincipleFinding], ...] = (
    principle_1,
    principle_2,
    principle_3,
    principle_4,
    principle_5,
    principle_6,
)


def _status(tests: Sequence[TestResult], code: str) -> TestStatus:
    return next(t.status for t in tests if t.code == code)
