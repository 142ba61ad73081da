"""Helpers shared by the report formats: Dutch labels, ordering, counts in words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from gedragscode.limits import printable
from gedragscode.lint.result import SEVERITY_ORDER, ClauseFinding, LintFailure, LintResult

__all__ = [
    "BODY_ORDER",
    "FORMAT_LABEL",
    "STATUS_LABEL",
    "STATUS_SYMBOL",
    "body_label",
    "body_sort_key",
    "clause_columns",
    "clean",
    "coverage_line",
    "evidence_label",
    "failures",
    "not_a_code_line",
    "plural",
    "problems_first",
    "sanitized",
    "sarif_level",
    "short_quote",
    "summary_line",
]

STATUS_LABEL: dict[str, str] = {
    "present": "aanwezig",
    "outdated": "verouderd",
    "onzeker": "onzeker",
    "missing": "ontbreekt",
    "not_required": "niet vereist",
    "error": "niet gecontroleerd",
}
STATUS_SYMBOL: dict[str, str] = {
    "present": "✓",
    "outdated": "!",
    "onzeker": "?",
    "missing": "✗",
    "not_required": "–",
    "error": "?",
}
# the reader's format names in words ("text" is a plain-text file)
FORMAT_LABEL: dict[str, str] = {"text": "tekst", "markdown": "Markdown", "html": "HTML", "docx": "Word (DOCX)",
                                "pdf": "PDF", "rtf": "RTF (Rich Text)", "xml": "publicatie-XML"}
# Bodies in the order people expect them, unknown ones after these (alphabetically).
BODY_ORDER: tuple[str, ...] = ("gemeente", "provincie", "waterschap", "openbaar_lichaam")

_SARIF_LEVEL = {"fout": "error", "waarschuwing": "warning", "info": "note"}
_SPACE = re.compile(r"\s+")
# C0/C1 control characters other than tab and newline: a document could carry terminal
# escape sequences (ESC) or bytes that are not allowed in HTML.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` without control characters (tab and newline kept; CR dropped)."""
    return _CONTROL.sub("", text)


def sanitized(item: LintResult | LintFailure) -> LintResult | LintFailure:
    """The same finding with control characters removed from every string in it.

    The file name keeps every character but shows control, bidi and undecodable ones as
    escapes (``\\n``): a name with a newline cannot forge a line of the report.
    """
    if isinstance(item, LintFailure):
        return LintFailure(printable(item.file), clean(item.message))
    clauses = tuple(
        replace(
            c, id=clean(c.id), title=clean(c.title), level=clean(c.level), message=clean(c.message),
            suggestion=clean(c.suggestion),
            evidence=tuple(replace(ev, label=clean(ev.label), text=clean(ev.text)) for ev in c.evidence),
        )
        for c in item.clauses
    )
    return replace(
        item, file=printable(item.file), format=clean(item.format),
        body=clean(item.body) if item.body is not None else None,
        offices=tuple(clean(o) for o in item.offices), clauses=clauses, title=clean(item.title),
        place=clean(item.place), detection={clean(k): clean(v) for k, v in item.detection.items()},
        model_version=clean(item.model_version), reason=clean(item.reason),
        coverage=replace(item.coverage, message=clean(item.coverage.message),
                         elsewhere=tuple(clean(c) for c in item.coverage.elsewhere)),
    )


def sarif_level(severity: str | None) -> str:
    """SARIF level for a lint severity (``None``, a clause that is not required: note)."""
    return _SARIF_LEVEL.get(severity or "", "note")


def plural(count: int, one: str, many: str) -> str:
    """``"1 fout"``, ``"3 fouten"``."""
    return f"{count} {one if count == 1 else many}"


def summary_line(result: LintResult) -> str:
    """``"3 fouten, 5 waarschuwingen, 2 info; 12 clausules aanwezig"``."""
    n = result.counts()
    line = (
        f"{plural(n['fout'], 'fout', 'fouten')}, "
        f"{plural(n['waarschuwing'], 'waarschuwing', 'waarschuwingen')}, "
        f"{n['info']} info; {plural(n['present'], 'clausule', 'clausules')} aanwezig"
    )
    if n["outdated"]:
        line += f", {n['outdated']} verouderd"
    if n.get("onzeker"):
        line += f", {n['onzeker']} onzeker"
    return line


def coverage_line(result: LintResult) -> str:
    """``"23 bepalingen (12.345 tekens, 64% van de tekst)"``: what lint read as normative text."""
    cov = result.coverage
    characters = f"{cov.characters:,}".replace(",", ".")
    share = round(cov.share * 100)
    return f"{plural(cov.units, 'bepaling', 'bepalingen')} ({characters} tekens, {share}% van de tekst)"


def not_a_code_line(result: LintResult) -> str:
    """``"Dit lijkt geen gedragscode: …; niet getoetst."``"""
    reason = result.reason.strip()
    if reason.startswith("dit lijkt geen gedragscode: "):
        reason = reason[len("dit lijkt geen gedragscode: "):]
    if reason.startswith("dit "):
        return f"{reason[0].upper()}{reason[1:]}; niet getoetst."
    return f"Dit lijkt geen gedragscode{': ' + reason if reason else ''}; niet getoetst."


def body_label(body: str | None, place: str = "") -> str:
    """``"gemeente Almelo"``; ``"onbekend lichaam"`` when nothing was detected."""
    name = body.replace("_", " ") if body else "onbekend lichaam"
    return f"{name} {place}".strip() if body else name


def body_sort_key(body: str | None) -> tuple[int, str]:
    if body in BODY_ORDER:
        return (BODY_ORDER.index(body), "")
    return (len(BODY_ORDER) + (1 if body is None else 0), body or "")


def _severity_rank(finding: ClauseFinding) -> int:
    """0 for problems of the highest severity, upwards; present and not required last."""
    if finding.status in ("missing", "outdated", "onzeker"):
        return 3 - SEVERITY_ORDER.get(finding.severity or "", 0)
    return 4 if finding.status == "present" else 5


def problems_first(clauses: Iterable[ClauseFinding]) -> list[ClauseFinding]:
    """Missing/outdated by severity (fout, waarschuwing, info, none), then present, then
    not required; model order within each group (a stable sort)."""
    return sorted(clauses, key=_severity_rank)


def evidence_label(label: str) -> str:
    """``"gevonden in Artikel 2.1, lid 2"``; ``"gevonden in de tekst"`` without numbering."""
    return f"gevonden in {label}" if label.strip() else "gevonden in de tekst"


def short_quote(text: str, limit: int = 160) -> str:
    """The evidence on one line, whitespace collapsed, cut at a word boundary with ``…``."""
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(" ,;:") + " …"


def failures(results: Sequence[LintResult | LintFailure]) -> list[LintFailure]:
    return [r for r in results if isinstance(r, LintFailure)]


def clause_columns(results: Sequence[LintResult | LintFailure]) -> list[tuple[str, str]]:
    """Every clause id in the results, with its title, in order of first appearance."""
    seen: dict[str, str] = {}
    for result in results:
        if isinstance(result, LintResult):
            for clause in result.clauses:
                seen.setdefault(clause.id, clause.title)
    return list(seen.items())
