"""Tests for the document readers (gedragscode.lint.readers)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gedragscode.errors import DocumentError
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.readers import SUPPORTED_SUFFIXES, detect_format, normalise_text, read_document
from gedragscode.lint.readers.text import unquote
from gedragscode.lint.segment import segment

LINT_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"


# ---------------------------------------------------------------- helpers


def make_pdf(pages: list[list[str]], *, with_text: bool = True) -> bytes:
    """A minimal PDF (Helvetica, WinAnsiEncoding) with one text line per entry."""

    def esc(line: str) -> bytes:
        raw = line.encode("cp1252")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    objs: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids = []
    next_id = 4
    for lines in pages:
        if with_text:
            body = b" ".join(b"(" + esc(line) + b") Tj T*" for line in lines)
            content = b"BT /F1 11 Tf 14 TL 60 780 Td " + body + b" ET"
        else:
            content = b"0 0 1 rg 72 72 300 300 re f"
        cid, pid = next_id, next_id + 1
        next_id += 2
        objs[cid] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
        objs[pid] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % cid
        )
        kids.append(pid)
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbered(paragraph: object, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def make_docx() -> bytes:
    """A Word document with heading styles, Word list numbering and a table."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {W_NS} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Artikel %1"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(
        parse_xml(
            f'<w:abstractNum {W_NS} w:abstractNumId="91">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    numbering.append(
        parse_xml(
            f'<w:num {W_NS} w:numId="92"><w:abstractNumId w:val="91"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    document.add_heading("Gedragscode integriteit raadsleden Zonnedal 2026", level=0)
    document.add_paragraph("De raad van de gemeente Zonnedal;")
    document.add_paragraph("besluit:")
    document.add_heading("Hoofdstuk 1 Nevenfuncties", level=1)
    _numbered(document.add_paragraph("Melding van nevenfuncties", style="Heading 2"), 90, 0)
    _numbered(document.add_paragraph("Een raadslid meldt zijn nevenfuncties aan de griffier."), 91, 0)
    _numbered(document.add_paragraph("De melding bevat:"), 91, 0)
    _numbered(document.add_paragraph("de naam van de organisatie;"), 91, 1)
    _numbered(document.add_paragraph("of de functie bezoldigd is."), 91, 1)
    _numbered(document.add_paragraph("Geschenken", style="Heading 2"), 90, 0)
    _numbered(document.add_paragraph("Een raadslid weigert geschenken boven de vijftig euro."), 92, 0)
    _numbered(document.add_paragraph("De griffier houdt een register bij."), 92, 0)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Naam"
    table.cell(0, 1).text = "Functie"
    table.cell(1, 0).text = "J. Jansen"
    table.cell(1, 1).text = "penningmeester sportvereniging"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read_fixture(name: str) -> SourceDocument:
    return read_document(FIXTURES / name)


# ---------------------------------------------------------------- read_document / sniffing


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) >= {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf", ".xml"}
    assert all(s.startswith(".") and s == s.lower() for s in SUPPORTED_SUFFIXES)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.4\n...", "pdf"),
        (b"PK\x03\x04rest", "docx"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"<?xml version='1.0'?><cvdr/>", "xml"),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>", "html"),
        (b"# Gedragscode\n\nArtikel 1", "markdown"),
        (b"Gedragscode\n\nArtikel 1\n\nEen raadslid meldt.", "text"),
    ],
)
def test_detect_format_by_content(data: bytes, expected: str) -> None:
    assert detect_format(data) == expected


def test_detect_format_prefers_suffix() -> None:
    assert detect_format(b"# kop", ".txt") == "text"
    assert detect_format(b"plain", ".MD") == "markdown"


def test_stdin_is_sniffed() -> None:
    doc = read_document("-", data=(FIXTURES / "code_cvdr.html").read_bytes())
    assert doc.format == "html"
    assert doc.name == "-"
    pdf = read_document("-", data=make_pdf([["Artikel 1", "Een raadslid meldt zijn nevenfuncties."]]))
    assert pdf.format == "pdf"
    assert "nevenfuncties" in pdf.text


def test_forced_format_and_display_name(tmp_path: Path) -> None:
    path = tmp_path / "code.bin"
    path.write_bytes(b"# Titel\n\nTekst met **vet**.")
    doc = read_document(path, format="markdown", name="mijn code")
    assert doc.format == "markdown"
    assert doc.name == "mijn code"
    assert doc.text == "Titel\n\nTekst met vet."
    with pytest.raises(DocumentError, match="onbekend documentformaat"):
        read_document(path, format="odt")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "leeg.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match="leeg"):
        read_document(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="niet gevonden") as info:
        read_document(tmp_path / "bestaat-niet.txt")
    assert "bestaat-niet.txt" in str(info.value)
    with pytest.raises(DocumentError, match="map"):
        read_document(tmp_path)


# ---------------------------------------------------------------- text and normalisation


def test_cp1252_euro_sign(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes(b"Geschenken boven \x80 50,00 worden gemeld bij de griffier \x96 ook financi\xeble.")
    doc = read_document(path)
    assert doc.text == "Geschenken boven € 50,00 worden gemeld bij de griffier – ook financiële."
    path.write_bytes("Geschenken boven € 50 – financiële belangen.".encode("cp1252"))
    assert read_document(path).text == "Geschenken boven € 50 – financiële belangen."


def test_utf8_bom_and_line_endings() -> None:
    data = "\ufeffArtikel 1\r\n\r\nEen raadslid\u00a0meldt\u200b zijn ﬁnanciële belangen.\r\n\r\n\r\n\r\n".encode()
    data += b"Artikel 2\r"
    doc = read_document("-", data=data)
    assert doc.text == "Artikel 1\n\nEen raadslid meldt zijn financiële belangen.\n\nArtikel 2"


def test_normalise_text() -> None:
    assert normalise_text("a\u00adb\u2060c") == "abc"
    assert normalise_text("e\u0308en") == "ëen"  # combining diaeresis composed
    assert normalise_text("x  \ny\t \n") == "x\ny"
    assert normalise_text("ﬂ ﬀ ﬃ") == "fl ff ffi"


def test_binary_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "raar.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00")
    with pytest.raises(DocumentError, match="binaire"):
        read_document(path)


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "raar.txt"
    path.write_bytes(b"Tekst met een onbekende byte \x81 erin")
    with pytest.raises(DocumentError, match="niet te lezen"):
        read_document(path)


def test_plain_text_fixture() -> None:
    doc = read_fixture("code_artikelen.txt")
    assert doc.format == "text"
    assert doc.metadata == {}
    assert "Artikel 2.1 Nevenfuncties" in doc.text
    assert "\r" not in doc.text and "\u00a0" not in doc.text


def test_markdown_is_stripped() -> None:
    doc = read_fixture("code_paragrafen.md")
    assert doc.format == "markdown"
    assert doc.metadata["organisatietype"] == "Waterschap"
    lines = doc.text.split("\n")
    assert "Gedragscode integriteit algemeen bestuur Waterschap De Lage Landen" in lines
    assert "§ 1 Algemeen" in lines
    assert "Art. 1 Begrippen" in lines
    assert "1. Geschenken met een waarde boven de € 50 worden geweigerd of gemeld." in lines
    assert "2. Het register van geschenken wordt elk jaar gepubliceerd." in lines
    assert "#" not in doc.text and "**" not in doc.text and "](" not in doc.text
    assert "op de website openbaar" in doc.text


def test_markdown_lists_and_tables() -> None:
    source = (
        b"# Kop\n\n3. derde\n4. vierde\n\n- a. onderdeel\n- los punt\n\n| Naam | Functie |\n|---|---|\n| Jan | lid |\n"
    )
    doc = read_document("x.md", data=source)
    assert doc.text.split("\n\n") == [
        "Kop",
        "3. derde",
        "4. vierde",
        "a. onderdeel",
        "• los punt",
        "Naam | Functie",
        "Jan | lid",
    ]


# ---------------------------------------------------------------- HTML


def test_html_regulation_page() -> None:
    doc = read_fixture("code_cvdr.html")
    assert doc.format == "html"
    md = doc.metadata
    assert md["organisatie"] == "Rivierstad"
    assert md["organisatietype"] == "Gemeente"
    assert md["citeertitel"] == "Gedragscode raadsleden Rivierstad"
    assert md["vastgesteld door"] == "gemeenteraad"
    assert md["bron bekendmaking"] == "gmb-2024-999999"
    assert md["wettelijke grondslag"] == "artikel 15, derde lid, van de Gemeentewet"
    assert md["opmerkingen"] == "Vervangt de gedragscode uit 2018."
    text = doc.text
    for noise in (
        "Ziet u een fout",
        "Direct naar de inhoud",
        "Home",
        "tracking",
        "font-family",
        "Privacy",
        "rijksoverheid",
        "Wetstechnische informatie",
        "Gegevens van de regeling",
        "Organisatietype",
        "gmb-2024",
        "Tekst van de regeling",
    ):
        assert noise not in text, noise
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Gedragscode integriteit raadsleden Rivierstad 2024"
    assert "Artikel 1 Nevenfuncties" in paragraphs
    assert "1. Een raadslid meldt zijn nevenfuncties aan de griffier." in paragraphs
    assert "2. De griffier publiceert de opgave:" in paragraphs
    assert "a. op de website van de gemeente;" in paragraphs
    assert "b. in het jaarverslag van de raad." in paragraphs
    assert "Geschenken boven\nde vijftig euro worden gemeld." in paragraphs


def test_html_gazette_header_table_and_charset() -> None:
    page = (
        "<html><head><meta charset='windows-1252'></head><body>"
        "<table><tr><th>Datum publicatie</th><th>Organisatie</th><th>Jaargang en nummer</th><th>Rubriek</th></tr>"
        "<tr><td>01-02-2024</td><td>Zonnedal</td><td>Gemeenteblad 2024, 12345</td><td>Overig</td></tr></table>"
        "<p>Geschenken boven \u20ac 50 worden gemeld.</p><ol start='3' type='a'><li>derde</li><li>vierde</li></ol>"
        "</body></html>"
    ).encode("cp1252")
    doc = read_document("pagina.html", data=page)
    assert doc.metadata["organisatie"] == "Zonnedal"
    assert doc.metadata["jaargang en nummer"] == "Gemeenteblad 2024, 12345"
    assert doc.text == "Geschenken boven € 50 worden gemeld.\n\nc. derde\n\nd. vierde"


def test_html_without_text_and_garbage() -> None:
    with pytest.raises(DocumentError):
        read_document("leeg.html", data=b"<html><body><script>x()</script></body></html>")
    doc = read_document("rommel.html", data=b"<p>Een <b>raadslid</b> meldt</p><<<>>>")
    assert "Een raadslid meldt" in doc.text


# ---------------------------------------------------------------- DOCX


def test_docx_numbering_headings_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "code.docx"
    path.write_bytes(make_docx())
    doc = read_document(path)
    assert doc.format == "docx"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs == [
        "Gedragscode integriteit raadsleden Zonnedal 2026",
        "De raad van de gemeente Zonnedal;",
        "besluit:",
        "Hoofdstuk 1 Nevenfuncties",
        "Artikel 1 Melding van nevenfuncties",
        "1. Een raadslid meldt zijn nevenfuncties aan de griffier.",
        "2. De melding bevat:",
        "a. de naam van de organisatie;",
        "b. of de functie bezoldigd is.",
        "Artikel 2 Geschenken",
        "1. Een raadslid weigert geschenken boven de vijftig euro.",
        "2. De griffier houdt een register bij.",
        "Naam | Functie",
        "J. Jansen | penningmeester sportvereniging",
    ]


def test_docx_broken_inputs(tmp_path: Path) -> None:
    data = make_docx()
    truncated = tmp_path / "kapot.docx"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(DocumentError, match="DOCX"):
        read_document(truncated)
    random = tmp_path / "willekeurig.docx"
    random.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(DocumentError, match="DOCX"):
        read_document(random)
    old = tmp_path / "oud.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(DocumentError, match=r"\.doc"):
        read_document(old)
    other_zip = io.BytesIO()
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("iets.txt", "geen word")
    with pytest.raises(DocumentError, match="geen Word-document"):
        read_document("ander.docx", data=other_zip.getvalue())
    broken_xml = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(broken_xml, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                content = content[: len(content) // 2]
            dst.writestr(item, content)
    with pytest.raises(DocumentError, match="DOCX"):
        read_document("halfxml.docx", data=broken_xml.getvalue())


# ---------------------------------------------------------------- PDF


def test_pdf_text_layer_headers_footers_hyphenation() -> None:
    pages = [
        [
            "Gedragscode raadsleden Zonnedal",
            "Artikel 1 Nevenfuncties",
            "Een raadslid meldt zijn nevenfuncties bij de griffier voordat hij of zij",
            "zijn ambt aanvaardt. Dit geldt ook voor een oud-raadslid dat opnieuw wordt",
            "beëdigd. Een melding van een vermoedelijke integriteits-",
            "schending gaat naar de burgemeester.",
            "Pagina 1 van 3",
        ],
        [
            "Gedragscode raadsleden Zonnedal",
            "Artikel 2 Geschenken",
            "1. Raads- en commissieleden weigeren geschenken met een waarde boven de",
            "vijftig euro. Dit geldt voor raads-",
            "en commissieleden.",
            "2. De griffier houdt een register bij van alle gemelde geschenken en",
            "uitnodigingen.",
            "Pagina 2 van 3",
        ],
        [
            "Gedragscode raadsleden Zonnedal",
            "Artikel 3 Slotbepaling",
            "Deze code treedt in werking op de dag na bekendmaking.",
            "- 3 -",
        ],
    ]
    doc = read_document("code.pdf", data=make_pdf(pages))
    assert doc.format == "pdf"
    # the reader gives the pages as extracted; reading removes the page furniture and reflows the lines
    assert doc.text.count("\f") == 2 and doc.text.count("Gedragscode raadsleden Zonnedal") == 3
    text = segment(doc).document.text
    assert text.count("Gedragscode raadsleden Zonnedal") == 1  # the running header stays as the title
    assert "Pagina" not in text and "- 3 -" not in text
    assert "integriteitsschending gaat naar de burgemeester" in text
    assert "oud-raadslid" in text
    assert "raads- en commissieleden." in text
    paragraphs = text.split("\n\n")
    assert paragraphs[:2] == ["Gedragscode raadsleden Zonnedal", "Artikel 1 Nevenfuncties"]
    assert paragraphs[2].startswith(
        "Een raadslid meldt zijn nevenfuncties bij de griffier voordat hij of zij zijn ambt"
    )
    assert "Artikel 2 Geschenken" in paragraphs
    assert any(p.startswith("1. Raads- en commissieleden weigeren") for p in paragraphs)
    assert "2. De griffier houdt een register bij van alle gemelde geschenken en uitnodigingen." in paragraphs
    assert paragraphs[-1] == "Deze code treedt in werking op de dag na bekendmaking."


def test_pdf_without_text_layer() -> None:
    with pytest.raises(DocumentError, match="geen tekstlaag"):
        read_document("scan.pdf", data=make_pdf([[], []], with_text=False))


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"%PDF-1.4\n" + bytes(range(256)) * 8,
        b"%PDF-1.7\n1 0 obj << /Type /Catalog",
    ],
)
def test_pdf_broken_inputs(data: bytes) -> None:
    with pytest.raises(DocumentError):
        read_document("kapot.pdf", data=data)


def test_pdf_truncated() -> None:
    data = make_pdf([["Artikel 1", "Tekst."]] * 3)
    with pytest.raises(DocumentError):
        read_document("half.pdf", data=data[: len(data) // 3])


# ---------------------------------------------------------------- RTF

_RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}{\colortbl;\red0\green0\blue0;}"
    r"{\*\generator Microsoft Word;}\pard\plain\f0 Gedragscode integriteit raadsleden Z\'e9nd\'ebl 2024\par"
    r"\pard Artikel 1 Geschenken\par\pard 1.\tab Een raadslid meldt elk geschenk \u8220?boven vijftig euro\u8221?"
    r" bij de griffier.\par"
    r"\trowd\cellx2000\cellx8000\intbl Artikel 2\cell Nevenfuncties\cell\row"
    r"\pard Een raadslid meldt zijn nevenfuncties.\par}"
)


def test_rtf_is_read_with_its_escapes_paragraphs_and_table_rows() -> None:
    doc = read_document("code.rtf", data=_RTF.encode("ascii"))
    assert doc.format == "rtf"
    assert doc.text.split("\n\n") == [
        "Gedragscode integriteit raadsleden Zéndël 2024",
        "Artikel 1 Geschenken",
        "1. Een raadslid meldt elk geschenk “boven vijftig euro” bij de griffier.",
        "Artikel 2 | Nevenfuncties",
        "Een raadslid meldt zijn nevenfuncties.",
    ]
    assert "Calibri" not in doc.text and "generator" not in doc.text and "\\" not in doc.text


def test_rtf_is_recognised_by_content_and_never_read_as_plain_text() -> None:
    assert detect_format(_RTF.encode("ascii")) == "rtf"
    assert detect_format(_RTF.encode("ascii"), ".txt") == "rtf"
    assert read_document("code.txt", data=_RTF.encode("ascii")).format == "rtf"
    assert read_document("-", data=b"\xef\xbb\xbf" + _RTF.encode("ascii")).format == "rtf"
    with pytest.raises(DocumentError, match="geen RTF"):
        read_document("code.rtf", data=b"Artikel 1 Een raadslid meldt elk geschenk.")
    with pytest.raises(DocumentError, match="geen tekst"):
        read_document("leeg.rtf", data=rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\par}")


@pytest.mark.skipif(not (LINT_FIXTURES / "gemeente_raad_2021.rtf").is_file(), reason="geen fixtures")
def test_a_code_saved_as_rtf_reads_like_the_word_file() -> None:
    """The fixture is the DOCX fixture saved as RTF by LibreOffice: the same paragraphs."""
    rtf = read_document(LINT_FIXTURES / "gemeente_raad_2021.rtf")
    docx_doc = read_document(LINT_FIXTURES / "gemeente_raad_2021.docx")
    assert rtf.format == "rtf"
    assert rtf.text.split() == docx_doc.text.split()


# ---------------------------------------------------------------- XML


def test_cvdr_xml() -> None:
    doc = read_fixture("code_cvdr.xml")
    assert doc.format == "xml"
    md = doc.metadata
    assert md["organisatie"] == "Heuvelland"
    assert md["organisatietype"] == "Provincie"
    assert md["titel"] == "Gedragscode integriteit statenleden Heuvelland 2023"
    assert md["identificatie"] == "CVDR999002_1"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Gedragscode integriteit statenleden Heuvelland 2023"
    assert "Hoofdstuk 1 Algemeen" in paragraphs
    assert "Artikel 1.1 Werkingssfeer" in paragraphs
    assert "Deze code geldt voor statenleden en commissieleden." in paragraphs
    assert "1. Een statenlid meldt zijn nevenfuncties aan de statengriffier." in paragraphs
    assert "a. de naam van de organisatie;" in paragraphs
    assert "b. de vergoeding, zie de regeling." in paragraphs
    assert "CVDR999002" not in doc.text


def test_stop_xml() -> None:
    doc = read_fixture("code_stop.xml")
    assert doc.metadata["organisatietype"] == "Waterschap"
    assert doc.metadata["citeertitel"] == "Gedragscode dagelijks bestuur Veenrand"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[:3] == [
        "Gedragscode integriteit dagelijks bestuur Waterschap Veenrand 2025",
        "Hoofdstuk 1 Belangen",
        "Artikel 1.1 Financiële belangen",
    ]
    assert "2. De secretaris houdt bij:" in paragraphs
    assert "b. een register van geschenken." in paragraphs
    assert "/akn/" not in doc.text


STOP_RENVOOI = """<?xml version="1.0" encoding="UTF-8"?>
<BesluitCompact xmlns="https://standaarden.overheid.nl/stop/imop/tekst/">
 <RegelingOpschrift><Al>Besluit tot wijziging van de Gedragscode Proefstad</Al></RegelingOpschrift>
 <Lichaam>
  <WijzigArtikel><Kop><Label>Artikel</Label><Nummer>I</Nummer></Kop>
   <Wat>De Gedragscode Proefstad wordt gewijzigd zoals is aangegeven in <IntRef ref="cmp_A">Bijlage A</IntRef>.</Wat>
  </WijzigArtikel>
 </Lichaam>
 <WijzigBijlage><Kop><Label>Bijlage</Label><Nummer>A</Nummer><Opschrift>Wijzigingen</Opschrift></Kop>
  <RegelingMutatie><Vervang><Lichaam>
   <Artikel><Kop><Label>Artikel</Label><Nummer>1</Nummer><Opschrift>Geschenken</Opschrift></Kop>
    <Inhoud><Al>Een raadslid meldt elk geschenk boven <VerwijderdeTekst>25</VerwijderdeTekst>
     <NieuweTekst>50</NieuweTekst> euro aan de griffier.</Al></Inhoud></Artikel>
   <Artikel wijzigactie="verwijder"><Kop><Label>Artikel</Label><Nummer>2</Nummer><Opschrift>Reizen</Opschrift></Kop>
    <Inhoud><Al>Een raadslid meldt een buitenlandse reis vooraf aan de griffier.</Al></Inhoud></Artikel>
   <Artikel wijzigactie="voegtoe"><Kop><Label>Artikel</Label><Nummer>3</Nummer><Opschrift>Agressie</Opschrift></Kop>
    <Inhoud><Al>Een raadslid dat wordt bedreigd, meldt dit bij de burgemeester.</Al></Inhoud></Artikel>
  </Lichaam></Vervang></RegelingMutatie>
 </WijzigBijlage>
</BesluitCompact>"""


def test_stop_renvooi_reads_as_the_regulation_it_makes() -> None:
    doc = read_document("wijziging.xml", data=STOP_RENVOOI.encode())
    assert "elk geschenk boven 50 euro" in " ".join(doc.text.split())
    assert "25" not in doc.text and "buitenlandse reis" not in doc.text
    assert "wordt bedreigd" in doc.text
    assert "aangegeven in Bijlage A." in doc.text  # the reference stays in its sentence
    from gedragscode.lint.segment import segment

    # the bijlage that Artikel I amends the code with is the code as it now reads
    normative = {u.heading for u in segment(doc).units if u.role == "normatief"}
    assert normative == {"Geschenken", "Agressie"}


XML_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<regeling><al>&lol3;</al></regeling>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE regeling [ <!ENTITY geheim SYSTEM "file:///etc/passwd"> ]>
<regeling><al>&geheim;</al></regeling>"""


@pytest.mark.parametrize("data", [XML_BOMB, XXE, XXE.decode().encode("utf-16")])
def test_xml_entities_are_refused(data: bytes) -> None:
    with pytest.raises(DocumentError, match="veiligheidsredenen"):
        read_document("gevaarlijk.xml", data=data)


def test_xml_malformed_and_undefined_entity() -> None:
    with pytest.raises(DocumentError, match="niet welgevormd") as info:
        read_document("kapot.xml", data=b"<regeling><artikel><al>tekst</artikel></regeling>")
    assert "kapot.xml" in str(info.value)
    with pytest.raises(DocumentError):
        read_document("ent.xml", data=b"<regeling><al>&onbekend;</al></regeling>")


def test_xhtml_goes_to_html_reader() -> None:
    data = (
        b'<?xml version="1.0" encoding="utf-8"?>'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Artikel 1</p></body></html>'
    )
    doc = read_document("pagina.xml", data=data)
    assert doc.format == "html"
    assert doc.text == "Artikel 1"


# ---------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.sampled_from(["-", "x.txt", "x.md", "x.html", "x.xml", "x.pdf", "x.docx"]))
def test_arbitrary_bytes_never_escape_as_tracebacks(data: bytes, name: str) -> None:
    try:
        doc = read_document(name, data=data)
    except DocumentError as exc:
        assert str(exc)
    else:
        assert doc.text.strip()
        assert "\r" not in doc.text


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(st.characters(exclude_categories=("Cc", "Cs")), st.sampled_from("\n\r\t")),
        max_size=400,
    )
)
def test_any_text_reads_back_normalised(text: str) -> None:
    expected = normalise_text(unquote(text))  # a text quoted line by line is a forwarded code
    try:
        doc = read_document("-", data=text.encode("utf-8"), format="text")
    except DocumentError:
        assert not expected.strip()
    else:
        assert doc.text == expected


def test_a_few_quoted_lines_are_text() -> None:
    assert unquote(">0") == ">0"
    assert unquote("> zie boven\n> groet") == "> zie boven\n> groet"
    assert unquote("> Artikel 1\n> Een raadslid meldt.\n> Artikel 2\n> De griffier.") == (
        "Artikel 1\nEen raadslid meldt.\nArtikel 2\nDe griffier.")


def test_struck_through_text_is_not_read() -> None:
    """What an amendment struck through no longer holds: Markdown ``~~...~~``, HTML del/s/strike and a
    DOCX run formatted as struck through are left out; the rest of the paragraph stays."""
    import docx

    md = read_document("x.md",
                       data=b"# Code\n\n- ~~Ik declareer alleen echte kosten.~~ Geschrapt.\n- Ik meld geschenken.\n")
    assert "declareer" not in md.text and "Geschrapt." in md.text and "Ik meld geschenken." in md.text
    page = (b"<html><body><h1>Code</h1><p><del>Ik declareer alleen echte kosten.</del> Geschrapt.</p>"
            b"<p>Ik meld <s>alle</s> geschenken.</p><p><strike>Reizen worden gemeld.</strike></p></body></html>")
    html = read_document("x.html", data=page)
    assert "declareer" not in html.text and "Reizen" not in html.text and "Ik meld geschenken." in html.text
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Ik declareer alleen echte kosten. ").font.strike = True
    paragraph.add_run("Geschrapt.")
    kept = document.add_paragraph().add_run("Ik meld geschenken.")
    kept.font.strike = False
    out = io.BytesIO()
    document.save(out)
    word = read_document("x.docx", data=out.getvalue())
    assert "declareer" not in word.text and "Geschrapt." in word.text and "Ik meld geschenken." in word.text


def test_drawn_rules_around_plain_text_headings_are_blanked_and_the_headings_head_sections() -> None:
    rule, double = "-" * 60, "=" * 40
    sections = [
        ("Andere functies", "U meldt elke functie naast uw ambt binnen een week bij de griffier. De griffier zet de "
                            "functies op de website."),
        ("Geschenken", "Een geschenk van meer dan 50 euro neemt u niet aan. Kleinere geschenken meldt u bij de "
                       "griffier."),
        ("Reizen", "Een reis naar het buitenland meldt u vooraf aan het college. Na afloop brengt u verslag uit."),
        ("Melden", "Vermoedt u dat een collega deze wegwijzer niet naleeft, dan meldt u dat bij de burgemeester."),
    ]
    body = "".join(f"{rule if n % 2 else double}\n{title}\n{rule if n % 2 else double}\n\n{text}\n\n"
                   for n, (title, text) in enumerate(sections))
    text = ("Wegwijzer integriteit wethouders Proefstad\n\nDe raad van Proefstad heeft deze wegwijzer op 3 maart 2026 "
            "vastgesteld als gedragscode voor de wethouders, op grond van artikel 41c van de Gemeentewet.\n\n" + body)
    doc = read_document("wegwijzer.txt", data=text.encode())
    assert "-----" not in doc.text and "=====" not in doc.text
    headings = {u.heading: u.role for u in segment(doc).units if u.heading}
    assert headings.get("Andere functies") == "normatief"
    assert headings.get("Reizen") == "normatief"


def test_text_struck_through_in_plain_text_is_not_read() -> None:
    text = ("Gedragscode voor de leden van Provinciale Staten van Proefland\n\n"
            "1. Een Statenlid meldt elk geschenk bij de griffie.\n"
            "~~2. Een buitenlandse reis voor het Statenwerk laat een Statenlid vooraf goedkeuren.~~\n"
            "Het tweede lid is bij amendement geschrapt.\n"
            "3. Zo werkt het: 2 ~ 3 en ~~ blijven staan als er geen doorgehaalde tekst tussen staat.\n")
    doc = read_document("code.txt", data=text.encode())
    assert "buitenlandse reis" not in doc.text
    assert "meldt elk geschenk" in doc.text and "is bij amendement geschrapt" in doc.text
    assert "2 ~ 3 en ~~ blijven" in doc.text


def test_html_content_a_read_more_toggle_collapses_is_read_and_other_hidden_content_is_not() -> None:
    page = b"""<html><body><main>
<h1>Gedragscode burgemeester Proefstad</h1>
<details><summary>Uw andere functies</summary>
<p>U meldt elke functie naast het ambt bij de griffier.</p>
<div class="readmore"><button aria-expanded="false">Lees meer</button><div class="readmore__content" hidden>
<p>Inkomsten uit nevenfuncties maakt u elk jaar voor 1 april bekend.</p></div></div>
<button aria-controls="extra-4" aria-expanded="false">Toon meer</button>
<div id="extra-4" hidden><p>Een ontheffing vraagt u aan bij gedeputeerde staten.</p></div>
</details>
<div class="modal" hidden><p>Weet u zeker dat u deze pagina wilt verlaten?</p></div>
<span aria-hidden="true">Icoon geschenk</span>
</main></body></html>"""
    doc = read_document("code.html", data=page)
    assert "voor 1 april bekend" in doc.text and "ontheffing vraagt u aan" in doc.text
    assert "pagina wilt verlaten" not in doc.text and "Icoon" not in doc.text


def test_docx_text_boxes_are_read_once_after_their_paragraph() -> None:
    """A "Kader" in a text box is text of the code: its paragraphs come after the paragraph it is anchored in.
    Word writes a DrawingML box with a VML copy as fallback; the copy is not read twice."""
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')

    def box(text: str) -> str:
        return f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"

    document = docx.Document()
    document.add_paragraph("Artikel 12 Kosten")
    vml = document.add_paragraph("Declaraties gaan via de griffie.")
    first = box("Kader: meld iedere bedreiging bij de burgemeester.")
    vml._p.append(parse_xml(f"<w:r {ns}><w:pict><v:shape><v:textbox>{first}</v:textbox></v:shape></w:pict></w:r>"))
    both = document.add_paragraph("Artikel 13 Omgangsvormen")
    second = box("Tweede kader: de wethouder blijft respectvol.")
    both._p.append(parse_xml(
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{second}</wps:txbx>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{second}</v:textbox></v:shape>'
        f'</w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    out = io.BytesIO()
    document.save(out)
    text = read_document("x.docx", data=out.getvalue()).text
    assert text.index("Declaraties gaan via de griffie.") < text.index("Kader: meld iedere bedreiging") \
        < text.index("Artikel 13 Omgangsvormen")
    assert text.count("Tweede kader") == 1


def test_pandoc_divs_and_heading_attributes_are_markup() -> None:
    source = (b"[Home](/) > Integriteit\n\n::: {.cookie-notice}\nDeze website gebruikt cookies.\n:::\n\n"
              b"::: {.page-content}\n# Gedragscode {#code .page-title}\n\n::: {.text}\n"
              b"Je blijft respectvol tegen inwoners.\n:::\n:::\n")
    text = read_document("x.md", data=source).text
    assert "cookies" not in text and ":::" not in text and "{#code" not in text
    assert "Gedragscode\n" in text + "\n" and "Je blijft respectvol tegen inwoners." in text


def test_html_comments_in_markdown_are_not_read() -> None:
    source = (b"# Code\n\nIk meld geschenken.\n\n<!-- Ik maak een buitenlandse reis alleen na een besluit van het "
              b"college.\n-->\n")
    text = read_document("x.md", data=source).text
    assert "buitenlandse reis" not in text and "Ik meld geschenken." in text


def test_a_layout_table_is_read_as_the_blocks_in_its_cells() -> None:
    page = ("<html><body><table role='presentation'><tr><td><h1>Statenbrief</h1><p>Nieuws van de griffie.</p></td></tr>"
            "<tr><td><h4>§ 1 Reikwijdte</h4><p><b>Artikel 1.</b> Deze code geldt voor de Statenleden.</p>"
            "<h4>§ 2 Geschenken</h4><p><b>Artikel 2.</b> Een Statenlid meldt elk geschenk.</p></td></tr></table>"
            "<table><tr><td>Onderwerp</td><td>Regel</td></tr><tr><td>Geschenken</td><td>Melden</td></tr></table>"
            "</body></html>")
    paragraphs = read_document("brief.html", data=page.encode()).text.split("\n\n")
    assert "§ 1 Reikwijdte" in paragraphs and "Artikel 1. Deze code geldt voor de Statenleden." in paragraphs
    from lxml import html as lxml_html

    from gedragscode.lint.readers.html import _layout_table, _rows_of

    data = lxml_html.fromstring("<table><tr><td><p>Geschenken</p></td><td><p>Melden</p></td></tr></table>")
    assert not _layout_table(data, _rows_of(data))  # a table of two columns holds data, whatever is in its cells
