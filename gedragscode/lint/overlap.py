"""One rule, one place: find clauses whose recognisers hit the rendered text of another clause.

For every body the model is rendered as one code for all its offices (so every lid that can
appear, appears), read back like any document, and every clause's recognisers are run over it.
A hit in an article that renders a *different* clause means the two clauses overlap: either the
same rule stands in two articles, or a recogniser is too loose. ``gedragscode check`` reports each
such pair at the recogniser's line, so it is fixed where it is written.
"""

from __future__ import annotations

from gedragscode.errors import DslSemanticError, GedragscodeError
from gedragscode.model import Model

__all__ = ["check_overlaps"]


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_overlaps(model: Model) -> list[GedragscodeError]:
    """A located Dutch error for every recogniser that finds its clause in another clause's article."""
    from gedragscode.lint.match import Matcher
    from gedragscode.lint.readers import read_document
    from gedragscode.lint.segment import segment
    from gedragscode.render.build import build_document
    from gedragscode.render.markdown import to_markdown
    from gedragscode.resolve import bind_code

    errors: list[GedragscodeError] = []
    seen: set[tuple[str, int, str]] = set()
    for body in model.bodies:
        try:
            code = bind_code(model, body.id, [o.id for o in body.offices], "Proefstad", year=2000)
            document = build_document(code)
        except GedragscodeError as exc:  # a model that cannot render is reported elsewhere
            errors.append(exc)
            continue
        owner = {a.number: a.clause_id for a in document.articles()}
        intro = next((c.id for c in model.clauses if c.form == "inleiding"), "")
        source = read_document("overlap.md", data=to_markdown(document).encode("utf-8"))
        matcher = Matcher(segment(source))
        for clause in model.clauses:
            for index, recogniser in enumerate(clause.recognisers):
                if recogniser.scope == "document":
                    continue
                for hit in matcher.find(recogniser):
                    other = owner.get(hit.unit.number, "") if hit.unit.number else (
                        intro if hit.unit.heading.strip().lower() == "inleiding" else "")
                    if not other or other == clause.id or (clause.id, index, other) in seen:
                        continue
                    seen.add((clause.id, index, other))
                    text = source.text[hit.span.start:hit.span.end]
                    where = f"artikel {hit.unit.number}" if hit.unit.number else "de inleiding"
                    errors.append(DslSemanticError(
                        f"clausule '{clause.id}' overlapt met clausule '{other}': deze herken-regel vindt ook "
                        f"{where} van een {body.name}scode (\"{_short(text)}\"); één regel hoort "
                        "op één plaats: herformuleer die bepaling of maak de herken-regel strenger",
                        recogniser.location or clause.location))
    return errors
