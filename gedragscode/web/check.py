"""Checking an uploaded code ("Toetsen"): the library's lint, shown in the document's own text.

An upload is read from memory only (:func:`gedragscode.lint.readers.read_document` with
``data=``; the client's file name serves as a display name and a format hint and never reaches
the file system) and checked with :func:`gedragscode.lint_document`. The result is kept in a
small in-memory store (:class:`ResultStore`) under a random token so that the JSON and HTML
reports can be downloaded afterwards; nothing is written to disk.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import gedragscode
from gedragscode.lint.readers import MAX_DOCUMENT_BYTES, read_document
from gedragscode.lint.result import ClauseFinding, Evidence, LintResult

__all__ = ["Checked", "Mark", "ResultStore", "check_upload", "display_name", "highlight", "upload_limit"]


def upload_limit() -> int:
    """The largest document accepted, in bytes: the library's own limit for documents to check."""
    return MAX_DOCUMENT_BYTES


def display_name(filename: str | None) -> str:
    """The last part of a client's file name, for display and the format hint only."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(". ")
    return name[:200] or "document"


@dataclass(frozen=True)
class Checked:
    """One checked upload: the lint result and the plain text its offsets point into."""

    token: str
    result: LintResult
    text: str
    created: float
    data: bytes = b""                 # the upload, kept (in memory) for the wijzigingsbesluit
    filename: str = ""
    body: str | None = None
    offices: tuple[str, ...] = ()


def check_upload(data: bytes, filename: str | None, *, body: str | None = None,
                 offices: Sequence[str] | None = None, max_bytes: int | None = None) -> Checked:
    """Read ``data`` (an uploaded file) and check it; raises the library's errors (Dutch).

    ``max_bytes`` is the same cap as ``lint --max-grootte`` (default: the library's 50 MB)."""
    name = display_name(filename)
    doc = read_document(name, data=data, max_bytes=max_bytes)
    result = gedragscode.lint_document(doc, body=body, offices=list(offices) if offices else None, suggest=True)
    return Checked(token=secrets.token_urlsafe(16), result=result, text=doc.text, created=time.time(), data=data,
                   filename=name, body=body, offices=tuple(offices or ()))


class ResultStore:
    """The last few checked uploads, in memory, for downloading their reports."""

    def __init__(self, capacity: int = 16, ttl: float = 4 * 3600, max_bytes: int = 256 * 1024 * 1024) -> None:
        self.capacity = capacity
        self.max_bytes = max_bytes
        self.ttl = ttl
        self._items: OrderedDict[str, Checked] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, checked: Checked) -> None:
        with self._lock:
            self._items[checked.token] = checked
            while len(self._items) > 1 and (len(self._items) > self.capacity or
                                            sum(len(c.data) for c in self._items.values()) > self.max_bytes):
                self._items.popitem(last=False)

    def get(self, token: str) -> Checked | None:
        now = time.time()
        with self._lock:
            for key in [k for k, v in self._items.items() if now - v.created > self.ttl]:
                del self._items[key]
            return self._items.get(token)


# ---------------------------------------------------------------- evidence in the document's text


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch of the document: one or more pieces of evidence that overlap."""

    id: str
    start: int
    end: int
    clauses: tuple[str, ...]   # titles of the clauses found here


def _evidence(result: LintResult) -> list[tuple[Evidence, ClauseFinding]]:
    return [(ev, finding) for finding in result.clauses for ev in finding.evidence]


def highlight(result: LintResult, text: str) -> tuple[str, dict[tuple[str, int], str], list[Mark]]:
    """The document's text as HTML with every piece of evidence in a ``<mark>``.

    Returns the HTML (escaped; newlines kept for ``white-space: pre-wrap``), a map from
    ``(clause id, evidence index)`` to the id of its mark (for links from the findings),
    and the marks in document order. Overlapping evidence shares one mark.
    """
    spans = sorted(
        ((max(0, ev.start), min(len(text), ev.end), finding, i)
         for finding in result.clauses for i, ev in enumerate(finding.evidence) if ev.end > ev.start),
        key=lambda s: (s[0], -s[1]),
    )
    groups: list[list[tuple[int, int, ClauseFinding, int]]] = []
    for span in spans:
        if groups and span[0] < max(s[1] for s in groups[-1]):
            groups[-1].append(span)
        else:
            groups.append([span])
    marks: list[Mark] = []
    anchor: dict[tuple[str, int], str] = {}
    for n, group in enumerate(groups, start=1):
        mark_id = f"vindplaats-{n}"
        titles = tuple(dict.fromkeys(f.title for _, _, f, _ in group))
        marks.append(Mark(mark_id, group[0][0], max(s[1] for s in group), titles))
        for _, _, finding, i in group:
            anchor[(finding.id, i)] = mark_id
    out: list[str] = []
    pos = 0
    for mark in marks:
        out.append(escape(text[pos:mark.start]))
        label = "gevonden: " + "; ".join(mark.clauses)
        out.append(f'<mark id="{mark.id}" tabindex="-1" title="{escape(label)}">'
                   f'<span class="vindlabel">{escape(label)}</span> {escape(text[mark.start:mark.end])}</mark>')
        pos = mark.end
    out.append(escape(text[pos:]))
    return "".join(out), anchor, marks
