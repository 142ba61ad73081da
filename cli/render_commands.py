"""``gedragscode render`` and ``gedragscode init``: write a code of conduct or a starter local code."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

import gedragscode
from gedragscode import GedragscodeError
from gedragscode.limits import printable

if TYPE_CHECKING:
    from gedragscode import Code

from . import two_codes
from .common import check_text, handle_errors, parse_settings, split_list

_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}
_CHECKLIST_SUFFIXES = {".txt": "text", ".md": "text", ".json": "json"}
_LOCAL_SUFFIXES = {".gdc": "gdc"}


def _check_format(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--format in any case (DOCX, Md); PDF and other formats refused with what to do instead."""
    if value is None:
        return None
    chosen = value.strip().lower().lstrip(".")
    chosen = {"markdown": "md", "htm": "html", "word": "docx"}.get(chosen, chosen)
    if chosen in (*gedragscode.FORMATS, "json"):
        return chosen
    hint = _OTHER_SUFFIX.get("." + chosen)
    raise click.BadParameter(f"'{value}' is geen formaat van render; kies md, html of docx (json alleen met "
                             "--controle)" + (f". Tip: {hint}" if hint else ""))






# what to say for a file name that asks for a format render cannot write
_OTHER_SUFFIX = {
    ".pdf": "een PDF maakt u van het Word-document: schrijf naar een .docx-bestand en kies in Word "
            "'Opslaan als' > PDF",
    ".doc": "schrijf naar een .docx-bestand (Word 2007 en nieuwer); Word opent het en kan het zo nodig als .doc "
            "opslaan",
    ".odt": "schrijf naar een .docx-bestand; LibreOffice en OpenOffice openen het ook",
    ".rtf": "schrijf naar een .docx-bestand; Word opent het en kan het als RTF opslaan",
    ".txt": "schrijf naar een .md-bestand (Markdown is gewone tekst)",
    ".gdc": "een lokaal .gdc-bestand maakt u met 'gedragscode init'",
}


_INIT_HINTS = {suffix: "het lokale bestand is een .gdc-bestand; de Word-, HTML- of Markdown-versie maakt u daarna met "
                       "'gedragscode render BESTAND.gdc -o code.docx'" for suffix in (".docx", ".md", ".html", ".pdf")}


def _suffix_format(output: Path, suffixes: dict[str, str], what: str,
                   hints: dict[str, str] = _OTHER_SUFFIX) -> str | None:
    """The format that the file name ``output`` asks for; None without a suffix; refused when unsupported."""
    suffix = output.suffix.lower()
    if not suffix or str(output) == "-":
        return None
    if suffix not in suffixes:
        hint = hints.get(suffix, "")
        known = ", ".join(sorted(set(suffixes)))
        raise GedragscodeError(f"{what} kan niet als {suffix} worden geschreven ({output}); "
                               + (hint + "; " if hint else "") + f"gebruik {known}")
    return suffixes[suffix]


def _is_stdout(output: Path | None) -> bool:
    return output is not None and str(output) == "-"


def _format_for(fmt: str | None, output: Path | None) -> str:
    """The output format: --format, else the suffix of -o, else Markdown; a suffix of another format is refused."""
    inferred = _suffix_format(output, _SUFFIXES, "een gedragscode") if output is not None else None
    if fmt is not None and inferred is not None and fmt != inferred:
        raise GedragscodeError(f"--format {fmt} past niet bij de bestandsnaam {output}; "
                               f"gebruik --format {inferred} of een andere extensie")
    return fmt or inferred or "md"


#: The options of the aanhef and the signing block: option -> keyword of gedragscode.make_code.
_DETAIL_OPTIONS = {"--vastgesteld": "adopted", "--voorstel-van": "proposed_by", "--voorstel-datum": "proposal_date",
                   "--voorstel-kenmerk": "proposal_reference", "--advies": "advice",
                   "--naam-voorzitter": "chair_name", "--naam-griffier": "clerk_name"}


def _code_from_flags(body: str | None, offices: tuple[str, ...], naam: str | None, jaar: int | None,
                     settings: tuple[str, ...], zonder: tuple[str, ...], intrekking: str | None,
                     inwerkingtreding: str | None, details: Mapping[str, str] | None = None) -> Code:
    missing = [flag for flag, value in (("--body", body), ("--office", offices), ("--naam", naam)) if not value]
    if missing:
        raise GedragscodeError("geef een lokaal .gdc-bestand op, of " + " en ".join(missing)
                               + " (zie gedragscode render --help)")
    assert body is not None and naam is not None
    extra = {_DETAIL_OPTIONS[k]: v for k, v in (details or {}).items() if v}
    return gedragscode.make_code(body, split_list(offices), naam, year=jaar, settings=parse_settings(settings),
                                 omit=split_list(zonder), repeals=intrekking or "", effective=inwerkingtreding or "",
                                 adopted=extra.get("adopted", ""), proposed_by=extra.get("proposed_by", ""),
                                 proposal_date=extra.get("proposal_date", ""),
                                 proposal_reference=extra.get("proposal_reference", ""),
                                 advice=extra.get("advice", ""), chair_name=extra.get("chair_name", ""),
                                 clerk_name=extra.get("clerk_name", ""))


def _parse_date(value: str | None) -> _dt.date | _dt.datetime | None:
    """``--datum``: JJJJ-MM-DD, or a full ISO date and time (taken as UTC without a zone)."""
    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return _dt.date.fromisoformat(text)
        return _dt.datetime.fromisoformat(text)
    except ValueError:
        raise GedragscodeError(f"--datum verwacht een datum als 2026-03-01 (of 2026-03-01T10:00:00), "
                               f"niet '{value}'") from None


def _docx_only(fmt: str, flags: Iterable[tuple[str, object]]) -> None:
    used = [name for name, value in flags if value]
    if used and fmt != "docx":
        raise GedragscodeError(f"{', '.join(used)} geldt alleen voor Word (docx), niet voor {fmt}")


def _emit(data: str | bytes, output: Path | None, force: bool, what: str) -> None:
    if output is None or _is_stdout(output):
        assert isinstance(data, str)
        click.echo(data, nl=False)
        return
    gedragscode.write_output(output, data, force=force)
    click.echo(f"{what} geschreven: {printable(str(output))}", err=True)


_BODY_HELP = "Soort lichaam: gemeente, provincie, waterschap of openbaar_lichaam."
_OFFICE_HELP = ("Ambt of ambten, gescheiden door komma's (bijvoorbeeld raadslid,commissielid); "
                "'gedragscode models' toont alle ambten per lichaam.")
_NAAM_HELP = "Naam van de gemeente, provincie, het waterschap of openbaar lichaam (bijvoorbeeld Almelo)."
_JAAR_HELP = "Jaar in de titel van de gedragscode (standaard: dit jaar)."
_OUTPUT_HELP = "Schrijf naar dit bestand in plaats van naar standaarduitvoer."
_FORCE_HELP = "Overschrijf een bestaand uitvoerbestand."


@click.command("render", options_metavar="[OPTIES]")
@click.argument("local_code", required=False, metavar="[LOKAAL.gdc]",
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("--body", "body", metavar="LICHAAM", help=_BODY_HELP, callback=check_text)
@click.option("--office", "offices", metavar="AMBT[,AMBT...]", multiple=True, help=_OFFICE_HELP, callback=check_text)
@click.option("--naam", metavar="NAAM", help=_NAAM_HELP, callback=check_text)
@click.option("--jaar", type=click.IntRange(1900, 2200), metavar="JAAR", help=_JAAR_HELP)
@click.option("--set", "settings", metavar="CLAUSULE.PARAMETER=WAARDE", multiple=True, callback=check_text,
              help="Lokale keuze, bijvoorbeeld geschenken.grens=75 of term.griffier='de griffier'. Herhaalbaar.")
@click.option("--zonder", metavar="CLAUSULE", multiple=True, callback=check_text,
              help="Laat een niet-verplichte clausule weg (herhaalbaar, of met komma's).")
@click.option("--intrekking", metavar="TEKST", callback=check_text,
              help="Citeertitel van de vorige gedragscode die met deze regeling vervalt.")
@click.option("--inwerkingtreding", metavar="TEKST", callback=check_text,
              help="Wanneer de regeling in werking treedt, bijvoorbeeld 'op 1 januari 2027' "
                   "(standaard: op de dag na die van de bekendmaking).")
@click.option("--vastgesteld", metavar="DATUM", help="Datum van vaststelling in de ondertekening, bijvoorbeeld "
              "'17 december 2026' (standaard: open, om in te vullen).")
@click.option("--voorstel-van", "voorstel_van", metavar="TEKST",
              help="Wie de code voorstelt, voor de aanhef ('gelezen het voorstel van ...'); standaard het "
                   "presidium (code met volksvertegenwoordigers) of het dagelijks bestuur.")
@click.option("--voorstel-datum", "voorstel_datum", metavar="DATUM", help="Datum van het voorstel, in de aanhef.")
@click.option("--voorstel-kenmerk", "voorstel_kenmerk", metavar="TEKST", help="Kenmerk van het voorstel, in de aanhef.")
@click.option("--advies", metavar="TEKST",
              help="Wiens advies is gevraagd, in de aanhef ('gezien het advies van ...'), bijvoorbeeld "
                   "'de commissie Bestuur'.")
@click.option("--naam-voorzitter", "naam_voorzitter", metavar="NAAM", help="Naam onder 'De voorzitter,'.")
@click.option("--naam-griffier", "naam_griffier", metavar="NAAM", help="Naam onder 'De griffier,'.")
@click.option("--format", "fmt", metavar="[md|html|docx|json]", callback=_check_format,
              help="Uitvoerformaat: md (Markdown), html of docx (Word). Standaard afgeleid van -o, anders md. "
                   "Met --controle: json in plaats van tekst.")
@click.option("--controle", is_flag=True,
              help="Geef alleen de lijst 'nog te controleren': de feiten in de code die nog niet zijn "
                   "nagegaan (als tekst, of met --format json als gegevens).")
@click.option("-o", "--output", "outputs", type=click.Path(path_type=Path), metavar="BESTAND", multiple=True,
              help=_OUTPUT_HELP + " Verplicht voor docx. Met --twee-codes: een map, of twee keer een bestand.")
@click.option("--force", is_flag=True, help=_FORCE_HELP)
@click.option("--twee-codes", "two_codes", is_flag=True,
              help="Maak twee codes in één keer, zoals de meeste lichamen ze vaststellen: een voor de "
                   "volksvertegenwoordigers (en commissieleden) en een voor de bestuurders (dagelijks bestuur "
                   "en voorzitter), met dezelfde opbouw en inleiding. Zonder --office: alle ambten van het lichaam.")
@click.option("--intrekking-vv", "repeals_vv", metavar="TEKST", callback=check_text,
              help="Met --twee-codes: de vorige code die de code voor de volksvertegenwoordigers intrekt.")
@click.option("--intrekking-bestuur", "repeals_bestuur", metavar="TEKST", callback=check_text,
              help="Met --twee-codes: de vorige code die de code voor de bestuurders intrekt.")
@click.option("--datum", metavar="JJJJ-MM-DD",
              help="Datum in de documenteigenschappen van het Word-bestand (standaard: SOURCE_DATE_EPOCH als "
                   "die is gezet, anders nu). Met een vaste datum is het bestand bij gelijke invoer byte voor "
                   "byte gelijk.")
@click.option("--geen-inhoudsopgave", "no_toc", is_flag=True,
              help="Zet geen inhoudsopgave vooraan in het Word-bestand.")
@click.option("--sjabloon", type=click.Path(path_type=Path, dir_okay=False), metavar="HUISSTIJL.dotx",
              help="Word-sjabloon (.dotx of .docx) van de huisstijl: de code gebruikt de stijlen, marges, "
                   "kop- en voetteksten daarvan. Alleen voor docx.")
@handle_errors
def render_command(local_code: Path | None, body: str | None, offices: tuple[str, ...], naam: str | None,
                   jaar: int | None, settings: tuple[str, ...], zonder: tuple[str, ...], intrekking: str | None,
                   inwerkingtreding: str | None, fmt: str | None, controle: bool, outputs: tuple[Path, ...],
                   force: bool, two_codes: bool, repeals_vv: str | None, repeals_bestuur: str | None,
                   datum: str | None, no_toc: bool, sjabloon: Path | None, vastgesteld: str | None = None,
                   voorstel_van: str | None = None, voorstel_datum: str | None = None,
                   voorstel_kenmerk: str | None = None, advies: str | None = None,
                   naam_voorzitter: str | None = None, naam_griffier: str | None = None) -> None:
    """Maak de volledige gedragscode voor een lichaam en ambt(en), klaar om vast te stellen.

    Geef een lokaal .gdc-bestand op (zie 'gedragscode init'), of kies lichaam, ambten en
    naam met de opties. Markdown en HTML gaan zonder -o naar standaarduitvoer; voor een
    Word-document (docx) is -o verplicht.

    Feiten in de code die nog niet zijn nagegaan (een artikelnummer, een standaardkeuze),
    staan nooit in de tekst zelf: ze komen als lijst 'nog te controleren' op het scherm
    (standaardfout), of met --controle als enige uitvoer.

    \b
    Voorbeelden:
      gedragscode render --body gemeente --office raadslid,commissielid --naam Almelo -o code.docx
      gedragscode render --body provincie --office statenlid --naam Zeeland --set geschenken.grens=75
      gedragscode render almelo.gdc --format html -o code.html
      gedragscode render almelo.gdc --sjabloon huisstijl.dotx -o code.docx
      gedragscode render almelo.gdc --controle --format json
      gedragscode render --twee-codes --body gemeente --naam Almelo --format docx -o codes/
    """
    details = {"--vastgesteld": vastgesteld, "--voorstel-van": voorstel_van, "--voorstel-datum": voorstel_datum,
               "--voorstel-kenmerk": voorstel_kenmerk, "--advies": advies, "--naam-voorzitter": naam_voorzitter,
               "--naam-griffier": naam_griffier}
    given = {k: v for k, v in details.items() if v}
    if two_codes:
        _render_two_codes(local_code, body, offices, naam, jaar, settings, zonder, intrekking, inwerkingtreding,
                          fmt, controle, outputs, force, repeals_vv, repeals_bestuur, datum, no_toc, sjabloon,
                          given)
        return
    if repeals_vv or repeals_bestuur:
        raise GedragscodeError("--intrekking-vv en --intrekking-bestuur horen bij --twee-codes; gebruik anders "
                               "--intrekking")
    if len(outputs) > 1:
        raise GedragscodeError("geef -o één keer (twee keer alleen met --twee-codes)")
    output = outputs[0] if outputs else None
    if output is not None and os.path.isdir(output):
        raise GedragscodeError(f"{output} is een map; geef een bestandsnaam op (een map alleen met --twee-codes)")
    if controle:
        if fmt not in (None, "json"):
            raise GedragscodeError(f"--controle geeft tekst of json, geen {fmt}; laat --format weg of kies json")
        asked = _suffix_format(output, _CHECKLIST_SUFFIXES, "de lijst 'nog te controleren'", {}) if output else None
        if fmt is not None and asked is not None and fmt != asked:
            raise GedragscodeError(f"--format {fmt} past niet bij de bestandsnaam {output}")
        fmt = fmt or (asked if asked == "json" else None)
    elif fmt == "json":
        raise GedragscodeError("--format json is er alleen voor de lijst 'nog te controleren' (met --controle)")
    else:
        fmt = _format_for(fmt, output)
    target = (fmt or "tekst") if controle else (fmt or "md")
    _docx_only(target, (("--datum", datum), ("--geen-inhoudsopgave", no_toc), ("--sjabloon", sjabloon)))
    when = _parse_date(datum)
    if not controle and fmt == "docx" and (output is None or _is_stdout(output)):
        raise GedragscodeError("een Word-document (docx) kan niet naar de terminal; geef een bestand op met -o")
    if output is not None and not _is_stdout(output) and os.path.lexists(output) and not force:
        raise GedragscodeError(f"het bestand {output} bestaat al; gebruik --force om het te overschrijven")
    code = _load(local_code, body, offices, naam, jaar, settings, zonder, intrekking, inwerkingtreding,
                 details=given)
    items = gedragscode.checklist(code)
    if controle:
        _emit(gedragscode.render_checklist(items, "json" if fmt == "json" else "text", code.name), output, force,
              "Lijst 'nog te controleren'")
        return
    assert fmt is not None
    _emit(gedragscode.render(code, fmt, template=sjabloon, date=when, toc=not no_toc), output, force, "Gedragscode")
    if items:
        click.echo(gedragscode.render_checklist(items, "text"), err=True, nl=False)


def _load(local_code: Path | None, body: str | None, offices: tuple[str, ...], naam: str | None,
          jaar: int | None, settings: tuple[str, ...], zonder: tuple[str, ...], intrekking: str | None,
          inwerkingtreding: str | None, *, allowed: tuple[str, ...] = (),
          details: Mapping[str, str] | None = None) -> Code:
    """The code from a local file or from the flags (never both)."""
    if local_code is not None:
        flags = [name for name, value in (("--body", body), ("--office", offices), ("--naam", naam),
                                          ("--jaar", jaar), ("--set", settings), ("--zonder", zonder),
                                          ("--intrekking", intrekking), ("--inwerkingtreding", inwerkingtreding),
                                          *(details or {}).items())
                 if value and name not in allowed]
        if flags:
            raise GedragscodeError(f"geef óf een lokaal .gdc-bestand óf de opties {', '.join(flags)}, niet "
                                   "allebei; zet lokale keuzes in het bestand")
        return gedragscode.load_code(local_code)
    return _code_from_flags(body, offices, naam, jaar, settings, zonder, intrekking, inwerkingtreding, details)


def _render_two_codes(local_code: Path | None, body: str | None, offices: tuple[str, ...], naam: str | None,
                      jaar: int | None, settings: tuple[str, ...], zonder: tuple[str, ...], intrekking: str | None,
                      inwerkingtreding: str | None, fmt: str | None, controle: bool, outputs: tuple[Path, ...],
                      force: bool, repeals_vv: str | None, repeals_bestuur: str | None, datum: str | None,
                      no_toc: bool, sjabloon: Path | None, details: Mapping[str, str] | None = None) -> None:
    """``render --twee-codes``: both codes rendered first, then both files written (or neither)."""
    if controle:
        raise GedragscodeError("--controle werkt per code; bij --twee-codes staat de lijst 'nog te controleren' "
                               "van beide codes al op het scherm")
    if fmt == "json":
        raise GedragscodeError("--format json is er alleen voor de lijst 'nog te controleren' (met --controle)")
    if intrekking:
        raise GedragscodeError("zeg bij twee codes welke code de vorige intrekt: --intrekking-vv TEKST en/of "
                               "--intrekking-bestuur TEKST in plaats van --intrekking")
    if local_code is None and not offices:
        if not body or not naam:
            raise GedragscodeError("geef een lokaal .gdc-bestand op, of --body en --naam (--office mag weg: dan "
                                   "alle ambten van het lichaam)")
        model = gedragscode.load_model()
        found = model.body(body)
        if found is None:
            raise GedragscodeError(f"onbekend lichaam '{body}'; kies uit: {', '.join(b.id for b in model.bodies)}")
        offices = tuple(o.id for o in found.offices)
    for path in outputs:
        if not path.is_dir():
            _suffix_format(path, _SUFFIXES, "een gedragscode")
    code = _load(local_code, body, offices, naam, jaar, settings, zonder, intrekking, inwerkingtreding,
                 details=details)
    chosen, paths = two_codes.targets(outputs, fmt, _SUFFIXES, code.place)
    _docx_only(chosen, (("--datum", datum), ("--geen-inhoudsopgave", no_toc), ("--sjabloon", sjabloon)))
    when = _parse_date(datum)
    two_codes.check_free(paths, force)
    # The flags decide which code repeals what; a local file's single 'intrekking' cannot say (split_code asks).
    repeals = (repeals_vv or "", repeals_bestuur or "") if repeals_vv or repeals_bestuur else None
    codes = gedragscode.split_code(code, repeals=repeals)
    data = gedragscode.render_two_codes(code, chosen, repeals=repeals, template=sjabloon, date=when,
                                        toc=not no_toc)
    two_codes.write_both(paths, (data.volksvertegenwoordigers, data.bestuurders), force)
    for part, path in zip(codes, paths, strict=True):
        click.echo(f"Gedragscode geschreven: {path} ({part.name})", err=True)
    for part in codes:
        items = gedragscode.checklist(part)
        if items:
            click.echo(gedragscode.render_checklist(items, "text", part.name), err=True, nl=False)


@click.command("init", options_metavar="[OPTIES]")
@click.option("--body", "body", required=True, metavar="LICHAAM", help=_BODY_HELP, callback=check_text)
@click.option("--office", "offices", required=True, metavar="AMBT[,AMBT...]", multiple=True, help=_OFFICE_HELP,
              callback=check_text)
@click.option("--naam", required=True, metavar="NAAM", help=_NAAM_HELP, callback=check_text)
@click.option("--jaar", type=click.IntRange(1900, 2200), metavar="JAAR", help=_JAAR_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help=_OUTPUT_HELP + " Gebruik de extensie .gdc.")
@click.option("--force", is_flag=True, help=_FORCE_HELP)
@handle_errors
def init_command(body: str, offices: tuple[str, ...], naam: str, jaar: int | None, output: Path | None,
                 force: bool) -> None:
    """Schrijf een lokaal gedragscodebestand (.gdc) om onder versiebeheer te houden.

    Het bestand noemt elke parameter met de standaardwaarde en uitleg, en laat als
    voorbeeld zien hoe u een woord van het lichaam wijzigt of een bepaling weglaat.
    Daarna: 'gedragscode check BESTAND' en 'gedragscode render BESTAND -o code.docx'.

    \b
    Voorbeeld:
      gedragscode init --body gemeente --office raadslid,commissielid --naam Almelo -o almelo.gdc
    """
    if output is not None:
        _suffix_format(output, _LOCAL_SUFFIXES, "een lokaal gedragscodebestand", _INIT_HINTS)
    if output is not None and not _is_stdout(output) and os.path.lexists(output) and not force:
        raise GedragscodeError(f"het bestand {output} bestaat al; gebruik --force om het te overschrijven")
    code = gedragscode.make_code(body, split_list(offices), naam, year=jaar)
    _emit(gedragscode.starter_code(code), output, force, "Lokale gedragscode")
