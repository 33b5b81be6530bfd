"""Pure helpers of the relationship map page: pairs from relationship rows, a preset layout (igraph + numpy).

No Django here: ``selectors.py`` feeds these functions arrays read from the database.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass

import igraph as ig
import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

PRESET_LAYOUT_FROM = 300
"""From this many organizations the map is laid out on the server (``preset_layout``) and the browser only draws."""
LAYOUT_SEED = 0
"""Seed of the preset layout, so that the same map is drawn the same way every time."""
FORCE_FROM = 8
"""Connected components of at least this many organizations go through the force layout; smaller ones are rings."""
NODE_SPACING = 24.0
"""Pixels (model coordinates) between neighbours of a small component; components are sized from it."""
ISOLATE_SPACING = 16.0
"""Pixels between two isolates of the grid under the components."""

_RNG_LOCK = threading.Lock()
"""igraph's random generator is process-wide: one seeded layout at a time."""


@dataclass(frozen=True, slots=True, eq=False)
class Pairs:
    """Unordered pairs ``source < target`` (node indices) with one rung each and the row that gave it.

    ``row[k]`` is the index, in the input rows, of the row whose rung is the pair's rung (the first such row in
    input order when several rows share the maximum), so the caller can show its domain or ratings.
    """

    source: IntArray
    target: IntArray
    rung: IntArray
    row: IntArray


def max_rung_pairs(a: IntArray, b: IntArray, rung: IntArray, n: int) -> Pairs:
    """Collapse relationship rows (``a``–``b`` at ``rung``, in any direction) into one value per unordered pair.

    Convention of the map: a pair related in several domains (or recorded several times) stands at the
    **highest** rung among the rows given; the caller selects the rows (domains, latest observation, a wave)
    before calling. Rows with ``a == b`` are dropped.
    """
    a, b, rung = np.asarray(a, np.int64), np.asarray(b, np.int64), np.asarray(rung, np.int64)
    keep = a != b
    rows = np.flatnonzero(keep)
    lo, hi, r = np.minimum(a, b)[keep], np.maximum(a, b)[keep], rung[keep]
    if len(rows) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Pairs(empty, empty.copy(), empty.copy(), empty.copy())
    key = lo * n + hi
    # sort by pair, then by rung descending, then by input order: the first row of each pair is its maximum
    order = np.lexsort((rows, -r, key))
    first = np.flatnonzero(np.r_[True, key[order][1:] != key[order][:-1]])
    pick = order[first]
    return Pairs(
        np.asarray(lo[pick], np.int64),
        np.asarray(hi[pick], np.int64),
        np.asarray(r[pick], np.int64),
        np.asarray(rows[pick], np.int64),
    )


def _force(n: int, source: IntArray, target: IntArray, seed: int) -> FloatArray:
    """Fruchterman–Reingold positions ``(n, 2)`` of one connected component (igraph, grid variant, 100
    iterations) from start positions drawn with ``numpy.random.default_rng(seed)``.

    igraph draws its own random numbers from Python's ``random`` module, process-wide: a private
    ``random.Random(seed)`` is installed for the call, under a lock, so that the same map is drawn the same way
    every time. Only a worker's task calls this (``network.tasks``): no request waits on the lock.
    """
    g = ig.Graph(n=n, directed=False)
    if len(source):
        g.add_edges(np.column_stack((source, target)).tolist())
    # Start spread over a square of side ~sqrt(n): igraph's grid variant then sees few nodes per cell (from a
    # unit square every node shares one cell and the layout is quadratic: 10 s instead of 0.2 s at 3,000).
    spread = max(1.0, float(np.sqrt(n)))
    start = (np.random.default_rng(seed).uniform(-1.0, 1.0, size=(n, 2)) * spread).tolist()
    with _RNG_LOCK:
        ig.set_random_number_generator(random.Random(seed))
        try:
            layout = g.layout_fruchterman_reingold(seed=start, niter=100, grid="grid")
        finally:
            ig.set_random_number_generator(random)
    return np.asarray(layout.coords, dtype=np.float64)


def _fit(pos: FloatArray, radius: float) -> FloatArray:
    """``pos`` centred on 0 and scaled so that its farthest point is ``radius`` away."""
    centred = pos - (pos.max(axis=0) + pos.min(axis=0)) / 2
    reach = float(np.sqrt((centred**2).sum(axis=1)).max()) if len(centred) else 0.0
    return np.asarray(centred * (radius / reach) if reach > 0 else centred, dtype=np.float64)


def _ring(size: int, radius: float) -> FloatArray:
    angle = 2 * np.pi * np.arange(size) / size - np.pi / 2
    return np.column_stack((np.cos(angle), np.sin(angle))) * radius


def preset_layout(n: int, source: IntArray, target: IntArray, *, seed: int = LAYOUT_SEED) -> FloatArray:
    """Positions ``(n, 2)`` of a large map, the same every time for the same map, in pixels (model coordinates).

    Only the components of ``FORCE_FROM`` organizations or more go through the force layout (``_force``), each
    on its own; smaller components are drawn as small rings, placed apart (a shelf packing: the largest first,
    in rows), and the isolates as a grid below them. On a city-scale
    town most organizations are isolates, so the force layout sees only the part of the map that has ties.
    """
    if n == 0:
        return np.zeros((0, 2), dtype=np.float64)
    source, target = np.asarray(source, np.int64), np.asarray(target, np.int64)
    g = ig.Graph(n=n, edges=np.column_stack((source, target)).tolist() if len(source) else [], directed=False)
    membership = np.asarray(g.connected_components().membership, dtype=np.int64)
    sizes = np.bincount(membership)
    first = np.full(len(sizes), n, dtype=np.int64)
    np.minimum.at(first, membership, np.arange(n))
    order = sorted(range(len(sizes)), key=lambda c: (-int(sizes[c]), int(first[c])))
    edge_comp = membership[source] if len(source) else np.zeros(0, dtype=np.int64)
    by_comp = np.argsort(membership, kind="stable")
    bounds = np.r_[0, np.cumsum(sizes)]
    pos = np.zeros((n, 2), dtype=np.float64)
    boxes: list[tuple[IntArray, FloatArray, float]] = []  # nodes, positions around 0, radius
    isolates: list[IntArray] = []
    for c in order:
        nodes = by_comp[bounds[c] : bounds[c + 1]]
        size = len(nodes)
        if size == 1:
            isolates.append(nodes)
            continue
        if size >= FORCE_FROM:
            radius = NODE_SPACING * float(np.sqrt(size)) * 1.5  # a force layout packs its core: give it room
            local = np.full(n, -1, dtype=np.int64)
            local[nodes] = np.arange(size)
            k = np.flatnonzero(edge_comp == c)
            s, t = local[source[k]], local[target[k]]
            boxes.append((nodes, _fit(_force(size, s, t, seed), radius), radius))
        else:
            radius = NODE_SPACING * max(0.6, float(np.sqrt(size)) * 0.9)
            boxes.append((nodes, _ring(size, radius), radius))
    area = sum((2 * r + NODE_SPACING) ** 2 for _, _, r in boxes) + len(isolates) * ISOLATE_SPACING**2
    row_width = max([2 * r + NODE_SPACING for _, _, r in boxes[:1]] + [float(np.sqrt(area)) * 1.1])
    x = y = row_height = 0.0
    for nodes, local_pos, radius in boxes:
        side = 2 * radius + NODE_SPACING
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        pos[nodes] = local_pos + np.array([x + side / 2, y + side / 2])
        x += side
        row_height = max(row_height, side)
    if isolates:  # a grid below the components, closer together: they have no tie to show
        top = y + row_height + (NODE_SPACING if boxes else 0.0)
        per_row = max(1, int(row_width // ISOLATE_SPACING))
        k = np.arange(len(isolates))
        pos[np.concatenate(isolates)] = np.column_stack(
            ((k % per_row) * ISOLATE_SPACING + ISOLATE_SPACING / 2, top + (k // per_row) * ISOLATE_SPACING)
        )
    return pos
