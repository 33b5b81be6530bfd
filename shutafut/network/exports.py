"""The map's exports: GraphML and GEXF (Gephi, networkx, igraph), CSV and XLSX of organizations and ties.

Every export holds the map as selected on the page (threshold, sectors, domains, wave):

* GraphML and GEXF: the organizations (attributes ``name``, ``sector`` and the metrics at the threshold) and the
  **ties** at the threshold (attributes ``rung``, ``domain``, ``level`` = the number the metrics use, and for a
  wave both directed ratings when given). Undirected. Undefined values (effective size of an isolate, a missing
  rating) are left out of the element, as GraphML and GEXF allow.
* ``nodes.csv`` / ``ties.csv``: UTF-8 with a BOM (so that Excel shows Hebrew), machine headers that
  ``shutafut network metrics --undirected --nodes nodes.csv --ties ties.csv`` reads back (``id,name,sector`` and
  ``source,target,level``; ``level`` is the rung). ``ties.csv`` lists **every selected pair** with a ``tie``
  column (1 at or above the threshold), so any threshold can be recomputed.
* Every cell that a spreadsheet would run as a formula is written as text (``shutafut.lib.spreadsheets``).
* ``map.xlsx``: the same two tables as sheets, with headers in the active language (Hebrew by default) and
  right-to-left sheets when the language is written right to left.
"""

from __future__ import annotations

import io
import math
import xml.etree.ElementTree as ET

from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from shutafut.lib.choices import label_of
from shutafut.lib.spreadsheets import csv_bytes, xlsx_append
from shutafut.model.ladder import Rung
from shutafut.model.sectors import Sector
from shutafut.network.selectors import TownMap, map_data_nodes, tie_rows

NODE_METRICS: tuple[tuple[str, str], ...] = (
    ("degree", "int"),
    ("strength", "double"),
    ("betweenness", "double"),
    ("closeness", "double"),
    ("effective_size", "double"),
    ("component", "int"),
)
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://www.gexf.net/1.2draft"


def _edge_attrs(town_map: TownMap) -> list[tuple[str, str]]:
    attrs = [("rung", "int"), ("domain", "string"), ("level", "double")]
    if town_map.filters.wave is not None:
        attrs += [("rating_source_to_target", "int"), ("rating_target_to_source", "int")]
    return attrs


def _defined(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _text(value: object) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def graphml(town_map: TownMap) -> bytes:
    """The map as GraphML (undirected; keys declared for every attribute)."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    node_attrs = [("name", "string"), ("sector", "string"), *NODE_METRICS]
    for name, kind in node_attrs:
        ET.SubElement(
            root, f"{{{GRAPHML_NS}}}key", id=f"n_{name}", attrib={"for": "node", "attr.name": name, "attr.type": kind}
        )
    for name, kind in _edge_attrs(town_map):
        ET.SubElement(
            root, f"{{{GRAPHML_NS}}}key", id=f"e_{name}", attrib={"for": "edge", "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", id="G", edgedefault="undirected")
    for node in map_data_nodes(town_map):
        el = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", id=str(node["id"]))
        for name, _kind in node_attrs:
            if _defined(node[name]):
                ET.SubElement(el, f"{{{GRAPHML_NS}}}data", key=f"n_{name}").text = _text(node[name])
    for k, tie in enumerate(tie_rows(town_map)):
        el = ET.SubElement(
            graph,
            f"{{{GRAPHML_NS}}}edge",
            id=f"e{k}",
            source=str(tie.source.id),
            target=str(tie.target.id),
        )
        for name, _kind in _edge_attrs(town_map):
            if _defined(tie.value(name)):
                ET.SubElement(el, f"{{{GRAPHML_NS}}}data", key=f"e_{name}").text = _text(tie.value(name))
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def gexf(town_map: TownMap) -> bytes:
    """The map as GEXF 1.2 (undirected, static; edge weight = level; node label = name)."""
    ET.register_namespace("", GEXF_NS)
    q = f"{{{GEXF_NS}}}"
    root = ET.Element(f"{q}gexf", version="1.2")
    meta = ET.SubElement(root, f"{q}meta")
    ET.SubElement(meta, f"{q}creator").text = "Shutafut"
    graph = ET.SubElement(root, f"{q}graph", defaultedgetype="undirected", mode="static")
    node_attrs = [("name", "string"), ("sector", "string"), *NODE_METRICS]
    gexf_type = {"int": "integer", "double": "double", "string": "string"}
    decl = ET.SubElement(graph, f"{q}attributes", attrib={"class": "node", "mode": "static"})
    for i, (name, kind) in enumerate(node_attrs):
        ET.SubElement(decl, f"{q}attribute", id=str(i), title=name, type=gexf_type[kind])
    edge_attrs = _edge_attrs(town_map)
    decl = ET.SubElement(graph, f"{q}attributes", attrib={"class": "edge", "mode": "static"})
    for i, (name, kind) in enumerate(edge_attrs):
        ET.SubElement(decl, f"{q}attribute", id=str(i), title=name, type=gexf_type[kind])
    nodes = ET.SubElement(graph, f"{q}nodes")
    for node in map_data_nodes(town_map):
        el = ET.SubElement(nodes, f"{q}node", id=str(node["id"]), label=str(node["name"]))
        values = ET.SubElement(el, f"{q}attvalues")
        for i, (name, _kind) in enumerate(node_attrs):
            if _defined(node[name]):
                ET.SubElement(values, f"{q}attvalue", attrib={"for": str(i), "value": _text(node[name])})
    edges = ET.SubElement(graph, f"{q}edges")
    for k, tie in enumerate(tie_rows(town_map)):
        el = ET.SubElement(
            edges,
            f"{q}edge",
            id=str(k),
            source=str(tie.source.id),
            target=str(tie.target.id),
            weight=_text(tie.level),
        )
        values = ET.SubElement(el, f"{q}attvalues")
        for i, (name, _kind) in enumerate(edge_attrs):
            if _defined(tie.value(name)):
                ET.SubElement(values, f"{q}attvalue", attrib={"for": str(i), "value": _text(tie.value(name))})
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


NODE_COLUMNS = ("id", "name", "sector", *(name for name, _ in NODE_METRICS))
TIE_COLUMNS = (
    "source",
    "target",
    "level",
    "domain",
    "tie",
    "target_rung",
    "rating_source_to_target",
    "rating_target_to_source",
)


def _node_values(town_map: TownMap) -> list[list[object]]:
    return [[node[c] if _defined(node[c]) else "" for c in NODE_COLUMNS] for node in map_data_nodes(town_map)]


def _tie_values(town_map: TownMap, *, named: bool = False) -> list[list[object]]:
    """One row per selected pair: its organizations (ids, or names when ``named``), rung, domain, whether it is a
    tie at the threshold (1/0), the target rung and the two ratings ("" for none)."""
    threshold = town_map.filters.threshold
    out = []
    for tie in tie_rows(town_map, ties_only=False):
        values: list[object] = [
            tie.source.name if named else tie.source.id,
            tie.target.name if named else tie.target.id,
            tie.rung,
            tie.domain,
            1 if tie.rung >= threshold else 0,
            tie.target_rung,
            tie.rating_source_to_target,
            tie.rating_target_to_source,
        ]
        out.append(["" if v is None else v for v in values])
    return out


def nodes_csv(town_map: TownMap) -> bytes:
    return csv_bytes(NODE_COLUMNS, _node_values(town_map))


def ties_csv(town_map: TownMap) -> bytes:
    return csv_bytes(TIE_COLUMNS, _tie_values(town_map))


def _node_headers() -> list[str]:
    return [
        _("Id"),
        _("Name"),
        _("Sector"),
        _("Ties (degree)"),
        _("Strength (sum of rungs)"),
        _("Betweenness"),
        _("Closeness"),
        _("Effective size"),
        _("Component"),
    ]


def _tie_headers() -> list[str]:
    return [
        _("Organization"),
        _("Other organization"),
        _("Rung"),
        _("Domain"),
        _("Tie at the threshold"),
        _("Target rung"),
        _("Rating by the organization"),
        _("Rating by the other organization"),
    ]


def xlsx(town_map: TownMap) -> bytes:
    """Two sheets (organizations, ties) with headers and labels in the active language."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rtl = bool(get_language_bidi())
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _("Organizations")[:31]
    xlsx_append(ws, _node_headers())
    for row in _node_values(town_map):
        row[2] = label_of(Sector, row[2])
        xlsx_append(ws, row)
    ties = wb.create_sheet(_("Ties")[:31])
    xlsx_append(ties, _tie_headers())
    yes, no = _("yes"), _("no")
    for row in _tie_values(town_map, named=True):
        row[2] = label_of(Rung, row[2])
        row[4] = yes if row[4] else no
        for col in (5, 6, 7):
            if row[col] != "":
                row[col] = label_of(Rung, row[col])
        xlsx_append(ties, row)
    for sheet in (ws, ties):
        sheet.sheet_view.rightToLeft = rtl
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
