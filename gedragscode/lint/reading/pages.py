"""Pages: the lines of a paged text without its page furniture.

Text extracted from a PDF (or a text file that ``pdftotext`` made) has its pages separated by a form
feed (``\\f``). Besides the text of the code, each page carries furniture: a running header or
footer (the title, the name of the body) and a page number ("Pagina 3 van 12", "- 3 -", "3/12", a
bare number). :func:`content_lines` returns the lines of the text without that furniture:

* a line near the top or bottom of a page (within three lines of text) is a running line when the
  same line, digits aside, stands near the edge of at least half of the pages (both pages of a
  two-page text);
* a page number is a line at the very top or bottom of a page (within two lines) that is only a
  page number; a bare number must lie within three of the page's own number.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from gedragscode.lint.document import PAGE_BREAK, Span

__all__ = ["content_lines", "remove_running_lines"]

_PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|page|blz\.?|blad|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:van|of|uit|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_PAGE_WORD = re.compile(r"^(?:pagina|page|blz\.?|blad)\s+\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_WS = re.compile(r"\s+")
_MAX_RUNNING = 150


def _key(line: str) -> str:
    return _WS.sub(" ", _DIGITS.sub("#", line.strip().lower()))


def _edge_indexes(lines: Sequence[str], depth: int) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:depth] + filled[-depth:]))


def remove_running_lines(pages: Sequence[Sequence[str]]) -> list[list[str]]:
    """The lines of each page with running headers/footers and page numbers blanked out ("")."""
    result = [list(page) for page in pages]
    n = len(result)
    if n >= 2:
        counts: Counter[str] = Counter()
        for page in result:
            counts.update({_key(page[i]) for i in _edge_indexes(page, 3)})
        needed = n if n == 2 else max(2, math.ceil(n * 0.5))
        running = {k for k, c in counts.items() if c >= needed and k and len(k) <= _MAX_RUNNING}
        for page in result:
            for i in _edge_indexes(page, 3):
                if _key(page[i]) in running:
                    page[i] = ""
    for number, page in enumerate(result, start=1):
        filled = [i for i, line in enumerate(page) if line.strip()]
        edges = filled[:2] + filled[-2:]
        for i in set(edges):
            line = page[i].strip()
            if not _PAGE_NUMBER.match(line):
                continue
            if (
                _PAGE_WORD.match(line)
                or not line.isdigit()
                or (i in (filled[0], filled[-1]) and abs(int(line) - number) <= 3)
            ):
                page[i] = ""
    return result


def _page_spans(text: str) -> list[list[Span]]:
    """The physical lines of every page as spans of ``text`` (whole lines, unstripped)."""
    pages: list[list[Span]] = []
    start = 0
    for page in text.split(PAGE_BREAK):
        spans: list[Span] = []
        pos = start
        for line in page.split("\n"):
            spans.append(Span(pos, pos + len(line)))
            pos += len(line) + 1
        pages.append(spans)
        start += len(page) + 1
    return pages


def content_lines(text: str) -> list[Span]:
    """The non-blank lines of a paged ``text`` that are not page furniture, stripped, in order."""
    pages = _page_spans(text)
    cleaned = remove_running_lines([[text[s.start : s.end] for s in page] for page in pages])
    out: list[Span] = []
    for spans, lines in zip(pages, cleaned, strict=True):
        for span, line in zip(spans, lines, strict=True):
            if not line.strip():
                continue
            raw = text[span.start : span.end]
            lead = len(raw) - len(raw.lstrip())
            out.append(Span(span.start + lead, span.start + len(raw.rstrip())))
    return out
