"""Pattern evaluation: tokens, folding, atoms, combinations, scopes and roles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hang import no_hang

from gedragscode.lint.document import LidSegment, Role, Segmentation, Sentence, SourceDocument, Span, Unit
from gedragscode.lint.examples import example_segmentation
from gedragscode.lint.match import DocumentIndex, Matcher, fold, matches_text, tokenize
from gedragscode.lint.segment import segment
from gedragscode.model import AllOf, AnyOf, Lemma, Near, Not, Phrase, Recogniser, Regex, Stem, Word


def test_fold_removes_case_and_diacritics() -> None:
    assert fold("Financiële") == "financiele"
    assert fold("ÉÉN") == "een"
    assert fold("privédoeleinden") == "privedoeleinden"


def test_tokens_keep_offsets() -> None:
    text = "Het raadslid meldt, binnen één week."
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["het", "raadslid", "meldt", "binnen", "een", "week"]
    for t in tokens:
        assert fold(text[t.start:t.end]) == t.norm


@pytest.mark.parametrize(("pattern", "text", "expected"), [
    (Stem(("geschenk",)), "Geschenken worden gemeld.", True),
    (Stem(("geschenk",)), "Relatiegeschenken worden gemeld.", False),
    (Stem(("financiele",)), "zijn financiële belangen", True),
    (Stem(("financiële",)), "zijn financiele belangen", True),
    (Stem(("meld",)), "Het geschenk wordt gemeld.", True),          # participle with ge-
    (Stem(("registr",)), "Het wordt geregistreerd.", True),
    (Stem(("eed",)), "Er is geen geeed.", False),                    # short stems get no ge-
    (Word(("eed",)), "Hij legt de eed af.", True),
    (Word(("eed",)), "Hij legt de eden af.", False),
    (Stem(("nevenfunctie",)), "opgave van (neven)functies", True),   # parenthesised infix joins
    (Stem(("functie",)), "opgave van (neven)functies", True),        # and the part still counts
    (Stem(("oudwethouder",)), "een oud-wethouder", True),
    (Word(("wethouder",)), "een oud-wethouder", True),
    (Phrase(("treedt in werking",)), "Deze regeling treedt in werking op 1 mei.", True),
    (Phrase(("treedt in werking",)), "Deze regeling treedt op 1 mei in werking.", False),
    (Phrase(("in werk*",)), "Deze regeling treedt in werking op 1 mei.", True),
    (Regex(r"niet[- ]openbare?\s+informatie"), "Niet-openbare informatie wordt niet gebruikt.", True),
    (Regex(r"\bgift\b"), "Giften worden gemeld.", False),
    # a stem written as a verb in the third person finds the first person and the inverted je-form
    (Stem(("behandelt",)), "Ik behandel collega's met respect.", True),
    (Stem(("respecteert",)), "Respecteer je de rol van ambtenaren?", True),
    (Stem(("gaat",)), "Ik ga respectvol om met collega's.", True),
    (Stem(("behandelt",)), "De behandeling duurt lang.", False),
    (Stem(("geeft",)), "Het gebouw is van de gemeente.", False),
])
def test_atoms(pattern: Stem | Word | Phrase | Regex, text: str, expected: bool) -> None:
    assert matches_text(pattern, text) is expected


@pytest.mark.parametrize(("lemma", "text", "expected"), [
    ("melden", "Het geschenk wordt gemeld.", True),
    ("melden", "Zij meldde het aan de griffier.", True),
    ("melden", "Meldt het raadslid dit niet, dan ...", True),
    ("onthouden", "Het lid onthoudt zich van stemming.", True),
    ("onthouden", "Zij onthield zich van de beraadslaging.", True),
    ("aannemen", "Het geschenk wordt niet aangenomen.", True),
    ("aannemen", "Hij neemt het geschenk niet aan.", True),          # separable, particle after the verb
    ("aannemen", "Hij neemt geen geschenk.", False),                 # no particle
    ("deelnemen", "Het raadslid neemt niet deel aan de stemming.", True),
    ("deelnemen", "Hij besluit niet deel te nemen aan de stemming.", True),  # particle + te + verb
    ("deelnemen", "Wie deelneemt aan de beraadslaging, ...", True),
    ("meestemmen", "Gaat het over je familie? Dan stem je niet mee.", True),
    ("meestemmen", "Het lid stemt; mee met de rest gaat hij niet.", False),  # particle in another clause
    ("meestemmen", "Hij heeft niet meegestemd.", True),
    ("geschenk", "Geschenken worden gemeld.", True),
    ("cadeau", "Kleine cadeautjes mag je houden.", True),            # plural diminutive
    ("stemmen", "Stemmen is een recht.", True),                      # the word itself always counts
    ("geschenk", "Relatiegeschenken worden gemeld.", False),         # a compound has its own lemma
])
def test_lemmas(lemma: str, text: str, expected: bool) -> None:
    assert matches_text(Lemma((lemma,)), text) is expected


def test_all_any_not_near() -> None:
    gift = Stem(("geschenk", "gift"))
    report = Stem(("meld",))
    oath = Phrase(("ik zweer",))
    assert matches_text(AllOf((gift, report)), "Een gift wordt gemeld.")
    assert not matches_text(AllOf((gift, report)), "Een gift wordt geweigerd.")
    assert matches_text(AnyOf((gift, report)), "Een gift wordt geweigerd.")
    assert not matches_text(AllOf((gift, Not(oath))), "Ik zweer dat ik geen gift heb aangenomen.")
    assert matches_text(AllOf((gift, Not(oath))), "Een gift wordt gemeld.")
    near = Near(3, Word(("onder",)), Word(("verstaan",)))
    assert matches_text(near, "Onder geschenk wordt verstaan: ...")
    assert not matches_text(near, "Onder alle omstandigheden wordt daarmee bedoeld en verstaan ...")


def _doc(parts: list[tuple[Role, str, str, list[list[str]]]]) -> Segmentation:
    """Build a segmentation by hand: (role, label, heading, leden of sentences)."""
    text = ""
    units = []
    for role, label, heading, leden in parts:
        start = len(text)
        text += f"{label} {heading}\n"
        body_start = len(text)
        lid_segments = []
        for n, sentences in enumerate(leden, 1):
            lid_start = len(text)
            sents = []
            for s in sentences:
                a = len(text)
                text += s + " "
                sents.append(Sentence(Span(a, a + len(s)), s))
            lid_segments.append(LidSegment(str(n) if len(leden) > 1 else "", Span(lid_start, len(text) - 1),
                                           tuple(sents)))
            text += "\n"
        units.append(Unit(label, label.split()[-1] if label else "", heading, "", role, Span(start, len(text)),
                          Span(body_start, len(text)), tuple(lid_segments)))
        text += "\n"
    return Segmentation(SourceDocument("t.txt", "text", text), tuple(units))


def test_scopes_and_roles() -> None:
    seg = _doc([
        ("inleiding", "", "Inleiding", [["Wie een geschenk krijgt, meldt dat."]]),
        ("normatief", "Artikel 4", "Geschenken", [["Een geschenk wordt geregistreerd."],
                                                   ["De griffier meldt het aan de raad."]]),
    ])
    matcher = Matcher(seg)
    gift_and_report = AllOf((Stem(("geschenk",)), Stem(("meld",))))
    # only the normative unit counts; in one sentence the words do not co-occur there
    assert matcher.find(Recogniser("zin", gift_and_report)) == []
    assert matcher.find(Recogniser("lid", gift_and_report)) == []
    hits = matcher.find(Recogniser("artikel", gift_and_report))
    assert len(hits) == 1 and hits[0].unit.label == "Artikel 4"
    # the heading is part of the article
    assert matcher.find(Recogniser("artikel", AllOf((Word(("geschenken",)), Stem(("griffier",))))))
    assert len(matcher.find(Recogniser("document", gift_and_report))) == 1
    # the inleiding is searched only when asked for
    intro = Matcher(seg, roles=("inleiding",))
    assert intro.find(Recogniser("zin", gift_and_report))


def test_sentence_hits_give_spans_in_the_document() -> None:
    seg = _doc([("normatief", "Artikel 1", "Reikwijdte", [["Eerst iets anders.", "Deze code geldt voor raadsleden."]])])
    hits = Matcher(seg).find(Recogniser("zin", Phrase(("geldt voor",))))
    assert len(hits) == 1
    text = seg.document.text
    assert text[hits[0].span.start:hits[0].span.end] == "Deze code geldt voor raadsleden."


def test_example_segmentation_is_one_normative_sentence() -> None:
    seg = example_segmentation("Giften worden gemeld.")
    assert [u.role for u in seg.units] == ["normatief"]
    assert Matcher(seg).find(Recogniser("zin", Stem(("gift",))))


def test_large_document_is_fast() -> None:
    article = ("Artikel {n} Geschenken\n\n1. Een raadslid meldt ieder geschenk met een waarde van meer dan € 50 "
               "bij de griffier. De griffier registreert het geschenk in een openbaar register.\n\n2. Het raadslid "
               "gaat zorgvuldig om met vertrouwelijke informatie en neemt niet deel aan de stemming over een zaak "
               "die hem persoonlijk aangaat.\n\n")
    text = "Gedragscode integriteit raadsleden gemeente Proefstad\n\n" + "".join(
        article.format(n=n) for n in range(1, 660))
    assert len(text) > 200_000
    from gedragscode import lint_document, load_model

    model = load_model()
    with no_hang(what="linting 200 KB"):  # a hang guard; lint speed is measured in benchmarks/
        result = lint_document(SourceDocument("groot.txt", "text", text), model)
    assert any(c.id == "geschenken" and c.status != "missing" for c in result.clauses)


def test_lint_tokenises_the_document_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Identification, matching and the outdated checks share one index of the document."""
    from gedragscode import lint_document, load_model
    from gedragscode.lint import match

    text = ("Gedragscode integriteit raadsleden gemeente Proefstad\n\nDe raad van de gemeente Proefstad;\n\n"
            "Artikel 1 Geschenken\n\nEen raadslid meldt een geschenk van meer dan € 50 bij de griffier.\n\n"
            "Artikel 2 Stemming\n\nHet raadslid neemt niet deel aan de beraadslaging en de stemming over een zaak "
            "die hem persoonlijk aangaat.\n")
    built: list[str] = []
    original = match.DocumentIndex.__init__

    def counting(self: match.DocumentIndex, source: str) -> None:
        built.append(source)
        original(self, source)

    monkeypatch.setattr(match.DocumentIndex, "__init__", counting)
    result = lint_document(SourceDocument("x.txt", "text", text), load_model())
    assert built.count(text) == 1
    assert sum(len(b) for b in built) < 2 * len(text)  # the rest are titles and short phrases
    assert {c.id for c in result.clauses if c.status == "present"} >= {"geschenken", "stemonthouding"}


def test_index_reuses_atom_positions() -> None:
    index = DocumentIndex("een gift en nog een gift")
    seg_text = index.text
    assert seg_text.count("gift") == 2
    assert len(tokenize(seg_text)) == 6


def test_real_segmentation_matches() -> None:
    doc = SourceDocument("x.txt", "text", "Gedragscode\n\nArtikel 1\n\nDeze gedragscode geldt voor de raadsleden.\n")
    seg = segment(doc)
    hits = Matcher(seg).find(Recogniser("zin", AllOf((Phrase(("deze gedragscode",)), Phrase(("geldt voor",))))))
    assert hits and hits[0].unit.role == "normatief"


def test_lemma_forms_are_cached_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The forms of a lemma are worked out from simplemma's dictionary once and then read from the
    cache file, so a warm lint never loads the dictionary; a broken file is computed again."""
    from gedragscode.lint import lemmas

    monkeypatch.setenv("GEDRAGSCODE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GEDRAGSCODE_NO_CACHE", raising=False)
    monkeypatch.setattr(lemmas, "_TABLE", {})
    monkeypatch.setattr(lemmas, "_LOADED", False)
    found = lemmas.forms("melden")
    assert {"meldt", "meldde", "gemeld", "meld", "melden"} <= found
    assert "melding" not in found                       # a noun has its own lemma
    files = list(tmp_path.glob("lemmas-nl-*.marshal"))
    assert len(files) == 1
    monkeypatch.setattr(lemmas, "_TABLE", {})
    monkeypatch.setattr(lemmas, "_LOADED", False)

    def no_dictionary() -> None:
        raise AssertionError("the dictionary was loaded although the cache has the lemma")

    monkeypatch.setattr(lemmas, "_inverse", no_dictionary)
    assert lemmas.forms("melden") == found
    files[0].write_bytes(b"{kapot")
    monkeypatch.undo()
    monkeypatch.setenv("GEDRAGSCODE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lemmas, "_TABLE", {})
    monkeypatch.setattr(lemmas, "_LOADED", False)
    assert lemmas.forms("melden") == found


def test_imperatives_come_from_the_dictionary_and_are_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bare stems of the dictionary's verbs are worked out once and kept in the forms cache file."""
    from gedragscode.lint import lemmas

    monkeypatch.setenv("GEDRAGSCODE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GEDRAGSCODE_NO_CACHE", raising=False)
    monkeypatch.setattr(lemmas, "_TABLE", {})
    monkeypatch.setattr(lemmas, "_LOADED", False)
    for verb in ("vertel", "geef", "ga", "neem", "meld", "raadpleeg", "bewaar", "lees"):
        assert lemmas.imperative(verb), verb
    for noun in ("regel", "deel", "besluit", "gebruik", "artikel", "lid", "de"):
        assert not lemmas.imperative(noun), noun
    monkeypatch.setattr(lemmas, "_TABLE", {})
    monkeypatch.setattr(lemmas, "_LOADED", False)

    def no_dictionary() -> None:
        raise AssertionError("the dictionary was loaded although the cache has the stems")

    monkeypatch.setattr(lemmas, "_inverse", no_dictionary)
    assert lemmas.imperative("vertel") and not lemmas.imperative("regel")


def test_a_paragraph_that_raises_a_subject_only_to_decline_a_rule_is_no_evidence() -> None:
    from gedragscode.lint.match import _declines

    def sentences(*texts: str) -> list[Sentence]:
        return [Sentence(Span(0, len(t)), t) for t in texts]

    assert _declines(sentences("Wat vinden we van oud-bestuurders die later voor een bedrijf komen lobbyen?",
                               "We vinden het niet chic als een oud-heemraad kort na zijn vertrek komt lobbyen.",
                               "Toch hebben we daar bewust geen regel van gemaakt."))
    # a rule in the same paragraph keeps it evidence
    assert not _declines(sentences("Een oud-heemraad die namens een bedrijf contact zoekt, wordt gemeld.",
                                   "Voor een afkoelperiode hebben we geen regel gemaakt."))



_CODE_FOR_THE_RAAD = """Gedragscode integriteit voor de leden van de gemeenteraad van Proefdorp

Artikel 1 Nevenfuncties
1. Een raadslid meldt zijn nevenfuncties bij de griffier.
2. De griffier maakt de opgave openbaar op de website.

Artikel 2 Inkomsten
1. Dit artikel geldt alleen voor de wethouders.
2. Zij maken de inkomsten uit hun nevenfuncties jaarlijks voor 1 april openbaar.

Artikel 3 Geschenken
1. Een raadslid meldt elk geschenk bij de griffier.
2. Alleen voor de wethouders:
3. Een wethouder laat zich bij buitenlandse reizen niet betalen door derden en meldt elke reis vooraf.
"""


def _found(text: str, offices: list[str]) -> set[str]:
    from gedragscode.lint.engine import lint

    result = lint("code.txt", data=text.encode(), body="gemeente", offices=offices)
    return {f.id for f in result.clauses if f.status in ("present", "outdated")}


def test_a_marker_confines_its_article_or_lead_in_to_other_offices() -> None:
    from gedragscode import load_model
    from gedragscode.lint.addressees import marked_elsewhere

    gemeente = load_model().body("gemeente")
    assert gemeente is not None
    council = marked_elsewhere(gemeente, ["raadslid"])
    assert council("Dit artikel geldt alleen voor de wethouders.") == "unit"
    assert council("Deze paragraaf is uitsluitend van toepassing op de burgemeester.") == "unit"
    assert council("(Alleen wethouders - vul voor raadsleden n.v.t. in.)") == "lead"
    assert council("Voor de burgemeester geldt bovendien:") == "lead"
    assert council("Alleen voor het college") == "lead"  # a heading
    assert council("Ter informatie \u2014 alleen voor wethouders: die bedreigd worden, melden dat.") == "lead"
    assert council("Dit artikel geldt ook voor de wethouders.") is None  # in addition, not instead
    assert council("Dit artikel geldt alleen voor de raadsleden.") is None  # the code's own office
    assert council("Alleen de burgemeester mag ontheffing verlenen:") is None  # a rule, not a lead-in
    assert council("Dit artikel geldt alleen voor de medewerkers van de griffie.") == "unit"  # staff hold no office
    # a clause after the addressees names none: the council is not among those excepted
    commission = marked_elsewhere(gemeente, ["raadslid", "commissielid"])
    assert commission("Deze regel geldt niet voor commissieleden, omdat de wet alleen raadsleden noemt.") is None
    assert marked_elsewhere(gemeente, ["commissielid"])(
        "Deze regel geldt niet voor commissieleden, omdat de wet alleen raadsleden noemt.") == "unit"


def test_a_heading_for_other_addressees_marks_its_whole_unit() -> None:
    from gedragscode import load_model
    from gedragscode.lint.addressees import marked_elsewhere

    gemeente = load_model().body("gemeente")
    assert gemeente is not None
    council = marked_elsewhere(gemeente, ["raadslid"])
    assert council("HOOFDSTUK 2 GEDRAGSREGELS VOOR MEDEWERKERS", heading=True) == "unit"
    assert council("Nevenwerkzaamheden van medewerkers", heading=True) == "unit"
    assert council("Regels voor de wethouders en de burgemeester", heading=True) == "unit"
    assert council("Regels voor de wethouders en de burgemeester") is None  # as a sentence: no marker
    assert council("Gedragscode voor raadsleden", heading=True) is None  # the code's own office
    assert council("Regels voor contacten met het college", heading=True) is None  # a topic, not addressees
    assert council("Informatie van het college", heading=True) is None
    text = ("Integriteitsregeling Proefstad\n\nHOOFDSTUK 1 GEDRAGSREGELS VOOR MEDEWERKERS\n\n"
            "Artikel 1.1 Declaraties\n\n"
            "Medewerkers declareren hun reiskosten via het systeem. Het gebruik van de telefoon voor privédoeleinden "
            "is beperkt toegestaan en kosten worden alleen gedeclareerd met een bon.\n\n"
            "HOOFDSTUK 2 GEDRAGSCODE VOOR RAADSLEDEN\n\nArtikel 2.1 Geschenken\n\n"
            "Het raadslid meldt elk geschenk met een waarde boven 50 euro aan de griffier.\n")
    found = _found(text, ["raadslid"])
    assert "geschenken" in found and "declaraties" not in found
    assert "declaraties" in _found(text.replace("VOOR MEDEWERKERS", "VOOR RAADSLEDEN"), ["raadslid"])


def test_rules_that_a_marker_confines_to_other_offices_are_no_evidence() -> None:
    for_council = _found(_CODE_FOR_THE_RAAD, ["raadslid"])
    assert {"nevenfuncties", "geschenken"} <= for_council
    assert "inkomsten_nevenfuncties" not in for_council and "buitenlandse_reizen" not in for_council
    for_both = _found(_CODE_FOR_THE_RAAD, ["raadslid", "wethouder"])
    assert {"inkomsten_nevenfuncties", "buitenlandse_reizen"} <= for_both


def test_examples_of_a_sentence_that_is_no_evidence_are_no_evidence() -> None:
    from gedragscode.lint.match import _examples_of_quiet

    def sentences(*texts: str) -> list[Sentence]:
        return [Sentence(Span(0, len(t)), t) for t in texts]

    told = sentences("Een paar onderwerpen staan niet in deze code.", "Denk aan de openbaarmaking van inkomsten.",
                     "Je meldt elke nevenfunctie.", "Denk aan een bestuursfunctie.")
    assert _examples_of_quiet(told, b"\x01\x00\x00\x00") == b"\x01\x01\x00\x00"
    # an example that states a duty stays evidence
    ruled = sentences("Dit staat niet in deze code.", "Denk aan reizen: die meld je vooraf bij de griffier.")
    assert _examples_of_quiet(ruled, b"\x01\x00") == b"\x01\x00"


def test_a_scope_statement_beside_what_the_code_leaves_out_is_evidence() -> None:
    from gedragscode.lint.match import _declines

    def sentences(*texts: str) -> list[Sentence]:
        return [Sentence(Span(0, len(t)), t) for t in texts]

    scope = sentences("Deze gedragscode geldt voor de leden van de gemeenteraad.",
                      "Commissieleden vallen niet onder de code; voor hen heeft de raad geen regels vastgesteld.")
    assert not _declines(scope)
    assert _declines(sentences("Over commissieleden gaat deze code.",
                               "Voor hen heeft de raad geen afzonderlijke regels vastgesteld."))
