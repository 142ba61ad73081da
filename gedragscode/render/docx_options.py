"""The Word-only render options, in a module that imports no python-docx (start-up stays light)."""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass

__all__ = ["DocxOptions", "TemplateSource"]

TemplateSource = bytes | str | os.PathLike[str]
"""A house template: its bytes, or the path of a ``.dotx``/``.docx`` file."""


@dataclass(frozen=True)
class DocxOptions:
    """How :func:`gedragscode.render.docx.to_docx` builds the Word document.

    ``template``: a house template (``.dotx`` or ``.docx``) as bytes or a path; its styles,
    page set-up, headers and footers are used. ``date``: the created/modified date in the core
    properties (default: ``SOURCE_DATE_EPOCH`` when set, else now). ``toc``: whether the
    document starts with a table of contents.
    """

    template: TemplateSource | None = None
    date: _dt.date | _dt.datetime | None = None
    toc: bool = True
