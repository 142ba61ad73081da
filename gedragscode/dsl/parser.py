"""Parse DSL text into a :class:`~gedragscode.dsl.syntax.SyntaxTree`.

The grammar lives in ``grammars/gedragscode.lark`` (installed as the package
``gedragscode.grammars``) and is read through :mod:`importlib.resources`. Syntax
errors become :class:`~gedragscode.errors.DslSyntaxError` with file, line, column, the
source line with a caret, and a Dutch description of what was expected.
"""

from __future__ import annotations

import re
import threading
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from typing import Any, cast

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from gedragscode.dsl import syntax as s
from gedragscode.dsl.bounds import bounded_int, check_depth, too_deep
from gedragscode.errors import DslSyntaxError, Location
from gedragscode.model import (
    AllOf,
    AnyOf,
    Duration,
    Lemma,
    Money,
    Near,
    Not,
    Pattern,
    Phrase,
    Regex,
    Stem,
    Word,
    number_from_word,
)

GRAMMAR_FILE = "gedragscode.lark"


@lru_cache(maxsize=1)
def grammar_text() -> str:
    """The Lark grammar, read from the installed package data."""
    return files("gedragscode.grammars").joinpath(GRAMMAR_FILE).read_text(encoding="utf-8")


class _CommentSink(threading.local):
    """Per-thread list that the lexer callback appends comments to."""

    def __init__(self) -> None:
        self.tokens: list[Token] = []


_COMMENTS = _CommentSink()


def _collect_comment(tok: Token) -> Token:
    _COMMENTS.tokens.append(tok)
    return tok


@lru_cache(maxsize=1)
def _lark() -> Lark:
    # Comments are %ignore'd by the grammar; this callback keeps them for the formatter.
    return Lark(grammar_text(), parser="lalr", lexer="contextual", propagate_positions=True,
                maybe_placeholders=False, lexer_callbacks={"COMMENT": _collect_comment})


# ---------------------------------------------------------------- strings


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def decode_string(raw: str) -> str:
    """Turn a STRING or LONG_STRING token into its value."""
    body = raw[3:-3] if raw.startswith('"""') else raw[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body, flags=re.S)


def _unit(word: str) -> str:
    return {"dagen": "dag", "weken": "week", "maanden": "maand"}.get(word, word)


# ---------------------------------------------------------------- transformer


class _Check(str):
    """The reason of a ``controleer "..."`` marker while the transformer runs."""


class _Explanation(str):
    """The toelichting inside a lid's block while the transformer runs."""


class _Heading(str):
    """The title after ``kop`` (a lid that starts a new article) while the transformer runs."""


class _Label(str):
    """The name of a lid or onderdeel (``lid NAME ...``) while the transformer runs."""


def _check(children: list[Any]) -> str | None:
    """The reason of the ``controleer`` marker among ``children``, if any."""
    found = [x for x in children if isinstance(x, _Check)]
    return str(found[-1]) if found else None


def _pos(meta: Any, filename: str) -> s.Pos:
    if getattr(meta, "empty", True):
        return s.NOPOS
    return s.Pos(filename, meta.line, meta.column, meta.end_line, meta.end_column)


class _ToSyntax(Transformer[Token, Any]):
    def __init__(self, filename: str, trusted: bool = False) -> None:
        super().__init__(visit_tokens=True)
        self.filename = filename
        self.trusted = trusted

    # tokens
    def STRING(self, tok: Token) -> str:
        return decode_string(str(tok))

    def LONG_STRING(self, tok: Token) -> str:
        return decode_string(str(tok))

    def NAME(self, tok: Token) -> str:
        return str(tok)

    def WORD(self, tok: Token) -> str:
        return str(tok)

    def INT(self, tok: Token) -> int:
        return bounded_int(tok, self.filename)

    def AMOUNT(self, tok: Token) -> Decimal:
        return Decimal(str(tok).replace(",", "."))

    def UNIT(self, tok: Token) -> str:
        return _unit(str(tok))

    def BOOL(self, tok: Token) -> bool:
        return str(tok) == "ja"

    def LEVEL(self, tok: Token) -> str:
        return str(tok)

    def SCOPE(self, tok: Token) -> str:
        return str(tok)

    def P(self, meta: Any) -> s.Pos:
        return _pos(meta, self.filename)

    # structure
    def start(self, items: list[Any]) -> list[Any]:
        return items

    @v_args(meta=True)
    def header(self, meta: Any, children: list[Any]) -> s.Header:
        title, *stmts = children
        fields: dict[str, str] = {}
        editions: list[s.Edition] = []
        for key, value in stmts:
            if key == "uitgave":
                editions.append(value)
            else:
                fields[key] = value
        return s.Header(title, fields.get("versie", ""), fields.get("datum", ""), fields.get("bron", ""),
                        tuple(editions), pos=self.P(meta))

    def h_version(self, c: list[Any]) -> tuple[str, str]:
        return ("versie", c[0])

    def h_date(self, c: list[Any]) -> tuple[str, str]:
        return ("datum", c[0])

    def h_source(self, c: list[Any]) -> tuple[str, str]:
        return ("bron", c[0])

    @v_args(meta=True)
    def h_edition(self, meta: Any, c: list[Any]) -> tuple[str, s.Edition]:
        return ("uitgave", s.Edition(c[0], c[1], pos=self.P(meta)))

    @v_args(meta=True)
    def chapter(self, meta: Any, c: list[Any]) -> s.ChapterDecl:
        return s.ChapterDecl(c[0], c[1], pos=self.P(meta))

    @v_args(meta=True)
    def term(self, meta: Any, c: list[Any]) -> s.TermDecl:
        choices = next((x for x in c[2:] if isinstance(x, tuple)), ())
        return s.TermDecl(c[0], c[1], _check(c[2:]), tuple(choices), pos=self.P(meta))

    def term_choices(self, c: list[Any]) -> tuple[str, ...]:
        return tuple(c)

    def check(self, c: list[Any]) -> _Check:
        return _Check(c[0])

    @v_args(meta=True)
    def body(self, meta: Any, c: list[Any]) -> s.BodyDecl:
        ident, name, *stmts = c
        terms = tuple(x for x in stmts if isinstance(x, s.TermDecl))
        offices = tuple(x for x in stmts if isinstance(x, s.OfficeDecl))
        recognisers = tuple(x[1] for x in stmts if isinstance(x, tuple) and x[0] == "herken")
        groups = tuple(x for x in stmts if isinstance(x, s.GroupDecl))
        return s.BodyDecl(ident, name, terms, offices, recognisers, groups, pos=self.P(meta))

    @v_args(meta=True)
    def group(self, meta: Any, c: list[Any]) -> s.GroupDecl:
        return s.GroupDecl(c[0], c[1], c[2], c[3], pos=self.P(meta))

    @v_args(meta=True)
    def b_recognise(self, meta: Any, c: list[Any]) -> tuple[str, s.PatternStmt]:
        return ("herken", s.PatternStmt(c[0], pos=self.P(meta)))

    @v_args(meta=True)
    def office(self, meta: Any, c: list[Any]) -> s.OfficeDecl:
        ident, name, *stmts = c
        fields: dict[str, Any] = {}
        terms: list[s.TermDecl] = []
        recognisers: dict[str, list[s.PatternStmt]] = {"herken": [], "herken_algemeen": []}
        for st in stmts:
            if isinstance(st, s.TermDecl):
                terms.append(st)
            elif st[0] in recognisers:
                recognisers[st[0]].append(st[1])
            else:
                fields[st[0]] = st[1]
        basis, basis_check = fields.get("grondslag", ("", None))
        return s.OfficeDecl(ident, name, fields.get("meervoud", ""), fields.get("categorie", ""),
                            basis, fields.get("wettelijk"), tuple(terms),
                            tuple(recognisers["herken"]), tuple(recognisers["herken_algemeen"]),
                            basis_check, pos=self.P(meta))

    @v_args(meta=True)
    def o_recognise(self, meta: Any, c: list[Any]) -> tuple[str, Any]:
        return ("herken", s.PatternStmt(c[0], pos=self.P(meta)))

    @v_args(meta=True)
    def o_recognise_general(self, meta: Any, c: list[Any]) -> tuple[str, Any]:
        return ("herken_algemeen", s.PatternStmt(c[0], pos=self.P(meta)))

    def o_plural(self, c: list[Any]) -> tuple[str, Any]:
        return ("meervoud", c[0])

    def o_category(self, c: list[Any]) -> tuple[str, Any]:
        return ("categorie", c[0])

    def o_basis(self, c: list[Any]) -> tuple[str, Any]:
        return ("grondslag", (c[0], _check(c[1:])))

    def o_statutory(self, c: list[Any]) -> tuple[str, Any]:
        return ("wettelijk", c[0])

    # clauses
    @v_args(meta=True)
    def clause(self, meta: Any, c: list[Any]) -> s.ClauseDecl:
        ident, title, *stmts = c
        check = _check(stmts[:1])
        if check is not None:
            stmts = stmts[1:]
        return s.ClauseDecl(ident, title, tuple(stmts), check=check, pos=self.P(meta))

    def _simple(self, key: str, meta: Any, c: list[Any]) -> s.SimpleStmt:
        return s.SimpleStmt(key, c[0], pos=self.P(meta))

    @v_args(meta=True)
    def c_chapter(self, meta: Any, c: list[Any]) -> s.SimpleStmt:
        return self._simple("hoofdstuk", meta, c)

    @v_args(meta=True)
    def c_form(self, meta: Any, c: list[Any]) -> s.SimpleStmt:
        return self._simple("vorm", meta, c)

    @v_args(meta=True)
    def c_since(self, meta: Any, c: list[Any]) -> s.SimpleStmt:
        return self._simple("sinds", meta, c)

    @v_args(meta=True)
    def c_changed(self, meta: Any, c: list[Any]) -> s.SimpleStmt:
        return self._simple("gewijzigd", meta, c)

    @v_args(meta=True)
    def c_explanation(self, meta: Any, c: list[Any]) -> s.SimpleStmt:
        return self._simple("toelichting", meta, c)

    @v_args(meta=True)
    def c_example(self, meta: Any, c: list[Any]) -> s.SimpleStmt:
        return self._simple("voorbeeld", meta, c)

    @v_args(meta=True)
    def c_counterexample(self, meta: Any, c: list[Any]) -> s.SimpleStmt:
        return self._simple("tegenvoorbeeld", meta, c)

    @v_args(meta=True)
    def c_structural(self, meta: Any, c: list[Any]) -> s.SimpleStmt:
        return s.SimpleStmt("structureel", "", pos=self.P(meta))

    @v_args(meta=True)
    def applies(self, meta: Any, c: list[Any]) -> s.AppliesSyntax:
        selectors = c[0]
        within = c[1] if len(c) > 1 else ()
        return s.AppliesSyntax(selectors, within, pos=self.P(meta))

    def selectors(self, c: list[Any]) -> tuple[s.SelectorSyntax, ...]:
        return tuple(c)

    @v_args(meta=True)
    def sel_all(self, meta: Any, c: list[Any]) -> s.SelectorSyntax:
        return s.SelectorSyntax("*", pos=self.P(meta))

    @v_args(meta=True)
    def sel_name(self, meta: Any, c: list[Any]) -> s.SelectorSyntax:
        return s.SelectorSyntax(c[0], pos=self.P(meta))

    @v_args(meta=True)
    def sel_qualified(self, meta: Any, c: list[Any]) -> s.SelectorSyntax:
        return s.SelectorSyntax(c[1], c[0], pos=self.P(meta))

    def within(self, c: list[Any]) -> tuple[str, ...]:
        return tuple(c)

    @v_args(meta=True)
    def level(self, meta: Any, c: list[Any]) -> s.LevelSyntax:
        return s.LevelSyntax(c[0], c[1] if len(c) > 1 else (), pos=self.P(meta))

    @v_args(meta=True)
    def law(self, meta: Any, c: list[Any]) -> s.LawSyntax:
        check = _check(c)
        c = [x for x in c if not isinstance(x, _Check)]
        name = c[0]
        body = office = None
        if len(c) == 3:
            body, office = c[1]
        return s.LawSyntax(name, c[-1], body, office, check, pos=self.P(meta))

    def law_target(self, c: list[Any]) -> tuple[str, str | None]:
        return (c[0], c[1] if len(c) > 1 else None)

    @v_args(meta=True)
    def parameter(self, meta: Any, c: list[Any]) -> s.ParamSyntax:
        name, (ptype, choices), default, *rest = c
        minimum = maximum = None
        description = None
        check = _check(rest)
        for r in rest:
            if isinstance(r, tuple):
                minimum, maximum = r
            elif not isinstance(r, _Check):
                description = r
        return s.ParamSyntax(name, ptype, default, choices, minimum, maximum, description, check,
                             pos=self.P(meta))

    def t_money(self, c: list[Any]) -> tuple[str, tuple[str, ...]]:
        return ("bedrag", ())

    def t_duration(self, c: list[Any]) -> tuple[str, tuple[str, ...]]:
        return ("termijn", ())

    def t_text(self, c: list[Any]) -> tuple[str, tuple[str, ...]]:
        return ("tekst", ())

    def t_bool(self, c: list[Any]) -> tuple[str, tuple[str, ...]]:
        return ("janee", ())

    def t_int(self, c: list[Any]) -> tuple[str, tuple[str, ...]]:
        return ("getal", ())

    def t_choice(self, c: list[Any]) -> tuple[str, tuple[str, ...]]:
        return ("keuze", tuple(c))

    def bounds(self, c: list[Any]) -> tuple[Any, Any]:
        return (c[0], c[1])

    @v_args(meta=True)
    def lid(self, meta: Any, c: list[Any]) -> s.LidSyntax:
        scope = None
        onderdelen = None
        text = ""
        name = None
        heading = None
        for x in c:
            if isinstance(x, s.AppliesSyntax):
                scope = x
            elif isinstance(x, _Check):
                continue
            elif isinstance(x, _Label):
                name = str(x)
            elif isinstance(x, _Heading):
                heading = str(x)
            elif isinstance(x, str):
                text = x
            else:
                onderdelen = x
        explanation = None
        if onderdelen is not None:
            explanations = [x for x in onderdelen if isinstance(x, _Explanation)]
            explanation = str(explanations[-1]) if explanations else None
            onderdelen = tuple(x for x in onderdelen if not isinstance(x, _Explanation))
        return s.LidSyntax(text, scope, onderdelen, _check(c), name, explanation, heading, pos=self.P(meta))

    def heading(self, c: list[Any]) -> _Heading:
        return _Heading(c[0])

    def lid_explanation(self, c: list[Any]) -> _Explanation:
        return _Explanation(c[0])

    def label(self, c: list[Any]) -> _Label:
        return _Label(c[0])

    def lid_block(self, c: list[Any]) -> tuple[s.OnderdeelSyntax, ...]:
        return tuple(c)

    @v_args(meta=True)
    def onderdeel(self, meta: Any, c: list[Any]) -> s.OnderdeelSyntax:
        check = _check(c)
        name = next((str(x) for x in c if isinstance(x, _Label)), None)
        c = [x for x in c if not isinstance(x, _Check | _Label)]
        scope = c[0] if len(c) > 1 else None
        return s.OnderdeelSyntax(c[-1], scope, check, name, pos=self.P(meta))

    @v_args(meta=True)
    def scope_for(self, meta: Any, c: list[Any]) -> s.AppliesSyntax:
        return s.AppliesSyntax(c[0], c[1] if len(c) > 1 else (), pos=self.P(meta))

    # recognisers
    @v_args(meta=True)
    def recogniser(self, meta: Any, c: list[Any]) -> s.RecogniserSyntax:
        return s.RecogniserSyntax(c[0], c[1], pos=self.P(meta))

    @v_args(meta=True)
    def outdated(self, meta: Any, c: list[Any]) -> s.OutdatedSyntax:
        (kind, arg), *rest = c
        scope = rest[0] if len(rest) == 2 else None
        message = rest[-1]
        if kind in ("bedrag", "termijn"):
            return s.OutdatedSyntax(kind, message, parameter=arg, scope=scope, pos=self.P(meta))
        return s.OutdatedSyntax(kind, message, pattern=arg, scope=scope, pos=self.P(meta))

    def cond_money(self, c: list[Any]) -> tuple[str, Any]:
        return ("bedrag", c[0])

    def cond_duration(self, c: list[Any]) -> tuple[str, Any]:
        return ("termijn", c[0])

    def cond_missing(self, c: list[Any]) -> tuple[str, Any]:
        return ("ontbreekt", c[0])

    def cond_contains(self, c: list[Any]) -> tuple[str, Any]:
        return ("bevat", c[0])

    def p_or(self, c: list[Any]) -> Pattern:
        return AnyOf(tuple(c))

    def p_and(self, c: list[Any]) -> Pattern:
        return AllOf(tuple(c))

    def p_negate(self, c: list[Any]) -> Pattern:
        return Not(c[0])

    def p_stem(self, c: list[Any]) -> Pattern:
        return Stem(tuple(c[0]))

    def p_word(self, c: list[Any]) -> Pattern:
        return Word(tuple(c[0]))

    def p_lemma(self, c: list[Any]) -> Pattern:
        return Lemma(tuple(c[0]))

    def p_phrase(self, c: list[Any]) -> Pattern:
        return Phrase(tuple(c))

    def p_regex(self, c: list[Any]) -> Pattern:
        return Regex(c[0], trusted=self.trusted)

    def p_near(self, c: list[Any]) -> Pattern:
        return Near(c[0], c[1], c[2])

    def word_list(self, c: list[Any]) -> tuple[str, ...]:
        return tuple(c)

    # local codes
    @v_args(meta=True)
    def code(self, meta: Any, c: list[Any]) -> s.CodeDecl:
        return s.CodeDecl(c[0], tuple(c[1:]), pos=self.P(meta))

    @v_args(meta=True)
    def k_model(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("model", text=c[0], pos=self.P(meta))

    @v_args(meta=True)
    def k_body(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("lichaam", name=c[0], text=c[1], pos=self.P(meta))

    @v_args(meta=True)
    def k_offices(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("ambten", names=tuple(c), pos=self.P(meta))

    @v_args(meta=True)
    def k_year(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("jaar", number=c[0], pos=self.P(meta))

    @v_args(meta=True)
    def k_set(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        office = c[2] if len(c) == 4 else ""
        return s.CodeStmt("zet", name=c[0], param=c[1], value=c[-1], office=office, pos=self.P(meta))

    @v_args(meta=True)
    def k_set_term(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("zet_term", name=c[0], text=c[1], pos=self.P(meta))

    @v_args(meta=True)
    def k_omit(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("zonder", names=tuple(c), pos=self.P(meta))

    @v_args(meta=True)
    def k_repeals(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("intrekking", text=c[0], pos=self.P(meta))

    @v_args(meta=True)
    def k_effective(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("inwerkingtreding", text=c[0], pos=self.P(meta))

    @v_args(meta=True)
    def k_adopted(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("vastgesteld", text=c[0], pos=self.P(meta))

    @v_args(meta=True)
    def k_proposal(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("voorstel", text=c[0], pos=self.P(meta))

    @v_args(meta=True)
    def k_proposal_date(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("voorstel_datum", text=c[0], pos=self.P(meta))

    @v_args(meta=True)
    def k_proposal_ref(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("voorstel_kenmerk", text=c[0], pos=self.P(meta))

    @v_args(meta=True)
    def k_advice(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("advies", text=c[0], pos=self.P(meta))

    @v_args(meta=True)
    def k_chair_name(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("naam_voorzitter", text=c[0], pos=self.P(meta))

    @v_args(meta=True)
    def k_clerk_name(self, meta: Any, c: list[Any]) -> s.CodeStmt:
        return s.CodeStmt("naam_griffier", text=c[0], pos=self.P(meta))

    # values
    def money(self, c: list[Any]) -> Money:
        return Money(c[-1])

    @v_args(meta=True)
    def duration(self, meta: Any, c: list[Any]) -> Duration:
        count = c[0]
        if isinstance(count, Token):  # a number word: "twee weken"
            number = number_from_word(str(count))
            if number is None:
                plural = {"dag": "dagen", "week": "weken", "maand": "maanden"}.get(c[1], c[1])
                raise DslSyntaxError(f"'{count}' is geen getal dat ik ken; schrijf het in cijfers, bijvoorbeeld "
                                     f"'2 {plural}'",
                                     Location(self.filename, count.line or 0, count.column or 0))
            count = number
        return Duration(count, c[1])

    def v_bool(self, c: list[Any]) -> bool:
        return bool(c[0])

    def v_int(self, c: list[Any]) -> int:
        return int(c[0])

    def v_term(self, c: list[Any]) -> s.TermRef:
        return s.TermRef(c[0])


# ---------------------------------------------------------------- comments


def _attach_comments(tree: s.SyntaxTree, comments: list[Token], text: str = "") -> s.SyntaxTree:
    """Attach each comment to the statement that follows it (or ends on its line).

    A comment on a line of its own keeps a blank line above or below it: recorded as an empty
    comment ``""``, which the formatter prints as one empty line.
    """
    from dataclasses import replace

    pending = sorted(comments, key=lambda t: (t.line or 0, t.column or 0))
    lines = text.split("\n")

    first = next((i for i, ln in enumerate(lines) if ln.strip()), 0)  # blank lines at the top do not count

    def after_blank(tok: Token) -> bool:
        n = tok.line or 0
        return (first + 1 < n <= len(lines) and not lines[n - 2].strip()
                and not lines[n - 1][: max((tok.column or 1) - 1, 0)].strip())

    def after_blank_line_ok(tok: Token) -> bool:
        return not lines[(tok.line or 1) - 1][: max((tok.column or 1) - 1, 0)].strip()

    def take_before(line: int) -> tuple[str, ...]:
        out: list[str] = []
        while pending and (pending[0].line or 0) < line:
            tok = pending.pop(0)
            if after_blank(tok) and (not out or out[-1] != ""):
                out.append("")
            out.append(str(tok).rstrip())
            n = tok.line or 0
            if 0 < n < len(lines) and not lines[n].strip() and after_blank_line_ok(tok):
                out.append("")  # ... and a blank line below it, before what follows
        return tuple(out)

    def take_on_line(line: int) -> tuple[str, ...]:
        out = []
        while pending and (pending[0].line or 0) == line:
            out.append(str(pending.pop(0)).rstrip())
        return tuple(out)

    def walk(node: Any) -> Any:
        if not isinstance(node, s.Node):
            return node
        lead = take_before(node.pos.line) if node.pos.line else ()
        changes: dict[str, Any] = {}
        # children of every kind, walked in source order so that each takes the comments above it
        children: list[tuple[int, str, int, s.Node]] = []
        for name in ("items", "statements", "terms", "offices", "editions", "recognisers", "general_recognisers",
                     "groups"):
            group = getattr(node, name, None)
            if isinstance(group, tuple) and group and isinstance(group[0], s.Node):
                changes[name] = list(group)
                children.extend((ch.pos.line, name, i, ch) for i, ch in enumerate(group))
        for _line, name, i, child in sorted(children, key=lambda t: (t[0], t[3].pos.column)):
            changes[name][i] = walk(child)
        changes = {name: tuple(group) for name, group in changes.items()}
        # a block's trailing comments (before its closing brace) stay with its last statement
        tail = take_before(node.pos.end_line) if node.pos.end_line and changes else ()
        own_line = take_on_line(node.pos.end_line) if node.pos.end_line and not changes else ()
        return replace(node, comments=lead + own_line + tail, **changes)

    items = tuple(walk(i) for i in tree.items)
    rest = tuple(str(t).rstrip() for t in pending)
    return replace(tree, items=items, trailing_comments=rest)


# ---------------------------------------------------------------- errors

_EXPECTED_NL = {
    "NAME": "een naam (kleine letters, cijfers en _)",
    "STRING": "een tekst tussen aanhalingstekens",
    "LONG_STRING": "een tekst tussen aanhalingstekens",
    "WORD": "een woord of woordstam",
    "INT": "een geheel getal",
    "AMOUNT": "een bedrag (bijvoorbeeld 50 of 50,00)",
    "UNIT": "een eenheid (dag, week, maand, jaar)",
    "BOOL": "ja of nee",
    "LEVEL": "een niveau (wettelijk, aanbevolen of optioneel)",
    "SCOPE": "een bereik (zin, lid, artikel of document)",
    "LBRACE": '"{"',
    "RBRACE": '"}"',
    "LPAR": '"("',
    "RPAR": '")"',
    "COMMA": '","',
    "COLON": '":"',
    "EQUAL": '"="',
    "DOT": '"."',
    "MORETHAN": '">"',
    "$END": "het einde van het bestand",
}

# What a NAME means right after a keyword.
_NAME_AFTER = {
    "clausule": "een clausule-id",
    "lichaam": "een lichaam-id (gemeente, provincie, waterschap, openbaar_lichaam)",
    "ambt": "een ambt-id",
    "hoofdstuk": "een hoofdstuk-id",
    "parameter": "een parameternaam",
    "term": "een termnaam",
    "categorie": "een categorie (volksvertegenwoordiger, dagelijks_bestuurder, voorzitter)",
    "zet": "een clausule-id (of 'term')",
    "zonder": "een clausule-id",
    "ambten": "een ambt-id",
    "wet": "een naam voor de wetsverwijzing",
    "binnen": "een lichaam-id",
    "groep": "een groepsnaam",
    "lid": "\"voor\" of een naam voor het lid",
    "onderdeel": "\"voor\" of een naam voor het onderdeel",
    "voor": "een ambt of categorie",
}


# An example of each statement, shown with a syntax error on a line that starts with its keyword:
# a griffier fixes a line faster from an example than from a list of what the parser accepts.
_EXAMPLES: dict[str, tuple[str, ...]] = {
    "gedragscode": ('gedragscode "Gedragscode integriteit raadsleden gemeente Almelo 2026" {',),
    "model": ('model "2023"',),
    "lichaam": ('lichaam gemeente "Almelo"',),
    "ambten": ("ambten raadslid, commissielid",),
    "jaartal": ("jaartal 2026",),
    "zet": ("zet geschenken.grens = € 75", "zet geschenken.termijn = 2 weken", "zet declaraties.openbaarmaking = ja",
            'zet declaraties.frequentie = "per kwartaal"', 'zet term griffier = "de raadsgriffier"'),
    "zonder": ("zonder sociale_media, buitenlandse_reizen",),
    "intrekking": ('intrekking "Gedragscode integriteit raadsleden gemeente Almelo 2016"',),
    "inwerkingtreding": ('inwerkingtreding "op 1 januari 2027"',),
    "vastgesteld": ('vastgesteld "12 november 2026"',),
    "clausule": ('clausule dienstfietsen "Dienstfietsen" {',),
    "hoofdstuk": ("hoofdstuk voorzieningen",),
    "geldt": ("geldt voor alle ambten", "geldt voor dagelijks_bestuurder"),
    "niveau": ("niveau optioneel",),
    "sinds": ('sinds "2023"',),
    "parameter": ("parameter maximum: bedrag = € 1500 tussen € 0 en € 5000",
                  'parameter meldpunt: tekst = term griffier "Wie de melding ontvangt."'),
    "lid": ('lid "{{ de_ambtsdrager | hoofdletter }} meldt het gebruik bij {{ meldpunt }}."',),
    "toelichting": ('toelichting "Waarom deze bepaling er is."',),
    "herken": ("herken in zin: stam(fiets) en stam(gebruik)",),
    "voorbeeld": ('voorbeeld "Het raadslid gebruikt de dienstfiets alleen voor het ambt."',),
    "tegenvoorbeeld": ('tegenvoorbeeld "De gemeente heeft een fietsenstalling."',),
}
# the terminals that can start a value: with a value expected, one plain description instead of a token list
_VALUE_STARTS = {"AMOUNT", "INT", "STRING", "LONG_STRING", "BOOL", "__ANON_0", "EUR", "TERM", "NUMBER_WORD"}
_VALUE_WANTED = ("een waarde: een bedrag (€ 75), een termijn (2 weken), ja of nee, een getal, of een tekst tussen "
                 "aanhalingstekens")


def _example(source_line: str) -> str:
    """ "; zo ziet dat eruit: zet geschenken.grens = € 75" for the statement the line starts with."""
    words = source_line.split()
    examples = _EXAMPLES.get(words[0] if words else "", ())
    if not examples:
        return ""
    return (". Zo ziet dat eruit: " if len(examples) == 1 else ". Zo ziet dat eruit, bijvoorbeeld: ") + \
        "  of  ".join(examples)


def _describe(name: str, previous_word: str) -> str:
    if name == "NAME" and previous_word in _NAME_AFTER:
        return _NAME_AFTER[previous_word]
    if name in _EXPECTED_NL:
        return _EXPECTED_NL[name]
    try:
        term = _lark().get_terminal(name)
    except KeyError:
        return name
    if term.pattern.type == "str":
        return f'"{term.pattern.value}"'
    return name.lower()


def _previous_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z_]+)\s*$", text[:pos])
    return m.group(1) if m else ""


def _syntax_error(exc: UnexpectedInput, text: str, filename: str) -> DslSyntaxError:
    line = getattr(exc, "line", 0) or 0
    column = getattr(exc, "column", 0) or 0
    pos = getattr(exc, "pos_in_stream", None)
    at_end = isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END")
    if at_end or line <= 0:
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
        pos = len(text)
    if pos is None:
        pos = 0
    prev = _previous_word(text, pos)
    if isinstance(exc, UnexpectedToken):
        expected = sorted(exc.accepts or exc.expected)
        tok = exc.token
        found = "het einde van het bestand" if tok.type == "$END" else f'"{tok}"'
    elif isinstance(exc, UnexpectedCharacters):
        expected = sorted(exc.allowed or ())
        if pos < len(text) and text[pos] == '"':
            found = "een tekst die niet wordt afgesloten (ontbreekt een \" aan het eind?)"
        else:
            found = f'het teken "{text[pos]}"' if pos < len(text) else "het einde van het bestand"
    else:
        expected = sorted(getattr(exc, "expected", ()) or ())
        found = "het einde van het bestand"
    wanted = []
    if len(_VALUE_STARTS.intersection(expected)) >= 3:
        wanted.append(_VALUE_WANTED)
        expected = [e for e in expected if e not in _VALUE_STARTS]
    for name in expected:
        d = _describe(name, prev)
        if d not in wanted:
            wanted.append(d)
    statements = [w for w in wanted if w.strip('"') in _EXAMPLES]
    if len(statements) >= 3:  # "a next statement": name a few, not every keyword of the grammar
        wanted = [w for w in wanted if w not in statements]
        wanted.append("een volgende opdracht op een nieuwe regel (zoals " + ", ".join(
            w.strip('"') for w in statements[:3]) + ")")
    if len(wanted) > 8:
        wanted = [*wanted[:8], "..."]
    source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    message = (f"onverwacht {found}; verwacht: " + (" of ".join(wanted) if wanted else "iets anders")
               + _example(source_line))
    caret = " " * max(column - 1, 0) + "^"
    context = f"  {source_line}\n  {caret}" if source_line else ""
    return DslSyntaxError(message, Location(filename, line, column), context=context)


# ---------------------------------------------------------------- entry point


def parse(text: str, filename: str = "<tekst>", *, trusted: bool = False) -> s.SyntaxTree:
    """Parse DSL ``text`` into a syntax tree with positions.

    ``trusted`` is for the bundled model's own files only (:mod:`gedragscode.catalogue`): their
    ``regex(...)`` recognisers are marked :attr:`~gedragscode.model.Regex.trusted` and run on Python's
    ``re``; anything else stays untrusted and runs with a time limit (:mod:`gedragscode.safe_regex`).

    Raises :class:`DslSyntaxError` naming file, line and column when the text does not
    follow the grammar. A byte-order mark at the start (older Notepad writes one) is ignored.
    """
    text = text.removeprefix("\ufeff")
    _COMMENTS.tokens = []
    try:
        tree = _lark().parse(text)
    except UnexpectedInput as exc:
        raise _syntax_error(exc, text, filename) from None
    except RecursionError:
        raise too_deep(filename) from None
    finally:
        comments, _COMMENTS.tokens = _COMMENTS.tokens, []
    check_depth(tree, filename)
    try:
        items = _ToSyntax(filename, trusted).transform(tree)
    except VisitError as exc:  # pragma: no cover - a grammar/transformer mismatch is a bug
        raise exc.orig_exc from None
    result = s.SyntaxTree(filename, tuple(cast(list[s.Item], items)), pos=s.Pos(filename, 1, 1, 1, 1))
    return _attach_comments(result, comments, text)
