"""HTML writer: one standalone, accessible, printable page.

The body is the Markdown of :mod:`gedragscode.render.markdown` rendered by markdown-it-py
with raw HTML disabled, so no markup (let alone a ``<script>``) can come from a text
field. After parsing, the token stream is decorated from the document tree: headings get
their anchors as ids, lid numbers and onderdeel labels get a ``<span>`` for the hanging
indent, and blocks get a class for the stylesheet. The table of contents is built from the
same blocks, so every link has a target.
"""

from __future__ import annotations

import re
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

from gedragscode.errors import RenderError
from gedragscode.render.doctree import Document, clean_text
from gedragscode.render.markdown import Block, build_blocks

__all__ = ["to_html"]

_CSS = """\
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; }
body {
  margin: 0; padding: 2rem 1.25rem 4rem;
  font-family: "Noto Serif", Georgia, Cambria, "Times New Roman", serif;
  font-size: 1.0625rem; line-height: 1.55; color: #1a1a1a; background: #fff;
}
header, nav, main { max-width: 44rem; margin: 0 auto; }
h1, h2, h3, h4, nav {
  font-family: "Noto Sans", "Segoe UI", Calibri, Arial, "Helvetica Neue", sans-serif;
  line-height: 1.25;
}
h1 { font-size: 1.75rem; margin: 0 0 1.5rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.2rem;
     border-bottom: 1px solid #c8c8c8; }
h3 { font-size: 1.1rem; margin: 1.75rem 0 0.4rem; }
h4 { font-size: 1rem; margin: 1.4rem 0 0.3rem; }
p { margin: 0 0 0.6rem; }
a { color: #1b4f8a; }
a:focus { outline: 2px solid #1b4f8a; outline-offset: 2px; }
.toepassing { font-style: italic; color: #444; margin-top: -0.1rem; }
.lid { padding-left: 2em; text-indent: -2em; }
.lid.enkel-lid { padding-left: 0; text-indent: 0; }
.lidnr, .label { display: inline-block; text-indent: 0; }
.lidnr, .label { width: 2em; }
ul.onderdelen { list-style: none; margin: -0.2rem 0 0.6rem; padding-left: 2em; }
ul.onderdelen.enkel-lid { padding-left: 0; }
ul.onderdelen > li { padding-left: 2em; text-indent: -2em; margin-bottom: 0.2rem; }
div.ondertekening { margin-top: 2.5rem; }
p.ondertekening + p.ondertekening { margin-top: 2.75rem; }
nav { margin-bottom: 2.5rem; padding: 1rem 1.25rem; background: #f4f5f7;
      border: 1px solid #dde0e4; border-radius: 4px; font-size: 0.95rem; }
nav h2 { font-size: 1.05rem; margin: 0 0 0.5rem; border: 0; padding: 0; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav ul ul { padding-left: 1.25rem; margin-bottom: 0.3rem; }
nav li { margin: 0.15rem 0; }
@media print {
  @page { size: A4; margin: 2.5cm 2.2cm; }
  body { padding: 0; font-size: 11pt; line-height: 1.45; }
  header, main { max-width: none; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  h2 { border-bottom: 0; }
  h2.toelichting { break-before: page; page-break-before: always; }
  p, li { orphans: 3; widows: 3; }
  div.ondertekening { break-inside: avoid; page-break-inside: avoid;
                      break-before: avoid; page-break-before: avoid; }
  .toepassing, .lid:first-of-type { break-before: avoid; page-break-before: avoid; }
}
"""

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# Headings up to this level appear in the table of contents.
_TOC_DEPTH = 3


def _markdown_it() -> MarkdownIt:
    return MarkdownIt(
        "commonmark", {"html": False, "linkify": False, "typographer": False, "xhtmlOut": False}
    )


def _span(css: str, label: str) -> list[Token]:
    open_ = Token("span_open", "span", 1)
    open_.attrSet("class", css)
    text = Token("text", "", 0)
    text.content = label
    return [open_, text, Token("span_close", "span", -1)]


def _split_label(inline: Token, label: str, css: str) -> None:
    """Wrap the literal label at the start of an inline token's text in a span."""
    children = inline.children or []
    if not children or children[0].type != "text":
        return
    first = children[0]
    if first.content == label or first.content.startswith(label + " "):
        rest = first.content[len(label) :].lstrip(" ")
        # The space stays inside the span (for copy/paste and text browsers); a trailing
        # space in an inline-block takes no room, so the text aligns with the indent.
        if rest:
            first.content = rest
            inline.children = [*_span(css, label + " "), *children]
        else:
            inline.children = [*_span(css, label), *children[1:]]


def _decorate(tokens: list[Token], blocks: list[Block]) -> None:
    """Attach ids, classes and label spans from the blocks to the parsed tokens."""
    tops = [i for i, t in enumerate(tokens) if t.level == 0 and t.nesting >= 0]
    if len(tops) != len(blocks):
        raise RenderError(
            f"Interne fout bij het maken van HTML: {len(tops)} blokken gevonden, {len(blocks)} verwacht."
        )
    for index, block in zip(tops, blocks, strict=True):
        token = tokens[index]
        if block.css:
            token.attrSet("class", block.css)
        if block.kind == "heading":
            token.attrSet("id", block.anchor)
        elif block.kind == "lid" and block.labels:
            _split_label(tokens[index + 1], block.labels[0], "lidnr")
        elif block.kind == "onderdelen":
            depth, labels, j = 0, iter(block.labels), index
            while True:
                t = tokens[j]
                depth += t.nesting
                if t.type == "inline" and t.level == 3:
                    label = next(labels, None)
                    if label is not None:
                        _split_label(t, label, "label")
                j += 1
                if depth == 0:
                    break
    # Keep the signing block together (one <div>, not split over two printed pages).
    signing = [i for i, b in zip(tops, blocks, strict=True) if b.kind == "signing"]
    if signing:
        close = Token("div_close", "div", -1)
        tokens.insert(signing[-1] + 3, close)  # after paragraph_open, inline, paragraph_close
        div = Token("div_open", "div", 1)
        div.attrSet("class", "ondertekening")
        tokens.insert(signing[0], div)


def _toc(blocks: list[Block]) -> str:
    entries = [b for b in blocks if b.kind == "heading" and 2 <= b.level <= _TOC_DEPTH]
    lines = ['<nav aria-label="Inhoudsopgave">', '<h2 id="inhoudsopgave">Inhoudsopgave</h2>']
    depth = 1
    lines.append("<ul>")
    for i, entry in enumerate(entries):
        target = entry.level - 1
        while depth < target:
            lines.append("<ul>")
            depth += 1
        while depth > target:
            lines.append("</ul></li>")
            depth -= 1
        text = escape(entry.text or entry.anchor)
        link = f'<li><a href="#{escape(entry.anchor)}">{text}</a>'
        following = entries[i + 1].level if i + 1 < len(entries) else 0
        lines.append(link if following > entry.level else link + "</li>")
    while depth > 1:
        lines.append("</ul></li>")
        depth -= 1
    lines.append("</ul>")
    lines.append("</nav>")
    return "\n".join(lines)


def to_html(doc: Document) -> str:
    """The document as one standalone HTML page (UTF-8); deterministic."""
    blocks = build_blocks(doc)
    md = _markdown_it()
    source = "\n\n".join(b.source for b in blocks) + "\n"
    env: dict[str, object] = {}
    tokens = md.parse(source, env)
    _decorate(tokens, blocks)
    # The title heading is always the first three tokens (open, inline, close).
    title_html = md.renderer.render(tokens[:3], md.options, env).strip()
    body_html = md.renderer.render(tokens[3:], md.options, env).strip()

    lang = doc.lang if _LANG.match(doc.lang) else "nl"
    title = clean_text(doc.title)
    meta = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ]
    metadata = {clean_text(k): clean_text(v) for k, v in doc.metadata.items() if clean_text(k)}
    if clean_text(doc.subject) and "description" not in metadata:
        metadata["description"] = clean_text(doc.subject)
    for key in sorted(metadata):
        meta.append(f'<meta name="{escape(key)}" content="{escape(metadata[key])}">')

    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        *meta,
        f"<title>{escape(title)}</title>",
        "<style>",
        _CSS.rstrip("\n"),
        "</style>",
        "</head>",
        "<body>",
        "<header>",
        title_html,
        "</header>",
        _toc(blocks),
        "<main>",
        body_html,
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
