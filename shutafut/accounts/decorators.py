"""View decorators that put the town gate in front of every town page."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from shutafut.accounts.access import access_town
from shutafut.accounts.models import Role

View = Callable[..., HttpResponse]


def town_view(role: Role = Role.VIEWER) -> Callable[[View], View]:
    """Require login and a membership of at least ``role`` in the URL's town; pass ``town`` and ``membership``."""

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, town: str, *args: Any, **kwargs: Any) -> HttpResponse:
            town_obj, membership = access_town(request.user, town, role=role)
            request.town = town_obj  # type: ignore[attr-defined]
            request.membership = membership  # type: ignore[attr-defined]
            return view(request, town_obj, *args, **kwargs)

        return wrapped

    return decorator
