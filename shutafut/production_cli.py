"""``shutafut prepare`` (the production profile's install and upgrade step) and ``shutafut prune-jobs`` (nightly
housekeeping). Listed in shutafut/cli.py, which sets Django up before it imports this module.

One process for what ``make serve`` (scripts/serve.sh) does before it starts gunicorn and the workers: apply the
migrations, create the cache table of the shared cache, collect the hashed static files, and run the deploy checks.
"""

from __future__ import annotations

import datetime as dt

import click
from django.core.management import call_command
from django_tasks import default_task_backend
from django_tasks_db import DatabaseBackend

from shutafut.jobs.services import jobs_prune


@click.command("prepare")
def prepare_command() -> None:
    """Migrate, create the cache table, collect static files and run the deploy checks (production)."""
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("check", deploy=True, fail_level="ERROR")


@click.command("prune-jobs")
@click.option("--days", default=30, show_default=True, help="Keep what finished more recently than this.")
def prune_jobs_command(days: int) -> None:
    """Delete finished background jobs (with their uploads and PDFs) and task results older than DAYS."""
    removed = jobs_prune(older_than=dt.timedelta(days=days))
    if isinstance(default_task_backend, DatabaseBackend):  # the tests run tasks at once: no results are kept
        call_command("prune_db_task_results", min_age_days=days, queue_name="*", verbosity=0)
    click.echo(f"{removed} finished jobs older than {days} days deleted")
