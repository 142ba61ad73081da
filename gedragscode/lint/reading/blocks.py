"""Blocks: hard-wrapped lines joined into paragraphs, the text that the later stages read.

A PDF (and a text file made from one) breaks every paragraph into lines of the page's width and
hyphenates words at a line end. :func:`reflow` joins such lines into paragraphs again: a line is
joined to the one before when that one was full (at least 70% of the usual full width) and the line
does not start a structure of its own (a bullet, "Artikel 3", "Hoofdstuk 2", "1.", "a.", "II ...",
"Toelichting"). A word hyphenated at a line end is joined without its hyphen ("integriteits-" +
"schending"), but a hyphen stays after a prefix that keeps it ("oud-" + "raadslid", "ex-") and
before a capital, and an elliptic compound keeps its space ("raads- en commissieleden").

The result is a :class:`ReadingText`: the joined paragraphs separated by blank lines, and for every
offset in it the offset in the text it was made from, so that evidence can be shown in place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from gedragscode.lint.document import PAGE_BREAK, OffsetMap, SourceDocument, Span
from gedragscode.lint.reading.pages import content_lines

__all__ = ["ReadingText", "read_blocks", "reflow"]

_STRUCTURE = re.compile(
    r"^(?:[•·▪◦‣■□➢►\-–—*]\s|"
    r"(?:Artikel|ARTIKEL|Art\.|ART\.|Hoofdstuk|HOOFDSTUK|Paragraaf|PARAGRAAF|Afdeling|Deel|DEEL|"
    r"Bijlage|BIJLAGE|Lid|§)\s*[0-9IVX]|"
    r"(?:Toelichting|TOELICHTING|Inleiding|INLEIDING|Preambule|PREAMBULE|Bijlage|Bijlagen)\s*$|"
    r"\(?\d{1,3}(?:\.\d{1,3})*(?:[.)](?:\s|$)|$|\s+[A-Z])|"
    r"\(?[a-z][.)](?:\s|$)|\([ivx]{1,4}\)\s|[IVX]{1,5}\.?\s+[A-Z])"
)
_KEEP_HYPHEN_PREFIX = frozenset(
    {
        "oud", "ex", "vice", "niet", "anti", "co", "collega", "loco", "adjunct", "interim", "pseudo",
        "semi", "non", "extra", "e", "ict", "cdk", "gs", "ps", "b&w", "oud-", "mede", "zelf",
    }
)  # fmt: skip
_ELLIPTIC_NEXT = re.compile(r"^(?:en|of|en/of|tot|noch)\b")
_WORD_BREAK = re.compile(r"[\s/(]")


@dataclass(frozen=True)
class ReadingText:
    """A text made from pieces of a source text, with the way back to the source offsets."""

    text: str
    offsets: OffsetMap


def _ends_hyphenated(line: str) -> bool:
    return len(line) >= 2 and line.endswith("-") and line[-2].isalpha()


def _joiner(current: str, line: str) -> str:
    """How ``line`` continues the paragraph ``current``: " " (a space), "" (directly) or "-" (directly,
    dropping the hyphen at the end of ``current``)."""
    if _ends_hyphenated(current):
        word = _WORD_BREAK.split(current[:-1])[-1].lower()
        if _ELLIPTIC_NEXT.match(line):
            return " "
        if word in _KEEP_HYPHEN_PREFIX or not line[:1].islower():
            return ""
        return "-"
    return " "


class _Builder:
    """Collects paragraphs made of source pieces and records where each piece came from."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.length = 0
        self.reading_starts: list[int] = []
        self.source_starts: list[int] = []
        self.lengths: list[int] = []
        self.current = ""

    def _piece(self, span: Span) -> None:
        self.reading_starts.append(self.length)
        self.source_starts.append(span.start)
        self.lengths.append(span.end - span.start)
        text = self.source[span.start : span.end]
        self.parts.append(text)
        self.length += len(text)
        self.current += text

    def start(self, span: Span) -> None:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.current = ""
        self._piece(span)

    def join(self, span: Span) -> None:
        line = self.source[span.start : span.end]
        how = _joiner(self.current, line)
        if how == "-":
            self.parts[-1] = self.parts[-1][:-1]
            self.lengths[-1] -= 1
            self.length -= 1
            self.current = self.current[:-1]
        elif how == " ":
            self.parts.append(" ")
            self.length += 1
            self.current += " "
        self._piece(span)

    def result(self) -> ReadingText:
        offsets = OffsetMap(tuple(self.reading_starts), tuple(self.source_starts), tuple(self.lengths))
        return ReadingText("".join(self.parts), offsets)


def reflow(source: str, lines: Sequence[Span]) -> ReadingText:
    """Join the hard-wrapped ``lines`` (stripped spans of ``source``) into paragraphs (module docstring)."""
    lengths = sorted(span.end - span.start for span in lines)
    out = _Builder(source)
    if not lengths:
        return out.result()
    full = 0.7 * lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    previous_full = False
    for span in lines:
        line = source[span.start : span.end]
        if not out.parts:
            out.start(span)
        elif _ends_hyphenated(out.current) and line[:1].isalpha() and not _STRUCTURE.match(line):
            out.join(span)
        elif _STRUCTURE.match(line) or not previous_full:
            out.start(span)
        else:
            out.join(span)
        previous_full = len(line) >= full
    return out.result()


def read_blocks(doc: SourceDocument) -> tuple[SourceDocument, OffsetMap | None]:
    """The document the later stages read, and the way back to ``doc`` (``None``: it is ``doc`` itself).

    A PDF's text (pages separated by form feeds, hard-wrapped) loses its page furniture and is reflowed
    into paragraphs; other documents are read as they are.
    """
    if doc.format != "pdf" and PAGE_BREAK not in doc.text:
        return doc, None
    reading = reflow(doc.text, content_lines(doc.text))
    return replace(doc, text=reading.text), reading.offsets
