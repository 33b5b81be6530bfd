"""The guided questions' one mapping to the input format (shutafut/diagnosis/guided.py): every example record can be
rebuilt by answering the questions, and the command line diagnoses the rebuilt record as it diagnoses the example."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from shutafut.cli import main
from shutafut.diagnosis.engine import diagnose, parse
from shutafut.diagnosis.guided import (
    QUESTIONS,
    RUNG,
    UNKNOWN,
    questions_for,
    record_from_answers,
    unanswered,
    unknown_answers,
)
from tests.conftest import REPO

EXAMPLES = sorted((REPO / "examples" / "diagnosis").glob("*.yaml"))
ANSWERS = Path(__file__).parent / "guided_answers"


def answers(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ANSWERS / f"{name}.yaml").read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


def cli_result(path: Path) -> dict[str, Any]:
    out = CliRunner().invoke(main, ["diagnose", str(path), "--format", "json", "--lang", "en"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    return {
        "rung": data["rung"]["code"],
        "is_partnership": data["is_partnership"],
        "exclusion": data["exclusion"]["code"] if data["exclusion"] else None,
        "tests": {code: t["status"] for code, t in data["tests"].items()},
    }


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_is_rebuilt_through_the_guided_questions_with_the_clis_result(example, tmp_path):
    rebuilt = tmp_path / f"{example.stem}.json"
    rebuilt.write_text(json.dumps(record_from_answers(answers(example.stem), lang="en")), encoding="utf-8")
    assert cli_result(rebuilt) == cli_result(example)


def test_every_question_is_answered_in_some_example():
    answered = {code for path in ANSWERS.glob("*.yaml") for code in answers(path.stem)}
    assert {q.code for q in QUESTIONS} <= answered


def test_i_dont_know_leaves_the_keys_out_and_no_gives_the_empty_value():
    draft = answers("competition")
    record = record_from_answers(draft)
    for key in ("horizon_months", "meeting_cadence", "standing_body", "activities", "public_goal", "beneficiaries"):
        assert key not in record
    assert record["framework_documents"] == []
    assert record["decisions"] == []
    assert record["pledges"] == []
    assert record["convener"] is None


def test_unanswered_questions_leave_their_keys_out_so_a_partial_draft_is_diagnosed():
    draft = {k: v for k, v in answers("partnership").items() if k in ("name", "members", "documents")}
    record = record_from_answers(draft)
    assert set(record) == {"schema_version", "id", "name", "started", "members", "framework_documents"}
    result = diagnose(parse(record))
    assert result.test("T1").status.value == "passed"
    assert result.test("T4").status.value == "unknown"
    assert [q.code for q in unanswered(draft)][:3] == ["convener", "horizon", "standing_body"]


def test_a_contracts_payment_and_a_documents_decision_rules_are_asked_only_when_they_apply():
    without = answers("cooperation")
    codes = [q.code for q in questions_for(without)]
    assert "payments" not in codes and "decision_rules" not in codes
    assert "payments" in [q.code for q in questions_for(answers("outsourcing"))]
    assert "decision_rules" in [q.code for q in questions_for(answers("partnership"))]


def test_a_payment_is_left_out_while_the_contributions_are_not_known():
    draft = answers("outsourcing")
    draft["contributions"] = {"answer": UNKNOWN}
    assert "pledges" not in record_from_answers(draft)


def test_the_unknown_answers_name_what_they_leave_undecided():
    draft = answers("coordination")
    unknown = unknown_answers(draft)
    assert [q.code for q in unknown] == ["horizon", "standing_body", "cadence", "activities", "beneficiaries"]
    assert {t for q in unknown for t in q.decides} == {"T2", "T5", RUNG}


def test_an_activity_whose_organizers_are_not_known_has_them_not_recorded():
    draft = answers("partnership")
    draft["activities"]["rows"][1]["organizers"] = None
    activities = record_from_answers(draft)["activities"]
    assert "organizers" in activities[0]
    assert "organizers" not in activities[1]


def test_a_member_taken_off_the_list_is_left_out_of_every_answer_that_named_it():
    draft = answers("partnership")
    draft["members"]["rows"] = draft["members"]["rows"][:2]
    record = record_from_answers(draft)
    assert record["framework_documents"][0]["signatories"] == ["m1", "m2"]
    assert all("m3" not in d["participants"] for d in record["decisions"])
    assert all(p["giver"] != "m3" for p in record["pledges"])
    parse(record)


def test_record_ids_are_readable_and_unique():
    draft = answers("cooperation")
    draft["decisions"]["rows"].append(dict(draft["decisions"]["rows"][0]))
    record = record_from_answers(draft, lang="en")
    assert [d["id"] for d in record["decisions"]] == ["programme", "programme (2)"]
    assert record["pledges"][0]["id"] == "Local council: Infrastructure, premises, equipment"
    parse(record)


def test_information_both_ways_is_information_from_every_member():
    record = record_from_answers(answers("informing"))
    assert sorted(i["from"] for i in record["interactions"] if i["kind"] == "information") == ["m1", "m2", "m3"]


def test_documents_get_their_kinds_name_when_untitled_in_the_readers_language():
    draft = answers("steering_committee")
    del draft["documents"]["rows"][0]["title"]
    assert record_from_answers(draft, lang="he")["framework_documents"][0]["id"] == "הסכם שותפות"
    assert record_from_answers(draft, lang="en")["framework_documents"][0]["id"] == "Partnership agreement"
