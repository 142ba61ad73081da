"""What the code itself says is binding, and what it says it does not regulate: the last reading stage.

Structure decides roles first (:mod:`.units`); this stage corrects them from what the text declares and
from the wording of each paragraph (:mod:`.evidence`):

* :func:`declared_zones` — a declaration in the aanhef, the besluit or a provision that a toelichting,
  beschouwing, bijlage, the notes ("dat de noten deel uitmaken van de code") or a set of (nadere) afspraken is
  part of the code or binding ("met inbegrip van de toelichtingen en nadere afspraken, die deel uitmaken van
  de code", "De bij deze code behorende
  beschouwing maakt deel uit van de code", "geldt die beschrijving als gedragsregel") turns that zone
  normative — paragraph by paragraph, for the paragraphs that state rules. Text that merely describes
  stays explanation, and a zone that calls itself informative is left alone.
* :func:`exclusions` — a provision that only says what the code leaves out ("Deze code regelt niet:
  buitenlandse reizen, declaraties ...") is read as explanation, so its topics are not found as present.
* :func:`repealed` — an article that a consolidated text marks as repealed ("[Vervallen]", "Dit artikel is
  vervallen bij besluit van ...") is no provision, nor the old wording it may quote.
* :func:`loose_parts` — a part (a deel, hoofdstuk or section) whose heading calls it non-binding ("Deel B
  Wegwijzer (niet bindend)") or whose opening says so ("Niets van wat hieronder staat is een gedragsregel", "Dit
  deel bevat geen regels") is explanation, up to the next part: its tips and examples are no provisions.
* :func:`prose_fallback` — a code whose structure yielded (almost) no provisions (a code written as
  continuous prose, or one whose headings were not recognised) is read per paragraph: paragraphs that
  plainly state rules become provisions, instead of nothing being read at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from gedragscode.lint.document import Role
from gedragscode.lint.reading.build import Build, Builder
from gedragscode.lint.reading.evidence import exemption, paragraph_evidence, scope_negation, sentences
from gedragscode.lint.reading.headings import strip_label
from gedragscode.lint.reading.roles import TOELICHTING, intro_heading

__all__ = ["SCOPE_STATEMENT", "adopted_bijlage", "after_closing", "declared_parts", "declared_zones", "exclusions",
           "loose_parts", "nonbinding_labels", "presents_code", "prose_fallback", "repealed"]

# The zones a code can declare binding, and the roles they were read with.
_ZONE_ROLES: dict[str, tuple[Role, ...]] = {
    "toelichting": ("toelichting",),
    "beschouwing": ("toelichting",),
    "uitleg": ("toelichting",),
    "afspraken": ("toelichting", "bijlage"),
    "bijlage": ("bijlage",),
    "noten": ("toelichting",),  # footnotes or endnotes ("dat de noten deel uitmaken van de code")
}
_ZONE = (r"(?:(?:de|het|deze|dit|die)\s+)?(?:(?:bij|aan)\s+(?:deze|de|het|dit)\s+(?:gedrags)?(?:code|regeling|"
         r"hoofdstukken|artikelen|bepalingen)\s+(?:behorende|gevoegde)\s+|bij\s+de\s+\w+\s+gevoegde\s+|"
         r"behorende\s+|gevoegde\s+|nadere\s+)?"
         r"(?P<zone>toelichting(?:en)?|beschouwing(?:en)?|uitleg|(?:nadere\s+)?afspraken|bijlage(?:n)?|"
         r"(?:voet|eind)?noten)")
_PART = (r"(?:maakt|maken|vormt|vormen)\s+(?:een\s+)?(?:integraal\s+)?(?:deel|onderdeel|bestanddeel)\s+"
         r"(?:uit\s+)?van\s+(?:de|deze|dit|het)\s+(?:gedrags)?(?:code|regeling|protocol)|"
         r"(?:integraal\s+)?(?:deel|onderdeel)\s+(?:uitmaken|uitmaakt|vormen|vormt)\s+van\s+(?:de|deze|dit|het)\s+"
         r"(?:gedrags)?(?:code|regeling|protocol)|"
         r"(?:gelden|geldt)\s+(?:\w+\s+){0,6}?als\s+(?:de\s+)?(?:gedragscode|gedragsregels?|regels?|bepalingen)|"
         r"(?:gelden|geldt)\s+(?:\w+\s+){0,6}?op\s+dezelfde\s+wijze\s+als\s+de\s+(?:\w+\s+)?(?:bepalingen|artikelen|regels)|"
         r"(?:zijn|is)\s+(?:even\s+)?bindend")
_ZONE_WORD = re.compile(r"\b(?:toelichting|beschouwing|uitleg|afspraken|bijlage|(?:voet|eind)?noten)\w*")
_DECLARATION = re.compile(rf"{_ZONE}\b[^.;]{{0,160}}?\b(?:{_PART})", re.IGNORECASE)
# "Waar de beschouwing beschrijft wat een gedeputeerde doet ..., geldt die beschrijving als gedragsregel."
_DESCRIPTION_BINDING = re.compile(
    rf"\b(?:waar|wat)\s+{_ZONE}\b[^.;]{{0,160}}?\b(?:geldt|gelden|is)\s+(?:\w+\s+){{0,3}}?als\s+"
    r"(?:een\s+)?(?:gedragsregel|regel|bepaling)", re.IGNORECASE)
# A zone that says of itself that it only informs ("Deze bijlage is informatief").
_INFORMATIVE = re.compile(
    r"\b(?:is|zijn)\s+(?:uitsluitend\s+|alleen\s+|slechts\s+)?(?:informatief|niet\s+bindend|ter\s+informatie)\b|"
    r"\bmaakt\s+geen\s+(?:deel|onderdeel)\s+uit\b", re.IGNORECASE)
_DECLARING_ROLES: tuple[Role, ...] = ("aanhef", "normatief", "inleiding", "titel")
_LOOK = 1500  # a zone's opening words that may call it informative


# The besluit adopts a code that stands in a bijlage: "De gedragscode, opgenomen in de bijlage bij dit
# besluit, wordt vastgesteld", "vast te stellen de gedragscode zoals opgenomen in bijlage 1", "stelt vast de
# bij dit besluit behorende gedragscode".
# also a code amended as its bijlage shows ("wordt gewijzigd zoals is aangegeven in Bijlage A": STOP renvooi)
_ADOPT = (r"(?:wordt|worden)\s+vastgesteld|vast\s+te\s+stellen|(?:stelt|stellen)\s+vast|(?:heeft|hebben)\s+vastgesteld|"
          r"(?:wordt|worden)\s+gewijzigd\s+zoals")
_BIJLAGE_NUM = r"bijlage(?:\s+(?P<num>\d{1,3}|[IVX]{1,5}|[A-Z])\b)?"
_ADOPTS_BIJLAGE = re.compile(
    rf"\b(?:{_ADOPT})\b[^.;]{{0,200}}?\b(?:opgenomen\s+in|als|in|zie)\s+(?:de\s+)?{_BIJLAGE_NUM}|"
    rf"\b(?:opgenomen\s+in|als|in)\s+(?:de\s+)?{_BIJLAGE_NUM.replace('num', 'num2')}[^.;]{{0,120}}?\b(?:{_ADOPT})\b|"
    r"\b(?:bij|aan)\s+(?:dit|het)\s+besluit\s+(?:behorende|gevoegde)\s+(?:\w+\s+){0,2}?"
    r"(?:gedragscode|code|gedragsregels|integriteitscode|regeling)|"
    # the besluit names the code by where it stands, whatever verb adopts it ("De gedragscode, opgenomen in
    # de bijlage bij dit besluit, wordt ingevoerd"); not a code it withdraws
    rf"\b(?:gedragscode|integriteitscode|gedragsregels)\s*,?\s+(?:zoals\s+)?opgenomen\s+in\s+(?:de\s+)?"
    rf"{_BIJLAGE_NUM.replace('num', 'num3')}(?![^.;]{{0,120}}\b(?:ingetrokken|vervalt|vervallen|intrekken)\b)",
    re.IGNORECASE)
_BIJLAGE_NAME_LINES = 3  # the bijlage heading and the lines after it that may name the code
# The besluit at the head of a bijlage that adopts the code it holds: "besluit: vast te stellen de Gedragscode ...".
_OWN_ADOPTION = re.compile(
    r"\b(?:besluit|besluiten|besluit\s*:)\s*:?\s*(?:\w+\s+){0,2}?(?:vast\s+te\s+stellen|stelt\s+vast|stellen\s+vast)\b"
    r"[^.;]{0,120}?\b(?:gedragscode|integriteitscode|code|gedragsregels|regeling)\b", re.IGNORECASE)
_OWN_ADOPTION_LOOK = 900
_ADOPTION_BEFORE = 400  # the besluit that ends right before a bijlage


def adopted_bijlage(b: Builder, i: int, number: str) -> bool:
    """Whether the bijlage headed at line ``i`` (numbered ``number``, "" if none) is the code itself: the
    text before it adopts a code as (the) bijlage, the bijlage is the one numbered so (or, without a
    number, names a code in its heading or first lines), and it does not call itself informative. The
    first such bijlage only."""
    if b.code_bijlage:
        return False
    start = b.lines[i].start
    if b.bijlage_adoptions is None:  # scanned once per document: a code may have many bijlagen
        b.bijlage_adoptions = [(m.start(), (m.group("num") or m.group("num2") or m.group("num3") or "").upper())
                               for m in _ADOPTS_BIJLAGE.finditer(b.text)]
    declared = [num for at, num in b.bijlage_adoptions if at < start]
    if _INFORMATIVE.search(b.text, start, min(len(b.text), start + _LOOK)):
        return False
    if declared and number and number.upper() in declared:
        return True
    names_code = _CODE_NAME.search(" ".join(line.core for line in b.lines[i : i + _BIJLAGE_NAME_LINES])) is not None
    if not declared:
        # a bijlage that is a whole code: it names a code and opens with the besluit that adopts it ("Bijlage -
        # Gedragscode bestuurders X 2026. De raad van de gemeente X; gelet op ...; besluit vast te stellen de
        # Gedragscode ..."), or that besluit comes right before it ("besluit vast te stellen de Gedragscode
        # raadsleden 2026, zoals gewijzigd bij amendement A-7." and then "Bijlage: Gedragscode raadsleden")
        opening = b.text[start : start + _OWN_ADOPTION_LOOK]
        before = b.text[max(0, start - _ADOPTION_BEFORE) : start]
        return names_code and (_OWN_ADOPTION.search(opening) is not None or _OWN_ADOPTION.search(before) is not None)
    return names_code


# The article that closes a code: "Artikel 14 Inwerkingtreding", "Slotbepaling", "Deze code treedt in werking ...".
_CLOSING_HEADING = re.compile(r"\b(?:inwerkingtreding|citeertitel|slotbepalingen|slotbepaling|slot)\b", re.IGNORECASE)
_CLOSING_TEXT = re.compile(r"\btreedt\s+in\s+werking\b|\bwordt\s+aangehaald\s+als\b", re.IGNORECASE)
_ARTICLE_LABEL = re.compile(r"^\W*(?:artikel|art\.?)\s*\d", re.IGNORECASE)
_DIVISION_LABEL = re.compile(r"^\W*(?:deel|onderdeel)\b", re.IGNORECASE)


def after_closing(b: Builder) -> None:
    """A division after the article that closes the code ("Artikel 14 Inwerkingtreding" and then "Deel B
    Meldformulier", "Deel C Wie doet wat", "Deel E Toelichting") holds no articles of its own: it is an annex
    (or, headed so, the toelichting), not a provision - unless the code declares it binding (see
    :func:`declared_zones`, which runs after this)."""
    articles = [k for k, unit in enumerate(b.units) if unit.role == "normatief" and _ARTICLE_LABEL.match(unit.label)]
    if not articles:
        return
    last = b.units[articles[-1]]
    if not (_CLOSING_HEADING.search(last.heading)
            or _CLOSING_TEXT.search(b.text, last.body_start, min(last.end, last.body_start + 400))):
        return
    division = ""
    for unit in b.units[articles[-1] + 1 :]:
        if _DIVISION_LABEL.match(unit.label):
            division = unit.chapter or unit.label
        elif not (division and unit.chapter == division):
            continue
        if unit.role == "normatief" and not _ARTICLE_LABEL.match(unit.label):
            unit.role = "toelichting" if TOELICHTING.match(unit.heading) else "bijlage"


def _zones(b: Builder) -> set[str]:
    """The zones the aanhef, besluit or provisions declare part of the code."""
    zones: set[str] = set()
    for unit in b.units:
        if unit.role not in _DECLARING_ROLES:
            continue
        text = b.text[unit.start : unit.end]
        for m in (*_DECLARATION.finditer(text), *_DESCRIPTION_BINDING.finditer(text)):
            for word in _ZONE_WORD.findall(m.group(0).lower()):
                bare = word.removeprefix("voet").removeprefix("eind")
                zones.update(key for key in _ZONE_ROLES if bare.startswith(key))
    return zones


def _paragraphs(b: Builder, unit: Build) -> list[tuple[int, int, int]]:
    """The paragraphs of a unit as (first line, last line, heading line or -1): lines separated by a blank
    line; a short heading-like paragraph heads the paragraph after it."""
    starts = b.line_starts()
    idx = range(bisect_left(starts, unit.start), bisect_right(starts, unit.end - 1))
    groups: list[list[int]] = []
    for i in idx:
        if groups and b.text.count("\n", b.lines[groups[-1][-1]].end, b.lines[i].start) < 2:
            groups[-1].append(i)
        else:
            groups.append([i])
    out: list[tuple[int, int, int]] = []
    pending = -1
    for group in groups:
        single = len(group) == 1
        core = b.lines[group[0]].core
        if single and len(core) <= 90 and core[-1:] not in ".;:,":
            if pending >= 0:
                out.append((pending, pending, -1))
            pending = group[0]
            continue
        out.append((group[0], group[-1], pending))
        pending = -1
    if pending >= 0:
        out.append((pending, pending, -1))
    return out


def _split(b: Builder, unit: Build, strong: bool, mostly: bool = False) -> list[Build]:
    """The unit cut into paragraphs, each normative when its wording states rules (``strong``: plainly;
    ``mostly``: also a paragraph of several duties with a negation or a report among them, whose duties
    outnumber those - its negated sentence is no evidence of its own)."""
    pieces: list[Build] = []
    for first, last, head in _paragraphs(b, unit):
        start = b.lines[head].start if head >= 0 else b.lines[first].start
        body_start = b.lines[first].start if head >= 0 else start
        text = b.text[body_start : b.lines[last].end]
        ev = paragraph_evidence(text)
        rule = ev.strong_rule if strong else (ev.rule or (mostly and ev.duties >= 2
                                                           and ev.duties > ev.negations + ev.narrative))
        role: Role = "normatief" if rule and (head >= 0 or first != last or len(text) > 90) else unit.role
        heading = b.lines[head].core if head >= 0 else ""
        piece = Build(role, "", "", heading, unit.chapter, start, body_start, b.lines[last].end)
        piece.has_body = True
        pieces.append(piece)
    if not any(p.role == "normatief" for p in pieces):
        return [unit]
    # the unit's own heading line (before its first paragraph) stays with the unit's role
    if pieces and pieces[0].start > unit.start:
        lead = Build(unit.role, unit.label, unit.number, unit.heading, unit.chapter, unit.start, unit.body_start,
                     min(unit.end, pieces[0].start))
        lead.has_body = unit.has_body and unit.body_start < pieces[0].start
        pieces.insert(0, lead)
    elif pieces:
        opening = pieces[0]
        opening.label, opening.number = unit.label, unit.number
        opening.heading = opening.heading or unit.heading
    return pieces


# A part of a toelichting or bijlage named by its label: "onderdeel B", "onderdelen A en C", "deel II".
_PART_NAME = re.compile(r"\b(?:onderdel|del)en\s+(?P<many>(?:[A-Z]|[IVX]+|\d+)(?:\s*(?:,|en|tot\s+en\s+met)\s*"
                        r"(?:[A-Z]|[IVX]+|\d+))+)\b|\b(?:onderdeel|deel)\s+(?P<one>[A-Z]|[IVX]+|\d+)\b")
_PART_BINDING = re.compile(rf"(?:{_PART})|\b(?:binden|bindt)\b|\bbindend\b", re.IGNORECASE)
_PART_NOT_BINDING = re.compile(r"\bniet\s+bindend\b|\b(?:informatief|ter\s+informatie)\b|"
                               r"\bmaak(?:t|en)\s+geen\s+(?:deel|onderdeel)\b", re.IGNORECASE)
_PART_ZONE = re.compile(r"\b(?:toelichting|bijlage|nadere\s+(?:regels|afspraken))", re.IGNORECASE)
# The heading of a lettered or numbered part: "B. NADERE REGELS (bindend ...)", "Onderdeel B Nadere regels".
_PART_HEAD = re.compile(r"^(?:(?:onderdeel|deel)\s+)?(?P<label>[A-Z]|[IVX]+|\d+)(?:[.):]\s+|\s+(?=[A-Z]))\S",
                        re.IGNORECASE)


def _declared_parts(b: Builder) -> set[str]:
    """The labels of the parts of a toelichting or bijlage that a provision declares binding ("De nadere
    regels in onderdeel B maken deel uit van deze gedragscode"), less those it calls non-binding."""
    binding: set[str] = set()
    loose: set[str] = set()
    for unit in b.units:
        if unit.role != "normatief":
            continue
        text = b.text[unit.start : unit.end]
        if not _PART_ZONE.search(text):
            continue
        for sentence in sentences(text):
            names: set[str] = set()
            for m in _PART_NAME.finditer(sentence):
                if m.group("one"):
                    names.add(m.group("one").upper())
                else:
                    names.update(x.upper() for x in re.findall(r"[A-Z]+|\d+", m.group("many"), re.IGNORECASE)
                                 if x.lower() not in ("en", "tot", "met"))
            if not names:
                continue
            if _PART_NOT_BINDING.search(sentence):
                loose |= names
            elif _PART_BINDING.search(sentence):
                binding |= names
    return binding - loose


def _part_heads(b: Builder, roles: set[Role]) -> list[tuple[int, str]]:
    """(line index, label) of the part headings inside units with one of ``roles``: short lines of their own
    that open with a part label ("B. NADERE REGELS", "C. ARTIKELSGEWIJZE TOELICHTING")."""
    starts = b.line_starts()
    heads: list[tuple[int, str]] = []
    for unit in b.units:
        if unit.role not in roles:
            continue
        for i in range(bisect_left(starts, unit.start), bisect_right(starts, unit.end - 1)):
            line = b.lines[i]
            m = _PART_HEAD.match(line.core)
            if m and line.core_start == line.start and len(line.core) <= 90 and line.core[-1:] not in ".;,":
                heads.append((i, m.group("label").upper()))
    return heads


def declared_parts(b: Builder) -> None:
    """Read the parts of a toelichting or bijlage that a provision declares binding ("onderdeel B van de
    toelichting maakt deel uit van deze code") as provisions, paragraph by paragraph, from the part's
    heading up to the next part heading; the other parts keep their role."""
    labels = _declared_parts(b)
    if not labels:
        return
    roles: set[Role] = {"toelichting", "bijlage"}
    heads = _part_heads(b, roles)
    zones: list[tuple[int, int]] = []
    for k, (i, label) in enumerate(heads):
        if label in labels:
            end = b.lines[heads[k + 1][0]].start if k + 1 < len(heads) else len(b.text)
            zones.append((b.lines[i].start, end))
    if not zones:
        return
    out: list[Build] = []
    for unit in b.units:
        if unit.role not in roles or not any(a < unit.end and unit.start < z for a, z in zones):
            out.append(unit)
            continue
        for piece, inside in unit.cut(zones):
            out.extend(_split(b, piece, strong=False) if inside else [piece])
    b.units = out


# The mark that opens a footnote or endnote: "[3]", "3)", "(3)", "³".
_NOTE_MARK = re.compile(r"\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s")


def declared_zones(b: Builder) -> None:
    """Read the zones that the code declares binding as provisions, paragraph by paragraph."""
    declared_parts(b)
    zones = _zones(b)
    if not zones:
        return
    roles = {role for zone in zones - {"noten"} for role in _ZONE_ROLES[zone]}
    notes = "noten" in zones
    out: list[Build] = []
    for unit in b.units:
        # declared notes are the explanation units that are notes ("[3] De burgemeester meldt ..."), not the rest
        # of the toelichting
        declared = unit.role in roles or (notes and unit.role == "toelichting"
                                          and _NOTE_MARK.match(b.text, unit.body_start) is not None)
        if declared and not _INFORMATIVE.search(b.text, unit.start, min(unit.end, unit.start + _LOOK)):
            if (unit.role == "bijlage" and unit.number and unit.label[:1].isalpha()
                    and not unit.label.lower().startswith("bijlage")):
                # a numbered provision of a bijlage that is part of the code ("Gedragsregel 12",
                # "Artikel 3"): its label makes it one, whatever the wording of each lid
                unit.role = "normatief"
                out.append(unit)
                continue
            out.extend(_split(b, unit, strong=False))
        else:
            out.append(unit)
    b.units = out


# A statement of the code's scope: "Deze code geldt voor ...", "De bepalingen van dit hoofdstuk gelden voor ...".
SCOPE_STATEMENT = re.compile(
    r"\b(?:deze|de|dit)\s+(?:gedrags)?(?:code|regeling|hoofdstuk|reglement|bepalingen|regels)"
    r"(?:\s+van\s+(?:deze|dit)\s+\w+)?\s+(?:geldt|gelden|(?:is|zijn)\s+van\s+toepassing)\s+(?:\w+\s+){0,3}?(?:voor|op)\b",
    re.IGNORECASE)


def exclusions(b: Builder) -> None:
    """Provisions that only say what the code leaves out are explanation."""
    for unit in b.units:
        text = b.text[unit.start : unit.end]
        if unit.role != "normatief":
            continue
        negates = scope_negation(text) or any(exemption(s) for s in sentences(text))
        # a scope article that also says what falls outside the code ("Deze code geldt voor ...; de VOG valt
        # buiten deze code") stays a provision
        if negates and paragraph_evidence(text).exclusion and not SCOPE_STATEMENT.search(text):
            unit.role = "toelichting"


# A repealed or reserved article in a consolidated text: "Artikel 10 Uitnodigingen [Vervallen]", "[Vervallen per
# 1 januari 2020]", "Dit artikel is vervallen bij besluit van ...", "Dit artikel, dat betrekking had op ..., is
# vervallen". What follows is history ("Het luidde: ..."), not a provision.
_REPEALED_MARK = re.compile(r"[\[(]\s*(?:vervallen|gereserveerd|geschrapt|ingetrokken)\b[^\])]{0,60}[\])]",
                            re.IGNORECASE)
_REPEALED_TEXT = re.compile(
    r"^\W*(?:(?:vervallen|gereserveerd|geschrapt)\b|"
    r"(?:dit|het)\s+artikel(?:nummer)?\b(?:\s*,[^,;]{0,200},)?(?:\s+\w+){0,6}?\s+(?:is|werd)\s+(?:\w+\s+){0,8}?"
    r"(?:vervallen|geschrapt|ingetrokken|gereserveerd)\b)", re.IGNORECASE)


def repealed(b: Builder) -> None:
    """Articles that a consolidated text marks as repealed or reserved are no provisions: their heading or
    their text says so at the start ("[Vervallen]", "Dit artikel is vervallen bij besluit van ..."), and
    whatever follows (the old wording, quoted) is history."""
    for unit in b.units:
        if unit.role != "normatief":
            continue
        body = b.text[unit.body_start : unit.end]
        if _REPEALED_MARK.search(unit.heading) or _REPEALED_TEXT.match(body) or (
                not unit.heading and _REPEALED_MARK.match(body.lstrip())):
            unit.role = "toelichting"


# A heading that calls its part non-binding: "Deel B Wegwijzer (niet bindend)", "Niet-bindende tips",
# "Hoofdstuk 5 Ter informatie".
# So does a heading of intentions, findings and advice, in a nota or report around the code: "2. Ambities voor de
# komende periode", "Bevindingen per onderwerp", "Aanbevelingen", "Voornemens".
_LOOSE_HEADING = re.compile(r"\bniet[\s-]+bindend(?:e)?\b|\b(?:informatief|ter\s+informatie)\b", re.IGNORECASE)
_INTENT_HEADING = re.compile(
    r"^\W*(?:(?:hoofdstuk|deel|paragraaf|§)\s*)?(?:\d{1,2}|[IVX]{1,4}|[A-Z])?[.)]?\s*"
    r"(?:ambities|(?:beleids)?voornemens|aanbevelingen|plannen|vervolgstappen|bevindingen|conclusies)\b", re.IGNORECASE)
# The opening of a part that says of itself that it binds no one: "Niets van wat hieronder staat is een
# gedragsregel", "De tips in dit deel zijn niet bindend", "Dit hoofdstuk bevat geen regels".
_PART_SELF = (r"(?:(?:dit|dat|het\s+volgende|deze)\s+(?:deel|hoofdstuk|onderdeel|paragraaf|wegwijzer|handreiking)|"
              r"(?:de|deze)\s+(?:\w+\s+)?(?:tips|adviezen|aanbevelingen|suggesties)(?:\s+in\s+(?:dit|deze)\s+\w+)?)")
_LOOSE_OPENING = re.compile(
    r"\bniets\s+(?:van\s+)?(?:wat\s+)?(?:hier(?:onder|na)|in\s+(?:dit|deze)\s+(?:deel|hoofdstuk|onderdeel|paragraaf|"
    r"wegwijzer))\b[^.;]{0,80}?\b(?:is|vormt|geldt\s+als)\s+(?:een\s+)?(?:gedragsregel|regel|bindend|verplicht)|"
    rf"\b{_PART_SELF}\s+(?:zijn|is)\s+(?:\w+\s+){{0,3}}?(?:niet\s+bindend|informatief|geen\s+(?:gedrags)?regels?)\b|"
    rf"\b{_PART_SELF}\s+(?:bevat(?:ten)?\s+geen\s+(?:gedrags)?(?:regels|bepalingen|verplichtingen)|"
    r"bind(?:t|en)\s+(?:\w+\s+)?niet|(?:maakt|maken)\s+geen\s+(?:deel|onderdeel))\b|"
    # what the part lists, as its subject: "Ze staan hier ter informatie en zijn geen regel van deze code."
    r"\b(?:ze|zij|deze|die)\s+(?:staan|staat)\s+hier\s+(?:alleen\s+|slechts\s+)?ter\s+informatie\b|"
    r"\b(?:ze|zij|deze|die)\s+(?:\w+\s+){0,6}?(?:zijn|is)\s+geen\s+(?:gedrags)?regels?\s+van\s+(?:deze|de)\s+"
    r"(?:gedrags)?code\b",
    re.IGNORECASE)
_OPENING = 400  # characters of a part's first body in which it may call itself non-binding


def loose_parts(b: Builder) -> None:
    """Parts that call themselves non-binding, in their heading or at their opening, are explanation: the
    unit so headed and every unit of the part (the units sharing its chapter heading)."""
    loose: set[str] = set()  # chapters that declare themselves non-binding
    intents: set[str] = set()  # chapters of intentions, findings or advice
    seen: set[str] = set()
    for unit in b.units:
        first = bool(unit.chapter) and unit.chapter not in seen
        seen.add(unit.chapter)
        opening = b.text[unit.body_start : min(unit.end, unit.body_start + _OPENING)] if unit.has_body else ""
        says = _LOOSE_OPENING.search(opening) is not None
        if unit.chapter and (_LOOSE_HEADING.search(unit.chapter) or (first and says)):
            loose.add(unit.chapter)
        elif unit.chapter and _INTENT_HEADING.search(unit.chapter):
            intents.add(unit.chapter)
        # an article ("Artikel 4") keeps its role under a chapter of intentions: that chapter's heading may be one
        # the reading did not see end ("3. Voornemens", then "## 4. Gedragscode ..." with its articles)
        inherited = unit.chapter in loose or (unit.chapter in intents and not _ARTICLE_LABEL.match(unit.label))
        headed = _LOOSE_HEADING.search(unit.heading) or _INTENT_HEADING.search(unit.heading)
        if unit.role == "normatief" and (inherited or headed or (says and bool(unit.label or unit.heading))):
            unit.role = "toelichting"


_CODE_NAME = re.compile(
    r"\b(?:gedragscodes?|gedragsregels?|integriteitscode|integriteitsregeling|code\s+(?:integriteit|voor)|"
    r"(?:afspraken|regels)\s+(?:over|voor|inzake)\s+(?:de\s+)?integriteit)\b", re.IGNORECASE)
_FEW = 3
_LONG = 4000  # characters: a document this long with almost no provisions was probably misread
_LOW_SHARE = 0.2  # ... or with provisions in less than this share of its text


def presents_code(b: Builder) -> bool:
    """Whether the title or the aanhef presents the document as a code of conduct, or an adoption sentence
    hands over to its rules."""
    return b.adopted or any(unit.role in ("titel", "aanhef") and _CODE_NAME.search(b.text, unit.start, unit.end)
                            for unit in b.units)

_READ_AS: tuple[Role, ...] = ("inleiding", "toelichting")


def prose_fallback(b: Builder, is_code: bool) -> None:
    """When the structure yielded few provisions in a long or signed document that presents itself as a
    code (``is_code``) — fewer than three, or less than a fifth of its text — read its unheaded introduction and
    explanation per paragraph. Before the signature (the body of the code as adopted) a paragraph that
    states a rule becomes a provision; after it, in a long document, only paragraphs that plainly state
    rules do. Sections headed as introduction, core values or explanation keep their role."""
    if not is_code:
        return
    signed = next((u.start for u in b.units if u.role == "ondertekening"), len(b.text))
    long = sum(len(line.core) for line in b.lines) >= _LONG
    if not long and signed == len(b.text):
        return  # an excerpt (a title and an introduction) is not a code that was misread; a signed one is whole
    normative = [u for u in b.units if u.role == "normatief"]
    read = sum(u.end - u.start for u in normative)
    if len(normative) >= _FEW and read >= _LOW_SHARE * len(b.text):
        return
    out: list[Build] = []
    for unit in b.units:
        headed = unit.label or unit.heading or intro_heading(strip_label(unit.chapter.split(" ", 1)[-1])[0])
        if unit.role in _READ_AS and not headed and (unit.start < signed or long):
            out.extend(_split(b, unit, strong=unit.start >= signed, mostly=True))
        else:
            out.append(unit)
    b.units = out


# A label in quotes that the code declares non-binding: 'Kaders met het opschrift "Goed om te weten" geven
# achtergrond; zij bevatten geen regels en binden u niet.'
_QUOTED_LABEL = re.compile(r"[\"\u201c\u201e\u2018']([^\"\u201c\u201d\u2018\u2019'\n]{3,40})[\"\u201d\u2019']")
_LOOSE = re.compile(
    r"\bbind(?:t|en)\s+(?:u|je|jou|jullie|ons|hen|niemand)?\s*niet\b|\b(?:zijn|is)\s+niet\s+bindend\b|"
    r"\bbevat(?:ten)?\s+geen\s+(?:regels|afspraken|bepalingen|voorschriften)\b|"
    r"\bmaak(?:t|en)\s+geen\s+(?:deel|onderdeel)\b|\bhoren\s+niet\s+bij\s+de\s+(?:gedrags)?code\b|"
    r"\b(?:geven|geeft|bevatten|bevat)\s+(?:alleen\s+|slechts\s+)?(?:achtergrond|uitleg|toelichting)\b",
    re.IGNORECASE)


def nonbinding_labels(text: str) -> frozenset[str]:
    """The labels (folded) that the code declares to head no rules: boxes, columns or paragraphs 'met het
    opschrift "Goed om te weten"' that 'geven achtergrond' or 'binden u niet'. A part that opens with such a
    label is no evidence of a clause."""
    found: set[str] = set()
    for m in _QUOTED_LABEL.finditer(text):
        start = max(text.rfind(". ", max(0, m.start() - 300), m.start()), text.rfind("\n\n", 0, m.start()), 0)
        ends = [k for k in (text.find(". ", m.end(), m.end() + 300), text.find(".\n", m.end(), m.end() + 300))
                if k >= 0]
        sentence = text[start:min(ends, default=min(len(text), m.end() + 300))]
        if _LOOSE.search(sentence) and "tenzij" not in sentence.lower():
            found.add(m.group(1).strip().casefold())
    return frozenset(found)
