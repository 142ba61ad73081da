"""The resolved, frozen model: what the DSL files mean once names are checked.

These types import nothing else from the project. ``resolve`` builds them from the
syntax tree; ``render`` and ``lint`` consume them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Literal, TypeAlias

from gedragscode.errors import Location


class Level(StrEnum):
    """Requirement level of a clause."""

    WETTELIJK = "wettelijk"
    AANBEVOLEN = "aanbevolen"
    OPTIONEEL = "optioneel"

    @property
    def severity(self) -> str:
        """Lint severity of a missing clause at this level."""
        return {"wettelijk": "fout", "aanbevolen": "waarschuwing", "optioneel": "info"}[self.value]


class Category(StrEnum):
    """Category of an office."""

    VOLKSVERTEGENWOORDIGER = "volksvertegenwoordiger"
    DAGELIJKS_BESTUURDER = "dagelijks_bestuurder"
    VOORZITTER = "voorzitter"


# ---------------------------------------------------------------- values

DurationUnit = Literal["dag", "week", "maand", "jaar"]
UNIT_DAYS: Mapping[str, int] = MappingProxyType({"dag": 1, "week": 7, "maand": 30, "jaar": 365})


@dataclass(frozen=True)
class Money:
    """An amount in euro."""

    amount: Decimal

    def __str__(self) -> str:
        # Dutch notation: thousands with a dot, decimals with a comma ("€ 1.500", "€ 12,50")
        if self.amount == self.amount.to_integral_value():
            return "€ " + f"{int(self.amount):,}".replace(",", ".")
        whole, _, cents = f"{self.amount:,.2f}".partition(".")
        return "€ " + whole.replace(",", ".") + "," + cents


#: Dutch number words as rendered codes write a term ("één week", "twee weken").
NUMBER_WORDS: Mapping[int, str] = MappingProxyType({
    1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen",
    10: "tien", 11: "elf", 12: "twaalf", 13: "dertien", 14: "veertien", 15: "vijftien", 16: "zestien",
    18: "achttien", 20: "twintig", 21: "eenentwintig", 24: "vierentwintig", 28: "achtentwintig", 30: "dertig",
    60: "zestig", 90: "negentig",
})

_UNITS_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
                "negen": 9}
_TEENS_WORDS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
                "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS_WORDS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
               "tachtig": 80, "negentig": 90}


def number_from_word(word: str) -> int | None:
    """The number a Dutch number word means, 1 to 100 ("één", "een", "twee", "eenentwintig",
    "honderd"); None for anything else. Accents on "één"/"eën" are optional."""
    w = word.strip().lower().replace("ë", "e").replace("é", "e")
    plain = {k.replace("é", "e"): v for k, v in {**_UNITS_WORDS, **_TEENS_WORDS, **_TENS_WORDS}.items()}
    if w in plain:
        return plain[w]
    if w == "honderd":
        return 100
    unit, sep, tens = w.partition("en")
    while sep and (unit not in plain or tens not in _TENS_WORDS):  # "eenentwintig": een + en + twintig
        more_unit, sep, tens = tens.partition("en")
        unit = f"{unit}en{more_unit}"
    if sep and unit in plain and plain[unit] < 10 and tens in _TENS_WORDS:
        return plain[unit] + _TENS_WORDS[tens]
    return None


@dataclass(frozen=True)
class Duration:
    """A term such as ``1 week`` or ``3 maanden``."""

    count: int
    unit: DurationUnit

    @property
    def days(self) -> int:
        return self.count * UNIT_DAYS[self.unit]

    def __str__(self) -> str:
        plural = {"dag": "dagen", "week": "weken", "maand": "maanden", "jaar": "jaar"}
        number = NUMBER_WORDS.get(self.count, str(self.count))
        unit = self.unit if self.count == 1 else plural[self.unit]
        return f"{number} {unit}"


Value: TypeAlias = Money | Duration | str | bool | int


class ParamType(StrEnum):
    """Types a clause parameter can have."""

    BEDRAG = "bedrag"
    TERMIJN = "termijn"
    KEUZE = "keuze"
    TEKST = "tekst"
    JANEE = "janee"
    GETAL = "getal"


@dataclass(frozen=True)
class Parameter:
    """A typed, bounded parameter of a clause."""

    name: str
    type: ParamType
    default: Value
    description: str = ""
    minimum: Value | None = None
    maximum: Value | None = None
    choices: tuple[str, ...] = ()
    # When the default is a body term (``term griffier``), this is the term's name and
    # ``default`` holds the raw fallback; the bound value is looked up per body.
    default_term: str | None = None
    location: Location | None = None
    #: Why the default is not yet a verified fact (``controleer "..."``); "" when it is.
    check: str = ""


# ---------------------------------------------------------------- applicability


@dataclass(frozen=True)
class Selector:
    """Selects offices: all, a category, or one office (optionally within one body)."""

    kind: Literal["alle", "categorie", "ambt"]
    name: str = ""
    body: str | None = None


@dataclass(frozen=True)
class Applicability:
    """Which offices (and bodies) a clause or lid is for. Empty selectors means all."""

    selectors: tuple[Selector, ...] = ()
    bodies: tuple[str, ...] = ()  # empty: every body

    def matches(self, body: str, office: Office) -> bool:
        if self.bodies and body not in self.bodies:
            return False
        if not self.selectors:
            return True
        for sel in self.selectors:
            if sel.kind == "alle":
                return True
            if sel.kind == "categorie" and office.category.value == sel.name:
                return True
            if sel.kind == "ambt" and office.id == sel.name and (sel.body is None or sel.body == body):
                return True
        return False


# ---------------------------------------------------------------- recognisers


@dataclass(frozen=True)
class Stem:
    """Any word that starts with one of the stems (case-insensitive, accents folded)."""

    stems: tuple[str, ...]


@dataclass(frozen=True)
class Word:
    """Any of these whole words."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Lemma:
    """Any word whose lemma (dictionary form) is one of ``lemmas``: ``melden`` finds "meldt", "meldde",
    "gemeld"; a separable verb (``deelnemen``) also finds its split forms ("neemt niet deel")."""

    lemmas: tuple[str, ...]


@dataclass(frozen=True)
class Phrase:
    """Any of these phrases, word by word, whitespace-tolerant; the last word may be a stem with '*'."""

    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Regex:
    """A regular expression, case-insensitive; the escape hatch.

    ``trusted`` says where the pattern came from, not what it looks like: True only for the bundled
    model's files (``models/*.gdc``, parsed by :mod:`gedragscode.catalogue`), which ship with the
    package and are checked by its tests; those run on Python's ``re``. Every other pattern (a local
    code, a user's model file, text given to :func:`gedragscode.parse`) is untrusted and runs on the
    ``regex`` engine with a time limit (see :mod:`gedragscode.safe_regex` and the threat model in
    ``docs/developer.md``).
    """

    pattern: str
    trusted: bool = False


@dataclass(frozen=True)
class AllOf:
    """All of these patterns (``en``)."""

    parts: tuple[Pattern, ...]


@dataclass(frozen=True)
class AnyOf:
    """Any of these patterns (``of``)."""

    parts: tuple[Pattern, ...]


@dataclass(frozen=True)
class Not:
    """The pattern must not match (``niet``)."""

    part: Pattern


@dataclass(frozen=True)
class Near:
    """Two patterns within ``distance`` words of each other."""

    distance: int
    left: Pattern
    right: Pattern


Pattern: TypeAlias = Stem | Word | Lemma | Phrase | Regex | AllOf | AnyOf | Not | Near

Scope = Literal["zin", "lid", "artikel", "document"]


@dataclass(frozen=True)
class Recogniser:
    """A pattern that, matched within one unit of ``scope``, shows the clause is present."""

    scope: Scope
    pattern: Pattern
    location: Location | None = None


@dataclass(frozen=True)
class OutdatedCheck:
    """A condition on present evidence that makes a clause outdated.

    kinds:
      * ``bedrag``: an amount in the evidence is above parameter ``parameter``;
      * ``termijn``: a term in the evidence is longer than parameter ``parameter``;
      * ``ontbreekt``: ``pattern`` is not found in the evidence ``scope``;
      * ``bevat``: ``pattern`` is found in the evidence ``scope``.
    """

    kind: Literal["bedrag", "termijn", "ontbreekt", "bevat"]
    message: str
    scope: Scope = "artikel"
    parameter: str | None = None
    pattern: Pattern | None = None
    location: Location | None = None


@dataclass(frozen=True)
class Example:
    """A sentence that the clause's recognisers must (positive) or must not (negative) match."""

    text: str
    positive: bool
    location: Location | None = None


# ---------------------------------------------------------------- clauses


@dataclass(frozen=True)
class Onderdeel:
    """A lettered part of a lid (a, b, c ...); ``text`` is a template."""

    text: str
    applies: Applicability = field(default_factory=Applicability)
    check: str = ""
    #: A name other texts of the clause refer to (``{{ verwijs.NAME }}``); "" when none.
    name: str = ""


@dataclass(frozen=True)
class Lid:
    """One numbered paragraph of an article; text is a jinja2 template."""

    text: str
    onderdelen: tuple[Onderdeel, ...] = ()
    applies: Applicability = field(default_factory=Applicability)
    location: Location | None = None
    #: Why the lid states something that is not yet verified; "" when it does not.
    check: str = ""
    #: A name other texts of the clause refer to (``{{ verwijs.NAME }}``); "" when none.
    name: str = ""
    #: The toelichting on this lid (a template); shown only where the lid is rendered.
    toelichting: str = ""
    #: A title when this lid starts a new article of the clause ("Citeertitel"); "" otherwise.
    heading: str = ""


@dataclass(frozen=True)
class LegalRef:
    """A legal reference of a clause, possibly specific to a body and/or office.

    ``check`` says why the reference is not a verified fact yet (an article number that
    was not checked against the current statute, say); render lists it as "nog te
    controleren" wherever the reference is used, and never prints the note in the code.
    """

    name: str
    text: str
    body: str | None = None
    office: str | None = None
    check: str = ""


@dataclass(frozen=True)
class LevelRule:
    """The requirement level of a clause, in ``bodies`` only when given (else in every body)."""

    level: Level
    bodies: tuple[str, ...] = ()


ClauseForm = Literal["artikel", "inleiding"]


@dataclass(frozen=True)
class Clause:
    """One clause of the model (an article, or the inleiding)."""

    id: str
    title: str
    chapter: str
    applies: Applicability
    levels: tuple[LevelRule, ...]
    since: str
    refs: tuple[LegalRef, ...]
    parameters: tuple[Parameter, ...]
    leden: tuple[Lid, ...]
    toelichting: str
    recognisers: tuple[Recogniser, ...] = ()
    outdated: tuple[OutdatedCheck, ...] = ()
    examples: tuple[Example, ...] = ()
    form: ClauseForm = "artikel"
    location: Location | None = None
    #: Editions that changed the clause's content after ``since`` (e.g. "wet2023").
    changed: tuple[str, ...] = ()
    #: Unverified facts in the clause's text as a whole (``controleer "..."`` statements).
    checks: tuple[str, ...] = ()
    #: Part of the structure of the regeling (begrippen, reikwijdte, slotbepalingen): never left out.
    structural: bool = False

    def can_be_left_out(self, body: str) -> bool:
        """Whether a local code may leave the clause out (``zonder``): not statutory, not structural."""
        return not self.structural and self.level_for(body) is not Level.WETTELIJK

    def level_for(self, body: str) -> Level:
        """The requirement level in ``body`` (the most specific rule wins)."""
        general = [r for r in self.levels if not r.bodies]
        specific = [r for r in self.levels if body in r.bodies]
        chosen = specific or general
        return chosen[0].level if chosen else Level.AANBEVOLEN

    def parameter(self, name: str) -> Parameter | None:
        for p in self.parameters:
            if p.name == name:
                return p
        return None

    def refs_for(self, body: str, offices: tuple[str, ...] = ()) -> tuple[LegalRef, ...]:
        """Legal references that apply in ``body`` for any of ``offices`` (all when empty)."""
        out = []
        for ref in self.refs:
            if ref.body is not None and ref.body != body:
                continue
            if ref.office is not None and offices and ref.office not in offices:
                continue
            out.append(ref)
        return tuple(out)


# ---------------------------------------------------------------- bodies and offices


@dataclass(frozen=True)
class Office:
    """An office (ambt) within a body."""

    id: str
    name: str
    plural: str
    category: Category
    legal_basis: str
    terms: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    statutory: bool = True
    location: Location | None = None
    #: Patterns that name this office in a title or scope article (lint identification).
    recognisers: tuple[Pattern, ...] = ()
    #: General wording that includes this office ("politieke ambtsdragers", "bestuurders"),
    #: used only when no office is named specifically.
    general_recognisers: tuple[Pattern, ...] = ()
    #: Why the legal basis is not yet verified; "" when it is.
    basis_check: str = ""
    #: Unverified office terms: term name -> reason.
    term_checks: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Group:
    """A name for some offices of a body together, e.g. "bestuurder" for the executives and the chair.

    A code uses the group's name for a lid that applies to exactly the group's offices in the
    code, when the code also has other offices (and defines the name in its begrippen).
    """

    id: str
    name: str
    plural: str
    applies: Applicability


@dataclass(frozen=True)
class Body:
    """A kind of public body (gemeente, provincie, waterschap, openbaar lichaam) and its words."""

    id: str
    name: str
    terms: Mapping[str, str]
    offices: tuple[Office, ...]
    location: Location | None = None
    #: Patterns that show a document belongs to this kind of body (aanhef, law, series).
    recognisers: tuple[Pattern, ...] = ()
    #: Unverified body terms: term name -> reason.
    term_checks: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: Names for some offices together ("bestuurder").
    groups: tuple[Group, ...] = ()
    #: Terms a local code may only set to one of these values: term name -> choices.
    term_choices: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def office(self, office_id: str) -> Office | None:
        for o in self.offices:
            if o.id == office_id:
                return o
        return None


@dataclass(frozen=True)
class Chapter:
    """A chapter of the model, in which clauses are grouped."""

    id: str
    title: str


@dataclass(frozen=True)
class Version:
    """An edition of the handreiking or the law that clauses refer to (``sinds``, ``gewijzigd``)."""

    id: str
    title: str
    date: str = ""


@dataclass(frozen=True)
class Model:
    """The whole handreiking as resolved from the model files."""

    title: str
    version: str
    date: str
    source: str
    versions: tuple[Version, ...]
    bodies: tuple[Body, ...]
    chapters: tuple[Chapter, ...]
    clauses: tuple[Clause, ...]

    def body(self, body_id: str) -> Body | None:
        for b in self.bodies:
            if b.id == body_id:
                return b
        return None

    def clause(self, clause_id: str) -> Clause | None:
        for c in self.clauses:
            if c.id == clause_id:
                return c
        return None

    def chapter(self, chapter_id: str) -> Chapter | None:
        for c in self.chapters:
            if c.id == chapter_id:
                return c
        return None

    def applicable_clauses(self, body: str, offices: tuple[Office, ...]) -> tuple[Clause, ...]:
        """Clauses that apply to at least one of ``offices`` in ``body``, in model order."""
        return tuple(c for c in self.clauses if any(c.applies.matches(body, o) for o in offices))


# ---------------------------------------------------------------- a local code


@dataclass(frozen=True)
class Code:
    """One code of conduct: the model for one body and one or more offices, with local choices.

    ``values`` maps ``clause_id`` to that clause's bound parameter values (defaults
    filled in); ``terms`` are the body terms after local overrides; ``clauses`` are
    the clauses in the code, in order (model clauses minus omitted, plus added).
    """

    model: Model
    name: str
    body: Body
    offices: tuple[Office, ...]
    place: str
    year: int
    terms: Mapping[str, str]
    values: Mapping[str, Mapping[str, Value]]
    clauses: tuple[Clause, ...]
    omitted: tuple[str, ...] = ()
    repeals: str = ""
    effective: str = ""
    adopted: str = ""
    location: Location | None = None
    #: The parameters the local code sets itself, as "clause.parameter" (the rest keep the model default).
    chosen: frozenset[str] = frozenset()
    #: Values set for one office only (``zet CLAUSE.PARAM voor OFFICE = ...``): clause -> parameter -> office -> value.
    office_values: Mapping[str, Mapping[str, Mapping[str, Value]]] = field(
        default_factory=lambda: MappingProxyType({}))
    #: The aanhef: who proposed the code ("" = the model's default), the date and reference of the
    #: proposal, and whose advice was heard ("" = none).
    proposed_by: str = ""
    proposal_date: str = ""
    proposal_reference: str = ""
    advice: str = ""
    #: The names under the signatures ("" = a line to fill in).
    chair_name: str = ""
    clerk_name: str = ""
