"""``shutafut demo``: load the demo towns (development only)."""

from __future__ import annotations

import click

from shutafut.demo.loader import load_demo


@click.command()
def demo() -> None:
    """Load the demo towns, organizations, relationships, partnerships and accounts (idempotent)."""
    click.echo(load_demo())
