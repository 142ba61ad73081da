"""Units under construction: the shared state of the front-matter and body readers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from gedragscode.lint.document import Role, SourceDocument
from gedragscode.lint.reading.headings import Head, starts_upper
from gedragscode.lint.reading.lines import Line

__all__ = ["Build", "Builder"]


@dataclass
class Build:
    """A unit under construction: offsets, label, role and the lid marks found so far."""

    role: Role
    label: str
    number: str
    heading: str
    chapter: str
    start: int
    body_start: int
    end: int
    keyword_article: bool = False
    lids: list[tuple[str, int, int]] = field(default_factory=list)  # (label, mark start, text start)
    has_body: bool = False

    def add(self, line: Line) -> None:
        if not self.has_body:
            self.body_start = line.start
            self.has_body = True
        self.end = max(self.end, line.end)

    def add_from(self, offset: int, end: int) -> None:
        if not self.has_body:
            self.body_start = offset
            self.has_body = True
        self.end = max(self.end, end)

    def last_lid_number(self) -> int | None:
        for label, _, _ in reversed(self.lids):
            if label.isdigit():
                return int(label)
        return None

    def cut(self, zones: Sequence[tuple[int, int]]) -> list[tuple[Build, bool]]:
        """The unit cut at the edges of ``zones`` (start, end) that fall inside it: each piece with whether it
        lies inside a zone. The first piece keeps the unit's label, number, heading and body start."""
        cuts = sorted({self.start, self.end, *(x for a, z in zones for x in (a, z) if self.start < x < self.end)})
        pieces: list[tuple[Build, bool]] = []
        for a, z in pairwise(cuts):
            head = a == self.start
            piece = Build(self.role, self.label if head else "", self.number if head else "",
                          self.heading if head else "", self.chapter, a, max(a, self.body_start) if head else a, z)
            piece.has_body = self.has_body or not head
            pieces.append((piece, any(za <= a and z <= zz for za, zz in zones)))
        return pieces


class Builder:
    """The state of reading: the lines and their headings, the units so far and the one being built."""

    def __init__(self, doc: SourceDocument, lines: list[Line], heads: list[Head | None]) -> None:
        self.doc = doc
        self.text = doc.text
        self.lines = lines
        self.heads = heads
        self.units: list[Build] = []
        self.cur: Build | None = None
        self.chapters: dict[int, str] = {}
        n = len(self.lines)
        self.first_article: int | None = None
        # numbers of the normative articles so far, in document order
        self.article_numbers: list[str] = []
        self.rules_from: list[int] | None = None  # see roles.rules_follow
        self.section_duties: list[bool] | None = None  # see roles.section_duty
        self.question_sections = False  # sections headed by questions are the structure of the code
        self.numbered_runs: list[tuple[int, int]] | None = None  # see roles.numbered_rules
        # the front matter ended with an adoption sentence ("vast te stellen de volgende gedragsregels:")
        self.adopted = False
        # a bijlage that the besluit adopts as the code has been read as the code (see declared.adopted_bijlage)
        self.code_bijlage = False
        self.bijlage_adoptions: list[tuple[int, str]] | None = None  # (offset, bijlage number) of adoptions
        self._line_starts: list[int] | None = None
        for i in range(n):
            if self.strong_article(i):
                self.first_article = i
                break
        # next line index (> i) holding a numbered or article heading
        self.next_numbered: list[int] = [n] * (n + 1)
        nxt = n
        for i in range(n - 1, -1, -1):
            self.next_numbered[i] = nxt
            h = self.heads[i]
            if h is not None and h.kind in ("numbered", "article"):
                nxt = i

    # -- helpers -------------------------------------------------------------------------

    def line_starts(self) -> list[int]:
        """The start offsets of the lines, in order (for bisecting)."""
        if self._line_starts is None:
            self._line_starts = [line.start for line in self.lines]
        return self._line_starts

    def strong_article(self, i: int) -> bool:
        h = self.heads[i]
        if h is None:
            return False
        if h.kind == "article":
            return True
        if h.kind == "numbered" and "." in h.number:
            first = int(h.number.split(".", 1)[0])
            return first <= 40 and (not h.rest or starts_upper(h.rest))
        return False

    @property
    def chapter(self) -> str:
        return self.chapters[max(self.chapters)] if self.chapters else ""

    def set_chapter(self, level: int, text: str) -> None:
        for k in [k for k in self.chapters if k >= level]:
            del self.chapters[k]
        self.chapters[level] = " ".join(text.split())

    def close(self) -> None:
        if self.cur is not None:
            self.units.append(self.cur)
            self.cur = None

    def open(self, role: Role, line: Line, *, label: str = "", number: str = "", heading: str = "",
             body_from: int | None = None, keyword_article: bool = False) -> Build:  # fmt: skip
        self.close()
        unit = Build(role, label, number, heading, self.chapter, line.start, line.end, line.end,
                      keyword_article=keyword_article)  # fmt: skip
        if body_from is not None and body_from < line.end:
            unit.add_from(body_from, line.end)
        self.cur = unit
        return unit

    def append(self, line: Line, role: Role) -> Build:
        if self.cur is None:
            return self.open(role, line, body_from=line.start)
        self.cur.add(line)
        return self.cur

    def next_is(self, i: int, kinds: Sequence[str]) -> bool:
        if i + 1 >= len(self.lines):
            return False
        h = self.heads[i + 1]
        return h is not None and h.kind in kinds

    def append_role(self, line: Line, role: Role, *, force_new: bool = False) -> None:
        if self.cur is not None and self.cur.role == role and not force_new:
            self.cur.add(line)
        else:
            self.open(role, line, body_from=line.start)

    # -- body --------------------------------------------------------------------------------
