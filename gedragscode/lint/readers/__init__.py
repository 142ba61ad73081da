"""Document readers: turn a file (or bytes from stdin) into a :class:`SourceDocument`.

One module per format: :mod:`.text` (plain text and Markdown), :mod:`.html`, :mod:`.docx`,
:mod:`.pdf`, :mod:`.xml` and :mod:`.rtf`. :func:`read_document` picks the reader from the file extension or,
when that says nothing (stdin, unknown suffix), by sniffing the content. Every failure to read a
document is a :class:`gedragscode.errors.DocumentError` with a Dutch message.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType

from gedragscode.errors import DocumentError, Location
from gedragscode.inputs import read_capped, too_large
from gedragscode.limits import MAX_INPUT_BYTES
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.readers.rtf import is_rtf
from gedragscode.lint.readers.text import decode_bytes, normalise_text

__all__ = [
    "FORMAT_BY_SUFFIX",
    "MAX_DOCUMENT_BYTES",
    "SUPPORTED_SUFFIXES",
    "decode_bytes",
    "detect_format",
    "normalise_text",
    "read_document",
]

Reader = Callable[[bytes, str], SourceDocument]

FORMAT_BY_SUFFIX: Mapping[str, str] = MappingProxyType(
    {
        ".txt": "text",
        ".text": "text",
        ".md": "markdown",
        ".markdown": "markdown",
        ".html": "html",
        ".htm": "html",
        ".xhtml": "html",
        ".docx": "docx",
        ".pdf": "pdf",
        ".xml": "xml",
        ".rtf": "rtf",
        ".gdc": "text",  # read (lint then says it is no code: a model or local code file), never walked
    }
)
SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf", ".xml", ".rtf",
)  # fmt: skip
"""File extensions :func:`read_document` understands; use them when walking a folder."""

MAX_DOCUMENT_BYTES = MAX_INPUT_BYTES
"""The default cap on the bytes of one document (see :mod:`gedragscode.limits`)."""

_READERS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {  # format -> (module in this package, reader function); imported on first use, so reading a
        # text file does not load python-docx, lxml or PDFium
        "text": ("text", "read_text"),
        "markdown": ("text", "read_markdown"),
        "html": ("html", "read_html"),
        "docx": ("docx", "read_docx"),
        "pdf": ("pdf", "read_pdf"),
        "xml": ("xml", "read_xml"),
        "rtf": ("rtf", "read_rtf"),
    }
)


def _reader(fmt: str) -> Reader:
    module, function = _READERS[fmt]
    reader: Reader = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    return reader


_FORMAT_ALIASES = {
    "txt": "text",
    "tekst": "text",
    "plain": "text",
    "md": "markdown",
    "htm": "html",
    "xhtml": "html",
    "word": "docx",
    "rich-text": "rtf",
}
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_HTML_ANY = re.compile(rb"<(?:html|body|div|p|h[1-6])\b[^>]*>", re.IGNORECASE)
_MARKDOWN = re.compile(
    r"^(?:#{1,6}\s+\S|\*\*[^*\n]+\*\*|[-*+]\s+\S.*\n[-*+]\s+\S|\|.*\|\s*\n\|?\s*:?-{3,})", re.MULTILINE
)


def detect_format(data: bytes, suffix: str = "") -> str:
    """The format name for ``data``: from ``suffix`` if known, else by sniffing the bytes.

    RTF is recognised by its content whatever the suffix: a ``.txt`` or ``.doc`` file that holds RTF is
    read as RTF, never as plain text with its control words."""
    if is_rtf(data[:256]):
        return "rtf"
    by_suffix = FORMAT_BY_SUFFIX.get(suffix.lower())
    if by_suffix is not None:
        return by_suffix
    head = data[:4096]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "docx"  # an old .doc: the DOCX reader explains what to do
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if _HTML_START.match(stripped):
        return "html"
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<"):
        if re.search(rb"<html\b", head, re.IGNORECASE):
            return "html"
        return "xml"
    if _HTML_ANY.search(head) and head.count(b"<") > 5:
        return "html"
    try:
        sample = head.decode("utf-8", errors="ignore")
    except Exception:  # pragma: no cover - decode with errors="ignore" does not raise
        sample = ""
    if _MARKDOWN.search(sample):
        return "markdown"
    return "text"


def read_document(
    source: str | os.PathLike[str],
    *,
    data: bytes | None = None,
    format: str | None = None,
    name: str | None = None,
    max_bytes: int | None = None,
) -> SourceDocument:
    """Read a document to check.

    ``source`` is a path, or ``"-"`` for standard input (then pass the bytes as ``data``).
    ``data``, when given, is used instead of reading ``source``. ``format`` forces a reader
    ("text", "markdown", "html", "docx", "pdf", "xml", "rtf"); by default it follows from the file
    extension, or from the content when the extension says nothing. ``name`` overrides the
    display name (default: ``source`` as given). At most ``max_bytes`` are read (default
    :data:`~gedragscode.limits.MAX_INPUT_BYTES`, 50 MB); only regular files are read, so a
    device or a named pipe is refused instead of read forever.

    Raises :class:`DocumentError` (Dutch message) when the file cannot be read.
    """
    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    display = name if name is not None else str(source)
    path = Path(source)
    if data is None:
        if str(source) == "-":
            raise DocumentError("geen invoer ontvangen op standaardinvoer", Location(file=display))
        data = read_capped(path, max_bytes=limit, name=display)
    if len(data) > limit:
        raise too_large(display, limit, len(data))
    if not data.strip():
        raise DocumentError("het bestand is leeg", Location(file=display))
    if format is not None:
        chosen = _FORMAT_ALIASES.get(format.lower(), format.lower())
        if chosen not in _READERS:
            raise DocumentError(
                f"onbekend documentformaat '{format}' (kies uit: {', '.join(_READERS)})",
                Location(file=display),
            )
    else:
        suffix = "" if str(source) == "-" else path.suffix
        chosen = detect_format(data, suffix)
    try:
        return _reader(chosen)(data, display)
    except DocumentError:
        raise
    except RecursionError:
        raise DocumentError("het document is te diep genest om te lezen", Location(file=display)) from None
    except MemoryError:
        raise DocumentError("het document is te groot om te lezen", Location(file=display)) from None
    except Exception as exc:  # a reader bug must not become a traceback for the user
        raise DocumentError(
            "het document is niet te lezen (een onverwachte fout in de lezer; meld dit met het bestand erbij)",
            Location(file=display),
        ) from exc
