"""The plumbing of the ``shutafut`` command: Django's set-up and subcommands loaded on first use.

The top-level group (shutafut/cli.py) names each subcommand by where it lives, ``"package.module:attribute"``,
instead of importing it. A subcommand is imported only when it runs (or when ``--help`` lists it), so the pure
ones (``diagnose``, ``network metrics``) start without Django, and a subcommand that uses the database is
imported *after* ``django_setup()``: its module imports models at its top like any other module, and never
imports the top-level group back.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import click
import django
from django.apps import apps


def django_setup() -> None:
    """Configure Django (once) for commands that use the database or the translations."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shutafut.settings")
    if not apps.ready:
        django.setup()


@dataclass(frozen=True)
class Subcommand:
    """Where a subcommand lives (``"package.module:attribute"``) and whether it needs Django set up first."""

    target: str
    django: bool = False

    def load(self) -> click.Command:
        if self.django:
            django_setup()
        module, _, attribute = self.target.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.target} is not a click command")
        return command


class LazyGroup(click.Group):
    """A click group whose subcommands are imported when first used (see the module's docstring)."""

    def __init__(self, *args: Any, subcommands: Mapping[str, Subcommand], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subcommands = dict(subcommands)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.subcommands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.subcommands:
            self.add_command(self.subcommands[cmd_name].load(), cmd_name)
        return super().get_command(ctx, cmd_name)
