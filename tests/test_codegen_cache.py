"""The on-disk cache of the code that dataclasses generate for the project's classes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gedragscode import codegen_cache

FIXTURE = Path(__file__).parent / "fixtures" / "lint" / "provincie_staten_2015.txt"

# Counts the generated method sources compiled for gedragscode classes (and others) while linting.
PROBE = """
import json, sys
counts = {"ours": 0, "others": 0}
def hook(event, args):
    source = args[0] if event == "compile" else None
    if isinstance(source, (str, bytes)) and source[:17] in ("def __create_fn__", b"def __create_fn__"):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_name != "_process_class":
            frame = frame.f_back
        cls = frame.f_locals.get("cls") if frame is not None else None
        counts["ours" if getattr(cls, "__module__", "").startswith("gedragscode") else "others"] += 1
sys.addaudithook(hook)
from gedragscode import startup
startup.enable()  # as the command-line tool does
from gedragscode.lint.engine import lint
from gedragscode.lint.reports.json_report import dumps
from gedragscode import codegen_cache
import dataclasses

@dataclasses.dataclass(frozen=True)
class Elsewhere:  # a class of another module: built by dataclasses as always
    a: int
    b: str = "x"

e = Elsewhere(1)
assert e == Elsewhere(1, "x") and hash(e) == hash(Elsewhere(1)) and repr(e) == "Elsewhere(a=1, b='x')"
try:
    e.a = 2
    raise SystemExit("frozen class could be changed")
except dataclasses.FrozenInstanceError:
    pass
result = lint(sys.argv[1])
print(json.dumps({**counts, "report": dumps([result], single=True), "loaded": codegen_cache._state["loaded"]}))
"""


def _run(cache: Path, *, off: bool = False) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k not in ("GEDRAGSCODE_NO_CACHE", "PYTHONDONTWRITEBYTECODE")}
    env["GEDRAGSCODE_CACHE_DIR"] = str(cache)
    if off:
        env["GEDRAGSCODE_NO_CACHE"] = "1"
    done = subprocess.run([sys.executable, "-c", PROBE, str(FIXTURE)], capture_output=True, text=True, env=env,
                          check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_second_process_compiles_no_generated_code_and_lints_the_same(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _run(cache)
    assert len(list(cache.glob("codegen-*.marshal"))) == 1
    second = _run(cache)
    off = _run(tmp_path / "other", off=True)
    assert isinstance(first["ours"], int) and first["ours"] > 100   # the model, document and matcher types
    assert second["ours"] == 0 and isinstance(second["loaded"], int) and second["loaded"] >= 100
    assert isinstance(second["others"], int) and second["others"] >= 1  # other modules' classes: compiled as always
    assert second["report"] == first["report"] == off["report"]
    assert not list(cache.glob(".codegen-*"))


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_a_damaged_file_is_ignored(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    reference = _run(cache)
    path = next(cache.glob("codegen-*.marshal"))
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    else:
        path.write_bytes(codegen_cache.MAGIC + b"\0" * 40)
    damaged = _run(cache)
    assert damaged["loaded"] == 0 and damaged["report"] == reference["report"]
    assert isinstance(damaged["ours"], int) and damaged["ours"] > 100
    assert _run(cache)["ours"] == 0  # written anew


def test_no_cache_leaves_dataclasses_alone(tmp_path: Path) -> None:
    run = _run(tmp_path / "cache", off=True)
    assert run["loaded"] == 0 and isinstance(run["ours"], int) and run["ours"] > 100
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").glob("codegen-*"))


def test_importing_the_library_leaves_dataclasses_alone(tmp_path: Path) -> None:
    """Only the command-line process (startup.enable) hooks into dataclasses; importing the library does not."""
    env = {k: v for k, v in os.environ.items() if k != "GEDRAGSCODE_NO_CACHE"}
    env["GEDRAGSCODE_CACHE_DIR"] = str(tmp_path / "cache")
    probe = ("import builtins, dataclasses, gedragscode, gedragscode.lint.engine; "
             "print(getattr(dataclasses, 'exec', builtins.exec) is builtins.exec); "
             "from gedragscode import startup; startup.enable(); "
             "print(getattr(dataclasses, 'exec', builtins.exec) is builtins.exec)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split() == ["True", "False"]
