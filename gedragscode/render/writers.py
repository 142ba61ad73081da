"""Dispatch from a format name to a writer."""

from __future__ import annotations

from gedragscode.errors import ModelError
from gedragscode.render.doctree import Document
from gedragscode.render.docx import to_docx
from gedragscode.render.html import to_html
from gedragscode.render.markdown import to_markdown

__all__ = ["FORMATS", "write"]

FORMATS = ("md", "html", "docx")


def write(doc: Document, fmt: str) -> str | bytes:
    """Render ``doc`` in ``fmt`` ("md" and "html" give str, "docx" gives bytes)."""
    if fmt == "md":
        return to_markdown(doc)
    if fmt == "html":
        return to_html(doc)
    if fmt == "docx":
        return to_docx(doc)
    raise ModelError(f"Onbekend uitvoerformaat {fmt!r}; kies uit: {', '.join(FORMATS)}.")
