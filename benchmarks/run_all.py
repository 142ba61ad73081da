"""Measure every goal of the speed issue in one run and write the ratio table into README.md.

    python benchmarks/run_all.py              # about 10 minutes on a 2-core machine; rewrites the table
    python benchmarks/run_all.py --no-write   # print only
    python benchmarks/run_all.py --quick      # fewer repetitions, for a first look

The table sits between the ``<!-- ratios:start -->`` and ``<!-- ratios:end -->`` markers of
``benchmarks/README.md``. Every ratio compares two measurements taken in this same run; the
conditions (repetitions, load average of the machine before and after) are in the last column.
The national-size folder (1,071 codes, ``national.py``) and the 200- and 50-code samples are
generated into a temporary directory and removed afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_perf  # noqa: E402
from bench_perf import Row  # noqa: E402

README = HERE / "README.md"
START, END = "<!-- ratios:start -->", "<!-- ratios:end -->"
CORPUS = HERE.parents[1] / "shared" / "corpus" / "real"


def size_rows(repeat: int) -> list[Row]:
    """Linearity in the normative text and memory against the input (sizes.py: scaled_code)."""
    from sizes import scaled_code
    from timing import median_time

    from gedragscode import load_model, make_code, render
    from gedragscode.lint.engine import lint

    model = load_model()
    md = str(render(make_code("gemeente", ["raadslid", "commissielid", "wethouder", "burgemeester"], "Almelo",
                              year=2026), "md"))
    data = {k: scaled_code(md, k).encode("utf-8") for k in (1, 10, 100)}

    def run(k: int) -> object:
        return lint("code.md", data=data[k], model=model)

    one = median_time(lambda: run(1), repeat)
    ten = median_time(lambda: run(10), repeat)
    hundred = median_time(lambda: run(100), max(1, repeat // 3))
    tracemalloc.start()
    run(100)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    mb = len(data[100]) / 1e6
    return [
        Row("size", "lint of 10x the normative text", "lint of the 1x code", ten / one, "≤ 11x",
            f"{one * 1000:.0f} → {ten * 1000:.0f} ms (articles repeated and renumbered)"),
        Row("size", "lint of 100x the normative text", "lint of the 1x code", hundred / one, "≤ 110x",
            f"{hundred:.2f} s for {mb:.1f} MB"),
        Row("size", "peak memory while linting the 100x code (tracemalloc)", "its input size", peak / len(data[100]),
            "≤ 10x", f"{peak / 1e6:.0f} MB for {mb:.1f} MB of input"),
    ]


def naive_rows(repeat: int) -> list[Row]:
    """Lint per plain-text corpus code against one keyword regex over the same file (sizes.py)."""
    from sizes import keywords, naive_scanner
    from timing import median_time

    from gedragscode import load_model
    from gedragscode.lint.engine import lint

    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        return []
    model = load_model()
    scan = naive_scanner(keywords(model))
    ratios = sorted(median_time(lambda p=path: lint(p, model=model), repeat)
                    / median_time(lambda p=path: scan(p), repeat) for path in files)
    return [Row("naive scan", f"lint per plain-text corpus code ({len(files)} codes), median",
                "a one-regex keyword scan of the same file", ratios[len(ratios) // 2], "≤ 25x",
                f"worst {ratios[-1]:.0f}x; both read the file from disk")]


def table(rows: list[Row], started: str, args: argparse.Namespace) -> str:
    lines = [
        f"Measured {started} on {platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()} (`python benchmarks/run_all.py{' --quick' if args.quick else ''}`). "
        "The machine is shared by several developers: the load average in the last column says how busy "
        "it was; CPU-time ratios are given where wall time is noisy.",
        "",
        "| topic | measured | baseline | ratio | goal | met | conditions |",
        "|---|---|---|---:|---|---|---|",
    ]
    for row in rows:
        lines.append(f"| {row.topic} | {row.measured} | {row.baseline} | {row.ratio:.2f}x | {row.goal or '–'} "
                     f"| {row.met() or '–'} | {row.detail} |")
    return "\n".join(lines)


def write(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    if START in readme and END in readme:
        head, rest = readme.split(START, 1)
        _, tail = rest.split(END, 1)
        readme = f"{head}{START}\n{text}\n{END}{tail}"
    else:
        readme = f"{readme.rstrip()}\n\n## The ratio table\n\n{START}\n{text}\n{END}\n"
    README.write_text(readme, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave README.md alone")
    args = parser.parse_args()
    repeat = 5 if args.quick else 21
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="gedragscode-bench-") as tmp:
        work = Path(tmp)
        for step in (lambda: bench_perf.startup(repeat, work), lambda: bench_perf.model_load(repeat),
                     lambda: bench_perf.pdf(repeat), lambda: size_rows(max(3, repeat // 3)),
                     lambda: naive_rows(max(3, repeat // 5))):
            new = step()
            bench_perf.print_rows(new)
            rows.extend(new)
        national, f200, f50, count = bench_perf.folders(work)
        new = bench_perf.batch(f200, f50, national, count, work, 1 if args.quick else 2)
        bench_perf.print_rows(new)
        rows.extend(new)
    text = table(rows, started, args)
    print()
    print(text)
    if not args.no_write:
        write(text)
        print(f"\nwritten to {README}")


if __name__ == "__main__":
    main()
