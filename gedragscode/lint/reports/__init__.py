"""Report formats for ``lint`` results: text, JSON, SARIF and HTML, plus the overview.

Every format is a pure function of the :class:`~gedragscode.lint.result.LintResult` and
:class:`~gedragscode.lint.result.LintFailure` values; equal input gives equal output.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
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
    "overview_csv",
    "overview_html",
    "render_html",
    "render_json",
    "render_report",
    "render_sarif",
    "render_text",
    "sarif_log",
    "write_overview",
]

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "html")

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
) -> str:
    """The report for ``results`` in format ``fmt`` (one of :data:`FORMATS`).

    ``single``: True for one document (JSON: one object rather than an array); None
    decides by the number of results. ``color`` only affects the text format (ANSI);
    ``suggest`` adds the model text for missing clauses (text, JSON, HTML).
    """
    results = list(results)
    if single is None:
        single = len(results) == 1
    if single and len(results) != 1:
        raise ValueError(f"single=True needs exactly one result, got {len(results)}")
    if fmt == "text":
        from gedragscode.lint.reports.text import render_text

        return render_text(results, color=color, suggest=suggest)
    if fmt == "json":
        from gedragscode.lint.reports.json_report import dumps

        return dumps(results, single=single, suggest=suggest)
    if fmt == "sarif":
        from gedragscode.lint.reports.sarif import render_sarif

        return render_sarif(results)
    if fmt == "html":
        from gedragscode.lint.reports.html_report import render_html

        return render_html(results, suggest=suggest)
    raise GedragscodeError(f"Onbekend rapportformaat {fmt!r}; kies uit {', '.join(FORMATS)}.")
