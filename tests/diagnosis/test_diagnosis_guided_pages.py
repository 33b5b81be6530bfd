"""The guided diagnosis' pages: a multi-step form that writes nothing until saved, names what is wrong by row and
field, previews the diagnosis of the answers so far, exports the record the command line reads, and saves it as the
town's partnership with the same diagnosis."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from django.urls import reverse

from shutafut.cli import main
from shutafut.diagnosis.services import diagnosis_document
from shutafut.organizations.models import Organization
from shutafut.partnerships.models import Partnership

pytestmark = pytest.mark.django_db

ANSWERS = Path(__file__).parent / "guided_answers"
PAGE = "guided-diagnosis"


def answers(name: str) -> dict[str, Any]:
    return json.loads(json.dumps(yaml.safe_load((ANSWERS / f"{name}.yaml").read_text(encoding="utf-8")), default=str))


def url(name: str) -> str:
    return reverse(name, kwargs={"town": "town-a"})


def rows(*items: dict[str, Any], initial: int = 0) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rows-TOTAL_FORMS": str(len(items)),
        "rows-INITIAL_FORMS": str(initial),
        "rows-MIN_NUM_FORMS": "0",
        "rows-MAX_NUM_FORMS": "1000",
    }
    for i, item in enumerate(items):
        data.update({f"rows-{i}-{k}": v for k, v in item.items()})
    return data


def screen(client, draft: dict[str, Any], step: str, go: str = "next", **data: Any):  # type: ignore[no-untyped-def]
    return client.post(url(PAGE), {"draft": json.dumps(draft), "step": step, "go": go, **data})


def draft_of(response) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return json.loads(response.context["draft_json"])


@pytest.fixture
def carol(client, personas):  # type: ignore[no-untyped-def]
    client.force_login(personas["carol"])
    return client


@pytest.fixture
def alice(client, personas):  # type: ignore[no-untyped-def]
    client.force_login(personas["alice"])
    return client


def nothing_written() -> tuple[int, int]:
    return Partnership.objects.count(), Organization.objects.count()


def test_the_first_question_is_asked_in_hebrew_on_a_right_to_left_page(carol):
    page = carol.get(url(PAGE), HTTP_ACCEPT_LANGUAGE="he")
    html = page.content.decode()
    assert page.context["step"].code == "name"
    assert 'dir="rtl"' in html and 'lang="he"' in html
    assert "<script>" not in html and " style=" not in html


def test_answering_moves_on_and_keeps_the_answers_in_the_page_not_in_the_database(carol, town_a_records):
    before = nothing_written()
    response = screen(carol, {}, "name", name="שולחן עגול לגיל הרך")
    assert response.context["step"].code == "members"
    assert draft_of(response)["name"] == {"answer": "given", "name": "שולחן עגול לגיל הרך"}
    assert nothing_written() == before


def test_a_bad_member_row_is_named_by_row_and_field_and_the_screen_stays(carol, town_a_records):
    response = screen(
        carol,
        answers("steering_committee"),
        "members",
        **rows(
            {"name": "Regional council", "sector": "public"}, {"name": "Foundation", "registry_number": "580000009"}
        ),
    )
    assert response.context["step"].code == "members"
    second = response.context["bound"].rows.forms[1]
    assert "sector" in second.errors
    response = screen(
        carol,
        answers("steering_committee"),
        "members",
        **rows(
            {"name": "Regional council", "sector": "public"},
            {"name": "Foundation", "sector": "third", "registry_number": "580000009"},
        ),
    )
    second = response.context["bound"].rows.forms[1]
    assert "ספרת הביקורת" in " ".join(second.errors["registry_number"])  # the check digit, in the reader's language


def test_a_member_found_in_the_registry_takes_its_name_and_sector(carol, town_a_records):
    response = screen(
        carol,
        {"name": {"answer": "given", "name": "x"}},
        "members",
        **rows({"name": "Lev", "sector": "public", "registry_number": "580000008"}),
    )
    member = draft_of(response)["members"]["rows"][0]
    assert (member["name"], member["sector"], member["registry"]) == ("עמותת לב", "third", True)


def test_i_dont_know_is_an_answer_and_the_preview_shows_what_it_leaves_open(carol):
    draft = {k: v for k, v in answers("steering_committee").items() if k not in ("cadence",)}
    response = screen(carol, draft, "cadence", answer="unknown")
    assert response.context["step"].code == "contributions"
    preview = response.context["preview"]
    assert preview["diagnosis"]["tests"]["T2"]["status"] == "unknown"
    assert any("T2" in " ".join(item["tests"]) for item in preview["unknown"])


def test_the_preview_diagnoses_the_screen_being_answered_and_writes_nothing(carol, town_a_records):
    before = nothing_written()
    draft = {k: v for k, v in answers("steering_committee").items() if k != "documents"}
    data = {"draft": json.dumps(draft), "step": "documents", "answer": "no"}
    no_document = carol.post(url("guided-preview"), data, HTTP_ACCEPT="application/json").json()
    assert no_document["diagnosis"]["rung"]["code"] == "cooperation"
    assert no_document["record"]["framework_documents"] == []
    signed = {
        **data,
        "answer": "yes",
        **rows({"kind": "agreement", "title": "principles", "signatories": ["m1", "m2"]}),
    }
    assert (
        carol.post(url("guided-preview"), signed, HTTP_ACCEPT="application/json").json()["diagnosis"]["rung"]["code"]
        == "partnership"
    )
    html = carol.post(url("guided-preview"), signed).content.decode()
    assert 'data-testid="guided-rung"' in html
    assert nothing_written() == before


def test_a_contracts_payment_is_asked_right_after_what_each_member_puts_in(carol):
    draft = {k: v for k, v in answers("outsourcing").items() if k not in ("payments", "decisions")}
    response = screen(carol, draft, "contributions", answer="known", **rows(initial=0))
    assert response.context["step"].code == "payments"
    payment = response.context["bound"].rows.forms[0]
    assert payment.contract() == "contract"


def test_adding_a_row_keeps_what_was_typed(carol):
    response = screen(carol, {"name": {"answer": "given", "name": "x"}}, "members", go="add", **rows({"name": "A"}))
    forms = response.context["bound"].rows.forms
    assert len(forms) == 2
    assert forms[0]["name"].value() == "A"


def test_back_returns_to_the_previous_question_with_its_answer(carol):
    draft = answers("steering_committee")
    response = screen(carol, draft, "standing_body", go="back", answer="yes")
    assert response.context["step"].code == "horizon"
    assert response.context["bound"].screen["answer"].value() == "36"


def test_the_result_summarizes_every_answer_in_words(carol):
    response = screen(carol, answers("steering_committee"), "rivalry", answer="unknown")
    assert response.templates[0].name == "diagnosis/guided_result.html"
    summary = {item["code"]: " ".join(item["answer"]) for item in response.context["summary"]}
    assert "Regional council" in summary["members"]
    assert "principles" in summary["documents"]


def test_the_exported_record_is_what_the_command_line_reads_with_the_same_result(carol, tmp_path):
    draft = answers("steering_committee")
    response = carol.post(url("guided-export"), {"draft": json.dumps(draft)}, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    path = tmp_path / "exported.json"
    path.write_bytes(response.content)
    out = CliRunner().invoke(main, ["diagnose", str(path), "--format", "json"])
    assert json.loads(out.output)["rung"]["code"] == "partnership"


def test_saving_creates_the_towns_partnership_with_the_same_diagnosis(alice, towns):
    draft = answers("steering_committee")
    preview = alice.post(url("guided-preview"), {"draft": json.dumps(draft)}, HTTP_ACCEPT="application/json").json()
    response = alice.post(url("guided-save"), {"draft": json.dumps(draft)})
    saved = Partnership.objects.get(town=towns[0], name=draft["name"]["name"])
    assert response.status_code == 302
    assert response["Location"] == reverse("partnership-detail", kwargs={"town": "town-a", "pk": saved.pk})
    document = diagnosis_document(saved, "en")
    assert document["rung"]["code"] == preview["diagnosis"]["rung"]["code"] == "partnership"
    assert {c: t["status"] for c, t in document["tests"].items()} == {
        c: t["status"] for c, t in preview["diagnosis"]["tests"].items()
    }


def test_a_member_the_registry_refuses_stops_the_save_and_is_named(alice, towns):
    draft = answers("steering_committee")
    draft["members"]["rows"][1]["registry_number"] = "580000009"
    before = nothing_written()
    response = alice.post(url("guided-save"), {"draft": json.dumps(draft)})
    assert response.status_code == 200
    assert "חבר 2 (Community foundation)" in " ".join(response.context["save_errors"])
    assert nothing_written() == before


def test_only_a_coordinator_saves_and_a_viewer_does_not_answer(client, personas):
    draft = json.dumps(answers("steering_committee"))
    client.force_login(personas["carol"])
    assert client.post(url("guided-save"), {"draft": draft}).status_code == 403
    client.force_login(personas["bob"])
    assert client.get(url(PAGE)).status_code == 403
    client.force_login(personas["charlie"])
    assert client.get(url(PAGE)).status_code == 404
    assert not Partnership.objects.exists()


@pytest.mark.parametrize(
    "draft",
    [
        "{not json",
        json.dumps(["a"]),
        json.dumps({"members": {"answer": "given", "rows": [{"key": "m1"}]}}),
        json.dumps({"members": {"answer": "given", "rows": [{"key": "m1", "name": "A", "sector": "x"}]}}),
        json.dumps({"documents": {"answer": "yes", "rows": "not rows"}}),
    ],
)
def test_a_draft_these_pages_did_not_write_is_a_bad_request(carol, draft):
    assert carol.post(url("guided-preview"), {"draft": draft}).status_code == 400
    assert carol.post(url(PAGE), {"draft": draft, "step": "documents", "answer": "no"}).status_code == 400


def test_a_blank_row_left_at_the_end_is_not_an_answer(carol):
    draft = {k: v for k, v in answers("steering_committee").items() if k != "documents"}
    response = screen(
        carol,
        draft,
        "documents",
        answer="yes",
        **rows({"kind": "agreement", "signatories": ["m1", "m2"]}, {"kind": "", "title": ""}),
    )
    assert [d["kind"] for d in draft_of(response)["documents"]["rows"]] == ["agreement"]
