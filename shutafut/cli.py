"""The ``shutafut`` command: one entry point over the project's services.

Subcommands that touch the database set Django up first (``django_setup``); pure ones (diagnose, network
metrics) run without it.
"""

from __future__ import annotations

import os

import click


def django_setup() -> None:
    """Configure Django for commands that use the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shutafut.settings")
    import django

    django.setup()


@click.group()
@click.version_option(package_name="shutafut")
def main() -> None:
    """Shutafut: build, run and assess local cross-sector partnerships."""


@main.command()
def demo() -> None:
    """Load the demo towns, organizations, relationships, partnerships and accounts (idempotent)."""
    django_setup()
    from shutafut.demo.loader import load_demo

    summary = load_demo()
    click.echo(summary)


@main.group()
def partnership() -> None:
    """Partnerships of a town."""


@partnership.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--town", "town_slug", required=True, help="The town's short name (slug).")
def partnership_import_command(file: str, town_slug: str) -> None:
    """Import the partnership in FILE (the diagnosis input format, JSON or YAML) into a town."""
    django_setup()
    from shutafut.accounts.models import Town
    from shutafut.diagnosis.engine import DiagnosisError, load_file
    from shutafut.partnerships.imports import partnership_import

    town = Town.objects.filter(slug=town_slug).first()
    if town is None:
        raise click.BadParameter(f"no town has the short name {town_slug!r}", param_hint="--town")
    try:
        record = load_file(file)
    except DiagnosisError as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        raise SystemExit(exc.exit_code) from exc
    created = partnership_import(town=town, record=record)
    click.echo(f"{created.pk}\t{created.name}")


def _register_subcommands() -> None:
    from shutafut.backup_cli import register as register_backup
    from shutafut.diagnosis.cli import diagnose
    from shutafut.network.cli import network
    from shutafut.production_cli import register as register_production
    from shutafut.reports.cli import data, report

    main.add_command(diagnose)
    main.add_command(network)
    main.add_command(report)
    main.add_command(data)
    register_backup(main)
    register_production(main)


_register_subcommands()
