"""Reads of the workspace: the current charter and its checks, gate facts, culture gaps, progress, survey results,
the facts the diagnosis needs and the partnership-page panel."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.access import AnyUser, membership_in
from shutafut.accounts.models import Role
from shutafut.diagnosis.engine.inputs import Readiness
from shutafut.guide.selectors import TownTable, town_table
from shutafut.lib.choices import in_active_language, label_of
from shutafut.model.lifecycle import GateFacts, Stage, allowed_next, gates_for
from shutafut.model.outcomes import Outcome
from shutafut.model.principles import READINESS_GO, Principle, readiness_passes
from shutafut.model.records import DocumentKind
from shutafut.model.resources import ResourceType
from shutafut.model.roles import PartnerRole
from shutafut.model.sector_table import SECTOR_TABLE, Column
from shutafut.model.sectors import Sector
from shutafut.partnerships.models import Member, Partnership
from shutafut.surveys.links import link_token
from shutafut.workspace import scoring
from shutafut.workspace.models import (
    CULTURE_DIMENSIONS,
    Charter,
    CharterItem,
    CultureProfile,
    Goal,
    HealthInvitation,
    HealthResponse,
    HealthSurvey,
    MemberContribution,
    MemberRepresentative,
    PartnershipOutcome,
    ReadinessAssessment,
    SuccessRating,
    SuccessScore,
    SurveyStatus,
    Vision,
)
from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_CODES, TRUST_ITEMS, TRUST_SCALE, principle_scales

SECTORS = [s.value for s in Sector]


def field_label(model: Any, name: str) -> str:
    """The verbose name of a model field, in the active language."""
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


def current_members(partnership: Partnership) -> list[Member]:
    return list(partnership.members.filter(left_on__isnull=True).select_related("organization", "representative"))


def is_coordinator(user: AnyUser, partnership: Partnership) -> bool:
    membership = membership_in(user, partnership.town_id)
    return membership is not None and membership.allows(Role.COORDINATOR)


def is_representative(user: AnyUser, member: Member) -> bool:
    return (
        bool(user.is_authenticated)
        and MemberRepresentative.objects.filter(member=member, user__pk=int(str(user.pk))).exists()
    )


def represented_members(user: AnyUser, partnership: Partnership) -> list[Member]:
    if not user.is_authenticated:
        return []
    return [
        r.member
        for r in MemberRepresentative.objects.filter(member__partnership=partnership, user_id=user.pk).select_related(
            "member__organization"
        )
    ]


def may_record_outcomes(user: AnyUser, partnership: Partnership) -> bool:
    """A coordinator of the town, or a representative of one of the partnership's current members, records the
    partnership's outcomes."""
    current = [m for m in represented_members(user, partnership) if m.left_on is None]
    return is_coordinator(user, partnership) or bool(current)


def may_act_for(user: AnyUser, member: Member) -> bool:
    """A coordinator of the town, or the member's representative, may edit that member's entries."""
    return is_coordinator(user, member.partnership) or is_representative(user, member)


# ---- Charter --------------------------------------------------------------------------------------------------


def charter_current(partnership: Partnership) -> Charter | None:
    return partnership.charters.order_by("-version").first()


def item_label(item: CharterItem, lang: str | None = None, table: TownTable | None = None) -> str:
    """The item's own words, or its sector-table item's (in ``table``, the town's, when given)."""
    if item.text:
        return item.text
    try:
        return label_of_table_item(item.code, table)
    except KeyError:
        return item.code


def label_of_table_item(code: str, table: TownTable | None = None) -> str:
    found = table.item(code) if table is not None else SECTOR_TABLE.item(code)
    return str(in_active_language(found.text))


def item_resource_types(item: CharterItem) -> set[str]:
    types = {item.resource_type} if item.resource_type else set()
    if item.code:
        with contextlib.suppress(KeyError):
            types |= {t.value for t in SECTOR_TABLE.item(item.code).resource_types}
    return types


@dataclass
class CharterView:
    charter: Charter | None
    rows: list[dict[str, Any]] = field(default_factory=list)
    mismatches: list[dict[str, str]] = field(default_factory=list)
    approved_by_all: bool = False
    missing_approvals: list[Member] = field(default_factory=list)


def charter_view(partnership: Partnership) -> CharterView:
    charter = charter_current(partnership)
    if charter is None:
        return CharterView(None, missing_approvals=current_members(partnership))
    members = current_members(partnership)
    names = {m.pk: m.organization.name for m in members}
    items = list(charter.items.select_related("from_member__organization"))
    table = town_table(partnership.town_id)
    entries = {e.member_id: e for e in charter.entries.all()}
    approvals = {a.member_id: a for a in charter.approvals.select_related("user")}
    rows = []
    for m in members:
        mine = [i for i in items if i.member_id == m.pk]
        entry = entries.get(m.pk)
        rows.append(
            {
                "member": m,
                "entry": entry,
                "roles": m.role_labels,
                "columns": [
                    (
                        col,
                        str(in_active_language(col.label)),
                        [(i, item_label(i, table=table)) for i in mine if i.column == col.value],
                    )
                    for col in Column
                ],
                "approval": approvals.get(m.pk),
            }
        )
    contributions: dict[str, set[str]] = {}
    for i in items:
        if i.column == Column.CONTRIBUTION:
            contributions.setdefault(str(i.member_id), set()).update(item_resource_types(i))
    benefits = [
        scoring.ExpectedBenefit(str(i.member_id), str(i.from_member_id), i.resource_type, item_label(i, table=table))
        for i in items
        if i.column == Column.BENEFIT and i.from_member_id and i.resource_type
    ]
    concerns = [
        (str(i.member_id), item_label(i, table=table), bool(i.mitigation.strip()))
        for i in items
        if i.column == Column.CONCERN
    ]
    roles = {str(m.pk): list(m.roles or []) for m in members}
    found = scoring.charter_mismatches(
        contributions=contributions,
        benefits=benefits,
        concerns=concerns,
        roles_held=roles,
        all_roles=[r.value for r in PartnerRole],
    )
    mismatches = [
        {
            "kind": x.kind,
            "member": names.get(int(x.member), "") if x.member else "",
            "other": names.get(int(x.other), "") if x.other else "",
            "subject": label_of(PartnerRole, x.subject) if x.kind == "role" else x.subject,
        }
        for x in found
    ]
    missing = [m for m in members if m.pk not in approvals]
    return CharterView(charter, rows, mismatches, bool(members) and not missing, missing)


# ---- Vision, readiness --------------------------------------------------------------------------------------


def vision_of(partnership: Partnership) -> Vision | None:
    return Vision.objects.filter(partnership=partnership).first()


def vision_endorsers(vision: Vision | None) -> set[int]:
    if vision is None:
        return set()
    return {e.member_id for e in vision.endorsements.all() if e.statement == vision.statement}


def vision_endorsed_by_all(partnership: Partnership) -> bool:
    members = current_members(partnership)
    endorsed = vision_endorsers(vision_of(partnership))
    return bool(members) and all(m.pk in endorsed for m in members)


def readiness_latest(partnership: Partnership) -> ReadinessAssessment | None:
    return partnership.readiness_assessments.first()


def readiness_go(r: ReadinessAssessment | None) -> bool | None:
    if r is None:
        return None
    return readiness_passes(r.political, r.organizational, r.community, READINESS_GO)


JUSTIFICATION_GO = READINESS_GO
"""[P] The justification (contribution, scope, innovation; each 0–3) passes by the readiness rule:
each ≥ 1, total ≥ 5."""


def justification_go(r: ReadinessAssessment | None) -> bool | None:
    if r is None:
        return None
    return readiness_passes(r.contribution, r.scope, r.innovation, JUSTIFICATION_GO)


# ---- Culture ------------------------------------------------------------------------------------------------------


def culture_gaps(partnership: Partnership) -> list[dict[str, Any]]:
    members = current_members(partnership)
    profiles = {
        str(p.member_id): {d: getattr(p, d) for d in CULTURE_DIMENSIONS}
        for p in CultureProfile.objects.filter(member__in=members)
    }
    norms = {n.dimension for n in partnership.working_norms.all()}
    labels = {d: field_label(CultureProfile, d) for d in CULTURE_DIMENSIONS}
    result = []
    for gap in scoring.culture_gaps(profiles, CULTURE_DIMENSIONS):
        result.append(
            {
                "dimension": gap.dimension,
                "label": labels[gap.dimension],
                "cells": [gap.scores.get(str(m.pk)) for m in members],
                "gap": gap.gap,
                "wide": gap.wide,
                "norm": gap.dimension in norms,
            }
        )
    return result


def working_norms(partnership: Partnership) -> list[dict[str, Any]]:
    """The agreed working norms, oldest first, each with the label of its culture dimension ("" for the whole
    partnership)."""
    return [
        {"pk": n.pk, "dimension": field_label(CultureProfile, n.dimension) if n.dimension else "", "text": n.text}
        for n in partnership.working_norms.all()
    ]


# ---- Work plan ----------------------------------------------------------------------------------------------------


def plan(partnership: Partnership) -> dict[str, Any]:
    goals = list(
        Goal.objects.filter(partnership=partnership).prefetch_related(
            "values", "milestones__tasks__owner__organization"
        )
    )
    rows: list[dict[str, Any]] = []
    today = timezone.localdate()
    for g in goals:
        milestones: list[dict[str, Any]] = []
        for ms in g.milestones.all():
            tasks = list(ms.tasks.all())
            p = scoring.weighted_progress((t.weight, t.progress / 100) for t in tasks) or 0.0
            milestones.append({"milestone": ms, "tasks": tasks, "progress": p, "overdue": ms.is_overdue(tasks, today)})
        gp = scoring.weighted_progress((m["milestone"].weight, m["progress"]) for m in milestones) or 0.0
        values = list(g.values.all())
        latest = float(values[-1].value) if values else None
        rows.append(
            {
                "goal": g,
                "milestones": milestones,
                "progress": gp,
                "values": values,
                "indicator": scoring.indicator_progress(float(g.baseline), float(g.target), latest),
            }
        )
    overall = scoring.weighted_progress((r["goal"].weight, r["progress"]) for r in rows)
    has_tasks = any(m["tasks"] for r in rows for m in r["milestones"])
    return {"goals": rows, "progress": overall, "exists": has_tasks}


# ---- Life cycle ---------------------------------------------------------------------------------------------------


def _framework_document(partnership: Partnership, members: list[Member]) -> Any:
    ids = {m.pk for m in members}
    for doc in partnership.documents.exclude(kind=DocumentKind.CONTRACT).prefetch_related("signatories"):
        if doc.signed_on and ids and ids <= {s.pk for s in doc.signatories.all()}:
            return doc
    return None


class Overview:
    """One partnership's life-cycle facts, each read once however many parts of a page ask for it (the workspace's
    home shows the moves, and its panel the charter, the readiness, the plan and the moves again)."""

    def __init__(self, partnership: Partnership) -> None:
        self.partnership = partnership

    @cached_property
    def members(self) -> list[Member]:
        return current_members(self.partnership)

    @cached_property
    def readiness(self) -> ReadinessAssessment | None:
        return readiness_latest(self.partnership)

    @cached_property
    def charter(self) -> CharterView:
        return charter_view(self.partnership)

    @cached_property
    def plan(self) -> dict[str, Any]:
        return plan(self.partnership)

    @cached_property
    def facts(self) -> GateFacts:
        """What the workspace knows for the gates of domain.md §6 (see docs/workspace.md for each fact's rule)."""
        partnership = self.partnership
        doc = _framework_document(partnership, self.members)
        year_ago = timezone.now() - dt.timedelta(days=365)
        return GateFacts(
            readiness_passed=readiness_go(self.readiness),
            justification_passed=justification_go(self.readiness),
            vision_endorsed_by_all=vision_endorsed_by_all(partnership),
            resource_gaps_resolved=self.charter.charter is not None
            and not any(x["kind"] == "benefit" for x in self.charter.mismatches),
            framework_signed_by_all=doc is not None,
            decision_rules_set=doc is not None and bool(doc.decision_rules.strip()),
            info_flow_rules_set=doc is not None and bool(doc.info_flow_rules.strip()),
            work_plan_exists=self.plan["exists"],
            review_done_within_year=partnership.health_surveys.filter(
                status=SurveyStatus.CLOSED, closed_at__gte=year_ago
            ).exists(),
            handover_owner_named=None,
        )

    @cached_property
    def moves(self) -> list[dict[str, Any]]:
        """The stages the partnership may move to, each with every gate that guards the move and whether it is met
        (the real gates: a move that no gate guards says so, it is not "all met"). Ending (``closed``) is marked
        ``ends``: it has no gate and its own page, which asks to confirm."""
        moves = []
        for to in allowed_next(self.partnership.stage):
            gates = [
                {"code": g.code, "text": str(in_active_language(g.text)), "met": g.is_met(self.facts)}
                for g in gates_for(self.partnership.stage, to)
            ]
            moves.append(
                {
                    "stage": to,
                    "label": label_of(Stage, to),
                    "gates": gates,
                    "unmet": [g for g in gates if not g["met"]],
                    "ends": to is Stage.CLOSED,
                }
            )
        return moves


def gate_facts(partnership: Partnership) -> GateFacts:
    return Overview(partnership).facts


def next_moves(partnership: Partnership) -> list[dict[str, Any]]:
    return Overview(partnership).moves


# ---- Health survey ------------------------------------------------------------------------------------------------


HIDDEN_REASONS = {
    scoring.Hidden.TOO_FEW: _("fewer than three of its people answered"),
    scoring.Hidden.WOULD_REVEAL: _("shown, it would give away the answers of the one or two other respondents"),
}


def _overall(responses: list[HealthResponse], groups: list[str]) -> list[list[str]]:
    """The totals a breakdown is shown beside: the survey's overall results, which cover every group, once they
    are shown (from three respondents)."""
    return [groups] if len(responses) >= scoring.MIN_GROUP else []


def survey_results(survey: HealthSurvey) -> dict[str, Any]:
    """Means with bands per principle, trust, the sector breakdown, checklists and response rates; groups under
    three respondents are suppressed everywhere."""
    responses = list(survey.responses.all())
    scales = principle_scales()
    all_answers = [r.answers for r in responses]
    principles = []
    for p in Principle:
        res = scoring.score_scale(p.value, all_answers, scales[p.value])
        principles.append({"principle": p, "label": label_of(Principle, p), "result": res})
    trust = scoring.score_scale(TRUST_SCALE, [r.trust for r in responses], TRUST_CODES, banded=False)
    breakdown = scoring.sector_breakdown(
        [(r.sector, r.answers) for r in responses], scales, SECTORS, totals=_overall(responses, SECTORS)
    )
    columns = [s for s in breakdown.sectors if s not in breakdown.withheld]
    sector_rows = [
        {
            "label": label_of(Principle, p),
            "cells": [breakdown.cells[(p.value, s)] for s in columns],
            "flagged": p.value in breakdown.flagged,
        }
        for p in Principle
    ]
    checklists = []
    for sector in breakdown.sectors:
        group = [r for r in responses if r.sector == sector]
        for column, attr in ((Column.BENEFIT, "benefits"), (Column.CONCERN, "concerns")):
            counts = scoring.checklist_counts([getattr(r, attr) for r in group])
            items = SECTOR_TABLE.items(Sector(sector), column)
            checklists.append(
                {
                    "sector": label_of(Sector, sector),
                    "column": str(in_active_language(column.label)),
                    "n": len(group),
                    "items": None
                    if counts is None
                    else [(label_of_table_item(i.code), counts.get(i.code, 0)) for i in items],
                }
            )
    invited = {(i.person_id) for i in survey.invitations.all()}
    answered = {r.person_id for r in responses}
    comments = [r.comment for r in responses if r.comment.strip()] if len(responses) >= scoring.MIN_GROUP else []
    return {
        "n": len(responses),
        "principles": principles,
        "trust": trust,
        "sectors": [label_of(Sector, s) for s in columns],
        "sectors_withheld": [
            {"name": label_of(Sector, s), "reason": HIDDEN_REASONS[scoring.Hidden.WOULD_REVEAL]}
            for s in sorted(breakdown.withheld, key=SECTORS.index)
        ],
        "sector_rows": sector_rows,
        "checklists": checklists,
        "invited": len(invited),
        "answered": len(answered),
        "rate": scoring.response_rate(len(invited), len(answered & invited) if invited else 0),
        "comments": comments,
        "min_group": scoring.MIN_GROUP,
    }


def surveys_of(partnership: Partnership) -> QuerySet[HealthSurvey]:
    return partnership.health_surveys.all()


@dataclass(frozen=True)
class InvitationRow:
    """One person invited to a health survey: their newest live invitation, its link's token (``None`` when it
    cannot be rebuilt: reissue it) and whether they answered (yes or no, never what)."""

    invitation: HealthInvitation
    token: str | None
    answered: bool

    @property
    def usable(self) -> bool:
        return self.token is not None and not self.invitation.link.is_expired


def survey_link_rows(survey: HealthSurvey) -> list[InvitationRow]:
    """Everyone invited to ``survey`` (by organization, then name) with their newest link that is not revoked."""
    answered = set(survey.responses.values_list("person_id", flat=True))
    latest: dict[int, HealthInvitation] = {}
    for inv in (
        survey.invitations.filter(link__revoked_at__isnull=True)
        .select_related("link", "member__organization", "person")
        .order_by("sent_at", "pk")
    ):
        latest[inv.person_id] = inv
    rows = [InvitationRow(inv, link_token(inv.link), inv.person_id in answered) for inv in latest.values()]
    return sorted(rows, key=lambda r: (r.invitation.member.organization.name, r.invitation.person.full_name))


def saved_answer(survey: HealthSurvey, person_id: int) -> dict[str, Any]:
    """The respondent's saved answer as the questionnaire's initial values (empty when they have not answered), so
    that reopening the link shows what they gave."""
    response = survey.responses.filter(person_id=person_id).first()
    if response is None:
        return {}
    initial: dict[str, Any] = {**response.answers, **response.trust}
    initial.update(benefits=response.benefits, concerns=response.concerns, comment=response.comment)
    initial.update({f"explain_{code}": text for code, text in response.explanations.items()})
    return initial


def _item_labels() -> dict[str, str]:
    return {
        **{code: str(text) for code, _p, text in PRINCIPLE_ITEMS},
        **{code: str(text) for code, text in TRUST_ITEMS},
    }


def survey_explanations(survey: HealthSurvey) -> list[dict[str, Any]] | None:
    """The respondents' explanations of their scores of 1 or 2, pooled by item with no name, sector or score
    (``scoring.low_score_explanations``); ``None`` under three respondents. For the coordinator's eyes only: the
    view decides who sees them."""
    responses = list(survey.responses.only("answers", "trust", "explanations"))
    codes = [code for code, _p, _t in PRINCIPLE_ITEMS] + TRUST_CODES
    pooled = scoring.low_score_explanations([({**r.answers, **r.trust}, r.explanations) for r in responses], codes)
    if pooled is None:
        return None
    labels = _item_labels()
    return [{"label": labels[code], "texts": texts} for code, texts in pooled.items()]


def member_breakdown(survey: HealthSurvey) -> dict[str, Any]:
    """The survey's scales by the respondents' organization: an organization is shown from three respondents up,
    and only where neither the survey's overall results nor its sector's column would then give one or two other
    people's answers away; the others are listed with the reason."""
    responses = list(survey.responses.select_related("member__organization"))
    members = {r.member_id: r.member for r in responses}
    order = [str(m.pk) for m in sorted(members.values(), key=lambda m: m.organization.name)]
    scales = {**principle_scales(), TRUST_SCALE: TRUST_CODES}
    sectors = scoring.sector_breakdown(
        [(r.sector, {}) for r in responses], {}, SECTORS, totals=_overall(responses, SECTORS)
    )
    totals = _overall(responses, order)
    for sector in sectors.sectors:
        in_sector = [r for r in responses if r.sector == sector]
        if len(in_sector) >= scoring.MIN_GROUP and sector not in sectors.withheld:  # its column is shown
            totals.append(sorted({str(r.member_id) for r in in_sector}))
    breakdown = scoring.group_breakdown(
        [(str(r.member_id), {**r.answers, **r.trust}) for r in responses],
        scales,
        order,
        totals=totals,
        unbanded=[TRUST_SCALE],
    )
    name = {str(pk): m.organization.name for pk, m in members.items()}
    rows = [
        {"label": label_of(Principle, p), "cells": [breakdown.cells[(p.value, g)] for g in breakdown.shown]}
        for p in Principle
    ]
    return {
        "members": [name[g] for g in breakdown.shown],
        "rows": rows,
        "trust": [breakdown.cells[(TRUST_SCALE, g)] for g in breakdown.shown],
        "hidden": [
            {"name": name[g], "n": breakdown.sizes[g], "reason": HIDDEN_REASONS[why]}
            for g, why in breakdown.hidden.items()
        ],
    }


@dataclass(frozen=True)
class TrendRow:
    """One closed survey in the comparison of surveys: its trust mean with n and the change since the one before
    (I6.2), and its principle means."""

    survey: HealthSurvey
    n: int
    trust: scoring.ScaleResult
    change: float | None
    principles: list[scoring.ScaleResult]


def health_trend(partnership: Partnership) -> list[TrendRow]:
    """The partnership's closed health surveys, oldest first, compared: each one's trust mean (1–4) with the number
    of respondents and the change since the previous survey (indicator I6.2), and its six principle means. Means of
    fewer than three respondents are hidden, and so is a change next to a hidden mean."""
    surveys = list(
        partnership.health_surveys.filter(status=SurveyStatus.CLOSED)
        .order_by("closed_at", "created_at", "pk")
        .prefetch_related("responses")
    )
    scales = principle_scales()
    scored = []
    for s in surveys:
        responses = list(s.responses.all())
        trust = scoring.score_scale(TRUST_SCALE, [r.trust for r in responses], TRUST_CODES, banded=False)
        principles = [scoring.score_scale(p.value, [r.answers for r in responses], scales[p.value]) for p in Principle]
        scored.append((s, len(responses), trust, principles))
    points = scoring.trend([(str(s.pk), trust) for s, _n, trust, _p in scored])
    return [
        TrendRow(s, n, trust, point.change, principles)
        for (s, n, trust, principles), point in zip(scored, points, strict=True)
    ]


def principle_trend(trend: list[TrendRow]) -> list[dict[str, Any]]:
    """The principle means of ``health_trend``'s surveys as a table: one row per principle, one cell per survey."""
    return [
        {"label": label_of(Principle, p), "cells": [row.principles[i] for row in trend]}
        for i, p in enumerate(Principle)
    ]


# ---- Outcomes, as PARTNER asks them (questions 5–8) ------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeRow:
    """One outcome of the guide's list as the partnership recorded it (all marks off when it did not)."""

    outcome: Outcome
    label: str
    description: str
    intended: bool = False
    achieved: bool = False
    most_important: bool = False
    note: str = ""


def outcome_rows(partnership: Partnership) -> list[OutcomeRow]:
    """Every outcome of the guide's list, in its order, with what the partnership recorded of it."""
    recorded = {o.outcome: o for o in partnership.outcomes.all()}
    rows = []
    for outcome in Outcome:
        o = recorded.get(outcome.value)
        rows.append(
            OutcomeRow(
                outcome,
                str(in_active_language(outcome.label)),
                str(in_active_language(outcome.info.description)),
                *((o.intended, o.achieved, o.most_important, o.note) if o else ()),
            )
        )
    return rows


def success_of(partnership: Partnership) -> scoring.GroupMean:
    """The mean of the current members' representatives' success ratings (1–4), hidden under three ratings."""
    scores = SuccessRating.objects.filter(member__partnership=partnership, member__left_on__isnull=True)
    return scoring.group_mean([float(v) for v in scores.values_list("score", flat=True)])


def own_ratings(user: AnyUser, partnership: Partnership) -> list[dict[str, Any]]:
    """The members ``user`` represents, each with the rating ``user`` gave for it (or ``None``): a representative
    sees their own answer, and nobody else's."""
    members = [m for m in represented_members(user, partnership) if m.left_on is None]
    if not members:
        return []
    given = dict(
        SuccessRating.objects.filter(member__in=members, user__pk=int(str(user.pk))).values_list("member_id", "score")
    )
    return [
        {"member": m, "score": given.get(m.pk), "label": SuccessScore(given[m.pk]).label if m.pk in given else None}
        for m in members
    ]


def outcomes_view(partnership: Partnership) -> dict[str, Any]:
    """What the outcomes page, the partnership page's panel and the partnership report show: the outcomes intended
    and achieved, the most important one, each current member's most important contribution, and the success
    rating's mean with its number of ratings (hidden under three)."""
    rows = outcome_rows(partnership)
    contributions = {c.member_id: c for c in MemberContribution.objects.filter(member__partnership=partnership)}
    members = []
    for m in current_members(partnership):
        c = contributions.get(m.pk)
        members.append(
            {
                "member": m,
                "name": m.organization.name,
                "sector": label_of(Sector, m.organization.sector),
                "contribution": label_of(ResourceType, c.resource_type) if c else None,
                "note": c.note if c else "",
            }
        )
    main = next((r for r in rows if r.most_important), None)
    return {
        "rows": rows,
        "recorded": [r for r in rows if r.intended or r.achieved],
        "intended": [r for r in rows if r.intended],
        "achieved": [r for r in rows if r.achieved],
        "n_intended": sum(1 for r in rows if r.intended),
        "n_achieved": sum(1 for r in rows if r.achieved),
        "most_important": main,
        "contributions": members,
        "contributed": [c for c in members if c["contribution"]],
        "success": success_of(partnership),
        "min_group": scoring.MIN_GROUP,
    }


def town_outcomes(town_id: int) -> dict[str, Any]:
    """The town report's outcomes: for each outcome of the guide's list, how many partnerships intend it, achieved
    it, and hold it most important; the members' most important contributions by type and sector; the success
    rating's mean over the town with its number of ratings, and per partnership (each hidden under three)."""
    partnerships = list(Partnership.objects.filter(town_id=town_id).order_by("name"))
    recorded = list(PartnershipOutcome.objects.filter(partnership__town_id=town_id))
    counts = {o: {"intended": 0, "achieved": 0, "both": 0, "most_important": 0} for o in Outcome}
    for o in recorded:
        row = counts[Outcome(o.outcome)]
        row["intended"] += o.intended
        row["achieved"] += o.achieved
        row["both"] += o.intended and o.achieved
        row["most_important"] += o.most_important
    contributions: dict[str, dict[str, int]] = {}
    for resource_type, sector in MemberContribution.objects.filter(
        member__partnership__town_id=town_id, member__left_on__isnull=True
    ).values_list("resource_type", "member__organization__sector"):
        contributions.setdefault(resource_type, {}).setdefault(sector, 0)
        contributions[resource_type][sector] += 1
    ratings = SuccessRating.objects.filter(member__partnership__town_id=town_id, member__left_on__isnull=True)
    by_partnership: dict[int, list[float]] = {}
    for partnership_id, score in ratings.values_list("member__partnership_id", "score"):
        by_partnership.setdefault(partnership_id, []).append(float(score))
    return {
        "n_partnerships": len(partnerships),
        "n_recording": len({o.partnership_id for o in recorded}),
        "rows": [{"label": str(in_active_language(o.label)), **counts[o]} for o in Outcome],
        "sectors": [label_of(Sector, s) for s in SECTORS],
        "contributions": sorted(
            (
                {
                    "label": label_of(ResourceType, t),
                    "cells": [by_sector.get(s, 0) for s in SECTORS],
                    "total": sum(by_sector.values()),
                }
                for t, by_sector in contributions.items()
            ),
            key=lambda row: (-int(str(row["total"])), str(row["label"])),
        ),
        "success": scoring.group_mean([v for values in by_partnership.values() for v in values]),
        "success_by_partnership": [
            {"name": p.name, "success": scoring.group_mean(by_partnership[p.pk])}
            for p in partnerships
            if p.pk in by_partnership
        ],
        "min_group": scoring.MIN_GROUP,
    }


def town_health_trends(town_id: int) -> list[dict[str, Any]]:
    """For each of the town's partnerships with a closed health survey: its latest survey's trust mean with n, the
    one before it, and the change (I6.2); means of fewer than three respondents hidden."""
    found = []
    for p in Partnership.objects.filter(town_id=town_id, health_surveys__status=SurveyStatus.CLOSED).distinct():
        trend = health_trend(p)
        found.append({"name": p.name, "latest": trend[-1], "previous": trend[-2] if len(trend) > 1 else None})
    return sorted(found, key=lambda row: str(row["name"]))


# ---- For other apps --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Focus:
    """A member's stated interest in the partnership's focus and ability to influence it, each 0–3 (I2.1)."""

    interest: int
    influence: int


@dataclass(frozen=True, slots=True)
class DiagnosisFacts:
    """What the workspace holds that the diagnosis reads, each from its one home. Members are keyed by pk."""

    readiness: Readiness | None
    """The latest assessment's three dimensions, each 0–3 (I5.1), in the engine's own input type."""
    focus: Mapping[int, Focus]
    vision_endorsers: frozenset[int] | None
    """The members that endorsed the vision's current text; ``None`` when there is no vision."""
    working_norms: tuple[str, ...]
    """The texts of the working norms the members agreed, oldest first."""


def diagnosis_facts(partnership: Partnership) -> DiagnosisFacts:
    """The workspace's facts for the diagnosis of ``partnership`` (the one typed input the diagnosis reads)."""
    r = readiness_latest(partnership)
    vision = vision_of(partnership)
    return DiagnosisFacts(
        readiness=None if r is None else Readiness(r.political, r.organizational, r.community),
        focus={
            m.pk: Focus(m.workspace_focus.interest, m.workspace_focus.influence)
            for m in partnership.members.filter(workspace_focus__isnull=False).select_related("workspace_focus")
        },
        vision_endorsers=None if vision is None else frozenset(vision_endorsers(vision)),
        working_norms=tuple(n.text for n in partnership.working_norms.all()),
    )


def partnership_panel_context(partnership: Partnership, overview: Overview | None = None) -> dict[str, Any]:
    """Context of ``workspace/partnership_panel.html`` (charter, readiness, culture gaps, stage, progress, health);
    a page that shows more of the partnership's life cycle hands over its own ``overview``, read once."""
    o = overview or Overview(partnership)
    latest_closed = partnership.health_surveys.filter(status=SurveyStatus.CLOSED).first()
    gaps = culture_gaps(partnership)
    return {
        "ws_partnership": partnership,
        "ws_charter": o.charter,
        "ws_readiness": o.readiness,
        "ws_readiness_go": readiness_go(o.readiness),
        "ws_justification_go": justification_go(o.readiness),
        "ws_wide_gaps": [g for g in gaps if g["wide"]],
        "ws_moves": o.moves,
        "ws_stage": label_of(Stage, partnership.stage),
        "ws_progress": o.plan["progress"],
        "ws_survey": latest_closed,
        "ws_results": survey_results(latest_closed) if latest_closed else None,
    }
