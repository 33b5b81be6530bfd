"""Starting background work and reporting on it from inside the task.

In a view (or a service)::

    job = job_start(town=town, user=request.user, kind="town-pdf", task=town_pdf, back_url=...)
    return redirect(job_url(job))            # the status page answers at once and follows the work

A task is a module-level function that takes the job first and keyword arguments that JSON can carry::

    @job_task
    def town_pdf(job: Job) -> dict[str, Any]:
        report_progress(job, 0, 2, gettext_noop("Gathering the report's figures"))
        ...
        attach_file(job, name="report.pdf", content=data, content_type="application/pdf")
        return {"pages": 12}                 # the job's result, shown by jobs/result/<kind>.html

``job_task`` runs the function in the language of the person who started the job, marks the job running, done or
failed, and turns ``JobFailed("…")`` into an error that person reads (any other exception is logged, shown as an
unexpected error, and re-raised so that the task result keeps its traceback for the administrators).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task
from django_tasks.base import Task

from shutafut.accounts.models import Role, Town
from shutafut.jobs.kinds import KINDS
from shutafut.jobs.models import Job, JobFile

logger = logging.getLogger(__name__)

JobFunction = Callable[..., dict[str, Any] | None]
PROGRESS_INTERVAL = 0.25
"""Seconds between two progress writes of one job (the last step is always written)."""


class JobFailed(Exception):
    """Raised by a task to end its job with this message for the person who started it (already translated)."""


@dataclass(frozen=True, slots=True)
class JobInput:
    """A file a job reads, e.g. an uploaded spreadsheet."""

    name: str
    content: bytes
    content_type: str = "application/octet-stream"

    @classmethod
    def from_upload(cls, upload: UploadedFile[Any]) -> JobInput:
        content = b"".join(upload.chunks())
        return cls(upload.name or "upload", content, upload.content_type or "application/octet-stream")

    @classmethod
    def from_file(cls, stored: JobFile) -> JobInput:
        return cls(stored.name, bytes(stored.content), stored.content_type)


def job_start(
    *,
    town: Town,
    user: Any,
    kind: str,
    task: Task[..., Any],
    role: Role = Role.VIEWER,
    back_url: str = "",
    input_file: JobInput | None = None,
    **params: Any,
) -> Job:
    """Record a job of ``kind`` for ``town`` and queue ``task(job_id=…, **params)`` once this transaction commits.

    ``role`` is the lowest role in the town that may follow the job and download what it makes; ``params`` must
    be JSON values. The job runs in the active language. Returns the job at once (status "queued").
    """
    if kind not in KINDS:
        raise ValueError(f"unknown job kind {kind!r}: add it to shutafut/jobs/kinds.py")
    with transaction.atomic():
        job = Job(
            town=town,
            kind=kind,
            started_by=user if getattr(user, "is_authenticated", False) else None,
            role=role,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            back_url=back_url[:300],
            params=params,
        )
        job.full_clean()
        job.save()
        if input_file is not None:
            _store_file(job, JobFile.Purpose.INPUT, input_file.name, input_file.content, input_file.content_type)
        transaction.on_commit(functools.partial(_enqueue, job.pk, task, params))
    return job


def _enqueue(job_id: int, task: Task[..., Any], params: dict[str, Any]) -> None:
    result = task.enqueue(job_id=job_id, **params)
    Job.objects.filter(pk=job_id).update(task_result_id=str(result.id))


def _store_file(job: Job, purpose: str, name: str, content: bytes, content_type: str) -> JobFile:
    stored, _created = JobFile.objects.update_or_create(
        job=job,
        purpose=purpose,
        defaults={"name": name[:200], "content": content, "content_type": content_type, "size": len(content)},
    )
    return stored


def attach_file(job: Job, *, name: str, content: bytes, content_type: str) -> JobFile:
    """Keep ``content`` as the file the job made (one per job; a second call replaces it)."""
    return _store_file(job, JobFile.Purpose.OUTPUT, name, content, content_type)


def job_input(job: Job) -> JobFile | None:
    return job.files.filter(purpose=JobFile.Purpose.INPUT).first()


@contextmanager
def job_input_path(job: Job) -> Iterator[Path]:
    """The job's input file on local disk (a temporary copy, removed afterwards), for services that take a path."""
    stored = job_input(job)
    if stored is None:
        raise JobFailed(gettext("The file to work on is missing; start again."))
    suffix = Path(stored.name).suffix.lower()[:6] or ".bin"
    with tempfile.TemporaryDirectory(prefix="shutafut-job-") as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(bytes(stored.content))
        yield path


def jobs_prune(*, older_than: dt.timedelta) -> int:
    """Delete the jobs that finished more than ``older_than`` ago, with their files; return how many."""
    cutoff = timezone.now() - older_than
    finished = Job.objects.filter(status__in=(Job.Status.DONE, Job.Status.FAILED), finished_at__lt=cutoff)
    _total, by_model = finished.delete()
    return by_model.get(Job._meta.label, 0)


# --- inside the task ----------------------------------------------------------------------------------------------


def job_task(func: JobFunction) -> Task[..., Any]:
    """Make ``func(job, **params)`` a task (``django_tasks.task``) that keeps its job's status, result and error."""

    @functools.wraps(func)
    def run(job_id: int, **params: Any) -> dict[str, Any] | None:
        job = Job.objects.select_related("town").filter(pk=job_id).first()
        if job is None:  # deleted before a worker reached it
            return None
        _write(job, status=Job.Status.RUNNING, started_at=timezone.now(), error="")
        with translation.override(job.language), one_task_scope():
            try:
                result = func(job, **params) or {}
            except JobFailed as exc:
                _write(job, status=Job.Status.FAILED, finished_at=timezone.now(), error=str(exc))
                return {"error": str(exc)}
            except Exception:
                logger.exception("job %s (%s) failed", job.pk, job.kind)
                error = gettext(
                    "The work stopped because of an unexpected error. It was logged for the administrators: "
                    "try again, and tell them if it happens again."
                )
                _write(job, status=Job.Status.FAILED, finished_at=timezone.now(), error=error)
                raise
        full = max(job.total, job.done)
        _write(job, status=Job.Status.DONE, finished_at=timezone.now(), result=result, done=full, total=full)
        return result

    return task()(run)


ABANDONED_AFTER = dt.timedelta(minutes=15)
"""A running job whose worker has written nothing for this long lost its worker (stopped, killed, its machine gone).
On PostgreSQL every task here reports progress or ends well within it; on SQLite a task's progress inside its own
transaction is not written (``report_progress``), so only a task that runs longer than this is taken for lost."""


def job_abandon_if_stale(job: Job) -> bool:
    """Mark ``job`` failed, with an error its starter reads, when it is running but its worker has written nothing
    for ``ABANDONED_AFTER``; ``True`` then. A page that shows a job calls this, so that no one waits forever and the
    map (which starts a new job for a failed one) is computed again."""
    now = timezone.now()
    if job.status != Job.Status.RUNNING or job.updated_at > now - ABANDONED_AFTER:
        return False
    with translation.override(job.language):
        error = gettext("The worker doing this work stopped before it finished. Start it again.")
    # Only if nothing was written meanwhile: a worker that reports at this moment keeps its job.
    last_word = job.updated_at
    stale = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, updated_at=last_word)
    if not stale.update(status=Job.Status.FAILED, finished_at=now, error=error, updated_at=now):
        return False
    job.refresh_from_db()
    logger.warning("job %s (%s) abandoned: no word from its worker since %s", job.pk, job.kind, last_word)
    return True


def _write(job: Job, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    Job.objects.filter(pk=job.pk).update(updated_at=timezone.now(), **fields)


_last_write: dict[int, tuple[float, int, str]] = {}
_side = threading.local()


def report_progress(job: Job | int, done: int, total: int, message: str = "", **params: Any) -> None:
    """Tell the job's followers how far the task got: ``done`` of ``total`` (0 when unknown) and a short message.

    ``message`` is the untranslated text (mark it with ``gettext_noop``), with ``%(name)s`` placeholders filled
    from ``params`` when shown. Called often, it writes at most every PROGRESS_INTERVAL seconds. Inside the task's
    own transaction it writes on a second connection on PostgreSQL, so the page sees it before the commit; on
    SQLite it waits for the commit instead (one writer at a time).
    """
    job_id = job if isinstance(job, int) else job.pk
    total = max(total, 0)
    done = min(max(done, 0), total)
    now = time.monotonic()
    last_time, last_done, last_message = _last_write.get(job_id, (0.0, -1, ""))
    if done < total and message == last_message and done > last_done and now - last_time < PROGRESS_INTERVAL:
        return  # a small step of the same stage: the next one will say it
    _last_write[job_id] = (now, done, message)
    fields = {"done": done, "total": total, "message": message[:200], "message_params": params}
    if isinstance(job, Job):
        for name, value in fields.items():
            setattr(job, name, value)
    if not _inside_own_transaction():
        Job.objects.filter(pk=job_id).update(updated_at=timezone.now(), **fields)
    elif connection.vendor == "postgresql":
        _write_on_side_connection(job_id, fields)


def _inside_own_transaction() -> bool:
    # The test runner's own transactions (``_from_testcase``) do not count: they never commit.
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _side_connection() -> BaseDatabaseWrapper:
    side: BaseDatabaseWrapper | None = getattr(_side, "connection", None)
    if side is None:
        side = connections.create_connection(DEFAULT_DB_ALIAS)
        _side.connection = side
    return side


@contextmanager
def one_task_scope() -> Iterator[None]:
    """What report_progress keeps (the second connection, the last writes) lasts one task: a worker does not keep
    a database session open between tasks."""
    try:
        yield
    finally:
        _last_write.clear()
        side: BaseDatabaseWrapper | None = getattr(_side, "connection", None)
        if side is not None:
            side.close()
            _side.connection = None


def _write_on_side_connection(job_id: int, fields: dict[str, Any]) -> None:
    meta = Job._meta
    column = {f.name: f.column for f in meta.concrete_fields}
    sql = (
        f"UPDATE {meta.db_table} SET {column['done']} = %s, {column['total']} = %s, {column['message']} = %s, "
        f"{column['message_params']} = %s::jsonb, {column['updated_at']} = %s WHERE {column['id']} = %s"
    )
    values = [fields["done"], fields["total"], fields["message"], json.dumps(fields["message_params"])]
    side = _side_connection()
    try:
        with side.cursor() as cursor:
            cursor.execute(sql, [*values, timezone.now(), job_id])
    except DatabaseError:  # a dropped connection: progress is a courtesy, the work goes on
        logger.warning("progress of job %s not written", job_id, exc_info=True)
        side.close()
        _side.connection = None
