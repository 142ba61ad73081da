"""Dispatch from a format name to a writer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gedragscode.errors import ModelError
from gedragscode.render import FORMATS
from gedragscode.render.markdown import to_markdown

if TYPE_CHECKING:
    from gedragscode.render.doctree import Document
    from gedragscode.render.docx_options import DocxOptions

__all__ = ["FORMATS", "write"]


def write(doc: Document, fmt: str, docx: DocxOptions | None = None) -> str | bytes:
    """Render ``doc`` in ``fmt`` ("md" and "html" give str, "docx" gives bytes).

    ``docx`` holds the Word-only options (house template, date, table of contents); a
    template with another format is an error rather than silently ignored.
    """
    if docx is not None and docx.template is not None and fmt != "docx":
        raise ModelError(f"een sjabloon geldt alleen voor Word (docx), niet voor {fmt}")
    if fmt == "md":
        return to_markdown(doc)
    if fmt == "html":
        from gedragscode.render.html import to_html  # markdown-it-py only when HTML is asked for

        return to_html(doc)
    if fmt == "docx":
        from gedragscode.render.docx import to_docx  # python-docx only when DOCX is asked for

        return to_docx(doc, docx)
    raise ModelError(f"Onbekend uitvoerformaat {fmt!r}; kies uit: {', '.join(FORMATS)}.")
