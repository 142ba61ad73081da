"""Which code is this: the body (gemeente, provincie, waterschap, openbaar lichaam) and the offices.

The signals, strongest first:

* the publication's metadata (``Organisatietype``, ``Vastgesteld door``, the law in
  ``Wettelijke grondslag``) and its series (gmb-, prb-, wsb-; Gemeenteblad, Provinciaal blad ...);
* the aanhef ("De raad van de gemeente X;", "Provinciale Staten van X;", "Het algemeen bestuur van
  het waterschap X", "De Verenigde Vergadering", "De eilandsraad") and the legal basis
  ("gelet op artikel 15, derde lid, 41c en 69 van de Gemeentewet");
* the title ("Gedragscode integriteit raadsleden gemeente X", "... dijkgraaf en hoogheemraden");
* for the offices: the words of the title (after "Besluit van ... houdende", which names the body
  that adopts the code, not the one it is for; a title that a PDF broke over lines is joined first),
  else the scope article ("Deze gedragscode geldt voor ..."), else a general title word ("politieke
  ambtsdragers", "bestuurders"), else the adoption formula and the legal basis, else how often the
  normative text names each office. Offices named by the title or the formula are supplemented by
  the scope article, and those of the title, the formula or the scope article by the articles of the
  aanhef's legal basis that belong to one office only (a title "Gedragscode integriteit gedeputeerden"
  for a code that also covers the commissaris; "gelet op de artikelen 15, derde lid, 41c, tweede lid,
  en 69, tweede lid, van de Gemeentewet"). In the scope article every addressee of an enumeration
  counts ("de politieke ambtsdragers en de commissieleden"), and a general word that the code defines
  ("politieke ambtsdrager: een lid van de raad, een wethouder of de burgemeester", "onder bestuurder
  wordt verstaan: ...") counts by its definition.

All matching is on folded text (lower case, no diacritics). What decided is written to
``Identification.detection`` in Dutch, for the report.

The knowledge is the model's (rules are data): every body's ``herken`` patterns are its strong
cues (law, aanhef, publication series), the body's name and its offices' ``herken`` patterns are
the words by which a title or the text points to it, ``herken algemeen`` the general wording
that includes an office, the grondslag of each office the article numbers of its legal basis,
and the body term ``wet_naam`` (and ``wet_afkorting``) the law cited. This module holds the
mechanism only: the order of the signals, their weights, and generic Dutch legal phrasing
(negation such as "die geen raadslid zijn", the scope article, the adoption formula).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from gedragscode.lint.document import Segmentation, Span
from gedragscode.lint.match import DocumentIndex, compile_pattern, fold, fold_text
from gedragscode.model import AnyOf, Body, Model, Pattern, Phrase, Regex, Stem, Word
from gedragscode.safe_regex import compile_recogniser

__all__ = ["Identification", "identify", "offices_in"]


@dataclass(frozen=True)
class Identification:
    """What lint decided about a document: body, offices, place and title, and why."""

    body: str | None
    offices: tuple[str, ...]
    place: str = ""
    title: str = ""
    detection: dict[str, str] = field(default_factory=dict, hash=False)


def _bundled() -> Model:
    from gedragscode.catalogue import bundled_model

    return bundled_model()


# ---------------------------------------------------------------- evaluating model patterns


class _Text:
    """A folded text against which model patterns are evaluated: a short string of its own (a title,
    an enumeration item), or a view on spans of the document's shared :class:`DocumentIndex` (the head,
    the normative text), which is then neither folded nor tokenised again."""

    def __init__(self, text: str = "", *, index: DocumentIndex | None = None,
                 spans: Sequence[Span] | None = None) -> None:
        if index is None:
            index = DocumentIndex(text)
            spans = [Span(0, len(text))]
        self.index = index
        self._spans = list(spans or ())
        self._ranges = [index.token_range(sp) for sp in self._spans]

    @property
    def text(self) -> str:
        """The folded text of the view."""
        return " ".join(self.index.folded_slice(sp.start, sp.end) for sp in self._spans)

    def hits(self, pattern: Pattern) -> list[int] | None:
        """Token positions where ``pattern`` matches (None: no match)."""
        return self.index.evaluate(compile_pattern(pattern), self._ranges, self._spans, folded=True)

    def matches(self, patterns: Iterable[Pattern]) -> bool:
        return any(self.hits(p) is not None for p in patterns)

    def count(self, pattern: Pattern) -> int:
        found = self.hits(pattern)
        return len(found) if found else 0

    def snippet(self, pattern: Pattern) -> str:
        """The words of the first match of ``pattern``, as written in the text."""
        found = self.hits(pattern)
        if not found:
            return ""
        index = self.index
        folded = index.folded if index.folded is not None else index.text
        for rx in _regexes(pattern):
            compiled = compile_recogniser(rx)  # by its trust: see gedragscode.safe_regex
            for sp in self._spans:
                m = compiled.search(folded, sp.start, sp.end)
                if m and m.group(0).strip():
                    return index.text[m.start():m.end()].strip()[:60]
        return index.text[index.starts[found[0]]:index.ends[found[0]]]


def _regexes(pattern: Pattern) -> Iterable[Regex]:
    if isinstance(pattern, Regex):
        yield pattern
    for part in getattr(pattern, "parts", ()):
        yield from _regexes(part)


_NEGATED = re.compile(r"\b(?:die|dat|welke) geen [\w()-]+(?: [\w()-]+){0,3}? (?:zijn|is)\b"
                      r"|\bniet zijnde (?:een )?[\w()-]+|\bmet uitzondering van (?:de |het )?[\w()-]+")


def _office_text(text: str) -> _Text:
    """Folded text without the offices it excludes ("commissieleden die geen raadslid zijn")."""
    return _Text(_NEGATED.sub(" ", fold(text)))


# ---------------------------------------------------------------- offices of a body


def _body_of(model: Model, body: str | Body) -> Body:
    if isinstance(body, Body):
        return body
    found = model.body(body)
    if found is None:
        raise KeyError(f"onbekend lichaam '{body}'; het model kent: " + ", ".join(b.id for b in model.bodies))
    return found


def _specific(text: _Text, body: Body) -> set[str]:
    return {o.id for o in body.offices if text.matches(o.recognisers)}


def _general(text: _Text, body: Body) -> set[str]:
    return {o.id for o in body.offices if text.matches(o.general_recognisers)}


# the parts of an enumeration of addressees ("de politieke ambtsdragers en de commissieleden")
_ITEMS = re.compile(r",|\b(?:en|of|en/of|alsmede|evenals|als ook|zowel|als)\b")
# what may precede the noun of one addressee: a preposition, "ook", an article or a quantifier
_ITEM_LEAD = re.compile(r"^\s*(?:(?:op|voor|tot|ook|tevens|eveneens|mede)\s+)*"
                        r"(?:(?:de|het|een|alle|ieder|iedere|elk|elke|zijn|haar)\s+)?")


def offices_in(text: str, body: str | Body, model: Model | None = None,
               definitions: dict[str, str] | None = None) -> set[str]:
    """The offices of ``body`` that ``text`` names. Specific words count everywhere. An addressee
    of an enumeration that names no office specifically ("de politieke ambtsdragers en de
    commissieleden") counts by the code's own definition of its word (``definitions``, see
    :func:`definitions_in`), else by the general words for offices; when nothing specific is named,
    the general words anywhere in ``text`` count."""
    b = body if isinstance(body, Body) else _body_of(model or _bundled(), body)
    folded = _office_text(text)
    found = _specific(folded, b)
    for item in _ITEMS.split(folded.text):
        item = item[_ITEM_LEAD.match(item).end():]  # type: ignore[union-attr]
        part = _Text(item)
        if not item.strip() or _specific(part, b):
            continue
        defined = _defined(item, b, definitions, at_start=True)
        if defined:
            found |= defined
        elif found:
            found |= {o.id for o in b.offices
                      if o.general_recognisers and 0 in (part.hits(AnyOf(o.general_recognisers)) or ())}
    return found or _defined(folded.text, b, definitions) or _general(folded, b)


# a definition: "politieke ambtsdrager: een lid van de raad, ...", "onder bestuurder wordt (in deze code)
# verstaan: ...", "(in deze code wordt) verstaan onder bestuurders: ..."
_DEFINITION = re.compile(
    r"^(?:[a-z0-9]{1,3}[.)]\s+)?['\"]?(?P<t1>[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}?)['\"]?\s*:\s*(?P<d1>.+)$"
    r"|\bonder (?:de |het |een )?['\"]?(?P<t2>[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}?)['\"]? (?:(?:wordt|worden) "
    r"(?:[\w-]+ ){0,4}?)?(?:mede )?verstaan\b\s*:?\s*(?P<d2>.+)$"
    r"|\bverstaan onder (?:de |het |een )?['\"]?(?P<t3>[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}?)['\"]?\s*:\s*(?P<d3>.+)$")


def definitions_in(seg: Segmentation) -> dict[str, str]:
    """The terms that the code defines (folded term -> folded definition, the first definition of a term),
    from the sentences of its articles, aanhef and inleiding."""
    out: dict[str, str] = {}
    for _, _, folded, _ in _scope_sentences(seg):
        m = _DEFINITION.search(folded.strip())
        if m is None:
            continue
        term = next(t for t in (m.group("t1"), m.group("t2"), m.group("t3")) if t is not None)
        text = next(d for d in (m.group("d1"), m.group("d2"), m.group("d3")) if d is not None)
        out.setdefault(term, text.split(";")[0])
    return out


def _term_regex(term: str) -> re.Pattern[str]:
    """A defined term in any of its forms: "politieke ambtsdrager" also finds "politiek ambtsdragers",
    "commissielid" also "commissieleden"."""
    words = []
    for w in term.split():
        if w.endswith("lid"):
            words.append(re.escape(w[:-3]) + "(?:lid|leden)")
        else:
            stem = re.sub(r"(?:en|e|s|n)$", "", w) if len(w) > 4 else w
            words.append(re.escape(stem) + r"\w{0,3}")
    return re.compile(r"\b" + r"\s+".join(words) + r"\b")


def _defined(text: str, body: Body, definitions: dict[str, str] | None, at_start: bool = False) -> set[str]:
    """The offices that the code's definitions give to the terms in ``text`` (at its start: ``at_start``);
    only terms that name no office themselves and whose definition names offices specifically."""
    found: set[str] = set()
    for term, definition in (definitions or {}).items():
        m = _term_regex(term).search(text)
        if m is None or (at_start and m.start() > 0) or _specific_offices(term, body):
            continue
        found |= _specific_offices(definition, body)
    return found


def _specific_offices(text: str, body: Body) -> set[str]:
    return _specific(_office_text(text), body)


def _statutory(body: Body) -> set[str]:
    return {o.id for o in body.offices if o.statutory}


# ---------------------------------------------------------------- body signals


def _cues(body: Body) -> Pattern:
    """Every pattern by which a title or the text points to ``body``: its name, its own
    recognisers and the specific words for its offices."""
    parts: list[Pattern] = [Phrase((fold(body.name),))]
    parts.extend(body.recognisers)
    for office in body.offices:
        parts.extend(office.recognisers)
    return AnyOf(tuple(parts))


def _mentions(body: Body) -> Pattern:
    """As :func:`_cues`, with the body's name as a stem ("gemeente" also finds "gemeentelijk")."""
    cues = _cues(body)
    assert isinstance(cues, AnyOf)
    return AnyOf((Phrase((fold(body.name) + "*",)), *cues.parts[1:]))


def _body_by_type(model: Model, orgtype: str) -> Body | None:
    """The body whose name the metadata's Organisatietype is ("Caribisch openbaar lichaam" too)."""
    for body in model.bodies:
        name = fold(body.name)
        if orgtype == name or orgtype.endswith(" " + name):
            return body
    return None


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


_MAX_TITLE_LINES = 40
# a besluit's heading that names only who adopts it ("Besluit van de raad van de gemeente X")
_ISSUER_TITLE = re.compile(r"^(?:raads|staten)?besluit\s+van\s+")
"""At most this many lines of title units are title candidates."""


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
        if unit.role == "titel" and len(out) < _MAX_TITLE_LINES:
            first = itertools.islice(_lines(seg.document.text[unit.span.start:unit.span.end]), _MAX_TITLE_LINES)
            out.extend(_wrapped_titles([ln for ln in first if not _NOISE_LINE.match(fold(ln))], one_title=True))
    del out[_MAX_TITLE_LINES:]  # a title is a few lines; more would make the search below quadratic
    lines = [ln.strip(" \t•-*#") for ln in head.splitlines()]
    lines = [ln for ln in lines if ln and not _NOISE_LINE.match(fold(ln))]
    out.extend(t for t in _wrapped_titles(lines[:25])
               if len(t) <= 400 and _TITLE_WORD.search(fold(t)) and not _SUBSECTION.match(t))
    if not out and lines:
        out.append(lines[0])
    # a fragment of a title broken over lines gives way to the whole title that starts with it
    out = [next((w for w in out if len(w) > len(t) and fold(w).startswith(fold(t) + " ")), t) for t in out]
    seen: set[str] = set()
    unique = []
    for t in out:
        key = fold(t)
        if key not in seen:
            seen.add(key)
            unique.append(t)
    return unique


# A numbered subsection ("2.3 Screening van bestuurders. Bij de volgende ...") of a text before the code is no title;
_SUBSECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s|"
                         # nor is a line of the aanhef ("overwegende dat ... één gedragscode vast te stellen ...")
                         r"^\W*(?:overwegende|gelet\s+op|gelezen|gezien|gehoord|besluit|besluiten)\b", re.IGNORECASE)
_TITLE_END = re.compile(r"[.,;:!?)]$")
_TITLE_OPEN = re.compile(r"\b(?:en|of|van|voor|de|der|den|het|tot)$")
_TITLE_YEAR = re.compile(r"\b(?:19|20)\d\d$")


def _continues(title: str, line: str, one_title: bool) -> bool:
    """Whether ``line`` continues ``title`` that a PDF (or a narrow layout) broke over lines."""
    if _TITLE_END.search(title) or _TITLE_END.search(line) or len(line) > 60 or len(title) + len(line) > 200:
        return False
    if _TITLE_WORD.search(fold(line)):
        return False  # a title of its own
    return ((one_title and " " in line) or line[:1].islower() or line[:1].isdigit()
            or _TITLE_OPEN.search(fold(title)) is not None
            or (len(line) <= 40 and _TITLE_YEAR.search(line) is not None))


def _wrapped_titles(lines: list[str], one_title: bool = False) -> list[str]:
    """The lines, with a title that was broken over several lines joined again ("Gedragscode integriteit
    dijkgraaf en" / "heemraden Hoogheemraadschap Lage" / "Weiden 2021"). A short line without final
    punctuation continues a title line when it starts in lower case or with a digit, when the title
    ends in a word such as "en" or "van", when it is a short line that ends in a year, or when the
    segmentation put both in one title (``one_title``) and the line has more than one word. An aanhef
    ("Provinciale Staten van X;"), a heading ("Inleiding"), a sentence or a long line ends the title."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        title = lines[i]
        i += 1
        if _TITLE_WORD.search(fold(title)):
            added = 0
            while i < len(lines) and added < 3 and _continues(title, lines[i], one_title):
                title = f"{title} {lines[i]}"
                i += 1
                added += 1
        out.append(title)
    return out


# where a title line runs on into who adopted it ("... voor de burgemeester Vastgesteld door de gemeenteraad
# op ..."): the organ named after it adopts the code, it is not addressed by it
_ADOPTED_BY = re.compile(r"(?:^|\s)(?:vastgesteld|aangenomen|gewijzigd)\s+(?:door|bij|in|op)\b")


def _title_core(title: str) -> str:
    """The part of a title that names the code: after "Besluit van X houdende/tot ..." prefixes, and before
    "Vastgesteld door ..." that a title line may run on into."""
    folded = fold(title)
    m = _TITLE_CODE.search(folded) or _TITLE_START.search(folded)
    core = folded if m is None else folded[m.start():]
    adopted = _ADOPTED_BY.search(core)
    # a line that only says who adopted the code ("Vastgesteld door het algemeen bestuur ...") names no addressee
    return core[:adopted.start()] if adopted is not None else core


# a sentence ends inside a line (a PDF transcript has the whole aanhef on one line); not after "art."
_SENTENCE_END = re.compile(r"(?<!\bart)(?<!\bartt)(?<!\bnr)\.\s+(?=[A-Z])")


def _sentences(lines: Iterable[str], longer_than: int = 150) -> Iterable[str]:
    """The lines, a long line split into its sentences (a short line may be a heading: "Gemeente St. Anthonis")."""
    for ln in lines:
        yield from (_SENTENCE_END.split(ln) if len(ln) > longer_than else (ln,))


def _lines(text: str) -> Iterable[str]:
    for ln in text.splitlines():
        ln = ln.strip(" \t•-*#")
        if ln:
            yield ln


def _detect_body(model: Model, seg: Segmentation, head: str, titles: list[str],
                 index: DocumentIndex) -> tuple[Body | None, str]:
    meta = {k: fold(v) for k, v in _metadata(seg).items()}
    orgtype = meta.get("organisatietype", "").strip()
    typed = _body_by_type(model, orgtype) if orgtype else None
    if typed is not None:
        return typed, f"metadata: Organisatietype {orgtype}"
    bodies = model.bodies
    scores = {b.id: 0.0 for b in bodies}
    why: dict[str, list[str]] = {b.id: [] for b in bodies}
    head_text = _Text(index=index, spans=[Span(0, len(head))])
    meta_text = _Text(" \n".join(meta.values()))
    # 1. the body's own recognisers (law, aanhef, series) in the head or the metadata
    for body in bodies:
        for pattern in body.recognisers:
            where = head_text if head_text.hits(pattern) is not None else None
            if where is None and meta_text.hits(pattern) is not None:
                where = meta_text
            if where is not None:
                scores[body.id] += 10
                snippet = where.snippet(pattern)
                why[body.id].append(f"'{snippet}'" if snippet else "herkenningspatroon")
    # 2. the body's name, recognisers or office words in a title
    for title in titles[:3]:
        core = _Text(fold(title))
        for body in bodies:
            if core.hits(_cues(body)) is not None:
                scores[body.id] += 6
                why[body.id].append(f"titel '{title[:80]}'")
    # 3. how often the head and the articles mention the body and its offices
    normative = _Text(index=index, spans=[u.span for u in seg.units if u.role == "normatief"])
    for text, weight, cap in ((head_text, 0.5, 4.0), (normative, 0.25, 4.0)):
        for body in bodies:
            n = text.count(_mentions(body))
            if n:
                scores[body.id] += min(cap, n * weight)
    if not bodies:
        return None, "het model kent geen lichamen"
    best = max(bodies, key=lambda b: scores[b.id])
    if scores[best.id] <= 0:
        return None, "geen aanwijzing voor het soort lichaam gevonden"
    reasons = why[best.id][:3] or ["woorden in de tekst"]
    return best, "; ".join(dict.fromkeys(reasons))


# ---------------------------------------------------------------- legal basis

_ARTICLE_WORD = r"(?:\bartikel(?:en)?\b|\bartt?\.)"
_ARTICLES = _ARTICLE_WORD + r"(?P<refs>[^;:]{0,200}?)\b(?:van de |der )?"
# the article numbers after the law, as in the metadata "Gemeentewet, art. 15, derde lid; Gemeentewet, art. 41c"
_REFS_AFTER = (r",?\s*" + _ARTICLE_WORD + r"\s*(?P<refs>\d+\s?[a-z]?\b(?:[\s,]+(?:\d+\s?[a-z]?\b|lid\b|leden\b"
               r"|[a-z]+(?:ste|de)\b|en\b|of\b))*)")


def _law_pattern(name: str) -> str:
    """A law's name as a regex on folded text; words may be separated by spaces, commas or hyphens."""
    words = re.findall(r"\w+", fold(name))
    return r"\b" + r"[\s,-]+".join(re.escape(w) for w in words) + r"\b"


def _laws(body: Body) -> list[str]:
    return [_law_pattern(body.terms[t]) for t in ("wet_naam", "wet_afkorting") if body.terms.get(t, "").strip()]


def _basis_regexes(model: Model) -> list[re.Pattern[str]]:
    """"artikel(en) ... van de <law>" for the law of any body (the first law mentioned ends the refs),
    and "<law>, art. ..." as in the metadata."""
    laws = [law for b in model.bodies for law in _laws(b)]
    if not laws:
        return []
    law = "(?P<law>" + "|".join(sorted(laws, key=len, reverse=True)) + ")"
    return [re.compile(_ARTICLES + law), re.compile(law + _REFS_AFTER)]


def _article_numbers(refs: str) -> set[str]:
    refs = re.sub(r"\blid \d+|\bleden \d+(?:\s*(?:en|,)\s*\d+\b(?!\s?[a-z]\b|,? lid))*", " ", refs)  # before "3e lid"
    refs = re.sub(r"\d+(?:e|de|ste)? lid", " ", refs)
    refs = re.sub(r"\b(\d+)\s+([a-d])(?=[\s,])", r"\1\2", refs)
    return set(re.findall(r"\b(\d+[a-z]?)\b", refs))


def _citations(model: Model, body: Body, text: str) -> Iterable[tuple[str, set[str]]]:
    """(citation text, article numbers) of every citation of ``body``'s law in folded ``text``."""
    own = [re.compile(law) for law in _laws(body)]
    if not own:
        return
    for basis in _basis_regexes(model):
        for m in basis.finditer(text):
            if any(rx.fullmatch(m.group("law")) for rx in own):
                yield m.group(0), _article_numbers(m.group("refs"))


def _office_articles(model: Model, body: Body) -> dict[str, set[str]]:
    """Office id -> the article numbers of its grondslag (in the law of its body)."""
    out: dict[str, set[str]] = {}
    for office in body.offices:
        for _, numbers in _citations(model, body, fold(office.legal_basis)):
            out.setdefault(office.id, set()).update(numbers)
    return out


def _legal_basis_offices(model: Model, text: str, body: Body) -> set[str]:
    """Offices whose legal basis ``text`` cites. An article that is the grondslag of several
    offices counts for all of them, unless the citation also names some of them specifically
    (an office's ``herken``, such as artikel 45 of the Waterschapswet for the dagelijks bestuur)."""
    articles = _office_articles(model, body)
    found: set[str] = set()
    for citation, numbers in _citations(model, body, fold(text)):
        specific = _specific_offices(citation, body)
        if specific:
            found.update(specific)
            continue
        found.update(o for o, own in articles.items() if own & numbers)
    return found


# ---------------------------------------------------------------- scope article and formula

_SCOPE = re.compile(r"\b(?:geldt|gelden|van toepassing|is bestemd|zijn bestemd|richt zich|is gericht|bedoeld) "
                    r"(?:\w+ ){0,3}?(?:voor|op|tot)\b")
# the offices another code is for ("Voor de wethouders en de burgemeester geldt een aparte code")
_OTHER_CODE = re.compile(r"\b(?:een|hun|haar|zijn|de)\s+(?:aparte|eigen|afzonderlijke|andere|separate)\s+"
                         r"(?:gedrags)?(?:code|regeling|regels)\b")
_FORMULA = re.compile(r"\b(?:vast te stellen|navolgende|de volgende gedragscode|besluit(?:en)?)\b")


# the code itself as the subject of the scope verb: "Deze gedragscode (integriteit) is van toepassing op"
_SCOPE_STRICT = re.compile(r"\b(?:deze|de|dit|het|onderhavige) (?:[\w-]+ ){0,2}?"
                           r"(?P<noun>gedragscode|integriteitscode|code|regeling|protocol|reglement|gedragsregels)\b"
                           r"(?: [\w-]+){0,3}? (?:(?P<verb>geldt|gelden)"
                           r"|(?P<verb2>is|zijn) (?:(?:\w+ ){0,2}?van toepassing|(?:\w+ )?(?:bestemd|bedoeld)))"
                           r" (?:\w+ ){0,3}?(?:voor|op)\b")
_SCOPE_NOT_SUBJECT = {"van", "in", "uit", "bij", "met", "volgens", "krachtens", "naast", "over"}
# where the offices the code is for end: an exception, a limitation, the bodies it also addresses, a
# relative clause ("een hoogheemraad die van buiten de verenigde vergadering is benoemd")
_SCOPE_END = re.compile(
    r";|\b(?:maar|tenzij|behalve|uitgezonderd|met uitzondering|niet(?!-)|noch|richt zich)\b|"
    # a clause that qualifies the addressees ("ook wanneer hij als voorzitter van de raad optreedt") adds none
    r",\s*(?:ook\s+)?(?:wanneer|als|indien|zolang|voor zover)\b")
# A relative clause inside the enumeration of addressees ("de commissieleden die geen lid van het algemeen
# bestuur zijn, de leden van het dagelijks bestuur"): it qualifies one of them; the enumeration goes on after it.
_SCOPE_RELATIVE = re.compile(r"\b(?:die|welke)\b[^,;]*")
# "deze regels gelden ook voor ...", "deze bepalingen zijn van toepassing op ...": the rules as the subject
_SCOPE_RULES = re.compile(r"\bdeze (?:[\w-]+ )?(?:gedrags|integriteits)?(?:regels|bepalingen)\b (?:(?:\w+ ){0,3}?gelden"
                          r"|zijn (?:\w+ ){0,2}?(?:van toepassing|bestemd|bedoeld)) (?:\w+ ){0,3}?(?:voor|op)\b")
# a later sentence of the scope article with the code as a pronoun: "Zij geldt eveneens voor de externe
# leden van de commissies", "Hij is ook van toepassing op burgerleden"
_SCOPE_PRONOUN = re.compile(r"^\W*(?:zij|ze|hij|het|deze|dit|die)\s+(?:(?:geldt|gelden)|(?:is|zijn)\s+(?:\w+\s+){0,2}?"
                            r"(?:van toepassing|bestemd|bedoeld))\s+(?:\w+\s+){0,3}?(?:voor|op)\b")

# a part of a larger regulation that says it is the code ("Dit hoofdstuk vormt de gedragscode bedoeld in
# artikel 33 ..."): the sentences after it may name the scope with a pronoun ("Het is van toepassing op ...")
_CODE_DECLARED = re.compile(r"^\W*(?:dit|deze)\s+(?:hoofdstuk|paragraaf|afdeling|titel|deel|onderdeel|bijlage)\s+"
                            r"(?:vormt|is|bevat)\s+(?:de|een)\s+(?:[\w-]+\s+)?(?:gedragscode|integriteitscode)\b")
# a qualifier between commas inside the list of addressees ("op de leden en, voor zover hierna niet anders
# bepaald, op de commissieleden"): the list goes on after it
_SCOPE_ASIDE = re.compile(r",\s*(?:ook\s+)?(?:wanneer|als|indien|zolang|voor zover)\b[^,;]*,\s*"
                          r"(?=(?:en\s+)?(?:op|voor)\s)")


def _scope_sentences(seg: Segmentation, after: int = 0) -> Iterator[tuple[str, str, str, Span]]:
    """(role, unit label, folded sentence, span) of the sentences that may state the scope (those that start at
    or after offset ``after``).

    Folded again for each reader that asks (definitions and the two scope readers): kept, the folded
    sentences would take about the size of the normative text again while identification runs."""
    for unit in seg.units:
        if unit.role not in ("normatief", "inleiding", "aanhef") or unit.span.end <= after:
            continue
        label = unit.label or unit.role
        for lid in unit.leden:
            for sentence in lid.sentences:
                if sentence.span.start >= after:
                    yield unit.role, label, fold_text(sentence.text), sentence.span


def _quoted(seg: Segmentation, label: str, span: Span) -> str:
    """Where a scope was read, as identification reports it: the unit and the start of the sentence."""
    return f"{label}: '{seg.document.text[span.start:span.end].strip()[:100]}'"


def _scope_statement(folded: str) -> re.Match[str] | None:
    """The scope statement in a folded sentence: the code is the subject ("regels in deze code gelden"
    and "artikel 3 van deze code geldt" are not) and the verb agrees with it, and it is not negated."""
    for m in _SCOPE_STRICT.finditer(folded):
        before = folded[:m.start()].split()
        if before and before[-1] in _SCOPE_NOT_SUBJECT:
            continue
        plural = m.group("noun") == "gedragsregels"
        if ((m.group("verb") or m.group("verb2")) in ("gelden", "zijn")) != plural:
            continue  # "de regels in deze code gelden": the code is not the subject
        if re.search(r"\b(?:niet|geen)\b", m.group(0)):
            continue
        return m
    for m in _SCOPE_RULES.finditer(folded):
        if not re.search(r"\b(?:niet|geen)\b", m.group(0)):
            return m
    return None


def _scope_article_offices(seg: Segmentation, body: Body) -> tuple[set[str], str]:
    """The offices that the scope article names: the sentences whose subject is the code itself
    ("Deze gedragscode geldt voor ...", "... is van toepassing op ..."), not negated ("geldt niet
    voor"), up to an exception ("met uitzondering van", "niet voor", "tenzij") or the bodies the code
    also addresses ("richt zich ook tot de raad als bestuursorgaan"). One unit counts: the first article
    with such a sentence, else the first aanhef or inleiding; within it, every such sentence."""
    by_unit: dict[tuple[int, str], tuple[set[str], str]] = {}
    order: list[tuple[int, str]] = []
    declared: set[tuple[int, str]] = set()  # units that say they are the code
    definitions = definitions_in(seg)
    for role, label, folded, span in _scope_sentences(seg):
        m = _scope_statement(folded)
        if m is None and _CODE_DECLARED.search(folded):
            declared.add((0 if role == "normatief" else 1, label))
            continue
        if m is None and (0 if role == "normatief" else 1, label) in by_unit.keys() | declared:
            m = _SCOPE_PRONOUN.search(folded)  # "Zij geldt eveneens voor ..." after the code's own scope
            if m is not None and re.search(r"\b(?:niet|geen)\b", m.group(0)):
                m = None
        if m is None:
            continue
        tail = _SCOPE_RELATIVE.sub(" ", _SCOPE_ASIDE.sub(" ", folded[m.end():]))
        tail = _with_list(seg, label, span, tail)
        offices = offices_in(_SCOPE_END.split(tail)[0], body, definitions=definitions)
        if not offices:
            continue
        key = (0 if role == "normatief" else 1, label)
        if key not in by_unit:
            order.append(key)
            by_unit[key] = (set(), _quoted(seg, label, span))
        by_unit[key][0].update(offices)
    if not order:
        return set(), ""
    return by_unit[min(order, key=lambda k: k[0])]


_LIST_ITEMS = 8  # the items of a scope list after a colon that are read


def _with_list(seg: Segmentation, label: str, span: Span, tail: str) -> str:
    """``tail`` of the scope sentence at ``span``, or when the sentence ends in a colon, the list after it ("Deze
    code richt zich tot: - de leden van het algemeen bestuur; - ..."): its items are sentences of their own in the
    same unit (``label``), read only then."""
    if tail.strip(" :"):
        return tail
    following = itertools.islice(_scope_sentences(seg, after=span.end), _LIST_ITEMS)
    return " ; ".join(item[2] for item in itertools.takewhile(lambda item: item[1] == label, following))


def _scope_sentence_offices(seg: Segmentation, body: Body) -> tuple[set[str], str]:
    """The offices of the scope article, else of the first sentence that says for whom the code is
    ("een gedragscode ... die geldt voor raad en college", "De code richt zich tot ...")."""
    strict = _scope_article_offices(seg, body)
    if strict[0]:
        return strict
    definitions = definitions_in(seg)
    for _, label, folded, span in _scope_sentences(seg):
        m = _SCOPE.search(folded)
        if m is None or not re.search(r"code|regeling|protocol|bepaling", folded) or _OTHER_CODE.search(folded):
            continue
        tail = _with_list(seg, label, span, folded[m.end():])
        tail = re.split(r"\b(?:maar|en richt zich|richt zich|tenzij)\b", tail)[0]
        offices = offices_in(tail, body, definitions=definitions)
        if offices:
            return offices, _quoted(seg, label, span)
    return set(), ""


# the legal basis in the aanhef: from "gelet op" up to the next part of the aanhef or the end of a sentence
# (a PDF transcript puts the aanhef and the articles on one line)
# (a list "gelet op: a. ...; b. ..." goes on after its semicolons)
_GELET_OP = re.compile(r"(?is)\bgelet op\b.{0,600}?(?=\b(?:gelet op|gelezen|gehoord|gezien|overwegende|besluit"
                       r"|besluiten|b e s l u i t|(?-i:artikel \d+\s+[A-Z]))"
                       r"|;(?!\s*\n\s*(?:[a-z0-9]{1,2}[.)]|[-\u2022\u2013*])\s)|(?-i:\.\s+[A-Z])|\n\s*\n|$)")


def _basis_additions(model: Model, seg: Segmentation, head: str, body: Body) -> set[str]:
    """Offices that the aanhef's legal basis ("gelet op ...") names unambiguously: the cited article is
    the grondslag of that office alone (not artikel 33 of the Waterschapswet, the basis of all three)."""
    owners: dict[str, set[str]] = {}
    for office, numbers in _office_articles(model, body).items():
        for number in numbers:
            owners.setdefault(number, set()).add(office)
    clauses = [fold(c) for c in _GELET_OP.findall(head)]
    clauses.append(fold(seg.document.metadata.get("wettelijke grondslag", "")))
    found: set[str] = set()
    for clause in clauses:
        for _, numbers in _citations(model, body, clause):
            for number in numbers:
                if len(owners.get(number, ())) == 1:
                    found |= owners[number]
    return found


def _supplemented(model: Model, seg: Segmentation, head: str, body: Body,
                  found: tuple[set[str], str]) -> tuple[set[str], str]:
    """``found`` (offices named by the title or the adoption formula), with the offices that the scope
    article or the legal basis in the aanhef add: a title may name only some of the offices
    ("Gedragscode integriteit gedeputeerden" for gedeputeerden and the commissaris)."""
    offices, how = set(found[0]), found[1]
    scoped, where = _scope_article_offices(seg, body)
    if scoped - offices:
        offices |= scoped
        how += f"; aangevuld uit de reikwijdte: {where}"
    if scoped:
        return offices, how  # the code says for whom it is: the legal basis adds nothing to that
    return _with_basis(model, seg, head, body, (offices, how))


def _with_basis(model: Model, seg: Segmentation, head: str, body: Body,
                found: tuple[set[str], str]) -> tuple[set[str], str]:
    """``found`` with the offices whose own article the legal basis in the aanhef cites."""
    offices, how = set(found[0]), found[1]
    basis = _basis_additions(model, seg, head, body)
    if basis - offices:
        offices |= basis
        how += "; aangevuld uit de wettelijke grondslag in de aanhef"
    return offices, how


# ---------------------------------------------------------------- place

_NAME = r"[A-Z][\w'-]+(?:(?: (?:aan den|aan de|aan|op|en|van|de|den))? [A-Z][\w'-]+)*"
_NAME_STRICT = r"[A-Z][\w'-]+(?: (?:aan den|aan de|op|en) [A-Z][\w'-]+)*"
_TEMPLATE = re.compile(r"\s*(?:(?:de|het)\s+)?(.*?)\s*\{\{\s*naam\s*\}\}\s*")


def _prefix(template: str) -> str | None:
    """The words before ``{{ naam }}`` in a term ("raad van de gemeente"), None when it is not one."""
    m = _TEMPLATE.fullmatch(template)
    return m.group(1) if m else None


def _place_patterns(body: Body) -> list[re.Pattern[str]]:
    """Regexes that find the place name from the body's terms that name it ("de raad van de gemeente
    {{ naam }}", also "de raad van {{ naam }}"; "gemeente {{ naam }}"), the fullest first. When the
    body's full name is the bare name (``naam_vol = "{{ naam }}"``: "Waterschap Aa",
    "Hoogheemraadschap van Rijnland"), the name starts with the word for the kind of body."""
    bare = _prefix(body.terms.get("naam_vol", "")) == ""
    own_name = fold(body.name)
    kinds = [own_name] + [w for p in body.recognisers for w in _plain_words(p) if not w.startswith(own_name)]
    kind = r"(?:" + "|".join(re.escape(k) for k in kinds) + r") (?:van )?"
    name = rf"((?i:{kind}){_NAME})" if bare else rf"({_NAME})"
    prefixes: set[str] = set()
    for value in body.terms.values():
        prefix = _prefix(value)
        if not prefix:
            continue
        prefixes.add(prefix)
        short = re.sub(r"\s+(?:de|het)\s+" + re.escape(body.name) + r"$", "", prefix)
        if short != prefix:
            prefixes.add(short)
    out: list[tuple[int, str, re.Pattern[str]]] = []
    for prefix in prefixes:
        words = prefix.split()
        rx = r"\s+".join(re.escape(w) for w in words)
        own = name if len(words) > 1 or bare else rf"({_NAME_STRICT})"
        out.append((len(words), prefix, re.compile(r"\b(?i:" + rx + r")\s+(?:(?:het|de) )?" + own)))
    if bare:
        out.append((0, "", re.compile(r"\b" + name)))
    return [rx for _, _, rx in sorted(out, key=lambda x: (-x[0], x[1]))]


def _plain_words(pattern: Pattern) -> list[str]:
    """The words of the ``stam``/``woord`` atoms of a pattern."""
    if isinstance(pattern, Stem):
        return [fold(w) for w in pattern.stems]
    if isinstance(pattern, Word):
        return [fold(w) for w in pattern.words]
    return [w for part in getattr(pattern, "parts", ()) for w in _plain_words(part)]


def _place(seg: Segmentation, head: str, body: Body | None, model: Model) -> str:
    meta = _metadata(seg)
    org = meta.get("organisatie", "").strip()
    if org:
        if body is not None:
            prefix = _prefix(body.terms.get("naam_vol", ""))
            if prefix:
                org = re.sub(r"^" + re.escape(prefix) + r"\s+", "", org, flags=re.I)
        return org.strip()
    if body is None:
        return ""
    for rx in _place_patterns(body):
        m = rx.search(head)
        if m:
            place = m.group(1).strip().rstrip(";,.")
            return place[:1].upper() + place[1:]
    return ""


# ---------------------------------------------------------------- the whole identification


def identify(seg: Segmentation, *, body: str | None = None, offices: Iterable[str] | None = None,
             model: Model | None = None, index: DocumentIndex | None = None) -> Identification:
    """Detect the body and the offices of a segmented code; ``body``/``offices`` override detection.

    ``model`` gives the bodies, offices and their recognisers (default: the bundled model); ``index``
    is the document's shared index (built here when not given), so that the text is tokenised and
    folded once for identification and matching together.
    """
    model = model or _bundled()
    if index is None or index.text is not seg.document.text:
        index = DocumentIndex(seg.document.text)
    head = _head_text(seg)
    titles = _title_candidates(seg, head)
    detection: dict[str, str] = {}
    found_body: Body | None
    if body is not None:
        detection["lichaam"] = "opgegeven (--body)"
        found_body = model.body(body)
    else:
        found_body, detection["lichaam"] = _detect_body(model, seg, head, titles, index)
        body = found_body.id if found_body is not None else None
    index.release_folded()  # the offices are read from titles and sentences: the folded text can go
    title = titles[0] if titles else ""
    given = tuple(dict.fromkeys(offices)) if offices else ()
    if given:
        detection["ambten"] = "opgegeven (--office)"
        return Identification(body, given, _place(seg, head, found_body, model), title, detection)
    if found_body is None:
        detection["ambten"] = "onbekend, want het lichaam is onbekend; alle clausules zijn aan alle ambten getoetst"
        return Identification(body, (), "", title, detection)
    found, how = _detect_offices(model, seg, head, titles, found_body)
    ordered = tuple(o.id for o in found_body.offices if o.id in found)
    detection["ambten"] = how
    return Identification(body, ordered, _place(seg, head, found_body, model), title, detection)


def _detect_offices(model: Model, seg: Segmentation, head: str, titles: list[str],
                    body: Body) -> tuple[set[str], str]:
    # 1. specific office words in a title
    general_title: tuple[set[str], str] | None = None
    for title in titles:
        if _ISSUER_TITLE.match(fold(title)) and not _TITLE_START.search(fold(title)):
            continue  # "Besluit van de eilandsraad van ...": the organ that adopts, not the addressees
        if _OTHER_CODE.search(fold(title)):
            continue  # "Voor de wethouders geldt een aparte code": the addressees of another code
        core = _office_text(_title_core(title))
        specific = _specific(core, body)
        if specific:
            return _supplemented(model, seg, head, body, (specific, f"titel: '{title[:100]}'"))
        if general_title is None:
            general = _general(core, body)
            if general:
                general_title = (general, f"titel: '{title[:100]}'")
    # 2. the scope article; one that only adds offices ("De code is mede van toepassing op de commissieleden")
    # names the others elsewhere: they come from the steps below
    scoped, where = _scope_sentence_offices(seg, body)
    added: set[str] = set()
    if scoped and _ALSO.search(fold(where)):
        added, scoped = scoped, set()
    if scoped:
        return _with_basis(model, seg, head, body, (scoped, f"reikwijdte: {where}"))
    if added:
        rest, how = _detect_offices_after_scope(model, seg, head, body, general_title)
        return rest | added, f"{how}; aangevuld uit de reikwijdte: {where}"
    return _detect_offices_after_scope(model, seg, head, body, general_title)


# a scope that adds to offices named elsewhere: "is mede van toepassing op", "geldt ook voor"
_ALSO = re.compile(r"\b(?:mede|ook|eveneens|tevens)\s+(?:\w+\s+){0,2}?(?:van toepassing|geldt|gelden|bedoeld)\b")


def _detect_offices_after_scope(model: Model, seg: Segmentation, head: str, body: Body,
                                general_title: tuple[set[str], str] | None) -> tuple[set[str], str]:
    """Steps 3-6 of :func:`_detect_offices`: the offices when no scope article names them."""
    # 3. a general word in the title ("politieke ambtsdragers", "bestuurders")
    if general_title is not None:
        return general_title
    # 4. the adoption formula ("voor leden van Provinciale Staten ...; de navolgende gedragscode vast te stellen")
    for line in _sentences(_lines(head)):
        folded = fold(line)
        if _FORMULA.search(folded) and " voor " in f" {folded} ":
            tail = folded.split(" voor ", 1)[1]
            specific = _specific_offices(tail, body)
            if specific:
                return _supplemented(model, seg, head, body, (specific, f"besluit: '{line[:100]}'"))
    # 5. the legal basis
    basis_text = head + "\n" + seg.document.metadata.get("wettelijke grondslag", "")
    basis = _legal_basis_offices(model, basis_text, body)
    if basis:
        return basis, "wettelijke grondslag in de aanhef"
    # 6. the office words the normative text uses most
    counted = _counted_offices(seg, body)
    if counted:
        return counted, "ambten die de artikelen noemen"
    return _statutory(body), "geen ambten gevonden; aangenomen: alle wettelijke ambten van het lichaam"


def _counted_offices(seg: Segmentation, body: Body) -> set[str]:
    """Offices one of whose recognisers matches at least twice in the normative text (its units joined by a
    space, as :func:`_office_text` reads it)."""
    text = seg.document.text
    # folded unit by unit (folding goes character by character, and folds a space to a space), so that
    # the whole normative text is not held three times over: as written, folded and without the negations
    joined = " ".join([fold(text[u.span.start:u.span.end]) for u in seg.units if u.role == "normatief"])
    negated = _NEGATED.sub(" ", joined)
    del joined
    folded = _Text(negated)
    return {o.id for o in body.offices if any(folded.count(p) >= 2 for p in o.recognisers)}
