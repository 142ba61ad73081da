"""Rough edges a newcomer tripped over (issue 12): output names, ``-o -``, ``--summary``, errors once."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

RAAD = ["--body", "gemeente", "--office", "raadslid", "--naam", "Almelo", "--jaar", "2026"]


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("codes")
    status, out, _ = run("render", *RAAD)
    assert status == 0
    (folder / "almelo.md").write_text(out, encoding="utf-8")
    return folder / "almelo.md"


# ---------------------------------------------------------------- output file names


@pytest.mark.parametrize(("name", "hint"), [("code.pdf", "Opslaan als"), ("code.doc", ".docx"),
                                            ("code.odt", ".docx"), ("code.txt", ".md")])
def test_render_refuses_a_file_name_of_another_format(tmp_path: Path, name: str, hint: str) -> None:
    status, _, err = run("render", *RAAD, "-o", str(tmp_path / name))
    assert status == 2
    assert f"kan niet als {Path(name).suffix} worden geschreven" in err and hint in err
    assert not (tmp_path / name).exists()


def test_render_two_codes_refuses_pdf_names(tmp_path: Path) -> None:
    status, _, err = run("render", "--twee-codes", "--body", "gemeente", "--naam", "Almelo",
                         "-o", str(tmp_path / "a.pdf"), "-o", str(tmp_path / "b.pdf"))
    assert status == 2 and "kan niet als .pdf" in err
    assert not list(tmp_path.iterdir())


def test_init_writes_only_gdc_files(tmp_path: Path) -> None:
    status, _, err = run("init", *RAAD, "-o", str(tmp_path / "x.docx"))
    assert status == 2 and "gebruik .gdc" in err and "gedragscode render" in err
    assert not (tmp_path / "x.docx").exists()
    status, _, _ = run("init", *RAAD, "-o", str(tmp_path / "x.gdc"))
    assert status == 0 and (tmp_path / "x.gdc").read_text(encoding="utf-8").startswith("# Lokale gedragscode")


@pytest.mark.parametrize("value", ["DOCX", "Docx", "word"])
def test_format_in_any_case(tmp_path: Path, value: str) -> None:
    status, _, _ = run("render", *RAAD, "--format", value, "-o", str(tmp_path / "code.docx"))
    assert status == 0 and (tmp_path / "code.docx").read_bytes()[:2] == b"PK"


def test_format_pdf_says_how_to_get_a_pdf() -> None:
    status, _, err = run("render", *RAAD, "--format", "PDF")
    assert status == 2 and "'PDF' is geen formaat" in err and "Opslaan als" in err


def test_dash_means_standard_output(tmp_path: Path, rendered: Path) -> None:
    status, out, _ = run("render", *RAAD, "-o", "-", cwd=tmp_path)
    assert status == 0 and out.startswith("# Gedragscode integriteit raadsleden gemeente Almelo 2026")
    status, out, _ = run("init", *RAAD, "-o", "-", cwd=tmp_path)
    assert status == 0 and "lichaam gemeente \"Almelo\"" in out
    status, out, _ = run("lint", str(rendered), "-o", "-", cwd=tmp_path)
    assert status == 0 and "Lichaam: gemeente Almelo" in out
    status, _, err = run("render", *RAAD, "--format", "docx", "-o", "-", cwd=tmp_path)
    assert status == 2 and "Word-document" in err
    assert not (tmp_path / "-").exists()


# ---------------------------------------------------------------- lint outputs


def test_lint_report_format_follows_the_file_name(tmp_path: Path, rendered: Path) -> None:
    status, _, _ = run("lint", str(rendered), "-o", str(tmp_path / "rapport.html"))
    assert status == 0 and (tmp_path / "rapport.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    status, _, _ = run("lint", str(rendered), "-o", str(tmp_path / "rapport.sarif.json"))
    assert status == 0 and '"version": "2.1.0"' in (tmp_path / "rapport.sarif.json").read_text(encoding="utf-8")
    status, _, err = run("lint", str(rendered), "-o", str(tmp_path / "rapport.pdf"))
    assert status == 2 and "kan niet als .pdf worden geschreven" in err
    status, _, err = run("lint", str(rendered), "--format", "json", "-o", str(tmp_path / "r.html"))
    assert status == 2 and "past niet bij de bestandsnaam" in err
    assert not (tmp_path / "rapport.pdf").exists() and not (tmp_path / "r.html").exists()


def test_lint_summary_is_checked_before_the_work(tmp_path: Path, rendered: Path) -> None:
    status, out, err = run("lint", str(rendered), "--summary", str(tmp_path / "overzicht.xlsx"))
    assert status == 2 and ".csv- of .html-bestand" in err and out == ""  # nothing checked
    status, out, err = run("lint", str(rendered), "--summary", str(tmp_path / "geen" / "overzicht.csv"))
    assert status == 2 and "bestaat niet" in err and out == ""
    (tmp_path / "bestaat.csv").write_text("oud", encoding="utf-8")
    status, out, err = run("lint", str(rendered), "--summary", str(tmp_path / "bestaat.csv"))
    assert status == 2 and "--force" in err and out == ""
    assert (tmp_path / "bestaat.csv").read_text(encoding="utf-8") == "oud"


def test_failed_lint_writes_no_summary(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"geen zip")
    summary = tmp_path / "overzicht.csv"
    status, _, err = run("lint", str(broken), "--summary", str(summary))
    assert status == 2 and not summary.exists() and "Geen overzicht geschreven" in err


def test_summary_with_some_failures_lists_them(tmp_path: Path, rendered: Path) -> None:
    folder = tmp_path / "codes"
    folder.mkdir()
    (folder / "almelo.md").write_text(rendered.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "kapot.docx").write_bytes(b"geen zip")
    summary = tmp_path / "overzicht.csv"
    status, _, _ = run("lint", str(folder), "--summary", str(summary))
    assert status == 2
    raw = summary.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with a byte order mark
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [Path(r["bestand"]).name for r in rows] == ["almelo.md", "kapot.docx"]
    assert rows[0]["lichaam"] == "gemeente" and rows[0]["geschenken"] == "aanwezig"
    assert rows[1]["geschenken"] == "niet gecontroleerd" and rows[1]["fout bij lezen"]


def test_file_errors_are_printed_once_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gedragscode.cli import lint_command

    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"geen zip")
    result = CliRunner().invoke(cli, ["lint", str(broken)])  # report redirected: stderr tells the terminal
    assert result.stdout.count("kapot.docx: fout:") == 1 and result.stderr.count("kapot.docx: fout:") == 1
    monkeypatch.setattr(lint_command, "_report_on_screen", lambda output, fmt: True)
    result = CliRunner().invoke(cli, ["lint", str(broken)])
    assert result.exit_code == 2
    assert result.output.count("kapot.docx: fout:") == 1  # stdout and stderr together, as on a terminal
    monkeypatch.undo()
    result = CliRunner().invoke(cli, ["lint", "--format", "json", str(broken)])
    assert result.stderr.count("kapot.docx: fout:") == 1 and '"error"' in result.stdout


def test_report_header_says_which_sentence_identified_the_offices(tmp_path: Path) -> None:
    path = tmp_path / "code.txt"
    path.write_text("Gedragscode integriteit gemeente Proefstad\n\nDe raad van de gemeente Proefstad;\n\n"
                    "gelet op artikel 15, derde lid, van de Gemeentewet;\n\nbesluit:\n\nArtikel 1 Reikwijdte\n\n"
                    "Deze gedragscode is bestemd voor raadsleden en commissieleden.\n", encoding="utf-8")
    _, out, _ = run("lint", str(path))
    assert "Verder:" not in out
    assert "herkend aan" in out and "“Deze gedragscode is bestemd voor raadsleden en commissieleden.”" in out
    assert "bestandsformaat: tekst" in out
    _, detailed, _ = run("lint", "--uitgebreid", str(path))
    assert "Lichaam herkend aan:" in detailed and "Ambten herkend aan:" in detailed


# ---------------------------------------------------------------- as the issue found them


def test_names_as_a_newcomer_typed_them(tmp_path: Path, rendered: Path) -> None:
    status, out, _ = run("render", "--body", "Gemeente", "--office", "raadsleden", "--naam", "Almelo", "--jaar", "2026")
    assert status == 0 and out.startswith("# Gedragscode integriteit raadsleden gemeente Almelo 2026")
    status, out, _ = run("lint", "--body", "Gemeente", "--office", "Raadsleden", str(rendered))
    assert status == 0 and "Ambten:  raadslid" in out
    status, _, err = run("render", *RAAD, "--set", "geschenk.grens=75")
    assert status == 2 and "bedoelde u geschenken.grens?" in err


def test_a_read_only_disk_is_said_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import tempfile

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    status, _, err = run("render", *RAAD, "-o", str(tmp_path / "code.md"))
    assert status == 2 and "alleen-lezen" in err and "Read-only" not in err and "Errno" not in err
    assert not (tmp_path / "code.md").exists()


def test_a_broken_pdf_is_said_in_dutch(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    status, _, err = run("lint", "--format", "json", str(broken))
    assert status == 2 and "kapot.pdf: fout:" in err
    assert "Error" not in err and "PdfStreamError" not in err and "Errno" not in err
