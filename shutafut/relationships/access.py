"""The gate of relationships (over the generic gate in accounts)."""

from __future__ import annotations

from shutafut.accounts.access import AnyUser, access_owned
from shutafut.accounts.models import Role, Town
from shutafut.relationships.models import Relationship


def access_relationship(
    user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER
) -> Relationship:
    return access_owned(Relationship.objects.select_related("org_a", "org_b"), user, pk, town=town, role=role)
