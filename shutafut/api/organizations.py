"""/api/v1/organizations"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja.responses import Status

from shutafut.accounts.models import Role
from shutafut.api.common import etag, if_match, paginate, town_for
from shutafut.organizations.access import access_organization
from shutafut.organizations.selectors import organization_list
from shutafut.organizations.services import organization_create, organization_update

router = Router(tags=["organizations"])


class OrganizationOut(Schema):
    id: int
    town: str
    name: str
    name_en: str
    sector: str
    subtype: str
    legal_form: str
    hybrid: bool
    registry_number: str
    locality: str
    fields_of_activity: str
    resources_offered: list[str]
    description: str

    @staticmethod
    def resolve_town(obj: Any) -> str:
        return str(obj.town.slug)


class OrganizationPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[OrganizationOut]


class OrganizationIn(Schema):
    town: str
    name: str
    sector: str
    subtype: str
    legal_form: str
    name_en: str = ""
    hybrid: bool = False
    registry_number: str = ""
    locality: str = ""
    fields_of_activity: str = ""
    resources_offered: list[str] = []
    description: str = ""


class OrganizationPatch(Schema):
    name: str | None = None
    name_en: str | None = None
    sector: str | None = None
    subtype: str | None = None
    legal_form: str | None = None
    hybrid: bool | None = None
    registry_number: str | None = None
    locality: str | None = None
    fields_of_activity: str | None = None
    resources_offered: list[str] | None = None
    description: str | None = None


@router.get("", response=OrganizationPage)
def list_organizations(
    request: HttpRequest,
    town: str,
    q: str = "",
    sector: str = "",
    subtype: str = "",
    page: int = 1,
    page_size: int = 50,
) -> dict[str, Any]:
    found = organization_list(town=town_for(request, town), q=q, sector=sector, subtype=subtype)
    return paginate(found.select_related("town"), page, page_size)


@router.get("/{int:organization_id}", response=OrganizationOut)
def get_organization(request: HttpRequest, organization_id: int, response: HttpResponse) -> Any:
    """One organization; its ``ETag`` is its version, for ``If-Match`` on a ``PATCH``."""
    return etag(response, access_organization(request.user, organization_id))


@router.post("", response={201: OrganizationOut})
def create_organization(request: HttpRequest, payload: OrganizationIn) -> Any:
    data = payload.dict()
    town = town_for(request, data.pop("town"), Role.MEMBER)
    return Status(201, organization_create(town=town, **data))


@router.patch("/{int:organization_id}", response=OrganizationOut)
def update_organization(
    request: HttpRequest, organization_id: int, payload: OrganizationPatch, response: HttpResponse
) -> Any:
    """Change an organization. With ``If-Match`` (the ``ETag`` of a ``GET``), a record changed meanwhile is not
    overwritten: 412, with the fields that changed and the new ``ETag``."""
    organization = access_organization(request.user, organization_id, role=Role.MEMBER)
    data = payload.dict(exclude_unset=True)
    return etag(response, organization_update(organization, as_of=if_match(request), **data))
