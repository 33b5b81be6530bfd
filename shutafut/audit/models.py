"""The audit log: one row per create, update or delete of a town's partnership data."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.models import Town
from shutafut.lib.choices import Labels, label_of

ANSWER_MODELS = frozenset(
    {"workspace.HealthResponse", "workspace.SuccessRating", "surveys.Rating", "surveys.Completion"}
)
"""A respondent's survey answers. Their writes are logged (by whom, when, which kind of record) without content:
no scores, no comments and no name, so that no answer is ever shown per person (results hide groups under 3)."""


class Action(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    IMPORT = "import", _("Imported")
    """One event per written import (reports.services): the file, the format and how many rows did what."""


class AuditEvent(models.Model):
    """Who did what to which record, and when. ``changes`` maps each field to ``[old, new]``.

    The town key has no database constraint and the user is kept by number and name: an event outlives the
    records it describes, and events are written while a town's records are being deleted.
    """

    town = models.ForeignKey(
        Town, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+", verbose_name=_("town")
    )
    user_pk = models.PositiveBigIntegerField(_("user number"), null=True, blank=True)
    actor = models.CharField(_("by"), max_length=150, help_text=_("The user name, or 'system' for commands."))
    action = models.CharField(_("action"), max_length=10, choices=Labels(Action))
    model = models.CharField(_("record type"), max_length=100, help_text="app_label.ModelName")
    object_id = models.CharField(_("record number"), max_length=64)
    object_repr = models.CharField(_("record"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["town", "-at"]), models.Index(fields=["town", "model"])]

    def __str__(self) -> str:
        return f"{self.actor} {self.action} {self.model}#{self.object_id}"

    @property
    def is_answer(self) -> bool:
        """True for a respondent's survey answer, whose content the log never holds."""
        return self.model in ANSWER_MODELS

    def _recorded_model(self) -> type[models.Model] | None:
        try:
            return apps.get_model(self.model)
        except (LookupError, ValueError):
            return None

    @property
    def record_type(self) -> str:
        """The record's kind in the reader's language (its model's verbose name), not the model's dotted label."""
        model = self._recorded_model()
        return str(capfirst(model._meta.verbose_name)) if model else self.model

    @property
    def change_rows(self) -> list[tuple[str, Any, Any]]:
        """(field's verbose name, old, new) for each change, in words: a coded value by its label, yes or no, lists
        joined, and what a many-to-many change added or removed."""
        model = self._recorded_model()
        fields: dict[str, Any] = {}
        if model:
            fields = {f.attname: f for f in model._meta.concrete_fields} | {f.name: f for f in model._meta.many_to_many}
        rows = []
        for name, pair in self.changes.items():
            old, new = (list(pair) + [None, None])[:2]
            field = fields.get(name)
            labels = {str(k): v for k, v in field.flatchoices} if field is not None and field.choices else {}
            enum = getattr(model, "audit_value_labels", {}).get(name)
            if enum is not None:
                labels = {str(member.value): label_of(enum, member.value) for member in enum}
            rows.append((_field_name(field, name), _in_words(old, labels), _in_words(new, labels)))
        return rows


# What an import's event records (reports.services.audit_import): its file, its format and how many rows did what.
IMPORT_CHANGES = {
    "file": _("file"),
    "format": _("format"),
    "create": _("created"),
    "update": _("updated"),
    "unchanged": _("unchanged"),
    "skip": _("skipped"),
    "reject": _("rejected"),
}


def _field_name(field: Any, name: str) -> str:
    """A field's verbose name; for a relation named only by its attribute ("added_by"), the related record's; for
    what an import records, its name in words."""
    if field is None:
        return str(capfirst(IMPORT_CHANGES[name])) if name in IMPORT_CHANGES else name
    verbose = field.verbose_name
    if isinstance(verbose, str) and field.is_relation and field.related_model is not None:
        verbose = field.related_model._meta.verbose_name
    return str(capfirst(verbose))


def _in_words(value: Any, labels: dict[str, Any]) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list):
        return ", ".join(str(_in_words(v, labels)) for v in value)
    if isinstance(value, dict):
        verbs = {"add": gettext("added"), "remove": gettext("removed"), "clear": gettext("cleared")}
        return "; ".join(f"{verbs.get(k, k)}: {_in_words(v, labels)}" for k, v in value.items())
    return labels.get(str(value), value)
