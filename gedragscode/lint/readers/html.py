"""HTML pages of the official regulation sites (and any other HTML) as plain text.

Handles the pages of lokaleregelgeving.overheid.nl, repository.officiele-overheidspublicaties.nl,
the older decentrale.regelgeving.overheid.nl "XHTMLoutput" pages and zoek.officielebekendmakingen.nl:
navigation, scripts, styles, footers, struck-through text (``del``, ``s``, ``strike``: what an amendment
deleted) and the "Ziet u een fout" banner are dropped; the metadata
tables ("Gegevens van de regeling", the change overview, the gazette header table) go to
``metadata`` and not into the text; block elements become paragraphs; list items keep their
number or letter.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from lxml import etree
from lxml import html as lxml_html

from gedragscode.errors import DocumentError, Location
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.readers.numbering import roman
from gedragscode.lint.readers.tables import ExplainedTable
from gedragscode.lint.readers.text import NOISE_CLASS, decode_bytes, join_blocks, require_text

_DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "nav", "footer", "button", "iframe", "svg", "template",
        "head", "title", "meta", "link", "select", "input", "textarea", "object", "embed",
        "canvas", "map", "audio", "video", "form", "math",
        "del", "s", "strike",  # struck-through text: what an amendment deleted no longer holds
    }
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "aside", "header", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "address", "figure",
        "figcaption", "hr", "center", "caption", "body", "html", "fieldset", "legend", "details",
        "summary", "hgroup", "menu",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
_WS = re.compile(r"[ \t\n\r\f]+")
_LABEL_ONLY = re.compile(r"^(?:[•·▪◦‣\-–—*]\s*)?\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]{1,2}|[ivxIVX]{1,5})[.)]?\)?$")
_STARTS_WITH_LABEL = re.compile(
    r"^(?:[•·▪◦‣\-–—*](?:\s|$)|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivx]{1,5})[.)](?:\s|$)|\(\d{1,3}\)\s)"
)
_BOILERPLATE = re.compile(
    r"^(?:ziet u een fout in deze regeling\b.*|permanente link|"
    r"naar de actuele versie van de regeling|naar de door u bekeken versie|u bent hier:?|"
    r"zoals vergunningen, bouwplannen en lokale regelgeving\.?|"
    r"adressen en contactpersonen van overheidsorganisaties\.?|"
    r"(?:naar )?(?:boven|top)|terug(?: naar .*)?|printen|print|delen|deel deze pagina|"
    r"deze pagina (?:printen|delen)|sluiten|menu|zoeken)$",
    re.IGNORECASE,
)
_META_SECTION_START = ("wetstechnische informatie", "gegevens van de regeling")
_META_SECTION_END = "tekst van de regeling"
_META_HEADINGS: dict[str, str] = {
    "wetstechnische informatie": "",
    "gegevens van de regeling": "",
    "opmerkingen met betrekking tot de regeling": "opmerkingen",
    "overzicht van in de tekst verwerkte wijzigingen": "",
    "tekst van de regeling": "",
}
_GRONDSLAG_HEADING = re.compile(r"^wettelijke grondslag", re.IGNORECASE)

# Keys of the key/value table "Gegevens van de regeling" and of header tables.
_META_KEYS = frozenset(
    {
        "organisatie", "organisatietype", "officiële naam regeling", "citeertitel",
        "vastgesteld door", "onderwerp", "eigen onderwerp", "opmerkingen met betrekking tot de regeling",
        "wettelijke grondslag", "wettelijke grondslag(en) of bevoegdheid waarop de regeling is gebaseerd",
        "datum publicatie", "jaargang en nummer", "rubriek", "datum inwerkingtreding",
        "terugwerkende kracht tot en met", "datum uitwerkingtreding", "betreft", "datum ondertekening",
        "bron bekendmaking", "kenmerk voorstel", "identificatienummer", "status", "type regeling",
        "geldend van", "datum ondertekening besluit",
    }
)  # fmt: skip
_KEY_ALIASES = {
    "wettelijke grondslag(en) of bevoegdheid waarop de regeling is gebaseerd": "wettelijke grondslag",
    "opmerkingen met betrekking tot de regeling": "opmerkingen",
}
_SCHEME_TYPE = re.compile(
    r"(?:overheid[:.]?)?(gemeente|provincie|waterschap|openbaarlichaam|"
    r"openbaar ?lichaam|gemeenschappelijke ?regeling)",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _text_content(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext())


def _key(text: str) -> str:
    key = _clean(text).rstrip(":").strip().lower()
    return _KEY_ALIASES.get(key, key)


def _classes(el: etree._Element) -> list[str]:
    values = f"{el.get('class') or ''} {el.get('id') or ''}"
    return values.split()


def _drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _tag(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _collapsed(el: etree._Element, controlled: set[str]) -> bool:
    """Whether a hidden element is collapsed content that a control on the page expands ("Lees meer"): a
    button or link with ``aria-expanded`` just before it, or a control whose ``aria-controls`` names it. Such
    text belongs to the page (an accordion or read-more toggle), unlike a hidden dialog or template."""
    if el.get("id") and el.get("id") in controlled:
        return True
    before = el.getprevious()
    return before is not None and _tag(before) in ("button", "a") and before.get("aria-expanded") is not None


def _strip_noise(root: etree._Element) -> None:
    doomed: list[etree._Element] = []
    controlled = {ref for el in root.iter() if isinstance(el.tag, str)
                  for ref in (el.get("aria-controls") or "").split()}
    for el in root.iter():
        tag = _tag(el)
        if not tag:  # comments, processing instructions
            doomed.append(el)
            continue
        if tag in _DROP_TAGS:
            doomed.append(el)
            continue
        if (el.get("role") or "").lower() in _DROP_ROLES:
            doomed.append(el)
            continue
        if (el.get("hidden") is not None and not _collapsed(el, controlled)) \
                or (el.get("aria-hidden") or "").lower() == "true":
            doomed.append(el)
            continue
        if any(NOISE_CLASS.match(c) for c in _classes(el)):
            doomed.append(el)
            continue
        if tag == "header" and not any(_tag(a) in ("main", "article") for a in el.iterancestors()):
            doomed.append(el)
    marked = set(doomed)  # the list keeps the element proxies alive, so the set finds them
    for el in doomed:
        if el.getparent() is not None and not any(a in marked for a in el.iterancestors()):
            _drop(el)
    # "Ziet u een fout in deze regeling?" banners: drop the smallest block holding the phrase.
    for el in list(root.iter()):
        if not _tag(el) or el.getparent() is None:
            continue
        own = _clean("".join([el.text or "", *(c.tail or "" for c in el)]))
        if own.lower().startswith("ziet u een fout"):
            target = el
            while _tag(target) not in _BLOCK_TAGS:
                parent = target.getparent()
                if parent is None or len(_clean(_text_content(parent))) >= 400:
                    break
                target = parent
            if target.getparent() is not None:
                _drop(target)


# ---------------------------------------------------------------- metadata tables


def _cells(row: etree._Element) -> list[str]:
    return [_clean(_text_content(c)) for c in row if _tag(c) in ("td", "th")]


def _rows(table: etree._Element) -> list[list[str]]:
    rows = []
    for tr in table.iter():
        if _tag(tr) == "tr":
            nearest = next((a for a in tr.iterancestors() if _tag(a) == "table"), None)
            if nearest is table:
                rows.append(_cells(tr))
    return rows


def _table_metadata(table: etree._Element) -> dict[str, str] | None:
    """Metadata from a key/value table or a header table, or None for an ordinary table."""
    rows = [r for r in _rows(table) if any(r)]
    if not rows:
        return None
    keyed = [r for r in rows if len(r) >= 2 and _key(r[0]) in _META_KEYS]
    if len(keyed) >= 2 and len(keyed) * 2 >= len(rows):
        return {_key(r[0]): " ".join(c for c in r[1:] if c) for r in keyed}
    header = [_key(c) for c in rows[0]]
    if len(header) >= 2 and sum(h in _META_KEYS for h in header) * 2 >= len(header) and len(rows) >= 2:
        found: dict[str, str] = {}
        for row in rows[1:]:
            for key, value in zip(header, row, strict=False):
                if key and value and key not in found:
                    found[key] = value
        return found
    return None


def _head_metadata(root: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip()
        content = _clean(meta.get("content") or "")
        if not name or not content:
            continue
        low = name.lower()
        if not low.startswith(("dc.", "dcterms.", "overheid", "owms", "cvdr")):
            continue
        found.setdefault(low, content)
        bare = low.split(".", 1)[-1].split(":", 1)[-1]
        scheme = meta.get("scheme") or ""
        if bare == "creator":
            found.setdefault("organisatie", content)
            match = _SCHEME_TYPE.search(scheme)
            if match:
                found.setdefault("organisatietype", match.group(1).capitalize())
        elif bare == "title":
            found.setdefault("titel", content)
        elif bare == "identifier":
            found.setdefault("identificatie", content)
    return found


# ---------------------------------------------------------------- flattening


def _letter(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("a") + rem) + out
    return out or "a"


def _format_number(n: int, kind: str) -> str:
    if kind == "a":
        return _letter(n)
    if kind == "A":
        return _letter(n).upper()
    if kind == "i":
        return roman(n).lower()
    if kind == "I":
        return roman(n)
    return str(n)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_CELL_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "ul", "ol", "table", "blockquote"})


def _rows_of(table: etree._Element) -> list[etree._Element]:
    """The rows of ``table`` itself, not of the tables nested in it."""
    return [tr for tr in table.iter() if _tag(tr) == "tr"
            and next((a for a in tr.iterancestors() if _tag(a) == "table"), None) is table]


def _layout_table(table: etree._Element, rows: list[etree._Element]) -> bool:
    """Whether a table (with its own ``rows``) lays out a page rather than holding data: it says so
    (``role="presentation"``), or each of its rows has one cell and some cell holds blocks of its own
    (paragraphs, headings, lists)."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    cells = [[c for c in tr if _tag(c) in ("td", "th")] for tr in rows]
    return bool(rows) and all(len(row) <= 1 for row in cells) and any(
        _tag(d) in _CELL_BLOCKS for row in cells for cell in row for d in cell.iterdescendants())


class _Flattener:
    """Turn an HTML tree into a list of paragraphs."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.buffer: list[str] = []
        self.pre = 0

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        if self.pre:
            lines = [line.rstrip() for line in text.split("\n")]
            text = "\n".join(lines).strip("\n")
        else:
            text = "\n".join(_clean(part) for part in text.split("\n"))
            text = text.strip()
        if text:
            self.blocks.append(text)

    def text(self, value: str | None) -> None:
        if value:
            self.buffer.append(value)

    def walk(self, el: etree._Element) -> None:
        tag = _tag(el)
        if tag == "br":
            self.buffer.append("\n")
            self.text(el.tail)
            return
        if tag in ("table",):
            self.flush()
            self.table(el)
            self.text(el.tail)
            return
        if tag == "li":
            self.flush()
            self.list_item(el)
            self.text(el.tail)
            return
        if tag in ("ol", "ul", "menu"):
            self.flush()
            self.list(el)
            self.text(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        if tag == "pre":
            self.pre += 1
        self.text(el.text)
        for child in el:
            self.walk(child)
        if tag == "pre":
            self.pre -= 1
        if block:
            self.flush()
        self.text(el.tail)

    def children_blocks(self, el: etree._Element) -> list[str]:
        sub = _Flattener()
        sub.pre = self.pre
        sub.text(el.text)
        for child in el:
            sub.walk(child)
        sub.flush()
        return sub.blocks

    def list(self, el: etree._Element) -> None:
        ordered = _tag(el) == "ol"
        kind = el.get("type") or "1"
        counter = _int(el.get("start"), 1)
        self.text(el.text)
        for child in el:
            if _tag(child) == "li":
                counter = _int(child.get("value"), counter)
                label = f"{_format_number(counter, kind)}." if ordered else "•"
                counter += 1
                self.list_item(child, label)
                self.text(child.tail)
            else:
                self.walk(child)
        self.flush()

    def list_item(self, el: etree._Element, label: str = "•") -> None:
        blocks = self.children_blocks(el)
        if not blocks:
            return
        if len(blocks) > 1 and _LABEL_ONLY.match(blocks[0]) and "\n" not in blocks[0]:
            blocks[0:2] = [f"{blocks[0]} {blocks[1]}"]
        if not _STARTS_WITH_LABEL.match(blocks[0]):
            blocks[0] = f"{label} {blocks[0]}"
        self.blocks.extend(blocks)

    def table(self, el: etree._Element) -> None:
        rows = _rows_of(el)
        if _layout_table(el, rows):
            # a table that lays out a page (an e-mail newsletter, an old site): its cells hold the text's own
            # blocks, which are read as blocks, not as one row of cells
            for tr in rows:
                for cell in tr:
                    if _tag(cell) in ("td", "th"):
                        self.blocks.extend(self.children_blocks(cell))
            return
        explained = ExplainedTable()
        for tr in rows:
            cells = []
            for cell in tr:
                if _tag(cell) in ("td", "th"):
                    text = " ".join(b.replace("\n", " ") for b in self.children_blocks(cell))
                    cells.append(_clean(text))
            lead, kept, notes = explained.split([[c] for c in cells])
            self.blocks.extend(lead)
            self._row([c[0] for c in kept])
            self.blocks.extend(notes)

    def _row(self, cells: Sequence[str]) -> None:
        cells = [c for c in cells if c]
        if not cells:
            return
        if len(cells) >= 2 and _LABEL_ONLY.match(cells[0]):
            self.blocks.append(f"{cells[0]} " + " | ".join(cells[1:]))
        else:
            self.blocks.append(" | ".join(cells))


# ---------------------------------------------------------------- page post-processing


def _harvest_sections(blocks: list[str], metadata: dict[str, str]) -> list[str]:
    """Drop the "Wetstechnische informatie" section and boilerplate lines, harvesting metadata."""
    lowered = [b.strip().lower() for b in blocks]
    start = next((i for i, b in enumerate(lowered) if b in _META_SECTION_START), None)
    end = None
    if start is not None:
        end = next((i for i in range(start + 1, len(lowered)) if lowered[i] == _META_SECTION_END), None)
    keep: list[str] = []
    i = 0
    while i < len(blocks):
        low = lowered[i]
        in_section = start is not None and end is not None and start <= i <= end
        grondslag = _GRONDSLAG_HEADING.match(low) is not None and len(low) < 120
        if grondslag or (_META_HEADINGS.get(low)):
            key = "wettelijke grondslag" if grondslag else _META_HEADINGS[low]
            j = i + 1
            values = []
            while j < len(blocks) and lowered[j] not in _META_HEADINGS and not _GRONDSLAG_HEADING.match(lowered[j]):
                if end is None and j > i + 6:
                    break
                values.append(blocks[j])
                j += 1
            if values:
                metadata.setdefault(key, "; ".join(_clean(v).lstrip("•·-– ") for v in values))
            if in_section or end is None:
                i = j
                continue
        if in_section or low in _META_HEADINGS or _BOILERPLATE.match(low):
            i += 1
            continue
        keep.append(blocks[i])
        i += 1
    return keep


def _content_root(root: etree._Element) -> etree._Element:
    for el in root.iter("main"):
        if len(_clean(_text_content(el))) > 200:
            return el
    body = root.find(".//body")
    return body if body is not None else root


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def decode_html(data: bytes, name: str) -> str:
    """Decode HTML bytes using the declared charset, else UTF-8 / cp1252."""
    match = _CHARSET.search(data[:4096])
    if match:
        charset = match.group(1).decode("ascii", "replace").lower()
        if charset not in ("utf-8", "utf8"):
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(data, name)


def _depth(root: etree._Element) -> int:
    """The deepest nesting under ``root`` (iteratively)."""
    deepest = 0
    stack = [(root, 0)]
    while stack:
        el, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in el)
    return deepest


@contextmanager
def _recursion_room(depth: int) -> Iterator[None]:
    """Room for the flattener's recursion over a tree ``depth`` levels deep (at most 2048)."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 4 * depth + 500))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def html_to_text(source: str, name: str) -> tuple[str, dict[str, str]]:
    """Convert an HTML page to plain text and metadata."""
    source = _XML_DECL.sub("", source, count=1)
    if not source.strip():
        raise DocumentError("het HTML-bestand is leeg", Location(file=name))
    # huge_tree: libxml2 otherwise drops everything nested deeper than 255 levels (and the page
    # would "contain no text"); the document size is capped before this (gedragscode.limits)
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
    try:
        root = lxml_html.document_fromstring(source, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise DocumentError(f"het HTML-bestand is niet te lezen: {exc}", Location(file=name)) from None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise DocumentError("het HTML-bestand is dieper genest dan te lezen is (meer dan 2048 niveaus)",
                            Location(file=name))
    metadata = _head_metadata(root)
    for table in list(root.iter("table")):
        found = _table_metadata(table)
        if found is not None:
            for key, value in found.items():
                metadata.setdefault(key, value)
            _drop(table)
    for dl in list(root.iter("dl")):
        pairs = []
        current = ""
        for child in dl:
            if _tag(child) == "dt":
                current = _key(_text_content(child))
            elif _tag(child) == "dd" and current:
                pairs.append((current, _clean(_text_content(child))))
        if pairs and sum(k in _META_KEYS for k, _ in pairs) * 2 >= len(pairs):
            for key, value in pairs:
                metadata.setdefault(key, value)
            _drop(dl)
    _strip_noise(root)
    flattener = _Flattener()
    content = _content_root(root)
    with _recursion_room(_depth(content)):
        flattener.walk(content)
    flattener.flush()
    blocks = _harvest_sections(flattener.blocks, metadata)
    return join_blocks(blocks), metadata


def read_html(data: bytes, name: str) -> SourceDocument:
    """Read an HTML page."""
    if not data.strip():
        raise DocumentError("het bestand is leeg", Location(file=name))
    text, metadata = html_to_text(decode_html(data, name), name)
    return SourceDocument(name=name, format="html", text=require_text(text, name, "de HTML-pagina"), metadata=metadata)
