"""DOCX writer for the wijzig products, with changes as real Word revisions.

Inserted text is written inside ``w:ins`` and deleted text as ``w:delText`` inside ``w:del`` (ECMA-376
§17.13.5), and a paragraph that is inserted or deleted as a whole also has its paragraph mark marked, so
Word's "Wijzigingen bijhouden" (and LibreOffice's "Wijzigingen bijhouden") lists every change and can
accept or reject it. A page with changes also switches revision tracking on, so the griffie's own edits
are tracked as well. The revisions carry an author (``REVISION_AUTHOR``) and no date, which keeps the
output byte-identical for the same input (the core properties have a fixed date as in the render writer).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from typing import Any

from docx import Document as new_document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from gedragscode.amend.page import Block, Heading, Mark, Page, Paragraph, Run, Table

__all__ = ["QUOTE_STYLE", "REVISION_AUTHOR", "SMALL_STYLE", "to_docx"]

REVISION_AUTHOR = "gedragscode"
QUOTE_STYLE = "Wijzigingstekst"
SMALL_STYLE = "Kleine tekst"
FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_LANGUAGE = "nl-NL"
_HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class _Revisions:
    """Hands out the ``w:id`` of each revision mark, in document order."""

    def __init__(self) -> None:
        self.next = 1

    def mark(self, kind: Mark) -> Any:
        element = OxmlElement(f"w:{kind}")
        element.set(qn("w:id"), str(self.next))
        element.set(qn("w:author"), REVISION_AUTHOR)
        self.next += 1
        return element


def _run(text: str, deleted: bool) -> Any:
    run = OxmlElement("w:r")
    for i, part in enumerate(_CONTROL.sub("", text).split("\n")):
        if i:
            run.append(OxmlElement("w:br"))
        if part:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = part
            run.append(t)
    return run


def _fill(paragraph: Any, runs: tuple[Run, ...], whole: Mark, revisions: _Revisions) -> None:
    for r in runs:
        mark = r.mark or whole
        if not r.text:
            continue
        element = _run(r.text, mark == "del")
        if mark:
            wrapper = revisions.mark(mark)
            wrapper.append(element)
            element = wrapper
        paragraph._p.append(element)
    if whole:
        # the paragraph mark itself is inserted or deleted (last child of w:pPr is w:rPr)
        ppr = paragraph._p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)
        rpr.append(revisions.mark(whole))


def _styles(document: Any) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), _LANGUAGE)
    lang.set(qn("w:eastAsia"), _LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)
    normal.paragraph_format.space_after = Pt(6)
    names = {s.name for s in styles}
    if QUOTE_STYLE not in names:
        quote = styles.add_style(QUOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        quote.base_style = normal
        quote.quick_style = True
        quote.paragraph_format.left_indent = Cm(1.0)
    if SMALL_STYLE not in names:
        small = styles.add_style(SMALL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        small.base_style = normal
        small.font.size = Pt(9)


def _properties(document: Any, page: Page) -> None:
    props = document.core_properties
    props.title = " ".join(_CONTROL.sub("", page.title).split())[:255]
    props.subject = " ".join(_CONTROL.sub("", page.subject).split())[:255]
    props.author = REVISION_AUTHOR
    props.last_modified_by = REVISION_AUTHOR
    props.language = _LANGUAGE
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME


# w:settings is a sequence: trackRevisions comes after these and before everything else
_BEFORE_TRACK = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                 "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                 "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
                 "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
                 "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
                 "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
                 "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
                 "revisionView")


def _track_revisions(document: Any) -> None:
    """Switch "Wijzigingen bijhouden" on, at its place in the settings sequence."""
    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    before = {qn(f"w:{name}") for name in _BEFORE_TRACK}
    index = 0
    for i, child in enumerate(settings):
        if child.tag in before:
            index = i + 1
    settings.insert(index, OxmlElement("w:trackRevisions"))


def _block(document: Any, block: Block, revisions: _Revisions) -> None:
    if isinstance(block, Heading):
        paragraph = document.add_paragraph(style=_HEADING_STYLES.get(block.level, "Heading 3"))
        _fill(paragraph, block.runs, block.mark, revisions)
    elif isinstance(block, Paragraph):
        style = {"citaat": QUOTE_STYLE, "klein": SMALL_STYLE}.get(block.style, "Normal")
        paragraph = document.add_paragraph(style=style)
        if block.style == "ondertekening":
            paragraph.paragraph_format.space_before = Pt(18)
        _fill(paragraph, block.runs, block.mark, revisions)
    else:
        _table(document, block)


def _table(document: Any, block: Table) -> None:
    if block.caption:
        document.add_paragraph(_CONTROL.sub("", block.caption), style="Normal").runs[0].bold = True
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        cell.text = _CONTROL.sub("", text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # the header row repeats on every page
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = _CONTROL.sub("", text)


def _normalize_zip(data: bytes) -> bytes:
    """Re-pack the ZIP with fixed member times so equal documents give equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def to_docx(page: Page) -> bytes:
    """The page as DOCX bytes (Word styles, nl-NL); changes as tracked revisions; deterministic."""
    document = new_document()
    _styles(document)
    _properties(document, page)
    revisions = _Revisions()
    for block in page.blocks:
        _block(document, block, revisions)
    if page.changes:
        _track_revisions(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalize_zip(buffer.getvalue())
