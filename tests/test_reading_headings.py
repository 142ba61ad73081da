"""The headings stage of reading (gedragscode.lint.reading.headings)."""

from __future__ import annotations

import pytest

from gedragscode.lint.reading.headings import Head, body_like, classify, heading_like, is_title_text, number_key
from gedragscode.lint.reading.lines import split_lines


def _head(text: str) -> Head | None:
    (line,) = split_lines(text)
    return classify(line)


@pytest.mark.parametrize(
    ("text", "kind", "label", "number", "rest"),
    [
        ("Artikel 2.1 Geschenken", "article", "Artikel 2.1", "2.1", "Geschenken"),
        ("Art. 4 - Reizen", "article", "Art. 4", "4", "Reizen"),
        ("ARTIKEL 5.", "article", "ARTIKEL 5.", "5", ""),
        ("Regel 1 (voor wie)", "article", "Regel 1", "1", "(voor wie)"),
        ("Gedragsregel 3: Een raadslid meldt elk geschenk.", "article", "Gedragsregel 3", "3",
         "Een raadslid meldt elk geschenk."),
        ("Hoofdstuk 2 Belangen", "chapter", "Hoofdstuk 2", "2", "Belangen"),
        ("Deel II Na het ambt", "chapter", "Deel II", "II", "Na het ambt"),
        ("§ 3 Informatie", "sign", "§ 3", "3", "Informatie"),
        ("IV GESCHENKEN", "roman", "IV", "IV", "GESCHENKEN"),
        ("B. Integriteit in de praktijk", "letter", "B.", "B", "Integriteit in de praktijk"),
        ("3. Nevenfuncties", "numbered", "3.", "3", "Nevenfuncties"),
        ("2.1 De code geldt voor raadsleden.", "numbered", "2.1", "2.1", "De code geldt voor raadsleden."),
        ("(2) De griffier registreert.", "paren", "(2)", "2", "De griffier registreert."),
        ("lid 3 De melding is openbaar.", "lidword", "lid 3", "3", "De melding is openbaar."),
    ],
)
def test_heading_styles(text: str, kind: str, label: str, number: str, rest: str) -> None:
    head = _head(text)
    assert head is not None
    assert (head.kind, head.label, head.number, head.rest) == (kind, label, number, rest)


@pytest.mark.parametrize(
    "text",
    [
        "artikel 15, derde lid, van de Gemeentewet is van toepassing.",
        "Artikel 3 is van overeenkomstige toepassing.",
        "Regel 3 van het reglement, zoals gewijzigd, geldt.",
        "Een raadslid meldt elk geschenk.",
        "3 april 2024 is de datum van inwerkingtreding.",
    ],
)
def test_references_and_prose_are_no_headings(text: str) -> None:
    assert _head(text) is None


def test_title_text_and_number_keys() -> None:
    assert is_title_text("Geschenken en uitnodigingen")
    assert not is_title_text("Een raadslid meldt het. Daarna volgt meer.")
    assert not is_title_text("de volgende begrippen:")
    assert number_key("4.2") == (4, 2)
    assert number_key("2a") is None


def test_heading_like_and_body_like() -> None:
    text = "Nevenfuncties\nEen raadslid meldt al zijn nevenfuncties bij de griffier.\n• punt"
    heading, body, bullet = split_lines(text)
    assert heading_like(heading) and not body_like(heading)
    assert body_like(body) and not heading_like(body)
    assert body_like(bullet) and not heading_like(bullet)


def test_a_heading_may_hold_a_question_but_no_statement() -> None:
    asked, told, answered = split_lines("Word je bedreigd? Meld het\nEen lid meldt. De griffier registreert\n"
                                        "Zie je iets wat niet klopt? Meld het bij de burgemeester")
    assert heading_like(asked) and heading_like(answered)
    assert heading_like(split_lines("Ik vermoed dat een lid de regels overtreedt. Wat kan ik doen?")[0])
    assert not heading_like(told)
