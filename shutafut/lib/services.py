"""Generic write helpers used by the domain services: validate fully, then save, inside one transaction."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Model

M = TypeVar("M", bound=Model)


@transaction.atomic
def model_create(model: type[M], **fields: Any) -> M:
    """Create and return a ``model`` instance after ``full_clean`` (fields, model rules and constraints)."""
    _refuse_nulls(model, fields)
    instance = model(**fields)
    instance.full_clean()
    instance.save()
    return instance


def _refuse_nulls(model: type[Model], fields: dict[str, Any]) -> None:
    """An explicit null for a field that cannot be null is bad input, named by field (not a crash in clean())."""
    errors = {}
    for name, value in fields.items():
        field = model._meta.get_field(name)
        if value is None and isinstance(field, models.Field) and not field.null:
            errors[name] = ValidationError(field.error_messages["null"], code="null")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def model_update(instance: M, **fields: Any) -> M:
    """Set ``fields`` on ``instance``, validate it fully and save only what changed."""
    _refuse_nulls(type(instance), fields)
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, fields[name])
    if changed:
        instance.full_clean()
        instance.save(update_fields=[*changed, *_auto_now_fields(instance)])
    return instance


def _auto_now_fields(instance: Model) -> list[str]:
    return [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]
