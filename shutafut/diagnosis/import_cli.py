"""``shutafut partnership import FILE --town SLUG``: a record in the diagnosis input format, as town records."""

from __future__ import annotations

import click
from django.core.exceptions import ValidationError

from shutafut.accounts.cli import TOWN
from shutafut.accounts.models import Town
from shutafut.diagnosis.engine import DiagnosisError, load_file
from shutafut.diagnosis.imports import partnership_import


@click.group()
def partnership() -> None:
    """Partnerships of a town."""


@partnership.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--town", type=TOWN, required=True, help="The town's short name (slug).")
def partnership_import_command(file: str, town: Town) -> None:
    """Import the partnership in FILE (the diagnosis input format, JSON or YAML) into a town."""
    try:
        record = load_file(file)
    except DiagnosisError as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        raise SystemExit(exc.exit_code) from exc
    try:
        created = partnership_import(town=town, record=record)
    except ValidationError as exc:
        click.echo(f"Error: {' '.join(exc.messages)}", err=True)
        raise SystemExit(2) from exc
    click.echo(f"{created.pk}\t{created.name}")
