"""DOCX writer: the document tree as a Word document with real Word styles.

Styles: ``Title`` for the title, ``Heading 1`` for Inleiding, chapters and Toelichting,
``Heading 2`` for articles (and the two parts of the toelichting), ``Heading 3`` for the
article-wise toelichting, ``Normal`` for text. Lid numbers and onderdeel labels are literal
text followed by a tab, with a hanging indent: python-docx cannot restart list numbering,
and literal numbers survive every round trip through Word and LibreOffice.

Output is deterministic: fixed core-property timestamps, no thumbnail, and a re-packed ZIP
with fixed member times, so equal input gives byte-identical files.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from gedragscode.render.doctree import (
    Article,
    Document,
    Lid,
    article_heading,
    chapter_heading,
    clean_text,
    signing_groups,
)

__all__ = ["to_docx"]

FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_LANGUAGE = "nl-NL"
_FONT = "Calibri"
_LID_INDENT = Cm(0.75)
_ONDERDEEL_HANG = Cm(0.75)
_BLACK = RGBColor(0, 0, 0)

# (style name, size in pt, space before, space after, italic) for the headings.
_HEADINGS = (
    ("Title", 18, 0, 18, False),
    ("Heading 1", 14, 24, 6, False),
    ("Heading 2", 12, 14, 3, False),
    ("Heading 3", 11, 10, 2, True),
)


def _set_fonts(rpr: Any, font: str) -> None:
    """Explicit fonts on an rPr element, replacing theme fonts (which win over names in Word)."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del rfonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), font)


def _setup_styles(document: Any) -> None:
    styles = document.styles
    # Document defaults: Dutch language and one font for all text.
    rpr_default = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), _LANGUAGE)
    lang.set(qn("w:eastAsia"), _LANGUAGE)
    _set_fonts(rpr_default, _FONT)

    normal = styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.widow_control = True

    for name, size, before, after, italic in _HEADINGS:
        style = styles[name]
        rpr = style.element.get_or_add_rPr()
        _set_fonts(rpr, _FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = italic
        style.font.color.rgb = _BLACK
        fmt = style.paragraph_format
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        fmt.keep_with_next = True
        fmt.line_spacing = 1.0
    # No blue rule under the title.
    ppr = styles["Title"].element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)


def _setup_page(document: Any) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = Mm(210)
        section.page_height = Mm(297)
        section.top_margin = Cm(2.5)
        section.bottom_margin = Cm(2.5)
        section.left_margin = Cm(2.5)
        section.right_margin = Cm(2.5)
        section.header_distance = Cm(1.25)
        section.footer_distance = Cm(1.25)
        _page_number_footer(section)


def _page_number_footer(section: Any) -> None:
    """A centred page number in the footer (a PAGE field, updated by Word/LibreOffice)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(separate)
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    run._r.append(placeholder)
    run._r.append(end)
    run.font.size = Pt(9)


def _setup_settings(document: Any) -> None:
    settings = document.settings.element
    # The template claims spelling was checked; let Word check the Dutch text.
    proof = settings.find(qn("w:proofState"))
    if proof is not None:
        settings.remove(proof)
    # The thumbnail of the template shows another document.
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rid]


def _set_properties(document: Any, doc: Document) -> None:
    props = document.core_properties
    props.title = clean_text(doc.title)
    props.subject = clean_text(doc.subject)
    props.language = _LANGUAGE
    props.author = "gedragscode"
    props.last_modified_by = "gedragscode"
    props.category = "Gedragscode integriteit"
    props.keywords = "gedragscode; integriteit"
    props.comments = "\n".join(
        f"{clean_text(k)}: {clean_text(v)}" for k, v in sorted(doc.metadata.items()) if clean_text(k)
    )
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.identifier = ""
    props.content_status = ""
    props.version = ""


def _labelled(document: Any, label: str, text: str, indent: Any, hang: Any) -> Any:
    """``label<TAB>text`` with a hanging indent: wrapped lines align with the text."""
    paragraph = document.add_paragraph(f"{label}\t{text}" if text else label, style="Normal")
    fmt = paragraph.paragraph_format
    fmt.left_indent = indent
    fmt.first_line_indent = -hang
    fmt.tab_stops.add_tab_stop(indent)
    return paragraph


def _lid(document: Any, lid: Lid) -> None:
    text = clean_text(lid.text)
    paragraph = None
    if lid.number is not None:
        paragraph = _labelled(document, f"{lid.number}.", text, _LID_INDENT, _LID_INDENT)
        base = _LID_INDENT
    else:
        if text:
            paragraph = document.add_paragraph(text, style="Normal")
        base = Cm(0)
    if paragraph is not None and lid.onderdelen:
        # The onderdelen belong to the lid: keep them close to it.
        paragraph.paragraph_format.space_after = Pt(2)
    for i, onderdeel in enumerate(lid.onderdelen):
        paragraph = _labelled(
            document,
            f"{clean_text(onderdeel.label)}.",
            clean_text(onderdeel.text),
            base + _ONDERDEEL_HANG,
            _ONDERDEEL_HANG,
        )
        if i + 1 < len(lid.onderdelen):
            paragraph.paragraph_format.space_after = Pt(2)


def _article(document: Any, article: Article) -> None:
    document.add_paragraph(article_heading(article), style="Heading 2")
    scope = clean_text(article.scope_note)
    if scope:
        paragraph = document.add_paragraph(style="Normal")
        paragraph.add_run(scope).italic = True
        paragraph.paragraph_format.keep_with_next = True
    for lid in article.leden:
        _lid(document, lid)


def _paragraphs(document: Any, paragraphs: tuple[str, ...]) -> None:
    for text in paragraphs:
        text = clean_text(text)
        if text:
            document.add_paragraph(text, style="Normal")


def _signing(document: Any, lines: tuple[str, ...]) -> None:
    paragraphs = []
    for i, group in enumerate(signing_groups(lines)):
        for j, line in enumerate(group):
            paragraph = document.add_paragraph(line, style="Normal")
            fmt = paragraph.paragraph_format
            fmt.keep_with_next = True
            fmt.space_after = Pt(0)
            if j == 0:
                # Room for a signature between the groups.
                fmt.space_before = Pt(24 if i == 0 else 40)
            paragraphs.append(paragraph)
    if paragraphs:
        # Keep the block together, but not with the Toelichting that follows.
        paragraphs[-1].paragraph_format.keep_with_next = False


def _build(doc: Document) -> Any:
    document = docx.Document()
    # The template's document body holds one empty paragraph in some versions.
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    _setup_styles(document)
    _setup_page(document)
    _setup_settings(document)
    _set_properties(document, doc)

    document.add_paragraph(clean_text(doc.title), style="Title")
    _paragraphs(document, doc.aanhef)
    if any(clean_text(p) for p in doc.inleiding):
        document.add_paragraph("Inleiding", style="Heading 1")
        _paragraphs(document, doc.inleiding)
    for chapter in doc.chapters:
        document.add_paragraph(chapter_heading(chapter), style="Heading 1")
        for article in chapter.articles:
            _article(document, article)
    if signing_groups(doc.signing) and body.find(qn("w:p")) is not None:
        # No signature page on its own: keep the last lid with the signing block.
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    _signing(document, doc.signing)
    if doc.has_toelichting:
        heading = document.add_paragraph("Toelichting", style="Heading 1")
        heading.paragraph_format.page_break_before = True
        if any(clean_text(p) for p in doc.general_explanation):
            document.add_paragraph("Algemeen", style="Heading 2")
            _paragraphs(document, doc.general_explanation)
        if doc.explanations:
            document.add_paragraph("Artikelsgewijze toelichting", style="Heading 2")
            for explanation in doc.explanations:
                document.add_paragraph(clean_text(explanation.heading), style="Heading 3")
                _paragraphs(document, explanation.paragraphs)
    return document


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


def to_docx(doc: Document) -> bytes:
    """The document as DOCX bytes (Word styles, nl-NL, A4); deterministic."""
    document = _build(doc)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalize_zip(buffer.getvalue())
