"""Linting many documents: ``--jobs`` gives the same output in the same order, results stream out
as they are done (tested with generators, not with timing), and a dying worker costs one document."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

import gedragscode
from gedragscode.lint import batch
from gedragscode.lint.reports import render_report, stream_report
from gedragscode.lint.reports.overview import for_overview, overview_csv, overview_html
from gedragscode.lint.result import LintFailure, LintResult
from gedragscode.model import Model

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
DOCUMENTS = [
    "provincie_staten_2015.txt", "gemeente_college_2023.md", "gemeente_2004_bestuurders.html",
    "gemeente_raad_2021.docx", "gemeente_college_2022_hoofdstuk.pdf", "protocol_provincie_2022.xml",
    "bes_eilandsraad_2020.txt", "waterschap_db_2021.pdf", "gemeente_kort_raad.txt",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nine real codes in six formats, and one broken PDF in a subfolder."""
    root = tmp_path_factory.mktemp("codes")
    for i, name in enumerate(DOCUMENTS):
        shutil.copy(FIXTURES / name, root / f"{i:02d}_{name}")
    (root / "sub").mkdir()
    (root / "sub" / "kapot.pdf").write_bytes(b"%PDF-1.4 dit is geen pdf")
    return root


@pytest.fixture(scope="module")
def sequential(folder: Path) -> list[LintResult | LintFailure]:
    return gedragscode.lint_paths([folder], jobs=1)


# ---------------------------------------------------------------- same results, same order


def test_jobs_give_the_same_results_in_the_same_order(folder: Path,
                                                      sequential: list[LintResult | LintFailure]) -> None:
    assert len(sequential) == len(DOCUMENTS) + 1
    names = [Path(r.file).name for r in sequential]
    assert names == [*sorted(names[:-1]), "kapot.pdf"]
    parallel = gedragscode.lint_paths([folder], jobs=2)
    assert parallel == sequential
    for fmt in gedragscode.REPORT_FORMATS:
        assert render_report(parallel, fmt, suggest=True) == render_report(sequential, fmt, suggest=True)
    assert list(gedragscode.iter_lint_paths([folder], jobs=3)) == sequential


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="gedragscode")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "html"])
def test_cli_output_is_byte_identical_for_any_jobs(folder: Path, fmt: str) -> None:
    one = _cli("lint", "--jobs", "1", "--format", fmt, "--no-color", str(folder))
    two = _cli("lint", "--jobs", "2", "--format", fmt, "--no-color", str(folder))
    assert one == two
    assert one[0] == 2 and "kapot.pdf: fout:" in one[2]  # the broken file makes the batch exit 2
    assert one[1] == render_report(gedragscode.lint_paths([folder]), fmt, single=False)


def test_cli_files_and_summary_identical_for_any_jobs(folder: Path, tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        out.mkdir()
        code, _, _ = _cli("lint", "--jobs", jobs, "--format", "json", "-o", str(out / "rapport.json"),
                          "--summary", str(out / "overzicht.csv"), str(folder))
        assert code == 2
        _cli("lint", "--jobs", jobs, "--summary", str(out / "overzicht.html"), str(folder))
    for name in ("rapport.json", "overzicht.csv", "overzicht.html"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name
    report = json.loads((tmp_path / "1" / "rapport.json").read_text(encoding="utf-8"))
    assert [Path(item["file"]).name for item in report][-1] == "kapot.pdf"


def test_output_file_that_exists_is_refused_before_linting(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    target.write_text("oud")
    code, _, err = _cli("lint", "-o", str(target), str(folder))
    assert code == 2 and "--force" in err and target.read_text() == "oud"


def test_jsonl_is_one_json_report_object_per_line(sequential: list[LintResult | LintFailure]) -> None:
    lines = render_report(sequential, "jsonl").splitlines()
    assert len(lines) == len(sequential)
    assert [json.loads(line) for line in lines] == json.loads(render_report(sequential, "json", single=False))


def test_overview_from_slim_rows_is_the_same(sequential: list[LintResult | LintFailure]) -> None:
    slim = [for_overview(r) for r in sequential]
    assert overview_csv(slim) == overview_csv(sequential)
    assert overview_html(slim) == overview_html(sequential)
    assert all(not c.evidence for r in slim if isinstance(r, LintResult) for c in r.clauses)


def test_stream_report_is_render_report(sequential: list[LintResult | LintFailure]) -> None:
    for fmt in gedragscode.REPORT_FORMATS:
        for results in (sequential, sequential[:1], sequential[-1:]):
            single = len(results) == 1 and fmt == "json"
            assert "".join(stream_report(iter(results), fmt, suggest=True, single=single)) == render_report(
                results, fmt, suggest=True, single=single)
    assert "".join(stream_report(iter(sequential), "json")) == json.dumps(
        json.loads(render_report(sequential, "json", single=False)), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- streaming


class Source:
    """Items that come into existence only when they are asked for, counting how many were."""

    def __init__(self, folder: Path, count: int) -> None:
        self.folder = folder
        self.count = count
        self.pulled = 0

    def __iter__(self) -> Iterator[Path]:
        for i in range(self.count):
            self.pulled += 1
            path = self.folder / f"code_{i:03d}.txt"
            shutil.copy(FIXTURES / "provincie_staten_2015.txt", path)  # written only now
            yield path


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_first_report_piece_before_the_second_result_is_asked_for(
        sequential: list[LintResult | LintFailure], fmt: str) -> None:
    asked = []

    def results() -> Iterator[LintResult | LintFailure]:
        for i, result in enumerate(sequential):
            asked.append(i)
            yield result

    pieces = stream_report(results(), fmt)
    first = next(pieces)
    assert asked == [0] and sequential[0].file in first
    rest = "".join(pieces)
    assert first + rest == render_report(sequential, fmt, single=False)


def test_sequential_results_stream_before_the_last_file_exists(tmp_path: Path) -> None:
    source = Source(tmp_path, 12)
    model = gedragscode.load_model()
    results = batch.lint_each(source, model=model, jobs=1)
    first = next(results)
    assert isinstance(first, LintResult) and first.file.endswith("code_000.txt")
    assert source.pulled == 1 and not (tmp_path / "code_011.txt").exists()
    assert len(list(results)) == 11


def test_parallel_results_stream_before_the_last_file_exists(tmp_path: Path) -> None:
    """With workers, at most jobs x WINDOW_PER_JOB documents are ahead of the one reported: the
    first result is out while most files do not exist yet, and memory stays flat."""
    jobs, count = 2, 40
    window = jobs * batch.WINDOW_PER_JOB
    source = Source(tmp_path, count)
    model = gedragscode.load_model()
    results = batch.lint_each(source, model=model, jobs=jobs)
    first = next(results)
    assert first.file.endswith("code_000.txt")
    assert source.pulled <= window + 1 < count
    assert not (tmp_path / f"code_{count - 1:03d}.txt").exists()
    seen = [first]
    for result in results:
        seen.append(result)
        assert source.pulled - len(seen) <= window  # never more than the window in flight
    assert [Path(r.file).name for r in seen] == [f"code_{i:03d}.txt" for i in range(count)]
    assert all(isinstance(r, LintResult) and replace(r, file=first.file) == first for r in seen)


# ---------------------------------------------------------------- order, small batches, crashes


def pid_task(model: Model, options: Mapping[str, Any], item: Any) -> LintResult | LintFailure:
    """A stand-in check: which process handled which item (importable by the spawned workers)."""
    return LintFailure(str(item), f"{os.getpid()}:{options.get('tag', '')}")


def crashing_task(model: Model, options: Mapping[str, Any], item: Any) -> LintResult | LintFailure:
    if "crash" in str(item):
        os._exit(3)  # what a segfault in a native reader looks like to the pool
    return pid_task(model, options, item)


def _names(results: list[LintResult | LintFailure]) -> list[str]:
    return [r.file for r in results]


def test_order_kept_with_walk_failures_between(tmp_path: Path) -> None:
    model = gedragscode.load_model()
    items: list[Any] = [f"doc{i}" for i in range(10)]
    items.insert(3, LintFailure("weg.txt", "bestand niet gevonden"))
    items.append(LintFailure("ook-weg.txt", "bestand niet gevonden"))
    results = list(batch.lint_each(items, model=model, jobs=2, options={"tag": "x"}, task=pid_task))
    assert _names(results) == [str(i.file if isinstance(i, LintFailure) else i) for i in items]
    assert results[3].message == "bestand niet gevonden"
    workers = {r.message.split(":")[0] for r in results if r.message.endswith(":x")}
    assert str(os.getpid()) not in workers and workers


def test_small_batch_runs_in_this_process() -> None:
    model = gedragscode.load_model()
    items = [f"doc{i}" for i in range(batch.MIN_PARALLEL - 1)]
    results = list(batch.lint_each(items, model=model, jobs=4, task=pid_task))
    assert {r.message for r in results} == {f"{os.getpid()}:"}


def test_a_dying_worker_costs_only_its_document() -> None:
    model = gedragscode.load_model()
    items = [f"doc{i}" for i in range(12)]
    items[5] = "crash.pdf"
    results = list(batch.lint_each(items, model=model, jobs=2, task=crashing_task))
    assert _names(results) == items
    assert results[5].message == batch.CRASHED
    assert all(r.message != batch.CRASHED for i, r in enumerate(results) if i != 5)


def test_default_jobs_is_the_number_of_usable_cores() -> None:
    assert 1 <= batch.default_jobs() <= (os.cpu_count() or 1)
