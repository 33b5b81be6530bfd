"""The engine's input: a partnership described as plain, frozen data (docs/diagnosis.md, "Input format").

Convention for optional collections and facts: ``None`` means *not recorded* (the tests that need it come
out ``unknown`` and the field is listed under ``missing``); an empty tuple or an explicit "none" value
means *recorded as absent* (the tests that need it fail). The loader (``loader.py``) maps an absent key to
``None`` and an explicit ``[]``/``null`` to the empty value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shutafut.model.resources import ResourceType
from shutafut.model.roles import PartnerRole
from shutafut.model.sectors import Sector


class DocumentKind(StrEnum):
    """Kinds of framework document. A ``contract`` alone never makes the framework explicit (domain.md §3)."""

    AGREEMENT = "agreement"
    CHARTER = "charter"
    MOU = "mou"
    STEERING_MANDATE = "steering_mandate"
    FRAMEWORK_DOC = "framework_doc"
    CONTRACT = "contract"


class Cadence(StrEnum):
    """How often the joint body meets. ``none`` and ``ad_hoc`` are recorded, but are not a defined cadence."""

    NONE = "none"
    AD_HOC = "ad_hoc"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    BIMONTHLY = "bimonthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    YEARLY = "yearly"


class InReturn(StrEnum):
    """What the giver of a resource received in return: the key to the exclusions of test T7."""

    NOTHING = "nothing"
    RECOGNITION = "recognition"
    """Thanks, naming, publicity only: with nothing else this is a donation."""
    DELIVERABLE = "deliverable"
    """A deliverable the payer defined (goods or a service for the payer): with money, a purchase of
    services."""
    SERVICE_OPERATION = "service_operation"
    """The receiver runs a service on the payer's behalf: with money, outsourcing."""
    RESOURCES = "resources"
    """Other resources from the receiver: mutual give-and-take."""
    SHARED_GOAL = "shared_goal"
    """A contribution to the joint activity and its public goal."""


class ApprovalKind(StrEnum):
    DONATIONS_COMMITTEE = "donations_committee"
    SUPPORT_COMMITTEE = "support_committee"
    TENDER = "tender"
    NONE = "none"


class DecisionMethod(StrEnum):
    CONSENSUS = "consensus"
    VOTE = "vote"
    CONSULTATION = "consultation"
    UNILATERAL = "unilateral"
    """Taken by one partner alone."""


class InterestKind(StrEnum):
    """A business partner's own matter before a public body (domain.md §7.1)."""

    TENDER = "tender"
    PERMIT = "permit"
    PLANNING = "planning"
    LAND = "land"


class InteractionKind(StrEnum):
    INFORMATION = "information"
    """Deliberate information from one member to another (or to all when ``to`` is empty)."""
    ADJUSTMENT = "adjustment"
    """A member changed an activity because of another (avoided duplication, split target groups...)."""
    RIVALRY = "rivalry"
    """Active rivalry over the same scarce things (calls, tenders, donors, beneficiaries)."""


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


@dataclass(frozen=True, slots=True)
class FrameworkDocument:
    id: str
    kind: DocumentKind
    signatories: tuple[str, ...]
    signed: date | None = None
    valid_until: date | None = None
    decision_members: tuple[str, ...] | None = None
    """Members the document's decision rules give a say; ``None`` when the document says nothing about it."""
    working_norms: bool | None = None
    """Whether the document sets agreed working norms (meeting rules, channels, response times) (I6.1)."""


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
class Delivery:
    """A resource actually given; ``pledge`` links it to the pledge it fulfils (then it is the same flow)."""

    id: str
    giver: str
    type: ResourceType
    in_return: InReturn
    receiver: str | None = None
    value: float | None = None
    date: date | None = None
    pledge: str | None = None
    approval: Approval | None = None
    allocation_decision: str | None = None


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
    organizers: tuple[str, ...] = ()
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
    framework_documents: tuple[FrameworkDocument, ...] | None = None
    pledges: tuple[Pledge, ...] | None = None
    deliveries: tuple[Delivery, ...] | None = None
    decisions: tuple[Decision, ...] | None = None
    activities: tuple[Activity, ...] | None = None
    interests: tuple[MemberInterest, ...] | None = None
    interactions: tuple[Interaction, ...] | None = None
    readiness: Readiness | None = None
