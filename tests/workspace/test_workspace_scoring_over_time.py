"""The pure scoring of the health survey over time: the trend of a scale, pooled explanations of low scores, the
breakdown by organization, and the mean of people's ratings."""

from __future__ import annotations

import pytest

from shutafut.workspace import scoring
from shutafut.workspace.scoring import Hidden, ScaleResult


def _result(mean: float | None, n: int = 3) -> ScaleResult:
    return ScaleResult("trust", n, mean, None, None)


def test_the_change_between_surveys_is_taken_between_the_shown_means():
    # 3.24 and 3.36 show as 3.2 and 3.4: the change shown is +0.2, not the raw +0.12 (which would show as +0.1).
    points = scoring.trend([("s1", _result(3.24)), ("s2", _result(3.36)), ("s3", _result(2.9))])
    assert [p.change for p in points] == [None, pytest.approx(0.2), pytest.approx(-0.5)]


def test_no_change_is_given_next_to_a_hidden_mean():
    points = scoring.trend([("s1", _result(3.0)), ("s2", _result(None, n=2)), ("s3", _result(3.5))])
    assert [p.change for p in points] == [None, None, None]


def test_explanations_are_pooled_by_item_sorted_and_only_beside_a_score_of_one_or_two():
    responses = [
        ({"p1a": 1, "p1b": 4}, {"p1a": "zeta", "p1b": "written, then the score was raised"}),
        ({"p1a": 2, "p1b": 2}, {"p1a": "alpha", "p1b": "  "}),
        ({"p1a": 5}, {}),
    ]
    assert scoring.low_score_explanations(responses, ["p1a", "p1b"]) == {"p1a": ["alpha", "zeta"]}


def test_explanations_of_fewer_than_three_respondents_are_not_shown():
    responses = [({"p1a": 1}, {"p1a": "x"}), ({"p1a": 1}, {"p1a": "y"})]
    assert scoring.low_score_explanations(responses, ["p1a"]) is None


def test_the_breakdown_by_organization_shows_groups_of_three_and_says_why_the_others_are_hidden():
    responses = [("city", {"a": 5, "t": 4})] * 3 + [("ngo", {"a": 3, "t": 2})] * 3 + [("biz", {"a": 1, "t": 1})]
    result = scoring.group_breakdown(
        responses, {"p1": ["a"], "trust": ["t"]}, ["city", "ngo", "biz"], unbanded=["trust"]
    )
    assert result.shown == ("city", "ngo") and result.hidden == {"biz": Hidden.TOO_FEW}
    assert result.cells[("p1", "city")].band == "strength" and result.cells[("trust", "ngo")].band is None
    assert ("p1", "biz") not in result.cells


def test_the_breakdown_hides_a_group_whose_showing_would_give_the_rest_away():
    responses = [("city", {"a": 5})] * 3 + [("ngo", {"a": 1})] * 2
    result = scoring.group_breakdown(responses, {"p1": ["a"]}, ["city", "ngo"], totals=[["city", "ngo"]])
    assert result.shown == () and result.hidden == {"city": Hidden.WOULD_REVEAL, "ngo": Hidden.TOO_FEW}


@pytest.mark.parametrize(("values", "mean"), [([], None), ([4.0, 1.0], None), ([4.0, 1.0, 3.0], 8 / 3)])
def test_a_mean_of_peoples_ratings_needs_three_ratings(values, mean):
    result = scoring.group_mean(values)
    assert result.n == len(values) and result.mean == (pytest.approx(mean) if mean is not None else None)


def test_a_sector_shown_beside_the_overall_means_is_withheld_when_the_rest_would_be_one_or_two_people():
    scales = {"p1": ["a"]}
    responses = [("public", {"a": 5})] * 3 + [("third", {"a": 4})] * 3 + [("business", {"a": 1})] * 2
    order = ["public", "third", "business"]
    alone = scoring.sector_breakdown(responses, scales, order)
    beside = scoring.sector_breakdown(responses, scales, order, totals=[order])
    assert alone.withheld == frozenset() and alone.flagged == frozenset({"p1"})
    assert beside.withheld == frozenset({"public"}) and beside.cells[("p1", "public")].suppressed
    assert beside.cells[("p1", "third")].mean == 4.0 and beside.flagged == frozenset()
