"""``gedragscode lint``: check existing codes of conduct against the model."""

from __future__ import annotations

import importlib
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

import gedragscode
from gedragscode import GedragscodeError
from gedragscode.limits import MAX_INPUT_BYTES, printable

if TYPE_CHECKING:
    from gedragscode import LintFailure, LintResult, Skipped

from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_NOT_A_CODE, EXIT_OK, handle_errors, size_option

FORMATS = ("text", "json", "jsonl", "sarif", "html")
LEVELS = {"info": 1, "waarschuwing": 2, "fout": 3}
# the report format that an -o file name asks for
_REPORT_SUFFIXES = {".txt": "text", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".sarif": "sarif",
                    ".html": "html", ".htm": "html"}
_SUMMARY_SUFFIXES = (".csv", ".html", ".htm")


def _report_format(fmt: str | None, output: Path | None) -> str:
    """--format, else the format of the -o file name, else text; a name of another format is refused."""
    if output is None:
        return fmt or "text"
    name = output.name.lower()
    suffix = ".sarif" if name.endswith(".sarif.json") else output.suffix.lower()
    inferred = _REPORT_SUFFIXES.get(suffix)
    if suffix and inferred is None:
        raise GedragscodeError(f"een rapport kan niet als {suffix} worden geschreven ({output}); kies een "
                               "bestandsnaam op .txt, .json, .jsonl, .sarif of .html")
    if fmt is not None and inferred is not None and fmt != inferred:
        raise GedragscodeError(f"--format {fmt} past niet bij de bestandsnaam {output}; gebruik --format "
                               f"{inferred} of een andere extensie")
    return fmt or inferred or "text"


def _report_on_screen(output: Path | None, fmt: str) -> bool:
    """True when the text report goes to the terminal, where stderr shows too: say things once."""
    return output is None and fmt == "text" and sys.stdout.isatty()


def _check_targets(output: Path | None, summary: Path | None, force: bool) -> None:
    """Refuse unusable output files before any document is read, not after the whole batch."""
    if summary is not None and summary.suffix.lower() not in _SUMMARY_SUFFIXES:
        raise GedragscodeError(f"het overzicht (--summary) is een .csv- of .html-bestand, niet {summary}")
    for path in (p for p in (output, summary) if p is not None):
        if os.path.lexists(path) and not force:
            raise GedragscodeError(f"Het bestand {printable(str(path))} bestaat al; "
                                   "gebruik --force om het te overschrijven.")
        if not path.parent.is_dir():
            raise GedragscodeError(f"De map {printable(str(path.parent))} bestaat niet; maak die eerst aan.")
    if output is not None and summary is not None and output.resolve() == summary.resolve():
        raise GedragscodeError(f"het rapport (-o) en het overzicht (--summary) kunnen niet allebei naar {output}")


def _offices(values: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for value in values:
        out.extend(o.strip() for o in value.split(",") if o.strip())
    return list(dict.fromkeys(out))


def _check_body(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The --body value names a body of the bundled model, in any form ("Gemeente"); the forms are the model's."""
    if value is None:
        return None
    from gedragscode import startup
    from gedragscode.catalogue import bundled_model  # not load_model: that imports the model parser
    from gedragscode.names import canonical_body

    startup.enable()  # the model's types are the first lint classes this process defines
    try:
        return canonical_body(bundled_model(), value)
    except GedragscodeError as exc:
        raise click.BadParameter(exc.message) from None


def _canonical_offices(body: str | None, offices: list[str]) -> list[str]:
    """The office ids that ``offices`` name in any form ("raadsleden", "Wethouder")."""
    if not offices:
        return []
    from gedragscode.catalogue import bundled_model
    from gedragscode.names import canonical_office

    model = bundled_model()
    return list(dict.fromkeys(canonical_office(model, body, o) for o in offices))


def _fails(result: LintResult, threshold: int) -> bool:
    for clause in result.clauses:
        if clause.status != "not_required" and clause.severity and LEVELS[clause.severity] >= threshold:
            return True
    return False


@click.command("lint")
@click.argument("paths", nargs=-1, required=True, metavar="PAD...")
@click.option("--body", metavar="LICHAAM", callback=_check_body,
              help="Het soort lichaam (een lichaam uit het model), in plaats van het zelf te herkennen.")
@click.option("--office", "offices", multiple=True, metavar="AMBT[,AMBT]",
              help="De ambten waarvoor de code geldt (bijvoorbeeld raadslid,wethouder), in plaats van ze te herkennen.")
@click.option("--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False),
              help="Vorm van het rapport (standaard: afgeleid van de naam na -o, anders text).")
@click.option("--fail-on", type=click.Choice(["fout", "waarschuwing", "info"]), default="waarschuwing",
              show_default=True, help="Exitcode 1 vanaf deze ernst.")
@click.option("--suggest", is_flag=True, help="Geef bij ontbrekende clausules de modeltekst om toe te voegen.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="Schrijf het rapport naar dit bestand (.txt, .json, .jsonl, .sarif of .html) in plaats van "
                   "naar standaarduitvoer; - is standaarduitvoer.")
@click.option("--force", is_flag=True, help="Overschrijf bestaande uitvoerbestanden.")
@click.option("--summary", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="Schrijf ook een overzicht over alle documenten: .html (heatmap) of .csv (voor Excel). "
                   "Documenten die niet te lezen zijn, staan erin als 'niet gecontroleerd'; is geen enkel "
                   "document te lezen, dan wordt er geen overzicht geschreven.")
@click.option("--uitgebreid", "detail", is_flag=True,
              help="Toon in het tekstrapport ook alle aanwijzingen waaraan lichaam en ambten zijn herkend.")
@click.option("--color/--no-color", default=None, help="Kleur in het tekstrapport (standaard: op een terminal).")
@click.option("--geen-gedragscode-ok", "not_a_code_ok", is_flag=True,
              help="Een document dat geen gedragscode lijkt (een README, een reglement van orde) geeft geen "
                   "exitcode 3, ook niet als het het enige is (voor pre-commit over een hele repository).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Controleer zoveel documenten tegelijk (standaard: het aantal processorkernen). "
                   "De uitvoer is dezelfde, in dezelfde volgorde.")
@click.option("--max-grootte", "max_bytes", callback=size_option,
              default=str(MAX_INPUT_BYTES // (1024 * 1024)) + "MB", show_default=True, metavar="GROOTTE",
              help="Lees per document hoogstens zoveel bytes (bijvoorbeeld 50MB, 500KB, 1GB); "
                   "grotere worden geweigerd.")
@click.option("--volg-koppelingen", "follow_links", is_flag=True,
              help="Volg in een map ook symbolische koppelingen die buiten die map wijzen.")
@handle_errors
def lint_command(paths: tuple[str, ...], body: str | None, offices: tuple[str, ...], fmt: str | None,
                 fail_on: str, suggest: bool, output: Path | None, force: bool, summary: Path | None, detail: bool,
                 color: bool | None, not_a_code_ok: bool, jobs: int | None, max_bytes: int,
                 follow_links: bool) -> None:
    """Toets bestaande gedragscodes aan de geactualiseerde handreiking.

    PAD is een bestand (tekst, Markdown, HTML, DOCX, PDF, RTF of XML), een map (alle
    ondersteunde bestanden daarin) of - voor standaardinvoer. Per clausule meldt lint of
    zij aanwezig is (met vindplaats), verouderd of ontbreekt; ontbrekende wettelijke
    clausules zijn een fout, aanbevolen een waarschuwing, optionele info.

    \b
    Voorbeelden:
      gedragscode lint code.pdf
      gedragscode lint --body gemeente --office raadslid,commissielid code.docx
      gedragscode lint codes/ --format json -o rapport.json --summary overzicht.html
      gedragscode lint codes/ --format jsonl --jobs 4 > resultaten.jsonl

    Bij een map of meer bestanden verschijnt het rapport per document zodra dat
    gecontroleerd is (tekst, json en jsonl; sarif en html pas aan het eind).

    Een document dat geen gedragscode lijkt (een README, een boodschappenlijst, een
    reglement van orde zonder integriteitsregels, een .gdc-bestand), wordt niet getoetst:
    het rapport zegt "dit lijkt geen gedragscode" en waarom, en het overzicht zet het apart.

    Exitcodes: 0 niets op of boven --fail-on, 1 wel, 2 fout in gebruik of invoer, 3 geen
    van de documenten lijkt een gedragscode (niet met --geen-gedragscode-ok).
    """
    from gedragscode import startup

    with startup.long_lived():  # the lint modules and the model, loaded once and kept out of the collector's way
        startup.enable()  # a short-lived process: the start-up caches, before the lint modules are imported
        importlib.import_module("gedragscode.lint.engine")  # the lint engine only when linting
        from gedragscode import LintFailure
        from gedragscode.catalogue import bundled_model
        from gedragscode.lint.reports import stream_report

        bundled_model()

    office_list = _canonical_offices(body, _offices(offices)) or None
    several = len(paths) > 1 or any(os.path.isdir(p) for p in paths if p != "-")
    if output is not None and str(output) == "-":
        output = None  # -o - is standard output
    fmt = _report_format(fmt.lower() if fmt else None, output)
    _check_targets(output, summary, force)  # say so now, not after the whole batch
    skipped: list[Skipped] = []
    results = _results(paths, body=body, offices=office_list, suggest=suggest, jobs=jobs, max_bytes=max_bytes,
                       follow_links=follow_links, skipped=skipped)
    first = next(results, None)
    if first is None:
        for item in skipped:
            click.echo(f"{printable(item.file)}: {item.reason}", err=True)
        raise GedragscodeError("geen ondersteunde documenten gevonden in " + ", ".join(printable(p) for p in paths))
    threshold = LEVELS[fail_on]
    broken: list[LintFailure] = []
    overview: list[LintResult | LintFailure] = []
    findings = False
    codes = 0

    def tally(items: Iterator[LintResult | LintFailure]) -> Iterator[LintResult | LintFailure]:
        """Keep what the end needs (failures, exit code, overview rows) as the results pass by."""
        nonlocal findings, codes
        for item in items:
            if isinstance(item, LintFailure):
                broken.append(item)
            else:
                codes += item.is_code
                findings = findings or _fails(item, threshold)
            if summary is not None:
                from gedragscode.lint.reports.overview import for_overview  # only with --summary

                overview.append(for_overview(item))
            yield item

    use_color = (color if color is not None else (output is None and sys.stdout.isatty())) and fmt == "text"
    pieces = stream_report(tally(itertools.chain([first], results)), fmt, color=use_color, suggest=suggest,
                           single=not several, detail=detail)
    if output is not None:
        gedragscode.write_output(output, pieces, force=force)  # streamed: each document as it is checked
    else:
        for piece in pieces:  # each document is printed as soon as it is checked
            click.echo(piece, nl=False)
    if summary is not None:
        if len(broken) == len(overview):
            click.echo(f"Geen overzicht geschreven ({printable(str(summary))}): geen enkel document kon worden "
                       "gecontroleerd.", err=True)
        else:
            gedragscode.write_overview(overview, summary, force=force)
    for item in skipped:
        click.echo(f"{printable(item.file)}: {item.reason}", err=True)
    if not _report_on_screen(output, fmt):  # else the text report on the screen already names them
        for failure in broken:
            click.echo(f"{printable(failure.file)}: fout: {failure.message}", err=True)
    if broken:
        sys.exit(EXIT_ERROR)
    if findings:
        sys.exit(EXIT_FINDINGS)
    if not codes and not not_a_code_ok:
        sys.exit(EXIT_NOT_A_CODE)
    sys.exit(EXIT_OK)


def _results(paths: tuple[str, ...], *, body: str | None, offices: list[str] | None, suggest: bool,
             jobs: int | None, max_bytes: int, follow_links: bool,
             skipped: list[Skipped]) -> Iterator[LintResult | LintFailure]:
    """The results for all ``paths`` in order: files and folders on ``jobs`` processes, ``-`` read here."""
    from gedragscode import LintFailure

    batch: list[str] = []
    for p in [*paths, None]:
        if p is not None and p != "-":
            batch.append(p)
            continue
        if batch:
            yield from gedragscode.iter_lint_paths(batch, body=body, offices=offices, suggest=suggest, jobs=jobs,
                                                   max_bytes=max_bytes, follow_links=follow_links, skipped=skipped)
            batch = []
        if p == "-":
            try:
                data = gedragscode.read_stream_capped(sys.stdin.buffer, max_bytes=max_bytes)
                yield gedragscode.lint("-", data=data, body=body, offices=offices, suggest=suggest,
                                       max_bytes=max_bytes)
            except GedragscodeError as exc:
                yield LintFailure("-", exc.message)
