from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from shutafut.accounts.access import towns_of


def towns(request: HttpRequest) -> dict[str, Any]:
    """Expose the towns the user belongs to, for the town switcher in the header."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_towns": []}
    return {"user_towns": list(towns_of(user))}
