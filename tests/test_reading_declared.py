"""What a code declares binding, what it says it leaves out, and codes read per paragraph
(gedragscode.lint.reading.declared and .evidence)."""

from __future__ import annotations

from pathlib import Path

from gedragscode.lint.document import Segmentation, SourceDocument, Unit
from gedragscode.lint.readers import read_document
from gedragscode.lint.reading.evidence import (
    absence,
    duty,
    exemption,
    narrative,
    paragraph_evidence,
    referral,
    report,
    scope_negation,
)
from gedragscode.lint.segment import segment


def seg_text(text: str, fmt: str = "text") -> Segmentation:
    return segment(SourceDocument(name="t", format=fmt, text=text))


def unit_with(seg: Segmentation, phrase: str) -> Unit:
    at = seg.document.text.index(phrase)
    unit = seg.unit_at(at)
    assert unit is not None, phrase
    return unit


# ---------------------------------------------------------------- evidence


def test_needing_to_ask_no_one_is_an_exemption() -> None:
    assert exemption("Een wethouder die naar de partnerstad reist, hoeft daarvoor niemand om toestemming te vragen.")


def test_an_opinion_in_the_first_person_plural_is_no_duty() -> None:
    assert not duty("We vinden het niet chic als een oud-heemraad binnen een paar maanden komt lobbyen.")
    assert duty("Wij melden onze nevenfuncties bij de griffie.")


def test_duty_wording() -> None:
    assert duty("Een wethouder meldt elk geschenk aan de gemeentesecretaris.")
    assert duty("Het lid vraagt nooit om een gunst.")
    assert duty("Uitnodigingen worden alleen aangenomen als het belang van de gemeente dat vraagt.")
    assert duty("Wij melden onze nevenfuncties binnen een week.")
    assert not duty("Wij hebben in 2021 gekozen voor een korte code.")
    assert not duty("Deze code regelt niet: reizen en declaraties.")
    assert not duty("Integriteit is een groot goed.")


def test_narrative_and_negation() -> None:
    assert narrative("In 2023 zijn zeven geschenken gemeld.")
    assert narrative("De burgemeester heeft twee meldingen ontvangen.")
    assert not narrative("Een bestuurder meldt een geschenk.")
    assert scope_negation("Deze code gaat niet over de veiligheid van bestuurders.")
    assert scope_negation("Over agressie is in deze afspraken niets opgenomen.")
    assert scope_negation("Het bestuur heeft daarvan afgezien.")
    assert not scope_negation("Een bestuurder neemt niet deel aan de stemming.")


def test_the_code_as_subject_of_any_negated_verb_is_a_scope_negation() -> None:
    assert scope_negation("Deze code vraagt niet om een opgave van aandelen of ander financieel bezit.")
    assert scope_negation("De gedragscode eist geen melding van reizen binnen Europa.")
    # a ban stated with the code as subject, and "niet alleen", are rules
    assert not scope_negation("De gedragscode staat niet toe dat een raadslid geschenken aanneemt.")
    assert not scope_negation("De code geldt niet alleen voor raadsleden maar ook voor commissieleden.")


def test_absence_of_an_arrangement_is_no_rule() -> None:
    assert absence("Het algemeen bestuur heeft geen vertrouwenspersoon voor zijn leden aangewezen.")
    assert absence("Er is geen meldpunt ingesteld.")
    assert not absence("De raad wijst een vertrouwenspersoon aan.")
    assert not absence("Een raadslid neemt geen geschenken aan.")
    # a duty in the same sentence keeps it a rule
    assert not absence("Zolang er geen vertrouwenspersoon is aangewezen, meldt het lid zich bij de griffier.")


def test_arrangements_not_made_or_still_considered_are_no_rule() -> None:
    assert absence("Een vertrouwenspersoon voor bestuurders is er niet.")
    assert absence("Over reizen naar het buitenland heeft de raad geen afspraken gemaakt.")
    assert absence("Na het einde van hun ambt gelden voor bestuurders geen beperkingen bij het aanvaarden van werk.")
    assert absence("Het bestuurscollege onderzoekt vóór 1 januari 2026 of een vertrouwenspersoon kan worden "
                   "aangewezen, eventueel samen met een ander eiland.")
    assert absence("De raad heeft zich afgevraagd of de code regels moet bevatten voor de periode na het ambt.")
    assert absence("De bepaling over oud-bestuurders uit de handreiking is bij de vaststelling van deze code niet "
                   "overgenomen.")
    assert absence("De eilandsraad besluit bij de evaluatie in 2027 of er een periode komt waarin gewezen "
                   "gedeputeerden geen opdrachten mogen aannemen.")
    assert not absence("De voorzitter beslist of er een onderzoek komt.")  # a rule of the procedure
    assert absence("Toch hebben we daar bewust geen regel van gemaakt.")
    assert absence("Gedeputeerde Staten hebben gevraagd of de Staten ook een risicoanalyse in deze code wilden "
                   "opnemen.")
    # investigating a report is a rule of the melding clause
    assert not absence("De burgemeester onderzoekt of de melding gegrond is en stelt zo nodig een onderzoek in.")
    assert not absence("Na het einde van het ambt gelden de regels van artikel 7 nog een jaar.")


def test_referrals_to_another_regulation_state_no_rule() -> None:
    assert referral("Voor buitenlandse dienstreizen geldt de Regeling dienstreizen bestuur 2019.")
    assert referral("Het declareren van kosten is geregeld in de Verordening vergoedingen algemeen bestuur.")
    assert referral("Agressie valt onder het Protocol veilig werken.")
    assert referral("Voor die situaties verwijzen de Staten naar het protocol agressie, dat door de Commissaris "
                    "wordt uitgevoerd.")
    # the code's own articles, and a referral with a duty of its own, are rules
    assert not referral("Voor uitnodigingen geldt de regeling van dit artikel.")
    assert not referral("Een commissielid valt niet onder de wettelijke regeling van verboden handelingen, maar "
                        "handelt naar de strekking ervan.")
    assert not referral("Voor reizen geldt de Regeling dienstreizen; een lid meldt elke reis vooraf.")
    assert exemption("Een lid is niet gehouden opgave te doen van de hoogte van zijn inkomsten.")


def test_paragraph_evidence_rule_strong_exclusion() -> None:
    rule = paragraph_evidence("Een bestuurder meldt een geschenk. De secretaris registreert het. Het wordt eigendom "
                              "van het waterschap.")
    assert rule.rule and rule.strong_rule
    report = paragraph_evidence("In 2023 werden vier geschenken gemeld. De griffie heeft ze geregistreerd.")
    assert not report.rule
    left_out = paragraph_evidence("Deze code regelt niet: reizen en declaraties. Daarover zijn geen afspraken gemaakt.")
    assert left_out.exclusion and not left_out.rule


# ---------------------------------------------------------------- reading

_BOLD_NUMBERED = "\n".join([
    '# Gedragscode raad Proefdorp',
    '',
    'De raad van Proefdorp, gelet op artikel 15, derde lid, van de Gemeentewet, stelt vast:',
    '',
    '**1.** Deze code geldt voor ieder raadslid.',
    '',
    '**2.** Het raadslid meldt zijn functies naast het raadslidmaatschap bij de griffier.',
    '',
    '**3.** Het raadslid neemt niet deel aan de stemming over een zaak die hem persoonlijk aangaat.',
    '',
    '**4.** Deze code regelt niet: buitenlandse reizen en declaraties. Daarover zijn geen afspraken '
    'gemaakt.',
    '',
    '**5.** Deze code treedt in werking op 1 januari 2020.',
    '',
])


def test_bold_numbered_paragraphs_after_stelt_vast_are_provisions() -> None:
    seg = seg_text(_BOLD_NUMBERED, "markdown")
    assert unit_with(seg, "De raad van Proefdorp").role == "aanhef"
    assert unit_with(seg, "Het raadslid meldt zijn functies").role == "normatief"
    assert unit_with(seg, "neemt niet deel aan de stemming").role == "normatief"


def test_what_the_code_leaves_out_is_no_provision() -> None:
    seg = seg_text(_BOLD_NUMBERED, "markdown")
    assert unit_with(seg, "Deze code regelt niet").role == "toelichting"


_DECLARED = "\n".join([
    'Gedragscode bestuurders Proefland',
    '',
    'Provinciale Staten van Proefland,',
    '',
    'gelet op artikel 40c, tweede lid, van de Provinciewet;',
    '',
    'besluiten vast te stellen de volgende gedragscode:',
    '',
    'Artikel 1',
    'Deze code geldt voor de gedeputeerden.',
    '',
    'Artikel 2',
    'De bij deze code behorende beschouwing maakt deel uit van de code.',
    '',
    'Aldus vastgesteld in de vergadering van 1 maart 2022.',
    '',
    'De griffier,',
    '',
    'BESCHOUWING',
    '',
    'Waarom deze code',
    '',
    'Gedeputeerden besturen een grote organisatie en dragen samen verantwoordelijkheid voor veel '
    'geld, veel mensen en veel beslissingen die inwoners raken.',
    '',
    'Geschenken',
    '',
    'Een gedeputeerde vraagt nooit om een geschenk. Geschenken die hij ontvangt, meldt hij aan de '
    'secretaris, die ze registreert.',
    '',
    'Wat niet in deze code staat',
    '',
    'Deze code gaat niet over buitenlandse reizen. Een vertrouwenspersoon is niet aangewezen.',
    '',
])


def test_a_declared_beschouwing_is_read_per_paragraph() -> None:
    seg = seg_text(_DECLARED)
    assert unit_with(seg, "Een gedeputeerde vraagt nooit").role == "normatief"
    assert unit_with(seg, "Een gedeputeerde vraagt nooit").heading == "Geschenken"
    assert unit_with(seg, "Gedeputeerden besturen een grote").role != "normatief"
    assert unit_with(seg, "Deze code gaat niet over").role != "normatief"


def test_an_undeclared_toelichting_stays_explanation() -> None:
    text = _DECLARED.replace("De bij deze code behorende beschouwing maakt deel uit van de code.",
                             "De beschouwing licht de code toe.")
    seg = seg_text(text)
    assert unit_with(seg, "Een gedeputeerde vraagt nooit").role != "normatief"


def test_an_informative_bijlage_stays_out_even_when_bijlagen_are_declared() -> None:
    text = ("Gedragscode raad Proefdorp\n\nDe raad van Proefdorp;\n\ngelet op artikel 15 van de Gemeentewet;\n\n"
            "besluit:\n\nvast te stellen de gedragscode, waarvan de bijlagen deel uitmaken van de code.\n\n"
            "Artikel 1\nDeze code geldt voor de raadsleden.\n\nArtikel 2\nEen raadslid meldt zijn nevenfuncties.\n\n"
            "Bijlage 1 Wat niet geregeld is\n\nDeze bijlage is informatief. Geschenken worden niet gemeld en "
            "worden door niemand geregistreerd.\n")
    seg = seg_text(text)
    assert unit_with(seg, "Geschenken worden niet gemeld").role == "bijlage"


_PROSE = "\n".join([
    'Waterschapsblad van Waterschap Proefpolder',
    '',
    'Het algemeen bestuur van Waterschap Proefpolder heeft, gelet op artikel 33 van de '
    'Waterschapswet, de hiernavolgende afspraken over integriteit vastgesteld, die gelden als '
    'gedragscode voor de bestuurders.',
    '',
    'Iedere bestuurder geeft bij zijn aantreden aan de secretaris op welke functies hij naast zijn '
    'ambt vervult. Wijzigingen geeft hij binnen een maand door.',
    '',
    'Een bestuurder vraagt niet om geschenken. Een geschenk van meer dan vijftig euro meldt hij aan '
    'de secretaris, die het registreert.',
    '',
    'Aldus vastgesteld in de vergadering van 1 juni 2018.',
    '',
    'De secretaris,',
    '',
    'Het bestuur heeft bij de vaststelling over een vertrouwenspersoon gesproken, maar heeft '
    'daarvan afgezien.',
    '',
])


def test_continuous_prose_adopted_as_code_is_read_per_paragraph() -> None:
    seg = seg_text(_PROSE)
    assert unit_with(seg, "Iedere bestuurder geeft").role == "normatief"
    assert unit_with(seg, "Een bestuurder vraagt niet om geschenken").role == "normatief"
    assert unit_with(seg, "maar heeft daarvan afgezien").role != "normatief"


def test_toelichting_between_chapters_gives_way_to_numbered_provisions() -> None:
    text = ("Gedragscode Proefstaten\n\nHoofdstuk 1 Algemeen\n\n1.1 Deze code geldt voor de Statenleden.\n\n"
            "1.2 Een Statenlid meldt zijn nevenfuncties.\n\nToelichting bij hoofdstuk 1\n\n"
            "De code is kort gehouden.\n\n"
            "Hoofdstuk 2 Geschenken\n\n2.1 Een Statenlid meldt een geschenk van meer dan vijftig euro.\n")
    seg = seg_text(text)
    assert unit_with(seg, "De code is kort gehouden").role == "toelichting"
    assert unit_with(seg, "meldt een geschenk van meer").role == "normatief"


# ---------------------------------------------------------------- declared parts, declared bijlagen, closing uitleg

_PARTS_CODE = """Gedragscode dagelijks bestuur Waterschap Zuidermeer

Artikel 1. Reikwijdte

Deze code geldt voor de leden van het dagelijks bestuur en de voorzitter.

Artikel 2. Geschenken

Een bestuurder meldt ieder geschenk dat meer dan € 50 waard is bij de secretaris.

Artikel 3. Regels in de toelichting

1. Deel II van de toelichting bevat nadere regels over dienstreizen.
2. Die nadere regels in deel II maken deel uit van deze code. De delen I en III van de toelichting zijn niet bindend.

Vastgesteld in de vergadering van 1 maart 2024.

TOELICHTING

I. ALGEMEEN (niet bindend)

Een bestuurder meldt zijn nevenfuncties vanzelfsprekend ook. Declaraties worden gecontroleerd door de controller.

II. NADERE REGELS

Een reis naar het buitenland wordt vooraf voorgelegd aan het dagelijks bestuur. Na terugkeer doet de bestuurder verslag.

III. ARTIKELSGEWIJS (niet bindend)

Een bestuurder declareert zijn kosten binnen een maand. Dat is gebruikelijk.
"""


def test_declared_part_of_a_toelichting_is_read_as_provisions() -> None:
    seg = seg_text(_PARTS_CODE)
    assert unit_with(seg, "Een reis naar het buitenland").role == "normatief"
    assert unit_with(seg, "Een bestuurder meldt zijn nevenfuncties").role == "toelichting"
    assert unit_with(seg, "Een bestuurder declareert zijn kosten").role == "toelichting"


def test_part_called_non_binding_stays_explanation() -> None:
    text = _PARTS_CODE.replace("2. Die nadere regels in deel II maken deel uit van deze code. ", "2. ")
    seg = seg_text(text)
    assert unit_with(seg, "Een reis naar het buitenland").role == "toelichting"


_BIJLAGE_CODE = """Regeling integriteit gemeente Oosterbeekdal

Artikel 1 Gedragsregels

De gedragsregels in Bijlage 1 vormen deel van deze regeling en gelden als de gedragscode.

Artikel 2 Citeertitel

Deze regeling wordt aangehaald als Regeling integriteit Oosterbeekdal.

Bijlage 1 Gedragsregels

Deze regels zijn samen met de fracties opgesteld.

Gedragsregel 1 Vertrouwenspersoon

1. De raad benoemt een vertrouwenspersoon integriteit.
2. Ieder raadslid kan die vertrouwenspersoon raadplegen.

Gedragsregel 2 Geschenken

Een raadslid meldt elk geschenk boven € 50 bij de griffier.
"""


def test_numbered_rules_of_a_declared_bijlage_are_provisions_whole() -> None:
    seg = seg_text(_BIJLAGE_CODE)
    unit = unit_with(seg, "De raad benoemt een vertrouwenspersoon")
    assert unit.role == "normatief" and unit.label == "Gedragsregel 1"
    assert unit_with(seg, "Ieder raadslid kan die").role == "normatief"
    assert unit_with(seg, "Deze regels zijn samen").role != "normatief"


def test_explanation_after_the_signature_is_not_ended_by_duty_wording(tmp_path: Path) -> None:
    text = """# Gedragscode raad Veldhoek

## Wat doe ik met een cadeau?

1. U meldt een cadeau van meer dan € 50 bij de griffier.
2. U neemt geen cadeau aan van iemand die iets van de gemeente wil.

## Mag ik meestemmen over mijn eigen zaak?

1. Nee. U neemt niet deel aan de stemming als een zaak u persoonlijk aangaat.

Vastgesteld in de openbare vergadering van 3 april 2025.

De griffier, J. Bos De voorzitter, K. de Wit

---

## Uitleg bij de code

### Waarom deze vorm?

De werkgroep koos voor vragen als kopjes.

### Over declaraties

Raadsleden declareren hun kosten bij de griffie. De regels staan in de verordening.

### Over reizen

Een raadslid meldt een reis naar het buitenland vooraf. Dat gebeurt zelden.
"""
    path = tmp_path / "veldhoek.md"
    path.write_text(text, encoding="utf-8")
    seg = segment(read_document(path))
    assert unit_with(seg, "Raadsleden declareren").role == "toelichting"
    assert unit_with(seg, "Een raadslid meldt een reis").role == "toelichting"
    assert unit_with(seg, "U meldt een cadeau").role == "normatief"


def test_inapplicable_sentences() -> None:
    from gedragscode.lint.reading.evidence import inapplicable

    assert inapplicable("Ook de vertrouwenspersoon uit die regeling is niet voor collegeleden bedoeld.")
    assert inapplicable("De klachtenregeling voor medewerkers is niet van toepassing op raadsleden.")
    assert inapplicable("De risicoanalyse en de VOG die voor kandidaat-wethouders worden gevraagd, zijn op de "
                        "burgemeester niet van toepassing.")
    assert not inapplicable("Het raadslid raadpleegt de vertrouwenspersoon.")
    assert not inapplicable("Het verbod geldt niet voor geschenken van geringe waarde.")


def test_a_report_of_the_past_in_the_main_clause_is_no_rule() -> None:
    assert report("Het algemeen bestuur heeft in de evaluatie van 2024 vastgesteld dat zich geen problemen voordoen "
                  "met voormalige leden die namens derden lobbyen.")
    # the past in a subordinate clause of a rule
    assert not report("Een bestuurder maakt de inkomsten die hij in het voorgaande jaar uit nevenfuncties heeft "
                      "ontvangen uiterlijk op 1 april openbaar.")
    assert not report("Een lid dat een redelijk vermoeden heeft dat een lid in strijd met deze regeling heeft "
                      "gehandeld, kan dit ter kennis brengen van de dijkgraaf.")


def test_named_regulations_and_decisions_still_to_come_state_no_rule() -> None:
    assert referral("Wordt u bedreigd of lastiggevallen vanwege uw functie, dan helpt het Protocol veiligheid "
                    "bestuurders u verder.")
    assert referral("Wat u dan doet, staat in het Protocol agressie en geweld politieke ambtsdragers Hazelbeek.")
    assert referral("Op vermoedens van een schending is de Regeling melding integriteitsschendingen 2015 van "
                    "toepassing.")
    assert not referral("Op een raadslid is de regeling van artikel 4 van toepassing.")
    assert referral("Daarin zijn ook de regels opgenomen over het openbaar maken van inkomsten uit nevenfuncties.")
    assert referral("Regels over werk na afloop van het ambt staan in de gedragscode voor Gedeputeerde Staten.")
    assert referral("In de code van het college staat een regel dat wethouders zich niet bemoeien met opdrachten.")
    assert not referral("Deze regels staan in deze code.")
    assert absence("Voor de raad hebben we die regel niet overgenomen, omdat de raad geen opdrachten verleent.")
    assert exemption("Van Statenleden wordt geen opgave van inkomsten gevraagd.")
    assert absence("Nee, daarvoor is niets geregeld.")
    assert not referral("Een lid meldt een geschenk volgens de Regeling geschenken bij de secretaris.")
    assert absence("Het algemeen bestuur beslist bij de evaluatie in 2026 of er afspraken komen over betaald werk "
                   "voor het waterschap door oud-bestuurders.")
    assert exemption("De inkomsten uit nevenfuncties worden niet openbaar gemaakt.")
    assert exemption("Voor raadsleden schrijft de wet niet voor dat inkomsten uit nevenfuncties openbaar worden "
                     "gemaakt.")


def test_an_article_is_an_exclusion_only_when_negations_are_most_of_it() -> None:
    from gedragscode.lint.reading.evidence import paragraph_evidence
    assert paragraph_evidence("Deze code regelt niet de omgang met agressie. Daarvoor geldt het Protocol "
                              "agressie 2022.").exclusion
    assert not paragraph_evidence(
        "Deze gedragscode en de registers zijn openbaar. De griffier plaatst de registers op de website. "
        "Gegevens blijven een jaar op de website raadpleegbaar. Deze code regelt niet de omgang met agressie."
    ).exclusion


def test_je_form_with_the_verb_first_and_imperatives_are_duties() -> None:
    assert duty("Dan neem je het eerste jaar geen betaalde opdrachten aan van de gemeente.")
    assert duty("Meld het bij de griffier.")
    assert not duty("Lees ook de toelichting bij dit hoofdstuk.")


def test_a_regulation_that_is_no_part_of_the_code_is_a_scope_negation() -> None:
    assert scope_negation("Dat protocol is geen onderdeel van deze code.")
    assert scope_negation("Daarover gaat deze gedragscode niet.")
    assert scope_negation("Die regeling maakt geen deel uit van deze gedragscode.")
    assert not scope_negation("De toelichting is een onderdeel van deze code.")
    assert scope_negation("De aanbevelingen over gewezen bestuurders zijn besproken maar niet in deze code "
                          "overgenomen.")


# A prose code adopted in words no reader rule knows ("legt ... in deze tekst neer"): before the signature,
# each paragraph that states a rule is a provision, even in plain wording; after it, only plain rules are.
_UNKNOWN_ADOPTION = "\n\n".join([
    "Gedragscode voor het college van Proefveen",
    "De raad van de gemeente Proefveen legt, gelet op de artikelen 41c en 69 van de Gemeentewet, in deze "
    "tekst de afspraken neer voor de wethouders en de burgemeester. Zij vervangen de "
    "regeling uit 2014, die na tien jaar aan herziening toe was.",
    "Bij de voorbereiding is met alle fracties gesproken. Daaruit bleek dat de oude tekst op veel punten "
    "achterhaald was, vooral waar het ging om de openbaarheid van registers en de omgang met informatie.",
    "Wethouders en de burgemeester melden hun functies naast het ambt bij de gemeentesecretaris, bij hun "
    "aantreden en daarna binnen twee weken na iedere wijziging, met de naam van de organisatie en of de "
    "functie wordt bezoldigd.",
    "Wie persoonlijk belang heeft bij een besluit van het college, laat de beraadslaging en de stemming "
    "daarover aan de andere leden, en zegt dat voordat het onderwerp aan de orde komt.",
    "Cadeaus die een bestuurder vanwege zijn ambt krijgt en die meer dan vijftig euro waard zijn, gaan naar "
    "de gemeente; de gemeentesecretaris houdt er een register van bij dat op de website staat.",
    "Kosten die een bestuurder voor zijn werk maakt, declareert hij met bonnen en een korte uitleg; de "
    "gemeentesecretaris beoordeelt de declaratie en het overzicht komt elk jaar in het jaarverslag.",
    "Informatie die een bestuurder in vertrouwen krijgt, houdt hij voor zich, ook na zijn aftreden, en hij "
    "gebruikt wat niet openbaar is nooit voor zichzelf of voor mensen om hem heen.",
    "Wie vermoedt dat een bestuurder deze afspraken niet naleeft, meldt dat bij de burgemeester of, als het "
    "de burgemeester betreft, bij de plaatsvervangend voorzitter van de raad. Na een gesprek met de "
    "betrokkene kan een onafhankelijk onderzoek volgen, waarvan de raad de uitkomst hoort.",
    "Een kandidaat-wethouder moet bij de benoeming een verklaring omtrent het gedrag overleggen. Een wethouder die "
    "wordt bedreigd, meldt dat bij de veiligheidscoördinator. Deze code wijst geen vertrouwenspersoon aan.",
    "Bestuurders gaan met elkaar, met de raad en met de medewerkers van de gemeente respectvol om, ook als "
    "zij het grondig met elkaar oneens zijn, en op sociale media net zo goed als in de vergadering.",
    "Een uitnodiging voor een diner, een wedstrijd of een reis op kosten van een ander neemt een bestuurder "
    "alleen aan als zijn aanwezigheid de gemeente dient; hij overlegt vooraf met het college.",
    "Aldus vastgesteld in de openbare vergadering van 3 april 2025.",
    "De griffier, De voorzitter,",
    "Over de regel voor cadeaus is lang gesproken. Een bestuurder meldt volgens sommige fracties elk cadeau, "
    "hoe klein ook; de raad vond dat te ver gaan en koos voor de grens van vijftig euro uit de landelijke "
    "handreiking. Een bos bloemen na een opening of een boek bij een afscheid valt daar ruim onder.",
    "De raad heeft ook gesproken over een vertrouwenspersoon voor integriteitsvragen. Zolang het college "
    "klein is, lijkt een gesprek met de burgemeester of de gemeentesecretaris voldoende; bij de evaluatie "
    "komt dat punt terug.",
]) + "\n"


def test_prose_code_adopted_in_unknown_words_is_read_per_paragraph() -> None:
    seg = seg_text(_UNKNOWN_ADOPTION)
    for rule in ("Wethouders en de burgemeester melden", "Wie persoonlijk belang heeft",
                 "Kosten die een bestuurder", "Een uitnodiging voor een diner",
                 "Een kandidaat-wethouder moet"):  # duties outnumber the negation beside them
        assert unit_with(seg, rule).role == "normatief", rule
    assert unit_with(seg, "Bij de voorbereiding is met alle fracties").role != "normatief"
    # after the signature only plain rules are provisions: the explanation of a choice stays explanation
    assert unit_with(seg, "Over de regel voor cadeaus").role != "normatief"
    assert unit_with(seg, "over een vertrouwenspersoon").role != "normatief"


_CONSOLIDATED = "\n\n".join([
    "Gedragscode integriteit raad Proefmaas",
    "Artikel 1 Reikwijdte",
    "Deze code geldt voor de leden van de raad.",
    "Artikel 2 Uitnodigingen [Vervallen]",
    'Dit artikel is vervallen bij besluit van 18 september 2025. Het luidde: "Uitnodigingen worden alleen '
    'aanvaard als de gemeente daarbij belang heeft."',
    "Artikel 3 [Vervallen]",
    "Dit artikel, dat betrekking had op buitenlandse reizen, is vervallen bij besluit van 20 februari 2025.",
    "Artikel 4 Declaraties",
    "[Vervallen per 1 januari 2020]",
    "Artikel 5 Uitnodigingen (gereserveerd)",
    "Dit artikelnummer is gereserveerd voor een regeling over uitnodigingen die de raad later vaststelt.",
    "Artikel 6 Geschenken",
    "Een raadslid meldt elk geschenk boven vijftig euro bij de griffier. Dit artikel is gewijzigd bij besluit "
    "van 18 september 2025.",
])


def test_articles_repealed_in_a_consolidated_text_are_no_provisions() -> None:
    seg = seg_text(_CONSOLIDATED)
    for phrase in ("Het luidde", "betrekking had op buitenlandse reizen", "[Vervallen per 1 januari 2020]",
                   "Dit artikelnummer is gereserveerd"):
        assert unit_with(seg, phrase).role != "normatief", phrase
    assert unit_with(seg, "Een raadslid meldt elk geschenk").role == "normatief"  # only changed, not repealed
    assert unit_with(seg, "Deze code geldt voor").role == "normatief"


_NOTED = "\n\n".join([
    "Gedragscode integriteit burgemeester Proefhove",
    "De raad van de gemeente Proefhove;",
    "overwegende dat de uitwerking in de noten staat; dat de noten deel uitmaken van de code en even bindend "
    "zijn als de tekst;",
    "besluit vast te stellen de volgende gedragscode:",
    "Artikel 1. Toepassing",
    "Deze code is van toepassing op de burgemeester.[1]",
    "Artikel 2. Geschenken",
    "De burgemeester laat zich niet beïnvloeden door geschenken.[2]",
    "Aldus vastgesteld in de openbare vergadering van 3 maart 2025.",
    "NOTEN",
    "[1] Ook een waarnemend burgemeester valt onder de code.",
    "[2] De burgemeester meldt elk geschenk boven vijftig euro bij de griffier, die het registreert.",
    "TOELICHTING",
    "De burgemeester meldt ook kleine attenties liever te vaak dan te weinig, vond de commissie.",
])


def test_notes_that_the_code_declares_binding_are_read_as_provisions() -> None:
    seg = seg_text(_NOTED)
    assert unit_with(seg, "[2] De burgemeester meldt elk geschenk").role == "normatief"
    assert unit_with(seg, "kleine attenties liever").role != "normatief"  # the toelichting stays explanation
    undeclared = seg_text(_NOTED.replace("dat de noten deel uitmaken van de code en even bindend zijn als de tekst",
                                         "dat de noten de tekst toelichten"))
    assert unit_with(undeclared, "[2] De burgemeester meldt elk geschenk").role != "normatief"


def test_a_rule_named_only_to_say_it_does_not_hold_is_a_scope_negation() -> None:
    assert scope_negation("Over het melden van aandelen of grondbezit maakt de raad in deze code geen afspraken met "
                          "het college.")
    assert scope_negation("Een termijn waarin oud-wethouders geen betaald werk voor de gemeente mogen doen, geldt in "
                          "Proefstad niet.")
    assert scope_negation("Voor raadsleden en commissieleden geldt die plicht niet.")
    # a rule about the office holder's own agreements, and a rule that holds, are no scope negation
    assert not scope_negation("De wethouder maakt geen afspraken met een aannemer buiten het college om.")
    assert not scope_negation("Deze regel geldt ook voor de burgemeester.")
    assert not scope_negation("Het verbod geldt niet alleen tijdens het ambt maar ook een jaar daarna.")


def test_exemptions_postponements_and_topics_left_out() -> None:
    from gedragscode.lint.reading.evidence import exemption

    assert exemption("Raadsleden behoeven de inkomsten uit hun nevenwerkzaamheden niet openbaar te maken.")
    assert scope_negation("Voor het dagelijks bestuur is er een eigen code; die onderwerpen komen hier niet aan bod.")
    assert absence("Het dagelijks bestuur stelt in de loop van 2027 een protocol vast voor het melden van agressie.")
    assert not absence("Het dagelijks bestuur stelt jaarlijks voor 1 april het overzicht van de declaraties vast.")


def test_struck_rules_rules_still_to_come_and_history_are_no_evidence() -> None:
    from gedragscode.lint.reading.evidence import referral, report

    assert scope_negation("Dat artikel is bij deze herziening geschrapt, omdat de raad eerst een register wil dat nog "
                          "moet worden voorbereid.")
    assert scope_negation("Zodra de wet een toets verplicht stelt, komt hier een afspraak over de uitvoering.")
    assert absence("Risicoanalyse kandidaat-heemraden | nog niet vastgesteld | nog niet vastgesteld")
    assert absence("Over een integriteitstoets neemt het algemeen bestuur een besluit bij de vorming van het nieuwe "
                   "dagelijks bestuur in 2027.")
    assert report("Over oud-ambtsdragers die later terugkomen stond in de Gedragscode 2019 een artikel.")
    assert report("Het ontwerp van deze code bevatte een artikel over het voorkomen van bevoordeling van familie.")
    assert scope_negation("Of en in welke vorm de code op de website komt, laat de raad over aan het presidium.") \
        or absence("Of en in welke vorm de code op de website komt, laat de raad over aan het presidium.")
    assert absence("Het presidium heeft toegezegd voor de zomer van 2027 met een voorstel te komen.")
    assert report("In de versie van februari stond een afspraak over oud-bestuurders die komen lobbyen.")
    assert referral("Oud-bestuurders die later bij het waterschap komen lobbyen: zie de Lobbyregeling Proefvliet 2024.")
    # a rule that holds is none of these
    assert not absence("Een geschenk van meer dan 50 euro wordt eigendom van de gemeente.")
    assert not referral("De wethouder meldt elke lobbyafspraak bij de secretaris.")


def test_labels_the_code_declares_non_binding() -> None:
    from gedragscode.lint.reading.declared import nonbinding_labels

    text = ("Leeswijzer. Kaders met het opschrift \u201cGoed om te weten\u201d geven achtergrond; zij bevatten geen "
            "regels en binden u niet. De teksten achter \"Lees meer\" horen bij de code, tenzij er \"achtergrond\" "
            "boven staat.\n")
    assert nonbinding_labels(text) == {"goed om te weten"}
    assert nonbinding_labels("Het kader \"Let op\" geeft de regel in het kort.") == frozenset()


def test_decisions_tasks_and_open_questions_about_an_arrangement_are_no_evidence() -> None:
    for sentence in ("De raad besluit in het voorjaar van 2026 over een meldpunt voor agressie tegen raadsleden.",
                     "De raad verzoekt de burgemeester om voor 2026 een protocol op te stellen voor agressie.",
                     "Het bestuur verzoekt het college te onderzoeken of een meldpunt kan worden ingericht.",
                     "De gemeente werkt aan een protocol over agressie tegen politieke ambtsdragers.",
                     "Het dagelijks bestuur stelt geen afzonderlijke meldplicht in voor bedreiging van bestuurders.",
                     "Bij die evaluatie wordt bezien of regels nodig zijn over het melden van agressie."):
        assert absence(sentence), sentence
    assert scope_negation("Het protocol over agressie blijft van kracht en wordt hier niet herhaald.")
    assert scope_negation("Verder staat in deze code niets over bedreiging: daarvoor is er een apart protocol.")
    # rules with a decision, a request or a register in them stay evidence
    for rule in ("De burgemeester besluit over de ontheffing binnen vier weken.",
                 "Een raadslid vraagt de griffier om een geschenk te registreren.",
                 "De wethouder meldt elk geschenk; de burgemeester beslist over de bestemming."):
        assert not absence(rule) and not scope_negation(rule), rule


def test_checks_not_done_and_checks_the_law_makes_are_no_evidence() -> None:
    from gedragscode.lint.reading.evidence import inapplicable, referral

    assert absence("Het algemeen bestuur laat geen integriteitsonderzoek of risicoanalyse uitvoeren naar kandidaten.")
    assert absence("Bij de benoeming van hoogheemraden wordt geen afzonderlijke risicoanalyse uitgevoerd.")
    assert referral("De verklaring omtrent het gedrag van kandidaten volgt rechtstreeks uit de WolBES.")
    assert scope_negation("De screening van kandidaat-gedeputeerden is geen onderwerp van deze checklist.")
    assert inapplicable("De integriteitstoets die bij wethouders wordt gevraagd, geldt niet voor mij.")
    assert not absence("Het college laat voor elke kandidaat een risicoanalyse uitvoeren.")


def test_decisions_not_to_announcements_and_permissions_are_no_evidence() -> None:
    from gedragscode.lint.reading.evidence import exemption, inapplicable, referral

    for sentence in ("De raad heeft besloten geen vertrouwenspersoon integriteit voor ambtsdragers aan te wijzen.",
                     "Evenmin is een vertrouwenspersoon voor collegeleden aangewezen.",
                     "Het bestuur wijst bij de evaluatie in 2026 al dan niet een integriteitsadviseur aan.",
                     "Over een afkoelperiode besluiten Provinciale Staten bij de evaluatie van deze code in 2026.",
                     "De eilandsraad heeft besproken of bestuurders na hun vertrek betaald werk mogen doen.",
                     "De raad neemt kennis van de aanbeveling om contacten met oud-bestuurders openbaar te maken.",
                     "Over oud-bestuurders is in de raad een initiatiefvoorstel aangekondigd.",
                     "Voor gedeputeerden geldt na hun aftreden geen verbod op betaald werk voor de provincie."):
        assert absence(sentence), sentence
    assert exemption("Na afloop van het lidmaatschap staat het een oud-lid vrij om werk voor het waterschap te doen.")
    assert inapplicable("De vertrouwenspersoon van de Staten is niet bestemd voor gedeputeerden.")
    assert referral("Oud-bestuurders die lobbyen | Zie de toelichting.")
    assert scope_negation("[VERWIJDERD] De bestuurder kan terecht bij de vertrouwenspersoon die het college aanwijst.")
    # the same words in a rule
    assert not absence("Het lid meldt nevenfuncties, met vermelding van het al dan niet bezoldigd zijn.")
    assert not absence("De raad wijst een vertrouwenspersoon aan bij wie ieder lid terecht kan.")


def test_what_other_bodies_do_and_an_exemption_with_an_aside_are_no_evidence() -> None:
    from gedragscode.lint.reading.evidence import exemption, report

    assert report("Sommige provincies vragen hun Statenleden om aandelen en andere financiële belangen op te geven.")
    assert exemption("Leden hoeven hun financiële belangen, waaronder grondbezit en deelnemingen, niet op te geven.")
    assert not report("De gemeente vraagt haar raadsleden om aandelen op te geven.")


def test_regulations_still_to_be_made_and_the_laws_own_bans_are_no_evidence() -> None:
    from gedragscode.lint.reading.evidence import referral

    for sentence in ("De raad stelt bij afzonderlijk besluit nadere regels over het aanvaarden van uitnodigingen.",
                     "Voor het declareren van kosten maakt het algemeen bestuur een aparte regeling.",
                     "Over het declareren van kosten stelt het college een regeling vast.",
                     "Hoe een vermoeden wordt gemeld, werken Provinciale Staten uit in een afzonderlijke procedure."):
        assert absence(sentence), sentence
    for sentence in ("Of een uitnodiging mag worden aangenomen, is geregeld in de Regeling representatie.",
                     "Voor de omgang met elkaar geldt wat in de Gedragscode algemeen bestuur staat.",
                     "De verboden die de Provinciewet stelt, zijn rechtstreeks op de ambtsdragers van toepassing.",
                     "De Gemeentewet bevat in de artikelen 41c en 69 verboden handelingen voor wethouders."):
        assert referral(sentence), sentence
    assert not absence("Een wethouder declareert kosten volgens de regeling die het college vaststelt.")


def test_a_verb_as_a_noun_before_a_referral_and_a_checklist_item_marked_not_applying() -> None:
    from gedragscode.lint.reading.evidence import inapplicable, referral

    assert referral("Voor het melden van een vermoeden van een integriteitsschending geldt het Protocol.")
    assert not referral("Het lid meldt een vermoeden volgens het Protocol integriteit.")
    assert inapplicable("[n.v.t.] Inkomsten uit nevenfuncties openbaar maken voor 1 april.")
    assert not inapplicable("[ja] [nee] [n.v.t.] A1. Ik heb al mijn functies opgegeven.")


def test_other_codes_proposals_and_decisions_left_for_later_are_no_evidence() -> None:
    from gedragscode.lint.reading.evidence import referral, report

    assert referral("De Gedragscode wethouders Proefstad bevat een afkoelperiode: een gewezen wethouder werkt een jaar "
                    "niet betaald voor de gemeente.")
    assert referral("Voor uitnodigingen hebben Provinciale Staten in hun eigen gedragscode bepaald dat een Statenlid "
                    "een uitnodiging slechts aanvaardt met kennisgeving.")
    assert referral("Voor het declareren van de kosten van zo'n reis gelden de rechtspositiebesluiten.")
    assert scope_negation("Incidenten worden afgehandeld volgens het protocol, dat buiten deze code staat.")
    assert scope_negation("Waarom staat er niets over screening op de poster?")
    assert scope_negation("Deze verordening bevat geen bepalingen over de registratie van agressie.")
    assert absence("Over reizen naar het buitenland besluit de raad later, als de nieuwe regeling klaar is.")
    assert absence("Bestuurders kunnen zich niet tot deze vertrouwenspersoon wenden.")
    assert absence("Bij besluit van 14 maart 2025 is voorgesteld hier een artikel in te voegen over de omgang.")
    assert report("In 2025 vroeg een motie om ook regels te maken voor oud-politici die komen lobbyen.")
    # the code's own name as subject of a rule stays evidence
    assert not referral("De Gedragscode integriteit Proefstad geldt voor de raadsleden en de commissieleden.")


def test_a_part_that_calls_itself_non_binding_is_explanation_up_to_the_next_part() -> None:
    text = (
        "Gedragscode integriteit Proefstad\n\n"
        "Deel A Gedragsregels\n\n"
        "Artikel 1 Geschenken\n\n"
        "Een raadslid meldt elk geschenk met een waarde boven 50 euro aan de griffier.\n\n"
        "Deel B Handige tips\n\n"
        "Niets van wat hieronder staat is een gedragsregel. De tips helpen bij twijfel.\n\n"
        "Artikel 2 Reizen\n\n"
        "Een raadslid meldt een buitenlandse reis vooraf aan de griffier en declareert de kosten.\n\n"
        "Deel C Slotbepalingen\n\n"
        "Artikel 3 Registers\n\n"
        "De registers worden openbaar gemaakt op de website van de gemeente.\n"
    )
    seg = seg_text(text)
    assert unit_with(seg, "elk geschenk").role == "normatief"
    assert unit_with(seg, "buitenlandse reis").role == "toelichting"
    assert unit_with(seg, "De registers worden").role == "normatief"
    headed = seg_text(text.replace("Deel B Handige tips", "Deel B Wegwijzer (niet bindend)")
                      .replace("Niets van wat hieronder staat is een gedragsregel. ", ""))
    assert unit_with(headed, "buitenlandse reis").role == "toelichting"
    assert unit_with(headed, "elk geschenk").role == "normatief"
    # a rule that says an advice does not bind stays a rule
    rule = seg_text(text.replace("Niets van wat hieronder staat is een gedragsregel. De tips helpen bij twijfel.",
                                 "Het advies van de vertrouwenspersoon is niet bindend."))
    assert unit_with(rule, "buitenlandse reis").role == "normatief"
    # a list that says of its items that they are no rules of the code
    listed = seg_text(
        "Gedragscode Proefstad\n\n1. Geschenken\n\nEen raadslid meldt elk geschenk boven 50 euro aan de griffier.\n\n"
        "Voorstellen die het niet haalden\n\nDe raad heeft twee voorstellen niet overgenomen. Ze staan hier ter "
        "informatie en zijn geen regel van deze code.\n\n- Een raadslid meldt een buitenlandse reis vooraf.\n"
        "- Een raadslid bemoeit zich niet met opdrachten aan familie.\n")
    assert unit_with(listed, "buitenlandse reis").role == "toelichting"
    assert unit_with(listed, "elk geschenk").role == "normatief"


def test_an_amending_besluit_printed_with_the_code_inserts_and_repeals() -> None:
    text = (
        "Gedragscode Proefstad 2019\n\n"
        "Artikel 1 Geschenken\n\nEen raadslid meldt elk geschenk met een waarde boven 50 euro aan de griffier.\n\n"
        "Artikel 2 Buitenlandse reizen\n\nEen reis naar het buitenland wordt vooraf aan het presidium voorgelegd.\n\n"
        "Toelichting\n\nDe code volgt het model.\n\n"
        "Besluit tot wijziging van de Gedragscode Proefstad 2019\n\n"
        "Artikel I\n\nDe Gedragscode Proefstad 2019 wordt als volgt gewijzigd:\n\n"
        "A. Artikel 2 vervalt.\n\n"
        "B. Na artikel 1 wordt een artikel ingevoegd, luidende: Artikel 1a Agressie. Een raadslid dat wordt "
        "bedreigd, meldt dit bij de burgemeester; elk incident wordt geregistreerd.\n\n"
        "Artikel II\n\nDit besluit treedt in werking op de dag na bekendmaking.\n\n"
        "Toelichting\n\nDe raad wil agressie beter registreren. Een raadslid meldt ook een dreigende e-mail.\n"
    )
    seg = seg_text(text)
    assert unit_with(seg, "elk geschenk").role == "normatief"
    assert unit_with(seg, "Een reis naar het buitenland").role == "toelichting"  # repealed
    assert unit_with(seg, "wordt bedreigd").role == "normatief"  # inserted
    assert unit_with(seg, "dreigende e-mail").role != "normatief"  # the besluit's own toelichting
    # without the amending sentence nothing changes
    plain = seg_text(text.replace(" wordt als volgt gewijzigd:", " is vastgesteld."))
    assert unit_with(plain, "Een reis naar het buitenland").role == "normatief"


def test_a_chapter_of_ambitions_around_the_code_is_explanation() -> None:
    seg = seg_text(
        "Nota integriteitsbeleid Proefstad\n\n2. Ambities voor de komende periode\n\n"
        "2.1 Inkoop. Het college werkt in 2027 nieuwe inkoopregels uit en een wethouder is niet betrokken bij "
        "opdrachten aan familie.\n\n"
        "4. Gedragscode raadsleden\n\nArtikel 4.1 Geschenken\n\n"
        "Een raadslid meldt elk geschenk met een waarde boven 50 euro aan de griffier.\n")
    assert unit_with(seg, "nieuwe inkoopregels").role == "toelichting"
    assert unit_with(seg, "elk geschenk").role == "normatief"


def test_an_arrangement_in_preparation_is_no_evidence() -> None:
    assert absence("Een regeling voor het melden van agressie tegen bestuurders wordt afzonderlijk voorbereid.")
    assert absence("Het algemeen bestuur besluit daarover in 2027.")
    assert not absence("Een bestuurder meldt agressie en bedreiging bij de secretaris-directeur.")
    assert not absence("De griffier houdt een register bij van de gemelde geschenken.")


def test_a_division_after_the_closing_article_is_an_annex() -> None:
    text = (
        "Gedragscode Proefstad\n\nDeel A Regels\n\nArtikel 1 Geschenken\n\n"
        "Een raadslid meldt elk geschenk met een waarde boven 50 euro aan de griffier.\n\n"
        "Artikel 2 Inwerkingtreding\n\nDeze code treedt in werking op 1 mei 2026.\n\n"
        "Deel B Wie doet wat\n\nDe griffier ontvangt meldingen van reizen naar het buitenland en declaraties.\n\n"
        "Deel C Toelichting\n\nEen raadslid meldt een reis vooraf; zo doen we dat al jaren.\n"
    )
    seg = seg_text(text)
    assert unit_with(seg, "elk geschenk").role == "normatief"
    assert unit_with(seg, "ontvangt meldingen").role == "bijlage"
    assert unit_with(seg, "zo doen we dat").role == "toelichting"
    # without a closing article the divisions are read as they were
    open_ended = seg_text(text.replace("Artikel 2 Inwerkingtreding\n\nDeze code treedt in werking op 1 mei 2026.\n\n",
                                       ""))
    assert unit_with(open_ended, "ontvangt meldingen").role == "normatief"


def test_an_article_that_is_one_amending_instruction_and_a_lid_replaced() -> None:
    base = ("Gedragscode Proefstad 2019\n\nArtikel 1 Geschenken\n\nEen raadslid meldt elk geschenk boven 50 euro aan "
            "de griffier.\n\nArtikel 2 Slot\n\nDeze code treedt in werking op 1 januari 2020.\n\n"
            "Toelichting\n\nDe code volgt het model.\n\n")
    inserted = seg_text(base + "Besluit tot aanvulling\n\nArtikel I. In de Gedragscode Proefstad worden na artikel 1 "
                        "twee artikelen ingevoegd, luidende:\n\nArtikel 1a Agressie\n\n1. Een raadslid dat wordt "
                        "bedreigd, meldt dit bij de burgemeester.\n\n2. Elk incident wordt geregistreerd.\n\n"
                        "Artikel 1b Vertrouwenspersoon\n\nDe raad wijst een vertrouwenspersoon aan.\n\n"
                        "Artikel II. Dit besluit treedt in werking op 1 januari 2024.\n\n"
                        "Toelichting bij de aanvulling\n\nDe fracties vroegen erom.\n")
    assert unit_with(inserted, "Elk incident wordt geregistreerd").role == "normatief"
    assert unit_with(inserted, "wijst een vertrouwenspersoon aan").role == "normatief"
    assert unit_with(inserted, "De fracties vroegen erom").role != "normatief"
    replaced = seg_text(base + "Besluit tot wijziging\n\nDe gedragscode wordt als volgt gewijzigd:\n\nA. In artikel 1 "
                        "wordt het tweede lid vervangen door: \"2. Een raadslid dat wordt bedreigd, meldt dit bij de "
                        "burgemeester.\"\n\nDit besluit treedt in werking op 1 januari 2024.\n")
    assert unit_with(replaced, "wordt bedreigd").role == "normatief"


def test_a_law_not_repeated_in_this_reglement_and_a_scope_beside_what_it_leaves_out() -> None:
    assert scope_negation("Het verbod dat de Gemeentewet aan raadsleden oplegt, is in dit reglement niet herhaald.")
    seg = seg_text("Reglement van orde Proefstad\n\nArtikel 13 Toepassing\n\n1. De bepalingen van dit hoofdstuk gelden "
                   "voor de leden van de raad.\n\n2. Het verbod dat de Gemeentewet aan raadsleden oplegt, is in dit "
                   "reglement niet herhaald; daarover geeft de griffier inlichtingen.\n")
    assert unit_with(seg, "De bepalingen van dit hoofdstuk").role == "normatief"


def test_declining_a_decision_to_come_and_a_proposed_article_are_no_evidence() -> None:
    assert absence("Het algemeen bestuur ziet af van een verplichte melding of registratie van financiële belangen.")
    assert absence("Gedeputeerde Staten nemen binnen zes maanden een besluit over de wijze waarop de registers "
                   "openbaar worden gemaakt.")
    assert absence("Onderdeel D. Er komt een nieuw artikel 9b over het melden van agressie en bedreiging.")
    assert not absence("Een wethouder is niet betrokken bij het nemen van een besluit over een opdracht aan "
                       "een familielid.")
    assert narrative("Bij de voorbereiding is toen gesproken over een screening van kandidaten.")
    assert not narrative("Het is een raadslid verboden als advocaat op te treden tegen de gemeente.")


def test_a_body_without_the_arrangement_is_no_evidence() -> None:
    assert absence("Lindehaven kent geen meldplicht voor financiële belangen van collegeleden.")
    assert absence("Het waterschap kent geen vertrouwenspersoon voor bestuurders.")
    assert absence("Een register van aandelenbezit wordt niet aangelegd.")
    assert absence("Over oud-Statenleden die lobbyen hebben de Staten bewust niets opgenomen.")
    assert not absence("Dit verbod kent geen uitzonderingen.")


def test_articles_after_a_chapter_of_intentions_stay_provisions() -> None:
    text = ("# Nota Integer bestuur Proefstad\n\n## 3. Voornemens voor 2025–2028\n\n"
            "**3.1** Vertrouwenspersoon. Wij willen in 2026 een vertrouwenspersoon aanwijzen.\n\n"
            "## 4. Gedragscode integriteit raad en college\n\n### Artikel 1 Geschenken\n\n"
            "Een raadslid meldt elk geschenk met een waarde boven 50 euro aan de griffier.\n")
    seg = segment(read_document("nota.md", data=text.encode()))
    assert unit_with(seg, "Wij willen in 2026").role != "normatief"
    assert unit_with(seg, "elk geschenk").role == "normatief"


def test_findings_of_a_report_and_a_besluit_that_changes_the_code_as_follows() -> None:
    report = seg_text("Evaluatie gedragscode Proefstad\n\n2. Bevindingen per onderwerp\n\n2.1 Reizen. De oude code "
                      "bepaalde dat een raadslid een buitenlandse reis vooraf meldt bij de griffier.\n")
    assert unit_with(report, "buitenlandse reis").role != "normatief"
    changed = seg_text("Gedragscode Proefstad\n\nArtikel 1 Reizen\n\nEen raadslid meldt een buitenlandse reis vooraf "
                       "aan de griffier.\n\nArtikel 2 Geschenken\n\nEen raadslid meldt elk geschenk boven 50 euro.\n\n"
                       "Wijzigingsbesluit\n\nDe Gedragscode Proefstad wordt gewijzigd als volgt.\n\nA. Artikel 1 "
                       "vervalt.\n\nDit besluit treedt in werking op 1 januari 2026.\n")
    assert unit_with(changed, "buitenlandse reis").role != "normatief"
    assert unit_with(changed, "elk geschenk").role == "normatief"


def test_an_indirect_question_in_a_referral_and_an_arrangement_worked_out() -> None:
    assert referral("Voor uw vergoedingen, en hoe u die declareert, geldt de rechtspositieregeling voor "
                    "eilandsraadsleden.")
    assert absence("Het presidium werkt een protocol agressie en intimidatie uit.")
    assert not absence("Een raadslid werkt mee aan een onderzoek en geeft alle informatie.")
