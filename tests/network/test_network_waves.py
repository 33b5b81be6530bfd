"""Wave comparison, target gaps and PARTNER perception scores."""

from __future__ import annotations

import math

import numpy as np
import pytest

from shutafut.network import metrics as m


def _wave(ids, pairs):
    s, t, w = zip(*pairs, strict=True) if pairs else ((), (), ())
    index = {x: i for i, x in enumerate(ids)}
    return m.Network.build(ids, [index[x] for x in s], [index[x] for x in t], w, directed=True)


def test_compare_waves_pairs_and_deltas():
    before = _wave(["a", "b", "c", "d"], [("a", "b", 2), ("b", "a", 3), ("a", "c", 4), ("c", "d", 1)])
    after = _wave(["a", "b", "c", "e"], [("a", "b", 4), ("b", "a", 3), ("a", "c", 1), ("b", "c", 2)])
    w = m.compare_waves(before, after, 2)
    assert w.common == ("a", "b", "c") and w.joined == ("e",) and w.left == ("d",)
    rows = zip(w.source, w.target, w.before, w.after, strict=True)
    pairs = {(w.common[s], w.common[t]): (b, a) for s, t, b, a in rows}
    assert pairs == {("a", "b"): (2, 4), ("b", "a"): (3, 3), ("a", "c"): (4, 1), ("b", "c"): (0, 2)}
    climbed = {p for p, c in zip(pairs, w.climbed, strict=True) if c}
    assert climbed == {("a", "b"), ("b", "c")}
    assert {p for p, c in zip(pairs, w.fell, strict=True) if c} == {("a", "c")}
    assert {p for p, c in zip(pairs, w.new_ties, strict=True) if c} == {("b", "c")}
    assert {p for p, c in zip(pairs, w.lost_ties, strict=True) if c} == {("a", "c")}
    assert w.deltas["density"] == pytest.approx(3 / 12 - 3 / 12)
    assert w.deltas["mean_level_over_ties"] == pytest.approx(3 - 3)
    assert w.deltas["arc_reciprocity"] == pytest.approx(2 / 3 - 2 / 3)
    assert w.summary_before["n_ties"] == 3 and w.summary_after["mean_level_over_all_pairs"] == pytest.approx(10 / 12)


def test_compare_waves_refuses_mixed_direction():
    a = m.Network.build(["a", "b"], [0], [1], directed=True)
    b = m.Network.build(["a", "b"], [0], [1], directed=False)
    with pytest.raises(ValueError, match="both"):
        m.compare_waves(a, b, 1)


def test_target_gaps():
    net = m.Network.build(["a", "b", "c"], [0, 1], [1, 2], [3, 5], directed=False)
    gaps = m.target_gaps(net, [1, 2, 0], [0, 1, 2], [5, 4, 3])  # (b,a) is the undirected pair (a,b)
    assert gaps.current.tolist() == [3, 5, 0]
    assert gaps.gap.tolist() == [2, -1, 3]
    assert gaps.reached == 1 and gaps.mean_open_gap == 2.5


def test_perception_scores_and_rescale_rules():
    # two raters about org 2; one about org 0
    trust = [[4, 4, 3], [3, 3, 3], [2, 2, 2]]
    value = [[1, 2, 3], [4, 4, 4], [np.nan, 3, 3]]
    p = m.perception_scores(3, [0, 1, 2], [2, 2, 0], trust, value)
    assert p.trust[2] == pytest.approx((11 / 3 + 3) / 2) and p.trust[0] == 2 and math.isnan(p.trust[1])
    assert p.value[0] == 3  # the missing item is left out of the dyad's mean
    assert p.trust_raters.tolist() == [1, 0, 2]
    mean = (11 / 3 + 3 + 2) / 3
    assert p.network_trust == pytest.approx(mean)
    assert p.network_trust_pct == pytest.approx(100 * mean / 4) and p.rule is m.RescaleRule.PCT_OF_MAX
    q = m.perception_scores(3, [0, 1, 2], [2, 2, 0], trust, value, rule=m.RescaleRule.PCT_OF_RANGE)
    assert q.network_trust_pct == pytest.approx(100 * (mean - 1) / 3)
    # peers.md §4.3: a published 81 % sits on a 1-4 mean between 3.2 and 3.5 under either rule
    assert 3.2 <= 0.81 * 4 <= 3.5 and 3.2 <= 1 + 0.81 * 3 <= 3.5
    with pytest.raises(ValueError, match="1-4"):
        m.perception_scores(2, [0], [1], [[5, 1, 1]], [[1, 1, 1]])
