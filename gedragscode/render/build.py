"""Build the document tree of a real code of conduct from a resolved :class:`~gedragscode.model.Code`.

The builder turns the model's clause templates, the body's terminology and the local
choices of one code into a :class:`~gedragscode.render.doctree.Document`: title, aanhef
with the legal basis of every statutory office, inleiding, chapters with consecutively
numbered articles (leden and onderdelen that do not apply are dropped), the signing
block and the toelichting. Every string in the tree is plain text; the writers escape it.

The builder is a pure function of the code: the same code gives the same tree.
"""

from __future__ import annotations

import datetime as _dt
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gedragscode import templating
from gedragscode.errors import Location, RenderError
from gedragscode.model import Category, Clause, Code, Duration, Group, LegalRef, Money, Office, Parameter, Value
from gedragscode.render import doctree, writers
from gedragscode.render.docx_options import DocxOptions, TemplateSource
from gedragscode.render.terms import (
    attribute_names,
    body_terms,
    office_terms,
    param_value,
    resolve_terms,
    template_names,
)

__all__ = ["FORMATS", "SUBJECT", "active_groups", "body_terms", "build_document", "checklist", "clause_context",
           "holder_words", "legal_basis_text", "render", "scope_note"]

FORMATS = writers.FORMATS
SUBJECT = "Gedragscode integriteit politieke ambtsdragers"
GENERATOR = "gedragscode"

#: Fallback words when a body does not define a term the builder needs.
_DEFAULT_TERMS: Mapping[str, str] = {
    "vertegenwoordiging": "het vertegenwoordigend orgaan",
    "vertegenwoordiging_vol": "het vertegenwoordigend orgaan",
    "besluit": "besluit",
    "vergadering": "de openbare vergadering",
    "griffier": "de griffier",
    "voorzitter": "de voorzitter",
    "ondertekenaar_voorzitter": "de voorzitter",
}


# ---------------------------------------------------------------- small helpers


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gedragscode")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def _render(text: str, context: Mapping[str, Any], location: Location | None = None) -> str:
    return templating.render_text(text, context, location)



def _is_chair(office: Office) -> bool:
    return office.category is Category.VOORZITTER


def _article(office: Office) -> str:
    return office.terms.get("lidwoord", "de")


def _the_plural(office: Office) -> str:
    """"de wethouders"; for a chair (one person) "de burgemeester"."""
    if _is_chair(office):
        return f"{_article(office)} {office.name}"
    return f"de {office.plural}"


def _letters(index: int) -> str:
    """a, b, ..., z, aa, ab, ... for 0, 1, ..."""
    alphabet = string.ascii_lowercase
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = alphabet[rest] + out
    return out


_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def dutch_date(iso: str) -> str:
    """"2023-05-08" -> "8 mei 2023"; anything else is returned unchanged."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso.strip())
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return iso
    return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"


_PARAGRAPH = " \ue002 "  # a paragraph break that survives the whitespace folding of rendered templates


def _paragraphs(text: str) -> list[str]:
    return [p for p in (" ".join(x.split()) for x in re.split(r"\n\s*\n", text)) if p]


def _plain(value: Value) -> Any:
    """A parameter value as a template sees it: amounts and terms as text, the rest as is."""
    if isinstance(value, Money | Duration):
        return str(value)
    return value


# ---------------------------------------------------------------- terms and offices


def _term(terms: Mapping[str, str], name: str) -> str:
    return terms.get(name) or _DEFAULT_TERMS.get(name, name)


def _office_dict(office: Office, words: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": office.id,
        "naam": office.name,
        "meervoud": office.plural,
        "lidwoord": _article(office),
        "categorie": office.category.value,
        "grondslag": office.legal_basis,
        "wettelijk": office.statutory,
        "t": dict(words),
    }


def _in_body_order(code: Code, offices: Sequence[Office]) -> list[Office]:
    order = {o.id: i for i, o in enumerate(code.body.offices)}
    return sorted(offices, key=lambda o: order.get(o.id, len(order)))


def active_groups(code: Code) -> dict[str, tuple[Group, list[Office]]]:
    """The body's groups the code needs a name for: two or more of its offices, but not all of them."""
    out: dict[str, tuple[Group, list[Office]]] = {}
    for group in code.body.groups:
        members = [o for o in code.offices if group.applies.matches(code.body.id, o)]
        if 2 <= len(members) < len(code.offices):
            out[group.id] = (group, _in_body_order(code, members))
    return out


def _one(office: Office) -> dict[str, str]:
    the = f"{_article(office)} {office.name}"
    return {
        "de_ambtsdrager": the,
        "een_ambtsdrager": the if _is_chair(office) else f"een {office.name}",
        "ambtsdragers": the if _is_chair(office) else office.plural,
        "de_ambtsdragers": _the_plural(office),
        "aanduiding": office.name,
    }


def holder_words(code: Code, scope: Sequence[Office] | None = None) -> dict[str, str]:
    """How a lid for the offices in ``scope`` names the holders it binds.

    One office: its own name ("de wethouder"). All offices of a combined code: "de
    ambtsdrager", which the begrippen define as all of them. Exactly the offices of a group
    (the dagelijks bestuurders and the chair): the group's name ("de bestuurder"), also
    defined in the begrippen. Any other part: the offices by name ("het raadslid of de
    wethouder"), so a lid never binds an office it does not apply to.
    """
    chosen = list(scope) if scope is not None else list(code.offices)
    if len(code.offices) == 1 or len(chosen) == 1:
        return _one(chosen[0])
    if {o.id for o in chosen} == {o.id for o in code.offices}:
        return {
            "de_ambtsdrager": "de ambtsdrager",
            "een_ambtsdrager": "een ambtsdrager",
            "ambtsdragers": "ambtsdragers",
            "de_ambtsdragers": "de ambtsdragers",
            "aanduiding": "ambtsdrager",
        }
    for group, members in active_groups(code).values():
        if {o.id for o in members} == {o.id for o in chosen}:
            return {
                "de_ambtsdrager": f"de {group.name}",
                "een_ambtsdrager": f"een {group.name}",
                "ambtsdragers": group.plural,
                "de_ambtsdragers": f"de {group.plural}",
                "aanduiding": group.name,
            }
    words = [_one(o) for o in _in_body_order(code, chosen)]
    return {
        "de_ambtsdrager": _join([w["de_ambtsdrager"] for w in words], "of"),
        "een_ambtsdrager": _join([w["een_ambtsdrager"] for w in words], "of"),
        "ambtsdragers": _join([w["ambtsdragers"] for w in words]),
        "de_ambtsdragers": _join([w["de_ambtsdragers"] for w in words]),
        "aanduiding": _join([w["aanduiding"] for w in words], "of"),
    }


def _groups_context(code: Code) -> dict[str, dict[str, str]]:
    return {gid: {"naam": group.name, "meervoud": group.plural,
                  "omschrijving": _join([_one(o)["een_ambtsdrager"] for o in members], "of")}
            for gid, (group, members) in active_groups(code).items()}


def _law_refs(clause: Clause, body: str, scope: Sequence[Office]) -> dict[str, LegalRef]:
    """The clause's legal references for ``body``: body+office > office > body > general."""
    ids = {o.id for o in scope}
    best: dict[str, tuple[int, LegalRef]] = {}
    for ref in clause.refs:
        if ref.body is not None and ref.body != body:
            continue
        if ref.office is not None and ref.office not in ids:
            continue
        rank = (2 if ref.office is not None else 0) + (1 if ref.body is not None else 0)
        if ref.name not in best or rank > best[ref.name][0]:
            best[ref.name] = (rank, ref)
    return {name: ref for name, (_rank, ref) in best.items()}


def _laws(clause: Clause, body: str, scope: Sequence[Office]) -> dict[str, str]:
    """The texts of :func:`_law_refs`."""
    return {name: ref.text for name, ref in _law_refs(clause, body, scope).items()}


# ---------------------------------------------------------------- cross-references

# A reference in a template ({{ artikel.informatie }}, {{ verwijs.melding }}) renders as a token;
# the builder replaces it once every article and lid has its number, relative to the text it
# stands in ("het tweede lid" within the article, "artikel 7, tweede lid" elsewhere).
_OPEN, _CLOSE = "\ue000", "\ue001"
_TOKEN = re.compile("\ue000([^\ue001]*)\ue001")
_ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
             "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende",
             "achttiende", "negentiende", "twintigste")


def _token(*parts: str) -> str:
    return _OPEN + ":".join(parts) + _CLOSE


def _names(clause: Clause) -> list[str]:
    return [n for lid in clause.leden for n in (lid.name, *(o.name for o in lid.onderdelen)) if n]


def _ordinal(n: int) -> str:
    return _ORDINALS[n - 1] if 0 < n <= len(_ORDINALS) else f"{n}e"


@dataclass(frozen=True)
class _Target:
    """Where a named lid or onderdeel ended up: article, lid numbers (None: unnumbered), onderdeel."""

    article: int
    leden: tuple[int | None, ...]
    onderdeel: str | None = None


class _References:
    """The numbers of the articles and named leden of one code, and the text of a reference."""

    def __init__(self, shown: Mapping[str, str] | None = None) -> None:
        self.articles: dict[str, int] = {}
        self.targets: dict[tuple[str, str], _Target] = {}
        #: clause id -> the article number a reference shows (another code's numbering, for wijzig)
        self.shown: Mapping[str, str] = shown or {}

    def text(self, key: str, here: int | None) -> str:
        kind, _, rest = key.partition(":")
        if kind == "A":
            number = self.articles.get(rest)
            if number is None:
                raise RenderError(f"verwijzing naar artikel '{rest}', dat in deze gedragscode niet voorkomt")
            return "dit artikel" if number == here else f"artikel {self.shown.get(rest, number)}"
        clause_id, _, name = rest.partition(":")
        target = self.targets.get((clause_id, name))
        if target is None:
            raise RenderError(f"verwijzing naar lid of onderdeel '{name}' van clausule '{clause_id}', dat in deze "
                              "gedragscode niet voorkomt")
        numbered = [n for n in target.leden if n is not None]
        lid = ""
        if numbered:
            lid = ", ".join(_ordinal(n) for n in numbered[:-1]) + (" en " if len(numbered) > 1 else "") \
                + _ordinal(numbered[-1]) + " lid"
        part = f"onderdeel {target.onderdeel}" if target.onderdeel else ""
        if target.article == here:
            if lid:
                return f"het {lid}" + (f", {part}" if part else "")
            return part or "dit artikel"
        return ", ".join(x for x in (f"artikel {self.shown.get(clause_id, target.article)}", lid, part) if x)

    def resolve(self, text: str, here: int | None) -> str:
        """``text`` with every reference token written out; capitalised at the start of a sentence."""
        if _OPEN not in text:
            return text

        def replace(m: re.Match[str]) -> str:
            words = self.text(m.group(1), here)
            before = text[:m.start()].rstrip()
            if not before or before.endswith((".", "!", "?")):
                words = words[:1].upper() + words[1:]
            return words

        return _TOKEN.sub(replace, text)


# ---------------------------------------------------------------- template context


class _Uses:
    """What the templates of one lid or toelichting read: legal references and terms."""

    def __init__(self) -> None:
        self.laws: set[str] = set()
        self.terms: set[str] = set()
        self.office_terms: set[tuple[str, str]] = set()


class _Seen(dict[str, Any]):
    """A template mapping that notes which keys a template reads (for the checklist)."""

    def __init__(self, data: Mapping[str, Any], note: Any) -> None:
        super().__init__(data)
        self._note = note

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        self._note(key)
        return value


@dataclass(frozen=True)
class _Base:
    """What every template of one code shares."""

    terms: dict[str, str]
    code_info: dict[str, Any]
    offices: dict[str, dict[str, Any]]
    office_terms: dict[str, dict[str, str]]
    groups: dict[str, dict[str, str]]
    model_terms: dict[str, str]


def _base(code: Code) -> _Base:
    words = {o.id: office_terms(code, o) for o in code.offices}
    return _Base(
        terms=body_terms(code),
        code_info={
            "naam": code.name,
            "jaar": code.year,
            "intrekking": code.repeals,
            "inwerkingtreding": code.effective,
            "vastgesteld": code.adopted,
            "plaats": code.place,
        },
        offices={o.id: _office_dict(o, words[o.id]) for o in code.offices},
        office_terms=words,
        groups=_groups_context(code),
        model_terms=resolve_terms(code.body.terms, code.place),
    )


def _office_view(data: Mapping[str, Any], uses: _Uses | None) -> dict[str, Any]:
    """An office as templates see it; its terms (``a.t.NAME``) note what is read."""
    view = dict(data)
    if uses is not None:
        office_id = str(data["id"])
        view["t"] = _Seen(data["t"], lambda key: uses.office_terms.add((office_id, key)))
    return view


def clause_context(code: Code, clause: Clause, scope: Sequence[Office], base: _Base | None = None,
                   *, narrowed: bool = False, uses: _Uses | None = None,
                   extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The template context of ``clause`` for the offices in ``scope``.

    The holder words name exactly the offices in ``scope`` (see :func:`holder_words`);
    ``rol`` holds the terms as those offices see them (the builder has split a lid whose
    offices see different values) and parameters take their value for those offices.
    ``uses`` collects the legal references and terms the templates read (for the checklist);
    ``extra`` adds builder-made names (``beperkingen``). ``narrowed`` is accepted for
    compatibility and no longer changes anything: the scope alone decides.
    """
    del narrowed
    b = base or _base(code)
    first = scope[0] if scope else code.offices[0]
    laws: dict[str, Any] = _laws(clause, code.body.id, scope)
    terms: dict[str, Any] = dict(b.terms)
    roles: dict[str, Any] = dict(b.office_terms[first.id])
    if uses is not None:
        laws = _Seen(laws, uses.laws.add)
        terms = _Seen(terms, uses.terms.add)
        ids = [o.id for o in scope]
        roles = _Seen(roles, lambda key: uses.office_terms.update((i, key) for i in ids))
    context: dict[str, Any] = {
        "lichaam": terms,
        "rol": roles,
        "naam": code.place,
        "code": dict(b.code_info),
        "ambten": [_office_view(b.offices[o.id], uses) for o in scope],
        "alle_ambten": [_office_view(d, uses) for d in b.offices.values()],
        "ambt_ids": [o.id for o in scope],
        "categorieen": sorted({o.category.value for o in scope}),
        "wet": laws,
        "groepen": {k: dict(v) for k, v in b.groups.items()},
        "beperkingen": [],
        "artikel": {c.id: _token("A", c.id) for c in code.clauses},
        "verwijs": {name: _token("L", clause.id, name) for name in _names(clause)},
        "dit_lid": "",
        **holder_words(code, scope),
    }
    for param in clause.parameters:
        context[param.name] = _plain(param_value(code, clause, param, first, b.office_terms[first.id]))
    # a local choice is a value that differs from the model's default (a value set equal to it is no choice)
    defaults = {p.name: _plain(_default(code, p, b)) for p in clause.parameters}
    context["gekozen"] = [p.name for p in clause.parameters
                          if any(_plain(param_value(code, clause, p, o, b.office_terms[o.id])) != defaults[p.name]
                                 for o in scope)]
    context["standaard"] = defaults
    if extra:
        context.update(extra)
    return context


def _default(code: Code, param: Parameter, base: _Base) -> Value:
    """The model's default of ``param`` for this body (a term default: the body's own word)."""
    if param.default_term is None:
        return param.default
    return base.model_terms.get(param.default_term, param.default)


def _partition(code: Code, clause: Clause, texts: Sequence[str], scope: Sequence[Office],
               base: _Base) -> list[list[Office]]:
    """The offices of ``scope`` grouped by the office-dependent values the templates read.

    A lid that reads ``rol.vraagbaak`` or a parameter whose value differs per office
    ("bij wie meldt de burgemeester?") becomes one lid per group of offices that read the same
    values, each naming its own offices; so no office is sent to itself.
    """
    roles = sorted(set().union(*(attribute_names(t, "rol") for t in texts)))
    params = [p for p in clause.parameters if any(p.name in template_names(t) for t in texts)]
    if not roles and not params:
        return [list(scope)]
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Office]] = {}
    for office in scope:
        words = base.office_terms[office.id]
        key = (tuple(words.get(n, "") for n in roles),
               tuple(str(param_value(code, clause, p, office, words)) for p in params))
        groups.setdefault(key, []).append(office)
    return list(groups.values())


# ---------------------------------------------------------------- checklist


class _Checklist:
    """Collects the unverified facts that the rendered text actually uses."""

    def __init__(self, code: Code) -> None:
        self.code = code
        self.items: list[doctree.CheckItem] = []
        self._keys: set[tuple[str, str, str]] = set()

    def add(self, where: str, clause_id: str, kind: str, text: str, note: str) -> None:
        key = (kind, text, note)
        if note and key not in self._keys:
            self._keys.add(key)
            self.items.append(doctree.CheckItem(where, clause_id, kind, text, note))

    def _term(self, where: str, clause: Clause, office: Office | None, name: str) -> None:
        """A term's marker, unless the local code chose its own word (an office's own word stays)."""
        code = self.code
        overridden = code.terms.get(name) != code.body.terms.get(name)
        if office is not None and name in office.term_checks:
            if office.terms.get(name) != code.body.terms.get(name) or not overridden:
                self.add(where, clause.id, "term", office_terms(code, office).get(name, ""), office.term_checks[name])
            return
        if name in code.body.term_checks and not overridden:
            self.add(where, clause.id, "term", body_terms(code).get(name, ""), code.body.term_checks[name])

    def uses(self, where: str, clause: Clause, scope: Sequence[Office], uses: _Uses,
             templates: Sequence[str]) -> None:
        """Facts with a ``controleer`` marker that one rendered template group read."""
        code = self.code
        refs = _law_refs(clause, code.body.id, scope)
        for name in sorted(uses.laws):
            ref = refs.get(name)
            if ref is not None and ref.check:
                self.add(where, clause.id, "wetsverwijzing", ref.text, ref.check)
        for name in sorted(uses.terms):
            self._term(where, clause, None, name)
        for office_id, name in sorted(uses.office_terms):
            self._term(where, clause, code.body.office(office_id), name)
        used: set[str] = set()
        for text in templates:
            used |= template_names(text)
        for param in clause.parameters:
            if param.name not in used:
                continue
            chosen = f"{clause.id}.{param.name}" in code.chosen
            own = code.office_values.get(clause.id, {}).get(param.name, {})
            for office in scope:
                if office.id in own or chosen:
                    continue
                if param.check:
                    value = param_value(code, clause, param, office)
                    self.add(where, clause.id, "keuze", f"{clause.id}.{param.name} = {_plain(value)}", param.check)
                if param.default_term:
                    self._term(where, clause, office, param.default_term)

    def note(self, where: str, clause_id: str, kind: str, text: str, note: str) -> None:
        self.add(where, clause_id, kind, text, note)


# ---------------------------------------------------------------- aanhef, scope notes, signing


def _join(items: Sequence[str], last: str = "en") -> str:
    return templating.join_words(list(items), last)


_CATEGORY_ORDER = {Category.VOORZITTER: 0, Category.DAGELIJKS_BESTUURDER: 1, Category.VOLKSVERTEGENWOORDIGER: 2}


def scope_note(code: Code, scope: Sequence[Office]) -> str:
    """"Dit artikel geldt voor de wethouders." when an article is for only some of the code's offices.

    Offices are named chair first, then executives, then representatives ("de burgemeester
    en de wethouders").
    """
    if len(code.offices) < 2 or len(scope) == len(code.offices) or not scope:
        return ""
    ordered = sorted(scope, key=lambda o: _CATEGORY_ORDER[o.category])
    return f"Dit artikel geldt voor {_join([_the_plural(o) for o in ordered])}."


def legal_basis_text(offices: Sequence[Office]) -> str:
    """The legal bases of the statutory ``offices``, grouped per law.

    ``artikel 41c, tweede lid, en artikel 69, tweede lid, van de Gemeentewet``; an empty
    string when no office has a statutory basis.
    """
    return templating.group_legal_refs([o.legal_basis for o in offices if o.statutory and o.legal_basis.strip()])


def _proposer(code: Code, terms: Mapping[str, str]) -> str:
    """Who proposes the code: the presidium for representatives, the executive otherwise."""
    if "voorstel_van" in terms:
        return terms["voorstel_van"]
    if any(o.category is Category.VOLKSVERTEGENWOORDIGER for o in code.offices):
        return terms.get("presidium", "")
    return terms.get("bestuur", "")


def _with_article(title: str) -> str:
    """"de Gedragscode ... 2016" for a title; a title that starts with an article is kept."""
    title = " ".join(title.split()).rstrip(".")
    return title if re.match(r"(?i)(?:de|het) ", title) else f"de {title}"


def _aanhef(code: Code, terms: Mapping[str, str]) -> tuple[str, ...]:
    """Aanhef and dictum: the proposer, date and reference of the proposal and an advice are the code's own."""
    lines = [templating.hoofdletter(_term(terms, "vertegenwoordiging_vol")) + ";"]
    proposer = code.proposed_by.strip() or _proposer(code, terms)
    if proposer:
        line = f"gelezen het voorstel van {proposer}"
        if code.proposal_date.strip():
            line += f" van {dutch_date(code.proposal_date.strip())}"
        if code.proposal_reference.strip():
            line += f", kenmerk {code.proposal_reference.strip()}"
        lines.append(line + ";")
    if code.advice.strip():
        lines.append(f"gezien het advies van {code.advice.strip()};")
    basis = legal_basis_text(code.offices)
    if basis:
        lines.append(f"gelet op {basis};")
    lines.append(f"{_term(terms, 'besluit')}:")
    dictum = f"vast te stellen de volgende regeling: {code.name}"
    if code.repeals.strip():
        dictum += f", onder gelijktijdige intrekking van {_with_article(code.repeals)}"
    lines.append(dictum + ".")
    return tuple(lines)


def _signing(code: Code, terms: Mapping[str, str]) -> tuple[str, ...]:
    """"Aldus vastgesteld ...", then the chair of the meeting and the griffier, each with a name line."""
    when = dutch_date(code.adopted.strip()) or "..."
    end = "" if when.endswith((".", "…")) else "."
    return (
        f"Aldus vastgesteld in {_term(terms, 'vergadering')} van {when}{end}",
        "",
        templating.hoofdletter(_term(terms, "ondertekenaar_voorzitter")) + ",",
        code.chair_name.strip() or "(naam)",
        "",
        templating.hoofdletter(_term(terms, "griffier")) + ",",
        code.clerk_name.strip() or "(naam)",
    )


def _general_explanation(code: Code, terms: Mapping[str, str],
                         chapters: Sequence[doctree.Chapter]) -> tuple[str, ...]:
    model = code.model
    who = _join([_the_plural(o) for o in code.offices])
    adopted_by = _term(terms, "vertegenwoordiging_vol")
    paragraphs = [
        f"Deze gedragscode is vastgesteld door {adopted_by} en geldt voor {who}. Integriteit van "
        "politieke ambtsdragers is een voorwaarde voor het vertrouwen van inwoners in het openbaar "
        "bestuur. De code maakt concreet wat daarvoor van ieder van hen wordt verwacht en geeft houvast "
        "bij de afwegingen die het ambt vraagt.",
    ]
    titles = [c.title for c in chapters if c.title]
    count = sum(len(c.articles) for c in chapters)
    if len(titles) > 1:
        paragraphs.append(f"De {count} artikelen zijn verdeeld over {len(titles)} hoofdstukken: "
                          + "; ".join(titles) + ".")
    basis = legal_basis_text(code.offices)
    statutory = [o for o in code.offices if o.statutory]
    others = [o for o in code.offices if not o.statutory]
    if basis:
        paragraphs.append(f"De plicht om een gedragscode vast te stellen volgt uit {basis}.")
    if others and statutory:
        names = _join([_the_plural(o) for o in others])
        paragraphs.append(f"Voor {names} bestaat geen eigen wettelijke plicht tot een gedragscode; "
                          f"de code is op hen van toepassing omdat zij deelnemen aan het werk van "
                          f"{_term(terms, 'vertegenwoordiging')}.")
    version = f"versie {model.version}" + (f" van {dutch_date(model.date)}" if model.date else "")
    paragraphs.append(
        f"De tekst volgt de modelbepalingen uit de handreiking \u201c{model.title}\u201d ({version}), "
        f"toegesneden op {terms.get('naam_met_lidwoord') or terms.get('naam_vol') or code.place} en op de keuzes "
        f"die daar zijn gemaakt."
    )
    return tuple(paragraphs)


# ---------------------------------------------------------------- articles


@dataclass
class _Draft:
    """One article before it has its number: rendered leden, their offices and checklist uses."""

    clause: Clause
    chapter: str
    title: str = ""
    #: the model leden (indices) this article renders: all of them, or one part of a clause whose
    #: leden with a ``kop`` start articles of their own (intrekking, inwerkingtreding, citeertitel)
    indices: tuple[int, ...] = ()
    leden: list[doctree.Lid] = field(default_factory=list)
    scopes: list[list[Office]] = field(default_factory=list)
    uses: list[tuple[list[Office], _Uses, list[str]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    number: int = 0
    #: named leden and onderdelen: name -> (index of the rendered lid, onderdeel label or None)
    names: dict[str, list[tuple[int, str | None]]] = field(default_factory=dict)
    #: rendered leden that have their own toelichting: (model lid index, the offices it was rendered for)
    explained: list[tuple[int, list[Office]]] = field(default_factory=list)

    @property
    def offices(self) -> list[Office]:
        """The offices at least one rendered lid applies to."""
        seen: dict[str, Office] = {}
        for scope in self.scopes:
            for office in scope:
                seen.setdefault(office.id, office)
        return list(seen.values())


def _parts(clause: Clause) -> list[tuple[str, tuple[int, ...]]]:
    """The articles of a clause: (title, lid indices). A lid with a ``kop`` starts a new article."""
    parts: list[tuple[str, list[int]]] = [(clause.title, [])]
    for index, lid in enumerate(clause.leden):
        if lid.heading:
            parts.append((lid.heading, []))
        parts[-1][1].append(index)
    return [(title, tuple(indices)) for title, indices in parts if indices]


def _is_late(clause: Clause) -> bool:
    """A clause that names the articles of the code (the reikwijdte): rendered once they are known."""
    return any("beperkingen" in template_names(t) for lid in clause.leden
               for t in (lid.text, *(o.text for o in lid.onderdelen)))


def _render_leden(code: Code, clause: Clause, scope: Sequence[Office], base: _Base, draft: _Draft,
                  extra: Mapping[str, Any] | None = None) -> None:
    """Render the draft's leden of ``clause`` that apply to ``scope`` into ``draft``, numbered 1, 2, ..."""
    body = code.body.id
    rendered: list[tuple[str, tuple[doctree.Onderdeel, ...]]] = []
    sources: list[int] = []
    for index, lid in enumerate(clause.leden):
        if draft.indices and index not in draft.indices:
            continue
        lid_scope = [o for o in scope if lid.applies.matches(body, o)]
        if not lid_scope:
            continue
        texts = [lid.text, *(o.text for o in lid.onderdelen)]
        for part in _partition(code, clause, texts, lid_scope, base):
            uses = _Uses()
            context = clause_context(code, clause, part, base, uses=uses, extra=extra)
            text = _render(lid.text, context, lid.location)
            templates = [lid.text] if text else []
            onderdelen: list[doctree.Onderdeel] = []
            for onderdeel in lid.onderdelen:
                o_scope = [o for o in part if onderdeel.applies.matches(body, o)]
                if not o_scope:
                    continue
                o_context = clause_context(code, clause, o_scope, base, uses=uses, extra=extra)
                o_text = _render(onderdeel.text, o_context, lid.location)
                if o_text:
                    label = _letters(len(onderdelen))
                    onderdelen.append(doctree.Onderdeel(label, o_text))
                    templates.append(onderdeel.text)
                    if onderdeel.check:
                        draft.notes.append(onderdeel.check)
                    if onderdeel.name:
                        draft.names.setdefault(onderdeel.name, []).append((len(rendered), label))
            if text or onderdelen:
                if lid.name:
                    draft.names.setdefault(lid.name, []).append((len(rendered), None))
                if f"#{index}" not in draft.names and lid.toelichting:
                    draft.explained.append((index, part))
                draft.names.setdefault(f"#{index}", []).append((len(rendered), None))
                rendered.append((text, tuple(onderdelen)))
                sources.append(index)
                draft.scopes.append(part)
                draft.uses.append((part, uses, templates))
                if lid.check:
                    draft.notes.append(lid.check)
    single = len(rendered) == 1
    draft.leden = [doctree.Lid(None if single else i, text, onds, tuple(o.id for o in _in_body_order(code, part)), src)
                   for i, ((text, onds), part, src) in enumerate(zip(rendered, draft.scopes, sources, strict=True),
                                                                 start=1)]


def _flush(checklist: _Checklist, where: str, draft: _Draft) -> None:
    for scope, uses, templates in draft.uses:
        checklist.uses(where, draft.clause, scope, uses, templates)
    for reason in draft.notes:
        checklist.note(where, draft.clause.id, "tekst", "", reason)
    for reason in draft.clause.checks:
        checklist.note(where, draft.clause.id, "tekst", "", reason)


def _explanation(code: Code, clause: Clause, scope: Sequence[Office], base: _Base,
                 checklist: _Checklist | None = None, where: str = "",
                 explained: Sequence[tuple[int, list[Office]]] = (), *, own: bool = True) -> list[str]:
    """The toelichting of one article: the clause's own, then that of each rendered lid that has one.

    A lid's toelichting is rendered for the offices the lid was rendered for, with ``dit_lid``
    naming the lid ("het vierde lid"), so it never explains a lid the code does not have.
    """
    parts: list[tuple[str, Sequence[Office], dict[str, Any]]] = [(clause.toelichting, scope, {})] if own else []
    for index, lid_scope in explained:
        lid = clause.leden[index]
        parts.append((lid.toelichting, lid_scope, {"dit_lid": _token("L", clause.id, f"#{index}")}))
    out: list[str] = []
    for text, part_scope, extra in parts:
        if not text.strip():
            continue
        uses = _Uses()
        context = clause_context(code, clause, part_scope, base, uses=uses, extra=extra)
        # one template for all paragraphs, so that {% if %} may span a paragraph break
        source = _PARAGRAPH.join(_paragraphs(text))
        rendered = [p.strip() for p in _render(source, context, clause.location).split(_PARAGRAPH.strip())]
        out.extend(p for p in rendered if p)
        if checklist is not None:
            checklist.uses(where, clause, part_scope, uses, [text])
    return out


def _article_numbers(numbers: Sequence[int]) -> str:
    """"artikel 7", "de artikelen 7 en 12", "de artikelen 7, 12 en 20 tot en met 22"."""
    numbers = sorted(numbers)
    parts: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{numbers[i]} tot en met {numbers[j]}")
        else:
            parts.extend(str(n) for n in numbers[i:j + 1])
        i = j + 1
    if len(numbers) == 1:
        return f"artikel {numbers[0]}"
    return "de artikelen " + _join(parts)


def _restrictions(code: Code, drafts: Sequence[_Draft], shown: Mapping[str, str] | None = None
                  ) -> list[dict[str, Any]]:
    """The articles that bind only some of the code's offices, grouped by those offices.

    This is what the reikwijdte says in place of a note under each such article. ``shown``
    gives other article numbers (clause id -> number, for wijzig).
    """
    everyone = {o.id for o in code.offices}
    groups: dict[frozenset[str], tuple[list[Office], list[int], list[str]]] = {}
    for draft in drafts:
        offices = draft.offices
        ids = frozenset(o.id for o in offices)
        if not offices or ids == everyone or not draft.number:
            continue
        group = groups.setdefault(ids, (offices, [], []))
        group[1].append(draft.number)
        group[2].append((shown or {}).get(draft.clause.id, str(draft.number)))
    out = []
    for offices, numbers, labels in sorted(groups.values(), key=lambda g: min(g[1])):
        ordered = _in_body_order(code, offices)
        listed = (_article_numbers(numbers) if not shown else
                  f"artikel {labels[0]}" if len(labels) == 1 else "de artikelen " + _join(labels))
        out.append({
            "artikelen": listed,
            "meervoud": len(numbers) > 1,
            "ambten": _join([_the_plural(o) for o in ordered]),
            "ambt_ids": [o.id for o in ordered],
        })
    return out


def build_document(code: Code, *, numbering: Mapping[str, str] | None = None) -> doctree.Document:
    """The complete code of conduct for ``code`` as a document tree.

    ``numbering`` (clause id -> article number) makes references to other articles, and the
    reikwijdte's lists of articles, use the numbers an existing code gives those clauses
    ("artikel 5", "artikel 4a") instead of the numbers of this tree: what ``wijzig`` needs for
    text it inserts into an existing code.

    Every lid is rendered for the offices it applies to and names exactly those offices; a
    lid whose receiver differs per office is split per office. Articles that bind only some
    offices are listed in the reikwijdte. The tree's ``checklist`` lists the facts in the text
    that are not verified yet (the model's ``controleer`` markers that the text actually
    uses); the text itself never carries such notes.
    """
    base = _base(code)
    terms = base.terms
    body = code.body.id
    checklist = _Checklist(code)
    for office in code.offices:
        if office.statutory and office.basis_check:
            checklist.note("Aanhef", "", "grondslag", office.legal_basis, office.basis_check)

    inleiding: list[str] = []
    drafts: list[_Draft] = []
    for clause in code.clauses:
        scope = [o for o in code.offices if clause.applies.matches(body, o)]
        if not scope:
            continue
        if clause.form == "inleiding":
            draft = _Draft(clause, "")
            _render_leden(code, clause, scope, base, draft)
            for lid in draft.leden:
                inleiding.append(lid.text)
                inleiding.extend(f"{o.label}. {o.text}" for o in lid.onderdelen)
            _flush(checklist, "Inleiding", draft)
            continue
        for title, indices in _parts(clause):
            draft = _Draft(clause, clause.chapter, title, indices)
            if not _is_late(clause):
                _render_leden(code, clause, scope, base, draft)
            drafts.append(draft)

    order = [c.id for c in code.model.chapters] + [c.chapter for c in code.clauses
                                                   if code.model.chapter(c.chapter) is None]
    rank = {chapter: i for i, chapter in reversed(list(enumerate(order)))}
    drafts.sort(key=lambda d: rank.get(d.chapter, len(rank)))  # stable: model order within a chapter
    late = [d for d in drafts if _is_late(d.clause)]
    for _attempt in range(len(late) + 1):
        number = 0
        for draft in drafts:
            draft.number = 0
            if draft.leden or (draft in late and draft.clause.leden):
                number += 1
                draft.number = number
        extra = {"beperkingen": _restrictions(code, [d for d in drafts if d not in late], numbering)}
        dropped = False
        for draft in late:
            if not draft.number:
                continue
            draft.leden, draft.scopes, draft.uses, draft.notes, draft.names = [], [], [], [], {}
            draft.explained = []
            scope = [o for o in code.offices if draft.clause.applies.matches(body, o)]
            _render_leden(code, draft.clause, scope, base, draft, extra)
            dropped = dropped or not draft.leden
        if not dropped:
            break
        late = [d for d in late if d.leden]
        drafts = [d for d in drafts if d.leden or d in late]

    references = _References(numbering)
    for draft in drafts:
        if not (draft.leden and draft.number):
            continue
        references.articles.setdefault(draft.clause.id, draft.number)
        for name, places in draft.names.items():
            numbers = tuple(draft.leden[i].number for i, _label in places)
            references.targets[(draft.clause.id, name)] = _Target(draft.number, numbers, places[0][1])

    chapters: list[doctree.Chapter] = []
    explanations: list[doctree.Explanation] = []
    for chapter_id in dict.fromkeys(d.chapter for d in drafts if d.leden and d.number):
        articles: list[doctree.Article] = []
        for draft in (d for d in drafts if d.chapter == chapter_id and d.leden and d.number):
            clause = draft.clause
            n = draft.number
            leden = tuple(doctree.Lid(lid.number, references.resolve(lid.text, n),
                                      tuple(doctree.Onderdeel(o.label, references.resolve(o.text, n))
                                            for o in lid.onderdelen), lid.offices, lid.source)
                          for lid in draft.leden)
            articles.append(doctree.Article(str(n), draft.title, leden, f"artikel-{n}", "", clause.id))
            _flush(checklist, f"Artikel {n} {draft.title}", draft)
            first = references.articles.get(clause.id) == n  # the clause's toelichting goes with its first article
            paragraphs = [references.resolve(p, n) for p in
                          _explanation(code, clause, draft.offices, base, checklist, f"Toelichting op artikel {n}",
                                       draft.explained, own=first)]
            if code.model.clause(clause.id) is None:
                # a clause the griffie added: say so, and ask for the explanation it lacks
                paragraphs.insert(0, f"Dit artikel is een aanvulling van {_term(terms, 'vertegenwoordiging')} "
                                     "op de handreiking.")
                if len(paragraphs) == 1:
                    checklist.note(f"Toelichting op artikel {n}", clause.id, "toelichting", clause.title,
                                   "Dit artikel is lokaal toegevoegd en heeft nog geen toelichting; schrijf die "
                                   "(toelichting \"...\" in de clausule).")
            if paragraphs:
                explanations.append(doctree.Explanation(f"Artikel {n} {draft.title}", tuple(paragraphs),
                                                        f"toelichting-artikel-{n}"))
        found = code.model.chapter(chapter_id)
        c = len(chapters) + 1
        chapters.append(doctree.Chapter(c, found.title if found else chapter_id, tuple(articles), f"hoofdstuk-{c}"))

    model = code.model
    return doctree.Document(
        title=code.name,
        subject=SUBJECT,
        aanhef=_aanhef(code, terms),
        inleiding=tuple(references.resolve(p, None) for p in inleiding),
        chapters=tuple(chapters),
        signing=_signing(code, terms),
        general_explanation=_general_explanation(code, terms, chapters),
        explanations=tuple(explanations),
        lang="nl",
        metadata={
            "generator": f"{GENERATOR} {_version()}",
            "model": f"{model.title} ({model.version})",
            "lichaam": terms.get("naam_titel") or terms.get("naam_vol") or code.place,
            "ambten": ", ".join(o.name for o in code.offices),
        },
        checklist=tuple(checklist.items),
    )


def checklist(code: Code) -> tuple[doctree.CheckItem, ...]:
    """The "nog te controleren" list of ``code``: unverified facts its rendered text uses.

    Each item says where the fact stands (article or aanhef), what it is (a legal
    reference, a default value, a term), the text as used, and what to check. The list is
    empty when every fact the code relies on is verified.
    """
    return build_document(code).checklist


def render(code: Code, fmt: str = "md", *, template: TemplateSource | None = None,
           date: _dt.date | _dt.datetime | None = None, toc: bool = True) -> str | bytes:
    """The code of conduct in ``fmt``: "md" and "html" give str, "docx" gives bytes.

    Word only: ``template`` is a house template (``.dotx``/``.docx``, bytes or a path) whose
    styles, page set-up, headers and footers are used; ``date`` sets the core properties'
    created/modified date (default: ``SOURCE_DATE_EPOCH`` when set, else now; fix it for
    byte-identical builds); ``toc=False`` leaves out the table of contents.
    """
    return writers.write(build_document(code), fmt, DocxOptions(template=template, date=date, toc=toc))
