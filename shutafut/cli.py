"""The ``shutafut`` command: one entry point over the project's services.

Each subcommand lives next to the code it drives and is imported on first use (``shutafut.lib.cli``): the pure
ones (diagnose, network metrics) run without Django; the others (``django=True``) are imported after Django is
set up, so their modules import models at the top.
"""

from __future__ import annotations

import click

from shutafut.lib.cli import LazyGroup, Subcommand

SUBCOMMANDS = {
    "diagnose": Subcommand("shutafut.diagnosis.cli:diagnose"),
    "network": Subcommand("shutafut.network.cli:network"),
    "demo": Subcommand("shutafut.demo.cli:demo", django=True),
    "partnership": Subcommand("shutafut.diagnosis.import_cli:partnership", django=True),
    "report": Subcommand("shutafut.reports.cli:report", django=True),
    "data": Subcommand("shutafut.reports.cli:data", django=True),
    "backup": Subcommand("shutafut.backup_cli:backup_command", django=True),
    "restore": Subcommand("shutafut.backup_cli:restore_command", django=True),
    "scheduled-backup": Subcommand("shutafut.backup_cli:scheduled_backup_command", django=True),
    "prepare": Subcommand("shutafut.production_cli:prepare_command", django=True),
    "prune-jobs": Subcommand("shutafut.production_cli:prune_jobs_command", django=True),
}


@click.group(cls=LazyGroup, subcommands=SUBCOMMANDS)
@click.version_option(package_name="shutafut")
def main() -> None:
    """Shutafut: build, run and assess local cross-sector partnerships."""
