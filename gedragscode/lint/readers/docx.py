"""Word documents (.docx) as plain text.

Every Word paragraph becomes a paragraph of text; heading styles need nothing special since a
heading is its own paragraph. Word list numbering (``numPr``, the number is not in the text) is
reconstructed by counting per list (``numId``) and level (``ilvl``) and formatting the level's
``lvlText`` ("%1.", "Artikel %1", "%1.%2", "(%1)", bullets as "•"). Table rows are read by
:mod:`gedragscode.lint.readers.tables`: a subject with its rule becomes a heading and paragraphs, any
other row one line with the cells separated by " | ". Tracked deletions and field codes are skipped; tracked
insertions are kept. A table-of-contents field (its entries) and a paragraph in the "TOC Heading"
style are generated navigation and are skipped.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from gedragscode.errors import DocumentError, Location
from gedragscode.limits import MAX_COUNTER
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.readers.numbering import roman
from gedragscode.lint.readers.tables import ExplainedTable, row_blocks
from gedragscode.lint.readers.text import join_blocks, require_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{" + W + "}"
_MAX_UNCOMPRESSED = 300 * 1024 * 1024
_SKIP = frozenset(
    {
        _W + "del", _W + "pPr", _W + "rPr", _W + "instrText", _W + "delInstrText", _W + "txbxContent",
        "{" + MC + "}Fallback", _W + "footnoteReference", _W + "endnoteReference", _W + "fldData",
    }
)  # fmt: skip


def _struck(run: Any) -> bool:
    """Whether a run is formatted as struck through (``w:strike`` or ``w:dstrike``, not switched off)."""
    props = run.find(_W + "rPr")
    if props is None:
        return False
    for name in ("strike", "dstrike"):
        mark = props.find(_W + name)
        if mark is not None and mark.get(_W + "val", "true").lower() not in ("0", "false", "off"):
            return True
    return False


def _wval(el: Any, name: str) -> str | None:
    child = el.find(_W + name) if el is not None else None
    if child is None:
        return None
    value = child.get(_W + "val")
    return str(value) if value is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _letters(n: int) -> str:
    # Word repeats the letter after z: aa, bb, ...; a huge counter is given in digits
    n = max(n, 1)
    if n > MAX_COUNTER:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Format a list counter in a Word ``numFmt``."""
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "bullet":
        return "•"
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    """The numbering definitions of a document and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    abstract_of: dict[str, str] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any) -> _Numbering:
        abstracts: dict[str, dict[int, _Level]] = {}
        for absnum in root.iter(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in absnum.iter(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl"), 0)
                levels[ilvl] = _Level(
                    start=_int(_wval(lvl, "start"), 1),
                    fmt=_wval(lvl, "numFmt") or "decimal",
                    text=_wval(lvl, "lvlText") or "",
                )
            abstracts[str(absnum.get(_W + "abstractNumId"))] = levels
        numbering = cls()
        for num in root.iter(_W + "num"):
            num_id = str(num.get(_W + "numId"))
            abstract_id = _wval(num, "abstractNumId") or ""
            levels = {k: _Level(v.start, v.fmt, v.text) for k, v in abstracts.get(abstract_id, {}).items()}
            for override in num.iter(_W + "lvlOverride"):
                ilvl = _int(override.get(_W + "ilvl"), 0)
                start = _wval(override, "startOverride")
                if start is not None:
                    levels.setdefault(ilvl, _Level()).start = _int(start, 1)
            numbering.levels[num_id] = levels
            numbering.abstract_of[num_id] = abstract_id
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of ``(num_id, ilvl)`` and return the visible label."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return ""
        level = levels.get(ilvl, _Level())
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return "•"

        def repl(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lvl = levels.get(k, _Level())
            value = counters.get(k, lvl.start)
            fmt = lvl.fmt if k != ilvl else level.fmt
            return format_number(value, "decimal" if fmt == "bullet" else fmt)

        return re.sub(r"%([1-9])", repl, level.text).strip()


def _run_text(p: Any) -> str:
    parts: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "r" and _struck(child):
                continue  # struck-through text: what an amendment deleted no longer holds
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag == _W + "tab" or tag == _W + "ptab":
                parts.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.blocks: list[str] = []
        try:
            numbering_root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering_root = None
        self.numbering = _Numbering.from_xml(numbering_root) if numbering_root is not None else _Numbering()
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.toc_heading_styles: set[str] = set()
        self.fields: list[list[str]] = []  # open complex fields: [instruction text] per field
        self._load_styles()

    def _load_styles(self) -> None:
        try:
            styles_root = self.document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        based: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        for style in styles_root.iter(_W + "style"):
            style_id = str(style.get(_W + "styleId"))
            if (_wval(style, "name") or "").lower() == "toc heading":
                self.toc_heading_styles.add(style_id)
            parent = _wval(style, "basedOn")
            if parent:
                based[style_id] = parent
            ppr = style.find(_W + "pPr")
            numpr = ppr.find(_W + "numPr") if ppr is not None else None
            if numpr is not None:
                ilvl = _wval(numpr, "ilvl")
                own[style_id] = (_wval(numpr, "numId"), _int(ilvl, 0) if ilvl is not None else None)
        for style_id in list(own) + list(based):
            seen: set[str] = set()
            current: str | None = style_id
            while current is not None and current not in own and current not in seen:
                seen.add(current)
                current = based.get(current)
            if current is not None and current in own:
                self.style_numpr[style_id] = own[current]

    def _numbering_label(self, p: Any) -> str:
        ppr = p.find(_W + "pPr")
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            style = _wval(ppr, "pStyle")
            if style and style in self.style_numpr:
                num_id, ilvl = self.style_numpr[style]
            numpr = ppr.find(_W + "numPr")
            if numpr is not None:
                num_id = _wval(numpr, "numId") or num_id
                level = _wval(numpr, "ilvl")
                if level is not None:
                    ilvl = _int(level, 0)
        if not num_id or num_id == "0":
            return ""
        return self.numbering.label(num_id, ilvl or 0)

    def _in_toc(self, p: Any) -> bool:
        """Whether ``p`` is (partly) the result of a table-of-contents field, or its heading.

        A TOC is generated navigation, not text of the code: its entries would read as
        article headings. Field state is carried across paragraphs (a TOC spans many).
        """
        ppr = p.find(_W + "pPr")
        if ppr is not None and _wval(ppr, "pStyle") in self.toc_heading_styles:
            return True
        inside = any(f and f[0].lstrip().upper().startswith("TOC") for f in self.fields)
        for el in p.iter(_W + "fldChar", _W + "instrText"):
            if el.tag == _W + "instrText":
                if self.fields:
                    self.fields[-1][0] += el.text or ""
                continue
            kind = el.get(_W + "fldCharType")
            if kind == "begin":
                self.fields.append([""])
            elif kind == "end" and self.fields:
                self.fields.pop()
            inside = inside or any(f[0].lstrip().upper().startswith("TOC") for f in self.fields)
        return inside

    def paragraph(self, p: Any) -> str:
        text = _run_text(p)
        label = self._numbering_label(p)
        if label and text.strip():
            return f"{label} {text.lstrip()}" if not text.lstrip().startswith(label) else text
        return label if label and label != "•" else text

    def text_boxes(self, p: Any) -> None:
        """The text boxes anchored in paragraph ``p`` (a "Kader" beside the text), each paragraph of them a block
        after ``p``. A box that Word also wrote as a VML fallback (``mc:Fallback``) is read once."""
        for box in p.iter(_W + "txbxContent"):
            if any(a.tag == "{" + MC + "}Fallback" for a in box.iterancestors()):
                continue
            if any(a.tag == _W + "txbxContent" for a in box.iterancestors()):
                continue  # a box inside a box is read with its outer box
            self.body(box)

    def table(self, tbl: Any) -> None:
        explained = ExplainedTable()
        for tr in tbl.iter(_W + "tr"):
            if next((a for a in tr.iterancestors(_W + "tbl")), None) is not tbl:
                continue
            cells: list[list[str]] = []
            for tc in tr.findall(_W + "tc"):
                vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
                if vmerge is not None and vmerge.get(_W + "val") in (None, "continue"):
                    continue
                cells.append([self.paragraph(p) for p in tc.iter(_W + "p")])
            lead, cells, notes = explained.split(cells)
            self.blocks.extend(lead + row_blocks(cells) + notes)

    def body(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag == _W + "p":
                if not self._in_toc(child):
                    self.blocks.append(self.paragraph(child))
                    self.text_boxes(child)
            elif tag == _W + "tbl":
                self.table(child)
            elif tag in (_W + "sdt", _W + "customXml", _W + "smartTag"):
                content = child.find(_W + "sdtContent")
                self.body(content if content is not None else child)
            elif tag in (_W + "ins", _W + "moveTo"):
                self.body(child)


def _check_zip(data: bytes, name: str) -> None:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DocumentError(
            "dit is een oud Word-bestand (.doc); sla het op als .docx of PDF en probeer opnieuw",
            Location(file=name),
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            total = sum(info.file_size for info in infos)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise DocumentError(
            "het Word-bestand (DOCX) is beschadigd of geen DOCX (geen geldig zip-archief)",
            Location(file=name),
        ) from None
    if "word/document.xml" not in names:
        raise DocumentError(
            "het bestand is een zip-archief maar geen Word-document (word/document.xml ontbreekt)",
            Location(file=name),
        )
    if total > _MAX_UNCOMPRESSED:
        raise DocumentError("het Word-bestand is uitgepakt onredelijk groot; niet gelezen", Location(file=name))


def read_docx(data: bytes, name: str) -> SourceDocument:
    """Read a Word (.docx) document."""
    if not data:
        raise DocumentError("het bestand is leeg", Location(file=name))
    _check_zip(data, name)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        reader = _Reader(document)
        reader.body(document.element.body)
    except DocumentError:
        raise
    except (etree.XMLSyntaxError, zipfile.BadZipFile):
        raise DocumentError("het Word-bestand (DOCX) is beschadigd; open het in Word en sla het opnieuw op",
                            Location(file=name)) from None
    except Exception:  # python-docx raises many kinds of errors for broken packages
        raise DocumentError(
            "het Word-bestand (DOCX) is niet te lezen; open het in Word en sla het opnieuw op als .docx",
            Location(file=name),
        ) from None
    metadata: dict[str, str] = {}
    try:
        title = (document.core_properties.title or "").strip()
    except Exception:
        title = ""
    if title:
        metadata["titel"] = title
    text = join_blocks(reader.blocks)
    return SourceDocument(
        name=name, format="docx", text=require_text(text, name, "het Word-document"), metadata=metadata
    )
