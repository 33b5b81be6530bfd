"""``shutafut prepare``: the production profile's install and upgrade step. Registered in shutafut/cli.py.

One process for what ``make serve`` (scripts/serve.sh) does before it starts gunicorn and the workers: apply the
migrations, create the cache table of the shared cache, collect the hashed static files, and run the deploy checks.
"""

from __future__ import annotations

import click


@click.command("prepare")
def prepare_command() -> None:
    """Migrate, create the cache table, collect static files and run the deploy checks (production)."""
    from shutafut.cli import django_setup

    django_setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("check", deploy=True, fail_level="ERROR")


def register(main: click.Group) -> None:
    main.add_command(prepare_command)
