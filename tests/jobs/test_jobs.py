"""Background jobs: who may follow one, what its page and JSON say, and how a task's outcome reaches them."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from shutafut.jobs.models import Job
from shutafut.jobs.services import job_start, one_task_scope, report_progress
from tests.jobs import tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _progress_forgotten_after_each_test():  # type: ignore[no-untyped-def]
    """report_progress remembers its last write of each job for as long as a task runs; these tests call it outside
    a task, and SQLite gives a rolled-back job's id to the next test's job: each test is one task's scope."""
    with one_task_scope():
        yield


def start(town, user, task, *, role="viewer", language="he", **params):  # type: ignore[no-untyped-def]
    from django.utils import translation

    with translation.override(language):
        return job_start(town=town, user=user, kind="town-pdf", task=task, role=role, **params)


def test_a_job_is_queued_until_its_transaction_commits_and_then_runs(
    towns, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = start(towns[0], personas["bob"], tasks.count_to, total=3)
    job.refresh_from_db()
    assert job.status == "queued" and len(callbacks) == 1
    callbacks[0]()
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.result["counted"]) == ("done", 3, 3, 3)
    assert job.task_result_id and job.started_at and job.finished_at and job.params == {"total": 3}


def test_a_task_runs_in_the_language_of_whoever_started_it(towns, personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start(towns[0], personas["bob"], tasks.count_to, language="en", total=1)
    job.refresh_from_db()
    assert job.language == "en" and job.result["language"] == "Done"


def test_a_job_of_another_town_and_a_missing_job_get_the_same_404(client, towns, personas):
    job = start(towns[0], personas["alice"], tasks.count_to, total=1)
    client.force_login(personas["charlie"])
    for url in (f"/t/town-b/jobs/{job.pk}/", f"/t/town-a/jobs/{job.pk}/", "/t/town-b/jobs/999999/"):
        assert client.get(url).status_code == 404
        assert client.get(url + "status.json").status_code == 404
    client.force_login(personas["bob"])
    assert client.get(f"/t/town-a/jobs/{job.pk}/").status_code == 200


def test_a_member_whose_role_is_below_the_job_s_is_refused(client, towns, personas):
    job = start(towns[0], personas["alice"], tasks.count_to, role="coordinator", total=1)
    client.force_login(personas["carol"])
    assert client.get(f"/t/town-a/jobs/{job.pk}/status.json").status_code == 403
    client.force_login(personas["alice"])
    assert client.get(f"/t/town-a/jobs/{job.pk}/status.json").status_code == 200


def test_the_status_json_gives_progress_and_the_message_in_the_reader_s_language(client, towns, personas):
    job = start(towns[0], personas["bob"], tasks.count_to, total=1)
    report_progress(job.pk, 30, 120, "Checking and writing the rows")
    client.force_login(personas["bob"])
    status = client.get(f"/t/town-a/jobs/{job.pk}/status.json", HTTP_ACCEPT_LANGUAGE="en").json()
    assert (status["done"], status["total"], status["percent"], status["finished"]) == (30, 120, 25, False)
    assert status["message"] == "Checking and writing the rows" and status["status_label"] == "Waiting for a worker"
    hebrew = client.get(f"/t/town-a/jobs/{job.pk}/status.json", HTTP_ACCEPT_LANGUAGE="he").json()
    assert hebrew["message"] != status["message"] and hebrew["message"]


def test_the_polled_status_does_not_read_the_job_s_result(client, towns, personas):
    job = start(towns[0], personas["bob"], tasks.count_to, total=1)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE, result={"rows": ["a row's outcome"] * 5000})
    client.force_login(personas["bob"])
    with CaptureQueriesContext(connection) as queries:
        status = client.get(f"/t/town-a/jobs/{job.pk}/status.json").json()
    assert status["finished"] is True
    job_reads = [q["sql"] for q in queries.captured_queries if 'FROM "jobs_job"' in q["sql"]]
    assert job_reads and not any('"jobs_job"."result"' in sql for sql in job_reads)


def test_progress_past_the_total_is_held_at_the_total(towns, personas):
    job = start(towns[0], personas["bob"], tasks.count_to, total=1)
    report_progress(job, 15, 10, "")
    job.refresh_from_db()
    assert (job.done, job.total) == (10, 10)


def test_the_running_page_carries_the_progress_bar_and_its_script_and_no_inline_code(client, towns, personas):
    job = start(towns[0], personas["bob"], tasks.count_to, total=1)
    report_progress(job, 1, 4, "Checking and writing the rows")
    client.force_login(personas["bob"])
    page = client.get(f"/t/town-a/jobs/{job.pk}/").content.decode()
    assert '<progress id="job-progress"' in page and 'max="4" value="1"' in page
    assert f'data-job-status-url="/t/town-a/jobs/{job.pk}/status.json"' in page
    assert 'src="/static/jobs/job.js"' in page and "<script>" not in page and "style=" not in page


def test_a_task_that_gives_up_ends_its_job_with_the_reason(towns, personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start(towns[0], personas["bob"], tasks.refuse, language="en")
    job.refresh_from_db()
    assert (job.status, job.error) == ("failed", "This partnership no longer exists.")


def test_an_unexpected_error_is_logged_and_its_job_says_so_in_the_starter_s_language(
    client, towns, personas, django_capture_on_commit_callbacks, caplog
):
    with (
        caplog.at_level(logging.ERROR, logger="shutafut.jobs.services"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        job = start(towns[0], personas["bob"], tasks.crash, language="en")
    job.refresh_from_db()
    assert job.status == "failed" and job.error.startswith("The work stopped because of an unexpected error")
    assert any("RuntimeError: a bug" in (r.exc_text or "") for r in caplog.records)
    client.force_login(personas["bob"])
    page = client.get(f"/t/town-a/jobs/{job.pk}/").content.decode()
    assert 'role="alert"' in page and "a bug" not in page


def test_a_finished_job_offers_its_file_and_an_unfinished_one_does_not(
    client, towns, personas, django_capture_on_commit_callbacks
):
    waiting = start(towns[0], personas["bob"], tasks.count_to, total=1)
    with django_capture_on_commit_callbacks(execute=True):
        done = start(towns[0], personas["bob"], tasks.count_to, total=7)
    client.force_login(personas["bob"])
    assert client.get(f"/t/town-a/jobs/{waiting.pk}/file").status_code == 404
    response = client.get(f"/t/town-a/jobs/{done.pk}/file")
    assert response.content == b"7" and response["Content-Disposition"] == 'attachment; filename="count.txt"'
    assert "count.txt" in client.get(f"/t/town-a/jobs/{done.pk}/").content.decode()


def test_the_page_says_so_when_no_worker_has_taken_the_job_for_a_while(client, towns, personas):
    job = start(towns[0], personas["bob"], tasks.count_to, total=1)
    client.force_login(personas["bob"])
    assert client.get(f"/t/town-a/jobs/{job.pk}/status.json").json()["waiting_long"] is False
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(minutes=5))
    assert client.get(f"/t/town-a/jobs/{job.pk}/status.json").json()["waiting_long"] is True
    page = client.get(f"/t/town-a/jobs/{job.pk}/").content.decode()
    assert "data-job-waiting>" in page


def test_a_running_job_whose_worker_stopped_long_ago_fails_with_a_reason_when_someone_looks(client, towns, personas):
    job = start(towns[0], personas["bob"], tasks.count_to, language="en", total=1)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    client.force_login(personas["bob"])
    url = f"/t/town-a/jobs/{job.pk}/status.json"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()["status"] == "running"  # it just started
    Job.objects.filter(pk=job.pk).update(updated_at=timezone.now() - dt.timedelta(minutes=20))
    said = client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    assert said["status"] == "failed"
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.finished_at is not None
    assert said["error"] == job.error == "The worker doing this work stopped before it finished. Start it again."


def test_an_unknown_kind_of_job_is_refused_before_anything_is_written(towns, personas):
    with pytest.raises(ValueError, match="unknown job kind"):
        job_start(town=towns[0], user=personas["bob"], kind="no-such-kind", task=tasks.count_to, total=1)
    assert not Job.objects.exists()


def test_a_task_that_reports_inside_its_transaction_leaves_no_second_session_open(
    towns, personas, tmp_path, django_capture_on_commit_callbacks
):
    if connection.vendor != "postgresql":
        pytest.skip("the second connection is PostgreSQL's (SQLite waits for the commit instead)")

    def sessions() -> set[int]:
        with connection.cursor() as cursor:  # the statistics are a snapshot per transaction: take a new one
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
            return {pid for (pid,) in cursor.fetchall()}

    go = tmp_path / "go"
    go.touch()
    before = sessions()
    with django_capture_on_commit_callbacks(execute=True):
        job = start(towns[0], personas["bob"], tasks.wait_inside_a_transaction, go_file=str(go))
    job.refresh_from_db()
    assert job.status == "done" and sessions() - before == set()


def test_pruning_deletes_finished_jobs_older_than_the_limit_with_their_files(towns, personas, settings):
    from click.testing import CliRunner

    from tests.jobs.test_jobs_worker import DATABASE_TASKS

    settings.TASKS = DATABASE_TASKS  # as in production: the task results are pruned too

    from shutafut.jobs.models import JobFile
    from shutafut.production_cli import prune_jobs_command

    long_ago = timezone.now() - dt.timedelta(days=40)
    old = Job.objects.create(town=towns[0], kind="town-pdf", language="he", status="done", finished_at=long_ago)
    JobFile.objects.create(
        job=old, purpose="output", name="r.pdf", content_type="application/pdf", size=1, content=b"%"
    )
    recent = Job.objects.create(
        town=towns[0], kind="town-pdf", language="he", status="failed", finished_at=timezone.now()
    )
    stuck = Job.objects.create(town=towns[0], kind="town-pdf", language="he", status="running")
    Job.objects.filter(pk=stuck.pk).update(created_at=long_ago)
    result = CliRunner().invoke(prune_jobs_command, ["--days", "30"])
    assert result.exit_code == 0, result.output
    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, stuck.pk} and not JobFile.objects.exists()


def test_the_admin_lists_jobs_to_read_but_not_to_change(client, towns, personas, django_user_model):
    job = start(towns[0], personas["bob"], tasks.count_to, total=1)
    client.force_login(django_user_model.objects.create_superuser(username="root", password="pw-root"))
    assert "town-pdf" in client.get("/admin/jobs/job/").content.decode()
    page = client.get(f"/admin/jobs/job/{job.pk}/change/").content.decode()
    assert 'name="_save"' not in page and client.get("/admin/jobs/job/add/").status_code == 403
