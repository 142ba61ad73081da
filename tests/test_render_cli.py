"""``gedragscode render`` and ``gedragscode init`` through click's CliRunner."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

import gedragscode

RAAD = ["--body", "gemeente", "--office", "raadslid,commissielid", "--naam", "Almelo", "--jaar", "2026"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_render_markdown_to_stdout() -> None:
    code, out, err = run("render", *RAAD)
    assert code == 0, err
    expected = gedragscode.render(gedragscode.make_code("gemeente", ["raadslid", "commissielid"], "Almelo",
                                                        year=2026), "md")
    assert out == expected


def test_render_html_to_stdout() -> None:
    code, out, _ = run("render", *RAAD, "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")


def test_render_docx_needs_output() -> None:
    code, out, err = run("render", *RAAD, "--format", "docx")
    assert code == 2
    assert out == ""
    assert "-o" in one_line_error(err)


def test_render_docx_to_file(tmp_path: Path) -> None:
    target = tmp_path / "code.docx"
    code, out, err = run("render", *RAAD, "-o", str(target))  # format from the suffix
    assert code == 0, err
    assert out == ""
    document = docx.Document(io.BytesIO(target.read_bytes()))
    assert document.paragraphs[0].text == "Gedragscode integriteit raadsleden en commissieleden gemeente Almelo 2026"


def test_format_from_suffix_and_conflict(tmp_path: Path) -> None:
    html = tmp_path / "code.html"
    assert run("render", *RAAD, "-o", str(html))[0] == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, _, err = run("render", *RAAD, "--format", "md", "-o", str(tmp_path / "x.docx"))
    assert code == 2
    assert "past niet" in one_line_error(err)
    assert not (tmp_path / "x.docx").exists()


def test_existing_output_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "code.md"
    target.write_text("oud", encoding="utf-8")
    code, _, err = run("render", *RAAD, "-o", str(target))
    assert code == 2
    assert "--force" in one_line_error(err)
    assert target.read_text(encoding="utf-8") == "oud"
    code, _, _ = run("render", *RAAD, "-o", str(target), "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("# Gedragscode integriteit")


@pytest.mark.parametrize(("args", "fragment"), [
    (["--body", "stad", "--office", "raadslid", "--naam", "X"], "onbekend lichaam 'stad'"),
    (["--body", "gemeente", "--office", "statenlid", "--naam", "X"], "geen ambt 'statenlid'"),
    ([*RAAD, "--set", "geschenken.kleur=rood"], "geen parameter 'kleur'"),
    ([*RAAD, "--set", "geschenken.grens=veel"], "geen bedrag"),
    ([*RAAD, "--set", "geschenken.grens=5000"], "buiten de grenzen"),
    ([*RAAD, "--set", "geschenken"], "PARAMETER=WAARDE"),
    ([*RAAD, "--zonder", "bestaat_niet"], "onbekende clausule"),
    (["--body", "gemeente", "--naam", "X"], "--office"),
])
def test_bad_input_is_one_dutch_line(args: list[str], fragment: str) -> None:
    code, out, err = run("render", *args)
    assert code == 2
    assert out == ""
    assert fragment in one_line_error(err)


def test_set_and_zonder_and_intrekking() -> None:
    code, out, err = run("render", *RAAD, "--set", "geschenken.grens=75", "--zonder", "geschenken",
                         "--intrekking", "Gedragscode integriteit raadsleden gemeente Almelo 2019")
    # geschenken cannot be both set and left out
    assert code == 2
    assert "weggelaten" in err
    code, out, err = run("render", *RAAD, "--set", "geschenken.grens=75",
                         "--intrekking", "Gedragscode integriteit raadsleden gemeente Almelo 2019")
    assert code == 0, err
    assert "€ 75" in out
    assert "De Gedragscode integriteit raadsleden gemeente Almelo 2019 wordt ingetrokken." in out
    assert "onder gelijktijdige intrekking van de Gedragscode integriteit raadsleden gemeente Almelo 2019." in out


def test_file_and_flags_do_not_mix(tmp_path: Path) -> None:
    local = tmp_path / "almelo.gdc"
    assert run("init", *RAAD, "-o", str(local))[0] == 0
    code, _, err = run("render", str(local), "--naam", "Hengelo")
    assert code == 2
    assert "--naam" in one_line_error(err)


def test_missing_local_file() -> None:
    code, _, err = run("render", "bestaat-niet.gdc")
    assert code == 2
    assert "niet gevonden" in err


def test_init_check_render_round_trip(tmp_path: Path) -> None:
    local = tmp_path / "almelo.gdc"
    code, _out, err = run("init", *RAAD, "-o", str(local))
    assert code == 0, err
    text = local.read_text(encoding="utf-8")
    model = gedragscode.load_model()
    made = gedragscode.make_code("gemeente", ["raadslid", "commissielid"], "Almelo", year=2026)
    # every parameter of every clause, with a comment above it
    lines = text.splitlines()
    for clause in made.clauses:
        for param in clause.parameters:
            setting = f"zet {clause.id}.{param.name} ="
            index = next(i for i, line in enumerate(lines) if line.strip().startswith(setting))
            assert lines[index - 1].strip().startswith(f"# {param.name}:")
    for clause in model.applicable_clauses("gemeente", made.offices):
        assert (f"# zonder {clause.id}" in text) == clause.can_be_left_out("gemeente"), clause.id
    assert "# zet term griffier = " in text
    assert run("check", str(local))[0] == 0
    code, from_file, err = run("render", str(local))
    assert code == 0, err
    assert from_file == run("render", *RAAD)[1]
    when = datetime.date(2026, 3, 1)  # a DOCX carries a date; fixed, equal codes give equal bytes
    for fmt in ("html", "docx"):
        assert gedragscode.render(gedragscode.load_code(local), fmt, date=when) == gedragscode.render(made, fmt,
                                                                                                    date=when)


@pytest.mark.parametrize(("body", "offices"), [
    ("provincie", "statenlid,gedeputeerde,cdk"),
    ("waterschap", "ab_lid,db_lid,voorzitter"),
    ("openbaar_lichaam", "eilandsraadslid,eilandgedeputeerde,gezaghebber"),
])
def test_init_round_trip_every_body(tmp_path: Path, body: str, offices: str) -> None:
    local = tmp_path / "code.gdc"
    flags = ["--body", body, "--office", offices, "--naam", "Testplaats", "--jaar", "2026"]
    assert run("init", *flags, "-o", str(local))[0] == 0
    assert run("check", str(local))[0] == 0
    assert run("render", str(local))[1] == run("render", *flags)[1]


def test_edited_starter_file_renders_the_choice(tmp_path: Path) -> None:
    local = tmp_path / "almelo.gdc"
    assert run("init", *RAAD, "-o", str(local))[0] == 0
    text = local.read_text(encoding="utf-8")
    text = text.replace("zet geschenken.grens = € 50", "zet geschenken.grens = € 25")
    text = text.replace("# zet term griffier = ", "zet term griffier = ").replace(
        'zet term griffier = "de griffier"', 'zet term griffier = "de raadsgriffier"')
    local.write_text(text, encoding="utf-8")
    code, out, err = run("render", str(local))
    assert code == 0, err
    assert "€ 25" in out and "de raadsgriffier" in out


def test_init_to_stdout_and_force(tmp_path: Path) -> None:
    code, out, _ = run("init", *RAAD)
    assert code == 0
    assert out.startswith("# Lokale gedragscode")
    target = tmp_path / "a.gdc"
    target.write_text("x", encoding="utf-8")
    code, _, err = run("init", *RAAD, "-o", str(target))
    assert "--force" in one_line_error(err)
    assert code == 2 and target.read_text(encoding="utf-8") == "x"
    assert run("init", *RAAD, "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") == out


def test_help_is_dutch() -> None:
    for command in ("render", "init"):
        code, out, _ = run(command, "--help")
        assert code == 0
        assert "Gebruik:" in out and "Opties:" in out and "[OPTIES]" in out
        assert "--naam" in out and "Show this message" not in out
