from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from shutafut.accounts.access import towns_of
from shutafut.accounts.models import Role

NATIONAL_GROUP = "national"
"""Members of this group (and superusers) see the national view: aggregates across towns, never records."""


def towns(request: HttpRequest) -> dict[str, Any]:
    """Expose the towns the user belongs to (for the town switcher) and whether the national view is open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_towns": [], "is_national": False, "is_town_coordinator": False}
    is_national = user.is_superuser or user.groups.filter(name=NATIONAL_GROUP).exists()
    membership = getattr(request, "membership", None)
    is_town_coordinator = membership is not None and membership.allows(Role.COORDINATOR)
    return {"user_towns": list(towns_of(user)), "is_national": is_national, "is_town_coordinator": is_town_coordinator}
