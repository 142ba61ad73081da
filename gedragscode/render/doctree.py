"""The document tree: what a rendered code of conduct consists of, independent of format.

The tree is built from a model plus local choices (elsewhere) and turned into bytes or
text by the writers in :mod:`gedragscode.render.markdown`, :mod:`gedragscode.render.html`
and :mod:`gedragscode.render.docx`.

Every text field is *plain text*: it may contain any character a user typed (``<``, ``*``,
``#``, a leading ``1.``, backslashes ...). Each writer escapes for its own format so that
text always stays text. Runs of ASCII whitespace (including newlines) inside a field are
collapsed to one space by the writers; see :func:`clean_text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Onderdeel:
    """A lettered item (``a.``, ``b.``, ...) inside a lid."""

    label: str
    text: str


@dataclass(frozen=True)
class Lid:
    """A numbered paragraph of an article; ``number`` is None when the article has one lid."""

    number: int | None
    text: str
    onderdelen: tuple[Onderdeel, ...] = ()
    offices: tuple[str, ...] = ()
    """The ids of the offices this lid binds (it names exactly these); empty for hand-built trees."""
    source: int = -1
    """The index of the model lid it was rendered from (-1 for hand-built trees)."""


@dataclass(frozen=True)
class Article:
    """``Artikel 3 Geschenken``; ``scope_note`` is shown in italics under the heading."""

    number: str
    title: str
    leden: tuple[Lid, ...]
    anchor: str
    scope_note: str = ""
    clause_id: str = ""  # the model clause this article renders ("" for hand-built trees)


@dataclass(frozen=True)
class Chapter:
    """``Hoofdstuk 2 Belangenverstrengeling``."""

    number: int
    title: str
    articles: tuple[Article, ...]
    anchor: str


@dataclass(frozen=True)
class Explanation:
    """Article-wise toelichting, e.g. heading ``Artikel 3 Geschenken``."""

    heading: str
    paragraphs: tuple[str, ...]
    anchor: str


@dataclass(frozen=True)
class CheckItem:
    """A fact in the rendered code that is not verified yet: one line of the "nog te controleren" list.

    The code itself never carries such notes; the list goes beside it (``render`` prints it on
    stderr, ``render --controle`` gives it as text or JSON, :func:`gedragscode.checklist` as data).
    """

    where: str
    """Where the fact stands: "Artikel 24 Melding en handhaving", "Aanhef", "Toelichting op artikel 9"."""
    clause_id: str
    """The model clause ("" for the aanhef)."""
    kind: str
    """What kind of fact: "wetsverwijzing", "grondslag", "keuze", "term", "tekst" or "toelichting"."""
    text: str
    """The fact as it stands in the code (a legal reference, a value, a word)."""
    note: str
    """What to check, in Dutch."""


@dataclass(frozen=True)
class Document:
    """A complete code of conduct: aanhef, chapters, signing block and toelichting."""

    title: str
    subject: str
    aanhef: tuple[str, ...]
    inleiding: tuple[str, ...]
    chapters: tuple[Chapter, ...]
    signing: tuple[str, ...]
    general_explanation: tuple[str, ...]
    explanations: tuple[Explanation, ...]
    lang: str = "nl"
    metadata: Mapping[str, str] = field(default_factory=dict, hash=False)
    checklist: tuple[CheckItem, ...] = ()
    """The facts still to be checked ("nog te controleren"); never printed inside the code."""

    def articles(self) -> Iterator[Article]:
        """All articles in document order."""
        for chapter in self.chapters:
            yield from chapter.articles

    @property
    def has_toelichting(self) -> bool:
        """Whether the document has a Toelichting part at all."""
        return any(clean_text(p) for p in self.general_explanation) or bool(self.explanations)


# Control characters are not allowed in XML (DOCX) and make no sense in HTML; tab and
# line breaks are handled as whitespace.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_ANCHOR_BAD = re.compile(r"[^A-Za-z0-9_-]+")


def clean_text(text: str) -> str:
    """Plain text ready for one line: no control characters, ASCII whitespace collapsed.

    Non-breaking spaces (``\\u00a0``) are kept: "€\\u00a050" must not break in two.
    """
    return _ASCII_SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def clean_anchor(anchor: str, fallback: str) -> str:
    """A fragment identifier that is safe in HTML ids and URLs (``[A-Za-z0-9_-]``)."""
    cleaned = _ANCHOR_BAD.sub("-", anchor).strip("-")
    return cleaned or fallback


def signing_groups(lines: tuple[str, ...]) -> list[list[str]]:
    """Split signing lines into groups separated by empty lines (the space for a signature)."""
    groups: list[list[str]] = [[]]
    for line in lines:
        text = clean_text(line)
        if text:
            groups[-1].append(text)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def article_heading(article: Article) -> str:
    """``Artikel 3 Geschenken`` (without title: ``Artikel 3``)."""
    return " ".join(p for p in ("Artikel", clean_text(article.number), clean_text(article.title)) if p)


def chapter_heading(chapter: Chapter) -> str:
    """``Hoofdstuk 2 Belangenverstrengeling`` (without title: ``Hoofdstuk 2``)."""
    return " ".join(p for p in ("Hoofdstuk", str(chapter.number), clean_text(chapter.title)) if p)
