"""Canonical layout of DSL files (``gedragscode fmt``).

``format_tree`` prints a syntax tree in the one canonical layout: two-space indentation,
one statement per line, a blank line between top-level items, comments kept above the
statement they belong to. Statement order is never changed, so ``parse(format(t)) == t``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from gedragscode.dsl import syntax as s
from gedragscode.dsl.parser import parse
from gedragscode.model import AllOf, Duration, Lemma, Money, Near, Not, Pattern, Phrase, Regex, Stem, Word

INDENT = "  "
_BARE_WORD = re.compile(r"[^\W\d_][\w\-]*\Z")


def quote(text: str) -> str:
    """Write ``text`` as a DSL string literal that decodes back to exactly ``text``."""
    if "\n" in text:
        body = text.replace("\\", "\\\\").replace("\r", "\\r")
        # a quote next to another quote, or at either end, could close the literal early
        body = re.sub(r'"(?="|\Z)', r'\\"', body)
        return '"""' + body + '"""'
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    return '"' + body + '"'


def format_amount(amount: Decimal) -> str:
    if amount == amount.to_integral_value():
        return str(int(amount))
    return f"{amount:.2f}".replace(".", ",")


def format_value(value: s.LiteralValue) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Money):
        return f"€ {format_amount(value.amount)}"
    if isinstance(value, Duration):
        plural = {"dag": "dagen", "week": "weken", "maand": "maanden", "jaar": "jaar"}
        return f"{value.count} {value.unit if value.count == 1 else plural[value.unit]}"
    if isinstance(value, s.TermRef):
        return f"term {value.name}"
    if isinstance(value, int):
        return str(value)
    return quote(value)


def _words(words: tuple[str, ...]) -> str:
    return ", ".join(w if _BARE_WORD.match(w) else quote(w) for w in words)


def format_pattern(p: Pattern, parent: str = "") -> str:
    """Print a recogniser pattern with the parentheses its structure needs."""
    if isinstance(p, Stem):
        return f"stam({_words(p.stems)})"
    if isinstance(p, Word):
        return f"woord({_words(p.words)})"
    if isinstance(p, Lemma):
        return f"lemma({_words(p.lemmas)})"
    if isinstance(p, Phrase):
        return "frase(" + ", ".join(quote(x) for x in p.phrases) + ")"
    if isinstance(p, Regex):
        return f"regex({quote(p.pattern)})"
    if isinstance(p, Near):
        return f"nabij({p.distance}, {format_pattern(p.left)}, {format_pattern(p.right)})"
    if isinstance(p, Not):
        return "niet " + format_pattern(p.part, "niet")
    if isinstance(p, AllOf):
        text = " en ".join(format_pattern(x, "en") for x in p.parts)
        return f"({text})" if parent in ("en", "niet") else text
    text = " of ".join(format_pattern(x, "of") for x in p.parts)
    return f"({text})" if parent in ("of", "en", "niet") else text


def _term(t: s.TermDecl) -> str:
    choices = " keuze(" + ", ".join(quote(x) for x in t.choices) + ")" if t.choices else ""
    return f"term {t.name} = {quote(t.value)}{choices}{_check(t.check)}"


def _check(reason: str | None) -> str:
    """The ``controleer "..."`` suffix of a statement that carries one."""
    return f" controleer {quote(reason)}" if reason is not None else ""


def _applies(a: s.AppliesSyntax) -> str:
    sels = ", ".join("alle ambten" if x.name == "*" else (f"{x.body}.{x.name}" if x.body else x.name)
                     for x in a.selectors)
    return sels + (" binnen " + ", ".join(a.within) if a.within else "")


class _Printer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def emit(self, depth: int, text: str, comments: tuple[str, ...] = ()) -> None:
        for c in comments:
            if not c:  # a blank line the author left above a comment: one, never after "{" or another blank
                if self.lines and self.lines[-1] != "" and not self.lines[-1].endswith("{"):
                    self.lines.append("")
                continue
            self.lines.append(INDENT * depth + c)
        for i, line in enumerate(text.split("\n")):
            # continuation lines of a long string are content: never re-indent them
            self.lines.append((INDENT * depth if i == 0 else "") + line)

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    # items
    def item(self, item: s.Item) -> None:
        if isinstance(item, s.Header):
            self.emit(0, f"handreiking {quote(item.title)} {{", item.comments)
            if item.version:
                self.emit(1, f"versie {quote(item.version)}")
            if item.date:
                self.emit(1, f"datum {quote(item.date)}")
            if item.source:
                self.emit(1, f"bron {quote(item.source)}")
            for e in item.editions:
                self.emit(1, f"uitgave {quote(e.id)} {quote(e.title)}", e.comments)
            self.emit(0, "}")
        elif isinstance(item, s.ChapterDecl):
            self.emit(0, f"hoofdstuk {item.id} {quote(item.title)}", item.comments)
        elif isinstance(item, s.BodyDecl):
            self.emit(0, f"lichaam {item.id} {quote(item.name)} {{", item.comments)
            for t in item.terms:
                self.emit(1, _term(t), t.comments)
            for p in item.recognisers:
                self.emit(1, f"herken: {format_pattern(p.pattern)}", p.comments)
            for g in item.groups:
                sels = _applies(s.AppliesSyntax(g.selectors))
                self.emit(1, f"groep {g.id} {quote(g.name)} {quote(g.plural)} = {sels}", g.comments)
            for o in item.offices:
                self.lines.append("")
                self.office(o)
            self.emit(0, "}")
        elif isinstance(item, s.ClauseDecl):
            self.clause(item, 0)
        else:
            self.code(item)

    def office(self, o: s.OfficeDecl) -> None:
        self.emit(1, f"ambt {o.id} {quote(o.name)} {{", o.comments)
        if o.plural:
            self.emit(2, f"meervoud {quote(o.plural)}")
        if o.category:
            self.emit(2, f"categorie {o.category}")
        if o.basis or o.basis_check is not None:
            self.emit(2, f"grondslag {quote(o.basis)}{_check(o.basis_check)}")
        if o.statutory is not None:
            self.emit(2, f"wettelijk {'ja' if o.statutory else 'nee'}")
        for t in o.terms:
            self.emit(2, _term(t), t.comments)
        for p in o.recognisers:
            self.emit(2, f"herken: {format_pattern(p.pattern)}", p.comments)
        for p in o.general_recognisers:
            self.emit(2, f"herken algemeen: {format_pattern(p.pattern)}", p.comments)
        self.emit(1, "}")

    def clause(self, c: s.ClauseDecl, depth: int) -> None:
        self.emit(depth, f"clausule {c.id} {quote(c.title)}{_check(c.check)} {{", c.comments)
        for st in c.statements:
            self.statement(st, depth + 1)
        self.emit(depth, "}")

    def statement(self, st: s.ClauseStmt, d: int) -> None:
        if isinstance(st, s.SimpleStmt):
            if st.key == "structureel":
                self.emit(d, "structureel", st.comments)
                return
            value = st.value if st.key in ("hoofdstuk", "vorm") else quote(st.value)
            self.emit(d, f"{st.key} {value}", st.comments)
        elif isinstance(st, s.AppliesSyntax):
            self.emit(d, f"geldt voor {_applies(st)}", st.comments)
        elif isinstance(st, s.LevelSyntax):
            within = " binnen " + ", ".join(st.within) if st.within else ""
            self.emit(d, f"niveau {st.level}{within}", st.comments)
        elif isinstance(st, s.LawSyntax):
            target = ""
            if st.body:
                target = f" binnen {st.body}" + (f" voor {st.office}" if st.office else "")
            self.emit(d, f"wet {st.name}{target} {quote(st.text)}{_check(st.check)}", st.comments)
        elif isinstance(st, s.ParamSyntax):
            ptype = st.type
            if st.type == "keuze":
                ptype = "keuze(" + ", ".join(quote(x) for x in st.choices) + ")"
            line = f"parameter {st.name}: {ptype} = {format_value(st.default)}"
            if st.minimum is not None and st.maximum is not None:
                line += f" tussen {format_value(st.minimum)} en {format_value(st.maximum)}"
            if st.description is not None:
                line += " " + quote(st.description)
            self.emit(d, line + _check(st.check), st.comments)
        elif isinstance(st, s.LidSyntax):
            scope = ((f"{st.name} " if st.name else "")
                     + (f"kop {quote(st.heading)} " if st.heading is not None else "")
                     + (f"voor {_applies(st.scope)} " if st.scope else ""))
            if st.onderdelen is None and st.toelichting is None:
                self.emit(d, f"lid {scope}{quote(st.text)}{_check(st.check)}", st.comments)
            else:
                self.emit(d, f"lid {scope}{quote(st.text)}{_check(st.check)} {{", st.comments)
                for o in st.onderdelen or ():
                    oscope = (f"{o.name} " if o.name else "") + (f"voor {_applies(o.scope)} " if o.scope else "")
                    self.emit(d + 1, f"onderdeel {oscope}{quote(o.text)}{_check(o.check)}", o.comments)
                if st.toelichting is not None:
                    self.emit(d + 1, f"toelichting {quote(st.toelichting)}")
                self.emit(d, "}")
        elif isinstance(st, s.RecogniserSyntax):
            self.emit(d, f"herken in {st.scope}: {format_pattern(st.pattern)}", st.comments)
        else:
            if st.kind in ("bedrag", "termijn"):
                cond = f"{st.kind} > {st.parameter}"
            else:
                assert st.pattern is not None
                cond = f"{st.kind} {format_pattern(st.pattern)}"
            scope = f" in {st.scope}" if st.scope else ""
            self.emit(d, f"verouderd als {cond}{scope} {quote(st.message)}", st.comments)

    def code(self, c: s.CodeDecl) -> None:
        self.emit(0, f"gedragscode {quote(c.name)} {{", c.comments)
        for st in c.statements:
            if isinstance(st, s.ClauseDecl):
                self.blank()
                self.clause(st, 1)
                continue
            self.emit(1, _code_stmt(st), st.comments)
        self.emit(0, "}")


def _code_stmt(st: s.CodeStmt) -> str:
    k = st.kind
    if k == "model":
        return f"model {quote(st.text)}"
    if k == "lichaam":
        return f"lichaam {st.name} {quote(st.text)}"
    if k == "ambten":
        return "ambten " + ", ".join(st.names)
    if k == "jaar":
        return f"jaartal {st.number}"
    if k == "zet":
        assert st.value is not None
        office = f" voor {st.office}" if st.office else ""
        return f"zet {st.name}.{st.param}{office} = {format_value(st.value)}"
    if k == "zet_term":
        return f"zet term {st.name} = {quote(st.text)}"
    if k == "zonder":
        return "zonder " + ", ".join(st.names)
    return f"{k} {quote(st.text)}"


def format_tree(tree: s.SyntaxTree) -> str:
    """The canonical text of ``tree``, ending with one newline."""
    p = _Printer()
    for item in tree.items:
        p.blank()
        p.item(item)
    if tree.trailing_comments:
        p.blank()
        for c in tree.trailing_comments:
            p.lines.append(c)
    return "\n".join(p.lines).strip("\n") + "\n"


def format_source(text: str, filename: str = "<tekst>") -> str:
    """The canonical layout of DSL ``text`` (what ``gedragscode fmt`` writes)."""
    return format_tree(parse(text, filename))
