"""Hostile inputs that used to hang reading (issue 13): each stage is linear in the size of the input.

Each input below took from seconds to minutes before the fix (quadratic regex backtracking or a
quadratic search); now each test runs in a fraction of a second. The time limits are generous so that
a loaded machine does not make them flaky, and far below what the quadratic versions needed.
"""

from __future__ import annotations

import copy
import io
import time
from collections.abc import Callable
from functools import lru_cache

import pytest
from docx import Document

import gedragscode
from gedragscode.lint.document import LidSegment, Segmentation, SourceDocument, Span, Unit
from gedragscode.lint.identify import identify
from gedragscode.lint.readers import read_document
from gedragscode.lint.segment import segment
from gedragscode.model import Model

LIMIT = 3.0  # seconds; the quadratic versions took 10 s to minutes on these inputs


@lru_cache(maxsize=1)
def _model() -> Model:
    return gedragscode.load_model()


def _timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _lint_bytes(name: str, data: bytes) -> None:
    gedragscode.lint_document(read_document(name, data=data), _model())


@pytest.mark.parametrize("run", [".", ";", ".;", "?!"])
def test_a_long_run_of_punctuation_then_a_letter(run: str) -> None:
    text = "Artikel 1 Geschenken\n\nDe raad " + run * (30_000 // len(run)) + "a"
    assert _timed(lambda: _lint_bytes("code.txt", text.encode())) < LIMIT


def test_a_long_run_of_spaces_inside_a_line() -> None:
    text = "Artikel 1 De raad" + " " * 100_000 + "meldt het geschenk.\n"
    assert _timed(lambda: _lint_bytes("code.txt", text.encode())) < LIMIT
    assert _timed(lambda: _lint_bytes("code.md", text.encode())) < LIMIT


def test_a_long_run_of_spaces_in_markdown_front_matter() -> None:
    text = "---\ntitel" + " " * 50_000 + "x\n---\n# Gedragscode\n\nTekst.\n"
    assert _timed(lambda: _lint_bytes("code.md", text.encode())) < LIMIT


def test_title_candidates_of_thousands_of_title_lines() -> None:
    """A title unit of 17,000 lines "1." made the search for the whole title quadratic."""
    text = "1.\n" * 17_000
    doc = SourceDocument(name="x", format="text", text=text)
    span = Span(0, len(text))
    unit = Unit("", "", "", "", "titel", span, span, (LidSegment("", span, ()),))
    seg = Segmentation(doc, (unit,))
    assert _timed(lambda: identify(seg, model=_model())) < LIMIT


def test_thousands_of_bare_numbers() -> None:
    assert _timed(lambda: _lint_bytes("code.txt", ("1.\n" * 4_000).encode())) < LIMIT


def test_a_docx_of_thousands_of_numbered_lines() -> None:
    document = Document()
    plain = document.add_paragraph("1.")._p
    numbered = document.add_paragraph("", style="List Number")._p
    for _ in range(2_000):  # copies of the two paragraphs (python-docx's add_paragraph is slow)
        numbered.addnext(copy.deepcopy(plain))
        numbered.addnext(copy.deepcopy(numbered))
    buffer = io.BytesIO()
    document.save(buffer)
    assert _timed(lambda: _lint_bytes("code.docx", buffer.getvalue())) < LIMIT


def test_segmenting_scales_linearly() -> None:
    """Four times the text takes about four times as long (a quadratic stage would take sixteen)."""
    block = ("Artikel 1 Geschenken\n\n1. Een raadslid meldt een geschenk. . . ; ;\n\n2.\n\n"
             "Mag ik dat houden?\n\nNee.\n\n" + " " * 200 + "\n\n")
    small = SourceDocument(name="x", format="text", text=block * 150)
    large = SourceDocument(name="x", format="text", text=block * 600)
    segment(small)  # warm up
    t_small = min(_timed(lambda: segment(small)) for _ in range(3))
    t_large = min(_timed(lambda: segment(large)) for _ in range(3))
    assert t_large < 10 * t_small + 0.05
