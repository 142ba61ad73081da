"""Writing output files: atomically, never overwriting by accident, never replacing a device.

The rules (see the threat model in ``docs/developer.md``):

* a new path is created atomically (a temporary file in the same folder, then a hard link,
  so a file that appears meanwhile is not overwritten);
* an existing **regular file** is replaced atomically, and only with ``force``; it keeps its
  permission bits (and, where allowed, its owner);
* a **symbolic link** is followed: the file it points to is written by these same rules and the
  link itself stays a link; a link to nothing is refused;
* a **character device** (``/dev/null``, a terminal) or a **named pipe** is written into in place,
  with ``force``: it is never replaced by a regular file; a pipe that nobody reads is refused;
* anything else (a folder, a block device, a socket) is refused.

While the temporary file exists, SIGINT, SIGTERM and SIGHUP are held back (``pthread_sigmask``)
so that a stop request never leaves a half-written target or a stray ``.tmp`` file: the signal
takes effect right after the write has finished or been rolled back.

**Streamed output.** ``data`` may also be an iterable of pieces (``lint -o`` passes the report
document by document, so a batch report is never held in memory as a whole). The pieces go to the
temporary file as they come, and the target is linked or replaced only after the last one, by the
same rules; a target that appears meanwhile is still not overwritten. A stream can take as long as
the batch it reports on, so stop signals are held back only while the temporary file is created and
while it is finished and put in place (``fsync``, rename): a stop request in between is not
delayed, and unwinds (``KeyboardInterrupt``; the command-line tool turns SIGTERM and SIGHUP into
``SystemExit``) through the clean-up, which removes the temporary file and leaves the target as it
was. A device or pipe receives each piece as it comes.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeAlias

from gedragscode.errors import GedragscodeError, Location, OutputExistsError, os_reason

__all__ = ["OutputData", "write_output"]

OutputData: TypeAlias = str | bytes | Iterable[str] | Iterable[bytes]
"""What :func:`write_output` writes: text or bytes, whole or as an iterable of pieces."""

_DEFERRED_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})


def _umask() -> int:
    # os.umask is process-wide: read it under a lock so parallel writers see the same value.
    with _UMASK_LOCK:
        mask = os.umask(0)
        os.umask(mask)
    return mask


_UMASK_LOCK = threading.Lock()


def _exists_error(path: Path) -> OutputExistsError:
    return OutputExistsError(
        f"Het bestand {path} bestaat al; gebruik --force om het te overschrijven.",
        Location(file=str(path)),
    )


def _error(path: Path, message: str) -> GedragscodeError:
    return GedragscodeError(message, Location(file=str(path)))


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold back stop signals for the duration of the block (where the platform allows it)."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED_SIGNALS)
    except (AttributeError, OSError, ValueError):  # pragma: no cover - platforms without sigmask
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _error(path, f"Kan {path} niet schrijven: {_reason(exc)}.") from None


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "geen schrijfrechten"
    return os_reason(exc)


def _write_in_place(path: Path, pieces: Iterable[bytes], what: str) -> None:
    """Write into a character device or a named pipe without replacing it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise _error(path, f"{path} is een pipe waar niemand uit leest; niets geschreven.") from None
        raise _error(path, f"Kan {path} niet schrijven: {_reason(exc)}.") from None
    try:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        for piece in pieces:
            view = memoryview(piece)
            while view:
                written = os.write(fd, view)
                view = view[written:]
    except OSError as exc:
        raise _error(path, f"Kan niet naar {what} {path} schrijven: {_reason(exc)}.") from None
    finally:
        os.close(fd)


def _write_atomic(path: Path, pieces: Iterable[bytes], *, replace: os.stat_result | None) -> None:
    """Write a new file at ``path``, or replace the regular file whose stat is ``replace``.

    Stop signals are held back while the temporary file is created and while it is finished and put
    in place; the caller holds them back around the whole write when it is not a stream.
    """
    parent = path.parent
    with _signals_deferred():
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name[:200]}.", suffix=".tmp", dir=parent)
        except OSError as exc:
            raise _error(path, f"Kan niet schrijven in de map {parent}: {_reason(exc)}.") from None
    tmp = Path(tmp_name)
    handle = os.fdopen(fd, "wb")
    try:
        for piece in pieces:  # a stream: not held back; a stop request unwinds through the finally
            try:
                handle.write(piece)
                handle.flush()  # each piece on disk as it comes (one system call per piece)
            except OSError as exc:  # an error of the source itself propagates as it is
                raise _error(path, f"Kan {path} niet schrijven: {_reason(exc)}.") from None
        with _signals_deferred():
            try:
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
                _put_in_place(path, tmp, replace)
            except OSError as exc:
                raise _error(path, f"Kan {path} niet schrijven: {_reason(exc)}.") from None
    finally:
        with _signals_deferred():
            with contextlib.suppress(OSError):
                handle.close()
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


def _put_in_place(path: Path, tmp: Path, replace: os.stat_result | None) -> None:
    """Rename the finished temporary file over ``path`` (``replace``), or link it to the new ``path``."""
    if replace is not None:
        os.chmod(tmp, stat.S_IMODE(replace.st_mode))
        with contextlib.suppress(OSError):
            os.chown(tmp, replace.st_uid, replace.st_gid)
        os.replace(tmp, path)
        return
    os.chmod(tmp, 0o666 & ~_umask())
    # link() fails if the target appeared meanwhile: no race with another writer.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise _exists_error(path) from None
    except OSError:
        # File systems without hard links: check, then rename.
        if os.path.lexists(path):
            raise _exists_error(path) from None
        os.replace(tmp, path)


def _encoded(data: OutputData) -> Iterator[bytes]:
    if isinstance(data, str):
        yield data.encode("utf-8")
    elif isinstance(data, bytes | bytearray | memoryview):
        yield bytes(data)
    else:
        for piece in data:
            yield piece.encode("utf-8") if isinstance(piece, str) else bytes(piece)


def write_output(path: Path | str, data: OutputData, *, force: bool = False) -> None:
    """Write ``data`` to ``path``: atomically for files, in place for devices and pipes.

    Text is written as UTF-8 with ``\\n`` line endings. Without ``force`` nothing that exists
    is written to (:class:`OutputExistsError`). A regular file is replaced in one step (a
    temporary file in the same folder is renamed over it; on any error the temporary file is
    removed and the old file is left as it was). A symbolic link is followed and stays a link.
    A character device or named pipe is written into, never replaced; a folder, block device
    or socket is refused (:class:`GedragscodeError`).

    ``data`` may be an iterable of pieces (str or bytes): they are written as they come, and are
    not asked for before the target has passed the checks above; an error raised by the iterable
    (or a stop request) leaves the target as it was.
    """
    path = Path(path)
    streamed = not isinstance(data, str | bytes | bytearray | memoryview)
    pieces = _encoded(data)
    st = _lstat(path)
    target = path
    if st is not None and stat.S_ISLNK(st.st_mode):
        if not force:
            raise _exists_error(path)
        try:
            target = Path(os.path.realpath(path, strict=True))
            st = os.stat(target)
        except OSError as exc:
            if isinstance(exc, FileNotFoundError):
                raise _error(path, f"{path} is een koppeling naar een pad dat niet bestaat; "
                                   "niets geschreven.") from None
            raise _error(path, f"Kan {path} niet schrijven: {_reason(exc)}.") from None
    if st is None:
        if not path.parent.is_dir():
            raise _error(path, f"De map {path.parent} bestaat niet; maak die eerst aan.")
        with contextlib.nullcontext() if streamed else _signals_deferred():
            _write_atomic(path, pieces, replace=None)
        return
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise _error(path, f"{path} is een map; geef een bestandsnaam op.")
    if not force:
        raise _exists_error(path)
    if stat.S_ISREG(mode):
        with contextlib.nullcontext() if streamed else _signals_deferred():
            _write_atomic(target, pieces, replace=st)
    elif stat.S_ISCHR(mode):
        _write_in_place(target, pieces, "het apparaat")
    elif stat.S_ISFIFO(mode):
        _write_in_place(target, pieces, "de pipe")
    else:
        kind = "een blokapparaat" if stat.S_ISBLK(mode) else "een socket" if stat.S_ISSOCK(mode) else "geen bestand"
        raise _error(path, f"{path} is {kind}; daar wordt niet in geschreven. Kies een gewoon bestand.")
