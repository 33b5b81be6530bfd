"""Read a partnership record from JSON/YAML text or plain data, validated against the JSON Schema.

``parse`` raises ``SchemaViolationError`` naming the field path (``members[2].sector: ...``); references
between records (a participant who is not a member...) are *not* errors here: the engine flags them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import jsonschema
import yaml

from shutafut.model.records import (
    ApprovalKind,
    Cadence,
    DecisionMethod,
    DocumentKind,
    InReturn,
    InteractionKind,
    InterestKind,
)
from shutafut.model.resources import ResourceType
from shutafut.model.roles import PartnerRole
from shutafut.model.sectors import Sector

from .errors import SchemaViolationError, UnreadableInputError
from .inputs import (
    Activity,
    Approval,
    Decision,
    Delivery,
    FrameworkDocument,
    Interaction,
    Member,
    MemberInterest,
    Partnership,
    Pledge,
    Readiness,
)

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "partnership.schema.json"


@lru_cache(maxsize=1)
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def field_path(parts: Sequence[str | int]) -> str:
    """Render a JSON path as ``members[2].sector``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def validate(data: Any) -> None:
    """Raise ``SchemaViolationError`` for the first (deepest, then earliest) violation of the schema."""
    errors = list(validator().iter_errors(data))
    if not errors:
        return
    best = jsonschema.exceptions.best_match(errors)
    assert best is not None
    path = field_path(list(best.absolute_path))
    raise SchemaViolationError(path or "(top level)", best.message)


def _plain(value: object) -> object:
    """YAML turns ``2024-01-31`` into a date; put it back to ISO text so one schema serves JSON and YAML."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def read_text(text: str, source: str = "<input>") -> object:
    """Parse JSON or YAML text (YAML is a superset of JSON, so one parser reads both)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise UnreadableInputError("", f"{source} is not valid JSON or YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise UnreadableInputError("", f"{source} must hold one mapping (a JSON object) at the top level")
    return _plain(data)


def load_file(path: str | Path) -> Partnership:
    """Read, validate and parse the partnership record in the JSON or YAML file ``path``."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableInputError("", f"cannot read {p}: {exc}") from exc
    return parse(read_text(text, str(p)))


def parse(data: object) -> Partnership:
    """Validate ``data`` (JSON-like; dates as ISO text or ``date``) and build the frozen record."""
    data = _plain(data)
    validate(data)
    d = cast(dict[str, Any], data)
    return Partnership(
        id=d["id"],
        name=d["name"],
        members=tuple(_member(m) for m in d["members"]),
        started=_date(d.get("started")),
        convener=d.get("convener"),
        convener_recorded="convener" in d,
        public_goal=(d["public_goal"] or "") if "public_goal" in d else None,
        beneficiaries=_opt(d, "beneficiaries", str),
        horizon_months=d.get("horizon_months"),
        meeting_cadence=Cadence(d["meeting_cadence"]) if "meeting_cadence" in d else None,
        standing_body=d.get("standing_body"),
        framework_documents=_opt(d, "framework_documents", _document),
        pledges=_opt(d, "pledges", _pledge),
        deliveries=_opt(d, "deliveries", _delivery),
        decisions=_opt(d, "decisions", _decision),
        activities=_opt(d, "activities", _activity),
        interests=_opt(d, "interests", _interest),
        interactions=_opt(d, "interactions", _interaction),
        readiness=Readiness(**d["readiness"]) if "readiness" in d else None,
        vision_endorsers=_opt(d, "vision_endorsers", str),
        working_norms=_opt(d, "working_norms", str),
    )


def _opt(d: dict[str, Any], key: str, build: Any) -> Any:
    return tuple(build(x) for x in d[key]) if key in d else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _ids(value: list[str] | None) -> tuple[str, ...]:
    return tuple(value or ())


def _member(m: dict[str, Any]) -> Member:
    return Member(
        m["id"],
        m["name"],
        Sector(m["sector"]),
        tuple(PartnerRole(r) for r in m.get("roles", ())),
        _date(m.get("joined")),
        m.get("mandate"),
        m.get("interest"),
        m.get("influence"),
        m.get("registry_number"),
    )


def _document(x: dict[str, Any]) -> FrameworkDocument:
    return FrameworkDocument(
        x["id"],
        DocumentKind(x["kind"]),
        _ids(x["signatories"]),
        _date(x.get("signed")),
        _date(x.get("valid_until")),
        _ids(x["decision_members"]) if "decision_members" in x else None,
    )


def _approval(x: dict[str, Any] | None) -> Approval | None:
    if x is None:
        return None
    return Approval(ApprovalKind(x["kind"]), x.get("ref"), _date(x.get("date")))


def _pledge(x: dict[str, Any]) -> Pledge:
    return Pledge(
        x["id"],
        x["giver"],
        ResourceType(x["type"]),
        InReturn(x["in_return"]),
        x.get("receiver"),
        x.get("value"),
        _approval(x.get("approval")),
        x.get("allocation_decision"),
    )


def _delivery(x: dict[str, Any]) -> Delivery:
    return Delivery(
        x["id"],
        x["giver"],
        ResourceType(x["type"]),
        InReturn(x["in_return"]),
        receiver=x.get("receiver"),
        value=x.get("value"),
        date=_date(x.get("date")),
        pledge=x.get("pledge"),
        approval=_approval(x.get("approval")),
        allocation_decision=x.get("allocation_decision"),
    )


def _decision(x: dict[str, Any]) -> Decision:
    return Decision(
        x["id"],
        dt.date.fromisoformat(x["date"]),
        _ids(x["participants"]),
        DecisionMethod(x["method"]),
        _ids(x.get("consulted")),
        bool(x.get("reserved_to_public", False)),
        _ids(x.get("recusals")),
        x.get("subject", ""),
    )


def _activity(x: dict[str, Any]) -> Activity:
    return Activity(
        x["id"],
        dt.date.fromisoformat(x["date"]),
        _ids(x["organizers"]) if "organizers" in x else None,
        tuple(x.get("beneficiaries", ())),
    )


def _interest(x: dict[str, Any]) -> MemberInterest:
    return MemberInterest(
        x["id"],
        x["member"],
        InterestKind(x["kind"]),
        x["before"],
        bool(x["recusal_recorded"]),
        x.get("open", True),
    )


def _interaction(x: dict[str, Any]) -> Interaction:
    return Interaction(x["id"], InteractionKind(x["kind"]), x["from"], x.get("to"), _date(x.get("date")))
