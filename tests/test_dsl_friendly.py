"""The DSL for people who are not programmers (issue 12): the same values in a file as with --set,
Dutch number words for terms, examples in syntax errors, values set twice, fmt on what init writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

import gedragscode
from gedragscode import DslSyntaxError, ErrorGroup, GedragscodeError
from gedragscode.model import Duration, Money


def code(*lines: str) -> str:
    return "\n".join(['gedragscode "Test" {', '  model "2023"', '  lichaam gemeente "Almelo"', "  ambten raadslid",
                      *(f"  {line}" for line in lines), "}", ""])


def load(*lines: str) -> gedragscode.Code:
    return gedragscode.load_code(gedragscode.parse(code(*lines), "test.gdc"))


def errors(*lines: str) -> list[str]:
    with pytest.raises(GedragscodeError) as info:
        load(*lines)
    exc = info.value
    return [e.format() for e in (exc.errors if isinstance(exc, ErrorGroup) else [exc])]


def test_a_bare_number_is_an_amount_in_a_file_as_with_set() -> None:
    # Both accept it: the parameter's type says it is an amount, and 75 can only mean € 75.
    from_file = load("zet geschenken.grens = 75")
    from_flag = gedragscode.make_code("gemeente", ["raadslid"], "Almelo", settings={"geschenken.grens": "75"})
    assert from_file.values["geschenken"]["grens"] == Money(75) == from_flag.values["geschenken"]["grens"]
    assert any("buiten de grenzen" in e for e in errors("zet geschenken.grens = 500"))


@pytest.mark.parametrize(("text", "expected"), [("twee weken", Duration(2, "week")), ("één week", Duration(1, "week")),
                                                ("een week", Duration(1, "week")), ("tien dagen", Duration(10, "dag")),
                                                ("eenentwintig dagen", Duration(21, "dag"))])
def test_number_words_for_terms(text: str, expected: Duration) -> None:
    assert load(f"zet geschenken.termijn = {text}").values["geschenken"]["termijn"] == expected
    flag = gedragscode.make_code("gemeente", ["raadslid"], "Almelo", settings={"geschenken.termijn": text})
    assert flag.values["geschenken"]["termijn"] == expected


def test_what_render_writes_can_be_typed_back() -> None:
    default = gedragscode.make_code("gemeente", ["raadslid"], "Almelo").values["geschenken"]["termijn"]
    written = str(default)  # "één week", as the rendered code says it
    assert load(f"zet geschenken.termijn = {written}").values["geschenken"]["termijn"] == default


def test_an_unknown_number_word_says_to_use_digits() -> None:
    with pytest.raises(DslSyntaxError, match="schrijf het in cijfers, bijvoorbeeld '2 weken'"):
        load("zet geschenken.termijn = tweeënhalf weken")


@pytest.mark.parametrize(("line", "example"), [
    ("zet geschenken.grens == 75", "zet geschenken.grens = € 75"),
    ("zet geschenken.termijn = twee", "zet geschenken.termijn = 2 weken"),
    ("zonder \"sociale_media\"", "zonder sociale_media, buitenlandse_reizen"),
    ("jaartal tweeduizend", "jaartal 2026"),
])
def test_syntax_errors_show_an_example_of_the_statement(line: str, example: str) -> None:
    with pytest.raises(DslSyntaxError) as info:
        load(line)
    message = info.value.message
    assert "Zo ziet dat eruit" in message and example in message
    assert "__ANON" not in message and "NUMBER_WORD" not in message


def test_a_value_error_describes_values_not_tokens() -> None:
    with pytest.raises(DslSyntaxError) as info:
        load("zet geschenken.termijn = twee")
    assert "verwacht: een waarde: een bedrag (€ 75), een termijn (2 weken)" in info.value.message
    assert '"EUR"' not in info.value.message


def test_a_wrong_type_gives_an_example_value() -> None:
    assert any("verwacht een termijn, niet een getal; bijvoorbeeld: 2 weken" in e
               for e in errors("zet geschenken.termijn = 14"))


@pytest.mark.parametrize(("first", "second", "what"), [
    ("zet geschenken.grens = € 75", "zet geschenken.grens = € 60", "zet geschenken.grens"),
    ('zet term griffier = "a"', 'zet term griffier = "b"', "zet term griffier"),
    ("zonder sociale_media", "zonder agressie, sociale_media", "zonder sociale_media"),
])
def test_the_same_choice_twice_is_an_error_naming_both_lines(first: str, second: str, what: str) -> None:
    found = errors(first, second)
    assert any(e.startswith("test.gdc:6:3:") and f"{what} staat twee keer" in e and "ook op regel 5" in e
               for e in found), found


def test_set_twice_on_the_command_line() -> None:
    result = CliRunner().invoke(cli, ["render", "--body", "gemeente", "--office", "raadslid", "--naam", "X",
                                      "--set", "geschenken.grens=75", "--set", "Geschenken.Grens=60"])
    assert result.exit_code == 2 and "twee keer" in result.stderr


def test_unknown_names_in_a_file_suggest_the_nearest() -> None:
    assert any("bedoelde u geschenken?" in e for e in errors("zet geschenk.grens = € 75"))
    assert any("bedoelde u raadslid?" in e for e in errors("ambten raadsleden"))
    assert any("bedoelde u griffier?" in e for e in errors('zet term grifier = "x"'))


@pytest.mark.parametrize(("body", "offices"), [("gemeente", "raadslid,commissielid"),
                                               ("provincie", "gedeputeerde,cdk"),
                                               ("waterschap", "ab_lid"), ("openbaar_lichaam", "gezaghebber")])
def test_init_output_is_in_canonical_layout(tmp_path: Path, body: str, offices: str) -> None:
    target = tmp_path / "code.gdc"
    result = CliRunner().invoke(cli, ["init", "--body", body, "--office", offices, "--naam", "X", "-o", str(target)])
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert gedragscode.format_source(text) == text
    assert "\n\n  # Woorden van het lichaam" in text  # the blank lines that group the file survive fmt
    result = CliRunner().invoke(cli, ["fmt", "--check", str(target)])
    assert result.exit_code == 0


def test_fmt_takes_a_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.gdc").write_text(code("zet geschenken.grens = € 75"), encoding="utf-8")
    (tmp_path / "sub" / "b.gdc").write_text(code("zonder  sociale_media"), encoding="utf-8")
    (tmp_path / "notitie.txt").write_text("geen dsl", encoding="utf-8")
    result = CliRunner().invoke(cli, ["fmt", "--check", str(tmp_path)])
    assert result.exit_code == 1 and "b.gdc: niet in de vaste opmaak" in result.stderr
    assert "a.gdc" not in result.stderr
    result = CliRunner().invoke(cli, ["fmt", "--write", str(tmp_path)])
    assert result.exit_code == 0 and "zonder sociale_media\n" in (tmp_path / "sub" / "b.gdc").read_text("utf-8")
    result = CliRunner().invoke(cli, ["fmt", str(tmp_path / "sub" / "leeg")])
    assert result.exit_code == 2


def test_fmt_keeps_one_blank_line_above_a_comment() -> None:
    source = code("zet geschenken.grens = € 75", "", "", "# weglaten:", "zonder sociale_media")
    once = gedragscode.format_source(source)
    assert "€ 75\n\n  # weglaten:\n  zonder" in once
    assert gedragscode.format_source(once) == once


def test_models_lists_the_chapter_ids_for_a_local_clause() -> None:
    import json

    result = CliRunner().invoke(cli, ["models"])
    assert "Hoofdstukken" in result.output and "  voorzieningen" in result.output
    assert "Geschenken en diensten (hoofdstuk geschenken)" in result.output
    data = json.loads(CliRunner().invoke(cli, ["models", "--format", "json"]).output)
    ids = [ch["id"] for ch in data["chapters"]]
    assert ids == [ch.id for ch in gedragscode.load_model().chapters] and "voorzieningen" in ids
    # the chapter the listing names is the one a local clause can use
    clause = ('clausule dienstfietsen "Dienstfietsen" {', "  hoofdstuk voorzieningen", "  geldt voor alle ambten",
              "  niveau optioneel", '  lid "Het raadslid gebruikt de dienstfiets alleen voor het ambt."', "}")
    assert any(c.id == "dienstfietsen" for c in load(*clause).clauses)
