"""A starter local code file (``gedragscode init``): the model's choices written out as DSL.

The file lists every parameter of every clause in the code with its default value and a
comment (description, type, bounds), shows the body terms and the clauses that may be
left out as commented examples, and renders exactly like the code it was made from.
"""

from __future__ import annotations

from gedragscode.dsl.formatter import format_value, quote
from gedragscode.model import Code, Level, Parameter, ParamType, Value

__all__ = ["starter_code"]

_TYPE_NL = {
    ParamType.BEDRAG: "bedrag",
    ParamType.TERMIJN: "termijn",
    ParamType.KEUZE: "keuze",
    ParamType.TEKST: "tekst",
    ParamType.JANEE: "ja of nee",
    ParamType.GETAL: "getal",
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _describe(param: Parameter) -> str:
    kind = _TYPE_NL[param.type]
    if param.type is ParamType.KEUZE and param.choices:
        kind += ": " + " / ".join(param.choices)
    if param.minimum is not None and param.maximum is not None:
        kind += f", van {format_value(param.minimum)} tot en met {format_value(param.maximum)}"
    elif param.minimum is not None:
        kind += f", ten minste {format_value(param.minimum)}"
    elif param.maximum is not None:
        kind += f", ten hoogste {format_value(param.maximum)}"
    if param.default_term:
        kind += f"; standaard de term {param.default_term} van het lichaam"
    return kind


def _value(code: Code, param: Parameter, value: Value) -> str:
    if param.default_term and code.terms.get(param.default_term) == value:
        return f"term {param.default_term}"
    return format_value(value)


def starter_code(code: Code) -> str:
    """The local code file for ``code`` in DSL syntax, ready for version control."""
    model = code.model
    lines: list[str] = [
        f"# Lokale gedragscode: {_one_line(code.name)}",
        f"# Gemaakt op basis van het model \u201c{_one_line(model.title)}\u201d (versie {model.version}).",
        "# Pas de waarden hieronder aan; regels met een hekje (#) ervoor zijn toelichting of voorbeelden.",
        "# Controleren:  gedragscode check <dit-bestand>",
        "# Tekst maken:  gedragscode render <dit-bestand> --format docx -o gedragscode.docx",
        "",
        f"gedragscode {quote(code.name)} {{",
        f"  model {quote(model.version)}",
        f"  lichaam {code.body.id} {quote(code.place)}",
        "  ambten " + ", ".join(o.id for o in code.offices),
        f"  jaar {code.year}",
    ]
    lines.append("")
    lines.append("  # Vorige gedragscode die vervalt, datum van inwerkingtreding en datum van vaststelling:")
    lines.append(f"  {'' if code.repeals else '# '}intrekking {quote(code.repeals or 'Gedragscode integriteit ...')}")
    lines.append(f"  {'' if code.effective else '# '}inwerkingtreding "
                 f"{quote(code.effective or 'op 1 januari ' + str(code.year + 1))}")
    lines.append(f"  {'' if code.adopted else '# '}vastgesteld {quote(code.adopted or '...')}")

    lines.append("")
    lines.append(f"  # Woorden van het lichaam ({code.body.name}). Haal het hekje weg om een woord te wijzigen;")
    lines.append("  # {{ naam }} staat voor de naam die hierboven bij lichaam staat.")
    for name in sorted(code.terms):
        value = code.terms[name]
        changed = value != code.body.terms.get(name)
        lines.append(f"  {'' if changed else '# '}zet term {name} = {quote(value)}")

    for clause in code.clauses:
        if not clause.parameters:
            continue
        lines.append("")
        lines.append(f"  # {_one_line(clause.title)} (clausule {clause.id})")
        values = code.values.get(clause.id, {})
        for param in clause.parameters:
            description = _one_line(param.description).rstrip(".") or param.name
            lines.append(f"  # {param.name}: {description} ({_describe(param)}).")
            bound = values.get(param.name, param.default)
            lines.append(f"  zet {clause.id}.{param.name} = {_value(code, param, bound)}")

    optional = [c for c in model.applicable_clauses(code.body.id, code.offices)
                if c.level_for(code.body.id) is not Level.WETTELIJK]
    if optional or code.omitted:
        lines.append("")
        lines.append("  # Bepalingen die niet wettelijk verplicht zijn en kunnen worden weggelaten.")
        lines.append("  # Haal het hekje weg om een bepaling niet op te nemen:")
        for clause in optional:
            active = clause.id in code.omitted
            level = clause.level_for(code.body.id).value
            lines.append(f"  {'' if active else '# '}zonder {clause.id}  # {_one_line(clause.title)} ({level})")
    lines.append("}")
    return "\n".join(lines) + "\n"
