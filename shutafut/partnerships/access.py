"""The gate of partnerships (over the generic gate in accounts)."""

from __future__ import annotations

from shutafut.accounts.access import AnyUser, access_owned
from shutafut.accounts.models import Role, Town
from shutafut.partnerships.models import Partnership


def access_partnership(user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER) -> Partnership:
    return access_owned(Partnership.objects.select_related("town", "convener"), user, pk, town=town, role=role)
