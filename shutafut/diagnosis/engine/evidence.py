"""Clean the record once: find contradictions (data-quality flags) and build the evidence the rules read.

Convention: a contradictory part of a record is *left out of the evidence* and reported as a data-quality
flag, so that it can neither crash the engine nor make a test pass silently. Examples: a decision dated
before the partnership began is not counted; a participant who is not a member is dropped from that
decision; a member listed both as a participant and as recused counts as recused."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date

from shutafut.model.i18n import Message, _
from shutafut.model.records import DecisionMethod, InReturn, InteractionKind
from shutafut.model.resources import ResourceType
from shutafut.model.sectors import Sector

from .inputs import Approval, Decision, FrameworkDocument, Member, MemberInterest, Partnership
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


@dataclass(slots=True)
class Evidence:
    """The cleaned record plus derived facts, computed once and shared by every rule."""

    partnership: Partnership
    params: EngineParams
    members: dict[str, Member]
    flags: list[Flag] = field(default_factory=list)
    convener: str | None = None
    documents: tuple[FrameworkDocument, ...] = ()
    flows: tuple[Flow, ...] = ()
    decisions: tuple[Decision, ...] = ()
    """Valid decisions, participants/consulted/recusals restricted to members."""
    joint_decisions: tuple[Decision, ...] = ()
    """Valid decisions not reserved to the public body."""
    activity_count: int = 0
    activity_dates: int = 0
    activity_beneficiaries: tuple[str, ...] = ()
    joint_activity: bool = False
    interests: tuple[MemberInterest, ...] = ()
    info_pairs: set[tuple[str, str]] = field(default_factory=set)
    adjustments: int = 0
    rivalry: tuple[str, ...] = ()
    # Derived facts several rules read, computed on first use.
    cached_joint_ids: frozenset[str] | None = None
    cached_two_way: bool | None = None
    cached_contributions: list[Flow] | None = None

    @property
    def sectors(self) -> dict[str, Sector]:
        return {m.id: m.sector for m in self.members.values()}

    def name(self, member_id: str) -> str:
        member = self.members.get(member_id)
        return member.name if member else member_id

    def names(self, member_ids: Iterable[str]) -> str:
        return ", ".join(self.name(m) for m in member_ids)

    def public_members(self) -> frozenset[str]:
        return frozenset(m.id for m in self.members.values() if m.sector is Sector.PUBLIC)

    def is_joint_meeting(self, decision: Decision) -> bool:
        return len(set(decision.participants) | set(decision.consulted)) >= 2

    def joint_decision_ids(self) -> frozenset[str]:
        """Ids of decisions taken together: not reserved, not unilateral, with two members or more."""
        if self.cached_joint_ids is None:
            self.cached_joint_ids = self._joint_decision_ids()
        return self.cached_joint_ids

    def _joint_decision_ids(self) -> frozenset[str]:
        return frozenset(
            d.id for d in self.joint_decisions if d.method is not DecisionMethod.UNILATERAL and self.is_joint_meeting(d)
        )

    def two_way_information(self) -> bool:
        """Cached ``_two_way_information``."""
        if self.cached_two_way is None:
            self.cached_two_way = self._two_way_information()
        return self.cached_two_way

    def _two_way_information(self) -> bool:
        """D2 = two-way: information both ways between a pair, a joint meeting or decision, a document
        signed by two members or more, or a reciprocal flow (something other than recognition came
        back)."""
        if any((b, a) in self.info_pairs for a, b in self.info_pairs):
            return True
        if any(self.is_joint_meeting(d) for d in self.decisions):
            return True
        if any(len(set(d.signatories)) >= 2 for d in self.documents):
            return True
        return any(f.reciprocal and f.receiver is not None for f in self.flows)

    def one_way_information(self) -> bool:
        """D2 ≥ one-way: any deliberate information, any resource flow, or two-way evidence."""
        return bool(self.info_pairs) or bool(self.flows) or self.two_way_information()

    def activity_adjusted(self) -> bool:
        """D4 = yes: a recorded adjustment, a decision taken together, or an activity organized together."""
        return self.adjustments > 0 or bool(self.joint_decision_ids()) or self.joint_activity


def _flag(code: str, msgid: str, records: Iterable[str], **params: str | int | float) -> Flag:
    return Flag(
        code,
        Severity.RISK,
        FlagCategory.DATA_QUALITY,
        Message(msgid, params),
        tuple(records),
        None,
    )


def build_evidence(p: Partnership, params: EngineParams) -> Evidence:  # noqa: C901 - one pass over the record
    """Return the evidence of ``p``, with a data-quality flag for every contradiction found."""
    members: dict[str, Member] = {}
    flags: list[Flag] = []
    for m in p.members:
        if m.id in members:
            flags.append(
                _flag(
                    "duplicate_id",
                    _("Two members share the id %(id)s; only the first one is used."),
                    [m.id],
                    id=m.id,
                )
            )
            continue
        members[m.id] = m
    ev = Evidence(p, params, members, flags)
    ids = members.keys()
    id_set = set(ids)

    def unknown(record: str, where: str, refs: Iterable[str]) -> None:
        for ref in refs:
            flags.append(
                _flag(
                    "unknown_member",
                    _("%(record)s names %(ref)s in %(where)s, but %(ref)s is not a member; it is ignored there."),
                    [record],
                    record=record,
                    ref=ref,
                    where=where,
                )
            )

    def known(record: str, where: str, refs: tuple[str, ...]) -> tuple[str, ...]:
        unique = set(refs)
        if len(unique) == len(refs) and unique <= id_set:
            return refs
        refs = tuple(dict.fromkeys(refs))
        bad = [r for r in refs if r not in ids]
        if bad:
            unknown(record, where, bad)
            return tuple(r for r in refs if r in ids)
        return refs

    def before_start(record: str, when: date | None) -> bool:
        if p.started is not None and when is not None and when < p.started:
            flags.append(
                _flag(
                    "dated_before_start",
                    _(
                        "%(record)s is dated %(date)s, before the partnership began on %(started)s; it is"
                        " left out"
                        " of the evidence."
                    ),
                    [record],
                    record=record,
                    date=str(when),
                    started=str(p.started),
                )
            )
            return True
        return False

    if p.convener is not None:
        if p.convener in ids:
            ev.convener = p.convener
        else:
            unknown("convener", "convener", [p.convener])

    docs = []
    for d in p.framework_documents or ():
        signatories = known(d.id, "signatories", d.signatories)
        decision_members = None if d.decision_members is None else known(d.id, "decision_members", d.decision_members)
        if signatories != d.signatories or decision_members != d.decision_members:
            d = FrameworkDocument(d.id, d.kind, signatories, d.signed, d.valid_until, decision_members)
        docs.append(d)
    ev.documents = tuple(docs)

    decisions = []
    for dec in p.decisions or ():
        if before_start(dec.id, dec.date):
            continue
        participants = known(dec.id, "participants", dec.participants)
        consulted = known(dec.id, "consulted", dec.consulted)
        recusals = known(dec.id, "recusals", dec.recusals)
        clash = sorted(set(recusals) & (set(participants) | set(consulted)))
        if clash:
            flags.append(
                _flag(
                    "recused_participant",
                    _("%(record)s lists %(names)s both as taking part and as recused; they are counted as recused."),
                    [dec.id],
                    record=dec.id,
                    names=ev.names(clash),
                )
            )
            participants = tuple(m for m in participants if m not in clash)
            consulted = tuple(m for m in consulted if m not in clash)
        if (participants, consulted, recusals) != (dec.participants, dec.consulted, dec.recusals):
            dec = Decision(
                dec.id,
                dec.date,
                participants,
                dec.method,
                consulted,
                dec.reserved_to_public,
                recusals,
                dec.subject,
            )
        decisions.append(dec)
    ev.decisions = tuple(decisions)
    ev.joint_decisions = tuple(d for d in decisions if not d.reserved_to_public)

    flows: list[Flow] = []
    pledge_index: dict[str, int] = {}
    for pl in p.pledges or ():
        if not _flow_ends_ok(pl.id, pl.giver, pl.receiver, id_set, unknown, flags):
            continue
        pledge_index[pl.id] = len(flows)
        flows.append(
            Flow(
                pl.id,
                pl.giver,
                pl.receiver,
                pl.type,
                pl.in_return,
                pl.value,
                pl.approval,
                pl.allocation_decision,
                True,
            )
        )
    delivered: dict[str, float] = {}
    delivered_ids: dict[str, list[str]] = {}
    for dl in p.deliveries or ():
        if before_start(dl.id, dl.date):
            continue
        if dl.pledge is not None and dl.pledge in pledge_index:
            pledge = flows[pledge_index[dl.pledge]]
            if dl.giver != pledge.giver or dl.type is not pledge.type:
                flags.append(
                    _flag(
                        "delivery_pledge_mismatch",
                        _(
                            "%(record)s fulfils pledge %(pledge)s but its giver or resource type differs"
                            " from the"
                            " pledge; it is counted as a separate flow."
                        ),
                        [dl.id, dl.pledge],
                        record=dl.id,
                        pledge=dl.pledge,
                    )
                )
            else:
                delivered[dl.pledge] = delivered.get(dl.pledge, 0.0) + (dl.value or 0.0)
                delivered_ids.setdefault(dl.pledge, []).append(dl.id)
                continue
        elif dl.pledge is not None:
            flags.append(
                _flag(
                    "unknown_pledge",
                    _("%(record)s fulfils pledge %(pledge)s, which is not recorded; it is counted on its own."),
                    [dl.id],
                    record=dl.id,
                    pledge=dl.pledge,
                )
            )
        if not _flow_ends_ok(dl.id, dl.giver, dl.receiver, id_set, unknown, flags):
            continue
        flows.append(
            Flow(
                dl.id,
                dl.giver,
                dl.receiver,
                dl.type,
                dl.in_return,
                dl.value,
                dl.approval,
                dl.allocation_decision,
                False,
                dl.value,
            )
        )
    for pledge_id, total in delivered.items():
        i = pledge_index[pledge_id]
        f = flows[i]
        if f.value is not None and total > f.value:
            flags.append(
                _flag(
                    "delivery_exceeds_pledge",
                    _(
                        "Deliveries %(ids)s for pledge %(pledge)s add up to %(delivered)s, more than the"
                        " %(pledged)s pledged."
                    ),
                    [pledge_id, *delivered_ids[pledge_id]],
                    ids=", ".join(delivered_ids[pledge_id]),
                    pledge=pledge_id,
                    delivered=_num(total),
                    pledged=_num(f.value),
                )
            )
        flows[i] = Flow(
            f.id,
            f.giver,
            f.receiver,
            f.type,
            f.in_return,
            f.value,
            f.approval,
            f.allocation_decision,
            True,
            total,
        )
    ev.flows = tuple(flows)

    dates = set()
    beneficiaries: list[str] = []
    count = 0
    for act in p.activities or ():
        if before_start(act.id, act.date):
            continue
        organizers = known(act.id, "organizers", act.organizers)
        count += 1
        dates.add(act.date)
        beneficiaries.extend(act.beneficiaries)
        if len(organizers) >= 2:
            ev.joint_activity = True
    ev.activity_count = count
    ev.activity_dates = len(dates)
    ev.activity_beneficiaries = tuple(beneficiaries)

    interests = []
    for it in p.interests or ():
        if known(it.id, "member", (it.member,)) and known(it.id, "before", (it.before,)):
            interests.append(it)
    ev.interests = tuple(interests)

    rivalry = []
    for ia in p.interactions or ():
        ends = (ia.source,) if ia.target is None else (ia.source, ia.target)
        if len(known(ia.id, "from/to", ends)) != len(ends):
            continue
        if ia.kind is InteractionKind.INFORMATION:
            targets = [m for m in ids if m != ia.source] if ia.target is None else [ia.target]
            ev.info_pairs.update((ia.source, t) for t in targets if t != ia.source)
        elif ia.kind is InteractionKind.ADJUSTMENT:
            ev.adjustments += 1
        else:
            rivalry.append(ia.id)
    ev.rivalry = tuple(rivalry)

    seen: set[str] = set(ids)
    dupes: list[str] = []
    for coll in (p.framework_documents, p.pledges, p.deliveries, p.decisions, p.activities, p.interactions):
        for rec in coll or ():
            if rec.id in seen:
                dupes.append(rec.id)
            seen.add(rec.id)
    for dup in dict.fromkeys(dupes):
        flags.append(
            _flag(
                "duplicate_id",
                _("The id %(id)s is used by more than one record; findings that cite it are ambiguous."),
                [dup],
                id=dup,
            )
        )
    return ev


def _flow_ends_ok(
    record: str,
    giver: str,
    receiver: str | None,
    ids: Collection[str],
    unknown: Callable[[str, str, Iterable[str]], None],
    flags: list[Flag],
) -> bool:
    """Check a flow's giver and receiver are members and differ; flag and drop it otherwise."""
    bad = [r for r in (giver, receiver) if r is not None and r not in ids]
    if bad:
        unknown(record, "giver/receiver", bad)
        return False
    if giver == receiver:
        flags.append(
            _flag(
                "self_transfer",
                _("%(record)s has the same member as giver and receiver; it is left out of the evidence."),
                [record],
                record=record,
            )
        )
        return False
    return True


def _num(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
