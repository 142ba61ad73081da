"""The overview across many documents (``gedragscode lint DIR --summary FILE``).

CSV, for Excel as it is set up in the Netherlands: semicolon-separated, Dutch column headings,
and (in the file that :func:`write_overview` writes) a UTF-8 byte order mark, so that Excel opens
it with the columns split and "Financiële belangen" intact. One row per document (bestand,
lichaam, plaats, ambten, titel, counts, fout bij lezen, how much was read as provisions and
whether the structure was recognised) and one column per clause id with its
status in Dutch (aanwezig / verouderd / ontbreekt / niet vereist / niet gecontroleerd; empty
when the clause was not part of that document's check).

HTML: a heat map read at a glance: documents as rows, grouped by body and sorted by
place, clauses as columns (short headers, the full title in ``title``/``abbr``), cells
coloured by status *and* marked with a symbol, a legend, totals per document and a
footer row per clause ("ontbreekt in N van M"); documents that could not be checked are
listed separately.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Sequence
from dataclasses import replace
from html import escape
from pathlib import Path

from gedragscode.errors import GedragscodeError, Location
from gedragscode.lint.reports.common import (
    STATUS_LABEL,
    STATUS_SYMBOL,
    body_label,
    body_sort_key,
    clause_columns,
    clean,
    coverage_line,
    failures,
    sanitized,
)
from gedragscode.lint.reports.html_report import badge, page
from gedragscode.lint.result import LintFailure, LintResult
from gedragscode.output import write_output

__all__ = ["for_overview", "overview_csv", "overview_html", "write_overview"]

FIXED_COLUMNS: tuple[str, ...] = (
    "bestand", "lichaam", "plaats", "ambten", "titel",
    "aanwezig", "verouderd", "onzeker", "ontbreekt", "niet vereist", "fouten", "waarschuwingen", "info",
    "fout bij lezen", "bepalingen gelezen", "aandeel gelezen", "structuur",
)
"""The CSV's first columns; ``bepalingen gelezen``/``aandeel gelezen`` say how much was read as provisions
(the share with a decimal comma, as Dutch Excel reads numbers), ``structuur`` is ``herkend`` or ``mogelijk
niet herkend``. A document that is no code has ``geen gedragscode: …`` in ``fout bij lezen`` and comes after
the codes, before the documents that could not be read."""
# the counts of LintResult.counts() behind the count columns, in the same order
_COUNT_KEYS: tuple[str, ...] = ("present", "outdated", "onzeker", "missing", "not_required", "fout", "waarschuwing",
                                "info")
CSV_DELIMITER = ";"
"""Dutch Excel's list separator (the comma is the decimal sign)."""


def for_overview(result: LintResult | LintFailure) -> LintResult | LintFailure:
    """What the overview needs of a result: the same overview from a fraction of the memory.

    Evidence, messages, suggestions and the detection notes are dropped and the repeated strings
    (clause ids, titles, statuses) shared, so ``lint --summary`` over thousands of documents keeps
    one small row per document rather than every finding with its quotes.
    """
    if isinstance(result, LintFailure):
        return result
    intern = sys.intern
    clauses = tuple(
        replace(c, id=intern(c.id), title=intern(c.title), level=intern(c.level),
                evidence=(), message="", suggestion="")
        for c in result.clauses
    )
    return replace(result, clauses=clauses, detection={})


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _ordered(results: Sequence[LintResult | LintFailure]) -> list[LintResult]:
    """Checked documents by body (gemeente, provincie, waterschap, openbaar lichaam, other),
    then place, then file name."""
    done = [r for r in results if isinstance(r, LintResult) and r.is_code]
    return sorted(done, key=lambda r: (body_sort_key(r.body), r.place.casefold(), r.place, r.file))


def _skipped(results: Sequence[LintResult | LintFailure]) -> list[LintResult]:
    """The documents that do not look like a code of conduct, by file name."""
    return sorted((r for r in results if isinstance(r, LintResult) and not r.is_code), key=lambda r: r.file)


def _decimal(share: float) -> str:
    """A share as Dutch Excel reads a number: ``0,734``."""
    return f"{share:g}".replace(".", ",")


def _structure(result: LintResult) -> str:
    return "herkend" if result.coverage.recognised else "mogelijk niet herkend"


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """A one-line text cell that a spreadsheet will not run as a formula: whitespace and
    control characters collapse to single spaces, and a value such as ``=HYPERLINK(...)``
    gets a leading apostrophe (OWASP CSV injection advice); ``-`` (standard input) stays."""
    text = " ".join(clean(text).split())
    return "'" + text if text.startswith(_FORMULA) and text != "-" else text


def overview_csv(results: Sequence[LintResult | LintFailure]) -> str:
    """The overview as CSV text: semicolon-separated, Dutch headings and statuses, ``\\n`` line ends.

    Documents are ordered by body, place and file; those that could not be checked come last.
    The text has no byte order mark; :func:`write_overview` adds one for Excel.
    """
    columns = [cid for cid, _ in clause_columns(results)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\n")
    writer.writerow([*FIXED_COLUMNS, *columns])
    for result in _ordered(results):
        counts = result.counts()
        statuses = {c.id: c.status for c in result.clauses}
        writer.writerow([
            _cell(result.file), (result.body or "").replace("_", " "), _cell(result.place),
            ", ".join(result.offices), _cell(result.title),
            *(counts.get(k, 0) for k in _COUNT_KEYS), "",
            result.coverage.units, _decimal(result.coverage.share), _structure(result),
            *(STATUS_LABEL.get(statuses[cid], statuses[cid]) if cid in statuses else "" for cid in columns),
        ])
    for result in _skipped(results):
        writer.writerow([_cell(result.file), (result.body or "").replace("_", " "), _cell(result.place),
                         ", ".join(result.offices), _cell(result.title), *([""] * len(_COUNT_KEYS)),
                         _cell(f"geen gedragscode: {result.reason}"), result.coverage.units,
                         _decimal(result.coverage.share), "", *([""] * len(columns))])
    for failure in sorted(failures(results), key=lambda f: f.file):
        writer.writerow([_cell(failure.file), "", "", "", "", *([""] * len(_COUNT_KEYS)), _cell(failure.message),
                         "", "", "", *([STATUS_LABEL["error"]] * len(columns))])
    return buffer.getvalue()


_OVERVIEW_CSS = """\
main { max-width: none; }
header { max-width: none; }
.legenda { display: flex; flex-wrap: wrap; gap: 0.75rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.tabelvak { overflow-x: auto; }
table.heatmap { border-collapse: collapse; font-size: 0.85rem; }
table.heatmap caption { text-align: left; font-weight: 600; margin-bottom: 0.4rem; }
table.heatmap th, table.heatmap td { border: 1px solid #fff; padding: 0.2rem 0.35rem; }
table.heatmap thead th { vertical-align: bottom; background: #fff; }
table.heatmap thead th.clausule { height: 11rem; width: 2.2rem; padding: 0 0 0.3rem; }
table.heatmap thead th.clausule abbr { text-decoration: none; cursor: help; }
table.heatmap thead th.clausule span.kop { writing-mode: vertical-rl; transform: rotate(180deg);
                                           white-space: nowrap; font-weight: 600; display: inline-block; }
table.heatmap tbody th { text-align: left; font-weight: normal; white-space: nowrap;
                         background: #f4f5f7; }
table.heatmap tbody th .bestand { display: block; font-size: 0.75rem; color: #555; }
table.heatmap tr.groep th { background: #dde0e4; font-weight: 700; text-align: left; }
table.heatmap td.cel { text-align: center; min-width: 2.2rem; font-weight: 700; }
td.cel.st-present { background: #a5d6a7; color: #1b5e20; }
td.cel.st-outdated { background: #ffcc80; color: #6d3f00; }
td.cel.st-onzeker { background: #d1c4e9; color: #311b92; }
td.cel.st-missing { background: #ef9a9a; color: #7f1010; }
td.cel.st-not_required { background: #eeeeee; color: #555; }
td.cel.st-none { background: #fff; color: #999; }
table.heatmap td.totaal { text-align: right; background: #fafbfc; white-space: nowrap; }
table.heatmap td.totaal.let-op { background: #fff4e5; color: #6d3f00; font-weight: 700; }
table.heatmap tfoot th, table.heatmap tfoot td { background: #f4f5f7; border-top: 2px solid #8a8a8a;
                                                  text-align: center; font-size: 0.8rem; }
table.heatmap tfoot th { text-align: left; }
table.heatmap tfoot td.veel { background: #ef9a9a; }
.mislukt li { margin-bottom: 0.25rem; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      white-space: nowrap; }
@media print {
  @page { size: A3 landscape; margin: 1cm; }
  .tabelvak { overflow: visible; }
}
"""


def _short(clause_id: str, title: str) -> str:
    """A short column header: the title when short, else the id as words."""
    text = title if title and len(title) <= 22 else clause_id.replace("_", " ")
    return text if len(text) <= 22 else text[:21] + "…"


def overview_html(results: Sequence[LintResult | LintFailure]) -> str:
    """The overview as one standalone HTML page with a heat map."""
    results = [sanitized(r) for r in results]
    columns = clause_columns(results)
    done = _ordered(results)
    broken = sorted(failures(results), key=lambda f: f.file)
    skipped = _skipped(results)
    title = "Overzicht gedragscodes: welke clausules ontbreken waar"
    body = [
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{len(done)} gecontroleerde documenten'
        + (f", {len(skipped)} geen gedragscode (overgeslagen)" if skipped else "")
        + (f", {len(broken)} niet te controleren" if broken else "")
        + f"; {len(columns)} clausules van de handreiking. Rijen: documenten per lichaam; kolommen: "
        "clausules (volledige titel bij aanwijzen).</p>",
        "</header>",
        "<main>",
        '<h2 id="legenda">Legenda</h2>',
        '<ul class="legenda">',
        *(f"<li>{badge(s)}</li>" for s in ("present", "outdated", "onzeker", "missing", "not_required")),
        '<li><span class="badge st-none">· niet getoetst</span></li>',
        "</ul>",
    ]
    table = [
        '<div class="tabelvak">',
        '<table class="heatmap" aria-describedby="legenda">',
        "<caption>Status per document en clausule</caption>",
        "<thead><tr>",
        '<th scope="col">Document</th>',
    ]
    for cid, ctitle in columns:
        full = f"{ctitle} ({cid})" if ctitle else cid
        table.append(
            f'<th scope="col" class="clausule" title="{_e(full)}" data-clause="{_e(cid)}">'
            f'<abbr title="{_e(full)}"><span class="kop">{_e(_short(cid, ctitle))}</span></abbr></th>'
        )
    table.append('<th scope="col">Fouten</th><th scope="col">Waarsch.</th>'
                 '<th scope="col">Info</th><th scope="col">Aanwezig</th><th scope="col">Gelezen</th>')
    table.append("</tr></thead>")

    width = len(columns) + 6
    current: object = ()
    table.append("<tbody>")
    for result in done:
        if result.body != current:
            current = result.body
            n = sum(1 for r in done if r.body == result.body)
            name = body_label(result.body).capitalize()
            table.append(f'<tr class="groep"><th scope="rowgroup" colspan="{width}">'
                         f"{_e(name)} ({n})</th></tr>")
        statuses = {c.id: c for c in result.clauses}
        place = result.place or result.title or result.file
        row = [f'<tr data-file="{_e(result.file)}"><th scope="row">{_e(place)}'
               f'<span class="bestand">{_e(result.file)}</span></th>']
        for cid, ctitle in columns:
            finding = statuses.get(cid)
            if finding is None:
                row.append(f'<td class="cel st-none" title="{_e(ctitle)}: niet getoetst">·</td>')
                continue
            label = STATUS_LABEL[finding.status]
            if finding.status in ("missing", "outdated", "onzeker") and finding.severity:
                label += f" ({finding.severity})"
            row.append(
                f'<td class="cel st-{_e(finding.status)}" data-status="{_e(finding.status)}" '
                f'title="{_e(place)}: {_e(ctitle or cid)}: {_e(label)}">'
                f'<span aria-hidden="true">{_e(STATUS_SYMBOL[finding.status])}</span>'
                f'<span class="sr"> {_e(label)}</span></td>'
            )
        counts = result.counts()
        row.extend(f'<td class="totaal">{counts[k]}</td>' for k in ("fout", "waarschuwing", "info", "present"))
        cov = result.coverage
        read = f"{round(cov.share * 100)}%"
        if cov.recognised:
            row.append(f'<td class="totaal" title="{_e(coverage_line(result))}">{read}</td>')
        else:
            row.append(f'<td class="totaal let-op" title="{_e(cov.message)}">{read} '
                       '<span aria-hidden="true">⚠</span><span class="sr"> structuur mogelijk niet herkend</span></td>')
        row.append("</tr>")
        table.append("".join(row))
    table.append("</tbody>")

    total = len(done)
    foot_missing = [f'<tr class="ontbreekt"><th scope="row">Ontbreekt in … van {total}</th>']
    foot_outdated = [f'<tr class="verouderd"><th scope="row">Verouderd in … van {total}</th>']
    for cid, ctitle in columns:
        checked = sum(1 for r in done if any(c.id == cid for c in r.clauses))
        missing = sum(1 for r in done for c in r.clauses if c.id == cid and c.status == "missing")
        outdated = sum(1 for r in done for c in r.clauses if c.id == cid and c.status == "outdated")
        name = ctitle or cid
        many = ' class="veel"' if checked and missing * 2 >= checked and missing else ""
        of = "" if checked == total else f"/{checked}"
        foot_missing.append(f'<td{many} title="{_e(name)}: ontbreekt in {missing} van {checked}">'
                            f"{missing}{of}</td>")
        foot_outdated.append(f'<td title="{_e(name)}: verouderd in {outdated} van {checked}">'
                             f"{outdated}{of}</td>")
    sums = {k: sum(r.counts()[k] for r in done) for k in ("fout", "waarschuwing", "info", "present")}
    foot_missing.extend(f'<td class="totaal">{sums[k]}</td>' for k in ("fout", "waarschuwing", "info", "present"))
    foot_missing.append("<td></td>")
    foot_missing.append("</tr>")
    foot_outdated.append('<td colspan="5"></td></tr>')
    table.append("<tfoot>" + "".join(foot_missing) + "".join(foot_outdated) + "</tfoot>")
    table.extend(["</table>", "</div>"])
    if total:
        body.extend(table)
    else:
        body.append("<p>Geen documenten konden worden gecontroleerd.</p>")

    if skipped:
        body.append('<section class="overgeslagen" aria-labelledby="overgeslagen-kop">')
        body.append(f'<h2 id="overgeslagen-kop">Geen gedragscode, overgeslagen ({len(skipped)})</h2><ul>')
        body.extend(f"<li><code>{_e(r.file)}</code>: {_e(r.reason)}</li>" for r in skipped)
        body.append("</ul></section>")
    if broken:
        body.append('<section class="mislukt" aria-labelledby="mislukt-kop">')
        body.append(f'<h2 id="mislukt-kop">Niet gecontroleerd ({len(broken)})</h2><ul>')
        body.extend(f"<li>{badge('error')} <code>{_e(f.file)}</code>: {_e(f.message)}</li>" for f in broken)
        body.append("</ul></section>")
    body.append("</main>")
    return page(title, _OVERVIEW_CSS, body)


def write_overview(results: Sequence[LintResult | LintFailure], path: Path, *, force: bool = False) -> None:
    """Write the overview to ``path``: CSV for ``.csv`` (with a UTF-8 byte order mark, for
    Excel), HTML for ``.html``/``.htm``.

    Atomic; an existing file is only replaced with ``force`` (else OutputExistsError).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    data: str | bytes
    if suffix == ".csv":
        data = codecs.BOM_UTF8 + overview_csv(results).encode("utf-8")
    elif suffix in (".html", ".htm"):
        data = overview_html(results)
    else:
        raise GedragscodeError(
            f"Onbekend formaat voor het overzicht {path.name}: gebruik een bestandsnaam die eindigt "
            "op .csv of .html.",
            Location(file=str(path)),
        )
    write_output(path, data, force=force)
