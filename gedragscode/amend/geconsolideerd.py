"""The consolidated text as a page: the existing code with the amendments applied, changes visible.

The paragraphs are those of the read text (blank lines), the headings those the reading pipeline finds
in the consolidated text (the title, chapters, articles, including the inserted ones). Each paragraph
keeps the runs of :class:`~gedragscode.amend.consolidate.Piece`: unchanged, inserted, deleted; a
paragraph that is wholly new or wholly gone is marked as such.
"""

from __future__ import annotations

import re

from gedragscode.amend.besluit import besluit_title
from gedragscode.amend.page import Block, Heading, Mark, Page, Paragraph, Run, para
from gedragscode.amend.plan import AmendmentPlan
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.segment import segment

__all__ = ["consolidated_page"]

_BREAK = re.compile(r"\n\n+")


def _heading_levels(text: str) -> dict[int, int]:
    """Offset of each heading line in ``text`` -> heading level (title 1, chapter 2, article 3)."""
    seg = segment(SourceDocument("geconsolideerd", "text", text))
    levels: dict[int, int] = {}
    titled = False
    for unit in seg.units:
        head_end = unit.span.end if unit.role == "titel" else unit.body_span.start
        line = text[unit.span.start:head_end].strip()
        if not line or "\n" in line:
            continue
        if unit.role == "titel" and not titled:
            levels[unit.span.start] = 1
            titled = True
        elif unit.role == "kop" or (unit.role == "toelichting" and not unit.label and unit.heading):
            levels[unit.span.start] = 2
        elif unit.label:
            levels[unit.span.start] = 3
    return levels


def _paragraphs(plan: AmendmentPlan) -> list[tuple[int, list[Run]]]:
    """(offset in the consolidated text, runs) per paragraph."""
    out: list[tuple[int, list[Run]]] = []
    runs: list[Run] = []
    start = pos = 0
    for piece in plan.consolidation.pieces:
        mark: Mark = "" if piece.kind == "same" else piece.kind
        if mark == "del":
            # a deleted paragraph break joins two paragraphs: shown as a deleted line break
            runs.append(Run(_BREAK.sub("\n", piece.text), mark))
            continue
        parts = _BREAK.split(piece.text)
        breaks = _BREAK.findall(piece.text)
        for i, part in enumerate(parts):
            if part:
                runs.append(Run(part, mark))
                pos += len(part)
            if i < len(breaks):
                if runs:
                    out.append((start, runs))
                runs = []
                pos += len(breaks[i])
                start = pos
    if runs:
        out.append((start, runs))
    return out


def consolidated_page(plan: AmendmentPlan, *, note: bool = True) -> Page:
    """The consolidated code of ``plan``; ``note`` adds a line saying what the page shows (not in Markdown)."""
    levels = _heading_levels(plan.consolidation.text)
    blocks: list[Block] = []
    for offset, runs in _paragraphs(plan):
        marks = {r.mark for r in runs}
        whole: Mark = "ins" if marks == {"ins"} else "del" if marks == {"del"} else ""
        own = tuple(Run(r.text, "" if whole else r.mark) for r in runs)
        text = "".join(r.text for r in runs if r.mark != "del")
        level = levels.get(offset)
        if level is not None and "\n" not in text and "del" not in marks:
            blocks.append(Heading(level, own, whole))
        else:
            blocks.append(Paragraph(own, "tekst", whole))
    if note and plan.changed:
        at = 1 if blocks and isinstance(blocks[0], Heading) else 0
        blocks.insert(at, para(f"Geconsolideerde tekst met de wijzigingen van het {besluit_title(plan)} "
                               "(nog niet vastgesteld).", "klein"))
    return Page(plan.title, "Geconsolideerde tekst gedragscode integriteit", tuple(blocks),
                metadata={"wijziging": besluit_title(plan)}, changes=note and plan.changed, code=True)
