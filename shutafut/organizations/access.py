"""The gates of organizations and the people who represent them (over the generic gate in accounts)."""

from __future__ import annotations

from shutafut.accounts.access import AnyUser, access_owned
from shutafut.accounts.models import Role, Town
from shutafut.organizations.models import Organization, Person


def access_organization(
    user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER
) -> Organization:
    return access_owned(Organization.objects.select_related("town"), user, pk, town=town, role=role)


def access_person(user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER) -> Person:
    return access_owned(Person.objects.select_related("organization"), user, pk, town=town, role=role)
