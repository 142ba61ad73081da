"""Tests for the structural segmentation (gedragscode.lint.segment)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hang import no_hang
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gedragscode.lint.document import ROLES, Segmentation, SourceDocument, Unit
from gedragscode.lint.readers import read_document
from gedragscode.lint.segment import segment, split_sentences

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "real"
CORPUS_FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []

needs_corpus = pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus/real is not available")


def seg_text(text: str) -> Segmentation:
    return segment(SourceDocument(name="t", format="text", text=text, metadata={}))


def seg_file(path: Path) -> Segmentation:
    return segment(read_document(path))


def corpus(name: str) -> Segmentation:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return seg_file(path)


def check_invariants(seg: Segmentation) -> None:
    """Offsets slice to the stated text; units are ordered, disjoint and cover the text."""
    text = seg.document.text
    previous_end = 0
    for unit in seg.units:
        assert unit.role in ROLES
        assert 0 <= unit.span.start <= unit.span.end <= len(text)
        assert unit.span.start >= previous_end, "units overlap"
        assert text[previous_end : unit.span.start].strip() == "", "non-blank text outside every unit"
        assert unit.span.start <= unit.body_span.start <= unit.body_span.end == unit.span.end
        previous_end = unit.span.end
        for lid in unit.leden:
            assert unit.body_span.start <= lid.span.start <= lid.span.end <= unit.span.end
            for sentence in lid.sentences:
                assert lid.span.start <= sentence.span.start < sentence.span.end <= lid.span.end
                assert text[sentence.span.start : sentence.span.end] == sentence.text
                assert sentence.text == sentence.text.strip()
    assert text[previous_end:].strip() == ""


def units(seg: Segmentation, role: str | None = None) -> list[Unit]:
    return [u for u in seg.units if role is None or u.role == role]


def unit_at_phrase(seg: Segmentation, phrase: str) -> Unit:
    index = seg.document.text.find(phrase)
    assert index >= 0, phrase
    unit = seg.unit_at(index)
    assert unit is not None, phrase
    return unit


def labelled(seg: Segmentation, label: str) -> Unit:
    found = [u for u in seg.units if u.label == label]
    assert found, f"no unit {label!r} in {[u.label for u in seg.units]}"
    return found[0]


# ---------------------------------------------------------------- corpus


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_invariants(path: Path) -> None:
    seg = seg_file(path)
    assert seg.units
    check_invariants(seg)


@needs_corpus
@pytest.mark.corpus
def test_corpus_001_articles_and_leden() -> None:
    seg = corpus("001.txt")
    text = seg.document.text
    for label, start in (("Artikel 1.1", "Deze gedragscode geldt"), ("Artikel 1.2", "Deze gedragscode alsmede")):
        unit = labelled(seg, label)
        assert unit.role == "normatief"
        assert text[unit.span.start : unit.span.end].startswith(label)
        assert text[unit.body_span.start :].startswith(start)
        assert unit.chapter == "Paragraaf 1. Algemene bepalingen"
    art2 = labelled(seg, "Artikel 2.")
    assert art2.role == "normatief"
    assert art2.number == "2"
    assert art2.chapter.startswith("Paragraaf 2.")
    assert [lid.label for lid in art2.leden] == ["1", "2", "3", "4"]
    lid3 = art2.leden[2]
    assert lid3.sentences[0].text == "De informatie bedoeld in het vorige lid betreft in ieder geval:"
    assert [s.text for s in lid3.sentences[1:]] == [
        "de omschrijving van de (neven)functie;",
        "de organisatie voor wie de (neven)functie wordt verricht;",
        "of het al dan niet een (neven)functie betreft uit hoofde van het raadslidmaatschap, en",
        "of de (neven)functie bezoldigd of onbezoldigd is.",
    ]
    assert units(seg)[0].role == "metadata"
    assert unit_at_phrase(seg, "Geldend van 26-08-2016").role == "metadata"
    assert unit_at_phrase(seg, "De raad van de gemeente Sint-Michielsgestel;").role == "aanhef"
    assert unit_at_phrase(seg, "In te trekken de Gedragscode").role == "aanhef"
    assert unit_at_phrase(seg, "Vast te stellen de bijgaande").role == "aanhef"
    assert unit_at_phrase(seg, "Intitulé").role == "titel"
    assert labelled(seg, "Paragraaf 1.").role == "kop"


INTRO_ONLY = ["006", "007", "008", "019", "024", "028", "030", "033", "035", "040", "041",
              "042", "045", "047", "049", "050", "051", "055"]  # fmt: skip


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("name", INTRO_ONLY)
def test_corpus_intro_prose_is_not_normative(name: str) -> None:
    seg = corpus(f"{name}.txt")
    assert not units(seg, "normatief"), [u.display for u in units(seg, "normatief")]
    assert units(seg, "inleiding") or name == "033"


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("name", ["026", "027", "031", "048"])
def test_corpus_intro_declared_part_of_the_code_is_normative(name: str) -> None:
    # "Deze inleiding maakt integraal (onder)deel uit van deze gedragscode": the code says the
    # introduction is part of it, so it is searched like the articles (the recognisers still need
    # the wording of a provision, see the labels of these excerpts: only 048 has one).
    seg = corpus(f"{name}.txt")
    intro = unit_at_phrase(seg, "Deze inleiding maakt integraal")
    assert intro.role == "normatief"
    assert not units(seg, "inleiding")


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("006", "Politieke ambtsdragers die integer handelen"),
        ("007", "Goed bestuur is integer bestuur."),
        ("008", "De volksvertegenwoordiging stelt"),
        ("045", "Goed bestuur is integer bestuur."),
        ("045", "Integriteit is niet alleen een kwestie van regels"),
        ("010", "Het handelen van een bestuurder is transparant"),
        ("024", "Integriteit van het bestuur is een onderwerp"),
        ("029", "Onderhavige gedragscode heeft betrekking"),
        ("030", "In dit voorwoord en de inleiding"),
        ("035", "Een respectvolle omgang is van groot belang."),
        ("040", "De gedragscode integriteit raadsleden werd oktober 2005"),
        ("047", "Deze code wil duidelijkheid geven"),
        ("049", "Op een bestuurder moet men kunnen rekenen."),
        ("050", "Integriteit is niet alleen een kwestie van regels"),
        ("054", "Dit protocol gaat over concrete situaties"),
    ],
)
def test_corpus_intro_phrases(name: str, phrase: str) -> None:
    seg = corpus(f"{name}.txt")
    assert unit_at_phrase(seg, phrase).role == "inleiding"


@needs_corpus
@pytest.mark.corpus
def test_corpus_014_metadata_header() -> None:
    seg = corpus("014.txt")
    header = ("Ziet u een fout", "Wetstechnische informatie", "OrganisatietypeProvincie", "Citeertitel",
              "artikel 40c, tweede lid, van de Provinciewet", "prb-2024-7781", "Tekst van de regeling")  # fmt: skip
    for phrase in header:
        assert unit_at_phrase(seg, phrase).role == "metadata", phrase
    assert unit_at_phrase(seg, "Provinciale staten van Zeeland,").role == "aanhef"
    assert unit_at_phrase(seg, "BESLUITEN:").role == "aanhef"
    assert unit_at_phrase(seg, "in te trekken;").role == "aanhef"
    assert not units(seg, "normatief")


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("001", "gelet op artikel 15, derde lid"),
        ("008", "Gelet op artikel 15, derde lid"),
        ("012", "gelet op artikel 15, derde lid"),
        ("016", "Overwegende dat:"),
        ("016", "de artikelen 40c lid 2 en 68 lid 2"),
        ("019", "gelet op de artikelen 40c"),
        ("019", "besluiten"),
        ("026", "B E S L U I T :"),
        ("027", "gelezen het voorstel van het dagelijks bestuur"),
        ("029", "BESLUIT/BESLUITEN:"),
        ("029", "en dit besluit per direct in werking"),
        ("031", "Besluit vast te stellen de"),
        ("033", "Overwegende dat de Provinciewet"),
        ("035", "Gelezen de voordracht"),
        ("045", "gelet op de bepalingen van de Gemeentewet;"),
        ("048", "overwegende dat het noodzakelijk is"),
        ("055", "b e s l u i t :"),
        ("057", "Vast te stellen het"),
    ],
)
def test_corpus_aanhef(name: str, phrase: str) -> None:
    seg = corpus(f"{name}.txt")
    assert unit_at_phrase(seg, phrase).role == "aanhef"


@needs_corpus
@pytest.mark.corpus
def test_corpus_020_run_on_transcript() -> None:
    seg = corpus("020.txt")
    art1 = labelled(seg, "Artikel 1")
    assert art1.role == "normatief"
    assert art1.heading == "Algemene bepalingen"
    assert [lid.label for lid in art1.leden] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.7"]
    assert art1.leden[5].sentences[0].text == "De code wordt gepubliceerd in het provinciaal blad."
    art2 = labelled(seg, "Artikel 2")
    assert [lid.label for lid in art2.leden] == ["2.1"]
    assert art2.leden[0].sentences[0].text.startswith("Een bestuurder doet tenminste eenmaal per jaar")
    assert unit_at_phrase(seg, "Gelet op artikel 15, derde lid").role == "aanhef"
    assert unit_at_phrase(seg, "Save this PDF").role == "metadata"
    # "onder 1.2," and "artikel 15, derde lid" are references, not headings
    assert not any(u.label in ("1.2", "Artikel 15") for u in seg.units)


@needs_corpus
@pytest.mark.corpus
def test_corpus_010_kernbegrippen_and_sub_articles() -> None:
    seg = corpus("010.txt")
    assert unit_at_phrase(seg, "Dienstbaarheid").role == "inleiding"
    assert unit_at_phrase(seg, "Deze kernbegrippen zijn de toetssteen").role == "inleiding"
    assert labelled(seg, "II").role == "kop"
    art1 = labelled(seg, "Artikel 1")
    assert art1.role == "normatief"
    assert art1.chapter == "II Gedragscode voor bestuurders"
    assert [lid.label for lid in art1.leden] == ["1.1", "1.2", "1.3"]
    assert art1.leden[1].sentences[0].text.startswith("Deze gedragscode geldt voor de burgemeester")


@needs_corpus
@pytest.mark.corpus
def test_corpus_012_and_029_numbering_styles() -> None:
    seg = corpus("012.txt")
    assert [u.label for u in units(seg, "normatief")] == ["Artikel 1.1", "Artikel 1.2", "Artikel 2.1"]
    assert labelled(seg, "Artikel 2.1").chapter == "Hoofdstuk 2. Voorkomen van belangenverstrengeling"
    assert unit_at_phrase(seg, "Eigen onderwerpintegriteit").role == "metadata"
    seg = corpus("029.txt")
    unit = labelled(seg, "1.1")
    assert unit.role == "normatief"
    assert unit.chapter == "1. Algemene bepalingen"
    assert labelled(seg, "1.").role == "kop"
    assert unit_at_phrase(seg, "INLEIDING").role == "inleiding"


@needs_corpus
@pytest.mark.corpus
def test_corpus_protocols() -> None:
    seg = corpus("053.txt")
    assert unit_at_phrase(seg, "Dit protocol is gericht op het handelen van bestuurders").role == "normatief"
    assert unit_at_phrase(seg, "Er is een Permanente Integriteitscommissie").role == "normatief"
    seg = corpus("054.txt")
    assert unit_at_phrase(seg, "Uit het beginsel van 'onpartijdige handhaving'").role == "normatief"
    assert unit_at_phrase(seg, "Permanente link").role == "metadata"
    seg = corpus("057.txt")
    unit = unit_at_phrase(seg, "extern onderzoeker: de onderzoeker")
    assert (unit.role, unit.label, unit.heading) == ("normatief", "1.", "Begripsbepalingen")
    assert unit.chapter == "Hoofdstuk 1. Algemene bepalingen"


# ---------------------------------------------------------------- own fixtures


def test_fixture_articles_layout() -> None:
    seg = seg_file(FIXTURES / "code_artikelen.txt")
    check_invariants(seg)
    roles = [(u.role, u.label) for u in seg.units]
    assert ("normatief", "Artikel 1.1") in roles and ("normatief", "ARTIKEL 3") in roles
    assert unit_at_phrase(seg, "Wie een openbaar ambt vervult").role == "inleiding"
    assert unit_at_phrase(seg, "de Gedragscode raadsleden Zonnedal 2019 in te trekken").role == "aanhef"
    assert labelled(seg, "Hoofdstuk 2").role == "kop"
    art = labelled(seg, "Artikel 2.1")
    assert (art.heading, art.number, art.chapter) == (
        "Nevenfuncties",
        "2.1",
        "Hoofdstuk 2 Nevenfuncties en financiële belangen",
    )
    assert [lid.label for lid in art.leden] == ["1", "2", "3"]
    assert [s.text for s in art.leden[1].sentences] == [
        "De melding vermeldt in ieder geval:",
        "de naam van de organisatie;",
        "of de functie bezoldigd is;",
        "de omvang van de werkzaamheden in uren per maand.",
    ]
    assert [s.text for s in art.leden[2].sentences] == [
        "Een wijziging wordt binnen twee weken gemeld, bijv. een nieuwe functie.",
        "Het bedoelde in lid 1. geldt ook dan.",
    ]
    assert art.leden[0].sentences[0].text.endswith("o.a. functies in besturen van verenigingen.")
    eed = unit_at_phrase(seg, "Ik zweer (verklaar)")
    assert eed.role == "eed"
    assert unit_at_phrase(seg, "Zo waarlijk helpe mij God almachtig").role == "eed"
    assert unit_at_phrase(seg, "Bij de installatie legt een raadslid").role == "normatief"
    art3 = labelled(seg, "ARTIKEL 3")
    assert [s.text for s in art3.leden[0].sentences] == [
        "Geschenken met een waarde van meer dan € 50,00 worden gemeld bij de griffier;",
        "de griffier houdt daarvan een register bij (zie art. 1.2).",
    ]
    onder = unit_at_phrase(seg, "Aldus vastgesteld")
    assert onder.role == "ondertekening"
    assert unit_at_phrase(seg, "B. Jansen") == onder
    assert unit_at_phrase(seg, "Het melden van nevenfuncties maakt").role == "toelichting"
    bijlage = unit_at_phrase(seg, "Naam raadslid:")
    assert (bijlage.role, bijlage.label, bijlage.number, bijlage.heading) == (
        "bijlage",
        "Bijlage 1",
        "1",
        "Formulier melding geschenken",
    )
    # references inside sentences never start an article
    assert [u.label for u in units(seg, "normatief")] == [
        "Artikel 1.1",
        "Artikel 1.2",
        "Artikel 2.1",
        "Artikel 2.2",
        "ARTIKEL 3",
    ]


def test_fixture_markdown_paragraph_signs() -> None:
    seg = seg_file(FIXTURES / "code_paragrafen.md")
    check_invariants(seg)
    assert [u.label for u in units(seg, "kop")] == ["§ 1", "§ 2"]
    assert [u.label for u in units(seg, "normatief")] == ["Art. 1", "Art. 2", "Art. 3", "Art. 4"]
    assert [lid.label for lid in labelled(seg, "Art. 1").leden] == ["1", "2"]
    assert [lid.label for lid in labelled(seg, "Art. 2").leden] == ["1", "2"]
    assert labelled(seg, "Art. 3").chapter == "§ 2 Geschenken en uitnodigingen"
    assert unit_at_phrase(seg, "gelet op artikel 33").role == "aanhef"


def test_fixture_numbered_with_toc() -> None:
    seg = seg_file(FIXTURES / "code_genummerd.txt")
    check_invariants(seg)
    toc = unit_at_phrase(seg, "Belangenverstrengeling ........ 3")
    assert toc.role == "inhoudsopgave"
    assert [u.label for u in units(seg, "kop")] == ["1.", "2.", "3."]
    normative = units(seg, "normatief")
    assert [(u.label, u.heading) for u in normative] == [
        ("1.1", ""),
        ("1.2", ""),
        ("2.1", "Financiële belangen"),
        ("2.2", "Stemonthouding"),
        ("3.1", ""),
    ]
    assert normative[0].leden[0].sentences[0].text.startswith("De gedragscode geldt voor statenleden")
    assert "conform artikel 28 van de Provinciewet" in normative[3].leden[0].sentences[0].text


def test_fixture_without_numbering_becomes_paragraph_units() -> None:
    seg = seg_file(FIXTURES / "code_ongenummerd.txt")
    check_invariants(seg)
    assert units(seg)[0].role == "titel"
    normative = units(seg, "normatief")
    assert len(normative) == 3
    assert normative[1].leden[0].sentences[1].text.startswith("De eilandgriffier publiceert")


def test_other_formats_segment_like_text() -> None:
    for name, labels in (
        ("code_cvdr.html", ["Artikel 1", "Artikel 2"]),
        ("code_cvdr.xml", ["Artikel 1.1", "Artikel 1.2"]),
        ("code_stop.xml", ["Artikel 1.1"]),
    ):
        seg = seg_file(FIXTURES / name)
        check_invariants(seg)
        assert [u.label for u in units(seg, "normatief")] == labels, name


# ---------------------------------------------------------------- headings vs references


def test_reference_lines_are_not_headings() -> None:
    text = (
        "Artikel 4 Melding\n\n"
        "1. Een raadslid meldt het geschenk.\n\n"
        "artikel 15, derde lid, van de Gemeentewet is van toepassing.\n\n"
        "Artikel 3 is van overeenkomstige toepassing op uitnodigingen.\n\n"
        "2. De griffier registreert de melding, gelet op artikel 41c van de Gemeentewet."
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert [u.label for u in seg.units] == ["Artikel 4"]
    assert [lid.label for lid in seg.units[0].leden] == ["1", "2"]


def test_heading_variants() -> None:
    text = (
        "Hoofdstuk I Algemeen\n\nArt. 4 Geschenken\n\nTekst vier.\n\nARTIKEL 5\n\nTekst vijf.\n\n"
        "Artikel 6. Uitnodigingen\n\nTekst zes.\n\nArtikel 7 – Reizen\n\n(1) Eerste lid.\n\n(2) Tweede lid."
    )
    seg = seg_text(text)
    check_invariants(seg)
    got = [(u.role, u.label, u.number, u.heading) for u in seg.units]
    assert got == [
        ("kop", "Hoofdstuk I", "I", "Algemeen"),
        ("normatief", "Art. 4", "4", "Geschenken"),
        ("normatief", "ARTIKEL 5", "5", ""),
        ("normatief", "Artikel 6.", "6", "Uitnodigingen"),
        ("normatief", "Artikel 7", "7", "Reizen"),
    ]
    assert [lid.label for lid in seg.units[-1].leden] == ["1", "2"]


def test_run_in_numbered_articles_and_bare_lid_numbers() -> None:
    text = (
        "Gedragscode\n\n"
        "1.1 De code geldt voor alle raadsleden.\n\n"
        "1.2 Nevenfuncties\n\n"
        "1\n\nEen raadslid meldt zijn functies.\n\n"
        "2\n\nDe griffier publiceert ze."
    )
    seg = seg_text(text)
    check_invariants(seg)
    normative = units(seg, "normatief")
    assert [(u.label, u.heading) for u in normative] == [("1.1", ""), ("1.2", "Nevenfuncties")]
    assert normative[0].leden[0].sentences[0].text == "De code geldt voor alle raadsleden."
    assert [lid.label for lid in normative[1].leden] == ["1", "2"]
    assert normative[1].leden[1].sentences[0].text == "De griffier publiceert ze."


def test_table_of_contents_without_heading_and_toelichting_articles() -> None:
    text = (
        "Artikel 1 Begrippen ........ 2\nArtikel 2 Geschenken ........ 3\nArtikel 3 Reizen ........ 4\n\n"
        "Artikel 1 Begrippen\n\nIn deze code wordt verstaan onder raadslid: een lid van de raad.\n\n"
        "Artikelsgewijze toelichting\n\nArtikel 1\n\nDe begrippen volgen de Gemeentewet."
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert seg.units[0].role == "inhoudsopgave"
    assert [u.label for u in units(seg, "normatief")] == ["Artikel 1"]
    assert unit_at_phrase(seg, "De begrippen volgen").role == "toelichting"


def test_inline_toelichting_per_article_ends_at_the_next_article() -> None:
    text = (
        "Gedragscode voor de leden van de raad van Zandhoven\n\n"
        "Artikel 1 Reikwijdte\n\n1. Deze code geldt voor de leden van de raad.\n\n"
        "Toelichting op artikel 1\n\nDe code geldt ook voor fractievolgers; zij zijn geen lid.\n\n"
        "Artikel 2 Nevenfuncties\n\n1. Een lid meldt zijn nevenfuncties bij de griffier.\n\n"
        "Toelichting bij artikel 2\n\nOok onbetaalde functies tellen mee.\n\n"
        "Artikel 3 Geschenken\n\nEen lid meldt geschenken met een waarde boven 50 euro.\n\n"
        "Toelichting artikel 3\n\nDe waarde is een schatting.\n\n"
        "§ 2 Slot\n\n"
        "Artikel 4 Slotbepaling\n\nDeze code treedt in werking op 1 januari."
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert [u.label for u in units(seg, "normatief")] == ["Artikel 1", "Artikel 2", "Artikel 3", "Artikel 4"]
    for phrase in ("fractievolgers", "onbetaalde functies", "een schatting"):
        assert unit_at_phrase(seg, phrase).role == "toelichting"
    assert unit_at_phrase(seg, "meldt zijn nevenfuncties").role == "normatief"
    assert unit_at_phrase(seg, "treedt in werking").role == "normatief"
    assert unit_at_phrase(seg, "§ 2 Slot").role == "kop"


def test_toelichting_at_the_end_repeating_article_numbers_stays_toelichting() -> None:
    text = (
        "Artikel 1 Reikwijdte\n\nDeze code geldt voor de leden van de raad.\n\n"
        "Artikel 2 Geschenken\n\nEen lid meldt geschenken bij de griffier.\n\n"
        "Toelichting\n\nAlgemeen\n\nDeze code volgt de handreiking.\n\n"
        "Artikel 1 Reikwijdte\n\nFractievolgers vallen er ook onder.\n\n"
        "Artikel 2 Geschenken\n\nEen bos bloemen hoeft niet gemeld.\n\n"
        "Artikel 3 Inwerkingtreding\n\nDe code geldt vanaf de installatie van de raad."
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert [u.label for u in units(seg, "normatief")] == ["Artikel 1", "Artikel 2"]
    for phrase in ("Fractievolgers vallen", "bos bloemen", "vanaf de installatie"):
        assert unit_at_phrase(seg, phrase).role == "toelichting"


def test_toelichting_on_an_article_with_paragraph_numbering_and_chapters() -> None:
    # Provincial code: "§" chapters, a toelichting on article 8, then § 5 and article 9 continue the code.
    text = (
        "§ 4 Geschenken\n\nArtikel 8 Giften\n\n1. Een Statenlid aanvaardt geen giften.\n\n"
        "Toelichting op artikel 8\n\nOnder giften vallen niet de gebruikelijke attenties.\n\n"
        "§ 5 Reizen\n\nArtikel 9 Werkbezoeken\n\n1. Werkbezoeken in het buitenland worden vooraf gemeld.\n\n"
        "Artikel 10 Slotbepaling\n\nDeze code treedt in werking op 1 juli."
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert [u.label for u in units(seg, "normatief")] == ["Artikel 8", "Artikel 9", "Artikel 10"]
    assert unit_at_phrase(seg, "gebruikelijke attenties").role == "toelichting"
    assert unit_at_phrase(seg, "§ 5 Reizen").role == "kop"
    assert labelled(seg, "Artikel 9").chapter == "§ 5 Reizen"


def test_empty_and_whitespace_documents() -> None:
    assert seg_text("").units == ()
    assert seg_text("\n\n   \n").units == ()
    seg = seg_text("Artikel 1")
    check_invariants(seg)
    assert [(u.role, u.label) for u in seg.units] == [("kop", "Artikel 1")]


# ---------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zie art. 3 van de code. Het lid meldt.", ["Zie art. 3 van de code.", "Het lid meldt."]),
        (
            "Dit geldt o.a. voor reizen, bijv. naar Parijs. Daarna volgt i.v.m. de kosten een melding.",
            ["Dit geldt o.a. voor reizen, bijv. naar Parijs.", "Daarna volgt i.v.m. de kosten een melding."],
        ),
        ("Meld dit z.s.m. bij de griffier (nr. 12). Klaar.", ["Meld dit z.s.m. bij de griffier (nr. 12).", "Klaar."]),
        ("Een bedrag van € 1.000,50 of € 50,00. Meer niet.", ["Een bedrag van € 1.000,50 of € 50,00.", "Meer niet."]),
        (
            "Zoals bedoeld in artikel 2.1 geldt dit. Ook lid 3.",
            ["Zoals bedoeld in artikel 2.1 geldt dit.", "Ook lid 3."],
        ),
        ("Eerste punt; tweede punt; derde punt.", ["Eerste punt;", "tweede punt;", "derde punt."]),
        ("a. de naam;\nb. het adres.", ["de naam;", "het adres."]),
        ("De heer J. de Vries tekent. Wat nu? Niets!", ["De heer J. de Vries tekent.", "Wat nu?", "Niets!"]),
        ("Hij zegt: “Ik meld het.” Daarna gaat hij.", ["Hij zegt: “Ik meld het.”", "Daarna gaat hij."]),
        ("De code,\nverdeeld over regels, loopt door.", ["De code,\nverdeeld over regels, loopt door."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    got = split_sentences(text, 0, len(text))
    assert [s.text for s in got] == expected
    for s in got:
        assert text[s.span.start : s.span.end] == s.text


# ---------------------------------------------------------------- properties and speed

_WORDS = st.sampled_from(
    ["Artikel", "artikel", "Art.", "ARTIKEL", "Hoofdstuk", "§", "Paragraaf", "Deel", "lid", "Lid", "1.", "2", "1.1",
     "2.3.", "(1)", "a.", "b)", "•", "-", "Inleiding", "Toelichting", "Bijlage", "Inhoudsopgave", "besluit:",
     "De raad van de gemeente X;", "gelet op", "Ik zweer", "Zo waarlijk helpe mij God almachtig!", "de griffier,",
     "Aldus vastgesteld", "raadslid", "meldt", "geschenken", "o.a.", "€ 50,00", ";", ".", ":", ",", "II", "A.",
     "Geldend van", "Intitulé", "Gegevens van de regeling", "Tekst van de regeling", "\n", "\n\n", "  ", "|", "“", "”"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=80))
def test_segment_never_raises_and_offsets_are_exact(parts: list[str]) -> None:
    text = " ".join(parts)
    seg = seg_text(text)
    check_invariants(seg)
    if "\f" not in text:  # a paged text is read without its page furniture (see test_reading_pages)
        assert seg.document.text == text
    for _unit, _lid, sentence in seg.sentences():
        assert seg.document.text[sentence.span.start : sentence.span.end] == sentence.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=600))
def test_segment_on_arbitrary_text(text: str) -> None:
    check_invariants(seg_text(text))


def test_segmentation_of_200_kb_finishes() -> None:
    """A hang guard, not a speed test: segmenting speed is measured in benchmarks/bench_perf.py."""
    base = (FIXTURES / "code_artikelen.txt").read_text(encoding="utf-8")
    body = base[base.index("Hoofdstuk 1") : base.index("Aldus vastgesteld")]
    parts = [base[: base.index("Hoofdstuk 1")]]
    n = 0
    while sum(map(len, parts)) < 200_000:
        n += 1
        parts.append(re.sub(r"(Artikel|Hoofdstuk) (\d+)", rf"\g<1> {n}\g<2>", body))
    text = "".join(parts)
    doc = SourceDocument(name="groot", format="text", text=text, metadata={})
    with no_hang(what=f"segmenting {len(text)} characters"):
        seg = segment(doc)
    assert len(units(seg, "normatief")) > 500
    long_line = " ".join(["Artikel 3 Geschenken 3.1 Een raadslid meldt een geschenk."] * 3000)
    with no_hang(what="segmenting one line of 170 KB"):
        check_invariants(seg_text(long_line))


def test_intro_that_is_not_declared_part_stays_intro() -> None:
    seg = seg_text(
        "Gedragscode raad Proefstad\n\nInleiding\n\nDeze inleiding hoort niet bij de regels; zij legt uit waarom "
        "de raad een code heeft.\n\nArtikel 1 Reikwijdte\n\nDeze code geldt voor de leden van de raad.\n"
    )
    assert unit_at_phrase(seg, "Deze inleiding hoort").role == "inleiding"
    assert labelled(seg, "Artikel 1").role == "normatief"


UNNUMBERED_WITH_INLEIDING = """Gedragscode integriteit Statenleden Proefland

Provinciale Staten van Proefland;

gelet op artikel 15, derde lid, van de Provinciewet;

besluiten vast te stellen:

Inleiding

Statenleden dienen het algemeen belang. Wie een geschenk aanneemt of een reis laat betalen,
kan het vertrouwen schaden; deze code helpt daarbij.

Wie valt onder deze code

De code geldt voor de leden van Provinciale Staten.

Nevenfuncties

Een Statenlid doet opgave van zijn nevenfuncties aan de statengriffier, die ze openbaar maakt.

Stemmen

Een Statenlid neemt niet deel aan de beraadslaging en stemming over een zaak die hem persoonlijk aangaat.
"""


def test_unnumbered_code_rules_after_inleiding_are_normative() -> None:
    seg = seg_text(UNNUMBERED_WITH_INLEIDING)
    assert unit_at_phrase(seg, "Statenleden dienen het algemeen belang").role == "inleiding"
    assert unit_at_phrase(seg, "De code geldt voor de leden").role == "normatief"
    assert unit_at_phrase(seg, "Een Statenlid doet opgave").role == "normatief"
    assert unit_at_phrase(seg, "Een Statenlid neemt niet deel").role == "normatief"


def test_unnumbered_intro_with_explanatory_subheadings_stays_intro() -> None:
    text = UNNUMBERED_WITH_INLEIDING.split("Wie valt onder")[0] + (
        "Waarom een code\n\nHet vertrouwen van inwoners is niet vanzelfsprekend en kan snel verloren gaan.\n\n"
        "Hoe de code tot stand kwam\n\nDe code is in overleg met alle fracties opgesteld en besproken in het "
        "presidium.\n"
    )
    seg = seg_text(text)
    assert not units(seg, "normatief"), [u.display for u in units(seg, "normatief")]


def test_rule_headings_without_artikel() -> None:
    """"Regel 1 (voor wie)", "Gedragsregel 2", "Bepaling 3: ..." head provisions like "Artikel N"; the
    prose before the first of them is introduction, a lower-case "regel 2" or a sentence is a reference."""
    text = (
        "Gedragsregels integriteit Proefdorp\n\n"
        "Voorwoord\n\n"
        "De raad wil een paar duidelijke afspraken maken die iedereen kent.\n\n"
        "Regel 1 (voor wie)\n\n"
        "Deze gedragsregels gelden voor de leden van de raad en de wethouders.\n\n"
        "Regel 2 is daarbij het belangrijkste.\n\n"
        "GEDRAGSREGEL 2\n\n"
        "Een raadslid stemt niet mee over een zaak die hem persoonlijk aangaat.\n\n"
        "regel 3 van het reglement van orde blijft van toepassing.\n\n"
        "Bepaling 3: Een wethouder declareert alleen kosten die hij voor de gemeente heeft gemaakt.\n\n"
        "Gedragsregel 4 Geschenken\n\n"
        "1. Een raadslid meldt geschenken bij de griffier.\n\n"
        "2. De griffier houdt een register bij.\n"
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert unit_at_phrase(seg, "De raad wil een paar").role == "inleiding"
    normative = units(seg, "normatief")
    assert [(u.label, u.number, u.heading) for u in normative] == [
        ("Regel 1", "1", "(voor wie)"),
        ("GEDRAGSREGEL 2", "2", ""),
        ("Bepaling 3", "3", ""),
        ("Gedragsregel 4", "4", "Geschenken"),
    ]
    assert unit_at_phrase(seg, "Regel 2 is daarbij").label == "Regel 1"
    assert unit_at_phrase(seg, "regel 3 van het reglement").label == "GEDRAGSREGEL 2"
    assert normative[2].leden[0].sentences[0].text.startswith("Een wethouder declareert")
    assert [lid.label for lid in normative[3].leden] == ["1", "2"]


# ---------------------------------------------------------------- explanatory sections and Q&A blocks

AANHEF = (
    "Het algemeen bestuur van het waterschap Proefland;\n\ngelet op artikel 44 van de Waterschapswet;\n\n"
    "besluit:\n\n"
)


def test_uitleg_section_after_unnumbered_rules_is_explanatory() -> None:
    text = (
        "Gedragsregels algemeen bestuur Proefland\n\n" + AANHEF + "Inleiding\n\nDit zijn onze afspraken.\n\n"
        "Geschenken\n\n"
        "• Een lid meldt elk geschenk van meer dan vijftig euro bij de secretaris.\n\n"
        "• Geschenken worden eigendom van het schap.\n\n"
        "Geheimhouding\n\n"
        "• Een lid houdt geheim wat in een besloten zitting is besproken.\n\n"
        "Uitleg bij deze regels\n\n"
        "Waarom geen regel over reizen?\n\n"
        "De vergadering heeft erover gesproken, maar vond een regel over reizen niet nodig.\n\n"
        "Waarom geen vertrouwenspersoon?\n\n"
        "Daar is nog geen besluit over; tot die tijd helpt de secretaris.\n\n"
        "Slotbepaling\n\n"
        "Deze regels gelden vanaf de dag na bekendmaking.\n"
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert unit_at_phrase(seg, "Een lid meldt elk geschenk").role == "normatief"
    assert unit_at_phrase(seg, "Uitleg bij deze regels").role == "toelichting"
    assert unit_at_phrase(seg, "De vergadering heeft erover gesproken").role == "toelichting"
    assert unit_at_phrase(seg, "tot die tijd helpt de secretaris").role == "toelichting"
    # the explanation ends where the closing provisions begin
    assert unit_at_phrase(seg, "Deze regels gelden vanaf").role == "normatief"


@pytest.mark.parametrize(
    "heading", ["Vragen en antwoorden", "Veelgestelde vragen", "Q&A", "Hoe werkt deze code?", "Toelichting: vragen"]
)
def test_explanatory_headings_before_articles(heading: str) -> None:
    text = (
        f"Gedragscode bestuursleden Proefland\n\n{heading}\n\n"
        "Wie een nevenfunctie heeft, meldt die bij de secretaris; dat staat in de wet en wordt hier uitgelegd.\n\n"
        "Artikel 1 Nevenfuncties\n\n"
        "Een bestuurslid meldt zijn nevenfuncties bij de secretaris.\n"
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert unit_at_phrase(seg, "dat staat in de wet").role in ("toelichting", "inleiding")
    assert unit_at_phrase(seg, "dat staat in de wet").role != "normatief"
    assert unit_at_phrase(seg, "Een bestuurslid meldt zijn").role == "normatief"


def test_qa_chapter_between_articles_ends_at_the_next_article() -> None:
    text = (
        "Artikel 1 Geschenken\n\nEen raadslid meldt een geschenk bij de griffier.\n\n"
        "Hoofdstuk 2 Veelgestelde vragen\n\n"
        "Mag ik een bos bloemen houden?\n\nJa, een kleine attentie mag u houden.\n\n"
        "Artikel 2 Geheimhouding\n\nEen raadslid bewaart de geheimhouding over besloten stukken.\n"
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert unit_at_phrase(seg, "Veelgestelde vragen").role == "toelichting"
    assert unit_at_phrase(seg, "een kleine attentie").role == "toelichting"
    assert labelled(seg, "Artikel 2").role == "normatief"


def test_block_of_questions_and_answers_without_heading_is_explanatory() -> None:
    text = (
        "Gedragscode raadsleden Proefstad\n\n"
        "Artikel 1 Geschenken\n\nEen raadslid meldt een geschenk van meer dan € 50 bij de griffier.\n\n"
        "Artikel 2 Slot\n\nDeze code treedt in werking op 1 januari.\n\n"
        "Aldus vastgesteld in de openbare vergadering van 3 maart.\n\n"
        "Moet ik een etentje met een leverancier melden?\n\n"
        "Het is verstandig een uitnodiging van een leverancier af te slaan en te melden.\n\n"
        "Mag ik stukken met mijn fractie delen?\n\n"
        "Gebruik vertrouwelijke stukken nooit buiten de raad.\n"
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert unit_at_phrase(seg, "Het is verstandig een uitnodiging").role == "toelichting"
    assert unit_at_phrase(seg, "Gebruik vertrouwelijke stukken").role == "toelichting"
    assert labelled(seg, "Artikel 1").role == "normatief"


def test_qa_block_in_unnumbered_text_then_rules() -> None:
    text = (
        "Omgangsregels leden van het algemeen bestuur\n\n" + AANHEF + "Waarom deze regels?\n\n"
        "Het bestuur wil dat inwoners weten waar zij aan toe zijn.\n\n"
        "Voor wie gelden ze?\n\n"
        "Voor alle leden van het algemeen bestuur en de commissies.\n\n"
        "Gedragsregels\n\n"
        "• Een lid meldt zijn nevenfuncties binnen een week bij de secretaris.\n\n"
        "• Een lid neemt niet deel aan de stemming over een zaak die hem persoonlijk aangaat.\n"
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert unit_at_phrase(seg, "Voor alle leden van het algemeen bestuur").role == "toelichting"
    assert unit_at_phrase(seg, "Een lid meldt zijn nevenfuncties").role == "normatief"
    assert unit_at_phrase(seg, "Een lid neemt niet deel").role == "normatief"


def test_one_question_title_is_not_a_qa_block() -> None:
    text = (
        "Gedragsregels bestuursleden Proefland\n\n" + AANHEF
        + "Geschenken\n\nEen raadslid meldt een geschenk van meer dan € 50 bij de griffier.\n\n"
        "Wat is een nevenfunctie?\n\nEen raadslid meldt elke functie naast het raadslidmaatschap bij de griffier.\n\n"
        "Geheimhouding\n\nEen raadslid houdt geheim wat in een besloten vergadering is besproken.\n"
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert unit_at_phrase(seg, "Een raadslid meldt elke functie").role == "normatief"
    assert unit_at_phrase(seg, "Een raadslid houdt geheim").role == "normatief"


# ---------------------------------------------------------------- adoption sentence, notes in articles


def test_unnumbered_rules_right_after_the_adoption_sentence_are_normative() -> None:
    text = (
        "Afkondigingsblad van Saba\n\n"
        "Omgangsregels eilandsraad Saba\n\n"
        "De eilandsraad van het openbaar lichaam Saba,\n\n"
        "gelet op artikel 16 van de Wet openbare lichamen Bonaire, Sint Eustatius en Saba;\n\n"
        "besluit:\n\n"
        "vast te stellen de navolgende omgangsregels:\n\n"
        "* Ieder lid meldt zijn betaalde en onbetaalde bijbanen bij de eilandgriffier.\n"
        "* Ieder lid stemt niet mee over een zaak die zijn eigen gezin raakt.\n\n"
        "Aldus vastgesteld in de openbare vergadering van 3 maart 2023.\n"
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert unit_at_phrase(seg, "Afkondigingsblad van Saba").role == "metadata"
    assert unit_at_phrase(seg, "Omgangsregels eilandsraad Saba").role == "titel"
    assert unit_at_phrase(seg, "besluit:").role == "aanhef"
    assert unit_at_phrase(seg, "vast te stellen de navolgende").role == "aanhef"
    assert unit_at_phrase(seg, "Ieder lid meldt zijn betaalde").role == "normatief"
    assert unit_at_phrase(seg, "Ieder lid stemt niet mee").role == "normatief"


def test_numbered_besluit_points_after_the_adoption_sentence_stay_aanhef() -> None:
    text = (
        "De raad van de gemeente Proefland;\n\n"
        "gelet op artikel 15, derde lid, van de Gemeentewet;\n\n"
        "besluit:\n\n"
        "1. vast te stellen de hierna volgende gedragscode:\n"
        "2. in te trekken de gedragscode uit 2012.\n\n"
        "Gedragscode raadsleden Proefland\n\n"
        "Artikel 1\n\nEen raadslid meldt zijn nevenfuncties bij de griffier.\n"
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert unit_at_phrase(seg, "in te trekken de gedragscode uit 2012").role == "aanhef"
    assert unit_at_phrase(seg, "Een raadslid meldt zijn nevenfuncties").role == "normatief"


def test_a_note_inside_an_article_is_explanatory_but_the_leden_stay_normative() -> None:
    text = (
        "Gedragscode bestuurders Proefland\n\n"
        "Artikel 2 Bijbanen\n\n"
        "1. De wethouder meldt iedere bijbaan vooraf aan de raad.\n\n"
        "Opmerking: de wet regelt al dat inkomsten uit bijbanen jaarlijks openbaar worden gemaakt; "
        "dat staat hier daarom niet.\n\n"
        "2. De griffier houdt een lijst van de gemelde bijbanen bij.\n"
        "3. Een bijbaan die het ambt schaadt, wordt niet aanvaard. Noot: dit volgt de handreiking.\n\n"
        "Artikel 3 Geschenken\n\n"
        "De wethouder meldt elk geschenk bij de griffier.\n"
    )
    seg = seg_text(text)
    check_invariants(seg)
    assert unit_at_phrase(seg, "De wethouder meldt iedere bijbaan").role == "normatief"
    assert unit_at_phrase(seg, "de wet regelt al dat inkomsten").role == "toelichting"
    assert unit_at_phrase(seg, "dat staat hier daarom niet").role == "toelichting"
    lid2 = unit_at_phrase(seg, "De griffier houdt een lijst")
    assert lid2.role == "normatief"
    assert lid2.label == "Artikel 2"
    assert unit_at_phrase(seg, "Een bijbaan die het ambt schaadt").role == "normatief"
    assert unit_at_phrase(seg, "dit volgt de handreiking").role == "toelichting"
    assert unit_at_phrase(seg, "De wethouder meldt elk geschenk").role == "normatief"
    normative = " ".join(s.text for u in units(seg, "normatief") for lid in u.leden for s in lid.sentences)
    assert "Opmerking" not in normative and "Noot" not in normative


# ---------------------------------------------------------------- question headings, numbered paragraphs


def test_numbered_question_headings_head_provisions() -> None:
    """A plain-language code whose sections are numbered questions: each section is a provision."""
    seg = seg_text(
        "Gedragscode raad Proefstad\n\nInleiding\n\nWaarom deze code? Inwoners moeten op ons kunnen rekenen.\n\n"
        "1. Ik heb naast de politiek ander werk. Wat moet ik doen?\n\nJe meldt al je nevenfuncties bij de griffie. "
        "De griffie zet ze op de website.\n\n"
        "2. Wat doe ik met een cadeau?\n\nJe meldt elk cadeau bij de griffie. Is het meer dan 50 euro waard? Dan "
        "neem je het niet aan.\n\n"
        "3. Wanneer stem ik niet mee?\n\nGaat een besluit over jezelf of je familie? Dan neem je niet deel aan de "
        "stemming.\n"
    )
    check_invariants(seg)
    normative = units(seg, "normatief")
    assert [(u.number, u.heading) for u in normative] == [
        ("1", "Ik heb naast de politiek ander werk. Wat moet ik doen?"),
        ("2", "Wat doe ik met een cadeau?"),
        ("3", "Wanneer stem ik niet mee?"),
    ]
    assert "toelichting" not in {u.role for u in seg.units}


def test_numbered_paragraphs_after_an_introduction_are_provisions() -> None:
    """No headings at all after the introduction: the numbered paragraphs are the provisions, one unit each."""
    seg = seg_text(
        "Gedragscode raad Proefstad\n\nInleiding\n\nDeze code beschrijft hoe de raad integer werkt.\n\n"
        "1. In deze code wordt verstaan onder raadslid: een lid van de raad.\n\n"
        "2. Deze code geldt voor de raadsleden.\n\n"
        "3. Een raadslid meldt zijn nevenfuncties bij de griffier.\n\n"
        "4. Een raadslid neemt geen geschenken aan met een waarde boven 50 euro.\n"
    )
    check_invariants(seg)
    assert [u.number for u in units(seg, "normatief")] == ["1", "2", "3", "4"]
    assert [u.role for u in seg.units if u.heading == "Inleiding"] == ["inleiding"]


def test_numbered_points_in_an_introduction_stay_introduction() -> None:
    seg = seg_text(
        "Gedragscode raad Proefstad\n\nInleiding\n\nDe code rust op drie gedachten:\n\n"
        "1. Integriteit is een gedeelde zorg van de hele raad.\n\n2. Openheid helpt het vertrouwen.\n\n"
        "3. Twijfel bespreek je vroeg.\n\nArtikel 1 Reikwijdte\n\nDeze code geldt voor de raadsleden.\n"
    )
    check_invariants(seg)
    assert [u.label for u in units(seg, "normatief")] == ["Artikel 1"]
