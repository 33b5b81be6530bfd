"""Aggregation rules: roll-up, competition, symmetrization, non-respondents and disagreement flags."""

from __future__ import annotations

import numpy as np
import pytest

from shutafut.model.ladder import CompetitionRule
from shutafut.network import aggregate as agg
from shutafut.network import metrics as m


def test_roll_up_rules_on_three_respondents():
    # organization 0's three people rate org 1 at 2, 3 and 5; its two people rate org 2 at 1 and 4
    rows = dict(rater_org=[0, 0, 0, 0, 0], ratee_org=[1, 1, 1, 2, 2], rung=[3, 5, 2, 4, 1])
    expected = {
        agg.RollUpRule.MAX: [5, 4],
        agg.RollUpRule.MIN: [2, 1],
        agg.RollUpRule.MEDIAN_LOW: [3, 1],
        agg.RollUpRule.MEDIAN_HIGH: [3, 4],
        agg.RollUpRule.MEAN_ROUNDED: [3, 3],  # 10/3 -> 3; 2.5 rounds half up -> 3
    }
    for rule, values in expected.items():
        out = agg.roll_up(3, rule=rule, **rows)
        assert out.ratings.ratee.tolist() == [1, 2]
        assert out.ratings.rung.tolist() == values, rule
        assert out.respondents.tolist() == [3, 2]
        assert out.spread.tolist() == [3, 3]
        assert out.rule is rule


def test_numeric_levels_competition_rule():
    rungs = [0, 1, 2, 5, agg.MISSING]
    assert agg.numeric_levels(rungs, CompetitionRule.AS_ORDER)[:4].tolist() == [0, 1, 2, 5]
    assert agg.numeric_levels(rungs, CompetitionRule.AS_ZERO)[:4].tolist() == [0, 0, 2, 5]
    excl = agg.numeric_levels(rungs, CompetitionRule.EXCLUDE)
    assert np.isnan(excl[1]) and np.isnan(excl[4]) and excl[3] == 5


def _ratings() -> agg.Ratings:
    # 0 and 1 answered; 2 did not. 0→1 partnership, 1→0 informing (gap 3: flagged);
    # 0→2 coordination (2 silent: imputed); 1 did not list 2 but 2 did not answer either: no pair
    return agg.Ratings.build(3, [0, 1, 0], [1, 0, 2], [5, 2, 3], responded=[True, True, False])


@pytest.mark.parametrize(("rule", "value"), [("min", 2.0), ("mean", 3.5), ("max", 5.0)])
def test_symmetrize_rules_and_flags(rule, value):
    pairs = agg.symmetrize(_ratings(), agg.SymmetrizeRule(rule), agg.NonRespondentRule.IMPUTE_COUNTERPART)
    assert list(zip(pairs.a.tolist(), pairs.b.tolist(), strict=True)) == [(0, 1), (0, 2)]
    assert pairs.value.tolist() == [value, 3.0]
    assert pairs.imputed.tolist() == [False, True]
    assert pairs.r_ab.tolist() == [5, 3] and pairs.r_ba.tolist() == [2, agg.MISSING]
    assert pairs.gap[0] == 3 and np.isnan(pairs.gap[1])
    assert pairs.disagreement.tolist() == [True, False]


def test_exclude_nonrespondent_pairs_drop_out_of_statistics():
    pairs = agg.symmetrize(_ratings(), agg.SymmetrizeRule.MAX, agg.NonRespondentRule.EXCLUDE)
    assert np.isnan(pairs.value[1]) and not pairs.imputed.any()
    net = pairs.to_network(["a", "b", "c"])
    ml = m.mean_level(net, 1)
    assert (ml.all_pairs_denominator, ml.excluded_pairs, ml.over_all_pairs) == (2, 1, 2.5)


def test_unlisted_partner_of_a_respondent_is_zero_and_flagged():
    # both answered; only 0 listed 1 (at cooperation): 1's silence means disconnection, gap 4
    r = agg.Ratings.build(2, [0], [1], [4], responded=[True, True])
    pairs = agg.symmetrize(r, agg.SymmetrizeRule.MIN, agg.NonRespondentRule.IMPUTE_COUNTERPART)
    assert pairs.r_ba.tolist() == [0] and pairs.value.tolist() == [0.0]
    assert not pairs.imputed[0] and pairs.disagreement[0]


def test_disagreement_threshold_is_two_rungs():
    r = agg.Ratings.build(4, [0, 1, 2, 3], [1, 0, 3, 2], [3, 4, 2, 4])
    pairs = agg.symmetrize(r, agg.SymmetrizeRule.MEAN, agg.NonRespondentRule.IMPUTE_COUNTERPART)
    assert pairs.gap.tolist() == [1.0, 2.0]
    assert pairs.disagreement.tolist() == [False, True]
    stricter = agg.symmetrize(r, agg.SymmetrizeRule.MEAN, agg.NonRespondentRule.IMPUTE_COUNTERPART, min_gap=3)
    assert not stricter.disagreement.any()


def test_competition_excluded_side_leaves_the_other():
    r = agg.Ratings.build(2, [0, 1], [1, 0], [1, 4])
    pairs = agg.symmetrize(
        r,
        agg.SymmetrizeRule.MIN,
        agg.NonRespondentRule.IMPUTE_COUNTERPART,
        competition=CompetitionRule.EXCLUDE,
    )
    assert pairs.value.tolist() == [4.0]
    as_zero = agg.symmetrize(r, agg.SymmetrizeRule.MIN, agg.NonRespondentRule.IMPUTE_COUNTERPART)
    assert as_zero.value.tolist() == [0.0]


def test_directed_levels_impute_counterpart_arcs():
    d = agg.directed_levels(_ratings(), agg.NonRespondentRule.IMPUTE_COUNTERPART)
    arcs = sorted(zip(d.source.tolist(), d.target.tolist(), d.level.tolist(), d.imputed.tolist(), strict=True))
    assert arcs == [(0, 1, 5.0, False), (0, 2, 3.0, False), (1, 0, 2.0, False), (2, 0, 3.0, True)]
    net = d.to_network(["a", "b", "c"])
    assert m.reciprocity(net, 2).arc_reciprocity == 1.0
    plain = agg.directed_levels(_ratings(), agg.NonRespondentRule.EXCLUDE).to_network(["a", "b", "c"])
    assert m.reciprocity(plain, 2).arc_reciprocity == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(rater=[0], ratee=[0], rung=[2]), "self-ratings"),
        (dict(rater=[0], ratee=[5], rung=[2]), "outside"),
        (dict(rater=[0], ratee=[1], rung=[6]), "0-5"),
        (dict(rater=[0, 0], ratee=[1, 1], rung=[2, 3]), "twice"),
        (dict(rater=[0], ratee=[1], rung=[2], responded=[False, True, True]), "not having responded"),
    ],
)
def test_bad_ratings_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        agg.Ratings.build(3, **kwargs)


def test_bad_networks_are_refused():
    with pytest.raises(ValueError, match="self-ties"):
        m.Network.build(["a", "b"], [0], [0], directed=True)
    with pytest.raises(ValueError, match="more than once"):
        m.Network.build(["a", "b"], [0, 1], [1, 0], directed=False)
    with pytest.raises(ValueError, match="unique"):
        m.Network.build(["a", "a"], [], [], directed=True)
    with pytest.raises(ValueError, match="outside"):
        m.Network.build(["a", "b"], [0], [2], directed=True)
