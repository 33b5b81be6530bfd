"""`shutafut diagnose FILE`: diagnose one partnership record (JSON or YAML) with the pure engine."""

from __future__ import annotations

import json

import click

from shutafut.diagnosis.engine import DiagnosisError, load_file, to_dict, to_text
from shutafut.diagnosis.engine import diagnose as run_diagnosis


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", type=click.Choice(["he", "en"]), default="he", show_default=True, help="Language of reasons.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="Output format.",
)
def diagnose(file: str, lang: str, fmt: str) -> None:
    """Diagnose the partnership described in FILE (JSON or YAML; format in docs/diagnosis.md).

    Exits with code 2 and the field path when FILE does not follow the input format.
    """
    try:
        partnership = load_file(file)
    except DiagnosisError as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        raise SystemExit(exc.exit_code) from exc
    result = run_diagnosis(partnership)
    if fmt == "json":
        click.echo(json.dumps(to_dict(result, lang), ensure_ascii=False, indent=2))
    else:
        click.echo(to_text(result, lang), nl=False)
