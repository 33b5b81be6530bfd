"""`shutafut network metrics` end to end: the Knoke and DHHS values through CSV files, and bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from shutafut.network.cli import network

TOL = 1e-9


def _write(path: Path, header: list[str], rows: list[list[object]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(network, ["metrics", *args])
    return result.exit_code, result.stdout, result.stderr


def _knoke_files(tmp_path: Path, shared_data: Path, relation: str) -> tuple[Path, Path]:
    base = shared_data / "collaboration_networks"
    with (base / "knoke_bureaucracies_nodes.csv").open(encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with (base / f"knoke_bureaucracies_{relation}_edges.csv").open(encoding="utf-8") as f:
        arcs = list(csv.DictReader(f))
    code = {r["id"]: r["code"] for r in nodes}
    n = _write(
        tmp_path / "nodes.csv",
        ["id", "name", "sector", "rating"],
        [[r["code"], r["name"], r["sector"], r["rating"]] for r in nodes],
    )
    t = _write(
        tmp_path / "ties.csv",
        ["source", "target", "level"],
        [[code[a["sender_id"]], code[a["receiver_id"]], 1] for a in arcs],
    )
    return n, t


def test_knoke_information_through_the_cli(tmp_path, shared_data):
    n, t = _knoke_files(tmp_path, shared_data, "information")
    code, out, err = _run("--nodes", str(n), "--ties", str(t), "--scale", "binary")
    assert code == 0, err
    rep = json.loads(out)
    assert (rep["n_nodes"], rep["n_ties"]) == (10, 49)
    assert rep["density"] == pytest.approx(0.5444, abs=5e-5)
    assert rep["reciprocity"]["arc"] == pytest.approx(0.6939, abs=5e-5)
    assert rep["reciprocity"]["dyad"] == pytest.approx(17 / 32, abs=TOL)
    dc = rep["degree_centralization"]
    assert dc["in"]["value"] == pytest.approx(41 / 81, abs=TOL) and dc["in"]["denominator_formula"] == "(n-1)^2"
    assert dc["out"]["value"] == pytest.approx(31 / 81, abs=TOL)
    assert dc["undirected"]["value"] == pytest.approx(0.3611, abs=5e-5)
    # GOV/VOL/PVT arrive as public/third/business
    mix = rep["sector_mixing"]
    assert mix["labels"] == ["public", "third", "business"]
    assert mix["counts"] == [[7, 8, 6], [12, 3, 6], [3, 2, 2]]
    assert rep["ei_index"] == pytest.approx(0.5102, abs=5e-5) and rep["group_column"] == "sector"
    nodes = {x["id"]: x for x in rep["nodes"]}
    assert nodes["COUN"]["sector"] == "public" and nodes["COUN"]["attributes"] == {"rating": "5.8"}
    assert [nodes[c]["in_degree"] for c in ("COUN", "COMM", "NEWS")] == [5, 8, 9]
    assert nodes["MAYR"]["betweenness"] == pytest.approx(0.2477, abs=5e-5)
    with t.open(encoding="utf-8") as f:
        g = nx.DiGraph([(r["source"], r["target"]) for r in csv.DictReader(f)])
    clo = nx.closeness_centrality(g)
    es = nx.effective_size(g.to_undirected())
    for node_id, x in nodes.items():
        assert x["closeness"] == pytest.approx(clo[node_id], abs=TOL)
        assert x["effective_size"] == pytest.approx(es[node_id], abs=TOL)
        assert x["degree"] == g.to_undirected().degree(node_id)


def test_knoke_money_isolate_and_text_format(tmp_path, shared_data):
    n, t = _knoke_files(tmp_path, shared_data, "money")
    code, out, err = _run("--nodes", str(n), "--ties", str(t), "--scale", "binary")
    assert code == 0, err
    rep = json.loads(out)
    assert rep["components"]["isolates"] == ["WRO"]
    assert next(x for x in rep["nodes"] if x["id"] == "WRO")["effective_size"] is None  # NaN -> null
    assert rep["ei_index"] == pytest.approx(0.2727, abs=5e-5)
    code, out, _ = _run("--nodes", str(n), "--ties", str(t), "--scale", "binary", "--format", "text")
    assert code == 0 and "density 0.2444" in out and "isolates WRO" in out


def test_dhhs_through_the_cli_with_agency_groups(tmp_path, shared_data):
    base = shared_data / "collaboration_networks"
    with (base / "dhhs_tobacco_control_2005_nodes.csv").open(encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with (base / "dhhs_tobacco_control_2005_collaboration_edges.csv").open(encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    n = _write(
        tmp_path / "n.csv",
        ["id", "name", "sector", "agency"],
        [[r["member_label"], r["member_label"], "public", r["agency_name"]] for r in nodes],
    )
    t = _write(
        tmp_path / "t.csv",
        ["source", "target", "level"],
        [[e["member_a_label"], e["member_b_label"], e["collab"]] for e in edges],
    )
    args = [
        "--nodes",
        str(n),
        "--ties",
        str(t),
        "--undirected",
        "--scale",
        "dhhs",
        "--group-column",
        "agency",
    ]
    code, out, err = _run(*args)
    assert code == 0, err
    rep = json.loads(out)
    assert (rep["n_nodes"], rep["n_ties"], rep["reciprocity"]) == (54, 447, None)
    assert rep["density"] == pytest.approx(0.3124, abs=5e-5)
    assert rep["mean_level_over_ties"] == pytest.approx(2.1991, abs=5e-5)
    assert rep["mean_level_over_all_pairs"] == pytest.approx(0.6869, abs=5e-5)
    assert rep["mean_level_denominators"] == {"over_ties": 447, "over_all_pairs": 1431, "excluded_pairs": 0}
    assert rep["share_of_ties_at_top_two_levels"]["share"] == pytest.approx(0.3870, abs=5e-5)
    assert rep["degree_centralization"]["undirected"]["value"] == pytest.approx(0.5573, abs=5e-5)
    assert rep["ei_index"] == pytest.approx(0.2304, abs=5e-5)
    assert rep["group_mixing"]["group_column"] == "agency" and len(rep["group_mixing"]["labels"]) == 11
    assert rep["sector_mixing"]["counts"][0][0] == 447  # everyone is public
    os5 = next(x for x in rep["nodes"] if x["id"] == "OS-5")
    assert (os5["degree"], os5["strength"]) == (45, 119)
    assert os5["effective_size"] == pytest.approx(30.5111, abs=5e-5)
    assert [d["ties"] for d in rep["density_by_threshold"]] == [447, 284, 173, 79]
    code, out, _ = _run(*args, "--threshold", "3")
    assert code == 0 and json.loads(out)["n_ties"] == 173


def test_ladder_scale_codes_and_competition_rule(tmp_path):
    n = _write(
        tmp_path / "n.csv",
        ["id", "name", "sector"],
        [["a", "A", "public"], ["b", "B", "third"], ["c", "C", "business"]],
    )
    t = _write(
        tmp_path / "t.csv",
        ["source", "target", "level"],
        [["a", "b", "partnership"], ["b", "a", "3"], ["a", "c", "competition"], ["c", "b", "1"]],
    )
    base = ["--nodes", str(n), "--ties", str(t)]
    rep = json.loads(_run(*base)[1])
    assert rep["competition"] == "as_zero" and rep["threshold"] == 2.0 and rep["n_ties"] == 2
    assert rep["mean_level_over_all_pairs"] == pytest.approx(8 / 6)
    excl = json.loads(_run(*base, "--competition", "exclude")[1])
    assert excl["mean_level_over_all_pairs"] == pytest.approx(8 / 4)
    assert excl["mean_level_denominators"]["excluded_pairs"] == 2
    as_order = json.loads(_run(*base, "--competition", "as_order", "--threshold", "competition")[1])
    assert as_order["n_ties"] == 4 and as_order["mean_level_over_ties"] == pytest.approx(10 / 4)


def _problems(stderr: str) -> list[str]:
    return [line.strip() for line in stderr.splitlines() if line.startswith("  ")]


def test_bad_ties_every_row_reported_and_nothing_computed(tmp_path):
    n = _write(
        tmp_path / "n.csv",
        ["id", "name", "sector"],
        [["a", "A", "GOV"], ["b", "B", "vol"], ["c", "C", "PVT"]],
    )
    t = _write(
        tmp_path / "t.csv",
        ["source", "target", "level"],
        [
            ["a", "b", "2"],
            ["a", "zz", "2"],
            ["b", "b", "3"],
            ["c", "a", "9"],
            ["a", "b", "4"],
            ["yy", "c", "x"],
        ],
    )
    code, out, err = _run("--nodes", str(n), "--ties", str(t))
    assert code == 2 and out == ""
    problems = _problems(err)
    assert problems == [
        "t.csv, line 3, column 'target': unknown organization 'zz'",
        "t.csv, line 4, column 'target': self-tie of 'b'",
        "t.csv, line 5, column 'level': '9' is not a level of the ladder scale (0-5 or: disconnection, "
        "competition, informing, coordination, cooperation, partnership)",
        "t.csv, line 6: duplicate pair 'a'-'b' (first on line 2)",
        "t.csv, line 7, column 'source': unknown organization 'yy'",
        "t.csv, line 7, column 'level': 'x' is not a level of the ladder scale (0-5 or: disconnection, "
        "competition, informing, coordination, cooperation, partnership)",
    ]


def test_undirected_reverse_pair_is_a_duplicate(tmp_path):
    n = _write(tmp_path / "n.csv", ["id", "name", "sector"], [["a", "A", "public"], ["b", "B", "third"]])
    t = _write(tmp_path / "t.csv", ["source", "target", "level"], [["a", "b", "1"], ["b", "a", "1"]])
    code, _, err = _run("--nodes", str(n), "--ties", str(t), "--undirected", "--scale", "binary")
    assert code == 2 and "line 3: duplicate pair 'b'-'a' (first on line 2)" in err
    assert _run("--nodes", str(n), "--ties", str(t), "--scale", "binary")[0] == 0  # directed: two arcs


def test_bad_nodes_and_missing_columns(tmp_path):
    n = _write(
        tmp_path / "n.csv",
        ["id", "name", "sector"],
        [["a", "A", "public"], ["a", "A2", "third"], ["c", "C", "church"], ["", "D", "third"]],
    )
    t = _write(tmp_path / "t.csv", ["source", "target"], [["a", "c"]])
    code, _, err = _run("--nodes", str(n), "--ties", str(t))
    assert code == 2
    assert _problems(err) == [
        "n.csv, line 3, column 'id': duplicate id 'a' (first on line 2)",
        "n.csv, line 4, column 'sector': 'church' is not a sector (public, third, business; or GOV, VOL, PVT)",
        "n.csv, line 5, column 'id': empty id",
        "t.csv, line 1, column 'level': missing column",
    ]
    code, _, err = _run("--nodes", str(n), "--ties", str(t), "--group-column", "agency")
    assert code == 2 and "n.csv, line 1, column 'agency': missing column" in err


def test_windows_1255_file_is_refused_with_its_line(tmp_path):
    n = _write(
        tmp_path / "n.csv",
        ["id", "name", "sector"],
        [["a", "עירייה", "public"], ["b", "עמותה", "third"]],
        encoding="cp1255",
    )
    t = _write(tmp_path / "t.csv", ["source", "target", "level"], [["a", "b", "2"]])
    code, out, err = _run("--nodes", str(n), "--ties", str(t))
    assert code == 2 and out == ""
    assert "n.csv, line 2: not UTF-8" in err and "Windows-1255" in err
    utf8 = _write(
        tmp_path / "u.csv",
        ["id", "name", "sector"],
        [["a", "עירייה", "public"], ["b", "עמותה", "third"]],
        encoding="utf-8-sig",
    )
    code, out, _ = _run("--nodes", str(utf8), "--ties", str(t))
    assert code == 0 and json.loads(out)["nodes"][0]["name"] == "עירייה"


def test_threshold_outside_the_scale_is_a_usage_error(tmp_path):
    n = _write(tmp_path / "n.csv", ["id", "name", "sector"], [["a", "A", "public"], ["b", "B", "third"]])
    t = _write(tmp_path / "t.csv", ["source", "target", "level"], [["a", "b", "1"]])
    code, _, err = _run("--nodes", str(n), "--ties", str(t), "--scale", "dhhs", "--threshold", "5")
    assert code == 2 and "--threshold" in err
