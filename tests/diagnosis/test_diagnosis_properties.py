"""Property tests: more joint work never lowers the rung; donation-only records never make a partnership."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from shutafut.diagnosis.engine import (
    Cadence,
    Decision,
    DecisionMethod,
    DocumentKind,
    FrameworkDocument,
    InReturn,
    Interaction,
    InteractionKind,
    Member,
    Partnership,
    Pledge,
    diagnose,
)
from shutafut.model.resources import ResourceType
from shutafut.model.sectors import Sector

START = date(2024, 1, 1)
RESOURCES = list(ResourceType)

# Strategies are built once, not at every draw: hypothesis validates each new strategy object, which took most of
# these tests' time.
SECTORS = st.sampled_from(list(Sector))
RESOURCE_TYPES = st.sampled_from(RESOURCES)
ANY_IN_RETURN = st.sampled_from(list(InReturn))
METHODS = st.sampled_from(list(DecisionMethod))
DOCUMENT_KINDS = st.sampled_from(list(DocumentKind))
INTERACTION_KINDS = st.sampled_from(list(InteractionKind))
CADENCES = st.none() | st.sampled_from(list(Cadence))
DAYS = st.integers(-30, 400)
HORIZONS = st.none() | st.integers(0, 48)
GOALS = st.sampled_from([None, "", "A public goal"])
BENEFICIARIES = st.sampled_from([None, (), ("residents",)])
MEMBER_COUNTS = {n: st.lists(st.integers(0, n - 1), min_size=1, max_size=n, unique=True) for n in range(2, 7)}


@st.composite
def partnerships(draw: st.DrawFn, in_returns: list[InReturn] | None = None) -> Partnership:
    """Random records of realistic shape: 2–6 members, some pledges, decisions, documents and interactions."""
    n = draw(st.integers(2, 6))
    ids = [f"m{i}" for i in range(n)]
    members = tuple(Member(i, i, draw(SECTORS)) for i in ids)
    member = st.sampled_from(ids)
    maybe_member = st.none() | member
    in_return = st.sampled_from(in_returns) if in_returns else ANY_IN_RETURN

    def some() -> tuple[str, ...]:
        return tuple(ids[i] for i in draw(MEMBER_COUNTS[n]))

    pledges = tuple(
        Pledge(f"p{k}", draw(member), draw(RESOURCE_TYPES), draw(in_return), receiver=draw(maybe_member))
        for k in range(draw(st.integers(0, 6)))
    )
    decisions = tuple(
        Decision(
            f"d{k}",
            START + timedelta(days=draw(DAYS)),
            some(),
            draw(METHODS),
            reserved_to_public=draw(st.booleans()),
        )
        for k in range(draw(st.integers(0, 5)))
    )
    documents = tuple(FrameworkDocument(f"f{k}", draw(DOCUMENT_KINDS), some()) for k in range(draw(st.integers(0, 2))))
    interactions = tuple(
        Interaction(f"i{k}", draw(INTERACTION_KINDS), draw(member), draw(maybe_member))
        for k in range(draw(st.integers(0, 4)))
    )
    return Partnership(
        id="p",
        name="p",
        members=members,
        started=START,
        convener=draw(maybe_member),
        convener_recorded=True,
        public_goal=draw(GOALS),
        beneficiaries=draw(BENEFICIARIES),
        horizon_months=draw(HORIZONS),
        meeting_cadence=draw(CADENCES),
        framework_documents=draw(st.sampled_from([None, documents])),
        pledges=draw(st.sampled_from([None, pledges])),
        decisions=draw(st.sampled_from([None, decisions])),
        interactions=interactions,
    )


def _all_ids(p: Partnership) -> tuple[str, ...]:
    return tuple(m.id for m in p.members)


@settings(max_examples=150, deadline=None)
@given(partnerships(), st.integers(0, 360))
def test_joint_decision_with_all_members_never_lowers_the_rung(p: Partnership, day: int) -> None:
    new = Decision("new-decision", START + timedelta(days=day), _all_ids(p), DecisionMethod.CONSENSUS)
    more = dataclasses.replace(p, decisions=(*(p.decisions or ()), new))
    assert diagnose(more).rung >= diagnose(p).rung


@settings(max_examples=150, deadline=None)
@given(partnerships(), st.data())
def test_pledge_of_a_new_resource_type_never_lowers_the_rung(p: Partnership, data: st.DataObject) -> None:
    used = {pl.type for pl in p.pledges or ()}
    fresh = [t for t in RESOURCES if t not in used]
    pledge = Pledge(
        "new-pledge",
        data.draw(st.sampled_from(_all_ids(p))),
        data.draw(st.sampled_from(fresh)),
        data.draw(ANY_IN_RETURN),
        receiver=data.draw(st.none() | st.sampled_from(_all_ids(p))),
    )
    more = dataclasses.replace(p, pledges=(*(p.pledges or ()), pledge))
    assert diagnose(more).rung >= diagnose(p).rung


@settings(max_examples=150, deadline=None)
@given(partnerships(), DOCUMENT_KINDS)
def test_framework_signed_by_all_never_lowers_the_rung(p: Partnership, kind: DocumentKind) -> None:
    doc = FrameworkDocument("new-framework", kind, _all_ids(p), START)
    more = dataclasses.replace(p, framework_documents=(*(p.framework_documents or ()), doc))
    assert diagnose(more).rung >= diagnose(p).rung


@settings(max_examples=150, deadline=None)
@given(partnerships(in_returns=[InReturn.NOTHING, InReturn.RECOGNITION]))
def test_donation_only_records_never_make_a_partnership(p: Partnership) -> None:
    result = diagnose(p)
    assert not result.is_partnership
    if any(pl.receiver != pl.giver for pl in p.pledges or ()):  # a giver-is-receiver pledge is dropped as bad data
        assert result.exclusion is not None
        assert result.exclusion.kind.value == "donation"
