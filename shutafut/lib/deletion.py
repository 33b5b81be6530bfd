"""What deleting a record takes with it, what it leaves without a link, and what forbids it.

``deletion_plan`` asks Django's own collector (the one the admin's confirmation page uses) instead of walking the
relations by hand, so that a model added later is counted without anyone listing it. A confirmation page shows the
plan; ``lib.services.model_delete`` refuses a delete that a protected link forbids (naming what holds it, never a
500) and otherwise deletes in one transaction.

Records that go with the deleted one are shown by kind and count only: some are a respondent's answers, which no
page shows one by one. Records that forbid the delete are named, with a link to where they can be changed when the
model has a ``get_absolute_url``, and with their context when it has a ``deletion_context()`` (the partnership a
member belongs to, say).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.admin.utils import NestedObjects
from django.db import router
from django.db.models import Model


@dataclass(frozen=True)
class Kind:
    """Records of one kind: its plural name and how many."""

    label: str
    count: int


@dataclass(frozen=True)
class Blocker:
    """A record whose protected link forbids the delete."""

    kind: str
    name: str
    context: str = ""
    url: str = ""


@dataclass(frozen=True)
class DeletionPlan:
    record: Model
    deleted: list[Kind] = field(default_factory=list)
    """What goes with the record (the record itself left out)."""
    unlinked: list[Kind] = field(default_factory=list)
    """What stays but loses its link to the record."""
    blockers: list[Blocker] = field(default_factory=list)
    """What forbids the delete: when any, nothing is deleted."""

    @property
    def allowed(self) -> bool:
        return not self.blockers


def _kinds(groups: Iterable[tuple[type[Model], int]]) -> list[Kind]:
    counts: dict[str, int] = {}
    for model, n in groups:
        if model._meta.auto_created or n == 0:
            continue
        label = str(model._meta.verbose_name_plural)
        counts[label] = counts.get(label, 0) + n
    return [Kind(label, n) for label, n in counts.items()]


def _blocker(obj: Model) -> Blocker:
    context = getattr(obj, "deletion_context", None)
    url = getattr(obj, "get_absolute_url", None)
    return Blocker(
        kind=str(obj._meta.verbose_name),
        name=str(obj),
        context=str(context()) if callable(context) else "",
        url=str(url()) if callable(url) else "",
    )


def deletion_plan(record: Model) -> DeletionPlan:
    """What deleting ``record`` would do, found by the collector that ``record.delete()`` itself uses."""
    collector = NestedObjects(using=router.db_for_write(type(record), instance=record))
    collector.collect([record])
    found: dict[Any, set[Model]] = collector.model_objs  # keyed by model class (the stubs say str)
    deleted = [(model, len(objs - {record})) for model, objs in found.items()]
    updates: dict[tuple[Any, Any], list[Any]] = collector.field_updates
    unlinked = [(fk.model, sum(len(batch) for batch in batches)) for (fk, _value), batches in updates.items()]
    blockers = sorted((_blocker(obj) for obj in collector.protected), key=lambda b: (b.kind, b.context, b.name))
    return DeletionPlan(record, _kinds(deleted), _kinds(unlinked), blockers)
