"""What the ``shutafut`` subcommands share about towns: a town named on the command line by its short name."""

from __future__ import annotations

from typing import Any

import click

from shutafut.accounts.models import Town


class TownParam(click.ParamType[Town]):
    """A town given by its short name (slug); an unknown one is a usage error that names the option."""

    name = "slug"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Town:
        if isinstance(value, Town):
            return value
        town = Town.objects.filter(slug=value).first()
        if town is None:
            self.fail(f"no town has the short name {value!r}", param, ctx)
        return town


TOWN = TownParam()
