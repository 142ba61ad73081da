"""Which files ``lint`` reads when it is given files and folders.

A path named by the user is taken as it is (a symbolic link to a file is read; a folder is
walked). Inside a folder the walk:

* reads files with a supported extension (``readers.SUPPORTED_SUFFIXES``), in name order, skipping
  names that start with a dot (``.git``, editor back-ups);
* does **not follow a symbolic link that leads out of the folder** (a link to a system file
  would otherwise be read and quoted in the report); such a link is *skipped* with a message,
  unless ``follow_links`` is true. A link that stays inside the folder is read once;
* skips files that are not regular files (a named pipe, a device, a socket) with a message:
  reading them would block or never end;
* reports a folder or file it may not read as a failure, and goes on with the others.

Items are yielded lazily, one folder at a time, so a huge tree (even ``/``) starts at once.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gedragscode.inputs import NUL_NAME, os_reason, path_list
from gedragscode.lint.result import LintFailure

__all__ = ["Skipped", "walk_documents"]


@dataclass(frozen=True)
class Skipped:
    """A path the walk passed over on purpose, with the Dutch reason (not an error)."""

    file: str
    reason: str


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _not_regular(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "een pipe, geen gewoon bestand; overgeslagen"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaat, geen gewoon bestand; overgeslagen"
    if stat.S_ISSOCK(mode):
        return "een socket, geen gewoon bestand; overgeslagen"
    return "geen gewoon bestand; overgeslagen"


class _Walk:
    def __init__(self, root: Path, follow_links: bool, suffixes: tuple[str, ...]) -> None:
        self.root = root
        self.suffixes = suffixes
        self.real_root = os.path.realpath(root)
        self.follow_links = follow_links
        self.seen_dirs: set[tuple[int, int]] = set()
        self.seen_files: set[tuple[int, int]] = set()

    def run(self) -> Iterator[Path | LintFailure | Skipped]:
        try:
            info = os.stat(self.root)
        except OSError as exc:
            yield LintFailure(str(self.root), os_reason(exc))
            return
        self.seen_dirs.add((info.st_dev, info.st_ino))
        yield from self.folder(self.root)

    def folder(self, folder: Path) -> Iterator[Path | LintFailure | Skipped]:
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            yield LintFailure(str(folder), "map kan niet worden gelezen: " + os_reason(exc))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            yield from self.entry(Path(entry.path), entry)

    def entry(self, path: Path, entry: os.DirEntry[str]) -> Iterator[Path | LintFailure | Skipped]:
        supported = path.suffix.lower() in self.suffixes
        try:
            is_link = entry.is_symlink()
        except OSError:  # pragma: no cover - lstat data comes with the folder listing
            is_link = False
        if is_link:
            target = os.path.realpath(path)
            if not self.follow_links and not _inside(target, self.real_root):
                if supported or os.path.isdir(target):
                    yield Skipped(str(path), "koppeling naar buiten de map; niet gevolgd "
                                             "(gebruik --volg-koppelingen om dat wel te doen)")
                return
        try:
            info = os.stat(path)  # follows a link that may be followed
        except FileNotFoundError:
            if is_link and supported:
                yield Skipped(str(path), "koppeling naar een bestand dat niet bestaat; overgeslagen")
            return  # vanished meanwhile (/proc), or a broken link to something unsupported
        except OSError as exc:
            if supported or is_link:
                yield LintFailure(str(path), os_reason(exc))
            return
        key = (info.st_dev, info.st_ino)
        if stat.S_ISDIR(info.st_mode):
            if is_link and not self.follow_links:
                return  # a link inside the tree to a folder of the tree: walked through its real path
            if key in self.seen_dirs:
                return  # a loop
            self.seen_dirs.add(key)
            yield from self.folder(path)
            return
        if not supported:
            return
        if not stat.S_ISREG(info.st_mode):
            yield Skipped(str(path), _not_regular(info.st_mode))
            return
        if key in self.seen_files:
            return  # the same file through a second name
        self.seen_files.add(key)
        yield path


def walk_documents(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                   follow_links: bool = False) -> Iterator[Path | LintFailure | Skipped]:
    """The documents to lint under ``paths``: paths to read, failures, and skipped entries.

    ``"-"`` is passed through (standard input is the caller's business).
    """
    from gedragscode.lint.readers import SUPPORTED_SUFFIXES

    for path in path_list(paths):
        if str(path) == "-":
            yield path
            continue
        try:
            info = os.stat(path)
        except FileNotFoundError:
            yield LintFailure(str(path), "bestand niet gevonden")
            continue
        except OSError as exc:
            yield LintFailure(str(path), os_reason(exc))
            continue
        except ValueError:  # a NUL character: no file system has such a name
            yield LintFailure(str(path), NUL_NAME)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _Walk(path, follow_links, SUPPORTED_SUFFIXES).run()
        else:
            yield path  # named by the user: read_document says why it cannot be read, if so
