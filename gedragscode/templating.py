"""Sandboxed jinja2 for clause text that comes from model files.

Templates render to plain text (writers escape for their format). The environment is
an immutable sandbox with ``StrictUndefined``: a template can neither reach Python
internals nor silently print an empty string for a misspelt name.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from gedragscode import legalrefs
from gedragscode.errors import Location, RenderError
from gedragscode.template_bounds import template_problem, text_problem

#: Names every clause template may use besides its own parameters.
BUILTINS: frozenset[str] = frozenset({
    "lichaam",         # body terms (after local overrides), e.g. lichaam.vertegenwoordiging
    "naam",            # the place: "Almelo"
    "code",            # naam, jaar, intrekking, inwerkingtreding, vastgesteld
    "ambten",          # the offices in scope: id, naam, meervoud, lidwoord, categorie, grondslag, t
    "alle_ambten",     # all offices of the code
    "ambt_ids",        # ids of the offices in scope
    "categorieen",     # categories of the offices in scope
    "wet",             # legal references of the clause for this body: name -> text
    "de_ambtsdrager",  # "het raadslid" / "de wethouder" / "de ambtsdrager"
    "een_ambtsdrager", # "een raadslid" / "een ambtsdrager"
    "ambtsdragers",    # "raadsleden" / "ambtsdragers"
    "de_ambtsdragers", # "de raadsleden" / "de ambtsdragers"
    "aanduiding",      # how the code names those in scope: "raadslid" / "ambtsdrager"
    "rol",             # terms as the offices in scope see them (a receiver that differs per office)
    "groepen",         # the code's group names in use: groepen.bestuurder.naam / .omschrijving
    "beperkingen",     # articles that apply to only some offices (for the reikwijdte)
    "verwijs",         # references to the clause's named leden and onderdelen: "het tweede lid"
    "artikel",         # references to other clauses' articles: artikel.informatie -> "artikel 15"
    "dit_lid",         # in a lid's toelichting: the lid itself ("het vierde lid")
    "gekozen",         # names of the clause's parameters the local code set itself
    "standaard",       # the model's default of each parameter, as text: standaard.grens -> "€ 50"
})


def hoofdletter(text: object) -> str:
    """Capitalise the first letter only ("de raad" -> "De raad")."""
    s = str(text)
    return s[:1].upper() + s[1:]


def kind_name(name: object, kind: str, *others: str) -> str:
    """A body's name with its kind in front, never twice: ``"Almelo" | soortnaam("gemeente")`` and
    ``"Gemeente Almelo" | soortnaam("gemeente")`` both give "gemeente Almelo"; a name that already
    starts with another kind word (``soortnaam("waterschap", "hoogheemraadschap")`` on "Hoogheemraadschap
    van Rijnland") is kept as it is.
    """
    text = " ".join(str(name).split())
    lowered = text.lower()
    if lowered == kind.lower() or lowered.startswith(kind.lower() + " "):
        return kind + text[len(kind):]
    if any(lowered == o.lower() or lowered.startswith(o.lower() + " ") for o in others):
        return text
    return f"{kind} {text}"


def bare_name(name: object, *kinds: str) -> str:
    """A body's name without a kind word in front: ``"provincie Zeeland" | zondersoort("provincie")`` -> "Zeeland"."""
    text = " ".join(str(name).split())
    for kind in kinds:
        if text.lower().startswith(kind.lower() + " "):
            return text[len(kind) + 1:]
    return text


def join_words(items: object, last: str = "en") -> str:
    seq = [str(x) for x in items] if isinstance(items, list | tuple) else [str(items)]
    if len(seq) <= 1:
        return "".join(seq)
    return ", ".join(seq[:-1]) + f" {last} " + seq[-1]


def group_legal_refs(refs: object, table: Mapping[str, object] | None = None, prefix: str = "") -> str:
    """Legal references grouped per law, each law named once, in the style of the Aanwijzingen.

    ``["artikel 13 van de Provinciewet", "artikel 40c, eerste lid, van de Provinciewet"]`` gives
    ``"de artikelen 13 en 40c, eerste lid, van de Provinciewet"`` (see :mod:`gedragscode.legalrefs`).
    With ``table`` the items are keys: the references are ``table[prefix + item]`` (in a template:
    ``cats | wetsartikelen(wet, "verboden_")``).
    """
    items = [str(x) for x in refs] if isinstance(refs, list | tuple) else [str(refs)]
    if table is not None:
        items = [str(table[prefix + item]) for item in items if prefix + item in table]
    return legalrefs.group_legal_refs(items)


def law_once(refs: object, table: Mapping[str, object] | None = None, prefix: str = "") -> list[str]:
    """The references one by one, a law they all share named only after the last one
    (:func:`gedragscode.legalrefs.law_once`); ``table``/``prefix`` as for :func:`group_legal_refs`.
    In a template: ``ambten | map(attribute='categorie') | wet_eenmaal(wet, "eed_")``."""
    items = [str(x) for x in refs] if isinstance(refs, list | tuple) else [str(refs)]
    if table is not None:
        items = [str(table[prefix + item]) for item in items if prefix + item in table]
    return legalrefs.law_once(items)


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                        trim_blocks=True, lstrip_blocks=True)
    env.filters["hoofdletter"] = hoofdletter
    env.filters["opsomming"] = join_words
    env.filters["wetsartikelen"] = group_legal_refs
    env.filters["wet_eenmaal"] = law_once
    env.filters["soortnaam"] = kind_name
    env.filters["zondersoort"] = bare_name
    return env


def template_errors(text: str) -> str | None:
    """A Dutch description of a template syntax error in ``text``, or None.

    Also refuses what lies outside the bounded subset of Jinja2 that clause texts may use
    (:mod:`gedragscode.template_bounds`: no multiplying arithmetic, no calls, known filters only,
    limited nesting and length).
    """
    problem = text_problem(text)
    if problem:
        return f"fout in sjabloon: {problem}"
    try:
        ast = environment().parse(text)
    except TemplateSyntaxError as exc:
        return f"fout in sjabloon (regel {exc.lineno}): {exc.message}"
    except RecursionError:
        return "fout in sjabloon: het sjabloon is te diep genest"
    found = template_problem(ast)
    if found:
        return f"fout in sjabloon (regel {found[1]}): {found[0]}"
    return None


def _bounded_ast(text: str) -> nodes.Template:
    """The parsed template, refused (RenderError) when it lies outside the bounded subset: Jinja2's
    analysis folds constants (``{{ 7**99999999 }}``) just as compiling does."""
    problem = template_errors(text)
    if problem:
        raise RenderError(problem)
    return environment().parse(text)


def variables(text: str) -> set[str]:
    """Top-level names a template reads (a template outside the bounds is a RenderError)."""
    from jinja2 import meta

    ast = _bounded_ast(text)
    # names bound by {% for %} / {% set %} anywhere in the template are the template's own
    bound = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    return set(meta.find_undeclared_variables(ast)) - bound - {"loop"}


def attribute_uses(text: str, name: str) -> set[str]:
    """Attributes read from variable ``name`` (``lichaam.griffier`` -> {"griffier"})."""
    found: set[str] = set()
    ast = _bounded_ast(text)
    for attr in ast.find_all(nodes.Getattr):
        if isinstance(attr.node, nodes.Name) and attr.node.name == name:
            found.add(attr.attr)
    for item in ast.find_all(nodes.Getitem):
        if (isinstance(item.node, nodes.Name) and item.node.name == name and isinstance(item.arg, nodes.Const)
                and isinstance(item.arg.value, str)):
            found.add(item.arg.value)
    return found


@lru_cache(maxsize=4096)
def _compiled(text: str) -> Template:
    problem = template_errors(text)  # never compile or run a template outside the bounds
    if problem:
        raise SecurityError(problem)
    return environment().from_string(text)


def render_text(text: str, context: Mapping[str, Any], location: Location | None = None) -> str:
    """Render one template to plain text, whitespace folded to single spaces.

    Compiled templates are cached by their text: model clauses are rendered many times.
    """
    try:
        out = _compiled(text).render(**context)
    except (UndefinedError, SecurityError, TemplateSyntaxError, TypeError, ValueError) as exc:
        raise RenderError(f"sjabloon kan niet worden ingevuld: {exc}", location) from None
    return " ".join(out.split())
