"""Coverage and honesty (issue 9): how much was read as provisions, "structuur mogelijk niet herkend",
and documents that are no code of conduct ("dit lijkt geen gedragscode")."""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli
from lxml import html as lxml_html
from restructure import parse_rendered

import gedragscode
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.readers import read_document
from gedragscode.lint.reports import render_report
from gedragscode.lint.reports.overview import overview_csv, overview_html
from gedragscode.lint.reports.sarif import sarif_log
from gedragscode.lint.result import LintResult
from gedragscode.model import Model

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURES = HERE / "fixtures"
SCHEMA = json.loads((FIXTURES / "sarif-2.1.0.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _model() -> Model:
    return gedragscode.load_model()


def _lint(name: str, text: str) -> LintResult:
    return gedragscode.lint_document(read_document(name, data=text.encode("utf-8")), _model())


@lru_cache(maxsize=1)
def _rendered() -> str:
    code = gedragscode.make_code("gemeente", ["raadslid"], "Proefstad", year=2026, model=_model())
    md = gedragscode.render(code, "md")
    assert isinstance(md, str)
    return md


def _as_explanation() -> str:
    """The rendered code's rules as prose under an explanatory heading: nothing is read as a provision."""
    parsed = parse_rendered(_rendered())
    paras = [p.text for c in parsed.chapters for a in c.articles for p in a.paras if p.text]
    return parsed.title + "\n\nUitleg bij deze gedragscode\n\n" + "\n\n".join(paras)


# ---------------------------------------------------------------- coverage


def test_a_code_read_well_says_how_much_was_read_as_provisions() -> None:
    result = _lint("code.md", _rendered())
    cov = result.coverage
    assert result.is_code and cov.recognised and not cov.message
    assert cov.units >= 23 and 0 < cov.characters < cov.text_characters
    assert 0.3 < cov.share < 1
    assert cov.share == round(cov.characters / cov.text_characters, 3)


def test_a_misread_structure_is_said_and_missing_clauses_are_less_certain() -> None:
    result = _lint("uitleg.txt", _as_explanation())
    cov = result.coverage
    assert result.is_code and not cov.recognised
    assert cov.units == 0 and cov.message.startswith("structuur mogelijk niet herkend")
    assert {"geschenken", "nevenfuncties", "stemonthouding"} <= set(cov.elsewhere)
    missing = [c for c in result.clauses if c.status == "missing"]
    assert missing and all(c.confidence is not None and c.confidence <= 0.5 for c in missing)


@pytest.mark.parametrize(
    "name",
    ["blind/gemeente/gem06_marlo_2006.txt", "blind/stijl/stijl_04_qa_meldregeling_tynaarlo_2023.txt",
     "blind/rand/ongenummerd_eilandsraad.txt", "lint/gemeente_raad_2021.txt"],
)
def test_codes_read_right_raise_no_structure_warning(name: str) -> None:
    """A short code with a long toelichting, a Q&A toelichting after the signature and an unnumbered code
    were read right: no warning, although they have few clauses or much explanation."""
    result = gedragscode.lint_document(read_document(FIXTURES / name), _model())
    assert result.is_code and result.coverage.recognised, result.coverage.message


# ---------------------------------------------------------------- no code of conduct

_SHOPPING = "Boodschappenlijst\n\n- melk\n- brood\n- kaas\n\nNiet vergeten: de buurvrouw bellen over zaterdag.\n"
_README = ("# csvtool\n\nA small tool to convert CSV files.\n\n## Installation\n\n```sh\npip install csvtool\n"
           "python -m csvtool --help\n```\n\n## Usage\n\n```sh\ncsvtool convert data.csv\n```\n")


@pytest.mark.parametrize(
    ("name", "text", "why"),
    [
        ("boodschappen.txt", _SHOPPING, "geen titel van een gedragscode"),
        ("README.md", _README, "geen"),
        ("README.md", (ROOT / "README.md").read_text("utf-8"), "documentatie"),
        ("handleiding.md", (ROOT / "docs" / "handleiding.md").read_text("utf-8"), "documentatie"),
        ("geschenken.gdc", (ROOT / "models" / "40_geschenken.gdc").read_text("utf-8"), "gedragscode check"),
        ("-", (ROOT / "models" / "40_geschenken.gdc").read_text("utf-8"), "gedragscode check"),
    ],
)
def test_documents_that_are_no_code(name: str, text: str, why: str) -> None:
    result = _lint(name, text)
    assert not result.is_code and result.document == "geen_gedragscode"
    assert result.clauses == () and result.worst() is None
    assert why in result.reason


def test_a_reglement_van_orde_without_integrity_rules_is_no_code_but_keeps_its_detection() -> None:
    result = gedragscode.lint_document(
        read_document(FIXTURES / "blind" / "opmaak" / "reglement_van_orde_ps_oostmarke_uittreksel.txt"), _model())
    assert not result.is_code and "Reglement van orde" in result.reason
    assert result.body == "provincie" and "statenlid" in result.offices


@pytest.mark.parametrize(("name", "why"), [
    ("blind/b8/d10_raadsinformatiebrief.pdf", "brief of verslag"),
    ("blind/b9/zandwijk_jaarverslag_2023.txt", "Integriteitsjaarverslag"),
    ("blind/b7/gemeente_reglement_van_orde.txt", "Reglement van orde"),
])
def test_letters_reports_and_reglementen_about_integrity_are_no_code(name: str, why: str) -> None:
    """A raadsinformatiebrief or an annual integrity report names every theme of a code, and a reglement
    van orde has articles on voting and secrecy: genre evidence (a letter header, a report's title,
    prose in the past tense, a legal basis that is not a code's) says they are no code."""
    result = gedragscode.lint_document(read_document(FIXTURES / name), _model())
    assert not result.is_code and why in result.reason
    assert result.body == "gemeente"


_MEMO = "\n\n".join([
    "Memo",
    "Aan: de leden van de raad",
    "Van: de griffier",
    "Datum: 3 maart 2025",
    "Onderwerp: de nieuwe gedragscode",
    "Beste raadsleden,",
    "Op 27 februari heeft de raad de nieuwe gedragscode aangenomen, op grond van artikel 15 van de Gemeentewet. "
    "De code verschijnt niet als reeks artikelen. Deze brief is daarom de code: wat hieronder staat als iets "
    "wat je doet of laat, geldt als regel.",
    "Je andere functies. Je geeft binnen een maand na je installatie aan de griffie door welke functies je naast "
    "het raadswerk hebt. De griffie zet ze in een register op de website.",
    "Meepraten en meestemmen. Raakt een besluit jou persoonlijk, dan praat je niet mee en stem je niet mee.",
    "Cadeaus. Krijg je een cadeau dat meer dan vijftig euro waard is, dan meld je het bij de griffie en "
    "lever je het in.",
    "Vertrouwelijke informatie. Wat onder geheimhouding is gedeeld, houd je voor je, ook na je raadslidmaatschap.",
    "Een vermoeden van schending. Vermoed je dat een collega de code niet naleeft, dan meld je dat bij de "
    "burgemeester.",
    "Met vriendelijke groet, de griffier",
])


def test_a_letter_that_says_it_is_the_code_is_read_as_the_code() -> None:
    result = _lint("memo.txt", _MEMO)
    assert result.is_code
    found = {c.id for c in result.clauses if c.status in ("present", "outdated")}
    assert {"stemonthouding", "geschenken", "informatie"} <= found
    # the same letter without that sentence is a letter about the code
    assert not _lint("memo.txt", _MEMO.replace("Deze brief is daarom de code: ", "")).is_code


def test_an_integrity_protocol_adopted_on_another_article_is_a_code() -> None:
    text = ("Besluit van de raad van Proefstad houdende het protocol integriteitsschendingen\n\n"
            "De raad van de gemeente Proefstad,\n\ngelet op artikel 147 van de Gemeentewet;\n\nBesluit:\n\n"
            "Vast te stellen het Protocol vermoeden van integriteitsschending Proefstad.\n\n"
            "Artikel 1\nEen vermoeden van een integriteitsschending wordt gemeld bij de burgemeester.\n")
    assert gedragscode.lint_document(SourceDocument("p.txt", "text", text), _model()).is_code


@pytest.mark.parametrize("name", ["lint/gemeente_kort_raad.txt", "documents/code_stop.xml",
                                  "lint/protocol_provincie_2022.xml", "blind/rand/wijzigingsbesluit_raad.txt"])
def test_short_codes_protocols_and_amendments_are_codes(name: str) -> None:
    assert gedragscode.lint_document(read_document(FIXTURES / name), _model()).is_code


# ---------------------------------------------------------------- reports


def _batch() -> list[LintResult]:
    return [_lint("code.md", _rendered()), _lint("uitleg.txt", _as_explanation()),
            _lint("boodschappen.txt", _SHOPPING)]


def test_every_report_carries_coverage_and_the_document_status() -> None:
    good, misread, shopping = _batch()
    text = render_report([good, misread, shopping], "text")
    assert "Gelezen: " in text and "% van de tekst)" in text
    assert "Let op: structuur mogelijk niet herkend" in text
    assert "Mogelijk ontbrekend (de structuur is mogelijk niet herkend)" in text
    assert "Dit lijkt geen gedragscode" in text and "(1 geen gedragscode, overgeslagen)" in text

    data = json.loads(render_report([good, misread, shopping], "json"))
    assert [d["document"]["status"] for d in data] == ["gedragscode", "gedragscode", "geen_gedragscode"]
    assert data[0]["coverage"]["recognised"] is True and data[0]["coverage"]["units"] == good.coverage.units
    assert data[1]["coverage"]["recognised"] is False and "geschenken" in data[1]["coverage"]["elsewhere"]
    assert data[2]["clauses"] == [] and data[2]["document"]["reason"]

    log = sarif_log([good, misread, shopping])
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    notes = {n["descriptor"]["id"]: n["level"] for n in run["invocations"][0]["toolExecutionNotifications"]}
    assert notes == {"structuur-niet-herkend": "warning", "geen-gedragscode": "note"}
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["artifacts"][0]["properties"]["dekking"]["units"] == good.coverage.units
    assert not [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 2]

    page = lxml_html.fromstring(render_report([good, misread, shopping], "html"))
    assert page.xpath("//p[@class='let-op']") and page.xpath("//div[@class='geen-code']")
    assert any("Gelezen als bepalingen" in dt.text_content() for dt in page.xpath("//dt"))


def test_the_overview_lists_documents_that_are_no_code_apart() -> None:
    good, misread, shopping = _batch()
    rows = list(csv.DictReader(io.StringIO(overview_csv([shopping, misread, good])), delimiter=";"))
    assert [r["bestand"] for r in rows] == ["code.md", "uitleg.txt", "boodschappen.txt"]
    assert rows[0]["structuur"] == "herkend" and rows[1]["structuur"] == "mogelijk niet herkend"
    # the share with a decimal comma, as Dutch Excel reads a number
    assert float(rows[0]["aandeel gelezen"].replace(",", ".")) == good.coverage.share
    assert rows[0]["bepalingen gelezen"] == str(good.coverage.units)
    assert rows[2]["fout bij lezen"].startswith("geen gedragscode: ")
    page = lxml_html.fromstring(overview_html([good, misread, shopping]))
    skipped = page.xpath("//section[@class='overgeslagen']//li")
    assert len(skipped) == 1 and "boodschappen.txt" in skipped[0].text_content()
    assert page.xpath("//td[contains(@class, 'let-op')]")
    assert not page.xpath("//tr[@data-file='boodschappen.txt']")


# ---------------------------------------------------------------- the command line


def test_cli_exit_status_for_documents_that_are_no_code(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(_README, encoding="utf-8")
    code = tmp_path / "code.md"
    code.write_text(_rendered(), encoding="utf-8")
    runner = CliRunner()
    alone = runner.invoke(cli, ["lint", str(readme)])
    assert alone.exit_code == 3 and "lijkt geen gedragscode" in alone.output
    assert runner.invoke(cli, ["lint", "--geen-gedragscode-ok", str(readme)]).exit_code == 0
    folder = runner.invoke(cli, ["lint", "--format", "json", str(tmp_path)])
    assert folder.exit_code == 0, folder.output  # the rendered code is clean; the README is skipped
    data = json.loads(folder.output)
    assert {d["file"].rsplit("/", 1)[-1]: d["document"]["status"] for d in data} == {
        "README.md": "geen_gedragscode", "code.md": "gedragscode"}


def test_the_pre_commit_hook_does_not_fail_on_a_readme() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    entry = next(line for line in hooks.splitlines() if line.strip().startswith("entry: gedragscode lint"))
    args = entry.split("entry:", 1)[1].split()[2:]
    result = CliRunner().invoke(cli, ["lint", *args, str(ROOT / "README.md")])
    assert result.exit_code == 0, result.output


def test_a_document_that_is_no_code_from_stdin() -> None:
    result = CliRunner().invoke(cli, ["lint", "-"], input=_SHOPPING)
    assert result.exit_code == 3 and "Boodschappenlijst" in result.output


def test_reading_a_text_as_no_code_needs_no_model_clauses() -> None:
    doc = SourceDocument(name="x.txt", format="text", text=_SHOPPING)
    result = gedragscode.lint_document(doc, _model())
    assert result.counts()["missing"] == 0 and result.coverage.text_characters > 0


def test_the_web_report_says_what_was_read_and_when_a_document_is_no_code() -> None:
    pytest.importorskip("flask")
    from gedragscode.web.app import create_app

    client = create_app().test_client()
    for name, text, expected in (("boodschappen.txt", _SHOPPING, "Niet getoetst."),
                                 ("uitleg.txt", _as_explanation(), "structuur mogelijk niet herkend")):
        response = client.post("/toetsen", data={"bestand": (io.BytesIO(text.encode()), name)},
                               content_type="multipart/form-data", follow_redirects=True)
        page = response.get_data(as_text=True)
        assert response.status_code == 200, page[:300]
        assert "Gelezen als bepalingen" in page and expected in page


def test_a_newsletter_that_holds_the_whole_text_of_the_code_is_a_code() -> None:
    from gedragscode.lint.kind import _SELF_DECLARED

    assert _SELF_DECLARED.search("Hieronder vindt u de volledige tekst van de gedragscode, zoals vastgesteld.")
    assert not _SELF_DECLARED.search("De tekst van de gedragscode wordt volgend jaar herzien.")
