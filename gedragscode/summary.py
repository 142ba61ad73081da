"""A stable, JSON-ready summary of a model (what ``gedragscode models --format json`` prints)."""

from __future__ import annotations

from typing import Any

from gedragscode.model import Clause, Model, Value

__all__ = ["model_summary"]


def _json_value(value: Value) -> Any:
    if isinstance(value, bool | int):
        return value
    return str(value)


def _main_level(model: Model, clause: Clause) -> str:
    """The clause's level in the first body it applies to (see "levels" for every body)."""
    for b in model.bodies:
        if any(clause.applies.matches(b.id, o) for o in b.offices):
            return clause.level_for(b.id).value
    return clause.level_for("").value


def model_summary(model: Model) -> dict[str, Any]:
    """The stable JSON form of ``gedragscode models --format json``.

    ``{"version", "title", "date", "chapters": [{"id", "title"}], "bodies": [{"id", "name", "offices":
    [{"id", "name", "category", "legal_basis"}]}], "clauses": [{"id", "title", "chapter", "level",
    "levels", "since", "applies_to": [{"body", "office"}], "parameters": [{"name", "type", "default"}]}]}``
    """
    return {
        "version": model.version,
        "title": model.title,
        "date": model.date,
        "chapters": [{"id": ch.id, "title": ch.title} for ch in model.chapters],
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
             "changed": list(c.changed),
             "applies_to": [{"body": b.id, "office": o.id} for b in model.bodies for o in b.offices
                            if c.applies.matches(b.id, o)],
             "parameters": [{"name": p.name, "type": p.type.value,
                             "default": f"term {p.default_term}" if p.default_term else _json_value(p.default)}
                            for p in c.parameters]}
            for c in model.clauses
        ],
    }
