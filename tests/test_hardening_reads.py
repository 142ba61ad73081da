"""Issue 13, reads: bounded, regular files only, folders walked without leaving them, Dutch errors.

Where the operating system decides (devices, pipes, permissions as another user) the real command
runs in a subprocess; the rest goes through click's CliRunner and the library.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

import gedragscode
from gedragscode.errors import DocumentError
from gedragscode.inputs import path_list, read_capped, read_stream_capped
from gedragscode.limits import MAX_INPUT_BYTES, parse_size
from gedragscode.lint.walk import Skipped, walk_documents

CODE = Path(__file__).parent / "fixtures" / "documents" / "code_artikelen.txt"


def run(*args: str, timeout: float = 120, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gedragscode", *args], capture_output=True, text=True,
                          timeout=timeout, **kwargs)  # type: ignore[call-overload,no-any-return]


# ---------------------------------------------------------------- the cap


def test_default_cap_is_50_mb() -> None:
    assert MAX_INPUT_BYTES == 50 * 1024 * 1024
    assert gedragscode.MAX_INPUT_BYTES == MAX_INPUT_BYTES


@pytest.mark.parametrize(("text", "size"), [("50", 50 * 2**20), ("50MB", 50 * 2**20), ("500 kB", 500 * 1024),
                                            ("2G", 2 * 2**30), ("1000b", 1000)])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "-5", "vijftig", "5 TB", "1e9"])
def test_parse_size_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_file_over_the_cap_is_refused_in_the_library(tmp_path: Path) -> None:
    big = tmp_path / "groot.txt"
    big.write_bytes(CODE.read_bytes() * 20)
    with pytest.raises(DocumentError, match="te groot"):
        gedragscode.lint(big, max_bytes=1024)
    assert gedragscode.lint(big).clauses  # the default cap is far above


def test_max_grootte_on_the_command_line(tmp_path: Path) -> None:
    big = tmp_path / "groot.txt"
    big.write_bytes(CODE.read_bytes() * 20)
    result = CliRunner().invoke(cli, ["lint", "--max-grootte", "1KB", str(big)])
    assert result.exit_code == 2
    assert "te groot" in result.output and "1 kB" in result.output and "--max-grootte" in result.output
    result = CliRunner().invoke(cli, ["lint", "--max-grootte", "veel", str(big)])
    assert result.exit_code == 2 and "geen grootte" in result.output


def test_endless_stdin_is_refused_after_the_cap() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    with pytest.raises(DocumentError, match="te groot"):
        read_stream_capped(io.BufferedReader(Endless()), max_bytes=3 * 1024 * 1024)


def test_endless_stdin_through_the_command() -> None:
    # the zero device as standard input: endless; the command stops at the cap
    with open("/dev/zero", "rb") as zero:
        done = run("lint", "--max-grootte", "2MB", "-", stdin=zero, timeout=120)
    assert done.returncode == 2
    assert "te groot" in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------- not regular files


def test_zero_device_is_skipped_with_a_message() -> None:
    with pytest.raises(DocumentError, match="apparaat"):
        read_capped("/dev/zero")
    done = run("lint", "/dev/zero", timeout=60)
    assert done.returncode == 2
    assert "apparaat" in done.stderr and "Traceback" not in done.stderr


def test_named_pipe_is_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "code.txt"
    os.mkfifo(fifo)
    done = run("lint", str(fifo), timeout=60)
    assert done.returncode == 2 and "pipe" in done.stderr
    # in a folder the pipe is passed over with a message; the other document is linted
    shutil.copy(CODE, tmp_path / "echt.txt")
    done = run("lint", "--format", "json", str(tmp_path), timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert "code.txt: een pipe" in done.stderr and "echt.txt" in done.stdout


def test_folder_is_not_a_gdc_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="map"):
        read_capped(tmp_path)


# ---------------------------------------------------------------- walking folders


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.txt").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    codes = tmp_path / "codes"
    codes.mkdir()
    shutil.copy(CODE, codes / "a.txt")
    (codes / "sub").mkdir()
    shutil.copy(CODE, codes / "sub" / "b.txt")
    (codes / "naar-buiten.txt").symlink_to(outside / "geheim.txt")
    (codes / "map-buiten").symlink_to(outside)
    (codes / "binnen.txt").symlink_to(codes / "sub" / "b.txt")
    (codes / "lus").symlink_to(codes)
    return codes, outside


def test_walk_does_not_follow_links_out_of_the_folder(tmp_path: Path) -> None:
    codes, _ = _tree(tmp_path)
    items = list(walk_documents(codes))
    read = [p.relative_to(codes).as_posix() for p in items if isinstance(p, Path)]
    skipped = sorted(Path(s.file).name for s in items if isinstance(s, Skipped))
    assert read == ["a.txt", "binnen.txt"], "inside links are read once, the real file not twice"
    assert skipped == ["map-buiten", "naar-buiten.txt"]
    assert all("buiten de map" in s.reason for s in items if isinstance(s, Skipped))


def test_walk_follows_links_when_asked_without_looping(tmp_path: Path) -> None:
    codes, _ = _tree(tmp_path)
    read = [p for p in walk_documents(codes, follow_links=True) if isinstance(p, Path)]
    names = [p.name for p in read]
    assert "geheim.txt" in names and names.count("geheim.txt") == 1
    assert len(read) == len({os.path.realpath(p) for p in read})


def test_lint_folder_never_prints_a_file_outside_it(tmp_path: Path) -> None:
    codes, _ = _tree(tmp_path)
    result = CliRunner().invoke(cli, ["lint", str(codes)])
    assert result.exit_code in (0, 1), result.output
    assert "root:x:0" not in result.output
    assert "naar-buiten.txt: koppeling naar buiten de map" in result.output
    followed = CliRunner().invoke(cli, ["lint", "--volg-koppelingen", "--format", "json", str(codes)])
    assert "geheim.txt" in followed.output


def test_a_file_named_on_the_command_line_may_be_a_link(tmp_path: Path) -> None:
    codes, _ = _tree(tmp_path)
    link = tmp_path / "koppeling.txt"
    link.symlink_to(codes / "a.txt")
    assert list(walk_documents(link)) == [link]


def test_walk_is_lazy_on_the_file_system_root() -> None:
    # linting / must start at once and never raise; take the first few items only
    items = walk_documents("/")
    first = [next(items) for _ in range(3)]
    assert all(isinstance(i, Path | Skipped | gedragscode.LintFailure) for i in first)


def test_walk_of_proc_raises_nothing() -> None:
    if not os.path.isdir("/proc/self"):
        pytest.skip("no /proc")
    # /proc is full of vanishing entries, links and unreadable files
    for item in walk_documents("/proc/self"):
        assert isinstance(item, Path | Skipped | gedragscode.LintFailure)


# ---------------------------------------------------------------- unreadable paths as another user


@pytest.fixture
def world_dir() -> Iterator[Path]:
    """A temporary folder every user may enter (pytest's tmp_path is private to root)."""
    where = Path(tempfile.mkdtemp(prefix="gedragscode-"))
    where.chmod(0o755)
    yield where
    for dirpath, dirnames, _ in os.walk(where):
        for d in dirnames:
            os.chmod(os.path.join(dirpath, d), 0o755)
    shutil.rmtree(where, ignore_errors=True)


def _drop() -> None:
    nobody = 65534
    os.setgid(nobody)
    os.setgroups([])
    os.setuid(nobody)


def _as_unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0:
        return run(*args)
    return subprocess.run([sys.executable, "-m", "gedragscode", *args], capture_output=True, text=True,
                          timeout=120, preexec_fn=_drop, env={**os.environ, "HOME": "/tmp"})


def _as_unprivileged_probe() -> str:
    """Why the tool cannot run as an unprivileged user here ("" when it can)."""
    try:
        done = _as_unprivileged("--version")
    except OSError as exc:
        return str(exc)
    return "" if done.returncode == 0 else done.stderr[-200:]


def test_unreadable_paths_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same failures, simulated: as root nothing is unreadable, and this always runs."""
    codes = tmp_path / "codes"
    codes.mkdir()
    shutil.copy(CODE, codes / "goed.txt")
    shutil.copy(CODE, codes / "geheim.txt")
    (codes / "op-slot").mkdir()
    (tmp_path / "dicht").mkdir()
    (codes / "dicht.txt").symlink_to(tmp_path / "dicht" / "code.txt")
    denied = {str(codes / "geheim.txt"), str(codes / "op-slot"), str(codes / "dicht.txt"),
              str(tmp_path / "dicht" / "code.txt")}
    real_open, real_scandir, real_stat = os.open, os.scandir, os.stat

    def guard(path: object) -> None:
        if os.fspath(path) in denied:  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[call-overload]

    def fake_open(path: object, *args: object, **kwargs: object) -> int:
        guard(path)
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type,no-any-return]

    def fake_scandir(path: object = ".") -> object:
        guard(path)
        return real_scandir(path)  # type: ignore[call-overload]

    def fake_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if os.fspath(path) == str(codes / "dicht.txt"):  # type: ignore[call-overload]
            guard(path)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(os, "stat", fake_stat)
    for args in (["lint", str(codes)], ["lint", "--volg-koppelingen", str(codes)],
                 ["lint", str(codes / "geheim.txt")], ["check", str(codes / "geheim.txt")]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        assert isinstance(result.exception, SystemExit), result.exception
        assert "leesrechten" in result.output, result.output
    result = CliRunner().invoke(cli, ["lint", str(codes)])
    assert "op-slot: fout: map kan niet worden gelezen: geen leesrechten" in result.output
    assert "geheim.txt: fout: geen leesrechten" in result.output


def test_unreadable_file_folder_and_link_give_dutch_errors(world_dir: Path) -> None:
    probe = _as_unprivileged_probe()
    if probe:
        pytest.skip(f"this Python cannot run as an unprivileged user here: {probe}")
    codes = world_dir / "codes"
    codes.mkdir()
    shutil.copy(CODE, codes / "goed.txt")
    (codes / "goed.txt").chmod(0o644)
    secret = world_dir / "dicht"
    secret.mkdir()
    shutil.copy(CODE, secret / "code.txt")
    secret.chmod(0o700)
    (codes / "dicht.txt").symlink_to(secret / "code.txt")  # inside the tree? no: but followed when asked
    locked = codes / "op-slot"
    locked.mkdir()
    locked.chmod(0o000)
    unreadable = codes / "geheim.txt"
    shutil.copy(CODE, unreadable)
    unreadable.chmod(0o000)
    codes.chmod(0o755)
    for args in (["lint", str(codes)], ["lint", "--volg-koppelingen", str(codes)], ["lint", str(unreadable)],
                 ["lint", str(secret / "code.txt")], ["check", str(secret / "code.gdc")]):
        done = _as_unprivileged(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr, done.stderr
        assert "leesrechten" in done.stderr or "bestaat niet" in done.stderr, done.stderr


# ---------------------------------------------------------------- path arguments


def test_plain_string_is_one_path(tmp_path: Path) -> None:
    shutil.copy(CODE, tmp_path / "code.txt")
    results = gedragscode.lint_paths(str(tmp_path / "code.txt"))
    assert len(results) == 1 and isinstance(results[0], gedragscode.LintResult)
    assert len(gedragscode.lint_paths(tmp_path)) == 1


def test_other_types_are_a_clear_type_error() -> None:
    for call in (gedragscode.lint_paths, gedragscode.check, gedragscode.load_model):
        with pytest.raises(TypeError, match=r"str, an os\.PathLike"):
            call(42)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"str, an os\.PathLike"):
            call(b"code.txt")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gedragscode.lint(3.14)  # type: ignore[arg-type]
    assert path_list("abc") == [Path("abc")]
    assert path_list(["a", Path("b")]) == [Path("a"), Path("b")]


def test_check_and_load_model_take_a_plain_string() -> None:
    models = Path(gedragscode.__file__).parent.parent / "models"
    if not models.is_dir():
        pytest.skip("source checkout only")
    assert gedragscode.load_model(str(models)).clauses
    assert gedragscode.check(str(models / "00_handreiking.gdc")) is not None


def test_file_name_over_255_bytes(tmp_path: Path) -> None:
    name = str(tmp_path / ("a" * 300 + ".txt"))
    for args in (["lint", name], ["check", name], ["render", name], ["fmt", name]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert "te lang" in result.output or "bestaat niet" in result.output
