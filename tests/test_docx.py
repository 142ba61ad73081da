"""The Word output a griffie keeps editing: named styles, a real TOC field, core properties.

Every document is read back with python-docx (and its XML where python-docx has no API);
one test converts with LibreOffice when it is installed and checks what it shows.
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
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

import gedragscode
from gedragscode import Code, GedragscodeError
from gedragscode.lint.readers import read_document
from gedragscode.lint.segment import segment
from gedragscode.render import doctree
from gedragscode.render.docx import TOC_INSTRUCTION

MODEL = gedragscode.load_model()
WHEN = dt.date(2026, 3, 1)
HHNK = "Hoogheemraadschap van Hollands Noorderkwartier"


def everyone(body: str, place: str = "Testplaats") -> Code:
    found = MODEL.body(body)
    assert found is not None
    return gedragscode.make_code(body, [o.id for o in found.offices], place, year=2026)


def render_docx(code: Code, **options: object) -> bytes:
    data = gedragscode.render(code, "docx", **options)  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    return data


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def style(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


# ---------------------------------------------------------------- styles


def test_named_styles_are_real_styles_with_outline_levels() -> None:
    document = read(render_docx(everyone("gemeente"), date=WHEN))
    styles = document.styles
    for name in ("Hoofdstuk", "Artikel", "Lid", "Lid zonder nummer", "Onderdeel", "Toepassing"):
        assert styles[name].type == 1, name  # paragraph style
    assert styles["Artikel"].base_style.name == "Heading 2"
    assert styles["Hoofdstuk"].base_style.name == "Heading 1"
    assert styles["Artikel"].next_paragraph_style.name == "Lid"

    def outline(name: str) -> str | None:
        el = styles[name].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        return None if el is None else el.get(qn("w:val"))

    assert outline("Hoofdstuk") == "0" and outline("Artikel") == "1"
    # numbers are literal text: no Word list numbering anywhere in the body
    assert "<w:numPr>" not in part(render_docx(everyone("gemeente"), date=WHEN), "word/document.xml")


@pytest.mark.parametrize("body", [b.id for b in MODEL.bodies])
def test_every_lid_and_onderdeel_is_in_its_style(body: str) -> None:
    code = everyone(body)
    doc = gedragscode.build_document(code)
    paragraphs = read(render_docx(code, date=WHEN)).paragraphs
    by_style: dict[str, list[str]] = {}
    for p in paragraphs:
        by_style.setdefault(style(p), []).append(p.text)
    leden = [lid for a in doc.articles() for lid in a.leden]
    assert by_style["Lid"] == [f"{lid.number}.\t{doctree.clean_text(lid.text)}" for lid in leden
                               if lid.number is not None]
    assert by_style.get("Lid zonder nummer", []) == [doctree.clean_text(lid.text) for lid in leden
                                                     if lid.number is None and lid.text.strip()]
    assert by_style["Onderdeel"] == [f"{o.label}.\t{doctree.clean_text(o.text)}" for lid in leden
                                     for o in lid.onderdelen]
    assert by_style["Artikel"] == [doctree.article_heading(a) for a in doc.articles()]


# ---------------------------------------------------------------- table of contents


def test_toc_is_a_real_field_with_linked_entries() -> None:
    code = everyone("provincie")
    data = render_docx(code, date=WHEN)
    document = read(data)
    body = document.element.body
    instr = [el.text for el in body.iter(qn("w:instrText"))]
    assert instr == [TOC_INSTRUCTION]
    assert 'TOC \\o "1-2" \\h' in TOC_INSTRUCTION
    kinds = [el.get(qn("w:fldCharType")) for el in body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    bookmarks = {el.get(qn("w:name")) for el in body.iter(qn("w:bookmarkStart"))}
    anchors = [el.get(qn("w:anchor")) for el in body.iter(qn("w:hyperlink"))]
    assert anchors and set(anchors) == bookmarks and len(set(anchors)) == len(anchors)

    paragraphs = document.paragraphs
    assert style(paragraphs[1]) == "TOC Heading" and paragraphs[1].text == "Inhoudsopgave"
    toc = [p for p in paragraphs if style(p) in ("toc 1", "toc 2")]
    headings = [p for p in paragraphs if style(p) in ("Heading 1", "Hoofdstuk", "Heading 2", "Artikel")]
    assert [p.text for p in toc] == [p.text for p in headings]
    assert [style(p) for p in toc] == ["toc 1" if style(h) in ("Heading 1", "Hoofdstuk") else "toc 2"
                                       for h in headings]
    # each entry links to the bookmark on its own heading
    for entry, heading in zip(toc, headings, strict=True):
        link = entry._p.find(qn("w:hyperlink"))
        mark = heading._p.find(qn("w:bookmarkStart"))
        assert link is not None and mark is not None
        assert link.get(qn("w:anchor")) == mark.get(qn("w:name"))
    # the regulation starts on a new page after the table of contents
    aanhef = paragraphs[len(toc) + 2]
    assert aanhef.text.startswith("Provinciale Staten") and aanhef.paragraph_format.page_break_before
    # Word refreshes the TOC (page numbers) when the document is opened
    assert '<w:updateFields w:val="true"/>' in part(data, "word/settings.xml")


def test_without_toc() -> None:
    data = render_docx(everyone("gemeente"), date=WHEN, toc=False)
    document = read(data)
    assert not list(document.element.body.iter(qn("w:instrText")))
    assert not list(document.element.body.iter(qn("w:bookmarkStart")))
    assert "updateFields" not in part(data, "word/settings.xml")
    assert "Inhoudsopgave" not in [p.text for p in document.paragraphs]
    assert not document.paragraphs[1].paragraph_format.page_break_before


def test_settings_stay_in_schema_order() -> None:
    settings = part(render_docx(everyone("waterschap"), date=WHEN), "word/settings.xml")
    # CT_Settings is a sequence: updateFields comes before compat and rsids
    assert settings.index("w:updateFields") < settings.index("<w:compat>") < settings.index("<w:rsids>")


def test_lint_skips_the_toc_of_a_rendered_code(tmp_path: Path) -> None:
    code = everyone("gemeente")
    path = tmp_path / "code.docx"
    path.write_bytes(render_docx(code, date=WHEN))
    read_back = read_document(path)
    plain = tmp_path / "zonder.docx"
    plain.write_bytes(render_docx(code, date=WHEN, toc=False))
    assert read_back.text == read_document(plain).text  # the TOC adds nothing to the text lint reads
    assert "Inhoudsopgave" not in read_back.text
    units = segment(read_back).units
    kinds = [str(u.role) for u in units]
    # the rendered inleiding declares itself part of the code, so lint reads it as provisions
    assert kinds[:3] == ["titel", "aanhef", "normatief"] and units[2].heading == "Inleiding"
    result = gedragscode.lint(path)
    assert result.body == "gemeente" and set(result.offices) == {o.id for o in code.offices}
    assert all(f.status in ("present", "not_required") for f in result.clauses)


def _word_toc_document() -> bytes:
    """A document as Word writes a TOC: an sdt, a localised style id for the heading, PAGEREFs."""
    document = docx.Document()
    styles = document.styles
    heading = styles.add_style("TOC Heading Dutch", 1)
    heading.element.styleId = "Kopvaninhoudsopgave"
    heading.element.name_val = "TOC Heading"
    body = document.element.body
    sdt = docx.oxml.parse_xml(
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:sdtContent>'
        '<w:p><w:pPr><w:pStyle w:val="Kopvaninhoudsopgave"/></w:pPr><w:r><w:t>Inhoud</w:t></w:r></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Artikel 1 Begrippen</w:t></w:r><w:r><w:tab/></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:r><w:t>Artikel 2 Geschenken</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>3</w:t></w:r></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        "</w:sdtContent></w:sdt>"
    )
    body.insert(0, sdt)
    first = docx.oxml.parse_xml(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:r><w:t>Gedragscode integriteit raadsleden Proefstad</w:t></w:r></w:p>")
    body.insert(0, first)
    document.add_paragraph("Artikel 1 Begrippen")
    document.add_paragraph("In deze code wordt verstaan onder raadslid: een lid van de raad.")
    document.add_paragraph("Pagina ")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_reader_skips_a_word_toc_field(tmp_path: Path) -> None:
    path = tmp_path / "word.docx"
    path.write_bytes(_word_toc_document())
    text = read_document(path).text
    assert "Inhoud" not in text and "Geschenken" not in text
    assert text.count("Artikel 1 Begrippen") == 1
    assert "een lid van de raad" in text


# ---------------------------------------------------------------- core properties and dates


def test_date_sets_created_and_modified() -> None:
    props = read(render_docx(everyone("gemeente"), date=WHEN)).core_properties
    assert props.created == props.modified == dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    assert props.last_printed is None
    assert props.revision == 1
    exact = dt.datetime(2026, 3, 1, 14, 30, 5, 123, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    props = read(render_docx(everyone("gemeente"), date=exact)).core_properties
    assert props.created == dt.datetime(2026, 3, 1, 13, 30, 5, tzinfo=dt.UTC)


def test_default_date_is_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props = read(render_docx(everyone("gemeente"))).core_properties
    after = dt.datetime.now(dt.UTC)
    assert props.created is not None and before <= props.created <= after


def test_source_date_epoch_gives_identical_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    code = everyone("waterschap")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    first = render_docx(code)
    props = read(first).core_properties
    assert props.created == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert render_docx(code) == first
    # an explicit date wins over the environment
    assert read(render_docx(code, date=WHEN)).core_properties.created == dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    # another date changes only the properties
    other = render_docx(code, date=dt.date(2027, 1, 1))
    assert other != first
    assert part(other, "word/document.xml") == part(first, "word/document.xml")


@pytest.mark.parametrize("value", ["gisteren", "-5", "1e9", "99999999999999999999"])
def test_bad_source_date_epoch(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(GedragscodeError, match="SOURCE_DATE_EPOCH"):
        render_docx(everyone("gemeente"))


def test_long_title_is_truncated_not_a_traceback() -> None:
    code = everyone("waterschap", HHNK)  # four offices: the properties used to exceed 255 characters
    document = read(render_docx(code, date=WHEN))
    props = document.core_properties
    assert props.title == code.name and HHNK in props.title
    assert 255 >= len(props.comments) > 0
    assert document.paragraphs[0].text == code.name  # the document itself keeps everything

    long_place = "Hollands Noorderkwartier " * 12
    code = everyone("waterschap", long_place.strip())
    document = read(render_docx(code, date=WHEN))
    title = document.core_properties.title
    assert len(code.name) > 255
    assert len(title) <= 255 and title.endswith("…")
    assert code.name.startswith(title[:-1].rstrip())
    assert document.paragraphs[0].text == doctree.clean_text(code.name)


@pytest.mark.parametrize("body", [b.id for b in MODEL.bodies])
def test_properties_fit_for_every_body(body: str) -> None:
    code = everyone(body, "Hoogheemraadschap de Stichtse Rijnlanden en Hollands Noorderkwartier")
    props = read(render_docx(code, date=WHEN)).core_properties
    for value in (props.title, props.subject, props.comments, props.keywords, props.category):
        assert len(value) <= 255
    assert props.language == "nl-NL" and props.author == "gedragscode"


# ---------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed")
def test_libreoffice_shows_toc_and_articles(tmp_path: Path) -> None:
    code = gedragscode.make_code("openbaar_lichaam", ["eilandsraadslid", "gezaghebber"], "Saba", year=2026)
    source = tmp_path / "code.docx"
    source.write_bytes(render_docx(code, date=WHEN))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "code.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    first_page = text.split("\f")[0]
    assert "Inhoudsopgave" in first_page
    doc = gedragscode.build_document(code)
    for article in doc.articles():
        heading = doctree.article_heading(article)
        assert text.count(heading) >= 2, heading  # in the table of contents and as a heading
