"""Loaders of the real oracle networks (peers.md §4.1, §4.2), read in place from the shared data."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from shutafut.network.metrics import Network

KNOKE_CODES = ("COUN", "COMM", "EDUC", "INDU", "MAYR", "WRO", "NEWS", "UWAY", "WELF", "WEST")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def knoke_nodes(shared_data: Path) -> list[dict[str, str]]:
    return _rows(shared_data / "collaboration_networks" / "knoke_bureaucracies_nodes.csv")


def knoke_arcs(shared_data: Path, relation: str) -> list[tuple[int, int]]:
    rows = _rows(shared_data / "collaboration_networks" / f"knoke_bureaucracies_{relation}_edges.csv")
    return [(int(r["sender_id"]), int(r["receiver_id"])) for r in rows]


@pytest.fixture(scope="session", params=["information", "money"])
def knoke(request: pytest.FixtureRequest, shared_data: Path, knoke_nodes: list[dict[str, str]]):
    """(relation, directed Network grouped by the Knoke sector codes, networkx DiGraph)."""
    relation = request.param
    arcs = knoke_arcs(shared_data, relation)
    net = Network.build(
        [r["code"] for r in knoke_nodes],
        [a for a, _ in arcs],
        [b for _, b in arcs],
        directed=True,
        groups=[r["sector"] for r in knoke_nodes],
    )
    g = nx.DiGraph()
    g.add_nodes_from(range(len(knoke_nodes)))
    g.add_edges_from(arcs)
    return relation, net, g


@pytest.fixture(scope="session")
def dhhs_rows(shared_data: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    base = shared_data / "collaboration_networks"
    return (
        _rows(base / "dhhs_tobacco_control_2005_nodes.csv"),
        _rows(base / "dhhs_tobacco_control_2005_collaboration_edges.csv"),
    )


@pytest.fixture(scope="session")
def dhhs(dhhs_rows):
    """(undirected Network on the collab 1–4 levels grouped by agency, networkx Graph with weight=collab)."""
    nodes, edges = dhhs_rows
    index = {r["node_id"]: i for i, r in enumerate(nodes)}
    s = [index[e["member_a_id"]] for e in edges]
    t = [index[e["member_b_id"]] for e in edges]
    w = [float(e["collab"]) for e in edges]
    net = Network.build(
        [r["member_label"] for r in nodes], s, t, w, directed=False, groups=[r["agency_name"] for r in nodes]
    )
    g = nx.Graph()
    g.add_nodes_from(range(len(nodes)))
    g.add_weighted_edges_from(zip(s, t, w, strict=True))
    return net, g


@pytest.fixture(scope="session")
def knoke_information(shared_data: Path, knoke_nodes: list[dict[str, str]]) -> Network:
    """The directed information network alone (its published path values, peers.md §4.1)."""
    arcs = knoke_arcs(shared_data, "information")
    return Network.build([r["code"] for r in knoke_nodes], *zip(*arcs, strict=True), directed=True)
