"""The partnership life cycle: stages, the moves between them and the gates that guard them (domain.md §6).

The toolkit's six stages come from the Elka partnership toolkit [S] (``Source.ELKA_TOOLKIT``): initiation,
kick-off, agreements, going into action, managing routine, and long-term planning, in which the partners end
the partnership or decide its future (widen it, or embed the activity in one organization). The other stages
(idea, review, renewed, expanded, embedded) and the state machine and its gates are our proposal [P]:

    idea → initiation → kickoff → agreement → action → routine ⇄ review
    routine, review → planning → renewed | expanded | embedded | closed
    renewed, expanded → routine;  any open stage → closed

A gate is a condition a move must meet. ``unmet_gates`` reads them from ``GateFacts``, where ``None`` means
"not known yet" and counts as unmet, so a move is never waved through on missing data.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum

from shutafut.model.provenance import Source
from shutafut.model.text import Text


class Stage(StrEnum):
    IDEA = "idea"
    INITIATION = "initiation"
    KICKOFF = "kickoff"
    AGREEMENT = "agreement"
    ACTION = "action"
    ROUTINE = "routine"
    REVIEW = "review"
    PLANNING = "planning"
    """The toolkit's sixth stage, long-term planning: the partners decide whether and how to go on."""
    RENEWED = "renewed"
    EXPANDED = "expanded"
    EMBEDDED = "embedded"
    CLOSED = "closed"

    @property
    def label(self) -> Text:
        return STAGE_LABELS[self]

    @property
    def source(self) -> Source:
        return STAGE_SOURCES[self]


STAGE_LABELS: dict[Stage, Text] = {
    Stage.IDEA: Text("רעיון", "Idea"),
    Stage.INITIATION: Text("ייזום", "Initiation"),
    Stage.KICKOFF: Text("התנעה", "Kick-off"),
    Stage.AGREEMENT: Text("הסכמות", "Agreement"),
    Stage.ACTION: Text("יציאה לפעולה", "Going into action"),
    Stage.ROUTINE: Text("ניהול שגרה", "Routine"),
    Stage.REVIEW: Text("בחינה תקופתית", "Review"),
    Stage.PLANNING: Text("תכנון לטווח ארוך", "Long-term planning"),
    Stage.RENEWED: Text("חודשה", "Renewed"),
    Stage.EXPANDED: Text("הורחבה", "Expanded"),
    Stage.EMBEDDED: Text("הוטמעה בארגון", "Embedded in an organization"),
    Stage.CLOSED: Text("הסתיימה", "Closed"),
}


STAGE_SOURCES: dict[Stage, Source] = {
    stage: Source.OURS
    if stage in (Stage.IDEA, Stage.REVIEW, Stage.RENEWED, Stage.EXPANDED, Stage.EMBEDDED)
    else Source.ELKA_TOOLKIT
    for stage in Stage
}
"""The toolkit's six stages, and closing (one outcome of its sixth), are the toolkit's; the rest are ours."""

_S = Stage

TRANSITIONS: frozenset[tuple[Stage, Stage]] = frozenset(
    {
        (_S.IDEA, _S.INITIATION),
        (_S.INITIATION, _S.KICKOFF),
        (_S.KICKOFF, _S.AGREEMENT),
        (_S.AGREEMENT, _S.ACTION),
        (_S.ACTION, _S.ROUTINE),
        (_S.ROUTINE, _S.REVIEW),
        (_S.REVIEW, _S.ROUTINE),
        (_S.ROUTINE, _S.PLANNING),
        (_S.REVIEW, _S.PLANNING),
        (_S.PLANNING, _S.RENEWED),
        (_S.PLANNING, _S.EXPANDED),
        (_S.PLANNING, _S.EMBEDDED),
        (_S.RENEWED, _S.ROUTINE),
        (_S.EXPANDED, _S.ROUTINE),
    }
    | {(stage, _S.CLOSED) for stage in Stage if stage is not _S.CLOSED}
)
"""Every allowed move. Any stage but ``closed`` may close; ``closed`` is final."""


def allowed_next(stage: Stage | str) -> tuple[Stage, ...]:
    """Return the stages a partnership in ``stage`` may move to, in life-cycle order."""
    current = _stage(stage)
    return tuple(to for to in Stage if (current, to) in TRANSITIONS)


def is_allowed(from_stage: Stage | str, to_stage: Stage | str) -> bool:
    return (_stage(from_stage), _stage(to_stage)) in TRANSITIONS


@dataclass(frozen=True, slots=True)
class GateFacts:
    """What is known about a partnership when it asks to move on; ``None`` (unknown) counts as unmet."""

    readiness_passed: bool | None = None
    """The readiness index passes its go rule (I5.1)."""
    justification_passed: bool | None = None
    """The justification score passes its threshold (I5.2)."""
    vision_endorsed_by_all: bool | None = None
    """Every partner has endorsed the shared vision (I2.3)."""
    resource_gaps_resolved: bool | None = None
    """The resource map has no critical gap without a decision on how to close it."""
    framework_signed_by_all: bool | None = None
    """The framework document (agreement, charter, MoU) or its renewed version is signed by all."""
    decision_rules_set: bool | None = None
    """The framework says how decisions are made."""
    info_flow_rules_set: bool | None = None
    """The framework says how information flows between the partners."""
    work_plan_exists: bool | None = None
    """A joint work plan with tasks, owners and checkpoints exists."""
    review_done_within_year: bool | None = None
    """A periodic review (indicators, agreements, rung re-assessment) took place in the last 12 months."""
    handover_owner_named: bool | None = None
    """An organization has agreed to carry the activity on by itself."""


GATE_FACT_NAMES: frozenset[str] = frozenset(f.name for f in fields(GateFacts))


@dataclass(frozen=True, slots=True)
class Gate:
    code: str
    text: Text
    fact: str
    """The ``GateFacts`` field that tells whether the gate is met."""
    transitions: frozenset[tuple[Stage, Stage]]
    """The moves this gate guards."""
    proposed: bool = True
    """True ([P]) where the gate is ours; False ([S]) where the sources make it a condition of that step."""
    indicator: str | None = None
    """The indicator code (e.g. "I5.1") the gate relies on, if any."""

    def is_met(self, facts: GateFacts) -> bool:
        """Return True only when the gate's fact is known to be true."""
        return getattr(facts, self.fact) is True


GATES: tuple[Gate, ...] = (
    Gate(
        "readiness",
        Text(
            "המוכנות הפוליטית, הארגונית והקהילתית עוברת את הסף.",
            "Political, organizational and community readiness passes the threshold.",
        ),
        "readiness_passed",
        frozenset({(_S.INITIATION, _S.KICKOFF)}),
        proposed=False,
        indicator="I5.1",
    ),
    Gate(
        "justification",
        Text(
            "השותפות מוצדקת בתרומתה לקהילה, בהיקפה ובחדשנות שלה.",
            "The partnership is justified by its benefit to the community, its scope and its novelty.",
        ),
        "justification_passed",
        frozenset({(_S.INITIATION, _S.KICKOFF)}),
        proposed=False,
        indicator="I5.2",
    ),
    Gate(
        "vision_endorsed",
        Text("כל השותפים אישרו את החזון המשותף.", "Every partner has endorsed the shared vision."),
        "vision_endorsed_by_all",
        frozenset({(_S.KICKOFF, _S.AGREEMENT)}),
        indicator="I2.3",
    ),
    Gate(
        "resource_gaps",
        Text(
            "במפת המשאבים לא נותר פער קריטי שלא הוחלט איך לסגור.",
            "The resource map has no critical gap left without a decision on how to close it.",
        ),
        "resource_gaps_resolved",
        frozenset({(_S.KICKOFF, _S.AGREEMENT)}),
    ),
    Gate(
        "framework_signed",
        Text(
            "מסמך המסגרת (או גרסתו המחודשת) נחתם על ידי כל השותפים.",
            "The framework document (or its renewed version) is signed by every partner.",
        ),
        "framework_signed_by_all",
        frozenset({(_S.AGREEMENT, _S.ACTION), (_S.RENEWED, _S.ROUTINE), (_S.EXPANDED, _S.ROUTINE)}),
    ),
    Gate(
        "decision_rules",
        Text("נקבע איך מתקבלות ההחלטות.", "The rules for making decisions are set."),
        "decision_rules_set",
        frozenset({(_S.AGREEMENT, _S.ACTION)}),
    ),
    Gate(
        "info_flow_rules",
        Text("נקבע איך זורם המידע בין השותפים.", "The rules for information flow between partners are set."),
        "info_flow_rules_set",
        frozenset({(_S.AGREEMENT, _S.ACTION)}),
    ),
    Gate(
        "work_plan",
        Text(
            "יש תוכנית עבודה משותפת עם משימות, אחראים ונקודות בקרה.",
            "A joint work plan with tasks, owners and checkpoints exists.",
        ),
        "work_plan_exists",
        frozenset({(_S.ACTION, _S.ROUTINE)}),
    ),
    Gate(
        "annual_review",
        Text(
            "בשנה האחרונה נעשתה בחינה תקופתית: מדדים, תיקוף הסכמות והערכה מחדש של דרגת הקשר.",
            "A periodic review was done in the past year: indicators, validation of agreements and a fresh"
            " look at the relationship rung.",
        ),
        "review_done_within_year",
        frozenset(
            {
                (_S.REVIEW, _S.ROUTINE),
                (_S.PLANNING, _S.RENEWED),
                (_S.PLANNING, _S.EXPANDED),
                (_S.PLANNING, _S.EMBEDDED),
            }
        ),
    ),
    Gate(
        "handover_owner",
        Text(
            "ארגון אחד הסכים להמשיך את הפעילות בעצמו.",
            "An organization has agreed to carry the activity on by itself.",
        ),
        "handover_owner_named",
        frozenset({(_S.PLANNING, _S.EMBEDDED)}),
    ),
)

GATES_BY_CODE: dict[str, Gate] = {g.code: g for g in GATES}


def gates_for(from_stage: Stage | str, to_stage: Stage | str) -> tuple[Gate, ...]:
    """Return the gates that guard the move ``from_stage`` → ``to_stage``.

    Raises ``ValueError`` when the move is not allowed.
    """
    move = _check_move(from_stage, to_stage)
    return tuple(g for g in GATES if move in g.transitions)


def unmet_gates(from_stage: Stage | str, to_stage: Stage | str, facts: GateFacts) -> list[Gate]:
    """Return the gates of the move ``from_stage`` → ``to_stage`` that ``facts`` do not show to be met.

    An unknown fact (``None``) counts as unmet. Closing has no gates: any open stage may close.
    Raises ``ValueError`` naming both stages and the allowed next stages when the move is not allowed.
    """
    return [g for g in gates_for(from_stage, to_stage) if not g.is_met(facts)]


REVIEW_INTERVAL_DAYS = 365
"""[P] The longest gap between periodic reviews (domain.md §6: at least annually)."""


def review_done_within_year(last_review: date | None, today: date) -> bool:
    """Return True when ``last_review`` is at most ``REVIEW_INTERVAL_DAYS`` before ``today``."""
    if last_review is None:
        return False
    return 0 <= (today - last_review).days <= REVIEW_INTERVAL_DAYS


def _stage(value: Stage | str) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        allowed = ", ".join(Stage)
        raise ValueError(f"{value!r} is not a life-cycle stage (allowed: {allowed})") from None


def _check_move(from_stage: Stage | str, to_stage: Stage | str) -> tuple[Stage, Stage]:
    move = (_stage(from_stage), _stage(to_stage))
    if move not in TRANSITIONS:
        nexts = ", ".join(allowed_next(move[0]))
        hint = f"allowed from {move[0]!s}: {nexts}" if nexts else f"{move[0]!s} is final"
        raise ValueError(f"a partnership cannot move from stage {move[0]!s} to stage {move[1]!s} ({hint})")
    return move
