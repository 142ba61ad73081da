"""Start-up, batch (``--jobs``), memory, PDF and national-size figures, as ratios within one run.

Run from the repository root (``python benchmarks/bench_perf.py``); ``run_all.py`` calls the same
functions and writes the table in ``benchmarks/README.md``. Commands run as separate processes the
way a user runs them (the installed ``gedragscode`` script, bytecode caches on, a model cache in a
temporary directory warmed by a first run), alternating the commands that are compared, and each
figure is the median of the repetitions. Wall time is what a user waits; CPU time (user + system of
the process) is steadier on a shared machine and is given beside it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
FIXTURES = HERE.parent / "tests" / "fixtures" / "lint"


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mb: float = 0.0


@dataclass(frozen=True)
class Row:
    """One line of the table: ``measured`` costs ``ratio`` x ``baseline``."""

    topic: str
    measured: str
    baseline: str
    ratio: float
    goal: str
    detail: str = ""

    def met(self) -> str:
        if not self.goal:
            return ""
        op, value = self.goal.split(" ", 1)
        limit = float(value.rstrip("x"))
        ok = self.ratio <= limit if op == "≤" else self.ratio >= limit
        return "yes" if ok else "**no**"


def script(name: str) -> str:
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else shutil.which(name) or name


def environment(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "GEDRAGSCODE_NO_CACHE")}
    env["GEDRAGSCODE_CACHE_DIR"] = str(cache)
    return env


# A process forked from this (large) benchmark process would report this process's size as its own
# peak (Linux keeps the peak across exec), so peak memory is measured through a small launcher that
# forks the command itself and reports the command's own rusage.
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\\nPEAK-KB {usage.ru_maxrss} CPU {usage.ru_utime + usage.ru_stime}\\n")
sys.exit(os.waitstatus_to_exitcode(status) if status else 0)
"""


def run(cmd: Sequence[str], env: dict[str, str], *, memory: bool = False) -> Run:
    """Run ``cmd`` once: wall time, CPU time (its workers included, ``wait4``) and, with ``memory``,
    the peak resident memory of the largest of its processes (through the launcher, ~30 ms more)."""
    start = time.perf_counter()
    if memory:
        done = subprocess.run([sys.executable, "-c", _LAUNCHER, *cmd], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=env, text=True, check=False)
        wall = time.perf_counter() - start
        fields = done.stderr.rsplit("PEAK-KB ", 1)[1].split()
        kb, cpu = int(fields[0]), float(fields[2])
        return Run(wall, cpu, kb / (1024 if sys.platform == "darwin" else 1) / 1024)
    proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = 0
    return Run(wall, usage.ru_utime + usage.ru_stime)


def compare(cmds: Sequence[Sequence[str]], env: dict[str, str], repeat: int, *, memory: bool = False,
            warm: bool = True) -> list[Run]:
    """Median wall/CPU/peak memory of each command over ``repeat`` alternating runs (after a warm-up run)."""
    if warm:
        for cmd in cmds:
            run(cmd, env)
    runs: list[list[Run]] = [[] for _ in cmds]
    for _ in range(repeat):
        for i, cmd in enumerate(cmds):
            runs[i].append(run(cmd, env, memory=memory))
    return [Run(statistics.median(r.wall for r in rs), statistics.median(r.cpu for r in rs),
                statistics.median(r.rss_mb for r in rs)) for rs in runs]


def load() -> str:
    try:
        one, five, _ = os.getloadavg()
        return f"load {one:.1f} (5 min {five:.1f})"
    except OSError:  # pragma: no cover - Windows
        return "load unknown"


# ---------------------------------------------------------------- start-up


def startup(repeat: int, work: Path) -> list[Row]:
    from gedragscode import make_code, render

    env = environment(work / "cache")
    small = FIXTURES / "provincie_staten_2015.txt"
    typical = work / "code.txt"
    import national

    typical.write_text(national.plain_text(str(render(make_code("gemeente", ["raadslid"], "Almelo", year=2026),
                                                          "md"))), encoding="utf-8")
    gdc = script("gedragscode")
    before = load()
    click, helped, lint_small, lint_typical = compare(
        [[sys.executable, "-c", "import click"], [gdc, "--help"], [gdc, "lint", str(small)],
         [gdc, "lint", str(typical)]], env, repeat)
    cond = f"{repeat} alternating runs, {before} → {load()}"
    kb = small.stat().st_size // 1024
    return [
        Row("start-up", "`gedragscode --help`", "`python -c \"import click\"`", helped.wall / click.wall, "≤ 1.5x",
            f"CPU {helped.cpu / click.cpu:.2f}x; {helped.wall * 1000:.0f} vs {click.wall * 1000:.0f} ms; {cond}"),
        Row("start-up", f"`gedragscode lint` of a small code ({kb} KB text)", "`gedragscode --help`",
            lint_small.wall / helped.wall, "≤ 2x",
            f"CPU {lint_small.cpu / helped.cpu:.2f}x; {lint_small.wall * 1000:.0f} ms; model from the disk cache"),
        Row("start-up", f"`gedragscode lint` of a rendered one-office code ({typical.stat().st_size // 1024} KB)",
            "`gedragscode --help`", lint_typical.wall / helped.wall, "",
            f"CPU {lint_typical.cpu / helped.cpu:.2f}x; {lint_typical.wall * 1000:.0f} ms"),
    ]


def model_load(repeat: int) -> list[Row]:
    from timing import median_time

    from gedragscode import model_cache
    from gedragscode.catalogue import bundled_sources
    from gedragscode.dsl.parser import parse
    from gedragscode.resolve import resolve_model

    sources = bundled_sources()
    model = resolve_model([parse(text, name, trusted=True) for name, text in sources])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.pickle"
        key = model_cache.cache_key(sources)
        model_cache.store(model, path, key)
        cached = median_time(lambda: model_cache.load_cached(path, model_cache.cache_key(sources)), repeat)
    parsed = median_time(lambda: resolve_model([parse(text, name, trusted=True) for name, text in sources]), repeat)
    return [Row("start-up", "bundled model from the disk cache (key + checks + unpickle)",
                "parse + resolve `models/*.gdc`", cached / parsed, "",
                f"{cached * 1000:.1f} vs {parsed * 1000:.0f} ms")]


# ---------------------------------------------------------------- batch, memory, national


def batch(folder200: Path, folder50: Path, national_folder: Path, count: int, work: Path,
          repeat: int) -> list[Row]:
    env = environment(work / "cache")
    gdc = script("gedragscode")

    def lint(folder: Path, jobs: int) -> list[str]:
        return [gdc, "lint", "--format", "jsonl", "--jobs", str(jobs), str(folder)]

    before = load()
    run(lint(folder50, 1), env)  # warm the model cache and bytecode
    one, two = compare([lint(folder200, 1), lint(folder200, 2)], env, repeat, memory=True, warm=False)
    cond = f"{repeat} alternating runs, {before} → {load()}, {os.cpu_count()} cores"
    rows = [
        Row("batch", "`lint --jobs 2` over 200 codes, speed-up", "`lint --jobs 1`", one.wall / two.wall, "≥ 1.7x",
            f"{one.wall:.1f} s → {two.wall:.1f} s ({200 / two.wall:.1f} documents/s); {cond}"),
        Row("batch", "CPU time of `lint --jobs 2` over 200 codes (workers included)", "CPU time of `--jobs 1`",
            two.cpu / one.cpu, "≤ 1.18x",
            f"{one.cpu:.1f} → {two.cpu:.1f} s: the price of parallelism (spawning, imports, model and results "
            f"between processes); ≤ 1.18x means ≥ 1.7x on two free cores, whatever else runs on the machine"),
    ]
    small = run(lint(folder50, 1), env, memory=True).rss_mb
    rows.append(Row("memory", "peak memory, `lint --jobs 1` over 200 codes", "the same over 50 codes",
                    one.rss_mb / small, "≤ 1.2x",
                    f"{one.rss_mb:.0f} MB vs {small:.0f} MB: each result is written and dropped"))
    before = load()
    whole = run(lint(national_folder, 2), env, memory=True)
    whole_mb = whole.rss_mb
    rows.append(Row("national", f"`lint --jobs 2` over the national folder ({count} codes), per document",
                    "the same over 200 codes", (whole.wall / count) / (two.wall / 200), "≤ 1.2x",
                    f"{whole.wall:.0f} s, {count / whole.wall:.1f} documents/s, CPU {whole.cpu:.0f} s; largest "
                    f"process {whole_mb:.0f} MB; {before} → {load()}"))
    return rows


# ---------------------------------------------------------------- PDF


def pdf(repeat: int) -> list[Row]:
    import national
    from timing import median_time

    from gedragscode import load_model, make_code, render
    from gedragscode.lint.engine import lint
    from gedragscode.lint.readers import pdf as pdf_reader

    model = load_model()
    code = make_code("gemeente", ["raadslid", "commissielid"], "Almelo", year=2026)
    text = national.plain_text(str(render(code, "md")))
    as_pdf = national.text_pdf(text, code.name)
    as_txt = text.encode("utf-8")
    txt = median_time(lambda: lint("code.txt", data=as_txt, model=model), repeat)
    with_pdf = median_time(lambda: lint("code.pdf", data=as_pdf, model=model), repeat)
    ium = median_time(lambda: pdf_reader.extract_with_pdfium(as_pdf), repeat)
    pyp = median_time(lambda: pdf_reader.extract_with_pypdf(as_pdf), repeat)
    pages = len(pdf_reader.extract_with_pdfium(as_pdf).pages)
    return [
        Row("PDF", f"lint of a code as PDF ({pages} pages)", "the same code as .txt", with_pdf / txt, "≤ 2x",
            f"{with_pdf * 1000:.0f} vs {txt * 1000:.0f} ms, in one process"),
        Row("PDF", "text extraction with PDFium (pypdfium2)", "with pypdf (the fallback)", ium / pyp, "",
            f"{ium * 1000:.1f} vs {pyp * 1000:.0f} ms for the same PDF"),
    ]


def folders(work: Path) -> tuple[Path, Path, Path, int]:
    """The national folder and the 200- and 50-code samples (links into it)."""
    import national

    root = work / "national"
    paths = national.generate(root)
    out = []
    for count in (200, 50):
        folder = work / f"sample{count}"
        folder.mkdir()
        for path in national.sample(paths, count):
            shutil.copy(path, folder / path.name)
        out.append(folder)
    return root, out[0], out[1], len(paths)


def print_rows(rows: Sequence[Row]) -> None:
    for row in rows:
        print(f"{row.topic:9} {row.ratio:6.2f}x  {row.measured} / {row.baseline}  goal {row.goal or '-'} "
              f"{row.met()}  {row.detail}")


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gedragscode-bench-") as tmp:
        work = Path(tmp)
        print_rows(startup(args.repeat, work))
        print_rows(model_load(args.repeat))
        print_rows(pdf(args.repeat))
        national_folder, f200, f50, count = folders(work)
        print_rows(batch(f200, f50, national_folder, count, work, max(1, args.repeat // 4)))


if __name__ == "__main__":
    main()
