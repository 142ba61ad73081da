"""The JSON report: the stable contract other tools (and the accuracy evaluation) read.

One object per document::

    {"file", "format", "title", "body", "place", "offices": [...], "detection": {...},
     "model_version",
     "clauses": [{"id", "title", "status", "level", "severity", "required",
                  "evidence": [{"label", "start", "end", "text", "line", "column"}],
                  "message", "confidence", "suggestion"?}],
     "summary": {"present", "outdated", "missing", "not_required", "onzeker", "fout", "waarschuwing",
                 "info", "total", "worst"},
     "coverage": {"units", "characters", "text_characters", "share", "recognised", "message", "elsewhere"},
     "document": {"status", "reason"}}

``status`` is ``present``, ``outdated``, ``onzeker`` (weak evidence: the best candidate passage is the
evidence), ``missing`` or ``not_required``. ``confidence`` (0..1, or null) is set for ``missing`` (how
sure lint is that the clause is absent) and ``onzeker`` (how much of a recogniser the candidate passage
has). A present clause with ``severity`` ``"info"`` carries a note in ``message`` (a value that differs
from the handreiking within the model's bounds), its first evidence the lid that holds the value.

``coverage`` says how much of the document was read as provisions: ``units`` (articles, leden,
numbered paragraphs read as normative text), ``characters`` (their characters, white space not
counted), ``text_characters`` (the whole text's), ``share`` (0..1), and ``recognised``: false when the
structure may not have been recognised (a long document with almost nothing read as provisions, or
many missing clauses that the recognisers find in the rest of the text, listed in ``elsewhere``);
``message`` then says so in Dutch ("structuur mogelijk niet herkend: ...") and the confidence of every
missing clause is halved. ``document.status`` is ``"gedragscode"``, or ``"geen_gedragscode"`` for a
document that does not look like a code of conduct (a README, a shopping list, a reglement van orde
without integrity rules, a .gdc file): its ``clauses`` are then empty (not checked) and
``document.reason`` says why in Dutch. Both objects were added to the contract; every earlier field
is unchanged.

A document that could not be checked is ``{"file", "error"}``. ``suggestion`` is only
there with ``--suggest`` and when the model has text for the clause.

The ``jsonl`` format (JSON Lines) has the same objects, one per line, without indentation: a
consumer can read each document as soon as it is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from gedragscode.limits import printable
from gedragscode.lint.result import ClauseFinding, Coverage, Evidence, LintFailure, LintResult

__all__ = ["coverage_dict", "dumps", "failure_dict", "result_dict", "stream_json", "stream_json_lines"]


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {"label": ev.label, "start": ev.start, "end": ev.end, "text": ev.text,
            "line": ev.line, "column": ev.column}


def _clause(finding: ClauseFinding, suggest: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": finding.id,
        "title": finding.title,
        "status": finding.status,
        "level": finding.level,
        "severity": finding.severity,
        "required": finding.required,
        "evidence": [_evidence(ev) for ev in finding.evidence],
        "message": finding.message,
        "confidence": finding.confidence,
    }
    if suggest and finding.suggestion:
        out["suggestion"] = finding.suggestion
    return out


def result_dict(result: LintResult, *, suggest: bool = False) -> dict[str, Any]:
    """One checked document as a JSON-ready dict (keys in contract order)."""
    summary: dict[str, Any] = dict(result.counts())
    summary["total"] = len(result.clauses)
    summary["worst"] = result.worst()
    return {
        "file": printable(result.file),
        "format": result.format,
        "title": result.title,
        "body": result.body,
        "place": result.place,
        "offices": list(result.offices),
        "detection": {k: result.detection[k] for k in sorted(result.detection)},
        "model_version": result.model_version,
        "clauses": [_clause(c, suggest) for c in result.clauses],
        "summary": summary,
        "coverage": coverage_dict(result.coverage),
        "document": {"status": result.document, "reason": result.reason},
    }


def coverage_dict(coverage: Coverage) -> dict[str, Any]:
    """The ``coverage`` object of the JSON report."""
    return {"units": coverage.units, "characters": coverage.characters, "text_characters": coverage.text_characters,
            "share": coverage.share, "recognised": coverage.recognised, "message": coverage.message,
            "elsewhere": list(coverage.elsewhere)}


def failure_dict(failure: LintFailure) -> dict[str, Any]:
    return {"file": printable(failure.file), "error": failure.message}


def _item(result: LintResult | LintFailure, suggest: bool) -> dict[str, Any]:
    return failure_dict(result) if isinstance(result, LintFailure) else result_dict(result, suggest=suggest)


def dumps(results: Sequence[LintResult | LintFailure], *, single: bool, suggest: bool = False) -> str:
    """The JSON text: an object when ``single``, else an array; ends with a newline."""
    if single:
        return json.dumps(_item(results[0], suggest), ensure_ascii=False, indent=2) + "\n"
    return "".join(stream_json(results, suggest=suggest))


def stream_json(results: Iterable[LintResult | LintFailure], *, suggest: bool = False) -> Iterator[str]:
    """The JSON array in pieces, one per document as it comes; joined they are exactly
    ``json.dumps(items, ensure_ascii=False, indent=2) + "\\n"`` (each object indented one level)."""
    first = True
    for result in results:
        text = json.dumps(_item(result, suggest), ensure_ascii=False, indent=2)
        yield ("[\n" if first else ",\n") + "\n".join("  " + line for line in text.split("\n"))
        first = False
    yield "[]\n" if first else "\n]\n"


def stream_json_lines(results: Iterable[LintResult | LintFailure], *, suggest: bool = False) -> Iterator[str]:
    """JSON Lines: one compact object per document and line, in the same form as the JSON report."""
    for result in results:
        yield json.dumps(_item(result, suggest), ensure_ascii=False, separators=(",", ":")) + "\n"
