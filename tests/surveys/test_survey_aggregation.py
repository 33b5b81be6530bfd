"""From answers to pairs: both directions kept, named roll-up, imputation flagged, disagreement flagged; closing
writes the wave's survey relationships once."""

from __future__ import annotations

import pytest
from django.utils import translation

from shutafut.network.aggregate import NonRespondentRule, RollUpRule, SymmetrizeRule
from shutafut.relationships.models import Relationship
from shutafut.surveys.links import link_revoke
from shutafut.surveys.selectors import wave_pairs, wave_ratings, wave_trust_value
from shutafut.surveys.services import rating_save, wave_close

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


@pytest.fixture
def answered(survey):
    """City (two respondents) and NGO answer; the shop does not."""
    links, city, ngo, shop = survey["links"], survey["city"], survey["ngo"], survey["shop"]
    rating_save(link=links["dana"], rated=ngo, rung=2, domain="חינוך")
    rating_save(link=links["dana"], rated=shop, rung=3)
    rating_save(link=links["dov"], rated=shop, rung=5)
    rating_save(
        link=links["noa"],
        rated=city,
        rung=4,
        domain="חינוך",
        trust_reliability=4,
        trust_mission=4,
        trust_openness=2,
        value_power=3,
    )
    rating_save(link=links["noa"], rated=shop, rung=1)
    return survey


def pair_of(pairs, x, y):
    [pair] = [p for p in pairs if {p["org_a"], p["org_b"]} == {x.pk, y.pk}]
    return pair


def directed(pair, rater, ratee):
    return pair["rating_ab"] if pair["org_a"] == rater.pk else pair["rating_ba"]


def test_the_ratings_index_the_roster_and_mark_who_responded(answered):
    wr = wave_ratings(answered["wave"])
    assert sorted(wr.org_ids) == sorted(o.pk for o in (answered["city"], answered["ngo"], answered["shop"]))
    responded = {wr.org_ids[k]: bool(v) for k, v in enumerate(wr.responded)}
    assert responded == {answered["city"].pk: True, answered["ngo"].pk: True, answered["shop"].pk: False}
    assert len(wr.rater) == 5  # one row per respondent's answer, before the roll-up


def test_both_directed_ratings_of_a_pair_are_kept_and_a_gap_of_two_is_flagged(answered):
    city, ngo = answered["city"], answered["ngo"]
    pair = pair_of(wave_pairs(answered["wave"]), city, ngo)
    assert directed(pair, city, ngo) == 2 and directed(pair, ngo, city) == 4
    assert pair["value"] == 3.0 and pair["gap"] == 2 and pair["disagreement"] is True and pair["imputed"] is False


def test_a_gap_of_one_is_not_flagged(answered):
    rating_save(link=answered["links"]["noa"], rated=answered["city"], rung=3)
    pair = pair_of(wave_pairs(answered["wave"]), answered["city"], answered["ngo"])
    assert pair["gap"] == 1 and pair["disagreement"] is False


def test_a_pair_whose_other_side_did_not_answer_is_imputed_from_the_counterpart_and_flagged(answered):
    ngo, shop = answered["ngo"], answered["shop"]
    pair = pair_of(wave_pairs(answered["wave"], symmetrize=SymmetrizeRule.MIN), ngo, shop)
    assert directed(pair, shop, ngo) is None and directed(pair, ngo, shop) == 1
    assert pair["imputed"] is True and pair["gap"] is None and pair["disagreement"] is False
    assert pair["value"] == 0.0  # competition counts as 0 in numeric statistics by default
    excluded = pair_of(wave_pairs(answered["wave"], nonrespondents=NonRespondentRule.EXCLUDE), ngo, shop)
    assert excluded["value"] is None and excluded["imputed"] is False


@pytest.mark.parametrize(
    ("rule", "expected"),
    [(RollUpRule.MAX, 5), (RollUpRule.MIN, 3), (RollUpRule.MEDIAN_LOW, 3), (RollUpRule.MEAN_ROUNDED, 4)],
)
def test_two_respondents_of_one_organization_are_rolled_up_by_the_named_rule(answered, rule, expected):
    city, shop = answered["city"], answered["shop"]
    pair = pair_of(wave_pairs(answered["wave"], rollup=rule), city, shop)
    assert directed(pair, city, shop) == expected and pair["respondents_ab"] + pair["respondents_ba"] == 2


def test_a_revoked_links_answers_leave_the_analysis(answered):
    link_revoke(answered["links"]["dov"])
    pair = pair_of(wave_pairs(answered["wave"], rollup=RollUpRule.MAX), answered["city"], answered["shop"])
    assert directed(pair, answered["city"], answered["shop"]) == 3


def test_trust_and_value_per_organization_come_from_the_partner_items(answered):
    items = {"trust_reliability": 4, "trust_mission": 4, "trust_openness": 2, "value_power": 3}
    for name in ("dana", "dov", "shai"):  # three respondents: their mean may be shown (shutafut.lib.privacy)
        rating_save(link=answered["links"][name], rated=answered["ngo"], rung=3, **items)
    result = wave_trust_value(answered["wave"])
    rows = {r["organization"]: r for r in result["organizations"]}
    row = rows[answered["ngo"].pk]
    assert row["trust"] == pytest.approx(10 / 3) and row["value"] == 3.0 and row["trust_raters"] == 3
    assert result["network_trust_pct"] == pytest.approx(100 * (10 / 3) / 4)


def test_closing_writes_the_pairs_as_survey_relationships_by_max_then_min_once(answered):
    wave, city, ngo, shop = answered["wave"], answered["city"], answered["ngo"], answered["shop"]
    with translation.override("en"):
        assert wave_close(wave=wave) == 3
        assert wave_close(wave=wave) == 3  # closing twice does not duplicate
    rows = Relationship.objects.filter(wave=wave)
    assert rows.count() == 3 and {r.source for r in rows} == {"survey"}
    by_pair = {frozenset((r.org_a_id, r.org_b_id)): r for r in rows}
    assert by_pair[frozenset((city.pk, ngo.pk))].rung == 2  # min of 2 and 4
    assert by_pair[frozenset((city.pk, ngo.pk))].domain == "חינוך"
    assert by_pair[frozenset((city.pk, shop.pk))].rung == 5  # max of the city's 3 and 5; the shop's side imputed
    assert by_pair[frozenset((ngo.pk, shop.pk))].rung == 1  # competition stays competition
    assert "imputed" in by_pair[frozenset((city.pk, shop.pk))].notes
    assert "imputed" not in by_pair[frozenset((city.pk, ngo.pk))].notes
    wave.refresh_from_db()
    assert wave.status == "closed"


def test_closing_leaves_recorded_relationships_alone_and_skips_disconnections(answered, town_a_records):
    rating_save(link=answered["links"]["noa"], rated=answered["shop"], rung=0)
    wave_close(wave=answered["wave"])
    assert Relationship.objects.filter(source="recorded").get() == town_a_records["relationship"]
    pairs = {frozenset((r.org_a_id, r.org_b_id)) for r in Relationship.objects.filter(wave=answered["wave"])}
    assert frozenset((answered["ngo"].pk, answered["shop"].pk)) not in pairs
