"""The diagnosis engine: "is it a partnership?" as pure, typed rules (no Django).

Usage::

    from shutafut.diagnosis.engine import diagnose, load_file, to_dict
    result = diagnose(load_file("examples/diagnosis/partnership.yaml"))
    data = to_dict(result, lang="en")

Rules and their defaults are documented in docs/diagnosis.md and in each rule's docstring
(``criteria``, ``flags``, ``principles``, ``advice``); thresholds live in ``EngineParams``.
"""

from __future__ import annotations

from shutafut.model.records import (
    ApprovalKind,
    Cadence,
    DecisionMethod,
    DocumentKind,
    InReturn,
    InteractionKind,
    InterestKind,
)

from .diagnose import diagnose
from .errors import DiagnosisError, InvalidInputError, SchemaViolationError, UnreadableInputError
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
from .loader import load_file, parse, read_text
from .params import EngineParams
from .render import LOCALE_DIR, to_dict, to_text
from .results import (
    SCHEMA_VERSION,
    Diagnosis,
    Exclusion,
    ExclusionResult,
    FindingStatus,
    Flag,
    FlagCategory,
    MissingData,
    NextStep,
    PrincipleFinding,
    Severity,
    TestResult,
    TestStatus,
)

__all__ = [
    "LOCALE_DIR",
    "SCHEMA_VERSION",
    "Activity",
    "Approval",
    "ApprovalKind",
    "Cadence",
    "Decision",
    "DecisionMethod",
    "Delivery",
    "Diagnosis",
    "DiagnosisError",
    "DocumentKind",
    "EngineParams",
    "Exclusion",
    "ExclusionResult",
    "FindingStatus",
    "Flag",
    "FlagCategory",
    "FrameworkDocument",
    "InReturn",
    "Interaction",
    "InteractionKind",
    "InterestKind",
    "InvalidInputError",
    "Member",
    "MemberInterest",
    "MissingData",
    "NextStep",
    "Partnership",
    "Pledge",
    "PrincipleFinding",
    "Readiness",
    "SchemaViolationError",
    "Severity",
    "TestResult",
    "TestStatus",
    "UnreadableInputError",
    "diagnose",
    "load_file",
    "parse",
    "read_text",
    "to_dict",
    "to_text",
]
