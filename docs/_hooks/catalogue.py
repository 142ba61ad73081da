"""MkDocs hook: the model catalogue page (``catalogus.md``), generated from the bundled model at build time.

Nothing in the page is written by hand: every clause of :func:`gedragscode.load_model` with its title,
chapter, requirement level per body, since/changed, the offices it applies to per body, its parameters
(type, default, bounds, meaning), its legal references and its unverified facts (``controleer``
markers). ``tests/test_docs_site.py`` checks the page against the model.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import gedragscode
from gedragscode.model import Clause, Model, Parameter

PAGE = "catalogus.md"


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def _parameter_row(p: Parameter) -> str:
    default = f"term `{p.default_term}` (per lichaam)" if p.default_term else _value(p.default)
    if p.minimum is not None or p.maximum is not None:
        bounds = f"{_value(p.minimum) if p.minimum is not None else '…'} tot en met " \
                 f"{_value(p.maximum) if p.maximum is not None else '…'}"
    elif p.choices:
        bounds = "keuze uit: " + ", ".join(p.choices)
    else:
        bounds = "–"
    check = f" ⚠ *nog te controleren:* {_cell(p.check)}" if p.check else ""
    return f"| `{p.name}` | {p.type.value} | {_cell(default)} | {_cell(bounds)} | {_cell(p.description)}{check} |"


def _unverified(clause: Clause) -> list[str]:
    out = [f"de bepaling: {c}" for c in clause.checks]
    out += [f"wetsverwijzing '{r.text}': {r.check}" for r in clause.refs if r.check]
    out += [f"standaardwaarde van `{p.name}`: {p.check}" for p in clause.parameters if p.check]
    for i, lid in enumerate(clause.leden, 1):
        if lid.check:
            out.append(f"lid {i}: {lid.check}")
        out += [f"lid {i}, onderdeel {chr(96 + j)}: {o.check}" for j, o in enumerate(lid.onderdelen, 1) if o.check]
    return out


def _applies(model: Model, clause: Clause) -> Iterable[str]:
    for body in model.bodies:
        offices = [o.name for o in body.offices if clause.applies.matches(body.id, o)]
        if offices:
            level = clause.level_for(body.id).value
            yield f"| {body.name} | {level} | {_cell(', '.join(offices))} |"


def catalogue_markdown(model: Model) -> str:
    """The catalogue page for ``model`` (Markdown, Dutch, deterministic)."""
    chapters = {c.id: c.title for c in model.chapters}
    lines = [
        "# Modelcatalogus",
        "",
        f"Alle bepalingen van het meegeleverde model: *{model.title}* (versie {model.version}, {model.date}). "
        "Deze pagina wordt bij elke bouw van de documentatie uit het model zelf gemaakt "
        "(`gedragscode.load_model()`); ze is dus altijd gelijk aan wat `render` schrijft en `lint` zoekt. "
        "Op de opdrachtregel toont `gedragscode models` hetzelfde.",
        "",
        "**Niveau** bepaalt de ernst als de bepaling ontbreekt (wettelijk: fout, aanbevolen: waarschuwing, "
        "optioneel: info); alleen bepalingen die niet wettelijk zijn, kunnen met `zonder` of `--zonder` weg. "
        "**Parameters** zijn de lokale keuzes: `zet CLAUSULE.PARAMETER = WAARDE` in een lokaal bestand of "
        "`--set CLAUSULE.PARAMETER=WAARDE`. Wat ⚠ *nog te controleren* heet, is niet aan de actuele wettekst "
        "getoetst; `render` zet zulke punten op de lijst 'nog te controleren', nooit in de tekst.",
        "",
        "## Hoofdstukken",
        "",
        "Een eigen bepaling in een lokaal bestand noemt een van deze hoofdstukken (`hoofdstuk ID`).",
        "",
        "| id | titel |",
        "|---|---|",
        *(f"| `{c.id}` | {_cell(c.title)} |" for c in model.chapters),
        "",
        "## Bepalingen",
        "",
        "| id | titel | hoofdstuk | sinds |",
        "|---|---|---|---|",
        *(f"| [`{c.id}`](#{c.id}) | {_cell(c.title)} | {_cell(chapters.get(c.chapter, '–'))} | "
          f"{c.since}{' (gewijzigd: ' + ', '.join(c.changed) + ')' if c.changed else ''} |" for c in model.clauses),
    ]
    for clause in model.clauses:
        lines += ["", f"### {_cell(clause.title)} {{#{clause.id}}}", ""]
        facts = [f"id `{clause.id}`", f"hoofdstuk {chapters.get(clause.chapter, '–')}"
                 + (f" (`{clause.chapter}`)" if clause.chapter else ""), f"sinds {clause.since}"]
        if clause.changed:
            facts.append("gewijzigd door " + ", ".join(clause.changed))
        if clause.form != "artikel":
            facts.append(f"vorm: {clause.form}")
        lines += ["; ".join(facts) + ".", "", "| lichaam | niveau | geldt voor |", "|---|---|---|",
                  *_applies(model, clause)]
        if clause.parameters:
            lines += ["", "| parameter | soort | standaard | grenzen | betekenis |", "|---|---|---|---|---|",
                      *(_parameter_row(p) for p in clause.parameters)]
        if clause.refs:
            lines += ["", "Wettelijke grondslag en verwijzingen:", ""]
            for ref in clause.refs:
                scope = ", ".join(x for x in (ref.body, ref.office) if x)
                lines.append(f"- {_cell(ref.text)}" + (f" ({scope})" if scope else "")
                             + (f" ⚠ *nog te controleren:* {_cell(ref.check)}" if ref.check else ""))
        unverified = _unverified(clause)
        if unverified:
            lines += ["", "⚠ Nog te controleren:", "", *(f"- {_cell(u)}" for u in unverified)]
    return "\n".join(lines) + "\n"


def on_files(files: Any, config: Any) -> Any:
    """Add the generated catalogue to the site's files (mkdocs hook)."""
    from mkdocs.structure.files import File

    files.append(File.generated(config, PAGE, content=catalogue_markdown(gedragscode.load_model())))
    return files
