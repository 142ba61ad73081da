"""DOCX writer for the wijzig products, with changes as real Word revisions.

Inserted text is written inside ``w:ins`` and deleted text as ``w:delText`` inside ``w:del`` (ECMA-376
§17.13.5), and a paragraph that is inserted or deleted as a whole also has its paragraph mark marked, so
Word's "Wijzigingen bijhouden" (and LibreOffice's) lists every change and can accept or reject it. A page
with changes also switches revision tracking on, so the griffie's own edits are tracked as well.

The document is built like a rendered code (:mod:`gedragscode.render.docx`): the same named styles
(a consolidated code's chapters and articles in "Hoofdstuk" and "Artikel"), an optional house template,
A4, and the same date rule for the core properties and the revisions (``--datum``, else
``SOURCE_DATE_EPOCH``, else now), so the same input and date give byte-identical files. Text quoted in a
besluit ("luidende: ...") gets its own indented style, ``Wijzigingstekst``, which is not a heading: the
quoted articles do not appear in Word's navigation pane as articles of the besluit.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt

from gedragscode.amend.page import Block, Heading, Mark, Page, Paragraph, Run, Table
from gedragscode.render import docx_styles as st
from gedragscode.render.docx_options import DocxOptions
from gedragscode.render.docx_package import (
    document_time,
    normalize_zip,
    open_blank,
    open_template,
    read_template,
    set_properties,
)

__all__ = ["QUOTE_STYLE", "REVISION_AUTHOR", "SMALL_STYLE", "to_docx"]

REVISION_AUTHOR = "gedragscode"
QUOTE_STYLE = "Wijzigingstekst"
SMALL_STYLE = "Kleine tekst"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_DOCUMENT_HEADINGS = {1: st.TITLE, 2: st.HEADING_1, 3: st.HEADING_2, 4: st.HEADING_3}
_CODE_HEADINGS = {1: st.TITLE, 2: st.CHAPTER, 3: st.ARTICLE, 4: st.HEADING_3}


class _Revisions:
    """Hands out the ``w:id`` of each revision mark, in document order, with author and date."""

    def __init__(self, date: str) -> None:
        self.next = 1
        self.date = date

    def mark(self, kind: Mark) -> Any:
        element = OxmlElement(f"w:{kind}")
        element.set(qn("w:id"), str(self.next))
        element.set(qn("w:author"), REVISION_AUTHOR)
        element.set(qn("w:date"), self.date)
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
        # the paragraph mark itself is inserted or deleted (w:rPr is the last child of w:pPr here)
        ppr = paragraph._p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)
        rpr.append(revisions.mark(whole))


def _own_styles(document: Any) -> None:
    styles = document.styles
    names = {s.name for s in styles}
    normal = styles[st.NORMAL]
    if QUOTE_STYLE not in names:
        quote = styles.add_style(QUOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        quote.base_style = normal
        quote.quick_style = True
        quote.paragraph_format.left_indent = Cm(1.0)
    if SMALL_STYLE not in names:
        small = styles.add_style(SMALL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        small.base_style = normal
        small.font.size = Pt(9)


def _a4(document: Any) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = Mm(210)
        section.page_height = Mm(297)
        for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
            setattr(section, side, Cm(2.5))


def _text_width(document: Any) -> Length:
    section = document.sections[-1]
    try:
        width = int(section.page_width) - int(section.left_margin) - int(section.right_margin)
    except (TypeError, ValueError):
        width = int(Cm(16))
    return Length(width if width > int(Cm(5)) else int(Cm(16)))


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


def _block(document: Any, block: Block, page: Page, revisions: _Revisions) -> None:
    if isinstance(block, Heading):
        styles = _CODE_HEADINGS if page.code else _DOCUMENT_HEADINGS
        paragraph = document.add_paragraph(style=styles.get(block.level, st.HEADING_3))
        _fill(paragraph, block.runs, block.mark, revisions)
    elif isinstance(block, Paragraph):
        style = {"citaat": QUOTE_STYLE, "klein": SMALL_STYLE}.get(block.style, st.NORMAL)
        paragraph = document.add_paragraph(style=style)
        if block.style == "ondertekening":
            paragraph.paragraph_format.space_before = Pt(18)
        _fill(paragraph, block.runs, block.mark, revisions)
    else:
        _table(document, block)


def _table(document: Any, block: Table) -> None:
    if block.caption:
        caption = document.add_paragraph(style=st.NORMAL)
        caption.add_run(_CONTROL.sub("", block.caption)).bold = True
    table = document.add_table(rows=1, cols=len(block.header))
    if "Table Grid" in {s.name for s in document.styles}:
        table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        cell.text = _CONTROL.sub("", text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # the header row repeats on every page
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for row in block.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = _CONTROL.sub("", text)


def to_docx(page: Page, options: DocxOptions | None = None) -> bytes:
    """The page as DOCX bytes; changes as tracked revisions; reproducible for a fixed date.

    ``options``: a house template (``template``) and the date of the core properties and revisions
    (``date``); the table-of-contents option of a rendered code does not apply.
    """
    options = options or DocxOptions()
    when = document_time(options.date)
    if options.template is not None:
        data, name = read_template(options.template)
        document, from_template = open_template(data, name), True
    else:
        document, from_template, name = open_blank(), False, ""
        _a4(document)
    st.setup_styles(document, from_template=from_template, text_width=_text_width(document), template_name=name)
    _own_styles(document)
    revisions = _Revisions(when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    for block in page.blocks:
        _block(document, block, page, revisions)
    if page.changes:
        _track_revisions(document)
    clean = " ".join(_CONTROL.sub("", page.title).split())
    set_properties(document, title=clean, subject=" ".join(_CONTROL.sub("", page.subject).split()),
                   comments=page.metadata.get("wijziging", page.metadata.get("wijzigt", "")), when=when,
                   language=st.LANGUAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())
