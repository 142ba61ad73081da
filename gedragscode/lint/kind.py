"""Is this a code of conduct at all? Recognising documents that are not, so lint raises no false alarms.

A README, a shopping list, a reglement van orde without integrity rules, the user guide of this tool
or a model file in its own language would otherwise be checked clause by clause and reported with
twenty missing clauses. :func:`document_kind` weighs the evidence:

* for a code: a title that names one ("Gedragscode ...", "Gedragsregels ...", "Integriteitscode",
  "Protocol ... integriteit", "Regeling integriteit ...") — in the document's metadata or as its
  detected title, written as a title (capital, no sentence); an aanhef that adopts it on the basis of
  the Gemeentewet, Provinciewet, Waterschapswet or WolBES; and the clauses lint found in it (one point
  for every three);
* against: a title that names another kind of regulation (reglement van orde, verordening ...)
  without a word for integrity or conduct;
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

from gedragscode.lint.document import Segmentation
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


def document_kind(seg: Segmentation, title: str, findings: Sequence[ClauseFinding]) -> Kind:
    """Whether the segmented document (with its detected ``title``) is a code of conduct (module docstring)."""
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
    code_title = _code_title(titles)
    points = 2 if code_title else 0
    aanhef = " ".join(text[u.span.start : u.span.end] for u in seg.units if u.role == "aanhef")
    if _LAW.search(aanhef) or _LAW.search(meta.get("wettelijke grondslag", "")):
        points += 2
    if not code_title and any(_title_like(t) and _OTHER_REGULATION.search(t) for t in titles):
        points -= 2
    present = sum(1 for f in findings if f.status in ("present", "outdated"))
    points += min(present // 3, 4)
    if points >= 2:
        return Kind(True)
    what = f"‘{shown}’ is geen titel van een gedragscode of integriteitsregeling" if shown else (
        "geen titel van een gedragscode of integriteitsregeling")
    return Kind(False, f"dit lijkt geen gedragscode: {what}, er is geen aanhef die een gedragscode vaststelt "
                       f"en er {'is' if present == 1 else 'zijn'} maar {present} "
                       f"{'clausule' if present == 1 else 'clausules'} herkend")
