"""``gedragscode wijzig``: the wijzigingsbesluit, the consolidated text or the raadsvoorstel for an existing code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

import gedragscode
from gedragscode import GedragscodeError

from .common import handle_errors, parse_settings, split_list

if TYPE_CHECKING:
    from gedragscode.render.docx_options import DocxOptions

_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}
_WHAT = {"besluit": "Wijzigingsbesluit", "geconsolideerd": "Geconsolideerde tekst", "raadsvoorstel": "Raadsvoorstel"}







def _format_for(fmt: str | None, output: Path | None) -> str:
    inferred = _SUFFIXES.get(output.suffix.lower()) if output is not None else None
    if fmt is not None and inferred is not None and fmt != inferred:
        raise GedragscodeError(f"--format {fmt} past niet bij de bestandsnaam {output}; "
                               f"gebruik --format {inferred} of een andere extensie")
    return fmt or inferred or "md"


def _docx_options(datum: str | None, sjabloon: Path | None) -> DocxOptions:
    from gedragscode.render.docx_options import DocxOptions

    when: dt.date | dt.datetime | None = None
    if datum:
        try:
            when = dt.datetime.fromisoformat(datum) if "T" in datum else dt.date.fromisoformat(datum)
        except ValueError:
            raise GedragscodeError(f"--datum verwacht een datum als 2026-03-01, niet '{datum}'") from None
    return DocxOptions(template=sjabloon, date=when)


def _summary(plan: gedragscode.AmendmentPlan) -> str:
    inserted = sum(len(op.articles) for op in plan.operations if op.kind == "artikel_invoegen")
    changed = len({op.article.number for op in plan.operations if op.kind != "artikel_invoegen"})
    parts = []
    if inserted:
        parts.append(f"{inserted} {'artikel' if inserted == 1 else 'artikelen'} ingevoegd")
    if changed:
        parts.append(f"{changed} {'artikel' if changed == 1 else 'artikelen'} gewijzigd")
    return ", ".join(parts)


@click.command("wijzig", options_metavar="[OPTIES]")
@click.argument("existing", metavar="BESTAANDE-CODE", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--body", "body", metavar="LICHAAM",
              help="Soort lichaam (gemeente, provincie, waterschap, openbaar_lichaam), als de herkenning niet klopt.")
@click.option("--office", "offices", metavar="AMBT[,AMBT...]", multiple=True,
              help="Ambt of ambten van de code, als de herkenning niet klopt; bepalen de grondslag in de aanhef.")
@click.option("--naam", metavar="NAAM", help="Naam van de gemeente, provincie, het waterschap of openbaar lichaam.")
@click.option("--titel", metavar="TITEL", help="Citeertitel van de bestaande code, als die niet in de tekst staat.")
@click.option("--set", "settings", metavar="CLAUSULE.PARAMETER=WAARDE", multiple=True,
              help="Lokale keuze voor de in te voegen tekst, zoals bij render (bijvoorbeeld "
                   "term.griffier='de griffier'). Herhaalbaar.")
@click.option("--met", "include", metavar="CLAUSULE[,...]", multiple=True,
              help="Neem ook deze optionele bepalingen op als ze ontbreken (bijvoorbeeld agressie,vertrouwenspersoon).")
@click.option("--zonder", "exclude", metavar="CLAUSULE[,...]", multiple=True,
              help="Laat deze bepalingen zoals ze zijn (niet toevoegen, niet bijwerken).")
@click.option("--inwerkingtreding", metavar="TEKST",
              help="Wanneer het besluit in werking treedt, bijvoorbeeld 'op 1 januari 2027' "
                   "(standaard: op de dag na die van de bekendmaking).")
@click.option("--vastgesteld", metavar="DATUM", help="Datum van de vergadering, voor de ondertekening.")
@click.option("--geconsolideerd", "consolidated", is_flag=True,
              help="Schrijf in plaats van het besluit de bestaande code met de wijzigingen erin "
                   "(in HTML en Word zichtbaar als wijzigingen).")
@click.option("--raadsvoorstel", "proposal", is_flag=True,
              help="Schrijf in plaats van het besluit het voorstel dat erbij hoort.")
@click.option("--controle", is_flag=True,
              help="Geef alleen de lijst 'nog te controleren' (als tekst, of met --format json als gegevens).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "docx", "json"]),
              help="Uitvoerformaat: md (Markdown), html of docx (Word). Standaard afgeleid van -o, anders md.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="Schrijf naar dit bestand in plaats van naar standaarduitvoer. Verplicht voor docx.")
@click.option("--force", is_flag=True, help="Overschrijf een bestaand uitvoerbestand.")
@click.option("--datum", metavar="JJJJ-MM-DD",
              help="Alleen docx: datum van het document en van de wijzigingen (standaard SOURCE_DATE_EPOCH als "
                   "die is gezet, anders nu).")
@click.option("--sjabloon", type=click.Path(path_type=Path, dir_okay=False), metavar="HUISSTIJL.dotx",
              help="Alleen docx: Word-sjabloon (.dotx of .docx) van de huisstijl.")
@handle_errors
def wijzig_command(existing: Path, body: str | None, offices: tuple[str, ...], naam: str | None, titel: str | None,
                   settings: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...],
                   inwerkingtreding: str | None, vastgesteld: str | None, consolidated: bool, proposal: bool,
                   controle: bool, fmt: str | None, output: Path | None, force: bool, datum: str | None,
                   sjabloon: Path | None) -> None:
    """Maak het wijzigingsbesluit dat een bestaande gedragscode bijwerkt naar de handreiking en de wet.

    Het programma toetst BESTAANDE-CODE (zoals 'gedragscode lint'), en schrijft een besluit in de
    vorm van de Aanwijzingen voor de regelgeving: 'Artikel I' met de onderdelen A, B, C, ... in de
    eigen nummering van de code (ontbrekende bepalingen ingevoegd als artikel 7a, verouderde leden
    vervangen), 'Artikel II' over de inwerkingtreding, de ondertekening en een toelichting per
    onderdeel. Optionele bepalingen komen er alleen in met --met.

    Met --geconsolideerd komt de bestaande code met de wijzigingen erin (in Word als 'Wijzigingen
    bijhouden'), met --raadsvoorstel het voorstel aan de raad. Wat nog moet worden nagegaan, staat
    op het scherm (standaardfout), niet in het besluit.

    Een code waarvan de artikelen niet te herkennen zijn, krijgt geen besluit: maak dan een nieuwe
    code met 'gedragscode render'.

    \b
    Voorbeelden:
      gedragscode wijzig gedragscode-2016.pdf -o wijzigingsbesluit.docx
      gedragscode wijzig gedragscode-2016.pdf --geconsolideerd -o geconsolideerd.docx
      gedragscode wijzig gedragscode-2016.pdf --raadsvoorstel -o raadsvoorstel.docx
      gedragscode wijzig code.docx --met agressie,vertrouwenspersoon --set term.griffier='de griffier'
    """
    if consolidated and proposal:
        raise GedragscodeError("kies --geconsolideerd of --raadsvoorstel, niet allebei")
    if controle:
        if fmt not in (None, "json"):
            raise GedragscodeError(f"--controle geeft tekst of json, geen {fmt}; laat --format weg of kies json")
    elif fmt == "json":
        raise GedragscodeError("--format json is er alleen voor de lijst 'nog te controleren' (met --controle)")
    else:
        fmt = _format_for(fmt, output)
        if fmt == "docx" and output is None:
            raise GedragscodeError("een Word-document (docx) kan niet naar de terminal; geef een bestand op met -o")
    if output is not None and output.exists() and not force:
        raise GedragscodeError(f"het bestand {output} bestaat al; gebruik --force om het te overschrijven")
    if fmt != "docx" and (datum or sjabloon):
        raise GedragscodeError("--datum en --sjabloon gelden alleen voor een Word-document (docx)")
    docx = _docx_options(datum, sjabloon) if fmt == "docx" else None
    product = "geconsolideerd" if consolidated else "raadsvoorstel" if proposal else "besluit"
    plan = gedragscode.plan_amendment(
        existing, body=body, offices=split_list(offices) or None, place=naam, title=titel,
        settings=parse_settings(settings), include=split_list(include), exclude=split_list(exclude),
        effective=inwerkingtreding or "", adopted=vastgesteld or "")
    items = gedragscode.amendment_checklist(plan)
    if controle:
        data: str | bytes = gedragscode.render_checklist(items, "json" if fmt == "json" else "text", plan.title)
        _emit(data, output, force, "Lijst 'nog te controleren'")
        return
    if not plan.changed:
        click.echo(f"Niets te wijzigen: {plan.title} bevat elke vereiste bepaling in de actuele vorm "
                   "(zie 'gedragscode lint' voor de optionele).", err=True)
        return
    assert fmt is not None
    _emit(gedragscode.render_amendment(plan, product, fmt, docx=docx), output, force, _WHAT[product])
    click.echo(f"{plan.title}: {_summary(plan)}.", err=True)
    inserted = sum(len(op.articles) for op in plan.operations)
    if inserted > len(plan.structure.articles):
        click.echo("Let op: het besluit voegt meer artikelen in dan de code had; een nieuwe code "
                   "('gedragscode render') is dan vaak overzichtelijker.", err=True)
    if items:
        click.echo(gedragscode.render_checklist(items, "text"), err=True, nl=False)


def _emit(data: str | bytes, output: Path | None, force: bool, what: str) -> None:
    if output is None:
        assert isinstance(data, str)
        click.echo(data, nl=False)
        return
    gedragscode.write_output(output, data, force=force)
    click.echo(f"{what} geschreven: {output}", err=True)
