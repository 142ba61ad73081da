"""Peak memory of ``lint`` on a large normative text, as a ratio to the input size (issue 13, speed goal).

    python benchmarks/bench_memory.py              # 100x the normative text (about 2.5 MB), stages
    python benchmarks/bench_memory.py --k 400      # a larger text
    python benchmarks/bench_memory.py --rss        # also the process's peak resident set (fresh process)

The input is a rendered code whose articles are repeated ``k`` times (``sizes.scaled_code``). Python's
allocations are traced (tracemalloc) from after the model is loaded and the bytes are in memory; the peak
is given as a ratio to the input bytes (the goal is at most 10x). ``--stages`` (default on) also gives
the memory held after each stage of ``lint_document`` (reading, segmentation, document index,
identification, matching) and the largest allocation sites at the peak stage, which is where to look
when the ratio grows. ``--rss`` runs lint in a fresh process and reports the growth of the peak
resident set (``ru_maxrss``) over the process after loading the model: what the operating system sees.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_RSS = r"""
import json, resource, sys
import gedragscode
from gedragscode.lint.engine import lint
model = gedragscode.load_model()
data = open(sys.argv[1], "rb").read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
lint("code.md", data=data, model=model)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"grow_kb": peak - base, "bytes": len(data)}))
"""


def scaled_input(k: int) -> bytes:
    from sizes import scaled_code

    from gedragscode import make_code, render

    md = str(render(make_code("gemeente", ["raadslid", "commissielid", "wethouder", "burgemeester"], "Almelo",
                              year=2026), "md"))
    return scaled_code(md, k).encode("utf-8")


def peak_ratio(data: bytes) -> tuple[int, float]:
    """Traced peak of one lint of ``data`` (bytes) and its ratio to the input size."""
    from gedragscode import load_model
    from gedragscode.lint.engine import lint

    model = load_model()
    lint("code.md", data=data[:20_000], model=model)  # caches and lazy imports warmed outside the trace
    tracemalloc.start()
    lint("code.md", data=data, model=model)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, peak / len(data)


def stages(data: bytes, top: int = 12) -> None:
    """Memory held after each stage, and the largest allocation sites once everything is built."""
    from gedragscode import load_model
    from gedragscode.lint.identify import identify
    from gedragscode.lint.match import DocumentIndex, Matcher
    from gedragscode.lint.readers import read_document
    from gedragscode.lint.segment import segment

    model = load_model()
    tracemalloc.start(8)
    held: list[tuple[str, int, int]] = []

    def mark(label: str) -> None:
        now, peak = tracemalloc.get_traced_memory()
        held.append((label, now, peak))

    doc = read_document("code.md", data=data)
    mark("read (text)")
    seg = segment(doc)
    mark("segmentation")
    index = DocumentIndex(seg.document.text)
    mark("document index")
    identify(seg, model=model, index=index)
    mark("identification")
    matcher = Matcher(seg, index=index)
    for clause in model.clauses:
        for recogniser in clause.recognisers:
            matcher.find(recogniser)
    mark("matching (every recogniser)")
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    n = len(data)
    print(f"input {n / 1e6:.2f} MB; text {len(doc.text) / 1e6:.2f} M characters")
    print(f"{'after':30} {'held MB':>8} {'x input':>8} {'peak MB':>8} {'x input':>8}")
    for label, now, peak in held:
        print(f"{label:30} {now / 1e6:>8.1f} {now / n:>8.1f} {peak / 1e6:>8.1f} {peak / n:>8.1f}")
    print(f"\nlargest allocation sites while everything is held (top {top}):")
    for stat in snapshot.statistics("lineno")[:top]:
        frame = stat.traceback[0]
        print(f"  {stat.size / 1e6:8.1f} MB {stat.count:>9} blocks  {frame.filename.split('gedragscode/')[-1]}:"
              f"{frame.lineno}")


def rss_growth(data: bytes) -> dict[str, float]:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".md") as handle:
        handle.write(data)
        handle.flush()
        done = subprocess.run([sys.executable, "-c", _RSS, handle.name], capture_output=True, text=True,
                              check=True, timeout=3600)
    out: dict[str, float] = json.loads(done.stdout)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=100, help="times the normative text (100: about 2.5 MB)")
    parser.add_argument("--no-stages", action="store_true")
    parser.add_argument("--rss", action="store_true")
    args = parser.parse_args()
    data = scaled_input(args.k)
    peak, ratio = peak_ratio(data)
    print(f"lint of {args.k}x the normative text: {len(data) / 1e6:.2f} MB input, traced peak "
          f"{peak / 1e6:.1f} MB = {ratio:.1f}x the input (goal: at most 10x)")
    if args.rss:
        r = rss_growth(data)
        print(f"peak resident set growth in a fresh process: {r['grow_kb'] / 1024:.0f} MB = "
              f"{r['grow_kb'] * 1024 / r['bytes']:.1f}x the input")
    if not args.no_stages:
        print()
        stages(data)


if __name__ == "__main__":
    main()
