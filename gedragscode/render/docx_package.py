"""The DOCX package around the text: house templates, core properties, dates, reproducible ZIPs.

* :func:`open_template` opens a house template (``.dotx`` or ``.docx``) as the starting
  document. python-docx refuses a ``.dotx`` because its main part has the *template* content
  type; the package is the same otherwise, so the content type is rewritten to the document
  type in memory. Macro-enabled templates (``.dotm``/``.docm``) are refused: the output must be
  a plain ``.docx``.
* :func:`document_time` decides the core-property date: an explicit date, else
  ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), else the current time.
* :func:`set_properties` fills the core properties, cutting every text property to Word's
  limit of 255 characters at a word boundary.
* :func:`normalize_zip` re-packs the ZIP with fixed member times so equal input gives equal bytes.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import docx

from gedragscode.errors import DocumentError, GedragscodeError, Location, os_reason
from gedragscode.render.docx_options import TemplateSource

__all__ = [
    "MAX_PROPERTY",
    "TemplateSource",
    "document_time",
    "normalize_zip",
    "open_blank",
    "open_template",
    "read_template",
    "set_properties",
    "truncate_property",
]

MAX_PROPERTY = 255  # Word's (and python-docx's) limit for a text core property
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_MAX_TEMPLATE = 50 * 1024 * 1024  # a house template is a few hundred KB; refuse absurd ones
_MAX_UNPACKED = 300 * 1024 * 1024

_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = (b"application/vnd.ms-word.document.macroEnabled.main+xml",
                b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml")


# ---------------------------------------------------------------- templates


def read_template(source: TemplateSource) -> tuple[bytes, str]:
    """The bytes of a template given as bytes or a path, and a name for messages."""
    if isinstance(source, bytes | bytearray):
        return bytes(source), "sjabloon"
    path = Path(source)
    where = Location(file=str(path))
    try:
        size = path.stat().st_size
        if size > _MAX_TEMPLATE:
            raise DocumentError("het sjabloon is onredelijk groot (meer dan 50 MB); niet gebruikt", where)
        return path.read_bytes(), str(path)
    except FileNotFoundError:
        raise DocumentError("sjabloon niet gevonden", where) from None
    except IsADirectoryError:
        raise DocumentError("dit is een map, geen sjabloon (.dotx of .docx)", where) from None
    except OSError as exc:
        raise DocumentError(f"het sjabloon kan niet worden gelezen ({os_reason(exc)})", where) from None


def _as_document_package(data: bytes, name: str) -> bytes:
    """``data`` with a template main part re-typed as a document; checks that it is Word at all."""
    where = Location(file=name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DocumentError("dit is een oud Word-sjabloon (.dot/.doc); sla het op als .dotx en probeer opnieuw",
                            where)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if sum(info.file_size for info in infos) > _MAX_UNPACKED:
                raise DocumentError("het sjabloon is uitgepakt onredelijk groot; niet gebruikt", where)
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise DocumentError("het sjabloon is geen Word-sjabloon (.dotx) of Word-document (.docx)", where)
            types = archive.read("[Content_Types].xml")
            if any(t in types for t in _MACRO_TYPES):
                raise DocumentError("een sjabloon met macro's (.dotm/.docm) wordt niet gebruikt; sla het op als "
                                    ".dotx (Word-sjabloon zonder macro's)", where)
            if _TEMPLATE_TYPE not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as patched:
                for info in infos:
                    content = archive.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                    patched.writestr(info, content)
            return out.getvalue()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise DocumentError("het sjabloon is beschadigd of geen Word-bestand (geen geldig zip-archief)",
                            where) from None


def open_template(data: bytes, name: str = "sjabloon") -> Any:
    """A python-docx document made from a house template, its body emptied.

    The template's styles, theme, numbering definitions, page set-up, headers and footers are
    kept; its body text (example paragraphs, a placeholder) is dropped.
    """
    package = _as_document_package(data, name)
    try:
        document = docx.Document(io.BytesIO(package))
    except Exception as exc:  # python-docx raises many kinds of errors for broken packages
        raise DocumentError(f"het sjabloon is niet te lezen als Word-document ({type(exc).__name__})",
                            Location(file=name)) from None
    _empty_body(document)
    return document


def open_blank() -> Any:
    """python-docx's own default document, its body emptied."""
    document = docx.Document()
    _empty_body(document)
    return document


def _empty_body(document: Any) -> None:
    """Remove every block from the body but keep the last section's properties."""
    body = document.element.body
    for child in list(body):
        if child.tag.rsplit("}", 1)[-1] != "sectPr":
            body.remove(child)


# ---------------------------------------------------------------- dates


def _epoch_time() -> _dt.datetime | None:
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"\d{1,12}", raw):
        raise GedragscodeError(f"SOURCE_DATE_EPOCH moet een aantal seconden sinds 1970 zijn, niet '{raw}'")
    try:
        return _dt.datetime.fromtimestamp(int(raw), _dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise GedragscodeError(f"SOURCE_DATE_EPOCH '{raw}' ligt buiten het bereik van een datum") from None


def document_time(when: _dt.date | _dt.datetime | None = None) -> _dt.datetime:
    """The date and time in the core properties, in UTC and whole seconds.

    ``when`` wins (a date means midnight UTC; a naive datetime is taken as UTC); else
    ``SOURCE_DATE_EPOCH`` from the environment; else now. Fixing either gives
    byte-identical documents for the same inputs.
    """
    if when is None:
        when = _epoch_time() or _dt.datetime.now(_dt.UTC)
    if not isinstance(when, _dt.datetime):
        when = _dt.datetime(when.year, when.month, when.day, tzinfo=_dt.UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    return when.astimezone(_dt.UTC).replace(microsecond=0)


# ---------------------------------------------------------------- core properties


def truncate_property(text: str, limit: int = MAX_PROPERTY) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, ending in "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def set_properties(document: Any, *, title: str, subject: str, comments: str, when: _dt.datetime,
                   language: str, extra: Mapping[str, str] | None = None) -> None:
    """Fill the core properties; text is cut to Word's limit, dates are ``when``."""
    props = document.core_properties
    values = {
        "title": title,
        "subject": subject,
        "language": language,
        "author": "gedragscode",
        "last_modified_by": "gedragscode",
        "category": "Gedragscode integriteit",
        "keywords": "gedragscode; integriteit",
        "comments": comments,
        "identifier": "",
        "content_status": "",
        "version": "",
        **(extra or {}),
    }
    for key, value in values.items():
        setattr(props, key, truncate_property(value))
    props.revision = 1
    props.created = when
    props.modified = when
    # Never printed: no lastPrinted (a template may carry one from its author).
    element = props._element
    for child in list(element):
        if child.tag.endswith("}lastPrinted"):
            element.remove(child)


def normalize_zip(data: bytes) -> bytes:
    """Re-pack the ZIP with fixed member times so equal documents give equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()
