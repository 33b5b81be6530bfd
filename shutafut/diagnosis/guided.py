"""The guided diagnosis: plain-language questions, one screen each, and how their answers become a record in the
diagnosis input format (docs/diagnosis.md, "The guided diagnosis"). Pure: no Django, no database, no clock.

The answers so far are a *draft*: a JSON object with one section per answered question, keyed by the question's
code. Every section has an ``answer`` (a code from the question's own list, always including ``unknown``) and the
details that answer needs. Members are referred to by the stable ``key`` of their row (``m1``, ``m2`` ...), which
becomes their id in the record, so a later question's answers survive editing the list of members.

``record_from_answers(draft)`` is the one mapping from answers to the input format; it never guesses: a question
not answered, or answered "I don't know", leaves its keys out of the record (*not recorded*), so the tests that need
them come out unknown; "no" and "none" become the empty value (*recorded as none*).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from shutafut.model.records import DocumentKind, InteractionKind
from shutafut.model.resources import ResourceType

UNKNOWN = "unknown"
"""The answer "I don't know", which every question accepts."""

RUNG = "rung"
"""What a question decides when it feeds the rung on the ladder rather than one of the tests T1-T7."""

Draft = dict[str, Any]
Section = Mapping[str, Any]
Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Question:
    """One screen of the guided diagnosis: its code (the draft's section and the page's step), the tests (or the
    rung) it decides, and when it is asked."""

    code: str
    decides: tuple[str, ...]
    asked: Callable[[Draft], bool] = lambda draft: True


def _documents(draft: Draft, *, contract: bool) -> list[Section]:
    section = draft.get("documents", {})
    if section.get("answer") != "yes":
        return []
    return [d for d in section.get("rows", ()) if (d.get("kind") == DocumentKind.CONTRACT) is contract]


def has_contract(draft: Draft) -> bool:
    """A contract is among the signed documents: then its payer and payee are asked for."""
    return bool(_documents(draft, contract=True))


def has_framework(draft: Draft) -> bool:
    """A signed document that is not a contract: then who it gives a say in decisions is asked for."""
    return bool(_documents(draft, contract=False))


QUESTIONS: tuple[Question, ...] = (
    Question("name", ()),
    Question("members", ("T6",)),
    Question("convener", ()),
    Question("documents", ("T1",)),
    Question("horizon", ("T2",)),
    Question("standing_body", ("T2",)),
    Question("cadence", ("T2",)),
    Question("contributions", ("T3", "T7")),
    Question("payments", ("T7",), has_contract),
    Question("decision_rules", ("T4",), has_framework),
    Question("decisions", ("T4",)),
    Question("activities", ("T2", RUNG)),
    Question("public_goal", ("T5",)),
    Question("beneficiaries", ("T5",)),
    Question("information", (RUNG,)),
    Question("adjustment", (RUNG,)),
    Question("rivalry", (RUNG,)),
)
"""In the order the guide's tests need them: who takes part; is there a signed document and who signed it; how long
and how often; what each member puts in and gets back (and a contract's payment); who decides and who was in the
last decisions; who organizes the joint activities; the public goal and who benefits; then the everyday relations
below joint work (information, adjusted activities, rivalry) that place a record on the lower rungs."""

QUESTIONS_BY_CODE = {q.code: q for q in QUESTIONS}


def questions_for(draft: Draft) -> list[Question]:
    """The questions asked for this draft, in order (a contract's payment only when a contract is recorded...)."""
    return [q for q in QUESTIONS if q.asked(draft)]


def unknown_answers(draft: Draft) -> list[Question]:
    """The asked questions answered "I don't know", in order."""
    return [q for q in questions_for(draft) if draft.get(q.code, {}).get("answer") == UNKNOWN]


def unanswered(draft: Draft) -> list[Question]:
    """The asked questions not answered yet, in order."""
    return [q for q in questions_for(draft) if q.code not in draft]


def member_keys(draft: Draft) -> dict[str, str]:
    """The members' row keys and names, in order."""
    return {str(m["key"]): str(m["name"]) for m in draft.get("members", {}).get("rows", ())}


def record_from_answers(draft: Draft, *, lang: str = "he") -> Record:
    """The record in the diagnosis input format that the answers describe (docs/diagnosis.md gives the mapping
    question by question). ``lang`` names the default titles of documents and resources (their vocabulary's
    labels); the record is validated by the caller with ``engine.parse``. References to members no longer in the
    list are left out."""
    members = member_keys(draft)
    ids = _Ids(members)
    record: Record = {"schema_version": 1, "id": "guided", "name": _name(draft)}
    if draft.get("name", {}).get("started"):
        record["started"] = draft["name"]["started"]
    record["members"] = [_member(m) for m in draft.get("members", {}).get("rows", ())]
    _convener(record, draft.get("convener"), members)
    documents = _framework_documents(record, draft, ids, lang)
    _scalar_answers(record, draft)
    _flows(record, draft, ids, documents, lang)
    _decisions(record, draft.get("decisions"), ids)
    _activities(record, draft.get("activities"), ids)
    _benefit(record, draft)
    _interactions(record, draft, ids, lang)
    return record


class _Ids:
    """Readable, unique record ids (the engine quotes them in its reasons) and member references that exist."""

    def __init__(self, members: Mapping[str, str]) -> None:
        self.members = members
        self.taken: set[str] = set(members)

    def new(self, base: str) -> str:
        text = " ".join(base.split()) or "-"
        candidate, n = text, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{text} ({n})"
        self.taken.add(candidate)
        return candidate

    def refs(self, keys: Iterable[Any]) -> list[str]:
        return [str(k) for k in keys if str(k) in self.members]

    def ref(self, key: Any) -> str | None:
        return str(key) if key is not None and str(key) in self.members else None

    def name(self, key: Any) -> str:
        return self.members.get(str(key), str(key))


def _name(draft: Draft) -> str:
    return str(draft.get("name", {}).get("name") or "-")


def _member(row: Section) -> dict[str, Any]:
    member = {"id": str(row["key"]), "name": row["name"], "sector": row["sector"]}
    if row.get("registry_number"):
        member["registry_number"] = row["registry_number"]
    return member


def _convener(record: Record, section: Section | None, members: Mapping[str, str]) -> None:
    if section is None:
        return
    if section["answer"] == "none":
        record["convener"] = None
    elif section["answer"] in members:
        record["convener"] = section["answer"]


def _framework_documents(record: Record, draft: Draft, ids: _Ids, lang: str) -> dict[str, str]:
    """Add ``framework_documents``; return the record id of each document row, by row key."""
    section = draft.get("documents")
    if section is None or section["answer"] == UNKNOWN:
        return {}
    rules = draft.get("decision_rules", {})
    decision_members = ids.refs(rules.get("members", ())) if rules.get("answer") == "members" else None
    rows = section.get("rows", ()) if section["answer"] == "yes" else ()
    documents, by_key = [], {}
    for row in rows:
        kind = DocumentKind(row["kind"])
        doc: dict[str, Any] = {
            "id": ids.new(row.get("title") or kind.label.in_lang(lang)),
            "kind": kind.value,
            "signatories": ids.refs(row.get("signatories", ())),
        }
        for key in ("signed", "valid_until"):
            if row.get(key):
                doc[key] = row[key]
        if decision_members is not None and kind is not DocumentKind.CONTRACT:
            doc["decision_members"] = decision_members
        documents.append(doc)
        by_key[str(row["key"])] = doc["id"]
    record["framework_documents"] = documents
    return by_key


def _scalar_answers(record: Record, draft: Draft) -> None:
    horizon = draft.get("horizon", {})
    if horizon.get("answer") == "months":
        record["horizon_months"] = int(horizon["months"])
    standing = draft.get("standing_body", {}).get("answer")
    if standing in ("yes", "no"):
        record["standing_body"] = standing == "yes"
    cadence = draft.get("cadence", {}).get("answer")
    if cadence not in (None, UNKNOWN):
        record["meeting_cadence"] = cadence


def _flows(record: Record, draft: Draft, ids: _Ids, documents: Mapping[str, str], lang: str) -> None:
    """``pledges``: what each member puts in and gets back, then the money paid under each contract. Recorded only
    when the contributions are known: a contract's payment alone would read as the only contribution."""
    section = draft.get("contributions")
    if section is None or section["answer"] == UNKNOWN:
        return
    pledges: list[dict[str, Any]] = []
    for row in section.get("rows", ()):
        giver = ids.ref(row.get("giver"))
        if giver is None:
            continue
        receiver = ids.ref(row.get("receiver"))
        for kind in row.get("types", ()):
            resource = ResourceType(kind)
            pledge = {
                "id": ids.new(f"{ids.name(giver)}: {resource.label.in_lang(lang)}"),
                "giver": giver,
                "type": resource.value,
                "in_return": row["in_return"],
            }
            if receiver is not None:
                pledge["receiver"] = receiver
            pledges.append(pledge)
    payments = draft.get("payments", {})
    if has_contract(draft) and payments.get("answer") == "known":
        for row in payments.get("rows", ()):
            payer, payee = ids.ref(row.get("payer")), ids.ref(row.get("payee"))
            if payer is None or payee is None:
                continue
            document = documents.get(str(row.get("document")), "")
            pledges.append(
                {
                    "id": ids.new(f"{ids.name(payer)} → {ids.name(payee)}: {document}"),
                    "giver": payer,
                    "receiver": payee,
                    "type": ResourceType.BUDGET.value,
                    "in_return": row["in_return"],
                }
            )
    record["pledges"] = pledges


def _decisions(record: Record, section: Section | None, ids: _Ids) -> None:
    if section is None or section["answer"] == UNKNOWN:
        return
    decisions = []
    for row in section.get("rows", ()) if section["answer"] == "yes" else ():
        decision: dict[str, Any] = {
            "id": ids.new(row["subject"]),
            "date": row["date"],
            "subject": row["subject"],
            "participants": ids.refs(row.get("participants", ())),
            "method": row["method"],
        }
        if row.get("statutory"):
            decision["reserved_to_public"] = True
        decisions.append(decision)
    record["decisions"] = decisions


def _activities(record: Record, section: Section | None, ids: _Ids) -> None:
    if section is None or section["answer"] == UNKNOWN:
        return
    activities = []
    for row in section.get("rows", ()) if section["answer"] == "yes" else ():
        activity: dict[str, Any] = {"id": ids.new(row["title"]), "date": row["date"]}
        if row.get("organizers") is not None:
            activity["organizers"] = ids.refs(row["organizers"])
        if row.get("beneficiaries"):
            activity["beneficiaries"] = [row["beneficiaries"]]
        activities.append(activity)
    record["activities"] = activities


def _benefit(record: Record, draft: Draft) -> None:
    goal = draft.get("public_goal", {})
    if goal.get("answer") == "yes":
        record["public_goal"] = goal["text"]
    elif goal.get("answer") == "none":
        record["public_goal"] = None
    beneficiaries = draft.get("beneficiaries", {})
    if beneficiaries.get("answer") == "outside":
        record["beneficiaries"] = [line.strip() for line in beneficiaries["text"].splitlines() if line.strip()]
    elif beneficiaries.get("answer") == "partners":
        record["beneficiaries"] = []


def _interactions(record: Record, draft: Draft, ids: _Ids, lang: str) -> None:
    """``interactions``: recorded when any of the three questions about everyday relations is answered."""
    answered = [draft.get(code, {}).get("answer") for code in ("information", "adjustment", "rivalry")]
    if all(a in (None, UNKNOWN) for a in answered):
        return
    out: list[dict[str, Any]] = []

    def add(kind: InteractionKind, source: str | None, target: str | None = None) -> None:
        if source is None:
            return
        item = {"id": ids.new(f"{kind.label.in_lang(lang)}: {ids.name(source)}"), "kind": kind.value, "from": source}
        if target is not None and target != source:
            item["to"] = target
        out.append(item)

    information = draft.get("information", {})
    if information.get("answer") == "both":
        for key in ids.members:
            add(InteractionKind.INFORMATION, key)
    elif information.get("answer") == "one_way":
        add(InteractionKind.INFORMATION, ids.ref(information.get("from")))
    adjustment = draft.get("adjustment", {})
    if adjustment.get("answer") == "yes":
        add(InteractionKind.ADJUSTMENT, ids.ref(adjustment.get("by")), ids.ref(adjustment.get("for")))
    rivalry = draft.get("rivalry", {})
    if rivalry.get("answer") == "yes":
        first, second = (ids.ref(k) for k in (*rivalry.get("between", ()), None, None)[:2])
        add(InteractionKind.RIVALRY, first, second)
        add(InteractionKind.RIVALRY, second, first)
    record["interactions"] = out
