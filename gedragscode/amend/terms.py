"""The existing code's own words for the body's roles ("de griffier" where the model says "de secretaris-directeur").

Text that a besluit inserts must read like the code it amends. For every term of the body (the words
the model's templates use: ``griffier``, ``secretaris``, ``voorzitter`` ...) the candidates are the
values that term has anywhere in the model (other bodies, offices) plus compounds of its last word that
the code itself uses ("de raadsgriffier" for "de griffier"). When the code never uses the body's own
word but does use one candidate, that candidate is taken over. Mechanism only: the words come from the
model and from the document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gedragscode.lint.document import Segmentation
from gedragscode.model import Body, Model

__all__ = ["TermChoice", "own_terms"]


@dataclass(frozen=True)
class TermChoice:
    """A body term for which the existing code uses its own word."""

    name: str
    """The term's name in the model ("griffier")."""
    model_value: str
    """What the model says for this body ("de secretaris-directeur")."""
    value: str
    """What the existing code says ("de griffier")."""
    count: int
    """How often the code uses it in its rules."""


def _fill(text: str, place: str) -> str:
    return text.replace("{{ naam }}", place).replace("{{naam}}", place)


def _role_like(value: str) -> bool:
    """"de griffier", "het presidium": a definite noun phrase (not "besluiten" or "Provinciale Staten")."""
    words = value.split()
    return len(words) >= 2 and words[0] in ("de", "het") and "{" not in value


def _phrase(value: str) -> re.Pattern[str] | None:
    words = value.split()
    if not _role_like(value):
        return None
    return re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])", re.IGNORECASE)


def _candidates(model: Model, name: str) -> set[str]:
    out: set[str] = set()
    for body in model.bodies:
        if name in body.terms:
            out.add(body.terms[name])
        for office in body.offices:
            if name in office.terms:
                out.add(office.terms[name])
    return {v for v in out if _role_like(v)}


def _compounds(value: str, text: str) -> Counter[str]:
    """"de raadsgriffier" for "de griffier": the article and a compound ending in the same noun."""
    words = value.split()
    if len(words) != 2 or words[0].lower() not in ("de", "het"):
        return Counter()
    noun = words[1]
    if not noun.isalpha() or len(noun) < 5:
        return Counter()
    pattern = re.compile(rf"(?<![\w-])({re.escape(words[0])}\s+[a-zà-ÿ]+{re.escape(noun)})(?![\w-])", re.IGNORECASE)
    return Counter(" ".join(m.group(1).split()).lower() for m in pattern.finditer(text))


def _normative_text(seg: Segmentation) -> str:
    text = seg.document.text
    return "\n\n".join(text[u.span.start:u.span.end] for u in seg.units_with_role("normatief"))


def own_terms(model: Model, body: Body, seg: Segmentation, place: str = "",
              keep: Iterable[str] = ()) -> tuple[TermChoice, ...]:
    """The terms for which the code's rules use another word than the model's, in term-name order.

    ``keep`` names terms the caller sets itself (``--set term.x=...``); those are left alone.
    """
    text = _normative_text(seg)
    if not text:
        return ()
    kept = set(keep)
    choices: list[TermChoice] = []
    for name in sorted(body.terms):
        if name in kept:
            continue
        own = _fill(body.terms[name], place)
        own_pattern = _phrase(own)
        if own_pattern is None or own_pattern.search(text):
            continue
        counts: Counter[str] = Counter()
        for candidate in _candidates(model, name) - {body.terms[name]}:
            pattern = _phrase(candidate)
            if pattern is not None:
                found = len(pattern.findall(text))
                if found:
                    counts[candidate] += found
        for compound, found in _compounds(own, text).items():
            if compound.lower() != own.lower():
                counts[compound] += found
        if counts:
            value, count = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            choices.append(TermChoice(name, own, value, count))
    return tuple(choices)


def term_settings(choices: Iterable[TermChoice]) -> Mapping[str, str]:
    """The choices as ``--set`` settings (``{"term.griffier": "de griffier"}``)."""
    return {f"term.{c.name}": c.value for c in choices}
