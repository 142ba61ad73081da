"""Throughput of the render side, reported as ratios to a baseline measured in the same run.

Run from the repository root::

    python benchmarks/bench_render.py            # default 5 repetitions per measurement
    python benchmarks/bench_render.py --repeat 31

Every figure is the median of ``--repeat`` timed runs (``time.perf_counter``), after one warm-up
run. Absolute times depend on the machine; the ratios are what to compare between runs:

* model load (parse + resolve of the bundled ``models/*.gdc``) relative to parsing alone;
* writing each output format from a built document tree, and rendering DOCX end to end,
  relative to building the tree (which renders every clause template);
* a combined code (every office of the body) relative to a one-office code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gedragscode import build_document, make_code, render
from gedragscode.catalogue import bundled_sources
from gedragscode.dsl.parser import parse
from gedragscode.model import Code
from gedragscode.render import writers
from gedragscode.resolve import resolve_model

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_time, table


def bench_model(repeat: int) -> None:
    sources = bundled_sources()

    def parse_only() -> object:
        return [parse(text, name, trusted=True) for name, text in sources]

    def parse_and_resolve() -> object:
        return resolve_model([parse(text, name, trusted=True) for name, text in sources])

    table(f"Model load ({len(sources)} bundled .gdc files)",
          ("parse only", median_time(parse_only, repeat)),
          [("parse + resolve (load_model without cache)", median_time(parse_and_resolve, repeat))])


def bench_formats(code: Code, label: str, repeat: int) -> float:
    doc = build_document(code)
    base = median_time(lambda: build_document(code), repeat)
    rows = [(f"write {fmt} (tree already built)", median_time(lambda f=fmt: writers.write(doc, f), repeat))
            for fmt in writers.FORMATS]
    rows.append(("render docx end to end (build + write)", median_time(lambda: render(code, "docx"), repeat)))
    articles = sum(len(ch.articles) for ch in doc.chapters)
    table(f"Output formats: {label} ({articles} articles)", ("build_document (templates -> tree)", base), rows)
    return base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement (median is reported)")
    args = parser.parse_args()
    repeat = max(1, args.repeat)

    bench_model(repeat)
    single = make_code("gemeente", ["raadslid"], "Almelo", year=2026)
    combined = make_code("gemeente", ["raadslid", "commissielid", "wethouder", "burgemeester"], "Almelo", year=2026)
    one = bench_formats(single, "gemeente, raadslid", repeat)
    table("Combined code vs one office (build_document)",
          ("one office (raadslid)", one),
          [("four offices in one code", median_time(lambda: build_document(combined), repeat))])


if __name__ == "__main__":
    main()
