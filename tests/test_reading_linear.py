"""Hostile inputs that used to hang reading (issue 13): each stage is linear in the size of the input.

Each input below took from seconds to minutes before the fix (quadratic regex backtracking or a
quadratic search); now each test runs in a fraction of a second. These are hang guards, not speed
tests (speed and scaling are measured in ``benchmarks/bench_hostile.py``): the limit is a generous
30 s, and every input is sized so that the quadratic versions would need several times that.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from functools import lru_cache

import pytest
from docx import Document
from hang import no_hang

import gedragscode
from gedragscode.lint.document import LidSegment, Segmentation, SourceDocument, Span, Unit
from gedragscode.lint.identify import identify
from gedragscode.lint.readers import read_document
from gedragscode.lint.segment import segment
from gedragscode.model import Model


@lru_cache(maxsize=1)
def _model() -> Model:
    return gedragscode.load_model()


def _finishes(run: Callable[[], object]) -> bool:
    """Run ``run`` under the hang guard; True once it has finished without an error."""
    with no_hang(what="reading a hostile input"):
        run()
    return True


def _lint_bytes(name: str, data: bytes) -> None:
    result = gedragscode.lint_document(read_document(name, data=data), _model())
    assert result.file == name and result.title is not None  # read and judged (often: no code of conduct)


@pytest.mark.parametrize("run", [".", ";", ".;", "?!"])
def test_a_long_run_of_punctuation_then_a_letter(run: str) -> None:
    text = "Artikel 1 Geschenken\n\nDe raad " + run * (120_000 // len(run)) + "a"
    assert _finishes(lambda: _lint_bytes("code.txt", text.encode()))


def test_a_long_run_of_spaces_inside_a_line() -> None:
    text = "Artikel 1 De raad" + " " * 400_000 + "meldt het geschenk.\n"
    assert _finishes(lambda: _lint_bytes("code.txt", text.encode()))
    assert _finishes(lambda: _lint_bytes("code.md", text.encode()))


def test_a_long_run_of_spaces_in_markdown_front_matter() -> None:
    text = "---\ntitel" + " " * 200_000 + "x\n---\n# Gedragscode\n\nTekst.\n"
    assert _finishes(lambda: _lint_bytes("code.md", text.encode()))


def test_title_candidates_of_thousands_of_title_lines() -> None:
    """A title unit of 17,000 lines "1." made the search for the whole title quadratic."""
    text = "1.\n" * 68_000
    doc = SourceDocument(name="x", format="text", text=text)
    span = Span(0, len(text))
    unit = Unit("", "", "", "", "titel", span, span, (LidSegment("", span, ()),))
    seg = Segmentation(doc, (unit,))
    assert _finishes(lambda: identify(seg, model=_model()))


def test_thousands_of_bare_numbers() -> None:
    assert _finishes(lambda: _lint_bytes("code.txt", ("1.\n" * 16_000).encode()))


def test_a_docx_of_thousands_of_numbered_lines() -> None:
    document = Document()
    plain = document.add_paragraph("1.")._p
    numbered = document.add_paragraph("", style="List Number")._p
    for _ in range(2_000):  # copies of the two paragraphs (python-docx's add_paragraph is slow)
        numbered.addnext(copy.deepcopy(plain))
        numbered.addnext(copy.deepcopy(numbered))
    buffer = io.BytesIO()
    document.save(buffer)
    assert _finishes(lambda: _lint_bytes("code.docx", buffer.getvalue()))


def test_segmenting_a_large_mixed_text() -> None:
    """Articles, bare numbers, questions, punctuation runs and blank space, 2,400 times (470 KB).

    How segmenting scales with size is measured in ``benchmarks/bench_hostile.py`` (four times the
    text costs about four times the time); here a quadratic stage would run past the guard.
    """
    block = ("Artikel 1 Geschenken\n\n1. Een raadslid meldt een geschenk. . . ; ;\n\n2.\n\n"
             "Mag ik dat houden?\n\nNee.\n\n" + " " * 200 + "\n\n")
    large = SourceDocument(name="x", format="text", text=block * 2400)
    with no_hang(what="segmenting 470 KB"):
        seg = segment(large)
    assert len(seg.units) >= 2400
