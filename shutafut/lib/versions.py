"""Stale forms: the version of a stored record, and the check that refuses a save made on an older one.

A record's *version* is a fingerprint of what it holds: a short digest of each stored field (its many-to-many
fields included; ``auto_now`` stamps and the primary key left out), in the order of the field names, written as
one URL-safe string. It needs no column and no migration, so every model has one; two saves that leave the same
values give the same version, and a version tells which fields differ from another one.

An edit form carries the version of the record it was drawn from (``lib.forms.VersionedForm``, the hidden field
``as_of``); every edit service passes it on to ``model_update(instance, as_of=...)`` or ``model_delete``, which
lock the row (``select_for_update``), compare, and raise ``StaleVersion`` when someone else saved the record in
between. The API sends the same string as the ``ETag`` of a record and honours ``If-Match`` on ``PATCH``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Field, ManyToManyField, Model
from django.utils.translation import gettext

DIGEST_BYTES = 4
"""Bytes of digest kept per field: a chance of one in four billion that a change goes unseen."""


def _versioned_fields(model: type[Model]) -> list[Field[Any, Any]]:
    concrete = [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False)
    ]
    many = [f for f in model._meta.many_to_many if isinstance(f, ManyToManyField)]
    return sorted([*concrete, *many], key=lambda f: f.name)


def _value(instance: Model, field: Field[Any, Any]) -> Any:
    if isinstance(field, ManyToManyField):
        return sorted(getattr(instance, field.name).values_list("pk", flat=True))
    return field.value_from_object(instance)


def _digests(instance: Model) -> Iterator[tuple[str, bytes]]:
    for field in _versioned_fields(type(instance)):
        text = json.dumps(_value(instance, field), cls=DjangoJSONEncoder, default=str, sort_keys=True)
        yield field.name, hashlib.blake2b(text.encode(), digest_size=DIGEST_BYTES).digest()


def version_of(instance: Model) -> str:
    """The version of ``instance`` as it is in memory (read it fresh from the database to know the stored one)."""
    raw = b"".join(digest for _name, digest in _digests(instance))
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(version: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(version + "=" * (-len(version) % 4))
    except (ValueError, TypeError):
        return None


def changed_since(instance: Model, version: str) -> list[str]:
    """The names of the fields of ``instance`` whose value differs from the one ``version`` was taken of."""
    seen = _decode(version)
    now = list(_digests(instance))
    if seen is None or len(seen) != DIGEST_BYTES * len(now):
        return [name for name, _digest in now]
    return [name for i, (name, digest) in enumerate(now) if seen[i * DIGEST_BYTES : (i + 1) * DIGEST_BYTES] != digest]


class StaleVersion(ValidationError):
    """A save or a delete refused because the record changed after the form was drawn. ``current`` is the stored
    record, ``version`` its version (to save again knowingly) and ``changed`` the names of the fields that differ."""

    def __init__(self, current: Model, changed: list[str]) -> None:
        self.current = current
        self.version = version_of(current)
        self.changed = changed
        labels = [label_of_field(current, name) for name in changed]
        message = gettext(
            "Someone else changed this record after you opened the form (%(fields)s). "
            "Nothing was saved: check what changed, then save again."
        ) % {"fields": ", ".join(labels)}
        super().__init__(message, code="stale")


def check_version(instance: Model, as_of: str | None) -> None:
    """Refuse (``StaleVersion``) when the stored ``instance`` is no longer at version ``as_of``; no version, no
    check. Call it inside the writing transaction: it locks the row until the transaction ends."""
    if not as_of or instance.pk is None:
        return
    stored = type(instance)._default_manager.select_for_update().filter(pk=instance.pk).first()
    if stored is None:
        raise ValidationError(gettext("This record was deleted meanwhile."), code="gone")
    changed = changed_since(stored, as_of)
    if changed:
        raise StaleVersion(stored, changed)


def label_of_field(instance: Model, name: str) -> str:
    return str(getattr(instance._meta.get_field(name), "verbose_name", name))


def shown_value(instance: Model, name: str) -> str:
    """A field's value as a page shows it: a choice by its label, a link by its record, a list joined."""
    field = instance._meta.get_field(name)
    if isinstance(field, ManyToManyField):
        return ", ".join(str(x) for x in getattr(instance, name).all()) or "—"
    if getattr(field, "choices", None):
        display = getattr(instance, f"get_{name}_display", None)
        if display is not None:
            return str(display()) or "—"
    value = getattr(instance, name)
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "—"
    return "—" if value in (None, "") else str(value)


def what_changed(stale: StaleVersion) -> list[tuple[str, str]]:
    """Each changed field of a refused save, by its label, with the value stored now."""
    return [(label_of_field(stale.current, n), shown_value(stale.current, n)) for n in stale.changed]
