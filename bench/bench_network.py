"""Benchmark: the full metric set in Shutafut, igraph called directly and networkx, side by side.

    .tools/bin/uv run python bench/bench_network.py          # town (500 / 10,000), national (50,000 / 1,000,000)
    .tools/bin/uv run python bench/bench_network.py --quick  # town scale only

Synthetic directed ratings (numpy, seed 42): distinct random pairs, rungs 0-5 drawn with weights
(0.10, 0.10, 0.30, 0.25, 0.15, 0.10), three sectors; ties at rung >= 2 (informing). The full metric set is
what ``shutafut.network.metrics.analyze`` computes: density at every rung, mean levels, reciprocity, in/out
degree and strength, Freeman centralizations, betweenness, closeness, effective size, components, sector
mixing and E-I. Above 5,000 organizations betweenness and closeness use 500 sampled sources in all three
(networkx: ``betweenness_centrality(k=500)`` and BFS from the sources for closeness).

Each library runs in its own process (so memory figures do not mix); the data are generated before the clock
starts. Peak memory is the process's peak resident set size (``resource.getrusage(...).ru_maxrss``), minus
the RSS measured just before the metrics start ("delta"): it includes the interpreter and temporary Python
lists. Not a test: nothing is asserted.

networkx at national scale would take well over 20 minutes (about 15 min for sampled betweenness alone), so
its slow parts are ESTIMATED: betweenness and closeness from 20 sources (x 500/20). Its effective size is left
out of its national total (an underestimate, then): the all-nodes path builds a dense n x n matrix (19 GiB
here) and the per-node path copies the whole graph for every organization; its per-node cost is printed from
3 organizations. The output marks estimated figures with "~".
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

SCALES = {"town": (500, 10_000), "national": (50_000, 1_000_000)}
THRESHOLD = 2
K = 500
NX_SOURCES = 20
NX_ES_NODES = 3


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_data(n: int, m: int, seed: int = 42) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    keys = np.unique(rng.integers(0, n * n, size=int(m * 1.1)))
    keys = keys[(keys // n) != (keys % n)]
    keys = rng.permutation(keys)[:m]
    s, t = keys // n, keys % n
    level = rng.choice(6, size=m, p=[0.10, 0.10, 0.30, 0.25, 0.15, 0.10]).astype(float)
    sectors = rng.integers(0, 3, size=n)
    return s, t, level, sectors


def sources(n: int) -> np.ndarray | None:
    if n <= 5000:
        return None
    from shutafut.network.metrics import sample_sources

    return sample_sources(n, K, 0)


# ------------------------------------------------------------------------------------------------ runners


def run_shutafut(n: int, s: np.ndarray, t: np.ndarray, w: np.ndarray, sec: np.ndarray) -> dict[str, Any]:
    from shutafut.network import metrics as m

    labels = ("public", "third", "business")
    start = time.perf_counter()
    net = m.Network.build(
        [str(i) for i in range(n)],
        s,
        t,
        w,
        directed=True,
        groups=[labels[x] for x in sec],
        group_labels=labels,
    )
    build = time.perf_counter() - start
    r = m.analyze(net, THRESHOLD, levels=[1, 2, 3, 4, 5], top_level=4)
    total = time.perf_counter() - start
    return {"build": build, "total": total, "check": float(r.density.density)}


def run_igraph(n: int, s: np.ndarray, t: np.ndarray, w: np.ndarray, sec: np.ndarray) -> dict[str, Any]:
    import igraph as ig

    src = sources(n)
    start = time.perf_counter()
    mask = w >= THRESHOLD
    g = ig.Graph(n=n, directed=True)
    g.add_edges(np.column_stack((s[mask], t[mask])).tolist())
    g.es["weight"] = w[mask].tolist()
    build = time.perf_counter() - start
    [np.count_nonzero(w >= k) / (n * (n - 1)) for k in range(1, 6)]  # density at every rung
    dens = g.density()
    _ = (float(np.sum(w[~np.isnan(w)])) / (n * (n - 1)), float(np.mean(g.es["weight"])))  # mean levels
    g.reciprocity(mode="default"), g.reciprocity(mode="ratio")
    ind, outd = np.array(g.indegree()), np.array(g.outdegree())
    g.strength(mode="in", weights="weight"), g.strength(mode="out", weights="weight")
    gu = g.as_undirected(mode="collapse")
    du = np.array(gu.degree())
    ((ind.max() - ind).sum() / (n - 1) ** 2, (outd.max() - outd).sum() / (n - 1) ** 2)
    (du.max() - du).sum() / ((n - 1) * (n - 2))
    if src is None:
        g.betweenness()
        g.closeness(mode="in")
    else:
        g.betweenness(sources=src.tolist())
        for c in range(0, len(src), 100):
            np.asarray(g.distances(source=src[c : c + 100].tolist(), mode="out"), dtype=float)
    tr = np.array(gu.transitivity_local_undirected(mode="zero"))
    du - 2 * np.rint(tr * du * (du - 1) / 2) / np.maximum(du, 1)
    g.connected_components(mode="weak"), g.connected_components(mode="strong")
    el = np.array(g.get_edgelist())
    np.bincount(sec[el[:, 0]] * 3 + sec[el[:, 1]], minlength=9)
    total = time.perf_counter() - start
    return {"build": build, "total": total, "check": dens}


def run_networkx(n: int, s: np.ndarray, t: np.ndarray, w: np.ndarray, sec: np.ndarray) -> dict[str, Any]:
    import networkx as nx

    src = sources(n)
    estimated: list[str] = []
    scaled = 0.0
    ego_per_node = 0.0
    start = time.perf_counter()
    mask = w >= THRESHOLD
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from(zip(s[mask].tolist(), t[mask].tolist(), w[mask].tolist(), strict=True))
    build = time.perf_counter() - start
    for k in range(1, 6):
        nx.density(nx.DiGraph([(a, b) for a, b, x in g.edges(data="weight") if x >= k])) if n <= 5000 else None
    if n > 5000:  # whole-graph copies per rung are too slow; count arcs instead (same result)
        [sum(1 for _, _, x in g.edges(data="weight") if x >= k) / (n * (n - 1)) for k in range(1, 6)]
    dens = nx.density(g)
    np.mean([x for _, _, x in g.edges(data="weight")])
    nx.overall_reciprocity(g)
    ind, outd = dict(g.in_degree()), dict(g.out_degree())
    dict(g.in_degree(weight="weight")), dict(g.out_degree(weight="weight"))
    gu = g.to_undirected()
    du = dict(gu.degree())
    for d in (ind, outd, du):
        mx = max(d.values())
        sum(mx - x for x in d.values())
    if src is None:
        nx.betweenness_centrality(g)
        nx.closeness_centrality(g)
        nx.effective_size(gu)
    else:
        t0 = time.perf_counter()
        nx.betweenness_centrality(g, k=NX_SOURCES, seed=0)
        for x in src[:NX_SOURCES].tolist():
            nx.single_source_shortest_path_length(g, x)
        paths = time.perf_counter() - t0
        t0 = time.perf_counter()
        nx.effective_size(gu, nodes=list(range(NX_ES_NODES)))
        ego_per_node = (time.perf_counter() - t0) / NX_ES_NODES
        # the measured sample is replaced by its extrapolation to 500 sources
        scaled = paths * (K / NX_SOURCES - 1) - ego_per_node * NX_ES_NODES
        estimated = ["betweenness", "closeness"]
    nx.number_weakly_connected_components(g), nx.number_strongly_connected_components(g)
    counts = np.zeros((3, 3), dtype=int)
    for a, b in g.edges():
        counts[sec[a], sec[b]] += 1
    total = time.perf_counter() - start
    if estimated:
        total += scaled
    out: dict[str, Any] = {"build": build, "total": total, "check": dens, "estimated": estimated}
    if src is not None:
        out["effective_size_s_per_node"] = ego_per_node
    return out


RUNNERS: dict[str, Callable[..., dict[str, Any]]] = {
    "shutafut": run_shutafut,
    "igraph": run_igraph,
    "networkx": run_networkx,
}


def worker(lib: str, scale: str) -> None:
    n, m = SCALES[scale]
    s, t, w, sec = make_data(n, m)
    import igraph  # noqa: F401  (import costs are not part of the measure)
    import networkx  # noqa: F401

    import shutafut.network.metrics  # noqa: F401

    before = rss_mb()
    out = RUNNERS[lib](n, s, t, w, sec)
    out["peak_mb"] = peak_mb()
    out["delta_mb"] = peak_mb() - before
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="town scale only")
    parser.add_argument("--worker", nargs=2, metavar=("LIB", "SCALE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    scales = ["town"] if args.quick else ["town", "national"]
    print("peak memory: process peak RSS from resource.getrusage().ru_maxrss (MB); delta = peak minus RSS")
    print("just before the metrics start. '~' = estimated (networkx national, see the module docstring).\n")
    header = f"{'scale':<10}{'library':<10}{'build s':>9}{'total s':>11}{'peak MB':>9}{'delta MB':>10}"
    header += f"{'vs shutafut':>13}"
    print(header)
    for scale in scales:
        n, m = SCALES[scale]
        results: dict[str, dict[str, Any]] = {}
        for lib in RUNNERS:
            proc = subprocess.run(
                [sys.executable, __file__, "--worker", lib, scale], capture_output=True, text=True, check=True
            )
            results[lib] = json.loads(proc.stdout.strip().splitlines()[-1])
        ours = results["shutafut"]["total"]
        for lib, r in results.items():
            mark = "~" if r.get("estimated") else " "
            ratio = r["total"] / ours
            print(
                f"{scale:<10}{lib:<10}{r['build']:>9.3f}{mark:>2}{r['total']:>9.3f}{r['peak_mb']:>9.0f}"
                f"{r['delta_mb']:>10.0f}{ratio:>12.2f}x"
            )
        checks = {lib: round(r["check"], 9) for lib, r in results.items()}
        note = f"  ({n:,} organizations, {m:,} ratings; density check {checks}"
        est = results["networkx"].get("estimated")
        if est:
            note += f"; networkx {', '.join(est)} estimated from {NX_SOURCES} sources x {K // NX_SOURCES}"
        print(note + ")")
        per_node = results["networkx"].get("effective_size_s_per_node")
        if per_node:
            print(
                f"  networkx effective size is NOT in its national total (so that total is an underestimate):"
                f" with nodes= it costs {per_node:.2f} s per organization (ego_graph(undirected=True) copies the"
                f" graph each time), ~{per_node * n / 3600:.0f} h for all; without nodes= it builds a dense"
                f" n x n matrix ({n * n * 8 / 2**30:.0f} GiB)."
            )
        goal = "town goal < 0.2 s" if scale == "town" else "goals: >= 20x faster than networkx, <= 2x igraph"
        print(
            f"  {goal}: shutafut {ours:.3f} s; networkx/shutafut {results['networkx']['total'] / ours:.1f}x;"
            f" shutafut/igraph {ours / results['igraph']['total']:.2f}x\n"
        )


if __name__ == "__main__":
    main()
