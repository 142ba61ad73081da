"""``gedragscode models``: what the bundled model holds (text or a stable JSON form)."""

from __future__ import annotations

from typing import Any

import click

import gedragscode

from .common import handle_errors


def _text_value(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


@click.command("models")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Uitvoer als leesbare tekst of als JSON.")
@handle_errors
def models_command(fmt: str) -> None:
    """Toon wat het meegeleverde model bevat: lichamen, ambten en clausules."""
    model = gedragscode.load_model()
    summary = gedragscode.model_summary(model)
    if fmt == "json":
        import json

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
    click.echo("Hoofdstukken (voor een eigen clausule: 'hoofdstuk ID' in het lokale bestand):")
    for ch in summary["chapters"]:
        click.echo(f"  {ch['id']:<26} {ch['title']}")
    click.echo("")
    click.echo("Clausules:")
    for c in summary["clauses"]:
        bodies = sorted({a["body"] for a in c["applies_to"]})
        offices = sorted({a["office"] for a in c["applies_to"]})
        click.echo(f"  {c['id']:<26} {c['level']:<11} sinds {c['since']:<8} {c['title']} "
                   f"(hoofdstuk {c['chapter'] or '-'})")
        if c["changed"]:
            click.echo(f"      gewijzigd door: {', '.join(c['changed'])}")
        click.echo(f"      geldt voor: {', '.join(offices)} ({', '.join(bodies)})")
        for p in c["parameters"]:
            click.echo(f"      parameter {p['name']} ({p['type']}) = {_text_value(p['default'])}")
