"""Tasks that exist only for the tests of the jobs app (a worker process imports them by path)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext, gettext_noop

from shutafut.jobs.models import Job
from shutafut.jobs.services import JobFailed, attach_file, job_task, report_progress


@job_task
def count_to(job: Job, *, total: int) -> dict[str, Any]:
    for done in range(total + 1):
        report_progress(job, done, total, gettext_noop("Checking and writing the rows"))
    attach_file(job, name="count.txt", content=str(total).encode(), content_type="text/plain")
    return {"counted": total, "language": gettext("Done")}


@job_task
def refuse(job: Job) -> None:
    raise JobFailed(gettext("This partnership no longer exists."))


@job_task
def crash(job: Job) -> None:
    raise RuntimeError("a bug")


@job_task
def wait_inside_a_transaction(job: Job, *, go_file: str) -> dict[str, Any]:
    """Report progress inside a transaction, then wait (at most 30 s) until the test says go."""
    with transaction.atomic():
        report_progress(job, 2, 4, gettext_noop("Checking and writing the rows"))
        deadline = time.monotonic() + 30
        while not Path(go_file).exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    return {"went": Path(go_file).exists()}
