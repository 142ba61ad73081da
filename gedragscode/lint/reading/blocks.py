"""Blocks: hard-wrapped lines joined into paragraphs, the text that the later stages read.

A PDF (and a text file made from one) breaks every paragraph into lines of the page's width and
hyphenates words at a line end. :func:`reflow` joins such lines into paragraphs again: a line is
joined to the one before when that one was full (at least 70% of the usual full width) and the line
does not start a structure of its own (a bullet, "Artikel 3", "Hoofdstuk 2", "1.", "a.", "II ...",
"Toelichting", the signature's "Aldus vastgesteld"), nor follows a labelled heading on a line of its own
("Bijlage 1 — Gedragscode ...", then a line that starts with a capital). A word hyphenated at a line
end is joined without its hyphen ("integriteits-" + "schending"), but a hyphen stays after a prefix that
keeps it ("oud-" + "raadslid", "ex-") and before a capital, and an elliptic compound keeps its space
("raads- en commissieleden").

The result is a :class:`ReadingText`: the joined paragraphs separated by blank lines, and for every
offset in it the offset in the text it was made from, so that evidence can be shown in place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from gedragscode.lint.document import PAGE_BREAK, OffsetMap, SourceDocument, Span
from gedragscode.lint.reading.pages import content_lines

__all__ = ["ReadingText", "hard_wrapped", "read_blocks", "reflow"]

_STRUCTURE = re.compile(
    r"^(?:[•·▪◦‣■□➢►\-–—*]\s|"
    r"(?:Artikel|ARTIKEL|Art\.|ART\.|Hoofdstuk|HOOFDSTUK|Paragraaf|PARAGRAAF|Afdeling|Deel|DEEL|"
    r"Bijlage|BIJLAGE|Lid|§)\s*[0-9IVX]|(?:Artikel|ARTIKEL|Art\.)\s*[A-Z]{1,4}[.\-]?\d|"
    r"(?:Toelichting|TOELICHTING|Inleiding|INLEIDING|Preambule|PREAMBULE|Bijlage|Bijlagen)\s*$|"
    r"(?:Aldus|ALDUS)\s+(?:vastgesteld|besloten|gedaan|VASTGESTELD|BESLOTEN)\b|"
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


def reflow(source: str, lines: Sequence[tuple[Span, bool]], *, blank_breaks: bool = False) -> ReadingText:
    """Join the hard-wrapped ``lines`` (stripped spans of ``source``, each with whether a blank line
    precedes it) into paragraphs (see the module docstring). With ``blank_breaks`` a blank line always
    ends a paragraph."""
    lengths = sorted(span.end - span.start for span, _ in lines)
    out = _Builder(source)
    if not lengths:
        return out.result()
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    full = 0.7 * width
    previous = ""
    for span, blank in lines:
        line = source[span.start : span.end]
        if not out.parts or (blank and blank_breaks and not _QA_LABEL.match(out.current)):
            out.start(span)
        elif out.current == previous and _QA_LABEL.match(out.current):
            out.join(span)  # "V." or "Antwoord:" on a line of its own labels the line after it
        elif _ends_hyphenated(out.current) and line[:1].isalpha() and not _STRUCTURE.match(line):
            out.join(span)
        elif (
            _STRUCTURE.match(line)
            or _question_heading(out.current, line)
            or _labelled_heading(out.current, previous, line)
            or not _wrapped(previous, line, full, width)
        ):
            out.start(span)
        else:
            out.join(span)
        previous = line
    return out.result()


def _wrapped(previous: str, line: str, full: float, width: int) -> bool:
    """Whether ``line`` continues ``previous`` that the layout broke off: ``previous`` is full (70% of
    the usual width), or the first word of ``line`` would not have fitted on it, or ``previous`` stops
    mid-sentence and ``line`` goes on in lower case (the last two only after a line that stops
    mid-sentence)."""
    if len(previous) >= full:
        return True
    if not previous or previous[-1] in _SENTENCE_END:
        return False
    first_word = line.split(None, 1)[0] if line.strip() else ""
    return len(previous) + 1 + len(first_word) > width or line[:1].islower()


_SENTENCE_END = ".;:!?"


# A heading with its label word ("Bijlage 1 — Gedragscode ...", "Hoofdstuk 2 Regels voor de raad").
_LABELLED = re.compile(r"^(?:Artikel|ARTIKEL|Hoofdstuk|HOOFDSTUK|Paragraaf|PARAGRAAF|Afdeling|Deel|DEEL|"
                       r"Bijlage|BIJLAGE|Bijlagen|BIJLAGEN|§)\s*[0-9IVXA-Z]")


# A question-and-answer label on a line of its own ("V.", "A:", "Vraag", "Antwoord:"): it labels the next line.
_QA_WORD = r"(?:V|A|Q|Vraag|Antwoord|VRAAG|ANTWOORD)"
_QA_LABEL = re.compile(rf"^{_QA_WORD}\s*[.:]?$")
_QA_LABEL_LINES = re.compile(rf"^[ \t]*{_QA_WORD}[ \t]*[.:]?[ \t]*$", re.MULTILINE)
_QA_LABELS_MIN = 3


def _labelled_heading(current: str, previous: str, line: str) -> bool:
    """Whether the paragraph so far is one labelled heading line, without a sentence in it, that happens to
    be nearly as wide as the page ("Bijlage 1 — Gedragscode integriteit politieke ambtsdragers Ommerwaard
    2025"), and the next line starts anew with a capital: the heading stands on its own."""
    return (
        current == previous
        and _LABELLED.match(current) is not None
        and current[-1:] not in _SENTENCE_END + ","
        and not re.search(r"[.;:]\s", current)
        and line[:1].isupper()
    )


def _question_heading(current: str, line: str) -> bool:
    """Whether the paragraph so far is a labelled question ("3. Wat doe ik met een geschenk?") that heads
    the text on the next line, which starts with a capital."""
    return (
        len(current) <= 200
        and current.endswith("?")
        and line[:1].isupper()
        and _STRUCTURE.match(current) is not None
    )


def hard_wrapped(source: str, lines: Sequence[tuple[Span, bool]]) -> bool:
    """Whether the paragraphs of a text are broken into lines of a fixed width (as a PDF transcript or a
    plain-text e-mail has them): at least three, and a fifth of all lines, end mid-sentence near the full
    width and are continued on the next line in lower case (or end in a hyphenated word)."""
    if len(lines) < 6:
        return False
    lengths = sorted(span.end - span.start for span, _ in lines)
    wide = 0.6 * lengths[int(len(lengths) * 0.9)]
    wraps = 0
    for (span, _), (nxt, blank) in itertools.pairwise(lines):
        if blank or span.end - span.start < wide:
            continue
        last = source[span.end - 1]
        first = source[nxt.start]
        if (_ends_hyphenated(source[span.end - 2 : span.end]) and first.isalpha()) or (
            last not in _SENTENCE_END and first.islower()
        ):
            wraps += 1
    return wraps >= 3 and wraps * 5 >= len(lines)


def read_blocks(doc: SourceDocument) -> tuple[SourceDocument, OffsetMap | None]:
    """The document the later stages read, and the way back to ``doc`` (``None``: it is ``doc`` itself).

    A paged text (a PDF's, or a text file with form feeds as ``pdftotext`` writes it) loses its page
    furniture; a paged or hard-wrapped text, and a text whose questions and answers are labelled on lines of
    their own ("V." above the question, "A." above the answer), is reflowed into paragraphs, each label joined
    to the line it labels. Other documents are read as they are.
    """
    paged = doc.format == "pdf" or PAGE_BREAK in doc.text
    lines = content_lines(doc.text, paged=paged)
    labelled = len(_QA_LABEL_LINES.findall(doc.text)) >= _QA_LABELS_MIN
    wrapped = paged or labelled or hard_wrapped(doc.text, lines)
    if not wrapped:
        return doc, None
    reading = reflow(doc.text, lines, blank_breaks=doc.format != "pdf")
    return replace(doc, text=reading.text), reading.offsets
