"""Tests for the lint report formats (text, JSON, SARIF, HTML) and the batch overview."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

import gedragscode
from gedragscode.errors import GedragscodeError, OutputExistsError
from gedragscode.lint.reports import FORMATS, render_report, write_overview
from gedragscode.lint.reports.overview import overview_csv, overview_html
from gedragscode.lint.reports.sarif import sarif_log
from gedragscode.lint.result import ClauseFinding, Evidence, LintFailure, LintResult

SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-2.1.0.json").read_text("utf-8"))
SCRIPT = "<script>alert('x')</script>"
ANSI = re.compile(r"\x1b\[")

TEXT = (
    "Gedragscode integriteit raadsleden gemeente Almelo 2019\n"
    "Artikel 1 Reikwijdte\n"
    "Deze gedragscode is van toepassing op de leden van de raad en op commissieleden.\n"
    "Artikel 2.1 Geschenken\n"
    "1. Geschenken worden gemeld.\n"
    "2. Giften met een waarde van meer dan € 100 worden bij de griffier gemeld.\n"
)


def _ev(fragment: str, label: str) -> Evidence:
    start = TEXT.index(fragment)
    line = TEXT.count("\n", 0, start) + 1
    column = start - (TEXT.rfind("\n", 0, start) + 1) + 1
    return Evidence(label=label, start=start, end=start + len(fragment), text=fragment, line=line,
                    column=column)


def almelo(file: str = "codes/almelo raad.txt", place: str = "Almelo", body: str = "gemeente",
           evidence_text: str | None = None) -> LintResult:
    """A gemeente raadsleden code: present, outdated, missing (each severity), not required."""
    reikwijdte = _ev("Deze gedragscode is van toepassing op de leden van de raad en op commissieleden.",
                     "Artikel 1")
    if evidence_text is not None:
        reikwijdte = Evidence("Artikel 1", 10, 10 + len(evidence_text), evidence_text, 2, 1)
    gift = _ev("Giften met een waarde van meer dan € 100 worden bij de griffier gemeld.", "Artikel 2.1, lid 2")
    return LintResult(
        file=file,
        format="text",
        body=body,
        offices=("raadslid", "commissielid"),
        title=f"Gedragscode integriteit raadsleden gemeente {place} 2019",
        place=place,
        detection={"lichaam": "titel 'Gedragscode integriteit raadsleden gemeente Almelo 2019'",
                   "ambten": "reikwijdte: Artikel 1: 'Deze gedragscode geldt voor de raadsleden en de "
                             "commissieleden.'"},
        model_version="2023",
        clauses=(
            ClauseFinding("reikwijdte", "Reikwijdte", "present", "aanbevolen", None, True, (reikwijdte,)),
            ClauseFinding(
                "geschenken", "Geschenken en diensten", "outdated", "aanbevolen", "waarschuwing", True,
                (gift, _ev("Geschenken worden gemeld.", "Artikel 2.1, lid 1")),
                message="De drempel (€ 100) ligt boven die van de handreiking (€ 50).",
                suggestion="Wie een geschenk ontvangt met een waarde boven € 50, meldt dat bij de griffier.",
            ),
            ClauseFinding(
                "stemonthouding", "Beraadslaging en stemming bij persoonlijk belang", "missing", "wettelijk",
                "fout", True, message="Geen bepaling over beraadslaging en stemming gevonden.",
                suggestion="1. Een raadslid neemt niet deel aan de beraadslaging en stemming over een "
                "aangelegenheid die hem rechtstreeks of middellijk persoonlijk aangaat.\n"
                "2. Het raadslid meldt dat vooraf aan de voorzitter.",
            ),
            ClauseFinding("vertrouwenspersoon", "Vertrouwenspersoon", "missing", "optioneel", "info", True,
                          suggestion="De raad kan een vertrouwenspersoon integriteit aanwijzen."),
            ClauseFinding("oud_ambtsdragers", "Oud-ambtsdragers", "missing", "aanbevolen", "waarschuwing",
                          True),
            ClauseFinding("risicoanalyse", "Risicoanalyse en VOG", "not_required", "aanbevolen", None, False),
        ),
    )


def xp(node: Any, path: str) -> list[Any]:
    """``node.xpath(path)`` as a list of elements or strings (lxml-stubs type it as a wide union)."""
    return list(node.xpath(path))


BROKEN = LintFailure(file="codes/scan.pdf", message="Het PDF-bestand heeft geen tekstlaag (gescand document).")


# ---------------------------------------------------------------- dispatch


def test_formats_and_dispatch() -> None:
    assert FORMATS == ("text", "json", "jsonl", "sarif", "html")
    for fmt in FORMATS:
        assert render_report([almelo()], fmt) == render_report([almelo()], fmt)  # deterministic
    with pytest.raises(GedragscodeError, match="rapportformaat"):
        render_report([almelo()], "xml")
    with pytest.raises(ValueError):
        render_report([almelo(), BROKEN], "json", single=True)


# ---------------------------------------------------------------- JSON


def test_json_single_object_follows_contract() -> None:
    data = json.loads(render_report([almelo()], "json", suggest=True))
    assert isinstance(data, dict)
    for key in ("file", "body", "offices", "clauses", "summary"):
        assert key in data
    assert data["file"] == "codes/almelo raad.txt"
    assert data["body"] == "gemeente"
    assert data["offices"] == ["raadslid", "commissielid"]
    assert data["model_version"] == "2023"
    by_id = {c["id"]: c for c in data["clauses"]}
    assert [c["id"] for c in data["clauses"]] == [
        "reikwijdte", "geschenken", "stemonthouding", "vertrouwenspersoon", "oud_ambtsdragers", "risicoanalyse"]
    for clause in data["clauses"]:
        assert {"id", "status", "level", "severity", "evidence", "message"} <= clause.keys()
        assert clause["status"] in ("present", "outdated", "missing", "not_required")
    assert by_id["reikwijdte"]["status"] == "present"
    ev = by_id["reikwijdte"]["evidence"][0]
    assert list(ev)[:4] == ["label", "start", "end", "text"]
    assert ev["label"] == "Artikel 1"
    assert TEXT[ev["start"]:ev["end"]] == ev["text"]
    assert by_id["geschenken"]["status"] == "outdated"
    assert by_id["geschenken"]["severity"] == "waarschuwing"
    assert "€ 100" in by_id["geschenken"]["message"]
    assert by_id["stemonthouding"]["severity"] == "fout"
    assert by_id["stemonthouding"]["suggestion"].startswith("1. Een raadslid")
    assert "suggestion" not in by_id["oud_ambtsdragers"]  # no model text given
    assert data["summary"] == {"present": 1, "outdated": 1, "missing": 3, "not_required": 1, "onzeker": 0, "fout": 1,
                               "waarschuwing": 2, "info": 1, "total": 6, "worst": "fout"}


def test_json_without_suggest_has_no_suggestion_and_keeps_unicode() -> None:
    text = render_report([almelo()], "json")
    assert "suggestion" not in text
    assert "€ 100" in text  # ensure_ascii=False
    assert text.startswith('{\n  "file"')  # indent=2, stable order


def test_json_array_for_several_and_failure_object() -> None:
    data = json.loads(render_report([almelo(), BROKEN], "json"))
    assert isinstance(data, list) and len(data) == 2
    assert data[1] == {"file": "codes/scan.pdf", "error": BROKEN.message}
    # A directory with one file is still an array when the caller says so.
    assert isinstance(json.loads(render_report([almelo()], "json", single=False)), list)
    assert json.loads(render_report([BROKEN], "json")) == {"file": "codes/scan.pdf", "error": BROKEN.message}


# ---------------------------------------------------------------- SARIF


def test_sarif_validates_and_maps_levels() -> None:
    log = json.loads(render_report([almelo(), BROKEN], "sarif"))
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "gedragscode"
    assert driver["version"] == gedragscode.__version__
    assert driver["informationUri"].startswith("https://")
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["stemonthouding"]["defaultConfiguration"]["level"] == "error"
    assert rules["geschenken"]["defaultConfiguration"]["level"] == "warning"
    assert rules["vertrouwenspersoon"]["defaultConfiguration"]["level"] == "note"
    assert rules["geschenken"]["shortDescription"]["text"] == "Geschenken en diensten"
    results = {r["ruleId"]: r for r in run["results"]}
    # Only missing and outdated clauses are results.
    assert set(results) == {"geschenken", "stemonthouding", "vertrouwenspersoon", "oud_ambtsdragers"}
    assert {k: r["level"] for k, r in results.items()} == {
        "geschenken": "warning", "stemonthouding": "error", "vertrouwenspersoon": "note",
        "oud_ambtsdragers": "warning"}
    for rule_id, result in results.items():
        assert driver["rules"][result["ruleIndex"]]["id"] == rule_id
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "codes/almelo%20raad.txt"
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
        assert result["partialFingerprints"]
        assert result["message"]["text"]
    missing = results["stemonthouding"]["locations"][0]["physicalLocation"]["region"]
    assert missing == {"startLine": 1, "startColumn": 1}
    outdated = results["geschenken"]["locations"][0]["physicalLocation"]["region"]
    gift = "Giften met een waarde van meer dan € 100 worden bij de griffier gemeld."
    assert outdated["startLine"] == 6 and outdated["startColumn"] == 4
    assert outdated["endLine"] == 6 and outdated["endColumn"] == 4 + len(gift)
    assert TEXT[outdated["charOffset"]:outdated["charOffset"] + outdated["charLength"]] == gift
    assert outdated["snippet"]["text"] == gift
    assert "verouderd" in results["geschenken"]["message"]["text"]
    assert len(results["geschenken"]["relatedLocations"]) == 1
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "tekstlaag" in note["message"]["text"]
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["codes/almelo%20raad.txt", "codes/scan.pdf"]


def test_sarif_fingerprints_distinct_and_success_without_failures() -> None:
    log = sarif_log([almelo(), almelo(file="codes/hengelo.txt", place="Hengelo")])
    jsonschema.validate(log, SCHEMA)
    prints = [json.dumps(r["partialFingerprints"]) for r in log["runs"][0]["results"]]
    assert len(prints) == len(set(prints)) == 8
    assert log["runs"][0]["invocations"][0] == {"executionSuccessful": True}
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == 6  # one per clause id


def test_schema_rejects_what_sarif_forbids() -> None:
    log = sarif_log([almelo()])
    log["runs"][0]["results"][0]["level"] = "fout"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SCHEMA)


# ---------------------------------------------------------------- text


def test_text_report_in_dutch_by_severity() -> None:
    out = render_report([almelo()], "text")
    assert not ANSI.search(out)
    assert out.startswith("codes/almelo raad.txt\n")
    assert "Lichaam: gemeente Almelo\n" in out
    # the sentence that identified the offices, as a griffier can look it up
    assert ("Ambten: raadslid, commissielid herkend aan Artikel 1: “Deze gedragscode geldt voor de "
            "raadsleden en de commissieleden.”") in " ".join(out.split())
    detailed = render_report([almelo()], "text", detail=True)
    assert "Lichaam herkend aan: titel 'Gedragscode integriteit raadsleden gemeente Almelo 2019'" in detailed
    assert "handreiking 2023" in out
    positions = [out.index(w) for w in ("    fout ", "    waarschuwing ", "    info ")]
    assert positions == sorted(positions)
    assert "Beraadslaging en stemming bij persoonlijk belang [stemonthouding]" in out
    assert "gevonden in Artikel 1" in out
    assert "gevonden in Artikel 2.1, lid 2" in out
    assert "“Deze gedragscode is van toepassing" in out
    assert "1 fout, 2 waarschuwingen, 1 info; 1 clausule aanwezig, 1 verouderd" in out
    assert "Voorgestelde tekst" not in out
    assert out.index("Ontbrekend of verouderd") < out.index("Aanwezig:")


def test_text_suggestions_indented_and_colour_on_request() -> None:
    out = render_report([almelo()], "text", suggest=True)
    assert "Voorgestelde tekst:" in out
    assert "\n                     1. Een raadslid neemt niet deel" in out
    coloured = render_report([almelo()], "text", color=True)
    assert "\x1b[31mfout" in coloured and "\x1b[33mwaarschuwing" in coloured
    assert "\x1b[34minfo" in coloured and "\x1b[32m✓" in coloured
    assert ANSI.sub("", coloured).replace("[0m", "").replace("[1m", "") != ""


def test_text_failure_line_and_total() -> None:
    out = render_report([almelo(), BROKEN], "text")
    assert f"codes/scan.pdf: fout: {BROKEN.message}" in out
    assert out.rstrip().endswith("Totaal: 2 documenten (1 niet gecontroleerd); 1 fout, 2 waarschuwingen, 1 info")
    assert render_report([BROKEN], "text") == f"codes/scan.pdf: fout: {BROKEN.message}\n"


# ---------------------------------------------------------------- HTML


def test_html_report_escapes_everything_and_has_a_row_per_clause() -> None:
    hostile = almelo(file="codes/<b>x</b>.html", evidence_text=f"Artikel 1 {SCRIPT} geldt voor raadsleden.")
    out = render_report([hostile, BROKEN], "html", suggest=True)
    tree: Any = lxml_html.document_fromstring(out)
    assert tree.get("lang") == "nl"
    assert xp(tree, "//meta[@charset='utf-8']")
    assert not xp(tree, "//script") and not xp(tree, "//b")
    assert SCRIPT not in out
    assert SCRIPT in tree.text_content()  # shown as text
    assert xp(tree, "//style") and "@media print" in out
    tables = xp(tree, "//table[@class='clausules']")
    assert len(tables) == 1
    rows = xp(tables[0], "./tbody/tr")
    assert len(rows) == len(hostile.clauses)
    assert [r.get("data-clause") for r in rows][:2] == ["stemonthouding", "geschenken"]  # fout first
    # Status in words, not colour alone.
    statuses = [xp(r, ".//td[@class='status']")[0].text_content() for r in rows]
    assert "ontbreekt" in statuses[0] and "fout" in statuses[0]
    assert "aanwezig" in " ".join(statuses) and "niet vereist" in " ".join(statuses)
    assert xp(tree, "//div[@class='suggestie']")
    assert xp(tree, "//blockquote")
    assert "gevonden in Artikel 2.1, lid 2" in tree.text_content()
    assert xp(tree, "//*[@role='alert']") and "tekstlaag" in tree.text_content()
    assert xp(tree, "//nav//a[@href='#document-2']")


def test_html_single_report_without_suggestions() -> None:
    tree: Any = lxml_html.document_fromstring(render_report([almelo()], "html"))
    assert not xp(tree, "//div[@class='suggestie']")
    assert not xp(tree, "//nav")
    assert "codes/almelo raad.txt" in tree.findtext(".//title")


# ---------------------------------------------------------------- overview


def batch() -> list[LintResult | LintFailure]:
    return [
        almelo(file="provincie/overijssel.txt", place="Overijssel", body="provincie"),
        almelo(file="gemeente/zwolle.txt", place="Zwolle"),
        BROKEN,
        almelo(),
        almelo(file="ws/vechtstromen.txt", place="Vechtstromen", body="waterschap"),
    ]


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_overview_csv_one_row_per_document_one_column_per_clause() -> None:
    rows = _csv_rows(overview_csv(batch()))
    assert len(rows) == 5
    header = list(rows[0])
    clause_ids = [c.id for c in almelo().clauses]
    assert header[-len(clause_ids):] == clause_ids
    for key in ("bestand", "lichaam", "plaats", "ambten", "fouten", "waarschuwingen", "info", "aanwezig",
                "fout bij lezen"):
        assert key in header
    assert [r["plaats"] for r in rows[:4]] == ["Almelo", "Zwolle", "Overijssel", "Vechtstromen"]
    first = rows[0]
    assert first["lichaam"] == "gemeente" and first["ambten"] == "raadslid, commissielid"
    assert first["reikwijdte"] == "aanwezig" and first["geschenken"] == "verouderd"
    assert first["stemonthouding"] == "ontbreekt" and first["risicoanalyse"] == "niet vereist"
    assert first["fouten"] == "1"
    broken = rows[-1]
    assert broken["bestand"] == "codes/scan.pdf" and "tekstlaag" in broken["fout bij lezen"]
    assert {broken[c] for c in clause_ids} == {"niet gecontroleerd"}
    assert overview_csv(batch()) == overview_csv(list(reversed(batch())))  # order-independent


def test_overview_html_heat_map() -> None:
    out = overview_html(batch())
    tree: Any = lxml_html.document_fromstring(out)
    assert tree.get("lang") == "nl" and not xp(tree, "//script")
    table = xp(tree, "//table[@class='heatmap']")[0]
    heads = xp(table, "./thead/tr/th[@class='clausule']")
    assert [h.get("data-clause") for h in heads] == [c.id for c in almelo().clauses]
    assert heads[2].get("title") == "Beraadslaging en stemming bij persoonlijk belang (stemonthouding)"
    assert xp(heads[2], ".//abbr/@title")
    doc_rows = xp(table, "./tbody/tr[@data-file]")
    assert len(doc_rows) == 4
    cells = xp(table, "./tbody/tr[@data-file]/td[contains(@class, 'cel')]")
    assert len(cells) == 4 * 6  # a cell per document × clause
    assert {c.get("data-status") for c in cells} == {"present", "outdated", "missing", "not_required"}
    assert "ontbreekt" in cells[2].text_content()  # not colour alone
    groups = [g.text_content() for g in xp(table, "./tbody/tr[@class='groep']")]
    assert groups == ["Gemeente (2)", "Provincie (1)", "Waterschap (1)"]
    foot = xp(table, "./tfoot/tr[@class='ontbreekt']")[0]
    assert "Ontbreekt in … van 4" in foot.text_content()
    foot_cells = xp(foot, "./td[@title]")
    assert len(foot_cells) == 6
    assert [c.text_content() for c in foot_cells] == ["0", "0", "4", "4", "4", "0"]
    assert foot_cells[2].get("title") == "Beraadslaging en stemming bij persoonlijk belang: ontbreekt in 4 van 4"
    assert xp(tree, "//ul[@class='legenda']")
    assert "codes/scan.pdf" in xp(tree, "//section[@class='mislukt']")[0].text_content()
    assert out == overview_html(batch())


def test_write_overview_by_suffix_and_no_overwrite(tmp_path: Path) -> None:
    csv_path = tmp_path / "overzicht.csv"
    write_overview(batch(), csv_path)
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfbestand;lichaam;plaats;ambten;titel;")  # a BOM and ';' for Dutch Excel
    assert "Almelo" in raw.decode("utf-8-sig")
    with pytest.raises(OutputExistsError):
        write_overview(batch(), csv_path)
    write_overview(batch()[:1], csv_path, force=True)
    assert len(csv_path.read_text("utf-8-sig").splitlines()) == 2
    html_path = tmp_path / "overzicht.HTM"
    write_overview(batch(), html_path)
    assert html_path.read_text("utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(GedragscodeError, match=r"\.csv of \.html"):
        write_overview(batch(), tmp_path / "overzicht.xlsx")
    assert not (tmp_path / "overzicht.xlsx").exists()


# ---------------------------------------------------------------- hostile document text


def test_text_drops_terminal_escapes_from_document_text() -> None:
    hostile = almelo(evidence_text="Artikel 1 \x1b[2J\x1b]0;pwned\x07 geldt\x00 voor raadsleden.")
    out = render_report([hostile], "text")
    assert "\x1b" not in out and "\x00" not in out and "\x07" not in out
    assert "geldt voor raadsleden." in out
    coloured = render_report([hostile], "text", color=True)
    assert "\x1b[2J" not in coloured


def test_overview_csv_defuses_formulas() -> None:
    evil = replace(almelo(), title="=HYPERLINK(\"http://x\")", place="+31")
    rows = _csv_rows(overview_csv([evil, LintFailure("-", "@SUM(1)")]))
    assert rows[0]["titel"].startswith("'=") and rows[0]["plaats"] == "'+31"
    assert rows[1]["bestand"] == "-" and rows[1]["fout bij lezen"] == "'@SUM(1)"


_hostile_text = st.text(
    st.characters(codec="utf-8"), min_size=0, max_size=80
) | st.sampled_from([SCRIPT, "</td></tr></table><script>x</script>", "\"' onload=alert(1) x=\"", "]]>&amp;"])


@settings(max_examples=60, deadline=None)
@given(text=_hostile_text, name=_hostile_text, title=_hostile_text)
def test_any_document_text_is_inert(text: str, name: str, title: str) -> None:
    result = replace(almelo(evidence_text=text), file=name or "x.txt", title=title)
    results: list[LintResult | LintFailure] = [result, LintFailure(name or "y.pdf", text)]
    page = render_report(results, "html", suggest=True)
    tree: Any = lxml_html.document_fromstring(page)
    assert tree.get("lang") == "nl"
    assert not xp(tree, "//script") and not xp(tree, "//*[@onload]")
    assert len(xp(tree, "//table[@class='clausules']/tbody/tr")) == len(result.clauses)
    overview: Any = lxml_html.document_fromstring(overview_html(results))
    assert not xp(overview, "//script")
    assert len(xp(overview, "//table[@class='heatmap']/tbody/tr[@data-file]/td[contains(@class, 'cel')]")) == 6
    data = json.loads(render_report(results, "json"))
    assert data[0]["clauses"][0]["evidence"][0]["text"] == text
    assert "\x1b" not in render_report(results, "text")
    jsonschema.validate(sarif_log(results), SCHEMA)
    rows = list(csv.reader(io.StringIO(overview_csv(results), newline=""), delimiter=";"))
    assert len(rows) == 3 and len({len(r) for r in rows}) == 1
