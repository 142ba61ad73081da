"""HTML writer for the wijzig products: one standalone, printable page.

Every text is escaped (``html.escape``); the writer itself only emits a fixed set of elements. Changes
are ``<ins>`` and ``<del>`` — underlined and struck through, not only coloured — with the kind of
change spelled out for screen readers (visually hidden text before and after each change) and a
legend at the top, so the page is readable without colour and without sight.
"""

from __future__ import annotations

import re
from html import escape

from gedragscode.amend.page import Block, Heading, Mark, Page, Paragraph, Run, Table, plain

__all__ = ["to_html"]

_CSS = """\
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
body {
  margin: 0; padding: 2rem 1.25rem 4rem;
  font-family: "Noto Serif", Georgia, Cambria, "Times New Roman", serif;
  font-size: 1.0625rem; line-height: 1.55; color: #1a1a1a; background: #fff;
}
main { max-width: 46rem; margin: 0 auto; }
h1, h2, h3, h4, .legenda, th {
  font-family: "Noto Sans", "Segoe UI", Calibri, Arial, "Helvetica Neue", sans-serif; line-height: 1.25;
}
h1 { font-size: 1.6rem; margin: 0 0 1.5rem; }
h2 { font-size: 1.3rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.2rem; border-bottom: 1px solid #c8c8c8; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 0.4rem; }
h4 { font-size: 1rem; margin: 1.3rem 0 0.3rem; }
p { margin: 0 0 0.6rem; }
blockquote.citaat { margin: 0.4rem 0 1rem 1.5rem; padding-left: 1rem; border-left: 3px solid #c8c8c8; }
p.ondertekening + p.ondertekening { margin-top: 2.5rem; }
p.klein { font-size: 0.92rem; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.25rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: bold; margin-bottom: 0.3rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f4f5f7; }
ins { text-decoration: underline; text-decoration-thickness: 2px; background: #e3f2e6; color: #0b4a1c; }
del { text-decoration: line-through; background: #fbe4e4; color: #7a1414; }
.ingevoegd { border-left: 4px solid #2e7d32; padding-left: 0.5rem; }
.verwijderd { border-left: 4px solid #b71c1c; padding-left: 0.5rem; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.legenda { font-size: 0.92rem; margin: 0 0 1.5rem; padding: 0.75rem 1rem; background: #f4f5f7;
           border: 1px solid #dde0e4; border-radius: 4px; }
@media print {
  @page { size: A4; margin: 2.5cm 2.2cm; }
  body { padding: 0; font-size: 11pt; line-height: 1.45; }
  main { max-width: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  ins, del { background: none; }
}
"""

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_LABELS = {"ins": ("begin toevoeging", "einde toevoeging"), "del": ("begin verwijdering", "einde verwijdering")}


def _text(text: str) -> str:
    return "<br>\n".join(escape(line, quote=False) for line in text.split("\n"))


def _marked(content: str, mark: Mark) -> str:
    if not mark or not content:
        return content
    before, after = _LABELS[mark]
    return f'<{mark}><span class="sr">[{before}] </span>{content}<span class="sr"> [{after}]</span></{mark}>'


def _runs(runs: tuple[Run, ...]) -> str:
    return "".join(_marked(_text(r.text), r.mark) for r in runs)


def _classes(*names: str) -> str:
    names = tuple(n for n in names if n)
    return f' class="{" ".join(names)}"' if names else ""


_WHOLE = {"ins": "ingevoegd", "del": "verwijderd"}


def _heading(block: Heading) -> str:
    tag = f"h{min(max(block.level, 1), 6)}"
    ident = f' id="{escape(block.anchor)}"' if block.anchor else ""
    content = _marked(_runs(block.runs), block.mark) if block.mark else _runs(block.runs)
    return f"<{tag}{ident}{_classes(_WHOLE.get(block.mark, ''))}>{content}</{tag}>"


def _paragraph(block: Paragraph) -> str:
    content = _marked(_runs(block.runs), block.mark) if block.mark else _runs(block.runs)
    css = "" if block.style in ("tekst", "citaat") else block.style
    return f"<p{_classes(css, _WHOLE.get(block.mark, ''))}>{content}</p>"


def _table(block: Table) -> str:
    out = ["<table>"]
    if block.caption:
        out.append(f"<caption>{escape(block.caption)}</caption>")
    out.append("<thead><tr>" + "".join(f'<th scope="col">{escape(c)}</th>' for c in block.header) + "</tr></thead>")
    out.append("<tbody>")
    for row in block.rows:
        out.append("<tr>" + "".join(f"<td>{_text(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _body(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    quoting = False
    for block in blocks:
        citaat = isinstance(block, Paragraph) and block.style == "citaat"
        if citaat and not quoting:
            out.append('<blockquote class="citaat">')
        if quoting and not citaat:
            out.append("</blockquote>")
        quoting = citaat
        if isinstance(block, Heading):
            out.append(_heading(block))
        elif isinstance(block, Paragraph):
            out.append(_paragraph(block))
        else:
            out.append(_table(block))
    if quoting:
        out.append("</blockquote>")
    return out


def _legend() -> str:
    return ('<p class="legenda" role="note">Wijzigingen: '
            + _marked("ingevoegde tekst is onderstreept", "ins") + "; "
            + _marked("vervallen tekst is doorgehaald", "del")
            + ". Een ingevoegde of vervallen alinea heeft bovendien een streep in de kantlijn.</p>")


def to_html(page: Page) -> str:
    """The page as one standalone HTML document; deterministic."""
    lang = page.lang if _LANG.match(page.lang) else "nl"
    meta = "".join(f'<meta name="{escape(k)}" content="{escape(v)}">\n' for k, v in sorted(page.metadata.items()))
    title = escape(" ".join(page.title.split()) or plain(()))
    body = _body(page.blocks)
    if page.changes:
        body.insert(1 if body and body[0].startswith("<h1") else 0, _legend())
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{meta}<title>{title}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )
