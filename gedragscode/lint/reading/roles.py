"""Roles: the evidence that a block is a provision, an introduction, an explanation or something else.

The words that give a block its role (headings such as "Inleiding", "Toelichting", "Uitleg bij ...",
"Vragen en antwoorden"; the oath; the signature; a table of contents; a bijlage) and the wording of a
provision (a duty, a ban or a required act: "meldt", "doet opgave", "neemt niet deel", "is verboden")
live here, with the predicates that read them in context:

* :func:`explanatory_heading`, :func:`is_question`, :func:`qa_block`: explanatory sections and blocks of
  answered questions;
* :func:`explanation_ends`, :func:`rules_follow`: where such a section gives way to provisions;
* :func:`resumes_code`: an article after a toelichting that continues the normative numbering;
* :func:`intro_declared_part`: an introduction that declares itself part of the code;
* :func:`find_notes`: explanatory notes ("Toelichting:", "Noot:") inside an article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from gedragscode.lint.reading.build import Builder
from gedragscode.lint.reading.evidence import command
from gedragscode.lint.reading.headings import (
    SENTENCE_INSIDE,
    SUBITEM,
    body_like,
    heading_like,
    number_key,
    question_heading,
    question_title,
    strip_label,
)
from gedragscode.lint.reading.lines import BULLETS
from gedragscode.lint.reading.sentences import rstrip_offset

__all__ = [
    "BIJLAGE",
    "BIJLAGE_LABEL",
    "EED",
    "EED_END",
    "INTRO_STRONG",
    "INTRO_WEAK",
    "ONDERTEKENING",
    "TOC",
    "TOELICHTING",
    "TOELICHTING_TITLED",
    "answered",
    "continues_numbering",
    "explanation_ends",
    "explanatory_heading",
    "explanatory_question",
    "find_notes",
    "intro_declared_part",
    "intro_heading",
    "is_question",
    "is_toc_entry",
    "numbered_rules",
    "qa_block",
    "resumes_code",
    "rules_follow",
    "section_duty",
]

INTRO_STRONG = re.compile(
    r"^(?:algemene\s+)?(?:inleiding|preambule|voorwoord|woord\s+vooraf|ten\s+geleide|introductie|"
    r"leeswijzer|kernbegrippen|kernwaarden|waarden\s+en\s+normen)\b",
    re.IGNORECASE,
)
INTRO_WEAK = re.compile(
    r"^(?:uitgangspunten|achtergrond|aanleiding|doelstelling|doel(?:\s+van\s+(?:de|deze|dit|het)\s+"
    r"(?:gedrags)?(?:code|protocol|regeling))?|over\s+(?:dit|het|deze)\s+(?:protocol|gedragscode|code|regeling)|"
    r"waarom\s+een\s+gedragscode)\s*[:.]?$",
    re.IGNORECASE,
)
TOELICHTING = re.compile(
    r"^(?:(?:algemene|artikelsgewijze|artikelgewijze|artikel\s*gewijze|nadere|memorie\s+van|nota\s+van)\s+)?"
    r"toelichting(?:\s+en\s+nadere\s+(?:afspraken|regels|bepalingen))?(?:\s+(?:op|bij|per)\b[^.;]{0,100}|\s*(?:algemeen|artikelsgewijs|artikelgewijs)|"
    r"\s+(?:artikel|art\.)\s*\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?)*)?\s*[:.]?$|"
    # the notes of a code whose text has note marks ("NOTEN", "Voetnoten"): explanation, unless declared binding
    r"^(?:voet|eind)?noten\s*[:.]?$",
    re.IGNORECASE,
)
# "Toelichting: vragen en antwoorden", "Toelichting - hoe de code werkt": a titled toelichting heading.
TOELICHTING_TITLED = re.compile(
    r"^(?:(?:algemene|nadere)\s+)?toelichting\s*[:\-–—]\s*[^.;:!]{1,80}[?]?$", re.IGNORECASE
)
# Headings of explanatory sections that are no provisions, wherever they stand: "Uitleg bij de
# gedragsregels", "Vragen en antwoorden", "Veelgestelde vragen", "Q&A", "Hoe werkt deze code?".
_EXPLANATORY = re.compile(
    r"^(?:uitleg(?:\s+(?:bij|over|van|op|en)\b[^.;:!?]{0,80})?|"
    r"(?:veel\s*gestelde\s+)?vragen(?:\s+en\s+antwoorden)?(?:\s+(?:bij|over|van|op)\b[^.;:!?]{0,80})?|"
    r"vraag\s+en\s+antwoord|q\s*&\s*a|faq|hoe\s+werk(?:t|en)\b[^.;:!?]{0,80}|"
    r"(?:praktijk)?voorbeelden(?:\s+(?:uit|bij|van|over|in)\b[^.;:!?]{0,60})?|casus(?:sen)?|casu[iï]stiek)\s*[:.?]?$",
    re.IGNORECASE,
)
# A heading that announces the provisions themselves ("Gedragsregels", "De regels", "Afspraken").
_RULES_HEADING = re.compile(
    r"^(?:(?:de\s+|onze\s+)?(?:gedrags)?(?:regels|bepalingen|afspraken)\b[^.;:!?]{0,60}|slot(?:bepaling(?:en)?)?)$",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"^[A-Z][^?]{3,200}\?[\"”’'»)]?$")
BIJLAGE = re.compile(
    r"^(?:bijlage|bijlagen|BIJLAGE|BIJLAGEN)\b(?:\s+(?:\d{1,3}|[IVX]{1,5}|[A-Z])\b)?[^.;]{0,120}$", re.IGNORECASE
)
BIJLAGE_LABEL = re.compile(
    r"^(?P<label>(?:bijlagen?)(?:\s+(?P<num>\d{1,3}|[IVX]{1,5}|[A-Z])\b)?)[.:]?\s*[-–—:]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# Wording of a provision: a duty, a ban or a required act, in the present tense of Dutch legal drafting
# ("meldt", "doet opgave", "neemt niet deel", "is verboden", "wordt geregistreerd"). Explanatory prose
# ("moet boven elke verdenking staan", "kan twijfel ontstaan") does not use it.
_OBLIGATION = re.compile(
    r"\b(?:meldt|melden|gemeld|(?:doet|doen|geeft|geven)\s+(?:\w+\s+){0,3}?opgave|"
    r"(?:neemt|nemen)\s+niet\s+deel|(?:is|zijn)\s+(?:het\s+)?(?:\w+\s+)?verboden|onthoudt\s+zich|onthouden\s+zich|"
    r"(?:houdt|houden)\s+geheim|(?:bewaart|bewaren)\s+(?:de\s+)?geheimhouding|"
    r"(?:aanvaardt|aanvaarden|neemt|nemen|vervult|vervullen|verricht|verrichten|maakt|maken|bevoordeelt|"
    r"bevoordelen|gebruikt|gebruiken)\s+geen|declareert|declareren|(?:mag|mogen)\s+(?:\w+\s+)?niet|"
    r"(?:is|zijn)\s+verplicht|(?:wordt|worden)\s+(?:niet\s+)?(?:aangenomen|geregistreerd|openbaar\s+gemaakt|"
    r"gestort|gedeclareerd|geweigerd|onderzocht))\b",
    re.IGNORECASE,
)
# "Deze inleiding maakt (integraal) deel uit van deze gedragscode": the introduction is part of the rules.
_INTRO_PART_OF_CODE = re.compile(
    r"\b(?:inleiding|preambule|voorwoord|inleidende\s+tekst)\s+(?:maakt|vormt)\s+(?:een\s+)?(?:integraal\s+)?"
    r"(?:deel|onderdeel)\s+(?:uit\s+)?van\s+(?:deze|de|dit|het)\s+(?:gedrags)?(?:code|regeling|protocol)",
    re.IGNORECASE,
)
TOC = re.compile(r"^(?:inhoudsopgave|inhoud|inhoudstafel|inhoudsoverzicht)\s*:?$", re.IGNORECASE)
_TOC_ENTRY = re.compile(
    r"^.{2,120}?(?:\s*(?:\.{3,}|…+|(?:\s\.){3,}|_{3,})\s*|\t|\s{3,})\d{1,3}$|^.{2,100}\s\.{2,}\s*\d{1,3}$"
)
_TOC_ENTRY_MAX = 250


def is_toc_entry(core: str) -> bool:
    """Whether a line is an entry of a table of contents: a title, a leader and a page number.

    Such a line is short; longer lines are not tried, so that a long run of spaces or dots
    cannot make the pattern backtrack."""
    return core[-1:].isdigit() and len(core) <= _TOC_ENTRY_MAX and _TOC_ENTRY.match(core) is not None
# An explanatory note inside an article: "Toelichting: ...", "Noot: ...", "Opmerking: ...", "Uitleg: ..."
# at the start of a line or of a sentence.
_NOTE = re.compile(
    rf"(?:^|(?<=[.!?;:)]\s)|(?<=[.!?;:)]\s\s))[ \t]*(?:[{re.escape(BULLETS)}][ \t]+)?"
    r"(?P<note>(?:Toelichting|TOELICHTING|Noot|NOOT|Opmerking|OPMERKING|Uitleg|UITLEG)[ \t]*:)|"
    # a plain-language code's reason under each rule, as a paragraph of its own: "Waarom? Openheid is ..."
    r"^[ \t]*(?P<why>Waarom(?:\s+is\s+dit\s+(?:belangrijk|nodig))?\?|Waarom\s*:)[ \t]+(?=[A-ZÀ-Ý])",
    re.MULTILINE,
)

ONDERTEKENING = re.compile(
    r"^(?:aldus\s+(?:vastgesteld|besloten)|zo\s+vastgesteld|vastgesteld\s+(?:in|bij|tijdens)\s+(?:de\s+|het\s+)?"
    r"(?:openbare\s+)?(?:vergadering|raadsvergadering|besluit|statenvergadering)|"
    r"(?:de\s+)?(?:griffier|voorzitter|statengriffier|secretaris|eilandgriffier|dijkgraaf|"
    r"secretaris-directeur|algemeen\s+directeur)\s*[,.]?$|ondertekening\s*$|namens\s+(?:de|het)\s+"
    r"(?:raad|algemeen\s+bestuur|provinciale\s+staten|staten)\b|"
    r"(?:de|het)\s+(?:raad|algemeen\s+bestuur|provinciale\s+staten)\s+(?:voornoemd|van\s+\S+)\s*,\s*$)",
    re.IGNORECASE,
)
EED = re.compile(
    r"^[“”\"'‘’„«]?\s*(?:ik\s+(?:zweer|beloof|verklaar)\b|zo\s+waarlijk\s+helpe\s+mij|dat\s+verklaar\s+en\s+beloof\s+ik)",
    re.IGNORECASE,
)
EED_END = re.compile(
    r"(?:helpe\s+mij\s+god\s+almachtig|verklaar\s+en\s+beloof\s+ik)\s*[!.]?\s*[”\"'’»]?\s*$", re.IGNORECASE
)

def intro_heading(core: str) -> bool:
    """Whether a line (with or without a label) is the heading of an introduction ("Inleiding", "1. Preambule")."""
    text, labelled = strip_label(core)
    text = text.strip()
    if len(text) > 90:
        return False
    if INTRO_STRONG.match(text):
        return len(text.split()) <= 8 and not text.endswith((".", ";", ","))
    return not labelled and bool(INTRO_WEAK.match(text))


def explanatory_heading(b: Builder, i: int) -> bool:
    """Whether line ``i`` heads an explanatory section ("Uitleg bij de gedragsregels", "Vragen en
    antwoorden", "Veelgestelde vragen", "Q&A", "Hoe werkt deze code?"), also as a chapter title."""
    line = b.lines[i]
    h = b.heads[i]
    core = line.core
    if line.core_start != line.start or len(core) > 120 or (h is not None and h.kind == "article"):
        return False
    titled = h is not None and h.kind in ("chapter", "sign", "roman", "letter", "numbered")
    title = h.rest.strip() if titled and h is not None else core
    return bool(title) and bool(_EXPLANATORY.match(title) or TOELICHTING_TITLED.match(title))

def resumes_code(b: Builder, i: int) -> bool:
    """Whether the heading on line ``i`` takes the provisions up again after a toelichting: an
    article (or a numbered provision "2.1") that continues the numbering, or a chapter heading right
    before one."""
    h = b.heads[i]
    if h is None:
        return False
    if h.kind == "article" or b.strong_article(i):
        return continues_numbering(b, h.number)
    if h.kind not in ("chapter", "sign", "roman") or not h.rest.strip():
        return False
    for j in range(i + 1, min(len(b.lines), i + 3)):
        nh = b.heads[j]
        if nh is not None and (nh.kind == "article" or b.strong_article(j)):
            return continues_numbering(b, nh.number)
        if nh is None or nh.kind not in ("chapter", "sign", "roman"):
            return False
    return False

def continues_numbering(b: Builder, number: str) -> bool:
    """Whether an article number is new and follows on the last normative article: after
    "Artikel 4" come "Artikel 5" or "5.1", after "Artikel 4.2" come "4.3", "5" or "5.1"."""
    if not b.article_numbers or number in b.article_numbers:
        return False
    new = _ordering(number)
    last = _ordering(b.article_numbers[-1])
    if new is None or last is None:
        return False
    return new > last and new[0][0] <= last[0][0] + 1


def _ordering(number: str) -> tuple[tuple[int, ...], str] | None:
    """"4.2" -> ((4, 2), ""); an inserted article "3a" -> ((3,), "a"), so that "4" follows "3a"."""
    letters = len(number) - len(number.rstrip("abcdefghijklmnopqrstuvwxyz"))
    key = number_key(number[:len(number) - letters] if letters else number)
    return None if key is None else (key, number[len(number) - letters:])

def is_question(b: Builder, i: int) -> bool:
    """A line that is one question only ("Mag ik een geschenk houden?"), not a numbered heading."""
    line = b.lines[i]
    h = b.heads[i]
    if line.core_start != line.start or (h is not None and h.kind in ("article", "chapter", "sign")):
        return False
    if question_heading(line, h):
        return False  # "3. Wat doe ik met een geschenk?" heads a section of its own
    text, _ = strip_label(line.core) if h is not None else (line.core, False)
    return bool(_QUESTION.match(text)) and not SENTENCE_INSIDE.search(text)

def answered(b: Builder, i: int) -> bool:
    """Whether the question on line ``i`` is followed by an answer (text that is no question or heading)."""
    if i + 1 >= len(b.lines) or is_question(b, i + 1):
        return False
    h = b.heads[i + 1]
    return h is None or h.kind not in ("article", "chapter", "sign", "roman")

def qa_block(b: Builder, i: int) -> bool:
    """Whether line ``i`` starts a block of questions with answers: at least two answered questions
    in the next few paragraphs, before any structural heading."""
    if not (is_question(b, i) and answered(b, i)):
        return False
    for j in range(i + 2, min(len(b.lines), i + 12)):
        h = b.heads[j]
        if h is not None and h.kind in ("article", "chapter", "sign", "roman"):
            return False
        if is_question(b, j) and answered(b, j):
            return True
    return False

_WHY = re.compile(r"^(?:waarom|hoe\s+(?:werkt|komt)|wat\s+(?:betekent|houdt)\b.*\bin)\b", re.IGNORECASE)


# A question about what the code leaves out: "Wat staat er niet in deze code?", "Wat regelt de code niet?"
_LEFT_OUT = re.compile(r"^wat\s+(?:staat|zit|regelt|regelen|vind\s+je)\b[^?]{0,40}?\bniet\b", re.IGNORECASE)


def explanatory_question(question: str) -> bool:
    """Whether a question heading asks for an explanation rather than heading a rule: "Waarom deze
    code?", "Hoe werkt de code?", "Wat houdt integriteit in?", "Wat staat er níet in deze code?", or an
    explanatory heading."""
    text = question.strip()
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bool(_WHY.match(text) or _LEFT_OUT.match(plain) or _EXPLANATORY.match(text) or intro_heading(text))


def explanation_ends(b: Builder, i: int, has_articles: bool, closing: bool = False) -> bool:
    """Whether line ``i`` ends an explanatory section: a structural heading, or a heading that is no
    question and starts provisions (it announces rules, or the sections after it hold duties).
    An explanation that follows the signature (``closing``) ends only at a structural heading."""
    line = b.lines[i]
    h = b.heads[i]
    if h is not None and h.kind in ("article", "chapter", "sign", "roman"):
        return True
    if b.strong_article(i) or intro_heading(line.core):
        return True
    if closing:
        return False
    core = line.core
    if (
        heading_like(line)
        and not core.endswith("?")
        and i + 1 < len(b.lines)
        and not explanatory_heading(b, i)
        and body_like(b.lines[i + 1])
    ):
        return bool(_RULES_HEADING.match(core)) or rules_follow(b, i)
    return False

def rules_follow(b: Builder, i: int) -> bool:
    """Whether the headed sections from line ``i`` on are provisions rather than introduction.

    In a code without numbering, a heading after the "Inleiding" starts the rules when at least
    two of the headed sections that follow contain the wording of a duty or ban ("meldt",
    "doet opgave", "neemt niet deel", "is verboden"); explanatory sections do not. The count runs
    up to a toelichting, signature or explanatory heading.
    """
    if b.rules_from is None:
        b.rules_from, b.section_duties = _rule_sections(b)
    return b.rules_from[i] >= 2


def section_duty(b: Builder, i: int) -> bool:
    """Whether the section headed by line ``i`` (up to the next heading) has the wording of a duty or ban."""
    if b.section_duties is None:
        b.rules_from, b.section_duties = _rule_sections(b)
    return b.section_duties[i]


def _section_start(b: Builder, j: int) -> bool:
    """A heading-like line (or a question on a line of its own) followed by body text."""
    lines = b.lines
    line = lines[j]
    heading = heading_like(line) or question_heading(line, b.heads[j]) or (
        line.core_start == line.start and b.heads[j] is None and question_title(line.core)
    )
    if not heading or SUBITEM.match(line.core):
        return False
    k = j + 1
    if k < len(lines) and _HEADER_ROW.match(lines[k].core):
        k += 1  # the header row of the section's table ("Doe | Doe niet"): the rows are its body
    return k < len(lines) and body_like(lines[k])


# The header row of a table: short cells without a sentence ("Doe | Doe niet", "Onderwerp | Regel").
_HEADER_ROW = re.compile(r"^[^|.:;]{1,30}(?:\s\|\s[^|.:;]{1,30})+$")


def _rule_sections(b: Builder) -> tuple[list[int], list[bool]]:
    """For every line ``i``: how many headed sections with duty wording follow from ``i``, and whether
    the section that line ``i`` heads has duty wording (one backward pass).

    Reading forward from ``i``, a section starts at a heading-like line followed by body text; a
    section counts when one of its lines (not its heading) has the wording of a duty or ban; the
    count stops at a toelichting, signature or explanatory heading. ``after[j]`` is that count from
    ``j`` with no duty seen yet in the current section, ``pending[j]`` the count of the sections
    after the current one once the current one already has a duty.
    """
    lines = b.lines
    n = len(lines)
    after = [0] * (n + 1)
    pending = [0] * (n + 1)
    own = [False] * (n + 1)
    duty_below = False  # a duty in the lines after j, up to the next section start or stop
    for j in range(n - 1, -1, -1):
        line = lines[j]
        if _section_start(b, j):
            after[j] = after[j + 1]
            pending[j] = after[j + 1]
            own[j] = duty_below
            duty_below = False
        elif TOELICHTING.match(line.core) or ONDERTEKENING.match(line.core) or explanatory_heading(b, j):
            after[j] = 0
            pending[j] = 0
            duty_below = False
        else:
            pending[j] = pending[j + 1]
            # legal drafting ("meldt", "is verboden") or, in a plain-language code, an instruction ("Meld al je
            # functies ...", also a row of a table of do's and don'ts)
            duty = (_OBLIGATION.search(line.core) is not None or command(line.core)) and not EED.match(line.core)
            after[j] = 1 + pending[j + 1] if duty else after[j + 1]
            duty_below = duty_below or duty
    return after, own


def numbered_rules(b: Builder, i: int, *, at_least: int = 3, duties_at_least: int = 2) -> bool:
    """Whether line ``i`` starts a run of numbered paragraphs ("1. ...", "2. ...", "3. ...") that are
    provisions: at least ``at_least`` in sequence (numbering that starts again at 1 continues the run: the
    leden of unheaded articles), at least ``duties_at_least`` of them with the wording of a duty or ban."""
    if b.numbered_runs is None:
        b.numbered_runs = _numbered_runs(b)
    length, duties = b.numbered_runs[i]
    return length >= at_least and duties >= duties_at_least


def _numbered_runs(b: Builder) -> list[tuple[int, int]]:
    """For every line: the length of the run of consecutively numbered paragraphs it starts, and how many
    of them have duty wording (0, 0 for a line that is no numbered paragraph). One backward pass."""
    lines = b.lines
    n = len(lines)
    runs = [(0, 0)] * (n + 1)
    for j in range(n - 1, -1, -1):
        head = b.heads[j]
        if head is None or head.kind != "numbered" or not head.number.isdigit():
            continue
        nxt = b.next_numbered[j]
        last = min(nxt, n) - 1
        text = b.text[lines[j].start : min(lines[last].end, lines[j].start + 3000)]
        duty = int(_OBLIGATION.search(text) is not None)
        follow = b.heads[nxt] if nxt < n else None
        if follow is not None and follow.kind == "numbered" and follow.number in (str(int(head.number) + 1), "1"):
            # the next number, or a restart at 1: the leden of the next provision whose heading is absent
            length, duties = runs[nxt]
            runs[j] = (length + 1, duties + duty)
        else:
            runs[j] = (1, duty)
    return runs


def intro_declared_part(b: Builder) -> None:
    """An introduction that declares itself part of the code ("Deze inleiding maakt integraal deel
    uit van deze gedragscode") is read as provisions, with the headed sections that continue it."""
    declared = False
    for unit in sorted(b.units, key=lambda u: u.start):
        if unit.role == "inleiding":
            if not declared and _INTRO_PART_OF_CODE.search(b.text, unit.start, unit.end):
                declared = True
            if declared:
                unit.role = "normatief"
        elif declared and unit.role not in ("kop",):
            break


def find_notes(text: str, lids: Sequence[tuple[str, int, int]], body_start: int, end: int) -> list[tuple[int, int]]:
    """Explanatory notes inside an article: a paragraph or sentence that opens with "Toelichting:",
    "Noot:", "Opmerking:" or "Uitleg:". A note runs to the next lid of the article (or its end); but
    where notes alternate with rules in paragraphs without lid numbers (a table's explanation column),
    each note is its own paragraph and the paragraph after it is the next rule."""
    found: list[tuple[int, int]] = []  # (start, stop at the next lid)
    pos = body_start
    while pos < end:
        m = _NOTE.search(text, pos, end)
        if m is None:
            break
        start = m.start("note") if m.group("note") else m.start("why")
        before = [label for (label, s, _t) in lids if s < start]
        previous = before[-1] if before else ""
        stop = end
        for label, s, _t in lids:
            if s <= start:
                continue
            # the next lid in sequence; a line that merely starts with a number ("1 april ...") is not
            if not (previous.isdigit() and label.isdigit()) or int(label) == int(previous) + 1:
                stop = s
                break
        found.append((start, stop))
        pos = max(m.end(), start + 1)
    notes: list[tuple[int, int]] = []
    for k, (start, stop) in enumerate(found):
        if notes and start < notes[-1][1]:
            continue  # inside the note before it
        nxt = found[k + 1][0] if k + 1 < len(found) else end
        paragraph = _paragraph_end(text, start, stop)
        # another note before this one's lid stop, with a paragraph of rule between: one paragraph each
        alternating = nxt < stop and bool(text[paragraph:nxt].strip())
        notes.append((start, paragraph if alternating else rstrip_offset(text, start, stop)))
    return notes


def _paragraph_end(text: str, start: int, stop: int) -> int:
    """The end of the paragraph that opens at ``start`` (a blank line ends it), at most ``stop``."""
    brk = text.find("\n\n", start, stop)
    return stop if brk < 0 else rstrip_offset(text, start, brk)

