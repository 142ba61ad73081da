"""The front matter of a code: regulation-site metadata, title, intitulé, aanhef and besluit.

:func:`read_front` reads from the top of the document up to the start of the code proper: metadata
lines ("Geldend van", "Wetstechnische informatie" up to "Tekst van de regeling"), the title and
Intitulé, and the aanhef ("De raad van ...;", "gelet op ...", "besluit:", the besluit's numbered
points). It stops at the first heading of the body, at an oath, or right after the adoption sentence
("vast te stellen de volgende gedragsregels:"), where the rules themselves begin.
"""

from __future__ import annotations

import re

from gedragscode.lint.reading.build import Builder
from gedragscode.lint.reading.evidence import duty
from gedragscode.lint.reading.headings import SENTENCE_INSIDE, body_like, heading_like, is_title_text
from gedragscode.lint.reading.roles import (
    EED,
    ONDERTEKENING,
    TOC,
    TOELICHTING,
    explanatory_heading,
    intro_heading,
    numbered_rules,
    qa_block,
)

__all__ = ["INTITULE", "read_front"]

INTITULE = re.compile(r"^intitul[eé]\s*:?$", re.IGNORECASE)

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
# An adoption that names what it adopts ("vast te stellen de volgende regeling: Gedragscode integriteit
# raadsleden 2026."): what follows may open with an inleiding, but a short title before running text is the
# first provision's heading ("Begrippen", then "In deze gedragscode wordt verstaan onder:").
_NAMED_ADOPTION = re.compile(
    r"\bvast\s+te\s+stellen\s+(?:de|het)\s+(?:na|hierna\s+)?volgende\s+\w+\s*:\s*[A-Z].{0,250}\.$", re.IGNORECASE
)
# "Het algemeen bestuur ... stelt, gelet op ..., de volgende gedragscode vast voor de leden ...": the opening
# sentence adopts what follows.
_ADOPTS_FOLLOWING = re.compile(
    r"\b(?:stelt|stellen)\b[^.;:]{0,250}?\b(?:de|het)\s+(?:hierna\s+|na)?volgende\s+"
    r"(?:gedragscode|code|regeling|gedragsregels|regels|integriteitscode)\s+vast\b|"
    # or in the perfect: "... heeft op 26 februari 2025, gelet op ..., deze gedragscode vastgesteld."
    r"\b(?:heeft|hebben)\b[^.;:]{0,250}?\b(?:deze|de\s+(?:hierna\s+|na)?volgende|onderstaande)\s+"
    r"(?:gedragscode|code|regeling|gedragsregels|integriteitscode)\s+vastgesteld\b", re.IGNORECASE)
# The besluit formula at the end of the opening sentence ("De raad van X, gelet op ..., stelt vast:",
# "..., besluit:"): the besluit has begun; "stelt vast:" hands over to the regulation itself.
_INLINE_BESLUIT = re.compile(r"[,;]\s*(?:besluit|besluiten|besluiten\s+tot|stelt\s+vast|stellen\s+vast)\s*:\s*$",
                             re.IGNORECASE)
_INLINE_ADOPTION = re.compile(r"[,;]\s*(?:stelt|stellen)\s+vast\s*:\s*$", re.IGNORECASE)
# An adoption told in the perfect tense: "heeft ... de hiernavolgende afspraken over integriteit vastgesteld".
_ADOPTED = re.compile(
    r"\b(?:(?:hier)?(?:na)?volgende|onderstaande|hieronder\s+opgenomen)\b[^.:;]{0,160}\bvastgesteld\b", re.IGNORECASE
)

# A numbered or lettered point of the besluit: "1.", "II.", "a." before "In te trekken ...".
_POINT_LABEL = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-z])[.)]\s*")
_BESLUIT_START = re.compile(
    r"^(?:vast\s+te\s+stellen|in\s+te\s+trekken|te\s+bepalen|om\s+|de\s+navolgende|en\s+|onder\s+intrekking)",
    re.IGNORECASE,
)

_TITLE_WORDS = re.compile(
    r"\b(?:gedragscode|gedragscodes|code|protocol|regeling|reglement|integriteitsbeleid|besluit|"
    r"verordening|beleidsregels?)\b",
    re.IGNORECASE,
)

def _body_heading(b: Builder, i: int) -> bool:
    line = b.lines[i]
    h = b.heads[i]
    if b.strong_article(i):
        return True
    if h is not None and h.kind in ("chapter", "sign", "roman"):
        return True
    if h is not None and h.kind == "letter" and heading_like(line):
        return True
    if intro_heading(line.core) and heading_like(line):
        return True
    if TOELICHTING.match(line.core) or TOC.match(line.core) or explanatory_heading(b, i) or qa_block(b, i):
        return True
    if h is not None and h.kind == "numbered" and h.dot and "." not in h.number and is_title_text(h.rest, 80):
        nxt = b.next_numbered[i]
        if nxt < len(b.lines):
            nh = b.heads[nxt]
            if nh is not None and nh.number.startswith(h.number + "."):
                return True
    return False

def read_front(b: Builder) -> int:
    """Read the front matter into units of ``b``; the index of the first line of the body."""
    lines = b.lines
    n = len(lines)
    limit = n
    for i in range(n):
        if _body_heading(b, i):
            limit = i
            break
    aanhef_at = [
        bool(_OPENER.match(lines[i].core) or _AANHEF.match(lines[i].core) or _BESLUIT.match(lines[i].core))
        for i in range(limit)
    ]
    meta_end: int | None = None
    title_seen = aanhef_seen = besluit_seen = adopted = named = False
    in_meta = False
    i = 0
    while i < limit:
        line = lines[i]
        core = line.core
        if in_meta:
            b.append_role(line, "metadata")
            if _META_BLOCK_END.match(core) or (
                meta_end is None
                and (i + 1 < limit)
                and (INTITULE.match(lines[i + 1].core) or _OPENER.match(lines[i + 1].core))
            ):
                in_meta = False
            i += 1
            continue
        if not core:  # a bare bullet: belongs to whatever precedes it
            if b.cur is not None:
                b.cur.add(line)
                i += 1
                continue
            return i
        if _META_BLOCK_START.match(core):
            in_meta = True
            meta_end = next((j for j in range(i + 1, limit) if _META_BLOCK_END.match(lines[j].core)), None)
            b.append_role(line, "metadata")
            i += 1
            continue
        if EED.match(core):
            return i
        if ONDERTEKENING.match(core) and (aanhef_seen or title_seen):
            b.append_role(line, "ondertekening")
            i += 1
            continue
        if _META_LINE.match(core) or ("|" in core and core.count("|") >= 2):
            b.append_role(line, "metadata")
            i += 1
            continue
        if INTITULE.match(core):
            b.append_role(line, "titel", force_new=True)
            if i + 1 < limit and not aanhef_at[i + 1] and len(lines[i + 1].core) <= 300:
                b.append_role(lines[i + 1], "titel")
                i += 1
            title_seen = True
            i += 1
            continue
        is_aanhef = aanhef_at[i]
        if is_aanhef:
            b.append_role(line, "aanhef")
            aanhef_seen = True
            if _BESLUIT.match(core):
                besluit_seen = True
            if _INLINE_BESLUIT.search(core) or _ADOPTED.search(core):
                besluit_seen = True
            if besluit_seen and (_ADOPTION.search(core) or _INLINE_ADOPTION.search(core) or _ADOPTED.search(core)):
                adopted = True
            if _NAMED_ADOPTION.search(core) or _ADOPTS_FOLLOWING.search(core):
                # "...; besluit vast te stellen de volgende regeling: Gedragscode ... 2024." in one line:
                # the besluit has named what it adopts, and the regulation follows
                named = besluit_seen = adopted = True
            i += 1
            continue
        first = core[:1]
        title_like = (
            len(core) <= 250
            and (first.isupper() or first.isdigit() or first in "“\"'‘")
            and core[-1] not in ";:,"
            and not SENTENCE_INSIDE.search(core)
            and (not aanhef_seen or core[-1] != ".")
            and core[-1] != "?"  # a question names no code, whatever its words ("Voor wie is deze code?")
        )
        continuation = first.islower() or line.core_start != line.start or core[-1] in ";,:"
        h = b.heads[i]
        numbered_item = h is not None and h.kind in ("numbered", "paren")
        if numbered_item and aanhef_seen and numbered_rules(b, i, at_least=6, duties_at_least=4):
            # a long run of numbered duties is the regulation itself, not points of the besluit or the
            # considerans, even when no adoption formula was recognised before it
            b.adopted = adopted
            return i
        # After "vast te stellen de volgende gedragsregels:" the regulation itself follows: its title
        # (title-like lines), a further point of the besluit ("2. In te trekken ..."), or its rules.
        if adopted and not title_like and not _BESLUIT_START.match(_POINT_LABEL.sub("", core)):
            b.adopted = True
            return i
        if besluit_seen and (
            _BESLUIT_START.match(core)
            or ((continuation or numbered_item or _BESLUIT_CONTENT.search(core)) and not title_like)
        ):
            b.append_role(line, "aanhef")
            if _ADOPTION.search(core):
                adopted = True
            named = named or _NAMED_ADOPTION.search(core) is not None
            i += 1
            continue
        if title_like:
            looks_heading = (
                title_seen
                and not (_TITLE_WORDS.search(core) and len(core.split()) >= 3)
                and i + 1 < n
                # the last line of a title that the aanhef follows ("Zuiderwold 2025", then "Provinciale
                # Staten van Zuiderwold, gelet op ...") heads no provision
                and not (i + 1 < limit and aanhef_at[i + 1])
                # running text follows; once the besluit has named what it adopts, any sentence will do
                # ("Begrippen", then "In deze gedragscode wordt verstaan onder:")
                and (len(lines[i + 1].core) > 120 or ((adopted or named) and body_like(lines[i + 1]))
                     # or a rule follows it ("Andere functies", then "U meldt elke functie ...")
                     or (body_like(lines[i + 1]) and duty(lines[i + 1].core)))
            )
            if looks_heading:
                return i
            if besluit_seen and (continuation or _BESLUIT_CONTENT.search(core)) and not _TITLE_WORDS.search(core):
                b.append_role(line, "aanhef")
            else:
                b.append_role(line, "titel")
                title_seen = True
            i += 1
            continue
        if besluit_seen and (continuation or numbered_item or _BESLUIT_CONTENT.search(core)):
            b.append_role(line, "aanhef")
            i += 1
            continue
        if aanhef_seen and not besluit_seen and (continuation or numbered_item):
            b.append_role(line, "aanhef")
            i += 1
            continue
        if not aanhef_seen and any(aanhef_at[j] for j in range(i + 1, min(limit, i + 12))):
            b.append_role(line, "aanhef" if title_seen else "titel")
            title_seen = True
            i += 1
            continue
        return i
    return limit
