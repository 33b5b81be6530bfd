"""Writes of relationships between organizations."""

from __future__ import annotations

from typing import Any

from shutafut.accounts.models import Town
from shutafut.lib.services import model_create, model_update
from shutafut.relationships.models import Relationship


def relationship_create(*, town: Town, **fields: Any) -> Relationship:
    return model_create(Relationship, town=town, **fields)


def relationship_update(relationship: Relationship, **fields: Any) -> Relationship:
    return model_update(relationship, **fields)
