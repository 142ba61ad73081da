"""Tests for the document tree writers: Markdown (golden file), HTML and DOCX."""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from gedragscode.errors import ModelError
from gedragscode.render.doctree import Article, Chapter, Document, Explanation, Lid, Onderdeel, clean_text
from gedragscode.render.docx import DocxOptions, to_docx
from gedragscode.render.html import to_html
from gedragscode.render.markdown import escape_markdown, to_markdown
from gedragscode.render.writers import FORMATS, write

GOLDEN = Path(__file__).parent / "fixtures" / "writers" / "almelo.md"
UPDATE = os.environ.get("GEDRAGSCODE_UPDATE_GOLDEN") == "1"
SCRIPT = "<script>alert(1)</script>"
DATED = DocxOptions(date=date(2026, 3, 1))


def almelo() -> Document:
    """A small but realistic code of conduct for the raadsleden of a gemeente."""
    return Document(
        title="Gedragscode integriteit raadsleden gemeente Almelo 2026",
        subject="Gedragscode integriteit politieke ambtsdragers",
        aanhef=(
            "De raad van de gemeente Almelo;",
            "gelet op artikel 15, derde lid, van de Gemeentewet;",
            "besluit:",
            "vast te stellen de volgende regeling:",
        ),
        inleiding=(
            "Integriteit is een voorwaarde voor het vertrouwen van burgers in het openbaar bestuur.",
            "Deze gedragscode geeft de raadsleden houvast bij hun afwegingen.",
        ),
        chapters=(
            Chapter(
                number=1,
                title="Algemene bepalingen",
                anchor="hoofdstuk-1",
                articles=(
                    Article(
                        number="1",
                        title="Begripsbepalingen",
                        anchor="artikel-1",
                        leden=(
                            Lid(
                                None,
                                "In deze gedragscode wordt verstaan onder:",
                                (
                                    Onderdeel("a", "raadslid: lid van de raad van de gemeente Almelo;"),
                                    Onderdeel("b", "griffier: de griffier van de raad;"),
                                    Onderdeel("c", "vertrouwenspersoon: de persoon, bedoeld in artikel 9."),
                                ),
                            ),
                        ),
                    ),
                    Article(
                        number="2",
                        title="Reikwijdte",
                        anchor="artikel-2",
                        leden=(
                            Lid(1, "Deze gedragscode is van toepassing op de raadsleden."),
                            Lid(2, "Deze gedragscode is van overeenkomstige toepassing op commissieleden."),
                        ),
                    ),
                ),
            ),
            Chapter(
                number=2,
                title="Belangenverstrengeling",
                anchor="hoofdstuk-2",
                articles=(
                    Article(
                        number="3",
                        title="Geschenken",
                        anchor="artikel-3",
                        leden=(
                            Lid(
                                1,
                                "Een raadslid meldt bij de griffier:",
                                (
                                    Onderdeel("a", "een geschenk met een waarde van meer dan € 50;"),
                                    Onderdeel("b", "een aanbod van een reis of verblijf."),
                                ),
                            ),
                            Lid(2, "De griffier houdt een openbaar register bij."),
                            Lid(3, "Een geschenk wordt niet op het huisadres ontvangen."),
                        ),
                    ),
                    Article(
                        number="4",
                        title="Nevenfuncties",
                        anchor="artikel-4",
                        scope_note="Dit artikel geldt voor de wethouders.",
                        leden=(
                            Lid(1, "Een wethouder vervult geen nevenfuncties die ongewenst zijn."),
                            Lid(2, "Nevenfuncties worden openbaar gemaakt op de website van de gemeente."),
                        ),
                    ),
                ),
            ),
        ),
        signing=(
            "Aldus vastgesteld in de openbare vergadering van de raad van de gemeente Almelo "
            "van 1 maart 2026.",
            "",
            "de griffier,",
            "",
            "de voorzitter,",
        ),
        general_explanation=("Deze gedragscode volgt de geactualiseerde handreiking.",),
        explanations=(
            Explanation("Artikel 3 Geschenken", ("De grens van € 50 sluit aan bij de handreiking.",), "t-3"),
            Explanation("Artikel 4 Nevenfuncties", ("Zie artikel 41b van de Gemeentewet.",), "t-4"),
        ),
        metadata={"generator": "gedragscode 0.1.0", "model": "Handboek integriteit 2023"},
    )


def hostile() -> Document:
    """The sample with markup, metacharacters and leading numbers in every kind of field."""
    doc = almelo()
    chapter = doc.chapters[0]
    article = replace(
        chapter.articles[0],
        title=f"Begrippen {SCRIPT}",
        scope_note="*niet vet* en _niet schuin_",
        leden=(
            Lid(
                1,
                "1. Dit lijkt een lijst [x](javascript:alert(1)) & &amp; `code` \\ eind\\",
                (
                    Onderdeel("a", "1. geen nieuwe nummering"),
                    Onderdeel("b", "# geen kop"),
                    Onderdeel("c", "- geen opsomming\n\n2. nog een regel"),
                ),
            ),
            Lid(2, "> geen citaat <b>vet</b>"),
        ),
    )
    chapters = (replace(chapter, articles=(article, *chapter.articles[1:])), *doc.chapters[1:])
    return replace(
        doc,
        title=f"Code {SCRIPT} # *x*",
        aanhef=(f"De raad {SCRIPT};", "1. besluit:", "---", "<!-- commentaar -->"),
        inleiding=("*niet vet*", "<https://example.org>", "    code block?"),
        chapters=chapters,
        signing=("de griffier,", "===", "de voorzitter,"),
        metadata={"generator": f'"><script>x</script>{SCRIPT}'},
    )


# --------------------------------------------------------------------------- Markdown


def test_markdown_golden() -> None:
    text = to_markdown(almelo())
    if UPDATE:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8", newline="\n")
    assert GOLDEN.exists(), "golden file missing; run with GEDRAGSCODE_UPDATE_GOLDEN=1"
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_markdown_shape() -> None:
    text = to_markdown(almelo())
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert text.startswith("# Gedragscode integriteit raadsleden gemeente Almelo 2026\n")
    assert "## Hoofdstuk 2 Belangenverstrengeling" in text
    assert "### Artikel 3 Geschenken" in text
    assert "1\\. Een raadslid meldt bij de griffier:" in text
    assert "- a. een geschenk met een waarde van meer dan € 50;" in text
    assert "*Dit artikel geldt voor de wethouders.*" in text
    assert "#### Artikel 4 Nevenfuncties" in text
    assert text.index("## Toelichting") > text.index("de voorzitter,")


def test_markdown_deterministic() -> None:
    assert to_markdown(almelo()).encode() == to_markdown(almelo()).encode()
    assert to_markdown(hostile()).encode() == to_markdown(hostile()).encode()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*niet vet*", "\\*niet vet\\*"),
        ("1. lid", "1\\. lid"),
        ("12) lid", "12\\) lid"),
        ("# kop", "\\# kop"),
        ("- punt", "\\- punt"),
        ("a & b", "a \\& b"),
        ("<b>", "\\<b>"),
        ("[x](y)", "\\[x\\](y)"),
        ("a\\b", "a\\\\b"),
        ("gewone tekst, met punt.", "gewone tekst, met punt."),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


# --------------------------------------------------------------------------- HTML


def parse_html(text: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(text)


def test_html_structure() -> None:
    page = to_html(almelo())
    assert page.startswith("<!DOCTYPE html>\n")
    root = parse_html(page)
    assert root.get("lang") == "nl"
    assert root.xpath("//meta[@charset='utf-8']")
    assert root.xpath("//meta[@name='viewport']")
    assert root.xpath("//meta[@name='generator']/@content") == ["gedragscode 0.1.0"]
    assert root.findtext(".//title") == "Gedragscode integriteit raadsleden gemeente Almelo 2026"
    assert len(root.xpath("//h1")) == 1
    style = root.findtext(".//style") or ""
    assert "@media print" in style and "break-before: page" in style

    main = root.xpath("//main")[0]
    headings = [(el.tag, el.text_content()) for el in main.iter("h2", "h3", "h4")]
    assert headings == [
        ("h2", "Inleiding"),
        ("h2", "Hoofdstuk 1 Algemene bepalingen"),
        ("h3", "Artikel 1 Begripsbepalingen"),
        ("h3", "Artikel 2 Reikwijdte"),
        ("h2", "Hoofdstuk 2 Belangenverstrengeling"),
        ("h3", "Artikel 3 Geschenken"),
        ("h3", "Artikel 4 Nevenfuncties"),
        ("h2", "Toelichting"),
        ("h3", "Algemeen"),
        ("h3", "Artikelsgewijze toelichting"),
        ("h4", "Artikel 3 Geschenken"),
        ("h4", "Artikel 4 Nevenfuncties"),
    ]
    # Leden keep their literal numbers; no <ol> anywhere.
    assert not root.xpath("//ol")
    leden = [p.text_content() for p in main.xpath(".//p[contains(@class, 'lid')]")]
    assert leden[1].startswith("1. Deze gedragscode") and leden[2].startswith("2. ")
    items = [li.text_content() for li in main.xpath(".//ul[contains(@class,'onderdelen')]/li")]
    assert items[:3] == [
        "a. raadslid: lid van de raad van de gemeente Almelo;",
        "b. griffier: de griffier van de raad;",
        "c. vertrouwenspersoon: de persoon, bedoeld in artikel 9.",
    ]
    scope = main.xpath(".//p[@class='toepassing']/em")
    assert [e.text for e in scope] == ["Dit artikel geldt voor de wethouders."]
    assert main.xpath(".//div[@class='ondertekening']/p")


def test_html_toc_links_resolve() -> None:
    root = parse_html(to_html(almelo()))
    nav = root.xpath("//nav[@aria-label='Inhoudsopgave']")
    assert len(nav) == 1
    targets = [href[1:] for href in nav[0].xpath(".//a/@href")]
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids)), "ids must be unique"
    assert targets and all(t in ids for t in targets)
    assert {"hoofdstuk-1", "artikel-1", "artikel-4", "toelichting"} <= set(targets)
    assert root.xpath("//h4[@id='t-3']")


def test_html_escapes_hostile_text() -> None:
    doc = hostile()
    page = to_html(doc)
    root = parse_html(page)
    assert not root.xpath("//script")
    assert not root.xpath("//b | //strong | //a[starts-with(@href, 'javascript')] | //blockquote | //pre")
    assert not root.xpath("//ol")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    body = root.xpath("//main")[0]
    text = body.text_content()
    # The text stays visibly as typed.
    assert SCRIPT in text
    assert "*niet vet*" in text and "_niet schuin_" in text
    assert "[x](javascript:alert(1)) & &amp; `code` \\ eind\\" in text
    assert "<https://example.org>" in text and "<!-- commentaar -->" in text and "---" in text
    assert root.findtext(".//title") == f"Code {SCRIPT} # *x*"
    h1 = root.xpath("//h1")
    assert len(h1) == 1 and h1[0].text_content() == f"Code {SCRIPT} # *x*"
    # Leading "1." in an onderdeel or lid does not renumber; "#" and "-" make no heading/list.
    items = [li.text_content() for li in body.xpath(".//ul[contains(@class,'onderdelen')]/li")]
    assert items[:3] == [
        "a. 1. geen nieuwe nummering",
        "b. # geen kop",
        "c. - geen opsomming 2. nog een regel",
    ]
    leden = [p.text_content() for p in body.xpath(".//p[contains(@class,'lid')]")]
    assert leden[0].startswith("1. 1. Dit lijkt een lijst")
    assert leden[1] == "2. > geen citaat <b>vet</b>"
    assert body.xpath(".//p[@class='toepassing']/em")[0].text_content() == "*niet vet* en _niet schuin_"
    # Only the writer's own headings exist: no heading from "#", "---" or "===".
    assert len(body.xpath(".//h2 | .//h3 | .//h4")) == len(
        parse_html(to_html(almelo())).xpath("//main//h2 | //main//h3 | //main//h4")
    )
    assert root.xpath("//meta[@name='generator']/@content") == [f'"><script>x</script>{SCRIPT}']


# Text built from the characters that mean something in Markdown or HTML.
markup_text = st.lists(
    st.sampled_from([*"ab 1.)#*_-+=>`~<&;[]()!\\|:/\n\t\"'\u00a0", "&amp;", "<script>", "1. ", "    "]),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(title=markup_text, lid=markup_text, onderdeel=markup_text, scope=markup_text, para=markup_text)
def test_html_any_text_stays_text(title: str, lid: str, onderdeel: str, scope: str, para: str) -> None:
    doc = almelo()
    article = Article(
        number="1",
        title=title,
        anchor="artikel-1",
        scope_note=scope,
        leden=(Lid(1, lid, (Onderdeel("a", onderdeel),)), Lid(2, para)),
    )
    doc = replace(
        doc,
        aanhef=(para,),
        chapters=(Chapter(1, title, (article,), "hoofdstuk-1"),),
        signing=(para, "", title),
    )
    root = parse_html(to_html(doc))
    assert not root.xpath(
        "//script | //strong | //a[not(ancestor::nav)] | //code | //ol | //blockquote | //hr"
    )
    main = root.xpath("//main")[0]
    assert main.xpath(".//h3")[0].text_content() == " ".join(x for x in ("Artikel 1", clean_text(title)) if x)
    lid_p = main.xpath(".//p[@class='lid']")
    assert lid_p[0].text_content() == " ".join(x for x in ("1.", clean_text(lid)) if x)
    assert lid_p[1].text_content() == " ".join(x for x in ("2.", clean_text(para)) if x)
    item = main.xpath(".//ul[contains(@class,'onderdelen')]/li")
    assert len(item) == 1 and item[0].text_content() == " ".join(
        x for x in ("a.", clean_text(onderdeel)) if x
    )
    if clean_text(scope):
        assert main.xpath(".//p[@class='toepassing']/em")[0].text_content() == clean_text(scope)
    # Inleiding, Hoofdstuk 1, Artikel 1, Toelichting, Algemeen, Artikelsgewijze, 2 explanations.
    assert len(main.xpath(".//h2 | .//h3 | .//h4")) == 8
    md = to_markdown(doc)
    assert md.endswith("\n") and not md.endswith("\n\n") and all(x == x.rstrip() for x in md.split("\n"))


def test_html_deterministic() -> None:
    assert to_html(almelo()).encode() == to_html(almelo()).encode()
    assert to_html(hostile()) == to_html(hostile())


def test_html_duplicate_anchors_are_made_unique() -> None:
    doc = almelo()
    chapters = tuple(replace(c, anchor="zelfde") for c in doc.chapters)
    root = parse_html(to_html(replace(doc, chapters=chapters)))
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))
    targets = [h[1:] for h in root.xpath("//nav//a/@href")]
    assert "zelfde" in targets and "zelfde-2" in targets and all(t in ids for t in targets)


# --------------------------------------------------------------------------- DOCX


def read_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def style_name(paragraph: Paragraph) -> str:
    assert paragraph.style is not None
    return str(paragraph.style.name)


def test_docx_styles_and_numbers() -> None:
    doc = almelo()
    document = read_docx(to_docx(doc, DATED))
    paragraphs = [(style_name(p), p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", doc.title)
    assert [t for s, t in paragraphs if s == "Heading 1"] == ["Inleiding", "Toelichting"]
    assert [t for s, t in paragraphs if s == "Hoofdstuk"] == [
        "Hoofdstuk 1 Algemene bepalingen",
        "Hoofdstuk 2 Belangenverstrengeling",
    ]
    articles = [t for s, t in paragraphs if s == "Artikel"]
    assert len(articles) == sum(1 for _ in doc.articles())
    assert articles[0] == "Artikel 1 Begripsbepalingen"
    assert [t for s, t in paragraphs if s == "Heading 3"] == [
        "Artikel 3 Geschenken",
        "Artikel 4 Nevenfuncties",
    ]

    # Leden of article 3: literal numbers with a tab, in order, hanging indent from the style.
    start = paragraphs.index(("Artikel", "Artikel 3 Geschenken"))
    body = document.paragraphs[start + 1 : start + 6]
    assert [style_name(p) for p in body] == ["Lid", "Onderdeel", "Onderdeel", "Lid", "Lid"]
    assert [p.text.split("\t")[0] for p in body] == ["1.", "a.", "b.", "2.", "3."]
    lid = body[0]
    assert lid.text == "1.\tEen raadslid meldt bij de griffier:"
    lid_style = document.styles["Lid"].paragraph_format
    onderdeel_style = document.styles["Onderdeel"].paragraph_format
    assert lid_style.first_line_indent < 0 < lid_style.left_indent
    assert onderdeel_style.left_indent > lid_style.left_indent
    assert lid.paragraph_format.left_indent is None  # no direct formatting: the style decides

    scope = next(p for p in document.paragraphs if p.text == "Dit artikel geldt voor de wethouders.")
    assert style_name(scope) == "Toepassing" and document.styles["Toepassing"].font.italic
    toelichting = next(p for p in document.paragraphs if p.text == "Toelichting" and style_name(p) == "Heading 1")
    assert toelichting.paragraph_format.page_break_before
    assert any(p.text == "de voorzitter," for p in document.paragraphs)


def test_docx_properties_and_page() -> None:
    document = read_docx(to_docx(almelo(), DATED))
    props = document.core_properties
    assert props.title == "Gedragscode integriteit raadsleden gemeente Almelo 2026"
    assert props.subject == "Gedragscode integriteit politieke ambtsdragers"
    assert props.language == "nl-NL"
    assert props.author == "gedragscode"
    assert props.created == props.modified == datetime(2026, 3, 1, tzinfo=UTC)
    assert "model: Handboek integriteit 2023" in props.comments
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    styles_xml = document.styles.element.xml
    assert 'w:val="nl-NL"' in styles_xml


def test_docx_deterministic() -> None:
    first, second = to_docx(almelo(), DATED), to_docx(almelo(), DATED)
    assert first == second
    a, b = read_docx(first), read_docx(second)
    assert [p.text for p in a.paragraphs] == [p.text for p in b.paragraphs]
    assert a.core_properties.modified == b.core_properties.modified
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert "docProps/thumbnail.jpeg" not in z.namelist()


def test_docx_hostile_text_is_literal() -> None:
    doc = hostile()
    doc = replace(doc, inleiding=(*doc.inleiding, "controle\x00teken\x1b hier"))
    document = read_docx(to_docx(doc))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == f"Code {SCRIPT} # *x*"
    assert texts.count(f"Artikel 1 Begrippen {SCRIPT}") == 2  # the heading and its table-of-contents entry
    assert "1.\t1. Dit lijkt een lijst [x](javascript:alert(1)) & &amp; `code` \\ eind\\" in texts
    assert "a.\t1. geen nieuwe nummering" in texts
    assert "controleteken hier" in texts


# --------------------------------------------------------------------------- dispatch


def test_write_dispatch() -> None:
    doc = almelo()
    assert FORMATS == ("md", "html", "docx")
    assert write(doc, "md") == to_markdown(doc)
    assert write(doc, "html") == to_html(doc)
    assert isinstance(write(doc, "docx"), bytes)


def test_write_unknown_format() -> None:
    with pytest.raises(ModelError, match=re.escape("md, html, docx")) as info:
        write(almelo(), "pdf")
    assert "Onbekend uitvoerformaat" in str(info.value)


def test_minimal_document() -> None:
    doc = Document(
        title="Gedragscode",
        subject="",
        aanhef=(),
        inleiding=(),
        chapters=(),
        signing=(),
        general_explanation=(),
        explanations=(),
    )
    assert to_markdown(doc) == "# Gedragscode\n"
    root = parse_html(to_html(doc))
    assert len(root.xpath("//h1")) == 1 and not root.xpath("//main//h2")
    assert [p.text for p in read_docx(to_docx(doc)).paragraphs] == ["Gedragscode"]
