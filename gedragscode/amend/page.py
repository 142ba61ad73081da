"""The document model of the wijzig products: a besluit, a consolidated text, a raadsvoorstel.

These are not codes of conduct (which :mod:`gedragscode.render.doctree` models) but documents about
one: headings, paragraphs (plain text, quoted amendment text, signing lines), tables, and runs of
inserted or deleted text. One writer per format turns a :class:`Page` into Markdown, HTML or DOCX
(:mod:`gedragscode.amend.writers`). Every text is plain text; the writers escape it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

__all__ = ["Block", "Heading", "Mark", "Page", "Paragraph", "Run", "Style", "Table", "plain"]

Mark = Literal["", "ins", "del"]
"""A run or a whole paragraph as it is, inserted, or deleted."""

Style = Literal["tekst", "citaat", "aanhef", "ondertekening", "toelichting", "klein"]
"""``citaat``: amendment text quoted in a besluit ("luidende: ..."), indented; ``klein``: notes."""


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph; ``\\n`` in ``text`` is a line break."""

    text: str
    mark: Mark = ""


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is the document title."""

    level: int
    runs: tuple[Run, ...]
    mark: Mark = ""
    anchor: str = ""

    @property
    def text(self) -> str:
        return plain(self.runs)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs; ``mark`` says the whole paragraph (and its paragraph mark) is inserted or deleted."""

    runs: tuple[Run, ...]
    style: Style = "tekst"
    mark: Mark = ""

    @property
    def text(self) -> str:
        return plain(self.runs)


@dataclass(frozen=True)
class Table:
    """A table with a header row; cells are plain text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


Block: TypeAlias = Heading | Paragraph | Table


@dataclass(frozen=True)
class Page:
    """A whole document: title and subject for the file's properties, the blocks, and whether it shows changes."""

    title: str
    subject: str
    blocks: tuple[Block, ...]
    lang: str = "nl"
    metadata: Mapping[str, str] = field(default_factory=dict, hash=False)
    changes: bool = False
    """Whether the page marks insertions and deletions (the HTML shows a legend, DOCX tracks revisions)."""
    code: bool = False
    """Whether the page is a code of conduct (its level 2 and 3 headings are chapters and articles)."""


def plain(runs: Iterable[Run], *, deleted: bool = False) -> str:
    """The text of ``runs``: what it reads now (``deleted`` False) or everything including deletions."""
    return "".join(r.text for r in runs if deleted or r.mark != "del")


def heading(level: int, text: str, anchor: str = "", mark: Mark = "") -> Heading:
    """A heading of plain text."""
    return Heading(level, (Run(text),), mark, anchor)


def para(text: str, style: Style = "tekst", mark: Mark = "") -> Paragraph:
    """A paragraph of plain text."""
    return Paragraph((Run(text),), style, mark)
