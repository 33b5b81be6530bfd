"""Reads of the workspace: the current charter and its checks, gate facts, culture gaps, progress, survey results,
the facts the diagnosis needs and the partnership-page panel."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from shutafut.accounts.access import AnyUser, membership_in
from shutafut.accounts.models import Role
from shutafut.diagnosis.engine.inputs import Readiness
from shutafut.guide.selectors import TownTable, town_table
from shutafut.lib.choices import in_active_language, label_of
from shutafut.model.lifecycle import GateFacts, Stage, allowed_next, gates_for
from shutafut.model.principles import READINESS_GO, Principle, readiness_passes
from shutafut.model.records import DocumentKind
from shutafut.model.roles import PartnerRole
from shutafut.model.sector_table import SECTOR_TABLE, Column
from shutafut.model.sectors import Sector
from shutafut.partnerships.models import Member, Partnership
from shutafut.workspace import scoring
from shutafut.workspace.models import (
    CULTURE_DIMENSIONS,
    Charter,
    CharterItem,
    CultureProfile,
    Goal,
    HealthSurvey,
    MemberRepresentative,
    ReadinessAssessment,
    SurveyStatus,
    Vision,
)
from shutafut.workspace.questionnaire import TRUST_CODES, TRUST_SCALE, principle_scales

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
                    (col, col.label, [(i, item_label(i, table=table)) for i in mine if i.column == col.value])
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
    for g in goals:
        milestones: list[dict[str, Any]] = []
        for ms in g.milestones.all():
            tasks = list(ms.tasks.all())
            p = scoring.weighted_progress((t.weight, t.progress / 100) for t in tasks) or 0.0
            milestones.append({"milestone": ms, "tasks": tasks, "progress": p})
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


def gate_facts(partnership: Partnership) -> GateFacts:
    """What the workspace knows for the gates of domain.md §6 (see docs/workspace.md for each fact's rule)."""
    members = current_members(partnership)
    r = readiness_latest(partnership)
    doc = _framework_document(partnership, members)
    view = charter_view(partnership)
    year_ago = timezone.now() - dt.timedelta(days=365)
    return GateFacts(
        readiness_passed=readiness_go(r),
        justification_passed=justification_go(r),
        vision_endorsed_by_all=vision_endorsed_by_all(partnership),
        resource_gaps_resolved=view.charter is not None and not any(x["kind"] == "benefit" for x in view.mismatches),
        framework_signed_by_all=doc is not None,
        decision_rules_set=doc is not None and bool(doc.decision_rules.strip()),
        info_flow_rules_set=doc is not None and bool(doc.info_flow_rules.strip()),
        work_plan_exists=plan(partnership)["exists"],
        review_done_within_year=partnership.health_surveys.filter(
            status=SurveyStatus.CLOSED, closed_at__gte=year_ago
        ).exists(),
        handover_owner_named=None,
    )


def next_moves(partnership: Partnership) -> list[dict[str, Any]]:
    """The stages the partnership may move to, each with every gate that guards the move and whether it is met
    (the real gates: a move that no gate guards says so, it is not "all met"). Ending (``closed``) is marked
    ``ends``: it has no gate and its own page, which asks to confirm."""
    facts = gate_facts(partnership)
    moves = []
    for to in allowed_next(partnership.stage):
        gates = [
            {"code": g.code, "text": str(in_active_language(g.text)), "met": g.is_met(facts)}
            for g in gates_for(partnership.stage, to)
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


# ---- Health survey ------------------------------------------------------------------------------------------------


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
    breakdown = scoring.sector_breakdown([(r.sector, r.answers) for r in responses], scales, SECTORS)
    sector_rows = [
        {
            "label": label_of(Principle, p),
            "cells": [breakdown.cells[(p.value, s)] for s in breakdown.sectors],
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
                    "column": column.label,
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
        "sectors": [label_of(Sector, s) for s in breakdown.sectors],
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


def partnership_panel_context(partnership: Partnership, user: AnyUser) -> dict[str, Any]:
    """Context of ``workspace/partnership_panel.html`` (charter, readiness, culture gaps, stage, progress, health)."""
    view = charter_view(partnership)
    r = readiness_latest(partnership)
    latest_closed = partnership.health_surveys.filter(status=SurveyStatus.CLOSED).first()
    gaps = culture_gaps(partnership)
    return {
        "ws_partnership": partnership,
        "ws_charter": view,
        "ws_readiness": r,
        "ws_readiness_go": readiness_go(r),
        "ws_justification_go": justification_go(r),
        "ws_wide_gaps": [g for g in gaps if g["wide"]],
        "ws_moves": next_moves(partnership),
        "ws_stage": label_of(Stage, partnership.stage),
        "ws_progress": plan(partnership)["progress"],
        "ws_survey": latest_closed,
        "ws_results": survey_results(latest_closed) if latest_closed else None,
    }
