"""Rich Text Format (.rtf), as Word and LibreOffice save it, as plain text.

The text is taken out of the RTF with :mod:`striprtf` (a small, maintained, pure-Python RTF-to-text
library; it honours the document's code page, ``\\'xx`` and ``\\u`` escapes, and skips font and
colour tables, pictures, fields' instructions and other destinations). A paragraph of the RTF
becomes a paragraph of the text; a table row becomes one line with its cells separated by " | ", as
the DOCX reader does. A file that does not start with ``{\\rtf`` is no RTF and is refused — an RTF
file is never read as plain text, which would make its control words part of the code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from gedragscode.errors import DocumentError, Location
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.readers.text import join_blocks, require_text

__all__ = ["is_rtf", "read_rtf"]

_MAGIC = b"{\\rtf"


def is_rtf(data: bytes) -> bool:
    """Whether ``data`` starts like an RTF file (after a byte-order mark or white space)."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_MAGIC)


def _rows(text: str) -> list[str]:
    """Paragraphs of striprtf's output: a table row ends in "|" and its cells are separated by "|"."""
    out: list[str] = []
    for line in text.split("\n"):
        if "|" in line:
            cells = [cell.strip() for cell in line.split("|")]
            line = " | ".join(cell for cell in cells if cell)
        out.append(line)
    return out


def read_rtf(data: bytes, name: str) -> SourceDocument:
    """Read an RTF document."""
    if not data.strip():
        raise DocumentError("het bestand is leeg", Location(file=name))
    if not is_rtf(data):
        raise DocumentError("het bestand is geen RTF-document (het begint niet met '{\\rtf')", Location(file=name))
    from striprtf import striprtf

    rtf_to_text = cast("Callable[..., str]", striprtf.rtf_to_text)  # the library has no annotations
    # RTF is 7-bit text; bytes above 127 can only be stray, latin-1 keeps them one character each
    source = data.decode("latin-1").lstrip("\ufeff\u00ef\u00bb\u00bf \t\r\n")
    try:
        text = rtf_to_text(source, encoding="cp1252", errors="replace")
    except (LookupError, ValueError) as exc:  # an unknown code page, a broken escape
        raise DocumentError(f"het RTF-document is niet te lezen ({exc})", Location(file=name)) from None
    return SourceDocument(
        name=name, format="rtf", text=require_text(join_blocks(_rows(text)), name, "het RTF-document"), metadata={}
    )
