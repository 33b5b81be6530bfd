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


def _register_subcommands() -> None:
    from shutafut.diagnosis.cli import diagnose
    from shutafut.network.cli import network

    main.add_command(diagnose)
    main.add_command(network)


_register_subcommands()
