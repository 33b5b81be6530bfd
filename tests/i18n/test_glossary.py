"""The Hebrew catalogs and the model's Hebrew vocabulary keep docs/glossary.md: no forbidden term, no "שלב" for
a rung, no singular form that reads as an ordinal, and no Latin letters inside Hebrew except the names the
glossary allows."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re

import pytest

import shutafut.model
from shutafut.model.text import Text
from tests.conftest import REPO

GLOSSARY = (REPO / "docs" / "glossary.md").read_text(encoding="utf-8")
CATALOGS = sorted(REPO.glob("shutafut/**/locale/he/LC_MESSAGES/django.po"))
COUNT_NAMES = {"counter", "count", "n", "days", "months", "minutes"}


def forbidden_terms() -> list[tuple[str, str]]:
    section = GLOSSARY.split("## Forbidden in Hebrew strings")[1].split("\n## ")[0]
    rows = [line.split("|")[1:3] for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    return [(bad.strip(), good.strip()) for bad, good in rows[1:]]


def allowed_latin() -> set[str]:
    block = re.search(r"```latin-allowed\n(.*?)```", GLOSSARY, re.S)
    assert block, "docs/glossary.md has no latin-allowed block"
    return {line.strip() for line in block.group(1).splitlines() if line.strip()}


def _unquote(lines: str) -> str:
    raw = "".join(re.findall(r'"(.*)"', lines))
    return raw.encode().decode("unicode_escape").encode("latin1").decode("utf-8")


def entries() -> list[tuple[str, str, list[str]]]:
    """(catalog, msgid, msgstrs) for every live entry of every Hebrew catalog."""
    found = []
    for po in CATALOGS:
        for block in po.read_text(encoding="utf-8").split("\n\n")[1:]:
            body = "\n".join(line for line in block.splitlines() if not line.startswith("#"))
            if "msgid" not in body:
                continue
            msgid = _unquote(body.split("msgid_plural")[0].split("msgstr")[0])
            strs = [_unquote(m) for m in re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', body, re.M)]
            if msgid:
                found.append((str(po.relative_to(REPO)), msgid, strs))
    return found


def model_hebrew() -> list[tuple[str, str]]:
    """(where, text) for every Hebrew ``Text`` the model package holds."""
    seen: set[int] = set()
    found: list[tuple[str, str]] = []

    def walk(value: object, where: str) -> None:
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, Text):
            found.append((where, value.he))
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}[{k}]")
        elif isinstance(value, tuple | list | frozenset | set):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), f"{where}.{f.name}")

    for info in pkgutil.iter_modules(shutafut.model.__path__):
        module = importlib.import_module(f"shutafut.model.{info.name}")
        for name, value in vars(module).items():
            if not name.startswith("_"):
                walk(value, f"{info.name}.{name}")
    return found


ENTRIES = entries()
MODEL = model_hebrew()


def latin_words(text: str) -> set[str]:
    text = re.sub(r"%\(\w+\)[sdf]|%%|<[^>]+>", " ", text)
    return {w.rstrip(".") for w in re.findall(r"[A-Za-z][A-Za-z0-9.\-]*", text)}


def test_the_glossary_lists_forbidden_terms_and_allowed_latin():
    assert ("סולם הקשרים", "סולם היחסים") in forbidden_terms()
    assert {"API", "CSV"} <= allowed_latin()
    assert len(CATALOGS) >= 8 and ENTRIES and MODEL


@pytest.mark.parametrize(
    ("bad", "good"), forbidden_terms(), ids=[f"glossary row {i}" for i in range(1, len(forbidden_terms()) + 1)]
)
def test_no_hebrew_catalog_or_model_text_uses_a_forbidden_term(bad: str, good: str):
    hits = [f"{po}: {msgid!r}" for po, msgid, strs in ENTRIES if any(bad in s for s in strs)]
    hits += [where for where, text in MODEL if bad in text]
    assert hits == [], f"write {good!r} instead of {bad!r}"


def test_a_rung_is_never_called_a_stage():
    hits = [
        f"{po}: {msgid!r}"
        for po, msgid, strs in ENTRIES
        if re.search(r"\brungs?\b", msgid, re.I)
        and not re.search(r"\bstages?\b", msgid, re.I)
        and any("שלב" in s for s in strs)
    ]
    assert hits == []


def test_a_singular_form_never_shows_the_count_like_an_ordinal():
    hits = []
    for po, msgid, strs in ENTRIES:
        if len(strs) < 2:
            continue
        shown = set(re.findall(r"%\((\w+)\)", strs[0])) & COUNT_NAMES
        if shown:
            hits.append(f"{po}: {msgid!r} -> {strs[0]!r}")
    assert hits == []


def test_no_latin_letters_inside_hebrew_except_the_allowed_names():
    allowed = allowed_latin()
    hits = [f"{po}: {s!r}" for po, _msgid, strs in ENTRIES for s in strs if latin_words(s) - allowed]
    hits += [f"{where}: {text!r}" for where, text in MODEL if latin_words(text) - allowed]
    assert hits == []


def test_the_checks_would_catch_what_the_glossary_forbids():
    assert latin_words("Cooperation לפי פריי %(name)s") == {"Cooperation"}
    assert not latin_words("ארגונים (CSV)") - allowed_latin()
    assert set(re.findall(r"%\((\w+)\)", "יום %(days)s")) & COUNT_NAMES == {"days"}
