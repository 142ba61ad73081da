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
    # the running header stays where it is the first line of the document (the title)
    assert [[line for line in page if line] for page in cleaned] == [["Kop", "tekst een"], ["tekst twee"],
                                                                      ["tekst drie"]]
    text = _paged("tekst een\nKop\nPagina 1 van 3", "Kop\ntekst twee\nPagina 2 van 3", "Kop\ntekst drie\n- 3 -")
    assert [text[s.start : s.end] for s, _ in content_lines(text)] == ["tekst een", "tekst twee", "tekst drie"]


def test_reflow_joins_wrapped_lines_and_hyphenated_words() -> None:
    source = ("Artikel 3\nEen oud-\nraadslid is geen ex-\nraadslid. De integriteits-\nschending, raads-\n"
              "en commissieleden.")
    lines = [(Span(0, 9), True)]
    pos = 10
    for line in source[10:].split("\n"):
        lines.append((Span(pos, pos + len(line)), False))
        pos += len(line) + 1
    reading = reflow(source, lines)
    assert reading.text == (
        "Artikel 3\n\nEen oud-raadslid is geen ex-raadslid. De integriteitsschending, raads- en commissieleden."
    )
    # every character of the reading text comes from the same character of the source
    for offset, char in enumerate(reading.text):
        if char not in " \n":
            assert source[reading.offsets.to_source(offset)] == char


def _spans(source: str) -> list[tuple[Span, bool]]:
    lines, pos = [], 0
    for line in source.split("\n"):
        lines.append((Span(pos, pos + len(line)), False))
        pos += len(line) + 1
    return lines


def test_a_labelled_heading_as_wide_as_the_page_stands_on_its_own() -> None:
    source = ("de raad besluit vast te stellen de Gedragscode integriteit Ommerwaard 2025, zoals opgenomen in de\n"
              "bijlage bij dit besluit, en de Gedragscode integriteit Ommerwaard 2016 in te trekken met ingang van\n"
              "de dag na bekendmaking.\n"
              "Bijlage 1 — Gedragscode integriteit politieke ambtsdragers Ommerwaard 2025\n"
              "Voor wie deze code geldt\n"
              "1. Deze code geldt voor de leden van de raad en voor de commissieleden die geen raadslid zijn, en\n"
              "voor de wethouders.")
    paragraphs = reflow(source, _spans(source)).text.split("\n\n")
    assert "Bijlage 1 — Gedragscode integriteit politieke ambtsdragers Ommerwaard 2025" in paragraphs
    assert "Voor wie deze code geldt" in paragraphs
    # the signature starts anew after a full line
    signed = ("Deze gedragscode treedt in werking op de dag na bekendmaking en kan worden aangehaald als Gedragscode.\n"
              "Aldus vastgesteld in de openbare vergadering van 27 september 2023.")
    assert reflow(signed, _spans(signed)).text.split("\n\n")[1].startswith("Aldus vastgesteld")
    # a labelled heading that wraps goes on in lower case and is joined
    wrapped = ("Artikel 12 Het aanvaarden van geschenken, uitnodigingen en andere voordelen door de leden van\n"
               "het college\nEen wethouder meldt elk geschenk.")
    assert reflow(wrapped, _spans(wrapped)).text.startswith(
        "Artikel 12 Het aanvaarden van geschenken, uitnodigingen en andere voordelen door de leden van het college")


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
    assert reading.text.count(header) == 1 and reading.text.startswith(header)  # the title stays, once
    assert "Pagina" not in reading.text
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


def test_bare_article_headings_at_the_top_of_pages_are_no_running_headers() -> None:
    """Repetition decides, not the pattern: "Artikel 3", "Artikel 5" ... opening many pages stay, while a
    header whose number counts the pages goes."""
    pages = [f"Gedragscode Proefstad - blad {n}\nArtikel {2 * n + 1}\nHet raadslid meldt geschenk {n * n}.\n{n}"
             for n in range(1, 6)]
    kept = [_paged(*pages)[s.start : s.end] for s, _ in content_lines(_paged(*pages))]
    assert kept[:3] == ["Gedragscode Proefstad - blad 1", "Artikel 3", "Het raadslid meldt geschenk 1."]
    assert [line for line in kept if line.startswith("Artikel")] == [f"Artikel {2 * n + 1}" for n in range(1, 6)]
    assert not [line for line in kept if "blad" in line and line != "Gedragscode Proefstad - blad 1"]
    assert not [line for line in kept if line.isdigit()]


def test_a_text_file_with_pages_and_a_hard_wrapped_text_file_are_reflowed() -> None:
    wrapped = (
        "Artikel 1 Nevenfuncties\n\nHet raadslid meldt elke nevenfunctie bij de griffier voordat hij\n"
        "het ambt aanvaardt. De griffier maakt de opgave openbaar in een register\nop de website van de "
        "gemeente en houdt het register bij. Een nieuwe\nfunctie meldt het raadslid binnen een week na de "
        "aanvaarding bij\nde griffier, die het register dan aanpast. Het beëindigen van een\nfunctie wordt op "
        "dezelfde wijze gemeld, zodat het register actueel\nblijft.\n\nArtikel 2 Geschenken\n\nHet raadslid "
        "neemt geen geschenken aan met een waarde boven de vijftig\neuro.\n"
    )
    seg = segment(SourceDocument(name="code.txt", format="text", text=wrapped))
    assert seg.source is not None
    assert "voordat hij het ambt aanvaardt. De griffier" in seg.document.text
    assert [u.label for u in seg.units if u.role == "normatief"] == ["Artikel 1", "Artikel 2"]
    paged = "Artikel 1 Geschenken\nHet raadslid meldt elk\nPagina 1 van 2" + PAGE_BREAK + "geschenk.\nPagina 2 van 2"
    doc = read_blocks(SourceDocument(name="code.txt", format="text", text=paged))[0]
    assert "Pagina" not in doc.text and "meldt elk geschenk." in doc.text


def test_text_that_is_not_hard_wrapped_is_read_as_it_is() -> None:
    text = (
        "Artikel 1 Begrippen\n\nIn deze code wordt verstaan onder:\na. raadslid: lid van de raad;\n"
        "b. griffier: de griffier van de raad.\n\nArtikel 2 Geschenken\n\nHet raadslid meldt elk geschenk.\n"
    )
    doc = SourceDocument(name="code.txt", format="text", text=text)
    assert read_blocks(doc) == (doc, None)


def test_a_labelled_question_heading_is_not_joined_to_its_answer() -> None:
    text = _paged(
        "1. Ik heb naast de politiek ander werk. Wat moet ik doen met dat werk?\n"
        "Je meldt al je nevenfuncties bij de griffie voordat je wordt beëdigd in de raad.\n"
        "2. Wat doe ik met een cadeau?\nJe meldt elk cadeau bij de griffie."
    )
    reading, _ = read_blocks(SourceDocument(name="code.pdf", format="pdf", text=text))
    assert reading.text.split("\n\n")[:2] == [
        "1. Ik heb naast de politiek ander werk. Wat moet ik doen met dat werk?",
        "Je meldt al je nevenfuncties bij de griffie voordat je wordt beëdigd in de raad.",
    ]


def test_question_and_answer_labels_on_lines_of_their_own_label_the_line_after_them() -> None:
    text = ("Gedragscode Proefeiland\n\nV.\nVoor wie geldt deze code?\nA.\nVoor de leden van de eilandsraad en de "
            "gezaghebber.\n\nV.\nMoet ik mijn functies opgeven?\nA.\nU geeft al uw functies op bij de griffier.\n\n"
            "V.\nMag ik een cadeau houden?\nA.\nEen cadeau tot vijftig dollar mag u houden.\n")
    doc, offsets = read_blocks(SourceDocument(name="t.txt", format="text", text=text))
    assert offsets is not None
    paragraphs = doc.text.split("\n\n")
    assert "V. Moet ik mijn functies opgeven?" in paragraphs
    assert "A. U geeft al uw functies op bij de griffier." in paragraphs



def test_a_text_copied_from_a_pdf_gets_its_pages_back_from_its_page_counters() -> None:
    from gedragscode.lint.readers import read_document

    title = "Gedragscode dagelijks bestuur Waterschap Proefvliet"
    text = (f"{title}\n\nArtikel 6 Beraadslaging en stemming\n1. De bestuurder neemt niet deel aan de beraadslaging "
            f"over\n\nWaterschapsblad 2026/12        pagina 1 van 2\n\n{title}\n\neen onderwerp dat hem persoonlijk "
            f"aangaat.\n2. Hij meldt zo'n belang vooraf.\n\nWaterschapsblad 2026/12        pagina 2 van 2\n")
    doc = read_document("code.txt", data=text.encode())
    assert doc.text.count(PAGE_BREAK) == 1
    lines = [doc.text[s.start : s.end] for s, _ in content_lines(doc.text)]
    assert "Waterschapsblad" not in " ".join(lines) and lines.count(title) == 1
    # the sentence that runs on over the page break is one paragraph; the white around the furniture is layout
    starts = {doc.text[s.start : s.end]: blank for s, blank in content_lines(doc.text)}
    assert starts["een onderwerp dat hem persoonlijk aangaat."] is False
    # counters that do not count pages one by one, or a text with form feeds, are left as they are
    other = text.replace("pagina 2 van 2", "pagina 5 van 2")
    assert PAGE_BREAK not in read_document("code.txt", data=other.encode()).text


def test_a_heading_that_counts_its_own_pages_is_running_on_fewer_than_half_of_them() -> None:
    from gedragscode.lint.reading.pages import remove_running_lines

    intro = [[f"Dia {k}", f"Over integriteit, deel {k}.", "Een toelichting voor nieuwe leden."] for k in range(1, 8)]
    code = [[f"Bijlage: de volledige tekst van de gedragscode ({k}/4)", f"Art. {k} Geschenken. Een lid meldt ze.",
             "Nog een regel."] for k in range(1, 5)]
    cleaned = remove_running_lines(intro + code)
    assert all(page[0] == "" for page in cleaned[7:])  # the counted heading on 4 of 11 pages
    assert [page[1] for page in cleaned[7:]] == [f"Art. {k} Geschenken. Een lid meldt ze." for k in range(1, 5)]
    # a heading that repeats without counting (an article that opens several pages) stays
    plain = [[f"Artikel {k}", "Een lid meldt elk geschenk."] for k in (3, 3, 3)] + intro
    assert remove_running_lines(plain)[0][0] == "Artikel 3"
