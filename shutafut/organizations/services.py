"""Writes to the organization registry."""

from __future__ import annotations

from typing import Any

from shutafut.accounts.models import Town
from shutafut.lib.services import model_create, model_update
from shutafut.organizations.models import Organization, Person


def organization_create(*, town: Town, **fields: Any) -> Organization:
    return model_create(Organization, town=town, **fields)


def organization_update(organization: Organization, **fields: Any) -> Organization:
    return model_update(organization, **fields)


def person_create(*, organization: Organization, **fields: Any) -> Person:
    return model_create(Person, town=organization.town, organization=organization, **fields)
