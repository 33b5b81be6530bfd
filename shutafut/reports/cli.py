"""``shutafut report …`` (PDF reports) and ``shutafut data import …`` (real-data imports).

Listed in shutafut/cli.py, which sets Django up before it imports this module.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click
from django.utils import translation

from shutafut.accounts.cli import TOWN
from shutafut.accounts.models import Town
from shutafut.partnerships.models import Partnership
from shutafut.reports.importers import ORG_IMPORTERS, RowAction
from shutafut.reports.pdf import render_pdf
from shutafut.reports.selectors import partnership_report, town_report
from shutafut.reports.services import authorities_import, funding_import, organizations_import

LANGS = click.Choice(["he", "en"])


@click.group()
def report() -> None:
    """Reports in PDF (the pages offer the same downloads)."""


@report.command("town")
@click.argument("town", type=TOWN, metavar="SLUG")
@click.option("--pdf", "pdf_file", type=click.Path(dir_okay=False, writable=True), required=True)
@click.option("--lang", type=LANGS, default="he", show_default=True)
def report_town(town: Town, pdf_file: str, lang: str) -> None:
    """The town report, 'the state of the cross-sector interface', as a PDF."""
    started = time.perf_counter()
    with translation.override(lang):
        data = render_pdf("reports/town_pdf.html", {"town": town, "r": town_report(town)})
    Path(pdf_file).write_bytes(data)
    click.echo(f"{pdf_file}\t{len(data)} bytes\t{time.perf_counter() - started:.2f} s")


@report.command("partnership")
@click.argument("partnership_id", type=int)
@click.option("--pdf", "pdf_file", type=click.Path(dir_okay=False, writable=True), required=True)
@click.option("--lang", type=LANGS, default="he", show_default=True)
def report_partnership(partnership_id: int, pdf_file: str, lang: str) -> None:
    """The partnership report as a PDF."""
    partnership = Partnership.objects.filter(pk=partnership_id).select_related("town").first()
    if partnership is None:
        raise click.BadParameter(f"no partnership has the id {partnership_id}", param_hint="ID")
    with translation.override(lang):
        context = {"town": partnership.town, "r": partnership_report(partnership)}
        data = render_pdf("reports/partnership_pdf.html", context)
    Path(pdf_file).write_bytes(data)
    click.echo(f"{pdf_file}\t{len(data)} bytes")


@click.group()
def data() -> None:
    """Real data: imports of organizations, funding flows and the local-authorities table."""


@data.group("import")
def data_import() -> None:
    """Import a CSV or XLSX file (see docs/imports.md). Nothing is written when a row is rejected."""


def _echo_result(result: Any, *, verbose: bool) -> None:
    if result.file_error:
        click.echo(f"Error: {result.file_error}", err=True)
        raise SystemExit(2)
    for row in result.rows:
        if row.action is RowAction.REJECT:
            for problem in row.problems:
                click.echo(f"row {row.row}, column {problem.column!r}: {problem.message}", err=True)
        elif verbose:
            detail = row.reason or ", ".join(row.changed)
            action = row.action.label(done=result.written)  # in words, in the language of the summary below
            click.echo(f"row {row.row}\t{action}\t{row.registry_number}\t{row.name}\t{detail}")
    click.echo(result.summary())
    if result.rejected:
        click.echo("Nothing was written." if not result.dry_run else "Dry run: nothing was written.", err=True)
        raise SystemExit(1)
    click.echo("Written." if result.written else "Dry run: nothing was written.")


def _progress(label: str) -> Any:
    return click.progressbar(length=100, label=label, file=sys.stderr)


@data_import.command("organizations")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--town", type=TOWN, required=True, help="The town's short name (slug).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(ORG_IMPORTERS)),
    default="generic",
    show_default=True,
)
@click.option("--dry-run", is_flag=True, help="Report row by row what would happen; write nothing.")
@click.option("--all-localities", is_flag=True, help="Keep rows of every locality, not only the town's.")
@click.option("--encoding", default=None, help="For example cp1255 (Windows Hebrew); UTF-8 by default.")
@click.option("--verbose", "-v", is_flag=True, help="Print every row, not only the rejected ones.")
def import_organizations(
    file: str, town: Town, fmt: str, dry_run: bool, all_localities: bool, encoding: str | None, verbose: bool
) -> None:
    """Import organizations into a town; upsert on the registry number."""
    started = time.perf_counter()
    with _progress("organizations") as bar:
        total = [0]

        def progress(n: int) -> None:
            total[0] += n

        result = organizations_import(
            town=town,
            path=file,
            fmt=fmt,
            dry_run=dry_run,
            all_localities=all_localities,
            encoding=encoding,
            progress=progress,
        )
        bar.update(100)
    _echo_result(result, verbose=verbose or dry_run)
    click.echo(f"{time.perf_counter() - started:.2f} s")


@data_import.command("funding")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--town", type=TOWN, required=True, help="The town's short name (slug).")
@click.option("--dry-run", is_flag=True)
@click.option("--encoding", default=None)
@click.option("--verbose", "-v", is_flag=True)
def import_funding(file: str, town: Town, dry_run: bool, encoding: str | None, verbose: bool) -> None:
    """Import funding flows (funder → organization, year, amount) as budget transfers."""
    with _progress("funding") as bar:
        result = funding_import(town=town, path=file, dry_run=dry_run, encoding=encoding)
        bar.update(100)
    _echo_result(result, verbose=verbose)


@data_import.command("authorities")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True)
@click.option("--encoding", default=None)
@click.option("--verbose", "-v", is_flag=True)
def import_authorities(file: str, dry_run: bool, encoding: str | None, verbose: bool) -> None:
    """Fill the national table of local authorities (local_authorities_2021.csv)."""
    with _progress("authorities") as bar:
        result = authorities_import(path=file, dry_run=dry_run, encoding=encoding)
        bar.update(100)
    _echo_result(result, verbose=verbose)
