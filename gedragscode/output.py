"""Writing output files: atomically, and never overwriting by accident."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from gedragscode.errors import GedragscodeError, Location, OutputExistsError, os_reason

__all__ = ["write_output"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _exists_error(path: Path) -> OutputExistsError:
    return OutputExistsError(
        f"Het bestand {path} bestaat al; gebruik --force om het te overschrijven.",
        Location(file=str(path)),
    )


def write_output(path: Path, data: str | bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically.

    Text is written as UTF-8 with ``\\n`` line endings. The data goes to a temporary file
    in the same directory, which then replaces ``path`` in one step; on any error the
    temporary file is removed and an existing ``path`` is left as it was. Without
    ``force`` an existing file is never overwritten (:class:`OutputExistsError`).
    """
    path = Path(path)
    where = Location(file=str(path))
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    parent = path.parent
    if not parent.is_dir():
        raise GedragscodeError(f"De map {parent} bestaat niet; maak die eerst aan.", where)
    if path.is_dir():
        raise GedragscodeError(f"{path} is een map; geef een bestandsnaam op.", where)
    if path.exists() and not force:
        raise _exists_error(path)

    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise GedragscodeError(f"Kan niet schrijven in de map {parent}: {os_reason(exc)}.", where) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        if force:
            os.replace(tmp, path)
        else:
            # link() fails if the target appeared meanwhile: no race with another writer.
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise _exists_error(path) from None
            except OSError:
                # File systems without hard links: check, then replace.
                if path.exists():
                    raise _exists_error(path) from None
                os.replace(tmp, path)
    except OSError as exc:
        raise GedragscodeError(f"Kan {path} niet schrijven: {os_reason(exc)}.", where) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
