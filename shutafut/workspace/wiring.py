"""How the workspace plugs into the partnerships app below it, which does not know it: the partnership page shows
the workspace panel (charter, readiness, culture gaps, stage, progress, health). ``connect()`` runs in
``WorkspaceConfig.ready``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest

from shutafut.lib.panels import Panel
from shutafut.partnerships.models import Partnership
from shutafut.partnerships.panels import PARTNERSHIP_PANELS
from shutafut.workspace.selectors import partnership_panel_context


def panel_context(request: HttpRequest, partnership: Partnership) -> Mapping[str, Any]:
    return partnership_panel_context(partnership, request.user)


def connect() -> None:
    PARTNERSHIP_PANELS.register(Panel("workspace", "workspace/partnership_panel.html", panel_context, order=10))
