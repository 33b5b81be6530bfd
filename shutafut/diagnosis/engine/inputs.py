"""The engine's input: a partnership described as plain, frozen data (docs/diagnosis.md, "Input format").

Convention for optional collections and facts: ``None`` means *not recorded* (the tests that need it come
out ``unknown`` and the field is listed under ``missing``); an empty tuple or an explicit "none" value
means *recorded as absent* (the tests that need it fail). The loader (``loader.py``) maps an absent key to
``None`` and an explicit ``[]``/``null`` to the empty value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The input vocabulary lives in the model package: the records and the engine share it.
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


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    name: str
    sector: Sector
    roles: tuple[PartnerRole, ...] = ()
    joined: date | None = None
    mandate: bool | None = None
    """Whether the member's representative has a recorded mandate (I4.4)."""
    interest: int | None = None
    """Stated interest in the focus, 0..3 (I2.1)."""
    influence: int | None = None
    """Stated ability to influence the focus, 0..3 (I2.1)."""
    registry_number: str | None = None
    """The organization's registry number (amuta, company, cooperative, or the authority's CBS symbol). The rules do
    not read it; an import matches the member to the town's registry by it."""


@dataclass(frozen=True, slots=True)
class FrameworkDocument:
    id: str
    kind: DocumentKind
    signatories: tuple[str, ...]
    signed: date | None = None
    valid_until: date | None = None
    decision_members: tuple[str, ...] | None = None
    """Members the document's decision rules give a say; ``None`` when the document says nothing about it."""


@dataclass(frozen=True, slots=True)
class Approval:
    kind: ApprovalKind
    ref: str | None = None
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Pledge:
    """A resource one member promises. ``receiver=None`` means the joint pool, steered by the joint body."""

    id: str
    giver: str
    type: ResourceType
    in_return: InReturn
    receiver: str | None = None
    value: float | None = None
    approval: Approval | None = None
    allocation_decision: str | None = None
    """The joint decision that allocates this resource, when it goes to one member rather than the pool."""


@dataclass(frozen=True, slots=True)
class Delivery(Pledge):
    """A resource actually given (a pledge's fields, plus when); ``pledge`` links it to the pledge it fulfils
    (then it is the same flow)."""

    date: date | None = None
    pledge: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    id: str
    date: date
    participants: tuple[str, ...]
    method: DecisionMethod
    consulted: tuple[str, ...] = ()
    reserved_to_public: bool = False
    """A statutory decision (permit, budget, tender, public asset) reserved to the public body."""
    recusals: tuple[str, ...] = ()
    subject: str = ""


@dataclass(frozen=True, slots=True)
class Activity:
    id: str
    date: date
    organizers: tuple[str, ...] | None = None
    """Who organized it; ``None`` when not recorded (then nobody can tell whether it was organized together)."""
    beneficiaries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MemberInterest:
    id: str
    member: str
    kind: InterestKind
    before: str
    """The public member (authority) the matter is before."""
    recusal_recorded: bool
    open: bool = True


@dataclass(frozen=True, slots=True)
class Interaction:
    id: str
    kind: InteractionKind
    source: str
    target: str | None = None
    """``None``: to all other members."""
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Readiness:
    political: int
    organizational: int
    community: int


@dataclass(frozen=True, slots=True)
class Partnership:
    """One partnership record. See the module docstring for what ``None`` means."""

    id: str
    name: str
    members: tuple[Member, ...]
    started: date | None = None
    convener: str | None = None
    convener_recorded: bool = False
    """False when the record says nothing about a convener; True with ``convener=None`` means "none"."""
    public_goal: str | None = None
    beneficiaries: tuple[str, ...] | None = None
    horizon_months: int | None = None
    meeting_cadence: Cadence | None = None
    standing_body: bool | None = None
    """Whether the partners have a standing joint body (a steering committee, round table or forum with a set
    membership); with ``Cadence.REGULAR`` it makes the cadence count as set (T2)."""
    framework_documents: tuple[FrameworkDocument, ...] | None = None
    pledges: tuple[Pledge, ...] | None = None
    deliveries: tuple[Delivery, ...] | None = None
    decisions: tuple[Decision, ...] | None = None
    activities: tuple[Activity, ...] | None = None
    interests: tuple[MemberInterest, ...] | None = None
    interactions: tuple[Interaction, ...] | None = None
    readiness: Readiness | None = None
    vision_endorsers: tuple[str, ...] | None = None
    """Members that endorsed the current text of the shared vision (I2.3); ``None``: no vision recorded."""
    working_norms: tuple[str, ...] | None = None
    """The working norms the members agreed (meeting rules, channels, response times, how to bridge a culture gap)
    (I6.1)."""
