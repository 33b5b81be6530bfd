"""Choices built from the pure model's vocabulary, labelled in the active language.

Model fields take their choices as ``Labels(SomeEnum)``: a callable that Django calls when it needs the choices.
A migration stores only the reference (``shutafut.lib.choices.Labels(shutafut.model.lifecycle.Stage)``), never the
labels, so editing a label in code needs no migration. Forms and pages take the list itself: ``choices(SomeEnum)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Protocol, cast

from django.db import models
from django.utils.deconstruct import deconstructible
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
    """Return choices for an enum: Django's ``TextChoices`` as they are, the model's enums (whose members have a
    bilingual ``label``) in the active language."""
    if isinstance(members, type) and issubclass(members, models.Choices):
        return list(members.choices)
    return [(m.value, in_active_language(cast(Labelled, m).label)) for m in members]


@deconstructible(path="shutafut.lib.choices.Labels")
class Labels:
    """The choices of a model field, given as a callable so that the migrations keep no labels (see above)."""

    def __init__(self, enum: type[Enum]) -> None:
        self.enum = enum

    def __call__(self) -> list[tuple[object, str]]:
        return choices(self.enum)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Labels) and other.enum is self.enum

    def __hash__(self) -> int:
        return hash(self.enum)


def label_of(enum_type: type[Enum], value: object) -> str:
    """Return the label of ``value`` in the active language, or the raw value when it is not a member."""
    try:
        member = enum_type(value)
    except ValueError:
        return str(value)
    return _in_active_language(cast(Labelled, member).label)
