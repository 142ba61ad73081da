"""Report formats for ``lint`` results: text, JSON, SARIF and HTML, plus the overview.

Every format is a pure function of the :class:`~gedragscode.lint.result.LintResult` and
:class:`~gedragscode.lint.result.LintFailure` values; equal input gives equal output.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from gedragscode.errors import GedragscodeError

if TYPE_CHECKING:
    from gedragscode.lint.reports.html_report import render_html
    from gedragscode.lint.reports.json_report import dumps as render_json
    from gedragscode.lint.reports.overview import overview_csv, overview_html, write_overview
    from gedragscode.lint.reports.sarif import render_sarif, sarif_log
    from gedragscode.lint.reports.text import render_text
    from gedragscode.lint.result import LintFailure, LintResult

__all__ = [
    "FORMATS",
    "STREAMING_FORMATS",
    "overview_csv",
    "overview_html",
    "render_html",
    "render_json",
    "render_report",
    "render_sarif",
    "render_text",
    "sarif_log",
    "stream_report",
    "write_overview",
]

FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "sarif", "html")

STREAMING_FORMATS: tuple[str, ...] = ("text", "json", "jsonl")
"""Formats that :func:`stream_report` writes document by document; the others need all results."""

# name -> (module in this package, attribute): each format is imported when it is first used
_LAZY: dict[str, tuple[str, str]] = {
    "render_html": ("html_report", "render_html"),
    "render_json": ("json_report", "dumps"),
    "overview_csv": ("overview", "overview_csv"),
    "overview_html": ("overview", "overview_html"),
    "write_overview": ("overview", "write_overview"),
    "render_sarif": ("sarif", "render_sarif"),
    "sarif_log": ("sarif", "sarif_log"),
    "render_text": ("text", "render_text"),
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        target = _LAZY.get(name)
        if target is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{target[0]}"), target[1])
        globals()[name] = value
        return value


def render_report(
    results: Sequence[LintResult | LintFailure],
    fmt: str,
    *,
    color: bool = False,
    suggest: bool = False,
    single: bool | None = None,
    detail: bool = False,
) -> str:
    """The report for ``results`` in format ``fmt`` (one of :data:`FORMATS`).

    ``single``: True for one document (JSON: one object rather than an array); None
    decides by the number of results. ``color`` only affects the text format (ANSI);
    ``suggest`` adds the model text for missing clauses (text, JSON, HTML); ``detail`` adds every
    clue of the identification of body and offices to the text format.
    """
    results = list(results)
    if single is None:
        single = len(results) == 1
    if single and len(results) != 1:
        raise ValueError(f"single=True needs exactly one result, got {len(results)}")
    return "".join(stream_report(results, fmt, color=color, suggest=suggest, single=single, detail=detail))


def stream_report(
    results: Iterable[LintResult | LintFailure],
    fmt: str,
    *,
    color: bool = False,
    suggest: bool = False,
    single: bool = False,
    detail: bool = False,
) -> Iterator[str]:
    """The report in pieces: for the :data:`STREAMING_FORMATS` one piece per document as the
    results come (nothing is kept but totals), else the whole report once all results are in.
    The pieces joined are :func:`render_report` of the same results.

    ``single`` (exactly one document; JSON writes one object rather than an array) must be
    decided by the caller, since the results are not counted in advance.
    """
    if fmt not in FORMATS:
        raise GedragscodeError(f"Onbekend rapportformaat {fmt!r}; kies uit {', '.join(FORMATS)}.")
    if fmt == "text":
        from gedragscode.lint.reports.text import stream_text

        yield from stream_text(results, color=color, suggest=suggest, detail=detail)
        return
    if fmt == "jsonl":
        from gedragscode.lint.reports.json_report import stream_json_lines

        yield from stream_json_lines(results, suggest=suggest)
        return
    if fmt == "json" and not single:
        from gedragscode.lint.reports.json_report import stream_json

        yield from stream_json(results, suggest=suggest)
        return
    collected = list(results)
    if single and len(collected) != 1:
        raise ValueError(f"single=True needs exactly one result, got {len(collected)}")
    if fmt == "json":
        from gedragscode.lint.reports.json_report import dumps

        yield dumps(collected, single=True, suggest=suggest)
    elif fmt == "sarif":
        from gedragscode.lint.reports.sarif import render_sarif

        yield render_sarif(collected)
    else:
        from gedragscode.lint.reports.html_report import render_html

        yield render_html(collected, suggest=suggest)
