"""Writes of relationships between organizations."""

from __future__ import annotations

from typing import Any

from shutafut.accounts.models import Town
from shutafut.lib.services import model_create, model_delete, model_update
from shutafut.relationships.models import Relationship


def relationship_create(*, town: Town, **fields: Any) -> Relationship:
    return model_create(Relationship, town=town, **fields)


def relationship_update(relationship: Relationship, /, *, as_of: str | None = None, **fields: Any) -> Relationship:
    """Change a relationship; ``as_of`` (the version the form was drawn from) refuses a stale save."""
    return model_update(relationship, as_of=as_of, **fields)


def relationship_delete(*, relationship: Relationship, as_of: str | None = None) -> None:
    model_delete(relationship, as_of=as_of)
