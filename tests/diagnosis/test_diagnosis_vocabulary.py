"""The records and the engine speak one vocabulary: every value the database can hold is one the engine reads.

The partnership records' choices are Django TextChoices (with translated labels); the engine's are plain enums.
If one side gains a value the other lacks, ``engine_input`` would fail on real records: this test says where.
"""

from __future__ import annotations

import pytest

from shutafut.diagnosis import engine as e
from shutafut.partnerships import models as m

PAIRS = [
    (m.Cadence, e.Cadence),
    (m.InReturn, e.InReturn),
    (m.DecisionMethod, e.DecisionMethod),
    (m.DocumentKind, e.DocumentKind),
    (m.MatterKind, e.InterestKind),
    (m.InteractionKind, e.InteractionKind),
]


@pytest.mark.parametrize("records, engine", PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_the_records_choices_are_the_engines_values(records, engine):
    assert set(records.values) == {v.value for v in engine}


def test_every_recorded_approval_is_one_the_engine_knows():
    assert set(m.Approval.values) == {v.value for v in e.ApprovalKind}
