"""The DSL: parsing with positions, Dutch syntax errors, and the canonical formatter."""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gedragscode
from gedragscode.dsl import syntax as s
from gedragscode.dsl.formatter import format_tree, quote
from gedragscode.dsl.parser import decode_string, parse
from gedragscode.model import AllOf, AnyOf, Duration, Lemma, Money, Near, Not, Phrase, Regex, Stem, Word

FIXTURES = Path(__file__).parent / "fixtures"
UPDATE = os.environ.get("GEDRAGSCODE_UPDATE_GOLDEN") == "1"

SAMPLE = '''
# kop
handreiking "Proefmodel" {
  versie "2023"
  uitgave "2015" "Oud model"
}
hoofdstuk geschenken "Geschenken"
lichaam gemeente "gemeente" {
  term griffier = "de griffier"
  ambt raadslid "raadslid" { meervoud "raadsleden" categorie volksvertegenwoordiger
    grondslag "artikel 15, derde lid, van de Gemeentewet" }
}
clausule geschenken "Geschenken" {
  hoofdstuk geschenken   # naar het hoofdstuk
  geldt voor alle ambten
  niveau aanbevolen
  sinds "2015"
  parameter grens: bedrag = € 50 tussen € 0 en € 250 "De grens."
  parameter termijn: termijn = 2 weken
  parameter wie: tekst = term griffier
  lid "Boven {{ grens }} meldt {{ de_ambtsdrager }} het bij {{ wie }}."
  lid voor volksvertegenwoordiger "Lid met onderdelen:" {
    onderdeel "de gever;"
    onderdeel "de waarde."
  }
  toelichting """Twee alinea's.

  Tweede alinea met "aanhalingstekens"."""
  herken in zin: stam(geschenk, gift) en (stam(meld) of woord(register)) en niet frase("ik zweer")
  voorbeeld "Giften boven vijftig euro worden gemeld."
  tegenvoorbeeld "Ik zweer dat ik geen geschenk aanneem."
  verouderd als bedrag > grens in artikel "Te hoge grens."
}
gedragscode "Gedragscode Proefstad" {
  lichaam gemeente "Proefstad"
  ambten raadslid
  jaartal 2026
  zet geschenken.grens = € 40
  zet geschenken.termijn = 1 jaar
}
'''


def test_parse_builds_typed_nodes_with_positions() -> None:
    tree = parse(SAMPLE, "proef.gdc")
    header, chapter, body, clause, code = tree.items
    assert isinstance(header, s.Header) and header.version == "2023"
    assert header.editions[0] == s.Edition("2015", "Oud model")
    assert isinstance(chapter, s.ChapterDecl) and chapter.id == "geschenken"
    assert isinstance(body, s.BodyDecl) and body.offices[0].category == "volksvertegenwoordiger"
    assert isinstance(clause, s.ClauseDecl)
    assert clause.pos.file == "proef.gdc" and clause.pos.line == 13 and clause.pos.column == 1
    params = [x for x in clause.statements if isinstance(x, s.ParamSyntax)]
    assert params[0].default == Money(Decimal(50)) and params[0].maximum == Money(Decimal(250))
    assert params[1].default == Duration(2, "week")
    assert params[2].default == s.TermRef("griffier")
    rec = next(x for x in clause.statements if isinstance(x, s.RecogniserSyntax))
    assert rec.scope == "zin"
    assert rec.pattern == AllOf((Stem(("geschenk", "gift")), AnyOf((Stem(("meld",)), Word(("register",)))),
                                 Not(Phrase(("ik zweer",)))))
    assert isinstance(code, s.CodeDecl)
    assert [st.kind for st in code.statements if isinstance(st, s.CodeStmt)] == [
        "lichaam", "ambten", "jaar", "zet", "zet"]
    assert header.comments == ("# kop",)
    chapter_stmt = clause.statements[0]
    assert chapter_stmt.comments == ("# naar het hoofdstuk",)


def test_long_strings_keep_content() -> None:
    tree = parse(SAMPLE)
    clause = tree.items[3]
    assert isinstance(clause, s.ClauseDecl)
    expl = next(x for x in clause.statements if isinstance(x, s.SimpleStmt) and x.key == "toelichting")
    assert '"aanhalingstekens"' in expl.value and "\n\n" in expl.value


def test_format_is_canonical_and_keeps_meaning_and_comments() -> None:
    once = gedragscode.format_source(SAMPLE)
    assert gedragscode.format_source(once) == once
    assert parse(once) == parse(SAMPLE)
    assert "# kop" in once and "# naar het hoofdstuk" in once
    assert "  hoofdstuk geschenken\n" in once


@pytest.mark.parametrize("case", sorted(p.stem for p in (FIXTURES / "dsl_errors").glob("*.gdc")))
def test_error_messages_match_golden(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each broken input beside the exact Dutch message(s) `gedragscode check` gives."""
    monkeypatch.chdir(FIXTURES / "dsl_errors")
    errors = gedragscode.check([f"{case}.gdc"])
    assert errors, "a broken fixture must give errors"
    text = "\n".join(e.format() for e in errors) + "\n"
    golden = FIXTURES / "dsl_errors" / f"{case}.err"
    if UPDATE or not golden.exists():
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_syntax_error_names_file_line_column_and_expectation() -> None:
    with pytest.raises(gedragscode.DslSyntaxError) as info:
        parse('lichaam gemeente "g" {\n  ambt 12 "x" {}\n}', "lichamen.gdc")
    err = info.value
    assert err.location == gedragscode.Location("lichamen.gdc", 2, 8)
    assert "verwacht: een ambt-id" in err.message
    assert err.context.splitlines()[1].index("^") == 2 + 7


# ---------------------------------------------------------------- hypothesis: generated sources

names = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True)
_ODD_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=_ODD_BREAKS), max_size=40)
words = st.from_regex(r"[a-zë][a-zë\-]{0,8}", fullmatch=True)
money = st.integers(0, 10_000).map(lambda n: Money(Decimal(n) / 100))
duration = st.builds(Duration, st.integers(1, 60), st.sampled_from(["dag", "week", "maand", "jaar"]))
values = st.one_of(money, duration, texts, st.booleans(), st.integers(0, 1000), names.map(s.TermRef))

atoms = st.one_of(
    st.lists(words, min_size=1, max_size=3).map(lambda w: Stem(tuple(w))),
    st.lists(words, min_size=1, max_size=3).map(lambda w: Word(tuple(w))),
    st.lists(words, min_size=1, max_size=3).map(lambda w: Lemma(tuple(w))),
    st.lists(texts.filter(bool), min_size=1, max_size=2).map(lambda w: Phrase(tuple(w))),
    texts.map(Regex),
)
patterns = st.recursive(
    atoms,
    lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=3).map(lambda p: AllOf(tuple(p))),
        st.lists(inner, min_size=2, max_size=3).map(lambda p: AnyOf(tuple(p))),
        inner.map(Not),
        st.builds(Near, st.integers(1, 20), inner, inner),
    ),
    max_leaves=6,
)
selectors = st.one_of(st.just(s.SelectorSyntax("*")), st.builds(s.SelectorSyntax, names),
                      st.builds(s.SelectorSyntax, names, names))
applies = st.builds(s.AppliesSyntax, st.lists(selectors, min_size=1, max_size=3).map(tuple),
                    st.lists(names, max_size=2).map(tuple))
checks = st.none() | texts  # ``controleer "..."`` markers
labels = st.none() | names.filter(lambda n: n not in ("voor", "controleer", "toelichting", "kop"))
onderdeel = st.builds(s.OnderdeelSyntax, texts, st.none() | applies, check=checks, name=labels)
clause_stmts = st.one_of(
    st.builds(s.SimpleStmt, st.sampled_from(["hoofdstuk", "vorm"]), names),
    st.builds(s.SimpleStmt, st.sampled_from(["sinds", "gewijzigd", "toelichting", "voorbeeld", "tegenvoorbeeld"]),
              texts),
    applies,
    st.builds(s.LevelSyntax, st.sampled_from(["wettelijk", "aanbevolen", "optioneel"]),
              st.lists(names, max_size=2).map(tuple)),
    st.builds(s.LawSyntax, names, texts, st.none(), check=checks),
    st.builds(s.LawSyntax, names, texts, names, st.none() | names, check=checks),
    st.builds(s.ParamSyntax, names, st.sampled_from(["bedrag", "termijn", "tekst", "janee", "getal"]), values,
              check=checks),
    st.builds(s.ParamSyntax, names, st.just("bedrag"), money, st.just(()), money, money, st.none() | texts,
              check=checks),
    st.builds(s.ParamSyntax, names, st.just("keuze"), texts, st.lists(texts, min_size=1, max_size=3).map(tuple)),
    st.builds(s.LidSyntax, texts, st.none() | applies, st.none() | st.lists(onderdeel, max_size=3).map(tuple),
              check=checks, name=labels, heading=st.none() | texts),
    st.just(s.SimpleStmt("structureel", "")),
    # a lid's own toelichting lives in its block
    st.builds(s.LidSyntax, texts, st.none() | applies, st.lists(onderdeel, max_size=2).map(tuple), check=checks,
              name=labels, toelichting=texts),
    st.builds(s.RecogniserSyntax, st.sampled_from(["zin", "lid", "artikel", "document"]), patterns),
    st.builds(s.OutdatedSyntax, st.sampled_from(["bedrag", "termijn"]), texts, names, st.none(),
              st.none() | st.sampled_from(["zin", "lid", "artikel"])),
    st.builds(s.OutdatedSyntax, st.sampled_from(["ontbreekt", "bevat"]), texts, st.none(), patterns,
              st.none() | st.sampled_from(["zin", "artikel", "document"])),
)
clauses = st.builds(s.ClauseDecl, names, texts, st.lists(clause_stmts, max_size=6).map(tuple), check=checks)
code_stmts = st.one_of(
    st.builds(s.CodeStmt, st.just("model"), text=texts),
    st.builds(s.CodeStmt, st.just("lichaam"), name=names, text=texts),
    st.builds(s.CodeStmt, st.just("ambten"), names=st.lists(names, min_size=1, max_size=3).map(tuple)),
    st.builds(s.CodeStmt, st.just("jaar"), number=st.integers(1900, 2100)),
    st.builds(s.CodeStmt, st.just("zet"), name=names, param=names, value=values),
    st.builds(s.CodeStmt, st.just("zet"), name=names, param=names, value=values, office=names),
    st.builds(s.CodeStmt, st.just("zet_term"), name=names, text=texts),
    st.builds(s.CodeStmt, st.just("zonder"), names=st.lists(names, min_size=1, max_size=3).map(tuple)),
    st.builds(s.CodeStmt, st.sampled_from(["intrekking", "inwerkingtreding", "vastgesteld", "voorstel",
                                           "voorstel_datum", "voorstel_kenmerk", "advies", "naam_voorzitter",
                                           "naam_griffier"]), text=texts),
)
terms = st.builds(s.TermDecl, names, texts, checks)
offices = st.builds(s.OfficeDecl, names, texts, texts, names, texts, st.none() | st.booleans(),
                    st.lists(terms, max_size=2).map(tuple),
                    st.lists(patterns.map(s.PatternStmt), max_size=2).map(tuple),
                    st.lists(patterns.map(s.PatternStmt), max_size=1).map(tuple),
                    st.none() | texts)
items = st.one_of(
    st.builds(s.Header, texts, texts, texts, texts,
              st.lists(st.builds(s.Edition, texts, texts), max_size=2).map(tuple)),
    st.builds(s.ChapterDecl, names, texts),
    st.builds(s.BodyDecl, names, texts, st.lists(terms, max_size=3).map(tuple),
              st.lists(offices, max_size=2).map(tuple), st.lists(patterns.map(s.PatternStmt), max_size=2).map(tuple),
              st.lists(st.builds(s.GroupDecl, names, texts, texts,
                                 st.lists(selectors, min_size=1, max_size=2).map(tuple)), max_size=2).map(tuple)),
    clauses,
    st.builds(s.CodeDecl, texts, st.lists(st.one_of(code_stmts, clauses), max_size=5).map(tuple)),
)
trees = st.builds(s.SyntaxTree, st.just("gen.gdc"), st.lists(items, max_size=4).map(tuple))

_TOKEN = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*|\s+|[^\s"#]+', re.S)


@st.composite
def relaid_source(draw: st.DrawFn) -> tuple[s.SyntaxTree, str]:
    """A generated tree, printed canonically, then laid out again with random whitespace and comments."""
    tree = draw(trees)
    canonical = format_tree(tree)
    out = []
    for tok in _TOKEN.findall(canonical):
        if tok.isspace():
            sep = draw(st.sampled_from([" ", "\n", "\t", "  \n\n   ", " # opmerking\n", "\n# regel\n "]))
            out.append(sep)
        else:
            out.append(tok)
    return tree, "".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(relaid_source())
def test_format_round_trip_on_generated_sources(case: tuple[s.SyntaxTree, str]) -> None:
    tree, source = case
    parsed = parse(source, "gen.gdc")
    assert parsed == tree
    formatted = format_tree(parsed)
    assert parse(formatted) == parsed
    assert format_tree(parse(formatted)) == formatted


@given(texts)
def test_quote_round_trips_every_string(text: str) -> None:
    quoted = quote(text)
    assert decode_string(quoted) == text
    tree = parse(f"hoofdstuk x {quoted}")
    assert tree.items == (s.ChapterDecl("x", text),)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_parser_never_crashes_on_arbitrary_text(text: str) -> None:
    try:
        parse(text, "willekeurig.gdc")
    except gedragscode.DslSyntaxError as exc:
        assert exc.location is not None and exc.location.file == "willekeurig.gdc"
        assert "verwacht" in exc.message or "onverwacht" in exc.message
