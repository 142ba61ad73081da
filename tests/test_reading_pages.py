"""The page and block stages of reading: page furniture, reflow, de-hyphenation, offsets back to the source."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gedragscode.lint.document import PAGE_BREAK, SourceDocument, Span
from gedragscode.lint.reading.blocks import read_blocks, reflow
from gedragscode.lint.reading.pages import content_lines, remove_running_lines
from gedragscode.lint.segment import segment


def _paged(*pages: str) -> str:
    return PAGE_BREAK.join(pages)


def test_running_lines_and_page_numbers_are_removed() -> None:
    pages = [["Kop", "tekst een", "12"], ["Kop", "tekst twee", "13"], ["Kop", "tekst drie", "14"]]
    cleaned = remove_running_lines(pages)
    assert [[line for line in page if line] for page in cleaned] == [["tekst een"], ["tekst twee"], ["tekst drie"]]
    text = _paged("Kop\ntekst een\nPagina 1 van 3", "Kop\ntekst twee\nPagina 2 van 3", "Kop\ntekst drie\n- 3 -")
    assert [text[s.start : s.end] for s in content_lines(text)] == ["tekst een", "tekst twee", "tekst drie"]


def test_reflow_joins_wrapped_lines_and_hyphenated_words() -> None:
    source = ("Artikel 3\nEen oud-\nraadslid is geen ex-\nraadslid. De integriteits-\nschending, raads-\n"
              "en commissieleden.")
    lines = [Span(0, 9)]
    pos = 10
    for line in source[10:].split("\n"):
        lines.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    reading = reflow(source, lines)
    assert reading.text == (
        "Artikel 3\n\nEen oud-raadslid is geen ex-raadslid. De integriteitsschending, raads- en commissieleden."
    )
    # every character of the reading text comes from the same character of the source
    for offset, char in enumerate(reading.text):
        if char not in " \n":
            assert source[reading.offsets.to_source(offset)] == char


def test_a_pdf_is_read_without_its_page_furniture_and_evidence_points_into_the_source() -> None:
    header = "Gedragscode integriteit raadsleden Proefstad 2026"
    text = _paged(
        f"{header}\nArtikel 1 Nevenfuncties\nHet raadslid meldt elke nevenfunctie bij de griffier voordat hij het\n"
        "ambt aanvaardt. De griffier maakt de opgave openbaar in een register op de\nPagina 1 van 2",
        f"{header}\nwebsite van de gemeente.\nArtikel 2 Geschenken\nHet raadslid meldt elk geschenk dat meer dan\n"
        "vijftig euro waard is bij de griffier.\nPagina 2 van 2",
    )
    doc = SourceDocument(name="code.pdf", format="pdf", text=text)
    reading, offsets = read_blocks(doc)
    assert offsets is not None
    assert header not in reading.text and "Pagina" not in reading.text
    assert "in een register op de website van de gemeente." in reading.text
    seg = segment(doc)
    assert seg.original is doc and seg.document.text == reading.text
    articles = [u for u in seg.units if u.role == "normatief"]
    assert [u.label for u in articles] == ["Artikel 1", "Artikel 2"]
    # a span of the reading text maps to the same words in the document as read
    start = reading.text.index("Het raadslid meldt elk geschenk")
    span = seg.source_span(Span(start, start + len("Het raadslid meldt elk geschenk")))
    assert text[span.start : span.end] == "Het raadslid meldt elk geschenk"


def test_documents_without_pages_are_read_as_they_are() -> None:
    doc = SourceDocument(name="code.txt", format="text", text="Artikel 1\n\nTekst.")
    reading, offsets = read_blocks(doc)
    assert reading is doc and offsets is None
    seg = segment(doc)
    assert seg.source is None and seg.original is doc


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("abc Ab-.\n1")), max_size=80), min_size=1, max_size=6))
def test_reading_text_maps_back_into_the_source(pages: list[str]) -> None:
    text = _paged(*pages)
    reading, offsets = read_blocks(SourceDocument(name="x.pdf", format="pdf", text=text))
    assert offsets is not None
    for offset, char in enumerate(reading.text):
        source = offsets.to_source(offset)
        assert 0 <= source <= len(text)
        if char not in " \n":
            assert text[source] == char
