"""Pages: the lines of a paged text without its page furniture.

Text extracted from a PDF (or a text file that ``pdftotext`` made) has its pages separated by a form
feed (``\\f``). Besides the text of the code, each page carries furniture: a running header or
footer (the title, the name of the body) and a page number ("Pagina 3 van 12", "- 3 -", "3/12", a
bare number). :func:`content_lines` returns the lines of the text without that furniture:

* a line near the top or bottom of a page (within three lines of text) is a running line when the
  same line stands near the edge of at least half of the pages (both pages of a two-page text);
  numbers in it may differ from page to page only when they count the pages, so that a heading such
  as "Artikel 4" that happens to open many pages is no running line (repetition decides, not the
  pattern); the first line of the first page (the title) stays;
* a page number is a line at the very top or bottom of a page (within two lines) that is only a
  page number; a bare number must lie within three of the page's own number.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

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
_ENDS_SENTENCE = re.compile(r"[.:;!?)\]]\s*$")


def _key(line: str) -> str:
    return _WS.sub(" ", _DIGITS.sub("#", line.strip().lower()))


def _edge_indexes(lines: Sequence[str], depth: int) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:depth] + filled[-depth:]))


def _numbers(line: str) -> list[int]:
    return [int(d) for d in _DIGITS.findall(line)[:4] if len(d) <= 4]


def _counters(occurrences: Sequence[tuple[int, str]], needed: int) -> bool:
    """Whether the numbers in these (page number, line) occurrences count the pages: on at least
    ``needed`` of them one number equals the page number plus one and the same constant."""
    offsets: Counter[int] = Counter()
    for page_number, line in occurrences:
        offsets.update({value - page_number for value in _numbers(line)})
    return bool(offsets) and max(offsets.values()) >= needed


_OWN_COUNTER = re.compile(r"(\d{1,3})\s*(?:/|van|of)\s*(\d{1,3})\s*\)?\s*$", re.IGNORECASE)
_OWN_COUNTED = 3


def _counts_itself(occurrences: Sequence[tuple[int, str]]) -> bool:
    """Whether a line repeated on consecutive pages counts its own pages ("Bijlage: de tekst van de code (2/6)"
    on six slides of a longer deck): its counter runs 1, 2, 3 ... of the same total on pages that follow each
    other, at least three times. Such a line is running even on fewer than half of the pages."""
    found = [(page, _OWN_COUNTER.search(line)) for page, line in occurrences]
    pairs = [(page, int(m.group(1)), int(m.group(2))) for page, m in found if m is not None]
    if len(pairs) < _OWN_COUNTED or len({total for _, _, total in pairs}) != 1:
        return False
    return all(b[0] - a[0] == 1 and b[1] - a[1] == 1 for a, b in pairwise(pairs))


def remove_running_lines(pages: Sequence[Sequence[str]]) -> list[list[str]]:
    """The lines of each page with running headers/footers and page numbers blanked out ("").

    A line near the edge of a page is running when the same text stands near the edge of at least
    half of the pages; a line with numbers that differ from page to page only when those numbers
    count the pages ("Gedragscode 2023 - pagina 3"), so that headings such as "Artikel 4" at the top
    of many pages stay. The title at the very top of the first page stays as well.
    """
    result = [list(page) for page in pages]
    n = len(result)
    if n >= 2:
        exact: Counter[str] = Counter()
        keys: dict[str, list[tuple[int, str]]] = {}
        for number, page in enumerate(result, start=1):
            edge = {i: page[i] for i in _edge_indexes(page, 3)}
            exact.update({_WS.sub(" ", line.strip().lower()) for line in edge.values()})
            for key in {_key(line) for line in edge.values()}:
                keys.setdefault(key, []).append(
                    (number, next(line for line in edge.values() if _key(line) == key))
                )
        needed = n if n == 2 else max(2, math.ceil(n * 0.5))
        running_exact = {k for k, c in exact.items() if c >= needed and k and len(k) <= _MAX_RUNNING}
        running_keys = {
            k
            for k, found in keys.items()
            if "#" in k and len(k) <= _MAX_RUNNING
            and ((len(found) >= needed and _counters(found, needed)) or _counts_itself(found))
        }
        first_line = next((i for i, line in enumerate(result[0]) if line.strip()), None)
        for number, page in enumerate(result, start=1):
            for i in _edge_indexes(page, 3):
                if number == 1 and i == first_line:
                    continue
                if _WS.sub(" ", page[i].strip().lower()) in running_exact or _key(page[i]) in running_keys:
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


def content_lines(text: str, *, paged: bool = True) -> list[tuple[Span, bool]]:
    """The non-blank lines of ``text``, stripped and in order, each with whether a blank line (or a
    page break) precedes it. With ``paged``, the page furniture is left out."""
    pages = _page_spans(text)
    lines = [[text[s.start : s.end] for s in page] for page in pages]
    cleaned = remove_running_lines(lines) if paged else lines
    out: list[tuple[Span, bool]] = []
    blank = True
    furniture = False  # page furniture since the last line of text
    for spans, page in zip(pages, cleaned, strict=True):
        for span, line in zip(spans, page, strict=True):
            if not line.strip():
                if text[span.start : span.end].strip():
                    furniture = True  # furniture is no paragraph break
                else:
                    blank = True
                continue
            raw = text[span.start : span.end]
            lead = len(raw) - len(raw.lstrip())
            if furniture and out and blank and not _ENDS_SENTENCE.search(text[out[-1][0].start:out[-1][0].end]):
                blank = False  # a sentence that runs on over the page: the white around the furniture is layout
            out.append((Span(span.start + lead, span.start + len(raw.rstrip())), blank))
            blank = furniture = False
    return out
