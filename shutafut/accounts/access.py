"""The access gates: the only way a view or an API endpoint obtains a town-owned object.

One gate per object type. Each resolves the object, then the user's membership in the object's town. An object
that is missing and an object of another town give the same ``Http404``, so a user cannot learn that another
town's record exists. A member of the right town whose role is too low for the action gets ``PermissionDenied``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from shutafut.accounts.models import ROLE_RANK, ApiToken, Membership, Role, Town

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from shutafut.organizations.models import Organization, Person
    from shutafut.partnerships.models import Partnership
    from shutafut.relationships.models import Relationship
    from shutafut.surveys.models import Wave

    AnyUser = AbstractBaseUser | AnonymousUser

M = TypeVar("M", bound=Model)
TOKEN_TOWN = "token_town_id"
"""The attribute the API's token authentication sets on the user: the one town the token may act in."""


def membership_in(user: AnyUser, town_id: int) -> Membership | None:
    """Return the user's membership in the town, or None. A superuser acts as a coordinator everywhere.

    A user acting through an API token (``token_town_id`` set by the API's authentication) is in the token's
    town only: everywhere else they are no member, so every gate answers 404.
    """
    if not user.is_authenticated:
        return None
    scope = getattr(user, TOKEN_TOWN, None)
    if scope is not None and scope != town_id:
        return None
    if getattr(user, "is_superuser", False):
        return Membership(user=user, town_id=town_id, role=Role.COORDINATOR)  # type: ignore[misc]
    return Membership.objects.filter(user_id=user.pk, town_id=town_id).first()


def towns_of(user: AnyUser) -> QuerySet[Town]:
    """Return the towns the user may see."""
    if not user.is_authenticated:
        return Town.objects.none()
    towns = (
        Town.objects.all()
        if getattr(user, "is_superuser", False)
        else Town.objects.filter(memberships__user_id=user.pk)
    )
    scope = getattr(user, TOKEN_TOWN, None)
    return towns if scope is None else towns.filter(pk=scope)


def _require(membership: Membership | None, role: Role) -> Membership:
    if membership is None:
        raise Http404
    if ROLE_RANK[Role(membership.role)] < ROLE_RANK[role]:
        raise PermissionDenied
    return membership


def access_town(user: AnyUser, slug: str, *, role: Role = Role.VIEWER) -> tuple[Town, Membership]:
    """Return the town with this slug and the user's membership, or raise Http404 / PermissionDenied."""
    town = Town.objects.filter(slug=slug).first()
    if town is None:
        raise Http404
    return town, _require(membership_in(user, town.pk), role)


def _access_owned(queryset: QuerySet[M], user: AnyUser, pk: object, town: Town | None, role: Role) -> M:
    try:
        obj = queryset.filter(pk=int(str(pk))).first()
    except ValueError:
        obj = None
    if obj is None:
        raise Http404
    town_id: int = obj.town_id  # type: ignore[attr-defined]
    if town is not None and town_id != town.pk:
        raise Http404
    _require(membership_in(user, town_id), role)
    return obj


def access_organization(
    user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER
) -> Organization:
    from shutafut.organizations.models import Organization

    return _access_owned(Organization.objects.select_related("town"), user, pk, town, role)


def access_person(user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER) -> Person:
    from shutafut.organizations.models import Person

    return _access_owned(Person.objects.select_related("organization"), user, pk, town, role)


def access_relationship(
    user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER
) -> Relationship:
    from shutafut.relationships.models import Relationship

    return _access_owned(Relationship.objects.select_related("org_a", "org_b"), user, pk, town, role)


def access_partnership(user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER) -> Partnership:
    from shutafut.partnerships.models import Partnership

    return _access_owned(Partnership.objects.select_related("town", "convener"), user, pk, town, role)


def access_wave(user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER) -> Wave:
    from shutafut.surveys.models import Wave

    return _access_owned(Wave.objects.select_related("town"), user, pk, town, role)


def access_api_token(user: AnyUser, pk: object) -> ApiToken:
    """An API token that ``user`` may see and revoke: their own, or any token of a town they coordinate."""
    try:
        token = ApiToken.objects.select_related("town", "user").filter(pk=int(str(pk))).first()
    except ValueError:
        token = None
    if token is None:
        raise Http404
    if token.user_id == user.pk:
        return token
    membership = None if token.town_id is None else membership_in(user, token.town_id)
    if membership is None or not membership.allows(Role.COORDINATOR):
        raise Http404
    return token
