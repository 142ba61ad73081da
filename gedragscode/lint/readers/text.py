"""Plain text and Markdown, plus the decoding and normalisation every reader shares."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from gedragscode.errors import DocumentError, Location
from gedragscode.lint.document import PAGE_BREAK, SourceDocument

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# ---------------------------------------------------------------- normalisation

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_REMOVE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TRANSLATE: dict[int, str | None] = {ord(c): " " for c in _SPACES}
_TRANSLATE.update({ord(c): None for c in _REMOVE})
_TRANSLATE.update({ord(k): v for k, v in _LIGATURES.items()})
_TRANSLATE.update({ord(c): "\n" for c in "\u2028\u2029\x0b\x0c\x85"})
# Other C0/C1 control characters carry no text.
for _code in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)]:
    _TRANSLATE.setdefault(_code, None)

_MANY_BLANKS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Normalise line endings, spaces, invisible characters and ligatures.

    The result has ``\\n`` line endings, no trailing spaces, at most one blank line between
    paragraphs and no leading or trailing blank lines. Characters are NFC-composed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TRANSLATE)
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip(" ") for line in text.split("\n"))  # a regex would backtrack on long runs
    text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip("\n")


def join_blocks(blocks: Iterable[str]) -> str:
    """Join paragraphs with a blank line between them, dropping empty ones."""
    out = []
    for block in blocks:
        block = normalise_text(block)
        if block.strip():
            out.append(block)
    return "\n\n".join(out)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode document bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Raises :class:`DocumentError` for binary data and bytes that are not text in any of these.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DocumentError(
                f"het bestand begint als UTF-8 maar bevat ongeldige tekens (positie {exc.start})",
                Location(file=name),
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError("het bestand is geen geldige UTF-16-tekst", Location(file=name)) from None
    if b"\x00" in data:
        raise DocumentError("het bestand bevat binaire gegevens en is geen tekstbestand", Location(file=name))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"de tekens in het bestand zijn niet te lezen (geen UTF-8 en geen Windows-1252, positie {exc.start})",
            Location(file=name),
        ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 50):
        raise DocumentError("het bestand bevat binaire gegevens en is geen tekstbestand", Location(file=name))
    return text


def require_text(text: str, name: str, what: str = "het document") -> str:
    """Raise a Dutch :class:`DocumentError` when ``text`` has no visible characters."""
    if not text.strip():
        raise DocumentError(f"{what} bevat geen tekst", Location(file=name))
    return text


# ---------------------------------------------------------------- plain text


_QUOTED = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_QUOTED_SHARE = 0.5
_QUOTED_MIN = 3  # quoted lines: a forwarded code has many; ">0" or "> zie boven" is text


def unquote(text: str) -> str:
    """A code forwarded by e-mail, every line quoted ("> Artikel 1 ..."), without the quote marks.

    Only when most non-blank lines, and at least three, are quoted: a single "> " line is text. The e-mail
    around the quoted code (sender, greeting) stays and is read as what it is."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return text
    quoted = sum(1 for line in lines if line.lstrip().startswith(">"))
    if quoted < _QUOTED_MIN or quoted < _QUOTED_SHARE * len(lines):
        return text
    return _QUOTED.sub("", text)


# A line drawn with one character ("----------", "==========", "**********"): a typewriter's rule around a
# heading or between sections, no text.
_RULE_LINE = re.compile(r"^[ \t]*([-=_*~#+])\1{4,}[ \t]*$", re.MULTILINE)


def unrule(text: str) -> str:
    """The text with its drawn rules blanked out: a heading between two rules is then a short line on its
    own, as in any other code."""
    return _RULE_LINE.sub("", text)


# The classes of a web page's parts that are no text of the code (navigation, cookie notices, footers, ...):
# the HTML reader drops elements with them, the Markdown reader Pandoc divs with them.
NOISE_CLASS = re.compile(
    r"^(?:skip-?links?|skiplink|breadcrumbs?|nav|navbar|navigation|site-?nav|menu|mainmenu|"
    r"footer|site-?footer|page-?footer|site-?header|page-?header|cookie[\w-]*|feedback|"
    r"socials?|share|sharing|print-?only|visually-?hidden|sr-only|hidden)$",
    re.IGNORECASE,
)
# A Pandoc fenced div (":::: {.intro}" ... "::::") and the attributes of a heading ("## Waarom? {#waarom}"),
# as a CMS export writes them: markup, not text.
_DIV_FENCE = re.compile(r"^[ \t]*:{3,}[ \t]*(?:\{(?P<attrs>[^}\n]*)\}|(?P<name>[\w-]+))?[ \t]*:*[ \t]*$")
_HEADING_ATTRS = re.compile(r"^(?P<head>[ \t]{0,3}#{1,6}[ \t].*?)[ \t]+\{[#.][^}\n]*\}[ \t]*$", re.MULTILINE)


# An HTML comment in Markdown ("<!-- ... -->"): invisible in the published page, no text of the code.
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def pandoc_divs(source: str) -> str:
    """Markdown without Pandoc's fenced-div lines and heading attributes; a div whose class marks a part of
    the web page around the code (:data:`NOISE_CLASS`: "cookie-notice", "breadcrumbs", ...) goes with its
    content. Text without ":::" lines is returned as it is."""
    if ":::" not in source and "{#" not in source:
        return source
    out: list[str] = []
    stack: list[bool] = []  # per open div: whether it is noise
    for line in source.split("\n"):
        m = _DIV_FENCE.match(line)
        if m is None:
            if not any(stack):
                out.append(line)
            continue
        words = (m.group("attrs") or m.group("name") or "").split()
        if not words:  # a bare fence closes the innermost div
            if stack:
                stack.pop()
            continue
        stack.append(any(NOISE_CLASS.match(w.lstrip(".")) for w in words if not w.startswith("#")))
        out.append("")
    return _HEADING_ATTRS.sub(r"\g<head>", "\n".join(out))


# Text struck through the way Markdown and many mail programs write it ("~~Artikel 9 vervalt~~"), on one line:
# deleted text, as an amended code marks what no longer holds.
_STRUCK = re.compile(r"~~(?=\S)[^\n~]*?(?<=\S)~~")


def unstrike(text: str) -> str:
    """The text without what it strikes through with ``~~...~~`` (as the Markdown reader reads it)."""
    return _STRUCK.sub("", text) if "~~" in text else text


# A page counter in a line ("Waterschapsblad 2026/0419   pagina 2 van 3", "Page 2 of 3").
_PAGE_COUNTER = re.compile(r"\b(?:pagina|page|blz\.?|blad)\s*(\d{1,4})\s*(?:van|of|/|uit)\s*(\d{1,4})\s*$",
                           re.IGNORECASE)


def paginate(text: str) -> str:
    """A text copied out of a PDF without its form feeds, with the page breaks put back: after each line
    that counts the pages ("pagina 2 van 3"), when such lines count 1, 2, 3, ... of the same total. Reading
    then removes the running headers and footers by their repetition across pages, as in a text that
    ``pdftotext`` wrote. A text that has form feeds, or no such counter, is returned as it is."""
    if PAGE_BREAK in text:
        return text
    lines = text.split("\n")
    counters = [(i, m) for i, line in enumerate(lines) if (m := _PAGE_COUNTER.search(line.strip())) is not None]
    if len(counters) < 2:
        return text
    totals = {m.group(2) for _, m in counters}
    numbers = [int(m.group(1)) for _, m in counters]
    if len(totals) != 1 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return text
    for i, _ in counters[:-1] if counters[-1][0] >= len(lines) - 3 else counters:
        lines[i] += PAGE_BREAK
    return "\n".join(lines).replace(PAGE_BREAK + "\n", PAGE_BREAK)


def read_text(data: bytes, name: str) -> SourceDocument:
    """Read a plain-text document."""
    if not data.strip():
        raise DocumentError("het bestand is leeg", Location(file=name))
    # pages (form feeds, as pdftotext writes them) stay apart: reading removes their headers and footers
    text = PAGE_BREAK.join(normalise_text(unstrike(unrule(unquote(page))))
                           for page in paginate(decode_bytes(data, name)).split(PAGE_BREAK))
    return SourceDocument(name=name, format="text", text=require_text(text, name), metadata={})


# ---------------------------------------------------------------- Markdown

@lru_cache(maxsize=1)
def _markdown_parser() -> MarkdownIt:
    """The Markdown parser, made on first use (plain text never needs markdown-it-py)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
_STARTS_WITH_LABEL = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivx]{1,5})[.)](?:\s|$)|^\(\d{1,3}\)\s")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_FRONT_KEY = re.compile(r"^([A-Za-zÀ-ÿ][\w .()-]*):(.*\S)")  # no lazy parts: a long line cannot backtrack


def _inline_text(token: Any) -> str:
    """The text of an inline token, without what it strikes through (``~~...~~``: deleted text, as a
    consolidated or amended code marks what no longer holds)."""
    parts: list[str] = []
    struck = 0
    for child in token.children or ():
        kind = child.type
        if kind == "s_open":
            struck += 1
        elif kind == "s_close":
            struck = max(0, struck - 1)
        elif struck:
            continue
        elif kind in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "image":
            parts.append(child.content or "")
    return "".join(parts)


def _markdown_blocks(tokens: Iterable[Any]) -> Iterator[str]:
    """The text blocks of a stream of markdown-it tokens, one at a time."""
    pending_label: list[str] = []  # per open list item: its label until its first paragraph, then ""
    counters: list[int] = []
    kinds: list[str] = []
    row: list[str] | None = None
    cell_text: list[str] = []
    in_cell = False

    def emit(text: str) -> str:
        text = text.strip()
        if pending_label and pending_label[-1]:
            label = pending_label[-1]
            pending_label[-1] = ""
            if not (label == "•" and _STARTS_WITH_LABEL.match(text)):
                text = f"{label} {text}".strip() if text else label
        return text

    for tok in tokens:
        kind = tok.type
        if kind == "ordered_list_open":
            start = tok.attrGet("start")
            counters.append(int(start) if start is not None else 1)
            kinds.append(str(tok.markup or "."))
        elif kind == "bullet_list_open":
            counters.append(0)
            kinds.append("")
        elif kind in ("ordered_list_close", "bullet_list_close"):
            counters.pop()
            kinds.pop()
        elif kind == "list_item_open":
            if kinds and kinds[-1]:
                number = tok.info or str(counters[-1])
                counters[-1] += 1
                pending_label.append(f"{number}{kinds[-1]}")
            else:
                pending_label.append("•")
        elif kind == "list_item_close":
            if pending_label:
                text = emit("")
                pending_label.pop()
                if text:
                    yield text
        elif kind == "inline":
            if in_cell:
                cell_text.append(_inline_text(tok))
            else:
                text = emit(_inline_text(tok))
                if text:
                    yield text
        elif kind in ("code_block", "fence"):
            text = emit(tok.content)
            if text:
                yield text
        elif kind == "tr_open":
            row = []
        elif kind in ("th_open", "td_open"):
            in_cell = True
            cell_text = []
        elif kind in ("th_close", "td_close"):
            in_cell = False
            if row is not None:
                row.append(" ".join(cell_text).strip())
        elif kind == "tr_close" and row is not None:
            line = " | ".join(c for c in row if c)
            if line:
                yield line
            row = None


MARKDOWN_PIECE = 1 << 14
""":func:`markdown_tokens` parses a longer Markdown text in pieces of about this many characters."""
_BLOCK_START = re.compile(r"\n[ \t]*\n(?=\S)")  # a line after a blank line, not indented


def markdown_tokens(source: str) -> Iterator[Any]:
    """markdown-it's tokens of ``source`` (block tokens, an ``inline`` token with its children), the
    same as ``parse(source)`` gives, parsed in pieces of about :data:`MARKDOWN_PIECE` characters.

    markdown-it makes a Python object per block, inline element and line, about twenty times the text
    for the whole list, which reading needs only one block at a time. A piece ends where a new top-level
    block starts: a line after a blank line, not indented, that markdown-it itself, parsing the piece up
    to and including that line, reads as the start of a block at the top level (not a list item going
    on, not inside a fenced code block). Everything before such a line is read the same whatever follows
    it (a block's end is decided by its own lines and the line after), so the pieces give the tokens of
    the whole. When the line turns out to be no such start, the piece is doubled (linear even for one
    fenced block through the whole text). A text with a link reference definition (``[x]: url``, which
    may come after its use) is parsed whole.
    """
    parser = _markdown_parser()
    n = len(source)
    if n <= MARKDOWN_PIECE or "]:" in source:
        yield from parser.parse(source)
        return
    pos = 0
    want = MARKDOWN_PIECE
    while pos < n:
        m = _BLOCK_START.search(source, pos + want) if pos + want < n else None
        if m is None:
            yield from parser.parse(source[pos:])
            return
        start = m.end()
        line_end = source.find("\n", start)
        tokens = parser.parse(source[pos : n if line_end < 0 else line_end + 1])
        line = source.count("\n", pos, start)
        k = next((i for i, tok in enumerate(tokens) if tok.level == 0 and tok.nesting >= 0 and tok.map
                  and tok.map[0] == line), -1)
        if k <= 0:
            want *= 2  # inside a block that goes on: a larger piece
            continue
        del tokens[k:]
        yield from tokens
        pos, want = start, MARKDOWN_PIECE


def markdown_to_text(source: str) -> tuple[str, dict[str, str]]:
    """Strip Markdown markup, keeping the text, headings, list labels and table rows.

    A YAML-like front matter block (``---`` lines) becomes metadata.
    """
    metadata: dict[str, str] = {}
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    match = _FRONT_MATTER.match(source)
    if match:
        for line in match.group(1).splitlines():
            kv = _FRONT_KEY.match(line.strip())
            if kv:
                metadata[kv.group(1).strip().lower()] = kv.group(2).strip().strip("\"'")
        source = source[match.end() :]
    return join_blocks(_markdown_blocks(markdown_tokens(pandoc_divs(_HTML_COMMENT.sub("", source))))), metadata


def read_markdown(data: bytes, name: str) -> SourceDocument:
    """Read a Markdown document as plain text."""
    if not data.strip():
        raise DocumentError("het bestand is leeg", Location(file=name))
    text, metadata = markdown_to_text(decode_bytes(data, name))
    return SourceDocument(name=name, format="markdown", text=require_text(text, name), metadata=metadata)
