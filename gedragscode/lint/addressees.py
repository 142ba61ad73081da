"""Sentences addressed to other offices than the ones a code is for.

A code for Statenleden may say that "de wettelijke plicht om inkomsten openbaar te maken geldt voor
gedeputeerden en de commissaris van de Koning": the sentence names the clause, but for offices the code
does not cover, so it is no evidence that the code regulates the clause for its own office holders. A
sentence counts as addressed elsewhere when it says for whom it holds ("geldt (alleen) voor", "is van
toepassing op", "is bestemd voor") and the offices it names there, read with the same office words as
identification, share none with the document's offices. So does a sentence whose subject is a list of
addressees that are all other offices ("Raadsleden en wethouders kunnen ook terecht bij ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Literal, Protocol

from gedragscode.lint.identify import offices_in
from gedragscode.lint.match import fold_text
from gedragscode.model import Body

__all__ = ["MarkedScope", "Marker", "addressed_elsewhere", "marked_elsewhere"]

_ADDRESSED = re.compile(
    r"\b(?:geldt|gelden|is\s+van\s+toepassing|zijn\s+van\s+toepassing|is\s+bestemd|zijn\s+bestemd|rust|rusten|"
    r"is\s+verplicht|zijn\s+verplicht)\s+"
    r"(?:(?:alleen|uitsluitend|slechts|wel|daarentegen)\s+)?(?:voor|op)\s+(?P<tail>[^.;:]{3,160})"
)


# The subject that opens a sentence, when it is a list of addressees: "Raadsleden en wethouders kunnen ...",
# "De leden van de raad en de wethouders melden ...". Its offices are read like those after "geldt voor".
_WORD = r"[\w-]+(?:\s+van\s+(?:de|het)\s+(?:dagelijks\s+|algemeen\s+)?\w+)?"
_SUBJECT = re.compile(
    rf"^\W*(?P<subject>(?:(?:de|het|alle|onze)\s+)?{_WORD}(?:\s*(?:,|en|of)\s*(?:(?:de|het|alle)\s+)?{_WORD}){{0,3}})"
    r"\s+(?:kunnen|mogen|moeten|hebben|zijn|worden|melden|vallen|nemen|maken|gaan|doen|geven|houden|vervullen|"
    r"kan|mag|moet|heeft|is|wordt|meldt|valt|neemt|maakt|gaat|doet|geeft|houdt|vervult)\b")

# The addressees first: "Voor de wethouders geldt daarnaast dat ...", "Voor het dagelijks bestuur is er een aparte
# code met ...": read like those after "geldt voor".
_ADDRESSED_FIRST = re.compile(
    r"^\W*voor\s+(?P<tail>[^.;:,]{3,120}?)\s+(?:geldt|gelden|is\s+er|zijn\s+er|bestaat|bestaan|(?:hebben|heeft)\s+"
    r"(?:\w+\s+){0,3}?(?:een\s+)?(?:aparte|eigen|afzonderlijke|andere|separate))\b")
# "zijn alleen voor kandidaat-wethouders voorgeschreven", "is alleen bedoeld voor kandidaat-wethouders"
# "Omdat de screening alleen voor kandidaat-gedeputeerden geldt."
_ONLY_FOR_LAST = re.compile(r"\b(?:alleen|uitsluitend|slechts)\s+voor\s+(?P<tail>[^.;:,]{3,80}?)\s+"
                            r"(?:geldt|gelden|bedoeld\s+is|is\s+bedoeld)\b")
_ONLY_FOR = re.compile(r"\b(?:is|zijn|wordt|worden)\s+(?:\w+\s+){0,2}?(?:alleen|uitsluitend|slechts)\s+"
                       r"(?:bedoeld\s+)?voor\s+(?P<tail>[^.;:]{3,120})")
# The words for staff, who hold no office of the code.
_STAFF_WORDS = r"(?:medewerkers?|ambtenaren|ambtenaar|personeel|personeelsleden|personeelslid|werknemers?|stagiairs?)"
# Staff as the subject, with what qualifies them: "Medewerkers van het waterschap die ..., melden dit aan ..."
_STAFF_SUBJECT = re.compile(r"^\W*(?:de\s+|alle\s+|een\s+|elke\s+|iedere\s+|(?:een|de)\s+\w+\s+van\s+een\s+)?"
                            rf"{_STAFF_WORDS}\b"
                            r"(?:\s+van\s+(?:de|het)\s+[\w-]+)?(?:\s+die\b[^,;.]{0,160},)?\s+(?!die\b)[a-z]+")
# A short label before the sentence ("Ter vergelijking: een gedeputeerde mag ..."): the subject comes after it.
_LABEL = re.compile(r"^\W*[\w ]{2,25}(?::|\s\|)\s+(?=\w)")
# A subject with a relative clause: "Een raadslid dat op kosten van de gemeente reist, doet ..."
_SUBJECT_RELATIVE = re.compile(r"^\W*(?:een|de|het|elk|ieder|iedere)\s+"
                               r"(?P<subject>[\w-]+(?:\s+van\s+(?:de|het)\s+\w+)?)\s+(?:dat|die)\b[^,;.]{0,160},")
_FORMER = re.compile(r"\b(?:gewezen|voormalige?|oud-|vorige|vroegere)", re.IGNORECASE)
# An addressee in a general word for the members that names no office ("een lid en een commissielid", "de
# leden en de commissieleden"): the code's own office holders may be meant, so such a list is not elsewhere.
_ITEM = re.compile(r"\s*(?:,|\ben\b|\bof\b)\s*")
_GENERAL_MEMBER = re.compile(r"\b(?:lid|leden|ambtsdragers?|bestuurders?|bestuursleden)\b")


def addressed_elsewhere(body: Body, offices: Collection[str]) -> Callable[[str], bool]:
    """A predicate on sentences: True when the sentence holds only for offices outside ``offices``: it says
    so ("geldt alleen voor de wethouders"), or its subject names only other offices ("Raadsleden en wethouders
    kunnen ..." in a code for the burgemeester)."""
    own = set(offices)

    def unnamed_member(addressees: str) -> bool:
        return any(_GENERAL_MEMBER.search(item) and not offices_in(item, body) for item in _ITEM.split(addressees))

    def elsewhere(sentence: str) -> bool:
        folded = fold_text(sentence)
        for m in (_ADDRESSED.search(folded), _ADDRESSED_FIRST.match(folded), _ONLY_FOR.search(folded),
                  _ONLY_FOR_LAST.search(folded)):
            if m is not None:
                named = offices_in(m.group("tail"), body)
                if named:
                    return not (named & own) and not unnamed_member(m.group("tail"))
        if _STAFF_SUBJECT.match(folded):
            return True  # a rule for staff, who hold no office of the code
        label = _LABEL.match(folded)
        rest = folded[label.end():] if label is not None else folded
        subject = _SUBJECT.match(rest) or _SUBJECT_RELATIVE.match(rest)
        if subject is None or _FORMER.search(subject.group("subject")):
            return False  # former office holders are another subject than the offices' own words name
        named = offices_in(subject.group("subject"), body)
        return bool(named) and not (named & own) and not unnamed_member(subject.group("subject"))

    return elsewhere


MarkedScope = Literal["unit", "lead"]
"""How far a marker confines the text to other offices: ``unit``, the whole article or section it stands in;
``lead``, what it leads in (the rest of its paragraph, or the paragraphs after a lead-in that ends in ":")."""

_ONLY = r"(?:alleen|uitsluitend|slechts|enkel)"
# A part of the code as the subject: "Dit artikel", "Deze paragraaf", "Deze regels", ...
_THIS_PART = (r"\b(?:dit|deze)\s+(?:artikel|bepalingen?|paragraaf|afdeling|onderdeel|regels?|afspraak|afspraken|sectie|"
              r"deel|hoofdstuk)\s+(?:geldt|gelden|is|zijn)\s+")
# "Dit artikel geldt alleen voor de wethouders", "Deze paragraaf is uitsluitend van toepassing op ...".
_UNIT_MARKER = re.compile(
    rf"{_THIS_PART}(?:(?:van\s+toepassing\s+)?{_ONLY}|{_ONLY}\s+van\s+toepassing)\s+(?:voor|op)\s+(?P<tail>[^.;:]{{3,160}})")
# "Dit artikel geldt niet voor de commissieleden", "Deze paragraaf is niet van toepassing op ...".
_UNIT_EXCEPTION = re.compile(rf"{_THIS_PART}niet\s+(?:van\s+toepassing\s+)?(?:voor|op)\s+(?P<tail>[^.;:]{{3,160}})")
# A lead-in that names the offices and nothing else: "(Alleen gedeputeerden - vul ...)", "Alleen voor het
# bestuurscollege:", "Ter informatie - alleen voor raadsleden: ...", "Voor de burgemeester geldt bovendien:";
# also a heading "Alleen voor wethouders".
_LEAD_MARKER = re.compile(
    rf"^\W*(?:\w[\w ]{{0,25}}?\s*(?:\u2014|\u2013|-|:)\s*)?(?:\(\s*)?{_ONLY}\s+(?:voor\s+|van\s+toepassing\s+op\s+)?"
    r"(?P<tail>[^.:;()\u2014\u2013]{3,80}?)\s*(?::|\)|\u2014|\u2013|\s-\s|$)")
_FOR_MARKER = re.compile(
    r"^\W*voor\s+(?P<tail>[^.:;]{3,80}?)\s+(?:geldt|gelden)(?:\s+(?:bovendien|daarnaast|verder|ook|aanvullend|nog|"
    r"het\s+volgende))*\s*:")

# Staff, who hold no office of the code: "de medewerkers van de griffie", "ambtenaren", "het personeel".
_STAFF = re.compile(rf"^(?:de\s+|het\s+|alle\s+)?(?:\w+)?{_STAFF_WORDS}\b")
# A clause after the addressees ("..., omdat de wet alleen raadsleden noemt") names no addressee.
_CLAUSE = re.compile(r"\b(?:omdat|want|zodat|maar|tenzij|behalve|wanneer|als|indien|zolang|voor\s+zover|dan)\b")
_FINITE = re.compile(r"\b(?:mag|mogen|moet|moeten|kan|kunnen|zal|zullen|wordt|worden|is|zijn|heeft|hebben|hoeft|"
                     r"hoeven|beslist|beslissen|neemt|nemen)\b")


# A heading that names its addressees at its end: "Gedragsregels voor medewerkers", "HOOFDSTUK 4 REGELS VOOR DE
# LEDEN VAN HET DAGELIJKS BESTUUR", "Nevenwerkzaamheden van medewerkers" (staff only after "van": "Informatie van
# het college" is about the college's information, not a rule for it). The addressees are a list of nouns
# (``_WORD``), not a phrase ("Regels voor contacten met het college").
_HEADED_FOR = re.compile(
    rf"\bvoor\s+(?P<tail>(?:(?:de|het|alle)\s+)?{_WORD}(?:\s*(?:,|en|of)\s*(?:(?:de|het|alle)\s+)?{_WORD}){{0,3}})"
    r"\s*(?:\([^()]{0,40}\))?\W*$")
_HEADED_STAFF = re.compile(rf"\b(?:voor|van)\s+(?:de\s+|het\s+|alle\s+)?{_STAFF_WORDS}\b[^.;:]{{0,40}}$")
_HEADING_MAX = 120


class Marker(Protocol):
    """The predicate :func:`marked_elsewhere` returns."""

    def __call__(self, text: str, heading: bool = False) -> MarkedScope | None: ...


def marked_elsewhere(body: Body, offices: Collection[str]) -> Marker:
    """A predicate on sentences and headings: the scope (:data:`MarkedScope`) that the text, read as a marker,
    confines to offices outside ``offices`` ("Dit artikel geldt alleen voor de wethouders" in a code for the
    raad: ``unit``; "(Alleen gedeputeerden - ...)" in a code for Statenleden: ``lead``), else None. A marker
    that names one of the code's own offices, or names them besides others, confines nothing away from them;
    nor does "ook" ("Dit artikel geldt ook voor ..."). A ``heading`` (of an article or of the chapter it
    stands in) that names only other addressees at its end ("Gedragsregels voor medewerkers") marks its
    whole unit."""
    own = set(offices)

    def addressees(tail: str) -> str:
        return _CLAUSE.split(tail, maxsplit=1)[0]

    def other(tail: str, lead: bool = False) -> bool:
        if lead and (len(tail.split()) > 6 or _FINITE.search(tail)):
            return False  # "Alleen de voorzitter mag ... :" is a rule, not a lead-in
        named = addressees(tail)
        found = offices_in(named, body)
        if not found:  # "Dit artikel geldt alleen voor de medewerkers van de griffie": staff, no office
            return _STAFF.match(named.strip()) is not None
        return not (found & own)

    def marked(text: str, heading: bool = False) -> MarkedScope | None:
        folded = fold_text(text).strip()
        if heading and len(folded) <= _HEADING_MAX:
            if _HEADED_STAFF.search(folded):
                return "unit"
            m = _HEADED_FOR.search(folded)
            if m is not None and offices_in(m.group("tail"), body) and other(m.group("tail")):
                return "unit"
        m = _UNIT_MARKER.search(folded)
        if m is not None and other(m.group("tail")):
            return "unit"
        m = _UNIT_EXCEPTION.search(folded)
        if m is not None and own and own <= offices_in(addressees(m.group("tail")), body):
            return "unit"
        m = _LEAD_MARKER.match(folded) or _FOR_MARKER.match(folded)
        if m is not None and other(m.group("tail"), lead=True):
            return "lead"
        return None

    return marked
