"""The lines stage of reading (gedragscode.lint.reading.lines)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from gedragscode.lint.reading.lines import Line, previous_word, split_lines


def _texts(text: str, lines: list[Line]) -> list[str]:
    return [text[line.start : line.end] for line in lines]


def test_lines_are_stripped_with_exact_offsets_and_bullets_off_the_core() -> None:
    text = "  Artikel 1 Begrippen  \n\n• a. raadslid: lid van de raad;\n-\n\t– tekst"
    lines = split_lines(text)
    assert _texts(text, lines) == ["Artikel 1 Begrippen", "• a. raadslid: lid van de raad;", "-", "– tekst"]
    assert [line.core for line in lines] == ["Artikel 1 Begrippen", "a. raadslid: lid van de raad;", "", "tekst"]
    assert lines[1].core_start == text.index("a. raadslid")
    assert not any(line.runon for line in lines)


def test_a_run_on_line_is_cut_at_headings_but_not_at_references() -> None:
    body = "De raad besluit. " * 20
    text = (f"Gedragscode {body}Artikel 1 Begrippen In deze code gelden deze begrippen, zie artikel 2 hierna. "
            f"Artikel 2 Geschenken Een raadslid meldt een geschenk. {body}")
    lines = split_lines(text)
    assert all(line.runon for line in lines)
    starts = [line.text[:20] for line in lines]
    assert starts[1].startswith("Artikel 1 Begrippen")
    assert starts[2].startswith("Artikel 2 Geschenken")
    assert len(lines) == 3  # "zie artikel 2" is a reference, not a heading


def test_previous_word() -> None:
    text = "zie artikel   2"
    assert previous_word(text, text.index("2")) == "artikel"
    assert previous_word(text, 0) == ""


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .:\n\t•-Artikel123IV")), max_size=700))
def test_lines_cover_every_visible_character_once(text: str) -> None:
    lines = split_lines(text)
    covered = "".join(text[line.start : line.end] for line in lines)
    assert "".join(covered.split()) == "".join(text.split())
    for a, b in itertools.pairwise(lines):
        assert a.end <= b.start
    for line in lines:
        assert text[line.core_start : line.end] == line.core


def test_rows_of_a_table_of_articles_are_cut_into_heading_and_first_lid() -> None:
    from gedragscode.lint.reading.headings import classify

    text = ("Art. Onderwerp Bepaling\n"
            "1 Werkingssfeer 1. Deze code geldt voor de bestuurders.\n"
            "2 Nevenfuncties 1. Iedere bestuurder meldt zijn nevenfuncties.\n"
            "2. Wijzigingen meldt hij binnen vier weken.\n"
            "3 Geschenken 1. Geschenken boven 50 euro neemt een bestuurder niet aan.\n")
    lines = split_lines(text)
    cores = [line.core for line in lines]
    assert cores[1:4] == ["1 Werkingssfeer", "1. Deze code geldt voor de bestuurders.", "2 Nevenfuncties"]
    head = classify(lines[3])
    assert head is not None and (head.kind, head.number, head.rest) == ("article", "2", "Nevenfuncties")
    # two such lines are no table: a numbered list item with a capitalised word stays whole
    few = split_lines("1 Werkingssfeer 1. Deze code geldt.\n2 Nevenfuncties 1. Meld ze.\n")
    assert [line.core for line in few] == ["1 Werkingssfeer 1. Deze code geldt.", "2 Nevenfuncties 1. Meld ze."]
