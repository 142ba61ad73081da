"""The existing code's structure as wijzig reads it: one small, realistic code per defect class.

Each class was found on a blind-set fixture (tests/fixtures/blind/b7-b9): a code whose sections carry
the section sign ("§ 3.4"), a decimal code whose chapter headings ("2 Belangen") stand between the
articles, a lettered chapter written with two spaces ("A.  ALGEMEEN"), provisions numbered only "3."
(the marker of a lid), and numbered questions instead of articles. The first three get a plan for which
the round-trip properties hold; the last two a refusal that says why.
"""

from __future__ import annotations

from functools import lru_cache

import pytest
from test_wijzig_roundtrip import check_roundtrip

import gedragscode
from gedragscode.amend import model_text
from gedragscode.amend.plan import AmendmentOptions, AmendmentPlan, plan_amendment_document
from gedragscode.amend.structure import UnrecognisedStructureError
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.readers import read_document
from gedragscode.lint.segment import segment
from gedragscode.model import Model


@lru_cache(maxsize=1)
def _model() -> Model:
    return gedragscode.load_model()


def _plan(text: str, name: str = "code.txt") -> AmendmentPlan:
    # as the readers hand it over: no trailing newline
    return plan_amendment_document(SourceDocument(name, "text", text.strip()), model=_model(),
                                   options=AmendmentOptions())


_AANHEF_PS = ("Gedragscode integriteit Statenleden Veenmark 2014\n\n"
              "Provinciale Staten van Veenmark;\n\n"
              "gelet op artikel 15, derde lid, van de Provinciewet;\n\n"
              "besluiten vast te stellen:\n\n")

SECTIONS = _AANHEF_PS + (
    "I  ALGEMENE BEPALINGEN\n\n"
    "§ 1.1  Werkingssfeer\n\n"
    "Deze gedragscode is van toepassing op de leden van Provinciale Staten van Veenmark.\n\n"
    "II  BELANGENVERSTRENGELING\n\n"
    "§ 2.1  Nevenfuncties\n\n"
    "1. Een Statenlid meldt zijn nevenfuncties bij de aanvang van het lidmaatschap aan de griffier.\n"
    "2. De griffier legt de opgave ter inzage in het provinciehuis.\n\n"
    "§ 2.2  Persoonlijk belang\n\n"
    "Een Statenlid neemt niet deel aan de beraadslaging en de stemming over een aangelegenheid die hem "
    "rechtstreeks of middellijk persoonlijk aangaat.\n\n"
    "III  GESCHENKEN\n\n"
    "§ 3.1  Geschenken\n\n"
    "1. Een Statenlid meldt geschenken met een waarde van meer dan € 50 aan de griffier.\n"
    "2. De griffier houdt een register bij van de gemelde geschenken.\n\n"
    "§ 3.2  Citeertitel\n\n"
    "Deze code wordt aangehaald als: Gedragscode integriteit Statenleden Veenmark 2014.\n"
)


def test_sections_with_the_section_sign_get_new_sections_in_their_own_style() -> None:
    plan = _plan(SECTIONS)
    assert plan.changed
    assert {a.noun for a in plan.structure.articles} == {"paragraaf"}
    inserted = [a for op in plan.operations for a in op.articles]
    assert inserted and all(a.heading.startswith("§ ") for a in inserted)
    check_roundtrip(plan)


def test_the_reader_numbers_an_inserted_section_with_its_letter() -> None:
    text = "§ 2.2  Persoonlijk belang\n\nTekst.\n\n§ 2.2a Onverenigbare betrekkingen\n\nTekst."
    numbers = [u.number for u in segment(SourceDocument("x", "text", text)).units if u.number]
    assert numbers == ["2.2", "2.2a"]


def test_inserting_an_article_that_reads_differently_is_refused_not_written(monkeypatch: pytest.MonkeyPatch) -> None:
    # the safety net: were the new sections headed "Artikel 2.2a" in a code of "§" sections, the code's
    # own sections would no longer read as its articles; the plan then refuses instead of losing them
    monkeypatch.setattr(model_text, "heading_prefix", lambda anchor: "Artikel ")
    with pytest.raises(UnrecognisedStructureError) as info:
        _plan(SECTIONS)
    assert "na de wijziging leest de code anders" in info.value.message
    assert info.value.message.startswith("structuur niet herkend")


DECIMAL = _AANHEF_PS + (
    "1 Algemeen\n\n"
    "1.1 Werkingssfeer\n\n"
    "1.1.1 Deze code geldt voor de leden van Provinciale Staten van Veenmark.\n\n"
    "1.2 Openbaarheid\n\n"
    "1.2.1 Deze code en de registers die op grond daarvan worden bijgehouden, zijn openbaar.\n\n"
    "2 Belangen\n\n"
    "2.1 Functies naast het Statenlidmaatschap\n\n"
    "2.1.1 Een Statenlid maakt bij de aanvang van het lidmaatschap aan de statengriffier bekend welke "
    "functies hij naast het Statenlidmaatschap vervult.\n\n"
    "2.1.2 De statengriffier maakt de functies terstond elektronisch openbaar.\n\n"
    "2.2 Persoonlijk belang bij besluitvorming\n\n"
    "2.2.1 Een Statenlid neemt niet deel aan de beraadslaging en stemming over een aangelegenheid die hem "
    "rechtstreeks of middellijk persoonlijk aangaat.\n\n"
    "3 Geschenken\n\n"
    "3.1 Attenties\n\n"
    "3.1.1 Een Statenlid meldt geschenken met een waarde van meer dan € 50 aan de statengriffier, die ze "
    "registreert.\n"
)


def test_an_article_ends_before_the_next_chapter_heading() -> None:
    plan = _plan(DECIMAL)
    article = plan.structure.article("1.2")
    assert article is not None
    assert plan.document.text[article.start:article.end].endswith("zijn openbaar.")
    assert any(op.article.number == "1.2" and op.articles for op in plan.operations)
    # an article inserted after the last article of a chapter stands in that chapter, before the next heading
    after = {u.number: u.chapter for u in segment(SourceDocument("na", "text", plan.consolidation.text)).units}
    for op in plan.operations:
        for new in op.articles:
            assert after[new.number] == after[op.article.number], new.heading
    check_roundtrip(plan)


LETTERED = (
    "GEDRAGSREGELS INTEGRITEIT EILANDSRAADSLEDEN BONAIRE 2023\n\n"
    "De eilandsraad van het openbaar lichaam Bonaire;\n\n"
    "gelet op artikel 14, tweede lid, van de Wet openbare lichamen Bonaire, Sint Eustatius en Saba;\n\n"
    "besluit vast te stellen de volgende regeling:\n\n"
    "A.  ALGEMEEN\n\n"
    "Regel 1 – Voor wie deze regels gelden\n\n"
    "Deze regels gelden voor de leden van de eilandsraad van Bonaire.\n\n"
    "B.  BELANGEN\n\n"
    "Regel 2 – Nevenfuncties\n\n"
    "(1) Een eilandsraadslid meldt zijn nevenfuncties aan de griffier.\n\n"
    "(2) De griffier maakt de opgave terstond elektronisch openbaar.\n\n"
    "Regel 3 – Persoonlijk belang\n\n"
    "Een eilandsraadslid neemt niet deel aan de beraadslaging en de stemming over een aangelegenheid die "
    "hem rechtstreeks of middellijk persoonlijk aangaat.\n\n"
    "C.  GESCHENKEN\n\n"
    "Regel 4 – Geschenken\n\n"
    "Een eilandsraadslid meldt geschenken met een waarde van meer dan USD 50 aan de griffier.\n"
)


def test_a_heading_written_with_two_spaces_keeps_them_in_the_consolidated_markdown() -> None:
    plan = _plan(LETTERED)
    assert plan.changed
    md = gedragscode.render_amendment(plan, "geconsolideerd", "md")
    assert isinstance(md, str)
    assert "A.  ALGEMEEN" in md
    assert "A.  ALGEMEEN" in read_document("geconsolideerd.md", data=md.encode("utf-8")).text
    check_roundtrip(plan)


PARAGRAPHS = (
    "Gedragscode raad Dijkmond\n\n"
    "De raad van de gemeente Dijkmond, gelet op artikel 15, derde lid, van de Gemeentewet, stelt vast:\n\n"
    "1. Deze code geldt voor ieder lid van de raad van Dijkmond.\n\n"
    "2. Het raadslid meldt bij de installatie aan de griffier zijn functies naast het raadslidmaatschap. "
    "De griffier maakt ze terstond elektronisch openbaar.\n\n"
    "3. Het raadslid neemt niet deel aan de beraadslaging en stemming over een zaak die hem persoonlijk "
    "aangaat.\n\n"
    "4. Geschenken boven € 50 meldt het raadslid bij de griffier, die ze registreert.\n\n"
    "5. Een vermoeden van schending wordt gemeld bij de burgemeester.\n"
)

QUESTIONS = (
    "Gedragscode integriteit raadsleden Vliethaven 2024 — in gewone taal\n\n"
    "De raad van de gemeente Vliethaven;\n\n"
    "gelet op artikel 15, derde lid, van de Gemeentewet;\n\n"
    "besluit vast te stellen de volgende gedragscode:\n\n"
    "1. Voor wie geldt deze code?\n\n"
    "1.1 Deze code geldt voor alle leden van de gemeenteraad van Vliethaven.\n\n"
    "2. Ik heb naast de politiek ander werk. Wat moet ik doen?\n\n"
    "2.1 Je meldt al je functies naast het raadslidmaatschap bij de griffier.\n\n"
    "2.2 De griffier zet jouw functies direct in het register op de website.\n\n"
    "3. Mag ik meepraten en stemmen als het om mijn eigen belang gaat?\n\n"
    "3.1 Gaat een onderwerp jou persoonlijk aan? Dan praat je niet mee en stem je niet mee.\n\n"
    "4. Ik krijg een cadeau. Mag ik dat houden?\n\n"
    "4.1 Krijg je een geschenk dat meer waard is dan € 50? Dan meld je dat bij de griffier.\n\n"
    "4.2 De griffier houdt een register bij van alle geschenken die gemeld zijn.\n\n"
    "5. Ik twijfel of iemand zich aan de code houdt. Wat nu?\n\n"
    "5.1 Je meldt een vermoeden van een schending bij de burgemeester.\n"
)


@pytest.mark.parametrize("text, reason", [
    (PARAGRAPHS, "alleen een nummer ('3.')"),
    (QUESTIONS, "opgebouwd uit vragen"),
], ids=["genummerde-alineas", "vragen"])
def test_codes_without_articles_of_their_own_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(UnrecognisedStructureError) as info:
        _plan(text)
    assert info.value.message.startswith("structuur niet herkend; maak een nieuwe code met render")
    assert reason in info.value.message


def test_an_outdated_clause_in_no_single_article_is_skipped_with_a_reason() -> None:
    """Lint may find a clause outdated in the code as a whole (a table row, evidence over articles) while no
    article on its own shows it: the besluit must say so, never drop it silently."""
    from pathlib import Path

    import gedragscode
    from gedragscode.amend.plan import plan_amendment_document
    from gedragscode.lint.readers import read_document

    path = Path(__file__).parent / "fixtures" / "blind" / "b10" / "provincie_oostermarke_gs_cdk.docx"
    plan = plan_amendment_document(read_document(path), model=gedragscode.load_model())
    outdated = {f.id for f in plan.lint.clauses if f.status == "outdated" and f.required}
    accounted = set(plan.clause_ids) | {s.clause_id for s in plan.skipped}
    assert outdated and outdated <= accounted
    reasons = {s.clause_id: s.reason for s in plan.skipped}
    assert "buitenlandse_reizen" in plan.clause_ids or "pas de tekst zelf aan" in reasons["buitenlandse_reizen"]
