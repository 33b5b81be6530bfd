"""Render a ``Diagnosis`` in one language: the stable JSON document (docs/diagnosis.md, "Output") and plain
text."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from shutafut.model.i18n import Message, normalize_language
from shutafut.model.principles import Principle

from .results import (
    EXCLUSION_NAMES,
    SCHEMA_VERSION,
    TEST_NAMES,
    Diagnosis,
    IndicatorValue,
)

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
"""The engine's catalog: ``shutafut/diagnosis/locale/<lang>/LC_MESSAGES/django.mo``."""

JSONValue = Any


def _indicator(value: IndicatorValue) -> JSONValue:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value


def to_dict(diagnosis: Diagnosis, lang: str = "he", localedir: Path = LOCALE_DIR) -> dict[str, JSONValue]:
    """The diagnosis as JSON-serializable data, sentences rendered in ``lang`` ("he" or "en")."""
    lang = normalize_language(lang)

    def text(message: Message) -> str:
        return message.render(lang, localedir)

    d = diagnosis
    return {
        "schema_version": SCHEMA_VERSION,
        "lang": lang,
        "partnership": {"id": d.partnership_id, "name": d.partnership_name},
        "rung": {"code": d.rung.code, "order": int(d.rung), "name": d.rung.label.in_lang(lang)},
        "is_partnership": d.is_partnership,
        "tests": {
            t.code: {
                "name": TEST_NAMES[t.code].in_lang(lang),
                "status": t.status.value,
                "records": list(t.records),
                "reason": text(t.reason),
            }
            for t in d.tests
        },
        "exclusion": None
        if d.exclusion is None
        else {
            "code": d.exclusion.kind.value,
            "name": EXCLUSION_NAMES[d.exclusion.kind].in_lang(lang),
            "records": list(d.exclusion.records),
            "reason": text(d.exclusion.reason),
        },
        "principles": [
            {
                "number": p.number,
                "name": Principle.numbered(p.number).label.in_lang(lang),
                "status": p.status.value,
                "indicators": {k: _indicator(v) for k, v in p.indicators.items()},
                "notes": [text(n) for n in p.notes],
            }
            for p in d.principles
        ],
        "flags": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "category": f.category.value,
                "principle": f.principle,
                "records": list(f.records),
                "message": text(f.message),
            }
            for f in d.flags
        ],
        "next_steps": [{"code": s.code, "tests": list(s.tests), "message": text(s.message)} for s in d.next_steps],
        "missing": [{"field": m.field, "tests": list(m.tests), "message": text(m.message)} for m in d.missing],
        "params": d.params.as_dict(),
    }


HEADINGS = {
    "he": {
        "rung": "דרגה בסולם",
        "partnership": "שותפות",
        "yes": "כן",
        "no": "לא",
        "tests": "מבחנים",
        "exclusion": "החרגה",
        "principles": "עקרונות",
        "flags": "דגלים",
        "next_steps": "צעדים הבאים",
        "missing": "נתונים חסרים",
    },
    "en": {
        "rung": "Rung",
        "partnership": "Partnership",
        "yes": "yes",
        "no": "no",
        "tests": "Tests",
        "exclusion": "Exclusion",
        "principles": "Principles",
        "flags": "Flags",
        "next_steps": "Next steps",
        "missing": "Missing data",
    },
}


def to_text(diagnosis: Diagnosis, lang: str = "he", localedir: Path = LOCALE_DIR) -> str:
    """A short human-readable report of the same content as ``to_dict``."""
    data = to_dict(diagnosis, lang, localedir)
    h = HEADINGS[data["lang"]]
    lines = [
        f"{data['partnership']['name']} ({data['partnership']['id']})",
        f"{h['rung']}: {data['rung']['name']} ({data['rung']['order']})",
        f"{h['partnership']}: {h['yes'] if data['is_partnership'] else h['no']}",
    ]
    if data["exclusion"]:
        lines.append(f"{h['exclusion']}: {data['exclusion']['name']}")
    lines += ["", f"{h['tests']}:"]
    for code, t in data["tests"].items():
        lines.append(f"  {code} [{t['status']}] {t['name']}: {t['reason']}")
    lines += ["", f"{h['principles']}:"]
    for p in data["principles"]:
        lines.append(f"  {p['number']}. [{p['status']}] {p['name']}")
        lines += [f"     - {n}" for n in p["notes"]]
    for key in ("flags", "next_steps", "missing"):
        if data[key]:
            lines += ["", f"{h[key]}:"]
            lines += [f"  - {item['message']}" for item in data[key]]
    return "\n".join(lines) + "\n"
