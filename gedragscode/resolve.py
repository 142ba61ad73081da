"""Resolve syntax trees into the frozen model, checking every name and value.

All problems found in one pass are collected and raised together as an
:class:`~gedragscode.errors.ErrorGroup` (a single problem is raised as itself), each
with its file, line and column and a Dutch message.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType

from gedragscode import templating
from gedragscode.dsl import syntax as s
from gedragscode.dsl.bounds import code_text_problem
from gedragscode.errors import DslSemanticError, ErrorGroup, GedragscodeError, Location, ModelError
from gedragscode.limits import plain_text_problem
from gedragscode.model import (
    AllOf,
    AnyOf,
    Applicability,
    Body,
    Category,
    Chapter,
    Clause,
    Code,
    Duration,
    Example,
    Group,
    LegalRef,
    Level,
    LevelRule,
    Lid,
    Model,
    Money,
    Near,
    Not,
    Office,
    Onderdeel,
    OutdatedCheck,
    Parameter,
    ParamType,
    Pattern,
    Recogniser,
    Regex,
    Selector,
    Value,
    Version,
    number_from_word,
)
from gedragscode.names import did_you_mean, fold_name
from gedragscode.safe_regex import regex_problem

CATEGORIES = {c.value for c in Category}
FORMS = ("artikel", "inleiding")


def _loc(pos: s.Pos) -> Location:
    return Location(pos.file, pos.line, pos.column)


def _term_checks(decls: tuple[s.TermDecl, ...]) -> Mapping[str, str]:
    """The ``controleer`` reasons of the terms that carry one."""
    return MappingProxyType({t.name: _text(t.check) for t in decls if t.check is not None})


def _text(value: str) -> str:
    """Fold whitespace in a paragraph; keep blank lines as paragraph breaks."""
    paragraphs = re.split(r"\n\s*\n", value.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


class _Errors:
    def __init__(self) -> None:
        self.items: list[GedragscodeError] = []

    def add(self, message: str, pos: s.Pos) -> None:
        self.items.append(DslSemanticError(message, _loc(pos)))

    def raise_if_any(self) -> None:
        if len(self.items) == 1:
            raise self.items[0]
        if self.items:
            raise ErrorGroup(self.items)


# ---------------------------------------------------------------- values


def _value_type(value: s.LiteralValue) -> str:
    if isinstance(value, bool):
        return "janee"
    if isinstance(value, Money):
        return "bedrag"
    if isinstance(value, Duration):
        return "termijn"
    if isinstance(value, int):
        return "getal"
    if isinstance(value, s.TermRef):
        return "term"
    return "tekst"


_TYPE_NL = {"janee": "ja of nee", "bedrag": "een bedrag", "termijn": "een termijn", "getal": "een getal",
            "tekst": "een tekst", "keuze": "een van de keuzes", "term": "een term"}


_TYPE_EXAMPLE = {"janee": "ja", "bedrag": "€ 75", "termijn": "2 weken", "getal": "3",
                 "tekst": '"de griffier"'}


def _order(value: Value) -> float | None:
    if isinstance(value, Money):
        return float(value.amount)
    if isinstance(value, Duration):
        return float(value.days)
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return None


def check_value(param: Parameter, value: s.LiteralValue) -> str | None:
    """Why ``value`` is not acceptable for ``param`` (Dutch), or None."""
    vtype = _value_type(value)
    expected = param.type.value
    if expected == "keuze":
        if not isinstance(value, str) or vtype != "tekst":
            return f"parameter {param.name} verwacht een van: {', '.join(param.choices)}"
        if value not in param.choices:
            return f"'{value}' is geen keuze voor {param.name}; kies uit: {', '.join(param.choices)}"
        return None
    if vtype == "term" and expected == "tekst":
        return None
    if vtype != expected:
        example = _TYPE_EXAMPLE.get(expected)
        return (f"parameter {param.name} verwacht {_TYPE_NL[expected]}, niet {_TYPE_NL[vtype]}"
                + (f"; bijvoorbeeld: {example}" if example else ""))
    assert not isinstance(value, s.TermRef)
    v = _order(value)
    lo = _order(param.minimum) if param.minimum is not None else None
    hi = _order(param.maximum) if param.maximum is not None else None
    if v is not None and ((lo is not None and v < lo) or (hi is not None and v > hi)):
        return (f"waarde {_show(value)} voor {param.name} ligt buiten de grenzen "
                f"({_show(param.minimum)} tot en met {_show(param.maximum)})")
    return None


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


# ---------------------------------------------------------------- model


class _ModelResolver:
    def __init__(self, trees: Iterable[s.SyntaxTree]) -> None:
        self.trees = list(trees)
        self.errors = _Errors()
        self.header: s.Header | None = None
        self.chapters: dict[str, Chapter] = {}
        self.bodies: dict[str, Body] = {}
        self.office_ids: set[str] = set()
        self.editions: set[str] = set()
        self.clause_ids: set[str] = set()

    def run(self) -> Model:
        items = [i for t in self.trees for i in t.items if not isinstance(i, s.CodeDecl)]
        for item in items:
            if isinstance(item, s.Header):
                if self.header is not None:
                    self.errors.add("er is al een handreiking-kop; een model heeft er precies één", item.pos)
                else:
                    self.header = item
                    self.editions = {e.id for e in item.editions}
        for item in items:
            if isinstance(item, s.ChapterDecl):
                if item.id in self.chapters:
                    self.errors.add(f"hoofdstuk '{item.id}' is dubbel gedeclareerd", item.pos)
                self.chapters[item.id] = Chapter(item.id, item.title)
            elif isinstance(item, s.BodyDecl):
                self.body(item)
        clauses: dict[str, Clause] = {}
        self.clause_ids = {i.id for i in items if isinstance(i, s.ClauseDecl)}
        for item in items:
            if isinstance(item, s.ClauseDecl):
                clause = self.clause(item)
                if item.id in clauses:
                    self.errors.add(f"clausule '{item.id}' is dubbel gedeclareerd", item.pos)
                elif clause is not None:
                    clauses[item.id] = clause
        if self.header is None:
            first = self.trees[0].items[0].pos if self.trees and self.trees[0].items else s.NOPOS
            self.errors.add("het model mist een handreiking-kop (handreiking \"...\" { versie ... })", first)
        self.errors.raise_if_any()
        assert self.header is not None
        h = self.header
        return Model(
            title=h.title, version=h.version, date=h.date, source=_text(h.source),
            versions=tuple(Version(e.id, e.title) for e in h.editions),
            bodies=tuple(self.bodies.values()), chapters=tuple(self.chapters.values()),
            clauses=tuple(clauses.values()),
        )

    # bodies
    def body(self, b: s.BodyDecl) -> None:
        if b.id in self.bodies:
            self.errors.add(f"lichaam '{b.id}' is dubbel gedeclareerd", b.pos)
            return
        terms = self.terms(b.terms)
        offices: list[Office] = []
        for o in b.offices:
            if any(x.id == o.id for x in offices):
                self.errors.add(f"ambt '{o.id}' komt twee keer voor in lichaam '{b.id}'", o.pos)
                continue
            if o.category not in CATEGORIES:
                self.errors.add(f"onbekende categorie '{o.category}' voor ambt '{o.id}'; kies uit: "
                                + ", ".join(sorted(CATEGORIES)), o.pos)
                continue
            if not o.basis:
                self.errors.add(f"ambt '{o.id}' mist een grondslag", o.pos)
            office_terms = dict(terms)
            office_terms.update(self.terms(o.terms))
            for stmt in (*o.recognisers, *o.general_recognisers):
                self.check_pattern(stmt.pattern, stmt.pos)
            offices.append(Office(o.id, o.name, o.plural or o.name, Category(o.category), o.basis,
                                  MappingProxyType(office_terms), True if o.statutory is None else o.statutory,
                                  _loc(o.pos), tuple(r.pattern for r in o.recognisers),
                                  tuple(r.pattern for r in o.general_recognisers),
                                  basis_check=_text(o.basis_check or ""),
                                  term_checks=_term_checks(o.terms)))
            self.office_ids.add(o.id)
        for stmt in b.recognisers:
            self.check_pattern(stmt.pattern, stmt.pos)
        self.check_term_templates(b, terms)
        groups: list[Group] = []
        for g in b.groups:
            if any(x.id == g.id for x in groups):
                self.errors.add(f"groep '{g.id}' komt twee keer voor in lichaam '{b.id}'", g.pos)
                continue
            selectors: list[Selector] = []
            for sel in g.selectors:
                if sel.name == "*":
                    selectors.append(Selector("alle"))
                elif sel.name in CATEGORIES:
                    selectors.append(Selector("categorie", sel.name))
                elif any(o.id == sel.name for o in offices) and sel.body is None:
                    selectors.append(Selector("ambt", sel.name))
                else:
                    self.errors.add(f"groep '{g.id}': lichaam '{b.id}' kent geen ambt of categorie '{sel.name}'",
                                    sel.pos)
            groups.append(Group(g.id, g.name, g.plural, Applicability(tuple(selectors))))
        self.bodies[b.id] = Body(b.id, b.name, MappingProxyType(terms), tuple(offices), _loc(b.pos),
                                 tuple(r.pattern for r in b.recognisers), term_checks=_term_checks(b.terms),
                                 groups=tuple(groups),
                                 term_choices=MappingProxyType({t.name: t.choices for t in b.terms if t.choices}))

    def check_term_templates(self, b: s.BodyDecl, terms: Mapping[str, str]) -> None:
        """A term may read ``{{ naam }}`` and the body's other terms, and no term may read itself in a circle."""
        decls = [(t, terms) for t in b.terms] + [(t, {**terms, **{x.name: x.value for x in o.terms}})
                                                 for o in b.offices for t in o.terms]
        for decl, scope in decls:
            problem = templating.template_errors(decl.value)
            if problem:
                self.errors.add(f"term '{decl.name}': {problem}", decl.pos)
                continue
            for name in sorted(templating.variables(decl.value) - set(scope) - {"naam"}):
                self.errors.add(f"term '{decl.name}' gebruikt '{name}', maar lichaam '{b.id}' kent geen term "
                                "met die naam", decl.pos)
        graph = {name: templating.variables(text) & set(terms) if templating.template_errors(text) is None else set()
                 for name, text in terms.items()}
        done: set[str] = set()

        def visit(name: str, path: list[str]) -> None:
            if name in path:
                cycle = " -> ".join([*path[path.index(name):], name])
                pos = next((t.pos for t in b.terms if t.name == name), b.pos)
                self.errors.add(f"de termen {cycle} verwijzen in een kring naar elkaar", pos)
                return
            if name in done:
                return
            for other in sorted(graph.get(name, ())):
                visit(other, [*path, name])
            done.add(name)

        for name in terms:
            visit(name, [])

    def terms(self, decls: tuple[s.TermDecl, ...]) -> dict[str, str]:
        out: dict[str, str] = {}
        for t in decls:
            if t.name in out:
                self.errors.add(f"term '{t.name}' is dubbel gedeclareerd", t.pos)
            out[t.name] = t.value
        return out

    # applicability
    def bodies_named(self, names: tuple[str, ...], pos: s.Pos) -> tuple[str, ...]:
        for n in names:
            if n not in self.bodies:
                self.errors.add(f"onbekend lichaam '{n}'; bekend zijn: {', '.join(self.bodies)}", pos)
        return names

    def applies(self, a: s.AppliesSyntax | None) -> Applicability:
        if a is None:
            return Applicability()
        selectors: list[Selector] = []
        for sel in a.selectors:
            if sel.name == "*":
                selectors.append(Selector("alle"))
            elif sel.body is not None:
                body = self.bodies.get(sel.body)
                if body is None:
                    self.errors.add(f"onbekend lichaam '{sel.body}'", sel.pos)
                elif body.office(sel.name) is None:
                    self.errors.add(f"lichaam '{sel.body}' kent geen ambt '{sel.name}'", sel.pos)
                selectors.append(Selector("ambt", sel.name, sel.body))
            elif sel.name in CATEGORIES:
                selectors.append(Selector("categorie", sel.name))
            elif sel.name in self.office_ids:
                selectors.append(Selector("ambt", sel.name))
            else:
                self.errors.add(f"onbekend ambt of categorie '{sel.name}'", sel.pos)
        return Applicability(tuple(selectors), self.bodies_named(a.within, a.pos))

    def offices_matching(self, applies: Applicability) -> list[tuple[Body, Office]]:
        return [(b, o) for b in self.bodies.values() for o in b.offices if applies.matches(b.id, o)]

    # clauses
    def clause(self, c: s.ClauseDecl, extra_terms: Mapping[str, str] | None = None,
               bodies: tuple[str, ...] | None = None) -> Clause | None:
        chapter = form = since = explanation = ""
        applies: s.AppliesSyntax | None = None
        levels: list[LevelRule] = []
        refs: list[LegalRef] = []
        params: list[Parameter] = []
        leden: list[Lid] = []
        recognisers: list[Recogniser] = []
        outdated: list[OutdatedCheck] = []
        examples: list[Example] = []
        changed: list[str] = []
        checks: list[str] = [] if c.check is None else [_text(c.check)]
        structural = False
        labels: set[str] = set()
        seen_simple: set[str] = set()
        for st in c.statements:
            if isinstance(st, s.SimpleStmt):
                if st.key == "structureel":
                    structural = True
                    continue
                if st.key in ("voorbeeld", "tegenvoorbeeld"):
                    examples.append(Example(_text(st.value), st.key == "voorbeeld", _loc(st.pos)))
                    continue
                if st.key == "gewijzigd":
                    if self.editions and st.value not in self.editions:
                        self.errors.add(f"onbekende uitgave '{st.value}'; bekend zijn: "
                                        + ", ".join(sorted(self.editions - {""})), st.pos)
                    changed.append(st.value)
                    continue
                if st.key in seen_simple:
                    self.errors.add(f"'{st.key}' staat twee keer in clausule '{c.id}'", st.pos)
                seen_simple.add(st.key)
                if st.key == "hoofdstuk":
                    chapter = st.value
                    if st.value not in self.chapters:
                        self.errors.add(f"onbekend hoofdstuk '{st.value}'", st.pos)
                elif st.key == "vorm":
                    form = st.value
                    if form not in FORMS:
                        self.errors.add(f"onbekende vorm '{form}'; kies uit: {', '.join(FORMS)}", st.pos)
                elif st.key == "sinds":
                    since = st.value
                    if self.editions and since not in self.editions:
                        self.errors.add(f"onbekende uitgave '{since}'; bekend zijn: {', '.join(sorted(self.editions))}",
                                        st.pos)
                elif st.key == "toelichting":
                    explanation = _text(st.value)
            elif isinstance(st, s.AppliesSyntax):
                if applies is not None:
                    self.errors.add(f"clausule '{c.id}' heeft al een 'geldt voor'", st.pos)
                applies = st
            elif isinstance(st, s.LevelSyntax):
                levels.append(LevelRule(Level(st.level), self.bodies_named(st.within, st.pos)))
            elif isinstance(st, s.LawSyntax):
                if st.body is not None:
                    self.bodies_named((st.body,), st.pos)
                    body = self.bodies.get(st.body)
                    if st.office is not None and body is not None and body.office(st.office) is None:
                        self.errors.add(f"lichaam '{st.body}' kent geen ambt '{st.office}'", st.pos)
                refs.append(LegalRef(st.name, _text(st.text), st.body, st.office, _text(st.check or "")))
            elif isinstance(st, s.ParamSyntax):
                p = self.parameter(st)
                if p is not None:
                    if any(x.name == p.name for x in params):
                        self.errors.add(f"parameter '{p.name}' is dubbel gedeclareerd", st.pos)
                    params.append(p)
            elif isinstance(st, s.LidSyntax):
                onderdelen = tuple(Onderdeel(_text(o.text), self.applies(o.scope), _text(o.check or ""),
                                             o.name or "")
                                   for o in st.onderdelen or ())
                for label, pos in [(st.name, st.pos), *((o.name, o.pos) for o in st.onderdelen or ())]:
                    if label and label in labels:
                        self.errors.add(f"de naam '{label}' staat al bij een ander lid of onderdeel van "
                                        f"clausule '{c.id}'", pos)
                    labels.add(label or "")
                leden.append(Lid(_text(st.text), onderdelen, self.applies(st.scope), _loc(st.pos),
                                 _text(st.check or ""), st.name or "", _text(st.toelichting or ""),
                                 _text(st.heading or "")))
            elif isinstance(st, s.RecogniserSyntax):
                self.check_pattern(st.pattern, st.pos)
                recognisers.append(Recogniser(st.scope, st.pattern, _loc(st.pos)))  # type: ignore[arg-type]
            elif isinstance(st, s.OutdatedSyntax):
                outdated.append(self.outdated(st, params))
        if not chapter and form != "inleiding":
            self.errors.add(f"clausule '{c.id}' mist een hoofdstuk", c.pos)
        if not leden:
            self.errors.add(f"clausule '{c.id}' heeft geen enkel lid", c.pos)
        if not levels:
            levels.append(LevelRule(Level.AANBEVOLEN))
        applicability = self.applies(applies)
        clause = Clause(
            id=c.id, title=c.title, chapter=chapter, applies=applicability, levels=tuple(levels),
            since=since, refs=tuple(refs), parameters=tuple(params), leden=tuple(leden),
            toelichting=explanation, recognisers=tuple(recognisers), outdated=tuple(outdated),
            examples=tuple(examples), form=form or "artikel", location=_loc(c.pos),  # type: ignore[arg-type]
            changed=tuple(changed), checks=tuple(checks), structural=structural,
        )
        self.check_templates(c, clause, extra_terms, bodies)
        return clause

    def parameter(self, st: s.ParamSyntax) -> Parameter | None:
        ptype = ParamType(st.type)
        default: Value
        default_term = None
        if isinstance(st.default, s.TermRef):
            default_term = st.default.name
            default = ""
        else:
            default = st.default
        p = Parameter(st.name, ptype, default, _text(st.description or ""),
                      st.minimum if not isinstance(st.minimum, s.TermRef) else None,
                      st.maximum if not isinstance(st.maximum, s.TermRef) else None,
                      st.choices, default_term, _loc(st.pos), _text(st.check or ""))
        if st.minimum is not None and st.maximum is not None:
            for bound in (st.minimum, st.maximum):
                if _value_type(bound) != ptype.value:
                    self.errors.add(f"de grenzen van parameter '{st.name}' moeten {_TYPE_NL[ptype.value]} zijn",
                                    st.pos)
                    return p
            lo, hi = _order(p.minimum), _order(p.maximum)  # type: ignore[arg-type]
            if lo is not None and hi is not None and lo > hi:
                self.errors.add(f"ondergrens van parameter '{st.name}' ligt boven de bovengrens", st.pos)
        if default_term is not None:
            if ptype is not ParamType.TEKST:
                self.errors.add(f"alleen een tekstparameter kan een term als standaard hebben ('{st.name}')", st.pos)
            return p
        problem = check_value(p, st.default)
        if problem:
            self.errors.add(f"standaardwaarde: {problem}", st.pos)
        return p

    def outdated(self, st: s.OutdatedSyntax, params: list[Parameter]) -> OutdatedCheck:
        if st.parameter is not None:
            p = next((x for x in params if x.name == st.parameter), None)
            if p is None:
                self.errors.add(f"onbekende parameter '{st.parameter}' (declareer de parameter vóór de controle)",
                                st.pos)
            elif p.type.value != st.kind:
                self.errors.add(f"parameter '{st.parameter}' is geen {st.kind}", st.pos)
        if st.pattern is not None:
            self.check_pattern(st.pattern, st.pos)
        return OutdatedCheck(st.kind, _text(st.message), st.scope or "artikel",  # type: ignore[arg-type]
                             st.parameter, st.pattern, _loc(st.pos))

    def check_pattern(self, p: Pattern, pos: s.Pos) -> None:
        if isinstance(p, Regex):
            # the check for the engine it will run on: re for the bundled model, regex for the rest
            problem = regex_problem(p.pattern, trusted=p.trusted)
            if problem:
                self.errors.add(f"regex({p.pattern!r}): {problem}", pos)
        elif isinstance(p, AllOf | AnyOf):
            for part in p.parts:
                self.check_pattern(part, pos)
        elif isinstance(p, Not):
            self.check_pattern(p.part, pos)
        elif isinstance(p, Near):
            self.check_pattern(p.left, pos)
            self.check_pattern(p.right, pos)

    def check_templates(self, c: s.ClauseDecl, clause: Clause, extra_terms: Mapping[str, str] | None,
                        bodies: tuple[str, ...] | None) -> None:
        """Every name a template uses must be declared, and every body term it reads must exist."""
        declared = templating.BUILTINS | {p.name for p in clause.parameters}
        targets = self.offices_matching(clause.applies)
        if bodies is not None:
            targets = [(b, o) for b, o in targets if b.id in bodies]
        lid_nodes = [st for st in c.statements if isinstance(st, s.LidSyntax)]
        for lid_node, lid in zip(lid_nodes, clause.leden, strict=True):
            texts: list[tuple[str, s.Pos, Applicability]] = [(lid.text, lid_node.pos, lid.applies)]
            for o_node, o in zip(lid_node.onderdelen or (), lid.onderdelen, strict=True):
                texts.append((o.text, o_node.pos, o.applies))
            if lid.toelichting:
                texts.append((lid.toelichting, lid_node.pos, lid.applies))
            for text, pos, scope in texts:
                problem = templating.template_errors(text)
                if problem:
                    self.errors.add(problem, pos)
                    continue
                for name in sorted(templating.variables(text) - declared):
                    self.errors.add(f"het sjabloon gebruikt '{name}', maar clausule '{clause.id}' declareert "
                                    "geen parameter met die naam", pos)
                names = {lid.name for lid in clause.leden} | {o.name for lid in clause.leden for o in lid.onderdelen}
                for name in sorted(templating.attribute_uses(text, "verwijs") - names):
                    self.errors.add(f"verwijs.{name}: clausule '{clause.id}' heeft geen lid of onderdeel met "
                                    "die naam", pos)
                for name in sorted(templating.attribute_uses(text, "artikel") - self.clause_ids - {clause.id}):
                    self.errors.add(f"artikel.{name}: er is geen clausule met die id", pos)
                used = templating.attribute_uses(text, "lichaam") | templating.attribute_uses(text, "rol")
                for body, office in targets:
                    if not (lid.applies.matches(body.id, office) and scope.matches(body.id, office)):
                        continue
                    known = set(body.terms) | set(extra_terms or {}) | {"naam"}
                    for term in sorted(used - known):
                        self.errors.add(f"het sjabloon gebruikt lichaam.{term}, maar lichaam '{body.id}' "
                                        "kent die term niet", pos)
        for p in clause.parameters:
            if p.default_term is None:
                continue
            for body, _office in targets:
                if p.default_term not in body.terms and p.default_term not in (extra_terms or {}):
                    self.errors.add(f"parameter '{p.name}' neemt term '{p.default_term}', maar lichaam "
                                    f"'{body.id}' kent die term niet", p_pos(c, p.name))
                    break


def p_pos(c: s.ClauseDecl, name: str) -> s.Pos:
    for st in c.statements:
        if isinstance(st, s.ParamSyntax) and st.name == name:
            return st.pos
    return c.pos


def resolve_model(trees: Iterable[s.SyntaxTree]) -> Model:
    """Resolve the model from the syntax trees of all its files (local codes are ignored)."""
    return _ModelResolver(trees).run()


# ---------------------------------------------------------------- local codes


#: Local-code statements of the aanhef and the signing block, and the Code field each fills.
_DETAILS = {"voorstel": "proposed_by", "voorstel_datum": "proposal_date", "voorstel_kenmerk": "proposal_reference",
            "advies": "advice", "naam_voorzitter": "chair_name", "naam_griffier": "clerk_name"}


def _dedupe(errors: list[GedragscodeError]) -> list[GedragscodeError]:
    seen: set[str] = set()
    out = []
    for e in errors:
        key = e.format()
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _hint(given: str, ids: list[str]) -> str:
    """"; bedoelde u geschenken?" for the id nearest to ``given``, or ""."""
    return did_you_mean(given, {fold_name(i): i for i in ids})


def resolve_code(decl: s.CodeDecl, model: Model, *, today: _dt.date | None = None) -> Code:
    """Bind a local code (``gedragscode "..." { ... }``) to ``model``."""
    errors = _Errors()
    title_problem = plain_text_problem(decl.name) if decl.name else None
    if title_problem:
        errors.add(f"de titel {title_problem}", decl.pos)
    body_stmt = next((st for st in decl.statements if isinstance(st, s.CodeStmt) and st.kind == "lichaam"), None)
    if body_stmt is None:
        errors.add("de gedragscode noemt geen lichaam (lichaam gemeente \"Naam\")", decl.pos)
        errors.raise_if_any()
    assert body_stmt is not None
    body = model.body(body_stmt.name)
    if body is None:
        errors.add(f"onbekend lichaam '{body_stmt.name}'" + (_hint(body_stmt.name, [b.id for b in model.bodies])
                   or "; kies uit: " + ", ".join(b.id for b in model.bodies)), body_stmt.pos)
        errors.raise_if_any()
    assert body is not None

    offices: list[Office] = []
    year = (today or _dt.date.today()).year
    terms = dict(body.terms)
    repeals = effective = adopted = ""
    details: dict[str, str] = {}
    omitted: list[tuple[str, s.Pos]] = []
    settings: list[s.CodeStmt] = []
    extra: list[s.ClauseDecl] = []
    seen: set[str] = set()
    once: dict[tuple[str, str], s.Pos] = {}  # zet term / zonder: each name once
    for st in decl.statements:
        if isinstance(st, s.ClauseDecl):
            extra.append(st)
            continue
        if st.kind in seen and st.kind not in ("zet", "zet_term", "zonder"):
            errors.add(f"'{st.kind}' staat twee keer in de gedragscode", st.pos)
        seen.add(st.kind)
        text_problem = code_text_problem(st)  # no bidi overrides, control characters, non-UTF-8
        if text_problem:
            errors.add(text_problem, st.pos)
        if st.kind == "model":
            if model.version and st.text != model.version:
                errors.add(f"de gedragscode vraagt model '{st.text}', maar het geladen model is versie "
                           f"'{model.version}'", st.pos)
        elif st.kind == "ambten":
            for name in st.names:
                office = body.office(name)
                if office is None:
                    hint = did_you_mean(name, {fold_name(f): o.id for o in body.offices
                                               for f in (o.id, o.name, o.plural)})
                    errors.add(f"lichaam '{body.id}' kent geen ambt '{name}'"
                               + (hint or "; kies uit: " + ", ".join(o.id for o in body.offices)), st.pos)
                elif office in offices:
                    errors.add(f"ambt '{name}' staat twee keer in de lijst", st.pos)
                else:
                    offices.append(office)
        elif st.kind == "jaar":
            year = st.number
            if not 1900 <= year <= 2200:
                errors.add(f"jaar {year} is onwaarschijnlijk", st.pos)
        elif st.kind == "zet_term":
            if st.name not in body.terms:
                errors.add(f"lichaam '{body.id}' kent geen term '{st.name}'" + did_you_mean(
                    st.name, {t: t for t in body.terms}), st.pos)
            elif body.term_choices.get(st.name) and st.text not in body.term_choices[st.name]:
                errors.add(f"'{st.text}' is geen keuze voor term {st.name}; kies uit: "
                           + ", ".join(f'"{c}"' for c in body.term_choices[st.name]), st.pos)
            elif (problem := templating.template_errors(st.text)) is not None:
                errors.add(f"term '{st.name}': {problem}", st.pos)  # a local term is a bounded template
                continue
            if ("term", st.name) in once:
                errors.add(f"zet term {st.name} staat twee keer in de gedragscode (ook op regel "
                           f"{once[('term', st.name)].line}); laat er één staan", st.pos)
            once.setdefault(("term", st.name), st.pos)
            terms[st.name] = st.text
        elif st.kind == "zet":
            settings.append(st)
        elif st.kind == "zonder":
            for n in st.names:
                if ("zonder", n) in once:
                    errors.add(f"zonder {n} staat twee keer in de gedragscode (ook op regel "
                               f"{once[('zonder', n)].line})", st.pos)
                once.setdefault(("zonder", n), st.pos)
            omitted.extend((n, st.pos) for n in st.names)
        elif st.kind == "intrekking":
            repeals = st.text
        elif st.kind == "inwerkingtreding":
            effective = st.text
        elif st.kind == "vastgesteld":
            adopted = st.text
        elif st.kind in _DETAILS:
            details[_DETAILS[st.kind]] = st.text
    if not offices and "ambten" not in seen:
        errors.add("de gedragscode noemt geen ambten (ambten raadslid, ...)", decl.pos)
    if not offices:
        errors.raise_if_any()

    # "gemeente Almelo" is the gemeente Almelo: the kind word is not part of the place name
    place = templating.bare_name(body_stmt.text, body.terms.get("soortwoord", "")) \
        if body.terms.get("soortwoord") else body_stmt.text

    # offices with the names this code gives them (a waterschap that calls its chair "dijkgraaf")
    from gedragscode.render.terms import bound_office

    try:
        office_tuple = tuple(bound_office(o, terms, body.terms, place) for o in offices)
    except GedragscodeError as exc:
        errors.items.append(exc)
        office_tuple = tuple(offices)
    clauses = list(model.applicable_clauses(body.id, office_tuple))
    ids = {c.id for c in model.clauses}

    # clauses the griffie adds
    resolver = _ModelResolver([])
    resolver.bodies = {b.id: b for b in model.bodies}
    resolver.office_ids = {o.id for b in model.bodies for o in b.offices}
    resolver.chapters = {c.id: c for c in model.chapters}
    resolver.editions = {v.id for v in model.versions} | {""}
    resolver.clause_ids = {c.id for c in model.clauses} | {c.id for c in extra}
    for c in extra:
        if c.id in ids:
            errors.add(f"clausule '{c.id}' bestaat al in het model; kies een andere id", c.pos)
            continue
        clause = resolver.clause(c, extra_terms=terms, bodies=(body.id,))
        if clause is not None:
            clauses.append(clause)
            ids.add(c.id)
    errors.items.extend(resolver.errors.items)

    # omissions
    for name, pos in omitted:
        found = next((c for c in clauses if c.id == name), None)
        if found is None:
            if model.clause(name) is None:
                errors.add(f"onbekende clausule '{name}'" + _hint(name, [c.id for c in clauses]), pos)
            else:
                errors.add(f"clausule '{name}' geldt niet voor deze ambten; weglaten is niet nodig", pos)
        elif found.level_for(body.id) is Level.WETTELIJK:
            errors.add(f"clausule '{name}' is wettelijk verplicht en kan niet worden weggelaten", pos)
        elif found.structural:
            errors.add(f"clausule '{name}' hoort bij de opbouw van de regeling ({found.title.lower()}) en kan "
                       "niet worden weggelaten", pos)
    omitted_ids = {n for n, _ in omitted}
    clauses = [c for c in clauses if c.id not in omitted_ids]

    # parameter values: defaults (terms per body, filled in), then local settings
    from gedragscode.render.terms import resolve_terms

    try:
        words = resolve_terms(terms, place)
    except GedragscodeError as exc:
        errors.items.append(exc)
        words = dict(terms)
    values: dict[str, dict[str, Value]] = {}
    chosen: set[str] = set()
    office_values: dict[str, dict[str, dict[str, Value]]] = {}
    set_at: dict[tuple[str, str, str], s.Pos] = {}
    for cl in clauses:
        vals: dict[str, Value] = {}
        for p in cl.parameters:
            vals[p.name] = words.get(p.default_term, "") if p.default_term else p.default
        values[cl.id] = vals
    for st in settings:
        key = (st.name, st.param, getattr(st, "office", ""))
        if key in set_at:
            errors.add(f"zet {st.name}.{st.param} staat twee keer in de gedragscode (ook op regel "
                       f"{set_at[key].line}); laat er één staan", st.pos)
            continue
        set_at[key] = st.pos
        clause_obj = next((c for c in clauses if c.id == st.name), None)
        if clause_obj is None:
            if st.name in omitted_ids:
                errors.add(f"clausule '{st.name}' is weggelaten; een parameter zetten heeft geen zin", st.pos)
            elif model.clause(st.name) is None:
                errors.add(f"onbekende clausule '{st.name}'" + _hint(st.name, [c.id for c in clauses]), st.pos)
            else:
                errors.add(f"clausule '{st.name}' geldt niet voor de ambten van deze gedragscode", st.pos)
            continue
        param = clause_obj.parameter(st.param)
        if param is None:
            known = ", ".join(p.name for p in clause_obj.parameters) or "geen"
            errors.add(f"clausule '{st.name}' heeft geen parameter '{st.param}' (wel: {known})"
                       + _hint(st.param, [p.name for p in clause_obj.parameters]), st.pos)
            continue
        assert st.value is not None
        if isinstance(st.value, s.TermRef):
            if st.value.name not in terms:
                errors.add(f"onbekende term '{st.value.name}'", st.pos)
                continue
            if st.value.name == param.default_term and not st.office:
                continue  # the default itself: the term as each office sees it
            value: Value = words[st.value.name]
        elif param.type is ParamType.BEDRAG and type(st.value) is int:
            value = Money(Decimal(st.value))  # "zet geschenken.grens = 75" means € 75, as --set does
        else:
            value = st.value
        problem = check_value(param, value)
        if problem:
            errors.add(problem, st.pos)
            continue
        if st.office:
            office = body.office(st.office)
            if office is None or office not in office_tuple:
                errors.add(f"ambt '{st.office}' staat niet in deze gedragscode; kies uit: "
                           + ", ".join(o.id for o in office_tuple), st.pos)
            elif not clause_obj.applies.matches(body.id, office):
                errors.add(f"clausule '{st.name}' geldt niet voor ambt '{st.office}'", st.pos)
            else:
                office_values.setdefault(st.name, {}).setdefault(st.param, {})[st.office] = value
                set_at[(st.name, st.param, st.office)] = st.pos
            continue
        values[st.name][st.param] = value
        chosen.add(f"{st.name}.{st.param}")
        set_at[(st.name, st.param, "")] = st.pos
    errors.items = _dedupe(errors.items)
    errors.raise_if_any()

    code = Code(
        model=model, name=decl.name or default_code_name(body, office_tuple, place, year, terms), body=body,
        offices=office_tuple, place=place, year=year,
        terms=MappingProxyType(terms),
        values=MappingProxyType({k: MappingProxyType(v) for k, v in values.items()}),
        clauses=tuple(clauses), omitted=tuple(sorted(omitted_ids)), repeals=repeals, effective=effective,
        adopted=adopted, location=_loc(decl.pos), chosen=frozenset(chosen),
        office_values=MappingProxyType({c: MappingProxyType({p: MappingProxyType(o) for p, o in ps.items()})
                                        for c, ps in office_values.items()}),
        **details,
    )
    _check_receivers(code, set_at, errors, decl.pos)
    errors.raise_if_any()
    return code


def _check_receivers(code: Code, set_at: Mapping[tuple[str, str, str], s.Pos], errors: _Errors,
                     default_pos: s.Pos) -> None:
    """A receiver never resolves to the addressee itself ("de burgemeester meldt ... bij de burgemeester")."""
    from gedragscode.render.terms import self_references

    try:
        found = self_references(code)
    except GedragscodeError as exc:
        errors.items.append(exc)
        return
    for clause, param, office, value in found:
        pos = (set_at.get((clause.id, param.name, office.id)) or set_at.get((clause.id, param.name, ""))
               or default_pos)
        errors.add(f"{clause.id}.{param.name} is voor {office.terms.get('lidwoord', 'de')} {office.name} "
                   f"'{value}': dat is de ambtsdrager zelf; kies voor dit ambt een ander "
                   f"(zet {clause.id}.{param.name} voor {office.id} = \"...\", of op de opdrachtregel "
                   f"--set {clause.id}.{param.name}@{office.id}=...)", pos)


# ---------------------------------------------------------------- values typed on the command line


def coerce_value(param: Parameter, raw: str) -> Value:
    """Read a value typed by a user (``--set geschenken.grens=75``) as ``param``'s type."""
    text = raw.strip()
    if param.type is ParamType.BEDRAG:
        m = re.fullmatch(r"(?:€|eur(?:o)?)?\s*(\d+)(?:[,.](\d{1,2}))?\s*(?:€|eur(?:o)?)?", text, flags=re.I)
        if not m:
            raise ModelError(f"'{raw}' is geen bedrag voor {param.name} (bijvoorbeeld 50 of 50,00)")
        from decimal import Decimal

        value: Value = Money(Decimal(m.group(1) + ("." + m.group(2) if m.group(2) else "")))
    elif param.type is ParamType.TERMIJN:
        m = re.fullmatch(r"(\d+|[^\W\d_]+)\s*(dagen|dag|weken|week|maanden|maand|jaar)", text, flags=re.I)
        count = (int(m.group(1)) if m.group(1).isdigit() else number_from_word(m.group(1))) if m else None
        if not m or count is None:
            raise ModelError(f"'{raw}' is geen termijn voor {param.name} (bijvoorbeeld '1 week', 'twee weken' of "
                             "'14 dagen')")
        unit = {"dagen": "dag", "weken": "week", "maanden": "maand"}.get(m.group(2).lower(), m.group(2).lower())
        value = Duration(count, unit)  # type: ignore[arg-type]
    elif param.type is ParamType.JANEE:
        if text.lower() not in ("ja", "nee"):
            raise ModelError(f"'{raw}' is geen ja of nee voor {param.name}")
        value = text.lower() == "ja"
    elif param.type is ParamType.GETAL:
        if not re.fullmatch(r"\d+", text):
            raise ModelError(f"'{raw}' is geen geheel getal voor {param.name}")
        value = int(text)
    else:
        value = text
    problem = check_value(param, value)
    if problem:
        raise ModelError(problem)
    return value


def default_code_name(body: Body, offices: tuple[Office, ...], place: str, year: int,
                      terms: Mapping[str, str] | None = None) -> str:
    """"Gedragscode integriteit raadsleden gemeente Almelo 2026" and the like (``terms``: the code's own words)."""
    from gedragscode.render.terms import resolve_terms

    who = templating.join_words([o.plural for o in offices])
    words = resolve_terms(terms if terms is not None else body.terms, place)
    where = words.get("naam_titel") or words.get("naam_vol", place)
    return f"Gedragscode integriteit {who} {where} {year}"


def bind_code(model: Model, body: str, offices: Sequence[str], place: str, *, year: int | None = None,
              settings: Mapping[str, str] | None = None, omit: Sequence[str] = (), name: str | None = None,
              repeals: str = "", effective: str = "", adopted: str = "", proposed_by: str = "",
              proposal_date: str = "", proposal_reference: str = "", advice: str = "", chair_name: str = "",
              clerk_name: str = "") -> Code:
    """Bind ``model`` to one body and offices from plain arguments (what ``make_code`` does).

    ``settings`` maps ``"clause.parameter"`` (or ``"term.name"``, or ``"clause.parameter@office"``
    for one office) to a value as a user types it ("75", "2 weken", "ja", "de griffier"); it is
    read as the parameter's type. The other texts fill the aanhef (who proposed the code, the
    date and reference of the proposal, whose advice was heard), the signing block (adoption
    date, the names under the signatures) and the slotbepalingen (repealed code, entry into force).
    """
    year = year or _dt.date.today().year
    b = model.body(body)
    if b is None:
        raise ModelError(f"onbekend lichaam '{body}'; kies uit: " + ", ".join(x.id for x in model.bodies))
    resolved_offices = []
    for o in offices:
        office = b.office(o)
        if office is None:
            raise ModelError(f"lichaam '{body}' kent geen ambt '{o}'; kies uit: "
                             + ", ".join(x.id for x in b.offices))
        resolved_offices.append(office)
    if not resolved_offices:
        raise ModelError("geef ten minste één ambt op")
    stmts: list[s.CodeStmt | s.ClauseDecl] = [
        s.CodeStmt("lichaam", name=body, text=place),
        s.CodeStmt("ambten", names=tuple(offices)),
        s.CodeStmt("jaar", number=year),
    ]
    if omit:
        stmts.append(s.CodeStmt("zonder", names=tuple(omit)))
    for key, raw in (settings or {}).items():
        key, _, for_office = key.partition("@")
        clause_id, _, param_name = key.partition(".")
        if not param_name:
            raise ModelError(f"'{key}' heeft de vorm clausule.parameter nodig (bijvoorbeeld geschenken.grens)")
        if clause_id == "term":
            if param_name not in b.terms:
                raise ModelError(f"lichaam '{body}' kent geen term '{param_name}'")
            stmts.append(s.CodeStmt("zet_term", name=param_name, text=raw))
            continue
        clause = model.clause(clause_id)
        if clause is None:
            raise ModelError(f"onbekende clausule '{clause_id}'")
        param = clause.parameter(param_name)
        if param is None:
            known = ", ".join(p.name for p in clause.parameters) or "geen"
            raise ModelError(f"clausule '{clause_id}' heeft geen parameter '{param_name}' (wel: {known})")
        stmts.append(s.CodeStmt("zet", name=clause_id, param=param_name, value=coerce_value(param, raw),
                                office=for_office.strip()))
    for kind, text in (("intrekking", repeals), ("inwerkingtreding", effective), ("vastgesteld", adopted),
                       ("voorstel", proposed_by), ("voorstel_datum", proposal_date),
                       ("voorstel_kenmerk", proposal_reference), ("advies", advice),
                       ("naam_voorzitter", chair_name), ("naam_griffier", clerk_name)):
        if text.strip():
            stmts.append(s.CodeStmt(kind, text=text.strip()))
    try:  # no name: resolve_code gives the default one, with the offices named as the code names them
        return resolve_code(s.CodeDecl(name or "", tuple(stmts)), model)
    except ErrorGroup as group:
        raise ModelError("; ".join(e.message for e in group.errors)) from None
    except GedragscodeError as exc:
        raise ModelError(exc.message) from None
