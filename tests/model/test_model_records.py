"""The vocabulary of partnership records: one list of values, each with a Hebrew and an English label."""

from __future__ import annotations

from enum import StrEnum

import pytest

from shutafut.model import records

VOCABULARY = [
    records.Cadence,
    records.InReturn,
    records.ApprovalKind,
    records.DecisionMethod,
    records.DocumentKind,
    records.InterestKind,
    records.InteractionKind,
]


@pytest.mark.parametrize("vocabulary", VOCABULARY, ids=[v.__name__ for v in VOCABULARY])
def test_every_value_has_a_hebrew_and_an_english_label(vocabulary: type[StrEnum]) -> None:
    assert len(vocabulary) >= 2
    for value in vocabulary:
        label = value.label  # type: ignore[attr-defined]
        assert label.he and label.en
        assert any("\u05d0" <= ch <= "\u05ea" for ch in label.he)


def test_the_records_choices_are_the_engines_vocabulary() -> None:
    from shutafut.diagnosis.engine import inputs
    from shutafut.partnerships.models import Approval, Cadence, MatterKind

    assert inputs.Cadence is records.Cadence is Cadence
    assert Approval is records.ApprovalKind and MatterKind is records.InterestKind


def test_values_shared_by_two_vocabularies_keep_their_own_labels() -> None:
    assert records.Cadence.NONE.label.en == "No set meetings"
    assert records.ApprovalKind.NONE.label.en == "None recorded"
