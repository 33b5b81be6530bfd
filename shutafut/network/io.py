"""Reading and validating relationship maps from CSV (organizations + ties) for the metrics.

All-or-nothing: ``read_network`` checks both files completely and raises ``InputError`` listing *every*
problem (file, line, column) before anything is computed. Lines are physical line numbers of the file, the
header being line 1.

Scales (self-contained here; shutafut/model/crosswalk.py owns conversions between ladders):

* ``ladder``: our ladder, 0–5 or the rung codes (``disconnection`` … ``partnership``); competition (1) is
  mapped for statistics by a ``CompetitionRule``; default tie threshold 2 (informing);
* ``loc``: Frey's Levels of Collaboration 0–5 (0 no interaction … 5 collaboration; names accepted);
  default threshold 1;
* ``dhhs``: the DHHS tobacco-control ``collab`` coding 0–4; default threshold 1;
* ``binary``: 0/1; default threshold 1.

Sectors: ``public``, ``third``, ``business`` (any case), and the Knoke codes ``GOV`` → public, ``VOL`` →
third, ``PVT`` → business.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from shutafut.model.ladder import CompetitionRule, Rung
from shutafut.model.sectors import Sector
from shutafut.network.aggregate import numeric_levels
from shutafut.network.metrics import Network


class Scale(StrEnum):
    LADDER = "ladder"
    LOC = "loc"
    DHHS = "dhhs"
    BINARY = "binary"


@dataclass(frozen=True, slots=True)
class ScaleSpec:
    scale: Scale
    low: int
    high: int
    default_threshold: int
    names: Mapping[str, int]
    """Level names accepted besides the numbers (lower case)."""


SCALES: dict[Scale, ScaleSpec] = {
    Scale.LADDER: ScaleSpec(Scale.LADDER, 0, 5, int(Rung.INFORMING), {r.code: int(r) for r in Rung}),
    Scale.LOC: ScaleSpec(
        Scale.LOC,
        0,
        5,
        1,
        {
            "no interaction": 0,
            "networking": 1,
            "cooperation": 2,
            "coordination": 3,
            "coalition": 4,
            "collaboration": 5,
        },
    ),
    Scale.DHHS: ScaleSpec(
        Scale.DHHS,
        0,
        4,
        1,
        {
            "no tie": 0,
            "share information": 1,
            "informal": 2,
            "formal": 3,
            "formal multiple projects": 4,
        },
    ),
    Scale.BINARY: ScaleSpec(Scale.BINARY, 0, 1, 1, {"no": 0, "yes": 1}),
}

SECTOR_ALIASES: dict[str, Sector] = {
    **{s.value: s for s in Sector},
    "gov": Sector.PUBLIC,
    "vol": Sector.THIRD,
    "pvt": Sector.BUSINESS,
}
SECTOR_ORDER: tuple[str, ...] = tuple(s.value for s in Sector)

NODE_COLUMNS = ("id", "name", "sector")
TIE_COLUMNS = ("source", "target", "level")


def parse_level(text: str, scale: Scale) -> int:
    """The level ``text`` on ``scale`` (a whole number in range, or a level name), else ``ValueError``."""
    spec = SCALES[scale]
    raw = text.strip().lower()
    if raw in spec.names:
        return spec.names[raw]
    try:
        number = float(raw)
    except ValueError:
        number = float("nan")
    if number.is_integer() and spec.low <= number <= spec.high:
        return int(number)
    names = ", ".join(spec.names)
    raise ValueError(f"{text!r} is not a level of the {scale} scale ({spec.low}-{spec.high} or: {names})")


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line is not None else "")
        where += f", column {self.column!r}" if self.column else ""
        return f"{where}: {self.message}"


class InputError(Exception):
    """The input files have problems; ``problems`` lists every one of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True, slots=True, eq=False)
class LoadedNetwork:
    """A validated map: ``network`` is grouped by ``group_column``; ``by_sector`` is the same network grouped
    by sector (labels in the order public, third, business)."""

    network: Network
    by_sector: Network
    names: tuple[str, ...]
    sectors: tuple[str, ...]
    groups: tuple[str, ...]
    attributes: dict[str, tuple[str, ...]]
    scale: Scale
    competition: CompetitionRule | None
    group_column: str


def _read_rows(
    path: Path, required: Sequence[str], extra: Sequence[str], problems: list[Problem]
) -> tuple[list[str], list[tuple[int, dict[str, str]]]] | None:
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as err:
        problems.append(Problem(name, None, None, f"cannot read the file: {err.strerror}"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.append(
            Problem(
                name,
                line,
                None,
                f"not UTF-8 (byte {err.start}); save the file as UTF-8 (it may be Windows-1255 or another"
                " legacy encoding)",
            )
        )
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        problems.append(Problem(name, 1, None, "the file is empty (no header)"))
        return None
    header = [h.strip() for h in header]
    missing = [c for c in (*required, *extra) if c not in header]
    for column in missing:
        problems.append(Problem(name, 1, column, "missing column"))
    if missing:
        return None
    rows: list[tuple[int, dict[str, str]]] = []
    for fields in reader:
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            problems.append(
                Problem(name, reader.line_num, None, f"{len(fields)} fields where the header has {len(header)}")
            )
            continue
        rows.append((reader.line_num, {h: f.strip() for h, f in zip(header, fields, strict=True)}))
    return header, rows


def read_network(
    nodes_path: Path | str,
    ties_path: Path | str,
    *,
    directed: bool,
    scale: Scale,
    group_column: str = "sector",
    competition: CompetitionRule = CompetitionRule.AS_ZERO,
) -> LoadedNetwork:
    """Read and validate NODES.csv (``id,name,sector`` + any attribute columns) and TIES.csv
    (``source,target,level``). Raises ``InputError`` naming every bad line and column: missing columns,
    undecodable text, empty or duplicate ids, unknown sectors, empty group values, ties to unknown
    organizations, self-ties, levels outside the scale, duplicate pairs (for undirected maps ``a,b`` and
    ``b,a`` are the same pair)."""
    nodes_path, ties_path = Path(nodes_path), Path(ties_path)
    problems: list[Problem] = []
    extra = [group_column] if group_column not in NODE_COLUMNS else []
    node_part = _read_rows(nodes_path, NODE_COLUMNS, extra, problems)
    tie_part = _read_rows(ties_path, TIE_COLUMNS, [], problems)

    ids: list[str] = []
    names: list[str] = []
    sectors: list[str] = []
    groups: list[str] = []
    index: dict[str, int] = {}
    first_line: dict[str, int] = {}
    attributes: dict[str, list[str]] = {}
    nname = nodes_path.name
    if node_part is not None:
        header, rows = node_part
        attr_columns = [h for h in header if h not in NODE_COLUMNS]
        attributes = {c: [] for c in attr_columns}
        for line, row in rows:
            node_id = row["id"]
            ok = True
            if not node_id:
                problems.append(Problem(nname, line, "id", "empty id"))
                ok = False
            elif node_id in first_line:
                problems.append(
                    Problem(nname, line, "id", f"duplicate id {node_id!r} (first on line {first_line[node_id]})")
                )
                ok = False
            sector = SECTOR_ALIASES.get(row["sector"].lower())
            if sector is None:
                problems.append(
                    Problem(
                        nname,
                        line,
                        "sector",
                        f"{row['sector']!r} is not a sector (public, third, business; or GOV, VOL, PVT)",
                    )
                )
                ok = False
            group = sector.value if (group_column == "sector" and sector) else row.get(group_column, "")
            if group_column != "sector" and not group:
                problems.append(Problem(nname, line, group_column, "empty group value"))
                ok = False
            if not ok or sector is None:
                continue
            first_line[node_id] = line
            index[node_id] = len(ids)
            ids.append(node_id)
            names.append(row["name"])
            sectors.append(sector.value)
            groups.append(group)
            for c in attr_columns:
                attributes[c].append(row[c])

    source: list[int] = []
    target: list[int] = []
    levels: list[int] = []
    tname = ties_path.name
    if tie_part is not None:
        _, rows = tie_part
        seen: dict[tuple[int, int], int] = {}
        for line, row in rows:
            ends: list[int] = []
            for column in ("source", "target"):
                value = row[column]
                if value in index:
                    ends.append(index[value])
                elif not value:
                    problems.append(Problem(tname, line, column, "empty"))
                elif node_part is not None:  # (unreadable organizations file: reported once above)
                    problems.append(Problem(tname, line, column, f"unknown organization {value!r}"))
            level: int | None = None
            try:
                level = parse_level(row["level"], scale)
            except ValueError as err:
                problems.append(Problem(tname, line, "level", str(err)))
            if len(ends) != 2 or level is None:
                continue
            s, t = ends
            if s == t:
                problems.append(Problem(tname, line, "target", f"self-tie of {row['source']!r}"))
                continue
            pair = (s, t) if directed else (min(s, t), max(s, t))
            if pair in seen:
                problems.append(
                    Problem(
                        tname,
                        line,
                        None,
                        f"duplicate pair {row['source']!r}-{row['target']!r} (first on line {seen[pair]})",
                    )
                )
                continue
            seen[pair] = line
            source.append(s)
            target.append(t)
            levels.append(level)

    if problems:
        # organizations file first, then ties; each by line (stable: a line's columns keep their order)
        problems.sort(key=lambda p: (p.file != nname, p.line or 0))
        raise InputError(problems)
    rule: CompetitionRule | None = competition if scale is Scale.LADDER else None
    values = numeric_levels(levels, rule) if rule is not None else [float(x) for x in levels]
    labels = SECTOR_ORDER if group_column == "sector" else None
    network = Network.build(ids, source, target, values, directed=directed, groups=groups, group_labels=labels)
    by_sector = dataclasses.replace(
        network,
        groups=Network.build(ids, [], [], directed=directed, groups=sectors, group_labels=SECTOR_ORDER).groups,
        group_labels=SECTOR_ORDER,
    )
    return LoadedNetwork(
        network=network,
        by_sector=by_sector,
        names=tuple(names),
        sectors=tuple(sectors),
        groups=tuple(groups),
        attributes={c: tuple(v) for c, v in attributes.items()},
        scale=scale,
        competition=rule,
        group_column=group_column,
    )
