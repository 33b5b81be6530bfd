"""Pair keys, the one integer per pair that every network function sorts and matches pairs by."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from shutafut.network import metrics as m


def _ints(values: list[int]) -> m.IntArray:
    return np.asarray(values, dtype=np.int64)


def test_an_undirected_pair_has_one_key_whichever_way_it_is_written() -> None:
    ab = m.pair_key(_ints([0, 3]), _ints([3, 0]), 5, directed=False)
    assert ab[0] == ab[1]


def test_an_arc_and_its_reverse_have_different_keys() -> None:
    ab = m.pair_key(_ints([0, 3]), _ints([3, 0]), 5, directed=True)
    assert ab[0] != ab[1]


@given(st.integers(2, 50).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n - 1), st.integers(0, n - 1))))
def test_a_key_gives_both_ends_back(case: tuple[int, int, int]) -> None:
    n, a, b = case
    arc = m.pair_key(_ints([a]), _ints([b]), n, directed=True)[0]
    pair = m.pair_key(_ints([a]), _ints([b]), n, directed=False)[0]
    assert (arc // n, arc % n) == (a, b)
    assert (pair // n, pair % n) == (min(a, b), max(a, b))


@settings(max_examples=50)
@given(st.dictionaries(st.integers(0, 99), st.integers(-5, 5), max_size=20), st.lists(st.integers(0, 99), max_size=20))
def test_looking_up_keys_gives_their_values_and_missing_for_the_others(
    known: dict[int, int], wanted: list[int]
) -> None:
    found = m.look_up(_ints(list(known)), _ints(list(known.values())), _ints(wanted), -99)
    assert found.tolist() == [known.get(k, -99) for k in wanted]


def test_a_missing_value_may_differ_for_each_wanted_key() -> None:
    found = m.look_up(_ints([7]), _ints([1]), _ints([7, 8, 9]), _ints([0, 0, -1]))
    assert found.tolist() == [1, 0, -1]


def test_a_network_without_ties_is_at_zero_on_every_target_pair() -> None:
    net = m.Network.build(["a", "b", "c"], [], [], directed=True)
    assert m.target_gaps(net, [0, 1], [1, 2], [3, 4]).current.tolist() == [0, 0]
