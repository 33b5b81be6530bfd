"""The town gate in front of every town page, and the request type it hands to the view.

A town view is declared once with the least role it needs: ``@town_view(Role.MEMBER)``. The decorator requires a
login and a membership of at least that role in the URL's town (the same 404 for a missing town and one the user
does not belong to), then calls the view with the ``Town`` and a ``TownRequest``, which carries the town and the
membership, so a view never checks the town role again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, cast

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse

from shutafut.accounts.access import access_town
from shutafut.accounts.models import Membership, Role, Town

P = ParamSpec("P")


class TownRequest(HttpRequest):
    """A request that passed the town gate: a logged-in user with a membership in ``town``.

    Used in annotations only (as healthchecks types its authenticated requests); ``town_view`` sets ``town`` and
    ``membership``."""

    user: User
    town: Town
    membership: Membership


TownView = Callable[Concatenate[TownRequest, Town, P], HttpResponse]
UrlView = Callable[..., HttpResponse]
"""What the URL map calls: the request, then the town's slug and the view's own arguments (by keyword)."""


def town_view(role: Role = Role.VIEWER) -> Callable[[TownView[P]], UrlView]:
    """Require login and a membership of at least ``role`` in the URL's town; pass a ``TownRequest`` and the town."""

    def decorator(view: TownView[P]) -> UrlView:
        @wraps(view)
        def wrapped(request: HttpRequest, town: str, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            town_obj, membership = access_town(request.user, town, role=role)
            town_request = cast(TownRequest, request)
            town_request.town = town_obj
            town_request.membership = membership
            return view(town_request, town_obj, *args, **kwargs)

        return login_required(wrapped)

    return decorator
