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


def audit_filter_choices(*, town: Town) -> tuple[list[tuple[str, str]], list[str]]:
    """The record types (label, name in the reader's language) and the actors the town's log holds."""
    base = AuditEvent.objects.filter(town=town).order_by()
    labels = {label: AuditEvent(model=label).record_type for label in set(base.values_list("model", flat=True))}
    models = sorted(labels.items(), key=lambda pair: pair[1])
    actors = sorted(set(base.values_list("actor", flat=True)))
    return models, actors
