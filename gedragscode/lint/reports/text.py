"""The text report: Dutch, for a griffier reading it in a terminal.

Per document a header (file, detected body and offices and how they were detected,
model version, how much was read as provisions and, when the structure may not have been
recognised, a warning), the missing and outdated clauses by severity, the present clauses with
where they were found and a short quote, and a summary line. A document that does not look
like a code of conduct gets one line saying so. Colour (ANSI) only on request.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Iterator, Sequence

from gedragscode.lint.reports.common import (
    FORMAT_LABEL,
    STATUS_LABEL,
    coverage_line,
    evidence_label,
    not_a_code_line,
    plural,
    problems_first,
    sanitized,
    short_quote,
    summary_line,
)
from gedragscode.lint.result import ClauseFinding, LintFailure, LintResult

__all__ = ["render_text", "stream_text"]

_RESET = "\x1b[0m"
_COLOURS = {
    "fout": "\x1b[31m",          # red
    "waarschuwing": "\x1b[33m",  # yellow
    "info": "\x1b[34m",          # blue
    "present": "\x1b[32m",       # green
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
}
_WIDTH = 100
_INDENT = " " * 4
_DETAIL = " " * 17


class _Paint:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        if not self.color or not text:
            return text
        return f"{_COLOURS[style]}{text}{_RESET}"


def _wrap(text: str, indent: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        if not paragraph.strip():
            lines.append("")
            continue
        lines.extend(
            textwrap.wrap(paragraph, _WIDTH, initial_indent=indent, subsequent_indent=indent,
                          break_long_words=False, break_on_hyphens=False)
        )
    return lines


_QUOTED = re.compile(r"'([^']*)'")
_CUT = 100  # identification keeps at most this many characters of a sentence


def _quote(match: re.Match[str]) -> str:
    """A sentence that identification quoted, in Dutch quotes, with "…" where it was cut off."""
    text = match.group(1).strip()
    if len(text) >= _CUT - 2 and " " in text:
        text = text.rsplit(" ", 1)[0] + " …"
    return f"“{text}”"


def _reason(how: str) -> str:
    """Where identification found the offices, for a griffier: "de titel", or the sentence and where it is."""
    first, *more = how.split("; aangevuld uit ")
    kind, _, rest = first.partition(": ")
    if kind == "titel":
        text = "de titel"
    elif kind in ("reikwijdte", "besluit") and rest:
        text = _QUOTED.sub(_quote, rest)
        text = ("het besluit: " if kind == "besluit" else "") + text.replace("normatief: ", "").replace(
            "inleiding: ", "de inleiding: ")
    else:
        text = _QUOTED.sub(_quote, first)
    for extra in more:
        text += "; aangevuld uit " + _QUOTED.sub(_quote, extra)
    return text


def _header(result: LintResult, paint: _Paint, detail: bool) -> list[str]:
    det = result.detection
    body = result.body.replace("_", " ") if result.body else "onbekend"
    if result.place:
        body += f" {result.place}"
    offices = ", ".join(result.offices) if result.offices else "onbekend"
    how_offices = det.get("ambten", "")
    lines = [paint(result.file, "bold")]
    if result.title:
        lines.append(f"{_INDENT}Titel:   {result.title}")
    lines.append(f"{_INDENT}Lichaam: {body}")
    # which sentence decided the offices: what a griffier checks first when the findings look wrong
    why = f"herkend aan {_reason(how_offices)}" if how_offices else ""
    line = f"{_INDENT}Ambten:  {offices}"
    if why and len(line) + len(why) + 3 <= _WIDTH:
        lines.append(f"{line} ({why})")
    else:
        lines.append(line)
        if why:
            lines.extend(_wrap(why, _INDENT + " " * 9))
    if det.get("toetsing"):
        lines.extend(_wrap(f"Let op:  {det['toetsing']}", _INDENT))
    if detail:
        for key, value in sorted(det.items()):
            if value and key != "toetsing":
                lines.extend(_wrap(f"{key.capitalize()} herkend aan: {value}", _INDENT))
    model = f"handreiking {result.model_version}" if result.model_version else "onbekend"
    kind = FORMAT_LABEL.get(result.format, result.format or "onbekend")
    lines.append(f"{_INDENT}Model:   {model}; bestandsformaat: {kind}")
    lines.append(f"{_INDENT}Gelezen: {coverage_line(result)}")
    if not result.coverage.recognised:
        lines.extend(_wrap(f"Let op: {result.coverage.message}", _INDENT))
    return lines


def _problem(finding: ClauseFinding, paint: _Paint, suggest: bool) -> list[str]:
    severity = finding.severity or "info"
    label = finding.severity or "niet vereist"
    head = f"{_INDENT}{paint(label.ljust(13), severity)}{STATUS_LABEL[finding.status]}: "
    head += f"{finding.title} [{finding.id}] ({finding.level})"
    lines = [head]
    if finding.message:
        lines.extend(_wrap(finding.message, _DETAIL))
    if finding.confidence is not None and finding.status == "missing":
        lines.append(f"{_DETAIL}Zekerheid dat zij ontbreekt: {round(finding.confidence * 100)}%")
    for ev in finding.evidence[:1] if finding.status in ("outdated", "onzeker") else ():
        lines.append(f"{_DETAIL}{evidence_label(ev.label)}:")
        lines.extend(_wrap(f"“{short_quote(ev.text)}”", _DETAIL + "  "))
    if suggest and finding.suggestion.strip():
        lines.append(f"{_DETAIL}Voorgestelde tekst:")
        lines.extend(_wrap(finding.suggestion.strip(), _DETAIL + "    "))
    return lines


def _present(finding: ClauseFinding, paint: _Paint) -> list[str]:
    mark = paint("✓", "present")
    lines = [f"{_INDENT}{mark} {finding.title} [{finding.id}]"]
    if not finding.evidence:
        return lines
    first = finding.evidence[0]
    where = evidence_label(first.label)
    more = len(finding.evidence) - 1
    if more:
        where += f" (en op {plural(more, 'andere plek', 'andere plekken')})"
    lines.append(f"{_INDENT}  {where}")
    lines.extend(_wrap(f"“{short_quote(first.text)}”", _INDENT + "  "))
    if finding.message:
        lines.extend(_wrap(f"Opmerking (info): {finding.message}", _INDENT + "  "))
    return lines


def _not_a_code(result: LintResult, paint: _Paint) -> list[str]:
    return [paint(result.file, "bold"), *_wrap(not_a_code_line(result), _INDENT)]


def _result(result: LintResult, paint: _Paint, suggest: bool, detail: bool) -> list[str]:
    if not result.is_code:
        return _not_a_code(result, paint)
    lines = _header(result, paint, detail)
    ordered = problems_first(result.clauses)
    problems = [c for c in ordered if c.status in ("missing", "outdated", "onzeker")]
    present = [c for c in ordered if c.status == "present"]
    not_required = [c for c in ordered if c.status == "not_required"]
    lines.append("")
    if problems:
        lines.append("  Ontbrekend of verouderd, of onzeker:" if result.coverage.recognised
                     else "  Mogelijk ontbrekend (de structuur is mogelijk niet herkend), verouderd of onzeker:")
        for finding in problems:
            lines.extend(_problem(finding, paint, suggest))
    else:
        lines.append("  Geen ontbrekende, onzekere of verouderde clausules.")
    if present:
        lines.append("")
        lines.append("  Aanwezig:")
        for finding in present:
            lines.extend(_present(finding, paint))
    if not_required:
        lines.append("")
        ids = ", ".join(c.id for c in not_required)
        lines.extend(_wrap(f"Niet vereist voor deze ambten en niet gevonden: {ids}", "  "))
    lines.append("")
    worst = result.worst()
    summary = summary_line(result)
    lines.append("  " + (paint(summary, worst) if worst else paint(summary, "present")))
    return lines


def render_text(results: Sequence[LintResult | LintFailure], *, color: bool = False,
                suggest: bool = False, detail: bool = False) -> str:
    """The text report for one or more documents; ends with a newline.

    ``detail`` adds every clue by which the body and the offices were identified (``lint --uitgebreid``).
    """
    return "".join(stream_text(results, color=color, suggest=suggest, detail=detail))


def stream_text(results: Iterable[LintResult | LintFailure], *, color: bool = False,
                suggest: bool = False, detail: bool = False) -> Iterator[str]:
    """The text report in pieces, one per document as it comes, then the total line: the pieces
    joined are :func:`render_text`. Only the totals are kept, so any number of documents fits."""
    paint = _Paint(color)
    count = broken = skipped = 0
    totals = {"fout": 0, "waarschuwing": 0, "info": 0}
    for item in results:
        result = sanitized(item)
        if isinstance(result, LintFailure):
            broken += 1
            block = [f"{result.file}: {paint('fout', 'fout')}: {result.message}"]
        else:
            counts = result.counts()
            for key in totals:
                totals[key] += counts[key]
            skipped += not result.is_code
            block = _result(result, paint, suggest, detail)
        yield ("\n\n" if count else "") + "\n".join(block).rstrip()
        count += 1
    if not count:
        yield "Geen documenten gecontroleerd.\n"
        return
    if count > 1:
        yield "\n\n" + (
            f"Totaal: {plural(count, 'document', 'documenten')}"
            + (f" ({broken} niet gecontroleerd)" if broken else "")
            + (f" ({skipped} geen gedragscode, overgeslagen)" if skipped else "")
            + f"; {plural(totals['fout'], 'fout', 'fouten')}, "
            f"{plural(totals['waarschuwing'], 'waarschuwing', 'waarschuwingen')}, {totals['info']} info"
        )
    yield "\n"
