"""The existing text with the amendments applied: the consolidated text and what changed where.

:func:`consolidate` applies non-overlapping :class:`Edit` objects to the read text. Everything outside
the edits is copied unchanged, so an article the besluit does not touch is byte-identical in the
consolidated text. Each edit is split into the words that stay, go and come (a word-level diff), so
that the HTML and DOCX writers can show insertions and deletions where they are.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = ["Consolidation", "Edit", "Piece", "consolidate"]

PieceKind = Literal["same", "ins", "del"]


@dataclass(frozen=True)
class Edit:
    """Replace ``original[start:end]`` by ``text`` (an insertion when ``start == end``)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Piece:
    """A run of the consolidated document: unchanged, inserted or deleted text."""

    text: str
    kind: PieceKind


@dataclass(frozen=True)
class Consolidation:
    """The consolidated text and its pieces (deleted text is in the pieces, not in ``text``)."""

    original: str
    text: str
    pieces: tuple[Piece, ...]

    @property
    def changed(self) -> bool:
        return any(p.kind != "same" for p in self.pieces)


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def _diff(old: str, new: str) -> list[Piece]:
    """Word-level pieces that turn ``old`` into ``new``."""
    if not old:
        return [Piece(new, "ins")] if new else []
    if not new:
        return [Piece(old, "del")]
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    out: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(Piece("".join(a[i1:i2]), "same"))
            continue
        if i2 > i1:
            out.append(Piece("".join(a[i1:i2]), "del"))
        if j2 > j1:
            out.append(Piece("".join(b[j1:j2]), "ins"))
    return _tidy(out)


def _tidy(pieces: Iterable[Piece]) -> list[Piece]:
    """Merge neighbours of the same kind; a lone space between two changes joins the change."""
    items = [p for p in pieces if p.text]
    out: list[Piece] = []
    for i, piece in enumerate(items):
        if (piece.kind == "same" and not piece.text.strip() and "\n" not in piece.text and 0 < i < len(items) - 1
                and items[i - 1].kind != "same" and items[i + 1].kind != "same"):
            # "een maand" -> "één week": one deletion and one insertion, not word by word
            out.append(Piece(piece.text, "del"))
            out.append(Piece(piece.text, "ins"))
            continue
        out.append(piece)
    merged: list[Piece] = []
    for piece in out:
        if merged and merged[-1].kind == piece.kind:
            merged[-1] = Piece(merged[-1].text + piece.text, piece.kind)
        else:
            merged.append(piece)
    # deletions before insertions within one change
    ordered: list[Piece] = []
    i = 0
    while i < len(merged):
        if merged[i].kind == "same":
            ordered.append(merged[i])
            i += 1
            continue
        j = i
        while j < len(merged) and merged[j].kind != "same":
            j += 1
        dels = "".join(p.text for p in merged[i:j] if p.kind == "del")
        inss = "".join(p.text for p in merged[i:j] if p.kind == "ins")
        if dels:
            ordered.append(Piece(dels, "del"))
        if inss:
            ordered.append(Piece(inss, "ins"))
        i = j
    return ordered


def consolidate(original: str, edits: Sequence[Edit]) -> Consolidation:
    """Apply ``edits`` (non-overlapping; insertions at the same offset keep their order) to ``original``."""
    ordered = sorted(enumerate(edits), key=lambda ie: (ie[1].start, ie[1].end, ie[0]))
    pieces: list[Piece] = []
    text: list[str] = []
    pos = 0
    for _i, edit in ordered:
        if edit.start < pos or edit.end < edit.start or edit.end > len(original):
            raise ValueError(f"overlapping or invalid edit {edit.start}-{edit.end}")
        if edit.start > pos:
            pieces.append(Piece(original[pos:edit.start], "same"))
            text.append(original[pos:edit.start])
        pieces.extend(_diff(original[edit.start:edit.end], edit.text))
        text.append(edit.text)
        pos = edit.end
    if pos < len(original):
        pieces.append(Piece(original[pos:], "same"))
        text.append(original[pos:])
    return Consolidation(original, "".join(text), tuple(_tidy(pieces)))
