"""Names as people type them: ``--body Gemeente``, ``--office raadsleden``, ``Geschenken.Grens``.

Every name a user gives (a body, an office, a clause, a parameter) is looked up among the forms
the model itself holds: the id, the name and, for offices, the plural ("raadslid", "Raadslid",
"raadsleden"; "openbaar_lichaam", "openbaar lichaam"; "buitenlandse_reizen", "Buitenlandse
reizen"). Case, accents, spaces, hyphens and underscores do not count. A name that matches no form
is refused with the nearest one ("bedoelde u raadslid?"). The forms are the model's data; this
module holds only the folding and the nearest-match rule.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence

from gedragscode.errors import ModelError
from gedragscode.model import Body, Clause, Model, Office

__all__ = [
    "canonical_body",
    "canonical_clause",
    "canonical_office",
    "canonical_parameter",
    "canonical_setting",
    "did_you_mean",
    "fold_name",
]

_SEPARATORS = re.compile(r"[\s_\-./]+")


def fold_name(text: str) -> str:
    """``"Buitenlandse reizen"`` -> ``"buitenlandse_reizen"``: lower case, no accents, one separator."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SEPARATORS.sub("_", plain.strip().lower()).strip("_")


def _forms(pairs: Iterable[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """folded form -> id, for every id and its other forms (the first id wins on a clash)."""
    out: dict[str, str] = {}
    for ident, others in pairs:
        for form in (ident, *others):
            if form:
                out.setdefault(fold_name(form), ident)
    return out


def did_you_mean(given: str, forms: dict[str, str]) -> str:
    """``"; bedoelde u raadslid?"`` for the nearest form, or ``""`` when nothing is near."""
    near = difflib.get_close_matches(fold_name(given), list(forms), n=1, cutoff=0.6)
    return f"; bedoelde u {forms[near[0]]}?" if near else ""


def _find(given: str, forms: dict[str, str], unknown: str, choices: Sequence[str] | str) -> str:
    found = forms.get(fold_name(given))
    if found is not None:
        return found
    hint = did_you_mean(given, forms)
    listed = choices if isinstance(choices, str) else "kies uit: " + ", ".join(choices)
    raise ModelError(f"{unknown} '{given}'" + (hint or f"; {listed}"))


def _body_forms(model: Model) -> dict[str, str]:
    return _forms((b.id, (b.name,)) for b in model.bodies)


def canonical_body(model: Model, given: str) -> str:
    """The id of the body ``given`` names (``"Gemeente"`` -> ``"gemeente"``); ModelError with a hint."""
    return _find(given, _body_forms(model), "onbekend lichaam", [b.id for b in model.bodies])


def _office_forms(offices: Iterable[Office]) -> dict[str, str]:
    return _forms((o.id, (o.name, o.plural)) for o in offices)


def canonical_office(model: Model, body: str | None, given: str) -> str:
    """The id of the office ``given`` names (``"raadsleden"`` -> ``"raadslid"``) within ``body``,
    or within any body when ``body`` is None; ModelError with the nearest office."""
    bodies: list[Body] = [b for b in model.bodies if body is None or b.id == body]
    offices = [o for b in bodies for o in b.offices]
    where = f"lichaam '{body}' kent geen ambt" if body else "het model kent geen ambt"
    return _find(given, _office_forms(offices), where, list(dict.fromkeys(o.id for o in offices)))


def _clause_forms(clauses: Iterable[Clause]) -> dict[str, str]:
    return _forms((c.id, (c.title,)) for c in clauses)


def canonical_clause(model: Model, given: str) -> str:
    """The id of the clause ``given`` names (``"Sociale media"``, ``"SOCIALE_MEDIA"``); ModelError with a hint."""
    return _find(given, _clause_forms(model.clauses), "onbekende clausule",
                 "'gedragscode models' toont alle clausules")


def canonical_parameter(clause: Clause, given: str) -> str:
    """The name of ``clause``'s parameter ``given`` (case-insensitive); ModelError with the nearest."""
    forms = _forms((p.name, ()) for p in clause.parameters)
    known = [p.name for p in clause.parameters] or ["geen"]
    return _find(given, forms, f"clausule '{clause.id}' heeft geen parameter", known)


def canonical_setting(model: Model, key: str, body: str | None = None) -> str:
    """``"Geschenken.Grens"`` -> ``"geschenken.grens"``; ``"term.griffier"`` stays (terms are the body's);
    a choice for one office (``"agressie.meldpunt@Burgemeester"``) keeps its ``@office``, canonical too."""
    key, at, office = key.partition("@")
    if at:
        return canonical_setting(model, key, body) + "@" + canonical_office(model, body, office)
    clause_id, sep, param = key.strip().partition(".")
    if not sep or not param.strip():
        raise ModelError(f"'{key}' heeft de vorm clausule.parameter nodig (bijvoorbeeld geschenken.grens)")
    if fold_name(clause_id) == "term":
        return f"term.{param.strip()}"
    forms = _clause_forms(model.clauses)
    ident = forms.get(fold_name(clause_id))
    if ident is None:
        hint = did_you_mean(clause_id, forms)
        raise ModelError(f"onbekende clausule '{clause_id}' in '{key}'"
                         + (f"{hint[:-1]}.{param.strip()}?" if hint else "; 'gedragscode models' toont alle clausules"))
    clause = model.clause(ident)
    assert clause is not None
    return f"{ident}.{canonical_parameter(clause, param)}"
