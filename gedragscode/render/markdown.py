"""Markdown writer: a :class:`~gedragscode.render.doctree.Document` as CommonMark text.

Layout::

    # Gedragscode integriteit raadsleden gemeente Almelo 2026
    De raad van de gemeente Almelo;            (aanhef, one paragraph each)
    ## Inleiding
    ## Hoofdstuk 1 Algemene bepalingen
    ### Artikel 1 Begripsbepalingen
    *Dit artikel geldt voor de wethouders.*    (scope note)
    1\\. In deze gedragscode wordt verstaan onder:
    - a. ...                                   (onderdelen)
    Aldus vastgesteld ...\\                     (signing block, hard line breaks)
    ## Toelichting
    ### Algemeen
    ### Artikelsgewijze toelichting
    #### Artikel 1 Begripsbepalingen

Lid numbers are literal text (``1\\.``), never Markdown ordered lists, so that a renderer
cannot renumber them. Onderdelen are a bullet list whose items start with the literal
label ``a.``. Every text field is escaped, so user text can never become markup.

Anchors: Markdown has no portable syntax for heading ids. Because only this writer emits
block structure (user text is escaped), the n-th block of the Markdown is the n-th
:class:`Block` of :func:`build_blocks`; the HTML writer uses that to attach the tree's
anchors to the headings markdown-it produces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gedragscode.render.doctree import (
    Document,
    Lid,
    article_heading,
    chapter_heading,
    clean_anchor,
    clean_text,
    signing_groups,
)

__all__ = ["Block", "build_blocks", "escape_markdown", "to_markdown"]

# Characters that are markup anywhere on a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<&#~])")
# Markup that only counts at the start of a line (after escaping of the above).
_LINE_START_SPECIAL = re.compile(r"^([>+=\-])")
_LINE_START_NUMBER = re.compile(r"^(\d{1,9})([.)])")


def escape_markdown(text: str) -> str:
    """Escape plain text (one line, already cleaned) so CommonMark shows it literally."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_NUMBER.sub(r"\1\\\2", text)


@dataclass(frozen=True)
class Block:
    """One top-level Markdown block and what it is in the document.

    ``kind`` is one of ``heading``, ``paragraph``, ``scope``, ``lid``, ``onderdelen``,
    ``signing``. ``css`` is a class name the HTML writer puts on the element; for
    headings ``anchor`` is the (unique) id and ``text`` the plain heading text; for a lid
    ``labels`` holds its literal number ("1."), for onderdelen the item labels ("a.", ...).
    """

    source: str
    kind: str
    level: int = 0
    text: str = ""
    anchor: str = ""
    css: str = ""
    labels: tuple[str, ...] = ()


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._anchors: set[str] = set()

    def unique(self, anchor: str, fallback: str) -> str:
        base = clean_anchor(anchor, fallback)
        candidate, n = base, 2
        while candidate in self._anchors:
            candidate, n = f"{base}-{n}", n + 1
        self._anchors.add(candidate)
        return candidate

    def heading(self, level: int, text: str, anchor: str, css: str = "") -> None:
        text = clean_text(text)
        source = "#" * level + (" " + escape_markdown(text) if text else "")
        anchor = self.unique(anchor, f"kop-{len(self.blocks) + 1}")
        self.blocks.append(Block(source, "heading", level=level, text=text, anchor=anchor, css=css))

    def paragraph(self, text: str, css: str = "") -> None:
        text = clean_text(text)
        if text:
            self.blocks.append(Block(escape_markdown(text), "paragraph", text=text, css=css))

    def scope(self, text: str) -> None:
        text = clean_text(text)
        if text:
            self.blocks.append(Block(f"*{escape_markdown(text)}*", "scope", text=text, css="toepassing"))

    def lid(self, lid: Lid) -> None:
        text = clean_text(lid.text)
        if lid.number is not None:
            label = f"{lid.number}."
            body = escape_markdown(text)
            source = f"{lid.number}\\." + (f" {body}" if body else "")
            self.blocks.append(Block(source, "lid", text=text, css="lid", labels=(label,)))
        elif text:
            self.blocks.append(Block(escape_markdown(text), "lid", text=text, css="lid enkel-lid"))
        if lid.onderdelen:
            # Two adjacent lists with the same marker would merge; alternate the marker.
            marker = "+" if self.blocks and self.blocks[-1].kind == "onderdelen" else "-"
            labels: list[str] = []
            lines: list[str] = []
            for onderdeel in lid.onderdelen:
                label = f"{clean_text(onderdeel.label)}."
                labels.append(label)
                body = escape_markdown(clean_text(onderdeel.text))
                lines.append(f"{marker} {escape_markdown(label)}" + (f" {body}" if body else ""))
            css = "onderdelen" if lid.number is not None else "onderdelen enkel-lid"
            self.blocks.append(Block("\n".join(lines), "onderdelen", css=css, labels=tuple(labels)))

    def signing(self, lines: tuple[str, ...]) -> None:
        for group in signing_groups(lines):
            source = "\\\n".join(escape_markdown(line) for line in group)
            self.blocks.append(Block(source, "signing", text="\n".join(group), css="ondertekening"))


def build_blocks(doc: Document) -> list[Block]:
    """The document as a list of top-level Markdown blocks, in order."""
    b = _Builder()
    b.heading(1, doc.title, "titel", css="titel")
    for paragraph in doc.aanhef:
        b.paragraph(paragraph, css="aanhef")
    if any(clean_text(p) for p in doc.inleiding):
        b.heading(2, "Inleiding", "inleiding", css="inleiding")
        for paragraph in doc.inleiding:
            b.paragraph(paragraph)
    for chapter in doc.chapters:
        b.heading(2, chapter_heading(chapter), chapter.anchor or f"hoofdstuk-{chapter.number}", "hoofdstuk")
        for article in chapter.articles:
            fallback = "artikel-" + clean_anchor(article.number, str(len(b.blocks)))
            b.heading(3, article_heading(article), article.anchor or fallback, css="artikel")
            b.scope(article.scope_note)
            for lid in article.leden:
                b.lid(lid)
    b.signing(doc.signing)
    if doc.has_toelichting:
        b.heading(2, "Toelichting", "toelichting", css="toelichting")
        if any(clean_text(p) for p in doc.general_explanation):
            b.heading(3, "Algemeen", "toelichting-algemeen")
            for paragraph in doc.general_explanation:
                b.paragraph(paragraph)
        if doc.explanations:
            b.heading(3, "Artikelsgewijze toelichting", "artikelsgewijze-toelichting")
            for explanation in doc.explanations:
                b.heading(4, explanation.heading, explanation.anchor or "toelichting-artikel")
                for paragraph in explanation.paragraphs:
                    b.paragraph(paragraph)
    return b.blocks


def to_markdown(doc: Document) -> str:
    """The document as CommonMark text; deterministic, ends with exactly one newline."""
    return "\n\n".join(block.source for block in build_blocks(doc)) + "\n"
