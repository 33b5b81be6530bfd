"""How the partnerships app plugs into the organizations app below it, which does not know it: the organization
page lists the partnerships it is a member of. ``connect()`` runs in ``PartnershipsConfig.ready``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest

from shutafut.lib.panels import Panel
from shutafut.organizations.models import Organization
from shutafut.organizations.panels import ORGANIZATION_PANELS
from shutafut.partnerships.selectors import partnerships_of


def panel_context(request: HttpRequest, organization: Organization) -> Mapping[str, Any]:
    return {"partnerships": partnerships_of(organization)}


def connect() -> None:
    ORGANIZATION_PANELS.register(Panel("partnerships", "partnerships/organization_panel.html", panel_context, order=20))
