"""Provenance marks for templates: ``{% source_mark item.source %}`` and the guide's credit.

Every page that shows the guide's model marks each piece with the words of ``shutafut.model.provenance``,
so "from the guide", "our proposal" and the rest read the same everywhere.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from shutafut.model.lifecycle import Stage
from shutafut.model.provenance import SUMMARY_NOTE, Source

register = template.Library()


def _lang() -> str:
    return get_language() or "he"


@register.inclusion_tag("guide/_source.html")
def source_mark(source: Source | str, prefix: str = "") -> dict[str, Any]:
    """A short mark: "(from the guide)", "(our proposal)"; ``prefix`` names what it is about ("threshold")."""
    s = Source(source)
    return {"source": s.value, "label": s.label.in_lang(_lang()), "prefix": prefix, "title": s.credit.in_lang(_lang())}


@register.simple_tag
def source_credit(source: Source | str) -> str:
    return Source(source).credit.in_lang(_lang())


@register.inclusion_tag("guide/_credit.html")
def guide_credit(full: bool = False) -> dict[str, Any]:
    """The credit of the guide and of the ladder; ``full`` adds what we actually read."""
    lang = _lang()
    return {
        "guide": Source.GUIDE.credit.in_lang(lang),
        "ladder": Source.NEGEV_PROJECT.credit.in_lang(lang),
        "note": SUMMARY_NOTE.in_lang(lang) if full else "",
    }


@register.inclusion_tag("guide/_source.html")
def stage_mark(stage: str) -> dict[str, Any]:
    """The mark of a life-cycle stage: the Elka toolkit's, or ours."""
    return source_mark(Stage(stage).source)
