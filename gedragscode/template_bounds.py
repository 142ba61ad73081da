"""What a clause template may do: a bounded subset of Jinja2, checked before it is compiled.

Jinja2's sandbox keeps a template away from Python internals, but not from exhausting the machine:
``{{ 7**99999999 }}``, ``{{ "x" * 10**9 }}``, ``{{ "%09999999d" % 1 }}``, ``"x".ljust(10**9)``,
``center(10**9)``, loops over huge literals, or blocks nested until the compiler gives up. Model
texts need none of that: they fill in names and terms, choose with ``if``, loop over the offices
and format with a few filters. :func:`template_problem` accepts exactly that subset:

* no arithmetic that multiplies (``*``, ``**``, ``/``, ``//``, ``%``), no calls (``range()``,
  ``.ljust()``), no macros, imports, includes or blocks;
* only the filters in :data:`ALLOWED_FILTERS` (each gives output linear in its input);
* ``for`` loops over data, never over a literal longer than a few items, nested at most
  :data:`MAX_LOOP_NESTING` deep;
* at most :data:`~gedragscode.limits.MAX_TEMPLATE_LENGTH` characters and
  :data:`~gedragscode.limits.MAX_TEMPLATE_DEPTH` levels of nesting.

Every refusal is a Dutch message with the line in the template; the resolver adds the file position.
"""

from __future__ import annotations

from jinja2 import nodes

from gedragscode.limits import MAX_TEMPLATE_DEPTH, MAX_TEMPLATE_LENGTH

__all__ = ["ALLOWED_FILTERS", "ALLOWED_TESTS", "MAX_LOOP_NESTING", "template_problem", "text_problem"]

#: Filters a clause template may use: the project's own and Jinja2's that cannot blow up.
ALLOWED_FILTERS: frozenset[str] = frozenset({
    "hoofdletter", "opsomming", "wetsartikelen", "wet_eenmaal", "soortnaam", "zondersoort",
    "abs", "capitalize", "count", "default", "d", "dictsort", "first", "float", "groupby", "int", "join",
    "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "round", "select",
    "selectattr", "sort", "string", "sum", "title", "trim", "unique", "upper", "wordcount",
})
#: Tests (``is defined``, ``is in``) are all cheap; unknown ones are still refused by name.
ALLOWED_TESTS: frozenset[str] = frozenset({
    "boolean", "callable", "defined", "divisibleby", "eq", "equalto", "escaped", "even", "false", "filter",
    "float", "ge", "greaterthan", "gt", "in", "integer", "iterable", "le", "lessthan", "lower", "lt",
    "mapping", "ne", "none", "number", "odd", "sameas", "sequence", "string", "test", "true", "undefined",
    "upper", "==", "!=", ">", ">=", "<", "<=",
})
MAX_LOOP_NESTING = 3
_MAX_LITERAL_ITEMS = 50

_FORBIDDEN: tuple[tuple[type[nodes.Node], str], ...] = (
    (nodes.Pow, "machtsverheffen (**)"),
    (nodes.Mul, "vermenigvuldigen (*)"),
    (nodes.Div, "delen (/)"),
    (nodes.FloorDiv, "delen (//)"),
    (nodes.Mod, "de operator %"),
    (nodes.Call, "een functie aanroepen"),
    (nodes.Macro, "macro's"),
    (nodes.CallBlock, "call-blokken"),
    (nodes.Import, "import"),
    (nodes.FromImport, "import"),
    (nodes.Include, "include"),
    (nodes.Extends, "extends"),
    (nodes.Block, "blokken (block)"),
)


def text_problem(text: str) -> str | None:
    """A problem with the raw template text (its length), before it is parsed."""
    if len(text) > MAX_TEMPLATE_LENGTH:
        return f"het sjabloon is langer dan {MAX_TEMPLATE_LENGTH} tekens"
    return None


def _literal_too_long(node: nodes.Node) -> bool:
    if isinstance(node, nodes.Const) and isinstance(node.value, str | bytes | list | tuple | dict):
        return len(node.value) > _MAX_LITERAL_ITEMS
    if isinstance(node, nodes.List | nodes.Tuple):
        return len(node.items) > _MAX_LITERAL_ITEMS
    if isinstance(node, nodes.Dict):
        return len(node.items) > _MAX_LITERAL_ITEMS
    return False


def template_problem(ast: nodes.Template) -> tuple[str, int] | None:
    """Why a parsed template is outside the allowed subset: (Dutch message, line), or None."""
    # iterative walk: (node, depth, loops around it)
    stack: list[tuple[nodes.Node, int, int]] = [(ast, 0, 0)]
    while stack:
        node, depth, loops = stack.pop()
        line = getattr(node, "lineno", 1) or 1
        if depth > MAX_TEMPLATE_DEPTH:
            return f"het sjabloon is meer dan {MAX_TEMPLATE_DEPTH} niveaus diep genest", line
        for kind, what in _FORBIDDEN:
            if isinstance(node, kind):
                return f"{what} is in een sjabloon niet toegestaan", line
        if isinstance(node, nodes.Filter | nodes.FilterBlock):
            name = node.filter.name if isinstance(node, nodes.FilterBlock) else node.name
            if name not in ALLOWED_FILTERS:
                return (f"onbekend of niet toegestaan filter '{name}'; beschikbaar: "
                        + ", ".join(sorted(ALLOWED_FILTERS)), line)
        if isinstance(node, nodes.Test) and node.name not in ALLOWED_TESTS:
            return f"onbekende test '{node.name}'", line
        if isinstance(node, nodes.For):
            if loops + 1 > MAX_LOOP_NESTING:
                return f"meer dan {MAX_LOOP_NESTING} geneste for-lussen", line
            if _literal_too_long(node.iter):
                return f"een for-lus over een lijst of tekst van meer dan {_MAX_LITERAL_ITEMS} elementen", line
        inner_loops = loops + 1 if isinstance(node, nodes.For) else loops
        for child in node.iter_child_nodes():
            stack.append((child, depth + 1, inner_loops))
    return None
