"""House templates (``--sjabloon huisstijl.dotx``): the template's styles, page and header win.

The templates are made in the tests with python-docx: a ``.docx`` and the same package re-typed
as a ``.dotx`` (what Word writes for "Opslaan als Word-sjabloon").
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from gedragscode.cli.main import cli

import gedragscode
from gedragscode import Code, DocumentError, ModelError

MODEL = gedragscode.load_model()
WHEN = dt.date(2026, 3, 1)
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
HEADER = "Gemeente Proefstad | huisstijl"
RAAD = ["--body", "gemeente", "--office", "raadslid,commissielid", "--naam", "Almelo", "--jaar", "2026"]


def make_template(*, as_dotx: bool = True, without: tuple[str, ...] = (), artikel_type: int = 1) -> bytes:
    """A house template: Verdana text, a red Georgia 'Artikel' style, 3 cm margins, a header, example text."""
    document = docx.Document()
    styles = document.styles
    styles["Normal"].font.name = "Verdana"
    styles["Normal"].font.size = Pt(10)
    artikel = styles.add_style("Artikel", WD_STYLE_TYPE.PARAGRAPH if artikel_type == 1 else WD_STYLE_TYPE.CHARACTER)
    artikel.font.name = "Georgia"
    artikel.font.size = Pt(13)
    artikel.font.color.rgb = RGBColor(0xC0, 0, 0)
    for name in without:  # styles a real Word template keeps only as latent styles
        styles[name].element.getparent().remove(styles[name].element)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(3)
    section.header.paragraphs[0].text = HEADER
    document.add_paragraph("Voorbeeldtekst van het sjabloon; hoort niet in de code.")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if not as_dotx:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(DOCUMENT_TYPE.encode(), TEMPLATE_TYPE.encode())
            dst.writestr(info, content)
    return out.getvalue()


def code() -> Code:
    return gedragscode.make_code("gemeente", ["raadslid", "wethouder"], "Proefstad", year=2026)


def render_with(template: object, **options: object) -> bytes:
    data = gedragscode.render(code(), "docx", template=template, date=WHEN, **options)  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    return data


def content_types(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("[Content_Types].xml").decode("utf-8")


def test_python_docx_refuses_a_dotx_as_it_is() -> None:
    """Why the content type is patched: python-docx does not open a template on its own."""
    with pytest.raises(ValueError, match="not a Word file"):
        docx.Document(io.BytesIO(make_template()))


@pytest.mark.parametrize("as_dotx", [True, False])
def test_template_styles_page_and_header_are_kept(as_dotx: bool) -> None:
    data = render_with(make_template(as_dotx=as_dotx))
    assert DOCUMENT_TYPE in content_types(data) and TEMPLATE_TYPE not in content_types(data)
    document = docx.Document(io.BytesIO(data))
    styles = document.styles
    # the template's own Artikel style, untouched
    artikel = styles["Artikel"]
    assert artikel.font.name == "Georgia" and artikel.font.color.rgb == RGBColor(0xC0, 0, 0)
    assert artikel.font.size == Pt(13)
    assert styles["Normal"].font.name == "Verdana" and styles["Normal"].font.size == Pt(10)
    # the styles it lacks were added on its Normal style, without a font of their own
    for name in ("Lid", "Lid zonder nummer", "Onderdeel", "Hoofdstuk", "Toepassing"):
        added = styles[name]
        assert added.font.name is None, name
    assert styles["Lid"].base_style.name == "Normal"
    assert styles["Lid"].paragraph_format.first_line_indent < 0
    # page set-up and header from the template; no page number of ours in its footer
    section = document.sections[0]
    assert round(section.left_margin.cm, 1) == 3.0 and round(section.right_margin.cm, 1) == 3.0
    assert section.header.paragraphs[0].text == HEADER
    assert not list(section.footer._element.iter(qn("w:instrText")))
    # the body is the code, not the template's example text
    texts = [p.text for p in document.paragraphs]
    assert not any("Voorbeeldtekst" in t for t in texts)
    assert texts[0] == code().name
    articles = [p for p in document.paragraphs if p.style is not None and p.style.name == "Artikel"]
    assert articles and articles[0].text.startswith("Artikel 1 ")
    assert document.core_properties.created == dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    assert document.core_properties.title == code().name


def test_template_with_only_latent_heading_styles() -> None:
    """A Word template stores Title/Heading 1-3 only once used; missing built-ins are added."""
    template = make_template(without=("Title", "Heading 1", "Heading 2", "Heading 3", "TOC Heading"))
    document = docx.Document(io.BytesIO(render_with(template)))
    styles = document.styles
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        assert styles[name].type == WD_STYLE_TYPE.PARAGRAPH
    assert styles["Heading 1"].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}").get(qn("w:val")) == "0"
    assert styles["Hoofdstuk"].base_style.name == "Heading 1"
    assert document.paragraphs[0].style.name == "Title"
    assert any(p.text == "Inhoudsopgave" and p.style.name == "TOC Heading" for p in document.paragraphs)


def test_same_template_and_date_give_identical_bytes(tmp_path: Path) -> None:
    path = tmp_path / "huisstijl.dotx"
    path.write_bytes(make_template())
    assert render_with(path) == render_with(str(path)) == render_with(path.read_bytes())


def test_template_text_equals_plain_text_for_lint(tmp_path: Path) -> None:
    from gedragscode.lint.readers import read_document

    with_template, plain = tmp_path / "a.docx", tmp_path / "b.docx"
    with_template.write_bytes(render_with(make_template()))
    plain.write_bytes(gedragscode.render(code(), "docx", date=WHEN))  # type: ignore[arg-type]
    assert read_document(with_template).text == read_document(plain).text


def _macro_template() -> bytes:
    data = make_template(as_dotx=False)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(DOCUMENT_TYPE.encode(),
                                          b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
            dst.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize(("template", "fragment"), [
    (b"geen zip", "beschadigd"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "oud Word-sjabloon"),
    ("placeholder-macro", "macro's"),
    ("placeholder-zip", "geen Word-sjabloon"),
    ("placeholder-character-style", "geen alineastijl"),
    ("placeholder-missing", "niet gevonden"),
])
def test_bad_templates_are_dutch_document_errors(tmp_path: Path, template: object, fragment: str) -> None:
    if template == "placeholder-macro":
        template = _macro_template()
    elif template == "placeholder-zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("hallo.txt", "geen Word")
        template = buffer.getvalue()
    elif template == "placeholder-character-style":
        template = make_template(artikel_type=2)
    elif template == "placeholder-missing":
        template = tmp_path / "bestaat-niet.dotx"
    with pytest.raises(DocumentError, match=fragment):
        render_with(template)


def test_template_is_for_word_only() -> None:
    with pytest.raises(ModelError, match="alleen voor Word"):
        gedragscode.render(code(), "md", template=make_template())


# ---------------------------------------------------------------- command line


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("fout") or "fout:" in line]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_cli_sjabloon(tmp_path: Path) -> None:
    template = tmp_path / "huisstijl.dotx"
    template.write_bytes(make_template())
    target = tmp_path / "code.docx"
    code_, _, err = run("render", *RAAD, "--sjabloon", str(template), "-o", str(target))
    assert code_ == 0, err
    document = docx.Document(str(target))
    assert document.styles["Artikel"].font.name == "Georgia"
    assert document.sections[0].header.paragraphs[0].text == HEADER


@pytest.mark.parametrize(("extra", "fragment"), [
    (["--format", "md"], "alleen voor Word"),
    (["-o", "code.html"], "alleen voor Word"),
])
def test_cli_sjabloon_needs_word(tmp_path: Path, extra: list[str], fragment: str) -> None:
    template = tmp_path / "huisstijl.dotx"
    template.write_bytes(make_template())
    extra = [str(tmp_path / e) if e.startswith("code.") else e for e in extra]
    code_, out, err = run("render", *RAAD, "--sjabloon", str(template), *extra)
    assert code_ == 2 and out == ""
    assert fragment in error_line(err)
    assert not (tmp_path / "code.html").exists()


@pytest.mark.parametrize(("content", "fragment"), [(None, "niet gevonden"), (b"kapot", "beschadigd")])
def test_cli_bad_sjabloon_writes_nothing(tmp_path: Path, content: bytes | None, fragment: str) -> None:
    template = tmp_path / "huisstijl.dotx"
    if content is not None:
        template.write_bytes(content)
    target = tmp_path / "code.docx"
    code_, _, err = run("render", *RAAD, "--sjabloon", str(template), "-o", str(target))
    assert code_ == 2
    assert fragment in error_line(err) and "huisstijl.dotx" in error_line(err)
    assert not target.exists()


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed")
def test_libreoffice_shows_the_template_header(tmp_path: Path) -> None:
    source = tmp_path / "code.docx"
    source.write_bytes(render_with(make_template()))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    pages = subprocess.run(["pdftotext", str(tmp_path / "code.pdf"), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) > 3 and all(HEADER in p for p in pages)
    assert "Voorbeeldtekst" not in "".join(pages)
