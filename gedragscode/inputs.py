"""Reading what the user hands over: bounded, regular files only, paths checked.

Every file the tool reads (documents to lint, .gdc files) goes through :func:`read_capped`:
it opens without blocking (a named pipe would otherwise wait forever for a writer), refuses
anything that is not a regular file (the zero device, a pipe, a socket, a folder) and reads at
most ``max_bytes`` (default :data:`gedragscode.limits.MAX_INPUT_BYTES`), also when the size the
file system reports is wrong (``/proc`` files say 0). :func:`read_stream_capped` does the same for
standard input. :func:`path_list` turns the ``paths`` argument of the API into a list of paths.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from gedragscode import errors
from gedragscode.errors import DocumentError, Location
from gedragscode.limits import MAX_INPUT_BYTES, format_size

__all__ = ["NUL_NAME", "os_reason", "path_list", "read_capped", "read_stream_capped", "too_large"]

_CHUNK = 1024 * 1024
#: Why a path with a NUL character cannot be read (the operating system refuses such names).
NUL_NAME = "ongeldige bestandsnaam: de naam bevat een nulteken"


def os_reason(exc: OSError) -> str:
    """A Dutch reason why a file could not be read (:func:`gedragscode.errors.os_reason`, with reading's words)."""
    code = exc.errno
    if code == errno.ENOENT:
        return "bestand niet gevonden"
    if code in (errno.EACCES, errno.EPERM):
        return "geen leesrechten"
    if code == errno.ENXIO:
        return "geen gewoon bestand (een socket of apparaat zonder gegevens); niet gelezen"
    return errors.os_reason(exc)


def too_large(name: str, max_bytes: int, size: int | None = None) -> DocumentError:
    what = f"het bestand is te groot ({format_size(size)})" if size is not None else "het bestand is te groot"
    return DocumentError(f"{what}; de grens is {format_size(max_bytes)} (ruimer met --max-grootte)",
                         Location(file=name))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "dit is een map, geen bestand"
    if stat.S_ISFIFO(mode):
        return "dit is een pipe, geen gewoon bestand; niet gelezen (gebruik - voor standaardinvoer)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "dit is een apparaat, geen gewoon bestand; niet gelezen"
    if stat.S_ISSOCK(mode):
        return "dit is een socket, geen gewoon bestand; niet gelezen"
    return "geen gewoon bestand; niet gelezen"


def read_capped(path: str | os.PathLike[str], *, max_bytes: int | None = None, name: str | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` (default 50 MB).

    Raises :class:`DocumentError` (Dutch, located at ``name`` or the path) when the path is
    missing, unreadable, not a regular file, or larger than the cap.
    """
    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    display = name if name is not None else os.fsdecode(path)
    where = Location(file=display)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise DocumentError(os_reason(exc), where) from None
    except ValueError:  # a NUL character in the name
        raise DocumentError(NUL_NAME, where) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(_kind(info.st_mode), where)
        if info.st_size > limit:
            raise too_large(display, limit, info.st_size)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise too_large(display, limit)
        return b"".join(chunks)
    except OSError as exc:
        raise DocumentError(os_reason(exc), where) from None
    finally:
        os.close(fd)


def read_stream_capped(stream: BinaryIO, *, max_bytes: int | None = None, name: str = "-") -> bytes:
    """At most ``max_bytes`` from ``stream`` (standard input); an endless stream is refused, not read."""
    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise too_large(name, limit)
    return b"".join(chunks)


def path_list(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], what: str = "paths") -> list[Path]:
    """``paths`` as a list: one ``str``/``PathLike`` is one path, an iterable gives several.

    A plain string is never iterated character by character; any other type is a TypeError.
    """
    if isinstance(paths, str | os.PathLike):
        return [Path(paths)]
    if isinstance(paths, bytes | bytearray) or not isinstance(paths, Iterable):
        raise TypeError(f"{what} must be a str, an os.PathLike or an iterable of those, "
                        f"not {type(paths).__name__}")
    out: list[Path] = []
    for p in paths:
        if not isinstance(p, str | os.PathLike):
            raise TypeError(f"{what} must hold str or os.PathLike values, not {type(p).__name__}")
        out.append(Path(p))
    return out
