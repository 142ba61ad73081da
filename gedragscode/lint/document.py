"""Data types shared by the document readers, the segmentation and the recognisers.

A :class:`SourceDocument` is the normalised plain text of a code as read from a file, plus any
metadata the publication format carried. :func:`gedragscode.lint.segment.segment` cuts it into
:class:`Unit` objects (articles and the other blocks of a code), each with its leden and
sentences. All positions are character offsets into ``SourceDocument.text`` (end exclusive), so a
finding can always be shown in place: ``doc.text[span.start:span.end]``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, get_args

Role = Literal[
    "metadata",
    "titel",
    "aanhef",
    "inleiding",
    "inhoudsopgave",
    "eed",
    "kop",
    "normatief",
    "toelichting",
    "ondertekening",
    "bijlage",
]

ROLES: tuple[Role, ...] = get_args(Role)

FORMATS: tuple[str, ...] = ("text", "markdown", "html", "docx", "pdf", "xml", "rtf")

PAGE_BREAK = "\f"
"""Separates the pages of a paged text (a PDF's text as extracted, a text file made from a PDF)."""


def _freeze(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class SourceDocument:
    """A document to check, as normalised plain text.

    ``text`` has paragraphs separated by a blank line and headings on their own line.
    ``metadata`` holds what the publication format said about the regulation, with lower-case
    Dutch keys as shown on the regulation sites (``"organisatie"``, ``"organisatietype"``,
    ``"citeertitel"``, ``"wettelijke grondslag"`` ...). It may be empty.
    """

    name: str
    format: str
    text: str
    metadata: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "metadata", _freeze(self.metadata))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset in ``text``."""
        offset = max(0, min(offset, len(self.text)))
        line = self.text.count("\n", 0, offset) + 1
        start = self.text.rfind("\n", 0, offset) + 1
        return line, offset - start + 1


@dataclass(frozen=True)
class Span:
    """Character offsets into ``SourceDocument.text``; ``end`` is exclusive."""

    start: int
    end: int

    def __len__(self) -> int:
        return max(0, self.end - self.start)

    def contains(self, offset: int) -> bool:
        """Whether ``offset`` lies inside the span."""
        return self.start <= offset < self.end


@dataclass(frozen=True)
class Sentence:
    """One sentence (or list item) of a lid; ``text == document.text[span.start:span.end]``."""

    span: Span
    text: str


@dataclass(frozen=True)
class LidSegment:
    """A lid of an article (``label`` "1", "2", "1.2" ...), or its whole body (``label`` "")."""

    label: str
    span: Span
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Unit:
    """An article, or any other block of the document with a role."""

    label: str
    """The label as written: "Artikel 2.1", "Art. 4", "2.1", "§ 3" ...; "" when none."""
    number: str
    """The normalised number: "2.1", "4" ...; "" when none."""
    heading: str
    """The title text of the unit, if any ("Geschenken")."""
    chapter: str
    """Label and title of the enclosing hoofdstuk/paragraaf/deel, "" if none."""
    role: Role
    span: Span
    """The whole unit, including its heading line."""
    body_span: Span
    """The text after the heading line."""
    leden: tuple[LidSegment, ...]

    @property
    def display(self) -> str:
        """A short Dutch description for reports: "Artikel 2.1 Geschenken", "inleiding" ..."""
        if self.label:
            return f"{self.label} {self.heading}".strip()
        if self.heading:
            return self.heading
        return self.role


@dataclass(frozen=True)
class OffsetMap:
    """Where the text a reading stage made comes from: piece ``k`` of it starts at ``reading[k]``, has
    ``length[k]`` characters and was taken from ``source[k]`` in the text it was made from."""

    reading: tuple[int, ...]
    source: tuple[int, ...]
    length: tuple[int, ...]

    def to_source(self, offset: int) -> int:
        """The source offset of ``offset``; an offset between pieces maps to the end of the piece before."""
        k = bisect_right(self.reading, offset) - 1
        if k < 0:
            return self.source[0] if self.source else offset
        return self.source[k] + min(offset - self.reading[k], self.length[k])


@dataclass(frozen=True)
class Segmentation:
    """The units of a document, in document order.

    ``document`` is the text the units point into. Reading may clean a document first (a PDF's
    running headers and page numbers removed, hard-wrapped lines joined, hyphenated words made
    whole); then ``source`` is the document as read and ``offsets`` leads back to it.
    """

    document: SourceDocument
    units: tuple[Unit, ...]
    source: SourceDocument | None = None
    offsets: OffsetMap | None = None

    @property
    def original(self) -> SourceDocument:
        """The document as read (``document`` itself when reading did not clean it)."""
        return self.source if self.source is not None else self.document

    def source_span(self, span: Span) -> Span:
        """``span`` of ``document`` as a span of the document as read."""
        if self.offsets is None:
            return span
        start = self.offsets.to_source(span.start)
        end = self.offsets.to_source(max(span.start, span.end - 1)) + (1 if span.end > span.start else 0)
        return Span(start, max(start, end))

    def sentences(self) -> Iterator[tuple[Unit, LidSegment, Sentence]]:
        """Every sentence with its lid and unit, in document order."""
        for unit in self.units:
            for lid in unit.leden:
                for sentence in lid.sentences:
                    yield unit, lid, sentence

    def units_with_role(self, *roles: Role) -> tuple[Unit, ...]:
        """The units having one of ``roles``."""
        return tuple(u for u in self.units if u.role in roles)

    def unit_at(self, offset: int) -> Unit | None:
        """The unit whose span contains ``offset``, if any."""
        lo, hi = 0, len(self.units)
        while lo < hi:
            mid = (lo + hi) // 2
            unit = self.units[mid]
            if offset < unit.span.start:
                hi = mid
            elif offset >= unit.span.end:
                lo = mid + 1
            else:
                return unit
        return None
