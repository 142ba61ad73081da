"""Memory of lint stays a small multiple of the input (issue 13): a regression guard, not a benchmark.

Python's allocations are traced (tracemalloc is deterministic, unlike timing); the figures and the
per-stage breakdown are in ``benchmarks/bench_memory.py``. The index used to hold one Python int or
string per token in five lists (about 36x the input for the index alone, 44x in all); it keeps compact
arrays (20x in all, for a Markdown code at 100x its normative text). Since then Markdown is parsed in
pieces, long texts are folded in pieces, sentences and matching regions are offsets instead of objects
and identification keeps no folded copy of the sentences (about 8x for that code, under 10x here).
"""

from __future__ import annotations

import tracemalloc
import unicodedata
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

import gedragscode
from gedragscode.lint import match
from gedragscode.lint.engine import lint
from gedragscode.lint.match import DocumentIndex, fold_text
from gedragscode.lint.readers import text as text_reader

GUARD = 12  # x the input: today's 9.7x with room; 20x before the reading stages were made lean, 44x before that


def _code(repeat: int) -> bytes:
    code = gedragscode.make_code("gemeente", ["raadslid", "wethouder"], "Proefstad", year=2026)
    md = str(gedragscode.render(code, "md"))
    head, _, body = md.partition("\n## Hoofdstuk 1")
    body, _, tail = body.partition("\n## Toelichting")
    return (head + "".join(f"\n## Hoofdstuk {i + 1}" + body for i in range(repeat)) + "\n## Toelichting"
            + tail).encode("utf-8")


def test_peak_memory_of_lint_is_a_small_multiple_of_the_input() -> None:
    model = gedragscode.load_model()
    data = _code(12)
    assert len(data) > 250_000
    lint("code.md", data=data[:20_000], model=model)  # lazy imports and caches outside the trace
    tracemalloc.start()
    try:
        lint("code.md", data=data, model=model)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak / len(data) < GUARD, f"peak {peak / 1e6:.1f} MB = {peak / len(data):.1f}x the input"


def test_the_index_keeps_a_few_bytes_per_character() -> None:
    text = "Een raadslid meldt een geschenk met een waarde boven de 50 euro bij de griffier. " * 5000
    tracemalloc.start()
    try:
        index = DocumentIndex(text)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(index) == 15 * 5000
    assert index.norms[1] == "raadslid" and index.norms[:2] == ["een", "raadslid"]
    assert held / len(text) < 4, f"{held / len(text):.1f} bytes per character"  # 3.3: 1 of it the folded text


# ---------------------------------------------------------------- the same answers, in less memory


def _fold_at_once(text: str) -> str:
    """The fold of a whole text as it was before it went by pieces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FOLD_PARTS = ["e\u0301", "\u0301", "\u0327\u0301", "é", "Ë", "ﬁ", "ß", "€", "Ç", "İ", "\u0344", "ᾈ", "ǅ", " ",
               "\n", "a", "Raadslid", "\u00a0", "\u212b", "ﾊﾟ", "\U0001d400"]


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(_FOLD_PARTS), max_size=80), piece=st.integers(1, 12))
def test_a_text_folds_the_same_in_pieces(parts: list[str], piece: int) -> None:
    text = "".join(parts)
    with mock.patch.object(match, "FOLD_PIECE", piece):
        assert fold_text(text) == _fold_at_once(text)


def test_folding_a_long_text_takes_little_besides_the_result() -> None:
    text = "Financiële belangen van een raadslid boven € 50 worden gemeld.\n" * 40_000  # 2.5 M characters
    tracemalloc.start()
    try:
        folded = fold_text(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert folded == _fold_at_once(text)
    # the result is 2 bytes per character, and its pieces before they are joined 2 more; casefold of the
    # whole text at once took 12 more (room for every character to become three, 4 bytes each)
    assert peak / len(text) < 5, f"{peak / len(text):.1f} bytes per character"


_MD_LINES = ["# Kop", "## Artikel 1", "Tekst van een alinea.", "nog een regel", "1. eerste", "2. tweede", "- punt",
             "* ster", "   vervolg", "  - genest", "    code", "```", "~~~", "````", "> citaat", ">", "| a | b |",
             "|---|---|", "| c | d |", "---", "===", "***", "", "", "", "  ", "3) derde", "<div>", "- ```", "  ```",
             "> ```", "*nadruk*", "**vet", "#", "#geen", "1.", "-", "+ plus", "   # ingesprongen", "  1. x", "a | b",
             "-|-"]


def _tokens(tokens: object) -> list[tuple[object, ...]]:
    return [(t.type, t.level, t.nesting, t.map, t.content, t.info, t.markup, t.attrs,
             [(c.type, c.content) for c in t.children or ()]) for t in tokens]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.sampled_from(_MD_LINES), min_size=1, max_size=80), piece=st.sampled_from([1, 3, 10, 40]))
def test_markdown_parsed_in_pieces_gives_the_tokens_of_the_whole(lines: list[str], piece: int) -> None:
    source = "\n".join(lines) + "\n"
    with mock.patch.object(text_reader, "MARKDOWN_PIECE", piece):
        pieces = _tokens(text_reader.markdown_tokens(source))
    whole = _tokens(text_reader._markdown_parser().parse(source))
    assert [t[:3] + t[4:] for t in pieces] == [t[:3] + t[4:] for t in whole]  # maps count from each piece


def test_a_long_markdown_code_is_parsed_in_pieces() -> None:
    data = _code(12)
    parses: list[int] = []
    parser = text_reader._markdown_parser()
    with mock.patch.object(parser, "parse", side_effect=lambda src, env=None: parses.append(len(src)) or
                           type(parser).parse(parser, src, env)):
        text, _ = text_reader.markdown_to_text(data.decode("utf-8"))
    assert len(parses) > 3 and max(parses) < 3 * text_reader.MARKDOWN_PIECE
    assert text == text_reader.join_blocks(text_reader._markdown_blocks(parser.parse(data.decode("utf-8"))))
