"""Peak memory of ``lint`` on a large normative text, as a ratio to the input size (issue 10 and 13).

    python benchmarks/bench_memory.py                  # every format at 100x the normative text, and stages
    python benchmarks/bench_memory.py --formats md     # one format
    python benchmarks/bench_memory.py --k 400          # a larger text
    python benchmarks/bench_memory.py --no-rss --no-stages

The input is a rendered code whose articles are repeated ``k`` times (``sizes.scaled_code``: about
2.5 MB of Markdown at 100x), in every format the reader takes: the Markdown itself, the plain text
(``national.plain_text``), HTML (the Markdown rendered by markdown-it), DOCX (one Word paragraph or
heading per block) and PDF (``national.text_pdf``, with running headers and page numbers). Two figures
per format, each as a ratio to the file's size and to the Markdown's size (the same text in every
format, so the formats compare; a DOCX is zip-compressed, so its own ratio is larger):

* **traced**: Python's allocations (tracemalloc) during one lint, from after the model is loaded and
  the bytes are in memory. Deterministic, but blind to what C libraries allocate themselves (lxml,
  PDFium, zlib);
* **RSS**: the growth of the process's peak resident set during the same lint, in a fresh process (the
  model from the disk cache, as the command line has it), over what it held just before. The peak is
  reset first (``/proc/self/clear_refs``, Linux) so that an earlier one (importing, loading the model)
  does not hide it, and read as ``VmHWM``: ``ru_maxrss`` is the same high-water mark but never below
  what the parent process held when it forked the child, which made the figure depend on the parent.
  What the operating system sees, C libraries and the allocator's slack included; memory the process
  had already freed and takes again does not count.

The goal is at most 10x the input. ``--stages`` (default on) gives, for the Markdown, the memory held
after each stage of ``lint_document`` (reading, segmentation, document index, identification,
matching), the peak within each stage, and the largest allocation sites once everything is built,
which is where to look when the ratio grows.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FORMATS = ("md", "txt", "html", "docx", "pdf")

_RSS = r"""
import gc, json, resource, sys
import gedragscode
from gedragscode.lint.engine import lint
model = gedragscode.load_model()
name, warm, big = sys.argv[1], open(sys.argv[2], "rb").read(), open(sys.argv[3], "rb").read()
lint(name, data=warm, model=model)  # lazy imports and caches, as in the traced run
del warm
gc.collect()
def status(key):
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(key + ":"))
try:
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # reset the peak resident set (VmHWM) to what is resident now
    base = status("VmRSS")
    lint(name, data=big, model=model)
    grow = status("VmHWM") - base
    reset = True
except OSError:  # no /proc: ru_maxrss, which also counts the parent's resident set at the fork
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    lint(name, data=big, model=model)
    grow = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
    reset = False
print(json.dumps({"grow_kb": max(0, grow), "reset": reset}))
"""

def _markdown(k: int) -> str:
    from sizes import scaled_code

    from gedragscode import make_code, render

    md = str(render(make_code("gemeente", ["raadslid", "commissielid", "wethouder", "burgemeester"], "Almelo",
                              year=2026), "md"))
    return scaled_code(md, k)


def _docx(markdown: str) -> bytes:
    """One Word heading per Markdown heading and one paragraph per other block (markup removed)."""
    import docx
    from national import plain_text

    document = docx.Document()
    for block in markdown.split("\n\n"):
        block = block.strip()
        if not block:
            continue
        level = len(block) - len(block.lstrip("#"))
        if 1 <= level <= 6 and block[level:level + 1] == " ":
            document.add_heading(plain_text(block).strip(), level=min(level, 4))
        else:
            for line in plain_text(block).split("\n"):
                document.add_paragraph(line.strip())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def scaled_inputs(k: int, formats: tuple[str, ...] = FORMATS) -> dict[str, bytes]:
    """The code with ``k`` times its normative text in each of ``formats``."""
    from national import plain_text, text_pdf

    from gedragscode.lint.readers.text import _markdown_parser

    md = _markdown(k)
    out: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "md":
            out[fmt] = md.encode("utf-8")
        elif fmt == "txt":
            out[fmt] = plain_text(md).encode("utf-8")
        elif fmt == "html":
            body = _markdown_parser().render(md)
            out[fmt] = ('<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>Gedragscode</title>'
                        f"</head><body>\n{body}</body></html>\n").encode()
        elif fmt == "docx":
            out[fmt] = _docx(md)
        elif fmt == "pdf":
            text = plain_text(md)
            out[fmt] = text_pdf(text, next(line for line in text.splitlines() if line.strip()))
        else:
            raise ValueError(f"unknown format {fmt}")
    return out


def scaled_input(k: int) -> bytes:
    """The Markdown code with ``k`` times its normative text."""
    return _markdown(k).encode("utf-8")


def traced_peak(fmt: str, data: bytes, warm: bytes) -> int:
    """Python's traced peak during one lint of ``data`` (after a lint of ``warm`` outside the trace)."""
    from gedragscode import load_model
    from gedragscode.lint.engine import lint

    model = load_model()
    lint(f"code.{fmt}", data=warm, model=model)  # caches and lazy imports warmed outside the trace
    gc.collect()
    tracemalloc.start()
    try:
        lint(f"code.{fmt}", data=data, model=model)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def peak_ratio(data: bytes) -> tuple[int, float]:
    """Traced peak of one lint of Markdown ``data`` and its ratio to the input size."""
    peak = traced_peak("md", data, data[:20_000])
    return peak, peak / len(data)


def rss_growth(fmt: str, data: bytes, warm: bytes) -> tuple[int, bool]:
    """Growth in bytes of the peak resident set of a fresh process during one lint of ``data``, and
    whether the peak could be reset first (else the figure is only the growth above earlier peaks)."""
    with tempfile.TemporaryDirectory() as tmp:
        warm_path, big_path = Path(tmp, "warm"), Path(tmp, "big")
        warm_path.write_bytes(warm)
        big_path.write_bytes(data)
        done = subprocess.run([sys.executable, "-c", _RSS, f"code.{fmt}", str(warm_path), str(big_path)],
                              capture_output=True, text=True, check=True, timeout=3600)
    out = json.loads(done.stdout)
    return int(out["grow_kb"]) * 1024, bool(out["reset"])


def stages(data: bytes, top: int = 12) -> None:
    """Memory held after each stage, the peak within it, and the largest allocation sites at the end."""
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
        tracemalloc.reset_peak()

    doc = read_document("code.md", data=data)
    mark("read (text)")
    seg = segment(doc)
    mark("segmentation")
    index = DocumentIndex(seg.document.text)
    mark("document index")
    identify(seg, model=model, index=index)
    index.release_folded()  # as lint_document does
    mark("identification")
    matcher = Matcher(seg, index=index)
    for clause in model.clauses:
        for recogniser in clause.recognisers:
            matcher.find(recogniser)
    mark("matching (every recogniser)")
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    n = len(data)
    print(f"Markdown input {n / 1e6:.2f} MB; text {len(doc.text) / 1e6:.2f} M characters")
    print(f"{'after':30} {'held MB':>8} {'x input':>8} {'stage peak MB':>14} {'x input':>8}")
    for label, now, peak in held:
        print(f"{label:30} {now / 1e6:>8.1f} {now / n:>8.1f} {peak / 1e6:>14.1f} {peak / n:>8.1f}")
    print(f"\nlargest allocation sites while everything is held (top {top}):")
    for stat in snapshot.statistics("lineno")[:top]:
        frame = stat.traceback[0]
        print(f"  {stat.size / 1e6:8.1f} MB {stat.count:>9} blocks  {frame.filename.split('gedragscode/')[-1]}:"
              f"{frame.lineno}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=100, help="times the normative text (100: about 2.5 MB)")
    parser.add_argument("--formats", default=",".join(FORMATS), help=f"comma-separated, from {', '.join(FORMATS)}")
    parser.add_argument("--no-stages", action="store_true")
    parser.add_argument("--no-rss", action="store_true")
    args = parser.parse_args()
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    big = scaled_inputs(args.k, formats)
    warm = scaled_inputs(1, formats)
    reference = len(scaled_input(args.k))
    print(f"lint of {args.k}x the normative text; ratios to the file's size and to the Markdown's "
          f"({reference / 1e6:.2f} MB, the same text); goal: at most 10x the input")
    print(f"{'format':7} {'input MB':>9} {'traced MB':>10} {'x input':>8} {'x md':>6} {'RSS MB':>8} "
          f"{'x input':>8} {'x md':>6}")
    for fmt in formats:
        data = big[fmt]
        peak = traced_peak(fmt, data, warm[fmt])
        line = (f"{fmt:7} {len(data) / 1e6:>9.2f} {peak / 1e6:>10.1f} {peak / len(data):>8.1f} "
                f"{peak / reference:>6.1f}")
        if not args.no_rss:
            grow, reset = rss_growth(fmt, data, warm[fmt])
            line += (f" {grow / 1e6:>8.1f} {grow / len(data):>8.1f} {grow / reference:>6.1f}"
                     + ("" if reset else "  (peak not reset: growth above earlier peaks only)"))
        print(line, flush=True)
    if not args.no_stages and "md" in formats:
        print()
        stages(big["md"])


if __name__ == "__main__":
    main()
