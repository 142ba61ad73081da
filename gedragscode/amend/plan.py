"""Planning a wijzigingsbesluit: from lint's findings to operations on the existing code's own articles.

:func:`plan_amendment_document` is a pure function of a read document, the model and the options:

1. lint the document (body, offices, findings with their evidence) and read its structure; a code
   whose articles were not recognised well enough is refused (:class:`UnrecognisedStructureError`);
2. tailor the model to the code: body, offices and place as lint found them (or as given), the code's
   own words for the body's roles (:mod:`gedragscode.amend.terms`), the ``--set`` choices; the text
   comes from the render layer (:func:`~gedragscode.render.build.build_document`);
3. bring every outdated clause up to date in the articles where lint found it
   (:mod:`gedragscode.amend.fixes`: words, a lid, an added lid, or the whole article);
4. insert every missing statutory or recommended clause (and the optional ones asked for) after the
   article of the nearest preceding clause in the model's order, numbered after it ("7a", "7b");
5. apply the operations to the text (:func:`~gedragscode.amend.consolidate.consolidate`) and lint the
   result: the plan records which targeted clauses are still not right and which found clauses got lost,
   so that nothing the besluit claims goes unchecked.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from gedragscode import templating
from gedragscode.amend.checker import ArticleChecker
from gedragscode.amend.consolidate import Consolidation, Edit, consolidate
from gedragscode.amend.fixes import ArticleWork, FixContext, fix_clause
from gedragscode.amend.model_text import LidStyle, NewArticle, lid_style, new_article
from gedragscode.amend.structure import (
    REFUSAL,
    ArticleRef,
    CodeStructure,
    UnrecognisedStructureError,
    content_end,
    read_structure,
    require_structure,
)
from gedragscode.amend.terms import TermChoice, own_terms, term_settings
from gedragscode.catalogue import bundled_model
from gedragscode.errors import Location, ModelError
from gedragscode.lint.document import Segmentation, SourceDocument
from gedragscode.lint.engine import lint_document
from gedragscode.lint.result import ClauseFinding, LintResult
from gedragscode.lint.segment import segment
from gedragscode.model import Clause, Code, Level, Model
from gedragscode.render import doctree

__all__ = [
    "AmendmentOptions",
    "AmendmentPlan",
    "Operation",
    "OperationKind",
    "Skipped",
    "plan_amendment_document",
]

OperationKind = Literal["artikel_invoegen", "artikel_vervangen", "lid_vervangen", "lid_toevoegen",
                        "woorden_vervangen"]


@dataclass(frozen=True)
class AmendmentOptions:
    """What the griffie chooses for a wijzigingsbesluit (all optional)."""

    body: str | None = None
    """The body (``gemeente`` ...) when lint should not detect it."""
    offices: tuple[str, ...] = ()
    """The offices when lint should not detect them; they decide the legal basis in the aanhef."""
    place: str | None = None
    """The body's name ("Almelo") when lint did not find it or found it wrong."""
    title: str | None = None
    """The citeertitel of the existing code, when lint did not find it."""
    settings: Mapping[str, str] = field(default_factory=dict)
    """Local choices as for ``render --set``: ``{"geschenken.grens": "40", "term.griffier": "de griffier"}``."""
    include: tuple[str, ...] = ()
    """Optional clauses to insert when missing (``--met agressie,vertrouwenspersoon``)."""
    exclude: tuple[str, ...] = ()
    """Clauses to leave as they are (``--zonder``)."""
    effective: str = ""
    """When the besluit takes effect ("op 1 januari 2027"); default: the day after publication."""
    adopted: str = ""
    """The date of the meeting that adopts the besluit, for the signing block."""
    year: int | None = None
    """The year the besluit is adopted (for the model's texts that name a year)."""


@dataclass(frozen=True)
class Operation:
    """One change to the existing code, anchored on its own numbering: one onderdeel of Artikel I.

    ``kind``:

    * ``artikel_invoegen`` — new articles after ``article`` (``articles``: "Na artikel 7 wordt ... ingevoegd");
    * ``artikel_vervangen`` — ``article`` gets new text (``text``: "Artikel 9 komt te luiden");
    * ``lid_vervangen`` — lid ``lid`` of ``article`` gets new text (``text``);
    * ``lid_toevoegen`` — a lid (``text``, numbered ``lid``) is added to ``article``; ``number_first`` is the
      number put before the existing text of an article that had no numbered leden;
    * ``woorden_vervangen`` — ``old`` becomes ``new`` in lid ``lid`` (``times`` occurrences).
    """

    kind: OperationKind
    clause_ids: tuple[str, ...]
    article: ArticleRef
    edits: tuple[Edit, ...]
    lid: str = ""
    old: str = ""
    new: str = ""
    times: int = 1
    text: str = ""
    number_first: str = ""
    articles: tuple[NewArticle, ...] = ()

    @property
    def position(self) -> int:
        """Where the change stands in the existing text (for the order of the onderdelen)."""
        if self.kind == "artikel_invoegen":
            return self.article.end
        return min(e.start for e in self.edits)


@dataclass(frozen=True)
class Skipped:
    """A clause lint reported as missing or outdated that the besluit leaves alone, and why (Dutch)."""

    clause_id: str
    title: str
    status: str
    level: str
    reason: str


@dataclass(frozen=True)
class AmendmentPlan:
    """Everything a wijzigingsbesluit, the consolidated text and the raadsvoorstel are made from."""

    document: SourceDocument
    """The existing code as read (and cleaned by the reading pipeline: no page furniture, lines joined)."""
    lint: LintResult
    """Lint's findings on the existing code."""
    structure: CodeStructure
    code: Code
    """The tailored code the inserted text comes from (body, offices, place, own terms, choices)."""
    tailored: doctree.Document
    """That code rendered: the source of every inserted text, the aanhef and the signing block."""
    title: str
    """The citeertitel of the existing code."""
    title_found: bool
    """Whether ``title`` was read from the document (False: made up from the body's name)."""
    terms: tuple[TermChoice, ...]
    operations: tuple[Operation, ...]
    """The changes in the order of the existing code."""
    skipped: tuple[Skipped, ...]
    consolidation: Consolidation
    verification: LintResult
    """Lint's findings on the consolidated text."""
    options: AmendmentOptions

    @property
    def changed(self) -> bool:
        """Whether there is anything to amend."""
        return bool(self.operations)

    @property
    def clause_ids(self) -> tuple[str, ...]:
        """The clauses the besluit adds or brings up to date, in model order."""
        ids = {cid for op in self.operations for cid in op.clause_ids}
        return tuple(c.id for c in self.code.model.clauses if c.id in ids)

    def finding(self, clause_id: str) -> ClauseFinding | None:
        """Lint's finding on the existing code for ``clause_id``."""
        for finding in self.lint.clauses:
            if finding.id == clause_id:
                return finding
        return None

    @property
    def unresolved(self) -> tuple[str, ...]:
        """Clauses the besluit adds or changes that lint still reports missing or outdated in the result."""
        bad = {c.id for c in self.verification.clauses if c.status in ("missing", "outdated")}
        return tuple(cid for cid in self.clause_ids if cid in bad)

    @property
    def lost(self) -> tuple[str, ...]:
        """Clauses lint found in the existing code but no longer finds in the consolidated text."""
        before = {c.id for c in self.lint.clauses if c.status in ("present", "outdated")}
        after = {c.id for c in self.verification.clauses if c.status in ("present", "outdated")}
        return tuple(c.id for c in self.code.model.clauses if c.id in before - after)


# ---------------------------------------------------------------- refusals

_AMENDMENT = re.compile(r"(?im)^\s*artikel\s+I\s*$(?s:.{0,400}?)\bwordt\s+als\s+volgt\s+gewijzigd\b")


def _refuse_amendment_decision(doc: SourceDocument) -> None:
    """A wijzigingsbesluit is not a code: its articles are the changes, not the rules."""
    if _AMENDMENT.search(doc.text):
        raise UnrecognisedStructureError(
            "dit is een wijzigingsbesluit, geen gedragscode; geef de (geconsolideerde) tekst van de code zelf op",
            Location(doc.name))


def _reading(doc: SourceDocument) -> tuple[SourceDocument, Segmentation]:
    """The document as the reading pipeline cleans it (a PDF without running headers and page numbers,
    hard-wrapped lines joined) and its segmentation. The besluit and the consolidated text work on that
    text, so that lint's evidence, the articles and the edits all point into the same text."""
    seg = segment(doc)
    for _ in range(3):
        if seg.offsets is None:
            break
        doc = seg.document
        seg = segment(doc)
    return seg.document, seg


# ---------------------------------------------------------------- the tailored code


def _validate_ids(model: Model, ids: Sequence[str], option: str) -> None:
    for cid in ids:
        if model.clause(cid) is None:
            raise ModelError(f"{option}: onbekende clausule '{cid}'; 'gedragscode models' toont alle clausules")


def _amendable(clause: Clause) -> str:
    """Why a missing clause cannot be inserted by a besluit ("" when it can)."""
    if clause.form != "artikel":
        return "geen artikel maar een inleiding; een wijzigingsbesluit voegt die niet in"
    if any("code" in templating.variables(lid.text) for lid in clause.leden):
        return ("gaat over de vaststelling van de code zelf (citeertitel, inwerkingtreding, intrekking); "
                "het wijzigingsbesluit heeft daarvoor eigen slotartikelen")
    return ""


_TAILORED: dict[tuple[object, ...], tuple[Model, Code, doctree.Document]] = {}
_TAILORED_MAX = 16


def _tailor(model: Model, body: str, offices: Sequence[str], place: str, year: int | None,
            settings: Mapping[str, str], numbering: Mapping[str, str] | None = None
            ) -> tuple[Code, doctree.Document]:
    """The tailored code and its rendered document (kept for the last few codes: rendering is the slow part).

    ``numbering`` (clause id -> article number) puts references between articles in the existing
    code's numbering.
    """
    key = (id(model), body, tuple(offices), place, year, tuple(sorted(settings.items())),
           tuple(sorted((numbering or {}).items())))
    hit = _TAILORED.get(key)
    if hit is not None and hit[0] is model:
        return hit[1], hit[2]
    from gedragscode.render.build import build_document  # the templates only when planning
    from gedragscode.resolve import bind_code

    code = bind_code(model, body, tuple(offices), place, year=year, settings=settings)
    document = build_document(code, numbering=numbering)
    if len(_TAILORED) >= _TAILORED_MAX:
        _TAILORED.pop(next(iter(_TAILORED)))
    _TAILORED[key] = (model, code, document)
    return code, document


def _default_title(code: Code) -> str:
    names = templating.join_words([o.plural for o in code.offices])
    full = code.terms.get("naam_vol", "{{ naam }}").replace("{{ naam }}", code.place)
    return f"Gedragscode integriteit {names} {full}"


# ---------------------------------------------------------------- where clauses live in the code


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"\w+", _fold(text)) if len(w) >= 4}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _own_articles(result: LintResult, structure: CodeStructure, model: Model) -> dict[str, int]:
    """Per found clause, the index (in ``structure.articles``) of its own article.

    That is the article holding most of its evidence, preferring an article whose title names the
    clause and one that is not about many other clauses too (a scope or register article that mentions
    every theme).
    """
    order = {a.number: i for i, a in enumerate(structure.articles)}
    found = [f for f in result.clauses if f.status in ("present", "outdated")]
    held = {f.id: [order[a.number] for e in f.evidence if (a := structure.article_at(e.start)) is not None]
            for f in found}
    clauses_in = _clauses_in(held)
    arts = structure.articles
    own: dict[str, int] = {}
    for cid, places in held.items():
        if not places:
            continue
        clause = model.clause(cid)
        title = _stems(clause.title) if clause is not None else set()

        def score(i: int, places: list[int] = places, title: set[str] = title) -> tuple[float, int]:
            named = 2.0 if title & _stems(arts[i].heading) else 0.0
            return places.count(i) + named - 0.5 * (len(clauses_in[i]) - 1), -i

        own[cid] = max(set(places), key=score)
    return own


def _clauses_in(held: Mapping[str, Sequence[int]]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for cid, places in held.items():
        for i in places:
            out.setdefault(i, set()).add(cid)
    return out


def _homes(result: LintResult, structure: CodeStructure, model: Model) -> dict[str, ArticleRef]:
    """Per found clause, the article a new clause that follows it in the model is inserted after.

    From the clause's own article (:func:`_own_articles`) over the next articles that hold its evidence
    too, then over the following articles of the same chapter in which lint found nothing (they
    continue the theme: "Artikel 7.2 De burgemeester hoort het raadslid ..." after the reporting rule
    in 7.1).
    """
    order = {a.number: i for i, a in enumerate(structure.articles)}
    held = {f.id: [order[a.number] for e in f.evidence if (a := structure.article_at(e.start)) is not None]
            for f in result.clauses if f.status in ("present", "outdated")}
    clauses_in = _clauses_in(held)
    arts = structure.articles
    homes: dict[str, ArticleRef] = {}
    for cid, last in _own_articles(result, structure, model).items():
        places = held[cid]
        while last + 1 in places:
            last += 1
        while (last + 1 < len(arts) and last + 1 not in clauses_in
               and arts[last + 1].chapter == arts[last].chapter):
            last += 1
        homes[cid] = arts[last]
    return homes


def _evidence_articles(finding: ClauseFinding, structure: CodeStructure) -> list[ArticleRef]:
    out: list[ArticleRef] = []
    for e in finding.evidence:
        article = structure.article_at(e.start)
        if article is not None and article not in out:
            out.append(article)
    return sorted(out, key=lambda a: a.start)


_LETTERS = string.ascii_lowercase


def _numbers(anchor: ArticleRef, count: int, taken: set[str]) -> list[str]:
    """"7a", "7b" ... after article 7; after "7a": "7b" ...; numbers in use are skipped."""
    base, start = anchor.number, 0
    if base[-1:].isalpha() and base[-1:].islower():
        base, start = base[:-1], _LETTERS.index(base[-1]) + 1
    out: list[str] = []
    for letter in _LETTERS[start:]:
        if len(out) == count:
            break
        number = base + letter
        if number not in taken:
            out.append(number)
            taken.add(number)
    while len(out) < count:  # beyond z: "7za", "7zb" ...
        number = f"{base}z{_LETTERS[len(out) % 26]}"
        out.append(number)
        taken.add(number)
    return out


def _anchor_run(anchor: ArticleRef, structure: CodeStructure) -> ArticleRef:
    """Insert after "7b" rather than between 7 and an existing 7a."""
    arts = structure.articles
    i = arts.index(anchor)
    while i + 1 < len(arts) and re.fullmatch(re.escape(anchor.number) + r"[a-z]+", arts[i + 1].number):
        i += 1
    return arts[i]


# ---------------------------------------------------------------- the planner


@dataclass
class _Planner:
    model: Model
    doc: SourceDocument
    result: LintResult
    structure: CodeStructure
    code: Code
    tailored: doctree.Document
    options: AmendmentOptions
    style: LidStyle
    skipped: list[Skipped] = field(default_factory=list)

    def skip(self, finding: ClauseFinding, reason: str) -> None:
        self.skipped.append(Skipped(finding.id, finding.title, finding.status, finding.level, reason))

    @property
    def model_articles(self) -> dict[str, doctree.Article]:
        return {a.clause_id: a for a in self.tailored.articles()}

    def outdated(self) -> list[Operation]:
        checker = ArticleChecker(self.model, self.code.body.id, [o.id for o in self.code.offices])
        ctx = FixContext(checker, self.style, self.code.values)
        articles = self.model_articles
        works: dict[str, ArticleWork] = {}
        for finding in self.result.clauses:
            if finding.status != "outdated":
                continue
            if finding.id in self.options.exclude:
                self.skip(finding, "op verzoek niet gewijzigd (--zonder)")
                continue
            clause = self.model.clause(finding.id)
            model_article = articles.get(finding.id)
            if clause is None or model_article is None:
                self.skip(finding, "het model heeft voor deze ambten geen tekst voor deze bepaling")
                continue
            evidence = _evidence_articles(finding, self.structure)
            if not evidence:
                self.skip(finding, "gevonden buiten de genummerde artikelen; pas de tekst zelf aan")
                continue
            outcomes: list[bool] = []
            for article in evidence:
                work = works.setdefault(article.number, ArticleWork(self.doc.text, article))
                replacement = new_article(model_article, article.number, article, self.structure, self.style)
                outcome = fix_clause(work, clause, model_article, replacement, ctx)
                if outcome is not None:
                    outcomes.append(outcome)
            if not outcomes:  # outdated in the code as a whole, but in no single article on its own
                self.skip(finding, "verouderd, maar in geen afzonderlijk artikel aan te wijzen; pas de tekst zelf aan")
            elif not all(outcomes):
                self.skip(finding, "niet automatisch bij te werken; pas de bepaling zelf aan")
        ops: list[Operation] = []
        for work in works.values():
            for change in work.changes:
                ops.append(Operation(change.kind, tuple(change.clause_ids), work.article, tuple(change.edits),
                                     lid=change.lid, old=change.old, new=change.new, times=change.times,
                                     text=change.text, number_first=change.number_first))
        return ops

    def wanted(self) -> list[Clause]:
        """Missing clauses the besluit inserts, in model order (the others are noted as skipped)."""
        out: list[Clause] = []
        articles = self.model_articles
        for finding in self.result.clauses:
            if finding.status != "missing" or not finding.required:
                continue
            clause = self.model.clause(finding.id)
            assert clause is not None
            level = clause.level_for(self.code.body.id)
            why = _amendable(clause)
            if finding.id in self.options.exclude:
                self.skip(finding, "op verzoek niet opgenomen (--zonder)")
            elif level is Level.OPTIONEEL and finding.id not in self.options.include:
                self.skip(finding, f"optionele bepaling; neem haar op met --met {finding.id}")
            elif why:
                self.skip(finding, why)
            elif finding.id not in articles:
                self.skip(finding, "het model heeft voor deze ambten geen tekst voor deze bepaling")
            else:
                out.append(clause)
        return out

    def placements(self) -> list[tuple[ArticleRef, list[tuple[Clause, str]]]]:
        """Where each missing clause goes: (the article it follows, [(clause, new number), ...])."""
        wanted = self.wanted()
        if not wanted:
            return []
        homes = _homes(self.result, self.structure, self.model)
        anchors: dict[str, ArticleRef] = {}
        groups: dict[str, list[Clause]] = {}
        order = [c.id for c in self.model.clauses]
        wanted_ids = {c.id for c in wanted}
        for clause in self.model.clauses:
            if clause.id not in wanted_ids:
                continue
            anchor: ArticleRef | None = None
            for previous in reversed(order[:order.index(clause.id)]):
                if previous in anchors:
                    anchor = anchors[previous]
                    break
                if previous in homes:
                    anchor = _anchor_run(homes[previous], self.structure)
                    break
            if anchor is None:
                anchor = _anchor_run(self.structure.articles[0], self.structure)
            anchors[clause.id] = anchor
            groups.setdefault(anchor.number, []).append(clause)
        taken = {a.number for a in self.structure.articles}
        out: list[tuple[ArticleRef, list[tuple[Clause, str]]]] = []
        for anchor in self.structure.articles:
            clauses = groups.get(anchor.number)
            if clauses:
                out.append((anchor, list(zip(clauses, _numbers(anchor, len(clauses), taken), strict=True))))
        return out

    def numbering(self, placements: Sequence[tuple[ArticleRef, list[tuple[Clause, str]]]]) -> dict[str, str]:
        """The number every clause has in the amended code (references in inserted text use it).

        A clause the code has: its own article; an inserted one: its new number; any other: "…", so
        that a reference to it can never point at an unrelated article (and is put on the checklist).
        """
        arts = self.structure.articles
        out = {c.id: MISSING_ARTICLE for c in self.model.clauses}
        for cid, i in _own_articles(self.result, self.structure, self.model).items():
            out[cid] = arts[i].number
        for _anchor, items in placements:
            for clause, number in items:
                out[clause.id] = number
        return out

    def inserts(self, placements: Sequence[tuple[ArticleRef, list[tuple[Clause, str]]]]) -> list[Operation]:
        articles = self.model_articles
        ops: list[Operation] = []
        for anchor, items in placements:
            new = tuple(new_article(articles[c.id], n, anchor, self.structure, self.style) for c, n in items)
            text = "".join("\n\n" + a.render() for a in new)
            ops.append(Operation("artikel_invoegen", tuple(c.id for c, _n in items), anchor,
                                 (Edit(anchor.end, anchor.end, text),), articles=new))
        return ops


def _require_stable_reading(doc: SourceDocument, structure: CodeStructure, operations: Sequence[Operation],
                            consolidated: SourceDocument) -> None:
    """Refuse when the consolidated text no longer reads as the existing code plus the amendments.

    Every article the besluit does not touch must be read back with the same text, and every inserted
    article under its new number. When inserting an article changes how the rest of the code reads (the
    code's own numbering is then not what the reading took it for), the besluit's anchors cannot be trusted
    and the consolidated text would lose sections: the griffie gets a refusal, not a wrong text.
    """
    if not operations:
        return
    after = {u.number: consolidated.text[u.span.start:content_end(consolidated.text, u)]
             for u in segment(consolidated).units_with_role("normatief") if u.number}
    touched = {op.article.number for op in operations if op.kind != "artikel_invoegen"}
    lost = [a.name for a in structure.articles
            if a.number not in touched and after.get(a.number) != doc.text[a.start:a.end]]
    lost += [f"het ingevoegde {a.number}" for op in operations for a in op.articles if a.number not in after]
    if lost:
        shown = ", ".join(lost[:4]) + (" ..." if len(lost) > 4 else "")
        raise UnrecognisedStructureError(
            f"{REFUSAL} (na de wijziging leest de code anders: {shown} niet meer als artikel herkend)",
            Location(doc.name))


#: What a reference to an article the amended code does not have shows (never a wrong number).
MISSING_ARTICLE = "\u2026"

_KIND_ORDER = {"woorden_vervangen": 0, "lid_vervangen": 0, "artikel_vervangen": 0, "lid_toevoegen": 1,
               "artikel_invoegen": 2}


def _ordered(ops: Sequence[Operation]) -> tuple[Operation, ...]:
    return tuple(sorted(ops, key=lambda op: (op.article.start, _KIND_ORDER[op.kind], op.position)))


def plan_amendment_document(doc: SourceDocument, *, model: Model | None = None,
                   options: AmendmentOptions | None = None) -> AmendmentPlan:
    """Plan the wijzigingsbesluit for the existing code ``doc`` (see the module docstring).

    Raises :class:`UnrecognisedStructureError` (a :class:`~gedragscode.errors.DocumentError`) when the
    code's articles were not recognised well enough to anchor a besluit on, and
    :class:`~gedragscode.errors.ModelError` for an unknown body, office or clause in ``options``.
    """
    model = model or bundled_model()
    options = options or AmendmentOptions()
    _validate_ids(model, options.include, "--met")
    _validate_ids(model, options.exclude, "--zonder")
    doc, seg = _reading(doc)
    _refuse_amendment_decision(doc)
    result = lint_document(doc, model, body=options.body, offices=list(options.offices) or None)
    if result.body is None or not result.offices:
        raise UnrecognisedStructureError(
            f"{REFUSAL}: lichaam of ambten niet herkend; geef --body en --office op", Location(doc.name))
    structure = read_structure(seg, result)
    require_structure(structure, doc.name)
    body = model.body(result.body)
    assert body is not None
    place = (options.place or result.place or "").strip()
    if not place:
        raise ModelError("de naam van het lichaam staat niet in de code; geef die op met --naam",
                         Location(doc.name))
    own = {k.split(".", 1)[1] for k in options.settings if k.startswith("term.")}
    terms = own_terms(model, body, seg, place, keep=own)
    settings = {**term_settings(terms), **options.settings}
    code, tailored = _tailor(model, result.body, result.offices, place, options.year, settings)
    title = (options.title or result.title or "").strip()
    title_found = bool(title)
    planner = _Planner(model, doc, result, structure, code, tailored, options, lid_style(doc.text, structure))
    placements = planner.placements()
    numbering = planner.numbering(placements)
    # the text again, its references to other articles in the amended code's numbering
    code, planner.tailored = _tailor(model, result.body, result.offices, place, options.year, settings, numbering)
    tailored = planner.tailored
    operations = _ordered([*planner.outdated(), *planner.inserts(placements)])
    consolidation = consolidate(doc.text, [e for op in operations for e in op.edits])
    consolidated = SourceDocument(doc.name, doc.format, consolidation.text, doc.metadata)
    _require_stable_reading(doc, structure, operations, consolidated)
    verification = lint_document(consolidated, model, body=result.body, offices=list(result.offices))
    skipped = sorted(planner.skipped, key=lambda s: [c.id for c in model.clauses].index(s.clause_id))
    return AmendmentPlan(
        document=doc, lint=result, structure=structure, code=code, tailored=tailored,
        title=title if title_found else _default_title(code), title_found=title_found, terms=terms,
        operations=operations, skipped=tuple(skipped), consolidation=consolidation,
        verification=verification, options=options)
