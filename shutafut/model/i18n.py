"""Translation for messages built by pure code (the diagnosis engine, the model's rules), without Django.

Pure modules mark their sentences with ``_`` (an identity marker that ``makemessages`` extracts) and return
``Message`` objects: a msgid plus named parameters. Rendering looks the msgid up in the owning app's
``locale/<lang>/LC_MESSAGES/django.mo`` with the standard library's gettext, so the same catalog serves the
web app (through Django) and the command line (through this module).
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("he", "en")
DEFAULT_LANGUAGE = "he"


def _(message: str) -> str:
    """Mark ``message`` for translation; translation happens when a ``Message`` is rendered."""
    return message


@dataclass(frozen=True, slots=True)
class Message:
    """A translatable sentence with named ``%(name)s`` parameters, rendered late in the reader's language."""

    msgid: str
    params: Mapping[str, str | int | float] = field(default_factory=dict)

    def render(self, lang: str, localedir: Path) -> str:
        text = translator(normalize_language(lang), localedir).gettext(self.msgid)
        return text % dict(self.params) if self.params else text


def normalize_language(lang: str) -> str:
    """Return "en" for any English variant and "he" otherwise."""
    return "en" if lang.lower().startswith("en") else "he"


@lru_cache(maxsize=32)
def translator(lang: str, localedir: Path) -> gettext.NullTranslations:
    return gettext.translation("django", localedir=str(localedir), languages=[lang], fallback=True)
