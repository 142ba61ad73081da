"""The bounds that keep hostile or careless input from hanging, exhausting or fooling the tool.

One place for every limit, so the CLI, the library and the web page apply the same ones (see
"Threat model" in ``docs/developer.md``). This module imports nothing of the project.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "MAX_COUNTER",
    "MAX_INPUT_BYTES",
    "MAX_INT_DIGITS",
    "MAX_PATTERN_DEPTH",
    "MAX_REGEX_LENGTH",
    "MAX_REGEX_REPEAT",
    "MAX_TEMPLATE_DEPTH",
    "MAX_TEMPLATE_LENGTH",
    "MAX_TEXT_VALUE",
    "REGEX_TIMEOUT",
    "format_size",
    "parse_size",
    "plain_text_problem",
    "printable",
]

#: Bytes read from one document or DSL file (``--max-grootte``): far above any real code of
#: conduct (the largest in the corpus is well under 5 MB), far below what exhausts memory.
MAX_INPUT_BYTES = 50 * 1024 * 1024

#: Digits in an integer written in a DSL file (Python's own int() limit is 4,300).
MAX_INT_DIGITS = 18

#: Nesting of recogniser patterns (alle/een van/niet/nabij) in the DSL.
MAX_PATTERN_DEPTH = 50

#: Nesting of blocks and expressions in a clause template, and its length in characters.
MAX_TEMPLATE_DEPTH = 30
MAX_TEMPLATE_LENGTH = 20_000

#: A regex recogniser: its length, its largest ``{n}``/``{n,m}`` repeat count, and the seconds
#: one search may take over one unit of a document before it is stopped.
MAX_REGEX_LENGTH = 2_000
MAX_REGEX_REPEAT = 1_000
REGEX_TIMEOUT = 1.0

#: Characters in one text value a user gives (--naam, a term, a text parameter, a citation title).
MAX_TEXT_VALUE = 2_000

#: A list counter in a document (``<ol start>``, ``<li value>``, DOCX ``w:start``) larger than
#: this is shown in digits: roman numerals and letters grow with the value.
MAX_COUNTER = 3999

_UNITS = {"": 1024 * 1024, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3,
          "gb": 1024**3}
_SIZE = re.compile(r"^\s*(\d{1,12})\s*([a-z]{0,2})\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``"50"`` (MB), ``"50MB"``, ``"500 kB"``, ``"2G"``, ``"1000b"`` as a number of bytes.

    Raises ValueError (Dutch message) for anything else, and for zero.
    """
    m = _SIZE.match(text)
    unit = m.group(2).lower() if m else ""
    if m is None or unit not in _UNITS:
        raise ValueError(f"'{text}' is geen grootte; schrijf bijvoorbeeld 50MB, 500KB of 2GB")
    value = int(m.group(1)) * _UNITS[unit]
    if value <= 0:
        raise ValueError("de grootte moet groter dan 0 zijn")
    return value


def format_size(size: int) -> str:
    """A byte count for people: "50 MB", "512 kB", "300 bytes"."""
    if size >= 1024**2:
        value = size / 1024**2
        return f"{value:.0f} MB" if value >= 10 or value.is_integer() else f"{value:.1f} MB".replace(".", ",")
    if size >= 1024:
        return f"{size // 1024} kB"
    return f"{size} bytes"


# ---------------------------------------------------------------- text that reaches people

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` safe to print on one line: control, bidi and undecodable characters as escapes.

    A file name can hold a newline (forging a report line), terminal escapes, bidi overrides
    (making a name read differently) or bytes that are not UTF-8 (surrogate escapes from the
    file system): each becomes a visible ``\\n``, ``\\x1b``, ``\\u202e`` or ``\\xff``. With
    ``keep_newlines`` line breaks stay (for multi-line messages).
    """
    if text.isprintable() and not any(ch in _BIDI_CONTROLS for ch in text):
        return text
    if keep_newlines:
        return "\n".join(printable(line) for line in text.split("\n"))
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch == " " or (ch.isprintable() and ch not in _BIDI_CONTROLS):
            out.append(ch)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def plain_text_problem(value: str, *, multiline: bool = False) -> str | None:
    """Why ``value`` cannot go into a rendered code as it is, or None when it can.

    Refused: bytes that were not UTF-8 (surrogate escapes from a command line in another
    encoding), bidi control characters (they make text read differently from what it says:
    "Trojan Source"), other control characters (a line break only where ``multiline``) and
    unassigned or private-use code points, and values over :data:`MAX_TEXT_VALUE` characters.
    """
    if len(value) > MAX_TEXT_VALUE:
        return f"is langer dan {MAX_TEXT_VALUE} tekens"
    for ch in value:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return "bevat bytes die geen UTF-8 zijn; gebruik UTF-8-tekst"
        if ch in _BIDI_CONTROLS:
            return f"bevat een onzichtbaar teken voor de tekstrichting (U+{code:04X}); haal het weg"
        if multiline and ch == "\n":
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cn", "Co"):
            return f"bevat een stuurteken of ongeldig teken (U+{code:04X}); haal het weg"
    return None
