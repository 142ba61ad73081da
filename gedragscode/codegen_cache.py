"""The methods that :mod:`dataclasses` generates for the project's classes, cached on disk like ``.pyc`` files.

``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and, for frozen
classes, ``__setattr__``/``__delattr__`` as text and compiles it with ``exec`` each time a module is
imported. The lint path defines some sixty dataclasses (the model's types, the document structure,
the matcher's nodes, the results): parsing and compiling that generated source was about a quarter
of the instructions of a one-file lint, more than the lint of the document itself.

:func:`install` gives the :mod:`dataclasses` module an ``exec`` of its own that, for classes of the
``gedragscode`` package only, compiles each generated source text once and keeps the code object,
and :func:`save_new` writes the code objects to the user cache directory (beside the model cache)
with :mod:`marshal`, as Python does for ``.pyc`` files; the next process executes them without
compiling. The file is a table from source text to encoded code (:mod:`gedragscode.cache_store`):
a process decodes only the code of the classes it defines (a lint does not define the model
parser's or the web page's classes), when it first needs it. The text is the key, so the result is
the same as compiling it: a class whose fields change generates another text, which is compiled
and added. Classes of other packages are not touched (their ``exec`` is the built-in one).

Like the other caches, nothing here can make a lint fail or differ: the file name holds Python's
bytecode magic number and version, the file is checksummed and only read when owned by this user
(as ``__pycache__`` is trusted), anything unexpected is ignored and the text is compiled as usual.
``GEDRAGSCODE_NO_CACHE=1`` switches it off.
"""

from __future__ import annotations

import builtins
import marshal
import sys
import types
import zlib
from pathlib import Path
from typing import Any

__all__ = ["cache_file", "install", "save_new"]

FORMAT = 2
MAGIC = b"GEDRAGSCODE-CODEGEN-CACHE-2\n"
MAX_ENTRIES = 4096
PACKAGE = "gedragscode"

_memo: dict[str, types.CodeType] = {}
_stored: dict[str, bytes] = {}  # source text -> marshalled code, decoded when first used
_state: dict[str, Any] = {"installed": False, "new": 0, "loaded": 0}


def _ours(namespace: object) -> bool:
    if not isinstance(namespace, dict):
        return False
    name = namespace.get("__name__")
    return isinstance(name, str) and (name == PACKAGE or name.startswith(PACKAGE + "."))


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """``exec`` for the dataclasses module: the same, with compiled code kept for the project's classes."""
    if isinstance(source, str) and _ours(globals):
        code = _memo.get(source)
        if code is None:
            code = _stored_code(source)
        if code is None:
            # exec(str) in dataclasses compiles with that module's (no) future flags: so does this
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if len(_memo) < MAX_ENTRIES:
                _memo[source] = code
                _state["new"] += 1
        builtins.exec(code, globals, locals)
        return
    builtins.exec(source, globals, locals)


def _stored_code(source: str) -> types.CodeType | None:
    """The cached code of ``source`` (decoded now, kept for the process), or None."""
    blob = _stored.get(source)
    if blob is None:
        return None
    try:
        code = marshal.loads(blob)
    except Exception:
        code = None
    if not isinstance(code, types.CodeType):
        del _stored[source]
        return None
    _memo[source] = code
    return code


def cache_file() -> Path | None:
    """The cache file for this Python, or None when caching is off."""
    from importlib.util import MAGIC_NUMBER

    from gedragscode.model_cache import cache_dir, cache_enabled

    if not cache_enabled():
        return None
    ident = f"{FORMAT}\0{sys.version}\0{sys.implementation.name}\0{MAGIC_NUMBER.hex()}"
    return cache_dir() / f"codegen-{zlib.crc32(ident.encode('utf-8')):08x}-{len(ident)}.marshal"


def install() -> bool:
    """Read the cache file and give :mod:`dataclasses` the caching ``exec`` (once per process)."""
    if _state["installed"]:
        return True
    import dataclasses

    path = cache_file()
    if path is None:
        return False
    if getattr(dataclasses, "exec", builtins.exec) is not builtins.exec:
        return False  # someone else's exec is there: leave it alone
    from gedragscode.cache_store import read_table

    for source, blob in read_table(path, MAGIC).items():
        if isinstance(source, str) and len(_stored) < MAX_ENTRIES:
            _stored[source] = blob
    _state["loaded"] = len(_stored)
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    _state["installed"] = True
    return True


def save_new() -> bool:
    """Write the cache file when code was compiled in this process that it does not hold yet."""
    if not _state["installed"] or not _state["new"]:
        return False
    _state["new"] = 0
    path = cache_file()
    if path is None:
        return False
    from gedragscode.cache_store import write_table

    table = dict(_stored)
    for source, code in _memo.items():
        if source not in table and len(table) < MAX_ENTRIES:
            try:
                table[source] = marshal.dumps(code)
            except ValueError:  # pragma: no cover - compile() gives marshallable code
                continue
    _stored.update(table)
    return write_table(path, MAGIC, table)
