"""Body and office detection from title, metadata, aanhef, legal basis and scope article."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from gedragscode import Model, lint_document, load_model
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.identify import identify, offices_in
from gedragscode.lint.segment import segment


def _identify(text: str, metadata: dict[str, str] | None = None, **kw: object) -> tuple[str | None, set[str]]:
    seg = segment(SourceDocument("t.txt", "text", text, metadata or {}))
    ident = identify(seg, **kw)  # type: ignore[arg-type]
    return ident.body, set(ident.offices)


@pytest.mark.parametrize(("text", "body", "offices"), [
    ("Gedragscode integriteit raadsleden gemeente Almelo 2024\n\nDe raad van de gemeente Almelo;\n\n"
     "gelet op artikel 15, derde lid, van de Gemeentewet;\n\nbesluit:\n\nArtikel 1\n\nDeze code geldt voor "
     "de raadsleden.\n", "gemeente", {"raadslid"}),
    ("Gedragscode bestuurlijke integriteit burgemeester en wethouders\n\nGedragscode voor de burgemeester, "
     "wethouders en raadsleden van de gemeente Huisduinen vastgesteld in de raadsvergadering.\n\nInleiding\n\n"
     "Goed bestuur is integer bestuur.\n", "gemeente", {"wethouder", "burgemeester"}),
    ("Besluit van Provinciale Staten van de provincie Drenthe houdende Gedragscode integriteit commissaris "
     "van de Koning en gedeputeerden\n\nProvinciale Staten van Drenthe;\n\ngelet op de artikelen 40c, tweede "
     "lid, en 68, tweede lid, van de Provinciewet;\n", "provincie", {"gedeputeerde", "cdk"}),
    ("Gedragscode Politieke Ambtsdragers provincie Zeeland 2024\n\nProvinciale Staten van Zeeland;\n\n"
     "besluiten:\n", "provincie", {"statenlid", "gedeputeerde", "cdk"}),
    ("Gedragscode Integriteit Gedeputeerde Staten Provincie Limburg 2021\n\nInleiding\n\nGoed bestuur.\n",
     "provincie", {"gedeputeerde", "cdk"}),
    ("Gedragscode integriteit dijkgraaf en hoogheemraden HHSK 2023\n\nDe verenigde vergadering van Schieland;"
     "\n\ngelet op artikel 33 van de Waterschapswet;\n", "waterschap", {"db_lid", "voorzitter"}),
    ("Vaststelling gedragscode integriteit dagelijks bestuur Waterschap Aa\n\nHet algemeen bestuur van "
     "waterschap Aa;\n\ngelet op de artikelen 33, derde lid, en 45 van de Waterschapswet;\n",
     "waterschap", {"db_lid", "voorzitter"}),
    ("Gedragscode integriteit leden Verenigde Vergadering en commissieleden Rijnland 2024\n\n",
     "waterschap", {"ab_lid", "commissielid"}),
    ("Gedragscode integriteit eilandsraadsleden Saba\n\nDe eilandsraad van het openbaar lichaam Saba;\n\n"
     "gelet op artikel 16, derde lid, van de Wet openbare lichamen Bonaire, Sint Eustatius en Saba;\n",
     "openbaar_lichaam", {"eilandsraadslid"}),
    ("Gedragscode integriteit raads(commissie)leden Alphen 2020\n\nDe raad van Alphen;\n", "gemeente",
     {"raadslid", "commissielid"}),
    ("Gedragscode integriteit raads- en commissieleden gemeente Midden 2021\n\n", "gemeente",
     {"raadslid", "commissielid"}),
    ("Gedragscode voor politiek ambtsdragers van de gemeente Hengelo\n\nInleiding\n\nDe code werd herzien.\n",
     "gemeente", {"raadslid", "wethouder", "burgemeester"}),
    ("Gedragscode integriteit collegeleden en burgemeester 2014\n\nDeel I kernbegrippen\n\nDe belangen van "
     "de gemeente zijn het richtsnoer.\n", "gemeente", {"wethouder", "burgemeester"}),
])
def test_title_and_aanhef(text: str, body: str, offices: set[str]) -> None:
    found_body, found_offices = _identify(text)
    assert found_body == body
    assert found_offices == offices


def test_scope_article_when_the_title_names_no_office() -> None:
    text = ("Gedragscode bestuurlijke integriteit gemeente Gilze 2004\n\nArtikel 1\n\n1.1 Deze gedragscode geldt "
            "voor de burgemeester, de wethouders en de raadsleden, alsmede voor de commissieleden die geen "
            "raadslid zijn.\n")
    assert _identify(text) == ("gemeente", {"burgemeester", "wethouder", "raadslid", "commissielid"})


def test_a_clause_that_qualifies_the_addressees_adds_no_office() -> None:
    text = ("Gedragsregels integriteit voor de burgemeester van Proefloo\n\nRegel 1. Deze regels gelden voor de "
            "burgemeester van Proefloo, ook wanneer hij als voorzitter van de raad of van het college optreedt.\n")
    assert _identify(text) == ("gemeente", {"burgemeester"})


def test_a_relative_clause_in_the_enumeration_of_addressees_does_not_end_it() -> None:
    text = ("Gedragscode integriteit Waterschap Proefmonde\n\nArtikel 1 Reikwijdte\n\n1. Deze code geldt voor de leden "
            "van het algemeen bestuur, de commissieleden die geen lid van het algemeen bestuur zijn, de leden van het "
            "dagelijks bestuur en de dijkgraaf.\n")
    assert _identify(text) == ("waterschap", {"ab_lid", "commissielid", "db_lid", "voorzitter"})


def test_legal_basis_when_nothing_else_names_offices() -> None:
    text = ("Gedragscode integriteit 2022\n\nDe raad van de gemeente Epe;\n\ngelet op artikel 41c, tweede lid, "
            "en artikel 69, tweede lid, van de Gemeentewet;\n\nbesluit:\n")
    assert _identify(text) == ("gemeente", {"wethouder", "burgemeester"})


def test_metadata_wins_for_the_body() -> None:
    text = "Gedragscode integriteit 2020\n\nArtikel 1\n\nDeze code geldt voor de leden.\n"
    body, _ = _identify(text, {"organisatietype": "Waterschap"})
    assert body == "waterschap"


def test_plain_text_copy_of_the_metadata_block() -> None:
    text = ("Ziet u een fout in deze regeling?\nZeeland\n\nBesluit houdende de Gedragscode 2024\n\nWetstechnische "
            "informatie\n\nGegevens van de regeling\nOrganisatieZeeland\nOrganisatietypeProvincie\nCiteertitel"
            "Gedragscode Politieke Ambtsdragers 2024\n")
    assert _identify(text) == ("provincie", {"statenlid", "gedeputeerde", "cdk"})


def test_overrides_and_unknown_body() -> None:
    text = "Gedragscode integriteit\n\nArtikel 1\n\nIeder houdt zich aan deze code.\n"
    assert _identify(text) == (None, set())
    assert _identify(text, body="provincie", offices=["statenlid"]) == ("provincie", {"statenlid"})
    seg = segment(SourceDocument("t.txt", "text", text))
    ident = identify(seg)
    assert "lichaam" in ident.detection and "ambten" in ident.detection


def test_place_and_detection_are_recorded() -> None:
    seg = segment(SourceDocument("t.txt", "text", "Gedragscode raadsleden\n\nDe raad van de gemeente Sint-Oedenrode;"
                                 "\n\ngelet op artikel 15, derde lid, van de Gemeentewet;\n"))
    ident = identify(seg)
    assert ident.place == "Sint-Oedenrode"
    assert "Gemeentewet" in ident.detection["lichaam"]


def test_offices_in_handles_general_words_and_negation() -> None:
    assert offices_in("de politieke ambtsdragers", "gemeente") == {"raadslid", "wethouder", "burgemeester"}
    assert offices_in("de bestuurders", "provincie") == {"gedeputeerde", "cdk"}
    assert offices_in("het college van dijkgraaf en heemraden", "waterschap") == {"db_lid", "voorzitter"}
    assert offices_in("commissieleden die geen raadslid zijn", "gemeente") == {"commissielid"}
    assert offices_in("Gedeputeerde Staten", "provincie") == {"gedeputeerde", "cdk"}


def test_legal_basis_is_derived_from_the_grondslag_of_each_office() -> None:
    # artikel 33 is the grondslag of all three waterschap offices; with artikel 45 it is the dagelijks bestuur
    text = ("Gedragscode integriteit 2022\n\nHet algemeen bestuur van waterschap Aa;\n\ngelet op artikel {};\n\n"
            "besluit:\n")
    assert _identify(text.format("33, derde lid, van de Waterschapswet")) == (
        "waterschap", {"ab_lid", "db_lid", "voorzitter"})
    assert _identify(text.format("33, derde lid, en 45 van de Waterschapswet")) == (
        "waterschap", {"db_lid", "voorzitter"})


_EXTRA_BODY = '''
lichaam eilandschap "eilandschap" {
{terms}
  herken: woord(eilandschapswet)
  herken: regex("(?m)^\\\\s*(?:het )?eilandbestuur van [a-z]")

  ambt eilandraadslid "eilandraadslid" {
    meervoud "eilandraadsleden"
    categorie volksvertegenwoordiger
    grondslag "artikel 12, derde lid, van de Eilandschapswet"
    term lidwoord = "het"
    herken: stam(eilandraadsle, eilandraadslid)
    herken algemeen: frase("politieke ambtsdragers")
  }

  ambt dijkvoogd "dijkvoogd" {
    meervoud "dijkvoogden"
    categorie voorzitter
    grondslag "artikel 31, tweede lid, van de Eilandschapswet"
    term lidwoord = "de"
    herken: stam(dijkvoogd)
    herken algemeen: frase("politieke ambtsdragers")
  }
}
'''


def _model_with_extra_body(tmp_path: Path) -> Model:
    """The bundled model files plus one fictional kind of body, written to ``tmp_path``: the words
    the clause templates need are the gemeente's, the recognisers and the law are its own."""
    bundled = resources.files("gedragscode.models")
    for item in bundled.iterdir():
        if item.name.endswith(".gdc"):
            text = item.read_text(encoding="utf-8")
            if item.name == "01_lichamen.gdc":
                gemeente = text[text.index("lichaam gemeente"):text.index("  ambt ")]
                terms = [ln for ln in gemeente.splitlines() if ln.startswith("  term ")
                         and not ln.startswith(("  term naam_vol ", "  term wet_naam "))]
                terms += ['  term naam_vol = "eilandschap {{ naam }}"', '  term wet_naam = "Eilandschapswet"']
                text += _EXTRA_BODY.replace("{terms}", "\n".join(terms))
            (tmp_path / item.name).write_text(text, encoding="utf-8")
    return load_model([tmp_path])


def test_a_new_body_in_the_model_is_identified_without_code_changes(tmp_path: Path) -> None:
    model = _model_with_extra_body(tmp_path)
    assert model.body("eilandschap") is not None
    text = ("Gedragscode integriteit 2025\n\nHet eilandbestuur van Wadden;\n\ngelet op artikel 31, tweede lid, van "
            "de Eilandschapswet;\n\nbesluit:\n\nArtikel 1\n\nIeder houdt zich aan deze code.\n")
    seg = segment(SourceDocument("t.txt", "text", text))
    ident = identify(seg, model=model)
    assert (ident.body, ident.offices) == ("eilandschap", ("dijkvoogd",))
    assert "Eilandschapswet" in ident.detection["lichaam"]
    assert ident.detection["ambten"] == "wettelijke grondslag in de aanhef"
    titled = segment(SourceDocument("t.txt", "text", "Gedragscode eilandraadsleden en dijkvoogd Wadden\n\n"
                                    "Het eilandbestuur van Wadden;\n"))
    assert set(identify(titled, model=model).offices) == {"eilandraadslid", "dijkvoogd"}
    assert offices_in("de politieke ambtsdragers", "eilandschap", model) == {"eilandraadslid", "dijkvoogd"}
    # and the lint engine, given that model, checks the document as one of the new body
    result = lint_document(SourceDocument("t.txt", "text", text), model)
    assert result.body == "eilandschap" and result.offices == ("dijkvoogd",)


@pytest.mark.parametrize(("text", "offices"), [
    # a PDF breaks the title over lines, with blank lines between: the parts are one title again
    ("Gedragscode integriteit Gedeputeerde\n\nStaten en Commissaris van de Koning\n\nZuidmark 2021\n\n"
     "Provinciale Staten van Zuidmark;\n\nbesluiten:\n", {"gedeputeerde", "cdk"}),
    ("Gedragscode integriteit burgemeester en\n\nwethouders gemeente Veldhoek\n\n2019\n\n"
     "De raad van de gemeente Veldhoek;\n", {"burgemeester", "wethouder"}),
    # a heading or an aanhef after the title does not continue it
    ("Gedragscode integriteit wethouders Veldhoek\n\nBurgemeester\n\nDe raad van de gemeente Veldhoek;\n",
     {"wethouder"}),
])
def test_a_title_broken_over_lines_is_read_as_one(text: str, offices: set[str]) -> None:
    assert _identify(text)[1] == offices


def test_the_scope_article_adds_offices_the_title_does_not_name() -> None:
    text = ("Gedragscode integriteit raadsleden gemeente Veldhoek 2020\n\nDe raad van de gemeente Veldhoek;\n\n"
            "besluit:\n\nArtikel 1 Reikwijdte\n\nDeze gedragscode is van toepassing op de raadsleden en op de leden "
            "van raadscommissies die geen lid van de raad zijn.\n\nArtikel 2\n\nEen raadslid meldt zijn "
            "nevenfuncties.\n")
    seg = segment(SourceDocument("t.txt", "text", text))
    ident = identify(seg)
    assert set(ident.offices) == {"raadslid", "commissielid"}
    assert "reikwijdte" in ident.detection["ambten"] and "titel" in ident.detection["ambten"]


@pytest.mark.parametrize("scope", [
    "Deze gedragscode geldt voor de raadsleden en niet voor de wethouders en de burgemeester.",
    "Deze gedragscode geldt voor de raadsleden; voor de wethouders en de burgemeester is er een eigen code.",
    "Deze gedragscode is niet van toepassing op de wethouders.",
    "Deze gedragscode geldt voor alle raadsleden, met uitzondering van de burgemeester als voorzitter.",
    "Deze gedragscode geldt voor de raadsleden en richt zich ook tot het college als bestuursorgaan.",
    "De regels over declaraties in deze code gelden ook voor de wethouders.",
])
def test_the_scope_article_adds_no_office_it_excludes_or_only_addresses(scope: str) -> None:
    text = (f"Gedragscode integriteit raadsleden gemeente Veldhoek 2020\n\nDe raad van de gemeente Veldhoek;\n\n"
            f"besluit:\n\nArtikel 1\n\n{scope}\n")
    assert _identify(text) == ("gemeente", {"raadslid"})


def test_the_scope_article_wins_over_an_introduction_that_names_bodies() -> None:
    # "raad en college" in the inleiding names bodies, not offices; the article names the offices
    text = ("Gedragscode bestuurlijke integriteit gemeente Veldhoek 2005\n\nDe raad van de gemeente Veldhoek;\n\n"
            "Inleiding\n\nDe raad wil een eigen gedragscode vaststellen die geldt voor raad en college samen.\n\n"
            "Artikel 1\n\nDeze gedragscode is van toepassing op de leden van de gemeenteraad, op de wethouders en "
            "op de burgemeester.\n")
    assert _identify(text) == ("gemeente", {"raadslid", "wethouder", "burgemeester"})


def test_the_legal_basis_adds_an_office_only_when_its_article_is_that_office_s_own() -> None:
    provincie = ("Gedragscode integriteit gedeputeerden Zuidmark 2021\n\nProvinciale Staten van Zuidmark;\n\n"
                 "gelet op artikel 40c, tweede lid, en artikel 68, tweede lid, van de Provinciewet;\n\nbesluiten:\n")
    assert _identify(provincie) == ("provincie", {"gedeputeerde", "cdk"})
    # artikel 33 of the Waterschapswet is the grondslag of all three offices: it adds none
    waterschap = ("Gedragscode integriteit leden algemeen bestuur Waterschap Aa 2021\n\nHet algemeen bestuur van "
                  "waterschap Aa;\n\ngelet op artikel 33, derde lid, van de Waterschapswet;\n\nbesluit:\n")
    assert _identify(waterschap) == ("waterschap", {"ab_lid"})


def test_offices_in_reads_longer_exclusions_and_committee_members() -> None:
    assert offices_in("de leden van raadscommissies die geen lid van de raad zijn", "gemeente") == {"commissielid"}
    assert offices_in("de externe leden van de bestuurscommissies", "waterschap") == {"commissielid"}


_VELDHOEK = ("Integriteitscode politieke ambtsdragers Veldhoek 2023\n\nDe raad van de gemeente Veldhoek;\n\n"
             "{gelet}besluit:\n\n")


@pytest.mark.parametrize(("articles", "offices"), [
    # the definition of the general word names the offices; the other addressee counts too
    ("Artikel 1 Begrippen\n\nIn deze code wordt verstaan onder:\n\na. politieke ambtsdrager: een lid van de raad, een "
     "wethouder of de burgemeester;\n\nb. commissielid: een lid van een raadscommissie dat geen lid van de raad is.\n\n"
     "Artikel 2 Reikwijdte\n\nDeze code is van toepassing op de politieke ambtsdragers en op de commissieleden.\n",
     {"raadslid", "wethouder", "burgemeester", "commissielid"}),
    # the code defines its general word narrowly: the definition wins over the general words of the model
    ("Artikel 1\n\n1. Onder ambtsdrager wordt in deze code verstaan: een lid van de raad.\n\n2. Deze code geldt voor "
     "alle ambtsdragers.\n", {"raadslid"}),
    # without a definition, an addressee named by a general word counts beside a specific one
    ("Artikel 1\n\nDeze gedragscode geldt voor de politieke ambtsdragers en de commissieleden.\n",
     {"raadslid", "wethouder", "burgemeester", "commissielid"}),
    # a general word that is not one of the addressees adds nothing
    ("Artikel 1\n\nDeze gedragscode geldt voor de raadsleden in hun contacten met het bestuur en met burgers.\n",
     {"raadslid"}),
    # a definition of a specific word is not read for other offices ("niet zijnde lid van de raad")
    ("Artikel 1\n\n1. commissielid: lid van een raadscommissie, niet zijnde lid van de raad;\n\n2. Deze code geldt "
     "voor de commissieleden.\n", {"commissielid"}),
])
def test_the_scope_article_reads_the_code_s_definitions_and_every_addressee(articles: str, offices: set[str]) -> None:
    assert _identify(_VELDHOEK.format(gelet="") + articles) == ("gemeente", offices)


@pytest.mark.parametrize(("gelet", "offices"), [
    # several article numbers after one "artikelen", each the grondslag of one office
    ("gelet op de artikelen 15, derde lid, 41c, tweede lid, en 69, tweede lid, van de Gemeentewet;\n\n",
     {"raadslid", "wethouder", "burgemeester"}),
    ("gelet op artikel 15 lid 3, 41c lid 2 en 69 lid 2 van de Gemeentewet;\n\n",
     {"raadslid", "wethouder", "burgemeester"}),
    ("gelet op:\na. artikel 15, derde lid, van de Gemeentewet;\nb. art. 69, tweede lid, Gemeentewet;\n\n",
     {"raadslid", "burgemeester"}),
    # the raadsleden's own article adds no other office
    ("gelet op artikel 15, derde lid, van de Gemeentewet;\n\n", {"raadslid"}),
])
def test_the_legal_basis_in_the_aanhef_supplements_the_scope_article(gelet: str, offices: set[str]) -> None:
    text = _VELDHOEK.format(gelet=gelet) + "Artikel 1\n\nDeze code geldt voor de raadsleden.\n"
    assert _identify(text) == ("gemeente", offices)


def test_the_metadata_form_of_the_legal_basis_is_read() -> None:
    text = "Gedragscode integriteit 2022\n\nDe raad van de gemeente Epe;\n\nbesluit:\n"
    meta = {"wettelijke grondslag": "Gemeentewet, art. 41c, tweede lid; Gemeentewet, art. 69, tweede lid"}
    assert _identify(text, meta) == ("gemeente", {"wethouder", "burgemeester"})


def test_scope_and_definitions_are_found_in_a_transcript_with_very_long_lines() -> None:
    # a PDF transcript: aanhef and articles on one line; "gelet op" ends where the aanhef goes on
    line = ("2 Het algemeen bestuur van het Hoogheemraadschap van de Polderwaard, Gelet op het bepaalde in "
            "artikel 33, derde lid, van de Waterschapswet, Besluit vast te stellen de navolgende gedragscode: "
            "Artikel 1 Inleidende bepalingen 1.1 Onder bestuurder wordt in deze code verstaan: een lid van het "
            "algemeen bestuur, een lid van het college van dijkgraaf en hoogheemraden of de dijkgraaf. 1.2 Deze code "
            "is van toepassing op alle bestuurders van het hoogheemraadschap. Artikel 2 Nevenfuncties 2.1 Een "
            "bestuurder meldt zijn nevenfuncties aan de secretaris. "
            + "2.2 Een bestuurder gaat zorgvuldig om met informatie. " * 20)
    text = "Gedragscode bestuurders Hoogheemraadschap van de Polderwaard\n\n" + line + "\n"
    assert _identify(text) == ("waterschap", {"ab_lid", "db_lid", "voorzitter"})


def test_the_adoption_formula_ends_with_its_sentence_in_a_long_line() -> None:
    # "voor de leden van Provinciale Staten." ends the offices, not the end of the (transcript's) line
    text = ("Gedragscode 2010\n\nProvinciale Staten van Zuidmark; Besluit tot vaststelling van een gedragscode "
            "voor de leden van Provinciale Staten. Gelet op het voorstel van Gedeputeerde Staten besluiten zij de "
            "navolgende regeling vast te stellen. "
            + "Zij overwegen dat integriteit de basis is van het vertrouwen. " * 6
            + "\n\nArtikel 1\n\nEen lid meldt zijn nevenfuncties.\n")
    assert _identify(text) == ("provincie", {"statenlid"})


_COMMISSION = ("Gedragscode integriteit raadsleden gemeente Proefstad\n\nDe raad van de gemeente Proefstad;\n\n"
               "gelet op artikel 15, derde lid, van de Gemeentewet;\n\nbesluit:\n\nArtikel 1 Reikwijdte\n\n"
               "1. Deze gedragscode geldt voor de leden van de raad.\n\n2. {s}\n\nArtikel 2 Geschenken\n\n"
               "Een raadslid meldt een geschenk van meer dan € 50 bij de griffier.\n")


@pytest.mark.parametrize(("sentence", "commission"), [
    ("Zij geldt eveneens voor de externe leden van de commissies.", True),
    ("Zij is ook van toepassing op burgerleden.", True),
    ("De code geldt ook voor fractievertegenwoordigers.", True),
    ("Deze code is mede van toepassing op duo-commissieleden.", True),
    ("Hij geldt eveneens voor de leden van raadscommissies die geen raadslid zijn.", True),
    ("De gedragscode geldt tevens voor de niet-raadsleden in de commissies.", True),
    ("Deze regels gelden ook voor commissieleden.", True),
    ("Zij geldt niet voor de burgerleden.", False),
    ("Het college vergadert wekelijks op dinsdag.", False),
])
def test_commission_members_in_the_scope_article(sentence: str, commission: bool) -> None:
    """commissieleden are found as well as the other offices: by the words for them (burgerleden,
    fractievertegenwoordigers, duo-commissieleden, externe leden) and in a later sentence of the scope
    article that refers to the code as "zij"/"hij"."""
    from gedragscode import lint_document
    from gedragscode.lint.document import SourceDocument

    result = lint_document(SourceDocument("x.txt", "text", _COMMISSION.format(s=sentence)))
    assert result.offices == (("raadslid", "commissielid") if commission else ("raadslid",))


def test_the_organ_that_adopted_the_code_in_a_run_on_title_is_no_addressee() -> None:
    text = ("Gedragscode voor de burgemeester van Proefstad Vastgesteld door de gemeenteraad op 20 november 2025\n\n"
            "Inleiding\n\nDeze code zegt wat de raad van de burgemeester verwacht.\n")
    assert _identify(text) == ("gemeente", {"burgemeester"})


def test_the_offices_of_another_code_are_not_the_codes_own() -> None:
    text = ("Gedragscode als bedoeld in artikel 15, derde lid, Gemeentewet. Vastgesteld door de gemeenteraad van "
            "Proefstad op 9 oktober 2025.\n\n"
            "Voor de wethouders en de burgemeester geldt een aparte code. Daarin staat onder meer de screening.\n\n"
            "Deze afspraken gelden voor jou als je lid bent van de gemeenteraad van Proefstad.\n")
    body, offices = _identify(text)
    assert body == "gemeente"
    assert "wethouder" not in offices and "burgemeester" not in offices


def test_a_chapter_that_says_it_is_the_code_names_its_scope_with_a_pronoun() -> None:
    """A reglement van orde whose integrity chapter is the code: "Dit hoofdstuk vormt de gedragscode ...
    Het is van toepassing op de leden en, voor zover hierna niet anders bepaald, op de commissieleden." The
    qualifier between commas does not end the list of addressees."""
    text = ("Reglement van orde voor de vergaderingen van het algemeen bestuur van Waterschap Proefvliet\n\n"
            "Hoofdstuk 1 Vergaderingen\n\nArtikel 1 Oproep\n\nDe voorzitter roept de leden op.\n\n"
            "Hoofdstuk 6 Integriteit\n\nArtikel 30 Reikwijdte\n\n"
            "1. Dit hoofdstuk vormt de gedragscode bedoeld in artikel 33, derde lid, van de Waterschapswet. Het is "
            "van toepassing op de leden en, voor zover hierna niet anders bepaald, op de commissieleden.\n\n"
            "Artikel 31 Nevenfuncties\n\n1. Een lid meldt zijn nevenfuncties bij de secretaris.\n")
    assert _identify(text) == ("waterschap", {"ab_lid", "commissielid"})


def test_a_line_that_only_says_who_adopted_the_code_names_no_addressee() -> None:
    """Blind set 32's rijnsterwold: the line under the title is "Vastgesteld door het algemeen bestuur in zijn
    vergadering van ..."; it names the organ that adopted the code, and the code is for the whole bestuur
    (its definition of bestuurder) and the commissieleden."""
    from gedragscode.lint.readers import read_document

    path = Path(__file__).resolve().parent / "fixtures" / "blind" / "b32" / "rijnsterwold.docx"
    ident = identify(segment(read_document(path)))
    assert ident.body == "waterschap"
    assert set(ident.offices) == {"ab_lid", "commissielid", "db_lid", "voorzitter"}


def test_a_scope_that_only_adds_offices_leaves_the_others_to_the_rest_of_the_code() -> None:
    text = ("Gedragscode integriteit Waterschap Aa 2026\n\nHet algemeen bestuur van waterschap Aa;\n\n"
            "gelet op artikel 33, derde lid, van de Waterschapswet;\n\nbesluit:\n\nArtikel 1\n\n"
            "De code is mede van toepassing op de deskundige commissieleden.\n\nArtikel 2\n\n"
            "Een lid van het algemeen bestuur meldt zijn nevenfuncties. Een lid van het algemeen bestuur meldt "
            "geschenken. De dijkgraaf meldt zijn nevenfuncties. De dijkgraaf meldt geschenken.\n")
    body, offices = _identify(text)
    assert body == "waterschap"
    assert "commissielid" in offices and len(offices) > 1


def test_a_numbered_subsection_of_a_text_before_the_code_is_no_title() -> None:
    text = ("Nota integriteitsbeleid provincie Aa 2026\n\n1. Waarom deze nota\n\nIntegriteit is belangrijk.\n\n"
            "2. Ambities\n\n2.1 Integriteitsscreening van gedeputeerden. Bij de collegevorming doen wij meer.\n\n"
            "4. Gedragscode Statenleden\n\nArtikel 4.1 Reikwijdte\n\n"
            "Deze gedragscode is van toepassing op de leden van Provinciale Staten.\n\n"
            "Artikel 4.2 Geschenken\n\nEen Statenlid meldt elk geschenk boven 50 euro.\n")
    assert _identify(text) == ("provincie", {"statenlid"})


def test_a_scope_that_lists_its_offices_after_a_colon() -> None:
    text = ("Gedragscode integriteit bestuur Waterschap Aa 2026\n\nHet algemeen bestuur van waterschap Aa;\n\n"
            "gelet op artikel 33, derde lid, van de Waterschapswet;\n\noverwegende dat het algemeen bestuur ervoor "
            "kiest één gedragscode vast te stellen voor het hele bestuur en voor het dagelijks bestuur;\n\n"
            "besluit:\n\nArtikel 1 Werkingssfeer\n\n1. Deze gedragscode richt zich tot:\n\n"
            "- de leden van het algemeen bestuur;\n- de leden van het dagelijks bestuur;\n"
            "- de dijkgraaf;\n- de externe leden van de commissies.\n\n"
            "Artikel 2 Geschenken\n\nEen bestuurder meldt elk geschenk boven 50 euro.\n")
    assert _identify(text) == ("waterschap", {"ab_lid", "db_lid", "voorzitter", "commissielid"})
