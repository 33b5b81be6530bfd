"""Network metrics of a relationship map (pure: igraph + numpy, no Django).

Every function states its convention in its docstring; ``docs/network-metrics.md`` collects them. The formulas
are those of peers.md §3.2–3.4, checked against networkx 3.6 on real data (tests/network/).

Vocabulary used throughout:

* A ``Network`` holds ``n`` organizations and a list of *rated pairs* ``(source, target, level)``.
  Levels are on the scale the data came in (our ladder 0–5, Frey 0–5, DHHS 0–4, binary 0/1). ``NaN``
  marks a rating that numeric statistics leave out (e.g. competition under ``CompetitionRule.EXCLUDE``):
  it is never a tie and is not counted in any denominator.
* A *tie* at threshold θ is a rated pair with ``level >= θ``. Directed networks have arcs
  ``source → target`` (the rater's view of the ratee); undirected networks list each pair once.
* The *symmetrized tie graph* of a directed network joins ``i`` and ``j`` when there is a tie in either
  direction (the "max" or union rule); its edge weight is the larger of the two levels. Undirected
  metrics of a directed network (undirected density, undirected centralization, effective size, weak
  components) use it.
* Paths (betweenness, closeness) are counted in hops on the tie graph: levels are intensities, not lengths.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

import igraph as ig
import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
ScalarT = TypeVar("ScalarT", bound=np.generic)

EXACT_LIMIT = 5000
"""Betweenness and closeness are exact up to this many organizations and sampled above it."""
SAMPLE_SIZE = 500
"""Number of source organizations sampled above ``EXACT_LIMIT``."""
SEED = 0
"""Seed of the source sample (numpy ``default_rng``), so that sampled results are reproducible."""


def _int(values: object) -> IntArray:
    return np.asarray(values, dtype=np.int64)


def _float(values: object) -> FloatArray:
    return np.asarray(values, dtype=np.float64)


def pair_key(source: IntArray, target: IntArray, n: int, *, directed: bool) -> IntArray:
    """One integer per pair of organizations among ``n``: ``source·n + target`` for an arc; for an undirected
    pair the smaller index comes first, so ``(a, b)`` and ``(b, a)`` share a key. ``key // n`` and ``key % n``
    give the two ends back."""
    if directed:
        return _int(source * n + target)
    return _int(np.minimum(source, target) * n + np.maximum(source, target))


def look_up(
    keys: IntArray, values: npt.NDArray[ScalarT], wanted: IntArray, missing: npt.ArrayLike
) -> npt.NDArray[ScalarT]:
    """For each of ``wanted``, the value that ``values`` gives its key in ``keys`` (distinct, in any order), or
    ``missing`` (one value, or one per wanted key) where ``keys`` lacks it."""
    if len(keys) == 0:
        return np.broadcast_to(np.asarray(missing, dtype=values.dtype), wanted.shape).copy()
    order = np.argsort(keys)
    index = order[np.minimum(np.searchsorted(keys[order], wanted), len(keys) - 1)]
    return np.asarray(np.where(keys[index] == wanted, values[index], missing), dtype=values.dtype)


@dataclass(frozen=True, slots=True, eq=False)
class Network:
    """``n`` organizations and their rated pairs; build it with ``Network.build`` (which validates).

    ``groups[i]`` is the index into ``group_labels`` of organization ``i``'s group (its sector, or any other
    categorical attribute such as an agency), ``-1`` when unknown; mixing and E–I statistics use it.
    """

    node_ids: tuple[str, ...]
    source: IntArray
    target: IntArray
    level: FloatArray
    directed: bool
    groups: IntArray
    group_labels: tuple[str, ...]

    @property
    def n(self) -> int:
        return len(self.node_ids)

    @classmethod
    def build(
        cls,
        node_ids: Sequence[str],
        source: Sequence[int] | IntArray,
        target: Sequence[int] | IntArray,
        level: Sequence[float] | FloatArray | None = None,
        *,
        directed: bool,
        groups: Sequence[str | None] | None = None,
        group_labels: Sequence[str] | None = None,
    ) -> Network:
        """Validate and build a network.

        ``source``/``target`` are 0-based indices into ``node_ids``; ``level`` defaults to 1 for every pair (a
        binary network). ``groups`` gives each organization's group label (``None`` = unknown);
        ``group_labels``
        fixes the order of the labels (default: sorted distinct labels). Raises ``ValueError`` on ids
        that are not
        unique, indices out of range, self-ties, duplicate pairs (for undirected networks ``(a, b)`` and
        ``(b, a)`` are the same pair), infinite levels, or groups not in ``group_labels``.
        """
        ids = tuple(str(x) for x in node_ids)
        n = len(ids)
        if len(set(ids)) != n:
            raise ValueError("organization ids are not unique")
        s = _int(source).reshape(-1)
        t = _int(target).reshape(-1)
        w = np.ones(len(s), dtype=np.float64) if level is None else _float(level).reshape(-1)
        if not (len(s) == len(t) == len(w)):
            raise ValueError("source, target and level must have the same length")
        if len(s) and (s.min() < 0 or t.min() < 0 or s.max() >= n or t.max() >= n):
            raise ValueError("a tie refers to an organization index outside 0..n-1")
        if np.any(s == t):
            raise ValueError(f"self-ties are not allowed (rows {np.flatnonzero(s == t).tolist()})")
        if np.any(np.isinf(w)):
            raise ValueError("levels must be finite (NaN marks an excluded rating)")
        key = pair_key(s, t, n, directed=directed)
        if len(np.unique(key)) != len(key):
            raise ValueError("a pair is rated more than once")
        if groups is None:
            labels: tuple[str, ...] = tuple(group_labels or ())
            codes = np.full(n, -1, dtype=np.int64)
        else:
            if len(groups) != n:
                raise ValueError("groups must give one value per organization")
            labels = (
                tuple(group_labels) if group_labels is not None else tuple(sorted({g for g in groups if g is not None}))
            )
            index = {label: i for i, label in enumerate(labels)}
            unknown = {g for g in groups if g is not None and g not in index}
            if unknown:
                raise ValueError(f"groups not in group_labels: {sorted(unknown)}")
            codes = np.array([-1 if g is None else index[g] for g in groups], dtype=np.int64)
        return cls(ids, s, t, w, directed, codes, labels)

    def ties(self, threshold: float) -> tuple[IntArray, IntArray, FloatArray]:
        """The rated pairs with ``level >= threshold`` (``NaN`` levels never are)."""
        mask = self.level >= threshold
        return self.source[mask], self.target[mask], self.level[mask]

    def graph(self, threshold: float) -> ig.Graph:
        """The tie graph at ``threshold`` as an igraph graph (directed like the network)."""
        s, t, _ = self.ties(threshold)
        return _graph(self.n, s, t, self.directed)

    def symmetrized(self, threshold: float) -> tuple[IntArray, IntArray, FloatArray]:
        """Edges ``(a < b)`` of the symmetrized tie graph and their weight (the larger level of the two
        arcs)."""
        s, t, w = self.ties(threshold)
        return _undirected_pairs(s, t, w, self.n)


def _graph(n: int, s: IntArray, t: IntArray, directed: bool) -> ig.Graph:
    g = ig.Graph(n=n, directed=directed)
    if len(s):
        # igraph converts a list of pairs faster than a numpy array (stack.md §5 and bench/bench_network.py)
        g.add_edges(np.column_stack((s, t)).tolist())
    return g


def _undirected_pairs(s: IntArray, t: IntArray, w: FloatArray, n: int) -> tuple[IntArray, IntArray, FloatArray]:
    if len(s) == 0:
        return _int([]), _int([]), _float([])
    key = pair_key(s, t, n, directed=False)
    order = np.argsort(key, kind="stable")
    ks = key[order]
    uniq, first = np.unique(ks, return_index=True)
    wmax = np.maximum.reduceat(w[order], first)
    return uniq // n, uniq % n, _float(wmax)


# ---------------------------------------------------------------------------------------- density


@dataclass(frozen=True, slots=True)
class Density:
    """Density at one tie threshold.

    * ``ties``: arcs (directed network) or edges (undirected) with ``level >= threshold``.
    * ``density``: directed ``m / (n(n−1))``; undirected ``2m / (n(n−1))``.
    * ``symmetrized_edges`` ``m_u`` and ``density_undirected = 2·m_u / (n(n−1))`` on the symmetrized tie graph
      (equal to ``ties``/``density`` for an undirected network).
    * ``NaN`` when ``n < 2``.
    """

    threshold: float
    n: int
    ties: int
    density: float
    symmetrized_edges: int
    density_undirected: float


def _pairs(n: int, directed: bool) -> int:
    return n * (n - 1) if directed else n * (n - 1) // 2


def _ratio(num: float, den: float) -> float:
    return num / den if den else math.nan


def density(net: Network, threshold: float) -> Density:
    """Density at ``threshold``; see ``Density`` for the formulas (peers.md §3.2)."""
    s, _, _ = net.ties(threshold)
    a, _, _ = net.symmetrized(threshold)
    m, mu = len(s), len(a)
    return Density(
        threshold=threshold,
        n=net.n,
        ties=m,
        density=_ratio(m, _pairs(net.n, net.directed)),
        symmetrized_edges=mu,
        density_undirected=_ratio(mu, _pairs(net.n, False)),
    )


def density_by_threshold(net: Network, thresholds: Sequence[float]) -> tuple[Density, ...]:
    """``density`` at each threshold (e.g. every rung of the scale), in the given order."""
    return tuple(density(net, th) for th in thresholds)


@dataclass(frozen=True, slots=True)
class MeanLevel:
    """Valued density (peers.md §3.2, §3.4). Levels on the network's own scale.

    * ``over_all_pairs = Σ level / all_pairs_denominator``: the sum over every rated pair (unrated pairs
      count 0)
      divided by ``n(n−1)`` (directed) or ``n(n−1)/2`` (undirected) minus ``excluded_pairs`` (pairs whose
      level is
      ``NaN``, e.g. competition under ``CompetitionRule.EXCLUDE``).
    * ``over_ties = Σ level / ties_denominator`` over the pairs with ``level >= threshold``.
    """

    threshold: float
    over_all_pairs: float
    all_pairs_denominator: int
    over_ties: float
    ties_denominator: int
    excluded_pairs: int


def mean_level(net: Network, threshold: float) -> MeanLevel:
    """Mean level over all pairs and over ties at ``threshold``; denominators in ``MeanLevel``."""
    valid = ~np.isnan(net.level)
    excluded = int(len(net.level) - valid.sum())
    den_all = _pairs(net.n, net.directed) - excluded
    _, _, w = net.ties(threshold)
    return MeanLevel(
        threshold=threshold,
        over_all_pairs=_ratio(float(net.level[valid].sum()), den_all),
        all_pairs_denominator=den_all,
        over_ties=_ratio(float(w.sum()), len(w)),
        ties_denominator=len(w),
        excluded_pairs=excluded,
    )


def share_of_ties_at_or_above(net: Network, threshold: float, level: float) -> float:
    """``|{ties with level >= level}| / |{ties at threshold}|`` (B'more's "share at the top rungs", §3.4)."""
    _, _, w = net.ties(threshold)
    return _ratio(float((w >= level).sum()), len(w))


# ---------------------------------------------------------------------------------------- reciprocity


@dataclass(frozen=True, slots=True)
class Reciprocity:
    """Reciprocity of a directed tie graph (peers.md §3.2).

    * ``arc_reciprocity = reciprocated_arcs / arcs`` (= ``networkx.reciprocity``).
    * ``dyad_reciprocity = M / (M + A)``: ``mutual_dyads`` M over connected dyads (``asymmetric_dyads`` A).
    """

    threshold: float
    arcs: int
    reciprocated_arcs: int
    arc_reciprocity: float
    mutual_dyads: int
    asymmetric_dyads: int
    dyad_reciprocity: float


def reciprocity(net: Network, threshold: float) -> Reciprocity:
    """Arc and dyad reciprocity at ``threshold``; ``ValueError`` for an undirected network."""
    if not net.directed:
        raise ValueError("reciprocity is defined for directed networks only")
    s, t, _ = net.ties(threshold)
    rec = int(np.isin(pair_key(t, s, net.n, directed=True), pair_key(s, t, net.n, directed=True)).sum())
    m = len(s)
    mutual, asym = rec // 2, m - rec
    return Reciprocity(threshold, m, rec, _ratio(rec, m), mutual, asym, _ratio(mutual, mutual + asym))


# ---------------------------------------------------------------------------------------- degree


@dataclass(frozen=True, slots=True, eq=False)
class Degrees:
    """Per-organization degree and strength at a threshold (arrays in node order).

    * ``in_degree``/``out_degree``: ties received/given (``d_in_i = Σ_j a_ji``); equal to ``degree`` for an
      undirected network.
    * ``in_strength``/``out_strength``: the sum of levels over those ties (valued degree).
    * ``degree``: number of distinct partners in the symmetrized tie graph.
    * ``strength``: the sum of levels over all the organization's ties, given and received
      (``in_strength + out_strength`` for a directed network).
    """

    threshold: float
    in_degree: IntArray
    out_degree: IntArray
    in_strength: FloatArray
    out_strength: FloatArray
    degree: IntArray
    strength: FloatArray


def degrees(net: Network, threshold: float) -> Degrees:
    """Degrees and strengths at ``threshold``; see ``Degrees``."""
    n = net.n
    s, t, w = net.ties(threshold)
    a, b, _ = net.symmetrized(threshold)
    sym = _int(np.bincount(a, minlength=n) + np.bincount(b, minlength=n))
    out_d = _int(np.bincount(s, minlength=n))
    in_d = _int(np.bincount(t, minlength=n))
    out_s = _float(np.bincount(s, weights=w, minlength=n))
    in_s = _float(np.bincount(t, weights=w, minlength=n))
    if not net.directed:
        return Degrees(threshold, sym, sym, out_s + in_s, out_s + in_s, sym, out_s + in_s)
    return Degrees(threshold, in_d, out_d, in_s, out_s, sym, in_s + out_s)


@dataclass(frozen=True, slots=True)
class Centralization:
    """Freeman degree centralization ``Σ_i (d_max − d_i) / denominator``.

    ``denominator_formula`` names the convention: ``(n-1)^2`` for directed in/out-degree, ``(n-1)(n-2)`` for
    undirected degree (1 for a star, 0 for a regular graph). ``NaN`` when the denominator is 0.
    """

    kind: str
    value: float
    numerator: int
    denominator: int
    denominator_formula: str


@dataclass(frozen=True, slots=True)
class DegreeCentralization:
    """``in_``/``out`` for a directed network (``None`` when undirected); ``undirected`` always, computed
    on the
    symmetrized tie graph."""

    threshold: float
    in_: Centralization | None
    out: Centralization | None
    undirected: Centralization


def _central(kind: str, d: IntArray, den: int, formula: str) -> Centralization:
    num = int((d.max() - d).sum()) if len(d) else 0
    return Centralization(kind, _ratio(num, den), num, den, formula)


def degree_centralization(net: Network, threshold: float) -> DegreeCentralization:
    """Freeman degree centralization at ``threshold`` (peers.md §3.2); see ``Centralization``."""
    n = net.n
    d = degrees(net, threshold)
    und = _central("undirected", d.degree, (n - 1) * (n - 2) if n > 2 else 0, "(n-1)(n-2)")
    if not net.directed:
        return DegreeCentralization(threshold, None, None, und)
    den = (n - 1) ** 2
    return DegreeCentralization(
        threshold,
        _central("in", d.in_degree, den, "(n-1)^2"),
        _central("out", d.out_degree, den, "(n-1)^2"),
        und,
    )


# ---------------------------------------------------------------------------------------- paths


def sample_sources(n: int, size: int, seed: int) -> IntArray:
    """``size`` distinct organizations drawn with ``numpy.random.default_rng(seed)``, sorted."""
    rng = np.random.default_rng(seed)
    return _int(np.sort(rng.choice(n, size=min(size, n), replace=False)))


@dataclass(frozen=True, slots=True, eq=False)
class Betweenness:
    """Shortest-path betweenness on the tie graph (hops; directed paths for a directed network).

    * ``normalized``: networkx's default (``normalized=True``, endpoints excluded): the count over
      ordered pairs
      ``(s, t)`` divided by ``(n−1)(n−2)``; for an undirected network this is ``2·b / ((n−1)(n−2))`` with
      ``b``
      over unordered pairs.
    * ``raw``: networkx ``normalized=False`` (unordered pairs for undirected networks).
    * ``exact``: all sources (``n <= exact_limit``); otherwise ``sources`` holds ``sample_size`` sources drawn
      with ``seed`` and the estimate is networkx's ``k``-sample estimator: the ordered-pair count from
      the sampled
      sources divided by ``k(n−2)`` (by ``(k−1)(n−2)`` for the sampled nodes themselves).
    """

    normalized: FloatArray
    raw: FloatArray
    exact: bool
    sample_size: int
    seed: int | None
    sources: IntArray | None


def betweenness(
    net: Network,
    threshold: float,
    *,
    exact_limit: int = EXACT_LIMIT,
    sample_size: int = SAMPLE_SIZE,
    seed: int = SEED,
    graph: ig.Graph | None = None,
) -> Betweenness:
    """Betweenness at ``threshold``: exact up to ``exact_limit`` organizations, sampled above; see
    ``Betweenness``."""
    n = net.n
    g = graph if graph is not None else net.graph(threshold)
    pair_factor = 1.0 if net.directed else 2.0
    if n <= exact_limit or sample_size >= n:
        ordered = _float(g.betweenness(directed=net.directed)) * pair_factor
        scale = np.full(n, 1.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0)
        normalized = ordered * scale
        return Betweenness(normalized, ordered / pair_factor, True, n, None, None)
    src = sample_sources(n, sample_size, seed)
    k = len(src)
    ordered = _float(g.betweenness(directed=net.directed, sources=src.tolist())) * pair_factor
    scale = np.full(n, 1.0 / (k * (n - 2)))
    scale[src] = 1.0 / ((k - 1) * (n - 2))
    normalized = ordered * scale
    return Betweenness(normalized, normalized * ((n - 1) * (n - 2) / pair_factor), False, k, seed, src)


@dataclass(frozen=True, slots=True, eq=False)
class Closeness:
    """Closeness on the tie graph, networkx's default convention (``closeness_centrality``,
    ``wf_improved=True``).

    ``c_i = (r_i − 1)/(n − 1) · (r_i − 1)/Σ_j dist(j, i)`` where ``r_i`` counts the organizations that reach
    ``i`` (itself included) and the sum runs over them. On a connected graph this is ``(n−1)/Σ dist``; on a
    disconnected one the Wasserman–Faust factor ``(r−1)/(n−1)`` scales down small components; isolates get 0.
    Directed networks use *incoming* distances (networkx's default; ``G.reverse()`` gives outgoing).

    Above ``exact_limit`` the sums are estimated from the shortest paths of ``sample_size`` sampled sources
    (Eppstein–Wang pivots, the same sources as betweenness for the same seed): ``c_i ≈ f_i / d̄_i`` with
    ``f_i``
    the share of sampled sources (other than ``i``) that reach ``i`` and ``d̄_i`` their mean distance to
    ``i``.
    With every node as a source this is exactly the formula above.
    """

    values: FloatArray
    exact: bool
    sample_size: int
    seed: int | None


def closeness(
    net: Network,
    threshold: float,
    *,
    exact_limit: int = EXACT_LIMIT,
    sample_size: int = SAMPLE_SIZE,
    seed: int = SEED,
    graph: ig.Graph | None = None,
) -> Closeness:
    """Closeness at ``threshold``; see ``Closeness``."""
    n = net.n
    g = graph if graph is not None else net.graph(threshold)
    if n < 2:
        return Closeness(np.zeros(n), True, n, None)
    if n <= exact_limit or sample_size >= n:
        mode = "in" if net.directed else "all"
        c = _float(g.closeness(mode=mode))
        c = np.where(np.isnan(c), 0.0, c)
        if not net.directed:
            membership = _int(g.connected_components().membership)
            reach = np.bincount(membership)[membership] - 1
        elif g.is_connected(mode="strong"):
            reach = np.full(n, n - 1)
        else:
            inv = _float(g.closeness(mode=mode, normalized=False))
            with np.errstate(invalid="ignore", divide="ignore"):
                reach = np.where(inv > 0, np.rint(c / inv), 0).astype(np.int64)
        return Closeness(c * reach / (n - 1), True, n, None)
    src = sample_sources(n, sample_size, seed)
    k = len(src)
    reached = np.zeros(n)
    total = np.zeros(n)
    for start in range(0, k, 100):
        chunk = src[start : start + 100]
        d = _float(g.distances(source=chunk.tolist(), mode="out"))
        ok = np.isfinite(d)
        ok[np.arange(len(chunk)), chunk] = False
        reached += ok.sum(axis=0)
        total += np.where(ok, d, 0.0).sum(axis=0)
    others = np.full(n, float(k))
    others[src] -= 1
    with np.errstate(invalid="ignore", divide="ignore"):
        c = np.where(total > 0, reached * reached / (others * total), 0.0)
    return Closeness(_float(c), False, k, seed)


def effective_size(net: Network, threshold: float, *, graph: ig.Graph | None = None) -> FloatArray:
    """Burt's effective size on the symmetrized (undirected, unweighted) tie graph.

    ``ES_i = d_i − 2 t_i / d_i`` with ``t_i`` the ties among ``i``'s partners: Borgatti's form, equal to
    ``networkx.effective_size(G.to_undirected())``; ``NaN`` for isolates (undefined, as in networkx).
    ``graph`` may pass the undirected symmetrized igraph graph when the caller already has it.
    """
    n = net.n
    if graph is None:
        a, b, _ = net.symmetrized(threshold)
        graph = _graph(n, a, b, False)
    d = _float(graph.degree())
    trans = _float(graph.transitivity_local_undirected(mode="zero"))
    t = np.rint(trans * d * (d - 1) / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        return _float(np.where(d > 0, d - 2 * t / d, math.nan))


@dataclass(frozen=True, slots=True, eq=False)
class Components:
    """Connected components of the symmetrized tie graph (weak components for a directed network).

    ``sizes`` are sorted largest first; ``membership[i]`` is the component of organization ``i``;
    ``strong_count`` counts strongly connected components (directed networks; ``None`` otherwise);
    ``isolates``
    are organizations with no tie in either direction.
    """

    threshold: float
    count: int
    sizes: IntArray
    membership: IntArray
    strong_count: int | None
    isolates: IntArray


def components(net: Network, threshold: float, *, graph: ig.Graph | None = None) -> Components:
    """Components and isolates at ``threshold``; see ``Components``."""
    g = graph if graph is not None else net.graph(threshold)
    membership = _int(g.connected_components(mode="weak").membership) if net.n else _int([])
    sizes = _int(np.sort(np.bincount(membership))[::-1]) if net.n else _int([])
    strong = len(g.connected_components(mode="strong")) if net.directed else None
    deg = _int(g.degree()) if net.n else _int([])
    return Components(threshold, len(sizes), sizes, membership, strong, _int(np.flatnonzero(deg == 0)))


# ---------------------------------------------------------------------------------------- groups


@dataclass(frozen=True, slots=True, eq=False)
class Mixing:
    """Mixing of ties between groups (sectors, or any categorical attribute) at a threshold.

    * ``counts[a][b]``: directed network: arcs from group ``a`` to group ``b``; undirected: edges between
      ``a``
      and ``b``, written in both ``[a][b]`` and ``[b][a]`` (the matrix is symmetric; within-group edges
      once on
      the diagonal; the upper triangle sums to the number of edges).
    * ``mean_level[a][b]``: mean level of those ties (``NaN`` for an empty cell).
    * ``internal``/``external``: ties within/between groups; ``ei_index = (E − I)/(E + I)``
      (Krackhardt–Stern);
      ``cross_share = E/(E + I)``. Ties touching an organization whose group is unknown are left out
      (``unassigned_ties``).
    """

    labels: tuple[str, ...]
    counts: IntArray
    mean_level: FloatArray
    internal: int
    external: int
    ei_index: float
    cross_share: float
    unassigned_ties: int


def mixing(net: Network, threshold: float) -> Mixing:
    """Group mixing matrix, E–I index and cross-group share at ``threshold``; see ``Mixing``."""
    k = len(net.group_labels)
    s, t, w = net.ties(threshold)
    gs, gt = net.groups[s], net.groups[t]
    known = (gs >= 0) & (gt >= 0)
    gs, gt, w = gs[known], gt[known], w[known]
    cells = gs * k + gt
    counts = np.bincount(cells, minlength=k * k).reshape(k, k)
    sums = np.bincount(cells, weights=w, minlength=k * k).reshape(k, k)
    if not net.directed:
        off = ~np.eye(k, dtype=bool)
        counts = counts + (counts.T * off)
        sums = sums + (sums.T * off)
    internal = int((gs == gt).sum())
    external = int((gs != gt).sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, sums / np.maximum(counts, 1), math.nan)
    return Mixing(
        labels=net.group_labels,
        counts=_int(counts),
        mean_level=_float(mean),
        internal=internal,
        external=external,
        ei_index=_ratio(external - internal, external + internal),
        cross_share=_ratio(external, external + internal),
        unassigned_ties=int((~known).sum()),
    )


# ---------------------------------------------------------------------------------------- perception


class RescaleRule(StrEnum):
    """How a mean on the 1–4 perception scale becomes a percentage (peers.md §3.3; PARTNER does not
    publish it)."""

    PCT_OF_MAX = "pct_of_max"
    """``100 · mean / 4``."""
    PCT_OF_RANGE = "pct_of_range"
    """``100 · (mean − 1) / 3``."""


def rescale(mean: float, rule: RescaleRule) -> float:
    """A 1–4 mean as a percentage by ``rule``."""
    if rule is RescaleRule.PCT_OF_MAX:
        return 100.0 * mean / 4.0
    return 100.0 * (mean - 1.0) / 3.0


@dataclass(frozen=True, slots=True, eq=False)
class Perception:
    """PARTNER trust and value (peers.md §3.3), on the 1–4 item scale.

    * per dyad: ``trust_ij`` = mean of (reliability, mission, openness); ``value_ij`` = mean of (power,
      involvement, resources); missing items (``NaN``) are left out of the mean, and a dyad with no item
      is left
      out altogether;
    * per organization ``j``: ``trust[j]``/``value[j]`` = mean over the raters ``i`` of ``trust_ij``
      (``NaN`` if
      nobody rated ``j``); ``raters[j]`` counts them;
    * network: ``network_trust``/``network_value`` = mean over all rated dyads; ``*_pct`` rescaled by ``rule``
      (recorded in ``rule``).
    """

    trust: FloatArray
    value: FloatArray
    trust_raters: IntArray
    value_raters: IntArray
    network_trust: float
    network_value: float
    network_trust_pct: float
    network_value_pct: float
    rule: RescaleRule


def _per_ratee(ratee: IntArray, scores: FloatArray, n: int) -> tuple[FloatArray, IntArray, float]:
    ok = ~np.isnan(scores)
    cnt = np.bincount(ratee[ok], minlength=n)
    tot = np.bincount(ratee[ok], weights=scores[ok], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        per = np.where(cnt > 0, tot / np.maximum(cnt, 1), math.nan)
    return _float(per), _int(cnt), float(scores[ok].mean()) if ok.any() else math.nan


def perception_scores(
    n: int,
    rater: Sequence[int] | IntArray,
    ratee: Sequence[int] | IntArray,
    trust_items: Sequence[Sequence[float]] | FloatArray,
    value_items: Sequence[Sequence[float]] | FloatArray,
    *,
    rule: RescaleRule = RescaleRule.PCT_OF_MAX,
) -> Perception:
    """Trust and value per organization and for the network; items are rows ``(m, 3)`` on 1–4.

    Raises ``ValueError`` for items outside 1–4, shapes that do not match, or self-ratings.
    """
    r, j = _int(rater), _int(ratee)
    ti, vi = _float(trust_items).reshape(len(r), -1), _float(value_items).reshape(len(r), -1)
    if ti.shape != (len(j), 3) or vi.shape != (len(j), 3):
        raise ValueError("trust_items and value_items must have three columns and one row per rating")
    for items in (ti, vi):
        bad = ~np.isnan(items) & ((items < 1) | (items > 4))
        if bad.any():
            raise ValueError(f"perception items must be on 1-4 (rows {np.flatnonzero(bad.any(axis=1)).tolist()})")
    if np.any(r == j):
        raise ValueError("an organization cannot rate itself")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        trust_ij = _float(np.nanmean(ti, axis=1))
        value_ij = _float(np.nanmean(vi, axis=1))
    trust, tn, tmean = _per_ratee(j, trust_ij, n)
    value, vn, vmean = _per_ratee(j, value_ij, n)
    return Perception(trust, value, tn, vn, tmean, vmean, rescale(tmean, rule), rescale(vmean, rule), rule)


# ---------------------------------------------------------------------------------------- summary


def summary(net: Network, threshold: float, *, top_level: float | None = None) -> dict[str, float]:
    """Whole-network scalars at ``threshold`` (the figures a wave comparison follows; keys are stable).

    ``density`` (directed ``m/(n(n−1))`` or undirected ``2m/(n(n−1))``), ``density_undirected``,
    ``mean_level_over_ties``, ``mean_level_over_all_pairs``, ``mean_degree`` (``Σ degree / n`` on the
    symmetrized tie graph), ``degree_centralization`` (undirected, ``(n−1)(n−2)``), ``arc_reciprocity`` and
    ``dyad_reciprocity`` (directed only), ``ei_index`` (when groups are set), ``share_at_or_above_top``
    (when ``top_level`` is given: the share of ties with ``level >= top_level``).
    """
    d = density(net, threshold)
    ml = mean_level(net, threshold)
    deg = degrees(net, threshold)
    out: dict[str, float] = {
        "n_nodes": float(net.n),
        "n_ties": float(d.ties),
        "density": d.density,
        "density_undirected": d.density_undirected,
        "mean_level_over_ties": ml.over_ties,
        "mean_level_over_all_pairs": ml.over_all_pairs,
        "mean_degree": _ratio(float(deg.degree.sum()), net.n),
        "degree_centralization": degree_centralization(net, threshold).undirected.value,
    }
    if net.directed:
        rec = reciprocity(net, threshold)
        out["arc_reciprocity"] = rec.arc_reciprocity
        out["dyad_reciprocity"] = rec.dyad_reciprocity
    if net.group_labels:
        out["ei_index"] = mixing(net, threshold).ei_index
    if top_level is not None:
        out["share_at_or_above_top"] = share_of_ties_at_or_above(net, threshold, top_level)
    return out


@dataclass(frozen=True, slots=True, eq=False)
class NetworkReport:
    """Every metric of the module at one threshold (what the CLI prints; see the classes for conventions)."""

    threshold: float
    density: Density
    density_by_threshold: tuple[Density, ...]
    mean_level: MeanLevel
    reciprocity: Reciprocity | None
    degrees: Degrees
    centralization: DegreeCentralization
    betweenness: Betweenness
    closeness: Closeness
    effective_size: FloatArray
    components: Components
    mixing: Mixing
    share_at_or_above_top: float | None
    top_level: float | None


def analyze(
    net: Network,
    threshold: float,
    *,
    levels: Sequence[float] = (),
    top_level: float | None = None,
    exact_limit: int = EXACT_LIMIT,
    sample_size: int = SAMPLE_SIZE,
    seed: int = SEED,
) -> NetworkReport:
    """All metrics at ``threshold`` (building each igraph graph once). ``levels``: thresholds for
    ``density_by_threshold``; ``top_level``: cut-off for ``share_at_or_above_top``."""
    g = net.graph(threshold)
    a, b, _ = net.symmetrized(threshold)
    gu = g if not net.directed else _graph(net.n, a, b, False)
    return NetworkReport(
        threshold=threshold,
        density=density(net, threshold),
        density_by_threshold=density_by_threshold(net, levels),
        mean_level=mean_level(net, threshold),
        reciprocity=reciprocity(net, threshold) if net.directed else None,
        degrees=degrees(net, threshold),
        centralization=degree_centralization(net, threshold),
        betweenness=betweenness(net, threshold, exact_limit=exact_limit, sample_size=sample_size, seed=seed, graph=g),
        closeness=closeness(net, threshold, exact_limit=exact_limit, sample_size=sample_size, seed=seed, graph=g),
        effective_size=effective_size(net, threshold, graph=gu),
        components=components(net, threshold, graph=g),
        mixing=mixing(net, threshold),
        share_at_or_above_top=None if top_level is None else share_of_ties_at_or_above(net, threshold, top_level),
        top_level=top_level,
    )


# ---------------------------------------------------------------------------------------- waves, targ


@dataclass(frozen=True, slots=True, eq=False)
class WaveComparison:
    """Two waves of the same map compared.

    Pairs are compared over the organizations present in both waves (``common``; ``joined``/``left`` list the
    others) by organization id; a pair not rated in a wave counts as level 0 and ``NaN`` (excluded)
    levels count
    as 0. For undirected networks pairs are unordered. Arrays ``source``/``target`` index ``common``:

    * ``climbed``/``fell``: pairs whose level went up/down (any change, on the network's scale);
    * ``new_ties``/``lost_ties``: pairs that crossed ``threshold`` upwards/downwards;
    * ``deltas``: ``summary(after) − summary(before)`` for every key of ``summary`` (each wave on its own
      organizations).
    """

    threshold: float
    common: tuple[str, ...]
    joined: tuple[str, ...]
    left: tuple[str, ...]
    source: IntArray
    target: IntArray
    before: FloatArray
    after: FloatArray
    climbed: BoolArray
    fell: BoolArray
    new_ties: BoolArray
    lost_ties: BoolArray
    summary_before: Mapping[str, float] = field(default_factory=dict)
    summary_after: Mapping[str, float] = field(default_factory=dict)
    deltas: Mapping[str, float] = field(default_factory=dict)


def _keyed(net: Network, index: Mapping[str, int], n: int) -> tuple[IntArray, FloatArray]:
    pos = _int([index.get(x, -1) for x in net.node_ids])
    s, t = pos[net.source], pos[net.target]
    keep = (s >= 0) & (t >= 0)
    s, t, w = s[keep], t[keep], np.nan_to_num(net.level[keep], nan=0.0)
    return pair_key(s, t, n, directed=net.directed), _float(w)


def compare_waves(
    before: Network, after: Network, threshold: float, *, top_level: float | None = None
) -> WaveComparison:
    """Compare two waves; see ``WaveComparison``. ``ValueError`` when one is directed and the other not."""
    if before.directed != after.directed:
        raise ValueError("both waves must be directed, or both undirected")
    in_after = set(after.node_ids)
    common = tuple(x for x in before.node_ids if x in in_after)
    index = {x: i for i, x in enumerate(common)}
    n = len(common)
    kb, wb = _keyed(before, index, n)
    ka, wa = _keyed(after, index, n)
    keys = np.union1d(kb, ka)
    lb = np.zeros(len(keys))
    la = np.zeros(len(keys))
    lb[np.searchsorted(keys, kb)] = wb
    la[np.searchsorted(keys, ka)] = wa
    sb, sa = summary(before, threshold, top_level=top_level), summary(after, threshold, top_level=top_level)
    in_before = set(before.node_ids)
    return WaveComparison(
        threshold=threshold,
        common=common,
        joined=tuple(x for x in after.node_ids if x not in in_before),
        left=tuple(x for x in before.node_ids if x not in in_after),
        source=_int(keys // n) if n else _int([]),
        target=_int(keys % n) if n else _int([]),
        before=_float(lb),
        after=_float(la),
        climbed=la > lb,
        fell=la < lb,
        new_ties=(lb < threshold) & (la >= threshold),
        lost_ties=(lb >= threshold) & (la < threshold),
        summary_before=sb,
        summary_after=sa,
        deltas={k: sa[k] - sb[k] for k in sb if k in sa},
    )


@dataclass(frozen=True, slots=True, eq=False)
class TargetGaps:
    """The distance from each pair's current level to its target level.

    ``current`` is the pair's level in the network (0 when not rated; ``NaN`` when excluded; for a directed
    network the arc ``source → target``, for an undirected one the pair); ``gap = target − current``
    (positive:
    rungs still to climb; 0 or negative: reached). ``reached`` counts pairs with ``gap <= 0``;
    ``mean_open_gap`` is the mean gap over the pairs not reached (``NaN`` if none).
    """

    current: FloatArray
    target: FloatArray
    gap: FloatArray
    reached: int
    mean_open_gap: float


def target_gaps(
    net: Network,
    source: Sequence[int] | IntArray,
    target: Sequence[int] | IntArray,
    target_level: Sequence[float] | FloatArray,
) -> TargetGaps:
    """Gap from the current level to ``target_level`` per pair; see ``TargetGaps``."""
    s, t, goal = _int(source), _int(target), _float(target_level)
    n = net.n
    if not (len(s) == len(t) == len(goal)):
        raise ValueError("source, target and target_level must have the same length")
    if len(s) and (min(s.min(), t.min()) < 0 or max(s.max(), t.max()) >= n):
        raise ValueError("a target pair refers to an organization index outside 0..n-1")
    known = pair_key(net.source, net.target, n, directed=net.directed)
    current = look_up(known, net.level, pair_key(s, t, n, directed=net.directed), 0.0)
    gap = goal - current
    open_ = gap > 0
    return TargetGaps(
        _float(current),
        goal,
        _float(gap),
        int((gap <= 0).sum()),
        float(gap[open_].mean()) if open_.any() else math.nan,
    )
