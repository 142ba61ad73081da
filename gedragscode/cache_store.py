"""The file format of the command-line process's start-up caches: a table of blobs, decoded on demand.

:mod:`gedragscode.regex_cache` and :mod:`gedragscode.codegen_cache` keep what a previous process
compiled (``re``'s generated code, ``dataclasses``' generated methods) for the next one. A process
uses only part of what the file holds (a text lint needs neither the model parser's patterns nor the
web page's classes), so the file is a table ``key -> bytes``: opening it decodes the keys and
leaves each value a ``bytes`` object until that entry is asked for (:func:`marshal.loads` of one
entry). Loading the whole table eagerly cost more than compiling what was needed.

The file is ``MAGIC``, the CRC-32 of the payload (4 bytes, big-endian) and the payload, the table
written with :mod:`marshal`. It is read only when owned by this user (as ``__pycache__`` is
trusted); a file that is truncated, damaged or not a table of the expected kinds reads as empty, and
every entry is checked again when it is decoded. The checksum finds damage, not tampering: a file
another user could replace is never read, and what an entry decodes to is checked by its user.
Files are written atomically (:func:`gedragscode.model_cache.write_atomically`).
"""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path
from typing import Any

__all__ = ["read_table", "write_table"]


def read_table(path: Path, magic: bytes) -> dict[Any, bytes]:
    """The table in ``path`` (keys as stored, values still encoded), or ``{}`` when it cannot be used."""
    try:
        if hasattr(os, "getuid") and path.stat().st_uid != os.getuid():
            return {}  # planted by another user: not ours to trust
        data = path.read_bytes()
    except OSError:
        return {}
    start = len(magic) + 4
    if len(data) <= start or not data.startswith(magic):
        return {}
    payload = memoryview(data)[start:]
    if zlib.crc32(payload) != int.from_bytes(data[len(magic):start], "big"):
        return {}  # truncated or damaged
    try:
        table = marshal.loads(payload)
    except Exception:
        return {}
    if not isinstance(table, dict):
        return {}
    return {key: value for key, value in table.items() if isinstance(value, bytes)}


def write_table(path: Path, magic: bytes, table: dict[Any, bytes]) -> bool:
    """Write ``table`` to ``path`` atomically; False (and nothing left behind) when that fails."""
    from gedragscode.model_cache import write_atomically

    try:
        payload = marshal.dumps(table)
    except Exception:
        return False
    return write_atomically(path, magic + zlib.crc32(payload).to_bytes(4, "big") + payload)
