"""The lint engine: a read document ▶ segmentation ▶ body and offices ▶ recognisers ▶ findings.

:func:`lint_document` is a pure function of a :class:`SourceDocument` and the model;
:func:`lint` reads one file first and :func:`lint_paths` walks files and folders, reporting an
unreadable document as a :class:`LintFailure` and going on with the others.

For every clause of the model the result holds one :class:`ClauseFinding`:

* ``present`` (with evidence) when a recogniser matches in the normative text, also when the
  clause is not required for the detected offices;
* ``outdated`` when it is present but one of its ``verouderd als`` checks fails;
* ``missing`` when it is absent and applies to one of the detected offices in the detected body
  (severity from the clause's level in that body: fout / waarschuwing / info);
* ``not_required`` otherwise.

When no body can be determined, the clauses are checked against every office of every body, at
their general level, and ``detection["toetsing"]`` says so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from gedragscode import codegen_cache, regex_cache
from gedragscode.catalogue import bundled_model
from gedragscode.errors import GedragscodeError, Location, ModelError
from gedragscode.lint.addressees import Marker, addressed_elsewhere, marked_elsewhere
from gedragscode.lint.coverage import measure_coverage
from gedragscode.lint.document import LidSegment, Segmentation, Sentence, SourceDocument, Span, Unit
from gedragscode.lint.identify import Identification, identify
from gedragscode.lint.kind import document_kind
from gedragscode.lint.match import DocumentIndex, Hit, Matcher, fold
from gedragscode.lint.result import ClauseFinding, Evidence, LintFailure, LintResult, Severity
from gedragscode.lint.segment import segment
from gedragscode.lint.walk import Skipped, walk_documents
from gedragscode.model import Clause, Duration, Level, Model, Money, Office, OutdatedCheck

__all__ = ["amount_spans", "amounts_in", "duration_spans", "durations_in", "iter_lint_paths", "lint", "lint_document",
           "lint_paths", "number_word"]

MAX_EVIDENCE = 5

# ---------------------------------------------------------------- numbers, amounts and terms

_UNITS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
          "negen": 9}
_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
          "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
         "tachtig": 80, "negentig": 90}


def _below_hundred(word: str) -> int | None:
    if not word:
        return 0
    for table in (_UNITS, _TEENS, _TENS):
        if word in table:
            return table[word]
    for unit, value in _UNITS.items():
        prefix = unit + "en"
        if word.startswith(prefix) and word[len(prefix):] in _TENS:
            return value + _TENS[word[len(prefix):]]
    return None


@lru_cache(maxsize=1024)
def number_word(word: str) -> int | None:
    """A Dutch number written in letters ("vijftig", "vijfenzeventig", "tweehonderd") as an int."""
    w = fold(word).replace("-", "")
    if not w:
        return None
    if w.isdigit():
        return int(w)
    total = 0
    if "duizend" in w:
        head, _, w = w.partition("duizend")
        value = 1 if not head else _below_thousand(head)
        if value is None:
            return None
        total += value * 1000
        if not w:
            return total
    rest = _below_thousand(w)
    return None if rest is None else total + rest


def _below_thousand(w: str) -> int | None:
    if "honderd" in w:
        head, _, tail = w.partition("honderd")
        hundreds = 1 if not head else _UNITS.get(head)
        below = _below_hundred(tail)
        if hundreds is None or below is None:
            return None
        return hundreds * 100 + below
    value = _below_hundred(w)
    return value if w else None


_NUMBER_WORD = r"[a-zé]+"
_AMOUNT_PATTERNS = (
    re.compile(r"(?:€|\beur\b|\beuro\b)\s*(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?P<c>,\d{1,2}|,-{1,2})?", re.I),
    re.compile(r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?P<c>,\d{1,2}|,-{1,2})?\s*(?:€|euro\b|eur\b)", re.I),
    re.compile(rf"\b(?P<w>{_NUMBER_WORD})\s+euro\b", re.I),
)


def amounts_in(text: str) -> list[Decimal]:
    """Euro amounts in ``text``: "€ 50", "€50,00", "EUR 50", "50 euro", "vijftig euro"."""
    return [amount for _start, _end, amount in amount_spans(text)]


def amounts_at(text: str) -> list[tuple[int, Decimal]]:
    """(offset, amount) of every euro amount in ``text``, in text order."""
    return [(start, amount) for start, _end, amount in amount_spans(text)]


def amount_spans(text: str) -> list[tuple[int, int, Decimal]]:
    """The euro amounts of :func:`amounts_in` with their offsets ``(start, end, amount)`` in ``text``."""
    found: list[tuple[int, int, Decimal]] = []
    taken: list[tuple[int, int]] = []
    for rx in _AMOUNT_PATTERNS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            groups = m.groupdict()
            if groups.get("w"):
                value = number_word(groups["w"])
                if value is None:
                    continue
                amount = Decimal(value)
            else:
                amount = Decimal(groups["n"].replace(".", ""))
                cents = groups.get("c") or ""
                if cents and cents[1:].isdigit():
                    amount += Decimal(cents[1:].ljust(2, "0")) / 100
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), amount))
    return sorted(found)


_DURATION = re.compile(
    rf"(?<![\w-])(?P<prev>\w+\s+)?(?P<n>\d+|{_NUMBER_WORD})\s+(?P<u>werkdagen|werkdag|dagen|dag|weken|week"
    r"|maanden|maand|jaren|jaar|uur)\b",
    re.I,
)
_UNIT_DAYS = {"werkdag": 1.4, "werkdagen": 1.4, "dag": 1, "dagen": 1, "week": 7, "weken": 7, "maand": 30,
              "maanden": 30, "jaar": 365, "jaren": 365, "uur": 1 / 24}


def durations_in(text: str) -> list[float]:
    """Terms in ``text`` in days: "binnen één week" 7, "binnen 14 dagen" 14, "twee weken" 14 ..."""
    return [days for _start, _end, days in duration_spans(text)]


def durations_at(text: str) -> list[tuple[int, float]]:
    """(offset, days) of every term in ``text``, in text order."""
    return [(start, days) for start, _end, days in duration_spans(text)]


def duration_spans(text: str) -> list[tuple[int, int, float]]:
    """The terms of :func:`durations_in` with the offsets of number and unit: ``(start, end, days)``."""
    out: list[tuple[int, int, float]] = []
    for m in _DURATION.finditer(text):
        prev = fold((m.group("prev") or "").strip())
        if prev in ("per", "elk", "ieder", "elke"):
            continue
        n_text = fold(m.group("n"))
        count = 1 if n_text == "een" else number_word(n_text)
        if count is None or count == 0:
            continue
        out.append((m.start("n"), m.end("u"), count * _UNIT_DAYS[fold(m.group("u"))]))
    return out


# ---------------------------------------------------------------- evidence


def _lid_at(unit: Unit, offset: int) -> LidSegment | None:
    for lid in unit.leden:
        if lid.span.start <= offset < lid.span.end:
            return lid
    return None


def _sentence_at(lid: LidSegment | None, offset: int) -> Sentence | None:
    if lid is None:
        return None
    for sentence in lid.sentences:
        if sentence.span.start <= offset < sentence.span.end:
            return sentence
    return None


def _label(unit: Unit, lid: LidSegment | None) -> str:
    base = unit.label or unit.heading
    if lid is not None and lid.label:
        return f"{base}, lid {lid.label}" if base else f"lid {lid.label}"
    return base


def _evidence(seg: Segmentation, matcher: Matcher, hit: Hit) -> Evidence:
    lid = hit.lid
    sentence = hit.sentence
    span = hit.span
    if sentence is None and lid is None:
        for pos in hit.positions:
            offset = matcher.index.starts[pos]
            lid = _lid_at(hit.unit, offset)
            sentence = _sentence_at(lid, offset)
            if sentence is not None:
                break
        if sentence is not None:
            span = sentence.span
        elif hit.unit.leden:
            lid = hit.unit.leden[0]
            span = lid.sentences[0].span if lid.sentences else lid.span
    elif sentence is None and lid is not None:
        span = lid.span
    text = seg.document.text[span.start:span.end].strip()
    span = seg.source_span(span)  # offsets, line and column in the document as read
    line, column = seg.original.line_col(span.start)
    return Evidence(label=_label(hit.unit, lid), start=span.start, end=span.end, text=text, line=line, column=column)


# ---------------------------------------------------------------- outdated checks


def _check_spans(check: OutdatedCheck, hit: Hit, matcher: Matcher) -> list[Span]:
    if check.scope == "document":
        return [u.span for u in matcher.units]
    if check.scope == "artikel":
        return [hit.unit.span]
    lid = hit.lid
    if lid is None and hit.positions:
        lid = _lid_at(hit.unit, matcher.index.starts[hit.positions[0]])
    if check.scope == "lid":
        return [lid.span if lid is not None else hit.unit.span]
    if hit.sentence is not None:
        return [hit.sentence.span]
    if hit.positions:
        sentence = _sentence_at(lid, matcher.index.starts[hit.positions[0]])
        if sentence is not None:
            return [sentence.span]
    return [lid.span if lid is not None else hit.unit.span]


@dataclass(frozen=True)
class _Verdict:
    """What the outdated checks say about a present clause: the message of the first failing check
    (status ``outdated``), and notes on values that differ from the handreiking but lie within the
    model's bounds (a local choice: status ``present``, severity ``info``), each at the offset of the value."""

    outdated: str = ""
    notes: tuple[tuple[str, int], ...] = ()


def _limit(value: object) -> float | None:
    if isinstance(value, Money):
        return float(value.amount)
    if isinstance(value, Duration):
        return float(value.days)
    return None


def _shown(kind: str, value: float) -> str:
    if kind == "bedrag":
        return str(Money(Decimal(str(value)).quantize(Decimal("0.01"))))
    days = round(value)
    if value >= 7 and days % 7 == 0:
        return f"{days // 7} {'week' if days == 7 else 'weken'}"
    return f"{days} {'dag' if days == 1 else 'dagen'}"


def _outdated(clause: Clause, hits: Sequence[Hit], matcher: Matcher) -> _Verdict:
    """The outdated checks of a present clause. An amount or term above the model's default is
    outdated only when it also lies above the parameter's upper bound (or the parameter has none);
    within the bounds it is a local choice that gets an info-level note."""
    text = matcher.segmentation.document.text
    notes: list[tuple[str, int]] = []
    for check in clause.outdated:
        spans_per_hit = [_check_spans(check, h, matcher) for h in hits]
        if check.kind in ("bedrag", "termijn"):
            param = clause.parameter(check.parameter or "")
            if param is None:
                continue
            seen: set[tuple[int, int]] = set()
            values: list[tuple[int, float]] = []
            for spans in spans_per_hit:
                for span in spans:
                    if (span.start, span.end) in seen:
                        continue
                    seen.add((span.start, span.end))
                    chunk = text[span.start:span.end]
                    if check.kind == "bedrag":
                        values.extend((span.start + at, float(a)) for at, a in amounts_at(chunk))
                    else:
                        values.extend((span.start + at, d) for at, d in durations_at(chunk))
            limit = _limit(param.default)
            if limit is None:
                continue
            upper = _limit(param.maximum)
            above = [(at, v) for at, v in values if v > limit]
            if any(upper is None or v > upper for _, v in above):
                return _Verdict(check.message, tuple(notes))
            for at, v in above[:1]:
                lower = _limit(param.minimum)
                bounds = (f"{_shown(check.kind, lower)} tot en met {_shown(check.kind, upper)}"
                          if lower is not None and upper is not None else "")
                what = "De termijn" if check.kind == "termijn" else "Het bedrag"
                notes.append((f"{what} van {_shown(check.kind, v)} wijkt af van de handreiking "
                              f"({param.default}), maar ligt binnen de grenzen van het model ({bounds}): "
                              "een lokale keuze, geen verouderde bepaling.", at))
        elif check.pattern is not None:
            found = any(matcher.matches_in(check.pattern, spans) for spans in spans_per_hit)
            if check.kind == "ontbreekt" and not found:
                return _Verdict(check.message, tuple(notes))
            if check.kind == "bevat" and found:
                return _Verdict(check.message, tuple(notes))
    return _Verdict("", tuple(notes))


def _note_evidence(seg: Segmentation, matcher: Matcher, hits: Sequence[Hit], offset: int) -> Evidence | None:
    """The lid (or, without leden, the article) that holds the value at ``offset``."""
    unit = next((h.unit for h in hits if h.unit.span.contains(offset)), None) or seg.unit_at(offset)
    if unit is None:
        return None
    lid = _lid_at(unit, offset)
    span = lid.span if lid is not None else unit.span
    text = seg.document.text[span.start:span.end].strip()
    span = seg.source_span(span)  # offsets, line and column in the document as read
    line, column = seg.original.line_col(span.start)
    return Evidence(label=_label(unit, lid), start=span.start, end=span.end, text=text, line=line, column=column)


# ---------------------------------------------------------------- suggestions


def _suggestions(model: Model, body: str, offices: tuple[str, ...], place: str) -> dict[str, str]:
    """The rendered text of every clause for this body and these offices, by clause id."""
    from gedragscode.render.build import build_document  # the templates only for --suggest
    from gedragscode.resolve import bind_code

    try:
        code = bind_code(model, body, offices, place or "[naam]")
        document = build_document(code)
    except GedragscodeError:
        return {}
    out: dict[str, str] = {}
    for article in document.articles():
        lines = [f"Artikel {article.number} {article.title}"]
        for lid in article.leden:
            prefix = f"{lid.number}. " if lid.number is not None else ""
            lines.append(prefix + lid.text)
            lines.extend(f"   {o.label}. {o.text}" for o in lid.onderdelen)
        # a clause may render as several articles (the slotbepalingen): suggest them all
        out[article.clause_id] = "\n".join(filter(None, (out.get(article.clause_id, ""), *lines)))
    return out


# ---------------------------------------------------------------- the engine


def _model(model: Model | None) -> Model:
    return model if model is not None else bundled_model()


def _resolve_offices(model: Model, body: str | None, offices: Iterable[str]) -> list[tuple[str, Office]]:
    """(body id, office) pairs against which the clauses are checked."""
    wanted = tuple(offices)
    pairs: list[tuple[str, Office]] = []
    bodies = [b for b in model.bodies if body is None or b.id == body]
    for b in bodies:
        for o in b.offices:
            if not wanted or o.id in wanted:
                pairs.append((b.id, o))
    return pairs


def _validate(model: Model, body: str | None, offices: Sequence[str] | None) -> None:
    if body is not None and model.body(body) is None:
        raise ModelError(f"onbekend lichaam '{body}'; kies uit: " + ", ".join(b.id for b in model.bodies))
    if offices:
        known = ({o.id for o in b.offices} for b in model.bodies if body is None or b.id == body)
        allowed = set().union(*known)
        for o in offices:
            if o not in allowed:
                where = f"lichaam '{body}'" if body else "het model"
                raise ModelError(f"{where} kent geen ambt '{o}'; kies uit: " + ", ".join(sorted(allowed)))


def _severity(level: Level) -> Severity:
    sev = level.severity
    if sev == "fout":
        return "fout"
    if sev == "waarschuwing":
        return "waarschuwing"
    return "info"


def lint_document(doc: SourceDocument, model: Model | None = None, *, body: str | None = None,
                  offices: Sequence[str] | None = None, suggest: bool = False) -> LintResult:
    """Check one read document against the model (default: the bundled handreiking)."""
    model = _model(model)
    _validate(model, body, offices)
    seg: Segmentation = segment(doc)
    index = DocumentIndex(seg.document.text)  # tokenised and folded once: identification, matching, checks
    ident: Identification = identify(seg, body=body, offices=offices, model=model, index=index)
    index.release_folded()  # only identification searches the folded text
    detection = dict(ident.detection)
    pairs = _resolve_offices(model, ident.body, ident.offices)
    if ident.body is None:
        detection["toetsing"] = ("lichaam onbekend: elke clausule is getoetst aan alle ambten van alle lichamen, "
                                 "op haar algemene niveau; geef --body (en --office) op voor een precieze toets")
    own_body = model.body(ident.body) if ident.body is not None else None
    elsewhere: Callable[[str], bool] | None = None
    marked: Marker | None = None
    if own_body is not None and ident.offices:
        elsewhere = addressed_elsewhere(own_body, ident.offices)
        marked = marked_elsewhere(own_body, ident.offices)
    matcher = Matcher(seg, index=index, elsewhere=elsewhere, marked=marked)
    intro_matcher = Matcher(seg, roles=("inleiding",), index=matcher.index)
    # a structural clause (reikwijdte, begrippen) may be stated in the introduction or the aanhef of a code
    # written for readers ("Deze code geldt voor de burgemeester ..." before the first rule); made when needed
    front_matcher: Matcher | None = None
    suggestions: dict[str, str] = {}
    if suggest and ident.body is not None and ident.offices:
        suggestions = _suggestions(model, ident.body, ident.offices, ident.place)
    findings: list[ClauseFinding] = []
    absent: list[tuple[Clause, Level, Severity | None]] = []
    for clause in model.clauses:
        clause_matcher = intro_matcher if clause.form == "inleiding" else matcher
        hits = _find(clause, clause_matcher)
        if clause.form == "inleiding" and not hits:
            # an inleiding the code declares part of itself ("maakt integraal deel uit") is read as provisions
            clause_matcher = matcher
            hits = [h for r in clause.recognisers for h in matcher.find(r)]
        if clause.structural and not hits:
            if front_matcher is None:
                front_matcher = Matcher(seg, roles=("inleiding", "aanhef"), index=matcher.index, elsewhere=elsewhere)
            clause_matcher = front_matcher
            hits = _find(clause, clause_matcher)
        hits.sort(key=lambda h: (h.span.start, h.span.end))
        level = clause.level_for(ident.body or "")
        required = any(clause.applies.matches(b, o) for b, o in pairs)
        severity = _severity(level) if required else None
        if hits:
            evidence = _dedupe(_evidence(seg, matcher, h) for h in hits)
            verdict = _outdated(clause, hits, clause_matcher)
            if verdict.outdated:
                findings.append(ClauseFinding(clause.id, clause.title, "outdated", level.value, severity, required,
                                              evidence, verdict.outdated))
                continue
            notes = [(message, _note_evidence(seg, clause_matcher, hits, at)) for message, at in verdict.notes]
            noted = tuple(ev for _, ev in notes if ev is not None)
            findings.append(ClauseFinding(
                clause.id, clause.title, "present", level.value, "info" if notes else None, required,
                _dedupe([*noted, *evidence]), " ".join(message for message, _ in notes)))
        elif required:
            absent.append((clause, level, severity))
            findings.append(ClauseFinding(clause.id, clause.title, "missing", level.value, severity, True))
        else:
            findings.append(ClauseFinding(clause.id, clause.title, "not_required", level.value, None, False))
    structure = _structure_confidence(findings)
    by_id = {f.id: i for i, f in enumerate(findings)}
    for clause, level, severity in absent:
        clause_matcher = intro_matcher if clause.form == "inleiding" else matcher
        near, candidate = _near_miss(clause, clause_matcher)
        i = by_id[clause.id]
        if candidate is not None:
            findings[i] = ClauseFinding(
                clause.id, clause.title, "onzeker", level.value, severity, True,
                (_evidence(seg, clause_matcher, candidate),),
                f"Mogelijk aanwezig, maar het bewijs is zwak: de beste passage bevat {round(near * 100)}% van wat "
                f"een bepaling over '{clause.title}' kenmerkt. Controleer deze passage.",
                suggestions.get(clause.id, ""), confidence=round(near, 2))
        else:
            findings[i] = ClauseFinding(
                clause.id, clause.title, "missing", level.value, severity, True, (),
                f"Geen bepaling over '{clause.title}' gevonden.", suggestions.get(clause.id, ""),
                confidence=round(structure * (1 - near / 2), 2))
    coverage = measure_coverage(seg, index, model, findings)
    if not coverage.recognised:  # the structure may have been misread: a missing clause is less certain
        findings = [replace(f, confidence=round(f.confidence / 2, 2)) if f.status == "missing" and f.confidence
                    else f for f in findings]
    kind = document_kind(seg, ident.title, findings, bases=_code_bases(model),
                         structural=[c.id for c in model.clauses if c.structural or c.form == "inleiding"])
    regex_cache.save_new()  # patterns and generated code compiled for the first time here, for the next process
    codegen_cache.save_new()
    return LintResult(file=doc.name, format=doc.format, body=ident.body, offices=ident.offices,
                      clauses=tuple(findings) if kind.is_code else (), title=ident.title, place=ident.place,
                      detection=detection, model_version=model.version, coverage=coverage,
                      document="gedragscode" if kind.is_code else "geen_gedragscode", reason=kind.reason)


def _code_bases(model: Model) -> tuple[str, ...]:
    """The legal bases that oblige a code of conduct: the offices' ``grondslag`` in the model."""
    return tuple(sorted({o.legal_basis for b in model.bodies for o in b.offices if o.legal_basis}))


UNCERTAIN_SHARE = 2 / 3
"""A clause is ``onzeker`` when one unit has the subject of a recogniser with at least three required
parts and all of its other parts but one (and none of its exclusions)."""


def _near_miss(clause: Clause, matcher: Matcher) -> tuple[float, Hit | None]:
    """How close the clause comes to being found: the best share of a recogniser's required parts in one
    unit, and that unit when it is an ``onzeker`` candidate (else None)."""
    best, candidate = 0.0, None
    for recogniser in clause.recognisers:
        near = matcher.near_miss(recogniser)
        if near is None:
            continue
        uncertain = near.subject and near.parts >= 3 and near.share >= UNCERTAIN_SHARE
        if uncertain and (candidate is None or near.share > best):
            best, candidate = near.share, near.hit
        elif candidate is None:
            best = max(best, near.share)
    return best, candidate


def _structure_confidence(findings: Sequence[ClauseFinding]) -> float:
    """How far the absence of a clause can be trusted from the whole document: a code in which lint
    found fewer than half of the clauses required of it may not have been read right (headings not
    recognised, text read as explanation), so each "missing" there is less certain."""
    required = [f for f in findings if f.required]
    if not required:
        return 1.0
    found = sum(1 for f in required if f.status in ("present", "outdated"))
    return min(1.0, found / (0.5 * len(required)))


def _find(clause: Clause, matcher: Matcher) -> list[Hit]:
    """Where the clause is found; an inleiding its recognisers do not find is found in any inleiding unit."""
    hits: list[Hit] = []
    for recogniser in clause.recognisers:
        hits.extend(matcher.find(recogniser))
    if clause.form == "inleiding" and not hits:
        hits = [Hit(u, None, None, u.span, ()) for u in matcher.units if u.leden][:1]
    return hits


def _dedupe(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    seen: set[tuple[int, int]] = set()
    out: list[Evidence] = []
    for ev in items:
        if (ev.start, ev.end) in seen:
            continue
        seen.add((ev.start, ev.end))
        out.append(ev)
        if len(out) >= MAX_EVIDENCE:
            break
    return tuple(out)


def lint(source: str | os.PathLike[str], *, data: bytes | None = None, model: Model | None = None,
         body: str | None = None, offices: Sequence[str] | None = None, suggest: bool = False,
         format: str | None = None, max_bytes: int | None = None) -> LintResult:
    """Read one document (a path, or ``"-"`` with ``data``) and check it.

    At most ``max_bytes`` are read (default 50 MB, :data:`gedragscode.limits.MAX_INPUT_BYTES`).
    """
    from gedragscode.lint.readers import read_document

    if not isinstance(source, str | os.PathLike):
        raise TypeError(f"source must be a str or an os.PathLike, not {type(source).__name__}")
    doc = read_document(source, data=data, format=format, max_bytes=max_bytes)
    return lint_document(doc, model, body=body, offices=offices, suggest=suggest)


PathArg = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def lint_paths(paths: PathArg, *, model: Model | None = None, body: str | None = None,
               offices: Sequence[str] | None = None, suggest: bool = False, jobs: int | None = 1,
               max_bytes: int | None = None, follow_links: bool = False,
               skipped: list[Skipped] | None = None) -> list[LintResult | LintFailure]:
    """Check files and folders (all supported formats, recursively); broken files become LintFailure.

    ``paths`` is one path (``str`` or ``os.PathLike``) or an iterable of them. In a folder,
    symbolic links that lead out of it are not followed unless ``follow_links``; they, and
    files that are not regular files (pipes, devices), are passed over and, when ``skipped``
    is a list, appended to it with the reason (see :mod:`gedragscode.lint.walk`). At most
    ``max_bytes`` are read per document (default 50 MB).

    ``jobs`` > 1 lints on that many worker processes (``None`` or 0: one per core); the list is in
    input order and the same as with one job. :func:`iter_lint_paths` yields the results one by one.
    """
    return list(iter_lint_paths(paths, model=model, body=body, offices=offices, suggest=suggest, jobs=jobs,
                                max_bytes=max_bytes, follow_links=follow_links, skipped=skipped))


def _walk(paths: PathArg, follow_links: bool, skipped: list[Skipped] | None) -> Iterator[Path | LintFailure]:
    for item in walk_documents(paths, follow_links=follow_links):
        if isinstance(item, Skipped):
            if skipped is not None:
                skipped.append(item)
            continue
        yield item


def iter_lint_paths(paths: PathArg, *, model: Model | None = None, body: str | None = None,
                    offices: Sequence[str] | None = None, suggest: bool = False, jobs: int | None = 1,
                    max_bytes: int | None = None, follow_links: bool = False,
                    skipped: list[Skipped] | None = None) -> Iterator[LintResult | LintFailure]:
    """Check files and folders like :func:`lint_paths`, yielding each result in input order as soon
    as it is done; ``jobs`` worker processes (``None`` or 0: one per core). See :mod:`.batch`."""
    from gedragscode.lint.batch import lint_each

    model = _model(model)
    _validate(model, body, offices)
    options = {"body": body, "offices": offices, "suggest": suggest, "max_bytes": max_bytes}
    return lint_each(_walk(paths, follow_links, skipped), model=model, options=options, jobs=jobs)


def failure_location(failure: LintFailure) -> Location:
    """The failing file as an error location."""
    return Location(failure.file)
