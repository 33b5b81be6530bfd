"""Generic write helpers used by the domain services: validate fully, then save, inside one transaction."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models, transaction
from django.db.models import Model
from django.utils.translation import gettext

from shutafut.lib.deletion import deletion_plan
from shutafut.lib.versions import check_version

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
    """Bad input, named by field, rather than a crash further down: an explicit null for a field that cannot be
    null (``clean()`` would fail on it), and a NUL character in any text (PostgreSQL cannot store one; Django's
    forms refuse it with the same message, so the API and the pages answer alike)."""
    errors = {}
    for name, value in fields.items():
        field = model._meta.get_field(name)
        if value is None and isinstance(field, models.Field) and not field.null:
            errors[name] = ValidationError(field.error_messages["null"], code="null")
        elif _holds_nul(value):
            validator = ProhibitNullCharactersValidator()
            errors[name] = ValidationError(validator.message, code=validator.code)
    if errors:
        raise ValidationError(errors)


def _holds_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple):
        return any(_holds_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    return False


@transaction.atomic
def model_update(instance: M, /, *, as_of: str | None = None, **fields: Any) -> M:
    """Set ``fields`` on ``instance``, validate it fully and save only what changed.

    ``as_of`` is the version of the record the user started from (``lib.versions``): when the stored record has
    changed since, nothing is saved and ``StaleVersion`` says what changed."""
    check_version(instance, as_of)
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


@transaction.atomic
def model_delete(instance: Model, /, *, as_of: str | None = None) -> None:
    """Delete ``instance`` with what depends on it, unless a protected link forbids it: then nothing is deleted and
    the refusal names each record that holds it (``lib.deletion``). ``as_of`` as for ``model_update``."""
    check_version(instance, as_of)
    plan = deletion_plan(instance)
    if not plan.allowed:
        names = "; ".join(f"{b.kind}: {b.name}" + (f" ({b.context})" if b.context else "") for b in plan.blockers)
        raise ValidationError(
            gettext("This record cannot be deleted while other records need it: %(names)s.") % {"names": names},
            code="protected",
        )
    instance.delete()
