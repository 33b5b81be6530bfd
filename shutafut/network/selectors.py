"""Reads of the relationship map: the town's graph as numpy arrays, and its metrics (shutafut.network.metrics).

Conventions (shown on the page and in docs/network-metrics.md's vocabulary):

* **Which relationships**: the town's recorded relationships (``wave`` empty), or those of one survey wave
  (``Relationship.wave``). Of a pair's rows in one domain only the latest observation counts (``observed_on``,
  then ``pk``).
* **One level per pair**: a pair related in several domains stands at the **highest rung** among the selected
  domains (all domains when none is selected). Pairs are unordered; the map is undirected.
* **Levels**: rungs as numbers with competition counted as 0 (``CompetitionRule.AS_ZERO``, the metrics'
  default): rivalry is never a tie. A tie is a pair at or above the threshold (a rung, 2 = informing .. 5).
* **Organizations**: every organization of the town, or the wave's roster (``Wave.organizations``; the whole
  town when the roster is empty). The sector filter keeps the organizations of the chosen sectors and the
  pairs between them (the induced map).
* **Directed ratings** (waves only): both ``Rating`` directions of each pair; several respondents of one
  organization about the same partner count as the highest rung they gave (roll-up ``max``).

Queries: one for organizations, one for relationships (plus one for ratings when a wave is chosen).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Q
from django.http import Http404
from django.utils.translation import get_language, gettext

from shutafut.accounts.models import Town
from shutafut.lib.choices import label_of
from shutafut.model.ladder import CompetitionRule, Rung
from shutafut.model.sectors import Sector
from shutafut.network import metrics
from shutafut.network.aggregate import numeric_levels
from shutafut.network.graph import FloatArray, IntArray, Pairs, max_rung_pairs, preset_layout
from shutafut.network.metrics import BoolArray
from shutafut.organizations.models import Organization
from shutafut.relationships.models import Relationship
from shutafut.surveys.models import Wave
from shutafut.surveys.selectors import counted_ratings

SECTORS: tuple[str, ...] = tuple(s.value for s in Sector)
"""Sector codes in the map's fixed order (rows and columns of the heat map)."""
THRESHOLDS: tuple[int, ...] = (
    int(Rung.INFORMING),
    int(Rung.COORDINATION),
    int(Rung.COOPERATION),
    int(Rung.PARTNERSHIP),
)
DEFAULT_THRESHOLD = int(Rung.INFORMING)
PAGE_THRESHOLD = int(Rung.COORDINATION)
"""The map page's threshold when none is chosen (issue 12): on the 64-organization demo, informing gives 258 ties
(a hairball), coordination 158 with one isolate, cooperation 71 in seven pieces. Coordination is also where
working together begins on the ladder; informing stays one click away."""
TOP_LEVEL = float(Rung.COOPERATION)
"""Cut-off of the "share of ties at the top two rungs" (cooperation and partnership)."""


@dataclass(frozen=True, slots=True)
class MapFilters:
    threshold: int = DEFAULT_THRESHOLD
    sectors: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    wave: Wave | None = None

    def query(self) -> list[tuple[str, str]]:
        """The filters as query-string pairs (for links to exports and the data endpoint)."""
        out = [("threshold", str(self.threshold))]
        out += [("sector", s) for s in self.sectors]
        out += [("domain", d) for d in self.domains]
        if self.wave is not None:
            out.append(("wave", str(self.wave.pk)))
        return out


def town_wave(town: Town, value: object) -> Wave:
    """The town's wave with this id; a missing wave and another town's wave give the same ``Http404``."""
    try:
        pk = int(str(value))
    except ValueError:
        raise Http404 from None
    wave = Wave.objects.filter(town=town, pk=pk).first()
    if wave is None:
        raise Http404
    return wave


def parse_filters(params: Mapping[str, object], *, town: Town) -> MapFilters:
    """Read ``threshold``, ``sector`` (repeatable), ``domain`` (repeatable) and ``wave`` from a QueryDict.

    Unknown thresholds fall back to the page's default (``PAGE_THRESHOLD``) and unknown sectors are ignored; a
    wave that is not the town's is a 404 (through ``town_wave``).
    """
    getlist = getattr(params, "getlist", None)

    def values(key: str) -> list[str]:
        if getlist is not None:
            return [str(v).strip() for v in getlist(key) if str(v).strip()]
        raw = params.get(key)
        return [str(raw).strip()] if raw else []

    raw_threshold = (values("threshold") or [""])[0]
    threshold = int(raw_threshold) if raw_threshold.isdigit() and int(raw_threshold) in THRESHOLDS else None
    sectors = tuple(s for s in SECTORS if s in set(values("sector")))
    domains = tuple(dict.fromkeys(values("domain")))
    wave_raw = (values("wave") or [""])[0]
    wave = town_wave(town, wave_raw) if wave_raw else None
    return MapFilters(
        threshold=threshold if threshold is not None else PAGE_THRESHOLD,
        sectors=sectors if len(sectors) < len(SECTORS) else (),
        domains=domains,
        wave=wave,
    )


@dataclass(frozen=True, slots=True)
class Org:
    id: int
    name: str
    sector: str


@dataclass(frozen=True, slots=True, eq=False)
class TownMap:
    """The selected map: organizations (node order), pairs (all rungs), the network and its metrics."""

    filters: MapFilters
    orgs: tuple[Org, ...]
    pairs: Pairs
    domain: tuple[str, ...]
    """The domain of the row that gave each pair its rung."""
    target_rung: IntArray
    """Per pair: the highest target rung among its selected rows, or -1 when none is set."""
    network: metrics.Network
    report: metrics.NetworkReport
    ratings: Mapping[tuple[int, int], int] = field(default_factory=dict)
    """Wave maps: (rater index, rated index) → rung (roll-up max). Empty for recorded maps."""
    positions: FloatArray | None = None
    """Server-side layout ``(n, 2)`` when the map's task computed it (large towns), else ``None``."""

    @property
    def n(self) -> int:
        return len(self.orgs)

    def tie_mask(self) -> BoolArray:
        """Pairs that are ties at the threshold (competition is never one)."""
        return np.asarray(self.network.level >= self.filters.threshold)

    def rung_distribution(self) -> list[int]:
        """Number of selected pairs at each rung 0..5 (the ladder distribution; every rung, not only ties)."""
        return [int(x) for x in np.bincount(self.pairs.rung, minlength=len(Rung))[: len(Rung)]]


def domains_of(town: Town, wave: Wave | None = None) -> list[str]:
    """The distinct non-empty domains of the town's recorded relationships (or of a wave), sorted."""
    qs = Relationship.objects.filter(town=town)
    qs = qs.filter(wave=wave) if wave is not None else qs.filter(wave__isnull=True)
    return sorted({d for d in qs.exclude(domain="").values_list("domain", flat=True).distinct()})


def _org_rows(town: Town, filters: MapFilters) -> list[Org]:
    lang = get_language() or "he"
    qs = Organization.objects.filter(town=town)
    if filters.wave is not None:
        roster = Organization.objects.filter(town=town, waves=filters.wave)
        if roster.exists():
            qs = roster
    if filters.sectors:
        qs = qs.filter(sector__in=filters.sectors)
    rows = qs.order_by("pk").values_list("pk", "name", "name_en", "sector")
    return [
        Org(pk, name_en if lang.startswith("en") and name_en else name, sector) for pk, name, name_en, sector in rows
    ]


def build_map(town: Town, filters: MapFilters, *, layout: bool = False) -> TownMap:
    """Read the selected map and compute its metrics (see the module docstring for every convention).

    ``layout=True`` also places the organizations (``graph.preset_layout``, seconds on a city): only the map's
    task does that (``network.tasks``), never a request."""
    orgs = _org_rows(town, filters)
    index = {o.id: i for i, o in enumerate(orgs)}
    n = len(orgs)
    rel = Relationship.objects.filter(town=town)
    rel = rel.filter(wave=filters.wave) if filters.wave is not None else rel.filter(wave__isnull=True)
    if filters.domains:
        rel = rel.filter(domain__in=filters.domains)
    if filters.sectors:
        rel = rel.filter(org_a__sector__in=filters.sectors, org_b__sector__in=filters.sectors)
    latest: dict[tuple[int, int, str], tuple[int, str, int | None]] = {}
    for a_id, b_id, rung, domain, target in rel.order_by("observed_on", "pk").values_list(
        "org_a_id", "org_b_id", "rung", "domain", "target_rung"
    ):
        a, b = index.get(a_id), index.get(b_id)
        if a is None or b is None or a == b:
            continue
        latest[(min(a, b), max(a, b), domain)] = (rung, domain, target)
    keys = list(latest)
    a_arr = np.array([k[0] for k in keys], dtype=np.int64)
    b_arr = np.array([k[1] for k in keys], dtype=np.int64)
    values = [latest[k] for k in keys]
    rung_arr = np.array([v[0] for v in values], dtype=np.int64)
    pairs = max_rung_pairs(a_arr, b_arr, rung_arr, max(n, 1))
    pair_domains = tuple(values[int(r)][1] for r in pairs.row)
    # highest target over the pair's selected rows
    target_by_pair: dict[tuple[int, int], int] = {}
    for (a, b, _), (_, _, target) in latest.items():
        if target is not None:
            target_by_pair[(a, b)] = max(target, target_by_pair.get((a, b), -1))
    target_rung = np.array(
        [target_by_pair.get((int(s), int(t)), -1) for s, t in zip(pairs.source, pairs.target, strict=True)],
        dtype=np.int64,
    )
    ratings: dict[tuple[int, int], int] = {}
    if filters.wave is not None:
        rq = counted_ratings(filters.wave)  # not the answers of a revoked link or of someone taken off the roster
        if filters.domains:
            rq = rq.filter(Q(domain__in=filters.domains) | Q(domain=""))
        for rater, rated, rung in rq.values_list("rater_id", "rated_id", "rung"):
            i, j = index.get(rater), index.get(rated)
            if i is not None and j is not None:
                ratings[(i, j)] = max(rung, ratings.get((i, j), -1))
    network = metrics.Network.build(
        [str(o.id) for o in orgs],
        pairs.source,
        pairs.target,
        numeric_levels(pairs.rung, CompetitionRule.AS_ZERO),
        directed=False,
        groups=[o.sector if o.sector in SECTORS else None for o in orgs],
        group_labels=SECTORS,
    )
    th = float(filters.threshold)
    report = metrics.analyze(network, th, levels=[float(x) for x in THRESHOLDS], top_level=TOP_LEVEL)
    positions = None
    if layout:
        s, t, _ = network.ties(th)
        positions = preset_layout(n, s, t)
    return TownMap(
        filters=filters,
        orgs=tuple(orgs),
        pairs=pairs,
        domain=pair_domains,
        target_rung=target_rung,
        ratings=ratings,
        network=network,
        report=report,
        positions=positions,
    )


def _num(x: float) -> float | None:
    """JSON has no NaN: undefined values are ``None``."""
    return None if np.isnan(x) else float(x)


def map_data(town_map: TownMap) -> dict[str, object]:
    """The data endpoint's JSON: nodes with their metrics (and preset positions), ties with their ratings."""
    nodes = map_data_nodes(town_map)
    xy = np.round(town_map.positions, 1).tolist() if town_map.positions is not None else None
    for i, node in enumerate(nodes):
        node["id"] = str(node["id"])
        del node["component"]
        if xy is not None:
            node["x"], node["y"] = xy[i]
    edges = []
    p = town_map.pairs
    ids = [str(o.id) for o in town_map.orgs]
    ties = np.flatnonzero(town_map.tie_mask())
    for k, s, t, rung in zip(
        ties.tolist(), p.source[ties].tolist(), p.target[ties].tolist(), p.rung[ties].tolist(), strict=True
    ):
        edge: dict[str, object] = {"source": ids[s], "target": ids[t], "rung": rung, "domain": town_map.domain[k]}
        if town_map.filters.wave is not None:
            edge["rating_source_to_target"] = town_map.ratings.get((s, t))
            edge["rating_target_to_source"] = town_map.ratings.get((t, s))
            explanation = pair_explanation(rung, town_map.ratings.get((s, t)), town_map.ratings.get((t, s)))
            if explanation:
                edge["explanation"] = explanation
        edges.append(edge)
    return {
        "threshold": town_map.filters.threshold,
        "preset_layout": town_map.positions is not None,
        "summary": summary_rows(town_map),
        "nodes": nodes,
        "edges": edges,
    }


def pair_explanation(shown: int, one: int | None, other: int | None) -> str:
    """In words, why a wave's pair shows ``shown`` when its two sides rated it ``one`` and ``other`` differently
    (or one side did not answer); empty when they agree. The convention is the one closing a survey stores
    (shutafut.surveys.services: the lower of the two ratings; a missing side takes the counterpart's)."""
    if one == other:
        return ""
    if one is None or other is None:
        given = one if other is None else other
        return gettext(
            "Only one side rated this pair: “%(given)s”. Shown: “%(shown)s”, the rating of the side that answered."
        ) % {"given": _rung_word(given), "shown": _rung_word(shown)}
    return gettext(
        "One side said “%(one)s”, the other “%(other)s”. Shown: “%(shown)s”. A survey keeps the lower of the two "
        "ratings: a pair is only as close as its more sceptical side says."
    ) % {"one": _rung_word(one), "other": _rung_word(other), "shown": _rung_word(shown)}


def _rung_word(rung: int | None) -> str:
    return label_of(Rung, rung) if rung is not None else "—"


def page_figures(town_map: TownMap, *, organizations: int, ties: int) -> dict[str, object]:
    """What the map page shows besides the drawing, as JSON values (kept with the map's cached layout, so that
    a city's page is rendered without computing anything): summary, rung distribution, heat map, the most
    connected organizations and the highest ties (with how many more each list has)."""
    orgs = organization_rows(town_map, organizations)
    tie_list = [row.as_json() for row in tie_rows(town_map, limit=ties)]
    return {
        "summary": summary_rows(town_map),
        "distribution": town_map.rung_distribution(),
        "heat": [
            [{"ties": c.ties, "mean_rung": c.mean_rung, "shade": c.shade} for c in row] for row in heat_map(town_map)
        ],
        "organizations": orgs,
        "organizations_more": max(0, town_map.n - len(orgs)),
        "ties": tie_list,
        "ties_more": max(0, int(town_map.tie_mask().sum()) - len(tie_list)),
    }


def summary_rows(town_map: TownMap) -> dict[str, float | int | None]:
    """Whole-map figures (keys stable; the page labels them and names each denominator)."""
    r = town_map.report
    return {
        "n_nodes": town_map.n,
        "n_pairs": len(town_map.pairs.rung),
        "n_ties": r.density.ties,
        "density": _num(r.density.density),
        "mean_level_over_ties": _num(r.mean_level.over_ties),
        "ties_denominator": r.mean_level.ties_denominator,
        "mean_level_over_all_pairs": _num(r.mean_level.over_all_pairs),
        "all_pairs_denominator": r.mean_level.all_pairs_denominator,
        "degree_centralization": _num(r.centralization.undirected.value),
        "components": r.components.count,
        "isolates": len(r.components.isolates),
        "ei_index": _num(r.mixing.ei_index),
        "cross_sector_share": _num(r.mixing.cross_share),
    }


@dataclass(frozen=True, slots=True)
class HeatCell:
    row: str
    column: str
    ties: int
    mean_rung: float | None
    shade: int
    """0..4: the CSS class ``heat-<shade>`` (share of the largest cell, in quarters)."""


def heat_map(town_map: TownMap) -> list[list[HeatCell]]:
    """3×3 sector mixing of ties (undirected: both cells of an off-diagonal pair show the same edges)."""
    mx = town_map.report.mixing
    top = int(mx.counts.max()) if mx.counts.size else 0
    rows = []
    for a, la in enumerate(mx.labels):
        row = []
        for b, lb in enumerate(mx.labels):
            c = int(mx.counts[a, b])
            shade = 0 if c == 0 or top == 0 else max(1, math.ceil(4 * c / top))
            row.append(HeatCell(la, lb, c, _num(float(mx.mean_level[a, b])), shade))
        rows.append(row)
    return rows


def organization_rows(town_map: TownMap, limit: int | None = None) -> list[dict[str, object]]:
    """Organizations with their metrics, most connected first (ties, then name)."""
    data = map_data_nodes(town_map)
    data.sort(key=lambda d: (-int(d["degree"]), str(d["name"])))  # type: ignore[call-overload]
    return data[:limit] if limit is not None else data


def map_data_nodes(town_map: TownMap) -> list[dict[str, object]]:
    r = town_map.report
    n = town_map.n

    def column(values: object, *, nan: bool = True) -> list[float | None]:
        # one conversion per array (tolist), not per organization: a city has 20,000 of them
        out: list[float | None] = np.asarray(values, dtype=np.float64)[:n].tolist()
        return [None if x != x else x for x in out] if nan else out

    degree = np.asarray(r.degrees.degree)[:n].astype(int).tolist()
    strength = column(r.degrees.strength, nan=False)
    betweenness, closeness = column(r.betweenness.normalized), column(r.closeness.values)
    effective = column(r.effective_size)
    component = np.asarray(r.components.membership)[:n].astype(int).tolist() if n else []
    return [
        {
            "id": o.id,
            "name": o.name,
            "sector": o.sector,
            "degree": degree[i],
            "strength": strength[i],
            "betweenness": betweenness[i],
            "closeness": closeness[i],
            "effective_size": effective[i],
            "component": component[i],
        }
        for i, o in enumerate(town_map.orgs)
    ]


@dataclass(frozen=True, slots=True)
class TieRow:
    """One pair of the map (a tie at the threshold, or any selected pair) with its rung, domain, target and, on a
    wave's map, each side's rating of the other."""

    source: Org
    target: Org
    rung: int
    domain: str
    target_rung: int | None
    rating_source_to_target: int | None
    rating_target_to_source: int | None

    @property
    def level(self) -> float:
        """The pair's weight in exports: its rung, and 0 for competition (never a tie)."""
        return float(self.rung) if self.rung != int(Rung.COMPETITION) else 0.0

    def value(self, name: str) -> object:
        """An export column by name (``rung``, ``domain``, ``level``, a rating)."""
        return getattr(self, name)

    def as_json(self) -> dict[str, object]:
        side = {"source": self.source, "target": self.target}
        return {
            **{key: {"id": org.id, "name": org.name, "sector": org.sector} for key, org in side.items()},
            "rung": self.rung,
            "domain": self.domain,
            "target_rung": self.target_rung,
            "rating_source_to_target": self.rating_source_to_target,
            "rating_target_to_source": self.rating_target_to_source,
        }


def tie_rows(town_map: TownMap, *, ties_only: bool = True, limit: int | None = None) -> list[TieRow]:
    """Pairs (ties at the threshold, or every selected pair), highest rung first, then by the source's name."""
    p = town_map.pairs
    mask = town_map.tie_mask() if ties_only else np.ones(len(p.rung), dtype=bool)
    order = [int(k) for k in np.flatnonzero(mask)]
    order.sort(key=lambda k: (-int(p.rung[k]), town_map.orgs[int(p.source[k])].name))
    if limit is not None:
        order = order[:limit]
    out = []
    for k in order:
        s, t = int(p.source[k]), int(p.target[k])
        target = int(town_map.target_rung[k])
        out.append(
            TieRow(
                source=town_map.orgs[s],
                target=town_map.orgs[t],
                rung=int(p.rung[k]),
                domain=town_map.domain[k],
                target_rung=target if target >= 0 else None,
                rating_source_to_target=town_map.ratings.get((s, t)),
                rating_target_to_source=town_map.ratings.get((t, s)),
            )
        )
    return out


# ----------------------------------------------------------------------------------- waves, targets


@dataclass(frozen=True, slots=True, eq=False)
class Comparison:
    before: TownMap
    after: TownMap
    result: metrics.WaveComparison
    names: Mapping[str, str]

    def pairs(self, mask: BoolArray) -> list[dict[str, object]]:
        res = self.result
        return [
            {
                "source": self.names[res.common[int(res.source[k])]],
                "target": self.names[res.common[int(res.target[k])]],
                "before": int(res.before[k]),
                "after": int(res.after[k]),
            }
            for k in np.flatnonzero(mask)
        ]


def compare(town: Town, before: Wave, after: Wave, *, threshold: int = DEFAULT_THRESHOLD) -> Comparison:
    """Two waves of the town compared with ``metrics.compare_waves`` (each wave's map on its own roster)."""
    mb = build_map(town, MapFilters(threshold=threshold, wave=before), layout=False)
    ma = build_map(town, MapFilters(threshold=threshold, wave=after), layout=False)
    result = metrics.compare_waves(mb.network, ma.network, float(threshold), top_level=TOP_LEVEL)
    names = {str(o.id): o.name for o in (*mb.orgs, *ma.orgs)}
    return Comparison(mb, ma, result, names)


@dataclass(frozen=True, slots=True)
class TargetGapRow:
    source: Org
    target: Org
    current: int
    target_rung: int
    gap: int


def target_gap_rows(town_map: TownMap) -> tuple[list[TargetGapRow], metrics.TargetGaps]:
    """Pairs with a target rung: current rung vs target (``metrics.target_gaps`` on the pair's rung order)."""
    p = town_map.pairs
    ks = np.flatnonzero(town_map.target_rung >= 0)
    rung_net = metrics.Network.build(
        town_map.network.node_ids, p.source, p.target, p.rung.astype(np.float64), directed=False
    )
    gaps = metrics.target_gaps(rung_net, p.source[ks], p.target[ks], town_map.target_rung[ks].astype(np.float64))
    rows = [
        TargetGapRow(
            town_map.orgs[int(p.source[k])],
            town_map.orgs[int(p.target[k])],
            int(gaps.current[i]),
            int(gaps.target[i]),
            int(gaps.gap[i]),
        )
        for i, k in enumerate(ks)
    ]
    rows.sort(key=lambda r: (-r.gap, r.source.name))
    return rows, gaps


def wave_choices(town: Town) -> Sequence[Wave]:
    return list(Wave.objects.filter(town=town).order_by("-created_at", "-pk"))
