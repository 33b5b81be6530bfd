"""The operational tests T1–T7 of a partnership (domain.md §3), the exclusion, and the rung on the ladder
(§2.2).

Each test is a small function from ``Evidence`` to ``TestResult``; its docstring states the convention. A
test is ``unknown`` only when the record does not say (the field is absent), never when the record is
contradictory: contradictions are flagged and left out of the evidence (see ``evidence.py``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from shutafut.model.i18n import Message, _
from shutafut.model.ladder import Rung
from shutafut.model.records import Cadence, DecisionMethod, DocumentKind

from .evidence import Evidence, joint_meeting
from .results import Exclusion, ExclusionResult, TestResult, TestStatus

P, F, U = TestStatus.PASSED, TestStatus.FAILED, TestStatus.UNKNOWN


def _result(
    code: str, status: TestStatus, msgid: str, records: Iterable[str] = (), **params: str | int | float
) -> TestResult:
    return TestResult(code, status, Message(msgid, params), tuple(records))


def t1_explicit(ev: Evidence) -> TestResult:
    """T1 explicit: a framework document (agreement, charter, MoU, steering mandate or framework document;
    not a contract alone) signed by every member. Unknown when no documents are recorded."""
    if ev.partnership.framework_documents is None:
        return _result("T1", U, _("No framework documents are recorded."))
    frames = [d for d in ev.documents if d.kind is not DocumentKind.CONTRACT]
    everyone = set(ev.members)
    for doc in frames:
        if everyone <= set(doc.signatories):
            return _result("T1", P, _("Framework document %(doc)s is signed by every member."), [doc.id], doc=doc.id)
    if not frames:
        contracts = [d.id for d in ev.documents]
        if contracts:
            return _result(
                "T1",
                F,
                _("There is only a contract (%(docs)s); a contract alone is not an explicit partnership framework."),
                contracts,
                docs=", ".join(contracts),
            )
        return _result("T1", F, _("There is no framework document (agreement, charter or MoU)."))
    best = max(frames, key=lambda d: len(everyone & set(d.signatories)))
    missing = [m for m in ev.members if m not in best.signatories]
    return _result(
        "T1",
        F,
        _("No framework document is signed by every member; %(doc)s lacks %(names)s."),
        [best.id],
        doc=best.id,
        names=ev.names(missing),
    )


def horizon_months(ev: Evidence) -> int | None:
    """The planned horizon: ``horizon_months`` if recorded, else the longest validity of a framework
    document."""
    if ev.partnership.horizon_months is not None:
        return ev.partnership.horizon_months
    spans = [
        (d.valid_until.year - d.signed.year) * 12 + d.valid_until.month - d.signed.month
        for d in ev.documents
        if d.signed is not None and d.valid_until is not None and d.kind is not DocumentKind.CONTRACT
    ]
    return max(spans) if spans else None


def t2_ongoing(ev: Evidence) -> TestResult:
    """T2 ongoing: a planned horizon of at least ``ongoing_months`` (default 6) or activities on at least
    ``min_recurring_activities`` (default 2) different dates, *and* a set meeting cadence (not none or ad hoc).

    A cadence of ``regular`` (regularly, frequency unknown) is a set cadence when a standing joint body is
    recorded: the guide's framework is "explicit and ongoing", and a body with a set membership that meets
    regularly is that, whatever its exact frequency. Without a standing body it stays unknown: the frequency
    would decide."""
    months = ev.params.ongoing_months
    cadence = ev.partnership.meeting_cadence
    horizon = horizon_months(ev)
    long_enough = (horizon is not None and horizon >= months) or (
        ev.activity_dates >= ev.params.min_recurring_activities
    )
    if cadence in (Cadence.NONE, Cadence.AD_HOC):
        return _result("T2", F, _("There is no regular meeting cadence."))
    if not long_enough:
        if horizon is None:
            return _result(
                "T2",
                U,
                _("The planned horizon is not recorded and fewer than %(count)s activities are recorded."),
                count=ev.params.min_recurring_activities,
            )
        return _result(
            "T2",
            F,
            _(
                "The planned horizon is %(horizon)s months, shorter than %(months)s months, and fewer than"
                " %(count)s activities took place."
            ),
            horizon=horizon,
            months=months,
            count=ev.params.min_recurring_activities,
        )
    if cadence is None:
        return _result("T2", U, _("The meeting cadence is not recorded."))
    if cadence is Cadence.REGULAR and ev.partnership.standing_body is not True:
        if ev.partnership.standing_body is None:
            return _result(
                "T2",
                U,
                _(
                    "The partners meet regularly, frequency unknown, and it is not recorded whether a standing"
                    " joint body (such as a steering committee) holds these meetings."
                ),
            )
        return _result(
            "T2",
            U,
            _(
                "The partners meet regularly, frequency unknown, and there is no standing joint body; how often"
                " they meet would decide."
            ),
        )
    regular = cadence is Cadence.REGULAR
    if horizon is not None and horizon >= months:
        if regular:
            msgid = _("The planned horizon is %(horizon)s months and a standing joint body meets regularly.")
        else:
            msgid = _("The planned horizon is %(horizon)s months and the partners meet on a set cadence.")
        return _result("T2", P, msgid, horizon=horizon)
    if regular:
        msgid = _("Activities took place on %(count)s different dates and a standing joint body meets regularly.")
    else:
        msgid = _("Activities took place on %(count)s different dates and the partners meet on a set cadence.")
    return _result("T2", P, msgid, count=ev.activity_dates)


def t3_joint_resources(ev: Evidence) -> TestResult:
    """T3 joint steering of resources of different types: contributions (not transactions) from at least
    ``min_contributors`` members (default 2), of at least ``min_resource_types`` types (default 2), and
    at least one contribution steered jointly: given to the joint pool (no receiver) or allocated by a
    joint decision."""
    p = ev.partnership
    if p.pledges is None and p.deliveries is None:
        return _result("T3", U, _("No resource pledges or deliveries are recorded."))
    contrib = ev.contributions
    givers = sorted({f.giver for f in contrib})
    types = sorted({f.type.value for f in contrib})
    ids = [f.id for f in contrib]
    if len(givers) < ev.params.min_contributors:
        return _result(
            "T3",
            F,
            _("Only %(count)s member(s) contribute resources to the joint effort; at least %(min)s are needed."),
            ids,
            count=len(givers),
            min=ev.params.min_contributors,
        )
    if len(types) < ev.params.min_resource_types:
        return _result(
            "T3",
            F,
            _("All contributions are of one resource type; at least %(min)s types are needed."),
            ids,
            min=ev.params.min_resource_types,
        )
    joint = ev.joint_decision_ids
    steered = [f.id for f in contrib if f.receiver is None or f.allocation_decision in joint]
    if not steered:
        return _result(
            "T3",
            F,
            _(
                "Every contribution goes straight from giver to receiver; none is pooled or allocated by a"
                " joint"
                " decision."
            ),
            ids,
        )
    return _result(
        "T3",
        P,
        _(
            "%(givers)s members contribute %(types)s resource types, and %(steered)s contribution(s) are"
            " steered jointly."
        ),
        ids,
        givers=len(givers),
        types=len(types),
        steered=len(steered),
    )


def t4_all_decide(ev: Evidence) -> TestResult:
    """T4 all partners decide: the framework's decision rules (when stated) include every member; no joint
    decision was taken by one partner alone; and each member took part (present or consulted) in at
    least ``decision_share`` (default 0.75) of the joint decisions. Decisions reserved to the public
    body (statutory powers) are the allowed exception and are not counted."""
    if ev.partnership.decisions is None:
        return _result("T4", U, _("No decisions are recorded."))
    for doc in ev.documents:
        if doc.kind is not DocumentKind.CONTRACT and doc.decision_members is not None:
            left_out = [m for m in ev.members if m not in doc.decision_members]
            if left_out:
                return _result(
                    "T4",
                    F,
                    _("The decision rules of %(doc)s leave out %(names)s."),
                    [doc.id],
                    doc=doc.id,
                    names=ev.names(left_out),
                )
    if not ev.joint_decisions:
        return _result("T4", F, _("No joint decision is recorded."))
    alone = [d.id for d in ev.joint_decisions if d.method is DecisionMethod.UNILATERAL or not joint_meeting(d)]
    if alone:
        return _result(
            "T4",
            F,
            _("Decisions %(ids)s were taken by one partner alone."),
            alone,
            ids=", ".join(alone),
        )
    shares = ev.decision_shares
    threshold = ev.params.decision_share
    low = [m for m, s in shares.items() if s is not None and s < threshold]
    ids = [d.id for d in ev.joint_decisions]
    if low:
        return _result(
            "T4",
            F,
            _("%(names)s took part in less than %(share)s of the joint decisions."),
            ids,
            names=ev.names(low),
            share=_pct(threshold),
        )
    return _result(
        "T4",
        P,
        _("Every member took part in at least %(share)s of the %(count)s joint decisions."),
        ids,
        share=_pct(threshold),
        count=len(ids),
    )


def t5_public_benefit(ev: Evidence) -> TestResult:
    """T5 community benefit: a stated public goal and at least one beneficiary outside the partner
    organizations (from the record's beneficiaries or its activities). Unknown when the goal or the
    beneficiaries are not recorded."""
    p = ev.partnership
    if p.public_goal is None:
        return _result("T5", U, _("The public goal is not recorded."))
    if not p.public_goal.strip():
        return _result("T5", F, _("There is no stated public goal."))
    outside = ev.external_beneficiaries
    if outside:
        return _result(
            "T5",
            P,
            _("The partnership states a public goal and serves beneficiaries outside the partners: %(names)s."),
            names=", ".join(outside[:5]),
        )
    if p.beneficiaries is None and not ev.activity_beneficiaries:
        return _result("T5", U, _("The beneficiaries are not recorded."))
    return _result("T5", F, _("All recorded beneficiaries are the partner organizations themselves."))


def t6_cross_sector(ev: Evidence) -> TestResult:
    """T6 cross-sector: members from at least ``min_sectors`` (default 2) sectors. A partnership without a
    public member still counts (domain.md §3, [P] default) but gets the "no public convener" flag."""
    by_sector: dict[str, str] = {}
    for m in ev.members.values():
        by_sector.setdefault(m.sector.value, m.id)
    sectors = sorted(by_sector)
    if len(sectors) >= ev.params.min_sectors:
        return _result(
            "T6",
            P,
            _("The members come from %(count)s sectors."),
            list(by_sector.values()),
            count=len(sectors),
        )
    return _result(
        "T6",
        F,
        _("All members come from one sector."),
        list(by_sector.values()),
    )


def exclusion(ev: Evidence) -> ExclusionResult | None:
    """T7's verdict: the record *is* a donation, a purchase of services or outsourcing when it has such
    flows and its joint contributions come from fewer than ``min_contributors_against_exclusion``
    members (default 2).

    The kind is the most frequent among its transactional flows (ties: outsourcing, then purchase, then
    donation, the more specific first).
    """
    transactions = [(f.transaction, f.id) for f in ev.flows if f.transaction is not None]
    if not transactions:
        return None
    givers = {f.giver for f in ev.contributions}
    if len(givers) >= ev.params.min_contributors_against_exclusion:
        return None
    counts = Counter(kind for kind, _id in transactions)
    order = [Exclusion.OUTSOURCING, Exclusion.PURCHASE_OF_SERVICES, Exclusion.DONATION]
    kind = max(order, key=lambda k: (counts[k], -order.index(k)))
    records = tuple(i for k, i in transactions if k is kind)
    reasons = {
        Exclusion.DONATION: _(
            "Resources flow one way in return for nothing or recognition only (%(ids)s): this is a donation."
        ),
        Exclusion.PURCHASE_OF_SERVICES: _(
            "Money is paid for a deliverable the payer defined (%(ids)s): this is a purchase of services."
        ),
        Exclusion.OUTSOURCING: _(
            "Money is paid for running a service on the payer's behalf (%(ids)s): this is outsourcing."
        ),
    }
    return ExclusionResult(kind, Message(reasons[kind], {"ids": ", ".join(records)}), records)


def t7_not_excluded(ev: Evidence, excluded: ExclusionResult | None) -> TestResult:
    """T7 not a disguised exclusion: passes when there is no transactional flow, or when joint
    contributions from enough members sit beside it (see ``exclusion``).

    Unknown when a contract is recorded without the money paid under it (no payer and payee) and the joint
    contributions are too few to outweigh it: that payment could make the record a purchase of services or
    outsourcing."""
    p = ev.partnership
    if excluded is not None:
        return TestResult("T7", F, excluded.reason, excluded.records)
    if p.pledges is None and p.deliveries is None:
        return _result("T7", U, _("No resource pledges or deliveries are recorded."))
    contributors = {f.giver for f in ev.contributions}
    if ev.unpaid_contracts and len(contributors) < ev.params.min_contributors_against_exclusion:
        return _result(
            "T7",
            U,
            _(
                "Contract %(docs)s is recorded, but not the money paid under it (who pays whom, and for what);"
                " that payment could make this a purchase of services or outsourcing."
            ),
            ev.unpaid_contracts,
            docs=", ".join(ev.unpaid_contracts),
        )
    transactions = [f.id for f in ev.flows if f.transaction is not None]
    if transactions:
        return _result(
            "T7",
            P,
            _("Transactions (%(ids)s) sit beside contributions from several members; they do not define it."),
            transactions,
            ids=", ".join(transactions),
        )
    return _result("T7", P, _("No flow is a donation, a purchase of services or outsourcing."))


TESTS: tuple[tuple[str, Callable[[Evidence], TestResult]], ...] = (
    ("T1", t1_explicit),
    ("T2", t2_ongoing),
    ("T3", t3_joint_resources),
    ("T4", t4_all_decide),
    ("T5", t5_public_benefit),
    ("T6", t6_cross_sector),
)


def rung(ev: Evidence, tests: tuple[TestResult, ...]) -> Rung:
    """The highest rung whose conditions the evidence meets (domain.md §2.2):

    - fewer than two members, or no interaction at all: disconnection;
    - cooperation: two-way information, an adjusted activity, a resource flow and a joint decision;
    - partnership: cooperation and every test T1–T7 passed;
    - coordination: two-way information and an adjusted activity;
    - competition: active rivalry without two-way information (rivalry beside higher evidence is the
      ``competitive_tension`` flag instead);
    - informing: any deliberate information or resource flow.
    """
    if len(ev.members) < 2:
        return Rung.DISCONNECTION
    two_way = ev.two_way_information
    adjusted = ev.activity_adjusted
    if two_way and adjusted:
        if ev.flows and ev.joint_decision_ids:
            if all(t.status is TestStatus.PASSED for t in tests):
                return Rung.PARTNERSHIP
            return Rung.COOPERATION
        return Rung.COORDINATION
    if ev.rivalry and not two_way:
        return Rung.COMPETITION
    if ev.one_way_information:
        return Rung.INFORMING
    return Rung.DISCONNECTION


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"
