"""How the diagnosis app plugs into the partnerships app below it, which does not know it.

- Every change to a partnership's records (``partnership_changed``) refreshes its diagnosis history, in the same
  transaction; a ``partnership_batch`` sends it once, at its end, so an import is diagnosed once.
- The partnership page shows the diagnosis panel (``PARTNERSHIP_PANELS``), with a question for each fact that would
  decide an unknown test (``asks``), and the partnership list each one's diagnosed rung (``PARTNERSHIP_COLUMNS``).

``connect()`` runs in ``DiagnosisConfig.ready``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from shutafut.diagnosis.asks import asks_for
from shutafut.diagnosis.selectors import diagnosed_rungs
from shutafut.diagnosis.services import diagnosis_context, diagnosis_refresh
from shutafut.lib.panels import Column, Panel
from shutafut.partnerships.models import Partnership
from shutafut.partnerships.panels import PARTNERSHIP_COLUMNS, PARTNERSHIP_PANELS
from shutafut.partnerships.signals import partnership_changed


def refresh_on_change(sender: object, *, partnership: Partnership, **kwargs: Any) -> None:
    diagnosis_refresh(partnership)


def panel_context(request: HttpRequest, partnership: Partnership) -> Mapping[str, Any]:
    context = diagnosis_context(partnership)
    return {**context, "asks": asks_for(partnership, context["diagnosis"])}


def connect() -> None:
    partnership_changed.connect(refresh_on_change, dispatch_uid="diagnosis_refresh_on_change")
    PARTNERSHIP_PANELS.register(Panel("diagnosis", "diagnosis/panel.html", panel_context, order=20))
    PARTNERSHIP_COLUMNS.register(Column("diagnosis", _("Diagnosed rung"), diagnosed_rungs, order=20))
