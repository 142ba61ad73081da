"""Hostile inputs of issue 13: time and memory, as ratios to an ordinary document in the same run.

Each case runs in a fresh subprocess (so peak memory is its own) and reports wall time and the
growth of the peak resident set over the process after loading the model. The baseline is linting
the rendered model code of one gemeente, about 40 kB of text. Usage::

    python benchmarks/bench_hostile.py            # about a minute
    python benchmarks/bench_hostile.py --text-mb 8  # the memory case with a larger text

The memory ratio is "peak growth / text size"; issue 13 asks for a small multiple of the input.
Then the scaling of segmentation on a mixed hostile text (what ``tests/test_reading_linear.py``
guards against hangs): four times the text should cost about four times the time, not sixteen.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_CASE = r"""
import json, resource, sys, time
import gedragscode
gedragscode.load_model()
data = open(sys.argv[1], "rb").read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    gedragscode.lint(sys.argv[1])
    outcome = "gelezen"
except gedragscode.GedragscodeError as exc:
    outcome = exc.message[:60]
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"s": elapsed, "grow_kb": peak - base, "bytes": len(data), "outcome": outcome}))
"""


def _cases(folder: Path, text_mb: int) -> dict[str, Path]:
    import gedragscode

    code = gedragscode.make_code("gemeente", ["raadslid"], "Proefstad", year=2026)
    ordinary = str(gedragscode.render(code, "md"))
    cases = {
        "baseline: rendered code (md)": ("code.md", ordinary.encode()),
        f"memory: {text_mb} MB of code text": ("groot.txt", (ordinary * (text_mb * 2**20 // len(ordinary) + 1))
                                               .encode()[: text_mb * 2**20]),
        "<ol type=I start=10**15>": ("lijst.html", b'<html><body><ol type="I" start="1000000000000000">'
                                                   b"<li>Artikel een</li></ol></body></html>"),
        "<!DOCTYPE x 25,000": ("doctype.xml", b"<?xml version='1.0'?>" + b"<!DOCTYPE" * 25_000 + b"<a/>"),
        "HTML nested 2000 deep": ("diep.html", ("<html><body>" + "<div>" * 2000 + "<p>Artikel 1 tekst.</p>"
                                                + "</div>" * 2000 + "</body></html>").encode()),
        "dots and semicolons 30 kB": ("punten.txt", b"Artikel 1\n\n" + b".;" * 15_000 + b"a\n"),
        "spaces in a line 100 kB": ("spaties.txt", b"Artikel 1 " + b" " * 100_000 + b"x\n"),
    }
    out: dict[str, Path] = {}
    for label, (name, data) in cases.items():
        path = folder / name
        path.write_bytes(data)
        out[label] = path
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text-mb", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for label, path in _cases(Path(tmp), args.text_mb).items():
            done = subprocess.run([sys.executable, "-c", _CASE, str(path)], capture_output=True, text=True,
                                  timeout=600)
            rows.append((label, json.loads(done.stdout)))
    base = rows[0][1]
    print(f"{'case':34} {'bytes':>10} {'s':>7} {'x base':>7} {'grow MB':>8} {'grow/bytes':>10}  outcome")
    for label, r in rows:
        ratio = r["s"] / base["s"] if base["s"] else float("nan")
        grow = r["grow_kb"] / 1024
        per_byte = r["grow_kb"] * 1024 / r["bytes"] if r["bytes"] else float("nan")
        print(f"{label:34} {r['bytes']:>10} {r['s']:>7.2f} {ratio:>7.1f} {grow:>8.1f} {per_byte:>10.1f}  "
              f"{r['outcome']}")
    segment_scaling()


def segment_scaling(repeat: int = 5) -> None:
    """Time to segment 4x a mixed hostile text, as a ratio to 1x (the best of ``repeat`` runs each)."""
    from gedragscode.lint.document import SourceDocument
    from gedragscode.lint.segment import segment

    block = ("Artikel 1 Geschenken\n\n1. Een raadslid meldt een geschenk. . . ; ;\n\n2.\n\n"
             "Mag ik dat houden?\n\nNee.\n\n" + " " * 200 + "\n\n")
    small = SourceDocument(name="x", format="text", text=block * 150)
    large = SourceDocument(name="x", format="text", text=block * 600)
    segment(small)  # warm up

    def best(doc: SourceDocument) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            segment(doc)
            times.append(time.perf_counter() - start)
        return min(times)

    t_small, t_large = best(small), best(large)
    print(f"\nsegmenting {len(large.text)} vs {len(small.text)} characters (4x): {t_large * 1000:.0f} vs "
          f"{t_small * 1000:.0f} ms = {t_large / t_small:.1f}x (linear: about 4x; quadratic: 16x)")


if __name__ == "__main__":
    main()
