"""A code whose sections are headed by questions: an answer that states a rule borrows its subject from the
question ("Wat als ik een cadeau krijg?" - "Meld het dan bij de griffier"), an answer that states none
does not ("Is er een vertrouwenspersoon?" - "Je kunt terecht bij de griffier")."""

from __future__ import annotations

from functools import lru_cache

from gedragscode import load_model
from gedragscode.lint.engine import lint
from gedragscode.lint.result import LintResult

_INTRO = """# Integer besturen in Lingewaard

**Gedragscode voor wethouders, in vragen en antwoorden**

## Waarom deze code?

Wethouders werken voor alle inwoners. Deze code zegt in gewone taal wat we van elkaar verwachten.

## Voor wie is deze code?

Deze code geldt voor alle wethouders van de gemeente Lingewaard.

## Wat als ik naast mijn werk als wethouder nog andere functies heb?

Je meldt elke functie naast het ambt bij de griffier. De griffier zet de functies op de website van de gemeente.

## Wat als ik een cadeau krijg?

Je neemt geen cadeaus aan met een waarde boven de 50 euro. Een cadeau van minder waarde meld je bij de griffier.

## Wat als een besluit over mezelf of mijn familie gaat?

Je neemt niet deel aan de beraadslaging en stemming over een zaak die je persoonlijk aangaat.

"""


@lru_cache(maxsize=4)
def _lint(sections: str) -> LintResult:
    return lint("code.md", data=(_INTRO + sections).encode(), model=load_model())


def _found(sections: str) -> set[str]:
    return {c.id for c in _lint(sections).clauses if c.status in ("present", "outdated")}


def test_an_answer_with_a_rule_borrows_the_subject_of_its_question() -> None:
    found = _found("""## Wat als ik na mijn tijd als wethouder voor de gemeente wil werken?

Het eerste jaar doe je geen betaald werk voor de gemeente.

""")
    assert {"nevenfuncties", "geschenken", "stemonthouding", "draaideur"} <= found


def test_an_answer_without_a_rule_does_not() -> None:
    found = _found("""## Is er een vertrouwenspersoon?

Een wethouder die een dilemma wil bespreken, kan terecht bij de griffier en de burgemeester.

## Wat als ik word bedreigd?

Wat je dan doet, staat in het Protocol agressie Lingewaard. Dat protocol is geen onderdeel van deze code.
""")
    assert not found & {"vertrouwenspersoon", "agressie"}


def test_without_the_question_the_answer_alone_is_no_evidence() -> None:
    found = _found("""## Werk na het ambt

Het eerste jaar doe je geen betaald werk voor de gemeente.
""")
    assert "draaideur" not in found


def test_a_question_inside_a_heading_or_before_the_answer_lends_its_subject() -> None:
    found = _found("""## Word je bedreigd? Meld het

Word je als wethouder uitgescholden of bedreigd, op straat of online? Meld het dan altijd bij de griffier.
""")
    assert "agressie" in found


def test_the_reason_under_a_rule_is_explanation() -> None:
    found = _found("""## Zeg wat je naast het ambt doet

Geef bij je benoeming aan de griffier door welke functies je naast het ambt hebt.

**Waarom?** Inwoners moeten kunnen zien met wie je verbonden bent. De burgemeester moet daarnaast ook de
bedragen die hij met zijn nevenfuncties verdient elk jaar openbaar maken.
""")
    assert "inkomsten_nevenfuncties" not in found


def test_an_answer_that_denies_the_question_lends_nothing() -> None:
    found = _found("""## Kan ik mijn reiskosten en de kosten van een cursus declareren?

Nee, daarvoor is niets geregeld. Moet ik ergens op letten? Gebruik je gezond verstand.
""")
    assert "declaraties" not in found


def test_a_code_published_as_frequently_asked_questions_is_read_as_provisions() -> None:
    faq = """# De gedragscode voor wethouders in vragen en antwoorden

De raad van Lingewaard heeft deze gedragscode vastgesteld. Op deze pagina staat de volledige code; de
antwoorden zijn de regels.

## Veelgestelde vragen

## Moet een wethouder zijn andere functies opgeven?

Ja. Een wethouder meldt iedere functie naast het ambt vooraf aan de raad.

## Hoe zit het met aandelen en grondbezit?

Een wethouder meldt zijn financiële belangen in ondernemingen die zaken doen met de gemeente bij de griffier.

## Mag een wethouder een cadeau aannemen?

Een wethouder neemt geen geschenken aan met een waarde boven de 50 euro en meldt elk geschenk bij de griffier.

## Wat als een wethouder wordt bedreigd?

Daarover gaat deze gedragscode niet. Wie een vermoeden heeft van een schending, kan dat melden bij de burgemeester.
"""
    result = lint("faq.md", data=faq.encode(), model=load_model())
    found = {c.id for c in result.clauses if c.status in ("present", "outdated")}
    assert {"nevenfuncties", "financiele_belangen", "geschenken"} <= found
    assert "agressie" not in found


def test_a_situation_set_out_with_stel_lends_its_subject_to_the_rules_after_it() -> None:
    found = _found("""## Onderweg

Stel: een pompenfabrikant wil je meenemen op een werkbezoek. Of de Unie organiseert een buitenlandse
studiereis. Je gaat alleen mee als het college vooraf toestemming heeft gegeven.

""")
    assert "buitenlandse_reizen" in found


def test_a_situation_the_code_declines_lends_nothing() -> None:
    found = _found("""## Onkosten

Stel: je vraagt je af of je een lunch met een dorpsraad kunt declareren. Dat is geen vraag voor deze code. Hoe
we met onkosten omgaan, bespreekt iedere fractie zelf met de griffier.

""")
    assert "declaraties" not in found


def test_a_topic_heading_in_plain_language_lends_its_subject_to_the_rules_under_it() -> None:
    found = _found("""## Reizen naar het buitenland

Je gaat alleen als het college vooraf toestemming heeft gegeven. Na afloop stuur je een verslag naar de griffie.

""")
    assert "buitenlandse_reizen" in found


def test_an_article_heading_or_a_section_that_declines_lends_nothing() -> None:
    article = _found("""## Artikel 9 Reizen naar het buitenland

Je gaat alleen als het college vooraf toestemming heeft gegeven. Na afloop stuur je een verslag naar de griffie.

""")
    assert "buitenlandse_reizen" not in article
    declined = _found("""## Reizen naar het buitenland

Over reizen naar het buitenland bevat deze code geen regels. Je stuurt na afloop een verslag naar de griffie.

""")
    assert "buitenlandse_reizen" not in declined


_CHAPTERS = """Gemeente Proefstad

GEDRAGSCODE VOOR DE WETHOUDERS

1. Voor wie
1.1 Deze code geldt voor alle wethouders van Proefstad.

2. Je andere functies en je inkomsten
2.1 Je geeft alles wat je naast het ambt doet binnen een week door aan de griffier.
2.2 Wat je daarmee verdient, maak je vóór 1 april openbaar.

3. Reizen naar het buitenland
3.1 Je gaat alleen als het college vooraf toestemming heeft gegeven.

AFDELING 4 – GESCHENKEN EN KOSTEN
4.1 Een wethouder neemt geen geschenken aan van meer dan 50 euro en meldt ze bij de griffier.
"""


def test_a_chapter_heading_lends_its_subject_to_its_unheaded_rules() -> None:
    result = lint("code.txt", data=_CHAPTERS.encode(), model=load_model())
    found = {c.id for c in result.clauses if c.status in ("present", "outdated")}
    assert "buitenlandse_reizen" in found
    # the heading names income too, but what a rule excludes ("niet ... inkomsten") is read in the rule itself
    assert "nevenfuncties" in found
    # a formal division's heading ("AFDELING 4 – GESCHENKEN EN KOSTEN") lends nothing: no expense rule here
    assert "declaraties" not in found


def test_an_answer_in_short_borrows_its_question() -> None:
    """"Voor wie geldt deze code?" - "Voor alle wethouders ...": the answer opens with the preposition the
    question asks with, and states the scope without a verb of its own."""
    text = _INTRO.replace("## Voor wie is deze code?\n\nDeze code geldt voor alle wethouders van de gemeente "
                          "Lingewaard.",
                          "## Voor wie geldt deze code?\n\nVoor alle wethouders van Lingewaard, ook als zij waarnemen.")
    found = {c.id for c in lint("code.md", data=text.encode(), model=load_model()).clauses
             if c.status in ("present", "outdated")}
    assert "reikwijdte" in found
    # an answer that does not open with the question's preposition is no answer in short
    other = text.replace("Voor alle wethouders van Lingewaard, ook als zij waarnemen.",
                         "Alle wethouders van Lingewaard kregen deze wegwijzer in 2025.")
    assert "reikwijdte" not in {c.id for c in lint("code.md", data=other.encode(), model=load_model()).clauses
                                if c.status in ("present", "outdated")}


def test_a_question_in_a_paragraph_that_its_answer_denies_is_no_evidence() -> None:
    found = _found("""## Wat doe je naast het ambt?

Moet je ook je inkomsten uit nevenfuncties openbaar maken? Nee. Dat is een plicht die deze code niet oplegt.

Gaan we je ook vragen om aandelen te melden? Daar is lang over gesproken. Deze code vraagt niet om een melding van
financiële belangen.
""")
    assert "inkomsten_nevenfuncties" not in found and "financiele_belangen" not in found
    # a question that the answer confirms stays evidence
    confirmed = _found("""## Wat doe je naast het ambt?

Moet je ook je inkomsten uit nevenfuncties openbaar maken? Ja, elk jaar voor 1 april, op de website.
""")
    assert "inkomsten_nevenfuncties" in confirmed


def test_a_box_the_code_declares_non_binding_and_a_section_on_what_is_left_out_are_no_evidence() -> None:
    found = _found("""## Leeswijzer

Kaders met het opschrift "Goed om te weten" geven achtergrond; zij binden je niet.

## Bedreiging

Goed om te weten: wordt je bedreigd, dan helpt de burgemeester je graag met een melding of aangifte.

## Wat niet in deze afspraken staat

Onkosten: die staan in de verordening. Reizen naar het buitenland meld je bij de burgemeester.
""")
    assert "agressie" not in found and "buitenlandse_reizen" not in found
    assert {"nevenfuncties", "geschenken"} <= found


def test_a_yes_answer_and_an_answer_of_place_borrow_their_question() -> None:
    found = _found("""## Zijn deze code en de registers openbaar?

Ja. U vindt ze op deze pagina en onder 'Registers'.
""")
    assert "openbaarheid" in found
    where = _found("""## Waar vindt u deze regels?

Op de website van de gemeente Lingewaard.
""")
    assert "openbaarheid" in where
    denied = _found("""## Zijn deze code en de registers openbaar?

Nee. De raad wil eerst ervaring opdoen.
""")
    assert "openbaarheid" not in denied


def test_the_scope_stated_in_the_introduction_is_found() -> None:
    text = ("# Gedragscode burgemeester Lingewaard\n\n## Inleiding\n\nDe raad heeft deze code op 3 maart 2026 "
            "vastgesteld. Deze code geldt voor de burgemeester van Lingewaard en voor een waarnemend burgemeester.\n\n"
            "## 1. Nevenfuncties\n\nDe burgemeester meldt elke nevenfunctie bij de raad.\n\n"
            "## 2. Geschenken\n\nDe burgemeester neemt geen geschenken aan met een waarde boven 50 euro.\n")
    result = lint("code.md", data=text.encode(), model=load_model())
    assert {c.id: c.status for c in result.clauses}["reikwijdte"] == "present"


def test_a_yes_to_a_request_for_permission_makes_no_rule() -> None:
    found = _found("""## Mag ik gewoon praten met oud-collega's die nu lobbyen?

Ja, dat mag. Deze code stelt daar geen regels voor.
""")
    assert "oud_ambtsdragers" not in found


def test_question_sections_whose_rules_are_instructions_in_tables() -> None:
    from gedragscode.lint.document import SourceDocument
    from gedragscode.lint.segment import segment

    rows = {
        "Nevenfuncties": "Meld al je functies binnen vier weken bij de secretaris. | Laat geen functie ongemeld.",
        "Geschenken": "Meld elk geschenk boven 50 euro bij de secretaris. | Neem geen geschenk thuis aan.",
        "Informatie": "Bewaar vertrouwelijke stukken achter slot. | Vertel niemand wat geheim is.",
    }
    text = ("Gedragscode integriteit bestuur Waterschap Aa\n\nWat doe je wel, wat doe je niet?\n\n"
            "Het algemeen bestuur heeft deze gedragscode vastgesteld. Beide kolommen zijn even bindend.\n\n"
            "Voor wie?\n\nDoe | Doe niet\n\nHoud je aan deze code als lid van het algemeen bestuur. | "
            "Denk niet dat de code pas later geldt.\n\n"
            + "".join(f"{topic}\n\nDoe | Doe niet\n\n{row}\n\n" for topic, row in rows.items()))
    seg = segment(SourceDocument("t.txt", "text", text))
    at = seg.document.text.index("Meld elk geschenk")
    unit = seg.unit_at(at)
    assert unit is not None and unit.role == "normatief"
