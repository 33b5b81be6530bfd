"""The `shutafut diagnose` command, the example files, the JSON Schema and the catalog."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from shutafut.diagnosis.cli import diagnose as diagnose_command
from shutafut.diagnosis.engine import (
    LOCALE_DIR,
    SCHEMA_VERSION,
    Cadence,
    DecisionMethod,
    DocumentKind,
    InReturn,
    diagnose,
    load_file,
    to_dict,
)
from shutafut.diagnosis.engine.loader import SCHEMA_PATH
from shutafut.model.ladder import Rung
from shutafut.model.resources import ResourceType
from shutafut.model.roles import PartnerRole
from shutafut.model.sectors import Sector
from tests.diagnosis.examples import EXAMPLE_FILES, documented, outcome

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "diagnosis"
EXPECTED = re.compile(r"^# Expected: rung=(\w+) is_partnership=(true|false) exclusion=(\w+)", re.MULTILINE)


def _invoke(*args: str) -> Any:
    return CliRunner().invoke(diagnose_command, list(args))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example_gives_its_documented_result(path: Path) -> None:
    match = EXPECTED.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} must document its expected result in its first line"
    rung, is_partnership, exclusion = match.groups()
    result = diagnose(load_file(path))
    assert result.rung is Rung.from_code(rung)
    assert result.is_partnership is (is_partnership == "true")
    assert (result.exclusion.kind.value if result.exclusion else "none") == exclusion


def test_examples_cover_every_rung_and_exclusion() -> None:
    names = {p.stem for p in EXAMPLE_FILES}
    assert {r.code for r in Rung} | {"donation", "purchase_of_services", "outsourcing"} <= names


def test_json_output_has_the_documented_keys() -> None:
    result = _invoke(str(EXAMPLES / "partnership.yaml"), "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {
        "schema_version",
        "rung",
        "is_partnership",
        "tests",
        "exclusion",
        "principles",
        "flags",
        "next_steps",
        "missing",
    } <= set(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["rung"] == {"code": "partnership", "order": 5, "name": "Partnership"}
    assert sorted(data["tests"]) == [f"T{i}" for i in range(1, 8)]
    assert {"status", "records", "reason", "name"} <= set(data["tests"]["T1"])
    assert [p["number"] for p in data["principles"]] == [1, 2, 3, 4, 5, 6]


def test_json_output_names_the_exclusion() -> None:
    data = json.loads(_invoke(str(EXAMPLES / "donation.yaml"), "--lang", "en").output)
    assert data["exclusion"]["code"] == "donation"
    assert data["is_partnership"] is False


def test_english_and_hebrew_reasons() -> None:
    en = json.loads(_invoke(str(EXAMPLES / "cooperation.yaml"), "--lang", "en").output)
    he = json.loads(_invoke(str(EXAMPLES / "cooperation.yaml"), "--lang", "he").output)
    assert en["tests"]["T1"]["reason"] == "There is no framework document (agreement, charter or MoU)."
    assert he["tests"]["T1"]["reason"] == "אין מסמך מסגרת (הסכם, אמנה או מזכר הבנות)."
    assert he["rung"]["name"] == "שיתוף פעולה"
    hebrew_letters = re.compile("[\u0590-\u05ff]")
    sentences = [item["message"] for key in ("next_steps", "flags", "missing") for item in he[key]]
    sentences += [test["reason"] for test in he["tests"].values()]
    assert len(sentences) >= 9  # seven tests' reasons and the cooperation example's two next steps
    assert [s for s in sentences if not hebrew_letters.search(s)] == []


def test_text_format() -> None:
    result = _invoke(str(EXAMPLES / "donation.yaml"), "--format", "text", "--lang", "he")
    assert result.exit_code == 0
    assert "דרגה בסולם: יידוע" in result.output
    assert "תרומה פילנתרופית" in result.output


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(
            lambda r: r["members"][2].update(sector="x"), "members[2].sector: 'x' is not one of", id="bad-sector"
        ),
        pytest.param(lambda r: r.pop("members"), "'members' is a required property", id="no-members"),
        pytest.param(
            lambda r: r["decisions"][0].update(date="next week"), "decisions[0].date: 'next week'", id="bad-date"
        ),
        pytest.param(
            lambda r: r["pledges"][1].update(type="gold"), "pledges[1].type: 'gold' is not one of", id="bad-type"
        ),
        pytest.param(lambda r: r.update(colour="red"), "'colour' was unexpected", id="unknown-key"),
    ],
)
def test_invalid_input_exits_2_naming_the_field(tmp_path: Path, change: Any, message: str) -> None:
    record = yaml.safe_load((EXAMPLES / "partnership.yaml").read_text(encoding="utf-8"))
    change(record)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(record, default=str), encoding="utf-8")
    result = _invoke(str(path))
    assert result.exit_code == 2
    assert message in result.output


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("members: [unclosed", encoding="utf-8")
    result = _invoke(str(path))
    assert result.exit_code == 2
    assert "not valid JSON or YAML" in result.output


def test_json_input_reads_like_yaml(tmp_path: Path) -> None:
    record = yaml.safe_load((EXAMPLES / "partnership.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "p.json"
    path.write_text(json.dumps(record, default=str), encoding="utf-8")
    data = json.loads(_invoke(str(path), "--lang", "en").output)
    assert data["is_partnership"] is True


@pytest.mark.parametrize("lang", ["he", "en"])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_output_of_every_example_reads_back_from_json_unchanged(path: Path, lang: str) -> None:
    output = to_dict(diagnose(load_file(path)), lang)
    assert json.loads(json.dumps(output)) == output
    assert outcome(output) == documented(path)


def _schema_enum(schema: dict[str, Any], *path: str) -> list[str]:
    node: Any = schema
    for key in path:
        node = node[key]
    return list(node["enum"])


def test_schema_enums_match_the_python_vocabulary() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    props = schema["properties"]
    assert _schema_enum(schema, "$defs", "resource_type") == [t.value for t in ResourceType]
    assert _schema_enum(props, "members", "items", "properties", "sector") == [s.value for s in Sector]
    assert _schema_enum(props, "members", "items", "properties", "roles", "items") == [r.value for r in PartnerRole]
    assert _schema_enum(props, "meeting_cadence") == [c.value for c in Cadence]
    assert _schema_enum(props, "framework_documents", "items", "properties", "kind") == [k.value for k in DocumentKind]
    assert _schema_enum(props, "pledges", "items", "properties", "in_return") == [r.value for r in InReturn]
    assert _schema_enum(props, "decisions", "items", "properties", "method") == [m.value for m in DecisionMethod]


def test_every_hebrew_message_is_translated() -> None:
    po = (LOCALE_DIR / "he" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = re.findall(r'msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', po)
    assert len(entries) > 50
    for msgid, msgstr in entries[1:]:
        source = "".join(line[1:-1] for line in msgid.strip().splitlines())
        target = "".join(line[1:-1] for line in msgstr.strip().splitlines())
        assert target, f"untranslated: {source}"
        assert sorted(re.findall(r"%\(\w+\)s", source)) == sorted(re.findall(r"%\(\w+\)s", target)), source


def test_every_engine_sentence_is_in_the_catalog() -> None:
    po = (LOCALE_DIR / "he" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    catalog = {
        "".join(line[1:-1] for line in m.strip().splitlines()).replace('\\"', '"')
        for m in re.findall(r'msgid ((?:".*"\n)+)', po)
    }
    engine = REPO / "shutafut" / "diagnosis" / "engine"
    sentences = {
        (path.name, "".join(re.findall(r'"([^"\n]*)"', call)))
        for path in engine.glob("*.py")
        for call in re.findall(r'\b_\(\s*((?:"[^"\n]*"\s*)+)\)', path.read_text(encoding="utf-8"))
    }
    assert len(sentences) > 50, "the scan found almost no sentence in the engine: is the pattern still right?"
    missing = [f"{name}: {text!r}" for name, text in sorted(sentences) if text not in catalog]
    assert missing == [], "not in the catalog (run makemessages):\n" + "\n".join(missing)
