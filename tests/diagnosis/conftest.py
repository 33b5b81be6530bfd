"""Fixtures for the diagnosis engine tests: the compiled catalog and a complete partnership record to vary."""

from __future__ import annotations

import copy
import os
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from shutafut.diagnosis.engine import LOCALE_DIR, Diagnosis, EngineParams, diagnose, parse
from tests.conftest import require_program

Record = dict[str, Any]


@pytest.fixture(scope="session", autouse=True)
def compiled_catalog() -> None:
    """Compile the engine's .po files with msgfmt before any test renders a message (.mo files are not in git).

    Each xdist worker compiles them: into a file of its own, then moved into place, so that no worker ever reads a
    catalog another one is half-way through writing.
    """
    msgfmt = require_program("msgfmt", "gettext")
    for po in LOCALE_DIR.glob("*/LC_MESSAGES/django.po"):
        partial = po.with_suffix(f".mo.{os.getpid()}")
        subprocess.run([msgfmt, "--check", "-o", str(partial), str(po)], check=True)
        partial.replace(po.with_suffix(".mo"))


FULL: Record = {
    "schema_version": 1,
    "id": "p",
    "name": "Youth employment",
    "started": "2024-01-01",
    "convener": "city",
    "public_goal": "Employment for young adults",
    "beneficiaries": ["young adults"],
    "horizon_months": 24,
    "meeting_cadence": "monthly",
    "members": [
        {"id": "city", "name": "City", "sector": "public", "roles": ["initiator"]},
        {"id": "npo", "name": "Nonprofit", "sector": "third", "roles": ["manager"]},
        {"id": "biz", "name": "Company", "sector": "business", "roles": ["partner"]},
    ],
    "framework_documents": [
        {"id": "charter", "kind": "charter", "signatories": ["city", "npo", "biz"], "signed": "2024-01-01"}
    ],
    "pledges": [
        {"id": "p-city", "giver": "city", "type": "budget", "value": 100, "in_return": "shared_goal"},
        {"id": "p-npo", "giver": "npo", "type": "knowledge", "in_return": "shared_goal"},
        {"id": "p-biz", "giver": "biz", "type": "manpower", "in_return": "shared_goal"},
    ],
    "deliveries": [],
    "decisions": [
        {"id": "d1", "date": "2024-02-01", "participants": ["city", "npo", "biz"], "method": "consensus"},
        {"id": "d2", "date": "2024-03-01", "participants": ["city", "npo", "biz"], "method": "vote"},
    ],
    "activities": [{"id": "a1", "date": "2024-04-01", "organizers": ["npo", "biz"]}],
    "interests": [],
    "interactions": [],
}


@pytest.fixture
def full() -> Record:
    """A record that passes every test (rung partnership); each test changes one thing in a fresh copy."""
    return copy.deepcopy(FULL)


def run(record: Record, params: EngineParams | None = None) -> Diagnosis:
    return diagnose(parse(record), params)


@pytest.fixture
def diagnose_record() -> Callable[..., Diagnosis]:
    return run
