"""The generic access gate: the town, the user's membership in it, the role check and the single 404.

Every view or API endpoint obtains a town-owned object through the gate of its type, and each app owns the gates
of its own objects (``organizations/access.py`` for organizations and people, ``relationships/access.py``,
``partnerships/access.py``, ``surveys/access.py`` for waves…), written on top of ``access_owned`` here. A gate
resolves the object, then the user's membership in the object's town. An object that is missing and an object of
another town give the same ``Http404``, so a user cannot learn that another town's record exists. A member of the
right town whose role is too low for the action gets ``PermissionDenied``.

This module imports nothing above accounts: the object types come from the apps that call it.
"""

from __future__ import annotations

from typing import TypeVar, cast

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from shutafut.accounts.models import ROLE_RANK, ApiToken, Membership, Role, Town

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
        return Membership(user=cast(User, user), town_id=town_id, role=Role.COORDINATOR)
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


def access_owned(
    queryset: QuerySet[M], user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER
) -> M:
    """The gate of a town-owned object (one with a ``town_id``), for the apps' own gates to build on.

    Return the object of ``queryset`` with primary key ``pk``; raise the same ``Http404`` when there is none, when
    it belongs to another town than ``town`` (the town of the URL, when given) or to a town the user is not a
    member of; raise ``PermissionDenied`` when the user's role there is below ``role``.
    """
    try:
        obj = queryset.filter(pk=int(str(pk))).first()
    except ValueError:
        obj = None
    if obj is None:
        raise Http404
    town_id = int(obj.serializable_value("town"))
    if town is not None and town_id != town.pk:
        raise Http404
    _require(membership_in(user, town_id), role)
    return obj


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
