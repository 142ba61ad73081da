"""The paragraph styles of a rendered DOCX: named styles a griffie can restyle and keep using.

A code of conduct is written in these paragraph styles (Word shows them in the style gallery
under these names):

============================  =====================================================
style                         used for
============================  =====================================================
``Title``                     the title (citeertitel) of the regulation
``Heading 1``                 Inleiding, Toelichting
``Hoofdstuk``                 ``Hoofdstuk 2 Belangenverstrengeling`` (based on Heading 1)
``Artikel``                   ``Artikel 3 Geschenken`` (based on Heading 2)
``Lid``                       a numbered lid: ``1.<tab>text``, hanging indent
``Lid zonder nummer``         the text of an article that has a single lid
``Onderdeel``                 ``a.<tab>text`` inside a lid, hanging indent
``Toepassing``                the italic line that says to whom an article applies
``Heading 2``/``Heading 3``   the parts of the toelichting
``TOC Heading``, ``toc 1/2``  the table of contents
============================  =====================================================

``Hoofdstuk`` and ``Artikel`` carry outline levels 1 and 2, so Word's navigation pane and the
table-of-contents field pick them up. Numbers are literal text, never Word list numbering: see
``docs/developer.md`` ("DOCX") for why.

Without a house template every style is defined here (Calibri, nl-NL, black headings). With a
house template (``--sjabloon``) a style the template already defines is used exactly as the
template has it; only the styles it lacks are added, based on the template's own Normal and
heading styles so that they inherit its fonts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor

from gedragscode.errors import DocumentError, Location

__all__ = [
    "ARTICLE",
    "CHAPTER",
    "HEADING_1",
    "HEADING_2",
    "HEADING_3",
    "LANGUAGE",
    "LID",
    "LID_SINGLE",
    "NORMAL",
    "ONDERDEEL",
    "SCOPE",
    "TITLE",
    "TOC_1",
    "TOC_2",
    "TOC_HEADING",
    "setup_styles",
]

LANGUAGE = "nl-NL"
FONT = "Calibri"

NORMAL = "Normal"
TITLE = "Title"
HEADING_1 = "Heading 1"
HEADING_2 = "Heading 2"
HEADING_3 = "Heading 3"
CHAPTER = "Hoofdstuk"
ARTICLE = "Artikel"
LID = "Lid"
LID_SINGLE = "Lid zonder nummer"
ONDERDEEL = "Onderdeel"
SCOPE = "Toepassing"
TOC_HEADING = "TOC Heading"
TOC_1 = "toc 1"
TOC_2 = "toc 2"

LID_INDENT = Cm(0.75)
ONDERDEEL_INDENT = Cm(1.5)
_BLACK = RGBColor(0, 0, 0)


@dataclass(frozen=True)
class _Spec:
    """One paragraph style: what it is based on and its own formatting (None: inherit)."""

    name: str
    style_id: str
    based_on: str | None = None
    next_style: str | None = None
    builtin: bool = False
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    before: float | None = None
    after: float | None = None
    line_spacing: float | None = None
    left: Length | None = None
    hanging: Length | None = None
    tab: Length | None = None
    keep_next: bool | None = None
    outline: int | None = None  # 0-based outline level (0 = level 1)
    heading: bool = False  # black, fixed font, keep lines: the look of every heading here


_SPECS: tuple[_Spec, ...] = (
    _Spec(NORMAL, "Normal", builtin=True, size=11, before=0, after=6, line_spacing=1.15),
    _Spec(TITLE, "Title", NORMAL, NORMAL, builtin=True, size=18, bold=True, italic=False, before=0, after=18,
          line_spacing=1.0, keep_next=True, heading=True),
    _Spec(HEADING_1, "Heading1", NORMAL, NORMAL, builtin=True, size=14, bold=True, italic=False, before=24,
          after=6, line_spacing=1.0, keep_next=True, outline=0, heading=True),
    _Spec(HEADING_2, "Heading2", NORMAL, NORMAL, builtin=True, size=12, bold=True, italic=False, before=14,
          after=3, line_spacing=1.0, keep_next=True, outline=1, heading=True),
    _Spec(HEADING_3, "Heading3", NORMAL, NORMAL, builtin=True, size=11, bold=True, italic=True, before=10,
          after=2, line_spacing=1.0, keep_next=True, outline=2, heading=True),
    _Spec(CHAPTER, "Hoofdstuk", HEADING_1, ARTICLE, keep_next=True, outline=0),
    _Spec(ARTICLE, "Artikel", HEADING_2, LID, keep_next=True, outline=1),
    _Spec(LID, "Lid", NORMAL, LID, before=4, after=2, left=LID_INDENT, hanging=LID_INDENT, tab=LID_INDENT),
    _Spec(LID_SINGLE, "Lidzondernummer", NORMAL, LID_SINGLE, before=4, after=2),
    _Spec(ONDERDEEL, "Onderdeel", NORMAL, ONDERDEEL, before=0, after=2, left=ONDERDEEL_INDENT,
          hanging=Length(ONDERDEEL_INDENT - LID_INDENT), tab=ONDERDEEL_INDENT),
    _Spec(SCOPE, "Toepassing", NORMAL, LID, italic=True, keep_next=True),
    _Spec(TOC_HEADING, "TOCHeading", HEADING_1, NORMAL, builtin=True, outline=9),
    _Spec(TOC_1, "TOC1", NORMAL, NORMAL, builtin=True, bold=True, before=6, after=0),
    _Spec(TOC_2, "TOC2", NORMAL, NORMAL, builtin=True, before=0, after=0, left=Cm(0.5)),
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


def _set_outline(style: Any, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    outline = ppr.find(qn("w:outlineLvl"))
    if outline is None:
        outline = OxmlElement("w:outlineLvl")
        ppr.append(outline)
    outline.set(qn("w:val"), str(level))


def _apply(style: Any, spec: _Spec, *, own_look: bool, text_width: Length) -> None:
    """Give ``style`` the formatting of ``spec``; ``own_look`` adds our fonts and colours."""
    font = style.font
    if spec.size is not None:
        font.size = Pt(spec.size)
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.italic is not None:
        font.italic = spec.italic
    fmt = style.paragraph_format
    if spec.before is not None:
        fmt.space_before = Pt(spec.before)
    if spec.after is not None:
        fmt.space_after = Pt(spec.after)
    if spec.line_spacing is not None:
        fmt.line_spacing = spec.line_spacing
    if spec.left is not None:
        fmt.left_indent = spec.left
    if spec.hanging is not None:
        fmt.first_line_indent = -spec.hanging
    if spec.tab is not None:
        fmt.tab_stops.add_tab_stop(spec.tab)
    if spec.name in (TOC_1, TOC_2):
        fmt.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    if spec.keep_next is not None:
        fmt.keep_with_next = spec.keep_next
    if spec.outline is not None:
        _set_outline(style, spec.outline)
    if spec.name == NORMAL:
        fmt.widow_control = True
    if own_look and spec.heading:
        _set_fonts(style.element.get_or_add_rPr(), FONT)
        font.color.rgb = _BLACK
        fmt.keep_together = True


def _add(styles: Any, spec: _Spec) -> Any:
    style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH, builtin=spec.builtin)
    style.element.styleId = spec.style_id
    if spec.based_on is not None and _find(styles, spec.based_on) is not None:
        style.base_style = styles[spec.based_on]
    style.quick_style = spec.name in (CHAPTER, ARTICLE, LID, LID_SINGLE, ONDERDEEL, SCOPE)
    return style


def _find(styles: Any, name: str) -> Any | None:
    try:
        return styles[name]
    except KeyError:
        return None


def _document_defaults(styles: Any) -> None:
    """Dutch as the language and one font for all text (only without a house template)."""
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    _set_fonts(rpr, FONT)


def setup_styles(document: Any, *, from_template: bool, text_width: Length, template_name: str = "") -> None:
    """Make sure every style the writer uses exists.

    Without a template (``from_template`` False) every style gets this module's look. With a
    template, styles the template defines are left exactly as they are; missing ones are
    added with this module's layout (indents, spacing, outline level) but the template's fonts.
    """
    styles = document.styles
    if not from_template:
        _document_defaults(styles)
    for spec in _SPECS:
        style = _find(styles, spec.name)
        if style is not None and style.type != WD_STYLE_TYPE.PARAGRAPH:
            raise DocumentError(f"het sjabloon heeft een stijl '{spec.name}' die geen alineastijl is; "
                                "hernoem die stijl in het sjabloon", Location(file=template_name))
        if style is not None and from_template:
            continue
        if style is None:
            style = _add(styles, spec)
        _apply(style, spec, own_look=not from_template, text_width=text_width)
    # "next style" links only once every style exists.
    for spec in _SPECS:
        style = _find(styles, spec.name)
        if spec.next_style is None or style is None or _find(styles, spec.next_style) is None:
            continue
        if from_template and style.element.find(qn("w:next")) is not None:
            continue
        style.next_paragraph_style = styles[spec.next_style]
    if not from_template:
        # No blue rule under the title.
        ppr = styles[TITLE].element.get_or_add_pPr()
        border = ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)
