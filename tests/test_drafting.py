"""Codes a raad can adopt without hand fixes: the drafting check over every body and office subset,
scoping per lid, receivers that never point to the addressee, generated cross-references, local
values described as local, the VOG apart from the risicoanalyse, and one rule in one place."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gedragscode
from gedragscode.dsl import syntax as s
from gedragscode.dsl.parser import parse
from gedragscode.legalrefs import group_legal_refs, law_once
from gedragscode.render import doctree
from gedragscode.render.build import build_document
from gedragscode.render.drafting import _addressees, _phrases, drafting_problems
from gedragscode.resolve import resolve_code

MODEL = gedragscode.load_model()


def subsets() -> list[tuple[str, tuple[str, ...]]]:
    """Every body with every office subset of size 1, 2 and all offices."""
    out = []
    for body in MODEL.bodies:
        ids = [o.id for o in body.offices]
        for size in (1, 2):
            out += [(body.id, combo) for combo in combinations(ids, size)]
        out.append((body.id, tuple(ids)))
    return out


@lru_cache(maxsize=128)
def built(body: str, offices: tuple[str, ...]) -> tuple[gedragscode.Code, doctree.Document]:
    code = gedragscode.make_code(body, list(offices), "Proefstad", year=2026)
    return code, build_document(code)


def code_from(text: str) -> gedragscode.Code:
    tree = parse(text, "<test>")
    decl = next(i for i in tree.items if isinstance(i, s.CodeDecl))
    return resolve_code(decl, MODEL)


# ---------------------------------------------------------------- the drafting check (done-when)


@pytest.mark.parametrize(("body", "offices"), subsets(), ids=[f"{b}-{'+'.join(o)}" for b, o in subsets()])
def test_every_body_and_office_subset_passes_the_drafting_check(body: str, offices: tuple[str, ...]) -> None:
    code, doc = built(body, offices)
    problems = drafting_problems(code, doc)
    assert not problems, "\n".join(problems)


def _lid_property(code: gedragscode.Code, doc: doctree.Document) -> list[str]:
    """Each rendered lid binds offices the model applies it to, and addresses no other office."""
    failures = []
    phrases = _phrases(code)
    for article in doc.articles():
        clause = next(c for c in code.clauses if c.id == article.clause_id)
        for lid in article.leden:
            model_lid = clause.leden[lid.source]
            allowed = {o.id for o in code.offices
                       if clause.applies.matches(code.body.id, o) and model_lid.applies.matches(code.body.id, o)}
            bound = set(lid.offices)
            named = _addressees(" ".join([lid.text, *(o.text for o in lid.onderdelen)]), phrases)
            where = f"{code.body.id} {[o.id for o in code.offices]} artikel {article.number} lid {lid.number}"
            if not bound or not bound <= allowed:
                failures.append(f"{where}: bindt {sorted(bound)}, het model staat {sorted(allowed)} toe")
            if named and not named & allowed:
                failures.append(f"{where}: noemt alleen {sorted(named)}, waarvoor het model het lid niet kent")
            if named - allowed:
                failures.append(f"{where}: richt zich tot {sorted(named - allowed)}, die het model uitsluit")
    return failures


@pytest.mark.parametrize("body", [b.id for b in MODEL.bodies])
def test_every_pair_of_offices_keeps_the_model_applicability_per_lid(body: str) -> None:
    found = MODEL.body(body)
    assert found is not None
    for pair in combinations([o.id for o in found.offices], 2):
        code, doc = built(body, pair)
        assert not _lid_property(code, doc)


@st.composite
def office_sets(draw: st.DrawFn) -> tuple[str, tuple[str, ...]]:
    body = draw(st.sampled_from([b.id for b in MODEL.bodies]))
    found = MODEL.body(body)
    assert found is not None
    ids = [o.id for o in found.offices]
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
    return body, tuple(chosen)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(office_sets())
def test_any_office_set_keeps_the_model_applicability_per_lid(case: tuple[str, tuple[str, ...]]) -> None:
    body, offices = case
    code, doc = built(body, offices)
    assert not _lid_property(code, doc)
    assert not drafting_problems(code, doc)


# ---------------------------------------------------------------- the check finds what it looks for


DEFECTS = '''
gedragscode "X" {{
  lichaam gemeente "Almelo"
  ambten {offices}
  clausule fout "Fout" {{
    hoofdstuk algemeen
    geldt voor alle ambten
    lid voor wethouder, burgemeester "{text}"
    toelichting "Een toelichting."
  }}
}}
'''


@pytest.mark.parametrize(("offices", "text", "problem"), [
    ("raadslid, wethouder, burgemeester", "De ambtsdrager meldt dit aan de raad.", "richt zich tot"),
    ("burgemeester", "De burgemeester meldt dit bij de burgemeester.", "naar zichzelf"),
    ("wethouder, burgemeester", "De ambtsdrager meldt dit aan de burgemeester.", "naar zichzelf"),
    ("wethouder", "Dit staat in het vierde lid.", "geen vierde lid"),
    ("wethouder", "Zie artikel 99.", "artikel 99"),
    ("wethouder", "Het laatste lid geldt ook.", "laatste lid"),
    ("wethouder", "Kort gezegd meldt de wethouder dit.", "informele"),
    ("wethouder", "Controleer het actuele artikelnummer.", "redactionele"),
    ("wethouder", "De wethouder meldt dit aan Provinciale Staten.", "ander lichaam"),
])
def test_the_drafting_check_finds_each_kind_of_defect(offices: str, text: str, problem: str) -> None:
    code = code_from(DEFECTS.format(offices=offices, text=text))
    found = drafting_problems(code)
    assert any(problem in p for p in found), found


def test_the_drafting_check_finds_a_duplicate_sentence() -> None:
    sentence = "Een melding over een geschenk wordt binnen een week in het register opgenomen."
    code = code_from(DEFECTS.format(offices="wethouder", text=sentence).replace(
        '    toelichting "Een toelichting."', f'    lid "{sentence}"\n    toelichting "Een toelichting."'))
    assert any("dezelfde zin" in p for p in drafting_problems(code))


# ---------------------------------------------------------------- scoping in combined codes (defect 1)


def article(doc: doctree.Document, clause_id: str) -> doctree.Article:
    return next(a for a in doc.articles() if a.clause_id == clause_id)


def test_nevenfunctie_intent_binds_only_the_bestuurders_of_a_combined_code() -> None:
    _code, doc = built("gemeente", ("raadslid", "commissielid", "wethouder", "burgemeester"))
    leden = [lid for lid in article(doc, "nevenfuncties").leden if "voornemen" in lid.text]
    assert len(leden) == 1
    assert leden[0].text.startswith("De bestuurder meldt een voornemen tot aanvaarding van een nevenfunctie")
    assert leden[0].offices == ("wethouder", "burgemeester")
    stem = article(doc, "stemonthouding")
    college = next(lid for lid in stem.leden if "college" in lid.text)
    assert college.text.startswith("De bestuurder neemt niet deel") and college.offices == ("wethouder",
                                                                                              "burgemeester")


def test_bes_belangenverklaring_is_not_imposed_on_eilandsraadsleden() -> None:
    _code, doc = built("openbaar_lichaam", ("eilandsraadslid", "eilandgedeputeerde", "gezaghebber"))
    for a in doc.articles():
        for lid in a.leden:
            if "Rijksvertegenwoordiger" in lid.text and "verklaring" in lid.text:
                assert "eilandsraadslid" not in lid.offices
    assert "eilandsraadslid" not in {o for lid in article(doc, "belangenverklaring").leden for o in lid.offices}


def test_twijfel_sends_each_office_to_someone_else_once() -> None:
    _code, doc = built("gemeente", ("raadslid", "commissielid", "wethouder", "burgemeester"))
    leden = [lid for lid in article(doc, "twijfel").leden if "advies aan" in lid.text]
    assert [lid.offices for lid in leden] == [("raadslid", "commissielid", "wethouder"), ("burgemeester",)]
    assert leden[0].text.endswith("dan vraagt het raadslid, het commissielid of de wethouder advies aan de "
                                  "burgemeester of de griffier.")
    assert leden[1].text.endswith("dan vraagt de burgemeester advies aan de griffier of de gemeentesecretaris.")


def test_articles_for_some_offices_are_listed_in_the_reikwijdte_not_in_a_note() -> None:
    _code, doc = built("provincie", ("statenlid", "gedeputeerde", "cdk"))
    assert all(a.scope_note == "" for a in doc.articles())
    reikwijdte = " ".join(lid.text for lid in article(doc, "reikwijdte").leden)
    inkomsten = article(doc, "inkomsten_nevenfuncties").number
    vog = article(doc, "vog").number
    assert re.search(rf"De artikelen [^.]*\b{inkomsten}\b[^.]* gelden alleen voor de gedeputeerden en de "
                     rf"commissaris van de Koning\.", reikwijdte)
    assert re.search(rf"\b{vog}\b[^.]* alleen voor de gedeputeerden\.", reikwijdte)


# ---------------------------------------------------------------- receivers (defect 2)


@pytest.mark.parametrize(("body", "chair"), [("gemeente", "burgemeester"), ("provincie", "cdk"),
                                              ("waterschap", "voorzitter"), ("openbaar_lichaam", "gezaghebber")])
def test_a_chair_only_code_never_sends_the_chair_to_itself(body: str, chair: str) -> None:
    code, doc = built(body, (chair,))
    office = code.offices[0]
    me = f"{office.terms.get('lidwoord', 'de')} {office.name}"
    for a in doc.articles():
        for lid in a.leden:
            text = " ".join([lid.text, *(o.text for o in lid.onderdelen)])
            assert not re.search(rf"\b(?:aan|bij|met) {re.escape(me)}\b", text, re.I), text
    agressie = article(doc, "agressie").leden[0].text
    assert "meldt agressie" in agressie and not agressie.endswith(f"bij {me}.")


def test_a_receiver_that_is_the_addressee_is_a_dutch_error_with_the_way_out() -> None:
    result = CliRunner().invoke(cli, ["render", "--body", "gemeente", "--office", "raadslid,burgemeester", "--naam",
                                      "Almelo", "--set", "agressie.meldpunt=de burgemeester"])
    assert result.exit_code == 2
    assert "agressie.meldpunt is voor de burgemeester 'de burgemeester': dat is de ambtsdrager zelf" in result.stderr
    assert "--set agressie.meldpunt@burgemeester=" in result.stderr
    fixed = CliRunner().invoke(cli, ["render", "--body", "gemeente", "--office", "raadslid,burgemeester", "--naam",
                                     "Almelo", "--set", "agressie.meldpunt=de burgemeester",
                                     "--set", "agressie.meldpunt@burgemeester=de locoburgemeester"])
    assert fixed.exit_code == 0, fixed.stderr
    assert "zo snel mogelijk bij de locoburgemeester." in fixed.stdout
    assert "het raadslid meldt agressie" in fixed.stdout.lower()


def test_zet_voor_one_office_in_a_local_code() -> None:
    code = code_from('''
gedragscode "X" {
  lichaam provincie "Zeeland"
  ambten statenlid, cdk
  zet agressie.meldpunt voor cdk = "de gedeputeerde die de commissaris vervangt"
}
''')
    doc = build_document(code)
    texts = [lid.text for lid in article(doc, "agressie").leden]
    assert any(t.endswith("bij de commissaris van de Koning.") and t.startswith("Het Statenlid") for t in texts)
    assert any(t.endswith("bij de gedeputeerde die de commissaris vervangt.") for t in texts)
    assert "zet agressie.meldpunt voor cdk = " in gedragscode.starter_code(code)


# ---------------------------------------------------------------- references and toelichting (defect 4)


def test_cross_references_follow_the_rendered_numbering() -> None:
    _code, doc = built("gemeente", ("raadslid",))
    verboden = article(doc, "verboden_handelingen")
    assert verboden.leden[1].text == ("Van het verbod, bedoeld in het eerste lid, onderdeel d, kan ontheffing worden "
                                      "verleend door Gedeputeerde Staten.")
    twijfel = article(doc, "twijfel").number
    assert f"op de wijze, bedoeld in artikel {twijfel}." in verboden.leden[2].text
    sociaal = article(doc, "sociale_media")
    assert sociaal.leden[1].text.startswith(f"Artikel {article(doc, 'informatie').number} geldt ook voor berichten")


def test_toelichting_is_built_per_lid_from_the_same_applicability() -> None:
    _code, raad = built("gemeente", ("raadslid",))
    _code, college = built("gemeente", ("wethouder", "burgemeester"))
    explanations = {e.heading.split(" ", 2)[2]: e.paragraphs for e in raad.explanations}
    assert not any("loopt daarop vooruit" in p for p in explanations["Financiële belangen"])
    college_fin = next(e for e in college.explanations if e.heading.endswith("Financiële belangen"))
    number = article(college, "financiele_belangen").leden[-1].number
    ordinal = ("eerste", "tweede", "derde", "vierde", "vijfde")[number - 1]  # type: ignore[operator]
    assert any(p.endswith(f"het {ordinal} lid loopt daarop vooruit.") for p in college_fin.paragraphs)


def test_a_local_value_is_described_as_local() -> None:
    default = gedragscode.make_code("gemeente", ["raadslid"], "Almelo", year=2026)
    local = gedragscode.make_code("gemeente", ["raadslid"], "Almelo", year=2026, settings={"geschenken.grens": "75"})
    same = gedragscode.make_code("gemeente", ["raadslid"], "Almelo", year=2026, settings={"geschenken.grens": "50"})

    def explanation(code: gedragscode.Code) -> str:
        doc = build_document(code)
        return " ".join(next(e for e in doc.explanations if e.heading.endswith("Geschenken en diensten")).paragraphs)

    assert "De grens van € 50 is die van de handreiking." in explanation(default)
    assert "De raad heeft de grens op € 75 gesteld; de handreiking noemt € 50." in explanation(local)
    assert "die van de handreiking" in explanation(same)
    provincie = gedragscode.make_code("provincie", ["statenlid"], "Zeeland", year=2026,
                                      settings={"geschenken.grens": "75"})
    assert "Provinciale Staten hebben de grens op € 75 gesteld" in explanation(provincie)


def test_an_added_clause_without_toelichting_says_it_is_local_and_is_listed() -> None:
    code = code_from('''
gedragscode "X" {
  lichaam gemeente "Almelo"
  ambten raadslid
  clausule fietsen "Dienstfietsen" {
    hoofdstuk voorzieningen
    lid "Het raadslid gebruikt een dienstfiets alleen voor het ambt."
  }
}
''')
    doc = build_document(code)
    explanation = next(e for e in doc.explanations if e.heading.endswith("Dienstfietsen"))
    assert explanation.paragraphs == ("Dit artikel is een aanvulling van de raad op de handreiking.",)
    assert any(i.kind == "toelichting" and i.clause_id == "fietsen" for i in doc.checklist)


def test_unknown_reference_names_are_dsl_errors() -> None:
    errors = gedragscode.check([Path(__file__).parent / "fixtures" / "dsl_errors" / "unknown_reference.gdc"])
    messages = [e.message for e in errors]
    assert any("verwijs.nergens" in m for m in messages)
    assert any("artikel.bestaat_niet" in m for m in messages)


# ---------------------------------------------------------------- one rule, one place (defect 5)


def test_post_office_information_rules_stand_in_one_article() -> None:
    _code, doc = built("gemeente", ("raadslid", "wethouder"))
    informatie = article(doc, "informatie").number
    oud = " ".join(lid.text for lid in article(doc, "oud_ambtsdragers").leden)
    assert "niet-openbare informatie" not in oud and "Geheimhouding" not in oud
    assert f"artikel {informatie} gelden" in oud


def test_check_reports_two_clauses_whose_rules_overlap(tmp_path: Path) -> None:
    fragment = tmp_path / "dubbel.gdc"
    fragment.write_text('''
clausule dubbel_geschenk "Nog een geschenkenregel" {
  hoofdstuk geschenken
  geldt voor alle ambten
  lid "Een geschenk met een waarde van meer dan vijftig euro meldt {{ de_ambtsdrager }} bij {{ lichaam.griffier }}."
  toelichting "Dubbel."
  herken in zin: stam(dubbelregel)
}
''', encoding="utf-8")
    errors = gedragscode.check([fragment])
    assert any("overlapt met clausule 'dubbel_geschenk'" in e.message for e in errors), errors


def test_the_bundled_model_has_no_overlapping_clauses() -> None:
    assert gedragscode.check_model_overlaps(MODEL) == []


# ---------------------------------------------------------------- legal references (defect 6)


@pytest.mark.parametrize(("refs", "text"), [
    (["artikel 15, derde lid, van de Gemeentewet", "artikel 41c, tweede lid, van de Gemeentewet",
      "artikel 69, tweede lid, van de Gemeentewet"],
     "de artikelen 15, derde lid, 41c, tweede lid, en 69, tweede lid, van de Gemeentewet"),
    (["artikel 12 van de Gemeentewet", "artikel 67 van de Gemeentewet", "artikel 41b van de Gemeentewet"],
     "de artikelen 12, 41b en 67 van de Gemeentewet"),
    (["artikel 41b, vierde en vijfde lid, en artikel 44 van de Gemeentewet",
      "artikel 66 en artikel 67, derde en vierde lid, van de Gemeentewet"],
     "de artikelen 41b, vierde en vijfde lid, 44, 66 en 67, derde en vierde lid, van de Gemeentewet"),
    (["artikel 33 van de Waterschapswet", "de artikelen 33 en 45 van de Waterschapswet",
      "artikel 47, derde lid, van de Waterschapswet"], "de artikelen 33, 45 en 47, derde lid, van de Waterschapswet"),
    (["artikel 28 van de Gemeentewet"], "artikel 28 van de Gemeentewet"),
    (["hoofdstuk VA (artikelen 87 tot en met 89) van de Gemeentewet"],
     "hoofdstuk VA (artikelen 87 tot en met 89) van de Gemeentewet"),
])
def test_article_lists_in_aanwijzingen_style(refs: list[str], text: str) -> None:
    assert group_legal_refs(refs) == text


def test_a_shared_law_is_named_once_in_a_spelled_out_list() -> None:
    assert law_once(["artikel 14 van de Gemeentewet", "artikel 41a van de Gemeentewet"]) == [
        "artikel 14", "artikel 41a van de Gemeentewet"]
    assert law_once(["artikel 34 van de Waterschapswet", "de artikelen 34 en 45 van de Waterschapswet",
                     "artikel 50 van de Waterschapswet"]) == [
        "artikel 34", "de artikelen 34 en 45", "artikel 50 van de Waterschapswet"]
    mixed = ["artikel 14 van de Gemeentewet", "artikel 14 van de Provinciewet"]
    assert law_once(mixed) == mixed
    loose = ["artikel 14 van de Gemeentewet", "hoofdstuk VA van de Gemeentewet"]
    assert law_once(loose) == loose


def test_no_sentence_names_the_same_law_twice() -> None:
    laws = ("van de Gemeentewet", "van de Provinciewet", "van de Waterschapswet",
            "van de Wet openbare lichamen Bonaire, Sint Eustatius en Saba")
    for body in MODEL.bodies:
        code = gedragscode.make_code(body.id, [o.id for o in body.offices], "Proefstad", year=2026, model=MODEL)
        for paragraph in gedragscode.render(code, "md").split("\n\n"):
            for sentence in re.split(r"(?<=[.;:])\s+", paragraph):
                assert not any(sentence.count(law) > 1 for law in laws), sentence


def test_waterschap_legal_bases_per_office_and_no_crown_language() -> None:
    _code, db = built("waterschap", ("db_lid", "voorzitter"))
    assert "gelet op de artikelen 33, derde lid, en 45 van de Waterschapswet;" in db.aanhef
    verboden = article(db, "verboden_handelingen").leden[0].text
    assert "de artikelen 33, 45 en 47, derde lid, van de Waterschapswet" in verboden
    assert "in samenhang met artikel 33, van" not in verboden
    staten = gedragscode.render(gedragscode.make_code("provincie", ["statenlid"], "Zeeland", year=2026), "md")
    assert isinstance(staten, str)
    assert "Onze Minister" not in staten
    assert "de Minister van Binnenlandse Zaken en Koninkrijksrelaties" in staten


# ---------------------------------------------------------------- risicoanalyse and VOG (defect 7)


def test_vog_is_statutory_and_the_risicoanalyse_may_be_left_out() -> None:
    code = gedragscode.make_code("gemeente", ["wethouder"], "Almelo", year=2026, omit=["risicoanalyse"])
    assert "risicoanalyse" not in {c.id for c in code.clauses}
    with pytest.raises(gedragscode.ModelError, match="'vog' is wettelijk verplicht"):
        gedragscode.make_code("gemeente", ["wethouder"], "Almelo", year=2026, omit=["vog"])


def test_lint_json_lists_vog_and_risicoanalyse_apart() -> None:
    code = gedragscode.make_code("gemeente", ["wethouder"], "Almelo", year=2026)
    md = gedragscode.render(code, "md")
    assert isinstance(md, str)
    result = gedragscode.lint("-", data=md.encode("utf-8"), format="md")
    by_id = {c.id: c for c in result.clauses}
    assert by_id["vog"].status == "present" and by_id["vog"].level == "wettelijk"
    assert by_id["risicoanalyse"].status == "present" and by_id["risicoanalyse"].level == "aanbevolen"
    only_vog = "\n\n".join(part for part in md.split("\n### ") if not part.startswith("Artikel 24 Risicoanalyse"))
    result = gedragscode.lint("-", data=only_vog.encode("utf-8"), format="md")
    by_id = {c.id: c for c in result.clauses}
    assert by_id["vog"].status == "present" and by_id["risicoanalyse"].status == "missing"
    assert by_id["risicoanalyse"].severity == "waarschuwing"


# ---------------------------------------------------------------- naming of the body and its offices (defect 10)


@pytest.mark.parametrize(("body", "name", "first", "title_end"), [
    ("gemeente", "Almelo", "De raad van de gemeente Almelo;", "gemeente Almelo 2026"),
    ("gemeente", "gemeente Almelo", "De raad van de gemeente Almelo;", "gemeente Almelo 2026"),
    ("gemeente", "Gemeente Almelo", "De raad van de gemeente Almelo;", "gemeente Almelo 2026"),
    ("provincie", "provincie Zeeland", "Provinciale Staten van Zeeland;", "provincie Zeeland 2026"),
    ("waterschap", "Rijn en IJssel", "Het algemeen bestuur van waterschap Rijn en IJssel;",
     "waterschap Rijn en IJssel 2026"),
    ("waterschap", "Waterschap Rijn en IJssel", "Het algemeen bestuur van waterschap Rijn en IJssel;",
     "waterschap Rijn en IJssel 2026"),
    ("waterschap", "Hoogheemraadschap van Rijnland", "Het algemeen bestuur van het Hoogheemraadschap van Rijnland;",
     "Hoogheemraadschap van Rijnland 2026"),
    ("openbaar_lichaam", "Saba", "De eilandsraad van het openbaar lichaam Saba;", "openbaar lichaam Saba 2026"),
])
def test_the_body_is_named_once_and_with_its_kind(body: str, name: str, first: str, title_end: str) -> None:
    found = MODEL.body(body)
    assert found is not None
    code = gedragscode.make_code(body, [found.offices[0].id], name, year=2026)
    doc = build_document(code)
    assert doc.aanhef[0] == first
    assert code.name.endswith(title_end) and doc.title == code.name
    text = gedragscode.render(code, "md")
    assert isinstance(text, str)
    assert not re.search(r"(?i)\b(gemeente|provincie|waterschap) \1\b", text)


DIJKGRAAF = {"term.voorzitter_titel": "dijkgraaf", "term.bestuursnaam": "college van dijkgraaf en hoogheemraden"}


def test_dijkgraaf_and_college_change_every_occurrence() -> None:
    code = gedragscode.make_code("waterschap", ["ab_lid", "db_lid", "voorzitter"], "Hoogheemraadschap van Rijnland",
                                 year=2026, settings=DIJKGRAAF)
    doc = build_document(code)
    assert code.name == ("Gedragscode integriteit leden van het algemeen bestuur, hoogheemraden en dijkgraaf "
                         "Hoogheemraadschap van Rijnland 2026")
    begrippen = [o.text for o in article(doc, "begrippen").leden[0].onderdelen]
    # the members of a college van dijkgraaf en hoogheemraden other than the dijkgraaf are hoogheemraden
    assert begrippen[0] == "ambtsdrager: een lid van het algemeen bestuur, een hoogheemraad of de dijkgraaf;"
    assert "tot hoogheemraad wordt benoemd" in article(doc, "risicoanalyse").leden[0].text
    assert "college van dijkgraaf en hoogheemraden" in article(doc, "stemonthouding").leden[1].text
    assert ["De dijkgraaf,", "(naam)"] in doctree.signing_groups(doc.signing)
    regeling = " ".join([*doc.aanhef, *doc.inleiding, *doc.signing, *(lid.text for a in doc.articles()
                                                                     for lid in a.leden)])
    assert not re.search(r"\bvoorzitter\b|dagelijks bestuur", regeling.replace("plaatsvervangend dijkgraaf", ""))
    assert "dijkgraaf" in article(doc, "nevenfuncties").leden[5].text
    assert not drafting_problems(code, doc)


@pytest.mark.parametrize("offices", [("voorzitter",), ("db_lid",), ("ab_lid", "voorzitter"), ("db_lid", "voorzitter")])
def test_dijkgraaf_codes_pass_the_drafting_check(offices: tuple[str, ...]) -> None:
    code = gedragscode.make_code("waterschap", list(offices), "Rijn en IJssel", year=2026,
                                 settings={"term.voorzitter_titel": "watergraaf"})
    assert not drafting_problems(code)
    assert "watergraaf" in gedragscode.render(code, "md")


def test_a_title_that_is_no_choice_is_refused() -> None:
    with pytest.raises(gedragscode.ModelError, match="geen keuze voor term voorzitter_titel"):
        gedragscode.make_code("waterschap", ["voorzitter"], "Rijn en IJssel", year=2026,
                              settings={"term.voorzitter_titel": "de dijkgraaf"})
