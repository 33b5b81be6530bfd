"""The guided diagnosis' pages: "Is ours a partnership?" in about fifteen questions (docs/diagnosis.md).

A multi-step form that works without JavaScript: every screen posts the answers so far (the *draft*, a hidden JSON
field) with its own answers, and gets the next screen back with a preview of the diagnosis. Nothing is stored while
answering; ``guided_preview_view`` diagnoses a draft for the page's live preview, also without writing anything.
The draft is saved as the town's partnership only by ``guided_save_view`` (through the partnership import service),
exported as a record in the input format by ``guided_export_view``, or printed from the result screen.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shutafut.accounts.decorators import town_view
from shutafut.accounts.models import Role, Town
from shutafut.diagnosis import engine as e
from shutafut.diagnosis.asks import ANSWERS
from shutafut.diagnosis.engine.results import TEST_NAMES
from shutafut.diagnosis.forms import STEPS, DraftContext, StepForms
from shutafut.diagnosis.guided import (
    QUESTIONS,
    RUNG,
    Draft,
    questions_for,
    record_from_answers,
    unanswered,
    unknown_answers,
)
from shutafut.diagnosis.imports import partnership_import, registry_problems
from shutafut.diagnosis.services import diagnosis_document
from shutafut.model.i18n import normalize_language
from shutafut.organizations.models import Organization
from shutafut.partnerships.access import access_partnership

RESULT = "result"
DRAFT_LIMIT = 200_000
"""The longest draft read, in characters (a long arrangement's answers take a few kilobytes)."""


def _lang() -> str:
    return normalize_language(get_language() or "he")


def _draft(request: HttpRequest) -> Draft:
    """The answers so far, posted back by the page; an unreadable draft is a bad request, not a fresh start."""
    raw = request.POST.get("draft", "")
    if not raw:
        return {}
    if len(raw) > DRAFT_LIMIT:
        raise BadRequest("draft too long")
    try:
        draft = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadRequest("draft is not JSON") from exc
    if not isinstance(draft, dict) or not all(isinstance(v, dict) for v in draft.values()):
        raise BadRequest("draft is not a mapping of answers")
    draft = {code: section for code, section in draft.items() if code in STEPS}
    try:
        record_from_answers(draft)  # reads every section the screens read
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BadRequest("the answers are not the pages' own") from exc
    return draft


def _record(draft: Draft) -> e.Partnership | None:
    """The draft as the engine's input; None while no member is named. A draft the mapping or the schema refuses
    was not written by these pages: a bad request."""
    if not draft.get("members", {}).get("rows"):
        return None
    try:
        return e.parse(record_from_answers(draft, lang=_lang()))
    except e.DiagnosisError as exc:
        raise BadRequest("the answers do not make a record") from exc


def _with_posted_step(request: HttpRequest, town: Town, draft: Draft) -> Draft:
    """The draft with the current screen's answers when they are complete (the preview of a screen being filled)."""
    code = request.POST.get("step", "")
    if code not in STEPS:
        return draft
    bound = StepForms(STEPS[code], DraftContext(town, draft), request.POST)
    return {**draft, code: bound.section()} if bound.is_valid() else draft


def _preview(draft: Draft) -> dict[str, Any]:
    """What the preview shows: the diagnosis of the draft so far, what "I don't know" leaves open, what is left."""
    lang = _lang()
    record = _record(draft)
    unknown = []
    for q in unknown_answers(draft):
        tests = [f"{code} · {TEST_NAMES[code].in_lang(lang)}" for code in q.decides if code != RUNG]
        unknown.append({"question": STEPS[q.code].question, "tests": tests, "rung": RUNG in q.decides})
    return {
        "diagnosis": None if record is None else e.to_dict(e.diagnose(record), lang),
        "unknown": unknown,
        "pending": len(unanswered(draft)),
    }


def _neighbour(draft: Draft, code: str, go: str) -> str:
    """The screen to show after ``code``: the next or previous question asked for this draft, or the one named."""
    asked = [q.code for q in questions_for(draft)]
    if go in asked or go == RESULT:
        return go
    order = [q.code for q in QUESTIONS]
    here = order.index(code) if code in order else len(order)
    if go == "back":
        before = [c for c in asked if order.index(c) < here]
        return before[-1] if before else asked[0]
    after = [c for c in asked if order.index(c) > here]
    return after[0] if after else RESULT


def _describe(bound: StepForms) -> list[str]:
    """An answer in words, from the screen's own labels (for the summary on the result screen)."""

    def words(form: Any) -> str:
        parts = []
        for field in form:
            value = form.initial.get(field.name)
            if field.is_hidden or field.name == "DELETE" or value in (None, "", [], False):
                continue
            labels = dict(getattr(field.field, "choices", ()))
            if isinstance(value, list):
                shown = ", ".join(str(labels.get(v, v)) for v in value)
            elif value is True:
                shown = _("yes")
            else:
                shown = str(labels.get(value, labels.get(str(value), value)))
            parts.append(f"{field.label}: {shown}")
        return " · ".join(parts)

    lines = [words(bound.screen)]
    if bound.rows is not None and bound.rows_apply():
        lines += [words(form) for form in bound.rows.initial_forms]
    return [line for line in lines if line]


def _page(
    request: HttpRequest, town: Town, draft: Draft, code: str, bound: StepForms | None = None, **extra: Any
) -> HttpResponse:
    context = DraftContext(town, draft)
    asked = [q.code for q in questions_for(draft)]
    can_save = request.membership.allows(Role.COORDINATOR)  # type: ignore[attr-defined]
    page: dict[str, Any] = {
        "town": town,
        "draft_json": json.dumps(draft, ensure_ascii=False),
        "preview": _preview(draft),
        "total": len(asked),
        "can_save": can_save,
        **extra,
    }
    if code == RESULT:
        page["summary"] = [
            {"code": c, "question": STEPS[c].question, "answer": _describe(StepForms(STEPS[c], context))}
            for c in asked
            if c in draft
        ]
        page["unanswered"] = [STEPS[q.code].question for q in unanswered(draft)]
        return render(request, "diagnosis/guided_result.html", page)
    step = STEPS[code]
    page.update(
        step=step,
        bound=bound or StepForms(step, context),
        number=asked.index(code) + 1 if code in asked else 1,
        first=code == asked[0],
    )
    if code == "members":
        page["registry_names"] = Organization.objects.filter(town=town).order_by("name").values_list("name", flat=True)
    return render(request, "diagnosis/guided.html", page)


@town_view(Role.MEMBER)
def guided_view(request: HttpRequest, town: Town) -> HttpResponse:
    """One screen of the guided diagnosis; a POST answers the screen it came from and moves on (or back)."""
    if request.method != "POST":
        return _page(request, town, {}, QUESTIONS[0].code)
    draft = _draft(request)
    code = request.POST.get("step", "")
    go = request.POST.get("go", "next")
    if code not in STEPS:
        return _page(request, town, draft, _neighbour(draft, RESULT, go))
    bound = StepForms(STEPS[code], DraftContext(town, draft), request.POST, add_row=go == "add")
    if go == "add":
        return _page(request, town, draft, code, bound)
    if bound.is_valid():
        draft = {**draft, code: bound.section()}
    elif go in ("next", RESULT):
        return _page(request, town, draft, code, bound)
    return _page(request, town, draft, _neighbour(draft, code, go))


@require_POST
@town_view(Role.MEMBER)
def guided_preview_view(request: HttpRequest, town: Town) -> HttpResponse:
    """The diagnosis of a draft with the screen being answered, for the live preview; writes nothing."""
    draft = _with_posted_step(request, town, _draft(request))
    preview = _preview(draft)
    if "application/json" in request.headers.get("Accept", ""):
        record = record_from_answers(draft, lang=_lang()) if preview["diagnosis"] else None
        return JsonResponse({"record": record, "diagnosis": preview["diagnosis"], "pending": preview["pending"]})
    return render(request, "diagnosis/guided_preview.html", {"preview": preview})


@require_POST
@town_view(Role.MEMBER)
def guided_export_view(request: HttpRequest, town: Town) -> HttpResponse:
    """The draft as a record in the diagnosis input format: the JSON that ``shutafut diagnose`` reads."""
    draft = _draft(request)
    if _record(draft) is None:
        raise BadRequest("no members yet")
    record = record_from_answers(draft, lang=_lang())
    response = HttpResponse(
        json.dumps(record, ensure_ascii=False, indent=2) + "\n", content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{record['name']}.json")
    return response


@require_POST
@town_view(Role.COORDINATOR)
def guided_save_view(request: HttpRequest, town: Town) -> HttpResponse:
    """Save the draft as the town's partnership, in one transaction, through the partnership import."""
    draft = _draft(request)
    record = _record(draft)
    if record is None:
        raise BadRequest("no members yet")
    problems = [
        _("Member %(index)s (%(name)s): %(problems)s")
        % {"index": index + 1, "name": record.members[index].name, "problems": "; ".join(texts)}
        for index, texts in sorted(registry_problems(town, record.members).items())
    ]
    if not problems:
        try:
            created = partnership_import(town=town, record=record)
        except ValidationError as exc:
            problems = list(exc.messages)
        else:
            rung = diagnosis_document(created, _lang())["rung"]["name"]
            messages.success(request, _("The partnership was saved. Its diagnosis: %(rung)s.") % {"rung": rung})
            return redirect("partnership-detail", town=town.slug, pk=created.pk)
    return _page(request, town, draft, RESULT, save_errors=problems)


@require_POST
@town_view(Role.MEMBER)
def diagnosis_answer_view(request: HttpRequest, town: Town, pk: int, ask: str) -> HttpResponse:
    """Record the answer to a question the partnership page asks for an unknown test, then return to its diagnosis;
    an answer the records refuse is shown again with what is wrong."""
    if ask not in ANSWERS:
        raise Http404
    partnership = access_partnership(request.user, pk, town=town, role=Role.MEMBER)
    question, record = ANSWERS[ask]
    target = request.POST.get("target", "")
    form = record(partnership, request.POST, int(target) if target.isdigit() else None)
    if form is None:
        messages.success(request, _("Recorded."))
        return redirect(reverse("partnership-detail", kwargs={"town": town.slug, "pk": partnership.pk}) + "#diagnosis")
    page = {"town": town, "partnership": partnership, "question": question, "form": form, "ask": ask, "target": target}
    return render(request, "diagnosis/answer.html", page)
