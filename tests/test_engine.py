"""The lint engine: statuses, evidence, outdated checks, suggestions, files and folders."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

import gedragscode
from gedragscode import LintFailure, LintResult, lint, lint_document, lint_paths
from gedragscode.errors import DocumentError, ModelError
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.engine import amounts_in, durations_in, number_word
from gedragscode.lint.examples import check_examples
from gedragscode.model import AllOf, Example, Model, OutdatedCheck, Recogniser, Stem

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint"

CODE = """Gedragscode integriteit raadsleden gemeente Proefstad 2024

De raad van de gemeente Proefstad;

gelet op artikel 15, derde lid, van de Gemeentewet;

besluit:

Inleiding

Wie een geschenk krijgt of een nevenfunctie heeft, leest deze code.

Artikel 1 Reikwijdte

Deze gedragscode geldt voor de raadsleden.

Artikel 2 Geschenken

1. Een raadslid meldt een geschenk met een waarde van meer dan € 100 bij de griffier.

2. De griffier registreert het geschenk.

Artikel 3 Stemming

Een raadslid neemt niet deel aan de stemming over een zaak die hem persoonlijk aangaat.
"""


@pytest.fixture(scope="module")
def model() -> Model:
    return gedragscode.load_model()


def _by_id(result: LintResult) -> dict[str, gedragscode.ClauseFinding]:
    return {c.id: c for c in result.clauses}


def test_every_clause_gets_a_finding(model: Model) -> None:
    result = lint_document(SourceDocument("proef.txt", "text", CODE), model)
    assert [c.id for c in result.clauses] == [c.id for c in model.clauses]
    assert result.body == "gemeente" and result.offices == ("raadslid",)
    assert result.place == "Proefstad"
    assert result.model_version == model.version
    assert "lichaam" in result.detection and "ambten" in result.detection


def test_statuses_levels_and_severities(model: Model) -> None:
    found = _by_id(lint_document(SourceDocument("proef.txt", "text", CODE), model))
    assert found["reikwijdte"].status == "present"
    assert found["reikwijdte"].evidence[0].label == "Artikel 1"
    # the gift threshold of € 100 is above the model's € 50 but within its bounds (€ 0 to € 250): a local
    # choice, present with an info note that points at the lid holding the amount
    assert found["geschenken"].status == "present"
    assert "€ 100" in found["geschenken"].message and "lokale keuze" in found["geschenken"].message
    assert found["geschenken"].severity == "info"
    assert found["geschenken"].evidence[0].label == "Artikel 2, lid 1"
    # stemonthouding without "beraadslaging": outdated since 2023, and statutory
    assert found["stemonthouding"].status == "outdated"
    assert found["stemonthouding"].severity == "fout"
    # statutory and missing: fout; optional and missing: info
    assert found["informatie"].status == "missing" and found["informatie"].severity == "fout"
    assert found["vertrouwenspersoon"].status == "missing" and found["vertrouwenspersoon"].severity == "info"
    # not for raadsleden
    assert found["risicoanalyse"].status == "not_required"
    assert found["risicoanalyse"].severity is None and not found["risicoanalyse"].required


def test_intro_prose_never_counts(model: Model) -> None:
    found = _by_id(lint_document(SourceDocument("proef.txt", "text", CODE), model))
    assert found["nevenfuncties"].status == "missing"


def test_evidence_points_into_the_text(model: Model) -> None:
    doc = SourceDocument("proef.txt", "text", CODE)
    found = _by_id(lint_document(doc, model))
    ev = found["geschenken"].evidence[0]
    assert doc.text[ev.start:ev.end].strip() == ev.text
    assert ev.label.startswith("Artikel 2")
    assert "geschenk" in ev.text
    line, column = doc.line_col(ev.start)
    assert (ev.line, ev.column) == (line, column)


RULES_CODE = """Gedragsregels integriteit Proefdorp

De raad der gemeente Proefdorp;

besluit:

vast te stellen de volgende gedragsregels.

Voorwoord

Integriteit betekent dat een bestuurder geen vertrouwelijke informatie lekt en zijn nevenfuncties meldt.

Regel 1 (voor wie)

Deze gedragsregels gelden voor de leden van de raad en de wethouders.

Regel 2 (belang)

Een raadslid stemt niet mee over een zaak die hem persoonlijk aangaat.

Regel 3 (uitnodigingen)

Een uitnodiging van een aannemer die betrokken is bij een lopende aanbesteding van de gemeente, wordt niet aanvaard.
"""


def test_rule_headings_count_as_articles(model: Model) -> None:
    """A code numbered "Regel 1", "Regel 2" has provisions; the voorwoord before them does not."""
    found = _by_id(lint_document(SourceDocument("regels.txt", "text", RULES_CODE), model))
    assert found["reikwijdte"].status == "present"
    assert found["stemonthouding"].evidence[0].label == "Regel 2"
    assert found["uitnodigingen"].status == "present"
    assert found["nevenfuncties"].status == "missing"
    assert found["informatie"].status == "missing"
    # an invitations rule that names a tender is not a procurement rule
    assert not found["zakelijke_relaties"].evidence


def test_present_but_not_required_is_still_present(model: Model) -> None:
    text = CODE + ("\nArtikel 4 Risicoanalyse\n\nVoor de benoeming van een wethouder vindt een risicoanalyse "
                   "integriteit plaats.\n")
    found = _by_id(lint_document(SourceDocument("p.txt", "text", text), model))
    assert found["risicoanalyse"].status == "present"
    assert not found["risicoanalyse"].required


def test_questions_and_answers_are_no_provisions_but_unrequired_rules_are_found(model: Model) -> None:
    text = CODE + (
        "\nArtikel 4 Bemiddeling\n\nRaadsleden bevoordelen geen bedrijven waarmee zij een zakelijke band hebben.\n\n"
        "Vragen en antwoorden\n\nMag ik geheime stukken aan mijn partner laten lezen?\n\n"
        "Nee, de geheimhouding geldt ook thuis; gebruik vertrouwelijke informatie nooit voor uzelf.\n\n"
        "Moet ik mijn aandelen melden?\n\nHet verdient aanbeveling financiële belangen bij de griffier te melden.\n"
    )
    found = _by_id(lint_document(SourceDocument("q.txt", "text", text), model))
    assert found["informatie"].status == "missing"
    assert found["financiele_belangen"].status in ("missing", "not_required")
    # a raadsleden code need not regulate business relations, but a rule that does is reported
    assert found["zakelijke_relaties"].status == "present"
    assert not found["zakelijke_relaties"].required


def test_overrides(model: Model) -> None:
    result = lint_document(SourceDocument("p.txt", "text", CODE), model, body="gemeente", offices=["wethouder"])
    assert result.offices == ("wethouder",)
    assert _by_id(result)["risicoanalyse"].status == "missing"
    with pytest.raises(ModelError):
        lint_document(SourceDocument("p.txt", "text", CODE), model, body="gemeente", offices=["statenlid"])


def test_unknown_body_checks_all_offices(model: Model) -> None:
    text = "Gedragscode\n\nArtikel 1\n\nIeder houdt zich aan deze regels.\n"
    result = lint_document(SourceDocument("p.txt", "text", text), model)
    assert result.body is None
    assert "toetsing" in result.detection
    assert len(result.clauses) == len(model.clauses)
    assert all(c.status == "missing" for c in result.clauses if c.id in ("geschenken", "nevenfuncties"))


def test_suggestions_for_missing_clauses(model: Model) -> None:
    result = lint_document(SourceDocument("p.txt", "text", CODE), model, suggest=True)
    missing = [c for c in result.clauses if c.status == "missing"]
    assert missing and all(c.suggestion for c in missing if c.id != "inleiding")
    info = _by_id(result)["informatie"].suggestion
    assert "raadslid" in info.lower() or "raadsleden" in info.lower()
    assert "Gemeentewet" in info or "griffier" in info or "geheim" in info


# ---------------------------------------------------------------- outdated checks, with a small model


def _small_model(model: Model, *checks: OutdatedCheck) -> Model:
    gifts = model.clause("geschenken")
    assert gifts is not None
    clause = dataclasses.replace(
        gifts, recognisers=(Recogniser("zin", AllOf((Stem(("geschenk",)), Stem(("meld",))))),), outdated=checks)
    return dataclasses.replace(model, clauses=(clause,))


def _lint_article(model: Model, sentence: str) -> gedragscode.ClauseFinding:
    """Lint a one-article raadsleden code holding ``sentence``; the finding for the model's one clause."""
    doc = SourceDocument("p.txt", "text", f"Gedragscode\n\nArtikel 1\n\n{sentence}\n")
    return lint_document(doc, model, body="gemeente", offices=["raadslid"]).clauses[0]


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Een geschenk boven € 50 wordt gemeld.", "present"),
    ("Een geschenk boven €75,00 wordt gemeld.", "note"),          # above € 50, within the bounds (€ 250)
    ("Een geschenk boven EUR 60 wordt gemeld.", "note"),
    ("Een geschenk boven 40 euro wordt gemeld.", "present"),
    ("Een geschenk boven honderd euro wordt gemeld.", "note"),
    ("Een geschenk boven driehonderd euro wordt gemeld.", "outdated"),  # above the bounds
    ("Een geschenk boven € 1.000 wordt gemeld.", "outdated"),
])
def test_amount_check(model: Model, sentence: str, verdict: str) -> None:
    small = _small_model(model, OutdatedCheck("bedrag", "te hoog", "zin", "grens"))
    finding = _lint_article(small, sentence)
    assert finding.status == ("outdated" if verdict == "outdated" else "present")
    assert (finding.message == "te hoog") is (verdict == "outdated")
    assert (finding.severity == "info") is (verdict == "note")
    if verdict == "note":
        assert "binnen de grenzen van het model" in finding.message
        assert finding.evidence[0].text == sentence


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Een geschenk wordt binnen één week gemeld.", "present"),
    ("Een geschenk wordt binnen 14 dagen gemeld.", "note"),      # within the bounds (1 dag to 1 maand)
    ("Een geschenk wordt binnen een maand gemeld.", "note"),
    ("Een geschenk wordt binnen twee maanden gemeld.", "outdated"),
    ("Een geschenk wordt binnen vijf dagen gemeld.", "present"),
])
def test_term_check(model: Model, sentence: str, verdict: str) -> None:
    small = _small_model(model, OutdatedCheck("termijn", "te lang", "artikel", "termijn"))
    finding = _lint_article(small, sentence)
    assert finding.status == ("outdated" if verdict == "outdated" else "present")
    assert (finding.severity == "info") is (verdict == "note")


def test_missing_and_contains_checks(model: Model) -> None:
    small = _small_model(
        model,
        OutdatedCheck("ontbreekt", "geen register", "lid", None, Stem(("register",))),
        OutdatedCheck("bevat", "oud artikel", "document", None, Stem(("verouderd",))))
    text = "Gedragscode\n\nArtikel 1\n\n1. Een geschenk wordt gemeld.\n\n2. Het komt in een register.\n"
    finding = lint_document(SourceDocument("p.txt", "text", text), small, body="gemeente").clauses[0]
    assert finding.message == "geen register"  # the register is in another lid
    text = ("Gedragscode\n\nArtikel 1\n\nEen geschenk wordt gemeld en in het register gezet.\n\nArtikel 2\n\n"
            "Dit is verouderd.\n")
    finding = lint_document(SourceDocument("p.txt", "text", text), small, body="gemeente").clauses[0]
    assert finding.message == "oud artikel"
    text = "Gedragscode\n\nArtikel 1\n\nEen geschenk wordt gemeld en in het register gezet.\n"
    finding = lint_document(SourceDocument("p.txt", "text", text), small, body="gemeente").clauses[0]
    assert finding.status == "present"


def test_amounts_and_durations() -> None:
    assert amounts_in("boven € 50, €50,00, EUR 75, 100 euro, vijftig euro en € 1.000,-") == [
        Decimal(50), Decimal(50), Decimal(75), Decimal(100), Decimal(50), Decimal(1000)]
    assert amounts_in("artikel 15 en 2024") == []
    assert durations_in("binnen één week, binnen 14 dagen, een maand, twee weken") == [7, 14, 30, 14]
    assert durations_in("eenmaal per jaar, in de maand maart") == []
    assert number_word("vijfenzeventig") == 75
    assert number_word("tweehonderdvijftig") == 250
    assert number_word("honderd") == 100
    assert number_word("raad") is None


# ---------------------------------------------------------------- examples in the model


def test_bundled_model_examples_hold(model: Model) -> None:
    assert check_examples(model) == []


def test_failing_examples_are_reported(model: Model) -> None:
    gifts = model.clause("geschenken")
    assert gifts is not None
    clause = dataclasses.replace(gifts, examples=(
        Example("Dit gaat over het weer.", True), Example("Een geschenk wordt gemeld.", False)))
    errors = check_examples(dataclasses.replace(model, clauses=(clause,)))
    assert len(errors) == 2
    assert "voorbeeld" in errors[0].message and "tegenvoorbeeld" in errors[1].message


# ---------------------------------------------------------------- files and folders


def test_lint_reads_files(tmp_path: Path) -> None:
    path = tmp_path / "code.txt"
    path.write_text(CODE, encoding="utf-8")
    result = lint(path)
    assert result.file == str(path) and result.format == "text"
    assert lint("-", data=CODE.encode("cp1252")).body == "gemeente"
    with pytest.raises(DocumentError):
        lint(tmp_path / "bestaat-niet.txt")


def test_lint_paths_walks_folders_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CODE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(CODE, encoding="utf-8")
    (tmp_path / "sub" / "kapot.pdf").write_bytes(b"%PDF-1.4 dit is geen pdf")
    (tmp_path / "notities.json").write_text("{}", encoding="utf-8")
    results = lint_paths([tmp_path, tmp_path / "weg.txt"])
    names = sorted(Path(r.file).name for r in results)
    assert names == ["a.txt", "b.md", "kapot.pdf", "weg.txt"]
    failures = [r for r in results if isinstance(r, LintFailure)]
    assert sorted(Path(f.file).name for f in failures) == ["kapot.pdf", "weg.txt"]
    assert all(f.message for f in failures)


@pytest.mark.skipif(not FIXTURES.is_dir(), reason="geen fixtures")
def test_fixture_formats_agree() -> None:
    """The DOCX/PDF/HTML versions of a fixture give the same verdicts as its text version."""
    pairs = [("gemeente_raad_2021.txt", "gemeente_raad_2021.docx"),
             ("waterschap_db_2021.txt", "waterschap_db_2021.pdf"),
             ("waterschap_ab_2019.txt", "waterschap_ab_2019.html")]
    for text_name, other_name in pairs:
        a, b = lint(FIXTURES / text_name), lint(FIXTURES / other_name)
        assert (a.body, a.offices) == (b.body, b.offices), other_name
        found_a = {c.id for c in a.clauses if c.status in ("present", "outdated")}
        found_b = {c.id for c in b.clauses if c.status in ("present", "outdated")}
        assert found_a - {"inleiding"} == found_b - {"inleiding"}, other_name
