"""``shutafut backup FILE``, ``shutafut restore FILE`` and ``shutafut scheduled-backup``.

Listed in shutafut/cli.py, which sets Django up before it imports this module.
"""

from __future__ import annotations

import click
from django.conf import settings

from shutafut.audit.context import acting_as
from shutafut.backup import RestoreError, backup, restore, scheduled_backup, scheduled_backup_task


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
def backup_command(file: str) -> None:
    """Write every record of the database to FILE (portable JSON; gzip when FILE ends in .gz)."""
    n = backup(file)
    click.echo(f"{n} records written to {file}")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--replace", is_flag=True, help="Delete the data already in the database first.")
def restore_command(file: str, replace: bool) -> None:
    """Load the backup FILE into an empty, migrated database, all or nothing."""
    try:
        with acting_as("system"):
            n = restore(file, replace=replace)
    except RestoreError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{n} records restored from {file}")


@click.command("scheduled-backup")
@click.option("--now", is_flag=True, help="Write it in this process instead of asking a worker.")
def scheduled_backup_command(now: bool) -> None:
    """Back up into SHUTAFUT_BACKUP_DIR, keeping the newest SHUTAFUT_BACKUP_KEEP files (deploy/shutafut-backup.timer).

    By default a background worker writes it (the timer's machine needs no access to the backup folder)."""
    if now:
        path, removed = scheduled_backup(folder=settings.BACKUP_DIR, keep=settings.BACKUP_KEEP)
        click.echo(f"{path} written; {len(removed)} older backups removed")
        return
    result = scheduled_backup_task.enqueue()
    click.echo(f"backup queued for a worker (task {result.id}); it writes into {settings.BACKUP_DIR}")


@click.group("data")
def data_group() -> None:
    """Backup and restore."""


data_group.add_command(backup_command)
data_group.add_command(restore_command)
