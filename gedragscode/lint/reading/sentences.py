"""Sentences of a lid: the smallest scope a recogniser matches in.

:func:`split_sentences` cuts a stretch of the text into sentences with exact offsets, without breaking
abbreviations ("art.", "o.a.", "i.v.m."), initials, label numbers ("lid 1.") or numbers ("2.1",
"€ 1.000,00"); a list item is a sentence of its own and its label is not part of it.
"""

from __future__ import annotations

import re

from gedragscode.lint.document import Sentences
from gedragscode.lint.reading.lines import BULLETS, previous_word

__all__ = ["rstrip_offset", "split_sentences"]

_ABBREVIATIONS = frozenset(
    {
        "art", "artt", "nr", "nrs", "no", "o.a", "bijv", "bv", "b.v", "i.v.m", "z.s.m", "d.d", "e.d", "enz",
        "etc", "m.b.t", "t.a.v", "t.o.v", "i.c", "jo", "c.q", "resp", "ca", "mr", "dhr", "mevr", "drs", "dr",
        "ir", "ing", "prof", "blz", "p", "pag", "jl", "vgl", "zgn", "m.u.v", "e.a", "n.v.t", "evt", "incl",
        "excl", "max", "min", "a.s", "e.e.a", "i.o", "stb", "stcrt", "gmb", "prb", "wsb", "sub", "lid", "onderd",
        "al", "afd", "hfd", "par", "tel", "fax", "vs", "mln", "mld", "j.o", "t.b.v", "i.p.v", "m.i.v", "i.s.m",
        "d.w.z", "m.n", "o.b.v", "n.a.v", "v.w.b", "m.a.w", "p.m", "a.u.b", "s.v.p", "vz", "vnl", "gem", "prov",
        "st", "bijl", "ong", "ws", "aug", "sept", "okt", "nov", "dec", "jan", "feb", "mrt", "apr", "jun", "jul",
        "ex",
    }
)  # fmt: skip
_NUMBER_WORDS = frozenset({"lid", "artikel", "art", "onderdeel", "sub", "nr", "nummer", "hoofdstuk", "paragraaf",
                           "§", "bijlage", "punt", "artikelen", "leden"})  # fmt: skip
# only from the start of a run of punctuation, so that a long run of dots cannot make it backtrack
_BOUNDARY = re.compile(r"(?<![.!?;])[.!?;]+[\"”’'»)\]]*(?=\s|$)")
_CHUNK_LABEL = re.compile(
    rf"(?:[{re.escape(BULLETS)}](?=\s|$)\s*)*"
    r"(?:(?:lid|Lid)\s+\d{1,3}[.:]?(?=\s|$)|\(\d{1,3}\)|\(?[a-z]{1,2}[.)]|\([ivx]{1,5}\)|[ivx]{1,5}\.|"
    r"\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=\s+[A-Z]))?(?=\s|$)\s*"
)
_NEW_CHUNK = re.compile(
    rf"^(?:[{re.escape(BULLETS)}](?=\s|$)|\(?[a-z]{{1,2}}[.)](?=\s|$)|\(\d{{1,3}}\)|\d{{1,3}}(?:\.\d{{1,3}})*[.)](?=\s|$)|"
    r"(?:lid|Lid)\s+\d)"
)


def rstrip_offset(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing whitespace, not before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------- sentences


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the '.' at ``dot`` ends an abbreviation, an initial or a label number."""
    k = dot
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in ".§"):
        k -= 1
    token = text[k:dot].lower()
    if not token:
        return False
    if token in _ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isalpha():
        return True
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        return True
    if token.replace(".", "").isdigit():
        word = previous_word(text, k).lower().rstrip(".")
        if word in _NUMBER_WORDS:
            return True
    return False


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into blocks at blank lines and at lines starting a list item."""
    chunks: list[tuple[int, int]] = []
    cs: int | None = None
    ce = start
    prev_end_char = ""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            nl = end
        raw = text[pos:nl]
        stripped = raw.strip()
        if not stripped:
            if cs is not None:
                chunks.append((cs, ce))
                cs = None
        else:
            ls = pos + (len(raw) - len(raw.lstrip()))
            le = ls + len(stripped)
            if cs is not None and (_NEW_CHUNK.match(stripped) or prev_end_char in ":;"):
                chunks.append((cs, ce))
                cs = None
            if cs is None:
                cs = ls
            ce = le
            prev_end_char = stripped[-1]
        pos = nl + 1
    if cs is not None:
        chunks.append((cs, ce))
    return chunks


def split_sentences(text: str, start: int, end: int) -> Sentences:
    """Split ``text[start:end]`` into sentences with exact offsets.

    Splits at blank lines, at lines that start a list item, after ``;`` and after ``.``/``!``/``?``
    followed by a capital, digit or quote; not after abbreviations ("art.", "o.a.", "i.v.m."),
    initials, numbers of a lid or article ("lid 1.") or inside numbers ("2.1", "€ 1.000,00").
    List labels ("a.", "1.", "•") at the start of a block are not part of the sentence.
    """
    out: list[int] = []  # start and end of each sentence
    start = max(0, start)
    end = min(len(text), end)
    for cs, ce in _chunks(text, start, end):
        m = _CHUNK_LABEL.match(text, cs, ce)
        s = m.end() if m else cs
        if s >= ce:
            continue
        sentence_start = s
        for b in _BOUNDARY.finditer(text, s, ce):
            punct_end = b.end()
            chars = text[b.start() : b.end()]
            split = False
            if ";" in chars:
                split = True
            else:
                # next visible character
                k = punct_end
                while k < ce and text[k].isspace():
                    k += 1
                nxt = text[k : k + 1]
                if k >= ce:
                    split = False  # end of chunk is a boundary anyway
                elif (
                    "." in chars
                    and chars.rstrip("\"”’'»)]").endswith(".")
                    and chars.count(".") == 1
                    and _is_abbreviation(text, b.start() + chars.index("."))
                ):
                    split = False
                elif nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'(«€§•[-–":
                    split = True
            if split and punct_end > sentence_start:
                _add_sentence(out, text, sentence_start, punct_end)
                sentence_start = punct_end
        if sentence_start < ce:
            _add_sentence(out, text, sentence_start, ce)
    return Sentences(text, out)


def _add_sentence(out: list[int], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(a)
        out.append(b)
