"""``gedragscode lint`` on the command line: output formats, JSON contract, exit codes, batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

CODE = """Gedragscode integriteit raadsleden gemeente Proefstad 2024

De raad van de gemeente Proefstad;

gelet op artikel 15, derde lid, van de Gemeentewet;

besluit:

Artikel 1 Reikwijdte

Deze gedragscode geldt voor de raadsleden.

Artikel 2 Geschenken

Een raadslid meldt een geschenk met een waarde van meer dan € 50 bij de griffier, die het registreert.
"""


@pytest.fixture()
def code(tmp_path: Path) -> Path:
    path = tmp_path / "code.txt"
    path.write_text(CODE, encoding="utf-8")
    return path


def _run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def test_json_contract(code: Path) -> None:
    status, out, _ = _run("--format", "json", str(code))
    data = json.loads(out)
    assert isinstance(data, dict)
    assert data["file"] == str(code)
    assert data["body"] == "gemeente" and data["offices"] == ["raadslid"]
    assert isinstance(data["summary"], dict)
    ids = [c["id"] for c in data["clauses"]]
    for theme in ("reikwijdte", "nevenfuncties", "geschenken", "informatie", "risicoanalyse"):
        assert theme in ids
    by_id = {c["id"]: c for c in data["clauses"]}
    gifts = by_id["geschenken"]
    assert gifts["status"] == "present" and gifts["level"] == "aanbevolen"
    ev = gifts["evidence"][0]
    assert set(ev) >= {"label", "start", "end", "text"}
    assert CODE[ev["start"]:ev["end"]].strip() == ev["text"]
    assert by_id["risicoanalyse"]["status"] == "not_required"
    assert by_id["informatie"]["status"] == "missing" and by_id["informatie"]["message"]
    assert status == 1  # statutory clauses are missing


def test_text_report_and_exit_codes(code: Path) -> None:
    status, out, _ = _run(str(code))
    assert status == 1
    assert "Geschenken" in out and "ontbreekt" in out
    # only optional findings would pass with --fail-on fout? No: statutory ones are missing.
    assert _run("--fail-on", "fout", str(code))[0] == 1


def test_exit_zero_when_nothing_reaches_fail_on(tmp_path: Path) -> None:
    import gedragscode
    from gedragscode.render.build import render

    md = render(gedragscode.make_code("gemeente", ["raadslid"], "Proefstad", year=2026), "md")
    assert isinstance(md, str)
    path = tmp_path / "volledig.md"
    path.write_text(md, encoding="utf-8")
    status, out, err = _run("--fail-on", "info", "--format", "json", str(path))
    assert status == 0, (out[:500], err)


def test_several_files_give_an_array(code: Path, tmp_path: Path) -> None:
    other = tmp_path / "tweede.md"
    other.write_text(CODE, encoding="utf-8")
    _, out, _ = _run("--format", "json", str(code), str(other))
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 2


def test_a_directory_gives_an_array(code: Path) -> None:
    _, out, _ = _run("--format", "json", str(code.parent))
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 1


def test_stdin(code: Path) -> None:
    status, out, _ = _run("--format", "json", "-", input=CODE.encode("utf-8"))
    assert json.loads(out)["body"] == "gemeente"
    assert status == 1


def test_overrides(code: Path) -> None:
    _, out, _ = _run("--format", "json", "--body", "gemeente", "--office", "wethouder,burgemeester", str(code))
    data = json.loads(out)
    assert data["offices"] == ["wethouder", "burgemeester"]
    assert {c["id"]: c for c in data["clauses"]}["risicoanalyse"]["status"] == "missing"


def test_usage_errors_exit_2(code: Path) -> None:
    status, _, err = _run("--body", "gemeente", "--office", "statenlid", str(code))
    assert status == 2 and "statenlid" in err and "Traceback" not in err
    assert _run("--format", "pdf", str(code))[0] == 2
    status, _, err = _run(str(code.parent / "bestaat-niet.txt"))
    assert status == 2 and "niet gevonden" in err


def test_broken_file_in_batch_is_reported_and_others_still_checked(code: Path, tmp_path: Path) -> None:
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"geen zip")
    status, out, err = _run("--format", "json", str(code), str(broken))
    assert status == 2
    data = json.loads(out)
    assert len(data) == 2
    assert any(d.get("error") for d in data)
    assert any(d.get("body") == "gemeente" for d in data)
    assert "kapot.docx" in err


def test_output_file_and_force(code: Path, tmp_path: Path) -> None:
    target = tmp_path / "rapport.json"
    assert _run("--format", "json", "-o", str(target), str(code))[0] == 1
    assert json.loads(target.read_text(encoding="utf-8"))["body"] == "gemeente"
    status, _, err = _run("--format", "json", "-o", str(target), str(code))
    assert status == 2 and err
    assert _run("--format", "json", "-o", str(target), "--force", str(code))[0] == 1


@pytest.mark.parametrize("fmt", ["sarif", "html"])
def test_other_formats(code: Path, fmt: str) -> None:
    status, out, _ = _run("--format", fmt, str(code))
    assert status == 1
    if fmt == "sarif":
        assert json.loads(out)["version"] == "2.1.0"
    else:
        assert out.lstrip().lower().startswith("<!doctype html")


def test_summary_overview(code: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "overzicht.csv"
    html_path = tmp_path / "overzicht.html"
    _run("--summary", str(csv_path), str(code))
    _run("--summary", str(html_path), str(code))
    assert "geschenken" in csv_path.read_text(encoding="utf-8")
    assert "<html" in html_path.read_text(encoding="utf-8").lower()


def test_suggest_adds_model_text(code: Path) -> None:
    _, out, _ = _run("--format", "json", "--suggest", str(code))
    by_id = {c["id"]: c for c in json.loads(out)["clauses"]}
    assert by_id["informatie"].get("suggestion")


def test_help_is_dutch() -> None:
    result = CliRunner().invoke(cli, ["lint", "--help"])
    assert result.exit_code == 0
    assert "Toets bestaande gedragscodes" in result.output
