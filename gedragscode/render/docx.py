"""DOCX writer: the document tree as a Word document a griffie can keep editing.

* **Named paragraph styles** (:mod:`gedragscode.render.docx_styles`): ``Hoofdstuk``,
  ``Artikel``, ``Lid``, ``Lid zonder nummer``, ``Onderdeel``, ``Toepassing`` beside Word's own
  ``Title`` and ``Heading 1-3``. Restyling one style in Word restyles every article or lid.
  Article, lid and onderdeel numbers are literal text followed by a tab (with a hanging
  indent), not Word list numbering: see ``docs/developer.md`` ("DOCX") for why.
* **A real table of contents**: a ``TOC`` field over the outline levels of ``Heading 1``/
  ``Hoofdstuk`` and ``Heading 2``/``Artikel``, between the title and the aanhef. Its cached
  result lists every entry as a hyperlink to a bookmark on the heading, so LibreOffice and
  Word show it straight away; page numbers depend on Word's layout, so they are not guessed:
  the document asks Word to update its fields on opening, which adds them (LibreOffice:
  Extra > Bijwerken > Alles bijwerken).
* **House templates**: ``DocxOptions.template`` (a ``.dotx`` or ``.docx``) supplies the styles,
  page set-up, headers and footers; see :func:`~gedragscode.render.docx_package.open_template`.
* **Core properties** carry the real date (``DocxOptions.date``, else ``SOURCE_DATE_EPOCH``,
  else now) and every text property fits Word's 255-character limit.

Output is reproducible: with the same inputs and date the bytes are identical (fixed ZIP
member times, deterministic bookmark names, no thumbnail).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt

from gedragscode.render import docx_styles as st
from gedragscode.render.doctree import (
    Article,
    Document,
    Lid,
    article_heading,
    chapter_heading,
    clean_text,
    signing_groups,
)
from gedragscode.render.docx_options import DocxOptions
from gedragscode.render.docx_package import (
    document_time,
    normalize_zip,
    open_blank,
    open_template,
    read_template,
    set_properties,
)

__all__ = ["TOC_HEADING", "TOC_INSTRUCTION", "DocxOptions", "to_docx"]

TOC_HEADING = "Inhoudsopgave"
#: Levels 1-2 of the outline (Hoofdstuk/Heading 1, Artikel/Heading 2), as hyperlinks.
TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '


# ---------------------------------------------------------------- fields and bookmarks


def _fld_char_element(kind: str) -> Any:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return char


def _fld_char(kind: str) -> Any:
    """A run holding one field character (``begin``, ``separate`` or ``end``)."""
    run = OxmlElement("w:r")
    run.append(_fld_char_element(kind))
    return run


def _text_run(text: str) -> Any:
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


@dataclass
class _TocEntry:
    level: int
    text: str
    bookmark: str


class _Writer:
    def __init__(self, document: Any, options: DocxOptions, from_template: bool) -> None:
        self.document = document
        self.options = options
        self.from_template = from_template
        self.toc: list[_TocEntry] = []

    # -- basic blocks

    def paragraph(self, text: str, style: str) -> Any:
        return self.document.add_paragraph(text, style=style)

    def heading(self, text: str, style: str, level: int | None) -> Any:
        """A heading; ``level`` 1 or 2 puts it in the table of contents (with a bookmark)."""
        paragraph = self.paragraph(text, style)
        if level is not None and self.options.toc:
            bookmark = f"_Toc{len(self.toc) + 1:08d}"
            number = str(len(self.toc) + 1)
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), number)
            start.set(qn("w:name"), bookmark)
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), number)
            runs = paragraph._p.r_lst
            if runs:
                runs[0].addprevious(start)
            else:
                paragraph._p.append(start)
            paragraph._p.append(end)
            self.toc.append(_TocEntry(level, text, bookmark))
        return paragraph

    def paragraphs(self, texts: tuple[str, ...]) -> None:
        for text in texts:
            text = clean_text(text)
            if text:
                self.paragraph(text, st.NORMAL)

    # -- the regulation

    def lid(self, lid: Lid) -> None:
        text = clean_text(lid.text)
        paragraph = None
        if lid.number is not None:
            paragraph = self.paragraph(f"{lid.number}.\t{text}" if text else f"{lid.number}.", st.LID)
        elif text:
            paragraph = self.paragraph(text, st.LID_SINGLE)
        if paragraph is not None and lid.onderdelen:
            # The onderdelen belong to the lid.
            paragraph.paragraph_format.keep_with_next = True
        for onderdeel in lid.onderdelen:
            label = f"{clean_text(onderdeel.label)}."
            body = clean_text(onderdeel.text)
            self.paragraph(f"{label}\t{body}" if body else label, st.ONDERDEEL)

    def article(self, article: Article) -> None:
        self.heading(article_heading(article), st.ARTICLE, 2)
        scope = clean_text(article.scope_note)
        if scope:
            self.paragraph(scope, st.SCOPE)
        for lid in article.leden:
            self.lid(lid)

    def signing(self, lines: tuple[str, ...]) -> None:
        paragraphs = []
        for i, group in enumerate(signing_groups(lines)):
            for j, line in enumerate(group):
                paragraph = self.paragraph(line, st.NORMAL)
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

    # -- table of contents

    def table_of_contents(self, after: Any) -> None:
        """The TOC heading and field, inserted right after the paragraph ``after``."""
        if not self.toc:
            return
        blocks = [self.paragraph(TOC_HEADING, st.TOC_HEADING)._p]
        first: Any | None = None
        for entry in self.toc:
            p = self.paragraph("", st.TOC_1 if entry.level == 1 else st.TOC_2)._p
            if first is None:
                first = p
                p.append(_fld_char("begin"))
                run = OxmlElement("w:r")
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = TOC_INSTRUCTION
                run.append(instr)
                p.append(run)
                p.append(_fld_char("separate"))
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), entry.bookmark)
            link.set(qn("w:history"), "1")
            link.append(_text_run(entry.text))
            p.append(link)
            blocks.append(p)
        blocks[-1].append(_fld_char("end"))
        # The regulation itself starts on a new page.
        following = after._p.getnext()
        if following is not None and following.tag == qn("w:p"):
            following.get_or_add_pPr().get_or_add_pageBreakBefore()
        anchor = after._p
        for block in blocks:
            anchor.addnext(block)
            anchor = block

    # -- the whole document

    def write(self, doc: Document) -> None:
        title = self.paragraph(clean_text(doc.title), st.TITLE)
        self.paragraphs(doc.aanhef)
        if any(clean_text(p) for p in doc.inleiding):
            self.heading("Inleiding", st.HEADING_1, 1)
            self.paragraphs(doc.inleiding)
        for chapter in doc.chapters:
            self.heading(chapter_heading(chapter), st.CHAPTER, 1)
            for article in chapter.articles:
                self.article(article)
        body = self.document.element.body
        if signing_groups(doc.signing) and body.find(qn("w:p")) is not None:
            # No signature page on its own: keep the last lid with the signing block.
            self.document.paragraphs[-1].paragraph_format.keep_with_next = True
        self.signing(doc.signing)
        if doc.has_toelichting:
            heading = self.heading("Toelichting", st.HEADING_1, 1)
            heading.paragraph_format.page_break_before = True
            if any(clean_text(p) for p in doc.general_explanation):
                self.heading("Algemeen", st.HEADING_2, 2)
                self.paragraphs(doc.general_explanation)
            if doc.explanations:
                self.heading("Artikelsgewijze toelichting", st.HEADING_2, 2)
                for explanation in doc.explanations:
                    self.heading(clean_text(explanation.heading), st.HEADING_3, None)
                    self.paragraphs(explanation.paragraphs)
        if self.options.toc:
            self.table_of_contents(title)


# ---------------------------------------------------------------- page, settings


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
    run.font.size = Pt(9)
    run._r.append(_fld_char_element("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    run._r.append(_fld_char_element("separate"))
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    run._r.append(placeholder)
    run._r.append(_fld_char_element("end"))


def _text_width(document: Any) -> Length:
    section = document.sections[-1]
    try:
        width = int(section.page_width) - int(section.left_margin) - int(section.right_margin)
    except (TypeError, ValueError):
        width = int(Cm(16))
    return Length(width if width > int(Cm(5)) else int(Cm(16)))


_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_AFTER_UPDATE_FIELDS = frozenset({
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
})


def _setup_settings(document: Any, *, update_fields: bool) -> None:
    settings = document.settings.element
    # A template may claim spelling was checked; let Word check the Dutch text.
    proof = settings.find(qn("w:proofState"))
    if proof is not None:
        settings.remove(proof)
    # Word updates the table of contents (page numbers) when the document is opened.
    update = settings.find(qn("w:updateFields"))
    if update_fields and update is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        # CT_Settings is a strict sequence: updateFields goes before the first element that
        # the schema puts after it (or any extension element).
        anchor = next((child for child in settings
                       if not str(child.tag).startswith(_W_NS) or str(child.tag)[len(_W_NS):] in _AFTER_UPDATE_FIELDS),
                      None)
        if anchor is not None:
            anchor.addprevious(update)
        else:
            settings.append(update)
    # The thumbnail of the template shows another document.
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rid]


def _comments(doc: Document) -> str:
    return "\n".join(f"{clean_text(k)}: {clean_text(v)}" for k, v in sorted(doc.metadata.items()) if clean_text(k))


def to_docx(doc: Document, options: DocxOptions | None = None) -> bytes:
    """The document as DOCX bytes (named styles, nl-NL, A4, table of contents).

    Reproducible: the same document, options and date give byte-identical output.
    """
    options = options or DocxOptions()
    when = document_time(options.date)
    if options.template is not None:
        data, name = read_template(options.template)
        document = open_template(data, name)
        from_template = True
    else:
        document, from_template, name = open_blank(), False, ""
        _setup_page(document)
    st.setup_styles(document, from_template=from_template, text_width=_text_width(document), template_name=name)
    writer = _Writer(document, options, from_template)
    writer.write(doc)
    _setup_settings(document, update_fields=bool(writer.toc))
    set_properties(document, title=clean_text(doc.title), subject=clean_text(doc.subject), comments=_comments(doc),
                   when=when, language=st.LANGUAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())
