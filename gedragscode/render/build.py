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
from dataclasses import dataclass
from typing import Any

from gedragscode import templating
from gedragscode.errors import Location
from gedragscode.model import Category, Clause, Code, Duration, LegalRef, Money, Office, Value
from gedragscode.render import doctree, writers
from gedragscode.render.docx_options import DocxOptions, TemplateSource

__all__ = ["FORMATS", "SUBJECT", "build_document", "checklist", "legal_basis_text", "render", "scope_note"]

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


def _fill_place(text: str, place: str) -> str:
    """A term with ``{{ naam }}`` filled in (plain terms are returned as they are)."""
    if "{" not in text:
        return text
    return _render(text, {"naam": place})


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


def _paragraphs(text: str) -> list[str]:
    return [p for p in (" ".join(x.split()) for x in re.split(r"\n\s*\n", text)) if p]


def _plain(value: Value) -> Any:
    """A parameter value as a template sees it: amounts and terms as text, the rest as is."""
    if isinstance(value, Money | Duration):
        return str(value)
    return value


# ---------------------------------------------------------------- terms and offices


def body_terms(code: Code) -> dict[str, str]:
    """The code's body terms with ``{{ naam }}`` filled in (local overrides included)."""
    return {k: _fill_place(v, code.place) for k, v in code.terms.items()}


def _term(terms: Mapping[str, str], name: str) -> str:
    return terms.get(name) or _DEFAULT_TERMS.get(name, name)


def _office_terms(code: Code, office: Office) -> dict[str, str]:
    """Office terms, with the code's local term overrides where the office keeps the body's word."""
    out: dict[str, str] = {}
    for key, value in office.terms.items():
        own = value != code.body.terms.get(key)
        chosen = value if own or key not in code.terms else code.terms[key]
        out[key] = _fill_place(chosen, code.place)
    for key, value in code.terms.items():
        out.setdefault(key, _fill_place(value, code.place))
    return out


def _office_dict(code: Code, office: Office) -> dict[str, Any]:
    return {
        "id": office.id,
        "naam": office.name,
        "meervoud": office.plural,
        "lidwoord": _article(office),
        "categorie": office.category.value,
        "grondslag": office.legal_basis,
        "wettelijk": office.statutory,
        "t": _office_terms(code, office),
    }


def holder_words(code: Code, only: Office | None = None) -> dict[str, str]:
    """How the code names its office holders: the one office, or "ambtsdrager" in a combined code.

    ``only`` names one office explicitly (for a lid that applies to just that office).
    """
    if only is not None or len(code.offices) == 1:
        office = only or code.offices[0]
        the = f"{_article(office)} {office.name}"
        return {
            "de_ambtsdrager": the,
            "een_ambtsdrager": the if _is_chair(office) else f"een {office.name}",
            "ambtsdragers": office.plural,
            "de_ambtsdragers": _the_plural(office),
            "aanduiding": office.name,
        }
    return {
        "de_ambtsdrager": "de ambtsdrager",
        "een_ambtsdrager": "een ambtsdrager",
        "ambtsdragers": "ambtsdragers",
        "de_ambtsdragers": "de ambtsdragers",
        "aanduiding": "ambtsdrager",
    }


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
    holders: dict[str, str]


def _base(code: Code) -> _Base:
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
        offices={o.id: _office_dict(code, o) for o in code.offices},
        holders=holder_words(code),
    )


def _office_view(data: Mapping[str, Any], uses: _Uses | None) -> dict[str, Any]:
    """An office as templates see it; its terms (``a.t.NAME``) note what is read."""
    view = dict(data)
    if uses is not None:
        office_id = str(data["id"])
        view["t"] = _Seen(data["t"], lambda key: uses.office_terms.add((office_id, key)))
    return view


def clause_context(code: Code, clause: Clause, scope: Sequence[Office], base: _Base | None = None,
                   *, narrowed: bool = False, uses: _Uses | None = None) -> dict[str, Any]:
    """The template context of ``clause`` for the offices in ``scope``.

    ``narrowed`` marks a lid or onderdeel that applies to fewer offices than its article:
    when that is one office of a combined code, the holder words name it ("de gezaghebber"
    instead of "de ambtsdrager"), so that leden for different offices do not read alike.
    ``uses`` collects the legal references and terms the templates read (for the checklist).
    """
    b = base or _base(code)
    laws: dict[str, Any] = _laws(clause, code.body.id, scope)
    terms: dict[str, Any] = dict(b.terms)
    if uses is not None:
        laws = _Seen(laws, uses.laws.add)
        terms = _Seen(terms, uses.terms.add)
    context: dict[str, Any] = {
        "lichaam": terms,
        "naam": code.place,
        "code": dict(b.code_info),
        "ambten": [_office_view(b.offices[o.id], uses) for o in scope],
        "alle_ambten": [_office_view(d, uses) for d in b.offices.values()],
        "ambt_ids": [o.id for o in scope],
        "categorieen": sorted({o.category.value for o in scope}),
        "wet": laws,
        **b.holders,
    }
    if narrowed and len(scope) == 1 and len(code.offices) > 1:
        context.update(holder_words(code, scope[0]))
    for name, value in code.values.get(clause.id, {}).items():
        context[name] = _plain(value)
    return context


# ---------------------------------------------------------------- aanhef, scope notes, signing


def _join(items: Sequence[str]) -> str:
    return templating.join_words(list(items))


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


def _aanhef(code: Code, terms: Mapping[str, str]) -> tuple[str, ...]:
    lines = [templating.hoofdletter(_term(terms, "vertegenwoordiging_vol")) + ";"]
    proposer = _proposer(code, terms)
    if proposer:
        lines.append(f"gelezen het voorstel van {proposer};")
    basis = legal_basis_text(code.offices)
    if basis:
        lines.append(f"gelet op {basis};")
    lines.append(f"{_term(terms, 'besluit')}:")
    lines.append(f"vast te stellen de volgende regeling: {code.name}.")
    return tuple(lines)


def _signing(code: Code, terms: Mapping[str, str]) -> tuple[str, ...]:
    when = code.adopted.strip() or "..."
    end = "" if when.endswith((".", "…")) else "."
    return (
        f"Aldus vastgesteld in {_term(terms, 'vergadering')} van {when}{end}",
        "",
        templating.hoofdletter(_term(terms, "griffier")) + ",",
        "",
        templating.hoofdletter(_term(terms, "voorzitter")) + ",",
    )


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

    def uses(self, where: str, clause: Clause, scope: Sequence[Office], uses: _Uses,
             templates: Sequence[str]) -> None:
        """Facts with a ``controleer`` marker that one rendered template group read."""
        code = self.code
        refs = _law_refs(clause, code.body.id, scope)
        for name in sorted(uses.laws):
            ref = refs.get(name)
            if ref is not None and ref.check:
                self.add(where, clause.id, "wetsverwijzing", ref.text, ref.check)
        terms = body_terms(code)
        for name in sorted(uses.terms):
            note = code.body.term_checks.get(name, "")
            if note and code.terms.get(name) == code.body.terms.get(name):
                self.add(where, clause.id, "term", terms.get(name, ""), note)
        for office_id, name in sorted(uses.office_terms):
            office = code.body.office(office_id)
            note = office.term_checks.get(name, "") if office is not None else ""
            if office is not None and note:
                self.add(where, clause.id, "term", _fill_place(office.terms[name], code.place), note)
        used: set[str] = set()
        for text in templates:
            used |= templating.variables(text)
        values = code.values.get(clause.id, {})
        for param in clause.parameters:
            if param.check and param.name in used and f"{clause.id}.{param.name}" not in code.chosen:
                value = values.get(param.name, param.default)
                self.add(where, clause.id, "keuze", f"{clause.id}.{param.name} = {_plain(value)}", param.check)

    def note(self, where: str, clause_id: str, kind: str, text: str, note: str) -> None:
        self.add(where, clause_id, kind, text, note)


# ---------------------------------------------------------------- articles


@dataclass
class _Pending:
    """Checklist uses of one article, recorded before the article has its number."""

    uses: list[tuple[Clause, Sequence[Office], _Uses, list[str]]]
    notes: list[tuple[str, str]]  # (kind, reason) of markers on rendered leden and onderdelen


def _build_leden(code: Code, clause: Clause, scope: Sequence[Office], base: _Base,
                 pending: _Pending | None = None) -> list[doctree.Lid]:
    body = code.body.id
    leden: list[tuple[str, tuple[doctree.Onderdeel, ...]]] = []
    for lid in clause.leden:
        lid_scope = [o for o in scope if lid.applies.matches(body, o)]
        if not lid_scope:
            continue
        uses = _Uses()
        context = clause_context(code, clause, lid_scope, base, narrowed=len(lid_scope) < len(scope), uses=uses)
        text = _render(lid.text, context, lid.location)
        templates = [lid.text] if text else []
        onderdelen: list[doctree.Onderdeel] = []
        for onderdeel in lid.onderdelen:
            o_scope = [o for o in lid_scope if onderdeel.applies.matches(body, o)]
            if not o_scope:
                continue
            o_context = clause_context(code, clause, o_scope, base, narrowed=len(o_scope) < len(scope), uses=uses)
            o_text = _render(onderdeel.text, o_context, lid.location)
            if o_text:
                onderdelen.append(doctree.Onderdeel(_letters(len(onderdelen)), o_text))
                templates.append(onderdeel.text)
                if pending is not None and onderdeel.check:
                    pending.notes.append(("tekst", onderdeel.check))
        if text or onderdelen:
            leden.append((text, tuple(onderdelen)))
            if pending is not None:
                pending.uses.append((clause, lid_scope, uses, templates))
                if lid.check:
                    pending.notes.append(("tekst", lid.check))
    single = len(leden) == 1
    return [doctree.Lid(None if single else i, text, onds) for i, (text, onds) in enumerate(leden, start=1)]


def _flush(checklist: _Checklist, where: str, clause: Clause, pending: _Pending) -> None:
    for c, scope, uses, templates in pending.uses:
        checklist.uses(where, c, scope, uses, templates)
    for kind, reason in pending.notes:
        checklist.note(where, clause.id, kind, "", reason)


def _explanation(code: Code, clause: Clause, scope: Sequence[Office], base: _Base,
                 checklist: _Checklist | None = None, where: str = "") -> list[str]:
    if not clause.toelichting.strip():
        return []
    uses = _Uses()
    context = clause_context(code, clause, scope, base, uses=uses)
    out = []
    templates = []
    for paragraph in _paragraphs(clause.toelichting):
        text = _render(paragraph, context, clause.location)
        if text:
            out.append(text)
            templates.append(paragraph)
    if checklist is not None:
        checklist.uses(where, clause, scope, uses, templates)
    return out


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
        f"toegesneden op {_term(terms, 'naam_vol') if 'naam_vol' in terms else code.place} en op de keuzes "
        f"die daar zijn gemaakt."
    )
    return tuple(paragraphs)


def build_document(code: Code) -> doctree.Document:
    """The complete code of conduct for ``code`` as a document tree.

    The tree's ``checklist`` lists the facts in the text that are not verified yet (the
    model's ``controleer`` markers that the rendered text actually uses); the text itself
    never carries such notes.
    """
    base = _base(code)
    terms = base.terms
    body = code.body.id
    checklist = _Checklist(code)
    for office in code.offices:
        if office.statutory and office.basis_check:
            checklist.note("Aanhef", "", "grondslag", office.legal_basis, office.basis_check)

    inleiding: list[str] = []
    by_chapter: dict[str, list[Clause]] = {}
    for clause in code.clauses:
        if clause.form == "inleiding":
            scope = [o for o in code.offices if clause.applies.matches(body, o)]
            pending = _Pending([], [])
            for lid in _build_leden(code, clause, scope, base, pending):
                inleiding.append(lid.text)
                inleiding.extend(f"{o.label}. {o.text}" for o in lid.onderdelen)
            _flush(checklist, "Inleiding", clause, pending)
        else:
            by_chapter.setdefault(clause.chapter, []).append(clause)

    order = [c.id for c in code.model.chapters] + [cid for cid in by_chapter
                                                   if code.model.chapter(cid) is None]
    chapters: list[doctree.Chapter] = []
    explanations: list[doctree.Explanation] = []
    number = 0
    for chapter_id in order:
        articles: list[doctree.Article] = []
        for clause in by_chapter.get(chapter_id, []):
            scope = [o for o in code.offices if clause.applies.matches(body, o)]
            if not scope:
                continue
            pending = _Pending([], [])
            leden = _build_leden(code, clause, scope, base, pending)
            if not leden:
                continue
            number += 1
            articles.append(doctree.Article(str(number), clause.title, tuple(leden), f"artikel-{number}",
                                            scope_note(code, scope), clause.id))
            where = f"Artikel {number} {clause.title}"
            _flush(checklist, where, clause, pending)
            for reason in clause.checks:
                checklist.note(where, clause.id, "tekst", "", reason)
            paragraphs = _explanation(code, clause, scope, base, checklist, f"Toelichting op artikel {number}")
            if paragraphs:
                explanations.append(doctree.Explanation(f"Artikel {number} {clause.title}", tuple(paragraphs),
                                                        f"toelichting-artikel-{number}"))
        if articles:
            found = code.model.chapter(chapter_id)
            n = len(chapters) + 1
            chapters.append(doctree.Chapter(n, found.title if found else chapter_id, tuple(articles),
                                            f"hoofdstuk-{n}"))

    model = code.model
    return doctree.Document(
        title=code.name,
        subject=SUBJECT,
        aanhef=_aanhef(code, terms),
        inleiding=tuple(inleiding),
        chapters=tuple(chapters),
        signing=_signing(code, terms),
        general_explanation=_general_explanation(code, terms, chapters),
        explanations=tuple(explanations),
        lang="nl",
        metadata={
            "generator": f"{GENERATOR} {_version()}",
            "model": f"{model.title} ({model.version})",
            "lichaam": _term(terms, "naam_vol") if "naam_vol" in terms else code.place,
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
