"""Stage 1 of reading: the text cut into lines with exact offsets.

Every non-blank line of the text becomes a :class:`Line` with its offsets and its *core*: the text
without leading bullets. A very long line, as in PDF-to-text transcripts where a whole code is on one
line, is cut further at heading markers ("Artikel 2 Titel", "1.2 Onder ...", "Gelet op", "Inleiding")
that are not references ("zie artikel 2"); such pieces are flagged ``runon``.

A code whose sections open with a *run-in heading* (a bold lead phrase ending in a full stop,
"Geschenken. Een lid neemt geen ...", lost as bold in a PDF's text) has each lead phrase cut off as a line
of its own whose core is the phrase without the stop, so the later stages see an ordinary heading. This
is decided for the whole document: at least :data:`RUN_IN_MIN` paragraphs must open with such a phrase,
since one "Dat mag. ..." is a sentence, not a structure.

Linear in the size of the text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

__all__ = ["BULLETS", "RUN_IN_MIN", "Line", "previous_word", "split_lines"]

BULLETS = "•·▪◦‣■□➢►○●❖✓➤-–—*"
_LEAD_BULLETS = re.compile(rf"^(?:[{re.escape(BULLETS)}](?=\s|$)\s*)+")
_RUNON_MIN = 300
RUN_IN_MIN = 4
# "Geschenken. Een lid ...", "Werk voor het waterschap na vertrek. Een ...": a short capitalised phrase, a stop,
# then a capitalised sentence.
_RUN_IN = re.compile(r"^(?P<lead>[A-ZÀ-Ý(][\w'’()\-]*(?:[ ,][\w'’()\-]+){0,6})\.[ \t]+(?=[A-ZÀ-Ý\"“‘'(])")
# Words that make a lead phrase a sentence ("Het mag.", "Zie hierboven.", "Hij weigert."): verbs and
# pronouns anywhere, answers and demonstratives as its first word ("Ja.", "Dat klopt.").
_RUN_IN_NOT = frozenset(
    {
        "is", "zijn", "was", "waren", "staan", "ligt", "liggen", "blijft", "blijven", "mag", "mogen", "moet",
        "moeten", "wordt", "worden", "werd", "heeft", "hebben",
        "had", "kan", "kunnen", "geldt", "gelden", "zal", "zullen", "doet", "doen", "gaat", "gaan", "staat", "zie",
        "er", "we", "wij", "je", "jij", "ik", "u", "hij", "zij", "ze", "men", "niet", "geen", "wel", "nb",
    }
)  # fmt: skip
_RUN_IN_NOT_FIRST = frozenset(
    {
        "dat", "dit", "die", "deze", "het", "ja", "nee", "ook", "let", "noot", "bron", "pagina", "blz", "nr", "zo",
        "in", "op", "bij", "met", "als", "om", "uit", "tot", "aan", "wie", "wat", "waar", "wanneer", "hoe", "daarom",
        "dan", "daarna", "toen", "nu", "soms", "altijd", "nooit",
    }
)  # fmt: skip

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
    r"(?P<art>(?:Artikel|ARTIKEL|Art\.)\s*(?:[A-Z]{1,4}[.\-]?(?=\d))?\d{1,3}[a-z]?(?:\.\d{1,3})*\.?(?=\s+[A-Z(]|\s*$))|"
    r"(?P<num>\d{1,2}\.\d{1,2}\.?(?=\s+[A-Z]))|"
    r"(?P<chap>(?:Hoofdstuk|HOOFDSTUK|Paragraaf|§)\s*\d{1,3}\.?(?=\s+[A-Z]))|"
    r"(?P<kw>(?:Inleiding|INLEIDING|Preambule|Voorwoord|Toelichting|Algemene\s+toelichting|"
    r"Artikelsgewijze\s+toelichting|Inhoudsopgave)(?=\s+[A-Z]))|"
    r"(?P<aanhef>(?:Gelet\s+op|Gezien|Gelezen|Gehoord|Overwegende|Besluiten|Besluit)\b)"
    r")"
)


@dataclass(slots=True)
class Line:
    """One non-blank line (or run-on piece): ``text`` is stripped, ``core`` is ``text`` without bullets."""

    start: int
    end: int
    text: str
    core_start: int
    core: str
    runon: bool = False
    article_row: bool = False  # the heading of a row of a table of articles ("2 Nevenfuncties"), see below


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


def _run_in(line: Line) -> int | None:
    """The length of the run-in heading that opens ``line`` (up to and with its stop), if it has one."""
    if line.core_start != line.start:
        return None
    m = _RUN_IN.match(line.text)
    if m is None:
        return None
    if not _lead_ok(m.group("lead")):
        return None
    return len(m.group("lead")) + 1


# Once a document has run-in headings, one can also follow the last sentence of the section before on the
# same line (a PDF whose paragraphs were not set apart): "... van de registers. Nevenfuncties. Een lid ...".
# Only a short phrase of capitalised or plain words counts there, never one that opens with an article.
_RUN_IN_INSIDE = re.compile(
    r"(?<=[a-zà-ÿ0-9)”’'%]\.)[ \t]+(?P<lead>(?!(?:De|Het|Een|Dit|Deze|Die|Dat)\b)[A-ZÀ-Ý][\w’'\-]*"
    r"(?: [\w’'\-]+){0,3})\.[ \t]+(?=[A-ZÀ-Ý])"
)


_PAIR = re.compile(r"^[\w’'\-]+ (?:en|of) [\w’'\-]+$")  # "Agressie en intimidatie"


def _lead_ok(lead: str) -> bool:
    words = [w.strip("(),'’").lower() for w in lead.replace(",", " ").split()]
    return (bool(words) and len(lead) >= 4 and words[0] not in _RUN_IN_NOT_FIRST
            and not any(w in _RUN_IN_NOT or w.isdigit() for w in words))


def _split_inside(line: Line, known: set[str]) -> list[Line]:
    """``line`` cut before and after every run-in heading inside it (see :data:`_RUN_IN_INSIDE`)."""
    out: list[Line] = []
    pos = 0
    for m in _RUN_IN_INSIDE.finditer(line.text):
        lead = m.group("lead")
        if not _lead_ok(lead) or (lead not in known and len(lead.split()) > 2 and not _PAIR.match(lead)):
            continue
        a, b = m.start("lead"), m.end("lead") + 1
        before = line.text[pos:a].rstrip()
        if before:
            out.append(Line(line.start + pos, line.start + pos + len(before), before, line.start + pos, before,
                            line.runon))
        out.append(Line(line.start + a, line.start + b, line.text[a:b], line.start + a, lead, line.runon))
        pos = b
        while pos < len(line.text) and line.text[pos] in " \t":
            pos += 1
    if not out:
        return [line]
    rest = line.text[pos:]
    if rest:
        out.append(Line(line.start + pos, line.end, rest, line.start + pos, rest, line.runon))
    return out


def _cut_run_in_headings(lines: list[Line]) -> list[Line]:
    found = [(k, n) for k, line in enumerate(lines) if (n := _run_in(line)) is not None]
    known = {lines[k].text[: n - 1] for k, n in found}
    if len(known) < RUN_IN_MIN:
        return lines
    cut = dict(found)
    out: list[Line] = []
    for k, line in enumerate(lines):
        n = cut.get(k)
        if n is None:
            out.extend(_split_inside(line, known))
            continue
        lead = line.text[: n - 1]
        out.append(Line(line.start, line.start + n, line.text[:n], line.start, lead, line.runon))
        rest = _make_line_from(line, n)
        if rest is not None:
            out.extend(_split_inside(rest, known))
    return out


def _make_line_from(line: Line, offset: int) -> Line | None:
    text = line.text[offset:]
    stripped = text.lstrip()
    if not stripped:
        return None
    s = line.start + offset + (len(text) - len(stripped))
    return Line(s, line.end, stripped, s, stripped, line.runon)


# The heading of an article's own explanation, or a lid label, run on after the last sentence before it, as
# a PDF's text gives them when no space separates them: "... aan Provinciale Staten verstrekt. Toelichting
# bij artikel 14", "... een belangrijke rol heeft. lid 2 De gezaghebber ...".
_NOTE_INSIDE = re.compile(r"(?<=[.;:])[ \t]+(?=(?:Toelichting|TOELICHTING)\s+(?:bij|op|van)\s+(?:artikel|art\.)\s*\d|"
                          r"(?:lid|Lid)\s+\d{1,2}[a-z]?\s+[A-Z])")


# A row of a table of articles as a PDF gives it: the article's number, its subject and its first lid on one
# line ("2 Nevenfuncties 1. Iedere bestuurder maakt ..."). Three or more rows numbered one after the other make
# such a table; each row is cut into its heading ("2 Nevenfuncties") and its first lid.
_ARTICLE_ROW = re.compile(r"^(?P<num>\d{1,3})[ \t]+(?P<title>[A-ZÀ-Ý][^\d.;:|?!]{1,60}?)[ \t]+(?=1[.)][ \t]+[A-ZÀ-Ý])")
_ARTICLE_ROWS_MIN = 3


def _cut_article_rows(lines: list[Line]) -> list[Line]:
    rows = {k: m for k, line in enumerate(lines) if (m := _ARTICLE_ROW.match(line.text)) is not None}
    numbers = [int(m.group("num")) for _, m in sorted(rows.items())]
    following = sum(1 for a, b in itertools.pairwise(numbers) if 0 < b - a <= 2)
    if len(rows) < _ARTICLE_ROWS_MIN or following < _ARTICLE_ROWS_MIN - 1:
        return lines
    out: list[Line] = []
    for k, line in enumerate(lines):
        m = rows.get(k)
        if m is None:
            out.append(line)
            continue
        head = line.text[: m.end("title")]
        out.append(Line(line.start, line.start + len(head), head, line.start, head, line.runon, article_row=True))
        rest = _make_line_from(line, m.end())
        if rest is not None:
            out.append(rest)
    return out


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` in order, long run-on lines cut at heading markers and run-in
    headings cut off as lines of their own."""
    lines: list[Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        if nl - pos > _RUNON_MIN:
            inside = {m.end() for m in _NOTE_INSIDE.finditer(text, pos, nl)}
            cuts = sorted({c for c, _ in _runon_cuts(text, pos, nl)} | inside | {pos, nl})
            for a, b in itertools.pairwise(cuts):
                line = _make_line(text, a, b, runon=True)
                if line is not None:
                    lines.append(line)
        else:
            cuts = [m.end() for m in _NOTE_INSIDE.finditer(text, pos, nl)]
            for a, b in itertools.pairwise([pos, *cuts, nl]):
                line = _make_line(text, a, b, runon=bool(cuts))
                if line is not None:
                    lines.append(line)
        pos = nl + 1
    return _cut_article_rows(_cut_run_in_headings(lines))

