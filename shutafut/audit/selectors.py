from __future__ import annotations

from django.db.models import QuerySet

from shutafut.accounts.models import Town
from shutafut.audit.models import AuditEvent


def audit_events(*, town: Town, model: str = "", actor: str = "") -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.filter(town=town)
    if model:
        events = events.filter(model=model)
    if actor:
        events = events.filter(actor=actor)
    return events


def audit_filter_choices(*, town: Town) -> tuple[list[str], list[str]]:
    base = AuditEvent.objects.filter(town=town).order_by()
    models = sorted(set(base.values_list("model", flat=True)))
    actors = sorted(set(base.values_list("actor", flat=True)))
    return models, actors
