"""How the workspace plugs into the partnerships app below it, which does not know it: the record gates learn
which organizations a user represents (from the member representatives); the partnership page shows
the workspace panel (charter, readiness, culture gaps, stage, progress, health) and the outcomes panel (outcomes
intended and achieved, the members' main contributions, success). ``connect()`` runs in ``WorkspaceConfig.ready``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest

from shutafut.accounts.access import AnyUser
from shutafut.lib.panels import Panel
from shutafut.organizations.access import represented_by
from shutafut.partnerships.models import Partnership
from shutafut.partnerships.panels import PARTNERSHIP_PANELS
from shutafut.workspace.models import MemberRepresentative
from shutafut.workspace.selectors import outcomes_view, partnership_panel_context


def panel_context(request: HttpRequest, partnership: Partnership) -> Mapping[str, Any]:
    return partnership_panel_context(partnership)


def outcomes_panel_context(request: HttpRequest, partnership: Partnership) -> Mapping[str, Any]:
    return {"oc_partnership": partnership, "oc_view": outcomes_view(partnership)}


def represented_organizations(user: AnyUser, town_id: int) -> set[int]:
    """The organizations a user represents: those of the partnership members they act for (the record gates ask)."""
    found = MemberRepresentative.objects.filter(user_id=int(str(user.pk)), member__partnership__town_id=town_id)
    return set(found.values_list("member__organization_id", flat=True))


def connect() -> None:
    represented_by(represented_organizations)
    PARTNERSHIP_PANELS.register(Panel("workspace", "workspace/partnership_panel.html", panel_context, order=10))
    PARTNERSHIP_PANELS.register(Panel("outcomes", "workspace/outcomes_panel.html", outcomes_panel_context, order=15))
