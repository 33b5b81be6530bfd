"""Valued metrics on the DHHS tobacco-control network (peers.md §4.2) and networkx's own computation."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from shutafut.network import metrics as m

TOL = 1e-9


def _vec(d: dict[int, float], n: int) -> np.ndarray:
    return np.array([d[i] for i in range(n)], dtype=float)


def _top5(net: m.Network, values: np.ndarray) -> list[tuple[str, float]]:
    order = np.argsort(-values, kind="stable")[:5]
    return [(net.node_ids[i], round(float(values[i]), 4)) for i in order]


def test_counts_density_and_mean_levels(dhhs):
    net, g = dhhs
    assert net.n == 54 and m.density(net, 1).ties == 447
    assert [m.density(net, k).ties - m.density(net, k + 1).ties for k in (1, 2, 3)] == [163, 111, 94]
    assert m.density(net, 4).ties == 79
    d = m.density(net, 1)
    assert d.density == pytest.approx(nx.density(g), abs=TOL)
    assert d.density == pytest.approx(0.3124, abs=5e-5)
    ml = m.mean_level(net, 1)
    assert (ml.ties_denominator, ml.all_pairs_denominator, ml.excluded_pairs) == (447, 1431, 0)
    assert ml.over_ties == pytest.approx(2.1991, abs=5e-5)
    assert ml.over_all_pairs == pytest.approx(0.6869, abs=5e-5)
    assert ml.over_all_pairs == pytest.approx(g.size(weight="weight") / 1431, abs=TOL)
    assert m.share_of_ties_at_or_above(net, 1, 3) == pytest.approx(0.3870, abs=5e-5)


def test_threshold_changes_the_tie_set(dhhs):
    net, g = dhhs
    strong = nx.Graph([(u, v) for u, v, w in g.edges(data="weight") if w >= 3])
    strong.add_nodes_from(g)
    assert m.density(net, 3).density == pytest.approx(nx.density(strong), abs=TOL)
    assert m.mean_level(net, 3).over_ties == pytest.approx((94 * 3 + 79 * 4) / 173, abs=TOL)
    np.testing.assert_allclose(m.closeness(net, 3).values, _vec(nx.closeness_centrality(strong), 54), atol=TOL)


def test_degree_strength_and_centralization(dhhs):
    net, g = dhhs
    d = m.degrees(net, 1)
    assert d.degree.tolist() == [g.degree(i) for i in range(54)]
    np.testing.assert_allclose(d.strength, [g.degree(i, weight="weight") for i in range(54)], atol=TOL)
    assert _top5(net, d.degree.astype(float)) == [
        ("OS-5", 45),
        ("CDC-12", 44),
        ("CDC-3", 38),
        ("CDC-11", 34),
        ("CDC-6", 33),
    ]
    assert _top5(net, d.strength) == [
        ("OS-5", 119),
        ("CDC-12", 95),
        ("CDC-6", 89),
        ("CDC-3", 83),
        ("CDC-11", 77),
    ]
    c = m.degree_centralization(net, 1)
    assert c.in_ is None and c.out is None
    assert c.undirected.value == pytest.approx(0.5573, abs=5e-5)
    dmax = max(dict(g.degree()).values())
    assert c.undirected.value == pytest.approx(sum(dmax - x for _, x in g.degree()) / (53 * 52), abs=TOL)


def test_paths_and_effective_size_match_networkx(dhhs):
    net, g = dhhs
    np.testing.assert_allclose(m.betweenness(net, 1).normalized, _vec(nx.betweenness_centrality(g), 54), atol=TOL)
    np.testing.assert_allclose(m.closeness(net, 1).values, _vec(nx.closeness_centrality(g), 54), atol=TOL)
    es = m.effective_size(net, 1)
    np.testing.assert_allclose(es, _vec(nx.effective_size(g), 54), atol=TOL)
    assert _top5(net, es) == [
        ("OS-5", 30.5111),
        ("CDC-12", 27.9545),
        ("CDC-3", 22.5263),
        ("CDC-6", 20.1515),
        ("CDC-11", 19.1765),
    ]
    comp = m.components(net, 1)
    assert (comp.count, comp.isolates.tolist(), comp.strong_count) == (1, [], None)


def test_agency_mixing_ei_and_block_means(dhhs):
    net, g = dhhs
    mx = m.mixing(net, 1)
    assert (mx.internal, mx.external) == (172, 275)
    assert mx.ei_index == pytest.approx(0.2304, abs=5e-5)
    assert np.array_equal(mx.counts, mx.counts.T)  # undirected: symmetric matrix
    assert int(np.triu(mx.counts).sum()) == 447
    assert int((np.triu(mx.counts) > 0).sum()) == 48  # agency pairs with at least one tie
    lab = {x: i for i, x in enumerate(mx.labels)}
    blocks = {
        ("NIH", "NIH"): (92, 2.3261),
        ("CDC", "NIH"): (83, 1.6988),
        ("CDC", "CDC"): (56, 3.1786),
        ("CDC", "OS"): (22, 2.4091),
        ("NIH", "OS"): (18, 3.0556),
        ("CDC", "OGC"): (8, 2.5),
    }
    for (a, b), (ties, mean) in blocks.items():
        assert mx.counts[lab[a], lab[b]] == ties
        assert mx.mean_level[lab[b], lab[a]] == pytest.approx(mean, abs=5e-5)
    within = np.trace(mx.counts * mx.mean_level) / np.trace(mx.counts)
    assert within == pytest.approx(2.6570, abs=5e-5)
    agency = [net.group_labels[c] for c in net.groups]
    between = [w for u, v, w in g.edges(data="weight") if agency[u] != agency[v]]
    assert np.mean(between) == pytest.approx(1.9127, abs=5e-5)


def test_sampled_closeness_is_the_pivot_estimator(dhhs):
    """Sampled closeness = (share of sources reaching i) / (their mean distance to i) (via nx)."""
    net, g = dhhs
    c = m.closeness(net, 3, exact_limit=10, sample_size=12, seed=3)
    assert not c.exact and c.sample_size == 12
    strong = nx.Graph([(u, v) for u, v, w in g.edges(data="weight") if w >= 3])
    strong.add_nodes_from(g)
    sources = m.sample_sources(54, 12, 3).tolist()
    dist = {s: nx.single_source_shortest_path_length(strong, s) for s in sources}
    for i in range(54):
        others = [s for s in sources if s != i]
        reached = [dist[s][i] for s in others if i in dist[s]]
        expected = 0.0 if not reached else (len(reached) / len(others)) / np.mean(reached)
        assert c.values[i] == pytest.approx(expected, abs=TOL)


def test_sampled_paths_are_reproducible_and_close(dhhs):
    net, _ = dhhs
    a = m.betweenness(net, 1, exact_limit=10, sample_size=30, seed=1)
    b = m.betweenness(net, 1, exact_limit=10, sample_size=30, seed=1)
    np.testing.assert_array_equal(a.normalized, b.normalized)
    assert a.seed == 1 and a.sources is not None and len(a.sources) == 30
    exact = m.betweenness(net, 1).normalized
    assert np.corrcoef(a.normalized, exact)[0, 1] > 0.95
