"""Syntax tree of the DSL: what a .gdc file says, with positions, before names are resolved.

Every node is a frozen dataclass. Positions (``pos``) and comments are excluded from
equality, so two trees compare equal when they say the same thing however they are laid
out: the property that ``fmt`` must keep (``parse(fmt(x)) == parse(x)``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

from gedragscode.model import Duration, Money, Pattern


@dataclass(frozen=True)
class Pos:
    """Where a node starts and ends in its file (1-based lines and columns)."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int


NOPOS = Pos("<onbekend>", 0, 0, 0, 0)


def _pos() -> Pos:
    return NOPOS


@dataclass(frozen=True)
class TermRef:
    """A parameter default that takes the body's term of this name."""

    name: str


LiteralValue: TypeAlias = Money | Duration | str | bool | int | TermRef


@dataclass(frozen=True)
class Node:
    pos: Pos = field(default_factory=_pos, compare=False, kw_only=True)
    # the comment lines above the node; "" stands for a blank line the author left around them
    comments: tuple[str, ...] = field(default=(), compare=False, kw_only=True)


# ---------------------------------------------------------------- header, chapters


@dataclass(frozen=True)
class Edition(Node):
    id: str
    title: str


@dataclass(frozen=True)
class Header(Node):
    title: str
    version: str = ""
    date: str = ""
    source: str = ""
    editions: tuple[Edition, ...] = ()


@dataclass(frozen=True)
class ChapterDecl(Node):
    id: str
    title: str


# ---------------------------------------------------------------- bodies


@dataclass(frozen=True)
class TermDecl(Node):
    name: str
    value: str
    check: str | None = None  # ``controleer "..."``: the term is a fact still to be checked
    choices: tuple[str, ...] = ()  # ``keuze("a", "b")``: the only values a local code may set


@dataclass(frozen=True)
class PatternStmt(Node):
    """A ``herken:`` line in a body or office block."""

    pattern: Pattern


@dataclass(frozen=True)
class OfficeDecl(Node):
    id: str
    name: str
    plural: str = ""
    category: str = ""
    basis: str = ""
    statutory: bool | None = None
    terms: tuple[TermDecl, ...] = ()
    recognisers: tuple[PatternStmt, ...] = ()          # words that name this office (lint identification)
    general_recognisers: tuple[PatternStmt, ...] = ()  # general words that include it ("bestuurders")
    basis_check: str | None = None                     # ``grondslag "..." controleer "..."``


@dataclass(frozen=True)
class GroupDecl(Node):
    """``groep bestuurder "bestuurder" "bestuurders" = dagelijks_bestuurder, voorzitter``."""

    id: str
    name: str
    plural: str
    selectors: tuple[SelectorSyntax, ...]


@dataclass(frozen=True)
class BodyDecl(Node):
    id: str
    name: str
    terms: tuple[TermDecl, ...] = ()
    offices: tuple[OfficeDecl, ...] = ()
    recognisers: tuple[PatternStmt, ...] = ()  # cues that a document is this body's (aanhef, law, series)
    groups: tuple[GroupDecl, ...] = ()


# ---------------------------------------------------------------- clauses


@dataclass(frozen=True)
class SelectorSyntax(Node):
    """``alle ambten`` (name ``*``), a category or office name, or ``body.office``."""

    name: str
    body: str | None = None


@dataclass(frozen=True)
class AppliesSyntax(Node):
    selectors: tuple[SelectorSyntax, ...]
    within: tuple[str, ...] = ()


@dataclass(frozen=True)
class LevelSyntax(Node):
    level: str
    within: tuple[str, ...] = ()


@dataclass(frozen=True)
class LawSyntax(Node):
    name: str
    text: str
    body: str | None = None
    office: str | None = None
    check: str | None = None


@dataclass(frozen=True)
class ParamSyntax(Node):
    name: str
    type: str
    default: LiteralValue
    choices: tuple[str, ...] = ()
    minimum: LiteralValue | None = None
    maximum: LiteralValue | None = None
    description: str | None = None
    check: str | None = None


@dataclass(frozen=True)
class OnderdeelSyntax(Node):
    text: str
    scope: AppliesSyntax | None = None
    check: str | None = None
    name: str | None = None  # ``onderdeel NAME ...``: a name other texts refer to


@dataclass(frozen=True)
class LidSyntax(Node):
    text: str
    scope: AppliesSyntax | None = None
    onderdelen: tuple[OnderdeelSyntax, ...] | None = None  # None: no block written
    check: str | None = None
    name: str | None = None  # ``lid NAME ...``: a name other texts refer to ({{ verwijs.NAME }})
    toelichting: str | None = None  # ``toelichting "..."`` inside the lid's block
    heading: str | None = None  # ``lid kop "Citeertitel" ...``: the lid starts a new article with this title


@dataclass(frozen=True)
class RecogniserSyntax(Node):
    scope: str
    pattern: Pattern


@dataclass(frozen=True)
class OutdatedSyntax(Node):
    kind: str  # bedrag | termijn | ontbreekt | bevat
    message: str
    parameter: str | None = None
    pattern: Pattern | None = None
    scope: str | None = None


@dataclass(frozen=True)
class SimpleStmt(Node):
    """``hoofdstuk``, ``vorm``, ``sinds``, ``gewijzigd``, ``toelichting``, ``voorbeeld``, ``tegenvoorbeeld``,
    ``controleer``, ``structureel`` (value "")."""

    key: str
    value: str


ClauseStmt: TypeAlias = (
    SimpleStmt | AppliesSyntax | LevelSyntax | LawSyntax | ParamSyntax | LidSyntax | RecogniserSyntax
    | OutdatedSyntax
)


@dataclass(frozen=True)
class ClauseDecl(Node):
    id: str
    title: str
    statements: tuple[ClauseStmt, ...] = ()
    check: str | None = None  # ``clausule ID "TITLE" controleer "..." {``: the clause as a whole is unverified


# ---------------------------------------------------------------- local codes


@dataclass(frozen=True)
class CodeStmt(Node):
    """A statement in a local code.

    kinds and their fields:
      * ``model`` (text), ``lichaam`` (name = body id, text = place), ``ambten`` (names),
      * ``jaar`` (number), ``zet`` (name = clause, param, value; ``office`` for ``zet ... voor OFFICE``),
        ``zet_term`` (name, text),
      * ``zonder`` (names), ``intrekking`` / ``inwerkingtreding`` / ``vastgesteld`` (text),
      * ``voorstel`` / ``voorstel_datum`` / ``voorstel_kenmerk`` / ``advies`` / ``naam_voorzitter`` /
        ``naam_griffier`` (text): the aanhef and the signing block.
    """

    kind: str
    name: str = ""
    text: str = ""
    names: tuple[str, ...] = ()
    number: int = 0
    param: str = ""
    value: LiteralValue | None = None
    office: str = ""


@dataclass(frozen=True)
class CodeDecl(Node):
    name: str
    statements: tuple[CodeStmt | ClauseDecl, ...] = ()


Item: TypeAlias = Header | ChapterDecl | BodyDecl | ClauseDecl | CodeDecl


@dataclass(frozen=True)
class SyntaxTree(Node):
    """One parsed .gdc file."""

    filename: str
    items: tuple[Item, ...]
    trailing_comments: tuple[str, ...] = field(default=(), compare=False)

    def __eq__(self, other: object) -> bool:  # the file name is not part of the meaning
        if not isinstance(other, SyntaxTree):
            return NotImplemented
        return self.items == other.items

    def __hash__(self) -> int:
        return hash(self.items)
