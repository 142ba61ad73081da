"""The drafting form ("Opstellen"): form fields ⇄ the library's :class:`~gedragscode.Code`.

The form holds exactly what ``gedragscode render`` takes as flags — body, offices, name, year,
title, repeal, entry into force, omitted clauses, parameter values and body terms — as the
text a user typed. :func:`build` hands those to :func:`gedragscode.make_code`; every value is
read and bounded by the library (:func:`gedragscode.resolve.coerce_value`), so an error message
is the library's own Dutch message, shown beside the field it belongs to.

Field names are part of the page's contract (scripts may post them):

``lichaam``, ``ambt`` (repeated), ``naam``, ``jaar``, ``titel``, ``intrekking``,
``inwerkingtreding``, ``zonder`` (repeated clause ids), ``zet.CLAUSULE.PARAMETER`` (a value as
typed, e.g. ``75`` or ``2 weken``; a term may be split in ``…`` and ``….eenheid``) and
``term.NAAM`` (a word of the body).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import gedragscode
from gedragscode.errors import GedragscodeError
from gedragscode.model import Body, Clause, Code, Duration, Model, Money, Parameter, ParamType, Value
from gedragscode.render.doctree import CheckItem, Document
from gedragscode.render.terms import resolve_terms
from gedragscode.resolve import coerce_value

__all__ = [
    "NAME_MISSING",
    "UNITS",
    "ClauseView",
    "Draft",
    "DraftForm",
    "ParamView",
    "build",
    "form_from_code",
    "form_from_fields",
]

#: Term units in the order offered, with the Dutch words shown for one and for more.
UNITS: tuple[tuple[str, str, str], ...] = (
    ("dag", "dag", "dagen"),
    ("week", "week", "weken"),
    ("maand", "maand", "maanden"),
    ("jaar", "jaar", "jaar"),
)
YEAR_MIN, YEAR_MAX = 1900, 2200  # as the CLI's --jaar
NAME_MISSING = "vul de naam van het lichaam in (bijvoorbeeld Almelo)"


@dataclass
class DraftForm:
    """The drafting form as submitted: every value as the user typed it."""

    body: str = ""
    offices: list[str] = field(default_factory=list)
    place: str = ""
    year: str = ""
    title: str = ""
    repeals: str = ""
    effective: str = ""
    omit: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)   # "clause.param" -> text
    terms: dict[str, str] = field(default_factory=dict)    # term name -> text
    shown_body: str = ""   # the body whose fields the user saw (to notice a change of body)


@dataclass(frozen=True)
class ParamView:
    """One parameter field as the page shows it."""

    field: str                # form field name, "zet.geschenken.grens"
    key: str                  # "geschenken.grens"
    kind: str                 # bedrag | termijn | keuze | tekst | janee | getal
    label: str                # the model's description of the parameter
    value: str                # current value as text in the field
    unit: str = ""            # for a term: dag | week | maand | jaar
    choices: tuple[str, ...] = ()
    default: str = ""         # "€ 50", "één week", "de griffier (woord van het lichaam: griffier)"
    bounds: str = ""          # "van € 0 tot en met € 250"
    error: str = ""


@dataclass(frozen=True)
class ClauseView:
    """One clause of the model that applies to the chosen offices."""

    id: str
    title: str
    level: str
    can_omit: bool
    omitted: bool
    params: tuple[ParamView, ...]
    toelichting: tuple[str, ...]   # the reason, as the rendered code explains it


@dataclass
class Draft:
    """The outcome of :func:`build`: the code (when it can be made) and what to show."""

    form: DraftForm
    body: Body
    code: Code | None
    clauses: tuple[ClauseView, ...] = ()
    field_errors: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    checklist: tuple[CheckItem, ...] = ()   # the "nog te controleren" list of the code

    @property
    def ok(self) -> bool:
        """True when the code could be made from the form without any error."""
        return self.code is not None and not self.errors and not self.field_errors

    @property
    def ready(self) -> bool:
        """True when the code can be downloaded: no error and a name filled in."""
        return self.ok and bool(self.form.place)


# ---------------------------------------------------------------- values as text


def value_text(value: Value) -> str:
    """A bound value as it is typed in a field: ``50``, ``12,50``, ``ja``, ``de griffier``."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Money):
        amount = value.amount
        if amount == amount.to_integral_value():
            return str(int(amount))
        return f"{amount:.2f}".replace(".", ",")
    if isinstance(value, Duration):
        return str(value.count)
    return str(value)


def _bounds(param: Parameter) -> str:
    low, high = param.minimum, param.maximum
    if low is not None and high is not None:
        return f"van {low} tot en met {high}"
    if low is not None:
        return f"ten minste {low}"
    if high is not None:
        return f"ten hoogste {high}"
    return ""


def _default_value(param: Parameter, terms: Mapping[str, str], place: str = "…") -> Value:
    """The parameter's default; a default that is a body term is that term as the code writes it.

    Terms may refer to each other ("{{ griffier }}"), so the term is resolved, never shown raw.
    """
    if param.default_term and param.default_term in terms:
        try:
            return resolve_terms(terms, place)[param.default_term]
        except GedragscodeError:  # terms typed in the form that refer in a circle: the form reports them
            return terms[param.default_term]
    return param.default


def _default_text(param: Parameter, terms: Mapping[str, str], place: str = "…") -> str:
    value = _default_value(param, terms, place)
    shown = ("ja" if value else "nee") if isinstance(value, bool) else str(value)
    if param.default_term:
        return f"{shown} (woord van het lichaam: {param.default_term})"
    return shown




# ---------------------------------------------------------------- reading the form


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def form_from_fields(fields: Mapping[str, str], lists: Mapping[str, list[str]]) -> DraftForm:
    """The form from submitted fields (``fields``: first value per name; ``lists``: all values)."""
    form = DraftForm(
        body=_clean(fields.get("lichaam")),
        offices=[o for o in (_clean(v) for v in lists.get("ambt", [])) if o],
        place=_clean(fields.get("naam")),
        year=_clean(fields.get("jaar")),
        title=_clean(fields.get("titel")),
        repeals=_clean(fields.get("intrekking")),
        effective=_clean(fields.get("inwerkingtreding")),
        omit=[c for c in (_clean(v) for v in lists.get("zonder", [])) if c],
        shown_body=_clean(fields.get("getoond_lichaam")),
    )
    for name, raw in fields.items():
        if name.startswith("zet.") and not name.endswith(".eenheid"):
            key = name[len("zet."):]
            text = _clean(raw)
            unit = _clean(fields.get(name + ".eenheid"))
            if unit and re.fullmatch(r"\d+", text):
                text = f"{text} {unit}"
            form.values[key] = text
        elif name.startswith("term."):
            form.terms[name[len("term."):]] = _clean(raw)
    return form


def form_from_code(code: Code) -> DraftForm:
    """The form that makes ``code`` again (what loading a .gdc file fills in)."""
    model = code.model
    form = DraftForm(body=code.body.id, offices=[o.id for o in code.offices], place=code.place,
                     year=str(code.year), repeals=code.repeals, effective=code.effective,
                     omit=list(code.omitted))
    default_name = gedragscode.make_code(code.body.id, form.offices, code.place, year=code.year).name
    if code.name != default_name:
        form.title = code.name
    for name, text in code.terms.items():
        if code.body.terms.get(name) != text:
            form.terms[name] = text
    for clause_id, values in code.values.items():
        clause = model.clause(clause_id)
        if clause is None:
            continue
        for param in clause.parameters:
            if param.name in values and values[param.name] != _default_value(param, code.terms):
                value = values[param.name]
                text = value_text(value)
                if isinstance(value, Duration):
                    text = f"{value.count} {value.unit}"
                form.values[f"{clause_id}.{param.name}"] = text
    return form


# ---------------------------------------------------------------- building the code


def _choose_body(model: Model, form: DraftForm, draft_errors: list[str]) -> Body:
    body = model.body(form.body)
    if body is None:
        if form.body:
            draft_errors.append(f"onbekend lichaam '{form.body}'; kies uit: "
                                + ", ".join(b.id for b in model.bodies))
        body = model.bodies[0]
        form.body = body.id
    return body


def _forget_defaults(model: Model, form: DraftForm, shown: Body) -> None:
    """After a change of body, keep only the values the user really changed for the old one.

    The old body's words (and parameter values that were its defaults, such as "de griffier")
    would otherwise become local choices for the new body.
    """
    old_terms = {**shown.terms, **{n: t for n, t in form.terms.items() if t}}
    kept: dict[str, str] = {}
    for key, raw in form.values.items():
        clause_id, _, name = key.partition(".")
        clause = model.clause(clause_id)
        param = clause.parameter(name) if clause is not None else None
        if param is None:
            continue
        try:
            if coerce_value(param, raw) == _default_value(param, old_terms):
                continue
        except GedragscodeError:
            pass
        kept[key] = raw
    form.values = kept
    form.terms = {}


def _choose_offices(body: Body, form: DraftForm, notices: list[str]) -> list[str]:
    known = [o for o in form.offices if body.office(o) is not None]
    if form.offices and not known:
        notices.append(f"Kies de ambten voor {body.name}: de gekozen ambten horen bij een ander lichaam.")
    if not known:
        known = [body.offices[0].id]
    return list(dict.fromkeys(known))


def _param_view(clause: Clause, param: Parameter, code_values: Mapping[str, Value], form: DraftForm,
                terms: Mapping[str, str], errors: Mapping[str, str]) -> ParamView:
    key = f"{clause.id}.{param.name}"
    error = errors.get(key, "")
    bound = code_values.get(param.name, _default_value(param, terms))
    unit: str = bound.unit if isinstance(bound, Duration) else ""
    value = value_text(bound)
    if error:  # show what was typed, so it can be corrected
        typed = form.values.get(key, "")
        m = re.fullmatch(r"(\d+)\s+(\w+)", typed) if param.type is ParamType.TERMIJN else None
        value, unit = (m.group(1), m.group(2)) if m else (typed, unit)
    return ParamView(field=f"zet.{key}", key=key, kind=param.type.value,
                     label=" ".join(param.description.split()) or param.name, value=value, unit=unit,
                     choices=param.choices, default=_default_text(param, terms, form.place or "…"),
                     bounds=_bounds(param),
                     error=error)


def _toelichting(doc: Document) -> dict[str, tuple[str, ...]]:
    """The rendered toelichting per clause id (the reason the handreiking gives)."""
    by_anchor = {e.anchor: e.paragraphs for e in doc.explanations}
    out: dict[str, tuple[str, ...]] = {}
    for article in doc.articles():
        paragraphs = by_anchor.get(f"toelichting-{article.anchor}")
        if article.clause_id and paragraphs:
            out[article.clause_id] = paragraphs
    return out


def build(form: DraftForm, model: Model | None = None, *, today: _dt.date | None = None) -> Draft:
    """Make the code from the form with :func:`gedragscode.make_code`, collecting Dutch errors.

    A value the library refuses is reported for its field and left at its default, so that
    the rest of the code can still be shown.
    """
    model = model or gedragscode.load_model()
    errors: list[str] = []
    notices: list[str] = []
    field_errors: dict[str, str] = {}
    body = _choose_body(model, form, errors)
    shown = model.body(form.shown_body)
    if shown is not None and shown.id != body.id:
        _forget_defaults(model, form, shown)
    form.offices = _choose_offices(body, form, notices)
    offices = tuple(o for o in body.offices if o.id in form.offices)

    year = (today or _dt.date.today()).year
    if form.year:
        if re.fullmatch(r"\d{4}", form.year) and YEAR_MIN <= int(form.year) <= YEAR_MAX:
            year = int(form.year)
        else:
            field_errors["jaar"] = f"'{form.year}' is geen jaartal tussen {YEAR_MIN} en {YEAR_MAX}"
    else:
        form.year = str(year)

    terms = {name: form.terms[name] for name in body.terms if form.terms.get(name)}
    bound_terms = {**body.terms, **terms}
    applicable = model.applicable_clauses(body.id, offices)
    applicable_ids = {c.id for c in applicable}
    settings: dict[str, str] = {f"term.{name}": text for name, text in terms.items()
                                if text != body.terms.get(name)}
    for clause in applicable:
        for param in clause.parameters:
            key = f"{clause.id}.{param.name}"
            raw = form.values.get(key)
            if raw is None:
                continue
            if not raw and param.type is not ParamType.TEKST:
                continue
            try:
                value = coerce_value(param, raw)
            except GedragscodeError as exc:
                field_errors[key] = exc.message
                continue
            if value != _default_value(param, bound_terms):
                settings[key] = raw
    omit = [c for c in dict.fromkeys(form.omit) if c in applicable_ids]

    code: Code | None = None
    try:
        code = gedragscode.make_code(body.id, [o.id for o in offices], form.place or "…", year=year,
                                     settings=settings, omit=omit, name=form.title or None,
                                     repeals=form.repeals, effective=form.effective, model=model)
    except GedragscodeError as exc:
        errors.append(exc.message)
        try:  # show the form for the body and offices even when a choice is refused
            code = gedragscode.make_code(body.id, [o.id for o in offices], form.place or "…", year=year,
                                         model=model)
        except GedragscodeError:  # pragma: no cover - body and offices come from the model
            code = None

    draft = Draft(form=form, body=body, code=code, field_errors=field_errors, errors=errors, notices=notices)
    if code is not None:
        doc = gedragscode.build_document(code)
        draft.checklist = tuple(doc.checklist)
        explained = _toelichting(doc)
        views = []
        for clause in applicable:
            level = clause.level_for(body.id)
            values = code.values.get(clause.id, {})
            views.append(ClauseView(
                id=clause.id, title=clause.title, level=level.value, can_omit=clause.can_be_left_out(body.id),
                omitted=clause.id in code.omitted,
                params=tuple(_param_view(clause, p, values, form, code.terms, field_errors)
                             for p in clause.parameters),
                toelichting=explained.get(clause.id, ())))
        draft.clauses = tuple(views)
    return draft
