"""The six principles and their indicators (domain.md §4)."""

from __future__ import annotations

import re

import pytest

from shutafut.model.principles import (
    DECISION_PARTICIPATION_MIN,
    INDICATORS,
    PRINCIPLES,
    READINESS_GO,
    Principle,
    ReadinessThreshold,
    readiness_passes,
)
from tests.conftest import shared_path

EXPECTED_CODES = [
    "I1.1", "I1.2", "I1.3", "I1.4",
    "I2.1", "I2.2", "I2.3", "I2.4",
    "I3.1", "I3.2", "I3.3", "I3.4",
    "I4.1", "I4.2", "I4.3", "I4.4",
    "I5.1", "I5.2", "I5.3",
    "I6.1", "I6.2", "I6.3",
]  # fmt: skip


def test_there_are_six_principles_coded_p1_to_p6():
    assert [p.value for p in Principle] == ["p1", "p2", "p3", "p4", "p5", "p6"]
    assert set(PRINCIPLES) == set(Principle)


def test_the_indicators_are_I1_1_to_I6_3_in_order():
    assert list(INDICATORS) == EXPECTED_CODES


@pytest.mark.parametrize("code", EXPECTED_CODES, ids=EXPECTED_CODES)
def test_each_indicator_belongs_to_the_principle_its_code_names(code: str):
    indicator = INDICATORS[code]
    assert indicator.code == code
    assert indicator.principle.value == f"p{code[1]}"
    assert indicator in indicator.principle.indicators


@pytest.mark.parametrize(
    ("code", "proposed"),
    [("I1.1", False), ("I1.2", True), ("I3.3", False), ("I4.2", True), ("I5.1", False), ("I6.3", True)],
    ids=["convener is sourced", "statutory split is ours", "all decide is sourced", "mismatch is ours",
         "readiness is sourced", "conflict time is ours"],
)  # fmt: skip
def test_indicators_say_whether_they_are_sourced_or_proposed(code: str, proposed: bool):
    assert INDICATORS[code].proposed is proposed


@pytest.mark.parametrize(
    ("scores", "go"),
    [((1, 1, 3), True), ((2, 2, 1), True), ((3, 3, 3), True), ((2, 2, 0), False), ((1, 1, 2), False)],
    ids=["each at least one, total five", "total five", "full marks", "one dimension at zero", "total four"],
)
def test_readiness_goes_when_every_dimension_is_at_least_1_and_the_total_at_least_5(
    scores: tuple[int, int, int], go: bool
):
    assert readiness_passes(*scores) is go


def test_the_readiness_rule_can_be_tightened():
    assert readiness_passes(2, 2, 2) is True
    assert readiness_passes(2, 2, 2, ReadinessThreshold(min_each=2, min_total=7)) is False


@pytest.mark.parametrize("scores", [(4, 1, 1), (-1, 3, 3)], ids=["above three", "negative"])
def test_readiness_scores_outside_0_to_3_are_rejected(scores: tuple[int, int, int]):
    with pytest.raises(ValueError, match="between 0 and 3"):
        readiness_passes(*scores)


def test_the_default_thresholds_match_domain_md():
    assert (READINESS_GO.min_each, READINESS_GO.min_total, READINESS_GO.max_each) == (1, 5, 3)
    assert DECISION_PARTICIPATION_MIN == 0.75
    assert "75%" in INDICATORS["I3.3"].threshold.en  # type: ignore[union-attr]
    assert "≥ 5" in INDICATORS["I5.1"].threshold.en  # type: ignore[union-attr]


@pytest.mark.parametrize("principle", list(Principle), ids=[p.value for p in Principle])
def test_every_principle_has_a_paragraph_of_explanation(principle: Principle):
    info = principle.info
    assert info.principle is principle
    assert len(info.explanation.en.split()) >= 30
    assert len(info.explanation.he.split()) >= 25


def word_runs(text: str, length: int) -> set[str]:
    words = re.findall(r"[\u05d0-\u05ea\"']+", text)
    return {" ".join(words[i : i + length]) for i in range(len(words) - length + 1)}


@pytest.fixture(scope="module")
def guide_runs() -> set[str]:
    """Every run of six Hebrew words in the guide's seed text (../shared/seed)."""
    seed = shared_path("seed")
    texts = sorted(seed.glob("*.txt"))
    assert texts, f"no seed text (*.txt) in {seed}"
    runs = set().union(*(word_runs(p.read_text(encoding="utf-8"), 6) for p in texts))
    assert len(runs) > 500, f"the seed text in {seed} is too short to be the guide"
    return runs


def test_a_sentence_copied_from_the_guide_would_be_caught(guide_runs: set[str]):
    copied = next(iter(sorted(guide_runs)))
    assert word_runs(f"כפי שנאמר: {copied}.", 6) & guide_runs


@pytest.mark.parametrize("principle", list(Principle), ids=[p.value for p in Principle])
def test_explanations_are_in_our_own_words_not_the_guides(principle: Principle, guide_runs: set[str]):
    assert word_runs(principle.info.explanation.he, 6) & guide_runs == set()
