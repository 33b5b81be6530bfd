"""Risk flags: governance safeguards (domain.md §7.1) and structural warnings (§3, §4).

Each rule is a function from ``Evidence`` to a list of flags; its docstring states the convention.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from shutafut.model.i18n import Message, _
from shutafut.model.records import ApprovalKind, DecisionMethod, InterestKind
from shutafut.model.resources import ResourceType
from shutafut.model.sectors import Sector

from .evidence import TRANSACTIONAL_RETURNS, Evidence, Flow, took_part
from .results import Flag, FlagCategory, Severity

GOV, STRUCT = FlagCategory.GOVERNANCE, FlagCategory.STRUCTURE


def _flag(
    code: str,
    severity: Severity,
    category: FlagCategory,
    principle: int,
    msgid: str,
    records: Iterable[str] = (),
    **params: str | int | float,
) -> Flag:
    return Flag(code, severity, category, Message(msgid, params), tuple(records), principle)


def no_public_convener(ev: Evidence) -> list[Flag]:
    """The convener is not a public-sector member, or there is none. Principle 1: the public body convenes.
    Not raised when the record says nothing about a convener (that is missing data)."""
    p = ev.partnership
    if not p.convener_recorded:
        return []
    if ev.convener is not None and ev.members[ev.convener].sector is Sector.PUBLIC:
        return []
    if ev.convener is None:
        msg = _("The partnership has no convener; the guide expects the public body to convene it.")
    else:
        msg = _("The convener, %(name)s, is not a public body; the guide expects the public body to convene it.")
    return [
        _flag(
            "no_public_convener",
            Severity.ATTENTION,
            GOV,
            1,
            msg,
            [ev.convener] if ev.convener else [],
            name=ev.name(ev.convener) if ev.convener else "",
        )
    ]


INTEREST_MESSAGES: dict[InterestKind, str] = {
    InterestKind.TENDER: _(
        "%(member)s takes part in an open tender of %(authority)s, a partner in the same partnership, and no"
        " recusal is recorded."
    ),
    InterestKind.PERMIT: _(
        "%(member)s has an open permit application before %(authority)s, a partner in the same partnership,"
        " and no recusal is recorded."
    ),
    InterestKind.PLANNING: _(
        "%(member)s has an open planning matter before %(authority)s, a partner in the same partnership, and"
        " no recusal is recorded."
    ),
    InterestKind.LAND: _(
        "%(member)s has an open land matter before %(authority)s, a partner in the same partnership, and no"
        " recusal is recorded."
    ),
}


def conflict_of_interest(ev: Evidence) -> list[Flag]:
    """A business member has an open tender, permit, planning or land matter before a public member of the
    same partnership, with no recusal recorded (I1.3)."""
    public = ev.public_members
    out = []
    for it in ev.interests:
        if not it.open or it.recusal_recorded:
            continue
        if ev.members[it.member].sector is not Sector.BUSINESS or it.before not in public:
            continue
        out.append(
            _flag(
                "conflict_of_interest_no_recusal",
                Severity.RISK,
                GOV,
                1,
                INTEREST_MESSAGES[it.kind],
                [it.id, it.member, it.before],
                member=ev.name(it.member),
                authority=ev.name(it.before),
            )
        )
    return out


def _approval(f: Flow) -> ApprovalKind:
    return f.approval.kind if f.approval is not None else ApprovalKind.NONE


def authority_money_without_support_link(ev: Evidence) -> list[Flag]:
    """Money (budget) from a public member to a third-sector member must trace to a support-committee
    decision or a tender (circular 4/2006, domain.md §7.1)."""
    out = []
    for f in ev.flows:
        if f.type is not ResourceType.BUDGET or f.receiver is None:
            continue
        if ev.members[f.giver].sector is not Sector.PUBLIC or ev.members[f.receiver].sector is not Sector.THIRD:
            continue
        if _approval(f) in (ApprovalKind.SUPPORT_COMMITTEE, ApprovalKind.TENDER):
            continue
        out.append(
            _flag(
                "authority_money_without_support_link",
                Severity.RISK,
                GOV,
                1,
                _(
                    "%(record)s: money from %(giver)s to the nonprofit %(receiver)s is not linked to a"
                    " support-committee decision or a tender."
                ),
                [f.id],
                record=f.id,
                giver=ev.name(f.giver),
                receiver=ev.name(f.receiver),
            )
        )
    return out


def donation_without_committee(ev: Evidence) -> list[Flag]:
    """A donation (nothing or recognition in return) from a business or third-sector member to a public member
    must link to the donations committee's approval (circular 4/2016, I1.4)."""
    out = []
    for f in ev.flows:
        if f.receiver is None or f.in_return not in TRANSACTIONAL_RETURNS:
            continue
        if ev.members[f.receiver].sector is not Sector.PUBLIC or ev.members[f.giver].sector is Sector.PUBLIC:
            continue
        if _approval(f) is ApprovalKind.DONATIONS_COMMITTEE:
            continue
        out.append(
            _flag(
                "donation_without_committee_approval",
                Severity.RISK,
                GOV,
                1,
                _("%(record)s: the donation from %(giver)s to %(receiver)s has no donations-committee approval."),
                [f.id],
                record=f.id,
                giver=ev.name(f.giver),
                receiver=ev.name(f.receiver),
            )
        )
    return out


def statutory_decision_in_joint_body(ev: Evidence) -> list[Flag]:
    """A decision reserved to the public body that non-public members took part in (I1.2: statutory
    decisions are taken by the public organ outside the joint body and only reported to it)."""
    public = ev.public_members
    bad = [d.id for d in ev.decisions if d.reserved_to_public and not took_part(d) <= public]
    if not bad:
        return []
    return [
        _flag(
            "statutory_decision_in_joint_body",
            Severity.ATTENTION,
            GOV,
            1,
            _("Statutory decisions %(ids)s were taken with non-public partners taking part."),
            bad,
            ids=", ".join(bad),
        )
    ]


def member_never_in_decisions(ev: Evidence) -> list[Flag]:
    """A member that took part (present or consulted) in none of the recorded joint decisions (decisions
    reserved to the public body do not count: other members are not meant to be there)."""
    if not ev.joint_decisions:
        return []
    present = {m for d in ev.joint_decisions for m in took_part(d)}
    absent = [m for m in ev.members if m not in present]
    return [
        _flag(
            "member_never_in_decisions",
            Severity.RISK,
            STRUCT,
            3,
            _("%(name)s never took part in any recorded joint decision."),
            [m],
            name=ev.name(m),
        )
        for m in absent
    ]


def unilateral_decision(ev: Evidence) -> list[Flag]:
    """A decision not reserved to the public body that one partner took alone."""
    alone = [d.id for d in ev.joint_decisions if d.method is DecisionMethod.UNILATERAL]
    if not alone:
        return []
    return [
        _flag(
            "unilateral_decision",
            Severity.ATTENTION,
            STRUCT,
            3,
            _("Decisions %(ids)s were taken by one partner alone."),
            alone,
            ids=", ".join(alone),
        )
    ]


def single_resource_type(ev: Evidence) -> list[Flag]:
    """Every resource flow (contributions and transactions alike) is of one type."""
    types = {f.type for f in ev.flows}
    if len(types) != 1:
        return []
    return [
        _flag(
            "single_resource_type",
            Severity.ATTENTION,
            STRUCT,
            3,
            _("Every resource flow is of one type; a partnership steers resources of different types."),
            [f.id for f in ev.flows],
        )
    ]


def competitive_tension(ev: Evidence) -> list[Flag]:
    """Active rivalry recorded beside two-way information (it coexists with a higher rung)."""
    if not ev.rivalry or not ev.two_way_information:
        return []
    return [
        _flag(
            "competitive_tension",
            Severity.ATTENTION,
            STRUCT,
            6,
            _("Members rival each other (%(ids)s) while they also work together."),
            ev.rivalry,
            ids=", ".join(ev.rivalry),
        )
    ]


def one_contributor(ev: Evidence) -> list[Flag]:
    """All contributions to the joint effort come from one member (leverage is one)."""
    givers = {f.giver for f in ev.contributions}
    if len(givers) != 1 or len(ev.members) < 2:
        return []
    (giver,) = givers
    return [
        _flag(
            "single_contributor",
            Severity.ATTENTION,
            STRUCT,
            3,
            _("Only %(name)s contributes resources; the other partners bring none."),
            [giver],
            name=ev.name(giver),
        )
    ]


RULES: tuple[Callable[[Evidence], list[Flag]], ...] = (
    no_public_convener,
    conflict_of_interest,
    authority_money_without_support_link,
    donation_without_committee,
    statutory_decision_in_joint_body,
    member_never_in_decisions,
    unilateral_decision,
    single_resource_type,
    one_contributor,
    competitive_tension,
)


def risk_flags(ev: Evidence) -> list[Flag]:
    """Every flag the rules raise, in rule order."""
    out: list[Flag] = []
    for rule in RULES:
        out.extend(rule(ev))
    return out
