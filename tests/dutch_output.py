"""English that must never reach a user of the Dutch command-line tool.

The markers are click's own message texts (read from click's source, so a new click version
with new messages is covered) and the English of raw operating-system errors and tracebacks.
``tests/conftest.py`` checks the output of every ``CliRunner.invoke`` in the suite against them;
``tests/test_cli_dutch.py`` also walks every command's ``--help`` and error paths.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import click

# Not from click's messages: English that the operating system or Python would print.
OS_ENGLISH = (
    "Traceback (most recent call last)",
    "[Errno",
    "No such file or directory",
    "Permission denied",
    "Read-only file system",
    "Is a directory",
    "Not a directory",
    "File exists",
    "No space left on device",
    "File name too long",
    "[required]",
    "[default: ",
    "Error:",
    "Usage:",
    "integer range",
    "is not a valid",
    "Stream has ended unexpectedly",
    "PdfStreamError",
    "PdfReadError",
    "BadZipFile",
    "UnicodeDecodeError",
    "codec can't decode",
)

_PLACEHOLDER = re.compile(r"\{[^}]*\}|%\([^)]*\)s")
_MSGID = re.compile(r"""\b_\(\s*"((?:[^"\\]|\\.)*)"\s*\)""")


@functools.cache
def click_messages() -> tuple[str, ...]:
    """Every single-line message id that click passes to gettext, in click's installed source."""
    ids: set[str] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for m in _MSGID.finditer(path.read_text(encoding="utf-8")):
            ids.add(m.group(1).encode().decode("unicode_escape"))
    return tuple(sorted(ids))


@functools.cache
def english_markers() -> tuple[str, ...]:
    """Fragments of click's English messages long enough not to occur in Dutch text by chance."""
    fragments: set[str] = set(OS_ENGLISH)
    for message in click_messages():
        for part in _PLACEHOLDER.split(message):
            part = part.strip(" .!?:'\"()\n\t")
            if len(part) >= 10 and " " in part:
                fragments.add(part)
    return tuple(sorted(fragments))


def english_in(output: str) -> list[str]:
    """The English markers found in ``output`` (empty when it is all Dutch)."""
    return [marker for marker in english_markers() if marker in output]
