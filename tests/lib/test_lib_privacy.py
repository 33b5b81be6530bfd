"""The privacy rule of survey results: groups from three respondents up, and no shown total that gives the hidden
one or two away."""

from __future__ import annotations

import pytest

from shutafut.lib.privacy import publishable_groups


@pytest.mark.parametrize(
    ("sizes", "totals", "shown"),
    [
        ({"a": 3, "b": 2}, [], {"a"}),  # no total shown beside them: only the group size counts
        ({"a": 3}, [["a"]], {"a"}),  # the group is the whole total: nothing more is learnt
        ({"a": 3, "b": 1}, [["a", "b"]], set()),  # total minus a would be b's one answer
        ({"a": 3, "b": 2}, [["a", "b"]], set()),  # ... or the two answers of b, each of whom knows one
        ({"a": 3, "b": 3}, [["a", "b"]], {"a", "b"}),
        ({"a": 3, "b": 4, "c": 2}, [["a", "b", "c"]], {"b"}),  # hiding the smallest shown group leaves 5 hidden
        ({"a": 3, "b": 3, "c": 1}, [["a", "b", "c"], ["a", "c"]], {"b"}),  # a sector total gives c away too
        ({"a": 5, "b": 1}, [["a"], ["b"]], {"a"}),  # b's own total is not shown next to anything of b
    ],
)
def test_a_group_is_shown_only_where_no_total_gives_one_or_two_people_away(sizes, totals, shown):
    assert publishable_groups(sizes, totals) == frozenset(shown)
