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

Matching uses :func:`forms`: the set of word forms that count for a lemma, worked out from simplemma's
dictionary once and kept in the user cache directory, so linting never lemmatises the document's words
one by one and, with a warm cache, never loads simplemma (its Dutch table takes a few tenths of a
second). A word that the dictionary does not know counts only for itself.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["PARTICLES", "forms", "imperative", "lemma_of", "lemmas_of", "split_verb"]

PARTICLES: tuple[str, ...] = tuple(sorted((
    "aan", "achter", "af", "bekend", "bij", "binnen", "buiten", "deel", "door", "in", "kenbaar", "kennis",
    "los", "mee", "na", "neer", "om", "onder", "op", "openbaar", "over", "plaats", "samen", "tegen", "terug",
    "thuis", "toe", "uit", "vast", "voor", "vrij", "weg",
), key=lambda p: (-len(p), p)))
"""Dutch separable-verb particles, longest first."""


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    if decomposed.isascii():
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _lemmatize() -> Any:
    import simplemma

    return simplemma.lemmatize


@lru_cache(maxsize=131072)
def lemma_of(word: str) -> str:
    """The folded dictionary form of a folded word ("gemeld" -> "melden", "deelgenomen" -> "deelnemen"),
    as simplemma's ``lemmatize`` gives it (used by the lemmatiser benchmark; lint uses :func:`forms`)."""
    if not word or not word.isalpha():
        return word
    try:
        lemma = _lemmatize()(word, lang="nl")
    except (ValueError, LookupError):  # pragma: no cover - simplemma always knows Dutch
        return word
    return _norm(str(lemma))


@lru_cache(maxsize=131072)
def lemmas_of(word: str) -> frozenset[str]:
    """The lemmas a word counts for: the word itself, its dictionary form, and the dictionary form of
    that (simplemma takes a plural diminutive one step: "cadeautjes" -> "cadeautje" -> "cadeau")."""
    first = lemma_of(word)
    return frozenset((word, first, lemma_of(first))) if first != word else frozenset((word,))


def _norm(lemma: str) -> str:
    return _fold(lemma).replace("_", "").replace(" ", "")


# ---------------------------------------------------------------- the forms of a lemma, cached on disk


@lru_cache(maxsize=1)
def _inverse() -> tuple[dict[str, str], dict[str, list[str]]]:
    """simplemma's Dutch dictionary (form -> lemma, folded) and its inverse (lemma -> forms)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    table = DefaultDictionaryFactory().get_dictionary("nl")
    forward: dict[str, str] = {}
    inverse: dict[str, list[str]] = {}
    for form, lemma in table.items():
        key, value = _fold(form), _norm(lemma)
        forward[key] = value
        inverse.setdefault(value, []).append(key)
    return forward, inverse


def _compute_forms(lemma: str) -> frozenset[str]:
    forward, inverse = _inverse()

    def lemmas(word: str) -> set[str]:
        first = forward.get(word, word)
        return {word, first, forward.get(first, first)}

    targets = lemmas(lemma)
    found = set(targets)
    for target in targets:
        for form in inverse.get(target, ()):
            found.add(form)
            found.update(inverse.get(form, ()))  # two steps: "cadeautjes" -> "cadeautje" -> "cadeau"
    return frozenset(found)


def _dictionary_tag() -> str:
    """What names simplemma's Dutch dictionary file: its path, size and modification time, checksummed.

    The forms follow from that file alone. Found without importing simplemma (and without
    ``importlib.metadata`` or ``hashlib``, whose imports cost a one-file lint more than reading this
    cache)."""
    import zlib
    from importlib.util import find_spec

    try:
        spec = find_spec("simplemma")
        roots = list(spec.submodule_search_locations or ()) if spec is not None else []
        data = Path(roots[0], "strategies", "dictionaries", "data", "nl.plzma")
        stat = data.stat()
        ident = f"{data.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}"
    except (IndexError, OSError, ImportError, ValueError):  # pragma: no cover - an unusual install
        ident = "unknown"
    encoded = ident.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(encoded):08x}{zlib.adler32(encoded):08x}"


def _cache_file() -> Path | None:
    from gedragscode.model_cache import cache_dir, cache_enabled

    if not cache_enabled():
        return None
    return cache_dir() / f"lemmas-nl-simplemma-{_dictionary_tag()}-v{_FORMAT}.marshal"


_FORMAT = 3
_MAGIC = b"GEDRAGSCODE-LEMMAS-3\n"
_TABLE: dict[str, frozenset[str]] = {}
_LOADED = False


def _load() -> None:
    """The cached forms (a :mod:`gedragscode.cache_store` table: lemma -> its forms, marshalled)."""
    global _LOADED
    _LOADED = True
    path = _cache_file()
    if path is None:
        return
    import marshal

    from gedragscode.cache_store import read_table

    for lemma, blob in read_table(path, _MAGIC).items():
        try:
            found = marshal.loads(blob)
        except Exception:
            continue  # a broken entry: computed again
        if isinstance(lemma, str) and isinstance(found, tuple) and all(isinstance(f, str) for f in found):
            _TABLE.setdefault(lemma, frozenset(found))


def _store() -> None:
    path = _cache_file()
    if path is None:
        return
    import marshal

    from gedragscode.cache_store import write_table

    write_table(path, _MAGIC, {k: marshal.dumps(tuple(sorted(v))) for k, v in sorted(_TABLE.items())})
    # a read-only cache directory: the table is only kept for this process


def forms(lemma: str) -> frozenset[str]:
    """Every folded word form that counts for ``lemma``: a form counts when it, its dictionary form or
    the dictionary form of that is one of the lemma's own (the lemma, its dictionary form, and that
    of the dictionary form), looked up in simplemma's Dutch dictionary.

    The forms of every lemma asked for are kept in a small file in the user cache directory
    (beside the model cache; named after simplemma's Dutch dictionary file: its path, size and
    modification time), so that a lint process with a warm cache does not load simplemma's
    dictionary at all (a few tenths of a second); a missing or broken file is computed again and
    rewritten."""
    return _cached(lemma, lambda: _compute_forms(lemma))


def _cached(key: str, compute: Callable[[], frozenset[str]]) -> frozenset[str]:
    """The entry ``key`` of the forms table, computed (from simplemma's dictionary) and written to the cache
    file when it is not there yet."""
    if not _LOADED:
        _load()
    found = _TABLE.get(key)
    if found is None:
        found = compute()
        _TABLE[key] = found
        _store()
    return found


# ---------------------------------------------------------------- the imperative

_VOWELS = "aeiou"
_STEMS_KEY = "*imperatives"  # kept in the forms table; no folded lemma starts with "*"


def _stem_candidates(infinitive: str) -> set[str]:
    """What the bare stem of a Dutch infinitive can look like by the spelling rules: "-en" or "-n" off
    ("melden" -> "meld", "gaan" -> "ga"), a doubled consonant single ("vertellen" -> "vertel"), v/z at the
    end as f/s ("geven" -> "gef"), and an open syllable's vowel doubled ("gef" -> "geef", "nemen" ->
    "neem"). Only candidates the dictionary lists as forms of the verb are kept (:func:`_compute_stems`),
    so the rules may over-generate."""
    if infinitive.endswith("en") and len(infinitive) > 4:
        stem = infinitive[:-2]
    elif len(infinitive) >= 4 and infinitive.endswith("n") and infinitive[-2] in "aeo":
        stem = infinitive[:-1]  # "gaan", "doen", "staan", "zien"
    else:
        return set()
    out = {stem}
    if len(stem) >= 2 and stem[-1] == stem[-2]:
        out.add(stem[:-1])
    for base in tuple(out):
        spelled = base[:-1] + "f" if base.endswith("v") else base[:-1] + "s" if base.endswith("z") else base
        out.add(spelled)
        if len(spelled) >= 3 and spelled[-1] not in _VOWELS and spelled[-2] in "aeou" and spelled[-3] not in _VOWELS:
            out.add(spelled[:-1] + spelled[-2] + spelled[-1])
    return out


def _compute_stems() -> frozenset[str]:
    _, inverse = _inverse()
    found: set[str] = set()
    for lemma, word_forms in inverse.items():
        candidates = _stem_candidates(lemma)
        if candidates:
            found.update(c for c in candidates if c != lemma and c in word_forms)
    return frozenset(found)


def imperative(word: str) -> bool:
    """Whether a folded word is the bare stem of a Dutch verb, the form of the imperative ("vertel",
    "geef", "ga", "raadpleeg"): a form simplemma's dictionary lists for a verb and that the spelling rules
    derive from its infinitive. Nouns that share a verb's stem but that the dictionary gives as their own
    lemma ("regel", "deel", "stem") are not. The set is worked out once from the dictionary and kept in
    the forms cache file."""
    return word in _cached(_STEMS_KEY, _compute_stems)


@lru_cache(maxsize=4096)
def split_verb(lemma: str) -> tuple[str, str] | None:
    """("deel", "nemen") for the separable verb "deelnemen"; None when ``lemma`` is no particle + verb."""
    for particle in PARTICLES:
        if lemma.startswith(particle):
            base = lemma[len(particle):]
            if len(base) >= 4 and base.endswith("n") and base[-2] in "aeiou":
                return particle, base
    return None
