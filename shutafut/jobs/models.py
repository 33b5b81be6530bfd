"""A town's background work, as its people follow it: what runs, how far it got, what came out or went wrong.

The work itself is a task of Django's Tasks API (``django_tasks``), run by ``manage.py db_worker`` processes; a
``Job`` is the record people see. The task writes its progress and result here (``shutafut.jobs.services``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.models import Role, Town
from shutafut.jobs.kinds import KINDS


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(_("kind"), max_length=40)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    role = models.CharField(_("role needed to see it"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    language = models.CharField(_("language"), max_length=10)
    params = models.JSONField(_("what was asked"), default=dict, blank=True)
    task_result_id = models.CharField(_("task result"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    message = models.CharField(
        _("message"), max_length=200, blank=True, help_text=_("In the source language; translated when shown.")
    )
    message_params = models.JSONField(_("message values"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True, help_text=_("In the language of the person who started it."))
    back_url = models.CharField(_("back to"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["town", "-created_at"], name="job_town_recent")]
        constraints = [
            models.CheckConstraint(condition=models.Q(done__lte=models.F("total")), name="job_done_within_total")
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def title(self) -> str:
        return str(KINDS.get(self.kind, self.kind))

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int | None:
        """How far the work got, 0-100, or None while the task has not said how much there is."""
        if self.status == self.Status.DONE:
            return 100
        if not self.total:
            return None
        return min(100, self.done * 100 // self.total)

    def message_text(self) -> str:
        """The progress message in the active language, with its values."""
        if not self.message:
            return ""
        text = gettext(self.message)
        params: dict[str, Any] = self.message_params or {}
        return text % params if params else text


class JobFile(models.Model):
    """A file a job reads (an upload) or writes (a PDF to download), kept in the database so that every web
    server and every worker, on any machine, reads the same bytes."""

    class Purpose(models.TextChoices):
        INPUT = "input", _("input")
        OUTPUT = "output", _("output")

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="files")
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    content = models.BinaryField(_("content"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("job file")
        verbose_name_plural = _("job files")
        constraints = [models.UniqueConstraint(fields=["job", "purpose"], name="one_job_file_per_purpose")]

    def __str__(self) -> str:
        return self.name
