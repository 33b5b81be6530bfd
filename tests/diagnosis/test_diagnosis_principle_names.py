"""The diagnosis names the guide's principles with the model's words, in both languages."""

from __future__ import annotations

from typing import Any

import pytest

from shutafut.diagnosis.engine import to_dict
from shutafut.model.principles import Principle

Record = dict[str, Any]


@pytest.mark.parametrize("lang", ["he", "en"])
def test_each_principle_in_the_output_bears_the_models_name(full: Record, diagnose_record: Any, lang: str) -> None:
    data = to_dict(diagnose_record(full), lang)
    named = {p["number"]: p["name"] for p in data["principles"]}
    assert named == {number: Principle.numbered(number).label.in_lang(lang) for number in range(1, 7)}


def test_a_principle_number_outside_the_guide_is_refused() -> None:
    with pytest.raises(ValueError):
        Principle.numbered(7)
