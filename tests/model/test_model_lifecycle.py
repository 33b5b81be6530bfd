"""The life cycle's state machine and its gates (domain.md §6)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from shutafut.model.lifecycle import (
    GATE_FACT_NAMES,
    GATES,
    TRANSITIONS,
    GateFacts,
    Stage,
    allowed_next,
    gates_for,
    is_allowed,
    review_done_within_year,
    unmet_gates,
)
from shutafut.model.provenance import Source

ALL_TRUE = GateFacts(**{name: True for name in GATE_FACT_NAMES})
S = Stage


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        (S.IDEA, (S.INITIATION, S.CLOSED)),
        (S.INITIATION, (S.KICKOFF, S.CLOSED)),
        (S.KICKOFF, (S.AGREEMENT, S.CLOSED)),
        (S.AGREEMENT, (S.ACTION, S.CLOSED)),
        (S.ACTION, (S.ROUTINE, S.CLOSED)),
        (S.ROUTINE, (S.REVIEW, S.PLANNING, S.CLOSED)),
        (S.REVIEW, (S.ROUTINE, S.PLANNING, S.CLOSED)),
        (S.PLANNING, (S.RENEWED, S.EXPANDED, S.EMBEDDED, S.CLOSED)),
        (S.RENEWED, (S.ROUTINE, S.CLOSED)),
        (S.EXPANDED, (S.ROUTINE, S.CLOSED)),
        (S.EMBEDDED, (S.CLOSED,)),
        (S.CLOSED, ()),
    ],
    ids=lambda v: v.value if isinstance(v, Stage) else None,
)
def test_allowed_next_follows_the_state_machine(stage: Stage, expected: tuple[Stage, ...]):
    assert allowed_next(stage) == expected
    assert allowed_next(stage.value) == expected


@pytest.mark.parametrize("stage", [s for s in Stage if s is not S.CLOSED], ids=lambda s: s.value)
def test_any_open_stage_may_close_without_gates(stage: Stage):
    assert is_allowed(stage, S.CLOSED)
    assert unmet_gates(stage, S.CLOSED, GateFacts()) == []


@pytest.mark.parametrize(
    ("move", "facts", "expected"),
    [
        pytest.param(
            (S.INITIATION, S.KICKOFF),
            GateFacts(readiness_passed=True, justification_passed=False),
            ["justification"],
            id="justification fails",
        ),
        pytest.param(
            (S.KICKOFF, S.AGREEMENT),
            GateFacts(vision_endorsed_by_all=False, resource_gaps_resolved=True),
            ["vision_endorsed"],
            id="vision not endorsed",
        ),
        pytest.param(
            (S.AGREEMENT, S.ACTION),
            GateFacts(framework_signed_by_all=True, decision_rules_set=False, info_flow_rules_set=False),
            ["decision_rules", "info_flow_rules"],
            id="rules not set",
        ),
        pytest.param((S.ACTION, S.ROUTINE), GateFacts(work_plan_exists=False), ["work_plan"], id="no work plan"),
        pytest.param(
            (S.PLANNING, S.EMBEDDED),
            GateFacts(review_done_within_year=True, handover_owner_named=False),
            ["handover_owner"],
            id="no one to embed in",
        ),
        pytest.param(
            (S.RENEWED, S.ROUTINE),
            GateFacts(framework_signed_by_all=False),
            ["framework_signed"],
            id="renewal not signed",
        ),
        pytest.param((S.IDEA, S.INITIATION), GateFacts(), [], id="idea has no gate"),
    ],
)
def test_a_move_with_unmet_facts_lists_exactly_those_gates(
    move: tuple[Stage, Stage], facts: GateFacts, expected: list[str]
):
    assert [g.code for g in unmet_gates(*move, facts)] == expected


def test_unknown_facts_count_as_unmet():
    unknown = GateFacts(readiness_passed=None, justification_passed=True)
    assert [g.code for g in unmet_gates(S.INITIATION, S.KICKOFF, unknown)] == ["readiness"]
    assert [g.code for g in unmet_gates(S.KICKOFF, S.AGREEMENT, GateFacts())] == [
        "vision_endorsed",
        "resource_gaps",
    ]


@pytest.mark.parametrize("move", sorted(TRANSITIONS), ids=lambda m: f"{m[0]}->{m[1]}")
def test_every_allowed_move_opens_when_every_fact_is_true(move: tuple[Stage, Stage]):
    assert unmet_gates(*move, ALL_TRUE) == []


@pytest.mark.parametrize(
    ("from_stage", "to_stage"),
    [
        (S.IDEA, S.ROUTINE),
        (S.ROUTINE, S.IDEA),
        (S.CLOSED, S.ROUTINE),
        (S.EMBEDDED, S.ROUTINE),
        (S.KICKOFF, S.KICKOFF),
        (S.REVIEW, S.EXPANDED),
    ],
    ids=[
        "skipping ahead",
        "going back",
        "reopening",
        "un-embedding",
        "standing still",
        "deciding the future without long-term planning",
    ],  # fmt: skip
)
def test_an_illegal_move_raises_naming_both_stages(from_stage: Stage, to_stage: Stage):
    with pytest.raises(ValueError, match=f"from stage {from_stage.value} to stage {to_stage.value}"):
        unmet_gates(from_stage, to_stage, ALL_TRUE)


def test_an_illegal_move_message_lists_where_the_stage_can_go():
    with pytest.raises(ValueError, match=r"allowed from idea: initiation, closed"):
        gates_for(S.IDEA, S.ROUTINE)
    with pytest.raises(ValueError, match="closed is final"):
        gates_for(S.CLOSED, S.IDEA)


def test_an_unknown_stage_raises_naming_the_stages():
    with pytest.raises(ValueError, match="'launch' is not a life-cycle stage.*idea, initiation"):
        allowed_next("launch")


@pytest.mark.parametrize("gate", GATES, ids=lambda g: g.code)
def test_every_gate_reads_a_real_fact_and_guards_allowed_moves(gate):
    assert gate.fact in GATE_FACT_NAMES
    assert gate.transitions
    assert gate.transitions <= TRANSITIONS
    assert not gate.is_met(dataclasses.replace(ALL_TRUE, **{gate.fact: None}))


@pytest.mark.parametrize(
    ("last", "expected"),
    [(date(2024, 5, 1), True), (date(2023, 6, 1), True), (date(2023, 5, 31), False), (None, False),
     (date(2024, 6, 2), False)],
    ids=["this month", "exactly a year", "a year and a day", "never", "a review dated in the future"],
)  # fmt: skip
def test_a_review_counts_for_a_year(last: date | None, expected: bool):
    assert review_done_within_year(last, today=date(2024, 5, 31)) is expected


def test_the_toolkits_long_term_planning_stage_follows_routine_and_decides_the_future():
    assert is_allowed(S.ROUTINE, S.PLANNING)
    assert is_allowed(S.REVIEW, S.PLANNING)
    assert set(allowed_next(S.PLANNING)) == {S.RENEWED, S.EXPANDED, S.EMBEDDED, S.CLOSED}
    assert S.PLANNING.label.he == "תכנון לטווח ארוך"


@pytest.mark.parametrize(
    ("stage", "source"),
    [(s, Source.OURS) for s in (S.IDEA, S.REVIEW, S.RENEWED, S.EXPANDED, S.EMBEDDED)]
    + [(s, Source.ELKA_TOOLKIT) for s in (S.INITIATION, S.KICKOFF, S.AGREEMENT, S.ACTION, S.ROUTINE, S.PLANNING)],
    ids=lambda v: v.value if isinstance(v, Stage) else None,
)
def test_each_stage_names_whether_it_is_the_toolkits_or_ours(stage: Stage, source: Source):
    assert stage.source is source
