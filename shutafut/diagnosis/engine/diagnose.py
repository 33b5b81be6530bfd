"""The engine's entry point: ``diagnose(partnership, params) -> Diagnosis``."""

from __future__ import annotations

from shutafut.model.ladder import Rung

from . import criteria
from .advice import missing_data, next_steps
from .evidence import build_evidence
from .flags import risk_flags
from .inputs import Partnership
from .params import EngineParams
from .principles import PRINCIPLES
from .results import Diagnosis, TestStatus


def diagnose(partnership: Partnership, params: EngineParams | None = None) -> Diagnosis:
    """Diagnose ``partnership``: tests T1–T7, exclusion, rung, principle findings, flags, next steps, missing.

    Pure and deterministic: the same input and parameters give the same result. Contradictory records become
    data-quality flags; the engine raises only on programming errors.
    """
    params = params or EngineParams()
    ev = build_evidence(partnership, params)
    tests = [check(ev) for _code, check in criteria.TESTS]
    excluded = criteria.exclusion(ev)
    tests.append(criteria.t7_not_excluded(ev, excluded))
    results = tuple(tests)
    rung = criteria.rung(ev, results)
    if excluded is not None and rung > Rung.COOPERATION:  # pragma: no cover - T7 failing already prevents it
        rung = Rung.COOPERATION
    flags = [*ev.flags, *risk_flags(ev)]
    principles = tuple(rule(ev, results, flags) for rule in PRINCIPLES)
    return Diagnosis(
        partnership_id=partnership.id,
        partnership_name=partnership.name,
        rung=rung,
        is_partnership=rung is Rung.PARTNERSHIP and all(t.status is TestStatus.PASSED for t in results),
        tests=results,
        exclusion=excluded,
        principles=principles,
        flags=tuple(flags),
        next_steps=tuple(next_steps(ev, rung, results, excluded, flags)),
        missing=tuple(missing_data(results, ev)),
        params=params,
    )
