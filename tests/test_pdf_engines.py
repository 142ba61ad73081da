"""PDF text extraction: PDFium first, pypdf as the fallback, the same line structure from both."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from gedragscode.errors import DocumentError
from gedragscode.lint.readers import pdf as pdf_reader
from gedragscode.lint.readers import read_document
from gedragscode.lint.segment import segment

FIXTURES = Path(__file__).parent / "fixtures"
PDF_FIXTURES = sorted(FIXTURES.rglob("*.pdf"))

STATEN = FIXTURES / "lint" / "provincie_staten_2015.pdf"
# The blind-set letter (tests/fixtures/blind/b8) has its header "Aan ... / Van ... / Datum ..." as a table;
# pdfium (the default engine) reads each row as one line, pypdf each cell: the one known difference.
_TWO_COLUMN_TABLES = {"d10_raadsinformatiebrief.pdf"}
# Where the engines break lines differently, what lint finds must still be the same: a running header in two
# parts on one baseline (the title left, "Pagina N" right) is one line for pdfium and two for pypdf (blind sets
# 11, 14, 15, 17, 18); so are slightly tilted "scanned" pages (blind set 13).
# Blind set 13's table of contents with dot leaders and right-aligned page numbers (wolderbeek): pypdf puts
# each page number and leader on a line of its own, and the fallback then reads the contents as text. The
# fallback is used only when PDFium cannot open a file; lint reads this one with PDFium.
# Blind set 16's two columns with footnotes (kroonmeren): pypdf breaks the columns' lines elsewhere and the
# fallback misses one recommended clause (the inleiding's declaration) that PDFium's text gives.
# Blind sets 31 and 36 (kreekrade, vredenhorst-raad-college) have tables of contents with dot leaders too; blind
# set 33's article numbers in a wide left margin (dijkmeren) come out on lines of their own with pypdf.
_FALLBACK_WORSE = {"wolderbeek.pdf", "kroonmeren.pdf", "lindenwaard.pdf", "wolderkamp.pdf", "kreekrade.pdf",
                   "vredenhorst-raad-college.pdf", "dijkmeren.pdf",
                   # a table of articles in landscape, and a slide deck whose counted headings pypdf places apart
                   "hunzevliet-gedragscode-bestuur-2026.pdf", "04_slides_gs_zuiderhaar.pdf"}


def _code() -> bytes:
    return STATEN.read_bytes()


def _blank_pdf() -> bytes:
    """A PDF with two pages and no text layer (what a scan looks like to a text extractor)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _lines(pages: tuple[str, ...]) -> list[list[str]]:
    return [line.split() for page in pages for line in page.split("\n") if line.strip()]


def test_there_are_pdf_fixtures() -> None:
    assert len(PDF_FIXTURES) >= 5


def _assert_same_findings(path: Path, data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    from gedragscode import load_model
    from gedragscode.lint.engine import lint

    def statuses() -> dict[str, str]:
        return {c.id: c.status for c in lint(path.name, data=data, model=load_model()).clauses}

    with_pdfium = statuses()
    monkeypatch.setattr(pdf_reader, "extract_with_pdfium", pdf_reader.extract_with_pypdf)
    assert statuses() == with_pdfium


@pytest.mark.parametrize("path", PDF_FIXTURES, ids=lambda p: p.name)
def test_engines_give_the_same_lines(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both engines give the same words on the same lines, so the reflow sees one line structure; where they
    break lines differently, lint finds the same with either."""
    if path.name in _TWO_COLUMN_TABLES:
        pytest.skip("a letter header laid out as a two-column table: pypdf puts each cell on a line of its own")
    if path.name in _FALLBACK_WORSE:
        pytest.skip("a layout pypdf splits otherwise (dot-leader contents, margin numbers, tables, slides): "
                    "fallback engine only")
    data = path.read_bytes()
    pdfium = pdf_reader.extract_with_pdfium(data)
    pypdf = pdf_reader.extract_with_pypdf(data)
    assert pdfium.engine == "pdfium" and pypdf.engine == "pypdf"
    assert len(pdfium.pages) == len(pypdf.pages)
    if _lines(pdfium.pages) != _lines(pypdf.pages):
        _assert_same_findings(path, data, monkeypatch)
        return
    assert pdfium.title == pypdf.title
    assert pdf_reader.extract_pdf(data, path.name).engine == "pdfium"


def test_pdfium_hyphen_marker_becomes_a_line_end_hyphen() -> None:
    """PDFium replaces a hyphen at a line end and the line break by U+FFFE; both come back."""
    data = (FIXTURES / "blind" / "opmaak" / "gedragscode_dalmerveen_2023.pdf").read_bytes()
    text = "\n".join(pdf_reader.extract_with_pdfium(data).pages)
    assert "\ufffe" not in text and "\r" not in text
    assert "geac-\ntualiseerde handreiking" in text
    doc = read_document("dalmerveen.pdf", data=data)
    assert "geactualiseerde handreiking" in segment(doc).document.text  # reading joins the hyphenated word


def test_fallback_to_pypdf_when_pdfium_cannot_open(monkeypatch: pytest.MonkeyPatch) -> None:
    with_pdfium = read_document(STATEN).text

    def broken(data: bytes) -> pdf_reader.PdfText:
        raise RuntimeError("PDFium: Data format error")

    monkeypatch.setattr(pdf_reader, "extract_with_pdfium", broken)
    assert pdf_reader.extract_pdf(_code(), "code.pdf").engine == "pypdf"
    with_pypdf = read_document(STATEN).text
    assert with_pypdf.split() == with_pdfium.split()
    assert "Statenleden" in with_pypdf


def test_fallback_to_pypdf_when_pdfium_finds_no_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "extract_with_pdfium", lambda data: pdf_reader.PdfText(("", "  ")))
    assert pdf_reader.extract_pdf(_code(), "code.pdf").engine == "pypdf"


def test_pdfium_text_kept_when_pypdf_fails_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scan: PDFium opens it and finds no text, pypdf cannot read it: the scan message, not 'broken'."""

    def broken(data: bytes) -> pdf_reader.PdfText:
        raise ValueError("pypdf cannot parse this")

    monkeypatch.setattr(pdf_reader, "extract_with_pypdf", broken)
    with pytest.raises(DocumentError, match="geen tekstlaag"):
        read_document("scan.pdf", data=_blank_pdf())


def _encrypted(user_password: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(_code()))
    writer.encrypt(user_password=user_password, owner_password="eigenaar", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_without_user_password_is_read() -> None:
    """Word and publication systems often lock editing with an owner password only."""
    data = _encrypted("")
    assert pdf_reader.extract_pdf(data, "beveiligd.pdf").engine == "pdfium"
    assert read_document("beveiligd.pdf", data=data).text == read_document(STATEN).text


def test_password_protected_pdf_is_reported() -> None:
    with pytest.raises(DocumentError, match="wachtwoord"):
        read_document("geheim.pdf", data=_encrypted("geheim"))


def test_broken_pdf_names_the_problem() -> None:
    with pytest.raises(DocumentError, match="beschadigd"):
        read_document("kapot.pdf", data=b"%PDF-1.7\n1 0 obj << /Type /Catalog")
