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
* linting a 10x longer document (the same text ten times) relative to the 1x document: about
  10 means linear scaling;
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
from timing import median_time, table  # noqa: E402


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
    md10 = b"\n\n".join([md] * 10)

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

    table("Scaling: 10x longer document",
          ("lint, 1x", lint1),
          [("read + segment, 10x", median_time(read_segment(md10, "markdown"), repeat)),
           ("lint, 10x", median_time(read_lint(md10, "markdown"), repeat))])

    table("Readers: read + segment per format (same code)",
          ("markdown", base),
          [("html", median_time(read_segment(html, "html"), repeat)),
           ("docx", median_time(read_segment(docx, "docx"), repeat))])


if __name__ == "__main__":
    main()
