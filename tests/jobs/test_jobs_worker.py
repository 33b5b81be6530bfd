"""A real ``manage.py db_worker`` process runs queued jobs against PostgreSQL: an import to its end, and a task
whose progress the page sees while the task's own transaction is still open."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from django.db import connection

from shutafut.jobs.models import Job
from shutafut.jobs.services import JobInput, job_start
from tests.conftest import REPO
from tests.jobs import tasks

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def database_url() -> str:
    s = connection.settings_dict
    user = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{user}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def worker_env(settings):  # type: ignore[no-untyped-def]
    if connection.vendor != "postgresql":
        pytest.skip("a worker process needs a database it can share: the PostgreSQL pass runs this")
    settings.TASKS = DATABASE_TASKS
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHUTAFUT_")}
    return {**env, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "shutafut.settings"}


def wait_for(check, seconds: float = 20.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("waited in vain")


def test_a_worker_process_runs_an_import_to_its_end_and_shows_progress_inside_the_task_s_transaction(
    worker_env, towns, personas, tmp_path
):
    from shutafut.organizations.models import Organization
    from shutafut.reports import tasks as report_tasks

    rows = "".join(f"58000{i:03d}{d},עמותה {i}\n" for i, d in ((1, 6), (2, 4), (3, 2)))
    upload = JobInput("list.csv", ("ngo_id,ngo_name\n" + rows).encode(), "text/csv")
    imported = job_start(
        town=towns[0],
        user=personas["alice"],
        kind="import-organizations",
        task=report_tasks.import_organizations,
        role="coordinator",
        input_file=upload,
        fmt="guidestar",
        dry_run=False,
        all_localities=False,
        encoding="",
    )
    go = tmp_path / "go"
    waiting = job_start(
        town=towns[0], user=personas["bob"], kind="town-pdf", task=tasks.wait_inside_a_transaction, go_file=str(go)
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0"],
        cwd=REPO,
        env=worker_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        midway = wait_for(lambda: Job.objects.filter(pk=waiting.pk, done=2, total=4, status="running").first())
        assert midway.message == "Checking and writing the rows"
        go.touch()
        output, _ = worker.communicate(timeout=30)
    finally:
        worker.kill()
    assert worker.returncode == 0, output
    imported.refresh_from_db()
    waiting.refresh_from_db()
    assert (imported.status, imported.result["counts"]["create"], imported.done) == ("done", 3, imported.total)
    assert Organization.objects.filter(town=towns[0]).count() == 3
    assert (waiting.status, waiting.result) == ("done", {"went": True})
