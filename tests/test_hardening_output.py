"""Issue 13, damage: output never replaces a device, pipe or link, and a stop leaves no .tmp file.

These run the real command in a subprocess (``python -m gedragscode``) where the behaviour
depends on the operating system: device nodes, named pipes, symbolic links and signals.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

from gedragscode.errors import GedragscodeError, OutputExistsError
from gedragscode.output import write_output

RENDER = ["render", "--body", "gemeente", "--office", "raadslid", "--naam", "Proefstad", "--jaar", "2026"]


def run(*args: str, timeout: float = 120, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gedragscode", *args], capture_output=True, text=True,
                          timeout=timeout, **kwargs)  # type: ignore[call-overload,no-any-return]


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# ---------------------------------------------------------------- devices


def make_null(node: Path) -> Path:
    """A private null device (major 1, minor 3), so a regression cannot hurt the machine's /dev/null."""
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot create a device node here ({exc}); needs root")
    return node


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    return make_null(tmp_path / "null")


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_render_force_to_a_null_device_keeps_the_device(null_device: Path, fmt: str) -> None:
    done = run(*RENDER, "--format", fmt, "-o", str(null_device), "--force")
    assert done.returncode == 0, done.stderr
    mode = os.lstat(null_device).st_mode
    assert stat.S_ISCHR(mode), "the null device became a regular file"
    assert os.stat(null_device).st_rdev == os.makedev(1, 3)
    assert leftovers(null_device.parent) == []


def test_lint_output_and_summary_to_a_null_device(null_device: Path, tmp_path: Path) -> None:
    code = tmp_path / "code.md"
    assert run(*RENDER, "-o", str(code)).returncode == 0
    overview = make_null(tmp_path / "overzicht.html")
    done = run("lint", str(code), "-o", str(null_device), "--summary", str(overview), "--force")
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(os.lstat(null_device).st_mode) and stat.S_ISCHR(os.lstat(overview).st_mode)
    assert leftovers(tmp_path) == []


def test_fmt_write_never_replaces_a_device(null_device: Path) -> None:
    # fmt reads the file it rewrites: a device is not a DSL file; refused, the device stays.
    done = run("fmt", "--write", str(null_device))
    assert done.returncode == 2
    assert "geen gewoon bestand" in done.stderr
    assert stat.S_ISCHR(os.lstat(null_device).st_mode)


def test_a_device_needs_force_like_any_existing_path(null_device: Path) -> None:
    done = run(*RENDER, "-o", str(null_device))
    assert done.returncode == 2 and "--force" in done.stderr
    assert stat.S_ISCHR(os.lstat(null_device).st_mode)


# ---------------------------------------------------------------- named pipes


def test_render_force_into_a_named_pipe_writes_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    done = run(*RENDER, "-o", str(fifo), "--force")
    thread.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith(b"# Gedragscode integriteit")
    assert leftovers(tmp_path) == []


def test_a_named_pipe_nobody_reads_is_refused_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    done = run(*RENDER, "-o", str(fifo), "--force", timeout=60)
    assert done.returncode == 2
    assert "niemand" in done.stderr and "Traceback" not in done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


# ---------------------------------------------------------------- symbolic links


def test_force_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "echt.md"
    real.write_text("oud\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "koppeling.md"
    link.symlink_to(real)
    done = run(*RENDER, "-o", str(link), "--force")
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("# Gedragscode integriteit")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640, "the replaced file keeps its permissions"
    assert leftovers(tmp_path) == []


def test_symlink_without_force_is_left_alone(tmp_path: Path) -> None:
    real = tmp_path / "echt.md"
    real.write_text("oud\n", encoding="utf-8")
    link = tmp_path / "koppeling.md"
    link.symlink_to(real)
    result = CliRunner().invoke(cli, [*RENDER, "-o", str(link)])
    assert result.exit_code == 2 and "--force" in result.output
    assert real.read_text(encoding="utf-8") == "oud\n" and link.is_symlink()


def test_dangling_symlink_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "koppeling.md"
    link.symlink_to(tmp_path / "nergens" / "code.md")
    with pytest.raises(OutputExistsError):
        write_output(link, "x")
    with pytest.raises(GedragscodeError, match="niet bestaat"):
        write_output(link, "x", force=True)
    assert link.is_symlink() and not (tmp_path / "nergens").exists()


def test_symlink_to_a_device_writes_in_place(null_device: Path, tmp_path: Path) -> None:
    link = tmp_path / "naar-null"
    link.symlink_to(null_device)
    write_output(link, "tekst", force=True)
    assert link.is_symlink() and stat.S_ISCHR(os.lstat(null_device).st_mode)


def test_socket_is_refused(tmp_path: Path) -> None:
    import socket

    where = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(where))
        with pytest.raises(GedragscodeError, match="socket"):
            write_output(where, "x", force=True)
    assert stat.S_ISSOCK(os.lstat(where).st_mode)


def test_file_name_over_255_bytes_is_a_dutch_error(tmp_path: Path) -> None:
    long_name = tmp_path / ("a" * 300 + ".md")
    result = CliRunner().invoke(cli, [*RENDER, "-o", str(long_name)])
    assert result.exit_code == 2
    assert "te lang" in result.output and "Traceback" not in result.output
    with pytest.raises(GedragscodeError, match="te lang"):
        write_output(long_name, "x", force=True)


# ---------------------------------------------------------------- SIGTERM during a write

_SLOW_WRITER = """
import os, sys, time
from collections.abc import Iterator
from pathlib import Path
marker = Path(sys.argv[1])
real_fsync = os.fsync
def slow_fsync(fd):
    marker.write_text("bezig")
    time.sleep(3)
    real_fsync(fd)
os.fsync = slow_fsync
sys.argv = ["gedragscode", *sys.argv[2:]]
from gedragscode.cli.main import main
main()
"""


@pytest.mark.parametrize("existing", [False, True])
def test_sigterm_during_a_write_leaves_no_temp_file(tmp_path: Path, existing: bool) -> None:
    target = tmp_path / "code.docx"
    if existing:
        target.write_bytes(b"oude inhoud")
    marker = tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(marker), *RENDER, "--format", "docx",
                             "-o", str(target), "--force"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the writer never started"
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (128 + signal.SIGTERM, -signal.SIGTERM), err
    assert b"Traceback" not in err
    assert leftovers(tmp_path) == []
    # the stop took effect after the write: the target is whole (the new DOCX), never half
    assert target.read_bytes()[:2] == b"PK"


# ---------------------------------------------------------------- streamed output (lint -o)


def test_streamed_output_is_written_as_it_comes_and_appears_whole(tmp_path: Path) -> None:
    target = tmp_path / "rapport.jsonl"
    piece = "x" * 50_000 + "\n"
    seen: list[tuple[bool, int]] = []

    def pieces() -> Iterator[str]:
        for _ in range(3):
            yield piece
            (tmp,) = leftovers(tmp_path)  # the pieces so far are in the temporary file, the target waits
            seen.append((target.exists(), (tmp_path / tmp).stat().st_size))

    write_output(target, pieces())
    assert seen == [(False, len(piece)), (False, 2 * len(piece)), (False, 3 * len(piece))]
    assert target.read_text(encoding="utf-8") == piece * 3
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("existing", [False, True])
def test_a_stream_that_fails_leaves_the_target_as_it_was(tmp_path: Path, existing: bool) -> None:
    target = tmp_path / "rapport.txt"
    if existing:
        target.write_text("oud rapport", encoding="utf-8")

    def pieces() -> Iterator[str]:
        yield "eerste document\n"
        raise GedragscodeError("het tweede document ging mis")

    with pytest.raises(GedragscodeError, match="tweede document"):
        write_output(target, pieces(), force=True)
    assert leftovers(tmp_path) == []
    assert (target.read_text(encoding="utf-8") if target.exists() else None) == ("oud rapport" if existing else None)


def test_a_stream_is_not_started_for_a_target_that_may_not_be_written(tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    target.write_text("oud rapport", encoding="utf-8")
    started: list[int] = []

    def pieces() -> Iterator[str]:
        started.append(1)
        yield "nieuw"

    with pytest.raises(OutputExistsError):
        write_output(target, pieces())
    assert started == [] and target.read_text(encoding="utf-8") == "oud rapport"


def test_a_stream_into_a_named_pipe_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while True:  # until the reader has opened the pipe (the writer refuses a pipe nobody reads)
        try:
            write_output(fifo, iter(["een\n", b"twee\n"]), force=True)
            break
        except GedragscodeError as exc:
            if "niemand" not in exc.message or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    reader.join(60)
    assert received == [b"een\ntwee\n"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


_SLOW_LINT = """
import sys, time
from collections.abc import Iterator
from pathlib import Path
marker = Path(sys.argv[1])
import importlib
engine = importlib.import_module("gedragscode.lint.engine")
real = engine.lint
calls = []
def slow(*args, **kwargs):
    calls.append(1)
    if len(calls) == 2:
        marker.write_text("bezig")
        time.sleep(100)
    return real(*args, **kwargs)
engine.lint = slow
sys.argv = ["gedragscode", *sys.argv[2:]]
from gedragscode.cli.main import main
main()
"""


@pytest.mark.parametrize("existing", [False, True])
def test_sigterm_during_a_streamed_lint_report_leaves_no_temp_file(tmp_path: Path, existing: bool) -> None:
    """``lint -o`` writes each document's report as it is checked; a stop in the middle of the batch
    removes the temporary file and leaves the target as it was."""
    folder = tmp_path / "codes"
    folder.mkdir()
    fixtures = Path(__file__).parent / "fixtures" / "lint"
    for name in ("bes_eilandsraad_2020.txt", "provincie_staten_2015.txt", "bes_bestuurscollege_2019.txt"):
        (folder / name).write_bytes((fixtures / name).read_bytes())
    out = tmp_path / "uit"
    out.mkdir()
    target = out / "rapport.jsonl"
    if existing:
        target.write_text("oud rapport\n", encoding="utf-8")
    marker = tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_LINT, str(marker), "lint", "--jobs", "1", "-o", str(target),
                             "--force", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the second document was never reached"
        time.sleep(0.05)
    (tmp,) = leftovers(out)  # streamed: the first document's report is already in the temporary file
    assert "bes_bestuurscollege_2019.txt" in (out / tmp).read_text(encoding="utf-8")  # first in name order
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (128 + signal.SIGTERM, -signal.SIGTERM), err
    assert b"Traceback" not in err
    assert leftovers(out) == []
    assert (target.read_text(encoding="utf-8") if target.exists() else None) == ("oud rapport\n" if existing else None)
