"""Throughput of the lint side, reported as ratios to a baseline measured in the same run.

Run from the repository root::

    python benchmarks/bench_lint.py              # default 5 repetitions per measurement
    python benchmarks/bench_lint.py --repeat 11

The input is generated, so no corpus is needed: the code of conduct that ``render`` writes for
a gemeente (raadslid, commissielid, wethouder, burgemeester), as Markdown, HTML and DOCX. Every
figure is the median of ``--repeat`` timed runs (``time.perf_counter``) after one warm-up run.
The ratios are what to compare between runs and machines:

* linting a document relative to only reading and segmenting it (the cost of identification,
  recognisers and outdated checks on top of the structure);
* linting a document with 10x and 100x the *normative* text (the articles repeated and renumbered,
  ``sizes.scaled_code``) relative to the 1x document: the goal is at most 11x and 110x (linear);
* linting each plain-text code of ``../shared/corpus/real`` relative to a naive single-regex keyword
  scan of the same file (``sizes.naive_scanner``): the goal is at most 25x per document (skipped when
  the corpus is absent);
* reading + segmenting HTML and DOCX relative to Markdown (the cost of the readers).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from gedragscode import load_model, make_code, render
from gedragscode.lint.engine import lint_document
from gedragscode.lint.readers import read_document
from gedragscode.lint.segment import segment

OFFICES = ["raadslid", "commissielid", "wethouder", "burgemeester"]

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sizes import keywords, naive_scanner, scaled_code  # noqa: E402
from timing import median_time, table  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement (median is reported)")
    args = parser.parse_args()
    repeat = max(1, args.repeat)

    model = load_model()
    code = make_code("gemeente", OFFICES, "Almelo", year=2026)
    md = str(render(code, "md")).encode("utf-8")
    html = str(render(code, "html")).encode("utf-8")
    docx = render(code, "docx")
    assert isinstance(docx, bytes)
    md10 = scaled_code(md.decode("utf-8"), 10).encode("utf-8")
    md100 = scaled_code(md.decode("utf-8"), 100).encode("utf-8")

    def read_segment(data: bytes, fmt: str) -> Callable[[], object]:
        return lambda: segment(read_document(f"bench.{fmt}", data=data, format=fmt))

    def read_lint(data: bytes, fmt: str) -> Callable[[], object]:
        return lambda: lint_document(read_document(f"bench.{fmt}", data=data, format=fmt), model)

    doc = read_document("bench.md", data=md, format="markdown")
    result = lint_document(doc, model)
    found = sum(1 for c in result.clauses if c.status in ("present", "outdated"))
    print(f"Input: rendered code, {len(doc.text):,} characters of text, {len(model.clauses)} model clauses, "
          f"{found} found, body {result.body}, offices {', '.join(result.offices)}")

    base = median_time(read_segment(md, "markdown"), repeat)
    lint1 = median_time(read_lint(md, "markdown"), repeat)
    table("Lint vs reading + segmenting (Markdown, 1x)",
          ("read + segment", base),
          [("read + segment + identify + match (lint)", lint1)])

    size_table(model, md, md10, md100, lint1, repeat, read_segment, read_lint)
    naive_table(model, repeat)

    table("Readers: read + segment per format (same code)",
          ("markdown", base),
          [("html", median_time(read_segment(html, "html"), repeat)),
           ("docx", median_time(read_segment(docx, "docx"), repeat))])


def size_table(model: object, md: bytes, md10: bytes, md100: bytes, lint1: float, repeat: int,
               read_segment: Callable[[bytes, str], Callable[[], object]],
               read_lint: Callable[[bytes, str], Callable[[], object]]) -> None:
    """Lint time against the amount of normative text (goal: 10x <= 11x, 100x <= 110x)."""
    for data, k in ((md10, 10), (md100, 100)):
        doc = read_document("bench.md", data=data, format="markdown")
        normative = sum(len(u.span) for u in segment(doc).units if u.role == "normatief")
        print(f"  {k}x input: {len(doc.text):,} characters, {normative:,} of them normative")
    big = max(1, repeat // 2)
    table("Scaling: 10x and 100x the normative text (articles repeated and renumbered)",
          ("lint, 1x", lint1),
          [("read + segment, 10x", median_time(read_segment(md10, "markdown"), repeat)),
           ("lint, 10x", median_time(read_lint(md10, "markdown"), repeat)),
           ("read + segment, 100x", median_time(read_segment(md100, "markdown"), big)),
           ("lint, 100x", median_time(read_lint(md100, "markdown"), big))])


def naive_table(model: object, repeat: int) -> None:
    """Lint per plain-text corpus document against a naive keyword scan of the same file (goal: <= 25x)."""
    from gedragscode.lint.engine import lint as lint_file
    from gedragscode.model import Model

    assert isinstance(model, Model)
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        print("\nNaive scan: ../shared/corpus/real not found, skipped")
        return
    words = keywords(model)
    scan = naive_scanner(words)
    theme_scan = naive_scanner(["geschenk", "gift", "nevenfunct", "belang", "stemming", "geheim", "declar",
                                "reis", "uitnodig", "vertrouwensperso", "integriteit", "melding", "meld",
                                "omgang", "informatie", "screening", "risicoanalyse", "draaideur", "inkomst",
                                "verboden"])
    per_doc: list[float] = []
    per_doc_small: list[float] = []
    total_lint = total_scan = 0.0
    for path in files:
        t_lint = median_time(lambda path=path: lint_file(path, model=model), repeat)
        t_scan = median_time(lambda path=path: scan(path), repeat)
        t_small = median_time(lambda path=path: theme_scan(path), repeat)
        per_doc.append(t_lint / t_scan)
        per_doc_small.append(t_lint / t_small)
        total_lint += t_lint
        total_scan += t_scan
    per_doc.sort()
    per_doc_small.sort()
    mid = len(per_doc) // 2
    table(f"Lint vs a naive keyword scan, {len(files)} plain-text corpus codes (sums of per-document medians)",
          (f"naive scan: one regex of the model's {len(words)} recogniser words", total_scan),
          [("lint (read + segment + identify + match)", total_lint)])
    print(f"  per document: median {per_doc[mid]:.1f}x, worst {per_doc[-1]:.1f}x "
          f"(against a 20-keyword regex: median {per_doc_small[mid]:.1f}x, worst {per_doc_small[-1]:.1f}x)")


if __name__ == "__main__":
    main()
