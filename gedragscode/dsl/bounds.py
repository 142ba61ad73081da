"""Bounds the DSL puts on its own input, reported like syntax errors (Dutch, with position).

* an integer literal longer than :data:`~gedragscode.limits.MAX_INT_DIGITS` digits (Python refuses
  to convert more than 4,300 digits at all, and no threshold or distance needs 19);
* recogniser patterns nested deeper than :data:`~gedragscode.limits.MAX_PATTERN_DEPTH`
  (``niet niet niet ...``, ``nabij(3, nabij(3, ...))``): every later stage walks patterns
  recursively, so the depth is checked on the parse tree, iteratively, before anything else;
* a file too deeply nested for the parser at all is a syntax error too, never a RecursionError;
* text a local code puts into the rendered document (the place name, terms, text values, citation
  titles) is plain text: no bidi overrides, control characters or bytes that are not UTF-8
  (:func:`code_text_problem`; the same check applies to ``--naam`` and ``--set``).
"""

from __future__ import annotations

from lark import Token, Tree

from gedragscode.dsl import syntax as s
from gedragscode.errors import DslSyntaxError, Location
from gedragscode.limits import MAX_INT_DIGITS, MAX_PATTERN_DEPTH, plain_text_problem

__all__ = ["bounded_int", "check_depth", "code_text_problem", "too_deep"]

_PATTERN_RULES = frozenset({"p_negate", "p_near", "p_and", "p_or", "pattern"})


def bounded_int(tok: Token, filename: str) -> int:
    """The value of an INT token, refusing more than MAX_INT_DIGITS digits."""
    text = str(tok)
    if len(text.lstrip("0")) > MAX_INT_DIGITS:
        raise DslSyntaxError(f"het getal is te groot (meer dan {MAX_INT_DIGITS} cijfers)",
                             Location(filename, tok.line or 0, tok.column or 0))
    return int(text)


def check_depth(tree: Tree[Token], filename: str) -> None:
    """Raise DslSyntaxError when recogniser patterns nest deeper than MAX_PATTERN_DEPTH."""
    stack: list[tuple[Tree[Token], int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if str(node.data) in _PATTERN_RULES:
            depth += 1
            if depth > MAX_PATTERN_DEPTH:
                meta = node.meta
                line = getattr(meta, "line", 0) if not getattr(meta, "empty", True) else 0
                column = getattr(meta, "column", 0) if not getattr(meta, "empty", True) else 0
                raise DslSyntaxError(
                    f"het herkenpatroon is meer dan {MAX_PATTERN_DEPTH} niveaus diep genest "
                    "(niet, nabij, en, of); schrijf het eenvoudiger", Location(filename, line, column))
        for child in node.children:
            if isinstance(child, Tree):
                stack.append((child, depth))


def too_deep(filename: str) -> DslSyntaxError:
    """The error for a file the parser cannot even nest (a RecursionError inside Lark)."""
    return DslSyntaxError("de tekst is te diep genest om te lezen (haakjes, niet, nabij)", Location(filename))


_WHAT = {"lichaam": "de naam", "zet_term": "de term", "zet": "de waarde", "intrekking": "de intrekking",
         "inwerkingtreding": "de inwerkingtreding", "vastgesteld": "de vaststelling", "model": "het model"}


def code_text_problem(st: s.CodeStmt) -> str | None:
    """Why a text in a local-code statement cannot go into a rendered code (Dutch), or None."""
    for value in (st.text, st.value):
        if isinstance(value, str) and value:
            problem = plain_text_problem(value)
            if problem:
                what = _WHAT.get(st.kind, "de tekst")
                return f"{what} '{st.name or st.kind}' {problem}" if st.name else f"{what} {problem}"
    return None
