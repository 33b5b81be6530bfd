"""The six-rung relationship ladder (domain.md §2)."""

from __future__ import annotations

import pytest

from shutafut.model.ladder import RUNGS, Rung


@pytest.mark.parametrize("rung", list(Rung), ids=[r.code for r in Rung])
def test_every_rung_has_a_definition_in_both_languages(rung: Rung):
    info = RUNGS[rung]
    assert info.rung is rung
    assert len(info.definition.he) > len(info.summary.he) > 0
    assert len(info.definition.en) > len(info.summary.en) > 0


def test_the_ladder_runs_from_disconnection_to_partnership_in_six_rungs():
    assert [r.code for r in sorted(Rung)] == [
        "disconnection",
        "competition",
        "informing",
        "coordination",
        "cooperation",
        "partnership",
    ]


@pytest.mark.parametrize(
    ("code", "expected"),
    [("coordination", Rung.COORDINATION), (" Partnership ", Rung.PARTNERSHIP), ("0", Rung.DISCONNECTION)],
    ids=["code", "padded capitalised code", "order"],
)
def test_a_rung_is_found_by_its_code_or_order(code: str, expected: Rung):
    assert Rung.from_code(code) is expected


@pytest.mark.parametrize("code", ["6", "collaboration", ""], ids=["order out of range", "foreign label", "empty"])
def test_an_unknown_rung_code_raises_naming_the_allowed_codes(code: str):
    with pytest.raises(ValueError, match="allowed: disconnection, competition"):
        Rung.from_code(code)
