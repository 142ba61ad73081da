"""A starter local code file (``gedragscode init``): the model's choices written out as DSL.

The file lists every parameter of every clause in the code with its default value and a
comment (description, type, bounds), shows the body terms and the clauses that may be
left out as commented examples, and renders exactly like the code it was made from.
"""

from __future__ import annotations

from dataclasses import replace

from gedragscode.dsl import syntax as s
from gedragscode.dsl.formatter import format_tree, format_value
from gedragscode.model import Code, Parameter, ParamType, Value

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


def _literal(code: Code, clause_id: str, param: Parameter, value: Value) -> s.LiteralValue:
    if param.default_term and f"{clause_id}.{param.name}" not in code.chosen:
        return s.TermRef(param.default_term)
    return value


def _statement(stmt: s.CodeStmt) -> str:
    """The canonical text of one local-code statement (the formatter knows the keywords)."""
    text = format_tree(s.SyntaxTree("", (s.CodeDecl("x", (stmt,)),)))
    return text.splitlines()[1].strip()


def _commented(stmt: s.CodeStmt, note: str = "") -> str:
    return f"# {_statement(stmt)}" + (f"  # {note}" if note else "")


def starter_code(code: Code) -> str:
    """The local code file for ``code`` in DSL syntax, ready for version control.

    Every parameter of every clause is set explicitly to its current value, with a
    comment on its meaning, type and bounds. Body terms and clauses that may be left
    out appear as commented examples. The file renders exactly like ``code``.
    """
    model = code.model
    header = (
        f"# Lokale gedragscode: {_one_line(code.name)}",
        f"# Gemaakt op basis van het model \u201c{_one_line(model.title)}\u201d (versie {model.version}).",
        "# Pas de waarden aan; regels met een hekje (#) ervoor zijn uitleg of voorbeelden.",
        "# Controleren:  gedragscode check <dit-bestand>",
        "# Tekst maken:  gedragscode render <dit-bestand> --format docx -o gedragscode.docx",
        "",
    )
    stmts: list[s.CodeStmt] = [
        s.CodeStmt("model", text=model.version),
        s.CodeStmt("lichaam", name=code.body.id, text=code.place),
        s.CodeStmt("ambten", names=tuple(o.id for o in code.offices)),
        s.CodeStmt("jaar", number=code.year),
    ]
    pending: list[str] = []

    def add(stmt: s.CodeStmt) -> None:
        stmts.append(replace(stmt, comments=tuple(pending)))
        pending.clear()

    # adoption details: set when known, else a commented example
    pending += ["", "# Vorige gedragscode die vervalt, datum van inwerkingtreding en datum van vaststelling;",
                "# voorstel, datum en kenmerk van het voorstel en advies voor de aanhef; namen voor de ondertekening:"]
    for kind, value, example in (("intrekking", code.repeals, "Gedragscode integriteit ..."),
                                 ("inwerkingtreding", code.effective, f"op 1 januari {code.year + 1}"),
                                 ("vastgesteld", code.adopted, "..."),
                                 ("voorstel", code.proposed_by, "het presidium"),
                                 ("voorstel_datum", code.proposal_date, "..."),
                                 ("voorstel_kenmerk", code.proposal_reference, "..."),
                                 ("advies", code.advice, "de commissie ..."),
                                 ("naam_voorzitter", code.chair_name, "..."),
                                 ("naam_griffier", code.clerk_name, "...")):
        if value:
            add(s.CodeStmt(kind, text=value))
        else:
            pending.append(_commented(s.CodeStmt(kind, text=example)))

    pending += ["", f"# Woorden van het lichaam ({code.body.name}). Haal het hekje weg om een woord te wijzigen;",
                "# {{ naam }} staat voor de naam die hierboven bij lichaam staat."]
    for name in sorted(code.terms):
        stmt = s.CodeStmt("zet_term", name=name, text=code.terms[name])
        if code.terms[name] != code.body.terms.get(name):
            add(stmt)
        else:
            pending.append(_commented(stmt))

    optional = [c for c in model.applicable_clauses(code.body.id, code.offices)
                if c.can_be_left_out(code.body.id)]
    if optional:
        pending += ["", "# Bepalingen die niet wettelijk verplicht zijn. Haal het hekje weg om er een weg te laten:"]
        for clause in optional:
            stmt = s.CodeStmt("zonder", names=(clause.id,))
            note = f"{_one_line(clause.title)} ({clause.level_for(code.body.id).value})"
            if clause.id in code.omitted:
                pending.append(f"# {note}")
                add(stmt)
            else:
                pending.append(_commented(stmt, note))

    for clause in code.clauses:
        if not clause.parameters:
            continue
        pending += ["", f"# {_one_line(clause.title)} (clausule {clause.id})"]
        values = code.values.get(clause.id, {})
        for param in clause.parameters:
            description = _one_line(param.description).rstrip(".") or param.name
            pending.append(f"# {param.name}: {description} ({_describe(param)}).")
            bound = values.get(param.name, param.default)
            add(s.CodeStmt("zet", name=clause.id, param=param.name, value=_literal(code, clause.id, param, bound)))
            for office_id, own in code.office_values.get(clause.id, {}).get(param.name, {}).items():
                add(s.CodeStmt("zet", name=clause.id, param=param.name, value=own, office=office_id))

    tree = s.SyntaxTree("", (s.CodeDecl(code.name, tuple(stmts), comments=header),),
                        trailing_comments=tuple(pending))
    text = format_tree(tree)
    # comments "" stand for blank lines
    return "\n".join(line if line.strip() else "" for line in text.splitlines()) + "\n"
