"""Server-side SVG charts for the reports (HTML and PDF).

WeasyPrint draws Hebrew inside SVG ``<text>`` in reversed letter order (stack.md §4), so every label goes through
python-bidi's ``get_display`` first: the visual order is baked in. A browser would reorder that text a second time
(and draw it reversed), so each ``<text>`` also says ``direction="ltr" unicode-bidi="bidi-override"``: browsers then
lay the characters out as stored, left to right, and WeasyPrint, which never reorders, ignores it. Both show it right.
Pure Python, no Django: the templates mark the result safe.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from bidi import get_display

SECTOR_COLOURS = {"public": "#1f6fb2", "third": "#2e8b57", "business": "#c8702a"}


# On every <text>: lay the characters out as stored (already in visual order), never reordered by the renderer.
AS_STORED = 'direction="ltr" unicode-bidi="bidi-override"'


def svg_label(text: str) -> str:
    """A label for SVG ``<text>``: visual (display) order for right-to-left text, XML-escaped."""
    return escape(get_display(text))


def bar_chart(rows: Sequence[tuple[str, int]], *, title: str, width: int = 560, bar_height: int = 22) -> str:
    """Horizontal bars, label at the right (the start of a right-to-left page), value beside each bar. A screen
    reader reads ``title`` and every bar's label and value (the SVG's accessible name, in logical order)."""
    if not rows:
        return ""
    name = f"{title}: " + ", ".join(f"{label} {value}" for label, value in rows)
    top = max((v for _, v in rows), default=0) or 1
    label_width = 170
    height = len(rows) * (bar_height + 8) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-label="{escape(name)}" class="chart">'
    ]
    plot = width - label_width - 50
    for i, (label, value) in enumerate(rows):
        y = 8 + i * (bar_height + 8)
        length = plot * value / top
        x = width - label_width - length
        parts.append(f'<rect x="{x:.1f}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="#1f6fb2"/>')
        parts.append(
            f'<text x="{width - label_width + 8}" y="{y + bar_height - 6}" font-size="13" {AS_STORED}>'
            f"{svg_label(label)}</text>"
        )
        parts.append(
            f'<text x="{x - 6:.1f}" y="{y + bar_height - 6}" font-size="13" text-anchor="end" {AS_STORED}>'
            f"{value}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def network_map(
    nodes: Sequence[tuple[str, str]],
    edges: Sequence[tuple[int, int]],
    *,
    title: str,
    size: int = 520,
    max_labels: int = 40,
) -> str:
    """Organizations on a circle grouped by sector (colour), ties as lines; labels when there are few nodes.
    ``title`` is the drawing's accessible name (what a screen reader says of it)."""
    if not nodes:
        return ""
    order = sorted(range(len(nodes)), key=lambda i: (nodes[i][1], nodes[i][0]))
    n = len(order)
    centre, radius = size / 2, size / 2 - 110
    position: dict[int, tuple[float, float]] = {}
    for rank, i in enumerate(order):
        angle = 2 * math.pi * rank / n - math.pi / 2
        position[i] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size}" height="{size}"'
        f' role="img" aria-label="{escape(title)}" class="chart map">'
    ]
    for a, b in edges:
        (x1, y1), (x2, y2) = position[a], position[b]
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#8a94a6" stroke-width="0.8"/>'
        )
    for i, (label, sector) in enumerate(nodes):
        x, y = position[i]
        colour = SECTOR_COLOURS.get(sector, "#666")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>')
        if n <= max_labels:
            right = x >= centre
            anchor = "start" if right else "end"
            dx = 8 if right else -8
            short = label if len(label) <= 22 else label[:21] + "…"
            text = svg_label(short)
            parts.append(
                f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" font-size="10" text-anchor="{anchor}" {AS_STORED}>'
                f"{text}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
