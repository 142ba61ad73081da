"""Issue 13, the DSL bounds its own inputs: every hostile construct is a Dutch error with a position.

(A regression here would hang: the ``hang_guard`` fixture of ``conftest.py`` turns that into a failure.)

A clause added on top of the bundled model (as a griffie's own model file would) carries each
hostile construct; ``check`` must answer with located errors, quickly, never a traceback or a hang.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

import gedragscode
from gedragscode.errors import DslSyntaxError, GedragscodeError
from gedragscode.limits import MAX_INT_DIGITS, MAX_PATTERN_DEPTH
from gedragscode.safe_regex import RegexTimeout, compile_regex, regex_problem

pytestmark = pytest.mark.usefixtures("hang_guard")

CLAUSE = '''clausule proef "Proef" {{
  hoofdstuk geschenken
  geldt voor alle ambten
  niveau optioneel
  sinds "2015"
  {extra}
  lid "{lid}"
  herken in zin: {pattern}
{examples}}}
'''


def clause_file(tmp_path: Path, *, extra: str = "", lid: str = "Tekst.", pattern: str = "stam(proefwoord)",
                examples: str = "") -> Path:
    path = tmp_path / "proef.gdc"
    path.write_text(CLAUSE.format(extra=extra, lid=lid, pattern=pattern, examples=examples), encoding="utf-8")
    return path


def errors_of(path: Path) -> list[GedragscodeError]:
    errors = gedragscode.check([path])
    assert errors, "a hostile clause must be refused"
    return errors


def assert_located(error: GedragscodeError, path: Path, line: int) -> None:
    assert error.location is not None and error.location.file == str(path)
    assert error.location.line == line, error.format()


# ---------------------------------------------------------------- regex recognisers


@pytest.mark.parametrize("pattern", ["a{4294967295}", "a{2000}", "(?:ab){1001,}"])
def test_huge_repeat_counts_are_refused(tmp_path: Path, pattern: str) -> None:
    path = clause_file(tmp_path, pattern=f'regex("{pattern}")')
    error = errors_of(path)[0]
    assert "herhaling van meer dan 1000 keer" in error.message
    assert_located(error, path, 8)


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\\w*\\s?)*x", r"(?:x{0,200})*y", r"((ab)*c)*d"])
def test_nested_unbounded_repeats_are_refused(tmp_path: Path, pattern: str) -> None:
    path = clause_file(tmp_path, pattern=f'regex("{pattern}")')
    error = errors_of(path)[0]
    assert "binnen een onbegrensde herhaling" in error.message
    assert_located(error, path, 8)


def test_model_style_patterns_pass_the_check() -> None:
    for pattern in (r"\bartikel(?:en)?\b[^;:]{0,200}?\b45\b", r"\b(?:vermeld)\s+(?:\w+\s+){0,3}?of\b",
                    r"\bgedeputeerden?\b(?! staten)", r"(?m)^\s*(?:de )?eilandsraad\b"):
        assert regex_problem(pattern) is None, pattern


def test_every_bundled_regex_passes_the_check() -> None:
    model = gedragscode.load_model()
    seen = 0
    for pattern in _regexes(model):
        assert regex_problem(pattern) is None, pattern
        seen += 1
    assert seen > 10


def _regexes(model: gedragscode.Model) -> list[str]:
    from gedragscode.model import Regex

    found: list[str] = []

    def walk(p: object) -> None:
        if isinstance(p, Regex):
            found.append(p.pattern)
        for attr in ("parts", "part", "left", "right"):
            sub = getattr(p, attr, None)
            if isinstance(sub, tuple):
                for x in sub:
                    walk(x)
            elif sub is not None:
                walk(sub)

    for clause in model.clauses:
        for r in clause.recognisers:
            walk(r.pattern)
    for body in model.bodies:
        for value in vars(body).values():
            if isinstance(value, tuple):
                for x in value:
                    walk(x)
    return found


def test_catastrophic_alternation_stops_at_the_time_limit(tmp_path: Path) -> None:
    # (a|a)* has no nested repeat: only running it shows the problem; check must end with an error
    path = clause_file(tmp_path, pattern='regex("(a|a)*$")', examples=f'  voorbeeld "{"a" * 40}!"\n')
    errors = errors_of(path)
    assert any("langer dan" in e.message and "vereenvoudig" in e.message for e in errors), errors
    timed_out = next(e for e in errors if "langer dan" in e.message)
    assert_located(timed_out, path, 9)


def test_catastrophic_regex_in_lint_is_a_failure_not_a_hang(tmp_path: Path) -> None:
    from gedragscode.catalogue import bundled_trees
    from gedragscode.resolve import resolve_model

    model = resolve_model([*bundled_trees(), gedragscode.parse_file(clause_file(tmp_path, pattern='regex("(a|a)*$")'))])
    doc = tmp_path / "code.txt"
    doc.write_text("Artikel 1 Proef\n\n" + "a" * 40 + "!\n", encoding="utf-8")
    results = gedragscode.lint_paths([doc], model=model)
    assert isinstance(results[0], gedragscode.LintFailure)
    assert "vereenvoudig de reguliere expressie" in results[0].message
    with pytest.raises(RegexTimeout):
        list(compile_regex("(a|a)*$").finditer("a" * 40 + "!"))


def _regex_objects(patterns: object) -> list[object]:
    from gedragscode.model import Regex

    found: list[object] = []

    def walk(p: object) -> None:
        if isinstance(p, Regex):
            found.append(p)
        for attr in ("parts", "part", "left", "right", "pattern"):
            sub = getattr(p, attr, None)
            if isinstance(sub, tuple):
                for x in sub:
                    walk(x)
            elif sub is not None and not isinstance(sub, str):
                walk(sub)

    walk(patterns)
    return found


def test_only_the_bundled_model_is_trusted(tmp_path: Path) -> None:
    """Trust is where a file came from (threat model): the bundled model's regex recognisers run on
    Python's re; the same text in a user's model file or a local code's own clause is untrusted and
    runs on the time-limited engine."""
    import re as stdlib_re

    from gedragscode.catalogue import bundled_trees
    from gedragscode.model import Regex
    from gedragscode.resolve import resolve_model
    from gedragscode.safe_regex import SafeRegex, compile_recogniser

    model = gedragscode.load_model()
    bundled = [r for c in model.clauses for rec in c.recognisers for r in _regex_objects(rec.pattern)]
    bundled += [r for b in model.bodies for p in b.recognisers for r in _regex_objects(p)]
    assert len(bundled) > 10
    assert all(isinstance(r, Regex) and r.trusted for r in bundled)
    assert all(isinstance(compile_recogniser(r), stdlib_re.Pattern) for r in bundled)  # type: ignore[arg-type]

    same_text = bundled[0]
    assert isinstance(same_text, Regex)
    written = same_text.pattern.replace("\\", "\\\\").replace('"', '\\"')  # as a DSL string
    user_file = clause_file(tmp_path, pattern=f'regex("{written}")')
    user_model = resolve_model([*bundled_trees(), gedragscode.parse_file(user_file)])
    proef = user_model.clause("proef")
    assert proef is not None
    (mine,) = _regex_objects(proef.recognisers[0].pattern)
    assert isinstance(mine, Regex) and mine.pattern == same_text.pattern and not mine.trusted
    assert isinstance(compile_recogniser(mine), SafeRegex)
    assert all(r.trusted for c in user_model.clauses if c.id != "proef" for rec in c.recognisers
               for r in _regex_objects(rec.pattern) if isinstance(r, Regex))


def test_a_local_codes_own_regex_recogniser_is_time_limited(tmp_path: Path) -> None:
    from gedragscode.lint.match import matches_text
    from gedragscode.model import Regex

    local = tmp_path / "proefstad.gdc"
    clause = CLAUSE.format(extra="", lid="Tekst.", pattern='regex("(a|a)*$")', examples="")
    local.write_text('gedragscode "Gedragscode integriteit raadsleden gemeente Proefstad 2026" {\n'
                     '  lichaam gemeente "Proefstad"\n  ambten raadslid\n  jaartal 2026\n'
                     + clause + "}\n", encoding="utf-8")
    code = gedragscode.load_code(local)
    proef = next(c for c in code.clauses if c.id == "proef")
    (mine,) = _regex_objects(proef.recognisers[0].pattern)
    assert isinstance(mine, Regex) and not mine.trusted
    with pytest.raises(RegexTimeout):
        matches_text(proef.recognisers[0].pattern, "a" * 40 + "!")


# ---------------------------------------------------------------- numbers and nesting


def test_integer_over_4300_digits(tmp_path: Path) -> None:
    path = clause_file(tmp_path, extra='parameter p: getal = ' + "9" * 5000 + ' "Uitleg."')
    error = errors_of(path)[0]
    assert isinstance(error, DslSyntaxError)
    assert f"meer dan {MAX_INT_DIGITS} cijfers" in error.message
    assert_located(error, path, 6)


def test_near_distance_too_long(tmp_path: Path) -> None:
    path = clause_file(tmp_path, pattern="nabij(" + "1" * 40 + ", stam(a), stam(b))")
    assert "cijfers" in errors_of(path)[0].message


@pytest.mark.parametrize("pattern", ["niet " * 500 + "stam(x)",
                                     "nabij(3, " * 500 + "stam(x)" + ", stam(y))" * 500,
                                     "(" * 500 + "stam(x)" + " en stam(y))" * 500])
def test_500_nested_patterns(tmp_path: Path, pattern: str) -> None:
    path = clause_file(tmp_path, pattern=pattern)
    error = errors_of(path)[0]
    assert isinstance(error, DslSyntaxError)
    assert f"meer dan {MAX_PATTERN_DEPTH} niveaus" in error.message or "te diep genest" in error.message
    assert error.location is not None and error.location.line in (0, 8)


def test_moderate_nesting_still_works(tmp_path: Path) -> None:
    path = clause_file(tmp_path, pattern="niet " * 4 + "stam(x) en " + "nabij(3, " * 5 + "stam(x)"
                       + ", stam(y))" * 5)
    assert gedragscode.check([path]) == []


# ---------------------------------------------------------------- templates


@pytest.mark.parametrize(("lid", "needle"), [
    ("{{ naam | bestaatniet }}", "onbekend of niet toegestaan filter 'bestaatniet'"),
    ("{{ naam | center(999999999) }}", "filter 'center'"),
    ("{{ 7**99999999 }}", "machtsverheffen"),
    ("{{ 7**99999999 % 10 }}", "in een sjabloon niet toegestaan"),
    ("{{ 'x' * 999999999 }}", "vermenigvuldigen"),
    ("{{ '%09999999d' % 1 }}", "de operator %"),
    ("{{ naam.ljust(999999999) }}", "een functie aanroepen"),
    ("{% for i in range(99999) %}x{% endfor %}", "een functie aanroepen"),
    ("{% for a in ambten %}{% for b in ambten %}{% for c in ambten %}{% for d in ambten %}x"
     "{% endfor %}{% endfor %}{% endfor %}{% endfor %}", "geneste for-lussen"),
    ("{% if 1 %}" * 200 + "x" + "{% endif %}" * 200, "niveaus diep genest"),
    ("{{ " + "(" * 300 + "1" + ")" * 300 + " }}", "diep genest"),
])
def test_hostile_templates_are_refused_with_position(tmp_path: Path, lid: str, needle: str) -> None:
    path = clause_file(tmp_path, lid=lid.replace('"', "'"))
    errors = errors_of(path)
    assert any(needle in e.message for e in errors), [e.format() for e in errors]
    assert_located(next(e for e in errors if needle in e.message), path, 7)


def test_model_templates_pass_the_bounds() -> None:
    assert gedragscode.check() == []


# ---------------------------------------------------------------- term values

# Terms are small templates (``{{ naam }}``, ``{{ griffier }}``: gedragscode.render.terms), so a term
# value runs in the same bounded template subset as clause texts: no arithmetic that explodes.
HOSTILE = "{{ 7**99999999 % 10 }}"


def test_term_value_from_the_command_line_cannot_hang() -> None:
    result = CliRunner().invoke(cli, ["render", "--body", "gemeente", "--office", "raadslid", "--naam", "Proefstad",
                                      "--jaar", "2026", "--set", f"term.griffier={HOSTILE}"])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "niet toegestaan" in result.output


def test_term_value_in_a_local_code_cannot_hang(tmp_path: Path) -> None:
    local = tmp_path / "proefstad.gdc"
    local.write_text(
        'gedragscode "Gedragscode integriteit raadsleden gemeente Proefstad 2026" {\n'
        '  lichaam gemeente "Proefstad"\n  ambten raadslid\n  jaartal 2026\n'
        f'  zet term griffier = "{HOSTILE}"\n}}\n', encoding="utf-8")
    # refused with its position when the code is read (the terms are resolved while reading, and even
    # Jinja2's analysis of a template folds its constants)
    with pytest.raises(GedragscodeError, match=r"proefstad\.gdc:5:3: .*term 'griffier'.*niet toegestaan"):
        gedragscode.load_code(local)
    result = CliRunner().invoke(cli, ["render", str(local)])
    assert result.exit_code == 2 and "niet toegestaan" in result.output


def test_place_placeholder_in_a_term_still_fills_in() -> None:
    code = gedragscode.make_code("gemeente", ["raadslid"], "Proefstad", year=2026,
                                 settings={"term.griffier": "de griffier van {{ naam }}"})
    text = gedragscode.render(code, "md")
    assert isinstance(text, str) and "de griffier van Proefstad" in text


# ---------------------------------------------------------------- a byte-order mark


def test_bom_at_the_start_of_a_gdc_is_accepted(tmp_path: Path) -> None:
    local = tmp_path / "bom.gdc"
    source = ('gedragscode "Gedragscode integriteit raadsleden gemeente Proefstad 2026" {\n'
              '  lichaam gemeente "Proefstad"\n  ambten raadslid\n  jaartal 2026\n}\n')
    local.write_bytes(b"\xef\xbb\xbf" + source.encode("utf-8"))
    assert gedragscode.check([local]) == []
    assert gedragscode.load_code(local).place == "Proefstad"
    result = CliRunner().invoke(cli, ["check", str(local)])
    assert result.exit_code == 0 and "\ufeff" not in result.output
    result = CliRunner().invoke(cli, ["fmt", "--check", str(local)])
    assert result.exit_code == 1, "the mark is dropped by fmt --write, so --check reports it"
    assert CliRunner().invoke(cli, ["fmt", "--write", str(local)]).exit_code == 0
    assert not local.read_bytes().startswith(b"\xef\xbb\xbf")
    assert gedragscode.parse("\ufeff" + source).items


def test_error_messages_show_no_invisible_characters(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.gdc"
    bad.write_bytes(b"\xef\xbb\xbfgedragscode {\n")
    errors = gedragscode.check([bad])
    assert errors and not re.search("[\ufeff]", errors[0].format())
