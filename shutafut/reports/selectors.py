"""Reads of the reports app: what the partnership report, the town report, the public page and the national
view show. Each returns plain data (dicts, lists, numbers) in the active language; templates only lay it out.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

import igraph as ig
from django.db.models import Avg, Count, F, Q, Sum
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from shutafut.accounts.models import Town
from shutafut.diagnosis.models import DiagnosisSnapshot
from shutafut.diagnosis.services import diagnoses_for_reading, diagnosis_for_reading
from shutafut.lib.choices import label_of
from shutafut.lib.privacy import MIN_GROUP
from shutafut.model.ladder import RUNGS, Rung
from shutafut.model.lifecycle import Stage
from shutafut.model.resources import ResourceType
from shutafut.model.sectors import Sector
from shutafut.network import metrics
from shutafut.organizations.models import Organization
from shutafut.partnerships.models import FlowKind, Partnership
from shutafut.partnerships.selectors import partnership_detail
from shutafut.relationships.models import Relationship
from shutafut.reports.charts import bar_chart, network_map
from shutafut.reports.models import FundingFlow, LocalAuthority, authority_key
from shutafut.surveys.models import Rating, Wave
from shutafut.workspace import selectors as workspace_selectors

TIE_RUNG = int(Rung.INFORMING)
MAP_NODES = 150
"""The town report's map draws at most this many organizations (the most connected) and the ties among them."""
ISOLATES_SHOWN = 30
"""The town report names at most this many isolated organizations and counts the rest."""
"""A tie counts in the map, the brokers and the isolates from this rung up (informing and above)."""
SECTORS = tuple(Sector)


def _lang() -> str:
    return get_language() or "he"


def rung_name(order: int) -> str:
    return RUNGS[Rung(order)].name.in_lang(_lang())


def sector_name(code: str) -> str:
    return label_of(Sector, code)


# --- partnership report ---------------------------------------------------------------------------------------


def _health(partnership: Partnership, org_ids: set[int]) -> dict[str, Any] | None:
    """Mean survey ratings (1-4) among the members, in the latest wave where members rated each other; only from
    ``MIN_GROUP`` respondents up (``n`` and ``suppressed`` say so otherwise)."""
    ratings = Rating.objects.filter(rater_id__in=org_ids, rated_id__in=org_ids, wave__town_id=partnership.town_id)
    wave_id = ratings.order_by("-wave__created_at", "-wave_id").values_list("wave_id", flat=True).first()
    if wave_id is None:
        return None
    items = {
        "trust_reliability": _("reliable"),
        "trust_mission": _("supports the shared mission"),
        "trust_openness": _("open to discussion"),
        "value_power": _("power and influence"),
        "value_involvement": _("level of involvement"),
        "value_resources": _("resources it contributes"),
    }
    qs = ratings.filter(wave_id=wave_id)
    means = qs.aggregate(
        n=Count("pk"), respondents=Count("link", distinct=True), rung=Avg("rung"), **{k: Avg(k) for k in items}
    )
    wave = Wave.objects.get(pk=wave_id)
    suppressed = means["respondents"] < MIN_GROUP
    return {
        "wave": wave.name,
        "n": means["n"],
        "suppressed": suppressed,
        "min_group": MIN_GROUP,
        "rung": None if suppressed else means["rung"],
        "items": []
        if suppressed
        else [{"label": label, "mean": means[k]} for k, label in items.items() if means[k] is not None],
    }


def _record_facts(p: Partnership) -> dict[str, Any]:
    """What both the partnership report and the public page show, from the records alone (``p`` as
    ``partnership_detail`` gives it: no further query): members, pledged resources, decisions, activities and
    progress."""
    members = list(p.members.all())
    flows = list(p.flows.all())
    pledged: dict[str, dict[str, Decimal | int]] = {}
    by_sector: Counter[str] = Counter()
    for f in flows:
        if f.kind != FlowKind.PLEDGE:
            continue
        row = pledged.setdefault(f.resource_type, {"count": 0, "value": Decimal(0)})
        row["count"] += 1
        if f.value is not None and f.unit in ("", "NIS", 'ש"ח', "₪", 'ש"ח'):
            row["value"] += f.value
        by_sector[f.giver.organization.sector] += 1
    deliveries = [f for f in flows if f.kind == FlowKind.DELIVERY]
    fulfilled = {f.fulfils_id for f in deliveries if f.fulfils_id is not None}
    pledges = [f for f in flows if f.kind == FlowKind.PLEDGE]
    activities = list(p.activities.all())
    resource_rows = sorted(
        ({"label": label_of(ResourceType, k), **v} for k, v in pledged.items()), key=lambda r: -int(r["count"])
    )
    return {
        "partnership": p,
        "stage": label_of(Stage, p.stage),
        "members": [
            {
                "name": m.organization.display_name(_lang()),
                "sector": sector_name(m.organization.sector),
                "roles": m.role_labels,
            }
            for m in members
        ],
        "resources": resource_rows,
        "resources_by_sector": [{"label": sector_name(s), "count": by_sector.get(s, 0)} for s in SECTORS],
        "decisions": list(p.decisions.all()),
        "activities": activities,
        "progress": {
            "pledges": len(pledges),
            "fulfilled": sum(1 for f in pledges if f.pk in fulfilled),
            "deliveries": len(deliveries),
            "activities": len(activities),
            "beneficiaries": sum(a.beneficiaries_count or 0 for a in activities),
            "documents": len(p.documents.all()),
        },
    }


def partnership_report(partnership: Partnership) -> dict[str, Any]:
    """Everything the partnership report shows: goals, members, resources, decisions, diagnosis, principles,
    ratings between members, outcomes, the health survey from survey to survey, and progress."""
    p = partnership_detail(partnership)
    facts = _record_facts(p)
    trend = workspace_selectors.health_trend(p)
    return {
        **facts,
        "resources_chart": bar_chart(
            [(str(r["label"]), int(r["count"])) for r in facts["resources"]], title=_("Pledges by resource type")
        ),
        "diagnosis": diagnosis_for_reading(p, _lang()),
        "health": _health(p, {m.organization_id for m in p.members.all()}),
        "outcomes": workspace_selectors.outcomes_view(p),
        "health_trend": trend,
        "principle_trend": workspace_selectors.principle_trend(trend),
    }


def public_partnership(partnership: Partnership) -> dict[str, Any]:
    """The public page: goals, partners (organizations only), pledged resources by type, decision summaries,
    milestones and progress. No person, no contact, no representative; and nothing is computed from surveys or
    the diagnosis, which the page does not show (an anonymous visitor's request costs the records' reading only)."""
    facts = _record_facts(partnership_detail(partnership))
    return {
        "partnership": facts["partnership"],
        "stage": facts["stage"],
        "partners": [{"name": m["name"], "sector": m["sector"]} for m in facts["members"]],
        "resources": facts["resources"],
        "decisions": [{"date": d.date, "subject": d.subject, "outcome": d.outcome} for d in facts["decisions"]],
        "milestones": [{"date": a.date, "title": a.title} for a in facts["activities"]],
        "progress": facts["progress"],
    }


# --- town report ----------------------------------------------------------------------------------------------


def _latest_snapshots(town_ids: list[int]) -> dict[int, DiagnosisSnapshot]:
    latest: dict[int, DiagnosisSnapshot] = {}
    for snap in DiagnosisSnapshot.objects.filter(partnership__town_id__in=town_ids).order_by("computed_at", "pk"):
        latest[snap.partnership_id] = snap
    return latest


def _betweenness(graph: ig.Graph) -> list[float]:
    """Betweenness of every organization: exact up to ``metrics.EXACT_LIMIT`` organizations, above it estimated
    from ``metrics.SAMPLE_SIZE`` sampled sources as the map does (a city's exact figure took 5 s of the report)."""
    n = graph.vcount()
    if n <= metrics.EXACT_LIMIT:
        return [float(x) for x in graph.betweenness()] if n else []
    sources = metrics.sample_sources(n, metrics.SAMPLE_SIZE, metrics.SEED)
    scale = n / len(sources)
    return [float(x) * scale for x in graph.betweenness(sources=sources.tolist())]


def town_report(town: Town) -> dict[str, Any]:
    """The state of the cross-sector interface in ``town``."""
    lang = _lang()
    orgs = list(Organization.objects.filter(town=town).only("pk", "name", "name_en", "sector"))
    rels = list(Relationship.objects.filter(town=town).values("org_a_id", "org_b_id", "rung", "wave_id"))
    by_rung = Counter(r["rung"] for r in rels)
    ladder: list[dict[str, Any]] = [
        {"order": int(r), "name": rung_name(int(r)), "count": by_rung.get(int(r), 0)} for r in Rung
    ]
    sector_of = {o.pk: o.sector for o in orgs}

    # Sector mixing: ties at TIE_RUNG and above, per pair of sectors.
    mix: Counter[tuple[str, str]] = Counter()
    ties = [(r["org_a_id"], r["org_b_id"]) for r in rels if r["rung"] >= TIE_RUNG]
    for a, b in ties:
        pair = tuple(sorted((sector_of.get(a, ""), sector_of.get(b, ""))))
        mix[(pair[0], pair[1])] += 1
    cross = sum(n for (x, y), n in mix.items() if x != y)
    mixing = [
        {
            "sector": sector_name(s),
            "cells": [mix.get((min(s, t), max(s, t)), 0) for t in SECTORS],
        }
        for s in SECTORS
    ]

    # Brokers and isolates on the tie graph.
    index = {o.pk: i for i, o in enumerate(orgs)}
    edges = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in ties if a in index and b in index})
    graph = ig.Graph(n=len(orgs), edges=edges)
    betweenness = _betweenness(graph)
    degree = graph.degree() if orgs else []
    brokers = sorted(
        (
            {"name": o.display_name(lang), "sector": sector_name(o.sector), "score": betweenness[i], "ties": degree[i]}
            for i, o in enumerate(orgs)
            if betweenness[i] > 0
        ),
        key=lambda b: -float(b["score"]),
    )[:5]
    isolated = [i for i in range(len(orgs)) if not degree[i]]
    isolates = [
        {"name": orgs[i].display_name(lang), "sector": sector_name(orgs[i].sector)} for i in isolated[:ISOLATES_SHOWN]
    ]
    # The report summarizes (issue 10: a town of 20,000 organizations stays under 300 KB of HTML): the map draws
    # the MAP_NODES most connected organizations and the ties among them, the isolates are counted and the first
    # ISOLATES_SHOWN named; the full lists are the map's page and the organizations' paged list.
    on_map = sorted((i for i in range(len(orgs)) if degree[i]), key=lambda i: (-degree[i], orgs[i].pk))[:MAP_NODES]
    if len(orgs) <= MAP_NODES:
        on_map = list(range(len(orgs)))
    on_map.sort()
    kept = {i: k for k, i in enumerate(on_map)}
    map_edges = [(kept[a], kept[b]) for a, b in edges if a in kept and b in kept]

    # Partnerships by stage and diagnosed rung, and their flags.
    partnerships = list(Partnership.objects.filter(town=town).order_by("name"))
    snaps = _latest_snapshots([town.pk])
    stage_rows: dict[str, Counter[int]] = defaultdict(Counter)
    for p in partnerships:
        snap = snaps.get(p.pk)
        stage_rows[p.stage][snap.rung if snap else -1] += 1
    by_stage = [
        {
            "stage": label_of(Stage, s),
            "cells": [stage_rows[s].get(int(r), 0) for r in Rung],
            "undiagnosed": stage_rows[s].get(-1, 0),
        }
        for s in Stage
        if s in stage_rows
    ]
    flags = []
    documents = diagnoses_for_reading(partnerships, lang)
    for p in partnerships:
        for flag in documents[p.pk]["flags"]:
            flags.append({"partnership": p.name, "severity": flag["severity"], "message": flag["message"]})
        if snaps.get(p.pk) and not snaps[p.pk].is_partnership and p.stage not in (Stage.IDEA, Stage.INITIATION):
            flags.append(
                {
                    "partnership": p.name,
                    "severity": "warning",
                    "message": _("Called a partnership, but diagnosed as %(rung)s.")
                    % {"rung": rung_name(snaps[p.pk].rung)},
                }
            )
    funding = (
        FundingFlow.objects.filter(town=town)
        .values("funder__name", "year")
        .annotate(total=Sum("amount"), recipients=Count("recipient", distinct=True))
        .order_by("-year", "-total")[:15]
    )
    return {
        "town": town,
        "town_name": town.display_name(lang),
        "n_organizations": len(orgs),
        "n_relationships": len(rels),
        "by_sector": [{"label": sector_name(s), "count": sum(1 for o in orgs if o.sector == s)} for s in SECTORS],
        "ladder": ladder,
        "ladder_chart": bar_chart(
            [(str(row["name"]), int(str(row["count"]))) for row in ladder], title=_("Relationships by rung")
        ),
        "sectors": [sector_name(s) for s in SECTORS],
        "mixing": mixing,
        "n_ties": len(ties),
        "cross_share": cross / len(ties) if ties else None,
        "map": network_map(
            [(orgs[i].display_name(lang), orgs[i].sector) for i in on_map],
            map_edges,
            title=_("The town's relationship map: %(organizations)s organizations, %(ties)s ties drawn")
            % {"organizations": len(on_map), "ties": len(map_edges)},
        ),
        "map_shown": len(on_map),
        "brokers": brokers,
        "brokers_sampled": len(orgs) > metrics.EXACT_LIMIT,
        "brokers_sample": metrics.SAMPLE_SIZE,
        "isolates": isolates,
        "n_isolates": len(isolated),
        "rungs": [rung_name(int(r)) for r in Rung],
        "by_stage": by_stage,
        "n_partnerships": len(partnerships),
        "flags": flags,
        "waves": wave_change(town),
        "outcomes": workspace_selectors.town_outcomes(town.pk),
        "health_trends": workspace_selectors.town_health_trends(town.pk),
        "funding": list(funding),
        "tie_rung": rung_name(TIE_RUNG),
    }


def wave_change(town: Town) -> dict[str, Any] | None:
    """The ladder distribution of the last two survey waves with answers, and the change between them."""
    waves = list(
        Wave.objects.filter(town=town).annotate(n=Count("ratings")).filter(n__gt=0).order_by("-created_at", "-pk")[:2]
    )
    if len(waves) < 2:
        return None
    current, previous = waves
    counts = {
        w.pk: Counter(
            dict(Rating.objects.filter(wave=w).values_list("rung").annotate(n=Count("pk")).values_list("rung", "n"))
        )
        for w in waves
    }
    rows = []
    for r in Rung:
        now, before = counts[current.pk].get(int(r), 0), counts[previous.pk].get(int(r), 0)
        rows.append({"name": rung_name(int(r)), "previous": before, "current": now, "change": now - before})
    return {"current": current.name, "previous": previous.name, "rows": rows}


# --- national view --------------------------------------------------------------------------------------------


def national_overview() -> dict[str, Any]:
    """Aggregates per town and per cluster; nothing below a town's totals crosses town lines."""
    towns = list(Town.objects.order_by("name"))
    authorities = {authority_key(a.code): a for a in LocalAuthority.objects.all()}
    town_ids = [t.pk for t in towns]
    snaps = _latest_snapshots(town_ids)
    p_rows = Partnership.objects.filter(town_id__in=town_ids).values_list("pk", "town_id")
    p_by_rung: dict[int, Counter[int]] = defaultdict(Counter)
    for pk, town_id in p_rows:
        snap = snaps.get(pk)
        p_by_rung[town_id][snap.rung if snap else -1] += 1
    flagged: Counter[int] = Counter()
    for pk, town_id in p_rows:
        snap = snaps.get(pk)
        if snap is not None and not snap.is_partnership:
            flagged[town_id] += 1
    ties = (
        Relationship.objects.filter(town_id__in=town_ids, rung__gte=TIE_RUNG)
        .values("town_id")
        .annotate(n=Count("pk"), cross=Count("pk", filter=~Q(org_a__sector=F("org_b__sector"))))
    )
    tie_counts = {row["town_id"]: (row["n"], row["cross"]) for row in ties}
    rows = []
    for t in towns:
        authority = authorities.get(authority_key(t.authority_code)) if t.authority_code else None
        n, cross = tie_counts.get(t.pk, (0, 0))
        rows.append(
            {
                "town": t.display_name(_lang()),
                "authority": authority,
                "ses": authority.ses_cluster if authority else None,
                "periphery": authority.peripherality_cluster if authority else None,
                "by_rung": [p_by_rung[t.pk].get(int(r), 0) for r in Rung],
                "partnerships": sum(p_by_rung[t.pk].values()),
                "ties": n,
                "cross": cross,
                "cross_share": cross / n if n else None,
                "flags": flagged[t.pk],
            }
        )
    return {
        "rungs": [rung_name(int(r)) for r in Rung],
        "towns": rows,
        "by_ses": _by_cluster(rows, "ses"),
        "by_periphery": _by_cluster(rows, "periphery"),
        "authorities": sorted(authorities.values(), key=lambda a: a.name),
        "n_authorities": len(authorities),
    }


def _by_cluster(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row[key] is not None:
            groups[row[key]].append(row)
    out = []
    for cluster in sorted(groups):
        members = groups[cluster]
        n = sum(r["ties"] for r in members)
        cross = sum(r["cross"] for r in members)
        out.append(
            {
                "cluster": cluster,
                "towns": len(members),
                "by_rung": [sum(r["by_rung"][i] for r in members) for i in range(len(Rung))],
                "partnerships": sum(r["partnerships"] for r in members),
                "cross_share": cross / n if n else None,
                "flags": sum(r["flags"] for r in members),
            }
        )
    return out


def percent(value: float | None) -> str:
    return "–" if value is None or math.isnan(value) else f"{value * 100:.0f}%"
