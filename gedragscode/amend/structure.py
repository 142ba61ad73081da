"""The existing code's own structure: the numbered articles an amendment can be anchored on.

A wijzigingsbesluit names every change by the existing code's own numbering ("Artikel 2.2, derde lid,
komt te luiden: ..."). That only makes sense when the reading pipeline recognised the code's articles.
:func:`read_structure` measures that on the segmentation and the lint result and refuses a document
whose structure is too weak to anchor on (no numbered articles, duplicate numbers, most of the rules
or of lint's evidence outside numbered articles, provisions that are paragraphs with only a number
"3." — the marker of a lid, so that an inserted "Artikel 3a" would make the paragraphs after it its
leden —, or numbered questions rather than articles): such a code gets a new code with
``render`` instead of a besluit with nonsense anchors.

An article's extent ends at its last line of text: a trailing heading line ("3 Informatie" before
article 3.1) belongs to what follows, so that an article inserted after it lands before that heading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from gedragscode.errors import DocumentError, Location
from gedragscode.lint.document import LidSegment, Segmentation, Unit
from gedragscode.lint.reading.headings import question_title
from gedragscode.lint.result import LintResult

__all__ = [
    "MIN_ARTICLES",
    "MIN_EVIDENCE_SHARE",
    "MIN_TEXT_SHARE",
    "ArticleRef",
    "CodeStructure",
    "UnrecognisedStructureError",
    "read_structure",
]

#: Fewer numbered articles than this: nothing to anchor a besluit on.
MIN_ARTICLES = 2
#: Share of the normative text that must lie in numbered articles.
MIN_TEXT_SHARE = 0.6
#: Share of lint's evidence (for clauses found) that must lie in numbered articles.
MIN_EVIDENCE_SHARE = 0.6

REFUSAL = "structuur niet herkend; maak een nieuwe code met render"


class UnrecognisedStructureError(DocumentError):
    """The existing code's articles were not recognised well enough to write a wijzigingsbesluit."""


# The word a code uses for its provisions, as "na artikel 7" / "na regel 3" need it.
_NOUNS = (
    (re.compile(r"^(?:artikel|art\b\.?)", re.I), "artikel"),
    (re.compile(r"^gedragsregel", re.I), "gedragsregel"),
    (re.compile(r"^regel", re.I), "regel"),
    (re.compile(r"^bepaling", re.I), "bepaling"),
    (re.compile(r"^§"), "paragraaf"),
)


def _noun(label: str) -> str:
    for pattern, noun in _NOUNS:
        if pattern.match(label.strip()):
            return noun
    return "artikel"


@dataclass(frozen=True)
class ArticleRef:
    """A numbered article of the existing code, as the besluit names it."""

    label: str
    """The label as written: "Artikel 2.2", "Art. 4", "Regel 3"."""
    number: str
    """The number: "2.2", "4", "7a"."""
    noun: str
    """How the besluit names it: "artikel" (also for "Art." and bare numbers), "regel", "bepaling" ..."""
    heading: str
    """The title after the label ("Geschenken"), "" when none."""
    start: int
    """Offset of the article (its heading line) in the read text."""
    end: int
    """End of the article's text (exclusive)."""
    body_start: int
    """Offset of the text after the heading line."""
    leden: tuple[LidSegment, ...]
    """The article's leden as segmented (one unlabelled lid for an article without numbered leden)."""
    chapter: str = ""
    """Label and title of the chapter (hoofdstuk, paragraaf) the article stands in, "" when none."""

    @property
    def name(self) -> str:
        """"artikel 2.2" — the besluit's way of naming the article."""
        return f"{self.noun} {self.number}"

    @property
    def numbered_leden(self) -> bool:
        """Whether the article has numbered leden (not just one block of text)."""
        return any(lid.label for lid in self.leden)


@dataclass(frozen=True)
class CodeStructure:
    """The existing code's numbered articles and how well they were recognised."""

    articles: tuple[ArticleRef, ...]
    """Numbered normative articles, in document order."""
    normative_units: int
    """Normative units (numbered or not)."""
    text_share: float
    """Share of the normative text (characters) inside numbered articles."""
    evidence_share: float
    """Share of lint's evidence for found clauses that lies inside numbered articles (1.0 without evidence)."""
    titled: bool
    """Whether most articles carry a title after their label ("Artikel 3 Geschenken")."""
    duplicates: tuple[str, ...] = ()
    """Article numbers that occur more than once among the normative units."""
    bare_paragraphs: int = 0
    """Articles that are a bare whole number before one paragraph ("3. Het raadslid ..."): no keyword,
    title or numbered leden, so marked as leden are."""
    questions: int = 0
    """Sections numbered without "Artikel" and headed by a question ("8. Ik krijg een cadeau. Mag ik dat
    houden?"); "Artikel 8 Mag ik een cadeau houden?" is an article with a question for its title."""

    def article_at(self, offset: int) -> ArticleRef | None:
        """The numbered article whose text contains ``offset``."""
        for article in self.articles:
            if article.start <= offset < article.end:
                return article
        return None

    def article(self, number: str) -> ArticleRef | None:
        """The article with this number."""
        for article in self.articles:
            if article.number == number:
                return article
        return None

    def problems(self) -> list[str]:
        """Why the structure cannot carry a besluit (Dutch), empty when it can."""
        out: list[str] = []
        if len(self.articles) < MIN_ARTICLES:
            out.append(f"{len(self.articles)} genummerde artikelen herkend (minstens {MIN_ARTICLES} nodig)")
        if self.duplicates:
            out.append("artikelnummers komen meer dan eens voor (" + ", ".join(self.duplicates[:5]) + ")")
        if self.articles and self.text_share < MIN_TEXT_SHARE:
            out.append(f"slechts {self.text_share:.0%} van de bepalingen staat in genummerde artikelen")
        if self.articles and self.bare_paragraphs * 2 > len(self.articles):
            out.append("de bepalingen zijn alinea's met alleen een nummer ('3.'), zoals leden genummerd worden; "
                       "een ingevoegd artikel zou ze tot zijn leden maken")
        if self.articles and self.questions * 2 > len(self.articles):
            out.append("de code is opgebouwd uit vragen ('Mag ik een geschenk houden?'), niet uit artikelen; "
                       "artikelen uit het model passen daar niet tussen")
        if self.articles and self.evidence_share < MIN_EVIDENCE_SHARE:
            out.append(f"slechts {self.evidence_share:.0%} van de gevonden bepalingen staat in genummerde artikelen")
        return out


def _unnamed(unit: Unit) -> bool:
    """Whether the label is only a number ("3.", "2.1"), without "Artikel", "Regel", "§" ..."""
    return unit.label.strip().rstrip(".)") == unit.number


def _bare(unit: Unit) -> bool:
    """"3. Het raadslid ...": a whole number without keyword, title or numbered leden before one paragraph
    (not "2.3 Een bestuurder ...": a decimal number is no lid marker)."""
    return (_unnamed(unit) and "." not in unit.number and not unit.heading
            and not any(lid.label for lid in unit.leden))


# A line of its own that reads as a heading: short, no closing punctuation ("3 Informatie", "HOOFDSTUK 3").
_HEADING_LINE = re.compile(r"^[A-Z0-9§][^\n.;:,!?]{0,80}$")


def content_end(text: str, unit: Unit) -> int:
    """The end of the article's own text: trailing heading lines (the next chapter's) are left out."""
    end = unit.span.end
    floor = max(unit.body_span.start, unit.span.start)
    while True:
        body = text[floor:end].rstrip()
        cut = body.rfind("\n\n")
        if cut < 0:
            return floor + len(body)
        last = body[cut + 2:].strip()
        if "\n" in last or not _HEADING_LINE.match(last) or len(last.split()) > 8:
            return floor + len(body)
        end = floor + cut


def _article(unit: Unit, text: str) -> ArticleRef:
    return ArticleRef(label=unit.label, number=unit.number, noun=_noun(unit.label), heading=unit.heading,
                      start=unit.span.start, end=content_end(text, unit), body_start=unit.body_span.start,
                      leden=unit.leden, chapter=unit.chapter)


def read_structure(seg: Segmentation, result: LintResult) -> CodeStructure:
    """Measure how well the code's articles were recognised (see :meth:`CodeStructure.problems`)."""
    normative = seg.units_with_role("normatief")
    numbered = [u for u in normative if u.number]
    counts = Counter(u.number for u in numbered)
    duplicates = tuple(sorted(n for n, c in counts.items() if c > 1))
    total = sum(len(u.span) for u in normative)
    inside = sum(len(u.span) for u in numbered)
    articles = tuple(_article(u, seg.document.text) for u in numbered)
    evidence = [e for c in result.clauses if c.status in ("present", "outdated") for e in c.evidence]
    anchored = [e for e in evidence if any(a.start <= e.start < a.end for a in articles)]
    titled = sum(1 for u in numbered if u.heading) * 2 > len(numbered)
    return CodeStructure(
        articles=articles,
        normative_units=len(normative),
        text_share=inside / total if total else 0.0,
        evidence_share=len(anchored) / len(evidence) if evidence else 1.0,
        titled=titled,
        duplicates=duplicates,
        bare_paragraphs=sum(1 for u in numbered if _bare(u)),
        questions=sum(1 for u in numbered if _unnamed(u) and question_title(u.heading)),
    )


def require_structure(structure: CodeStructure, name: str) -> None:
    """Raise :class:`UnrecognisedStructureError` when the structure cannot carry a besluit."""
    problems = structure.problems()
    if problems:
        raise UnrecognisedStructureError(f"{REFUSAL} ({'; '.join(problems)})", Location(name))
