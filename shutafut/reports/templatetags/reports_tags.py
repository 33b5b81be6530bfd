from __future__ import annotations

from typing import Any

from django import template
from django.core.paginator import Page, Paginator

from shutafut.reports.importers import FIELD_LABELS, RowAction
from shutafut.reports.selectors import percent as _percent

register = template.Library()


@register.filter
def percent(value: float | None) -> str:
    """0.375 → "38%"; None → "–"."""
    return _percent(value)


OUTCOMES_PER_PAGE = 100


@register.simple_tag(takes_context=True)
def import_outcomes(context: template.Context, result: dict[str, Any]) -> Page[Any]:
    """The page of an import's row outcomes asked for by ``?page=`` (jobs before outcomes were kept: ``shown``)."""
    rows = result.get("outcomes") or result.get("shown") or []
    request = context.get("request")
    number = request.GET.get("page") if request is not None else None
    return Paginator(rows, OUTCOMES_PER_PAGE).get_page(number)


@register.filter
def import_action(action: str, done: bool = False) -> str:
    """A row's action in words: "will be created" for a plan, "created" once written."""
    try:
        return RowAction(action).label(done=bool(done))
    except ValueError:
        return action


@register.filter
def import_field(name: str) -> str:
    """A field an import changed, in the user's words."""
    labels = FIELD_LABELS.get(name)
    return str(labels[-1]) if labels else name
