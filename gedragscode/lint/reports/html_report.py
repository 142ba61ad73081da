"""The HTML report: one standalone page a griffier can open, read and print.

Per document a summary card (body, offices, how they were recognised, counts) and a table
with a row per clause: status badge (colour *and* symbol and word), level, the finding,
quotes of the evidence with their article label, and with ``--suggest`` the model text
in a readable block. Every piece of text is escaped: document text may contain markup.
No scripts, no external resources.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from gedragscode.lint.reports.common import (
    FORMAT_LABEL,
    STATUS_LABEL,
    STATUS_SYMBOL,
    body_label,
    coverage_line,
    evidence_label,
    not_a_code_line,
    plural,
    problems_first,
    sanitized,
    short_quote,
    summary_line,
)
from gedragscode.lint.result import ClauseFinding, LintFailure, LintResult

__all__ = ["BASE_CSS", "badge", "page", "render_html"]

BASE_CSS = """\
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; }
body {
  margin: 0; padding: 2rem 1.25rem 4rem;
  font-family: "Noto Sans", "Segoe UI", Calibri, Arial, "Helvetica Neue", sans-serif;
  font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #fff;
}
header, nav, main { max-width: 64rem; margin: 0 auto; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 1.75rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.2rem;
     border-bottom: 1px solid #c8c8c8; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0 0 0.6rem; }
a { color: #1b4f8a; }
a:focus { outline: 2px solid #1b4f8a; outline-offset: 2px; }
.meta { color: #444; }
code { font-size: 0.9em; color: #444; }
nav { margin-bottom: 2rem; padding: 1rem 1.25rem; background: #f4f5f7;
      border: 1px solid #dde0e4; border-radius: 4px; font-size: 0.95rem; }
nav h2 { font-size: 1.05rem; margin: 0 0 0.5rem; border: 0; padding: 0; }
nav ul { margin: 0; padding-left: 1.25rem; }
.badge { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 3px; border: 1px solid;
         font-size: 0.85rem; font-weight: 600; white-space: nowrap; }
.st-present { background: #e3f3e6; border-color: #2e7d32; color: #1b5e20; }
.st-outdated { background: #fff3d6; border-color: #b26a00; color: #7a4a00; }
.st-missing { background: #fde7e7; border-color: #c62828; color: #8e1c1c; }
.st-onzeker { background: #ede7f6; border-color: #5e35b1; color: #3b1f7a; }
.st-not_required { background: #f0f0f0; border-color: #8a8a8a; color: #444; }
.st-error { background: #ede7f6; border-color: #5e35b1; color: #4527a0; }
.sev-fout { background: #c62828; border-color: #c62828; color: #fff; }
.sev-waarschuwing { background: #f9a825; border-color: #b26a00; color: #1a1a1a; }
.sev-info { background: #1565c0; border-color: #1565c0; color: #fff; }
.sev-none { background: #fff; border-color: #8a8a8a; color: #444; }
@media print {
  @page { size: A4 landscape; margin: 1.5cm; }
  body { padding: 0; font-size: 9.5pt; }
  header, nav, main { max-width: none; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .kaart, .suggestie, blockquote { break-inside: avoid; page-break-inside: avoid; }
  .badge, td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

_REPORT_CSS = """\
section.document { margin-bottom: 3rem; }
.kaart { border: 1px solid #c8c8c8; border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1.25rem;
         background: #fafbfc; }
.kaart dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 0.75rem; }
.kaart dt { font-weight: 600; }
.kaart dd { margin: 0; }
.tellingen { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
.tellingen li { font-size: 0.95rem; }
.samenvatting { font-weight: 600; margin-top: 0.75rem; }
table.clausules { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
table.clausules caption { text-align: left; font-weight: 600; margin-bottom: 0.4rem; }
table.clausules th, table.clausules td { border-bottom: 1px solid #dde0e4; padding: 0.45rem 0.5rem;
                                         text-align: left; vertical-align: top; }
table.clausules thead th { border-bottom: 2px solid #8a8a8a; background: #f4f5f7; }
table.clausules td.status { white-space: nowrap; }
table.clausules tr.rij-missing td:first-child { border-left: 4px solid #c62828; }
table.clausules tr.rij-outdated td:first-child { border-left: 4px solid #b26a00; }
table.clausules tr.rij-present td:first-child { border-left: 4px solid #2e7d32; }
table.clausules tr.rij-not_required td:first-child { border-left: 4px solid #c8c8c8; }
blockquote { margin: 0.35rem 0; padding: 0.25rem 0.75rem; border-left: 3px solid #c8c8c8;
             color: #333; font-family: "Noto Serif", Georgia, Cambria, "Times New Roman", serif; }
blockquote footer { font-family: inherit; font-size: 0.85rem; color: #555; }
.suggestie { margin: 0.5rem 0 0; padding: 0.6rem 0.8rem; background: #f4f8fc; border: 1px solid #c5d7ea;
             border-radius: 4px; }
.suggestie h4 { margin: 0 0 0.3rem; font-size: 0.9rem; }
.suggestie p { white-space: pre-wrap; margin: 0;
               font-family: "Noto Serif", Georgia, Cambria, "Times New Roman", serif; }
.mislukt { border: 2px solid #5e35b1; border-radius: 6px; padding: 0.75rem 1rem; background: #f6f2fc; }
.geen-code { border: 2px solid #8a8a8a; border-radius: 6px; padding: 0.75rem 1rem; background: #f4f5f7; }
.let-op { border-left: 4px solid #b26a00; padding: 0.5rem 0.75rem; background: #fff4e5; }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def badge(status: str) -> str:
    """A status badge: colour, symbol and word (not colour alone)."""
    return (f'<span class="badge st-{_e(status)}"><span aria-hidden="true">{_e(STATUS_SYMBOL[status])}'
            f"</span> {_e(STATUS_LABEL[status])}</span>")


def _severity_badge(finding: ClauseFinding) -> str:
    if finding.status not in ("missing", "outdated", "onzeker") and not (
            finding.status == "present" and finding.severity):
        return ""
    sev = finding.severity
    return f' <span class="badge sev-{_e(sev or "none")}">{_e(sev or "niet vereist")}</span>'


def page(title: str, css: str, body: list[str]) -> str:
    """A complete, standalone HTML page in Dutch."""
    from gedragscode import __version__

    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="gedragscode {_e(__version__)}">',
        f"<title>{_e(title)}</title>",
        "<style>",
        (BASE_CSS + css).rstrip("\n"),
        "</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _card(result: LintResult) -> list[str]:
    det = result.detection
    counts = result.counts()
    rows = [("Bestand", f"<code>{_e(result.file)}</code>")]
    if result.title:
        rows.append(("Titel", _e(result.title)))
    body = _e(body_label(result.body, result.place))
    if det.get("body"):
        body += f' <span class="meta">(herkend aan: {_e(det["body"])})</span>'
    rows.append(("Lichaam", body))
    offices = _e(", ".join(result.offices)) if result.offices else "onbekend"
    if det.get("offices"):
        offices += f' <span class="meta">(herkend aan: {_e(det["offices"])})</span>'
    rows.append(("Ambten", offices))
    for key in sorted(det):
        if key not in ("body", "offices") and det[key]:
            rows.append((_e(key), _e(det[key])))
    model = f"handreiking {result.model_version}" if result.model_version else "onbekend"
    rows.append(("Model", _e(model)))
    rows.append(("Bestandsformaat", _e(FORMAT_LABEL.get(result.format, result.format or "onbekend"))))
    rows.append(("Gelezen als bepalingen", _e(coverage_line(result))))
    out = ['<div class="kaart">', "<dl>"]
    out.extend(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    out.append("</dl>")
    if not result.coverage.recognised:
        out.append(f'<p class="let-op" role="note"><strong>Let op:</strong> {_e(result.coverage.message)}</p>')
    out.append('<ul class="tellingen" aria-label="Tellingen">')
    for key, one, many in (("fout", "fout", "fouten"), ("waarschuwing", "waarschuwing", "waarschuwingen"),
                           ("info", "info", "info")):
        out.append(f'<li><span class="badge sev-{key}">{_e(plural(counts[key], one, many))}</span></li>')
    for status in ("present", "outdated", "onzeker", "missing", "not_required"):
        out.append(f"<li>{badge(status)} {counts[status]}</li>")
    out.append("</ul>")
    out.append(f'<p class="samenvatting">{_e(summary_line(result))}</p>')
    out.append("</div>")
    return out


def _finding_cell(finding: ClauseFinding, suggest: bool) -> str:
    parts: list[str] = []
    if finding.message:
        parts.append(f"<p>{_e(finding.message)}</p>")
    elif finding.status == "missing":
        parts.append("<p>Niet gevonden in het document.</p>")
    if finding.confidence is not None:
        what = "dat zij ontbreekt" if finding.status == "missing" else "van de kandidaat-passage"
        parts.append(f'<p class="zekerheid">Zekerheid {what}: {round(finding.confidence * 100)}%</p>')
    for ev in finding.evidence:
        where = evidence_label(ev.label)
        line = f", regel {ev.line}" if ev.line > 0 else ""
        parts.append(
            f"<blockquote><p>“{_e(short_quote(ev.text, 400))}”</p>"
            f"<footer>{_e(where)}{_e(line)} (tekens {ev.start}–{ev.end})</footer></blockquote>"
        )
    if suggest and finding.suggestion.strip():
        parts.append(
            '<div class="suggestie"><h4>Voorgestelde tekst</h4>'
            f"<p>{_e(finding.suggestion.strip())}</p></div>"
        )
    return "".join(parts)


def _table(result: LintResult, suggest: bool, anchor: str) -> list[str]:
    out = [
        '<table class="clausules">',
        f'<caption id="{anchor}-tabel">Clausules van de handreiking</caption>',
        "<thead><tr>"
        '<th scope="col">Clausule</th><th scope="col">Status</th>'
        '<th scope="col">Niveau</th><th scope="col">Bevinding en vindplaats</th>'
        "</tr></thead>",
        "<tbody>",
    ]
    for finding in problems_first(result.clauses):
        out.append(
            f'<tr class="rij-{_e(finding.status)}" data-clause="{_e(finding.id)}">'
            f'<th scope="row">{_e(finding.title or finding.id)}<br><code>{_e(finding.id)}</code></th>'
            f'<td class="status">{badge(finding.status)}{_severity_badge(finding)}</td>'
            f"<td>{_e(finding.level)}</td>"
            f"<td>{_finding_cell(finding, suggest)}</td>"
            "</tr>"
        )
    out.extend(["</tbody>", "</table>"])
    return out


def _section(item: LintResult | LintFailure, number: int, suggest: bool) -> list[str]:
    anchor = f"document-{number}"
    if isinstance(item, LintFailure):
        return [
            f'<section class="document" id="{anchor}" aria-labelledby="{anchor}-kop">',
            f'<h2 id="{anchor}-kop">{_e(item.file)}</h2>',
            f'<div class="mislukt" role="alert"><p>{badge("error")} '
            f"Dit document kon niet worden gecontroleerd: {_e(item.message)}</p></div>",
            "</section>",
        ]
    heading = item.title or item.file
    if not item.is_code:
        return [
            f'<section class="document" id="{anchor}" aria-labelledby="{anchor}-kop">',
            f'<h2 id="{anchor}-kop">{_e(item.file)}</h2>',
            f'<div class="geen-code"><p>{_e(not_a_code_line(item))}</p></div>',
            "</section>",
        ]
    return [
        f'<section class="document" id="{anchor}" aria-labelledby="{anchor}-kop">',
        f'<h2 id="{anchor}-kop">{_e(heading)}</h2>',
        *_card(item),
        *_table(item, suggest, anchor),
        "</section>",
    ]


def render_html(results: Sequence[LintResult | LintFailure], *, suggest: bool = False) -> str:
    """The HTML report for one or more documents."""
    results = [sanitized(r) for r in results]
    if len(results) == 1:
        only = results[0]
        title = f"Toetsing gedragscode: {only.file}"
    else:
        title = f"Toetsing gedragscodes: {plural(len(results), 'document', 'documenten')}"
    versions = sorted({r.model_version for r in results if isinstance(r, LintResult) and r.model_version})
    intro = "Getoetst aan de handreiking"
    intro += f" {', '.join(versions)}" if versions else ""
    body = [
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{_e(intro)}. Per clausule: aanwezig, verouderd, ontbrekend of niet vereist '
        "voor de gevonden ambten; ontbrekende clausules met hun ernst (fout, waarschuwing, info).</p>",
        "</header>",
    ]
    if len(results) > 1:
        body.append('<nav aria-label="Documenten"><h2>Documenten</h2><ul>')
        for number, item in enumerate(results, start=1):
            state = ("niet gecontroleerd" if isinstance(item, LintFailure)
                     else "geen gedragscode, niet getoetst" if not item.is_code else summary_line(item))
            body.append(f'<li><a href="#document-{number}">{_e(item.file)}</a> — {_e(state)}</li>')
        body.append("</ul></nav>")
    body.append("<main>")
    if not results:
        body.append("<p>Geen documenten gecontroleerd.</p>")
    for number, item in enumerate(results, start=1):
        body.extend(_section(item, number, suggest))
    body.append("</main>")
    return page(title, _REPORT_CSS, body)
