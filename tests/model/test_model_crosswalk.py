"""Crosswalks between our ladder and other published scales (peers.md §1.14), decided by definition."""

from __future__ import annotations

from collections import Counter

import pytest

from shutafut.model.crosswalk import (
    CORRESPONDENCES,
    LEVELS,
    NO_EQUIVALENT,
    Scale,
    ScaleValue,
    candidates,
    correspondence_from,
    from_scale,
    levels,
    round_trips,
    to_scale,
)
from shutafut.model.ladder import CompetitionRule, Rung

R = Rung
FOREIGN = [s for s in Scale if s is not Scale.LADDER]
RUNGS_BUT_COMPETITION = [r for r in Rung if r is not Rung.COMPETITION]

ROUND_TRIPS = {
    Scale.LADDER: set(Rung),
    Scale.LOC: {R.DISCONNECTION, R.INFORMING, R.COOPERATION, R.PARTNERSHIP},
    Scale.DHHS: {R.DISCONNECTION, R.INFORMING, R.COORDINATION, R.COOPERATION, R.PARTNERSHIP},
    Scale.HIMMELMAN: {R.DISCONNECTION, R.INFORMING, R.COORDINATION, R.COOPERATION, R.PARTNERSHIP},
    Scale.PARTNER: {R.DISCONNECTION, R.INFORMING, R.COORDINATION, R.COOPERATION},
    Scale.BINARY: {R.DISCONNECTION, R.INFORMING},
}


def test_the_scales_include_the_six_agreed_codes():
    assert {s.value for s in Scale} >= {"ladder", "loc", "dhhs", "himmelman", "partner", "binary"}


@pytest.mark.parametrize(
    ("scale", "values"),
    [
        (Scale.LADDER, [0, 1, 2, 3, 4, 5]),
        (Scale.LOC, [0, 1, 2, 3, 4, 5]),
        (Scale.DHHS, [0, 1, 2, 3, 4]),
        (Scale.HIMMELMAN, ["none", "networking", "coordinating", "cooperating", "collaborating"]),
        (Scale.PARTNER, ["none", "awareness", "cooperative", "coordinated", "integrated"]),
        (Scale.BINARY, [0, 1]),
    ],
    ids=lambda v: v.value if isinstance(v, Scale) else None,
)
def test_each_scale_lists_its_levels_in_order(scale: Scale, values: list[ScaleValue]):
    assert [level.value for level in levels(scale)] == values


@pytest.mark.parametrize("scale", FOREIGN, ids=lambda s: s.value)
def test_every_rung_but_competition_exports_to_exactly_one_level(scale: Scale):
    exports = Counter(c.rung for c in CORRESPONDENCES if c.scale is scale and c.rung_to_value)
    assert exports == Counter(RUNGS_BUT_COMPETITION)


@pytest.mark.parametrize("scale", list(Scale), ids=lambda s: s.value)
def test_every_level_imports_as_exactly_one_rung(scale: Scale):
    imports = Counter(c.value for c in CORRESPONDENCES if c.scale is scale and c.value_to_rung)
    assert imports == Counter(level.value for level in LEVELS[scale])


@pytest.mark.parametrize("correspondence", CORRESPONDENCES, ids=lambda c: f"{c.scale}:{c.rung.code}={c.value}")
def test_every_correspondence_gives_a_reason_and_a_real_level(correspondence):
    assert len(correspondence.reason.split()) >= 3
    assert correspondence.value in [level.value for level in LEVELS[correspondence.scale]]


@pytest.mark.parametrize("scale", list(Scale), ids=lambda s: s.value)
def test_the_crosswalk_round_trips_exactly_where_it_is_defined_to(scale: Scale):
    trips = {r for r in Rung if round_trips(r, scale)}
    assert trips == ROUND_TRIPS[scale]
    for rung in trips:
        assert from_scale(to_scale(rung, scale), scale) is rung  # type: ignore[arg-type]


def test_frey_cooperation_maps_below_our_coordination():
    assert from_scale(2, Scale.LOC) < Rung.COORDINATION
    assert from_scale(2, Scale.LOC) is Rung.INFORMING
    assert Rung.COORDINATION in candidates(2, Scale.LOC)


def test_frey_coordination_maps_to_our_cooperation_not_our_coordination():
    assert from_scale(3, Scale.LOC) is Rung.COOPERATION
    assert to_scale(Rung.COORDINATION, Scale.LOC) == 2


@pytest.mark.parametrize(
    ("scale", "value", "expected"),
    [
        (Scale.LOC, 2, (R.INFORMING, R.COORDINATION)),
        (Scale.LOC, 4, (R.COOPERATION, R.PARTNERSHIP)),
        (Scale.DHHS, 2, (R.COORDINATION, R.COOPERATION)),
        (Scale.DHHS, 3, (R.COOPERATION, R.PARTNERSHIP)),
        (Scale.PARTNER, "awareness", (R.DISCONNECTION, R.INFORMING)),
        (Scale.PARTNER, "cooperative", (R.INFORMING, R.COOPERATION)),
        (Scale.PARTNER, "integrated", (R.COOPERATION, R.PARTNERSHIP)),
        (Scale.BINARY, 1, (R.INFORMING, R.COORDINATION, R.COOPERATION, R.PARTNERSHIP)),
    ],
    ids=["Frey cooperation", "Frey coalition", "DHHS informal", "DHHS formal", "PARTNER awareness",
         "PARTNER cooperative", "PARTNER integrated", "binary tie"],
)  # fmt: skip
def test_a_level_that_fits_several_rungs_imports_as_the_lowest_and_lists_the_rest(
    scale: Scale, value: ScaleValue, expected: tuple[Rung, ...]
):
    assert candidates(value, scale) == expected
    assert from_scale(value, scale) is expected[0]


@pytest.mark.parametrize("scale", [s for s in Scale if s.numeric], ids=lambda s: s.value)
def test_numeric_scales_keep_the_order_of_the_ladder(scale: Scale):
    exported = [to_scale(r, scale) for r in RUNGS_BUT_COMPETITION]
    imported = [from_scale(level.value, scale) for level in LEVELS[scale]]
    assert exported == sorted(exported)  # type: ignore[type-var]
    assert imported == sorted(imported)


AS_ZERO = {Scale.LOC: 0, Scale.DHHS: 0, Scale.HIMMELMAN: "none", Scale.PARTNER: "none", Scale.BINARY: 0}
AS_ORDER = {
    Scale.LOC: 1,
    Scale.DHHS: 1,
    Scale.HIMMELMAN: "networking",
    Scale.PARTNER: "awareness",
    Scale.BINARY: 1,
}


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (CompetitionRule.AS_ZERO, AS_ZERO),
        (CompetitionRule.AS_ORDER, AS_ORDER),
        (CompetitionRule.EXCLUDE, dict.fromkeys(FOREIGN)),
    ],
    ids=["as zero", "as order", "excluded"],
)
def test_competition_has_no_foreign_equivalent_and_follows_the_competition_rule(
    rule: CompetitionRule, expected: dict[Scale, ScaleValue | None]
):
    assert {s: to_scale(Rung.COMPETITION, s, competition=rule) for s in FOREIGN} == expected
    assert set(NO_EQUIVALENT) == set(FOREIGN)
    assert not any(c.rung is Rung.COMPETITION for c in CORRESPONDENCES if c.scale is not Scale.LADDER)


def test_competition_is_default_zero_and_stays_itself_on_the_ladder():
    assert to_scale(Rung.COMPETITION, Scale.LOC) == 0
    assert to_scale(Rung.COMPETITION, Scale.LADDER, competition=CompetitionRule.EXCLUDE) == 1


@pytest.mark.parametrize(
    ("value", "scale", "expected"),
    [("3", "loc", R.COOPERATION), (" Networking ", "himmelman", R.INFORMING), (4, "dhhs", R.PARTNERSHIP)],
    ids=["digit string on a numeric scale", "padded capitalised code", "scale given as a string"],
)
def test_values_and_scales_are_normalised(value: ScaleValue, scale: str, expected: Rung):
    assert from_scale(value, scale) is expected


@pytest.mark.parametrize(
    ("value", "scale"),
    [
        (6, Scale.LOC),
        (5, Scale.DHHS),
        ("partnership", Scale.HIMMELMAN),
        (1, Scale.PARTNER),
        (True, Scale.BINARY),
    ],
    ids=["beyond Frey", "beyond DHHS", "our label on Himmelman", "a number on PARTNER", "a bool on binary"],
)
def test_a_value_off_the_scale_raises_naming_the_scale_and_its_levels(value: ScaleValue, scale: Scale):
    with pytest.raises(ValueError, match=f"is not a level of the {scale.value} scale \\(allowed: "):
        from_scale(value, scale)


def test_an_import_explains_itself():
    fit = correspondence_from(2, Scale.LOC)
    assert fit.rung is Rung.INFORMING
    assert "below our coordination" in fit.reason
