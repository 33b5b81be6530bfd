"""The engine's output: frozen dataclasses with statuses as StrEnums and sentences as translatable
``Message``s.

``render.to_dict`` turns a ``Diagnosis`` into the stable JSON document described in docs/diagnosis.md."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from shutafut.model.i18n import Message
from shutafut.model.ladder import Rung
from shutafut.model.text import Text

from .params import EngineParams

SCHEMA_VERSION = "1.0"
"""Version of the JSON output. Bump the minor for added keys, the major for renamed or removed ones."""


class TestStatus(StrEnum):
    __test__ = False  # not a pytest test class

    PASSED = "passed"
    FAILED = "failed"
    UNKNOWN = "unknown"


class Exclusion(StrEnum):
    """Interactions that are not partnerships in themselves (domain.md §3, item 5)."""

    DONATION = "donation"
    PURCHASE_OF_SERVICES = "purchase_of_services"
    OUTSOURCING = "outsourcing"


class FindingStatus(StrEnum):
    OK = "ok"
    ATTENTION = "attention"
    RISK = "risk"


class Severity(StrEnum):
    RISK = "risk"
    ATTENTION = "attention"


class FlagCategory(StrEnum):
    GOVERNANCE = "governance"
    """Safeguards of domain.md §7.1 (convener, conflicts of interest, approvals)."""
    STRUCTURE = "structure"
    """How the partnership works (decisions, resources, rivalry)."""
    DATA_QUALITY = "data_quality"
    """Contradictory records; the contradictory part is left out of the evidence."""


TEST_NAMES: dict[str, Text] = {
    "T1": Text("מסגרת מפורשת", "Explicit framework"),
    "T2": Text("מסגרת מתמשכת", "Ongoing framework"),
    "T3": Text("הכוונה משותפת של משאבים מסוגים שונים", "Joint steering of resources of different types"),
    "T4": Text("כל השותפים מעורבים בקבלת ההחלטות", "All partners take part in decisions"),
    "T5": Text("לתועלת הקהילה ולמטרה ציבורית", "Community benefit and a public goal"),
    "T6": Text("בין-מגזרית", "Cross-sector"),
    "T7": Text("אינה תרומה, רכישת שירותים או מיקור חוץ", "Not a donation, purchase of services or outsourcing"),
}

EXCLUSION_NAMES: dict[Exclusion, Text] = {
    Exclusion.DONATION: Text("תרומה פילנתרופית", "Philanthropic donation"),
    Exclusion.PURCHASE_OF_SERVICES: Text("רכישת שירותים", "Purchase of services"),
    Exclusion.OUTSOURCING: Text("מיקור חוץ", "Outsourcing"),
}

IndicatorValue = bool | int | float | str | None | tuple[str, ...] | Mapping[str, float | None]


@dataclass(frozen=True, slots=True)
class TestResult:
    __test__ = False

    code: str
    status: TestStatus
    reason: Message
    records: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExclusionResult:
    kind: Exclusion
    reason: Message
    records: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    severity: Severity
    category: FlagCategory
    message: Message
    records: tuple[str, ...] = ()
    principle: int | None = None


@dataclass(frozen=True, slots=True)
class PrincipleFinding:
    number: int
    status: FindingStatus
    indicators: Mapping[str, IndicatorValue]
    notes: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class NextStep:
    code: str
    message: Message
    tests: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MissingData:
    field: str
    message: Message
    tests: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Diagnosis:
    partnership_id: str
    partnership_name: str
    rung: Rung
    is_partnership: bool
    tests: tuple[TestResult, ...]
    exclusion: ExclusionResult | None
    principles: tuple[PrincipleFinding, ...]
    flags: tuple[Flag, ...]
    next_steps: tuple[NextStep, ...]
    missing: tuple[MissingData, ...]
    params: EngineParams

    def test(self, code: str) -> TestResult:
        """Return the result of test ``code`` ("T1".."T7")."""
        for result in self.tests:
            if result.code == code:
                return result
        raise KeyError(code)

    def flag_codes(self) -> frozenset[str]:
        return frozenset(f.code for f in self.flags)
