"""Markdown writer for the wijzig products.

Markdown has no portable way to show insertions and deletions, so a page with changes is written as
it reads after the changes: inserted text as text, deleted text left out. That makes the Markdown of a
consolidated text the clean consolidated code, which reads back (with lint's Markdown reader) as the
same text: headings become ``#`` lines, line breaks inside a paragraph hard breaks, and every
character that is Markdown syntax is escaped.
"""

from __future__ import annotations

from gedragscode.amend.page import Block, Heading, Page, Paragraph, Table, plain
from gedragscode.render.markdown import escape_markdown

__all__ = ["to_markdown"]


def _line(line: str) -> str:
    """One escaped line; leading spaces become ``&#32;`` so that they never start a code block."""
    rest = line.lstrip(" ")
    return "&#32;" * (len(line) - len(rest)) + escape_markdown(rest)


def _lines(text: str) -> list[str]:
    return [_line(line) for line in text.split("\n")]


def _paragraph(block: Paragraph) -> str:
    text = plain(block.runs)
    lines = _lines(text)
    if block.style == "citaat":
        return "\n".join("> " + line if line else ">" for line in "\\\n".join(lines).split("\n"))
    return "\\\n".join(lines)


def _cell(text: str) -> str:
    return escape_markdown(" ".join(text.split())).replace("|", "\\|")


def _table(block: Table) -> str:
    rows = [block.header, tuple("---" for _ in block.header), *block.rows]
    lines = ["| " + " | ".join(c if i == 1 else _cell(c) for c in row) + " |" for i, row in enumerate(rows)]
    if block.caption:
        lines.insert(0, escape_markdown(block.caption) + "\n")
    return "\n".join(lines)


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        # the heading as written ("A.  ALGEMEEN" keeps its two spaces: the consolidated text is the code's own)
        return "#" * block.level + " " + escape_markdown(plain(block.runs).strip())
    if isinstance(block, Paragraph):
        return _paragraph(block)
    return _table(block)


def to_markdown(page: Page) -> str:
    """The page as CommonMark (tables as GFM pipe tables); deterministic, one trailing newline.

    Consecutive quoted paragraphs (the text a besluit inserts) form one block quote.
    """
    blocks = [b for b in page.blocks if not (isinstance(b, Heading | Paragraph) and b.mark == "del")]
    parts: list[str] = []
    quoting = False
    for b in blocks:
        source = _block(b)
        if not source.strip():
            continue
        citaat = isinstance(b, Paragraph) and b.style == "citaat"
        if citaat and quoting:
            parts[-1] += "\n>\n" + source
        else:
            parts.append(source)
        quoting = citaat
    return "\n\n".join(parts) + "\n"
