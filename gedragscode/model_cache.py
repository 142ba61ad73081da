"""A disk cache of the resolved bundled model, so a process does not parse and resolve it again.

Parsing and resolving ``models/*.gdc`` costs far more than the rest of a one-file lint; loading the
resolved :class:`~gedragscode.model.Model` from a pickle costs a few milliseconds. The cache lives
in the user's cache directory (:func:`cache_dir`: ``$XDG_CACHE_HOME/gedragscode`` or
``~/.cache/gedragscode`` on Linux and other Unixes, ``~/Library/Caches/gedragscode`` on macOS,
``%LOCALAPPDATA%\\gedragscode\\Cache`` on Windows: where ``platformdirs`` would put it).

One file per key, ``model-<key>.pickle``. The key (:func:`cache_key`) is a 64-bit checksum (CRC-32
and Adler-32, with the total length) over

* the cache format and the package version,
* the name and bytes of every bundled model file,
* the source of the modules that define the model types (:data:`TYPE_MODULES`) and of those that
  turn model files into a model (parser, syntax tree, resolver, templating, grammar), so a
  developer who changes the resolver without bumping the version does not get a stale model.

The checksums only have to notice a change (an edited model file, another version), not resist a
forger, and unlike SHA-256 they need no OpenSSL (``hashlib``'s import alone cost a one-file lint
more than checking all these bytes).

Nothing here may make a lint fail. A cache that is missing, truncated, corrupt, stale, written by
another version, owned by another user or unreadable is ignored and the model is parsed again (and
the cache rewritten when possible); a cache directory that cannot be written is ignored. Every file
starts with a header holding the key and the CRC-32 of the payload, checked before unpickling, and
the unpickler only builds the model's own types (:data:`TYPE_MODULES`, ``decimal.Decimal``), never
an arbitrary callable. Files are written to a temporary name in the same directory and moved into
place with :func:`os.replace`, so a reader sees either no file or a complete one, also while other
processes (``lint --jobs``) write the same file.

``GEDRAGSCODE_NO_CACHE=1`` disables the cache; ``GEDRAGSCODE_CACHE_DIR`` puts it elsewhere.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import types
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:  # the C unpickler itself: loading a model then needs no pickle.py (a one-file lint's start-up)
    from _pickle import Unpickler as _Unpickler
    from _pickle import UnpicklingError
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from pickle import Unpickler as _Unpickler
    from pickle import UnpicklingError

if TYPE_CHECKING:
    from gedragscode.model import Model

__all__ = [
    "CACHE_DIR_ENV",
    "NO_CACHE_ENV",
    "TYPE_MODULES",
    "cache_dir",
    "cache_enabled",
    "cache_key",
    "cache_path",
    "cached_model",
    "dumps_model",
    "load_cached",
    "loads_model",
    "store",
]

NO_CACHE_ENV = "GEDRAGSCODE_NO_CACHE"
CACHE_DIR_ENV = "GEDRAGSCODE_CACHE_DIR"

FORMAT = b"2"
MAGIC = b"GEDRAGSCODE-MODEL-CACHE\n"
KEEP_FILES = 4

TYPE_MODULES: tuple[str, ...] = ("gedragscode.model", "gedragscode.errors")
"""The modules whose classes a cached model is made of; the unpickler builds nothing else
(besides ``decimal.Decimal`` and read-only mappings)."""

SOURCE_FILES: tuple[str, ...] = (
    "model.py", "errors.py", "resolve.py", "templating.py", "catalogue.py", "model_cache.py",
    "dsl/__init__.py", "dsl/parser.py", "dsl/syntax.py",
)
"""Sources (relative to the package) that define the model types or turn model files into a model."""

_OFF = {"1", "true", "yes", "ja", "aan", "on"}


def _frozen_mapping(items: dict[Any, Any]) -> types.MappingProxyType[Any, Any]:
    """Rebuild a read-only mapping (``MappingProxyType`` itself cannot be pickled)."""
    return types.MappingProxyType(items)


def cache_enabled() -> bool:
    """False when ``GEDRAGSCODE_NO_CACHE`` is set to 1/true/yes/ja."""
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() not in _OFF


def cache_dir() -> Path:
    """``GEDRAGSCODE_CACHE_DIR``, else the platform's user cache directory for gedragscode.

    The same places ``platformdirs.user_cache_dir("gedragscode")`` gives, worked out by hand: the
    library costs a one-file lint more start-up time (its import) than loading the cached model.
    """
    configured = os.environ.get(CACHE_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA", "").strip()
        base = Path(local) if local else Path.home() / "AppData" / "Local"
        return base / "gedragscode" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "gedragscode"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "gedragscode"


def _package_sources() -> Iterable[tuple[str, bytes]]:
    from gedragscode.catalogue import package_files

    root = package_files("gedragscode")
    for name in SOURCE_FILES:
        yield name, root.joinpath(*name.split("/")).read_bytes()
    grammars = package_files("gedragscode.grammars")
    for name in sorted(e.name for e in grammars.iterdir() if e.name.endswith(".lark")):
        yield f"grammars/{name}", grammars.joinpath(name).read_bytes()


def cache_key(model_sources: Sequence[tuple[str, str]], *, version: str | None = None,
              code_sources: Iterable[tuple[str, bytes]] | None = None) -> str:
    """The checksum (hex) that names the cache file for these model files and this package."""
    if version is None:
        from gedragscode import __version__

        version = __version__
    crc, adler, total = 0, 1, 0

    def add(label: str, data: bytes) -> None:
        nonlocal crc, adler, total
        head = label.encode("utf-8") + b"\0" + str(len(data)).encode("ascii") + b"\0"
        crc = zlib.crc32(data, zlib.crc32(head, crc))
        adler = zlib.adler32(data, zlib.adler32(head, adler))
        total += len(head) + len(data)

    add("format", FORMAT)
    add("version", version.encode("utf-8"))
    add("python", (sys.implementation.cache_tag or sys.version).encode("utf-8"))
    for name, text in model_sources:
        add(f"model:{name}", text.encode("utf-8"))
    for name, data in code_sources if code_sources is not None else _package_sources():
        add(f"code:{name}", data)
    return f"{crc:08x}{adler:08x}{total:x}"


def cache_path(key: str, directory: Path | None = None) -> Path:
    return (directory if directory is not None else cache_dir()) / f"model-{key[:40]}.pickle"


class _ModelUnpickler(_Unpickler):
    """Builds only the model's own types: a cache file can never run other code."""

    def find_class(self, module: str, name: str) -> Any:
        if module in TYPE_MODULES and not name.startswith("_"):
            value = getattr(sys.modules.get(module) or __import__(module, fromlist=[name]), name, None)
            if isinstance(value, type):
                return value
        if (module, name) == ("decimal", "Decimal"):
            from decimal import Decimal

            return Decimal
        if (module, name) == (__name__, "_frozen_mapping"):
            return _frozen_mapping
        raise UnpicklingError(f"{module}.{name} hoort niet in een modelcache")


def dumps_model(model: Model) -> bytes:
    """The model as pickle bytes (what the cache and the ``lint --jobs`` workers receive)."""
    buffer = io.BytesIO()
    import pickle

    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {types.MappingProxyType: lambda m: (_frozen_mapping, (dict(m),))}
    pickler.dump(model)
    return buffer.getvalue()


def loads_model(payload: bytes) -> Model:
    """A model from :func:`dumps_model` bytes, built with the restricted unpickler."""
    from gedragscode.model import Model

    model = _ModelUnpickler(io.BytesIO(payload)).load()
    if not isinstance(model, Model):
        raise UnpicklingError("geen model")
    return model


def _header(key: str, payload: bytes) -> bytes:
    return MAGIC + key.encode("ascii") + b"\n" + zlib.crc32(payload).to_bytes(4, "big")


def load_cached(path: Path, key: str) -> Model | None:
    """The model in ``path`` if it is complete, intact and made for ``key``; else None."""
    try:
        if hasattr(os, "getuid"):
            stat = path.stat()
            if stat.st_uid != os.getuid():
                return None  # planted by another user: not ours to trust
        data = path.read_bytes()
    except OSError:
        return None
    header = _header(key, b"")
    start = len(header)
    if len(data) <= start or not data.startswith(header[:-4]):
        return None
    payload = data[start:]
    if zlib.crc32(payload).to_bytes(4, "big") != data[start - 4: start]:
        return None  # truncated or corrupt
    try:
        return loads_model(payload)
    except Exception:  # an unpickling problem of any kind means: parse again
        return None


def write_atomically(path: Path, data: bytes) -> bool:
    """Write a cache file atomically (temporary file renamed into place, directory private).

    False, and nothing left behind, when anything fails: a cache never makes a run fail. Shared by
    the model cache and the command-line process's start-up caches.
    """
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except Exception:
        return False
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except Exception:
        return False
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return True


def store(model: Model, path: Path, key: str) -> bool:
    """Write ``model`` to ``path`` atomically; False (and nothing left behind) when that fails."""
    try:
        payload = dumps_model(model)
        loads_model(payload)  # never write a file that this module would refuse to read
    except Exception:
        return False
    if not write_atomically(path, _header(key, payload) + payload):
        return False
    _prune(path)
    return True


def _prune(keep: Path) -> None:
    """Remove all but the newest :data:`KEEP_FILES` cache files (other versions, old models)."""
    with contextlib.suppress(OSError):
        entries = []
        for entry in keep.parent.glob("model-*.pickle"):
            with contextlib.suppress(OSError):
                entries.append((entry.stat().st_mtime, entry))
        entries.sort(reverse=True)
        for _, old in entries[KEEP_FILES:]:
            if old != keep:
                with contextlib.suppress(OSError):
                    old.unlink()


def cached_model(model_sources: Sequence[tuple[str, str]], build: Callable[[], Model]) -> Model:
    """The model for ``model_sources`` from the cache, or ``build()`` it and cache the result.

    Errors in the model files propagate from ``build`` as always; cache problems never do.
    """
    if not cache_enabled():
        return build()
    try:
        key = cache_key(model_sources)
        path = cache_path(key)
    except Exception:
        return build()
    model = load_cached(path, key)
    if model is not None:
        return model
    model = build()
    store(model, path, key)
    return model
