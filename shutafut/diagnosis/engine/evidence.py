"""Clean the record once: find contradictions (data-quality flags) and build the evidence the rules read.

Convention: a contradictory part of a record is *left out of the evidence* and reported as a data-quality
flag, so that it can neither crash the engine nor make a test pass silently. Examples: a decision dated
before the partnership began is not counted; a participant who is not a member is dropped from that
decision; a member listed both as a participant and as recused counts as recused.

``build_evidence`` runs one small step per part of the record, in the record's order, so that the flags come
out in that order too; then it derives the facts several rules share. The ``Evidence`` it returns is
immutable: every rule reads the same facts and none can change them for the next."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from shutafut.model.i18n import Message, _
from shutafut.model.records import DecisionMethod, DocumentKind, InReturn, InteractionKind
from shutafut.model.resources import ResourceType
from shutafut.model.sectors import Sector

from .inputs import (
    Activity,
    Approval,
    Decision,
    Delivery,
    FrameworkDocument,
    Interaction,
    Member,
    MemberInterest,
    Partnership,
    Pledge,
)
from .params import EngineParams
from .results import Exclusion, Flag, FlagCategory, Severity

TRANSACTIONAL_RETURNS = frozenset({InReturn.NOTHING, InReturn.RECOGNITION})


@dataclass(frozen=True, slots=True)
class Flow:
    """A resource going from one member to another or to the joint pool: a pledge, or a delivery with no
    pledge.

        Deliveries that fulfil a pledge are the same flow as the pledge; ``delivered`` sums their values.
    """

    id: str
    giver: str
    receiver: str | None
    type: ResourceType
    in_return: InReturn
    value: float | None
    approval: Approval | None
    allocation_decision: str | None
    pledged: bool
    delivered: float | None = None

    @classmethod
    def of(cls, record: Pledge, *, pledged: bool, delivered: float | None = None) -> Flow:
        """The flow of a pledge (``pledged=True``) or of a delivery that fulfils no pledge."""
        return cls(
            record.id,
            record.giver,
            record.receiver,
            record.type,
            record.in_return,
            record.value,
            record.approval,
            record.allocation_decision,
            pledged,
            delivered,
        )

    @property
    def transaction(self) -> Exclusion | None:
        """Which exclusion this flow is on its own (T7), or ``None`` for a contribution to the joint effort.

        Convention: nothing or mere recognition in return is a *donation*, in money or in kind; money for a
        deliverable the payer defined is a *purchase of services*; money for running a service on the
        payer's behalf is *outsourcing*. Non-money resources given for a deliverable are give-and-take
        (a contribution).
        """
        if self.in_return in TRANSACTIONAL_RETURNS:
            return Exclusion.DONATION
        if self.type is ResourceType.BUDGET:
            if self.in_return is InReturn.DELIVERABLE:
                return Exclusion.PURCHASE_OF_SERVICES
            if self.in_return is InReturn.SERVICE_OPERATION:
                return Exclusion.OUTSOURCING
        return None

    @property
    def reciprocal(self) -> bool:
        """True when something came back other than recognition: evidence of two-way exchange."""
        return self.in_return in (InReturn.DELIVERABLE, InReturn.SERVICE_OPERATION, InReturn.RESOURCES)


def took_part(decision: Decision) -> frozenset[str]:
    """The members who took part in ``decision``: present or consulted."""
    return frozenset((*decision.participants, *decision.consulted))


def joint_meeting(decision: Decision) -> bool:
    """Two members or more took part in ``decision``."""
    return len(took_part(decision)) >= 2


def member_names(members: Mapping[str, Member], member_ids: Iterable[str]) -> str:
    """The members' names, comma-separated; an id that is not a member stands for itself."""
    return ", ".join(member.name if (member := members.get(m)) else m for m in member_ids)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The cleaned record plus the facts derived from it: built once by ``build_evidence``, read by every rule,
    changed by none."""

    partnership: Partnership
    params: EngineParams
    members: Mapping[str, Member]
    """Members by id (read-only); of two members with one id, the first."""
    flags: tuple[Flag, ...]
    """Data-quality flags, in the order of the record."""
    convener: str | None
    documents: tuple[FrameworkDocument, ...]
    """Signatories and decision members restricted to members."""
    flows: tuple[Flow, ...]
    decisions: tuple[Decision, ...]
    """Valid decisions, participants/consulted/recusals restricted to members."""
    joint_decisions: tuple[Decision, ...]
    """Valid decisions not reserved to the public body."""
    activity_dates: int
    activity_beneficiaries: tuple[str, ...]
    joint_activity: bool
    """An activity organized by two members or more."""
    unorganized_activities: tuple[str, ...]
    """Ids of activities whose organizers are not recorded: any of them may have been organized together."""
    interests: tuple[MemberInterest, ...]
    info_pairs: frozenset[tuple[str, str]]
    """(from, to) pairs of members between which deliberate information went."""
    adjustments: int
    rivalry: tuple[str, ...]
    public_members: frozenset[str]
    joint_decision_ids: frozenset[str]
    """Ids of decisions taken together: not reserved, not unilateral, with two members or more."""
    contributions: tuple[Flow, ...]
    """Flows that contribute to the joint effort (not a donation, purchase or outsourcing on their own)."""
    two_way_information: bool
    """D2 = two-way: information both ways between a pair, a joint meeting or decision, a document signed by
    two members or more, or a reciprocal flow (something other than recognition came back)."""
    one_way_information: bool
    """D2 ≥ one-way: any deliberate information, any resource flow, or two-way evidence."""
    activity_adjusted: bool
    """D4 = yes: a recorded adjustment, a decision taken together, or an activity organized together."""
    decision_shares: Mapping[str, float | None]
    """Each member's share of the joint decisions it took part in; the denominator leaves out decisions the
    member recused itself from and decisions dated before it joined; ``None`` when nothing is left."""
    external_beneficiaries: tuple[str, ...]
    """Beneficiaries, of the record or of its activities, that are not partner organizations (by id or by
    name)."""
    unpaid_contracts: tuple[str, ...]
    """Ids of contracts with no money recorded under them: no budget flow from a payer to a payee (a receiving
    member) with either end among the contract's signatories (any member when it names none)."""

    def name(self, member_id: str) -> str:
        return member_names(self.members, (member_id,))

    def names(self, member_ids: Iterable[str]) -> str:
        return member_names(self.members, member_ids)


def build_evidence(p: Partnership, params: EngineParams) -> Evidence:
    """Return the evidence of ``p``, with a data-quality flag for every contradiction found."""
    check = _Check(p.members, p.started)
    convener = _convener(check, p.convener)
    documents = tuple(_document_among_members(check, d) for d in p.framework_documents or ())
    decisions = _decisions(check, p.decisions or ())
    flows = _flows(check, p.pledges or (), p.deliveries or ())
    activities = _activities(check, p.activities or ())
    interests = _interests(check, p.interests or ())
    interactions = _interactions(check, p.interactions or ())
    _duplicate_record_ids(check, p)

    joint_decisions = tuple(d for d in decisions if not d.reserved_to_public)
    joint_ids = frozenset(
        d.id for d in joint_decisions if d.method is not DecisionMethod.UNILATERAL and joint_meeting(d)
    )
    two_way = _two_way_information(interactions.info_pairs, decisions, documents, flows)
    return Evidence(
        partnership=p,
        params=params,
        members=MappingProxyType(check.members),
        flags=tuple(check.flags),
        convener=convener,
        documents=documents,
        flows=flows,
        decisions=decisions,
        joint_decisions=joint_decisions,
        activity_dates=activities.dates,
        activity_beneficiaries=activities.beneficiaries,
        joint_activity=activities.joint,
        unorganized_activities=activities.unorganized,
        interests=interests,
        info_pairs=interactions.info_pairs,
        adjustments=interactions.adjustments,
        rivalry=interactions.rivalry,
        public_members=frozenset(m.id for m in check.members.values() if m.sector is Sector.PUBLIC),
        joint_decision_ids=joint_ids,
        contributions=tuple(f for f in flows if f.transaction is None),
        two_way_information=two_way,
        one_way_information=bool(interactions.info_pairs) or bool(flows) or two_way,
        activity_adjusted=interactions.adjustments > 0 or bool(joint_ids) or activities.joint,
        decision_shares=MappingProxyType(_decision_shares(check.members.values(), joint_decisions)),
        external_beneficiaries=_external_beneficiaries(
            check.members.values(), (*(p.beneficiaries or ()), *activities.beneficiaries)
        ),
        unpaid_contracts=_unpaid_contracts(documents, flows),
    )


class _Check:
    """One build's checks, each raising its flag in the order of the record: are members unique, is a reference
    a member, is a record dated before the start, does a flow go between two members."""

    __slots__ = ("flags", "ids", "members", "started")

    def __init__(self, members: Iterable[Member], started: date | None) -> None:
        self.flags: list[Flag] = []
        self.members: dict[str, Member] = {}
        for m in members:
            if m.id in self.members:
                self.flag(
                    "duplicate_id", _("Two members share the id %(id)s; only the first one is used."), [m.id], id=m.id
                )
            else:
                self.members[m.id] = m
        self.ids = frozenset(self.members)
        self.started = started

    def flag(self, code: str, msgid: str, records: Iterable[str], **params: str | int | float) -> None:
        message = Message(msgid, params)
        self.flags.append(Flag(code, Severity.RISK, FlagCategory.DATA_QUALITY, message, tuple(records), None))

    def unknown(self, record: str, where: str, refs: Iterable[str]) -> None:
        for ref in refs:
            self.flag(
                "unknown_member",
                _("%(record)s names %(ref)s in %(where)s, but %(ref)s is not a member; it is ignored there."),
                [record],
                record=record,
                ref=ref,
                where=where,
            )

    def known(self, record: str, where: str, refs: tuple[str, ...]) -> tuple[str, ...]:
        """``refs`` without repeats and without non-members (each flagged)."""
        unique = set(refs)
        if len(unique) == len(refs) and unique <= self.ids:
            return refs
        refs = tuple(dict.fromkeys(refs))
        bad = [r for r in refs if r not in self.ids]
        if bad:
            self.unknown(record, where, bad)
            return tuple(r for r in refs if r in self.ids)
        return refs

    def before_start(self, record: str, when: date | None) -> bool:
        if self.started is None or when is None or when >= self.started:
            return False
        self.flag(
            "dated_before_start",
            _(
                "%(record)s is dated %(date)s, before the partnership began on %(started)s; it is left out"
                " of the evidence."
            ),
            [record],
            record=record,
            date=str(when),
            started=str(self.started),
        )
        return True

    def flow_ends_ok(self, record: str, giver: str, receiver: str | None) -> bool:
        """A flow's giver and receiver are members and differ; flagged and dropped otherwise."""
        bad = [r for r in (giver, receiver) if r is not None and r not in self.ids]
        if bad:
            self.unknown(record, "giver/receiver", bad)
            return False
        if giver == receiver:
            self.flag(
                "self_transfer",
                _("%(record)s has the same member as giver and receiver; it is left out of the evidence."),
                [record],
                record=record,
            )
            return False
        return True


def _convener(check: _Check, convener: str | None) -> str | None:
    if convener is None or convener in check.ids:
        return convener
    check.unknown("convener", "convener", [convener])
    return None


def _document_among_members(check: _Check, d: FrameworkDocument) -> FrameworkDocument:
    signatories = check.known(d.id, "signatories", d.signatories)
    decision_members = None if d.decision_members is None else check.known(d.id, "decision_members", d.decision_members)
    if signatories == d.signatories and decision_members == d.decision_members:
        return d
    return replace(d, signatories=signatories, decision_members=decision_members)


def _decisions(check: _Check, decisions: Iterable[Decision]) -> tuple[Decision, ...]:
    return tuple(_decision_among_members(check, d) for d in decisions if not check.before_start(d.id, d.date))


def _decision_among_members(check: _Check, dec: Decision) -> Decision:
    participants = check.known(dec.id, "participants", dec.participants)
    consulted = check.known(dec.id, "consulted", dec.consulted)
    recusals = check.known(dec.id, "recusals", dec.recusals)
    clash = sorted(set(recusals) & (set(participants) | set(consulted)))
    if clash:
        check.flag(
            "recused_participant",
            _("%(record)s lists %(names)s both as taking part and as recused; they are counted as recused."),
            [dec.id],
            record=dec.id,
            names=member_names(check.members, clash),
        )
        participants = tuple(m for m in participants if m not in clash)
        consulted = tuple(m for m in consulted if m not in clash)
    if (participants, consulted, recusals) == (dec.participants, dec.consulted, dec.recusals):
        return dec
    return replace(dec, participants=participants, consulted=consulted, recusals=recusals)


def _flows(check: _Check, pledges: Iterable[Pledge], deliveries: Iterable[Delivery]) -> tuple[Flow, ...]:
    """Pledges, then deliveries: one that fulfils a recorded pledge adds to that pledge's flow, any other is a
    flow of its own."""
    pledged = [pl for pl in pledges if check.flow_ends_ok(pl.id, pl.giver, pl.receiver)]
    pledge_index = {pl.id: i for i, pl in enumerate(pledged)}
    fulfilling: dict[int, list[Delivery]] = {}
    unpledged: list[Flow] = []
    for dl in deliveries:
        if check.before_start(dl.id, dl.date):
            continue
        i = _pledge_fulfilled(check, dl, pledged, pledge_index)
        if i is not None:
            fulfilling.setdefault(i, []).append(dl)
        elif check.flow_ends_ok(dl.id, dl.giver, dl.receiver):
            unpledged.append(Flow.of(dl, pledged=False, delivered=dl.value))
    delivered = {i: _delivered(check, pledged[i], fulfilled_by) for i, fulfilled_by in fulfilling.items()}
    return (*(Flow.of(pl, pledged=True, delivered=delivered.get(i)) for i, pl in enumerate(pledged)), *unpledged)


def _pledge_fulfilled(
    check: _Check, dl: Delivery, pledges: Sequence[Pledge], pledge_index: Mapping[str, int]
) -> int | None:
    """The index of the pledge that ``dl`` fulfils; ``None`` (flagged) when its pledge is not recorded or has
    another giver or resource type."""
    if dl.pledge is None:
        return None
    i = pledge_index.get(dl.pledge)
    if i is None:
        check.flag(
            "unknown_pledge",
            _("%(record)s fulfils pledge %(pledge)s, which is not recorded; it is counted on its own."),
            [dl.id],
            record=dl.id,
            pledge=dl.pledge,
        )
        return None
    if dl.giver != pledges[i].giver or dl.type is not pledges[i].type:
        check.flag(
            "delivery_pledge_mismatch",
            _(
                "%(record)s fulfils pledge %(pledge)s but its giver or resource type differs from the pledge; it"
                " is counted as a separate flow."
            ),
            [dl.id, dl.pledge],
            record=dl.id,
            pledge=dl.pledge,
        )
        return None
    return i


def _delivered(check: _Check, pledge: Pledge, deliveries: Sequence[Delivery]) -> float:
    """The value the deliveries of ``pledge`` add up to, flagged when it exceeds the value pledged."""
    total = 0.0
    for dl in deliveries:
        total += dl.value or 0.0
    if pledge.value is not None and total > pledge.value:
        ids = [dl.id for dl in deliveries]
        check.flag(
            "delivery_exceeds_pledge",
            _("Deliveries %(ids)s for pledge %(pledge)s add up to %(delivered)s, more than the %(pledged)s pledged."),
            [pledge.id, *ids],
            ids=", ".join(ids),
            pledge=pledge.id,
            delivered=_num(total),
            pledged=_num(pledge.value),
        )
    return total


class _Activities(NamedTuple):
    dates: int
    beneficiaries: tuple[str, ...]
    joint: bool
    unorganized: tuple[str, ...]


def _activities(check: _Check, activities: Iterable[Activity]) -> _Activities:
    dates: set[date] = set()
    beneficiaries: list[str] = []
    joint = False
    unorganized: list[str] = []
    for act in activities:
        if check.before_start(act.id, act.date):
            continue
        dates.add(act.date)
        beneficiaries.extend(act.beneficiaries)
        if act.organizers is None:
            unorganized.append(act.id)
            continue
        organizers = check.known(act.id, "organizers", act.organizers)
        joint = joint or len(organizers) >= 2
    return _Activities(len(dates), tuple(beneficiaries), joint, tuple(unorganized))


def _interests(check: _Check, interests: Iterable[MemberInterest]) -> tuple[MemberInterest, ...]:
    return tuple(
        it
        for it in interests
        if check.known(it.id, "member", (it.member,)) and check.known(it.id, "before", (it.before,))
    )


class _Interactions(NamedTuple):
    info_pairs: frozenset[tuple[str, str]]
    adjustments: int
    rivalry: tuple[str, ...]


def _interactions(check: _Check, interactions: Iterable[Interaction]) -> _Interactions:
    """Information pairs, adjustments and rivalry between members; information to no one in particular goes to
    every other member."""
    info_pairs: set[tuple[str, str]] = set()
    adjustments = 0
    rivalry: list[str] = []
    for ia in interactions:
        ends = (ia.source,) if ia.target is None else (ia.source, ia.target)
        if len(check.known(ia.id, "from/to", ends)) != len(ends):
            continue
        if ia.kind is InteractionKind.INFORMATION:
            targets = [m for m in check.members if m != ia.source] if ia.target is None else [ia.target]
            info_pairs.update((ia.source, t) for t in targets if t != ia.source)
        elif ia.kind is InteractionKind.ADJUSTMENT:
            adjustments += 1
        else:
            rivalry.append(ia.id)
    return _Interactions(frozenset(info_pairs), adjustments, tuple(rivalry))


def _duplicate_record_ids(check: _Check, p: Partnership) -> None:
    seen: set[str] = set(check.ids)
    dupes: list[str] = []
    for coll in (p.framework_documents, p.pledges, p.deliveries, p.decisions, p.activities, p.interactions):
        for rec in coll or ():
            if rec.id in seen:
                dupes.append(rec.id)
            seen.add(rec.id)
    for dup in dict.fromkeys(dupes):
        check.flag(
            "duplicate_id",
            _("The id %(id)s is used by more than one record; findings that cite it are ambiguous."),
            [dup],
            id=dup,
        )


def _two_way_information(
    info_pairs: frozenset[tuple[str, str]],
    decisions: Iterable[Decision],
    documents: Iterable[FrameworkDocument],
    flows: Iterable[Flow],
) -> bool:
    if any((b, a) in info_pairs for a, b in info_pairs):
        return True
    if any(joint_meeting(d) for d in decisions):
        return True
    if any(len(set(d.signatories)) >= 2 for d in documents):
        return True
    return any(f.reciprocal and f.receiver is not None for f in flows)


def _unpaid_contracts(documents: Iterable[FrameworkDocument], flows: Sequence[Flow]) -> tuple[str, ...]:
    payments = [f for f in flows if f.type is ResourceType.BUDGET and f.receiver is not None]
    unpaid = []
    for doc in documents:
        if doc.kind is not DocumentKind.CONTRACT:
            continue
        signers = set(doc.signatories)
        if not any(not signers or {f.giver, f.receiver} & signers for f in payments):
            unpaid.append(doc.id)
    return tuple(unpaid)


def _decision_shares(members: Iterable[Member], joint_decisions: Sequence[Decision]) -> dict[str, float | None]:
    attended = [(d, took_part(d)) for d in joint_decisions]
    shares: dict[str, float | None] = {}
    for m in members:
        due = took = 0
        for d, present in attended:
            if m.id in d.recusals or (m.joined is not None and d.date < m.joined):
                continue
            due += 1
            if m.id in present:
                took += 1
        shares[m.id] = took / due if due else None
    return shares


def _external_beneficiaries(members: Iterable[Member], named: Iterable[str]) -> tuple[str, ...]:
    inside = {name for m in members for name in (m.id, m.name)}
    return tuple(b for b in dict.fromkeys(named) if b and b not in inside)


def _num(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
