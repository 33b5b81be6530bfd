"""The pure scoring module: bands, suppression, sector gaps, Cronbach's alpha, charter checks, roll-up."""

from __future__ import annotations

import math

import numpy as np
import pytest

from shutafut.workspace import scoring
from shutafut.workspace.scoring import Band


@pytest.mark.parametrize(
    ("mean", "band"),
    [
        (5.0, Band.STRENGTH),
        (4.0, Band.STRENGTH),
        (3.95, Band.STRENGTH),  # shown as 4.0
        (3.94, Band.ATTENTION),
        (3.0, Band.ATTENTION),
        (2.96, Band.ATTENTION),  # shown as 3.0
        (2.94, Band.CONCERN),
        (1.0, Band.CONCERN),
    ],
)
def test_a_principle_mean_falls_in_the_band_of_its_shown_value(mean, band):
    assert scoring.band_of(mean) is band


def test_cronbach_alpha_matches_a_hand_checked_example():
    # items var 2.5 + 1.0 + 1.8 = 5.3; totals 5, 7, 9, 13, 14 → var 14.8; α = 3/2 · (1 − 5.3/14.8) = 0.962837…
    rows = [[1, 2, 2], [2, 2, 3], [3, 3, 3], [4, 4, 5], [5, 4, 5]]
    assert scoring.cronbach_alpha(rows) == pytest.approx(0.9628378378)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([[1, 2], [2, 3], [3, 4], [4, 5]], None),  # four respondents: too few
        ([[3, 3], [3, 3], [3, 3], [3, 3], [3, 3]], None),  # no variance in totals
        ([[1], [2], [3], [4], [5]], None),  # one item
        ([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5]], 1.0),  # perfectly consistent
        ([[1, 5], [5, 1], [1, 5], [5, 1], [3, 3]], None),  # totals constant: undefined
    ],
)
def test_cronbach_alpha_is_computed_only_when_defined(rows, expected):
    result = scoring.cronbach_alpha(rows)
    assert result == (pytest.approx(expected) if expected is not None else None)


def test_alpha_agrees_with_the_numpy_formula():
    rows = [[1, 2, 4, 3], [2, 3, 4, 4], [4, 4, 5, 5], [3, 2, 2, 3], [5, 5, 4, 4], [2, 1, 2, 1]]
    a = np.array(rows, dtype=float)
    k = a.shape[1]
    expected = k / (k - 1) * (1 - a.var(axis=0, ddof=1).sum() / a.sum(axis=1).var(ddof=1))
    assert math.isclose(scoring.cronbach_alpha(rows) or 0, expected)


def test_a_scale_of_fewer_than_three_respondents_is_suppressed():
    items = ["a", "b"]
    two = scoring.score_scale("p1", [{"a": 5, "b": 5}, {"a": 1, "b": 1}], items)
    three = scoring.score_scale("p1", [{"a": 5, "b": 5}, {"a": 1, "b": 1}, {"a": 3}], items)
    assert two.suppressed and two.band is None and two.n == 2
    assert three.mean == pytest.approx(3.0) and three.band is Band.ATTENTION and three.alpha is None


def test_the_sector_breakdown_hides_small_sectors_and_flags_gaps_of_a_point():
    scales = {"p1": ["a"], "p2": ["b"]}
    responses = (
        [("public", {"a": 5, "b": 4})] * 3 + [("third", {"a": 4, "b": 4})] * 3 + [("business", {"a": 1, "b": 1})] * 2
    )
    result = scoring.sector_breakdown(responses, scales, ["public", "third", "business"])
    assert result.sectors == ("public", "third", "business")
    assert result.cells[("p1", "business")].suppressed
    assert result.flagged == frozenset({"p1"})  # 5.0 vs 4.0; p2 equal, business hidden


def test_a_checklist_of_fewer_than_three_respondents_is_not_counted():
    assert scoring.checklist_counts([["x"], ["x", "y"]]) is None
    assert scoring.checklist_counts([["x"], ["x", "y"], []]) == {"x": 2, "y": 1}


def test_culture_gaps_mark_a_spread_of_two_as_wide():
    gaps = scoring.culture_gaps({"m1": {"speed": 1, "risk": 3}, "m2": {"speed": 3, "risk": 4}}, ["speed", "risk", "x"])
    assert [(g.gap, g.wide) for g in gaps] == [(2, True), (1, False), (None, False)]


def test_charter_mismatches_find_unoffered_benefits_unmitigated_concerns_and_empty_roles():
    found = scoring.charter_mismatches(
        contributions={"city": {"budget"}, "biz": {"managerial_knowhow"}},
        benefits=[
            scoring.ExpectedBenefit("city", "biz", "budget", "money"),
            scoring.ExpectedBenefit("biz", "city", "budget", "money"),
        ],
        concerns=[("city", "risk", False), ("biz", "brand", True)],
        roles_held={"city": ["initiator"], "biz": ["partner"]},
        all_roles=["initiator", "manager", "partner"],
    )
    assert [(m.kind, m.member, m.subject, m.other) for m in found] == [
        ("benefit", "city", "money", "biz"),
        ("concern", "city", "risk", None),
        ("role", None, "manager", None),
    ]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([(1, 1.0), (1, 0.0)], 0.5),
        ([(3, 1.0), (1, 0.0)], 0.75),
        ([(0, 1.0), (2, 0.25)], 0.25),
        ([], None),
        ([(0, 1.0)], None),
    ],
)
def test_progress_rolls_up_by_weight(parts, expected):
    result = scoring.weighted_progress(parts)
    assert result == (pytest.approx(expected) if expected is not None else None)


def test_indicator_progress_is_the_share_of_the_way_to_target_clipped():
    assert scoring.indicator_progress(10, 20, 15) == pytest.approx(0.5)
    assert scoring.indicator_progress(10, 20, 30) == 1.0
    assert scoring.indicator_progress(10, 20, None) is None


def test_the_scoring_module_imports_no_django():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(scoring))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
    }
    assert not any(m and m.startswith("django") for m in modules)
