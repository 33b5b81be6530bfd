"""Generic write helpers used by the domain services: validate fully, then save, inside one transaction."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import transaction
from django.db.models import Model

M = TypeVar("M", bound=Model)


@transaction.atomic
def model_create(model: type[M], **fields: Any) -> M:
    """Create and return a ``model`` instance after ``full_clean`` (fields, model rules and constraints)."""
    instance = model(**fields)
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def model_update(instance: M, **fields: Any) -> M:
    """Set ``fields`` on ``instance``, validate it fully and save only what changed."""
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, fields[name])
    if changed:
        instance.full_clean()
        instance.save(update_fields=[*changed, *_auto_now_fields(instance)])
    return instance


def _auto_now_fields(instance: Model) -> list[str]:
    return [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]
