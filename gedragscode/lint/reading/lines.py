"""Stage 1 of reading: the text cut into lines with exact offsets.

Every non-blank line of the text becomes a :class:`Line` with its offsets and its *core*: the text
without leading bullets. A very long line, as in PDF-to-text transcripts where a whole code is on one
line, is cut further at heading markers ("Artikel 2 Titel", "1.2 Onder ...", "Gelet op", "Inleiding")
that are not references ("zie artikel 2"); such pieces are flagged ``runon``.

Linear in the size of the text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

__all__ = ["BULLETS", "Line", "previous_word", "split_lines"]

BULLETS = "•·▪◦‣■□➢►○●❖✓➤-–—*"
_LEAD_BULLETS = re.compile(rf"^(?:[{re.escape(BULLETS)}](?=\s|$)\s*)+")
_RUNON_MIN = 300

_REF_WORDS = frozenset(
    {
        "in", "van", "op", "bij", "met", "zie", "als", "onder", "volgens", "krachtens", "ingevolge", "conform",
        "overeenkomstig", "bedoeld", "genoemd", "en", "of", "tot", "t/m", "dan", "artikel", "artikelen", "art.",
        "art", "lid", "leden", "om", "vanaf", "per", "nr", "nr.", "nummer", "versie", "punt", "paragraaf",
        "hoofdstuk", "tussen", "na", "voor", "door", "sub", "onderdeel", "de", "het", "een", "dit", "deze",
        "tot-en-met", "jo", "jo.", "juncto",
    }
)  # fmt: skip
_RUNON_MARKERS = re.compile(
    r"(?<=\s)(?:"
    r"(?P<art>(?:Artikel|ARTIKEL|Art\.)\s*\d{1,3}[a-z]?(?:\.\d{1,3})*\.?(?=\s+[A-Z(]|\s*$))|"
    r"(?P<num>\d{1,2}\.\d{1,2}\.?(?=\s+[A-Z]))|"
    r"(?P<chap>(?:Hoofdstuk|HOOFDSTUK|Paragraaf|§)\s*\d{1,3}\.?(?=\s+[A-Z]))|"
    r"(?P<kw>(?:Inleiding|INLEIDING|Preambule|Voorwoord|Toelichting|Algemene\s+toelichting|"
    r"Artikelsgewijze\s+toelichting|Inhoudsopgave)(?=\s+[A-Z]))|"
    r"(?P<aanhef>(?:Gelet\s+op|Gezien|Gelezen|Gehoord|Overwegende|Besluiten|Besluit)\b)"
    r")"
)


@dataclass
class Line:
    """One non-blank line (or run-on piece): ``text`` is stripped, ``core`` is ``text`` without bullets."""

    start: int
    end: int
    text: str
    core_start: int
    core: str
    runon: bool = False


def _make_line(text: str, start: int, end: int, runon: bool = False) -> Line | None:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return None
    lead = len(raw) - len(raw.lstrip())
    s = start + lead
    e = s + len(stripped)
    m = _LEAD_BULLETS.match(stripped)
    core_off = m.end() if m else 0
    return Line(s, e, stripped, s + core_off, stripped[core_off:], runon)


def previous_word(text: str, pos: int) -> str:
    """The whitespace-delimited word that ends before ``pos`` (skipping spaces)."""
    j = pos
    while j > 0 and text[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:j]


def _runon_cuts(text: str, start: int, end: int) -> list[tuple[int, bool]]:
    """Offsets inside a long line where a new piece starts; flag = split after a keyword too."""
    cuts: list[tuple[int, bool]] = []
    segment = text[start:end]
    for m in _RUNON_MARKERS.finditer(segment):
        pos = start + m.start()
        prev = previous_word(text, pos)
        ends_punct = prev[-1:] in ".:;)!?" if prev else True
        bare = prev.strip("(),;:").lower()
        if m.group("art") or m.group("num") or m.group("chap"):
            if not ends_punct and (bare in _REF_WORDS or prev.endswith(",")):
                continue
            if m.group("num") and not ends_punct and bare.isdigit():
                continue
            cuts.append((pos, False))
        elif m.group("kw"):
            cuts.append((pos, True))
            cuts.append((pos + len(m.group("kw")), False))
        elif m.group("aanhef"):
            after_punctuation = not prev or prev[-1:] in ",;:."
            if not after_punctuation and not m.group("aanhef").startswith("Besluit"):
                continue
            cuts.append((pos, False))
    return cuts


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` in order, long run-on lines cut at heading markers."""
    lines: list[Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        if nl - pos > _RUNON_MIN:
            cuts = sorted({c for c, _ in _runon_cuts(text, pos, nl)} | {pos, nl})
            for a, b in itertools.pairwise(cuts):
                line = _make_line(text, a, b, runon=True)
                if line is not None:
                    lines.append(line)
        else:
            line = _make_line(text, pos, nl)
            if line is not None:
                lines.append(line)
        pos = nl + 1
    return lines

