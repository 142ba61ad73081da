"""The wijzigingsbesluit: planning on the existing code's own numbering, the besluit's wording, goldens.

Golden files live in ``tests/fixtures/wijzig``; regenerate with
``GEDRAGSCODE_UPDATE_GOLDEN=1 python -m pytest tests/test_wijzig.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import pytest

import gedragscode
from gedragscode.amend.besluit import onderdelen
from gedragscode.amend.consolidate import Edit, consolidate
from gedragscode.amend.dutch import lid_phrase, onderdeel_letter, ordinal, roman
from gedragscode.amend.plan import AmendmentOptions, AmendmentPlan, plan_amendment_document
from gedragscode.amend.structure import UnrecognisedStructureError
from gedragscode.errors import DocumentError, ModelError
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.readers import read_document
from gedragscode.lint.segment import segment
from gedragscode.model import Model

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WIJZIG = FIXTURES / "wijzig"
UPDATE = os.environ.get("GEDRAGSCODE_UPDATE_GOLDEN") == "1"


@lru_cache(maxsize=1)
def _model() -> Model:
    return gedragscode.load_model()


def _plan(text: str, **options: object) -> AmendmentPlan:
    doc = SourceDocument("code.txt", "text", text)
    return plan_amendment_document(doc, model=_model(), options=AmendmentOptions(**options))  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _zuidervaart() -> AmendmentPlan:
    return plan_amendment_document(read_document(WIJZIG / "zuidervaart_2012.txt"), model=_model())


# ---------------------------------------------------------------- Dutch drafting


def test_dutch_drafting_words() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 10, 12)] == ["eerste", "tweede", "derde", "tiende", "twaalfde"]
    assert lid_phrase("3") == "derde lid"
    assert lid_phrase("1.2") == "lid 1.2"
    assert [onderdeel_letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "BB"]
    assert [roman(n) for n in (1, 2, 4, 9, 14)] == ["I", "II", "IV", "IX", "XIV"]


# ---------------------------------------------------------------- consolidation


def test_consolidate_applies_edits_and_keeps_the_rest() -> None:
    text = "Artikel 1\n\nBinnen een maand melden.\n\nArtikel 2\n\nRest."
    start = text.index("een maand")
    result = consolidate(text, [Edit(start, start + len("een maand"), "één week"),
                                Edit(len(text), len(text), "\n\nArtikel 2a\n\nNieuw.")])
    assert result.text == "Artikel 1\n\nBinnen één week melden.\n\nArtikel 2\n\nRest.\n\nArtikel 2a\n\nNieuw."
    assert "".join(p.text for p in result.pieces if p.kind != "del") == result.text
    assert "".join(p.text for p in result.pieces if p.kind != "ins") == text
    changes = [(p.kind, p.text) for p in result.pieces if p.kind != "same"]
    assert changes == [("del", "een maand"), ("ins", "één week"), ("ins", "\n\nArtikel 2a\n\nNieuw.")]


def test_consolidate_refuses_overlapping_edits() -> None:
    with pytest.raises(ValueError):
        consolidate("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


# ---------------------------------------------------------------- reading the structure


def test_an_inserted_article_does_not_end_the_code_after_an_inline_toelichting() -> None:
    # "Artikel 4" continues the numbering after an inserted "Artikel 3a", also after a toelichting
    text = ("Gedragscode\n\nArtikel 3 Nevenfuncties\n\nEen raadslid meldt zijn nevenfuncties.\n\n"
            "Artikel 3a Financiële belangen\n\nEen raadslid meldt zijn aandelen.\n\n"
            "Toelichting op artikel 3\n\nHet overzicht geeft inzicht.\n\n"
            "Artikel 4 Geschenken\n\nEen raadslid meldt geschenken bij de griffier.")
    units = segment(SourceDocument("x", "text", text)).units
    roles = {u.number: u.role for u in units if u.number}
    assert roles == {"3": "normatief", "3a": "normatief", "4": "normatief"}


@pytest.mark.parametrize("name, reason", [
    ("lint/provincie_gs_ongenummerd.txt", "genummerde artikelen"),
    ("blind/rand/twee_codes_provincie.txt", "meer dan eens"),
    ("blind/rand/wijzigingsbesluit_raad.txt", "wijzigingsbesluit"),
])
def test_unreadable_structures_are_refused(name: str, reason: str) -> None:
    with pytest.raises(UnrecognisedStructureError) as info:
        plan_amendment_document(read_document(FIXTURES / name), model=_model(),
                                options=AmendmentOptions(place="Proefstad"))
    assert reason in info.value.message
    assert isinstance(info.value, DocumentError)  # the CLI maps it to exit code 2


def test_the_refusal_points_to_render() -> None:
    with pytest.raises(UnrecognisedStructureError) as info:
        plan_amendment_document(read_document(FIXTURES / "lint/provincie_gs_ongenummerd.txt"), model=_model())
    assert info.value.message.startswith("structuur niet herkend; maak een nieuwe code met render")


def test_unknown_clause_in_options_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="onbekende clausule 'agresie'"):
        _plan("Gedragscode\n\nArtikel 1\n\nTekst.", include=("agresie",))


# ---------------------------------------------------------------- the plan for a small outdated code


def test_plan_of_an_outdated_gemeente_code() -> None:
    plan = _zuidervaart()
    assert plan.title == "Gedragscode integriteit raadsleden gemeente Zuidervaart 2012"
    ops = [(op.kind, op.article.number, op.lid, op.clause_ids) for op in plan.operations]
    # outdated wording is changed where it stands, in the code's own numbering
    assert ("woorden_vervangen", "2", "2", ("nevenfuncties",)) in ops
    assert ("lid_vervangen", "3", "1", ("stemonthouding",)) in ops
    assert ("artikel_vervangen", "5", "", ("informatie",)) in ops
    assert ("woorden_vervangen", "6", "1", ("geschenken",)) in ops
    assert ("woorden_vervangen", "7", "", ("buitenlandse_reizen",)) in ops
    words = {op.clause_ids[0]: (op.old, op.new) for op in plan.operations if op.kind == "woorden_vervangen"}
    assert words["geschenken"] == ("dan € 300", "dan € 50")
    assert words["nevenfuncties"] == ("binnen vijf weken", "binnen één week")
    assert words["buitenlandse_reizen"] == ("binnen twee maanden", "binnen één week")
    # missing clauses after the article of the nearest preceding theme, numbered with a letter
    inserted = {a.clause_id: (op.article.number, a.number) for op in plan.operations for a in op.articles}
    assert inserted["onverenigbare_betrekkingen"] == ("4", "4a")
    assert inserted["financiele_belangen"] == ("2", "2a")
    assert inserted["uitnodigingen"] == ("6", "6a")
    # optional clauses only when asked; the inleiding and the code's own slot are not amended
    skipped = {s.clause_id: s.reason for s in plan.skipped}
    assert "--met agressie" in skipped["agressie"]
    assert "inleiding" in skipped["inleiding"]
    assert not plan.unresolved and not plan.lost


def test_optional_clauses_are_inserted_when_asked() -> None:
    doc = read_document(WIJZIG / "zuidervaart_2012.txt")
    plan = plan_amendment_document(doc, model=_model(), options=AmendmentOptions(include=("agressie",)))
    inserted = {a.clause_id for op in plan.operations for a in op.articles}
    assert "agressie" in inserted
    assert "vertrouwenspersoon" not in inserted
    plan = plan_amendment_document(doc, model=_model(), options=AmendmentOptions(exclude=("geschenken", "eed")))
    touched = {cid for op in plan.operations for cid in op.clause_ids}
    assert not touched & {"geschenken", "eed"}
    assert {s.clause_id for s in plan.skipped} >= {"geschenken", "eed"}


def test_onderdelen_follow_the_existing_code() -> None:
    plan = _zuidervaart()
    parts = onderdelen(plan)
    assert [o.letter for o in parts] == [onderdeel_letter(i) for i in range(len(parts))]
    starts = [o.operations[0].position for o in parts]
    assert starts == sorted(starts)
    # two changes to article 2 form one onderdeel, the articles inserted after it another
    two = [o for o in parts if o.article.number == "2"]
    assert [len(o.operations) for o in two] == [2, 1]
    assert two[1].inserts


def test_inserted_text_uses_the_codes_own_word_for_the_griffier() -> None:
    text = (WIJZIG / "zuidervaart_2012.txt").read_text(encoding="utf-8")
    waterschap = (text.replace("raadsleden gemeente Zuidervaart", "leden algemeen bestuur Waterschap Zuidervaart")
                  .replace("De raad van de gemeente Zuidervaart", "Het algemeen bestuur van Waterschap Zuidervaart")
                  .replace("artikel 15, derde lid, van de Gemeentewet", "artikel 33, derde lid, van de Waterschapswet")
                  .replace("raadslid", "lid").replace("leden van de raad", "leden van het algemeen bestuur")
                  .replace("Gemeentewet", "Waterschapswet").replace("gemeentehuis", "waterschapshuis")
                  .replace("burgemeester", "voorzitter"))
    plan = _plan(waterschap, body="waterschap", offices=("ab_lid",), place="Waterschap Zuidervaart")
    assert [(t.name, t.value, t.model_value) for t in plan.terms] == [
        ("griffier", "de griffier", "de secretaris-directeur")]
    inserted = " ".join(a.render() for op in plan.operations for a in op.articles)
    assert "de griffier" in inserted
    assert "secretaris-directeur" not in inserted
    # a term the griffie sets itself wins
    plan = _plan(waterschap, body="waterschap", offices=("ab_lid",), place="Waterschap Zuidervaart",
                 settings={"term.griffier": "de secretaris-directeur"})
    assert plan.terms == ()


def test_numbers_skip_existing_inserted_articles() -> None:
    text = ("Gedragscode integriteit raadsleden gemeente Proefstad\n\n"
            "Artikel 1 Reikwijdte\n\nDeze gedragscode geldt voor de raadsleden.\n\n"
            "Artikel 1a Nevenfuncties\n\nEen raadslid meldt zijn nevenfuncties binnen één week aan de griffier, "
            "die ze terstond elektronisch openbaar maakt op de website van de gemeente.\n\n"
            "Artikel 2 Geschenken\n\nEen raadslid meldt geschenken met een waarde van meer dan € 50 bij de griffier.")
    plan = _plan(text, place="Proefstad")
    numbers = [a.number for op in plan.operations for a in op.articles]
    assert "1a" not in numbers
    assert len(numbers) == len(set(numbers))


# ---------------------------------------------------------------- the besluit


def _golden(name: str, actual: str) -> None:
    path = WIJZIG / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"golden {name} ontbreekt; maak hem met GEDRAGSCODE_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


def test_golden_besluit_for_an_outdated_gemeente_code() -> None:
    besluit = gedragscode.render_amendment(_zuidervaart(), "besluit", "md")
    assert isinstance(besluit, str)
    _golden("zuidervaart_2012.besluit.md", besluit)


def test_besluit_in_aanwijzingen_style() -> None:
    md = gedragscode.render_amendment(_zuidervaart(), "besluit", "md")
    assert isinstance(md, str)
    assert md.startswith("# Besluit tot wijziging van de Gedragscode integriteit raadsleden gemeente "
                         "Zuidervaart 2012\n")
    assert "gelet op artikel 15, derde lid, van de Gemeentewet;" in md
    assert "vast te stellen het Besluit tot wijziging van de Gedragscode integriteit raadsleden" in md
    assert "## Artikel I\n" in md and "## Artikel II\n" in md
    assert "In artikel 6, eerste lid, wordt “dan € 300” vervangen door “dan € 50”." in md
    assert "Artikel 3, eerste lid, komt te luiden:" in md
    assert "Artikel 5 komt te luiden:" in md
    assert "Na artikel 4 worden twee artikelen ingevoegd, luidende:" in md
    assert "Artikel 2 wordt als volgt gewijzigd:" in md
    assert "Dit besluit treedt in werking op de dag na die van de bekendmaking." in md
    # the toelichting says why, from the model: lint's message, the level, the law, the edition
    toelichting = md[md.index("## Toelichting"):]
    assert "#### Onderdeel" in toelichting
    assert "Sinds 1 januari 2023 sluit de wet een ambtsdrager met een persoonlijk belang ook uit" in toelichting
    assert "De wet schrijft deze bepaling voor (artikel 13 van de Gemeentewet)." in toelichting
    # unverified facts are never printed inside the besluit: they go on the "nog te controleren" list
    notes = [i.note for i in gedragscode.amendment_checklist(_zuidervaart())]
    assert notes
    assert not [n for n in notes if n in md]


def test_besluit_options_entry_into_force_and_date() -> None:
    doc = read_document(WIJZIG / "zuidervaart_2012.txt")
    plan = plan_amendment_document(doc, model=_model(), options=AmendmentOptions(
        effective="op 1 januari 2027", adopted="12 december 2026", offices=("raadslid", "wethouder")))
    md = gedragscode.render_amendment(plan, "besluit", "md")
    assert isinstance(md, str)
    assert "Dit besluit treedt in werking op 1 januari 2027." in md
    assert "van 12 december 2026." in md
    # the offices given decide the legal basis in the aanhef
    assert "gelet op de artikelen 15, derde lid, en 41c, tweede lid, van de Gemeentewet;" in md


def test_raadsvoorstel() -> None:
    md = gedragscode.render_amendment(_zuidervaart(), "raadsvoorstel", "md")
    assert isinstance(md, str)
    assert "## Beslispunten\n\n1\\. De Gedragscode integriteit raadsleden gemeente Zuidervaart 2012 te wijzigen " \
           "overeenkomstig bijgaand besluit." in md
    assert "## Aanleiding" in md and "## Bevindingen" in md and "## Nog te controleren" in md
    # the findings table: clause, level, status, where it stands, what the besluit does
    assert "| Bepaling | Niveau | Uitslag | Vindplaats in de huidige code | Voorstel |" in md
    row = next(line for line in md.splitlines() if line.startswith("| Geschenken en diensten"))
    assert "verouderd" in row and "Artikel 6, lid 1" in row and "dan € 300 wordt dan € 50" in row
    assert "Beraadslaging en stemming bij persoonlijk belang: De bepaling spreekt alleen over de stemming" in md


def test_checklist_of_the_besluit() -> None:
    items = gedragscode.amendment_checklist(_zuidervaart())
    wheres = [i.where for i in items]
    assert wheres[0] == "Aanhef"
    assert any(w.startswith("Artikel I, onderdeel") for w in wheres)
    # only facts of the clauses the besluit inserts or changes
    assert all(i.clause_id in _zuidervaart().clause_ids or i.clause_id == "" for i in items)


_REFERENCE = re.compile(r"\b[Aa]rtikel (?P<n>\d+[a-z]?|\u2026)(?![\w.])(?!,? (?:[a-z]+ lid, )?van )")


def test_references_in_inserted_text_use_the_codes_own_numbers() -> None:
    plan = _zuidervaart()
    numbers = {a.number for a in plan.structure.articles} | {a.number for op in plan.operations for a in op.articles}
    texts = [a.render() for op in plan.operations for a in op.articles] + [op.text for op in plan.operations]
    cited = {m.group("n") for t in texts for m in _REFERENCE.finditer(t)}
    # articles of the same code ("artikel 5"), never a number of the rendered model code
    assert cited <= numbers, cited - numbers


def test_a_reference_to_a_clause_the_code_lacks_is_never_a_wrong_number() -> None:
    text = (WIJZIG / "zuidervaart_2012.txt").read_text(encoding="utf-8")
    start, end = text.index("Artikel 5 Geheimhouding"), text.index("Artikel 6 Geschenken")
    plan = _plan(text[:start] + text[end:], exclude=("informatie",))
    texts = [a.render() for op in plan.operations for a in op.articles]
    cited = {m.group("n") for t in texts for m in _REFERENCE.finditer(t)}
    numbers = {a.number for a in plan.structure.articles} | {a.number for op in plan.operations for a in op.articles}
    assert cited <= numbers | {"\u2026"}
    assert "\u2026" in cited  # the model's oud_ambtsdragers and sociale_media refer to informatie
    items = gedragscode.amendment_checklist(plan)
    assert any(i.text == "artikel \u2026" and i.clause_id != "informatie" for i in items)
