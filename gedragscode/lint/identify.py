"""Which code is this: the body (gemeente, provincie, waterschap, openbaar lichaam) and the offices.

The signals, strongest first:

* the publication's metadata (``Organisatietype``, ``Vastgesteld door``, the law in
  ``Wettelijke grondslag``) and its series (gmb-, prb-, wsb-; Gemeenteblad, Provinciaal blad ...);
* the aanhef ("De raad van de gemeente X;", "Provinciale Staten van X;", "Het algemeen bestuur van
  het waterschap X", "De Verenigde Vergadering", "De eilandsraad") and the legal basis
  ("gelet op artikel 15, derde lid, 41c en 69 van de Gemeentewet");
* the title ("Gedragscode integriteit raadsleden gemeente X", "... dijkgraaf en hoogheemraden");
* for the offices: the words of the title (after "Besluit van ... houdende", which names the body
  that adopts the code, not the one it is for), else the scope article ("Deze gedragscode geldt voor
  ..."), else a general title word ("politieke ambtsdragers", "bestuurders"), else the adoption
  formula and the legal basis, else how often the normative text names each office.

All matching is on folded text (lower case, no diacritics). What decided is written to
``Identification.detection`` in Dutch, for the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from gedragscode.lint.document import Segmentation
from gedragscode.lint.match import fold

__all__ = ["BODIES", "Identification", "identify", "offices_in"]

BODIES = ("gemeente", "provincie", "waterschap", "openbaar_lichaam")

STATUTORY: Mapping[str, tuple[str, ...]] = {
    "gemeente": ("raadslid", "wethouder", "burgemeester"),
    "provincie": ("statenlid", "gedeputeerde", "cdk"),
    "waterschap": ("ab_lid", "db_lid", "voorzitter"),
    "openbaar_lichaam": ("eilandsraadslid", "eilandgedeputeerde", "gezaghebber"),
}
ALL_OFFICES: Mapping[str, tuple[str, ...]] = {
    "gemeente": ("raadslid", "commissielid", "wethouder", "burgemeester"),
    "provincie": ("statenlid", "commissielid", "gedeputeerde", "cdk"),
    "waterschap": ("ab_lid", "commissielid", "db_lid", "voorzitter"),
    "openbaar_lichaam": ("eilandsraadslid", "eilandgedeputeerde", "gezaghebber"),
}
_REPRESENTATIVE = {"gemeente": "raadslid", "provincie": "statenlid", "waterschap": "ab_lid",
                   "openbaar_lichaam": "eilandsraadslid"}
_EXECUTIVE = {"gemeente": "wethouder", "provincie": "gedeputeerde", "waterschap": "db_lid",
              "openbaar_lichaam": "eilandgedeputeerde"}
_CHAIR = {"gemeente": "burgemeester", "provincie": "cdk", "waterschap": "voorzitter",
          "openbaar_lichaam": "gezaghebber"}


@dataclass(frozen=True)
class Identification:
    """What lint decided about a document: body, offices, place and title, and why."""

    body: str | None
    offices: tuple[str, ...]
    place: str = ""
    title: str = ""
    detection: dict[str, str] = field(default_factory=dict, hash=False)


# ---------------------------------------------------------------- office words per body

# Each entry: (regex on folded text, offices it names). Specific words; the general ones follow.
_COMMISSION = (r"commissiele(?:d|den)\b|commissielid|duo-?commissie|burgerle(?:d|den)\b|burgerlid"
               r"|fractie-?assistent|fractievertegenwoordiger|fractievolger|steunfractie|fractiemedewerker"
               r"|lijstopvolger|commissie\)le|niet-(?:raads|staten)le")
_OFFICE_WORDS: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "gemeente": (
        (r"\b(?:gemeente)?raadsle(?:d|den)\b|\braadslid|\bgemeenteraads?(?:leden|lid)?\b|\braads-\s*(?:en|of)\b"
         r"|\braads\(|\bleden van de (?:gemeente)?raad\b|\bvan de (?:gemeente)?raad\b", ("raadslid",)),
        (_COMMISSION, ("commissielid",)),
        (r"\bcollege van (?:burgemeester en wethouders|b\s*(?:&|en)\s*w)\b|\bb\s*&\s*w\b|\bb\s*en\s*w\b"
         r"|\bcollege(?:leden|lid)?\b", ("wethouder", "burgemeester")),
        (r"\bwethouders?\b", ("wethouder",)),
        (r"\bburgemeester\b", ("burgemeester",)),
    ),
    "provincie": (
        (r"\bstatenle(?:d|den)\b|\bstatenlid|\bstaten-?leden\b|\bprovinciale staten\b", ("statenlid",)),
        (_COMMISSION + r"|statencommissie", ("commissielid",)),
        (r"\bgedeputeerde staten\b|\bgs\b|\bcollege van gedeputeerde", ("gedeputeerde", "cdk")),
        (r"\bgedeputeerden?\b(?! staten)", ("gedeputeerde",)),
        (r"\bcommissaris van de konin(?:g|gin)\b|\bcdk\b|\bgouverneur\b", ("cdk",)),
    ),
    "waterschap": (
        (r"\balgemeen bestuur\b|\bverenigde vergadering\b|\bvv\b|\bab-?le(?:d|den)\b|\bab\b"
         r"|\bleden van het bestuur\b", ("ab_lid",)),
        (_COMMISSION, ("commissielid",)),
        (r"\bdagelijks(?:e)? bestuur\b|\bcollege van (?:dijkgraaf|watergraaf) en (?:hoog)?heemraden\b"
         r"|\bdb(?:-?le(?:d|den))?\b", ("db_lid", "voorzitter")),
        (r"\b(?:hoog)?heemra(?:ad|den)\b|\bcollegele(?:d|den)\b", ("db_lid",)),
        (r"\bdijkgraaf\b|\bwatergraaf\b|\bvoorzitter\b", ("voorzitter",)),
    ),
    "openbaar_lichaam": (
        (r"\beilandsraad(?:sle(?:d|den)|slid)?\b|\bleden van de eilandsraad\b", ("eilandsraadslid",)),
        (r"\bbestuurscollege\b", ("eilandgedeputeerde", "gezaghebber")),
        (r"\beilandgedeputeerden?\b", ("eilandgedeputeerde",)),
        (r"\bgezaghebber\b", ("gezaghebber",)),
    ),
}
_GENERAL_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bpolitieke? ambtsdragers?\b|\bambtsdragers\b|\bhet (?:gemeente|provincie|waterschaps)?bestuur\b"
     r"|\bbestuur van (?:het|de) (?:waterschap|hoogheemraadschap|wetterskip|gemeente|provincie)\b"
     r"|\bbestuurd van\b", "alle"),
    (r"\b(?:dagelijkse? )?bestuurders\b", "bestuurders"),
    (r"\bvolksvertegenwoordig(?:ers|ing)\b|\bvertegenwoordigend orgaan\b", "volksvertegenwoordigers"),
)
_NEGATED = re.compile(r"\b(?:die|dat|welke) geen [\w()-]+(?: [\w()-]+)? (?:zijn|is)\b|\bniet zijnde (?:een )?[\w()-]+"
                      r"|\bmet uitzondering van (?:de |het )?[\w()-]+")


def offices_in(text: str, body: str) -> set[str]:
    """The offices of ``body`` that ``text`` names, specific words first, general words after."""
    folded = _NEGATED.sub(" ", fold(text))
    found: set[str] = set()
    for pattern, offices in _OFFICE_WORDS[body]:
        if re.search(pattern, folded):
            found.update(offices)
    if found:
        return found
    for pattern, kind in _GENERAL_WORDS:
        if re.search(pattern, folded):
            if kind == "alle":
                return set(STATUTORY[body])
            if kind == "bestuurders":
                return {_EXECUTIVE[body], _CHAIR[body]}
            return {_REPRESENTATIVE[body]}
    return set()


def _specific_offices(text: str, body: str) -> set[str]:
    folded = _NEGATED.sub(" ", fold(text))
    found: set[str] = set()
    for pattern, offices in _OFFICE_WORDS[body]:
        if re.search(pattern, folded):
            found.update(offices)
    return found


# ---------------------------------------------------------------- body signals

_BODY_STRONG: tuple[tuple[str, str, str], ...] = (
    # (body, regex on folded text, description)
    ("gemeente", r"\bgemeentewet\b", "Gemeentewet"),
    ("provincie", r"\bprovinciewet\b", "Provinciewet"),
    ("waterschap", r"\bwaterschapswet\b", "Waterschapswet"),
    ("openbaar_lichaam", r"\bwolbes\b|\bwet openbare lichamen bonaire", "WolBES"),
    ("gemeente", r"^\s*(?:de |het )?(?:gemeente)?raad van (?:de gemeente )?[a-z]", "aanhef 'de raad van ...'"),
    ("provincie", r"^\s*(?:besluit van )?provinciale staten van [a-z]", "aanhef 'Provinciale Staten van ...'"),
    ("waterschap", r"^\s*(?:het |de )?(?:algemeen bestuur|verenigde vergadering|vergadering) van (?:het |de )?"
                   r"(?:waterschap|hoogheemraadschap|wetterskip|[a-z])", "aanhef 'het algemeen bestuur van ...'"),
    ("waterschap", r"^\s*(?:de )?verenigde vergadering\b", "aanhef 'de Verenigde Vergadering'"),
    ("openbaar_lichaam", r"^\s*(?:de )?eilandsraad\b", "aanhef 'de eilandsraad'"),
    ("gemeente", r"\bgmb-\d{4}|\bgemeenteblad\b", "gemeenteblad"),
    ("provincie", r"\bprb-\d{4}|\bprovinciaal blad\b", "provinciaal blad"),
    ("waterschap", r"\bwsb-\d{4}|\bwaterschapsblad\b", "waterschapsblad"),
)
_BODY_TITLE: tuple[tuple[str, str], ...] = (
    ("gemeente", r"\bgemeente\b|\bgemeenteraad|\braadsle(?:d|den)\b|\braads-|\braads\(|\bwethouders?\b"
                 r"|\bburgemeester\b|\bcollege van b|\bb\s*&\s*w\b"),
    ("provincie", r"\bprovincie\b|\bprovinciale staten\b|\bstatenle|\bgedeputeerde|\bcommissaris van de konin"),
    ("waterschap", r"\bwaterschap|\bhoogheemraadschap|\bwetterskip\b|\bdijkgraaf|\bheemraden\b|\bhhsk\b"
                   r"|\bverenigde vergadering\b|\b(?:algemeen|dagelijks) bestuur\b"),
    ("openbaar_lichaam", r"\beilandsraad|\bopenbaar lichaam\b|\bbonaire\b|\bsint eustatius\b|\bsaba\b"
                         r"|\bgezaghebber\b|\beilandgedeputeerde"),
)
_BODY_WEAK: tuple[tuple[str, str], ...] = (
    ("gemeente", r"\bgemeente\w*|\braadsle(?:d|den)\b|\braadslid\b|\bwethouders?\b|\bburgemeester\b|\bgriffier\b"),
    ("provincie", r"\bprovincie\w*|\bstatenle(?:d|den)\b|\bstatenlid\b|\bgedeputeerden\b|\bstatengriffier\b"),
    ("waterschap", r"\bwaterschap\w*|\bhoogheemraadschap\b|\bdijkgraaf\b|\b(?:hoog)?heemraden\b"
                   r"|\balgemeen bestuur\b|\bdagelijks bestuur\b"),
    ("openbaar_lichaam", r"\beilandsraad\w*|\bgezaghebber\b|\bopenbaar lichaam\b"),
)
_ORGTYPE = {"gemeente": "gemeente", "provincie": "provincie", "waterschap": "waterschap",
            "openbaar lichaam": "openbaar_lichaam", "caribisch openbaar lichaam": "openbaar_lichaam"}

_NOISE_LINE = re.compile(r"^(?:ziet u een fout|regeling vervallen|geldend van|dit is een toekomstige|datum publicatie"
                         r"|permanente link|naar de |http|www\.|u bent hier|zoals vergunningen|adressen en"
                         r"|save this|maat:|weergave|download|transcriptie|intitul|\||-{3})")
_META_LINE = re.compile(r"^(organisatietype|organisatie|officiele naam regeling|citeertitel|vastgesteld door"
                        r"|onderwerp)\s*:?\s*(.*)$")


def _metadata(seg: Segmentation) -> dict[str, str]:
    """The document's metadata with folded keys; in plain-text copies of regulation pages the
    "Gegevens van de regeling" lines ("OrganisatietypeGemeente") are read too."""
    meta = {fold(k).strip(): v for k, v in seg.document.metadata.items()}
    if "organisatietype" in meta:
        return meta
    text = seg.document.text[:6000]
    if "gegevens van de regeling" not in fold(text):
        return meta
    for raw in text.splitlines()[:80]:
        ln = raw.strip()
        m = _META_LINE.match(fold(ln))
        if m and m.group(1) not in meta and m.group(2):
            key = m.group(1)
            meta[key] = ln[len(ln) - len(m.group(2)):].strip()
    return meta


_TITLE_WORD = re.compile(r"gedragscode|\bcode\b|protocol|integriteit|regeling|reglement")
_TITLE_CODE = re.compile(r"gedragscode|integriteitscode|\bcode\b|protocol|integriteitsbeleid")
_TITLE_START = re.compile(r"(?:gedragscode|integriteitscode|\bcode\b|protocol|integriteitsbeleid|regeling|reglement"
                          r"|integriteit)")


def _head_text(seg: Segmentation, limit: int = 8000) -> str:
    """The text before the first normative unit (title, metadata, aanhef, inleiding), capped."""
    text = seg.document.text
    first = next((u.span.start for u in seg.units if u.role == "normatief"), len(text))
    return text[: min(first, limit)] if first > 0 else text[: min(limit, 3000)]


def _title_candidates(seg: Segmentation, head: str) -> list[str]:
    meta = _metadata(seg)
    out: list[str] = []
    for key in ("citeertitel", "officiele naam regeling", "titel", "title"):
        value = meta.get(key, "").strip()
        if value:
            out.append(value)
    for unit in seg.units:
        if unit.role == "titel":
            for ln in _lines(seg.document.text[unit.span.start:unit.span.end]):
                if not _NOISE_LINE.match(fold(ln)):
                    out.append(ln)
    lines = [ln.strip(" \t•-*#") for ln in head.splitlines()]
    lines = [ln for ln in lines if ln and not _NOISE_LINE.match(fold(ln))]
    for ln in lines[:25]:
        if len(ln) <= 400 and _TITLE_WORD.search(fold(ln)):
            out.append(ln)
    if not out and lines:
        out.append(lines[0])
    seen: set[str] = set()
    unique = []
    for t in out:
        key = fold(t)
        if key not in seen:
            seen.add(key)
            unique.append(t)
    return unique


def _title_core(title: str) -> str:
    """The part of a title that names the code: after "Besluit van X houdende/tot ..." prefixes."""
    folded = fold(title)
    m = _TITLE_CODE.search(folded) or _TITLE_START.search(folded)
    if m is None:
        return folded
    return folded[m.start():]


def _lines(text: str) -> Iterable[str]:
    for ln in text.splitlines():
        ln = ln.strip(" \t•-*#")
        if ln:
            yield ln


def _detect_body(seg: Segmentation, head: str, titles: list[str]) -> tuple[str | None, str]:
    meta = {k: fold(v) for k, v in _metadata(seg).items()}
    orgtype = meta.get("organisatietype", "").strip()
    if orgtype in _ORGTYPE:
        return _ORGTYPE[orgtype], f"metadata: Organisatietype {orgtype}"
    scores = dict.fromkeys(BODIES, 0.0)
    why: dict[str, list[str]] = {b: [] for b in BODIES}
    head_folded = fold(head)
    meta_text = " \n".join(meta.values())
    for body, pattern, desc in _BODY_STRONG:
        rx = re.compile(pattern, re.MULTILINE)
        if rx.search(head_folded) or rx.search(meta_text):
            scores[body] += 10
            why[body].append(desc)
    for title in titles[:3]:
        core = fold(title)
        for body, pattern in _BODY_TITLE:
            if re.search(pattern, core):
                scores[body] += 6
                why[body].append(f"titel '{title[:80]}'")
    normative = " ".join(seg.document.text[u.span.start:u.span.end] for u in seg.units if u.role == "normatief")
    for text, weight, cap in ((head_folded, 0.5, 4.0), (fold(normative), 0.25, 4.0)):
        for body, pattern in _BODY_WEAK:
            n = len(re.findall(pattern, text))
            if n:
                scores[body] += min(cap, n * weight)
    best = max(BODIES, key=lambda b: scores[b])
    if scores[best] <= 0:
        return None, "geen aanwijzing voor het soort lichaam gevonden"
    reasons = why[best][:3] or ["woorden in de tekst"]
    return best, "; ".join(dict.fromkeys(reasons))


# ---------------------------------------------------------------- legal basis

_LAW = {"gemeentewet": "gemeente", "provinciewet": "provincie", "waterschapswet": "waterschap",
        "wolbes": "openbaar_lichaam", "wet openbare lichamen bonaire": "openbaar_lichaam"}
_ARTICLE_OFFICES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "gemeente": {"15": ("raadslid",), "41c": ("wethouder",), "69": ("burgemeester",)},
    "provincie": {"15": ("statenlid",), "40c": ("gedeputeerde",), "68": ("cdk",)},
    "waterschap": {"45": ("db_lid", "voorzitter")},
    "openbaar_lichaam": {"16": ("eilandsraadslid",), "53": ("eilandgedeputeerde",), "82": ("gezaghebber",)},
}
_BASIS = re.compile(r"\bartikel(?:en)?\b(?P<refs>[^;:]{0,200}?)\b(?:van de |der )?(?P<law>gemeentewet|provinciewet"
                    r"|waterschapswet|wolbes|wet openbare lichamen bonaire)")


def _legal_basis_offices(text: str, body: str) -> set[str]:
    folded = fold(text)
    found: set[str] = set()
    for m in _BASIS.finditer(folded):
        if _LAW.get(m.group("law")) != body:
            continue
        refs = re.sub(r"\blid \d+|\d+(?:e|de|ste)? lid", " ", m.group("refs"))
        refs = re.sub(r"\b(\d+)\s+([a-d])(?=[\s,])", r"\1\2", refs)
        numbers = set(re.findall(r"\b(\d+[a-z]?)\b", refs))
        for number, offices in _ARTICLE_OFFICES[body].items():
            if number in numbers:
                found.update(offices)
        if body == "waterschap" and "33" in numbers and "45" not in numbers:
            found.update(STATUTORY["waterschap"])
    return found


# ---------------------------------------------------------------- scope article and formula

_SCOPE = re.compile(r"\b(?:geldt|gelden|van toepassing|is bestemd|zijn bestemd|richt zich|is gericht|bedoeld) "
                    r"(?:\w+ ){0,3}?(?:voor|op|tot)\b")
_FORMULA = re.compile(r"\b(?:vast te stellen|navolgende|de volgende gedragscode|besluit(?:en)?)\b")


def _scope_sentence_offices(seg: Segmentation, body: str) -> tuple[set[str], str]:
    text = seg.document.text
    for unit in seg.units:
        if unit.role not in ("normatief", "inleiding", "aanhef"):
            continue
        for lid in unit.leden:
            for sentence in lid.sentences:
                folded = fold(sentence.text)
                m = _SCOPE.search(folded)
                if m is None or not re.search(r"code|regeling|protocol|bepaling", folded):
                    continue
                tail = folded[m.end():]
                tail = re.split(r"\b(?:maar|en richt zich|richt zich|tenzij)\b", tail)[0]
                offices = _specific_offices(tail, body)
                if not offices:
                    general = offices_in(tail, body)
                    offices = general
                if offices:
                    where = unit.label or unit.role
                    return offices, f"{where}: '{text[sentence.span.start:sentence.span.end].strip()[:100]}'"
    return set(), ""


def _place(seg: Segmentation, head: str, body: str | None) -> str:
    meta = _metadata(seg)
    org = meta.get("organisatie", "").strip()
    if org:
        return re.sub(r"^(?:gemeente|provincie|waterschap|hoogheemraadschap( van)?|wetterskip)\s+", "", org,
                      flags=re.I).strip()
    patterns = {
        "gemeente": r"\b(?:raad|gemeenteraad) van (?:de gemeente )?([A-Z][\w'-]+(?:[ -](?:aan|den|de|en|op|van|"
                    r"[A-Z][\w'-]+))*)",
        "provincie": r"\bProvinciale Staten van (?:de provincie )?([A-Z][\w-]+(?:[ -][A-Z][\w-]+)*)",
        "waterschap": r"\b((?:[Ww]aterschap|[Hh]oogheemraadschap|Wetterskip) (?:van )?(?:de |het )?[A-Z][\w-]+"
                      r"(?:[ -](?:en de|en|de|van|[A-Z][\w-]+))*)",
        "openbaar_lichaam": r"\b(Bonaire|Sint Eustatius|Saba)\b",
    }
    if body in patterns:
        m = re.search(patterns[body], head)
        if m:
            return m.group(1).strip().rstrip(";,.")
    if body in ("gemeente", "provincie"):
        word = f"[{body[0].upper()}{body[0]}]{body[1:]}"
        m = re.search(rf"\b{word} ([A-Z][\w'-]+(?: (?:aan den|aan de|op|en) [A-Z][\w'-]+)*)", head)
        if m:
            return m.group(1).strip()
    return ""


# ---------------------------------------------------------------- the whole identification


def identify(seg: Segmentation, *, body: str | None = None, offices: Iterable[str] | None = None) -> Identification:
    """Detect the body and the offices of a segmented code; ``body``/``offices`` override detection."""
    head = _head_text(seg)
    titles = _title_candidates(seg, head)
    detection: dict[str, str] = {}
    if body is not None:
        detection["lichaam"] = "opgegeven (--body)"
    else:
        body, detection["lichaam"] = _detect_body(seg, head, titles)
    title = titles[0] if titles else ""
    given = tuple(dict.fromkeys(offices)) if offices else ()
    if given:
        detection["ambten"] = "opgegeven (--office)"
        return Identification(body, given, _place(seg, head, body), title, detection)
    if body is None:
        detection["ambten"] = "onbekend, want het lichaam is onbekend; alle clausules zijn aan alle ambten getoetst"
        return Identification(None, (), "", title, detection)
    found, how = _detect_offices(seg, head, titles, body)
    order = ALL_OFFICES[body]
    ordered = tuple(o for o in order if o in found)
    detection["ambten"] = how
    return Identification(body, ordered, _place(seg, head, body), title, detection)


def _detect_offices(seg: Segmentation, head: str, titles: list[str], body: str) -> tuple[set[str], str]:
    # 1. specific office words in a title
    general_title: tuple[set[str], str] | None = None
    for title in titles:
        core = _title_core(title)
        specific = _specific_offices(core, body)
        if specific:
            return specific, f"titel: '{title[:100]}'"
        if general_title is None:
            general = offices_in(core, body)
            if general:
                general_title = (general, f"titel: '{title[:100]}'")
    # 2. the scope article
    scoped, where = _scope_sentence_offices(seg, body)
    if scoped:
        return scoped, f"reikwijdte: {where}"
    # 3. a general word in the title ("politieke ambtsdragers", "bestuurders")
    if general_title is not None:
        return general_title
    # 4. the adoption formula ("voor leden van Provinciale Staten ...; de navolgende gedragscode vast te stellen")
    for line in _lines(head):
        folded = fold(line)
        if _FORMULA.search(folded) and " voor " in f" {folded} ":
            tail = folded.split(" voor ", 1)[1]
            specific = _specific_offices(tail, body)
            if specific:
                return specific, f"besluit: '{line[:100]}'"
    # 5. the legal basis
    basis_text = head + "\n" + seg.document.metadata.get("wettelijke grondslag", "")
    basis = _legal_basis_offices(basis_text, body)
    if basis:
        return basis, "wettelijke grondslag in de aanhef"
    # 6. the office words the normative text uses most
    normative = " ".join(seg.document.text[u.span.start:u.span.end] for u in seg.units if u.role == "normatief")
    counted = _counted_offices(normative, body)
    if counted:
        return counted, "ambten die de artikelen noemen"
    return set(STATUTORY[body]), "geen ambten gevonden; aangenomen: alle wettelijke ambten van het lichaam"


def _counted_offices(text: str, body: str) -> set[str]:
    folded = _NEGATED.sub(" ", fold(text))
    found: set[str] = set()
    for pattern, offices in _OFFICE_WORDS[body]:
        if len(re.findall(pattern, folded)) >= 2:
            found.update(offices)
    return found
