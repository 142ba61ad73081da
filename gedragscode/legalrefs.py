"""Lists of statutory references in the style of the Aanwijzingen voor de regelgeving.

``group_legal_refs(["artikel 15, derde lid, van de Gemeentewet", "artikel 41c, tweede lid, van de
Gemeentewet", "artikel 69, tweede lid, van de Gemeentewet"])`` gives "de artikelen 15, derde lid,
41c, tweede lid, en 69, tweede lid, van de Gemeentewet": one law named once, "de artikelen" for more
than one article, articles in their natural order, a comma after a lid before the next article and
before "van". A reference that is not a plain list of articles ("hoofdstuk VA ...", "artikel 58 in
samenhang met artikel 28 ...") is kept whole.

Pure functions; no imports from the project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ArticleRef", "format_article_list", "group_legal_refs", "law_once", "parse_legal_ref"]

_ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
             "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende")
_ORD = "|".join(_ORDINALS)
_LAW = re.compile(r"^(?P<articles>(?:de )?artikel(?:en)? .+?),? van (?P<law>(?:de |het )?[A-Z].*)$")
_ENTRY = re.compile(rf"(?P<num>\d+[a-z]{{0,2}})(?: tot en met (?P<end>\d+[a-z]{{0,2}}))?"
                    rf"(?:, (?P<lid>(?:(?:{_ORD})(?:, | en ))*(?:{_ORD}) lid))?")
_SEPARATOR = re.compile(r"^(?:,? en |, |,? en artikel |, artikel |,? en de artikelen |, de artikelen )$")


@dataclass(frozen=True)
class ArticleRef:
    """One article (or a range "49 tot en met 52"), with the leden cited ("derde en vierde lid")."""

    number: str
    end: str = ""
    lid: str = ""

    @property
    def key(self) -> tuple[int, str, str, str]:
        m = re.match(r"(\d+)(\w*)", self.number)
        return (int(m.group(1)), m.group(2), self.end, self.lid) if m else (0, self.number, self.end, self.lid)

    @property
    def plural(self) -> bool:
        return bool(self.end)

    def __str__(self) -> str:
        text = self.number + (f" tot en met {self.end}" if self.end else "")
        return text + (f", {self.lid}" if self.lid else "")


def parse_legal_ref(ref: str) -> tuple[tuple[ArticleRef, ...], str] | None:
    """``(articles, law)`` for a plain list of articles of one law, else None."""
    m = _LAW.match(" ".join(ref.split()))
    if m is None:
        return None
    body = re.sub(r"^(?:de )?artikel(?:en)? ", "", m.group("articles"))
    entries: list[ArticleRef] = []
    pos = 0
    for e in _ENTRY.finditer(body):
        gap = body[pos:e.start()]
        if (pos == 0 and gap) or (pos > 0 and not _SEPARATOR.match(gap)):
            return None
        entries.append(ArticleRef(e.group("num"), e.group("end") or "", e.group("lid") or ""))
        pos = e.end()
    if not entries or body[pos:].strip(" ,"):
        return None
    return tuple(entries), m.group("law")


def format_article_list(entries: Iterable[ArticleRef], law: str = "") -> str:
    """"artikel 12 van de Gemeentewet"; "de artikelen 41b, vierde en vijfde lid, 44 en 67 van de Gemeentewet"."""
    items = list(entries)
    if not items:
        return ""
    if len(items) == 1 and not items[0].plural:
        text = f"artikel {items[0]}"
    else:
        text = "de artikelen " + str(items[0])
        for i, item in enumerate(items[1:], start=1):
            previous_has_lid = bool(items[i - 1].lid)
            if i == len(items) - 1:
                text += (", en " if previous_has_lid else " en ") + str(item)
            else:
                text += ", " + str(item)
    if law:
        text += ("," if items[-1].lid else "") + f" van {law}"
    return text


def group_legal_refs(refs: Iterable[str]) -> str:
    """The references grouped per law, each law named once, in Aanwijzingen style.

    References that are not a plain list of articles are kept as they are, after the grouped ones.
    """
    groups: dict[str, list[ArticleRef]] = {}
    loose: list[str] = []
    for ref in refs:
        ref = " ".join(str(ref).split())
        if not ref:
            continue
        parsed = parse_legal_ref(ref)
        if parsed is None:
            if ref not in loose:
                loose.append(ref)
            continue
        entries, law = parsed
        found = groups.setdefault(law, [])
        for entry in entries:
            whole = ArticleRef(entry.number, entry.end)
            if entry in found or whole in found:
                continue
            if not entry.lid:  # the whole article covers any lid of it already listed
                found[:] = [f for f in found if not (f.number == entry.number and f.end == entry.end)]
            found.append(entry)
    parts = [format_article_list(sorted(entries, key=lambda e: e.key), law) for law, entries in groups.items()]
    parts += loose
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def law_once(refs: Iterable[str]) -> list[str]:
    """References that are spelled out one by one, with a law they share named once, after the last.

    ``["artikel 15 van de Wet X", "artikel 47 van de Wet X"]`` gives ``["artikel 15", "artikel 47 van de
    Wet X"]``, for a sentence such as "de leden op grond van artikel 15, de bestuurders op grond van
    artikel 47 van de Wet X". References of different laws, or not plain lists of articles, stay whole.
    """
    items = [" ".join(str(r).split()) for r in refs]
    parsed = [parse_legal_ref(r) for r in items]
    laws = {p[1] for p in parsed if p is not None}
    if len(items) < 2 or None in parsed or len(laws) != 1:
        return items
    return [format_article_list(p[0]) for p in parsed[:-1] if p is not None] + [items[-1]]
