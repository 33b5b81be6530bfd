"""The town's relationship map: page, JSON data for the canvas, wave comparison and exports (thin views)."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from shutafut.accounts.decorators import town_view
from shutafut.accounts.models import Town
from shutafut.jobs.selectors import job_status
from shutafut.lib.choices import choices, label_of
from shutafut.model.ladder import Rung
from shutafut.model.sectors import Sector
from shutafut.network import exports, selectors, snapshots, tasks
from shutafut.network.selectors import TownMap

ORGANIZATIONS_SHOWN = tasks.ORGANIZATIONS_SHOWN
TIES_SHOWN = tasks.TIES_SHOWN


def _filter_context(town: Town, filters: selectors.MapFilters) -> dict[str, object]:
    return {
        "filters": filters,
        "query": urlencode(filters.query()),
        "threshold_choices": [(t, label_of(Rung, t)) for t in selectors.THRESHOLDS],
        "sector_choices": choices(Sector),
        "selected_sectors": filters.sectors or selectors.SECTORS,
        "domain_choices": selectors.domains_of(town, filters.wave),
        "wave_choices": selectors.wave_choices(town),
    }


def metric_glossary() -> list[dict[str, str]]:
    """The map's measures in plain words: a name, one line on what it says, and where it comes from."""
    partner, science, ours = _("PARTNER"), _("network science"), _("our proposal")
    rows = [
        ("degree", _("Ties"), _("With how many organizations it has a tie at the threshold."), partner),
        (
            "strength",
            _("Strength of ties"),
            _("The sum of the rungs of its ties: close ties count more than distant ones."),
            ours,
        ),
        (
            "betweenness",
            _("Bridging"),
            _("How often it lies on the shortest way between two other organizations (betweenness)."),
            science,
        ),
        (
            "closeness",
            _("Reach"),
            _("How few steps separate it from the other organizations of its part of the map (closeness)."),
            partner,
        ),
        (
            "effective_size",
            _("Non-redundant ties"),
            _("How many of its partners are not tied to each other: reach into separate circles (Burt's formula)."),
            partner,
        ),
        ("density", _("Density"), _("The share of all possible pairs that have a tie."), partner),
        (
            "degree_centralization",
            _("Concentration"),
            _("1 when the whole map hangs on one organization (a star), 0 when all are equally connected."),
            partner,
        ),
        ("mean_rung", _("Mean rung"), _("The average rung of the ties, on our ladder."), ours),
        (
            "ei_index",
            _("Openness across sectors"),
            _("From −1 (ties only within sectors) to +1 (ties only across sectors): the E–I index."),
            science,
        ),
        ("components", _("Separate groups"), _("Parts of the map with no tie between them."), science),
    ]
    return [{"key": k, "name": str(n), "explanation": str(e), "source": str(src)} for k, n, e, src in rows]


def _figure_context(figures: dict[str, Any]) -> dict[str, object]:
    rung_labels = [label_of(Rung, r) for r in Rung]
    sector_labels = [label_of(Sector, s) for s in selectors.SECTORS]
    distribution = [int(x) for x in figures["distribution"]]
    heat = figures["heat"]
    return {
        "summary": figures["summary"],
        "ladder": list(zip(rung_labels, distribution, strict=True)),
        "ladder_chart": {"labels": rung_labels, "counts": distribution, "title": _("Pairs by rung")},
        "heat": list(zip(sector_labels, heat, strict=True)),
        "heat_chart": {
            "labels": sector_labels,
            "counts": [[c["ties"] for c in row] for row in heat],
            "title": _("Ties between sectors"),
        },
        "organizations": figures["organizations"],
        "organizations_more": figures["organizations_more"],
        "ties": figures["ties"],
        "ties_more": figures["ties_more"],
    }


@town_view()
def network_map_view(request: HttpRequest, town: Town) -> HttpResponse:
    """The map page. A large town's figures come from the map's job (computed by a worker, kept per data version);
    while it runs the page says so, with its progress, and reloads itself when the map is ready."""
    filters = selectors.parse_filters(request.GET, town=town)
    context: dict[str, object] = {"town": town, **_filter_context(town, filters)}
    figures: dict[str, Any] | None
    if snapshots.needs_worker(town):
        state = snapshots.map_state(
            town, filters, user=request.user, retry_failed=True, back_url=request.get_full_path()
        )
        figures = state.figures() if state.ready else None
        context["job"] = job_status(state.job)
    else:
        town_map = selectors.build_map(town, filters)
        figures = selectors.page_figures(town_map, organizations=ORGANIZATIONS_SHOWN, ties=TIES_SHOWN)
    if figures:
        context.update(_figure_context(figures))
    glossary = metric_glossary()
    sector_labels = [label_of(Sector, s) for s in selectors.SECTORS]
    context["glossary"] = glossary
    context["sector_labels"] = sector_labels
    context["map_strings"] = {
        "sectors": dict(zip(selectors.SECTORS, sector_labels, strict=True)),
        "rungs": [label_of(Rung, r) for r in Rung],
        "metrics": {g["key"]: g for g in glossary},
        "none": _("not given"),
        "loading": _("Drawing the map…"),
        "computing": _("The map of this town is being computed by a worker: %(percent)s."),
        "waiting": _("The map waits for a worker to compute it."),
        "failed": _("The map could not be drawn; the tables below hold the same data."),
        "drawn": _("%(nodes)s organizations and %(edges)s ties drawn."),
        "labels_note": _("Names shown: the %(n)s most connected organizations; point at a circle for the others."),
        "sector": _("Sector"),
        "ties_heading": _("Ties"),
        "no_ties": _("No ties at this threshold."),
        "rung": _("Rung"),
        "domain": _("Domain"),
        "rating_by": _("Rating by %(name)s"),
        "why": _("Why this rung"),
    }
    return render(request, "network/map.html", context)


@town_view()
def network_map_data_view(request: HttpRequest, town: Town) -> HttpResponse:
    """The drawing's data. A large town's map is never computed here: the stored JSON of its job is served as
    it is, or, while a worker computes it, the job's status (HTTP 202) for the page to show and poll."""
    filters = selectors.parse_filters(request.GET, town=town)
    if not snapshots.needs_worker(town):
        data = selectors.map_data(selectors.build_map(town, filters))
        data["status"] = "ready"
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    back = reverse("network-map", kwargs={"town": town.slug}) + "?" + urlencode(filters.query())
    state = snapshots.map_state(town, filters, user=request.user, retry_failed=False, back_url=back)
    if state.ready:
        body = state.data_gzip()
        if "gzip" not in request.headers.get("Accept-Encoding", ""):
            return HttpResponse(gzip.decompress(body), content_type="application/json")
        response = HttpResponse(body, content_type="application/json")
        response["Content-Encoding"] = "gzip"
        response["Vary"] = "Accept-Encoding"
        return response
    return JsonResponse(job_status(state.job), status=200 if state.failed else 202)


@town_view()
def network_compare_view(request: HttpRequest, town: Town) -> HttpResponse:
    waves = selectors.wave_choices(town)
    raw_from, raw_to = request.GET.get("from", ""), request.GET.get("to", "")
    filters = selectors.parse_filters(request.GET, town=town)
    context: dict[str, object] = {"town": town, "waves": waves, "threshold": filters.threshold}
    context["threshold_choices"] = [(t, label_of(Rung, t)) for t in selectors.THRESHOLDS]
    after_wave = None
    if raw_from and raw_to:
        before = selectors.town_wave(town, raw_from)
        after_wave = selectors.town_wave(town, raw_to)
        comparison = selectors.compare(town, before, after_wave, threshold=filters.threshold)
        res = comparison.result
        context.update(
            {
                "before": before,
                "after": after_wave,
                "comparison": comparison,
                "climbed": comparison.pairs(res.climbed),
                "fell": comparison.pairs(res.fell),
                "new_ties": comparison.pairs(res.new_ties),
                "lost_ties": comparison.pairs(res.lost_ties),
                "joined": [comparison.names[x] for x in res.joined],
                "left": [comparison.names[x] for x in res.left],
                "deltas": [
                    (_delta_label(key), res.summary_before.get(key), res.summary_after.get(key), value)
                    for key, value in res.deltas.items()
                    if key not in ("n_nodes",)
                ],
            }
        )
    gap_map = selectors.build_map(
        town, selectors.MapFilters(threshold=filters.threshold, wave=after_wave), layout=False
    )
    gap_rows, gaps = selectors.target_gap_rows(gap_map)
    context.update({"gap_rows": gap_rows, "gaps": gaps, "gap_wave": after_wave})
    context["rung_labels"] = {int(r): label_of(Rung, r) for r in Rung}
    return render(request, "network/compare.html", context)


def _delta_label(key: str) -> str:
    labels = {
        "n_ties": _("Ties"),
        "density": _("Density"),
        "density_undirected": _("Density (undirected)"),
        "mean_level_over_ties": _("Mean rung over ties"),
        "mean_level_over_all_pairs": _("Mean rung over all pairs"),
        "mean_degree": _("Mean number of ties per organization"),
        "degree_centralization": _("Degree centralization"),
        "ei_index": _("E–I index (sectors)"),
        "share_at_or_above_top": _("Share of ties at cooperation or partnership"),
        "arc_reciprocity": _("Reciprocity (arcs)"),
        "dyad_reciprocity": _("Reciprocity (pairs)"),
    }
    return labels.get(key, key)


def _export(render_map: Callable[[TownMap], bytes], content_type: str, suffix: str) -> Callable[..., HttpResponse]:
    @town_view()
    def view(request: HttpRequest, town: Town) -> HttpResponse:
        filters = selectors.parse_filters(request.GET, town=town)
        body = render_map(selectors.build_map(town, filters, layout=False))
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{town.slug}-{suffix}"'
        return response

    return view


export_graphml_view = _export(exports.graphml, "application/graphml+xml; charset=utf-8", "map.graphml")
export_gexf_view = _export(exports.gexf, "application/gexf+xml; charset=utf-8", "map.gexf")
export_nodes_csv_view = _export(exports.nodes_csv, "text/csv; charset=utf-8", "nodes.csv")
export_ties_csv_view = _export(exports.ties_csv, "text/csv; charset=utf-8", "ties.csv")
export_xlsx_view = _export(
    exports.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "map.xlsx"
)
