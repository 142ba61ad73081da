"""Codes whose rules stand in a table (subject | rule), and titled sections with numbered leden."""

from __future__ import annotations

import io
from functools import lru_cache

import docx
from restructure import parse_rendered

from gedragscode import load_model, make_code, render
from gedragscode.lint.engine import lint
from gedragscode.lint.readers import read_document
from gedragscode.lint.readers.tables import row_blocks
from gedragscode.lint.segment import segment

FOUND = ("present", "outdated")


def test_a_subject_row_with_leden_becomes_a_heading_and_paragraphs() -> None:
    blocks = row_blocks([["Geschenken"], ["1. Een raadslid meldt een geschenk boven € 50 bij de griffier.",
                                           "2. De griffier houdt een register bij."]])
    assert blocks == ["Geschenken", "1. Een raadslid meldt een geschenk boven € 50 bij de griffier.",
                      "2. De griffier houdt een register bij."]
    # line breaks inside one Word paragraph separate leden as well
    assert row_blocks([["3"], ["Reizen"], ["1. Een reis wordt vooraf gemeld.\n2. Na afloop volgt een verslag."]]) == [
        "3 Reizen", "1. Een reis wordt vooraf gemeld.", "2. Na afloop volgt een verslag."]


def test_other_rows_stay_one_line() -> None:
    # a situation and its one-paragraph consequence is one statement
    assert row_blocks([["Een reis buiten Nederland op kosten van derden"],
                       ["De reis wordt niet gemaakt, tenzij het presidium vooraf heeft ingestemd."]]) == [
        "Een reis buiten Nederland op kosten van derden | De reis wordt niet gemaakt, tenzij het presidium "
        "vooraf heeft ingestemd."]
    assert row_blocks([["Onderwerp"], ["Afspraak"]]) == ["Onderwerp | Afspraak"]
    assert row_blocks([["4."], ["Een raadslid meldt elke nevenfunctie."]]) == [
        "4. Een raadslid meldt elke nevenfunctie."]
    assert row_blocks([[""], []]) == []


@lru_cache(maxsize=1)
def _rendered() -> str:
    return str(render(make_code("provincie", ["statenlid", "commissielid"], "Zeeland", year=2026), "md"))


def _articles() -> list[tuple[str, list[str]]]:
    parsed = parse_rendered(_rendered())
    out = []
    for chapter in parsed.chapters:
        for article in chapter.articles:
            paras = []
            for para in article.paras:
                paras.append((f"{para.lid}. " if para.lid else "") + para.text)
                paras.extend(f"{letter}. {sub}" for letter, sub in para.subs)
            out.append((article.title, paras))
    return out


def _table_docx() -> bytes:
    parsed = parse_rendered(_rendered())
    document = docx.Document()
    document.add_paragraph(parsed.title)
    for block in parsed.front:
        document.add_paragraph(block)
    table = document.add_table(rows=0, cols=2)
    for title, paras in _articles():
        cells = table.add_row().cells
        cells[0].text = title
        cells[1].text = paras[0]
        for para in paras[1:]:
            cells[1].add_paragraph(para)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _found(name: str, data: bytes) -> set[str]:
    result = lint(name, data=data, model=load_model())
    return {c.id for c in result.clauses if c.status in FOUND}


def test_a_code_in_a_table_is_read_as_well_as_the_same_code_in_markdown() -> None:
    in_markdown = _found("code.md", _rendered().encode())
    in_table = _found("code.docx", _table_docx())
    assert len(in_markdown) >= 20
    missed = in_markdown - in_table - {"inleiding"}  # the table leaves out the inleiding
    assert not missed


def test_titled_sections_hold_their_numbered_leden() -> None:
    document = read_document("code.docx", data=_table_docx())
    units = [u for u in segment(document).units if u.role == "normatief"]
    by_heading = {u.heading: u for u in units}
    assert len(by_heading["Geschenken en diensten"].leden) >= 3
    assert "(Neven)functies" in by_heading  # a heading may open with a bracket
    assert not [u for u in units if u.number and not u.heading]  # no lid became an article of its own


def test_one_title_over_a_long_run_of_numbered_paragraphs_keeps_them_as_units() -> None:
    rules = "\n\n".join(f"{k}. Een raadslid meldt ieder jaar de {k}e opgave bij de griffier, die haar openbaar "
                        "maakt." for k in range(1, 15))
    text = f"Gedragscode integriteit raadsleden gemeente Lindeoord\n\nGedragsregels\n\n{rules}\n"
    document = read_document("code.txt", data=text.encode())
    units = [u for u in segment(document).units if u.role == "normatief"]
    assert len(units) >= 14


def _explained_table_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Gedragscode integriteit dagelijks bestuur Waterschap Lingewaard")
    document.add_paragraph("Alleen de linkerkolom van de tabel is bindend.")
    table = document.add_table(rows=0, cols=2)
    rows = [
        ("Regel", "Uitleg"),
        ("1.1 Een bestuurder meldt iedere nevenfunctie vooraf aan het algemeen bestuur.",
         "Zo kan het algemeen bestuur de functie wegen."),
        ("1.2 Een bestuurder neemt geen geschenken aan met een waarde van meer dan € 50.",
         "Een oud-bestuurder die namens een bedrijf lobbyt, krijgt geen voorrang; reizen naar het buitenland "
         "worden vooraf gemeld."),
    ]
    for left, right in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = left, right
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_an_explanation_column_is_read_as_a_note_not_as_the_rule() -> None:
    text = read_document("code.docx", data=_explained_table_docx()).text
    assert "1.1 Een bestuurder meldt iedere nevenfunctie vooraf aan het algemeen bestuur.\n\n" \
           "Uitleg: Zo kan het algemeen bestuur de functie wegen." in text
    segmentation = segment(read_document("code.docx", data=_explained_table_docx()))
    normative = " ".join(segmentation.document.text[lid.span.start:lid.span.end]
                         for unit in segmentation.units if unit.role == "normatief" for lid in unit.leden)
    assert "nevenfunctie vooraf" in normative and "lobbyt" not in normative
    found = _found("code.docx", _explained_table_docx())
    assert {"nevenfuncties", "geschenken"} <= found
    assert not found & {"oud_ambtsdragers", "buitenlandse_reizen"}


def test_an_explanation_column_in_html_is_a_note_too() -> None:
    html = ("<html><body><h1>Gedragscode raad Lingewaard</h1><table>"
            "<tr><th>Afspraak</th><th>Toelichting</th></tr>"
            "<tr><td>Een raadslid meldt geschenken boven € 50 bij de griffier.</td>"
            "<td>De griffier houdt een openbaar register bij.</td></tr></table></body></html>")
    text = read_document("code.html", data=html.encode()).text
    assert "Een raadslid meldt geschenken boven € 50 bij de griffier." in text
    assert "Toelichting: De griffier houdt een openbaar register bij." in text


def test_only_a_header_of_short_names_declares_an_explanation_column() -> None:
    from gedragscode.lint.readers.tables import explanation_columns
    assert explanation_columns(["Regel", "Uitleg"]) == {1: "Uitleg"}
    assert explanation_columns(["Bepaling", "Voorbeelden", "Opmerkingen"]) == {1: "Toelichting", 2: "Opmerking"}
    assert explanation_columns(["Toelichting", "Uitleg"]) == {}  # nothing but explanation
    # several explanation words joined name one explanation column; a rule word among them does not
    assert explanation_columns(["Gedragsregel", "Uitleg en achtergrond"]) == {1: "Uitleg"}
    assert explanation_columns(["Regel", "Toelichting / voorbeelden"]) == {1: "Toelichting"}
    assert explanation_columns(["Regel", "Uitleg en regels"]) == {}
    assert explanation_columns(["1.1 Een raadslid meldt elke functie.", "Uitleg"]) == {}
    assert explanation_columns(["Regel"]) == {}


def test_rows_under_one_section_row_each_keep_their_rule_apart_from_their_explanation() -> None:
    # a section row over several rule | explanation rows: each note is one cell, the next row's rule follows
    rows = [("Een raadslid meldt iedere nevenfunctie bij de griffier.", "De griffier houdt het register bij."),
            ("Het register van nevenfuncties staat op de website van de gemeente.", "Zo kan iedereen het zien."),
            ("Een raadslid maakt vóór 1 april zijn inkomsten uit nevenfuncties openbaar.",
             "Dat volgt uit de wet.")]
    html = ("<html><body><h1>Gedragscode raad Lingewaard</h1><p>De raad van de gemeente Lingewaard;</p>"
            "<p>gelet op artikel 15 van de Gemeentewet;</p><p>besluit vast te stellen de volgende gedragscode:</p>"
            "<table><tr><th>Gedragsregel</th><th>Uitleg en achtergrond</th></tr>"
            "<tr><th colspan='2'>Reikwijdte</th></tr><tr><td>Deze gedragscode geldt voor de leden van de raad."
            "</td><td>Ook voor wie tijdelijk een lid vervangt.</td></tr>"
            "<tr><th colspan='2'>Nevenfuncties</th></tr>"
            + "".join(f"<tr><td>{rule}</td><td>{why}</td></tr>" for rule, why in rows)
            + "</table></body></html>")
    seg = segment(read_document("code.html", data=html.encode()))
    roles = {seg.document.text[u.body_span.start:u.body_span.end].strip(): u.role for u in seg.units}
    for rule, why in rows:
        assert roles.get(rule) == "normatief", rule
        assert roles.get(f"Uitleg: {why}") == "toelichting", why


def test_a_column_of_questions_heads_each_rule() -> None:
    from gedragscode.lint.readers.tables import question_column

    assert question_column(["Vraag", "Regel"]) == 0
    assert question_column(["Antwoord", "Vraag"]) == 1
    assert question_column(["Situatie", "Regel"]) is None  # a situation and its rule stay one statement
    assert question_column(["Vraag", "Toelichting", "Regel"]) is None
    rows = [("Welke functies moet ik opgeven?", "Een lid geeft al zijn functies naast het lidmaatschap op bij de "
             "griffier, bij de benoeming en bij iedere wijziging binnen tien werkdagen."),
            ("Mag ik een cadeau aannemen?", "Een lid neemt geen geschenken aan met een waarde van meer dan vijftig "
             "euro en meldt elk aangeboden geschenk bij de griffier."),
            ("Wanneer stem ik niet mee?", "Een lid neemt niet deel aan de beraadslaging en de stemming over een zaak "
             "die hem persoonlijk aangaat."),
            ("Wat doe ik met geheime stukken?", "Een lid bewaart de geheimhouding die de Staten hebben opgelegd, ook "
             "na het einde van het lidmaatschap.")]
    document = docx.Document()
    document.add_paragraph("Gedragscode Provinciale Staten van Proefwold")
    document.add_paragraph("Provinciale Staten van Proefwold, gelet op artikel 15 van de Provinciewet, besluiten de "
                           "navolgende gedragscode vast te stellen.")
    table = document.add_table(rows=1 + len(rows), cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Vraag", "Regel"
    for row, (question, rule) in zip(table.rows[1:], rows, strict=True):
        row.cells[0].text, row.cells[1].text = question, rule
    out = io.BytesIO()
    document.save(out)
    seg = segment(read_document("code.docx", data=out.getvalue()))
    for question, rule in rows:
        unit = seg.unit_at(seg.document.text.index(rule))
        assert unit is not None and unit.role == "normatief" and unit.heading == question
