"""Run-in headings, question sections grouped under "Vragen en antwoorden", an article's toelichting run on
after its last sentence, and exemptions: structures found in blind set 12."""

from __future__ import annotations

from pathlib import Path

from gedragscode.lint.readers import read_document
from gedragscode.lint.reading.evidence import duty, exemption, scope_negation
from gedragscode.lint.reading.lines import split_lines
from gedragscode.lint.segment import segment

_RUN_IN = """Gedragscode integriteit leden algemeen bestuur Waterschap Vennemeer

Het algemeen bestuur van Waterschap Vennemeer;

besluit vast te stellen de volgende gedragscode:

Reikwijdte. Deze gedragscode is van toepassing op ieder lid van het algemeen bestuur.
Nevenfuncties. Een lid meldt bij zijn aantreden aan de griffier welke functies hij naast het lidmaatschap \
vervult. De griffier maakt de functies openbaar. Geschenken. Een lid neemt geen geschenken aan van partijen \
die een besluit van het waterschap afwachten.
Agressie en intimidatie. Een lid dat wordt bedreigd, meldt dat aan de voorzitter.
Dat mag. Een lid kan altijd om advies vragen.
Declaraties. De vergoedingen staan in een andere regeling. Deze code voegt daar niets aan toe.
"""


def test_run_in_headings_become_headings() -> None:
    cores = [line.core for line in split_lines(_RUN_IN)]
    for heading in ("Reikwijdte", "Nevenfuncties", "Geschenken", "Agressie en intimidatie", "Declaraties"):
        assert heading in cores
    assert "Dat mag" not in cores  # a sentence, not a heading
    units = {u.heading: u for u in segment(read_document("code.txt", data=_RUN_IN.encode())).units}
    assert units["Geschenken"].role == "normatief"
    assert units["Reikwijdte"].role == "normatief"
    assert units["Declaraties"].role == "toelichting"  # it only says what the code leaves out


def test_one_short_sentence_is_no_run_in_structure() -> None:
    text = "Gedragscode\n\nGeschenken. Een raadslid meldt elk geschenk.\n\nHet raadslid meldt ook uitnodigingen.\n"
    assert [line.core for line in split_lines(text)][1].startswith("Geschenken. Een raadslid")


def test_an_articles_toelichting_run_on_after_its_last_sentence_is_cut_off() -> None:
    text = ("Artikel 14 Melding\n\n1. Een vermoeden wordt gemeld bij de commissaris.\n"
            "2. Het rapport wordt aan Provinciale Staten verstrekt. Toelichting bij artikel 14\n"
            "Meldingen over bedreiging vallen onder het veiligheidsprotocol en niet onder deze code.\n")
    cores = [line.core for line in split_lines(text)]
    assert "Toelichting bij artikel 14" in cores
    roles = [u.role for u in segment(read_document("code.txt", data=text.encode())).units]
    assert roles[-1] == "toelichting"


def test_questions_and_answers_inside_a_code_of_question_sections_are_rules() -> None:
    """Blind set 12's plain-language waterschap code: after sections headed by questions, a heading
    "Vragen en antwoorden" groups more of them; they are the rules, not an explanation."""
    document = read_document(Path(__file__).parent / "fixtures" / "blind" / "b12" / "dommelvaart.md")
    units = {u.heading: u.role for u in segment(document).units}
    assert units["Wat als ik een cadeau krijg?"] == "normatief"
    assert units["Wat als ik denk dat een ander bestuurslid de regels overtreedt?"] == "normatief"
    assert units["Wat staat er níet in deze code?"] == "toelichting"
    assert units["Voorbeelden uit de praktijk"] == "toelichting"


def test_exemptions_and_verb_first_negations() -> None:
    assert exemption("Leden van het algemeen bestuur hoeven hun inkomsten niet openbaar te maken.")
    assert exemption("Raadsleden zijn niet verplicht de hoogte van hun inkomsten openbaar te maken.")
    assert not duty("Leden van het algemeen bestuur hoeven hun inkomsten niet openbaar te maken.")
    # a rule with an exemption in a clause keeps its duty
    rule = ("Zij melden het voornemen vooraf aan het algemeen bestuur; de dijkgraaf hoeft dat niet te doen voor "
            "functies uit hoofde van zijn ambt.")
    assert duty(rule) and not exemption(rule)
    assert scope_negation("Over stemming bij een persoonlijk belang bevat deze code geen eigen regels.")
    assert not scope_negation("Het raadslid houdt zich aan de code en neemt geen geschenken aan.")
    assert scope_negation("Deze code stelt voor reizen naar het buitenland geen voorwaarden.")
    assert scope_negation("Die regels gelden rechtstreeks en worden in deze afspraken niet herhaald.")
    assert not scope_negation("De code stelt dat het lid geen geschenken aanneemt.")


def test_any_verb_in_the_imperative_states_a_rule() -> None:
    """A plain-language code's imperatives state rules whatever the verb; the verbs come from the
    lemmatiser's dictionary, not from a list of known ones."""
    assert duty("Vertel de bestuurssecretaris binnen een maand welke functies je naast het bestuur hebt.")
    assert duty("Ga alleen als het iets met je bestuurswerk te maken heeft.")
    assert duty("• Raadpleeg bij twijfel de vertrouwenspersoon.")
    assert duty("Stuur de declaratie binnen drie maanden naar de griffie.")
    # a verb with its subject after it asks or sets a condition; a pointer, a label or a noun is no rule
    assert not duty("Heb je een vraag, dan kun je bij de griffier terecht.")
    assert not duty("Krijg je een cadeau van een aannemer?")
    assert not duty("Zie artikel 3 van de Gemeentewet.")
    assert not duty("Denk aan je baan, je bedrijf of vrijwilligerswerk.")
    assert not duty("Kenmerk: 2024/118")
    assert not duty("Besluit van de raad van 12 maart 2024.")
    # a code its office holder speaks in the first person singular commits like one in "wij"
    assert duty("Elke functie, betaald of niet, meld ik binnen een week bij de griffier.")
    assert duty("Ik behandel raadsleden, medewerkers en inwoners met respect.")
    assert not duty("Het afgelopen jaar heb ik geen reizen naar het buitenland gemaakt.")
    assert not duty("Ik vind integriteit belangrijk.")
    # a passive with a parenthesis between its verbs
    assert duty("Deze gedragscode wordt, met de lijst van functies en de lijst van giften, gepubliceerd op de website.")
    # "hoef je niet" lifts a duty in the je-form too
    assert exemption("Hoeveel je verdient met je andere functies hoef je niet te vertellen.")


def test_a_referral_to_the_law_is_no_evidence() -> None:
    from gedragscode.lint.reading.evidence import referral

    assert referral("Welke overeenkomsten met de provincie verboden zijn, staat in de Provinciewet.")
    assert not referral("Een Statenlid sluit geen overeenkomsten met de provincie als bedoeld in de Provinciewet.")


def test_a_sentence_for_other_offices_is_no_evidence() -> None:
    from gedragscode import load_model
    from gedragscode.lint.addressees import addressed_elsewhere

    model = load_model()
    provincie = model.body("provincie")
    assert provincie is not None
    elsewhere = addressed_elsewhere(provincie, ["statenlid", "commissielid"])
    assert elsewhere("De wettelijke plicht om inkomsten uit nevenfuncties openbaar te maken, geldt voor "
                     "gedeputeerden en de commissaris van de Koning.")
    assert not elsewhere("Deze plicht geldt ook voor Statenleden.")
    assert not elsewhere("Een Statenlid meldt zijn inkomsten uit nevenfuncties.")  # says nothing of for whom
    for_both = addressed_elsewhere(provincie, ["statenlid", "gedeputeerde"])
    assert not for_both("Dit artikel geldt alleen voor gedeputeerden.")


def test_a_sentence_whose_subject_is_other_offices_is_no_evidence() -> None:
    from gedragscode import load_model
    from gedragscode.lint.addressees import addressed_elsewhere

    gemeente = load_model().body("gemeente")
    assert gemeente is not None
    mayor = addressed_elsewhere(gemeente, ["burgemeester"])
    assert mayor("Raadsleden en wethouders kunnen daarnaast terecht bij de externe vertrouwenspersoon.")
    assert mayor("De leden van de raad melden hun functies bij de griffier.")
    assert not mayor("Wethouders en de burgemeester melden geschenken.")  # the burgemeester among them
    # a general word for the members beside another office may mean the code's own office holders
    waterschap = load_model().body("waterschap")
    assert waterschap is not None
    members = addressed_elsewhere(waterschap, ["ab_lid"])
    assert not members("Een lid en een commissielid doen bij hun aantreden opgave van hun functies.")
    assert not members("Het is van toepassing op de leden en op de commissieleden.")
    assert members("Een commissielid doet bij zijn aantreden opgave van zijn functies.")
    assert not mayor("De burgemeester meldt zijn nevenfuncties.")
    assert not mayor("Geschenken worden gemeld bij de gemeentesecretaris.")  # no addressee as subject
    # former office holders are not the offices that the word names
    council = addressed_elsewhere(gemeente, ["raadslid"])
    assert not council("Gewezen wethouders worden een jaar lang niet door de gemeente ingeschakeld.")
    # the addressees first ("Voor ... geldt", "Voor ... is er een aparte code"), and a label before the subject
    assert council("Voor de wethouders en de burgemeester is er een aparte code met regels over screening.")
    assert council("Voor de wethouders geldt daarnaast dat zij hun inkomsten openbaar maken.")
    assert not council("Voor raadsleden en wethouders geldt dat zij geschenken melden.")
    assert not council("Voor giften geldt een grens van 50 euro.")
    assert council("Ter vergelijking: een wethouder mag een jaar na zijn vertrek geen opdracht aannemen.")
    assert council("Voor de wethouders heeft de raad een afzonderlijke code, met regels over de integriteitstoets.")
    assert council("De verklaring omtrent het gedrag en de risicoanalyse zijn alleen voor kandidaat-wethouders "
                   "voorgeschreven.")
    assert not council("De registers zijn alleen voor raadsleden in te zien.")
    assert council("Medewerkers van de gemeente die binnen een jaar na hun vertrek bij een aannemer gaan werken, "
                   "melden dit.")
    assert council("Een medewerker die de gemeente verlaat, verricht een jaar lang geen betaald werk voor de gemeente.")
    assert council("Een dienstreis van een medewerker naar het buitenland behoeft vooraf toestemming.")
    assert council("Omdat de screening alleen voor kandidaat-wethouders geldt.")
    assert council("Een integriteitstoets en een VOG zijn verplicht voor kandidaat-wethouders.")
    assert council("Vertrouwenspersoon | Wethouders kunnen terecht bij de vertrouwenspersoon van het college.")
    mayor_code = addressed_elsewhere(gemeente, ["wethouder", "burgemeester"])
    assert mayor_code("Een raadslid dat op kosten van de gemeente naar het buitenland reist, doet verslag aan de raad.")
    assert not mayor_code("Een wethouder die naar het buitenland reist, doet verslag aan de raad.")


def test_definitions_referrals_and_absent_arrangements_are_no_evidence() -> None:
    from gedragscode.lint.reading.evidence import absence, definition, referral

    assert definition("omgangsvormen: de manier waarop de burgemeester zich gedraagt tegenover inwoners;")
    assert definition("b. geschenk: elke gift of dienst met een economische waarde;")
    assert not definition("Reikwijdte: deze code geldt voor de raadsleden.")  # a capitalised lead is a heading
    assert not definition("De wethouder meldt aan het college:")
    assert referral("Voor zijn deelname aan besluiten bij een persoonlijk belang wordt verwezen naar artikel 58 van de "
                    "Gemeentewet.")
    assert not referral("Voor de melding wordt verwezen naar artikel 3; de wethouder meldt vooraf.")
    assert absence("Een risicoanalyse of screening door de gemeente vindt bij zijn benoeming niet plaats.")


def test_forwarded_e_mail_text_is_read_without_quote_marks() -> None:
    from gedragscode.lint.readers.text import unquote

    quoted = ("Van: griffie\n\n> Artikel 1 Geschenken\n>\n> Een raadslid meldt elk geschenk.\n"
              "> De griffier registreert het.\n")
    assert "Artikel 1 Geschenken\n\nEen raadslid meldt elk geschenk." in unquote(quoted)
    single = "Een citaat:\n> zo is het\nen verder gewone tekst.\nNog een regel.\n"
    assert unquote(single) == single  # one quoted line is text


def test_a_sentence_that_is_no_evidence_does_not_count_in_article_scope() -> None:
    from gedragscode import load_model
    from gedragscode.lint.engine import lint

    text = ("Gedragscode integriteit Statenleden provincie Noorderwaard\n\nArtikel 1 Reikwijdte\n\n"
            "1. Deze code geldt voor de leden van Provinciale Staten.\n"
            "2. De risicoanalyse voor kandidaat-gedeputeerden en de verklaring omtrent het gedrag vallen buiten "
            "deze code.\n\nArtikel 2 Geschenken\n\nEen Statenlid meldt elk geschenk boven € 50 bij de griffier.\n")
    result = lint("code.txt", data=text.encode(), model=load_model())
    status = {c.id: c.status for c in result.clauses}
    assert status["reikwijdte"] == "present"
    assert status.get("risicoanalyse") not in ("present", "outdated")
