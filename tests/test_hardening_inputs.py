"""Issue 13: tiny hostile documents and command-line values that used to hang, crash, leak or mislead.

Every input here is small; before the fixes each took minutes, gigabytes, printed a traceback or
gave a wrong answer. The ``hang_guard`` fixture (``conftest.py``) turns a hang into a failure.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

import gedragscode
from gedragscode.errors import DocumentError, GedragscodeError
from gedragscode.limits import plain_text_problem, printable
from gedragscode.lint.readers import read_document
from gedragscode.lint.readers.numbering import roman

pytestmark = pytest.mark.usefixtures("hang_guard")

FIXTURES = Path(__file__).parent / "fixtures"
CODE = FIXTURES / "documents" / "code_artikelen.txt"
RENDER = ["render", "--body", "gemeente", "--office", "raadslid", "--jaar", "2026"]

# ---------------------------------------------------------------- list counters


def test_roman_numerals_stay_bounded() -> None:
    assert roman(14) == "XIV" and roman(3999) == "MMMCMXCIX"
    assert roman(10**15) == "1000000000000000"
    assert roman(10**4000) == str(10**4000)


@pytest.mark.parametrize("markup", [
    '<ol type="I" start="1000000000000000"><li>Geschenken worden gemeld bij de griffier.</li></ol>',
    '<ol type="i"><li value="99999999999999999999">Geschenken worden gemeld bij de griffier.</li></ol>',
    '<ol type="A" start="' + "9" * 4000 + '"><li>Geschenken worden gemeld bij de griffier.</li></ol>',
])
def test_html_list_counter_with_a_huge_start(markup: str) -> None:
    doc = read_document("lijst.html", data=f"<html><body>{markup}</body></html>".encode())
    assert "Geschenken worden gemeld" in doc.text
    assert len(doc.text) < 5000


def _docx_with_numbering(start: str, override: str | None, fmt: str) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    override_xml = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>'
                    if override is not None else "")
    numbering = (f'<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                 f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'
                 f'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>{override_xml}</w:num>'
                 '</w:numbering>')
    paragraph = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                 '<w:r><w:t>Geschenken worden gemeld bij de griffier.</w:t></w:r></w:p>')
    document = f'<w:document xmlns:w="{w}"><w:body>{paragraph * 3}</w:body></w:document>'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   f'<Override PartName="/word/document.xml" ContentType="{ct}.document.main+xml"/>'
                   f'<Override PartName="/word/numbering.xml" ContentType="{ct}.numbering+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/_rels/document.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/numbering" Target="numbering.xml"/></Relationships>')
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


@pytest.mark.parametrize(("start", "override", "fmt"), [
    ("1000000000000000", None, "upperRoman"),
    ("1", "999999999999999999", "lowerRoman"),
    ("1000000000000000", None, "lowerLetter"),
])
def test_docx_list_counter_with_a_huge_start(start: str, override: str | None, fmt: str) -> None:
    doc = read_document("lijst.docx", data=_docx_with_numbering(start, override, fmt))
    assert doc.text.count("Geschenken worden gemeld") == 3
    assert len(doc.text) < 1000


def test_docx_roman_counter_still_roman() -> None:
    doc = read_document("lijst.docx", data=_docx_with_numbering("4", None, "upperRoman"))
    assert doc.text.startswith("IV. Geschenken")


# ---------------------------------------------------------------- XML and HTML


@pytest.mark.parametrize("name", ["doctype.xml", "-"])
def test_repeated_doctype_is_refused_at_once(name: str) -> None:
    data = b"<?xml version='1.0'?>" + b"<!DOCTYPE" * 25_000 + b"<a/>"
    with pytest.raises(DocumentError):
        read_document(name, data=data)


@pytest.mark.parametrize("depth", [300, 1000, 2000])
def test_html_nested_deeper_than_255_levels_is_read(depth: int) -> None:
    page = ("<html><body>" + "<div>" * depth + "<p>Artikel 1 Geschenken worden gemeld bij de griffier.</p>"
            + "</div>" * depth + "</body></html>")
    doc = read_document("diep.html", data=page.encode())
    assert "Geschenken worden gemeld bij de griffier." in doc.text


def test_html_deeper_than_the_parser_can_go_is_said_so() -> None:
    page = "<html><body>" + "<div>" * 3000 + "<p>Artikel 1 tekst.</p>" + "</div>" * 3000 + "</body></html>"
    with pytest.raises(DocumentError, match="dieper genest"):
        read_document("diep.html", data=page.encode())


def test_deeply_nested_navigation_is_dropped_quickly() -> None:
    page = ("<html><body>" + "<nav>" * 2000 + "menu" + "</nav>" * 2000
            + "<p>Artikel 1 Geschenken worden gemeld.</p></body></html>")
    doc = read_document("nav.html", data=page.encode())
    assert "menu" not in doc.text and "Geschenken" in doc.text


# ---------------------------------------------------------------- encrypted PDF


def _aes_pdf(algorithm: str) -> bytes:
    from pypdf import PdfWriter
    from pypdf.constants import UserAccessPermissions

    source = FIXTURES / "blind" / "gemeente" / "gem03_dinkeloord_2019.pdf"
    writer = PdfWriter(clone_from=source)
    # no password to open, only usage restrictions: what publishers often do
    writer.encrypt(user_password="", owner_password="eigenaar", algorithm=algorithm,
                   permissions_flag=UserAccessPermissions.PRINT)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_encrypted_pdf_is_read(algorithm: str, tmp_path: Path) -> None:
    from gedragscode.lint.readers.pdf import extract_with_pypdf

    data = _aes_pdf(algorithm)
    # the fallback engine needs the declared crypto dependency for AES
    assert "Gedragscode" in extract_with_pypdf(data).pages[0]
    target = tmp_path / "beveiligd.pdf"
    target.write_bytes(data)
    result = gedragscode.lint(target)
    assert result.body == "gemeente"
    assert sum(1 for c in result.clauses if c.status == "present") > 5


# ---------------------------------------------------------------- command-line values


SURROGATE = b"Almelo\xff".decode("utf-8", "surrogateescape")


@pytest.mark.parametrize("args", [
    ["--naam", SURROGATE],
    ["--naam", "Almelo", "--set", "geschenken.grens=" + b"\xe9".decode("utf-8", "surrogateescape")],
    ["--naam", "Almelo", "--set", "term.griffier=" + b"\xff\xfe".decode("utf-8", "surrogateescape")],
    ["--naam", "Almelo", "--office", "raadslid" + b"\xff".decode("utf-8", "surrogateescape")],
])
def test_non_utf8_values_are_a_dutch_error(args: list[str]) -> None:
    result = CliRunner().invoke(cli, [*RENDER[:-2], *args] if "--office" in args else [*RENDER, *args])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "UTF-8" in result.output


def test_non_utf8_name_through_a_real_terminal_encoding() -> None:
    done = subprocess.run([sys.executable, "-m", "gedragscode", *RENDER, "--naam", b"Almelo\xff"],
                          capture_output=True, timeout=120)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr and b"UTF-8" in done.stderr


@pytest.mark.parametrize("value", ["Almelo\u202e", "\u2066Almelo\u2069", "Alm\u200felo"])
def test_bidi_controls_in_the_name_are_refused(value: str) -> None:
    result = CliRunner().invoke(cli, [*RENDER, "--naam", value])
    assert result.exit_code == 2 and "tekstrichting" in result.output
    with pytest.raises(GedragscodeError, match="tekstrichting"):
        gedragscode.make_code("gemeente", ["raadslid"], value, year=2026)
    with pytest.raises(GedragscodeError, match="tekstrichting"):
        gedragscode.make_code("gemeente", ["raadslid"], "Almelo", year=2026,
                              settings={"term.griffier": "de griffier\u202e"})


def test_bidi_controls_in_a_local_code_are_refused(tmp_path: Path) -> None:
    local = tmp_path / "code.gdc"
    local.write_text('gedragscode "Gedragscode Almelo" {\n  lichaam gemeente "Alm\u202eelo"\n  ambten raadslid\n}\n',
                     encoding="utf-8")
    errors = gedragscode.check([local])
    assert errors and "tekstrichting" in errors[0].message and errors[0].location is not None
    assert errors[0].location.line == 2


def test_overlong_and_control_values_are_refused() -> None:
    assert plain_text_problem("Almelo") is None
    assert plain_text_problem("x" * 5000) is not None
    assert plain_text_problem("Alm\x1b[31melo") is not None
    assert plain_text_problem("regel\nregel") is not None and plain_text_problem("a\nb", multiline=True) is None


# ---------------------------------------------------------------- names in reports


def test_control_characters_in_file_names_are_escaped_in_reports(tmp_path: Path) -> None:
    forged = tmp_path / "code.txt\nALLES IN ORDE: 0 ontbrekend\n.txt"
    forged.write_bytes(CODE.read_bytes())
    for fmt in ("text", "json", "sarif", "html"):
        result = CliRunner().invoke(cli, ["lint", "--format", fmt, str(tmp_path)])
        assert result.exit_code in (0, 1), result.output
        lines = result.output.splitlines()
        assert not any(line.startswith("ALLES IN ORDE") for line in lines), fmt
        assert "\\nALLES IN ORDE" in result.output, fmt
    assert printable("a\nb\x1b[0m\u202e") == "a\\nb\\x1b[0m\\u202e"


def test_undecodable_file_name_is_reported(tmp_path: Path) -> None:
    name = tmp_path.as_posix().encode() + b"/code-\xff.txt"
    with open(name, "wb") as handle:
        handle.write(CODE.read_bytes())
    done = subprocess.run([sys.executable, "-m", "gedragscode", "lint", "--format", "json", str(tmp_path)],
                          capture_output=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    files = [r["file"] for r in (report if isinstance(report, list) else report.get("results", [report]))]
    assert any("code-\\xff.txt" in f for f in files), files
    sarif = subprocess.run([sys.executable, "-m", "gedragscode", "lint", "--format", "sarif", str(tmp_path)],
                           capture_output=True, timeout=120)
    assert sarif.returncode in (0, 1) and b"code-%FF.txt" in sarif.stdout


def test_error_message_with_a_hostile_file_name(tmp_path: Path) -> None:
    missing = str(tmp_path / "weg\x1b[2J.txt")
    result = CliRunner().invoke(cli, ["lint", missing])
    assert result.exit_code == 2 and "\x1b" not in result.output and "\\x1b[2J" in result.output


@pytest.mark.parametrize("args", [
    ["lint", "code\x00.txt"], ["render", "lokaal\x00.gdc"], ["check", "x\x00.gdc"], ["fmt", "x\x00.gdc"],
    ["wijzig", "code\x00.txt"],
    ["render", "--body", "gemeente", "--office", "raadslid", "--naam", "X", "-o", "u\x00.md"],
    ["lint", str(Path(__file__)), "-o", "rapport\x00.json"],
])
def test_a_nul_character_in_a_path_is_a_dutch_error(args: list[str]) -> None:
    """os.stat refuses such a name with ValueError, also inside click.Path: exit 2, never a traceback."""
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, (args, result.output, repr(result.exception))
    assert isinstance(result.exception, SystemExit)
    assert "nulteken" in result.output
