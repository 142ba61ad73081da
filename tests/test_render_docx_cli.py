"""``gedragscode render`` options for Word output, through click's CliRunner."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from gedragscode.cli.main import cli

RAAD = ["--body", "gemeente", "--office", "raadslid,commissielid", "--naam", "Almelo", "--jaar", "2026"]
HHNK = ["--body", "waterschap", "--office", "ab_lid,commissielid,db_lid,voorzitter",
        "--naam", "Hoogheemraadschap van Hollands Noorderkwartier", "--jaar", "2026"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_hhnk_with_four_offices_renders(tmp_path: Path) -> None:
    target = tmp_path / "hhnk.docx"
    code, _out, err = run("render", *HHNK, "-o", str(target))
    assert code == 0, err
    document = docx.Document(io.BytesIO(target.read_bytes()))
    assert "Hoogheemraadschap van Hollands Noorderkwartier" in document.core_properties.title
    assert len(document.core_properties.comments) <= 255


def test_datum_makes_builds_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run("render", *RAAD, "--datum", "2026-03-01", "-o", str(first))[0] == 0
    assert run("render", *RAAD, "--datum", "2026-03-01", "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    props = docx.Document(str(first)).core_properties
    assert props.created == props.modified == dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    third = tmp_path / "c.docx"
    assert run("render", *RAAD, "--datum", "2026-03-01T10:15:00+01:00", "-o", str(third))[0] == 0
    assert docx.Document(str(third)).core_properties.created == dt.datetime(2026, 3, 1, 9, 15, tzinfo=dt.UTC)


def test_source_date_epoch_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run("render", *RAAD, "-o", str(first))[0] == 0
    assert run("render", *RAAD, "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert docx.Document(str(first)).core_properties.created == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "morgen")
    code, _, err = run("render", *RAAD, "-o", str(tmp_path / "c.docx"))
    assert code == 2 and "SOURCE_DATE_EPOCH" in one_line_error(err)
    assert not (tmp_path / "c.docx").exists()


@pytest.mark.parametrize(("args", "fragment"), [
    (["--datum", "1 maart 2026", "-o", "x.docx"], "--datum verwacht een datum"),
    (["--datum", "2026-02-30", "-o", "x.docx"], "--datum verwacht een datum"),
    (["--datum", "2026-03-01"], "alleen voor Word"),
    (["--geen-inhoudsopgave", "--format", "html"], "alleen voor Word"),
])
def test_bad_docx_options_are_one_dutch_line(tmp_path: Path, args: list[str], fragment: str) -> None:
    args = [str(tmp_path / a) if a.endswith(".docx") else a for a in args]
    code, out, err = run("render", *RAAD, *args)
    assert code == 2 and out == ""
    assert fragment in one_line_error(err)
    assert not (tmp_path / "x.docx").exists()


def test_geen_inhoudsopgave(tmp_path: Path) -> None:
    with_toc, without = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run("render", *RAAD, "-o", str(with_toc))[0] == 0
    assert run("render", *RAAD, "--geen-inhoudsopgave", "-o", str(without))[0] == 0
    assert [e.text for e in docx.Document(str(with_toc)).element.body.iter(qn("w:instrText"))]
    assert not list(docx.Document(str(without)).element.body.iter(qn("w:instrText")))


def test_help_names_the_word_options() -> None:
    code, out, _ = run("render", "--help")
    assert code == 0
    assert "--datum" in out and "--geen-inhoudsopgave" in out and "SOURCE_DATE_EPOCH" in out
