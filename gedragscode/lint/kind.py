"""Is this a code of conduct at all? Recognising documents that are not, so lint raises no false alarms.

A README, a shopping list, a reglement van orde without integrity rules, the user guide of this tool
or a model file in its own language would otherwise be checked clause by clause and reported with
twenty missing clauses. :func:`document_kind` weighs the evidence:

* for a code: a title that names one ("Gedragscode ...", "Gedragsregels ...", "Integriteitscode",
  "Protocol ... integriteit", "Regeling integriteit ...") or a sentence that says the document is the code
  ("Deze brief is daarom de code") — in the document's metadata or as its
  detected title, written as a title (capital, no sentence); an aanhef that adopts it on the basis of
  the Gemeentewet, Provinciewet, Waterschapswet or WolBES; and the clauses lint found in it (one point
  for every three);
* against: a title that names another kind of regulation (reglement van orde, verordening ...)
  without a word for integrity or conduct; and the evidence of another genre: a letter or memo (a header
  with "Aan", "Datum", "Kenmerk", "Onderwerp" lines, a salutation "Geachte ..."), a report or letter named
  in its opening lines ("Integriteitsjaarverslag 2023", "Raadsinformatiebrief", "Verslag van de griffier
  over ..."), and prose that reports what happened (past tense, "in 2023 zijn ... gemeld") more than it
  states rules — unless the document says that it is the code itself ("Deze brief is daarom de code");
* the aanhef counts in full only when it cites the legal basis of a code (an article that the model names
  as an office's ``grondslag``, such as article 15 of the Gemeentewet) or names what it adopts as an
  integrity regulation ("Vast te stellen het Protocol vermoeden van integriteitsschending"); a law cited
  for another purpose (the reglement van orde's article 16) counts half. Only the clauses that hold
  integrity rules count (not the structural ones such as begrippen and slotbepalingen, nor the inleiding);
* decisive against, whatever else: the text is a model file or local code in the DSL (``.gdc``: one of
  its first lines opens a ``gedragscode``, ``clausule``, ``lichaam`` ... block), or it is documentation
  (a title such as "Handleiding", "README", "Installatie", or command lines such as ``pip install``
  and ``gedragscode lint ...``).

A document with two points or more is a code. Short excerpts of real codes (a title and an aanhef)
pass; so do codes whose title was lost (their clauses and aanhef carry them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gedragscode.legalrefs import parse_legal_ref
from gedragscode.lint.document import Segmentation
from gedragscode.lint.reading.evidence import duty, narrative, sentences
from gedragscode.lint.result import ClauseFinding

__all__ = ["Kind", "document_kind"]

_CODE_TITLE = re.compile(
    r"\b(?:gedragscodes?|gedragsregels?|gedragsregeling|integriteitscode|integriteitsregeling|integriteitsprotocol|"
    r"integriteitsbeleid|code\s+(?:of\s+conduct|integriteit|voor\b)|(?:protocol|regeling|regels|beleid|afspraken)"
    r"\b[^.;:]{0,80}\b(?:integriteit|integer|gedrag)\w*|integriteit\w*\b[^.;:]{0,60}\b(?:ambtsdragers|bestuurders|"
    r"raadsleden|statenleden|leden))",
    re.IGNORECASE,
)
_OTHER_REGULATION = re.compile(
    r"\b(?:reglement\s+van\s+orde|verordening|mandaatbesluit|delegatiebesluit|begroting|jaarverslag|notulen|"
    r"agenda|besluitenlijst)\b",
    re.IGNORECASE,
)
_DOCUMENTATION = re.compile(
    r"\b(?:handleiding|gebruiksaanwijzing|gebruikershandleiding|readme|documentatie|installatie|changelog|"
    r"release\s*notes|user\s+guide|manual|developer\s+reference|reference)\b",
    re.IGNORECASE,
)
_COMMAND = re.compile(
    r"^(?:\$ |pip3? install\b|python3? -m\b|gedragscode (?:lint|render|check|init|fmt|models|wijzig|serve)\b|"
    r"git (?:clone|add|commit)\b|cd \S|npm |import \w|from \w[\w.]* import\b|def \w+\(|class \w+[(:])",
    re.MULTILINE,
)
_DSL = re.compile(r"^\s*(?:gedragscode|clausule|handreiking|lichaam|ambt|hoofdstuk)\s+[^\n{]{0,200}\{")
# A letter or memo header line ("Aan: de leden van de raad", "Datum 4 maart 2025") and its salutation.
_LETTER_FIELD = re.compile(r"^(?:aan|van|datum|kenmerk|onderwerp|betreft|portefeuillehouder|agendapunt|bijlagen?|"
                           r"ons\s+kenmerk|uw\s+kenmerk|verzonden)\b\s*:?\s+\S", re.IGNORECASE)
_LETTER_KEY = re.compile(r"^(?:aan|onderwerp|betreft)\b\s*:?\s+\S", re.IGNORECASE)
_SALUTATION = re.compile(r"^(?:geachte|beste)\s+\S", re.IGNORECASE | re.MULTILINE)
# The opening line of a report or letter: "Integriteitsjaarverslag 2023", "Raadsinformatiebrief 2025-014".
_GENRE = re.compile(r"^\w*(?:verslag|rapportage|rapport|informatiebrief|brief|memo|notitie|evaluatie)\b",
                    re.IGNORECASE)
_REPORT_MIN = 8  # reporting sentences needed before the prose counts as a report
# A letter, memo or page that says it is the code itself ("Deze brief is daarom de code", "Dit document vormt
# de gedragscode"): it is published in the form of another genre, but it is the regulation.
_SELF_DECLARED = re.compile(
    r"\b(?:deze|dit)\s+(?:brief|memo|notitie|document|tekst|pagina|webpagina)\s+(?:is|ís|vormt|geldt\s+als)\s+"
    r"(?:daarom\s+|dus\s+|zelf\s+|ook\s+|voortaan\s+)?(?:de|onze|uw|jullie|een)\s+"
    r"(?:(?:nieuwe|vastgestelde|volledige)\s+)?(?:gedragscode|integriteitscode|code|gedragsregels)\b|"
    # or that it holds the code's whole text: "De volledige tekst van de gedragscode", "de integrale tekst van de code"
    r"\b(?:volledige|integrale|complete)\s+tekst\s+van\s+de\s+(?:\w+\s+)?(?:gedragscode|integriteitscode|code)\b",
    re.IGNORECASE)
_LAW = re.compile(r"\b(?:gemeentewet|provinciewet|waterschapswet|wolbes|wet\s+openbare\s+lichamen)\b", re.IGNORECASE)
_MAX_TITLE = 160


@dataclass(frozen=True)
class Kind:
    """Whether a document looks like a code of conduct, and why not when it does not."""

    is_code: bool
    reason: str = ""  # Dutch, for a document that is not a code


def _shorten(title: str, limit: int = 80) -> str:
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def _title_like(title: str) -> bool:
    title = title.strip()
    return bool(title) and len(title) <= _MAX_TITLE and (title[0].isupper() or title[0].isdigit())


def _code_title(titles: Iterable[str]) -> bool:
    return any(_title_like(t) and _CODE_TITLE.search(t) for t in titles)


def _genre_against(text: str) -> list[str]:
    """The evidence of another genre than a code (a letter, a report), in Dutch; two points each."""
    opening = [line.strip().lstrip("#* ").strip() for line in text[:4000].split("\n") if line.strip()][:15]
    fields = [line for line in opening if _LETTER_FIELD.match(line)]
    found: list[str] = []
    if (len(fields) >= 3 and any(_LETTER_KEY.match(line) for line in fields)) or _SALUTATION.search(text[:6000]):
        found.append("het begint als een brief of memo (aan, datum, kenmerk, onderwerp)")
    genre = next((line for line in opening[:8] if _GENRE.match(line) and len(line) <= 160), "")
    if genre:
        found.append(f"het noemt zich ‘{_shorten(genre, 60)}’")
    parts = sentences(text[:40000])
    reports = sum(1 for part in parts if narrative(part) and not duty(part))
    if reports >= _REPORT_MIN and reports * 2 >= 3 * sum(1 for part in parts if duty(part)):
        found.append("de tekst beschrijft vooral wat er is gebeurd in plaats van regels te stellen")
    return found


def _cites_basis(aanhef: str, bases: Iterable[str]) -> bool:
    """Whether the aanhef cites an article that is the legal basis of a code (an office's grondslag)."""
    for basis in bases:
        parsed = parse_legal_ref(basis)
        if parsed is None:
            continue
        articles, law = parsed
        key = r"wolbes|wet\s+openbare\s+lichamen" if "openbare lichamen" in law.lower() else re.escape(law.split()[-1])
        if not re.search(key, aanhef, re.IGNORECASE):
            continue
        for article in articles:
            if re.search(rf"\bart(?:ikel|\.)?\s*{re.escape(article.number)}\b", aanhef, re.IGNORECASE):
                return True
    return False


def document_kind(seg: Segmentation, title: str, findings: Sequence[ClauseFinding], *,
                  bases: Iterable[str] = (), structural: Iterable[str] = ()) -> Kind:
    """Whether the segmented document (with its detected ``title``) is a code of conduct (module docstring).

    ``bases`` are the legal bases of codes (the offices' ``grondslag`` in the model); ``structural`` the ids
    of clauses that hold no integrity rule (begrippen, slotbepalingen, the inleiding)."""
    text = seg.document.text
    head = text[:20000]
    first_lines = [line for line in head.split("\n", 40) if line.strip() and not line.lstrip().startswith("#")][:5]
    if any(_DSL.match(line) for line in first_lines):
        return Kind(False, "dit is een bestand in de taal van gedragscode (een model of een lokale code, .gdc); "
                           "controleer het met 'gedragscode check'")
    meta = seg.document.metadata
    titles = [title, *(meta.get(k, "") for k in ("titel", "citeertitel", "officiële naam regeling", "title"))]
    titles.extend(text[u.span.start : u.span.end].strip() for u in seg.units[:12] if u.role == "titel")
    shown = _shorten(next((t.strip() for t in titles if t.strip()), ""))
    documentation = any(len(t) <= _MAX_TITLE and _DOCUMENTATION.search(t) for t in titles)
    if documentation or len(_COMMAND.findall(head)) >= 3:
        return Kind(False, f"dit lijkt documentatie{f' (‘{shown}’)' if shown else ''}, geen gedragscode")
    code_title = _code_title(t for t in titles if not _GENRE.match(t.strip()))
    points = 2 if code_title else 0
    aanhef = " ".join(text[u.span.start : u.span.end] for u in seg.units if u.role == "aanhef")
    basis = meta.get("wettelijke grondslag", "")
    bases = tuple(bases)
    if _LAW.search(aanhef) or _LAW.search(basis):
        full = not bases or _cites_basis(f"{aanhef} {basis}", bases) or _CODE_TITLE.search(aanhef) is not None
        points += 2 if full else 1
    if not code_title and any(_title_like(t) and _OTHER_REGULATION.search(t) for t in titles):
        points -= 2
    genre = _genre_against(text)
    if _SELF_DECLARED.search(head):
        genre = []  # a letter that says it is the code is the code, as if it had a code's title
        points += 0 if code_title else 2
    points -= 2 * len(genre)
    skip = set(structural)
    present = sum(1 for f in findings if f.status in ("present", "outdated"))
    rules = sum(1 for f in findings if f.status in ("present", "outdated") and f.id not in skip)
    points += min(rules // 3, 4)
    if points >= 2:
        return Kind(True)
    if genre:
        return Kind(False, f"dit lijkt geen gedragscode maar een brief of verslag: {'; '.join(genre)}")
    what = f"‘{shown}’ is geen titel van een gedragscode of integriteitsregeling" if shown else (
        "geen titel van een gedragscode of integriteitsregeling")
    return Kind(False, f"dit lijkt geen gedragscode: {what}, er is geen aanhef die een gedragscode vaststelt "
                       f"en er {'is' if present == 1 else 'zijn'} maar {present} "
                       f"{'clausule' if present == 1 else 'clausules'} herkend")
