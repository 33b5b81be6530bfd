"""Writes to the organization registry."""

from __future__ import annotations

from typing import Any

from shutafut.accounts.models import Town
from shutafut.lib.services import model_create, model_delete, model_update
from shutafut.organizations.models import Organization, Person


def organization_create(*, town: Town, **fields: Any) -> Organization:
    return model_create(Organization, town=town, **fields)


def organization_update(organization: Organization, /, *, as_of: str | None = None, **fields: Any) -> Organization:
    """Change an organization; ``as_of`` (the version the form was drawn from) refuses a stale save."""
    return model_update(organization, as_of=as_of, **fields)


def organization_delete(*, organization: Organization, as_of: str | None = None) -> None:
    """Delete an organization with its people and its ties; refused, naming them, while a partnership counts it as
    a member (a protected link): it leaves the partnership first."""
    model_delete(organization, as_of=as_of)


def person_create(*, organization: Organization, **fields: Any) -> Person:
    return model_create(Person, town=organization.town, organization=organization, **fields)


def person_update(*, person: Person, as_of: str | None = None, **fields: Any) -> Person:
    return model_update(person, as_of=as_of, **fields)


def person_delete(*, person: Person, as_of: str | None = None) -> None:
    model_delete(person, as_of=as_of)
