"""Every piece of bilingual vocabulary in the model has both a Hebrew and an English text."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterator
from enum import Enum
from types import ModuleType

import pytest

from shutafut.model.text import Text

MODULES = ["sectors", "ladder", "resources", "roles", "lifecycle", "sector_table", "principles", "crosswalk"]


def texts_in(value: object, path: str, seen: set[int]) -> Iterator[tuple[str, Text]]:
    if isinstance(value, Text):
        yield path, value
        return
    if id(value) in seen or isinstance(value, str | int | float | bool | Enum | type | ModuleType) or value is None:
        return
    seen.add(id(value))
    if isinstance(value, dict):
        for key, item in value.items():
            yield from texts_in(item, f"{path}[{key!r}]", seen)
    elif isinstance(value, tuple | list | frozenset | set):
        for index, item in enumerate(value):
            yield from texts_in(item, f"{path}[{index}]", seen)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from texts_in(getattr(value, field.name), f"{path}.{field.name}", seen)


def module_texts(name: str) -> list[tuple[str, Text]]:
    module = importlib.import_module(f"shutafut.model.{name}")
    seen: set[int] = set()
    found: list[tuple[str, Text]] = []
    for attr, value in vars(module).items():
        if not attr.startswith("__"):
            found.extend(texts_in(value, f"{name}.{attr}", seen))
    return found


@pytest.mark.parametrize("name", MODULES, ids=MODULES)
def test_every_text_in_the_module_has_hebrew_and_english(name: str):
    texts = module_texts(name)
    assert texts, f"no Text found in shutafut.model.{name}"
    missing = [path for path, text in texts if not text.he.strip() or not text.en.strip()]
    assert missing == []


@pytest.mark.parametrize("name", MODULES, ids=MODULES)
def test_hebrew_texts_contain_hebrew_letters(name: str):
    no_hebrew = [path for path, text in module_texts(name) if not any("\u05d0" <= ch <= "\u05ea" for ch in text.he)]
    assert no_hebrew == []


def test_the_collector_reports_an_empty_language():
    @dataclasses.dataclass(frozen=True)
    class Holder:
        names: tuple[Text, ...]

    found = list(texts_in({"x": Holder((Text("שם", "Name"), Text("שם", " ")))}, "probe", set()))
    assert [path for path, text in found if not text.en.strip()] == ["probe['x'].names[1]"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("he", "כן"), ("he-IL", "כן"), ("en", "yes"), ("en-GB", "yes"), ("EN", "yes"), ("ar", "כן")],
    ids=["he", "he-IL", "en", "en-GB", "upper-case EN", "other languages fall back to Hebrew"],
)
def test_text_in_lang_gives_english_for_english_and_hebrew_otherwise(lang: str, expected: str):
    assert Text("כן", "yes").in_lang(lang) == expected
