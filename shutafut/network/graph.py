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
LAYOUT_SIZE = 2000.0
"""Preset positions are scaled into a square of this many pixels (cytoscape model coordinates)."""

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


def preset_layout(n: int, source: IntArray, target: IntArray, *, seed: int = LAYOUT_SEED) -> FloatArray:
    """Positions ``(n, 2)`` for a large map: igraph's Fruchterman–Reingold (grid variant, 100 iterations) from
    start positions drawn with ``numpy.random.default_rng(seed)``, scaled into ``LAYOUT_SIZE``.

    igraph draws its own random numbers from Python's ``random`` module; a private ``random.Random(seed)`` is
    installed for the call (under a lock) so that the same map is drawn the same way every time. About 0.8 s
    for 2,000 organizations and 8,000 ties.
    """
    if n == 0:
        return np.zeros((0, 2), dtype=np.float64)
    g = ig.Graph(n=n, directed=False)
    if len(source):
        g.add_edges(np.column_stack((source, target)).tolist())
    start = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(n, 2)).tolist()
    with _RNG_LOCK:
        ig.set_random_number_generator(random.Random(seed))
        try:
            layout = g.layout_fruchterman_reingold(seed=start, niter=100, grid="grid")
        finally:
            ig.set_random_number_generator(random)
    pos = np.asarray(layout.coords, dtype=np.float64)
    span = pos.max(axis=0) - pos.min(axis=0)
    span[span == 0] = 1.0
    return np.asarray((pos - pos.min(axis=0)) / span * LAYOUT_SIZE, dtype=np.float64)
