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
from shutafut.model.provenance import Source
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
    assert INDICATORS[code].source is (Source.OURS if proposed else Source.GUIDE)
    assert INDICATORS[code].threshold_source is Source.OURS


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


# The guide's key terms and ideas, element by element, as the Center's summary gives each principle. Every term
# of an element must appear in the explanation (English: case-insensitive); a missing element fails by name.
ELEMENTS: dict[Principle, list[tuple[str, tuple[str, ...], tuple[str, ...]]]] = {
    Principle.P1: [
        (
            "unequal public responsibility",
            ("אינם שווים", "אחריות", "מחויבות"),
            ("not equal", "responsibility", "commitment"),
        ),
        (
            "the public sector governs and leads",
            ("המשילות", "המגזר הציבורי", "מוביל"),
            ("governance", "public sector", "leads"),
        ),
        ("integrated governance", ("משילות משולבת",), ("integrated governance",)),
        (
            "government shares thinking, resources and delivery",
            ("לחשוב", "משאבים", "לבצע"),
            ("think", "resources", "deliver"),
        ),
        ("no blurred boundaries", ("טשטוש גבולות",), ("boundaries", "blur")),
        ("no capital-government closeness", ("קרבת הון ושלטון",), ("capital and government", "too close")),
        ("no ethical harm", ("פגיעה אתית",), ("ethical harm",)),
        ("the elected, permanent institution", ("הנבחר", "הקבוע"), ("elected", "permanent institution")),
        (
            "it convenes, the others influence and act",
            ("מכנס", "משפיעים על ההחלטות", "פועלים"),
            ("convenes", "influence decisions", "act"),
        ),
    ],
    Principle.P2: [
        ("sustainable development values", ("פיתוח בר-קיימא",), ("sustainable development",)),
        ("public goals and shared values", ("מטרות ציבוריות", "ערכים"), ("public goals", "values")),
        (
            "shared goals and each partner's own",
            ("שהשותפים חולקים", "כל שותף לעצמו"),
            ("goals the partners share", "each partner's own"),
        ),
        ("all stakeholders recruited", ("כל בעלי העניין", "מגייסים"), ("all the stakeholders", "recruited")),
        ("shared responsibility", ("נושאים יחד באחריות",), ("shared responsibility",)),
        ("a democratic process", ("תהליך דמוקרטי",), ("democratic process",)),
        ("each sector's abilities for the good of all", ("כל מגזר", "לטובת כולם"), ("each sector", "good of all")),
        (
            "a focus relevant to all: interest and influence",
            ("מוקד פעולה", "רלוונטי", "מעוניין", "להשפיע"),
            ("focus", "relevant", "interest", "influence"),
        ),
    ],
    Principle.P3: [
        ("not every interaction is a partnership", ("לא כל מגע",), ("not every contact",)),
        (
            "jointly directed resources of different types",
            ("מכוונים יחד", "משאבים מסוגים שונים"),
            ("jointly direct", "resources of different types"),
        ),
        (
            "the guide's resource examples",
            ("ידע", "ניסיון", "תקציב", "קשרים", "זמן", "תשתיות"),
            ("knowledge", "experience", "budget", "connections", "time", "infrastructure"),
        ),
        ("all partners in decisions", ("כל השותפים", "בקבלת ההחלטות"), ("all partners", "decisions")),
        ("action for community benefit", ("לתועלת הקהילה",), ("community's benefit",)),
        (
            "donation, purchase, outsourcing are not one by themselves",
            ("תרומה פילנתרופית", "קניית שירותים", "מיקור חוץ", "כשלעצמם"),
            ("philanthropic donation", "purchase of services", "outsourcing", "by itself"),
        ),
        ("but may be a basis", ("הבסיס", "בהמשך"), ("basis", "later")),
    ],
    Principle.P4: [
        ("each sector's unique contribution", ("תרומה ייחודית",), ("unique contribution",)),
        ("recognising assets and strengths", ("בנכסים", "ובחוזקות"), ("assets", "strengths")),
        ("a clear shared goal", ("בבהירות", "המטרה המשותפת"), ("clearly", "shared goal")),
        ("expectations", ("הציפיות",), ("expects",)),
        ("the interfaces of cooperation", ("ממשקי השיתוף",), ("interfaces of cooperation",)),
        ("roles", ("תפקידים",), ("roles",)),
    ],
    Principle.P5: [
        ("barriers and concerns", ("החסמים", "החששות"), ("barriers", "concerns")),
        (
            "giving up exclusivity or the feeling of it",
            ("לוותר", "הבלעדיות", "התחושה"),
            ("give up", "exclusivity", "feeling"),
        ),
        (
            "what goes on the table",
            ("משאבים", "מוניטין", "מעמד", "קשרים", "זמן", "כוח אדם"),
            ("resources", "reputation", "status", "connections", "time", "staff"),
        ),
        (
            "political, organizational and community readiness",
            ("מוכנות פוליטית", "ארגונית", "וקהילתית"),
            ("political", "organizational", "community readiness"),
        ),
        ("a culture of cross-sector dialogue", ("שיח בין המגזרים",), ("dialogue between the sectors",)),
        (
            "justified by contribution, scale and innovation",
            ("הצדקה", "תרומתה לקהילה", "היקף הפעולה", "חדשנות"),
            ("justified", "gives the community", "scale", "innovation"),
        ),
    ],
    Principle.P6: [
        (
            "differences of time, work methods and success",
            ("לזמן", "שיטות העבודה", "הצלחה"),
            ("time", "work methods", "success"),
        ),
        (
            "little experience of working together",
            ("מעט ניסיון", "בעבודה משותפת"),
            ("little experience", "working together"),
        ),
        ("the meeting of cultures brings assets", ("המפגש", "נכסים"), ("meeting of different cultures", "assets")),
        ("dialogue about starting positions", ("שיח", "עמדות המוצא"), ("dialogue", "starting positions")),
        ("agreements and trust", ("הסכמות", "אמון"), ("agreements", "trust")),
    ],
}

ELEMENT_CASES = [
    pytest.param(principle, lang, terms, id=f"{principle.value}-{lang}-{name}")
    for principle, elements in ELEMENTS.items()
    for name, he, en in elements
    for lang, terms in (("he", he), ("en", en))
]


def test_every_principle_has_its_list_of_elements():
    assert set(ELEMENTS) == set(Principle)


@pytest.mark.parametrize(("principle", "lang", "terms"), ELEMENT_CASES)
def test_each_principle_keeps_every_element_of_the_guide_in_both_languages(
    principle: Principle, lang: str, terms: tuple[str, ...]
):
    text = principle.info.explanation.in_lang(lang)
    haystack = text.lower() if lang == "en" else text
    missing = [t for t in terms if (t.lower() if lang == "en" else t) not in haystack]
    assert missing == [], f"{principle.value} ({lang}) lacks {missing}"


@pytest.mark.parametrize("principle", list(Principle), ids=[p.value for p in Principle])
def test_each_principle_names_the_guide_as_its_source(principle: Principle):
    assert principle.info.source is Source.GUIDE


def word_runs(text: str, length: int) -> set[str]:
    words = re.findall(r"[\u05d0-\u05ea\"']+", text)
    return {" ".join(words[i : i + length]) for i in range(len(words) - length + 1)}


@pytest.fixture(scope="module")
def guide_runs() -> set[str]:
    """Every run of ten Hebrew words in the guide's seed text (../shared/seed): key terms of a few words are shared
    on purpose, a run of ten would be a copied sentence."""
    seed = shared_path("seed")
    texts = sorted(seed.glob("*.txt"))
    assert texts, f"no seed text (*.txt) in {seed}"
    runs = set().union(*(word_runs(p.read_text(encoding="utf-8"), 10) for p in texts))
    assert len(runs) > 500, f"the seed text in {seed} is too short to be the guide"
    return runs


def test_a_sentence_copied_from_the_guide_would_be_caught(guide_runs: set[str]):
    copied = next(iter(sorted(guide_runs)))
    assert word_runs(f"כפי שנאמר: {copied}.", 10) & guide_runs


@pytest.mark.parametrize("principle", list(Principle), ids=[p.value for p in Principle])
def test_explanations_use_the_guides_terms_but_copy_none_of_its_sentences(principle: Principle, guide_runs: set[str]):
    assert word_runs(principle.info.explanation.he, 10) & guide_runs == set()
