"""`shutafut diagnose` (placeholder until the diagnosis engine lands)."""

from __future__ import annotations

import click


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def diagnose(file: str) -> None:
    """Diagnose the partnership described in FILE (JSON or YAML)."""
    raise click.ClickException("not implemented yet")
