"""Reads of the jobs app: a job's status for its page and its JSON endpoint, a town's recent jobs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from shutafut.accounts.models import Town
from shutafut.jobs.models import Job, JobFile

WAITING_LONG = 30
"""Seconds in the queue after which the status page says that no worker seems to be running."""


def job_url(job: Job) -> str:
    return reverse("job-detail", kwargs={"town": job.town.slug, "pk": job.pk})


def job_output(job: Job) -> JobFile | None:
    """The file the job made (without its bytes), or None."""
    return job.files.filter(purpose=JobFile.Purpose.OUTPUT).defer("content").first()


def waiting_long(job: Job) -> bool:
    return job.status == Job.Status.QUEUED and (timezone.now() - job.created_at).total_seconds() > WAITING_LONG


def job_status(job: Job) -> dict[str, Any]:
    """What the status page shows, in the active language (the JSON endpoint's answer)."""
    return {
        "id": job.pk,
        "kind": job.kind,
        "title": job.title,
        "status": job.status,
        "status_label": str(job.get_status_display()),
        "finished": job.finished,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "message": job.message_text(),
        "error": job.error,
        "waiting_long": waiting_long(job),
        "url": job_url(job),
    }


def recent_jobs(town: Town, kinds: Iterable[str], *, limit: int = 10) -> QuerySet[Job]:
    return Job.objects.filter(town=town, kind__in=list(kinds)).select_related("started_by", "town")[:limit]
