"""Every user-facing string is translatable, and the Hebrew and English catalogs are complete.

The test extracts the strings afresh (makemessages, in a copy of the code) and merges them with the committed
catalogs: a new string without a translation, or one that only fuzzily matches an old one, fails here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

from tests.conftest import REPO, require_program


def untranslated(po: Path) -> list[str]:
    """Return the msgids of ``po`` that are empty, fuzzy, or lack one of the language's plural forms."""
    text = po.read_text(encoding="utf-8")
    nplurals = int(re.search(r"nplurals=(\d+)", text).group(1))  # type: ignore[union-attr]
    problems = []
    for block in text.split("\n\n")[1:]:
        msgid = "".join(re.findall(r'^(?:msgid )?"(.*)"$', block.split("msgid_plural")[0].split("msgstr")[0], re.M))
        strings = re.findall(r'msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', block)
        if not msgid:
            continue
        empty = any(not (first + "".join(re.findall(r'"(.*)"', rest))) for first, rest in strings)
        plural_forms = len(re.findall(r"^msgstr\[\d\]", block, re.M))
        if "#, fuzzy" in block or empty or not strings or (plural_forms and plural_forms != nplurals):
            problems.append(msgid)
    return problems


def test_every_string_has_a_hebrew_and_an_english_translation(tmp_path, monkeypatch):
    require_program("xgettext", "gettext")  # makemessages runs it
    copy = tmp_path / "repo"
    shutil.copytree(REPO / "shutafut", copy / "shutafut", ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    shutil.copytree(REPO / "templates", copy / "templates")
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "shutafut" / "locale"]):
        call_command("makemessages", locale=["he", "en"], verbosity=0, ignore_patterns=["migrations/*"])
    catalogs = sorted(copy.glob("shutafut/**/locale/*/LC_MESSAGES/django.po"))
    assert {p.parent.parent.name for p in catalogs} == {"he", "en"}
    missing = {str(p.relative_to(copy)): untranslated(p) for p in catalogs}
    assert {k: v for k, v in missing.items() if v} == {}
