"""Bilingual text for the model's vocabulary.

Domain vocabulary (rung names, sector names, principle texts) is data, so it carries both languages itself;
sentences that code builds at run time (diagnosis reasons) go through gettext instead (see ``i18n``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of text in Hebrew (the first language) and English."""

    he: str
    en: str

    def in_lang(self, lang: str) -> str:
        """Return the text in ``lang`` ("he" or "en", region suffixes allowed); Hebrew is the fallback."""
        return self.en if lang.lower().startswith("en") else self.he

    def __str__(self) -> str:
        return self.he
