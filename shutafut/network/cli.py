"""`shutafut network metrics`: every metric of shutafut.network.metrics on a map given as two CSV files.

Output keys are stable; docs/network-metrics.md documents the convention of each one. Bad input exits with
code 2 and a report naming every bad line and column; nothing is computed until the input is clean.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import click
import numpy as np

from shutafut.model.ladder import CompetitionRule
from shutafut.network import metrics as m
from shutafut.network.io import SCALES, InputError, LoadedNetwork, Scale, parse_level, read_network

CONVENTIONS = "docs/network-metrics.md"


@click.group()
def network() -> None:
    """Network analytics on a relationship map."""


def _num(x: float | int | np.floating[Any] | np.integer[Any] | None) -> float | int | None:
    if x is None:
        return None
    if isinstance(x, int | np.integer):
        return int(x)
    value = float(x)
    return None if math.isnan(value) else value


def _matrix(a: np.ndarray[Any, Any]) -> list[list[float | int | None]]:
    return [[_num(v) for v in row] for row in a.tolist()]


def _centralization(c: m.Centralization | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "value": _num(c.value),
        "numerator": c.numerator,
        "denominator": c.denominator,
        "denominator_formula": c.denominator_formula,
    }


def _mixing(mx: m.Mixing, column: str) -> dict[str, Any]:
    return {
        "group_column": column,
        "labels": list(mx.labels),
        "counts": _matrix(mx.counts),
        "mean_level": _matrix(mx.mean_level),
        "internal": mx.internal,
        "external": mx.external,
        "ei_index": _num(mx.ei_index),
        "cross_share": _num(mx.cross_share),
    }


def report(loaded: LoadedNetwork, threshold: float, *, exact_limit: int, sample_size: int, seed: int) -> dict[str, Any]:
    """The JSON-ready report (keys documented in docs/network-metrics.md)."""
    net = loaded.network
    spec = SCALES[loaded.scale]
    levels = list(range(max(spec.low, 1), spec.high + 1))
    top = float(spec.high - 1)
    r = m.analyze(
        net,
        threshold,
        levels=levels,
        top_level=top,
        exact_limit=exact_limit,
        sample_size=sample_size,
        seed=seed,
    )
    sector_mix = m.mixing(loaded.by_sector, threshold)
    d = r.degrees
    nodes = []
    for i, node_id in enumerate(net.node_ids):
        nodes.append(
            {
                "id": node_id,
                "name": loaded.names[i],
                "sector": loaded.sectors[i],
                "group": loaded.groups[i],
                "attributes": {c: v[i] for c, v in loaded.attributes.items()},
                "in_degree": int(d.in_degree[i]),
                "out_degree": int(d.out_degree[i]),
                "degree": int(d.degree[i]),
                "in_strength": _num(d.in_strength[i]),
                "out_strength": _num(d.out_strength[i]),
                "strength": _num(d.strength[i]),
                "betweenness": _num(r.betweenness.normalized[i]),
                "closeness": _num(r.closeness.values[i]),
                "effective_size": _num(r.effective_size[i]),
                "component": int(r.components.membership[i]),
            }
        )
    rec = r.reciprocity
    return {
        "conventions": CONVENTIONS,
        "scale": loaded.scale.value,
        "competition": loaded.competition.value if loaded.competition else None,
        "directed": net.directed,
        "threshold": threshold,
        "group_column": loaded.group_column,
        "n_nodes": net.n,
        "n_ties": r.density.ties,
        "density": _num(r.density.density),
        "symmetrized_edges": r.density.symmetrized_edges,
        "density_undirected": _num(r.density.density_undirected),
        "density_by_threshold": [
            {
                "threshold": x.threshold,
                "ties": x.ties,
                "density": _num(x.density),
                "density_undirected": _num(x.density_undirected),
            }
            for x in r.density_by_threshold
        ],
        "mean_level_over_ties": _num(r.mean_level.over_ties),
        "mean_level_over_all_pairs": _num(r.mean_level.over_all_pairs),
        "mean_level_denominators": {
            "over_ties": r.mean_level.ties_denominator,
            "over_all_pairs": r.mean_level.all_pairs_denominator,
            "excluded_pairs": r.mean_level.excluded_pairs,
        },
        "share_of_ties_at_top_two_levels": {"at_or_above": top, "share": _num(r.share_at_or_above_top)},
        "mean_degree": _num(float(d.degree.sum()) / net.n if net.n else math.nan),
        "reciprocity": None
        if rec is None
        else {
            "arc": _num(rec.arc_reciprocity),
            "dyad": _num(rec.dyad_reciprocity),
            "arcs": rec.arcs,
            "reciprocated_arcs": rec.reciprocated_arcs,
            "mutual_dyads": rec.mutual_dyads,
            "asymmetric_dyads": rec.asymmetric_dyads,
        },
        "degree_centralization": {
            "in": _centralization(r.centralization.in_),
            "out": _centralization(r.centralization.out),
            "undirected": _centralization(r.centralization.undirected),
        },
        "components": {
            "count": r.components.count,
            "sizes": r.components.sizes.tolist(),
            "strong_count": r.components.strong_count,
            "isolates": [net.node_ids[i] for i in r.components.isolates.tolist()],
        },
        "betweenness_method": {
            "exact": r.betweenness.exact,
            "sample_size": r.betweenness.sample_size,
            "seed": r.betweenness.seed,
        },
        "closeness_method": {
            "exact": r.closeness.exact,
            "sample_size": r.closeness.sample_size,
            "seed": r.closeness.seed,
            "direction": "incoming" if net.directed else "undirected",
        },
        "sector_mixing": _mixing(sector_mix, "sector"),
        "group_mixing": _mixing(r.mixing, loaded.group_column),
        "ei_index": _num(r.mixing.ei_index),
        "cross_group_share": _num(r.mixing.cross_share),
        "nodes": nodes,
    }


def _fmt(x: Any) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:.4f}"
    return str(x)


def render_text(rep: dict[str, Any]) -> str:
    """A short human-readable summary of ``report``'s output."""
    lines = [
        f"organizations {rep['n_nodes']}, ties {rep['n_ties']} (threshold {rep['threshold']}, scale "
        f"{rep['scale']}, {'directed' if rep['directed'] else 'undirected'})",
        f"density {_fmt(rep['density'])}; undirected {_fmt(rep['density_undirected'])}",
        f"mean level over ties {_fmt(rep['mean_level_over_ties'])}; over all pairs "
        f"{_fmt(rep['mean_level_over_all_pairs'])}",
    ]
    if rep["reciprocity"]:
        rec = rep["reciprocity"]
        lines.append(f"reciprocity: arc {_fmt(rec['arc'])}, dyad {_fmt(rec['dyad'])}")
    for kind, c in rep["degree_centralization"].items():
        if c:
            lines.append(f"degree centralization ({kind}, /{c['denominator_formula']}) {_fmt(c['value'])}")
    comp = rep["components"]
    lines.append(f"components {comp['count']}; isolates {', '.join(comp['isolates']) or 'none'}")
    lines.append(f"E-I index by {rep['group_column']} {_fmt(rep['ei_index'])}")
    lines.append("")
    lines.append(f"{'id':<16}{'degree':>8}{'strength':>10}{'betweenness':>13}{'closeness':>11}{'eff.size':>10}")
    for node in rep["nodes"]:
        lines.append(
            f"{node['id']:<16}{node['degree']:>8}{_fmt(node['strength']):>10}{_fmt(node['betweenness']):>13}"
            f"{_fmt(node['closeness']):>11}{_fmt(node['effective_size']):>10}"
        )
    return "\n".join(lines)


@network.command()
@click.option("--nodes", "nodes_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ties", "ties_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--directed/--undirected", default=True, help="Ties are directed ratings (default) or pairs.")
@click.option("--scale", type=click.Choice([s.value for s in Scale]), default=Scale.LADDER.value)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json")
@click.option("--threshold", default=None, help="Tie threshold: a level on the scale (default: the scale's).")
@click.option(
    "--group-column",
    default="sector",
    help="Organizations' column used for group mixing and the E-I index (default: sector).",
)
@click.option(
    "--competition",
    type=click.Choice([c.value for c in CompetitionRule]),
    default=CompetitionRule.AS_ZERO.value,
    help="Ladder scale only: competition (rung 1) as 0, excluded, or as its order 1.",
)
@click.option("--exact-limit", default=m.EXACT_LIMIT, show_default=True, help="Exact paths up to this size.")
@click.option("--sample-size", default=m.SAMPLE_SIZE, show_default=True, help="Sources sampled above it.")
@click.option("--seed", default=m.SEED, show_default=True, help="Seed of the source sample.")
def metrics(
    nodes_path: Path,
    ties_path: Path,
    directed: bool,
    scale: str,
    fmt: str,
    threshold: str | None,
    group_column: str,
    competition: str,
    exact_limit: int,
    sample_size: int,
    seed: int,
) -> None:
    """Compute the metrics of the map in NODES.csv (id,name,sector,...) and TIES.csv (source,target,level)."""
    sc = Scale(scale)
    if threshold is None:
        th = float(SCALES[sc].default_threshold)
    else:
        try:
            th = float(parse_level(threshold, sc))
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--threshold") from err
    try:
        loaded = read_network(
            nodes_path,
            ties_path,
            directed=directed,
            scale=sc,
            group_column=group_column,
            competition=CompetitionRule(competition),
        )
    except InputError as err:
        click.echo(f"error: {len(err.problems)} problem(s) in the input; nothing was computed:", err=True)
        for problem in err.problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(2)
    rep = report(loaded, th, exact_limit=exact_limit, sample_size=sample_size, seed=seed)
    if fmt == "json":
        click.echo(json.dumps(rep, ensure_ascii=False, indent=1))
    else:
        click.echo(render_text(rep))
