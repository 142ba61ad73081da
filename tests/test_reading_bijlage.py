"""A besluit that adopts a code standing in its bijlage: the bijlage is the code, the besluit's own
articles are not provisions, and a bijlage the besluit does not adopt stays a bijlage
(gedragscode.lint.reading.declared.adopted_bijlage, read by .units)."""

from __future__ import annotations

from gedragscode import lint_document
from gedragscode.lint.document import Segmentation, SourceDocument, Unit
from gedragscode.lint.identify import identify
from gedragscode.lint.segment import segment


def seg_text(text: str) -> Segmentation:
    return segment(SourceDocument(name="t.txt", format="text", text=text))


def unit_with(seg: Segmentation, phrase: str) -> Unit:
    unit = seg.unit_at(seg.document.text.index(phrase))
    assert unit is not None, phrase
    return unit


def found(text: str) -> set[str]:
    result = lint_document(SourceDocument(name="t.txt", format="text", text=text))
    return {c.id for c in result.clauses if c.status in ("present", "outdated")}


# Roman besluit articles, signature, then "BIJLAGE: GEDRAGSCODE ..." with Delen and decimal paragraphs.
_ROMAN_DEEL = """\
GEMEENTEBLAD VAN DE GEMEENTE ELSWOUDE

BESLUIT VAN DE RAAD VAN DE GEMEENTE ELSWOUDE

houdende vaststelling van een gedragscode voor de wethouders en de burgemeester

De raad van de gemeente Elswoude,

gelezen het voorstel van burgemeester en wethouders van 3 april 2024;

gelet op artikel 41c, tweede lid, en artikel 69, tweede lid, van de Gemeentewet;

BESLUIT:

Artikel I
De Gedragscode college Elswoude 2015 wordt ingetrokken.

Artikel II
De gedragscode, opgenomen in de bijlage bij dit besluit, wordt vastgesteld.

Artikel III
Dit besluit treedt in werking op de dag na bekendmaking.

Aldus vastgesteld in de openbare raadsvergadering van 18 april 2024.

De griffier,                      De voorzitter,
P. de Wit                         R. van Loon


BIJLAGE: GEDRAGSCODE WETHOUDERS EN BURGEMEESTER ELSWOUDE

Deel 1. Reikwijdte

1.1 Deze gedragscode geldt voor de burgemeester en de wethouders van de gemeente Elswoude.

Deel 2. Nevenfuncties

2.1 De burgemeester en de wethouders vervullen geen nevenfuncties die hun ambt in de weg staan.

2.2 Een wethouder die een nevenfunctie wil aanvaarden, meldt dit vooraf aan de raad. Zijn functies worden openbaar.

Deel 3. Geschenken

3.1 Geschenken die een wethouder of de burgemeester ontvangt en die meer dan 50 euro waard zijn, worden gemeld.

3.2 Geschenken van iemand die een aanvraag bij de gemeente heeft lopen, worden niet aanvaard.

Deel 4. Declaraties

4.1 Kosten die bij de uitoefening van het ambt worden gemaakt, worden gedeclareerd met overlegging van de bonnen.
"""


def test_bijlage_adopted_by_the_besluit_is_the_code() -> None:
    seg = seg_text(_ROMAN_DEEL)
    for phrase in ("1.1 Deze gedragscode geldt", "2.2 Een wethouder", "3.1 Geschenken", "4.1 Kosten"):
        assert unit_with(seg, phrase).role == "normatief", phrase
    assert unit_with(seg, "3.1 Geschenken").number == "3.1"
    # the besluit's own articles (intrekking, vaststelling, inwerkingtreding) are not integrity provisions
    for phrase in ("wordt ingetrokken", "opgenomen in de bijlage", "treedt in werking"):
        assert unit_with(seg, phrase).role != "normatief", phrase
    assert {"reikwijdte", "nevenfuncties", "geschenken", "declaraties"} <= found(_ROMAN_DEEL)


def test_offices_from_the_besluit_title_not_from_the_adopting_organ() -> None:
    # "Besluit van de raad" names who adopts; "houdende vaststelling ... voor de wethouders en de burgemeester"
    # and the scope paragraph name the addressees
    ident = identify(seg_text(_ROMAN_DEEL))
    assert ident.body == "gemeente"
    assert set(ident.offices) == {"wethouder", "burgemeester"}


# Arabic besluit articles; "vast te stellen ... zoals opgenomen in bijlage 1"; "Bijlage 1" with the code's
# title on the next line and Hoofdstuk/Artikel headings; an informative Bijlage 2 with duty-like text.
_ARABIC_HOOFDSTUK = """\
Besluit van de algemene vergadering van het waterschap De Vlieten

Het algemeen bestuur van het waterschap De Vlieten;

gelet op artikel 33, derde lid, van de Waterschapswet;

besluit vast te stellen de Gedragscode integriteit algemeen bestuur De Vlieten 2024, zoals opgenomen in bijlage 1.

Artikel 1
De Gedragscode algemeen bestuur De Vlieten 2016 wordt ingetrokken.

Artikel 2
Dit besluit treedt in werking op 1 juli 2024 en wordt aangehaald als Besluit gedragscode AB De Vlieten 2024.

Vastgesteld in de vergadering van het algemeen bestuur van 12 juni 2024.

Bijlage 1
Gedragscode integriteit algemeen bestuur De Vlieten 2024

Hoofdstuk 1 Algemeen

Artikel 1 Reikwijdte
Deze gedragscode geldt voor de leden van het algemeen bestuur van het waterschap De Vlieten.

Hoofdstuk 2 Belangen

Artikel 2 Nevenfuncties
1. Een lid van het algemeen bestuur meldt zijn nevenfuncties bij de secretaris-directeur.
2. De nevenfuncties worden openbaar gemaakt op de website van het waterschap.

Artikel 3 Geschenken
1. Een lid meldt elk geschenk met een waarde van meer dan 50 euro bij de secretaris-directeur.
2. De geschenken worden geregistreerd en zijn eigendom van het waterschap.

Bijlage 2 Overzicht van relevante wetsartikelen

Artikel 36a Waterschapswet
Een lid van het algemeen bestuur neemt niet deel aan de stemming over een zaak die hem persoonlijk aangaat.
"""


def test_numbered_bijlage_adopted_and_informative_bijlage_left_alone() -> None:
    seg = seg_text(_ARABIC_HOOFDSTUK)
    assert unit_with(seg, "Deze gedragscode geldt voor de leden").role == "normatief"
    assert unit_with(seg, "meldt elk geschenk").role == "normatief"
    assert unit_with(seg, "wordt ingetrokken").role != "normatief"
    assert unit_with(seg, "treedt in werking op 1 juli").role != "normatief"
    # Bijlage 2 is not the adopted one: its statutory excerpts stay bijlage
    assert unit_with(seg, "neemt niet deel aan de stemming").role == "bijlage"
    themes = found(_ARABIC_HOOFDSTUK)
    assert {"nevenfuncties", "geschenken"} <= themes
    assert "stemonthouding" not in themes


# "de bij dit besluit behorende gedragscode"; a bijlage headed "Bijlage bij het besluit van ...".
_BEHORENDE = """\
Besluit van de raad van de gemeente Oudemeer

De raad van de gemeente Oudemeer;

gelet op artikel 15, derde lid, van de Gemeentewet;

besluit:

Artikel 1
Vast te stellen de bij dit besluit behorende gedragscode voor de raadsleden.

Artikel 2
Dit besluit treedt in werking op de dag na bekendmaking.

Bijlage bij het besluit van de raad van 5 februari 2025
Gedragscode raadsleden Oudemeer

1. Reikwijdte
1.1 Deze code geldt voor de leden van de raad van de gemeente Oudemeer.

2. Geschenken en uitnodigingen
2.1 Een raadslid meldt een geschenk met een waarde van meer dan 50 euro bij de griffier, die het registreert.
2.2 Uitnodigingen voor excursies op kosten van derden worden alleen aanvaard als het belang van de gemeente dat vraagt.
"""


def test_behorende_gedragscode_in_bijlage_bij_besluit() -> None:
    seg = seg_text(_BEHORENDE)
    assert unit_with(seg, "2.1 Een raadslid meldt").role == "normatief"
    assert unit_with(seg, "2.2 Uitnodigingen").role == "normatief"
    assert unit_with(seg, "treedt in werking op de dag").role != "normatief"
    assert {"geschenken", "uitnodigingen"} <= found(_BEHORENDE)
    assert set(identify(seg).offices) == {"raadslid"}


# A code in articles with an informative bijlage the besluit never adopts: nothing changes.
_NOT_ADOPTED = """\
Gedragscode integriteit raadsleden Heuvelrade

De raad van de gemeente Heuvelrade;

gelet op artikel 15, derde lid, van de Gemeentewet;

besluit vast te stellen de volgende gedragscode:

Artikel 1 Geschenken
Een raadslid meldt een geschenk met een waarde van meer dan 50 euro bij de griffier.

Artikel 2 Citeertitel
Deze code wordt aangehaald als Gedragscode raadsleden Heuvelrade.

Bijlage: overzicht van relevante wetsartikelen

Artikel 15 Gemeentewet
Een raadslid maakt zijn nevenfuncties openbaar. Hij vervult geen functie die onverenigbaar is met het raadslidmaatschap.
"""


def test_unadopted_bijlage_stays_non_normative() -> None:
    seg = seg_text(_NOT_ADOPTED)
    assert unit_with(seg, "meldt een geschenk").role == "normatief"
    assert unit_with(seg, "maakt zijn nevenfuncties openbaar").role == "bijlage"
    assert "nevenfuncties" not in found(_NOT_ADOPTED)


def test_adopted_bijlage_that_calls_itself_informative_stays_bijlage() -> None:
    text = _ROMAN_DEEL.replace("Deel 1. Reikwijdte\n",
                               "Deze bijlage is uitsluitend informatief.\n\nDeel 1. Reikwijdte\n")
    seg = seg_text(text)
    assert unit_with(seg, "3.1 Geschenken").role == "bijlage"


def test_bijlage_named_by_the_besluit_is_the_code_whatever_verb_adopts_it() -> None:
    # "wordt ingevoerd", "wordt bekrachtigd": the besluit names the code by where it stands
    for verb in ("ingevoerd", "bekrachtigd", "goedgekeurd"):
        text = _ROMAN_DEEL.replace("bij dit besluit, wordt vastgesteld.", f"bij dit besluit, wordt {verb}.")
        seg = seg_text(text)
        assert unit_with(seg, "3.1 Geschenken").role == "normatief", verb


def test_bijlage_of_a_withdrawn_code_is_not_adopted() -> None:
    text = (_ROMAN_DEEL.replace("De gedragscode, opgenomen in de bijlage bij dit besluit, wordt vastgesteld.",
                                "Dit besluit regelt de intrekking.")
            .replace("De Gedragscode college Elswoude 2015 wordt ingetrokken.",
                     "De gedragscode, opgenomen in de bijlage bij het besluit van 2015, wordt ingetrokken."))
    seg = seg_text(text)
    assert unit_with(seg, "3.1 Geschenken").role != "normatief"


def test_a_bijlage_right_after_the_besluit_that_adopts_the_code_by_name_is_the_code() -> None:
    from gedragscode.lint.document import SourceDocument
    from gedragscode.lint.segment import segment

    text = ("Raadsvoorstel Gedragscode raadsleden Proefstad\n\nAanleiding\n\nDe raad werkt sinds 2011 met dezelfde "
            "code. Raadsleden melden hun functies al jaren bij de griffie.\n\nBesluit\n\nDe raad van de gemeente "
            "Proefstad, gelezen het voorstel van het presidium; besluit vast te stellen de Gedragscode raadsleden "
            "Proefstad 2026, zoals gewijzigd bij amendement A-7.\n\nBijlage: Gedragscode raadsleden Proefstad\n\n"
            "Artikel 1. Geschenken\n\nU meldt elk geschenk met een waarde boven 50 euro bij de griffier.\n")
    seg = segment(SourceDocument("t.txt", "text", text))
    unit = seg.unit_at(seg.document.text.index("U meldt elk geschenk"))
    assert unit is not None and unit.role == "normatief"
    plain = segment(SourceDocument("t.txt", "text", text.replace("besluit vast te stellen de Gedragscode raadsleden "
                                                                 "Proefstad 2026, zoals gewijzigd bij amendement A-7.",
                                                                 "neemt kennis van het voorstel.")))
    unit = plain.unit_at(plain.document.text.index("U meldt elk geschenk"))
    assert unit is not None and unit.role == "bijlage"
