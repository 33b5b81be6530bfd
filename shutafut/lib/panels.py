"""Panels: parts of a page that apps above the page's own app contribute, without the page importing them.

A page that belongs to a records app (the partnership page) shows what feature apps derive from its records (the
diagnosis, the running of the partnership). The records app keeps a ``Panels`` registry for the page; each
feature app adds its panel in its ``AppConfig.ready``; the page's view asks the registry for the panels' context
and the page includes their templates in order. A panel's context keys are its own: two panels that offer the
same key, or a panel that offers a key the page already has, are a programming error, refused loudly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

T = TypeVar("T")


@dataclass(frozen=True)
class Panel(Generic[T]):
    """One panel: a unique name, its template, the context it adds (from the request and the page's object)."""

    name: str
    template: str
    context: Callable[[HttpRequest, T], Mapping[str, Any]]
    order: int = 100


class Panels(Generic[T]):
    """The panels of one page, by name (registering a name again replaces its panel)."""

    def __init__(self) -> None:
        self._panels: dict[str, Panel[T]] = {}

    def register(self, panel: Panel[T]) -> None:
        self._panels[panel.name] = panel

    def __iter__(self) -> Iterator[Panel[T]]:
        return iter(sorted(self._panels.values(), key=lambda p: (p.order, p.name)))

    def context(self, request: HttpRequest, obj: T, page: Mapping[str, Any]) -> dict[str, Any]:
        """The panels' context for the page whose own context is ``page``, plus ``panels``: their templates."""
        added: dict[str, Any] = {"panels": [panel.template for panel in self]}
        for panel in self:
            for key, value in panel.context(request, obj).items():
                if key in page or key in added:
                    raise ImproperlyConfigured(f"The panel {panel.name!r} offers {key!r}, which the page already has.")
                added[key] = value
        return added


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column that an app above a list page adds to it: a unique name, its header, and the cell of each row
    (from the page's rows at once, so that it reads them in one query), keyed by the row's ``pk``."""

    name: str
    header: Any
    cells: Callable[[Sequence[T]], Mapping[int, str]]
    order: int = 100


class Columns(Generic[T]):
    """The columns of one list page that apps above it add, by name (registering a name again replaces it)."""

    def __init__(self) -> None:
        self._columns: dict[str, Column[T]] = {}

    def register(self, column: Column[T]) -> None:
        self._columns[column.name] = column

    def table(self, rows: Sequence[T]) -> dict[str, Any]:
        """``extra_headers`` and ``rows``: each row with the cells of the added columns, in order ("" when none)."""
        columns = sorted(self._columns.values(), key=lambda c: (c.order, c.name))
        cells = [column.cells(rows) for column in columns]
        return {
            "extra_headers": [column.header for column in columns],
            "rows": [(row, [found.get(getattr(row, "pk", 0), "") for found in cells]) for row in rows],
        }
