"""Content tests of the bundled model: the tests that catch a wrong model.

They compare the model with the shared domain facts (``offices.tsv``, ``themes.tsv``) when
those are present, check that every clause carries its explanation, recognisers and
examples, and render every lid and onderdeel for every body and office to make sure no text
uses the words of another kind of body.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from gedragscode.catalogue import bundled_model, bundled_trees
from gedragscode.dsl.parser import parse
from gedragscode.errors import GedragscodeError
from gedragscode.model import Category, Clause, Level, Model, Office, ParamType
from gedragscode.resolve import resolve_model

SHARED = Path(__file__).resolve().parents[2] / "shared"
DOMAIN = SHARED / "domain"
ALL_CATEGORIES = {c.value for c in Category}


@pytest.fixture(scope="module")
def model() -> Model:
    return bundled_model()


def _tsv(name: str) -> list[dict[str, str]]:
    path = DOMAIN / name
    if not path.is_file():
        pytest.skip(f"{path} ontbreekt; gedeelde domeinfeiten niet beschikbaar")
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


# ---------------------------------------------------------------- offices.tsv


def _norm_basis(text: str) -> str:
    t = " ".join(text.lower().split())
    t = t.replace("wet openbare lichamen bonaire, sint eustatius en saba", "wolbes")
    t = re.sub(r"\bvan (de|het) ", "", t)
    return t.strip(" ;.")


def test_every_office_of_offices_tsv_exists_with_category_and_legal_basis(model: Model) -> None:
    rows = _tsv("offices.tsv")
    assert rows
    for row in rows:
        body = model.body(row["body"])
        assert body is not None, f"lichaam {row['body']} ontbreekt"
        office = body.office(row["office"])
        assert office is not None, f"ambt {row['body']}.{row['office']} ontbreekt"
        assert office.category.value == row["categorie"], f"{row['body']}.{row['office']}: categorie"
        expected = row["wettelijke grondslag van de gedragscode"]
        if expected.startswith("geen"):
            assert not office.statutory, f"{row['body']}.{row['office']} heeft geen wettelijke plicht"
            assert office.legal_basis.startswith("geen eigen wettelijke plicht")
        else:
            assert office.statutory
            # the table names the provision that obliges the code; the model may cite more (a dagelijks
            # bestuur code cites "de artikelen 33, derde lid, en 45" of the Waterschapswet, as adopted codes do)
            basis = _norm_basis(office.legal_basis)
            wanted = _norm_basis(expected)
            assert basis == wanted or basis.startswith(wanted.rsplit(" ", 1)[0]), f"{row['body']}.{row['office']}"


def test_no_office_outside_offices_tsv(model: Model) -> None:
    rows = _tsv("offices.tsv")
    expected = {(r["body"], r["office"]) for r in rows}
    actual = {(b.id, o.id) for b in model.bodies for o in b.offices}
    assert actual == expected


# ---------------------------------------------------------------- themes.tsv


def _expected_categories(geldt_voor: str) -> tuple[set[str], set[str]]:
    """(categories that must get the theme, categories that must not) from the tsv column."""
    text = geldt_voor.strip().lower()
    if text.startswith("alle ambten"):
        return ALL_CATEGORIES, set()
    if text.startswith("dagelijks bestuurders (niet voorzitter)"):
        return {"dagelijks_bestuurder"}, {"voorzitter"}
    if text.startswith("bestuurders"):
        return {"dagelijks_bestuurder", "voorzitter"}, set()
    raise AssertionError(f"onbekende waarde in 'geldt voor': {geldt_voor!r}")


def test_every_theme_exists(model: Model) -> None:
    rows = _tsv("themes.tsv")
    assert len(rows) == 20
    missing = [r["id"] for r in rows if model.clause(r["id"]) is None]
    assert not missing, f"thema's zonder clausule: {missing}"


def test_every_office_gets_every_theme_of_its_category(model: Model) -> None:
    problems = []
    for row in _tsv("themes.tsv"):
        clause = model.clause(row["id"])
        if clause is None:
            continue  # reported by test_every_theme_exists
        must, must_not = _expected_categories(row["geldt voor"])
        for body in model.bodies:
            for office in body.offices:
                applies = clause.applies.matches(body.id, office)
                if office.category.value in must and not applies:
                    problems.append(f"{row['id']} ontbreekt voor {body.id}.{office.id}")
                if office.category.value in must_not and applies:
                    problems.append(f"{row['id']} geldt ten onrechte voor {body.id}.{office.id}")
    assert not problems, "\n".join(problems)


def test_levels_follow_themes_tsv(model: Model) -> None:
    problems = []
    for row in _tsv("themes.tsv"):
        clause = model.clause(row["id"])
        if clause is None:
            continue
        niveau = row["niveau"].strip().lower()
        for body in model.bodies:
            level = clause.level_for(body.id)
            if niveau.startswith("wettelijk"):
                ok = level is Level.WETTELIJK
            elif niveau.startswith("optioneel"):
                ok = level is Level.OPTIONEEL
            elif "bes wettelijk" in niveau:
                # The statutory BES part may live in a clause of its own (belangenverklaring).
                allowed = {Level.AANBEVOLEN, Level.WETTELIJK} if body.id == "openbaar_lichaam" else {Level.AANBEVOLEN}
                ok = level in allowed
            elif "wettelijk" in niveau:  # aanbevolen, with a statutory part (VOG)
                ok = level in (Level.AANBEVOLEN, Level.WETTELIJK)
            else:
                ok = level is Level.AANBEVOLEN
            if not ok:
                problems.append(f"{row['id']} in {body.id}: {level.value}, themes.tsv zegt {row['niveau']!r}")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- completeness of every clause


def _content_clauses(model: Model) -> list[Clause]:
    return [c for c in model.clauses if c.form != "inleiding" and c.id != "inleiding"]


def test_every_clause_has_toelichting_recogniser_and_examples(model: Model) -> None:
    problems = []
    for c in _content_clauses(model):
        # a clause explains itself as a whole, or lid by lid (the slotbepalingen: one article per lid)
        if not c.toelichting.strip() and not all(lid.toelichting.strip() for lid in c.leden):
            problems.append(f"{c.id}: geen toelichting")
        if not c.recognisers:
            problems.append(f"{c.id}: geen herkenner")
        if not any(e.positive for e in c.examples):
            problems.append(f"{c.id}: geen voorbeeld")
        if not any(not e.positive for e in c.examples):
            problems.append(f"{c.id}: geen tegenvoorbeeld")
    assert not problems, "\n".join(problems)


def test_every_clause_has_a_chapter_of_the_model(model: Model) -> None:
    chapters = {c.id for c in model.chapters}
    for c in _content_clauses(model):
        assert c.chapter in chapters, c.id


def test_examples_match_their_recognisers(model: Model) -> None:
    try:
        from gedragscode.lint.examples import check_examples
    except ImportError:  # pragma: no cover - lint engine not present
        pytest.skip("lint-engine ontbreekt")
    errors = list(check_examples(model))
    assert not errors, "\n".join(str(e) for e in errors)


# ---------------------------------------------------------------- undeclared names in templates


BROKEN = '''
clausule kapot "Kapotte clausule" {
  hoofdstuk algemeen
  geldt voor alle ambten
  lid "{{ de_ambtsdrager | hoofdletter }} meldt dit binnen {{ onbekende_termijn }}."
}
'''


def test_undeclared_parameter_is_rejected_with_dutch_message() -> None:
    trees = [*bundled_trees(), parse(BROKEN, "kapot.gdc")]
    with pytest.raises(GedragscodeError) as info:
        resolve_model(trees)
    text = str(info.value)
    assert ("het sjabloon gebruikt 'onbekende_termijn', maar clausule 'kapot' declareert geen parameter "
            "met die naam") in text
    assert "kapot.gdc" in text


def test_unknown_body_term_is_rejected() -> None:
    src = BROKEN.replace("{{ onbekende_termijn }}", "{{ lichaam.bestaat_niet }}")
    with pytest.raises(GedragscodeError) as info:
        resolve_model([*bundled_trees(), parse(src, "kapot.gdc")])
    assert "lichaam.bestaat_niet" in str(info.value)


# ---------------------------------------------------------------- body-correct words


#: Words a text of this body must never contain (regular expressions, case-insensitive).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "provincie": (r"gemeenteraad", r"raadslid", r"raadsleden", r"college van burgemeester", r"\bgemeente(?!n\b)",
                  r"\bwethouder", r"\bburgemeester", r"waterschap"),
    "waterschap": (r"griffier", r"gemeenteraad", r"raadslid", r"\bgemeente(?!n\b)", r"provinciale staten",
                   r"\bwethouder"),
    "openbaar_lichaam": (r"gemeente", r"provincie", r"\bwethouder", r"\bburgemeester", r"provinciale staten"),
    "gemeente": (r"provinciale staten", r"waterschap", r"statenlid", r"\bgedeputeerden?\b(?!\s+staten)",
                 r"eilandsraad"),
}


def _flipped_settings(model: Model) -> dict[str, str]:
    """Every ja/nee parameter set to the opposite of its default, to render conditional leden too."""
    out = {}
    for c in model.clauses:
        for p in c.parameters:
            if p.type is ParamType.JANEE:
                out[f"{c.id}.{p.name}"] = "nee" if p.default else "ja"
    return out


def _office_sets(model: Model) -> Iterator[tuple[str, tuple[str, ...]]]:
    for body in model.bodies:
        yield body.id, tuple(o.id for o in body.offices)
        for office in body.offices:
            yield body.id, (office.id,)


@lru_cache(maxsize=1)
def _builder() -> Any:
    try:
        from gedragscode import make_code
        from gedragscode.render.build import build_document
    except ImportError:
        return None
    return make_code, build_document


def _texts_with_builder(model: Model, body: str, offices: tuple[str, ...],
                        settings: dict[str, str]) -> Iterator[tuple[str, str]]:
    make_code, build_document = _builder()
    b = model.body(body)
    assert b is not None
    scope = [o for o in b.offices if o.id in offices]
    applicable = {c.id for c in model.applicable_clauses(body, tuple(scope))}
    settings = {k: v for k, v in settings.items() if k.partition(".")[0] in applicable}
    code = make_code(body, list(offices), "Teststad", year=2026, settings=settings, model=model)
    doc = build_document(code)
    title_to_id = {c.title: c.id for c in model.clauses}
    for chapter in doc.chapters:
        for article in chapter.articles:
            where = article.clause_id or title_to_id.get(article.title, article.title)
            for lid in article.leden:
                yield where, lid.text
                for onderdeel in lid.onderdelen:
                    yield where, onderdeel.text
    for paragraph in doc.inleiding:
        yield "inleiding", paragraph


# A small renderer of our own, used only when the real builder is not available.


def _value(model: Model, body_terms: dict[str, str], clause: Clause, name: str, settings: dict[str, str]) -> Any:
    p = clause.parameter(name)
    assert p is not None
    key = f"{clause.id}.{name}"
    if key in settings and p.type is ParamType.JANEE:
        return settings[key] == "ja"
    if p.default_term:
        return body_terms[p.default_term]
    if p.type in (ParamType.BEDRAG, ParamType.TERMIJN):
        return str(p.default)
    return p.default


def _texts_with_own_renderer(model: Model, body_id: str, offices: tuple[str, ...],
                             settings: dict[str, str]) -> Iterator[tuple[str, str]]:
    from gedragscode.templating import render_text

    body = model.body(body_id)
    assert body is not None
    scope: list[Office] = [o for o in body.offices if o.id in offices]
    terms = {k: render_text(v, {"naam": "Teststad"}) for k, v in body.terms.items()}
    if len(scope) == 1:
        o = scope[0]
        lw = o.terms.get("lidwoord", "de")
        chair = o.category is Category.VOORZITTER
        holders = {"de_ambtsdrager": f"{lw} {o.name}",
                   "een_ambtsdrager": f"{lw} {o.name}" if chair else f"een {o.name}",
                   "ambtsdragers": o.plural, "de_ambtsdragers": f"{lw} {o.name}" if chair else f"de {o.plural}",
                   "aanduiding": o.name}
    else:
        holders = {"de_ambtsdrager": "de ambtsdrager", "een_ambtsdrager": "een ambtsdrager",
                   "ambtsdragers": "ambtsdragers", "de_ambtsdragers": "de ambtsdragers", "aanduiding": "ambtsdrager"}
    for clause in model.clauses:
        in_scope = [o for o in scope if clause.applies.matches(body_id, o)]
        if not in_scope:
            continue
        for lid in clause.leden:
            lid_scope = [o for o in in_scope if lid.applies.matches(body_id, o)]
            if not lid_scope:
                continue
            ids = {o.id for o in lid_scope}
            ranked = sorted(clause.refs, key=lambda r: (r.body is not None, r.office is not None))
            laws = {r.name: r.text for r in ranked
                    if (r.body in (None, body_id)) and (r.office is None or r.office in ids)}
            ambten = [{"id": o.id, "naam": o.name, "meervoud": o.plural, "lidwoord": o.terms.get("lidwoord", "de"),
                       "categorie": o.category.value, "grondslag": o.legal_basis, "t": {**terms, **o.terms}}
                      for o in lid_scope]
            context: dict[str, Any] = {
                "lichaam": terms, "naam": "Teststad",
                "code": {"naam": "Gedragscode Teststad", "jaar": 2026, "intrekking": "", "inwerkingtreding": "",
                         "vastgesteld": ""},
                "ambten": ambten, "alle_ambten": ambten, "ambt_ids": sorted(ids),
                "categorieen": sorted({o.category.value for o in lid_scope}), "wet": laws, **holders,
            }
            for p in clause.parameters:
                context[p.name] = _value(model, terms, clause, p.name, settings)
            yield clause.id, render_text(lid.text, context)
            for onderdeel in lid.onderdelen:
                if any(onderdeel.applies.matches(body_id, o) for o in lid_scope):
                    yield clause.id, render_text(onderdeel.text, context)


def _rendered(model: Model, body: str, offices: tuple[str, ...], settings: dict[str, str]) -> list[tuple[str, str]]:
    if _builder() is not None:
        return list(_texts_with_builder(model, body, offices, settings))
    return list(_texts_with_own_renderer(model, body, offices, settings))


@pytest.mark.parametrize("flip", [False, True], ids=["standaard", "ja-nee-omgekeerd"])
def test_rendered_texts_use_only_the_words_of_their_body(model: Model, flip: bool) -> None:
    settings = _flipped_settings(model) if flip else {}
    problems = []
    for body, offices in _office_sets(model):
        for where, text in _rendered(model, body, offices, settings):
            for word in FORBIDDEN[body]:
                if re.search(word, text, re.IGNORECASE):
                    problems.append(f"{body} {'+'.join(offices)} / {where}: '{word}' in: {text}")
    assert not problems, "\n".join(problems[:40])


def test_every_applicable_clause_renders_for_every_office(model: Model) -> None:
    """No applicable clause disappears: each renders at least one non-empty lid per body and office."""
    problems = []
    for body in model.bodies:
        for office in body.offices:
            rendered = {where for where, text in _rendered(model, body.id, (office.id,), {}) if text.strip()}
            for clause in model.clauses:
                if clause.form == "inleiding" or not clause.applies.matches(body.id, office):
                    continue
                if clause.id not in rendered:
                    problems.append(f"{clause.id} levert geen tekst op voor {body.id}.{office.id}")
    assert not problems, "\n".join(problems)


def test_rendered_texts_have_no_template_leftovers(model: Model) -> None:
    for body, offices in _office_sets(model):
        for where, text in _rendered(model, body, offices, {}):
            assert "{{" not in text and "{%" not in text, f"{body}/{where}: {text}"
            assert "  " not in text, f"{body}/{where}: dubbele spatie in {text!r}"


# ---------------------------------------------------------------- outdated references


@pytest.mark.parametrize(("text", "outdated"), [
    ("Het raadslid neemt de geheimhouding in acht als bedoeld in de artikelen 25, 55 en 86 van de Gemeentewet.", True),
    ("Geheimhouding op grond van artikel 86, tweede lid, Gemeentewet wordt in acht genomen.", True),
    ("Geheimhouding op grond van artikel 25 van de Provinciewet wordt in acht genomen.", True),
    ("De geheimhouding op grond van hoofdstuk VA (artikelen 87 tot en met 89) van de Gemeentewet.", False),
    ("Gelet op artikel 15, derde lid, van de Gemeentewet en artikel 25 van deze regeling.", False),
])
def test_informatie_flags_repealed_geheimhouding_articles(model: Model, text: str, outdated: bool) -> None:
    clause = model.clause("informatie")
    if clause is None:
        pytest.skip("clausule informatie ontbreekt")
    checks = [o for o in clause.outdated if o.kind == "bevat" and o.pattern is not None]
    assert checks
    hit = any(re.search(o.pattern.pattern, text, re.IGNORECASE) for o in checks)  # type: ignore[union-attr]
    assert hit is outdated


# ---------------------------------------------------------------- what is new, and the layout of the files


def test_updated_handreiking_and_2023_law_are_marked(model: Model) -> None:
    """Former office holders are new in the updated handreiking; the 2023 law added the VOG and
    changed nevenfuncties (terstond, elektronisch), stemonthouding (beraadslaging) and geheimhouding."""
    editions = {v.id for v in model.versions}
    assert {"2015", "2021", "2023", "wet2023"} <= editions
    oud = model.clause("oud_ambtsdragers")
    assert oud is not None and oud.since in ("2021", "2023")
    vog = model.clause("vog")
    assert vog is not None and vog.since == "wet2023"
    assert vog.level_for("gemeente").value == "wettelijk"
    # the risicoanalyse is recommended (a bill, Kamerstukken 36892), not law: separate clause, may be left out
    screening = model.clause("risicoanalyse")
    assert screening is not None and screening.since == "2021"
    assert screening.level_for("gemeente").value == "aanbevolen"
    for clause_id in ("nevenfuncties", "stemonthouding", "informatie"):
        clause = model.clause(clause_id)
        assert clause is not None and "wet2023" in clause.changed, clause_id


def test_bundled_model_files_are_in_canonical_layout() -> None:
    from gedragscode.catalogue import bundled_sources
    from gedragscode.dsl.formatter import format_source

    for name, text in bundled_sources():
        assert format_source(text, name) == text, f"{name}: run gedragscode fmt --write"
