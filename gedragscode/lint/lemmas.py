"""Dutch lemmas for the ``lemma(...)`` recognisers, from simplemma's shipped Dutch dictionary.

A word's *lemmas* are its dictionary form as simplemma gives it and the word itself (simplemma's
table has gaps and homographs: "stemmen" is listed as the plural of the noun "stem", "leden" as a form
of "lijden"; keeping the word itself makes ``lemma(stemmen)`` still find "stemmen"). The lemmas of the
recogniser's own word are added the same way, so ``lemma(stemmen)`` finds "stemt", "stemde", "gestemd"
(lemma "stemmen") and "stem" ("stem je niet mee"; lemma "stem").

simplemma writes separable verbs with an underscore ("deel_nemen", "aan_nemen"); lemmas are folded
(lower case, no diacritics) and the underscore is dropped, so "deelgenomen", "deelneemt" and
"deelnemen" all have the lemma "deelnemen".

Separable verbs: :func:`split_verb` splits a lemma such as "deelnemen" or "meestemmen" into its
particle and base verb ("deel", "nemen"), so that the matcher can also find the split forms ("neemt
niet deel aan de stemming", "stem je niet mee"): the base verb with the particle later in the same
clause, or the particle right before it ("deel te nemen"). The particles are a closed class of Dutch
grammar (mechanism, not clause content); which verbs a recogniser wants stays in the model.

simplemma is imported on first use only (its Dutch table takes a few tenths of a second to load), so
``import gedragscode`` and documents whose model has no ``lemma`` atoms never pay for it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

__all__ = ["PARTICLES", "lemma_of", "lemmas_of", "split_verb"]

PARTICLES: tuple[str, ...] = tuple(sorted((
    "aan", "achter", "af", "bekend", "bij", "binnen", "buiten", "deel", "door", "in", "kenbaar", "kennis",
    "los", "mee", "na", "neer", "om", "onder", "op", "openbaar", "over", "plaats", "samen", "tegen", "terug",
    "thuis", "toe", "uit", "vast", "voor", "vrij", "weg",
), key=lambda p: (-len(p), p)))
"""Dutch separable-verb particles, longest first."""


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _lemmatize() -> Any:
    import simplemma

    return simplemma.lemmatize


@lru_cache(maxsize=131072)
def lemma_of(word: str) -> str:
    """The folded dictionary form of a folded word ("gemeld" -> "melden", "deelgenomen" -> "deelnemen")."""
    if not word or not word.isalpha():
        return word
    try:
        lemma = _lemmatize()(word, lang="nl")
    except (ValueError, LookupError):  # pragma: no cover - simplemma always knows Dutch
        return word
    return _fold(str(lemma)).replace("_", "").replace(" ", "")


@lru_cache(maxsize=131072)
def lemmas_of(word: str) -> frozenset[str]:
    """The lemmas a word counts for: the word itself, its dictionary form, and the dictionary form of
    that (simplemma takes a plural diminutive one step: "cadeautjes" -> "cadeautje" -> "cadeau")."""
    first = lemma_of(word)
    return frozenset((word, first, lemma_of(first))) if first != word else frozenset((word,))


@lru_cache(maxsize=4096)
def split_verb(lemma: str) -> tuple[str, str] | None:
    """("deel", "nemen") for the separable verb "deelnemen"; None when ``lemma`` is no particle + verb."""
    for particle in PARTICLES:
        if lemma.startswith(particle):
            base = lemma[len(particle):]
            if len(base) >= 4 and base.endswith("n") and base[-2] in "aeiou":
                return particle, base
    return None
