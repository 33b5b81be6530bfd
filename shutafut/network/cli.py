"""`shutafut network` (placeholder until the metrics module lands)."""

from __future__ import annotations

import click


@click.group()
def network() -> None:
    """Network analytics on a relationship map."""
