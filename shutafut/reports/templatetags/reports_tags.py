from __future__ import annotations

from django import template

from shutafut.reports.selectors import percent as _percent

register = template.Library()


@register.filter
def percent(value: float | None) -> str:
    """0.375 → "38%"; None → "–"."""
    return _percent(value)
