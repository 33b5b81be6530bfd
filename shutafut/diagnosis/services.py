"""The diagnosis in the app: partnership records in, the pure engine's result out, and its history kept.

``engine_input`` is the one place that translates the database into the engine's plain data. Record ids in
the engine's evidence are the anchors of the partnership page (``member-12``, ``flow-5``, ``decision-3``…), so
the page links each test to the records it rests on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import get_language

from shutafut.diagnosis import engine as e
from shutafut.diagnosis.models import DiagnosisSnapshot
from shutafut.model.ladder import RUNGS, Rung
from shutafut.model.resources import ResourceType
from shutafut.model.roles import PartnerRole
from shutafut.model.sectors import Sector
from shutafut.partnerships.models import FlowKind, Partnership
from shutafut.partnerships.selectors import partnership_detail, with_parts
from shutafut.workspace.selectors import diagnosis_facts


def _ids(prefix: str, objects: Any) -> tuple[str, ...]:
    return tuple(f"{prefix}-{o.pk}" for o in objects)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def engine_input(partnership: Partnership) -> e.Partnership:
    """Describe ``partnership`` (with its parts prefetched by ``partnership_detail``) as the engine's input.

    Lists of records are always *recorded* (an empty list means none); a blank scalar such as the horizon is
    *not recorded*, so the tests that need it come out unknown and ask for it. An activity always has organizers, so
    one with none chosen has them *not recorded*. Each fact comes from its one home: the records for the goal,
    roles and mandates; the workspace (``workspace.selectors.diagnosis_facts``) for readiness, focus, the vision's
    endorsements and the working norms.
    """
    p = partnership
    facts = diagnosis_facts(p)
    members = list(p.members.all())
    member_of_org = {m.organization_id: f"member-{m.pk}" for m in members}
    convener = member_of_org.get(p.convener_id) if p.convener_id else None
    public_members = [f"member-{m.pk}" for m in members if m.organization.sector == Sector.PUBLIC]
    default_before = convener or (public_members[0] if public_members else "")
    pledges, deliveries = [], []
    for f in p.flows.all():
        approval = None if f.approval == "none" else e.Approval(e.ApprovalKind(f.approval), f.approval_ref or None)
        common: dict[str, Any] = {
            "id": f"flow-{f.pk}",
            "giver": f"member-{f.giver_id}",
            "type": ResourceType(f.resource_type),
            "in_return": e.InReturn(f.in_return),
            "receiver": f"member-{f.receiver_id}" if f.receiver_id else None,
            "value": float(f.value) if f.value is not None else None,
            "approval": approval,
            "allocation_decision": f"decision-{f.allocation_decision_id}" if f.allocation_decision_id else None,
        }
        if f.kind == FlowKind.PLEDGE:
            pledges.append(e.Pledge(**common))
        else:
            pledge = f"flow-{f.fulfils_id}" if f.fulfils_id else None
            deliveries.append(e.Delivery(**common, date=f.date, pledge=pledge))
    return e.Partnership(
        id=f"partnership-{p.pk}",
        name=p.name,
        members=tuple(
            e.Member(
                id=f"member-{m.pk}",
                name=m.organization.name,
                sector=Sector(m.organization.sector),
                roles=tuple(PartnerRole(r) for r in m.roles or []),
                joined=m.joined_on,
                mandate=bool(m.mandate.strip()),
                interest=facts.focus[m.pk].interest if m.pk in facts.focus else None,
                influence=facts.focus[m.pk].influence if m.pk in facts.focus else None,
            )
            for m in members
        ),
        started=p.started_on,
        convener=convener,
        convener_recorded=True,
        public_goal=p.public_goals.strip() or None,
        beneficiaries=_lines(p.beneficiaries) or None,
        horizon_months=p.horizon_months,
        standing_body=p.standing_body,
        meeting_cadence=e.Cadence(p.meeting_cadence) if p.meeting_cadence else None,
        framework_documents=tuple(
            e.FrameworkDocument(
                id=f"document-{d.pk}",
                kind=e.DocumentKind(d.kind),
                signatories=_ids("member", d.signatories.all()),
                signed=d.signed_on,
                valid_until=d.valid_until,
                decision_members=_ids("member", d.decision_members.all()) or None,
            )
            for d in p.documents.all()
        ),
        pledges=tuple(pledges),
        deliveries=tuple(deliveries),
        decisions=tuple(
            e.Decision(
                id=f"decision-{d.pk}",
                date=d.date,
                participants=_ids("member", d.participants.all()),
                method=e.DecisionMethod(d.method),
                consulted=_ids("member", d.consulted.all()),
                reserved_to_public=d.reserved_to_public_body,
                recusals=_ids("member", d.recusals.all()),
                subject=d.subject,
            )
            for d in p.decisions.all()
        ),
        activities=tuple(
            e.Activity(
                id=f"activity-{a.pk}",
                date=a.date,
                organizers=_ids("member", a.organizers.all()) or None,
                beneficiaries=(a.beneficiaries_description,) if a.beneficiaries_description else (),
            )
            for a in p.activities.all()
        ),
        interests=tuple(
            e.MemberInterest(
                id=f"interest-{i.pk}",
                member=f"member-{m.pk}",
                kind=e.InterestKind(i.kind),
                before=f"member-{i.before_id}" if i.before_id else default_before,
                recusal_recorded=i.recusal_recorded,
                open=i.is_open,
            )
            for m in members
            for i in m.interests.all()
        ),
        interactions=tuple(
            e.Interaction(
                id=f"interaction-{x.pk}",
                kind=e.InteractionKind(x.kind),
                source=f"member-{x.source_id}",
                target=f"member-{x.target_id}" if x.target_id else None,
                date=x.date,
            )
            for x in p.interactions.all()
        ),
        readiness=facts.readiness,
        vision_endorsers=(
            None if facts.vision_endorsers is None else tuple(f"member-{pk}" for pk in sorted(facts.vision_endorsers))
        ),
        working_norms=facts.working_norms,
    )


def partnership_diagnosis(partnership: Partnership) -> e.Diagnosis:
    return e.diagnose(engine_input(partnership_detail(partnership)))


def diagnosis_document(partnership: Partnership, lang: str | None = None) -> dict[str, Any]:
    """The same JSON document as ``shutafut diagnose FILE --format json``, for this partnership."""
    return e.to_dict(partnership_diagnosis(partnership), lang or get_language() or "he")


@transaction.atomic
def diagnosis_refresh(partnership: Partnership) -> DiagnosisSnapshot | None:
    """Diagnose the partnership and keep a history row when its rung, status or exclusion changed."""
    result = partnership_diagnosis(partnership)
    exclusion = result.exclusion.kind.value if result.exclusion else ""
    tests = {t.code: t.status.value for t in result.tests}
    last = DiagnosisSnapshot.objects.filter(partnership=partnership).order_by("-computed_at", "-pk").first()
    if last and (last.rung, last.is_partnership, last.exclusion, last.tests) == (
        int(result.rung),
        result.is_partnership,
        exclusion,
        tests,
    ):
        return None
    return DiagnosisSnapshot.objects.create(
        partnership=partnership,
        rung=int(result.rung),
        is_partnership=result.is_partnership,
        exclusion=exclusion,
        tests=tests,
    )


def record_labels(partnership: Partnership) -> dict[str, str]:
    """A short human label for every record id the engine may cite (the page's anchors)."""
    labels: dict[str, str] = {}
    for m in partnership.members.all():
        labels[f"member-{m.pk}"] = m.organization.name
    for f in partnership.flows.all():
        labels[f"flow-{f.pk}"] = (
            f"{f.get_kind_display()}: {f.get_resource_type_display()} ({f.giver.organization.name})"
        )
    for d in partnership.decisions.all():
        labels[f"decision-{d.pk}"] = f"{d.subject} ({d.date:%d/%m/%Y})"
    for doc in partnership.documents.all():
        labels[f"document-{doc.pk}"] = doc.title
    for a in partnership.activities.all():
        labels[f"activity-{a.pk}"] = a.title
    for x in partnership.interactions.all():
        labels[f"interaction-{x.pk}"] = f"{x.get_kind_display()}: {x.source.organization.name}"
    for m in partnership.members.all():
        for i in m.interests.all():
            labels[f"interest-{i.pk}"] = i.description
    return labels


RECORD_ID = re.compile(r"\b(?:member|flow|decision|document|activity|interaction|interest)-\d+\b")
IDS_KEPT = frozenset({"records", "id", "code"})


def name_records(value: Any, labels: dict[str, str]) -> Any:
    """``value`` (a rendered diagnosis or part of it) with each record id inside its sentences ("flow-9") replaced
    by the record's name in quotes, for a reader; the ids under "records", "id" and "code" stay (the page's anchors).
    """
    if isinstance(value, str):
        return RECORD_ID.sub(lambda m: f'"{labels[m.group(0)]}"' if m.group(0) in labels else m.group(0), value)
    if isinstance(value, dict):
        return {k: v if k in IDS_KEPT else name_records(v, labels) for k, v in value.items()}
    if isinstance(value, list):
        return [name_records(v, labels) for v in value]
    return value


def diagnosis_for_reading(partnership: Partnership, lang: str | None = None) -> dict[str, Any]:
    """``diagnosis_document`` for a page or a report: its sentences name the records instead of citing their ids.
    ``partnership`` comes with its parts (``partnership_detail`` or ``with_parts``)."""
    labels = record_labels(partnership)
    return dict(name_records(e.to_dict(e.diagnose(engine_input(partnership)), lang or get_language() or "he"), labels))


def diagnoses_for_reading(partnerships: Iterable[Partnership], lang: str) -> dict[int, dict[str, Any]]:
    """``diagnosis_for_reading`` of many partnerships (a town report's), by key: their records are read together,
    so the cost is a fixed number of queries plus the workspace's few facts of each."""
    keys = [p.pk for p in partnerships]
    out: dict[int, dict[str, Any]] = {}
    for p in with_parts(Partnership.objects.filter(pk__in=keys)):
        out[p.pk] = diagnosis_for_reading(p, lang)
    return out


def collapse_repeats(snapshots: Iterable[DiagnosisSnapshot]) -> list[DiagnosisSnapshot]:
    """The history as a reader follows it: of consecutive snapshots that read the same (rung, whether a partnership,
    exclusion), only the first, when that state was reached. (A snapshot is kept when any test's status changed, so
    the same rung could follow itself several times.)"""
    kept: list[DiagnosisSnapshot] = []
    for snap in snapshots:
        if kept and (kept[-1].rung, kept[-1].is_partnership, kept[-1].exclusion) == (
            snap.rung,
            snap.is_partnership,
            snap.exclusion,
        ):
            continue
        kept.append(snap)
    return kept


def diagnosis_context(partnership: Partnership) -> dict[str, Any]:
    """What the partnership page shows: the diagnosis in the active language, the ladder and the history."""
    lang = get_language() or "he"
    labels = record_labels(partnership)
    document = diagnosis_for_reading(partnership, lang)
    for item in [*document["tests"].values(), *document["flags"]]:
        item["evidence"] = [{"id": r, "label": labels.get(r, r)} for r in item["records"]]
    current = document["rung"]["order"]
    ladder = [
        {"order": int(r), "code": r.code, "name": info.name.in_lang(lang), "current": int(r) == current}
        for r, info in sorted(RUNGS.items())
    ]
    history = collapse_repeats(DiagnosisSnapshot.objects.filter(partnership=partnership).order_by("computed_at", "pk"))
    return {"diagnosis": document, "ladder": ladder, "rung_history": history, "Rung": Rung}
