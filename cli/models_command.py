"""``gedragscode models``: what the bundled model holds (text or a stable JSON form)."""

from __future__ import annotations

import json
from typing import Any

import click

import gedragscode
from gedragscode.model import Clause, Model, Value

from .common import handle_errors


def _json_value(value: Value) -> Any:
    if isinstance(value, bool | int):
        return value
    return str(value)


def _text_value(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def _main_level(model: Model, clause: Clause) -> str:
    """The clause's level in the first body it applies to (see "levels" for every body)."""
    for b in model.bodies:
        if any(clause.applies.matches(b.id, o) for o in b.offices):
            return clause.level_for(b.id).value
    return clause.level_for("").value


def model_summary(model: Model) -> dict[str, Any]:
    """The stable JSON form of ``gedragscode models --format json``."""
    return {
        "version": model.version,
        "title": model.title,
        "date": model.date,
        "bodies": [
            {"id": b.id, "name": b.name,
             "offices": [{"id": o.id, "name": o.name, "category": o.category.value, "legal_basis": o.legal_basis}
                         for o in b.offices]}
            for b in model.bodies
        ],
        "clauses": [
            {"id": c.id, "title": c.title, "chapter": c.chapter, "level": _main_level(model, c),
             "levels": {b.id: c.level_for(b.id).value for b in model.bodies
                        if any(c.applies.matches(b.id, o) for o in b.offices)},
             "since": c.since,
             "applies_to": [{"body": b.id, "office": o.id} for b in model.bodies for o in b.offices
                            if c.applies.matches(b.id, o)],
             "parameters": [{"name": p.name, "type": p.type.value,
                             "default": f"term {p.default_term}" if p.default_term else _json_value(p.default)}
                            for p in c.parameters]}
            for c in model.clauses
        ],
    }


@click.command("models")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Uitvoer als leesbare tekst of als JSON.")
@handle_errors
def models_command(fmt: str) -> None:
    """Toon wat het meegeleverde model bevat: lichamen, ambten en clausules."""
    model = gedragscode.load_model()
    summary = model_summary(model)
    if fmt == "json":
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    click.echo(f"{model.title} (versie {model.version}, {model.date})")
    click.echo("")
    click.echo("Lichamen en ambten:")
    for b in summary["bodies"]:
        click.echo(f"  {b['id']} ({b['name']})")
        for o in b["offices"]:
            click.echo(f"    {o['id']:<20} {o['category']:<24} {o['legal_basis']}")
    click.echo("")
    click.echo("Clausules:")
    for c in summary["clauses"]:
        bodies = sorted({a["body"] for a in c["applies_to"]})
        offices = sorted({a["office"] for a in c["applies_to"]})
        click.echo(f"  {c['id']:<26} {c['level']:<11} sinds {c['since']:<8} {c['title']}")
        click.echo(f"      geldt voor: {', '.join(offices)} ({', '.join(bodies)})")
        for p in c["parameters"]:
            click.echo(f"      parameter {p['name']} ({p['type']}) = {_text_value(p['default'])}")
