"""``gedragscode check`` and ``gedragscode fmt``: validate and lay out DSL files."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import click

import gedragscode
from gedragscode import GedragscodeError
from gedragscode.errors import os_reason
from gedragscode.limits import printable

from .common import EXIT_ERROR, EXIT_FINDINGS, handle_errors, report_error


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[BESTAND|MAP]...")
@handle_errors
def check_command(paths: tuple[Path, ...]) -> None:
    """Controleer DSL-bestanden (.gdc) of mappen; zonder argument het meegeleverde model.

    Meldt alle fouten (niet alleen de eerste) met bestand, regel en kolom, en draait de
    voorbeelden en tegenvoorbeelden van de herkenners. Exitcode 0 als alles klopt, 2 bij fouten.
    """
    for p in paths:
        if not os.path.lexists(p):
            raise GedragscodeError(f"{printable(str(p))}: bestand of map bestaat niet")
    errors = gedragscode.check(list(paths) if paths else None)
    for e in errors:
        report_error(e)
    if errors:
        click.echo(f"{len(errors)} fout(en) gevonden.", err=True)
        sys.exit(EXIT_ERROR)
    what = ", ".join(printable(str(p)) for p in paths) if paths else "het meegeleverde model"
    click.echo(f"In orde: {what}.")


def _dsl_files(paths: tuple[Path, ...]) -> list[Path]:
    """The files named, with every .gdc file below each folder (sorted), as ``check`` takes them."""
    out: list[Path] = []
    for p in paths:
        if os.path.isdir(p):  # os.path: a name over 255 bytes is no folder (and read_capped says why)
            found = sorted(q for q in p.rglob("*.gdc") if q.is_file())
            if not found:
                raise GedragscodeError(f"{printable(str(p))}: geen .gdc-bestanden gevonden in deze map")
            out.extend(found)
        else:
            out.append(p)
    return list(dict.fromkeys(out))


@click.command("fmt")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="BESTAND|MAP...")
@click.option("--check", "check_only", is_flag=True,
              help="Schrijf niets; exitcode 1 als een bestand niet in de vaste opmaak staat.")
@click.option("--write", "-w", is_flag=True, help="Schrijf de opmaak terug in de bestanden.")
@handle_errors
def fmt_command(files: tuple[Path, ...], check_only: bool, write: bool) -> None:
    """Zet DSL-bestanden in de vaste opmaak (inspringing, één opdracht per regel).

    Een map betekent: alle .gdc-bestanden daarin (en in submappen), zoals bij 'check'.
    Zonder --write of --check gaat de opmaak naar standaarduitvoer. Commentaar blijft staan.
    """
    changed: list[Path] = []
    failed = False
    for f in _dsl_files(files):
        if not os.path.lexists(f):
            click.echo(f"{printable(str(f))}: fout: bestand of map bestaat niet", err=True)
            failed = True
            continue
        try:
            raw = gedragscode.read_capped(f)
            text = raw.decode("utf-8-sig")
            formatted = gedragscode.format_source(text, str(f))
        except OSError as exc:
            click.echo(f"{printable(str(f))}: fout: bestand kan niet worden gelezen ({os_reason(exc)})", err=True)
            failed = True
            continue
        except UnicodeDecodeError as exc:
            click.echo(f"{printable(str(f))}: fout: het bestand is geen UTF-8-tekst (byte {exc.start + 1}); "
                       "sla het op als UTF-8", err=True)
            failed = True
            continue
        except GedragscodeError as exc:
            report_error(exc)
            failed = True
            continue
        if formatted != text or raw.startswith(codecs.BOM_UTF8):
            changed.append(f)
        if check_only:
            continue
        if write:
            if f in changed:
                gedragscode.write_output(f, formatted, force=True)
        else:
            click.echo(formatted, nl=False)
    if failed:
        sys.exit(EXIT_ERROR)
    if check_only and changed:
        for f in changed:
            click.echo(f"{printable(str(f))}: niet in de vaste opmaak", err=True)
        sys.exit(EXIT_FINDINGS)
    if write:
        click.echo(f"{len(changed)} bestand(en) opnieuw opgemaakt.", err=True)
