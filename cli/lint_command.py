"""``gedragscode lint``: check existing codes of conduct against the model."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

import gedragscode
from gedragscode import GedragscodeError

if TYPE_CHECKING:
    from gedragscode import LintFailure, LintResult

from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, handle_errors

FORMATS = ("text", "json", "sarif", "html")
LEVELS = {"info": 1, "waarschuwing": 2, "fout": 3}


def _offices(values: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for value in values:
        out.extend(o.strip() for o in value.split(",") if o.strip())
    return list(dict.fromkeys(out))


def _check_body(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The --body value must be a body of the bundled model; the choices come from the model."""
    if value is None:
        return None
    known = [b.id for b in gedragscode.load_model().bodies]
    if value not in known:
        raise click.BadParameter(f"onbekend lichaam '{value}'; kies uit: " + ", ".join(known))
    return value


def _render(results: Sequence[LintResult | LintFailure], fmt: str, *, color: bool, suggest: bool,
            single: bool) -> str:

    return gedragscode.render_report(results, fmt, color=color, suggest=suggest, single=single)


def _fails(result: LintResult, threshold: int) -> bool:
    for clause in result.clauses:
        if clause.status in ("missing", "outdated") and clause.severity and LEVELS[clause.severity] >= threshold:
            return True
    return False


@click.command("lint")
@click.argument("paths", nargs=-1, required=True, metavar="PAD...")
@click.option("--body", metavar="LICHAAM", callback=_check_body,
              help="Het soort lichaam (een lichaam uit het model), in plaats van het zelf te herkennen.")
@click.option("--office", "offices", multiple=True, metavar="AMBT[,AMBT]",
              help="De ambten waarvoor de code geldt (bijvoorbeeld raadslid,wethouder), in plaats van ze te herkennen.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Vorm van het rapport.")
@click.option("--fail-on", type=click.Choice(["fout", "waarschuwing", "info"]), default="waarschuwing",
              show_default=True, help="Exitcode 1 vanaf deze ernst.")
@click.option("--suggest", is_flag=True, help="Geef bij ontbrekende clausules de modeltekst om toe te voegen.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="Schrijf het rapport naar dit bestand in plaats van naar standaarduitvoer.")
@click.option("--force", is_flag=True, help="Overschrijf bestaande uitvoerbestanden.")
@click.option("--summary", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="Schrijf ook een overzicht over alle documenten (.html of .csv).")
@click.option("--color/--no-color", default=None, help="Kleur in het tekstrapport (standaard: op een terminal).")
@handle_errors
def lint_command(paths: tuple[str, ...], body: str | None, offices: tuple[str, ...], fmt: str, fail_on: str,
                 suggest: bool, output: Path | None, force: bool, summary: Path | None,
                 color: bool | None) -> None:
    """Toets bestaande gedragscodes aan de geactualiseerde handreiking.

    PAD is een bestand (tekst, Markdown, HTML, DOCX, PDF of XML), een map (alle
    ondersteunde bestanden daarin) of - voor standaardinvoer. Per clausule meldt lint of
    zij aanwezig is (met vindplaats), verouderd of ontbreekt; ontbrekende wettelijke
    clausules zijn een fout, aanbevolen een waarschuwing, optionele info.

    \b
    Voorbeelden:
      gedragscode lint code.pdf
      gedragscode lint --body gemeente --office raadslid,commissielid code.docx
      gedragscode lint codes/ --format json -o rapport.json --summary overzicht.html

    Exitcodes: 0 niets op of boven --fail-on, 1 wel, 2 fout in gebruik of invoer.
    """
    from gedragscode import LintFailure, LintResult  # the lint engine's types only when linting

    office_list = _offices(offices)
    results: list[LintResult | LintFailure] = []
    several = len(paths) > 1 or any(Path(p).is_dir() for p in paths if p != "-")
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            try:
                results.append(gedragscode.lint("-", data=data, body=body, offices=office_list or None,
                                                suggest=suggest))
            except GedragscodeError as exc:
                results.append(LintFailure("-", exc.message))
        else:
            results.extend(gedragscode.lint_paths([p], body=body, offices=office_list or None, suggest=suggest))
    if not results:
        raise GedragscodeError("geen ondersteunde documenten gevonden in " + ", ".join(paths))
    use_color = (color if color is not None else (output is None and sys.stdout.isatty())) and fmt == "text"
    single = not several and len(results) == 1
    report = _render(results, fmt, color=use_color, suggest=suggest, single=single)
    if output is not None:
        gedragscode.write_output(output, report, force=force)
    else:
        click.echo(report, nl=not report.endswith("\n"))
    if summary is not None:

        gedragscode.write_overview(results, summary, force=force)
    broken = [r for r in results if isinstance(r, LintFailure)]
    for failure in broken:
        click.echo(f"{failure.file}: fout: {failure.message}", err=True)
    if broken:
        sys.exit(EXIT_ERROR)
    threshold = LEVELS[fail_on]
    if any(_fails(r, threshold) for r in results if isinstance(r, LintResult)):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)
