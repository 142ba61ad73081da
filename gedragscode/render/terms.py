"""A code's words: body terms, office terms and the parameter values that depend on the office.

Terms are small templates: ``{{ naam }}`` is the place ("Almelo") and ``{{ griffier }}`` another
term of the same body, so ``term vraagbaak = "{{ voorzitter }} of {{ griffier }}"`` follows a
local ``zet term griffier = ...``. An office may define its own value of a body term (the
burgemeester asks "{{ griffier }} of {{ secretaris }}" for advice instead of asking itself);
such office terms are how a receiver is resolved per office, never to the addressee itself.

A ``tekst`` parameter whose default is a term (``parameter ontvanger: tekst = term registerhouder``)
therefore has a value per office; the builder splits a lid whose offices read different values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from types import MappingProxyType

from gedragscode import templating
from gedragscode.errors import RenderError
from gedragscode.model import Category, Clause, Code, Office, Parameter, Value

__all__ = ["body_terms", "bound_office", "office_terms", "own_terms", "param_value", "resolve_terms", "self_names",
           "self_references", "template_names"]


@lru_cache(maxsize=4096)
def template_names(text: str) -> frozenset[str]:
    """The top-level names a template reads (cached: the model's texts are rendered many times)."""
    if "{" not in text:
        return frozenset()
    return frozenset(templating.variables(text))


@lru_cache(maxsize=4096)
def attribute_names(text: str, variable: str) -> frozenset[str]:
    """Attributes a template reads from ``variable`` (``rol.vraagbaak`` -> {"vraagbaak"})."""
    if "{" not in text:
        return frozenset()
    return frozenset(templating.attribute_uses(text, variable))


def resolve_terms(raw: Mapping[str, str], place: str) -> dict[str, str]:
    """Every term with ``{{ naam }}`` and references to other terms filled in."""
    out: dict[str, str] = {}
    busy: list[str] = []

    def get(name: str) -> str:
        if name in out:
            return out[name]
        if name in busy:
            raise RenderError("de termen " + " -> ".join([*busy, name]) + " verwijzen in een kring naar elkaar")
        text = raw[name]
        if "{" in text:
            busy.append(name)
            context: dict[str, str] = {"naam": place}
            for other in template_names(text):
                if other in raw and other != "naam":
                    context[other] = get(other)
            text = templating.render_text(text, context)
            busy.pop()
        out[name] = text
        return text

    for name in raw:
        get(name)
    return out


def body_terms(code: Code) -> dict[str, str]:
    """The code's body terms (local overrides included), filled in."""
    return resolve_terms(code.terms, code.place)


def own_terms(terms: Mapping[str, str], body_terms: Mapping[str, str], office: Office) -> dict[str, str]:
    """The office's raw terms: its own words where it has them, else the code's (local) body words."""
    raw = dict(terms)
    for key, value in office.terms.items():
        if value != body_terms.get(key) or key not in raw:
            raw[key] = value
    return raw


def office_terms(code: Code, office: Office) -> dict[str, str]:
    """The terms as seen from ``office``: its own value of a term where it defines one, filled in."""
    return resolve_terms(own_terms(code.terms, code.body.terms, office), code.place)


def bound_office(office: Office, terms: Mapping[str, str], body_terms: Mapping[str, str], place: str) -> Office:
    """``office`` with the name a code gives it: the office terms ``ambtsnaam`` and ``ambtsnaam_meervoud``
    (templates over the body's terms, so "voorzitter" becomes "dijkgraaf" when the code chooses that
    title), else the model's name."""
    if "ambtsnaam" not in office.terms and "ambtsnaam_meervoud" not in office.terms:
        return office
    words = resolve_terms(own_terms(terms, body_terms, office), place)
    name = words.get("ambtsnaam", office.name)
    # the article goes with the name: "het lid van het dagelijks bestuur", "de hoogheemraad"
    article = {"lidwoord": words["lidwoord"]} if "lidwoord" in office.terms and "lidwoord" in words else {}
    return replace(office, name=name, plural=words.get("ambtsnaam_meervoud", name),
                   terms=MappingProxyType({**office.terms, **article}))


def param_value(code: Code, clause: Clause, param: Parameter, office: Office,
                terms: Mapping[str, str] | None = None) -> Value:
    """The value of ``param`` for ``office``: a value set for that office, else one set for all,
    else the default (a term default is the office's own word for it)."""
    per_office = code.office_values.get(clause.id, {}).get(param.name, {})
    if office.id in per_office:
        return per_office[office.id]
    if f"{clause.id}.{param.name}" in code.chosen or param.default_term is None:
        return code.values.get(clause.id, {}).get(param.name, param.default)
    words = terms if terms is not None else office_terms(code, office)
    return words.get(param.default_term, code.values.get(clause.id, {}).get(param.name, param.default))


def self_names(code: Code, office: Office, terms: Mapping[str, str] | None = None) -> set[str]:
    """How a text names the holder of ``office`` as a person: "de burgemeester", "de voorzitter" ..."""
    words = terms if terms is not None else office_terms(code, office)
    names = {f"{office.terms.get('lidwoord', 'de')} {office.name}".lower()}
    if office.category is Category.VOORZITTER:
        names.add("de voorzitter")
        if words.get("voorzitter"):
            names.add(words["voorzitter"].lower())
    return names


def self_references(code: Code, clauses: Iterable[Clause] | None = None) -> list[tuple[Clause, Parameter, Office,
                                                                                      Value]]:
    """Text parameters that resolve, for some office, to the holder of that office itself.

    Only leden that apply to the office and use the parameter count: a receiver "de
    burgemeester" is fine in a lid for raadsleden and a defect in a lid for the burgemeester.
    """
    found: list[tuple[Clause, Parameter, Office, Value]] = []
    for clause in code.clauses if clauses is None else clauses:
        for param in clause.parameters:
            if param.type.value != "tekst":
                continue
            for office in code.offices:
                if not clause.applies.matches(code.body.id, office):
                    continue
                uses = any(lid.applies.matches(code.body.id, office)
                           and param.name in template_names(lid.text) | {n for o in lid.onderdelen
                                                                         for n in template_names(o.text)}
                           for lid in clause.leden)
                if not uses:
                    continue
                terms = office_terms(code, office)
                value = param_value(code, clause, param, office, terms)
                if isinstance(value, str) and value.strip().lower() in self_names(code, office, terms):
                    found.append((clause, param, office, value))
    return found
