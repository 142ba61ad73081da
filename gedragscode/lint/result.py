"""What ``lint`` finds: one :class:`LintResult` per checked document.

These are plain frozen values so that every report format (text, JSON, SARIF, HTML,
overview) is a pure function of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["present", "outdated", "onzeker", "missing", "not_required"]
Severity = Literal["fout", "waarschuwing", "info"]

SEVERITY_ORDER: dict[str, int] = {"info": 1, "waarschuwing": 2, "fout": 3}


@dataclass(frozen=True)
class Evidence:
    """Where a clause was found: the article/lid label and character offsets in the text."""

    label: str          # e.g. "Artikel 2.1, lid 2" ("" when the document has no numbering)
    start: int          # offset into the document's plain text (end exclusive)
    end: int
    text: str           # the matched sentence/lid, as in the document
    line: int = 0       # 1-based line of ``start`` in the plain text
    column: int = 0     # 1-based column of ``start``


@dataclass(frozen=True)
class ClauseFinding:
    """The verdict on one clause of the model for one document."""

    id: str
    title: str
    status: Status
    level: str                       # wettelijk | aanbevolen | optioneel
    severity: Severity | None        # for missing/onzeker/outdated clauses that are required; "info" for a
                                     # present clause with a note (a value that differs from the model's); else None
    required: bool                   # the clause applies to the detected offices
    evidence: tuple[Evidence, ...] = ()
    message: str = ""                # Dutch: why outdated / what is missing / why onzeker / the note
    suggestion: str = ""             # model text to add (Markdown-free plain text), with --suggest
    confidence: float | None = None  # missing: how sure the clause is absent; onzeker: how much of a
                                     # recogniser the best candidate passage has (0..1); else None


DocumentKind = Literal["gedragscode", "geen_gedragscode"]


@dataclass(frozen=True)
class Coverage:
    """How much of the document lint read as provisions (normative text), and whether its structure
    was recognised (see :mod:`gedragscode.lint.coverage`)."""

    units: int = 0                   # units read as provisions (articles, leden, numbered paragraphs)
    characters: int = 0              # their characters, white space not counted
    text_characters: int = 0         # the characters of the whole text, white space not counted
    elsewhere: tuple[str, ...] = ()  # required clauses missing from the provisions but found in the other text
    recognised: bool = True          # False: "structuur mogelijk niet herkend"
    message: str = ""                # Dutch, why the structure may not have been recognised ("" when it was)

    @property
    def share(self) -> float:
        """``characters`` as a share of ``text_characters`` (0..1)."""
        return round(self.characters / self.text_characters, 3) if self.text_characters else 0.0


@dataclass(frozen=True)
class LintResult:
    """All findings for one document."""

    file: str
    format: str                      # reader format: text | markdown | html | docx | pdf | xml | rtf
    body: str | None                 # detected (or given) body id
    offices: tuple[str, ...]         # detected (or given) office ids
    clauses: tuple[ClauseFinding, ...]
    title: str = ""                  # the document's title as detected
    place: str = ""                  # the body's name as detected ("Almelo"), "" if unknown
    detection: dict[str, str] = field(default_factory=dict, hash=False)  # how body/offices were found
    model_version: str = ""
    coverage: Coverage = Coverage()  # how much was read as provisions
    document: DocumentKind = "gedragscode"  # "geen_gedragscode": the clauses were not checked
    reason: str = ""                 # Dutch: why the document does not look like a code of conduct

    @property
    def is_code(self) -> bool:
        """Whether the document looked like a code of conduct (else its clauses were not checked)."""
        return self.document == "gedragscode"

    def counts(self) -> dict[str, int]:
        """Number of clauses per status, and of missing/outdated per severity."""
        out = {"present": 0, "outdated": 0, "missing": 0, "not_required": 0, "onzeker": 0,
               "fout": 0, "waarschuwing": 0, "info": 0}
        for c in self.clauses:
            out[c.status] += 1
            if c.severity and c.status != "not_required":
                out[c.severity] += 1
        return out

    def worst(self) -> Severity | None:
        """The most severe finding, or None when nothing required is missing or outdated."""
        sev = [c.severity for c in self.clauses if c.severity and c.status != "not_required"]
        if not sev:
            return None
        return max(sev, key=lambda s: SEVERITY_ORDER[s])


@dataclass(frozen=True)
class LintFailure:
    """A document that could not be checked (unreadable, not a code): reported, batch goes on."""

    file: str
    message: str                     # Dutch
