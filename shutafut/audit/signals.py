"""Signal receivers that write an ``AuditEvent`` for every save and delete of the audited apps' models.

A respondent's survey answers (``ANSWER_MODELS``) are audited too, but without their content: the event says who
wrote which kind of record and when, never the scores, the comment or whose answer it is.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from shutafut.audit.context import current_actor, is_suspended
from shutafut.audit.models import ANSWER_MODELS, AuditEvent

AUDITED_APPS = ("partnerships", "workspace", "organizations", "relationships", "guide")
_OLD = "_audit_old_values"


def is_audited(model: type[models.Model]) -> bool:
    if is_suspended() or model._meta.auto_created:
        return False
    return model._meta.app_label in AUDITED_APPS or is_answer(model)


def is_answer(model: type[models.Model]) -> bool:
    return model._meta.label in ANSWER_MODELS


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, default=str))


def snapshot(instance: models.Model) -> dict[str, Any]:
    return {
        f.attname: _plain(f.value_from_object(instance))
        for f in instance._meta.concrete_fields
        if not f.primary_key and not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False)
    }


def town_id_of(instance: models.Model, depth: int = 4) -> int | None:
    """Find the town an object belongs to: its own ``town_id``, or the town of the object it hangs on."""
    town_id = getattr(instance, "town_id", None)
    if town_id is not None:
        return int(town_id)
    if depth == 0:
        return None
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and getattr(instance, field.attname, None) is not None:
            try:
                parent = getattr(instance, field.name)
            except Exception:  # noqa: BLE001 - a parent already deleted in a cascade
                continue
            found = town_id_of(parent, depth - 1)
            if found is not None:
                return found
    return None


def record(instance: models.Model, action: str, changes: dict[str, Any]) -> None:
    user, actor = current_actor()
    answer = is_answer(type(instance))
    AuditEvent.objects.create(
        town_id=town_id_of(instance),
        user_pk=getattr(user, "pk", None),
        actor=actor[:150],
        action=action,
        model=instance._meta.label,
        object_id=str(instance.pk),
        object_repr="" if answer else str(instance)[:300],
        changes={} if answer else changes,
    )


def on_pre_save(sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if raw or not is_audited(sender) or is_answer(sender) or instance.pk is None:
        return
    old = sender._default_manager.filter(pk=instance.pk).first()
    if old is not None:
        setattr(instance, _OLD, snapshot(old))


def on_post_save(
    sender: type[models.Model], instance: models.Model, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if raw or not is_audited(sender):
        return
    if is_answer(sender):
        record(instance, "create" if created else "update", {})
        return
    new = snapshot(instance)
    old: dict[str, Any] | None = instance.__dict__.pop(_OLD, None)
    if created or old is None:
        record(instance, "create", {k: [None, v] for k, v in new.items() if v not in (None, "", [], {})})
        return
    changes = {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
    if changes:
        record(instance, "update", changes)


def on_post_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if is_audited(sender):
        record(instance, "delete", {k: [v, None] for k, v in snapshot(instance).items() if v not in (None, "")})


def on_m2m_changed(
    sender: type[models.Model], instance: models.Model, action: str, pk_set: set[Any] | None, **kwargs: Any
) -> None:
    if action not in ("post_add", "post_remove", "post_clear") or not is_audited(type(instance)):
        return
    field: str = next(
        (f.name for f in instance._meta.many_to_many if f.remote_field.through is sender),
        str(sender._meta.model_name),
    )
    verb = action.removeprefix("post_")
    record(instance, "update", {field: [None, {verb: sorted(pk_set or [])}]})


def connect() -> None:
    pre_save.connect(on_pre_save, dispatch_uid="audit_pre_save")
    post_save.connect(on_post_save, dispatch_uid="audit_post_save")
    post_delete.connect(on_post_delete, dispatch_uid="audit_post_delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="audit_m2m_changed")
