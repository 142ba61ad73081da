"""Unverified facts are data: a ``controleer`` marker in the model, a "nog te controleren" list beside
the rendered code, and never a drafting note inside it."""

from __future__ import annotations

import json
import re
from itertools import combinations

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

import gedragscode
from gedragscode.dsl import syntax as s
from gedragscode.dsl.parser import parse
from gedragscode.resolve import resolve_code

MODEL = gedragscode.load_model()
NOTES = re.compile(r"\bcontroleer\b|niet nagegaan|\bgeverifieerd\b|niet bekend|wetten\.overheid", re.I)


def every_code() -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for body in MODEL.bodies:
        ids = [o.id for o in body.offices]
        for size in (1, 2):
            out += [(body.id, combo) for combo in combinations(ids, size)]
        out.append((body.id, tuple(ids)))
    return out


def code(body: str, offices: tuple[str, ...] | list[str], **kw: object) -> gedragscode.Code:
    return gedragscode.make_code(body, list(offices), "Proefstad", year=2026, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- the DSL marker


MARKED = '''
lichaam gemeente "gemeente" {
  term griffier = "de griffier" controleer "Naam van de griffie nagaan."
  ambt raadslid "raadslid" {
    categorie volksvertegenwoordiger
    grondslag "artikel 15, derde lid, van de Gemeentewet" controleer "Lid nagaan."
    term lidwoord = "het" controleer "Lidwoord."
  }
}
clausule x "X" controleer "De clausule als geheel." {
  hoofdstuk algemeen
  wet basis binnen gemeente "artikel 1 van de Gemeentewet" controleer "Artikelnummer nagaan."
  parameter termijn: termijn = 1 week "De termijn." controleer "Termijn nagaan."
  lid "Tekst." controleer "Lid nagaan." {
    onderdeel voor raadslid "een;" controleer "Onderdeel nagaan."
  }
}
'''


def test_marker_parses_on_every_fact_and_formats_back() -> None:
    tree = parse(MARKED, "m.gdc")
    body, clause = tree.items
    assert isinstance(body, s.BodyDecl) and isinstance(clause, s.ClauseDecl)
    assert body.terms[0].check == "Naam van de griffie nagaan."
    assert body.offices[0].basis_check == "Lid nagaan."
    assert body.offices[0].terms[0].check == "Lidwoord."
    kinds = {type(st).__name__: st for st in clause.statements}
    assert kinds["LawSyntax"].check == "Artikelnummer nagaan."  # type: ignore[union-attr]
    assert kinds["ParamSyntax"].check == "Termijn nagaan."  # type: ignore[union-attr]
    lid = kinds["LidSyntax"]
    assert isinstance(lid, s.LidSyntax) and lid.check == "Lid nagaan."
    assert lid.onderdelen is not None and lid.onderdelen[0].check == "Onderdeel nagaan."
    assert clause.check == "De clausule als geheel."
    text = gedragscode.format_source(MARKED)
    assert parse(text) == tree
    assert 'wet basis binnen gemeente "artikel 1 van de Gemeentewet" controleer "Artikelnummer nagaan."' in text
    assert gedragscode.format_source(text) == text


def test_marker_is_resolved_into_the_model() -> None:
    informatie = MODEL.clause("informatie")
    assert informatie is not None
    refs = {(r.name, r.body): r for r in informatie.refs}
    assert refs[("geheimhouding", "provincie")].check
    assert not refs[("geheimhouding", "gemeente")].check  # verified: hoofdstuk VA Gemeentewet
    drempel = MODEL.clause("belangenverklaring")
    assert drempel is not None and (param := drempel.parameter("drempel")) is not None and param.check


# ---------------------------------------------------------------- the list


def test_list_names_where_what_and_why() -> None:
    items = gedragscode.checklist(code("provincie", ("statenlid",)))
    geheim = [i for i in items if "geheimhouding" in i.text]
    assert len(geheim) == 1
    item = geheim[0]
    assert item.kind == "wetsverwijzing" and item.clause_id == "informatie"
    assert re.fullmatch(r"Artikel \d+ Omgang met informatie", item.where)
    assert item.text == "de geheimhoudingsbepalingen van de Provinciewet"
    assert "artikelnummers" in item.note and "nagegaan" in item.note


def test_only_facts_the_code_uses_are_listed() -> None:
    gemeente = {i.text for i in gedragscode.checklist(code("gemeente", ("raadslid",)))}
    assert not any("Provinciewet" in t or "Waterschapswet" in t for t in gemeente)
    assert "de geheimhoudingsbepalingen van de Provinciewet" not in gemeente
    # the VOG article of the Provinciewet only matters in a code for gedeputeerden
    staten = gedragscode.checklist(code("provincie", ("statenlid",)))
    gs = gedragscode.checklist(code("provincie", ("gedeputeerde",)))
    assert not any("verklaring omtrent het gedrag" in i.note for i in staten)
    assert any("verklaring omtrent het gedrag" in i.note for i in gs)


def test_a_local_choice_settles_a_default() -> None:
    before = gedragscode.checklist(code("gemeente", ("raadslid",)))
    assert any(i.text.startswith("oud_ambtsdragers.afkoelperiode") for i in before)
    chosen = {"oud_ambtsdragers.afkoelperiode": "2 jaar"}
    after = gedragscode.checklist(code("gemeente", ("raadslid",), settings=chosen))
    assert not any(i.text.startswith("oud_ambtsdragers.afkoelperiode") for i in after)


def test_marked_term_and_lid_are_listed_only_when_used() -> None:
    text = """
gedragscode "X" {
  lichaam gemeente "Almelo"
  ambten raadslid
  clausule eigen "Eigen" {
    hoofdstuk algemeen
    wet basis binnen gemeente "artikel 1 van de Gemeentewet" controleer "Artikelnummer nagaan."
    wet ongebruikt binnen gemeente "artikel 2 van de Gemeentewet" controleer "Niet gebruikt."
    lid "Op grond van {{ wet.basis }} meldt het raadslid dit." controleer "Lid nagaan."
    lid voor wethouder "Valt weg." controleer "Valt weg."
    toelichting "Een eigen afspraak."
  }
}
"""
    tree = parse(text, "x.gdc")
    decl = next(i for i in tree.items if isinstance(i, s.CodeDecl))
    items = gedragscode.checklist(resolve_code(decl, MODEL))
    notes = {i.note for i in items if i.clause_id == "eigen"}
    assert notes == {"Artikelnummer nagaan.", "Lid nagaan."}


# ---------------------------------------------------------------- never inside the code


@pytest.mark.parametrize(("body", "offices"), every_code())
def test_no_drafting_note_in_any_rendered_code(body: str, offices: tuple[str, ...]) -> None:
    doc = gedragscode.build_document(code(body, offices))
    texts = [*doc.aanhef, *doc.inleiding, *doc.signing, *doc.general_explanation]
    for article in doc.articles():
        for lid in article.leden:
            texts.append(lid.text)
            texts += [o.text for o in lid.onderdelen]
    for explanation in doc.explanations:
        texts += explanation.paragraphs
    found = sorted({m.group(0) for t in texts for m in NOTES.finditer(t)})
    assert not found, f"{body} {offices}: {found}"


# ---------------------------------------------------------------- command line


RAAD = ["--body", "provincie", "--office", "statenlid", "--naam", "Zeeland", "--jaar", "2026"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_render_lists_the_checklist_on_stderr_and_keeps_the_code_clean() -> None:
    status, out, err = run("render", *RAAD)
    assert status == 0
    assert out.startswith("# Gedragscode integriteit Statenleden provincie Zeeland 2026")
    assert "Nog te controleren" not in out and not NOTES.search(out)
    assert err.startswith("Nog te controleren (")
    assert "de geheimhoudingsbepalingen van de Provinciewet" in err


def test_controle_gives_the_list_as_json() -> None:
    status, out, err = run("render", *RAAD, "--controle", "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    expected = gedragscode.checklist(code("provincie", ("statenlid",)))
    assert data["count"] == len(expected) == len(data["items"]) > 0
    assert data["title"] == "Gedragscode integriteit Statenleden provincie Zeeland 2026"
    assert set(data["items"][0]) == {"where", "clause", "kind", "text", "note"}
    assert [i["note"] for i in data["items"]] == [i.note for i in expected]


def test_controle_as_text_and_format_errors() -> None:
    status, out, _ = run("render", *RAAD, "--controle")
    assert status == 0 and out.startswith("Nog te controleren (")
    status, _, err = run("render", *RAAD, "--format", "json")
    assert status == 2 and "--controle" in err
    status, _, err = run("render", *RAAD, "--controle", "--format", "docx")
    assert status == 2 and "json" in err
