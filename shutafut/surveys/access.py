"""The gate of survey waves (over the generic gate in accounts)."""

from __future__ import annotations

from shutafut.accounts.access import AnyUser, access_owned
from shutafut.accounts.models import Role, Town
from shutafut.surveys.models import Wave


def access_wave(user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER) -> Wave:
    return access_owned(Wave.objects.select_related("town"), user, pk, town=town, role=role)
