"""/api/v1/partnerships"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja.responses import Status

from shutafut.accounts.models import Role
from shutafut.api.common import etag, if_match, paginate, town_for
from shutafut.diagnosis.services import diagnosis_document
from shutafut.organizations.access import access_organization
from shutafut.partnerships.access import access_partnership, may_publish
from shutafut.partnerships.selectors import partnership_detail, partnership_list
from shutafut.partnerships.services import partnership_create, partnership_update

router = Router(tags=["partnerships"])


def _id_or_none(value: object) -> int | None:
    """A nullable foreign key's id, as the schema gives it."""
    return None if value is None else int(str(value))


class PartnershipOut(Schema):
    id: int
    town: str
    name: str
    public_goals: str
    focus: str
    beneficiaries: str
    description: str
    convener: int | None
    stage: str
    framing: str
    started_on: dt.date | None
    horizon_months: int | None
    standing_body: bool | None
    meeting_cadence: str
    is_public: bool

    @staticmethod
    def resolve_town(obj: Any) -> str:
        return str(obj.town.slug)

    @staticmethod
    def resolve_convener(obj: Any) -> int | None:
        return _id_or_none(obj.convener_id)


class MemberOut(Schema):
    id: int
    organization: int
    organization_name: str
    sector: str
    roles: list[str]
    mandate: str
    joined_on: dt.date | None
    left_on: dt.date | None

    @staticmethod
    def resolve_organization(obj: Any) -> int:
        return int(obj.organization_id)

    @staticmethod
    def resolve_organization_name(obj: Any) -> str:
        return str(obj.organization.name)

    @staticmethod
    def resolve_sector(obj: Any) -> str:
        return str(obj.organization.sector)


class FlowOut(Schema):
    id: int
    kind: str
    giver: int
    receiver: int | None
    resource_type: str
    description: str
    value: Decimal | None
    unit: str
    in_return: str
    fulfils: int | None
    allocation_decision: int | None
    approval: str
    approval_ref: str
    date: dt.date | None

    @staticmethod
    def resolve_giver(obj: Any) -> int:
        return int(obj.giver_id)

    @staticmethod
    def resolve_receiver(obj: Any) -> int | None:
        return _id_or_none(obj.receiver_id)

    @staticmethod
    def resolve_fulfils(obj: Any) -> int | None:
        return _id_or_none(obj.fulfils_id)

    @staticmethod
    def resolve_allocation_decision(obj: Any) -> int | None:
        return _id_or_none(obj.allocation_decision_id)


class DecisionOut(Schema):
    id: int
    date: dt.date
    subject: str
    method: str
    participants: list[int]
    recusals: list[int]
    reserved_to_public_body: bool
    outcome: str

    @staticmethod
    def resolve_participants(obj: Any) -> list[int]:
        return [m.pk for m in obj.participants.all()]

    @staticmethod
    def resolve_recusals(obj: Any) -> list[int]:
        return [m.pk for m in obj.recusals.all()]


class ActivityOut(Schema):
    id: int
    date: dt.date
    title: str
    description: str
    beneficiaries_count: int | None
    beneficiaries_description: str


class DocumentOut(Schema):
    id: int
    kind: str
    title: str
    signed_on: dt.date | None
    valid_until: dt.date | None
    signatories: list[int]
    decision_rules: str
    info_flow_rules: str
    exit_clause: bool

    @staticmethod
    def resolve_signatories(obj: Any) -> list[int]:
        return [m.pk for m in obj.signatories.all()]


class PartnershipDetailOut(PartnershipOut):
    members: list[MemberOut]
    flows: list[FlowOut]
    decisions: list[DecisionOut]
    activities: list[ActivityOut]
    documents: list[DocumentOut]

    @staticmethod
    def resolve_members(obj: Any) -> list[Any]:
        return list(obj.members.all())

    @staticmethod
    def resolve_flows(obj: Any) -> list[Any]:
        return list(obj.flows.all())

    @staticmethod
    def resolve_decisions(obj: Any) -> list[Any]:
        return list(obj.decisions.all())

    @staticmethod
    def resolve_activities(obj: Any) -> list[Any]:
        return list(obj.activities.all())

    @staticmethod
    def resolve_documents(obj: Any) -> list[Any]:
        return list(obj.documents.all())


class PartnershipPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[PartnershipOut]


class PartnershipIn(Schema):
    town: str
    name: str
    public_goals: str = ""
    focus: str = ""
    beneficiaries: str = ""
    description: str = ""
    convener: int | None = None
    stage: str = "initiation"
    framing: str = "means"
    started_on: dt.date | None = None
    horizon_months: int | None = None
    standing_body: bool | None = None
    meeting_cadence: str = ""
    is_public: bool = False


class PartnershipPatch(Schema):
    name: str | None = None
    public_goals: str | None = None
    focus: str | None = None
    beneficiaries: str | None = None
    description: str | None = None
    convener: int | None = None
    framing: str | None = None
    started_on: dt.date | None = None
    horizon_months: int | None = None
    standing_body: bool | None = None
    meeting_cadence: str | None = None
    is_public: bool | None = None


@router.get("", response=PartnershipPage)
def list_partnerships(
    request: HttpRequest,
    town: str,
    q: str = "",
    stage: str = "",
    organization: str = "",
    page: int = 1,
    page_size: int = 50,
) -> dict[str, Any]:
    found = partnership_list(town=town_for(request, town), q=q, stage=stage, organization=organization)
    return paginate(found.select_related("town"), page, page_size)


@router.get("/{int:partnership_id}", response=PartnershipDetailOut)
def get_partnership(request: HttpRequest, partnership_id: int, response: HttpResponse) -> Any:
    """One partnership with its parts; its ``ETag`` is the version of the partnership's own fields, for
    ``If-Match`` on a ``PATCH``."""
    return etag(response, partnership_detail(access_partnership(request.user, partnership_id)))


@router.post("", response={201: PartnershipOut})
def create_partnership(request: HttpRequest, payload: PartnershipIn) -> Any:
    data = payload.dict()
    town = town_for(request, data.pop("town"), Role.COORDINATOR)
    if data["convener"] is not None:
        data["convener"] = access_organization(request.user, data["convener"], town=town)
    return Status(201, partnership_create(town=town, **data))


@router.patch("/{int:partnership_id}", response=PartnershipOut)
def update_partnership(
    request: HttpRequest, partnership_id: int, payload: PartnershipPatch, response: HttpResponse
) -> Any:
    """Change a partnership. With ``If-Match`` (the ``ETag`` of a ``GET``), a record changed meanwhile is not
    overwritten: 412, with the fields that changed and the new ``ETag``."""
    partnership = access_partnership(request.user, partnership_id, role=Role.MEMBER)
    data = payload.dict(exclude_unset=True)
    publishing = "is_public" in data and data["is_public"] != partnership.is_public
    # Naming the convener decides who may publish: both are the coordinator's or the convener's representative's.
    reconvening = data.get("convener") is not None and data["convener"] != partnership.convener_id
    if (publishing or reconvening) and not may_publish(request.user, partnership):
        raise PermissionDenied
    if data.get("convener") is not None:
        data["convener"] = access_organization(request.user, data["convener"], town=partnership.town)
    return etag(response, partnership_update(partnership, as_of=if_match(request), **data))


@router.get("/{int:partnership_id}/diagnosis", response=dict[str, Any])
def get_partnership_diagnosis(request: HttpRequest, partnership_id: int, lang: str | None = None) -> Any:
    """The diagnosis of the partnership: the same JSON document as ``shutafut diagnose FILE --format json``.

    ``lang`` ("he" or "en") chooses the language of the reasons; by default, the request's language.
    """
    return diagnosis_document(access_partnership(request.user, partnership_id), lang)
