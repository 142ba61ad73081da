"""Stage 2 of reading: which lines are headings, of which style.

:func:`classify` reads one :class:`~gedragscode.lint.reading.lines.Line` and returns a :class:`Head`
when it opens with a structural label: an article ("Artikel 2.1", "Art. 4", "ARTIKEL 5", "Regel 1",
"Gedragsregel 3", "Bepaling 2"), a chapter ("Hoofdstuk 1", "Paragraaf 2", "Deel I", "Onderdeel A"),
a section sign ("§ 3"), a roman numeral ("II Belangen"), a capital letter ("A. Algemeen"), a number
("1.", "2.1", "3)"), a bracketed number ("(1)") or a lid word ("lid 2"). Whether a numbered line is an
article, a chapter or a lid is decided later, from its neighbours. :func:`heading_like` and
:func:`body_like` tell an unnumbered heading from running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gedragscode.lint.reading.lines import Line

__all__ = [
    "SENTENCE_INSIDE",
    "SUBITEM",
    "Head",
    "body_like",
    "classify",
    "heading_like",
    "is_title_text",
    "number_key",
    "question_heading",
    "question_title",
    "starts_upper",
    "strip_label",
]

_ARTICLE = re.compile(
    r"^(?P<kw>Artikel|ARTIKEL|artikel|Art\.|ART\.|art\.|Art(?=\s*\d)|ART(?=\s*\d))\s*"
    r"(?P<num>(?:[A-Z]{1,4}[.\-]?(?=\d))?\d{1,3}[a-zA-Z]?(?:[.:]\d{1,3}[a-zA-Z]?)*)(?P<dot>\.)?(?=$|[\s:\-–—]|(?<=\.)[A-Z])"
    r"[ \t]*(?:[-–—:.][ \t]*)?(?P<rest>.*)$",
    re.DOTALL,
)
# Other words real codes use for their provisions: "Regel 1 (voor wie)", "Gedragsregel 3 Geschenken",
# "Bepaling 2: Een raadslid ...". Never lower case (that is a reference: "zoals regel 3 bepaalt"); the
# rest of the line is a title (or nothing), or run-in text after an explicit separator.
_RULE_HEAD = re.compile(
    r"^(?P<kw>Regel|REGEL|Gedragsregel|GEDRAGSREGEL|Bepaling|BEPALING)\s+"
    r"(?P<num>\d{1,3}[a-z]?)(?P<dot>\.)?(?=$|[\s:\-–—])[ \t]*(?P<sep>[-–—:][ \t]*)?(?P<rest>.*)$",
    re.DOTALL,
)
_CHAPTER = re.compile(
    r"^(?P<kw>Hoofdstuk|HOOFDSTUK|hoofdstuk|Paragraaf|PARAGRAAF|paragraaf|Afdeling|AFDELING|"
    r"Deel|DEEL|Titel|TITEL|Onderdeel|ONDERDEEL)\s+"
    r"(?P<num>\d{1,3}[a-z]?(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-Z])(?P<dot>\.)?(?=$|[\s:\-–—])"
    r"[ \t]*(?:[-–—:.][ \t]*)?(?P<rest>.*)$",
    re.DOTALL,
)
_SECTION_SIGN = re.compile(
    r"^(?P<kw>§§?)\s*(?P<num>\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?)*)(?P<dot>\.)?[ \t]*(?:[-–—:][ \t]*)?(?P<rest>.*)$"
)
_ROMAN = re.compile(r"^(?P<num>[IVX]{1,5})(?P<dot>\.)?\s+(?P<rest>[A-Z][^;:]{1,100})$")
_LETTER_HEAD = re.compile(r"^(?P<num>[A-Z])(?P<dot>\.)\s+(?P<rest>[A-Z][^;:]{1,100})$")
_NUMBERED = re.compile(
    r"^(?P<num>\d{1,3}(?:\.\d{1,3})*)(?P<dot>[.)])?(?:(?=\s)|$|(?<=\.)(?=[A-Z]))\s*(?P<rest>.*)$", re.DOTALL
)
_PAREN = re.compile(r"^\((?P<num>\d{1,3})\)\s*(?P<rest>.*)$", re.DOTALL)
_LIDWORD = re.compile(r"^(?:lid|Lid|LID)\s+(?P<num>\d{1,3})(?P<dot>[.:])?(?=\s|$)\s*(?P<rest>.*)$", re.DOTALL)
SUBITEM = re.compile(r"^(?:\(?[a-z]{1,2}[.)]|\([ivx]{1,5}\)|[ivx]{1,5}\.)(?=\s|$)")

SENTENCE_INSIDE = re.compile(r"[a-z0-9)\]][.!?]\s+[A-Z]")
# A sentence ending inside a heading line, other than a question: "Word je bedreigd? Meld het" is a heading
# of a plain-language code (a question, then what to do), "Een lid meldt. De griffier ..." is not.
_STATEMENT_INSIDE = re.compile(r"[a-z0-9)\]][.!]\s+[A-Z]")

@dataclass(slots=True)
class Head:
    """A line that opens with a structural label; ``rest`` is the text after the label."""

    kind: str  # article | chapter | sign | roman | letter | numbered | paren | lidword
    label: str
    number: str
    rest: str
    rest_start: int  # offset of rest in the document
    dot: bool = False


def number_key(number: str) -> tuple[int, ...] | None:
    """Article number "4.2" -> (4, 2); None for numbers with letters ("2a")."""
    parts = re.split(r"[.:]", number)
    if not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def is_title_text(rest: str, limit: int = 100) -> bool:
    """Whether ``rest`` reads as a short title rather than a sentence."""
    rest = rest.strip()
    if not rest or len(rest) > limit:
        return False
    if rest[-1] in ".;,:" and not rest.endswith("..."):
        return False
    if SENTENCE_INSIDE.search(rest):
        return False
    return len(rest.split()) <= 14


def starts_upper(rest: str) -> bool:
    """Whether ``rest`` starts with a capital, a digit or an opening bracket or quote."""
    c = rest[:1]
    return bool(c) and (c.isupper() or c.isdigit() or c in "(“\"‘'[")


def classify(line: Line) -> Head | None:
    """The structural label the line opens with, if any."""
    core = line.core
    base = line.core_start
    if line.article_row:  # "2 Nevenfuncties" at the head of a row of a table of articles
        number, rest = core.split(None, 1)
        return Head("article", number, number, rest, base + core.index(rest, len(number)), False)
    m = _ARTICLE.match(core)
    if m:
        rest = m.group("rest")
        kw = m.group("kw")
        ok = True
        if rest:
            first_word = rest.split(None, 1)[0].lower().strip(",;")
            if (
                rest[0] in ",;)"
                or first_word
                in {
                    "lid",
                    "van",
                    "en",
                    "of",
                    "t/m",
                    "tot",
                    "onder",
                    "sub",
                    "is",
                    "bevat",
                }
                or rest[0].islower()
                or (kw.islower() and not starts_upper(rest))
            ):
                ok = False
        if kw.islower() and rest and len(core) > 120:
            ok = False
        if ok:
            label = core[: m.end("dot") if m.group("dot") else m.end("num")]
            return Head("article", label, m.group("num").replace(":", "."), rest, base + m.start("rest"),
                         bool(m.group("dot")))  # fmt: skip
    m = _RULE_HEAD.match(core)
    if m:
        rest = m.group("rest")
        titled = not rest or (starts_upper(rest) and is_title_text(rest, 80))
        run_in = bool(rest) and bool(m.group("dot") or m.group("sep")) and starts_upper(rest)
        if titled or run_in:
            label = core[: m.end("dot") if m.group("dot") else m.end("num")]
            return Head("article", label, m.group("num"), rest, base + m.start("rest"), bool(m.group("dot")))
    m = _CHAPTER.match(core)
    if m:
        rest = m.group("rest")
        lower_title = bool(rest) and not m.group("kw").islower() and is_title_text(rest)
        if (
            (not rest or starts_upper(rest) or lower_title)
            and len(rest) <= 150
            and not (m.group("kw").lower() in ("titel", "onderdeel") and not rest)
        ):
            if m.group("kw").islower() and rest and not is_title_text(rest):
                return None
            label = core[: m.end("dot") if m.group("dot") else m.end("num")]
            return Head("chapter", label, m.group("num"), rest, base + m.start("rest"), bool(m.group("dot")))
    m = _SECTION_SIGN.match(core)
    if m:
        label = core[: m.end("dot") if m.group("dot") else m.end("num")]
        return Head("sign", label, m.group("num"), m.group("rest"), base + m.start("rest"), bool(m.group("dot")))
    m = _ROMAN.match(core)
    if m and is_title_text(m.group("rest")):
        label = core[: m.end("dot") if m.group("dot") else m.end("num")]
        return Head("roman", label, m.group("num"), m.group("rest"), base + m.start("rest"), bool(m.group("dot")))
    m = _LETTER_HEAD.match(core)
    if m and is_title_text(m.group("rest"), 90):
        return Head("letter", core[: m.end("dot")], m.group("num"), m.group("rest"), base + m.start("rest"), True)
    m = _NUMBERED.match(core)
    if m:
        rest = m.group("rest")
        dot = m.group("dot")
        num = m.group("num")
        depth = num.count(".") + 1
        if dot or depth > 1 or not rest or starts_upper(rest):
            label = core[: m.end("dot") if dot else m.end("num")]
            return Head("numbered", label, num, rest, base + m.start("rest"), bool(dot))
        return None
    m = _PAREN.match(core)
    if m:
        return Head("paren", core[: m.end("num") + 1], m.group("num"), m.group("rest"), base + m.start("rest"))
    m = _LIDWORD.match(core)
    if m and (not m.group("rest") or starts_upper(m.group("rest"))):
        label = core[: m.end("dot") if m.group("dot") else m.end("num")]
        return Head("lidword", label, m.group("num"), m.group("rest"), base + m.start("rest"))
    return None


_LABEL = re.compile(
    r"^(?:(?:hoofdstuk|paragraaf|deel|afdeling)\s+)?(?:\d{1,3}(?:\.\d{1,3})*|[IVX]{1,5}|[A-Z])[.)]?\s+(?=\S)",
    re.IGNORECASE,
)


def strip_label(core: str) -> tuple[str, bool]:
    """The text of a line without a leading number/letter label, and whether there was one."""
    m = _LABEL.match(core)
    if m:
        return core[m.end() :], True
    return core, False


def heading_like(line: Line) -> bool:
    """Whether a line reads as a short unnumbered heading (no bullet, no sentence, no final punctuation)."""
    core = line.core
    if line.core_start != line.start:  # bulleted line
        return False
    if not core or len(core) > 90:
        return False
    if not (core[0].isupper() or core[0].isdigit() or (core[0] == "(" and core[1:2].isupper())):  # "(Neven)functies"
        return False
    if core[-1] in ".;,:" or "|" in core:
        return False
    text, _ = strip_label(core)
    # a statement inside is a sentence, unless the line ends by asking ("Ik vermoed een schending. Wat kan ik
    # doen?", a plain-language code's heading)
    if (_STATEMENT_INSIDE.search(text) and not core.endswith("?")) or ";" in core:
        return False
    return len(core.split()) <= (12 if "?" in core else 10)


def body_like(line: Line) -> bool:
    """Whether a line reads as running text under a heading: long, lower-case, bulleted, or a sentence."""
    core = line.core
    if len(core) > 60 or core[:1].islower() or line.core_start != line.start:
        return True
    return core.endswith((".", ";", ":")) and len(core.split()) >= 5 and not SENTENCE_INSIDE.search(core[:-1])


_QUESTION_TITLE = re.compile(r"^[A-Z][^?;]{2,158}\?[\"”’'»)]?$")


def question_title(text: str) -> bool:
    """Whether ``text`` is a question that can head a section: "Wat doe ik met een geschenk?", also
    after a sentence of context ("Ik heb naast de politiek ander werk. Wat moet ik doen?")."""
    text = text.strip()
    return _QUESTION_TITLE.match(text) is not None and len(SENTENCE_INSIDE.findall(text)) <= 1


def question_heading(line: Line, head: Head | None) -> bool:
    """Whether a labelled line is a question heading: "3. Wat doe ik met een geschenk?", "IV Mag ik dat?"."""
    return (
        head is not None
        and head.kind in ("numbered", "letter", "roman")
        and "." not in head.number
        and line.core_start == line.start
        and question_title(head.rest)
    )

