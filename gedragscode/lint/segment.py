"""Structural segmentation of a code of conduct: units (articles and other blocks), leden, sentences.

:func:`segment` reads the normalised text of a :class:`SourceDocument` the way a jurist would:

1. The text is cut into lines (with exact offsets). Very long lines, as in PDF-to-text
   transcripts where a whole code is on one line, are split further at heading markers
   ("Artikel 2 Titel", "1.2 Onder ...", "Gelet op", "Inleiding") that are not references.
2. The *front matter* is read first: regulation-site metadata ("Geldend van", "Wetstechnische
   informatie" up to "Tekst van de regeling"), the title and Intitulé, and the aanhef ("De raad
   van ...;", "gelet op ...", "besluit:", the besluit's numbered points) up to the start of the
   code proper.
3. The body is read line by line as a small state machine: article headings ("Artikel 2.1",
   "Art. 4", "ARTIKEL 5", "Regel 1 (voor wie)", "Gedragsregel 3", "Bepaling 2", "2.1" standing alone,
   run-in "1.1 De code geldt ..."), chapters
   ("Hoofdstuk 1", "Paragraaf 2", "§ 3", "Deel I", "II ...", "1. Title" over articles 1.x),
   introduction sections, table of contents, oath texts, signatures, toelichting and bijlagen.
   Explanatory sections ("Uitleg bij ...", "Vragen en antwoorden", "Veelgestelde vragen", "Q&A",
   "Hoe werkt ...", "Toelichting: ...") and blocks of answered questions are toelichting wherever
   they stand; such a section ends at an article or chapter heading, or at a heading that starts
   provisions ("Gedragsregels", "Slotbepalingen", or headed sections that hold duties).
   Prose before the first article is introduction; a document without any numbering becomes one
   unit per paragraph.
4. Within a unit, leden ("1.", "1 ", "(1)", "lid 1", "1.2" under "Artikel 1") are marked and the
   text is split into sentences without breaking abbreviations, numbers or list labels.

Everything is linear in the size of the text; offsets are exact so that
``doc.text[s.span.start:s.span.end] == s.text`` for every sentence.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from gedragscode.lint.document import LidSegment, Role, Segmentation, Sentence, SourceDocument, Span, Unit

__all__ = ["segment", "split_sentences"]

# ---------------------------------------------------------------- patterns

_BULLETS = "•·▪◦‣■□➢►○●❖✓➤-–—*"
_LEAD_BULLETS = re.compile(rf"^(?:[{re.escape(_BULLETS)}](?=\s|$)\s*)+")
_RUNON_MIN = 300

_ARTICLE = re.compile(
    r"^(?P<kw>Artikel|ARTIKEL|artikel|Art\.|ART\.|art\.|Art(?=\s*\d)|ART(?=\s*\d))\s*"
    r"(?P<num>\d{1,3}[a-zA-Z]?(?:[.:]\d{1,3}[a-zA-Z]?)*)(?P<dot>\.)?(?=$|[\s:\-–—]|(?<=\.)[A-Z])"
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
    r"^(?P<kw>§§?)\s*(?P<num>\d{1,3}[a-z]?(?:\.\d{1,3})*)(?P<dot>\.)?[ \t]*(?:[-–—:][ \t]*)?(?P<rest>.*)$"
)
_ROMAN = re.compile(r"^(?P<num>[IVX]{1,5})(?P<dot>\.)?\s+(?P<rest>[A-Z][^;:]{1,100})$")
_LETTER_HEAD = re.compile(r"^(?P<num>[A-Z])(?P<dot>\.)\s+(?P<rest>[A-Z][^;:]{1,100})$")
_NUMBERED = re.compile(
    r"^(?P<num>\d{1,3}(?:\.\d{1,3})*)(?P<dot>[.)])?(?:(?=\s)|$|(?<=\.)(?=[A-Z]))\s*(?P<rest>.*)$", re.DOTALL
)
_PAREN = re.compile(r"^\((?P<num>\d{1,3})\)\s*(?P<rest>.*)$", re.DOTALL)
_LIDWORD = re.compile(r"^(?:lid|Lid|LID)\s+(?P<num>\d{1,3})(?P<dot>[.:])?(?=\s|$)\s*(?P<rest>.*)$", re.DOTALL)
_SUBITEM = re.compile(r"^(?:\(?[a-z]{1,2}[.)]|\([ivx]{1,5}\)|[ivx]{1,5}\.)(?=\s|$)")

_INTRO_STRONG = re.compile(
    r"^(?:algemene\s+)?(?:inleiding|preambule|voorwoord|woord\s+vooraf|ten\s+geleide|introductie|"
    r"leeswijzer|kernbegrippen|kernwaarden|waarden\s+en\s+normen)\b",
    re.IGNORECASE,
)
_INTRO_WEAK = re.compile(
    r"^(?:uitgangspunten|achtergrond|aanleiding|doelstelling|doel(?:\s+van\s+(?:de|deze|dit|het)\s+"
    r"(?:gedrags)?(?:code|protocol|regeling))?|over\s+(?:dit|het|deze)\s+(?:protocol|gedragscode|code|regeling)|"
    r"waarom\s+een\s+gedragscode)\s*[:.]?$",
    re.IGNORECASE,
)
_TOELICHTING = re.compile(
    r"^(?:(?:algemene|artikelsgewijze|artikelgewijze|artikel\s*gewijze|nadere|memorie\s+van|nota\s+van)\s+)?"
    r"toelichting(?:\s+(?:op|bij|per)\b[^.;]{0,100}|\s*(?:algemeen|artikelsgewijs|artikelgewijs)|"
    r"\s+(?:artikel|art\.)\s*\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?)*)?\s*[:.]?$",
    re.IGNORECASE,
)
# "Toelichting: vragen en antwoorden", "Toelichting - hoe de code werkt": a titled toelichting heading.
_TOELICHTING_TITLED = re.compile(
    r"^(?:(?:algemene|nadere)\s+)?toelichting\s*[:\-–—]\s*[^.;:!]{1,80}[?]?$", re.IGNORECASE
)
# Headings of explanatory sections that are no provisions, wherever they stand: "Uitleg bij de
# gedragsregels", "Vragen en antwoorden", "Veelgestelde vragen", "Q&A", "Hoe werkt deze code?".
_EXPLANATORY = re.compile(
    r"^(?:uitleg(?:\s+(?:bij|over|van|op|en)\b[^.;:!?]{0,80})?|"
    r"(?:veel\s*gestelde\s+)?vragen(?:\s+en\s+antwoorden)?(?:\s+(?:bij|over|van|op)\b[^.;:!?]{0,80})?|"
    r"vraag\s+en\s+antwoord|q\s*&\s*a|faq|hoe\s+werk(?:t|en)\b[^.;:!?]{0,80})\s*[:.?]?$",
    re.IGNORECASE,
)
# A heading that announces the provisions themselves ("Gedragsregels", "De regels", "Afspraken").
_RULES_HEADING = re.compile(
    r"^(?:(?:de\s+|onze\s+)?(?:gedrags)?(?:regels|bepalingen|afspraken)\b[^.;:!?]{0,60}|slot(?:bepaling(?:en)?)?)$",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"^[A-Z][^?]{3,200}\?[\"”’'»)]?$")
_BIJLAGE = re.compile(
    r"^(?:bijlage|bijlagen|BIJLAGE|BIJLAGEN)\b(?:\s+(?:\d{1,3}|[IVX]{1,5}|[A-Z])\b)?[^.;]{0,120}$", re.IGNORECASE
)
_BIJLAGE_LABEL = re.compile(
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
_TOC = re.compile(r"^(?:inhoudsopgave|inhoud|inhoudstafel|inhoudsoverzicht)\s*:?$", re.IGNORECASE)
_TOC_ENTRY = re.compile(
    r"^.{2,120}?(?:\s*(?:\.{3,}|…+|(?:\s\.){3,}|_{3,})\s*|\t|\s{3,})\d{1,3}$|^.{2,100}\s\.{2,}\s*\d{1,3}$"
)
# An explanatory note inside an article: "Toelichting: ...", "Noot: ...", "Opmerking: ...", "Uitleg: ..."
# at the start of a line or of a sentence.
_NOTE = re.compile(
    rf"(?:^|(?<=[.!?;:)]\s)|(?<=[.!?;:)]\s\s))[ \t]*(?:[{re.escape(_BULLETS)}][ \t]+)?"
    r"(?P<note>(?:Toelichting|TOELICHTING|Noot|NOOT|Opmerking|OPMERKING|Uitleg|UITLEG)[ \t]*:)",
    re.MULTILINE,
)
_INTITULE = re.compile(r"^intitul[eé]\s*:?$", re.IGNORECASE)

_META_BLOCK_START = re.compile(r"^(?:wetstechnische\s+informatie|gegevens\s+van\s+de\s+regeling)\s*$", re.IGNORECASE)
_META_BLOCK_END = re.compile(r"^tekst\s+van\s+de\s+regeling\s*$", re.IGNORECASE)
_META_LINE = re.compile(
    r"^(?:regeling\s+vervallen\s+per|geldend\s+(?:van|vanaf|tot)|dit\s+is\s+een\s+toekomstige\s+tekst|"
    r"ziet\s+u\s+een\s+fout|wetstechnische\s+informatie|gegevens\s+van\s+de\s+regeling|"
    r"overzicht\s+van\s+in\s+de\s+tekst|tekst\s+van\s+de\s+regeling|permanente\s+link|"
    r"naar\s+de\s+(?:actuele|door\s+u\s+bekeken)\s+versie|https?://|www\.|datum\s+publicatie|"
    r"zoals\s+vergunningen,|adressen\s+en\s+contactpersonen|u\s+bent\s+hier|save\s+this\s+pdf|"
    r"download\b|transcriptie\s*$|maat:|weergave\s+met\s+pagina|afbeelding\s+binnen\s+de\s+regeling|"
    r"zaaknummer\b|documentnummer\b|registratienummer\b|kenmerk\s*:|"
    r"(?:gemeente|provinciaal|waterschaps|staats)(?:blad|courant)\s+(?:van|\d)|"
    r"afkondigingsblad\b(?:\s+(?:van\s+)?(?:bonaire|sint\s+eustatius|saba|\d)[^.;:]{0,40})?$|"
    r"jaargang\s+en\s+nummer|bron\s+bekendmaking|datum\s+(?:inwerkingtreding|ondertekening|uitwerkingtreding)|"
    r"kenmerk\s+voorstel|terugwerkende\s+kracht|officiële\s+naam\s+regeling|organisatietype|"
    r"opmerkingen\s+met\s+betrekking|wettelijke\s+grondslag\(en\)|citeertitel\S|vastgesteld\s+door\S|"
    r"eigen\s+onderwerp|onderwerp\S|organisatie\S|[-|: ]*---|"
    r"(?:word|png|txt|jpg|pdf)(?:\s+(?:word|png|txt|jpg|pdf))+\s*$|"
    r"\d{2}-\d{2}-\d{4}\s*(?:\d{2}-\d{2}-\d{4})?\s*(?:nieuwe\s+regeling|wijziging|intrekking)?\s*$)",
    re.IGNORECASE,
)
_OPENER = re.compile(
    r"^(?:de\s+(?:gemeente)?raad\s+(?:van|der)\b|de\s+eilandsraad|(?:de\s+)?provinciale\s+staten\s+van\b|"
    r"(?:het\s+)?algemeen\s+bestuur\s+van\b|de\s+verenigde\s+vergadering\b|(?:het\s+)?dagelijks\s+bestuur\s+van\b|"
    r"(?:het\s+)?college\s+van\s+(?:burgemeester|gedeputeerde|dijkgraaf)|gedeputeerde\s+staten\s+van\b|"
    r"de\s+burgemeester\s+van\b|het\s+bestuur\s+van\b|de\s+raad\s*[;,]\s*$)",
    re.IGNORECASE,
)
_AANHEF = re.compile(
    r"^(?:gelet\s+op|gelezen|gezien|gehoord|overwegende|op\s+voordracht|op\s+(?:basis|grond)\s+van|"
    r"in\s+aanmerking\s+(?:genomen|nemende)|in\s+overweging\s+genomen|mede\s+gelet|beschikkende|"
    r"maken\s+(?:ter|bekend)|bekendmaking\s*$|besluit\s*$)",
    re.IGNORECASE,
)
_BESLUIT = re.compile(
    r"^(?:b\s?e\s?s\s?l\s?u\s?i\s?t(?:\s?e\s?n)?|besluit\s*/\s*besluiten|stell?en\s+vast)\s*[:;,.]?\s*"
    r"(?:$|vast\s+te\s+stellen|tot\b|om\b|in\s+te\s+trekken|:)",
    re.IGNORECASE,
)
_BESLUIT_CONTENT = re.compile(
    r"(?:vast\s+te\s+stellen|in\s+te\s+trekken|te\s+wijzigen|te\s+bepalen|in\s+werking|vaststelling\s+van|"
    r"navolgende|als\s+volgt|luidt\s+als\s+volgt|gelijktijdige\s+intrekking|onder\s+intrekking)",
    re.IGNORECASE,
)
# The adoption sentence that hands over to the regulation itself: "vast te stellen de volgende
# gedragsregels:", "de navolgende gedragscode vast te stellen:", "als volgt vast te stellen:".
_ADOPTION = re.compile(
    r"\bvast\s+te\s+stellen\b.*\b(?:(?:na|hierna\s+)?volgende|als\s+volgt|onderstaande|hieronder)\b.*:$|"
    r"\b(?:(?:na|hierna\s+)?volgende|als\s+volgt|onderstaande)\b.*\bvast\s+te\s+stellen\s*:$",
    re.IGNORECASE,
)
# A numbered or lettered point of the besluit: "1.", "II.", "a." before "In te trekken ...".
_POINT_LABEL = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-z])[.)]\s*")
_BESLUIT_START = re.compile(
    r"^(?:vast\s+te\s+stellen|in\s+te\s+trekken|te\s+bepalen|om\s+|de\s+navolgende|en\s+|onder\s+intrekking)",
    re.IGNORECASE,
)
_ONDERTEKENING = re.compile(
    r"^(?:aldus\s+(?:vastgesteld|besloten)|zo\s+vastgesteld|vastgesteld\s+(?:in|bij|tijdens)\s+(?:de\s+|het\s+)?"
    r"(?:openbare\s+)?(?:vergadering|raadsvergadering|besluit|statenvergadering)|"
    r"(?:de\s+)?(?:griffier|voorzitter|statengriffier|secretaris|eilandgriffier|dijkgraaf|"
    r"secretaris-directeur|algemeen\s+directeur)\s*[,.]?$|ondertekening\s*$|namens\s+(?:de|het)\s+"
    r"(?:raad|algemeen\s+bestuur|provinciale\s+staten|staten)\b|"
    r"(?:de|het)\s+(?:raad|algemeen\s+bestuur|provinciale\s+staten)\s+(?:voornoemd|van\s+\S+)\s*,\s*$)",
    re.IGNORECASE,
)
_EED = re.compile(
    r"^[“”\"'‘’„«]?\s*(?:ik\s+(?:zweer|beloof|verklaar)\b|zo\s+waarlijk\s+helpe\s+mij|dat\s+verklaar\s+en\s+beloof\s+ik)",
    re.IGNORECASE,
)
_EED_END = re.compile(
    r"(?:helpe\s+mij\s+god\s+almachtig|verklaar\s+en\s+beloof\s+ik)\s*[!.]?\s*[”\"'’»]?\s*$", re.IGNORECASE
)
_TITLE_WORDS = re.compile(
    r"\b(?:gedragscode|gedragscodes|code|protocol|regeling|reglement|integriteitsbeleid|besluit|"
    r"verordening|beleidsregels?)\b",
    re.IGNORECASE,
)
_SENTENCE_INSIDE = re.compile(r"[a-z0-9)\]][.!?]\s+[A-Z]")
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

# Sentences
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
_BOUNDARY = re.compile(r"[.!?;]+[\"”’'»)\]]*(?=\s|$)")
_CHUNK_LABEL = re.compile(
    rf"(?:[{re.escape(_BULLETS)}](?=\s|$)\s*)*"
    r"(?:(?:lid|Lid)\s+\d{1,3}[.:]?(?=\s|$)|\(\d{1,3}\)|\(?[a-z]{1,2}[.)]|\([ivx]{1,5}\)|[ivx]{1,5}\.|"
    r"\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=\s+[A-Z]))?(?=\s|$)\s*"
)
_NEW_CHUNK = re.compile(
    rf"^(?:[{re.escape(_BULLETS)}](?=\s|$)|\(?[a-z]{{1,2}}[.)](?=\s|$)|\(\d{{1,3}}\)|\d{{1,3}}(?:\.\d{{1,3}})*[.)](?=\s|$)|"
    r"(?:lid|Lid)\s+\d)"
)


# ---------------------------------------------------------------- lines


@dataclass
class _Line:
    start: int
    end: int
    text: str
    core_start: int
    core: str
    runon: bool = False


def _make_line(text: str, start: int, end: int, runon: bool = False) -> _Line | None:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return None
    lead = len(raw) - len(raw.lstrip())
    s = start + lead
    e = s + len(stripped)
    m = _LEAD_BULLETS.match(stripped)
    core_off = m.end() if m else 0
    return _Line(s, e, stripped, s + core_off, stripped[core_off:], runon)


def _previous_word(text: str, pos: int) -> str:
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
        prev = _previous_word(text, pos)
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


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
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


# ---------------------------------------------------------------- line classification


@dataclass
class _Head:
    kind: str  # article | chapter | sign | roman | letter | numbered | paren | lidword
    label: str
    number: str
    rest: str
    rest_start: int  # offset of rest in the document
    dot: bool = False


def _number_key(number: str) -> tuple[int, ...] | None:
    """Article number "4.2" -> (4, 2); None for numbers with letters ("2a")."""
    parts = re.split(r"[.:]", number)
    if not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def _is_title_text(rest: str, limit: int = 100) -> bool:
    rest = rest.strip()
    if not rest or len(rest) > limit:
        return False
    if rest[-1] in ".;,:" and not rest.endswith("..."):
        return False
    if _SENTENCE_INSIDE.search(rest):
        return False
    return len(rest.split()) <= 14


def _starts_upper(rest: str) -> bool:
    c = rest[:1]
    return bool(c) and (c.isupper() or c.isdigit() or c in "(“\"‘'[")


def _head(line: _Line) -> _Head | None:
    core = line.core
    base = line.core_start
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
                or (kw.islower() and not _starts_upper(rest))
            ):
                ok = False
        if kw.islower() and rest and len(core) > 120:
            ok = False
        if ok:
            label = core[: m.end("dot") if m.group("dot") else m.end("num")]
            return _Head("article", label, m.group("num").replace(":", "."), rest, base + m.start("rest"),
                         bool(m.group("dot")))  # fmt: skip
    m = _RULE_HEAD.match(core)
    if m:
        rest = m.group("rest")
        titled = not rest or (_starts_upper(rest) and _is_title_text(rest, 80))
        run_in = bool(rest) and bool(m.group("dot") or m.group("sep")) and _starts_upper(rest)
        if titled or run_in:
            label = core[: m.end("dot") if m.group("dot") else m.end("num")]
            return _Head("article", label, m.group("num"), rest, base + m.start("rest"), bool(m.group("dot")))
    m = _CHAPTER.match(core)
    if m:
        rest = m.group("rest")
        lower_title = bool(rest) and not m.group("kw").islower() and _is_title_text(rest)
        if (
            (not rest or _starts_upper(rest) or lower_title)
            and len(rest) <= 150
            and not (m.group("kw").lower() in ("titel", "onderdeel") and not rest)
        ):
            if m.group("kw").islower() and rest and not _is_title_text(rest):
                return None
            label = core[: m.end("dot") if m.group("dot") else m.end("num")]
            return _Head("chapter", label, m.group("num"), rest, base + m.start("rest"), bool(m.group("dot")))
    m = _SECTION_SIGN.match(core)
    if m:
        label = core[: m.end("dot") if m.group("dot") else m.end("num")]
        return _Head("sign", label, m.group("num"), m.group("rest"), base + m.start("rest"), bool(m.group("dot")))
    m = _ROMAN.match(core)
    if m and _is_title_text(m.group("rest")):
        label = core[: m.end("dot") if m.group("dot") else m.end("num")]
        return _Head("roman", label, m.group("num"), m.group("rest"), base + m.start("rest"), bool(m.group("dot")))
    m = _LETTER_HEAD.match(core)
    if m and _is_title_text(m.group("rest"), 90):
        return _Head("letter", core[: m.end("dot")], m.group("num"), m.group("rest"), base + m.start("rest"), True)
    m = _NUMBERED.match(core)
    if m:
        rest = m.group("rest")
        dot = m.group("dot")
        num = m.group("num")
        depth = num.count(".") + 1
        if dot or depth > 1 or not rest or _starts_upper(rest):
            label = core[: m.end("dot") if dot else m.end("num")]
            return _Head("numbered", label, num, rest, base + m.start("rest"), bool(dot))
        return None
    m = _PAREN.match(core)
    if m:
        return _Head("paren", core[: m.end("num") + 1], m.group("num"), m.group("rest"), base + m.start("rest"))
    m = _LIDWORD.match(core)
    if m and (not m.group("rest") or _starts_upper(m.group("rest"))):
        label = core[: m.end("dot") if m.group("dot") else m.end("num")]
        return _Head("lidword", label, m.group("num"), m.group("rest"), base + m.start("rest"))
    return None


def _strip_label(core: str) -> tuple[str, bool]:
    """The text of a line without a leading number/letter label, and whether there was one."""
    m = re.match(
        r"^(?:(?:hoofdstuk|paragraaf|deel|afdeling)\s+)?(?:\d{1,3}(?:\.\d{1,3})*|[IVX]{1,5}|[A-Z])[.)]?\s+(?=\S)",
        core,
        re.IGNORECASE,
    )
    if m:
        return core[m.end() :], True
    return core, False


def _intro_heading(core: str) -> bool:
    text, labelled = _strip_label(core)
    text = text.strip()
    if len(text) > 90:
        return False
    if _INTRO_STRONG.match(text):
        return len(text.split()) <= 8 and not text.endswith((".", ";", ","))
    return not labelled and bool(_INTRO_WEAK.match(text))


def _heading_like(line: _Line) -> bool:
    core = line.core
    if line.core_start != line.start:  # bulleted line
        return False
    if not core or len(core) > 90 or not (core[0].isupper() or core[0].isdigit()):
        return False
    if core[-1] in ".;,:" or "|" in core:
        return False
    text, _ = _strip_label(core)
    if _SENTENCE_INSIDE.search(text) or ";" in core:
        return False
    return len(core.split()) <= 10


def _body_like(line: _Line) -> bool:
    """Whether a line reads as running text under a heading: long, lower-case, bulleted, or a sentence."""
    core = line.core
    if len(core) > 60 or core[:1].islower() or line.core_start != line.start:
        return True
    return core.endswith((".", ";", ":")) and len(core.split()) >= 5 and not _SENTENCE_INSIDE.search(core[:-1])


# ---------------------------------------------------------------- unit building


@dataclass
class _Build:
    role: Role
    label: str
    number: str
    heading: str
    chapter: str
    start: int
    body_start: int
    end: int
    keyword_article: bool = False
    lids: list[tuple[str, int, int]] = field(default_factory=list)  # (label, mark start, text start)
    has_body: bool = False

    def add(self, line: _Line) -> None:
        if not self.has_body:
            self.body_start = line.start
            self.has_body = True
        self.end = max(self.end, line.end)

    def add_from(self, offset: int, end: int) -> None:
        if not self.has_body:
            self.body_start = offset
            self.has_body = True
        self.end = max(self.end, end)

    def last_lid_number(self) -> int | None:
        for label, _, _ in reversed(self.lids):
            if label.isdigit():
                return int(label)
        return None


class _Segmenter:
    def __init__(self, doc: SourceDocument) -> None:
        self.doc = doc
        self.text = doc.text
        self.lines = _lines(doc.text)
        self.heads: list[_Head | None] = [_head(line) for line in self.lines]
        self.units: list[_Build] = []
        self.cur: _Build | None = None
        self.chapters: dict[int, str] = {}
        n = len(self.lines)
        self.first_article: int | None = None
        # numbers of the normative articles so far, in document order
        self.article_numbers: list[str] = []
        self._rules_from: dict[int, bool] | None = None
        # the front matter ended with an adoption sentence ("vast te stellen de volgende gedragsregels:")
        self.adopted = False
        for i in range(n):
            if self._strong_article(i):
                self.first_article = i
                break
        # next line index (> i) holding a numbered or article heading
        self.next_numbered: list[int] = [n] * (n + 1)
        nxt = n
        for i in range(n - 1, -1, -1):
            self.next_numbered[i] = nxt
            h = self.heads[i]
            if h is not None and h.kind in ("numbered", "article"):
                nxt = i

    # -- helpers -------------------------------------------------------------------------

    def _strong_article(self, i: int) -> bool:
        h = self.heads[i]
        if h is None:
            return False
        if h.kind == "article":
            return True
        if h.kind == "numbered" and "." in h.number:
            first = int(h.number.split(".", 1)[0])
            return first <= 40 and (not h.rest or _starts_upper(h.rest))
        return False

    @property
    def chapter(self) -> str:
        return self.chapters[max(self.chapters)] if self.chapters else ""

    def set_chapter(self, level: int, text: str) -> None:
        for k in [k for k in self.chapters if k >= level]:
            del self.chapters[k]
        self.chapters[level] = " ".join(text.split())

    def close(self) -> None:
        if self.cur is not None:
            self.units.append(self.cur)
            self.cur = None

    def open(self, role: Role, line: _Line, *, label: str = "", number: str = "", heading: str = "",
             body_from: int | None = None, keyword_article: bool = False) -> _Build:  # fmt: skip
        self.close()
        unit = _Build(role, label, number, heading, self.chapter, line.start, line.end, line.end,
                      keyword_article=keyword_article)  # fmt: skip
        if body_from is not None and body_from < line.end:
            unit.add_from(body_from, line.end)
        self.cur = unit
        return unit

    def append(self, line: _Line, role: Role) -> _Build:
        if self.cur is None:
            return self.open(role, line, body_from=line.start)
        self.cur.add(line)
        return self.cur

    def next_is(self, i: int, kinds: Sequence[str]) -> bool:
        if i + 1 >= len(self.lines):
            return False
        h = self.heads[i + 1]
        return h is not None and h.kind in kinds

    # -- front matter ----------------------------------------------------------------------

    def _body_heading(self, i: int) -> bool:
        line = self.lines[i]
        h = self.heads[i]
        if self._strong_article(i):
            return True
        if h is not None and h.kind in ("chapter", "sign", "roman"):
            return True
        if h is not None and h.kind == "letter" and _heading_like(line):
            return True
        if _intro_heading(line.core) and _heading_like(line):
            return True
        if _TOELICHTING.match(line.core) or _TOC.match(line.core) or self._explanatory_heading(i) or self._qa_block(i):
            return True
        if h is not None and h.kind == "numbered" and h.dot and "." not in h.number and _is_title_text(h.rest, 80):
            nxt = self.next_numbered[i]
            if nxt < len(self.lines):
                nh = self.heads[nxt]
                if nh is not None and nh.number.startswith(h.number + "."):
                    return True
        return False

    def front(self) -> int:
        lines = self.lines
        n = len(lines)
        limit = n
        for i in range(n):
            if self._body_heading(i):
                limit = i
                break
        aanhef_at = [
            bool(_OPENER.match(lines[i].core) or _AANHEF.match(lines[i].core) or _BESLUIT.match(lines[i].core))
            for i in range(limit)
        ]
        meta_end: int | None = None
        title_seen = aanhef_seen = besluit_seen = adopted = False
        in_meta = False
        i = 0
        while i < limit:
            line = lines[i]
            core = line.core
            if in_meta:
                self.append_role(line, "metadata")
                if _META_BLOCK_END.match(core) or (
                    meta_end is None
                    and (i + 1 < limit)
                    and (_INTITULE.match(lines[i + 1].core) or _OPENER.match(lines[i + 1].core))
                ):
                    in_meta = False
                i += 1
                continue
            if not core:  # a bare bullet: belongs to whatever precedes it
                if self.cur is not None:
                    self.cur.add(line)
                    i += 1
                    continue
                return i
            if _META_BLOCK_START.match(core):
                in_meta = True
                meta_end = next((j for j in range(i + 1, limit) if _META_BLOCK_END.match(lines[j].core)), None)
                self.append_role(line, "metadata")
                i += 1
                continue
            if _EED.match(core):
                return i
            if _ONDERTEKENING.match(core) and (aanhef_seen or title_seen):
                self.append_role(line, "ondertekening")
                i += 1
                continue
            if _META_LINE.match(core) or ("|" in core and core.count("|") >= 2):
                self.append_role(line, "metadata")
                i += 1
                continue
            if _INTITULE.match(core):
                self.append_role(line, "titel", force_new=True)
                if i + 1 < limit and not aanhef_at[i + 1] and len(lines[i + 1].core) <= 300:
                    self.append_role(lines[i + 1], "titel")
                    i += 1
                title_seen = True
                i += 1
                continue
            is_aanhef = aanhef_at[i]
            if is_aanhef:
                self.append_role(line, "aanhef")
                aanhef_seen = True
                if _BESLUIT.match(core):
                    besluit_seen = True
                if besluit_seen and _ADOPTION.search(core):
                    adopted = True
                i += 1
                continue
            first = core[:1]
            title_like = (
                len(core) <= 250
                and (first.isupper() or first.isdigit() or first in "“\"'‘")
                and core[-1] not in ";:,"
                and not _SENTENCE_INSIDE.search(core)
                and (not aanhef_seen or core[-1] != ".")
            )
            continuation = first.islower() or line.core_start != line.start or core[-1] in ";,:"
            h = self.heads[i]
            numbered_item = h is not None and h.kind in ("numbered", "paren")
            # After "vast te stellen de volgende gedragsregels:" the regulation itself follows: its title
            # (title-like lines), a further point of the besluit ("2. In te trekken ..."), or its rules.
            if adopted and not title_like and not _BESLUIT_START.match(_POINT_LABEL.sub("", core)):
                self.adopted = True
                return i
            if besluit_seen and (
                _BESLUIT_START.match(core)
                or ((continuation or numbered_item or _BESLUIT_CONTENT.search(core)) and not title_like)
            ):
                self.append_role(line, "aanhef")
                if _ADOPTION.search(core):
                    adopted = True
                i += 1
                continue
            if title_like:
                looks_heading = (
                    title_seen
                    and not (_TITLE_WORDS.search(core) and len(core.split()) >= 3)
                    and i + 1 < n
                    and len(lines[i + 1].core) > 120
                )
                if looks_heading:
                    return i
                if besluit_seen and (continuation or _BESLUIT_CONTENT.search(core)) and not _TITLE_WORDS.search(core):
                    self.append_role(line, "aanhef")
                else:
                    self.append_role(line, "titel")
                    title_seen = True
                i += 1
                continue
            if besluit_seen and (continuation or numbered_item or _BESLUIT_CONTENT.search(core)):
                self.append_role(line, "aanhef")
                i += 1
                continue
            if aanhef_seen and not besluit_seen and (continuation or numbered_item):
                self.append_role(line, "aanhef")
                i += 1
                continue
            if not aanhef_seen and any(aanhef_at[j] for j in range(i + 1, min(limit, i + 12))):
                self.append_role(line, "aanhef" if title_seen else "titel")
                title_seen = True
                i += 1
                continue
            return i
        return limit

    def append_role(self, line: _Line, role: Role, *, force_new: bool = False) -> None:
        if self.cur is not None and self.cur.role == role and not force_new:
            self.cur.add(line)
        else:
            self.open(role, line, body_from=line.start)

    # -- body --------------------------------------------------------------------------------

    def body(self, start: int, front_aanhef: bool) -> None:
        lines = self.lines
        n = len(lines)
        has_articles = self.first_article is not None
        zone = "pre"  # pre | code | toel | bijl | onder
        intro = False
        # whether any heading follows index i
        heading_after = [False] * (n + 1)
        for i in range(n - 1, -1, -1):
            h = self.heads[i]
            heading_after[i] = (
                heading_after[i + 1]
                or (h is not None and h.kind in ("article", "chapter", "sign", "roman", "letter"))
                or _intro_heading(lines[i].core)
                or (_heading_like(lines[i]) and i + 1 < n and len(lines[i + 1].core) > 90)
            )
        pre_role: Role = "inleiding" if (has_articles or front_aanhef) else "normatief"
        zone_before = zone
        toel_articles = False
        i = start
        while i < n:
            line = lines[i]
            core = line.core
            h = self.heads[i]
            # --- zone switches that always apply
            if (
                (_TOELICHTING.match(core) or _TOELICHTING_TITLED.match(core))
                and len(core) <= 120
                and line.core_start == line.start
            ):
                self.chapters.clear()
                self.open("toelichting", line, heading=core)
                zone = "toel"
                toel_articles = False  # no article heading inside this toelichting yet
                i += 1
                continue
            if _BIJLAGE.match(core) and line.core_start == line.start and _heading_like(line):
                self.chapters.clear()
                bm = _BIJLAGE_LABEL.match(core)
                label = bm.group("label") if bm else core.split(None, 1)[0]
                self.open(
                    "bijlage",
                    line,
                    label=label,
                    number=bm.group("num") or "" if bm else "",
                    heading=(bm.group("rest") if bm else "").strip(),
                )
                zone = "bijl"
                i += 1
                continue
            if (
                zone == "toel"
                and h is not None
                and h.kind == "article"
                and not any(u.role == "normatief" for u in self.units)
                and not (self.cur is not None and self.cur.role == "normatief")
            ):
                zone = "code"  # a toelichting before the code: the first article starts the provisions
            if zone == "toel" and not toel_articles and h is not None and self._resumes_code(i):
                # "Toelichting op artikel 1" inline, then "Artikel 2 ...": the provisions go on. An
                # article-wise toelichting at the end repeats numbers already seen and stays toelichting.
                zone = "code"
            if zone in ("toel", "bijl"):
                role: Role = "toelichting" if zone == "toel" else "bijlage"
                if h is not None and h.kind == "article":
                    if zone == "toel":
                        toel_articles = True
                    titled = _is_title_text(h.rest)
                    self.open(
                        role,
                        line,
                        label=h.label,
                        number=h.number,
                        heading=h.rest.strip() if titled else "",
                        body_from=None if titled else h.rest_start,
                    )
                else:
                    self.append(line, role)
                i += 1
                continue
            if _TOC.match(core):
                i = self.toc(i)
                continue
            if (
                _TOC_ENTRY.match(core)
                and i + 2 < n
                and _TOC_ENTRY.match(lines[i + 1].core)
                and _TOC_ENTRY.match(lines[i + 2].core)
            ):
                i = self.toc(i, headless=True)
                continue
            if _EED.match(core):
                i = self.oath(i)
                continue
            if _ONDERTEKENING.match(core) and len(core) <= 200:
                if zone == "onder" and self.cur is not None and self.cur.role == "ondertekening":
                    self.cur.add(line)
                else:
                    self.chapters.clear()
                    self.open("ondertekening", line, body_from=line.start)
                zone = "onder"
                i += 1
                continue
            # --- explanatory sections: "Uitleg bij ...", "Vragen en antwoorden", a block of questions and answers
            if zone != "uitleg" and (self._explanatory_heading(i) or self._qa_block(i)):
                zone_before, zone = zone, "uitleg"
                if zone_before == "onder":
                    zone_before = "code" if self.first_article is not None and self.first_article < i else "pre"
                self._open_explanation(i)
                i += 1
                continue
            if zone == "uitleg":
                if not self._explanation_ends(i, has_articles):
                    if self._explanatory_heading(i) or (self._is_question(i) and self._answered(i)):
                        self._open_explanation(i)
                    else:
                        self.append(line, "toelichting")
                    i += 1
                    continue
                zone = zone_before
                if not has_articles and h is None:
                    zone, intro = "code", False
            if zone == "onder":
                structural = h is not None and h.kind in ("article", "chapter", "sign", "roman")
                if not structural and not _intro_heading(core) and len(core) <= 120:
                    self.append(line, "ondertekening")
                    i += 1
                    continue
                zone = "code" if self.first_article is not None and self.first_article < i else "pre"
                if not structural and not _intro_heading(core):
                    self.open("toelichting" if zone == "code" else pre_role, line, body_from=line.start)
                    i += 1
                    continue
            # --- headings
            if h is not None and h.kind == "article":
                self.article(h, line)
                zone, intro = "code", False
                i += 1
                continue
            if h is not None and h.kind in ("chapter", "sign", "roman"):
                if h.kind == "sign" and not has_articles:
                    self.article(h, line)
                    zone, intro = "code", False
                    i += 1
                    continue
                level = {"deel": 0, "titel": 1, "hoofdstuk": 1, "onderdeel": 1, "afdeling": 2, "paragraaf": 2}.get(
                    h.label.split()[0].lower() if h.kind == "chapter" else "", 0 if h.kind == "roman" else 2
                )
                self.set_chapter(level, core)
                if _intro_heading(h.rest) or (_INTRO_STRONG.match(h.rest.strip())):
                    self.open("inleiding", line, label=h.label, number=h.number, heading=h.rest.strip())
                    intro = True
                else:
                    self.open("kop", line, label=h.label, number=h.number, heading=h.rest.strip())
                    intro = False
                    if not has_articles:
                        zone = "code"
                i += 1
                continue
            if _intro_heading(core) and (_heading_like(line) or line.runon):
                text, _ = _strip_label(core)
                label = h.label if h is not None and h.kind in ("numbered", "letter") else ""
                number = h.number if label and h is not None else ""
                kw = _INTRO_STRONG.match(text) or _INTRO_WEAK.match(text)
                if line.runon and kw is not None and len(text) > kw.end() + 2:
                    self.open("inleiding", line, label=label, number=number, heading=text[: kw.end()],
                              body_from=line.core_start + kw.end())  # fmt: skip
                else:
                    self.open("inleiding", line, label=label, number=number, heading=text.strip())
                intro = True
                i += 1
                continue
            if (
                h is not None
                and h.kind == "letter"
                and _heading_like(line)
                and not (self.cur is not None and self.cur.keyword_article)
            ):
                if zone == "pre" and (intro or has_articles):
                    self.open("inleiding", line, label=h.label, number=h.number, heading=h.rest.strip())
                else:
                    self.set_chapter(1, core)
                    self.open("normatief", line, label=h.label, number=h.number, heading=h.rest.strip())
                    zone, intro = "code", False
                i += 1
                continue
            if h is not None and h.kind == "numbered" and self.numbered(i, h, line, zone, intro, has_articles):
                if self.cur is not None and self.cur.role == "normatief":
                    zone, intro = "code", False
                i += 1
                continue
            if (
                h is not None
                and h.kind in ("paren", "lidword")
                and self.cur is not None
                and self.cur.role == "normatief"
            ):
                self.mark_lid(h, line)
                i += 1
                continue
            # --- unnumbered headings
            if _heading_like(line) and i + 1 < n and not _SUBITEM.match(core):
                nxt_h = self.heads[i + 1]
                nxt = lines[i + 1]
                next_is_heading = nxt_h is not None and nxt_h.kind in ("article", "chapter", "sign", "roman")
                next_is_body = _body_like(nxt)
                if zone == "pre" and intro and not has_articles and next_is_body and self._rules_follow(i):
                    # An unnumbered code: the introduction ends where headed provisions begin.
                    self.open("normatief", line, heading=core)
                    zone, intro = "code", False
                    i += 1
                    continue
                if zone == "pre" and (intro or has_articles):
                    if next_is_body or next_is_heading:
                        self.open("inleiding", line, heading=core)
                        i += 1
                        continue
                elif zone == "pre" or (zone == "code" and not has_articles):
                    if next_is_heading:
                        self.open("kop", line, heading=core)
                        i += 1
                        continue
                    if next_is_body:
                        self.open("normatief", line, heading=core)
                        zone = "code"
                        i += 1
                        continue
                elif zone == "code" and next_is_heading and (self.cur is None or self.cur.has_body):
                    self.open("kop", line, heading=core)
                    i += 1
                    continue
            # --- plain text
            self.prose(i, line, zone, intro, pre_role, heading_after[i + 1] if i + 1 <= n else False)
            i += 1
        self.close()

    def _explanatory_heading(self, i: int) -> bool:
        """Whether line ``i`` heads an explanatory section ("Uitleg bij de gedragsregels", "Vragen en
        antwoorden", "Veelgestelde vragen", "Q&A", "Hoe werkt deze code?"), also as a chapter title."""
        line = self.lines[i]
        h = self.heads[i]
        core = line.core
        if line.core_start != line.start or len(core) > 120 or (h is not None and h.kind == "article"):
            return False
        titled = h is not None and h.kind in ("chapter", "sign", "roman", "letter", "numbered")
        title = h.rest.strip() if titled and h is not None else core
        return bool(title) and bool(_EXPLANATORY.match(title) or _TOELICHTING_TITLED.match(title))

    def _resumes_code(self, i: int) -> bool:
        """Whether the heading on line ``i`` takes the provisions up again after a toelichting: an
        article that continues the numbering, or a chapter heading right before such an article."""
        h = self.heads[i]
        if h is None:
            return False
        if h.kind == "article":
            return self._continues_numbering(h.number)
        if h.kind not in ("chapter", "sign", "roman") or not h.rest.strip():
            return False
        for j in range(i + 1, min(len(self.lines), i + 3)):
            nh = self.heads[j]
            if nh is not None and nh.kind == "article":
                return self._continues_numbering(nh.number)
            if nh is None or nh.kind not in ("chapter", "sign", "roman"):
                return False
        return False

    def _continues_numbering(self, number: str) -> bool:
        """Whether an article number is new and follows on the last normative article: after
        "Artikel 4" come "Artikel 5" or "5.1", after "Artikel 4.2" come "4.3", "5" or "5.1"."""
        if not self.article_numbers or number in self.article_numbers:
            return False
        new = _number_key(number)
        last = _number_key(self.article_numbers[-1])
        if new is None or last is None:
            return False
        return new > last and new[0] <= last[0] + 1

    def _is_question(self, i: int) -> bool:
        """A line that is one question only ("Mag ik een geschenk houden?"), not a numbered heading."""
        line = self.lines[i]
        h = self.heads[i]
        if line.core_start != line.start or (h is not None and h.kind in ("article", "chapter", "sign")):
            return False
        text, _ = _strip_label(line.core) if h is not None else (line.core, False)
        return bool(_QUESTION.match(text)) and not _SENTENCE_INSIDE.search(text)

    def _answered(self, i: int) -> bool:
        """Whether the question on line ``i`` is followed by an answer (text that is no question or heading)."""
        if i + 1 >= len(self.lines) or self._is_question(i + 1):
            return False
        h = self.heads[i + 1]
        return h is None or h.kind not in ("article", "chapter", "sign", "roman")

    def _qa_block(self, i: int) -> bool:
        """Whether line ``i`` starts a block of questions with answers: at least two answered questions
        in the next few paragraphs, before any structural heading."""
        if not (self._is_question(i) and self._answered(i)):
            return False
        for j in range(i + 2, min(len(self.lines), i + 12)):
            h = self.heads[j]
            if h is not None and h.kind in ("article", "chapter", "sign", "roman"):
                return False
            if self._is_question(j) and self._answered(j):
                return True
        return False

    def _open_explanation(self, i: int) -> None:
        line = self.lines[i]
        h = self.heads[i]
        if h is not None and h.kind in ("chapter", "sign", "roman", "letter", "numbered") and h.rest.strip():
            self.chapters.clear()
            self.open("toelichting", line, label=h.label, number=h.number, heading=h.rest.strip())
        else:
            self.open("toelichting", line, heading=line.core)

    def _explanation_ends(self, i: int, has_articles: bool) -> bool:
        """Whether line ``i`` ends an explanatory section: a structural heading, or a heading that is no
        question and starts provisions (it announces rules, or the sections after it hold duties)."""
        line = self.lines[i]
        h = self.heads[i]
        if h is not None and h.kind in ("article", "chapter", "sign", "roman"):
            return True
        if self._strong_article(i) or _intro_heading(line.core):
            return True
        core = line.core
        if (
            _heading_like(line)
            and not core.endswith("?")
            and i + 1 < len(self.lines)
            and not self._explanatory_heading(i)
            and _body_like(self.lines[i + 1])
        ):
            return bool(_RULES_HEADING.match(core)) or self._rules_follow(i)
        return False

    def _rules_follow(self, i: int) -> bool:
        """Whether the headed sections from line ``i`` on are provisions rather than introduction.

        In a code without numbering, a heading after the "Inleiding" starts the rules when at least
        two of the headed sections that follow contain the wording of a duty or ban ("meldt",
        "doet opgave", "neemt niet deel", "is verboden"); explanatory sections do not.
        """
        if self._rules_from is None:
            self._rules_from = {}
        if i in self._rules_from:
            return self._rules_from[i]
        lines = self.lines
        n = len(lines)
        sections = 0
        with_rules = 0
        current = False
        for j in range(i, n):
            line = lines[j]
            if _heading_like(line) and j + 1 < n and not _SUBITEM.match(line.core):
                nxt = lines[j + 1]
                if _body_like(nxt):
                    if current:
                        with_rules += 1
                    sections += 1
                    current = False
                    continue
            if _TOELICHTING.match(line.core) or _ONDERTEKENING.match(line.core) or self._explanatory_heading(j):
                break
            if _OBLIGATION.search(line.core) and not _EED.match(line.core):
                current = True
        if current:
            with_rules += 1
        result = with_rules >= 2
        self._rules_from[i] = result
        return result

    def prose(self, i: int, line: _Line, zone: str, intro: bool, pre_role: Role, heading_follows: bool) -> None:
        cur = self.cur
        if cur is not None and cur.role in ("normatief", "inleiding", "eed") and cur.role != "eed":
            if cur.role == "normatief" and not cur.label and not cur.heading and not self.lines_have_articles():
                # Unnumbered code: every paragraph is a unit of its own.
                gap = self.text.count("\n", cur.end, line.start) >= 2
                if gap:
                    self.open("normatief", line, body_from=line.start)
                    return
            cur.add(line)
            return
        if cur is not None and cur.role == "toelichting" and zone == "code":
            cur.add(line)  # explanatory text after the signature goes on until a heading
            return
        if cur is not None and cur.role in ("aanhef", "titel", "metadata") and zone == "pre":
            # right after "vast te stellen de volgende gedragsregels:" the rules themselves begin
            follows = heading_follows and not (self.adopted and cur.role == "aanhef")
            role: Role = "inleiding" if (pre_role == "inleiding" or follows) else "normatief"
            self.open(role, line, body_from=line.start)
            return
        if zone == "pre":
            role = "inleiding" if (intro or pre_role == "inleiding" or heading_follows) else "normatief"
        elif zone == "code":
            role = "normatief"
        else:
            role = pre_role
        if cur is not None and cur.role == "kop" and not cur.has_body and cur.label and role == "normatief":
            # A heading followed by text: the text belongs to it.
            cur.role = "normatief"
            cur.add(line)
            return
        if cur is not None and cur.role == role and cur.role != "kop":
            cur.add(line)
            return
        self.open(role, line, body_from=line.start)

    def lines_have_articles(self) -> bool:
        return self.first_article is not None

    def article(self, h: _Head, line: _Line) -> None:
        self.article_numbers.append(h.number)
        title = h.rest.strip()
        if title and _is_title_text(title, 120):
            self.open("normatief", line, label=h.label, number=h.number, heading=title, keyword_article=True)
        elif title:
            self.open("normatief", line, label=h.label, number=h.number, body_from=h.rest_start, keyword_article=True)
        else:
            self.open("normatief", line, label=h.label, number=h.number, keyword_article=True)

    def mark_lid(self, h: _Head, line: _Line) -> None:
        assert self.cur is not None
        label = h.number
        text_start = h.rest_start if h.rest else line.end
        self.cur.add(line)
        self.cur.lids.append((label, line.start, text_start))

    def numbered(self, i: int, h: _Head, line: _Line, zone: str, intro: bool, has_articles: bool) -> bool:
        """Handle a line starting with a number; False when it is just text."""
        cur = self.cur
        parts = h.number.split(".")
        rest = h.rest.strip()
        title = _is_title_text(rest, 80)
        # "1. Algemene bepalingen" over articles 1.1, 1.2: a chapter
        if len(parts) == 1 and h.dot and title and rest:
            nxt = self.next_numbered[i]
            if nxt < len(self.lines):
                nh = self.heads[nxt]
                if (
                    nh is not None
                    and nh.number.startswith(h.number + ".")
                    and (not (cur is not None and cur.keyword_article) or nh.kind == "article")
                ):
                    self.set_chapter(1, line.core)
                    self.open("kop", line, label=h.label, number=h.number, heading=rest)
                    return True
        if cur is not None and cur.role == "normatief" and cur.number:
            # a lid of the current article?
            if len(parts) >= 2 and h.number.startswith(cur.number + "."):
                self.mark_lid(h, line)
                return True
            if len(parts) == 1 and (cur.keyword_article or cur.lids or not title or "." in cur.number):
                value = int(parts[0])
                last = cur.last_lid_number()
                sequential = (last is None and value <= 2) or (last is not None and value == last + 1)
                if sequential and (rest or h.dot or last is not None or value == 1):
                    self.mark_lid(h, line)
                    return True
                if cur.keyword_article:
                    return False
        if len(parts) >= 2:
            if rest and not _starts_upper(rest):
                return False
            if zone == "pre" and not self._strong_article(i):
                return False
            heading = rest if title else ""
            body_from = None if (title or not rest) else h.rest_start
            self.open("normatief", line, label=h.label, number=h.number, heading=heading, body_from=body_from)
            return True
        # single number outside an article
        if zone == "pre" and (has_articles or intro):
            if title and rest and _heading_like(line):
                self.open("inleiding", line, label=h.label, number=h.number, heading=rest)
                return True
            return False
        if (not has_articles and zone != "pre") or (not has_articles and not intro):
            if cur is not None and cur.role == "normatief" and not cur.number and cur.lids:
                value = int(parts[0])
                last = cur.last_lid_number()
                if last is not None and value == last + 1:
                    self.mark_lid(h, line)
                    return True
            if title and rest:
                self.open("normatief", line, label=h.label, number=h.number, heading=rest)
                return True
            if h.dot or rest:
                self.open("normatief", line, label=h.label, number=h.number,
                          body_from=h.rest_start if rest else None)  # fmt: skip
                return True
        return False

    def toc(self, i: int, headless: bool = False) -> int:
        lines = self.lines
        n = len(lines)
        start_line = lines[i]
        seen: set[str] = set()
        j = i if headless else i + 1
        with_numbers = 0

        def key(core: str) -> str:
            core = re.sub(r"(?:\s*(?:\.{2,}|…+|_{3,}|(?:\s\.){2,})\s*|\s+)\d{1,3}$", "", core)
            return " ".join(core.lower().split())

        stopped_on_prose = False
        while j < n:
            core = lines[j].core
            if len(core) > 120 or (core.endswith(".") and not _TOC_ENTRY.match(core) and len(core) > 40):
                stopped_on_prose = True
                break
            k = key(core)
            if k in seen:
                break
            seen.add(k)
            if _TOC_ENTRY.match(core) or re.search(r"\s\d{1,3}$", core):
                with_numbers += 1
            elif headless:
                break
            j += 1
        if stopped_on_prose and j - 1 > i and with_numbers * 2 < (j - i):
            j -= 1  # the heading right before the prose starts the text
        if j <= i:
            j = i + 1
        self.open("inhoudsopgave", start_line, body_from=None if not headless else start_line.start)
        for k2 in range(i + 1 if not headless else i, j):
            assert self.cur is not None
            self.cur.add(lines[k2])
        self.close()
        return j

    def oath(self, i: int) -> int:
        lines = self.lines
        n = len(lines)
        end = i
        for j in range(i, min(n, i + 15)):
            if j > i and self.heads[j] is not None and self.heads[j].kind in ("article", "chapter"):  # type: ignore[union-attr]
                break
            if _EED_END.search(lines[j].core):
                end = j
                break
        previous = self.cur
        self.close()
        unit = _Build("eed", previous.label if previous and previous.role == "normatief" else "",
                      previous.number if previous and previous.role == "normatief" else "",
                      previous.heading if previous and previous.role == "normatief" else "",
                      self.chapter, lines[i].start, lines[i].start, lines[i].end)  # fmt: skip
        for j in range(i, end + 1):
            unit.add(lines[j])
        self.units.append(unit)
        if previous is not None and previous.role == "normatief" and end + 1 < n:
            nh = self.heads[end + 1]
            if nh is None or nh.kind not in ("article", "chapter", "sign", "roman"):
                cont = _Build("normatief", previous.label, previous.number, previous.heading, previous.chapter,
                              lines[end + 1].start, lines[end + 1].start, lines[end + 1].start,
                              keyword_article=previous.keyword_article)  # fmt: skip
                self.cur = cont  # becomes a unit only when text is added to it
        return end + 1

    # -- finishing -----------------------------------------------------------------------------

    def run(self) -> Segmentation:
        if not self.lines:
            return Segmentation(self.doc, ())
        front_end = self.front()
        front_aanhef = any(u.role == "aanhef" for u in self.units) or (
            self.cur is not None and self.cur.role == "aanhef"
        )
        if self.adopted and not self.lines_have_articles():
            # an unnumbered regulation right after its adoption sentence: its paragraphs are the rules
            front_aanhef = False
        self.body(front_end, front_aanhef)
        self._intro_declared_part()
        return Segmentation(self.doc, tuple(self.finish()))

    def _intro_declared_part(self) -> None:
        """An introduction that declares itself part of the code ("Deze inleiding maakt integraal deel
        uit van deze gedragscode") is read as provisions, with the headed sections that continue it."""
        declared = False
        for b in sorted(self.units, key=lambda u: u.start):
            if b.role == "inleiding":
                if not declared and _INTRO_PART_OF_CODE.search(self.text, b.start, b.end):
                    declared = True
                if declared:
                    b.role = "normatief"
            elif declared and b.role not in ("kop",):
                break

    def finish(self) -> list[Unit]:
        out: list[Unit] = []
        text = self.text
        for b in self.units:
            if not b.has_body and b.end <= b.start:
                continue
            role: Role = b.role
            body_start = b.body_start if b.has_body else b.end
            end = b.end
            if not b.has_body or not text[body_start:end].strip():
                body_start = end
                if role in ("normatief", "inleiding"):
                    role = "kop"
            pieces = self._notes(b, body_start, end) if role == "normatief" else []
            if pieces:
                out.extend(self._split_notes(b, body_start, end, pieces))
                continue
            leden = self.leden(b, body_start, end)
            out.append(
                Unit(
                    label=b.label,
                    number=b.number,
                    heading=" ".join(b.heading.split()),
                    chapter=b.chapter,
                    role=role,
                    span=Span(b.start, end),
                    body_span=Span(body_start, end),
                    leden=leden,
                )
            )
        # drop empty continuations and keep document order
        out.sort(key=lambda u: u.span.start)
        return out

    def _notes(self, b: _Build, body_start: int, end: int) -> list[tuple[int, int]]:
        """Explanatory notes inside an article: a paragraph or sentence that opens with "Toelichting:",
        "Noot:", "Opmerking:" or "Uitleg:". A note runs to the next lid of the article (or its end)."""
        notes: list[tuple[int, int]] = []
        pos = body_start
        while pos < end:
            m = _NOTE.search(self.text, pos, end)
            if m is None:
                break
            start = m.start("note")
            before = [label for (label, s, _t) in b.lids if s < start]
            previous = before[-1] if before else ""
            stop = end
            for label, s, _t in b.lids:
                if s <= start:
                    continue
                # the next lid in sequence; a line that merely starts with a number ("1 april ...") is not
                if not (previous.isdigit() and label.isdigit()) or int(label) == int(previous) + 1:
                    stop = s
                    break
            notes.append((start, _rstrip_offset(self.text, start, stop)))
            pos = max(stop, m.end())
        return notes

    def _split_notes(self, b: _Build, body_start: int, end: int, notes: list[tuple[int, int]]) -> list[Unit]:
        """The article cut around its explanatory notes: the provisions keep the article's label and
        stay normative, each note becomes a toelichting unit."""
        out: list[Unit] = []
        heading = " ".join(b.heading.split())
        cursor = b.start
        body = body_start
        for note_start, note_end in notes:
            if self.text[body:note_start].strip() or cursor == b.start:
                piece_end = _rstrip_offset(self.text, cursor, note_start)
                has_text = bool(self.text[body:piece_end].strip()) if body < piece_end else False
                piece_body = body if has_text else piece_end
                out.append(Unit(b.label, b.number, heading, b.chapter, "normatief" if has_text else "kop",
                                Span(cursor, piece_end), Span(piece_body, piece_end),
                                self.leden(b, piece_body, piece_end)))  # fmt: skip
            out.append(Unit("", "", "", b.chapter, "toelichting", Span(note_start, note_end),
                            Span(note_start, note_end), self.leden(b, note_start, note_end)))  # fmt: skip
            rest = note_end
            while rest < end and self.text[rest].isspace():
                rest += 1
            cursor = body = rest
        if cursor < end and self.text[cursor:end].strip():
            out.append(Unit(b.label, b.number, heading, b.chapter, "normatief", Span(cursor, end),
                            Span(cursor, end), self.leden(b, cursor, end)))  # fmt: skip
        return out

    def leden(self, b: _Build, body_start: int, end: int) -> tuple[LidSegment, ...]:
        if body_start >= end:
            return ()
        marks = [(label, s, t) for (label, s, t) in b.lids if body_start <= s < end]
        segments: list[LidSegment] = []
        if not marks:
            return (LidSegment("", Span(body_start, end), split_sentences(self.text, body_start, end)),)
        first = marks[0][1]
        if self.text[body_start:first].strip():
            pre_end = _rstrip_offset(self.text, body_start, first)
            segments.append(LidSegment("", Span(body_start, pre_end), split_sentences(self.text, body_start, pre_end)))
        for k, (label, s, t) in enumerate(marks):
            lid_end = marks[k + 1][1] if k + 1 < len(marks) else end
            lid_end = _rstrip_offset(self.text, s, lid_end)
            t = min(max(t, s), lid_end)
            segments.append(LidSegment(label, Span(s, lid_end), split_sentences(self.text, t, lid_end)))
        return tuple(segments)


def _rstrip_offset(text: str, start: int, end: int) -> int:
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
        word = _previous_word(text, k).lower().rstrip(".")
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


def split_sentences(text: str, start: int, end: int) -> tuple[Sentence, ...]:
    """Split ``text[start:end]`` into sentences with exact offsets.

    Splits at blank lines, at lines that start a list item, after ``;`` and after ``.``/``!``/``?``
    followed by a capital, digit or quote; not after abbreviations ("art.", "o.a.", "i.v.m."),
    initials, numbers of a lid or article ("lid 1.") or inside numbers ("2.1", "€ 1.000,00").
    List labels ("a.", "1.", "•") at the start of a block are not part of the sentence.
    """
    out: list[Sentence] = []
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
    return tuple(out)


def _add_sentence(out: list[Sentence], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(Span(a, b), text[a:b]))


# ---------------------------------------------------------------- entry point


def segment(doc: SourceDocument) -> Segmentation:
    """Cut a document into units with roles, leden and sentences (see the module docstring)."""
    return _Segmenter(doc).run()
