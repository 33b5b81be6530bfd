"""The town's relationship map: page, JSON data for the canvas, wave comparison and exports (thin views)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from shutafut.accounts.decorators import town_view
from shutafut.accounts.models import Town
from shutafut.lib.choices import choices, label_of
from shutafut.model.ladder import Rung
from shutafut.model.sectors import Sector
from shutafut.network import exports, selectors
from shutafut.network.selectors import TownMap

ORGANIZATIONS_SHOWN = 50
TIES_SHOWN = 100


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


@town_view()
def network_map_view(request: HttpRequest, town: Town) -> HttpResponse:
    filters = selectors.parse_filters(request.GET, town=town)
    town_map = selectors.build_map(town, filters, layout=False)
    distribution = town_map.rung_distribution()
    rung_labels = [label_of(Rung, r) for r in Rung]
    heat = selectors.heat_map(town_map)
    sector_labels = [label_of(Sector, s) for s in selectors.SECTORS]
    organizations = selectors.organization_rows(town_map, ORGANIZATIONS_SHOWN)
    ties = selectors.tie_rows(town_map, limit=TIES_SHOWN)
    return render(
        request,
        "network/map.html",
        {
            "town": town,
            **_filter_context(town, filters),
            "summary": selectors.summary_rows(town_map),
            "ladder": list(zip(rung_labels, distribution, strict=True)),
            "ladder_chart": {"labels": rung_labels, "counts": distribution, "title": _("Pairs by rung")},
            "heat": [(label, row) for label, row in zip(sector_labels, heat, strict=True)],
            "heat_chart": {
                "labels": sector_labels,
                "counts": [[c.ties for c in row] for row in heat],
                "title": _("Ties between sectors"),
            },
            "sector_labels": sector_labels,
            "organizations": organizations,
            "organizations_more": max(0, town_map.n - len(organizations)),
            "ties": ties,
            "ties_more": max(0, int(town_map.tie_mask().sum()) - len(ties)),
            "map_strings": {
                "sectors": dict(zip(selectors.SECTORS, sector_labels, strict=True)),
                "rungs": rung_labels,
                "none": _("not given"),
                "loading": _("Drawing the map…"),
                "failed": _("The map could not be drawn; the tables below hold the same data."),
                "drawn": _("%(nodes)s organizations and %(edges)s ties drawn."),
                "sector": _("Sector"),
                "degree": _("Ties"),
                "strength": _("Strength (sum of rungs)"),
                "betweenness": _("Betweenness"),
                "closeness": _("Closeness"),
                "effective_size": _("Effective size"),
                "ties_heading": _("Ties"),
                "no_ties": _("No ties at this threshold."),
                "rung": _("Rung"),
                "domain": _("Domain"),
                "rating_by": _("Rating by %(name)s"),
            },
        },
    )


@town_view()
def network_map_data_view(request: HttpRequest, town: Town) -> JsonResponse:
    filters = selectors.parse_filters(request.GET, town=town)
    return JsonResponse(
        selectors.map_data(selectors.build_map(town, filters)), json_dumps_params={"ensure_ascii": False}
    )


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
