"""Data types shared by the document readers, the segmentation and the recognisers.

A :class:`SourceDocument` is the normalised plain text of a code as read from a file, plus any
metadata the publication format carried. :func:`gedragscode.lint.segment.segment` cuts it into
:class:`Unit` objects (articles and the other blocks of a code), each with its leden and
sentences. All positions are character offsets into ``SourceDocument.text`` (end exclusive), so a
finding can always be shown in place: ``doc.text[span.start:span.end]``.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import FrozenInstanceError, dataclass, field
from types import MappingProxyType
from typing import Literal, get_args, overload

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


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into ``SourceDocument.text``; ``end`` is exclusive."""

    start: int
    end: int

    def __len__(self) -> int:
        return max(0, self.end - self.start)

    def contains(self, offset: int) -> bool:
        """Whether ``offset`` lies inside the span."""
        return self.start <= offset < self.end


class Sentence:
    """One sentence (or list item) of a lid; ``text == document.text[span.start:span.end]``.

    ``Sentence(span, text)`` makes one from its own text. Reading makes them with ``source=`` the whole
    document text instead: then the sentence keeps a reference to that text and ``text`` is sliced from
    it when asked, so a document's sentences do not hold a second copy of it (issue 13's memory goal).
    Immutable, and equal when span and text are.
    """

    __slots__ = ("_base", "_source", "span")
    span: Span
    _source: str
    _base: int

    def __init__(self, span: Span, text: str | None = None, *, source: str | None = None) -> None:
        if (text is None) == (source is None):
            raise TypeError("Sentence takes its own text or source= (the document text): one of the two")
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "_source", text if text is not None else source)
        object.__setattr__(self, "_base", span.start if text is not None else 0)

    @property
    def text(self) -> str:
        """The sentence itself."""
        return self._source[self.span.start - self._base : self.span.end - self._base]

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sentence):
            return NotImplemented
        return self.span == other.span and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.span, self.text))

    def __repr__(self) -> str:
        return f"Sentence(span={self.span!r}, text={self.text!r})"

    def __reduce__(self) -> tuple[type[Sentence], tuple[Span, str]]:
        return Sentence, (self.span, self.text)


class Sentences(Sequence[Sentence]):
    """The sentences of a lid, kept as their offsets in the document text (4 bytes each); a
    :class:`Sentence` is made when one is asked for. A document has a sentence per line or so, and an
    object for each (with its span and two offsets) took about 170 bytes, as much as the text they
    cover (issue 13's memory goal). Equal to any sequence of the same sentences, a tuple included.
    """

    __slots__ = ("_bounds", "_source")

    def __init__(self, source: str, bounds: Iterable[int] = ()) -> None:
        """``bounds`` are start and end of each sentence in turn, offsets into ``source``."""
        self._source = source
        self._bounds = array("i" if len(source) < 2**31 else "q", bounds)

    def __len__(self) -> int:
        return len(self._bounds) // 2

    @overload
    def __getitem__(self, k: int) -> Sentence: ...

    @overload
    def __getitem__(self, k: slice) -> tuple[Sentence, ...]: ...

    def __getitem__(self, k: int | slice) -> Sentence | tuple[Sentence, ...]:
        if isinstance(k, slice):
            return tuple(self[i] for i in range(*k.indices(len(self))))
        n = len(self)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError("sentence index out of range")
        return Sentence(Span(self._bounds[2 * k], self._bounds[2 * k + 1]), source=self._source)

    def __iter__(self) -> Iterator[Sentence]:
        bounds, source = self._bounds, self._source
        for k in range(0, len(bounds), 2):
            yield Sentence(Span(bounds[k], bounds[k + 1]), source=source)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[type[Sentences], tuple[str, list[int]]]:
        return Sentences, (self._source, self._bounds.tolist())


@dataclass(frozen=True, slots=True)
class LidSegment:
    """A lid of an article (``label`` "1", "2", "1.2" ...), or its whole body (``label`` "")."""

    label: str
    span: Span
    sentences: Sequence[Sentence]
    """A tuple, or (as reading makes them) :class:`Sentences`."""


@dataclass(frozen=True, slots=True)
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
