"""Coverage: how much of a document lint read as provisions, and whether its structure was recognised.

Every lint result says how many units (articles, leden, paragraphs) and how many characters of the
document were read as normative text, and which share of the whole that is. A reading can fail
without an error: headings of an unfamiliar style, or an explanation that swallowed the provisions,
leave clauses unread, and lint would then report them missing with full confidence. Two kinds of
evidence show such a failure, and then the result says "structuur mogelijk niet herkend":

* a long document (at least :data:`LONG` characters) in which almost nothing was read as provisions
  (no normative unit at all, or fewer than :data:`FEW_UNITS` that hold less than :data:`LOW_SHARE` of
  its text);
* clauses that are missing from the provisions but that the recognisers find in the rest of the text
  (introduction, explanation, headings, bijlage): at least :data:`ELSEWHERE` of them, and at least twice
  as many as were found in the provisions (a toelichting that explains a few more topics than the
  rules hold is normal).

A short excerpt, or a long code that simply lacks many clauses while its provisions were read, is not
flagged: the first signal needs text that was not read as provisions, the second clauses that are there.
"""

from __future__ import annotations

from collections.abc import Sequence

from gedragscode.lint.document import Role, Segmentation
from gedragscode.lint.match import DocumentIndex, Matcher
from gedragscode.lint.result import ClauseFinding, Coverage
from gedragscode.model import Model

__all__ = ["ELSEWHERE", "FEW_UNITS", "LONG", "LOW_SHARE", "OTHER_ROLES", "measure_coverage"]

LONG = 4000
"""A document of at least this many characters (not counting white space) is long."""
FEW_UNITS = 3
LOW_SHARE = 0.1
ELSEWHERE = 4
OTHER_ROLES: tuple[Role, ...] = ("titel", "aanhef", "inleiding", "kop", "toelichting", "ondertekening", "bijlage")
"""Text that was not read as provisions but could hold them if the structure was misread (the oath,
metadata and a table of contents could not)."""


def _characters(text: str, start: int, end: int) -> int:
    chunk = text[start:end]
    return len(chunk) - sum(chunk.count(c) for c in " \n\t")


def _found_elsewhere(seg: Segmentation, index: DocumentIndex, model: Model,
                     findings: Sequence[ClauseFinding]) -> tuple[str, ...]:
    """The required clauses that are missing from the provisions but match in the rest of the text."""
    missing = {f.id for f in findings if f.required and f.status in ("missing", "onzeker")}
    if not missing:
        return ()
    matcher = Matcher(seg, roles=OTHER_ROLES, index=index)
    if not matcher.units:
        return ()
    found: list[str] = []
    for clause in model.clauses:
        if (clause.id in missing and clause.form != "inleiding"
                and any(matcher.find(recogniser) for recogniser in clause.recognisers)):
            found.append(clause.id)
    return tuple(found)


def measure_coverage(seg: Segmentation, index: DocumentIndex, model: Model,
                     findings: Sequence[ClauseFinding]) -> Coverage:
    """The coverage of one linted document (see the module docstring)."""
    text = seg.document.text
    normative = seg.units_with_role("normatief")
    characters = sum(_characters(text, u.body_span.start, u.body_span.end) for u in normative)
    total = _characters(text, 0, len(text))
    share = characters / total if total else 0.0
    elsewhere = _found_elsewhere(seg, index, model, findings)
    present = sum(1 for f in findings if f.status in ("present", "outdated"))
    message = ""
    if total >= LONG and (not normative or (len(normative) < FEW_UNITS and share < LOW_SHARE)):
        read = ("geen enkele bepaling" if not normative
                else f"maar {len(normative)} bepalingen ({share:.0%} van de tekst)")
        message = (f"structuur mogelijk niet herkend: in dit lange document is {read} als regel gelezen; "
                   "controleer de ontbrekende clausules zelf")
    elif len(elsewhere) >= ELSEWHERE and len(elsewhere) >= 2 * present:
        message = (f"structuur mogelijk niet herkend: {len(elsewhere)} clausules die als regel ontbreken, staan wel "
                   "in de rest van de tekst (inleiding, toelichting, koppen of bijlage); controleer of die "
                   "tekst regels bevat")
    return Coverage(units=len(normative), characters=characters, text_characters=total,
                    elsewhere=elsewhere, recognised=not message, message=message)
