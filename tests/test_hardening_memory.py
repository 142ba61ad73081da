"""Memory of lint stays a small multiple of the input (issue 13): a regression guard, not a benchmark.

Python's allocations are traced (tracemalloc is deterministic, unlike timing); the figures and the
per-stage breakdown are in ``benchmarks/bench_memory.py``. The index used to hold one Python int or
string per token in five lists (about 36x the input for the index alone, 44x in all); it now keeps
compact arrays (about 20x in all, for a Markdown code at 100x its normative text).
"""

from __future__ import annotations

import tracemalloc

import gedragscode
from gedragscode.lint.engine import lint
from gedragscode.lint.match import DocumentIndex

GUARD = 28  # x the input: today's 20x with room; the old per-token lists gave 44x


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
    assert held / len(text) < 6, f"{held / len(text):.1f} bytes per character"
