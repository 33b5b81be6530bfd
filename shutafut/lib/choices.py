"""Django choices built from the pure model's vocabulary, labelled in the active language."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Protocol

from django.utils.functional import lazy
from django.utils.translation import get_language

from shutafut.model.text import Text


class Labelled(Protocol):
    @property
    def label(self) -> Text: ...


def _in_active_language(text: Text) -> str:
    return text.in_lang(get_language() or "he")


in_active_language = lazy(_in_active_language, str)
"""Return a lazy string that renders ``text`` in the language active when it is displayed."""


def choices(members: Iterable[Enum]) -> list[tuple[object, str]]:
    """Return Django choices for an enum of the model whose members have a bilingual ``label``."""
    return [(m.value, in_active_language(m.label)) for m in members]  # type: ignore[attr-defined]


def label_of(enum_type: type[Enum], value: object) -> str:
    """Return the label of ``value`` in the active language, or the raw value when it is not a member."""
    try:
        member = enum_type(value)
    except ValueError:
        return str(value)
    return _in_active_language(member.label)  # type: ignore[attr-defined]
