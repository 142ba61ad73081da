"""CVDR XML and STOP XML regulations as plain text.

Elements are matched on their local names (namespaces vary between versions). The ``meta`` part
(owms-kern/mantel, cvdr metadata, STOP ``*Metadata``/``*Identificatie``) goes into ``metadata``;
text that STOP renvooi strikes (``VerwijderdeTekst``, an element with ``wijzigactie="verwijder"``) is left out
and inserted text (``NieuweTekst``, ``wijzigactie="voegtoe"``) is read, so a wijzigingsbesluit reads as the
regulation it makes;
the body becomes text lines in the layout of a published regulation: "Artikel 2.1 Titel" for a
``kop`` (``label``, ``nr``, ``titel`` / STOP ``Label``, ``Nummer``, ``Opschrift``), "1. text" for a
``lid``, "a. text" for a ``li``.

Parsing is safe: documents declaring entities or an internal DTD subset are refused outright,
and lxml runs with ``resolve_entities=False``, ``no_network=True`` and ``load_dtd=False``.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from gedragscode.errors import DocumentError, Location
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.readers.text import join_blocks, require_text

_WS = re.compile(r"\s+")
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
# "<" ends the search too: a run of "<!DOCTYPE<!DOCTYPE..." is then linear, not quadratic
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^<>\[]*\[", re.IGNORECASE)
_DOCTYPE_SUBSET_16 = re.compile(r"<!DOCTYPE[^<>\[]*\[", re.IGNORECASE)

_META_ROOTS = frozenset(
    {
        "meta", "metadata", "owms-kern", "owmskern", "owms-mantel", "owmsmantel", "cvdripm",
        "regelingmetadata", "besluitmetadata", "expressionidentificatie", "regelingversiemetadata",
        "procedureverloop", "consolidatieinformatie", "bekendmakingmetadata", "opmerkingen-versie",
    }
)  # fmt: skip
# STOP renvooi: struck text (``VerwijderdeTekst``) is no longer part of the regulation.
_SKIP = frozenset({"noot", "voetnoot", "redactie", "nootref", "ntref", "ntr", "figuur", "illustratie", "afbeelding",
                   "verwijderdetekst"})
_INLINE_SKIP = _SKIP
# STOP renvooi: an element that a mutation removes as a whole (``wijzigactie="verwijder"``).
_REMOVED = frozenset({"verwijder", "verwijdercontainer"})
_PARAGRAPH = frozenset({"al", "p", "para", "alinea", "al-groep", "tussenkop", "intref-titel", "wat"})
_TITLE = frozenset({"intitule", "regelingopschrift", "opschrift", "citeertitel", "titel-regeling"})
_KOP_LABEL = frozenset({"label"})
_KOP_NUMBER = frozenset({"nr", "nummer"})
_KOP_TITLE = frozenset({"titel", "opschrift"})
_LID_NUMBER = frozenset({"lidnr", "lidnummer"})
_LI_NUMBER = frozenset({"li.nr", "linummer", "li-nr"})
_DEFAULT_LABEL = {
    "artikel": "Artikel",
    "hoofdstuk": "Hoofdstuk",
    "paragraaf": "Paragraaf",
    "subparagraaf": "Paragraaf",
    "afdeling": "Afdeling",
    "deel": "Deel",
    "titeldeel": "Titel",
    "bijlage": "Bijlage",
}
_DEFAULT_HEADING = {
    "toelichting": "Toelichting",
    "algemenetoelichting": "Algemene toelichting",
    "algemene-toelichting": "Algemene toelichting",
    "artikelgewijzetoelichting": "Artikelsgewijze toelichting",
    "artikelsgewijze-toelichting": "Artikelsgewijze toelichting",
    "artikelgewijs": "Artikelsgewijze toelichting",
    "bijlage": "Bijlage",
}
_TYPE_WORDS = ("gemeente", "provincie", "waterschap", "openbaar lichaam", "openbaarlichaam")


def _removed(el: Any) -> bool:
    return (el.get("wijzigactie") or "").lower() in _REMOVED


def _local(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return str(etree.QName(tag).localname).lower()


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _inline(el: Any) -> str:
    """The text of an inline container, skipping footnotes and editorial notes."""
    parts: list[str] = [el.text or ""]
    for child in el:
        name = _local(child)
        if name and name not in _INLINE_SKIP and not _removed(child):
            if name == "br":
                parts.append("\n")
            else:
                parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _child(el: Any, names: frozenset[str]) -> Any | None:
    for child in el:
        if _local(child) in names:
            return child
    return None


def _organisation_type(value: str) -> str:
    low = value.lower()
    for word in _TYPE_WORDS:
        if word in low:
            return "Openbaar lichaam" if word.startswith("openbaar") else word.capitalize()
    return ""


def _harvest_meta(root: Any, metadata: dict[str, str]) -> None:
    for el in root.iter():
        name = _local(el)
        if not name or len(el):
            continue
        value = _clean(el.text or "") or _clean(el.get("resourceIdentifier") or "")
        if not value:
            continue
        metadata.setdefault(name, value)
        scheme = el.get("scheme") or ""
        if name in ("creator", "maker", "eindverantwoordelijke"):
            if not value.startswith("/tooi/"):
                metadata.setdefault("organisatie", value)
            kind = _organisation_type(scheme) or _organisation_type(value)
            if kind:
                metadata.setdefault("organisatietype", kind)
        elif name == "organisatietype":
            metadata.setdefault("organisatietype", value)
        elif name in ("title", "officieletitel"):
            metadata.setdefault("titel", value)
        elif name == "citeertitel":
            metadata.setdefault("citeertitel", value)
        elif name in ("identifier", "frbrwork", "frbrexpression", "work-id"):
            metadata.setdefault("identificatie", value)
        elif name == "inwerkingtredingdatum":
            metadata.setdefault("datum inwerkingtreding", value)


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.metadata: dict[str, str] = {}

    def kop(self, kop: Any, owner: str) -> str:
        label = number = title = ""
        loose: list[str] = []
        for child in kop:
            name = _local(child)
            text = _clean(_inline(child))
            if name in _KOP_LABEL:
                label = text
            elif name in _KOP_NUMBER:
                number = text
            elif name in _KOP_TITLE:
                title = text
            elif text:
                loose.append(text)
        if not (label or number or title):
            return _clean(_inline(kop))
        if number and not label:
            label = _DEFAULT_LABEL.get(owner, "")
        return _clean(" ".join(part for part in (label, number, title, *loose) if part))

    def numbered(self, el: Any, label: str) -> None:
        """A lid or list item: prefix the first paragraph with its label."""
        start = len(self.blocks)
        for child in el:
            name = _local(child)
            if name in _LID_NUMBER or name in _LI_NUMBER:
                continue
            self.walk(child)
        if not label:
            return
        if len(self.blocks) > start:
            self.blocks[start] = f"{label} {self.blocks[start]}"
        else:
            self.blocks.append(label)

    def table(self, el: Any) -> None:
        for row in el.iter():
            if _local(row) not in ("row", "tr"):
                continue
            cells = [
                _clean(" ".join(_inline(c) for c in cell.iter() if _local(c) in _PARAGRAPH) or _inline(cell))
                for cell in row
                if _local(cell) in ("entry", "td", "th", "cel")
            ]
            cells = [c for c in cells if c]
            if cells:
                self.blocks.append(" | ".join(cells))

    def walk(self, el: Any) -> None:
        name = _local(el)
        if not name or name in _SKIP or _removed(el):
            return
        if name in _META_ROOTS:
            _harvest_meta(el, self.metadata)
            return
        if name in _PARAGRAPH:
            text = _inline(el)
            if text.strip():
                self.blocks.append("\n".join(_clean(line) for line in text.split("\n")))
            return
        if name in _TITLE and not len([c for c in el if _local(c) in _PARAGRAPH]):
            text = _clean(_inline(el))
            if text:
                self.blocks.append(text)
            return
        if name == "kop":
            parent = el.getparent()
            heading = self.kop(el, _local(parent) if parent is not None else "")
            if heading:
                self.blocks.append(heading)
            return
        if name in ("tabel", "table"):
            self.table(el)
            return
        if name == "lid":
            number_el = _child(el, _LID_NUMBER)
            label = _clean(_inline(number_el)) if number_el is not None else _clean(el.get("lidnr") or "")
            if label and label[-1].isalnum():
                label += "."
            self.numbered(el, label)
            return
        if name == "li":
            number_el = _child(el, _LI_NUMBER)
            label = _clean(_inline(number_el)) if number_el is not None else _clean(el.get("nr") or "")
            parent = el.getparent()
            if not label and parent is not None and (parent.get("type") or "") != "expliciet":
                label = "•"
            self.numbered(el, label)
            return
        has_kop = _child(el, frozenset({"kop"})) is not None
        if not has_kop:
            heading = ""
            if name in _DEFAULT_LABEL and (el.get("label") or el.get("nr")):
                heading = _clean(f"{el.get('label') or _DEFAULT_LABEL[name]} {el.get('nr') or ''}")
            elif name in _DEFAULT_HEADING:
                heading = _DEFAULT_HEADING[name]
            if heading:
                self.blocks.append(heading)
        if len(el):
            if el.text and el.text.strip():
                self.blocks.append(_clean(el.text))
            for child in el:
                self.walk(child)
                if child.tail and child.tail.strip():
                    self.blocks.append(_clean(child.tail))
        elif el.text and el.text.strip():
            self.blocks.append(_clean(el.text))


def _refuse_unsafe(data: bytes, name: str) -> None:
    head = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError("het XML-bestand is geen geldige UTF-16-tekst", Location(file=name)) from None
        if "<!ENTITY" in text.upper() or _DOCTYPE_SUBSET_16.search(text):
            raise _unsafe(name)
        return
    if _ENTITY.search(head) or _DOCTYPE_SUBSET.search(head):
        raise _unsafe(name)


def _unsafe(name: str) -> DocumentError:
    return DocumentError(
        "het XML-bestand bevat een DTD met entiteiten; om veiligheidsredenen (XML-bom, externe "
        "entiteiten) wordt het niet gelezen",
        Location(file=name),
    )


def parse_xml(data: bytes, name: str) -> Any:
    """Parse XML bytes safely into an lxml element, or raise :class:`DocumentError`."""
    if not data.strip():
        raise DocumentError("het bestand is leeg", Location(file=name))
    _refuse_unsafe(data, name)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        raise DocumentError(f"het XML-bestand is niet welgevormd: {exc.msg}", Location(file=name, line=line)) from None
    except (ValueError, etree.LxmlError) as exc:
        raise DocumentError(f"het XML-bestand is niet te lezen: {exc}", Location(file=name)) from None
    if root is None:
        raise DocumentError("het XML-bestand bevat geen elementen", Location(file=name))
    for el in root.iter():
        if isinstance(el, etree._Entity):
            raise _unsafe(name)
    return root


def xml_to_text(root: Any) -> tuple[str, dict[str, str]]:
    """Convert a parsed CVDR/STOP document to text and metadata."""
    walker = _Walker()
    walker.walk(root)
    return join_blocks(walker.blocks), walker.metadata


def read_xml(data: bytes, name: str) -> SourceDocument:
    """Read a CVDR or STOP XML regulation (XHTML is handed to the HTML reader)."""
    root = parse_xml(data, name)
    if _local(root) == "html":
        from gedragscode.lint.readers.html import read_html

        return read_html(data, name)
    text, metadata = xml_to_text(root)
    return SourceDocument(name=name, format="xml", text=require_text(text, name, "het XML-bestand"), metadata=metadata)
