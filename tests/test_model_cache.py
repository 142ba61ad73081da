"""The on-disk cache of the resolved bundled model: used when intact, ignored (never a traceback)
when missing, corrupt, truncated, stale, foreign or unwritable, and safe under concurrent writers."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from gedragscode import model_cache
from gedragscode.catalogue import bundled_model, bundled_sources
from gedragscode.model import Model


@pytest.fixture(scope="module")
def fresh() -> Model:
    """The bundled model parsed and resolved without any cache."""
    from gedragscode.dsl.parser import parse
    from gedragscode.resolve import resolve_model

    return resolve_model([parse(text, name, trusted=True) for name, text in bundled_sources()])


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(model_cache.CACHE_DIR_ENV, str(directory))
    monkeypatch.delenv(model_cache.NO_CACHE_ENV, raising=False)
    return directory


class Builds:
    """A build function that counts how often the model had to be parsed."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.calls = 0

    def __call__(self) -> Model:
        self.calls += 1
        return self.model


def _only_file(directory: Path) -> Path:
    found = sorted(directory.glob("model-*.pickle"))
    assert len(found) == 1, found
    return found[0]


def _load(fresh: Model) -> tuple[Model, Builds]:
    build = Builds(fresh)
    return model_cache.cached_model(bundled_sources(), build), build


def test_first_process_writes_second_reads(cache: Path, fresh: Model) -> None:
    first, build = _load(fresh)
    assert build.calls == 1 and first is fresh
    path = _only_file(cache)
    assert path == model_cache.cache_path(model_cache.cache_key(bundled_sources()))
    second, build = _load(fresh)
    assert build.calls == 0
    assert second == fresh and second is not fresh
    assert not list(cache.glob(".*.tmp")), "no temporary files left behind"


def test_cached_model_is_the_parsed_model(cache: Path, fresh: Model) -> None:
    """Everything survives the round trip: read-only mappings, enums, amounts, patterns."""
    _load(fresh)
    loaded, _ = _load(fresh)
    assert loaded == fresh
    assert [c.id for c in loaded.clauses] == [c.id for c in fresh.clauses]
    body = loaded.bodies[0]
    assert dict(body.terms) == dict(fresh.bodies[0].terms)
    with pytest.raises(TypeError):
        body.terms["raad"] = "x"  # type: ignore[index]
    gifts = loaded.clause("geschenken")
    assert gifts is not None and gifts == fresh.clause("geschenken")


def test_lint_with_cached_model_equals_lint_with_parsed_model(cache: Path, fresh: Model) -> None:
    from gedragscode import lint

    _load(fresh)
    loaded, build = _load(fresh)
    assert build.calls == 0
    code = Path(__file__).parent / "fixtures" / "lint" / "provincie_staten_2015.txt"
    assert lint(code, model=loaded) == lint(code, model=fresh)


@pytest.mark.parametrize("damage", [
    pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
    pytest.param(lambda data: data[:-1], id="last-byte-missing"),
    pytest.param(lambda data: b"", id="empty"),
    pytest.param(lambda data: data[:200] + bytes(b ^ 0xFF for b in data[200:260]) + data[260:], id="flipped-bytes"),
    pytest.param(lambda data: os.urandom(len(data)), id="garbage"),
    pytest.param(lambda data: data.replace(model_cache.MAGIC, b"X" * len(model_cache.MAGIC)), id="bad-magic"),
])
def test_damaged_cache_is_rebuilt(cache: Path, fresh: Model, damage: Callable[[bytes], bytes]) -> None:
    _load(fresh)
    path = _only_file(cache)
    path.write_bytes(damage(path.read_bytes()))
    model, build = _load(fresh)
    assert build.calls == 1 and model is fresh
    model, build = _load(fresh)
    assert build.calls == 0 and model == fresh, "the damaged file was replaced by a good one"


def test_valid_checksum_but_foreign_pickle_is_refused(cache: Path, fresh: Model) -> None:
    """A file with a correct header whose payload would run code is never unpickled into a call."""
    _load(fresh)
    path = _only_file(cache)
    key = model_cache.cache_key(bundled_sources())
    payload = pickle.dumps(os.system)  # would resolve posix.system / nt.system
    path.write_bytes(model_cache._header(key, payload) + payload)
    assert model_cache.load_cached(path, key) is None
    payload = pickle.dumps({"not": "a model"})
    path.write_bytes(model_cache._header(key, payload) + payload)
    assert model_cache.load_cached(path, key) is None
    model, build = _load(fresh)
    assert build.calls == 1 and model is fresh


def test_stale_cache_of_another_key_is_not_used(cache: Path, fresh: Model) -> None:
    """A cache made for other model files (or renamed into place) is not taken for this model."""
    _load(fresh)
    path = _only_file(cache)
    key = model_cache.cache_key(bundled_sources())
    changed = [(name, text + "\n// lokaal gewijzigd\n") if i == 2 else (name, text)
               for i, (name, text) in enumerate(bundled_sources())]
    other = model_cache.cache_key(changed)
    assert other != key
    assert model_cache.load_cached(path, other) is None
    assert model_cache.load_cached(path, key) == fresh


def test_key_covers_version_model_files_and_type_sources() -> None:
    sources = bundled_sources()
    code = [("model.py", b"class Model: ..."), ("resolve.py", b"def resolve_model(): ...")]
    base = model_cache.cache_key(sources, version="1.0", code_sources=code)
    assert base == model_cache.cache_key(sources, version="1.0", code_sources=code)
    assert base != model_cache.cache_key(sources, version="1.1", code_sources=code)
    assert base != model_cache.cache_key(sources[:-1], version="1.0", code_sources=code)
    renamed = [(name + "x", text) for name, text in sources]
    assert base != model_cache.cache_key(renamed, version="1.0", code_sources=code)
    edited = [code[0], ("resolve.py", b"def resolve_model(): return None")]
    assert base != model_cache.cache_key(sources, version="1.0", code_sources=edited)
    # the real key reads the sources of the modules that define and build the model types
    names = [name for name, _ in model_cache._package_sources()]
    assert {"model.py", "errors.py", "resolve.py", "dsl/parser.py", "grammars/gedragscode.lark"} <= set(names)
    assert {f"{m.split('.')[-1]}.py" for m in model_cache.TYPE_MODULES} <= set(names)


def test_disabled_by_environment(cache: Path, fresh: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(model_cache.NO_CACHE_ENV, "1")
    for _ in range(2):
        model, build = _load(fresh)
        assert build.calls == 1 and model is fresh
    assert not cache.exists()


def test_unwritable_cache_location_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              fresh: Model) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("geen map")
    monkeypatch.setenv(model_cache.CACHE_DIR_ENV, str(blocker / "cache"))
    model, build = _load(fresh)
    assert build.calls == 1 and model is fresh
    assert blocker.read_text() == "geen map"


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_file_of_another_user_is_not_trusted(cache: Path, fresh: Model) -> None:
    _load(fresh)
    path = _only_file(cache)
    os.chown(path, 12345, 12345)
    key = model_cache.cache_key(bundled_sources())
    assert model_cache.load_cached(path, key) is None


def test_model_errors_still_propagate(cache: Path) -> None:
    """The cache hides only its own problems, not a broken model file."""
    from gedragscode.errors import DslSyntaxError

    def broken() -> Model:
        raise DslSyntaxError("onverwacht teken")

    with pytest.raises(DslSyntaxError):
        model_cache.cached_model(bundled_sources(), broken)


def test_old_cache_files_are_pruned(cache: Path, fresh: Model) -> None:
    cache.mkdir(parents=True)
    for i in range(model_cache.KEEP_FILES + 3):
        old = cache / f"model-{i:040d}.pickle"
        old.write_bytes(b"oud")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    _load(fresh)
    left = sorted(cache.glob("model-*.pickle"))
    assert len(left) == model_cache.KEEP_FILES
    assert model_cache.cache_path(model_cache.cache_key(bundled_sources())) in left


def test_concurrent_writers_and_readers(cache: Path, fresh: Model) -> None:
    """Several processes start at once on an empty cache: each gets the right model and the file
    left behind is complete (writes go to a temporary file and are renamed into place)."""
    script = textwrap.dedent("""
        import sys
        from gedragscode import model_cache
        from gedragscode.catalogue import bundled_model
        for _ in range(3):
            bundled_model.cache_clear()
            model = bundled_model()
            assert len(model.clauses) == int(sys.argv[1]), len(model.clauses)
        print("ok")
    """)
    env = {**os.environ, model_cache.CACHE_DIR_ENV: str(cache)}
    procs = [subprocess.Popen([sys.executable, "-c", script, str(len(fresh.clauses))], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert out.strip() == "ok" and "Traceback" not in err
    path = _only_file(cache)
    assert model_cache.load_cached(path, model_cache.cache_key(bundled_sources())) == fresh
    assert not list(cache.glob(".*.tmp"))


def test_bundled_model_uses_the_cache(cache: Path, fresh: Model) -> None:
    bundled_model.cache_clear()
    try:
        assert bundled_model() == fresh
        path = _only_file(cache)
        bundled_model.cache_clear()
        assert bundled_model() == fresh
        assert _only_file(cache) == path
    finally:
        bundled_model.cache_clear()


def test_cache_directory_per_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(model_cache.CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert model_cache.cache_dir() == tmp_path / ".cache" / "gedragscode"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert model_cache.cache_dir() == tmp_path / "xdg" / "gedragscode"
    monkeypatch.setenv("XDG_CACHE_HOME", "relatief/pad")  # the XDG spec says: ignore a relative path
    assert model_cache.cache_dir() == tmp_path / ".cache" / "gedragscode"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert model_cache.cache_dir() == tmp_path / "Library" / "Caches" / "gedragscode"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert model_cache.cache_dir() == tmp_path / "Local" / "gedragscode" / "Cache"
    monkeypatch.setenv(model_cache.CACHE_DIR_ENV, str(tmp_path / "eigen"))
    assert model_cache.cache_dir() == tmp_path / "eigen"
