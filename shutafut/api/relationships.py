"""/api/v1/relationships"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from shutafut.accounts.models import Role
from shutafut.api.common import etag, if_match, paginate, town_for
from shutafut.model.ladder import Rung
from shutafut.organizations.access import access_organization, require_party
from shutafut.relationships.access import access_relationship
from shutafut.relationships.models import Source
from shutafut.relationships.selectors import relationship_list
from shutafut.relationships.services import relationship_create, relationship_update

router = Router(tags=["relationships"])


class RelationshipOut(Schema):
    id: int
    town: str
    org_a: int
    org_b: int
    domain: str
    rung: int
    rung_code: str
    target_rung: int | None
    competitive_tension: bool
    observed_on: dt.date
    source: str
    notes: str

    @staticmethod
    def resolve_town(obj: Any) -> str:
        return str(obj.town.slug)

    @staticmethod
    def resolve_org_a(obj: Any) -> int:
        return int(obj.org_a_id)

    @staticmethod
    def resolve_org_b(obj: Any) -> int:
        return int(obj.org_b_id)

    @staticmethod
    def resolve_rung_code(obj: Any) -> str:
        return Rung(obj.rung).code


class RelationshipPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[RelationshipOut]


class RelationshipIn(Schema):
    town: str
    org_a: int
    org_b: int
    rung: int
    observed_on: dt.date
    domain: str = ""
    target_rung: int | None = None
    competitive_tension: bool = False
    source: str = "recorded"
    notes: str = ""


class RelationshipPatch(Schema):
    domain: str | None = None
    rung: int | None = None
    target_rung: int | None = None
    competitive_tension: bool | None = None
    observed_on: dt.date | None = None
    notes: str | None = None


@router.get("", response=RelationshipPage)
def list_relationships(
    request: HttpRequest,
    town: str,
    q: str = "",
    rung: str = "",
    sector: str = "",
    domain: str = "",
    organization: str = "",
    page: int = 1,
    page_size: int = 50,
) -> dict[str, Any]:
    found = relationship_list(
        town=town_for(request, town), q=q, rung=rung, sector=sector, domain=domain, organization=organization
    )
    return paginate(found.select_related("town"), page, page_size)


@router.get("/{int:relationship_id}", response=RelationshipOut)
def get_relationship(request: HttpRequest, relationship_id: int, response: HttpResponse) -> Any:
    """One relationship; its ``ETag`` is its version, for ``If-Match`` on a ``PATCH``."""
    return etag(response, access_relationship(request.user, relationship_id))


@router.post("", response={201: RelationshipOut})
def create_relationship(request: HttpRequest, payload: RelationshipIn) -> Any:
    data = payload.dict()
    town = town_for(request, data.pop("town"), Role.MEMBER)
    if data["source"] != Source.RECORDED:
        raise ValidationError(
            {
                "source": _(
                    "A relationship made by hand is recorded by the town: "
                    "only a survey wave that closes writes survey relationships."
                )
            }
        )
    data["org_a"] = access_organization(request.user, data["org_a"], town=town)
    data["org_b"] = access_organization(request.user, data["org_b"], town=town)
    # A partner's representative records ties of the organizations they represent only (issue 11, item 2).
    require_party(request.user, town.pk, [data["org_a"].pk, data["org_b"].pk], Role.MEMBER)
    return Status(201, relationship_create(town=town, **data))


@router.patch("/{int:relationship_id}", response=RelationshipOut)
def update_relationship(
    request: HttpRequest, relationship_id: int, payload: RelationshipPatch, response: HttpResponse
) -> Any:
    """Change a relationship. With ``If-Match`` (the ``ETag`` of a ``GET``), a record changed meanwhile is not
    overwritten: 412, with the fields that changed and the new ``ETag``."""
    relationship = access_relationship(request.user, relationship_id, role=Role.MEMBER)
    data = payload.dict(exclude_unset=True)
    return etag(response, relationship_update(relationship, as_of=if_match(request), **data))
