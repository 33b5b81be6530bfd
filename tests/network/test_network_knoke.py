"""Metrics on the Knoke bureaucracies (peers.md §4.1): the published values and networkx's own computation."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from shutafut.network import metrics as m

TOL = 1e-9
# relation -> expected values of peers.md §4.1
EXPECTED = {
    "information": {
        "arcs": 49,
        "density": 0.5444,
        "arc_reciprocity": 0.6939,
        "dyads": (17, 32),
        "in": [5, 8, 4, 5, 8, 1, 9, 2, 5, 2],
        "out": [4, 7, 6, 4, 8, 3, 3, 6, 3, 5],
        "c_in": 41,
        "c_out": 31,
        "sym": (32, 0.7111, [7, 8, 6, 6, 8, 3, 9, 6, 6, 5], 0.3611),
        "cross": (37, 12, 0.5102),
        "mixing": [[7, 6, 8], [3, 2, 2], [12, 6, 3]],
    },
    "money": {
        "arcs": 22,
        "density": 0.2444,
        "arc_reciprocity": 0.0909,
        "dyads": (1, 21),
        "in": [0, 3, 5, 0, 1, 0, 1, 6, 4, 2],
        "out": [5, 1, 1, 5, 4, 0, 2, 2, 2, 0],
        "c_in": 38,
        "c_out": 28,
        "sym": (21, 0.4667, [5, 4, 6, 5, 5, 0, 3, 7, 5, 2], 0.3889),
        "cross": (14, 8, 0.2727),
        "mixing": [[6, 0, 6], [2, 1, 4], [2, 0, 1]],
    },
}


def _vec(d: dict[int, float], n: int) -> np.ndarray:
    return np.array([d[i] for i in range(n)], dtype=float)


def test_density_matches_published_and_networkx(knoke):
    rel, net, g = knoke
    d = m.density(net, 1)
    assert d.ties == EXPECTED[rel]["arcs"]
    assert d.density == pytest.approx(EXPECTED[rel]["density"], abs=5e-5)
    assert d.density == pytest.approx(nx.density(g), abs=TOL)
    edges, dens_u, _, _ = EXPECTED[rel]["sym"]
    assert d.symmetrized_edges == edges
    assert d.density_undirected == pytest.approx(nx.density(g.to_undirected()), abs=TOL)
    assert d.density_undirected == pytest.approx(dens_u, abs=5e-5)


def test_reciprocity_arc_and_dyad(knoke):
    rel, net, g = knoke
    r = m.reciprocity(net, 1)
    assert r.arc_reciprocity == pytest.approx(nx.reciprocity(g), abs=TOL)
    assert r.arc_reciprocity == pytest.approx(EXPECTED[rel]["arc_reciprocity"], abs=5e-5)
    mutual, connected = EXPECTED[rel]["dyads"]
    assert (r.mutual_dyads, r.mutual_dyads + r.asymmetric_dyads) == (mutual, connected)
    assert r.dyad_reciprocity == pytest.approx(mutual / connected, abs=TOL)


def test_reciprocity_refuses_undirected(dhhs):
    with pytest.raises(ValueError, match="directed"):
        m.reciprocity(dhhs[0], 1)


def test_degrees_and_freeman_centralization_conventions(knoke):
    rel, net, g = knoke
    e = EXPECTED[rel]
    d = m.degrees(net, 1)
    assert d.in_degree.tolist() == e["in"] == [g.in_degree(i) for i in range(10)]
    assert d.out_degree.tolist() == e["out"] == [g.out_degree(i) for i in range(10)]
    _, _, sym_degree, c_und = e["sym"]
    assert d.degree.tolist() == sym_degree
    assert d.strength.tolist() == (d.in_degree + d.out_degree).tolist()  # binary levels: strength = arcs
    c = m.degree_centralization(net, 1)
    assert c.in_ is not None and c.out is not None
    assert (c.in_.numerator, c.in_.denominator, c.in_.denominator_formula) == (e["c_in"], 81, "(n-1)^2")
    assert (c.out.numerator, c.out.denominator) == (e["c_out"], 81)
    assert c.undirected.denominator_formula == "(n-1)(n-2)" and c.undirected.denominator == 72
    assert c.undirected.value == pytest.approx(c_und, abs=5e-5)


def test_sector_mixing_and_ei_index(knoke):
    rel, net, _ = knoke
    mx = m.mixing(net, 1)
    assert mx.labels == ("GOV", "PVT", "VOL")
    assert mx.counts.tolist() == EXPECTED[rel]["mixing"]
    external, internal, ei = EXPECTED[rel]["cross"]
    assert (mx.external, mx.internal) == (external, internal)
    assert mx.ei_index == pytest.approx(ei, abs=5e-5)
    assert mx.cross_share == pytest.approx(external / (external + internal), abs=TOL)
    assert np.all(mx.mean_level[mx.counts > 0] == 1.0)  # binary ties: every mean level is 1


def test_paths_and_effective_size_match_networkx(knoke):
    _, net, g = knoke
    b = m.betweenness(net, 1)
    assert b.exact and b.sources is None
    np.testing.assert_allclose(b.normalized, _vec(nx.betweenness_centrality(g), 10), atol=TOL)
    np.testing.assert_allclose(b.raw, _vec(nx.betweenness_centrality(g, normalized=False), 10), atol=TOL)
    # directed closeness: incoming distances with the Wasserman-Faust factor, networkx's default
    np.testing.assert_allclose(m.closeness(net, 1).values, _vec(nx.closeness_centrality(g), 10), atol=TOL)
    es = m.effective_size(net, 1)
    np.testing.assert_allclose(es, _vec(nx.effective_size(g.to_undirected()), 10), atol=TOL, equal_nan=True)


def test_symmetrized_information_network_published_values(knoke_information):
    directed = knoke_information
    a, b, _ = directed.symmetrized(1)
    net = m.Network.build(directed.node_ids, a, b, directed=False)
    es = [2.1429, 2.75, 2.6667, 1.6667, 2.75, 1.6667, 3.8889, 1.3333, 2.3333, 1.4]
    clo = [0.8182, 0.9, 0.75, 0.75, 0.9, 0.6, 1.0, 0.75, 0.75, 0.6923]
    btw = [0.025, 0.0444, 0.0519, 0.0125, 0.0444, 0.0069, 0.1185, 0.0056, 0.0463, 0.0056]
    np.testing.assert_allclose(m.effective_size(net, 1), es, atol=5e-5)
    np.testing.assert_allclose(m.closeness(net, 1).values, clo, atol=5e-5)
    np.testing.assert_allclose(m.betweenness(net, 1).normalized, btw, atol=5e-5)


def test_directed_betweenness_top_three_information(knoke_information):
    net = knoke_information
    b = m.betweenness(net, 1).normalized
    top = np.argsort(-b)[:3]
    assert [net.node_ids[i] for i in top] == ["MAYR", "COMM", "EDUC"]
    np.testing.assert_allclose(b[top], [0.2477, 0.1713, 0.1624], atol=5e-5)


def test_money_network_isolate_wro(knoke):
    rel, net, g = knoke
    comp = m.components(net, 1)
    assert comp.count == nx.number_weakly_connected_components(g)
    assert comp.strong_count == nx.number_strongly_connected_components(g)
    isolates = [net.node_ids[i] for i in comp.isolates]
    assert isolates == (["WRO"] if rel == "money" else [])
    if rel == "money":
        i = net.node_ids.index("WRO")
        assert np.isnan(m.effective_size(net, 1)[i])
        assert m.closeness(net, 1).values[i] == 0.0


def test_sampled_betweenness_is_networkx_k_estimator(knoke, monkeypatch):
    """Above the exact limit the estimate is networkx's own k-sample estimator (same sources)."""
    _, net, g = knoke
    k, seed = 4, 7
    nx_sources = random.Random(seed).sample(list(g), k)  # what nx.betweenness_centrality(k, seed) draws
    monkeypatch.setattr(m, "sample_sources", lambda n, size, s: np.array(sorted(nx_sources)))
    b = m.betweenness(net, 1, exact_limit=5, sample_size=k, seed=seed)
    assert not b.exact and b.sample_size == k
    expected = _vec(nx.betweenness_centrality(g, k=k, seed=seed), 10)
    np.testing.assert_allclose(b.normalized, expected, atol=TOL)
    raw = _vec(nx.betweenness_centrality(g, k=k, seed=seed, normalized=False), 10)
    np.testing.assert_allclose(b.raw, raw, atol=TOL)
