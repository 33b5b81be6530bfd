"""The audit log: one row per create, update or delete of a town's partnership data."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.models import Town
from shutafut.lib.choices import Labels

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
