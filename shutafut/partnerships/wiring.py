"""How the partnerships app plugs into the organizations app below it, which does not know it: the organization
page lists the partnerships it is a member of, and deleting an organization that convened partnerships announces
their change (they lose their convener, which their diagnosis reads). ``connect()`` runs in
``PartnershipsConfig.ready``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models.signals import post_delete, pre_delete
from django.http import HttpRequest

from shutafut.lib.panels import Panel
from shutafut.organizations.models import Organization
from shutafut.organizations.panels import ORGANIZATION_PANELS
from shutafut.partnerships.models import Partnership
from shutafut.partnerships.selectors import partnerships_of
from shutafut.partnerships.services import announce_change

_CONVENED = "_partnerships_convened"


def note_convened(sender: type[Organization], instance: Organization, **kwargs: Any) -> None:
    """Before an organization is deleted: remember the partnerships it convened (their link is cleared next)."""
    setattr(instance, _CONVENED, list(Partnership.objects.filter(convener=instance).values_list("pk", flat=True)))


def announce_convened(sender: type[Organization], instance: Organization, **kwargs: Any) -> None:
    """After it is deleted: announce the change of each partnership it convened, in the same transaction."""
    for partnership in Partnership.objects.filter(pk__in=instance.__dict__.pop(_CONVENED, [])):
        announce_change(partnership)


def panel_context(request: HttpRequest, organization: Organization) -> Mapping[str, Any]:
    return {"partnerships": partnerships_of(organization)}


def connect() -> None:
    pre_delete.connect(note_convened, sender=Organization, dispatch_uid="partnerships_note_convened")
    post_delete.connect(announce_convened, sender=Organization, dispatch_uid="partnerships_announce_convened")
    ORGANIZATION_PANELS.register(Panel("partnerships", "partnerships/organization_panel.html", panel_context, order=20))
