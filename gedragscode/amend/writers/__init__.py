"""One writer per format for the wijzig products (:class:`~gedragscode.amend.page.Page`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gedragscode.errors import ModelError

if TYPE_CHECKING:
    from gedragscode.amend.page import Page
    from gedragscode.render.docx_options import DocxOptions

__all__ = ["FORMATS", "write"]

FORMATS: tuple[str, ...] = ("md", "html", "docx")


def write(page: Page, fmt: str, docx: DocxOptions | None = None) -> str | bytes:
    """``page`` in ``fmt``: "md" and "html" give str, "docx" gives bytes (``docx``: template and date)."""
    if fmt == "md":
        from gedragscode.amend.writers.markdown import to_markdown

        return to_markdown(page)
    if fmt == "html":
        from gedragscode.amend.writers.html import to_html

        return to_html(page)
    if fmt == "docx":
        from gedragscode.amend.writers.docx import to_docx  # python-docx only when DOCX is asked for

        return to_docx(page, docx)
    raise ModelError(f"Onbekend uitvoerformaat {fmt!r}; kies uit: {', '.join(FORMATS)}.")
