"""``gedragscode wijzig`` through click's CliRunner: exit codes, output files, messages."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner
from gedragscode.cli.main import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CODE = FIXTURES / "wijzig" / "zuidervaart_2012.txt"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["wijzig", *args])
    return result.exit_code, result.stdout, result.stderr


def test_besluit_to_standard_output() -> None:
    code, out, err = _run(str(CODE))
    assert code == 0, err
    assert out.startswith("# Besluit tot wijziging van de Gedragscode integriteit raadsleden gemeente Zuidervaart")
    assert "## Artikel I" in out
    assert "artikelen ingevoegd" in err and "gewijzigd" in err
    assert "Nog te controleren" in err
    assert "Nog te controleren" not in out


def test_docx_needs_an_output_file_and_is_written(tmp_path: Path) -> None:
    code, _out, err = _run(str(CODE), "--format", "docx")
    assert code == 2 and "Word-document" in err
    target = tmp_path / "besluit.docx"
    code, _out, err = _run(str(CODE), "-o", str(target))
    assert code == 0, err
    assert "Wijzigingsbesluit geschreven" in err
    with zipfile.ZipFile(target) as z:
        assert b"Besluit tot wijziging" in z.read("word/document.xml")


def test_no_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "besluit.md"
    target.write_text("eigen tekst", encoding="utf-8")
    code, _out, err = _run(str(CODE), "-o", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "eigen tekst"
    code, _out, err = _run(str(CODE), "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Besluit tot wijziging")


def test_consolidated_html_and_docx(tmp_path: Path) -> None:
    html = tmp_path / "geconsolideerd.html"
    code, _out, err = _run(str(CODE), "--geconsolideerd", "-o", str(html))
    assert code == 0, err
    assert "Geconsolideerde tekst geschreven" in err
    page = html.read_text(encoding="utf-8")
    assert "<ins>" in page and "<del>" in page
    docx = tmp_path / "geconsolideerd.docx"
    code, _out, err = _run(str(CODE), "--geconsolideerd", "-o", str(docx))
    assert code == 0, err
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml")
    assert b"<w:ins " in xml and b"<w:del " in xml


def test_raadsvoorstel(tmp_path: Path) -> None:
    code, out, err = _run(str(CODE), "--raadsvoorstel")
    assert code == 0, err
    assert out.startswith("# Voorstel aan de raad: wijziging van de Gedragscode")
    assert "te wijzigen overeenkomstig bijgaand besluit" in out


def test_options_conflict_and_format_mismatch(tmp_path: Path) -> None:
    code, _out, err = _run(str(CODE), "--geconsolideerd", "--raadsvoorstel")
    assert code == 2 and "niet allebei" in err
    code, _out, err = _run(str(CODE), "--format", "html", "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "past niet bij" in err
    code, _out, err = _run(str(CODE), "--format", "json")
    assert code == 2 and "--controle" in err
    code, _out, err = _run(str(CODE), "--datum", "2026-03-01")
    assert code == 2 and "alleen voor een Word-document" in err


def test_docx_with_a_date_is_reproducible(tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    for target in (first, second):
        code, _out, err = _run(str(CODE), "--geconsolideerd", "--datum", "2026-03-01", "-o", str(target))
        assert code == 0, err
    assert first.read_bytes() == second.read_bytes()
    code, _out, err = _run(str(CODE), "--datum", "1 maart", "-o", str(tmp_path / "c.docx"))
    assert code == 2 and "--datum" in err


def test_met_and_zonder(tmp_path: Path) -> None:
    code, out, err = _run(str(CODE), "--met", "agressie,vertrouwenspersoon", "--zonder", "begrippen")
    assert code == 0, err
    assert "Agressie en intimidatie" in out and "Vertrouwenspersoon" in out
    assert "Artikel 1a Begrippen" not in out
    code, _out, err = _run(str(CODE), "--met", "agresie")
    assert code == 2 and "onbekende clausule 'agresie'" in err


def test_controle_as_json() -> None:
    code, out, err = _run(str(CODE), "--controle", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["count"] == len(data["items"]) > 0
    assert data["items"][0]["where"] == "Aanhef"


def test_unrecognised_structure_is_refused_in_dutch() -> None:
    code, out, err = _run(str(FIXTURES / "lint" / "provincie_gs_ongenummerd.txt"))
    assert code == 2
    assert not out
    assert "structuur niet herkend; maak een nieuwe code met render" in err
    assert "Traceback" not in err


def test_missing_file_and_missing_name() -> None:
    code, _out, err = _run("bestaat-niet.txt")
    assert code == 2 and "niet gevonden" in err
    code, _out, err = _run(str(FIXTURES / "blind" / "model" / "ws_db_2015.txt"))
    assert code == 2 and "--naam" in err


def test_nothing_to_change(tmp_path: Path) -> None:
    rendered = tmp_path / "code.md"
    result = CliRunner().invoke(cli, ["render", "--body", "gemeente", "--office", "raadslid", "--naam", "Proefstad",
                                      "--jaar", "2026", "-o", str(rendered)])
    assert result.exit_code == 0, result.stderr
    target = tmp_path / "besluit.md"
    code, out, err = _run(str(rendered), "-o", str(target))
    assert code == 0, err
    assert "Niets te wijzigen" in err
    assert not target.exists() and not out


def test_wijzig_refuses_a_parameter_set_twice_like_render() -> None:
    """--set parsing is one function for render and wijzig: a value set twice is a Dutch error in both."""
    from click.testing import CliRunner
    from gedragscode.cli.main import cli

    fixture = Path(__file__).parent / "fixtures" / "wijzig" / "zuidervaart_2012.txt"
    result = CliRunner().invoke(cli, ["wijzig", str(fixture), "--set", "geschenken.grens=60",
                                      "--set", "Geschenken.grens=70"])
    assert result.exit_code == 2
    assert "staat twee keer in de opdracht" in result.output
