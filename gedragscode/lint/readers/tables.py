"""Table rows as text blocks, shared by the DOCX and HTML readers.

Most tables in a code are furniture (metadata, a change overview) and read best as one line per row
with the cells separated by " | ". Some codes put their rules in a table instead: one row per subject,
the subject in the first column and the rule, often several numbered paragraphs, in the last
("Geschenken | 1. Een Statenlid meldt ... 2. ..."). Such a *topic row* (a short title, then a rule of
several paragraphs) is read as what it stands for:
the subject as a heading line and each paragraph of the rule as its own block, so the reading stages
find an article with leden exactly as in a code written without a table.

A table whose header row names an explanation column besides the rule ("Regel | Uitleg", "Afspraak |
Toelichting", "Bepaling | Voorbeelden") keeps that column apart: its cell in each row becomes a block of
its own that opens with "Uitleg:" or "Toelichting:", the note form an article uses for an explanation
inside it, so the reading stages give it the role of an explanation instead of reading it as the rule.
"""

from __future__ import annotations

import re

__all__ = ["ExplainedTable", "explanation_columns", "question_column", "row_blocks"]

# A cell that only numbers the row: "3", "3.", "(a)", "IV".
LABEL_ONLY = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]{1,2}|[ivxIVX]{1,5})[.)]?\)?$")
# A header cell that names a column of explanation, and the note word its cells are given.
_EXPLANATION_WORD = (r"(?:toelichting|uitleg|opmerking|noot)(?:en)?|achtergrond|bedoeling|praktijk|in\s+de\s+praktijk|"
                     r"voorbeeld(?:en)?|praktijkvoorbeeld(?:en)?|waarom(?:\s+deze\s+regel)?|explanation|notes?")
# ... also several of them joined ("Uitleg en achtergrond", "Toelichting / voorbeelden")
_EXPLANATION_HEADER = re.compile(
    rf"^(?:(?P<word>toelichting|uitleg|opmerking|noot)(?:en)?\b|{_EXPLANATION_WORD})"
    rf"(?:\s*(?:en|of|&|/|,)\s*(?:{_EXPLANATION_WORD}))*\W*$",
    re.IGNORECASE,
)
_MAX_HEADER_WORDS = 4
_MAX_TITLE_WORDS = 12
_MIN_RULE_WORDS = 8


def _is_title(paragraphs: list[str]) -> bool:
    """A cell that can head a rule: one short line, not a sentence."""
    if len(paragraphs) != 1:
        return False
    text = paragraphs[0].strip()
    return 0 < len(text.split()) <= _MAX_TITLE_WORDS and not text.endswith((".", ";", ":")) and "\n" not in text


def _is_rule(paragraphs: list[str]) -> bool:
    """A cell that holds a rule of several paragraphs (leden, or a sentence and a list): a cell of one
    paragraph reads as well on the row's line ("Een reis buiten Nederland | De reis wordt vooraf ...",
    a situation and what follows from it, is one statement)."""
    lines = [line for p in paragraphs for line in p.split("\n") if line.strip()]
    words = sum(len(line.split()) for line in lines)
    sentence = any(line.rstrip().endswith((".", ";", ":")) for line in lines)
    return len(lines) >= 2 and words >= _MIN_RULE_WORDS and sentence


def row_blocks(cells: list[list[str]]) -> list[str]:
    """The blocks of one table row; ``cells`` holds each cell's paragraphs (lines within a paragraph
    may be separated by newlines). Empty cells are ignored."""
    cells = [[p for p in (" ".join(q.split()) if "\n" not in q else q.strip() for q in cell) if p]
             for cell in cells]
    cells = [c for c in cells if c]
    if not cells:
        return []
    if len(cells) >= 2 and _is_rule(cells[-1]) and all(_is_title(c) or LABEL_ONLY.match(c[0]) for c in cells[:-1]) \
            and any(_is_title(c) for c in cells[:-1]):
        heading = " ".join(c[0] for c in cells[:-1])
        body = [line.strip() for p in cells[-1] for line in p.split("\n") if line.strip()]
        return [heading, *[" ".join(b.split()) for b in body]]
    flat = [" ".join(" ".join(p.split()) for p in c) for c in cells]
    if len(flat) >= 2 and LABEL_ONLY.match(flat[0]):
        return [f"{flat[0]} " + " | ".join(flat[1:])]
    return [" | ".join(flat)]


def explanation_columns(header: list[str]) -> dict[int, str]:
    """The columns that a table's first row names as explanation, each with the note word for its cells
    ({1: "Uitleg"} for "Regel | Uitleg"); {} when the row is no header of short names or names nothing
    but explanation."""
    names = [" ".join(cell.split()) for cell in header]
    if len(names) < 2 or any(not n or len(n.split()) > _MAX_HEADER_WORDS or n.endswith((".", ";")) for n in names):
        return {}
    found: dict[int, str] = {}
    for k, name in enumerate(names):
        m = _EXPLANATION_HEADER.match(name)
        if m:
            word = (m.group("word") or "toelichting").capitalize()
            found[k] = word
    return found if len(found) < len(names) else {}


def _note_block(word: str, paragraphs: list[str]) -> str | None:
    """One explanation cell as a note block ("Uitleg: ..."), None when the cell is empty."""
    text = " ".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return f"{word}: {text}" if text else None


# A header that names a column of questions and a column of rules or answers ("Vraag | Regel", "Vraag |
# Antwoord"): each row is a question that heads its rule, as in a code headed by questions. (A situation and
# its rule, "Situatie | Regel", stay one statement on the row's line: see row_blocks.)
_QUESTION_HEADER = re.compile(r"^(?:de\s+)?(?:vraag|vragen|uw\s+vraag|je\s+vraag)\W*$", re.IGNORECASE)
_ANSWER_HEADER = re.compile(r"^(?:de\s+)?(?:regel|regels|gedragsregel|gedragsregels|antwoord|antwoorden|afspraak|"
                            r"afspraken|bepaling|wat\s+(?:geldt|moet|doe)\b.*|wat\s+te\s+doen)\W*$", re.IGNORECASE)


def question_column(header: list[str]) -> int | None:
    """The column that a two-column header names as questions beside a column of rules or answers."""
    names = [" ".join(cell.split()) for cell in header]
    if len(names) != 2:
        return None
    for k in (0, 1):
        if _QUESTION_HEADER.match(names[k]) and _ANSWER_HEADER.match(names[1 - k]):
            return k
    return None


class ExplainedTable:
    """The rows of one table, read in order: the first row may name explanation columns
    (:func:`explanation_columns`); in a later row of the same width those cells are taken out of the row
    and returned as note blocks. Or it names a column of questions beside one of rules
    (:func:`question_column`): then each later row's question becomes a heading block of its own before
    its rule. A row of another width (a merged section row) is left whole."""

    def __init__(self) -> None:
        self._notes: dict[int, str] | None = None
        self._question: int | None = None
        self._width = 0

    def split(self, cells: list[list[str]]) -> tuple[list[str], list[list[str]], list[str]]:
        """The blocks to put before the row (its question as a heading), the row's cells without its
        question and explanation cells, and the explanation cells as note blocks."""
        if self._notes is None:
            header = [" ".join(c) for c in cells]
            self._notes, self._width = explanation_columns(header), len(cells)
            self._question = question_column(header)
            return [], cells, []
        if len(cells) != self._width:
            return [], cells, []
        if self._question is not None:
            asked = " ".join(" ".join(p.split()) for p in cells[self._question] if p.strip())
            rest = [c for k, c in enumerate(cells) if k != self._question]
            return ([asked] if asked else []), rest, []
        if not self._notes:
            return [], cells, []
        notes = [_note_block(self._notes[k], cells[k]) for k in sorted(self._notes)]
        return [], [c for k, c in enumerate(cells) if k not in self._notes], [b for b in notes if b]
