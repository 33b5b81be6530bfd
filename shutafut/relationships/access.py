"""The gate of relationships (over the generic gate in accounts): a partner's representative edits the ties their
organization is a side of (see ``organizations.access.require_party``)."""

from __future__ import annotations

from shutafut.accounts.access import AnyUser, access_owned
from shutafut.accounts.models import Role, Town
from shutafut.organizations.access import require_party
from shutafut.relationships.models import Relationship


def access_relationship(
    user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER
) -> Relationship:
    relationship = access_owned(Relationship.objects.select_related("org_a", "org_b"), user, pk, town=town, role=role)
    require_party(user, relationship.town_id, [relationship.org_a_id, relationship.org_b_id], role)
    return relationship
