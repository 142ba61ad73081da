"""Run every clause's ``voorbeeld`` and ``tegenvoorbeeld`` through its recognisers.

Each example is read as a document of one normative lid, cut into sentences as lint cuts a lid: a
``voorbeeld`` must be found by at least one of the clause's recognisers, a ``tegenvoorbeeld`` by none.
``gedragscode check`` reports every failure at the example's place in the model file, so a recogniser is
tested where it is written.
"""

from __future__ import annotations

from gedragscode.errors import DslSemanticError, GedragscodeError
from gedragscode.lint.document import LidSegment, Segmentation, Sentence, SourceDocument, Span, Unit
from gedragscode.lint.match import Matcher
from gedragscode.lint.reading.sentences import split_sentences
from gedragscode.model import Clause, Example, Model

__all__ = ["check_examples", "example_segmentation", "recognised"]


def example_segmentation(text: str) -> Segmentation:
    """``text`` as a document with one normative article of one lid, cut into sentences as lint cuts a lid."""
    doc = SourceDocument(name="<voorbeeld>", format="text", text=text)
    span = Span(0, len(text))
    sentences = split_sentences(text, 0, len(text)) or (Sentence(span, text),)
    lid = LidSegment(label="", span=span, sentences=sentences)
    unit = Unit(label="", number="", heading="", chapter="", role="normatief", span=span,
                body_span=span, leden=(lid,))
    return Segmentation(document=doc, units=(unit,))


def recognised(clause: Clause, text: str) -> bool:
    """Whether any recogniser of ``clause`` finds the clause in the one-sentence document ``text``."""
    matcher = Matcher(example_segmentation(text))
    return any(matcher.find(r) for r in clause.recognisers)


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _check(clause: Clause, example: Example) -> GedragscodeError | None:
    try:
        found = recognised(clause, example.text)
    except GedragscodeError as exc:  # a regex that runs too long (gedragscode.safe_regex)
        return DslSemanticError(f"clausule '{clause.id}': {exc.message}", example.location or clause.location)
    if example.positive and not found:
        return DslSemanticError(
            f"clausule '{clause.id}': het voorbeeld \"{_short(example.text)}\" wordt door geen enkele "
            "herken-regel gevonden", example.location or clause.location)
    if not example.positive and found:
        return DslSemanticError(
            f"clausule '{clause.id}': het tegenvoorbeeld \"{_short(example.text)}\" wordt ten onrechte "
            "herkend", example.location or clause.location)
    return None


def check_examples(model: Model) -> list[GedragscodeError]:
    """Every example that its clause's recognisers get wrong, as a located Dutch error."""
    errors: list[GedragscodeError] = []
    for clause in model.clauses:
        if clause.examples and not clause.recognisers:
            errors.append(DslSemanticError(
                f"clausule '{clause.id}' heeft voorbeelden maar geen herken-regel", clause.location))
            continue
        for example in clause.examples:
            error = _check(clause, example)
            if error is not None:
                errors.append(error)
    return errors
