"""Evaluating the model's recogniser patterns against a segmented document.

Text is tokenised once per document (words with character offsets, folded to lower case
without diacritics, so "Financiële" and "financiele" are the same word). Every atom of a
pattern (``stam``, ``woord``, ``frase``) is looked up once for the whole document and kept as
a sorted list of token positions; a scope unit (sentence, lid, article, the whole normative
text) is then a token range, and evaluating a pattern on it is a few binary searches.
``regex`` runs case-insensitively on the unit's raw text.

``lemma`` atoms look words up by their dictionary form (:mod:`gedragscode.lint.lemmas`, simplemma's
Dutch table): a lemma stands for the set of word forms that have it (worked out once and cached on
disk), looked up in the index's folded forms like a ``woord``. A separable verb
(``lemma(deelnemen)``) is also found split: the base verb ("neemt", lemma "nemen") with its particle
("deel") later in the same clause (at most :data:`SPLIT_REACH` words on, no ``. ; : ? !`` between), or
the particle right before it ("deel neemt", "deel te nemen").

Words joined by a hyphen or a parenthesised infix ("(neven)functies", "oud-wethouder") also
count as one word ("nevenfuncties", "oudwethouder") for ``stam`` and ``woord``, besides their parts.
A ``stam`` of four letters or more also matches with the participle prefix "ge" ("meld" finds
"gemeld", "registr" finds "geregistreerd"), as Dutch verbs take it in the perfect tense; a ``stam`` written
as a verb in the third person ("behandelt") also finds the verb's bare stem as a word ("Ik behandel",
"Behandel je"), when the lemmatiser's table has it as a form of the same verb.

Only units with the role ``normatief`` are searched: intro prose, oaths, tables of contents,
headings, toelichting and metadata never make a clause present. A sentence that says something does not
apply to the office holders ("... is niet voor collegeleden bedoeld") is no sentence-level evidence.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, overload

from gedragscode.lint.document import LidSegment, Role, Segmentation, Sentence, Span, Unit
from gedragscode.lint.lemmas import forms, imperative, split_verb
from gedragscode.lint.reading.declared import SCOPE_STATEMENT, nonbinding_labels
from gedragscode.lint.reading.evidence import (
    absence,
    definition,
    duty,
    exemption,
    inapplicable,
    referral,
    report,
    scope_negation,
)
from gedragscode.model import AllOf, AnyOf, Lemma, Near, Not, Pattern, Phrase, Recogniser, Regex, Scope, Stem, Word
from gedragscode.safe_regex import SafeRegex, compile_recogniser

if TYPE_CHECKING:
    from gedragscode.lint.addressees import Marker  # addressees reads with fold_text from here

__all__ = [
    "DocumentIndex",
    "Hit",
    "Matcher",
    "NearMiss",
    "fold",
    "matches_text",
    "tokenize",
]

PARTICIPLE_MIN = 4
"""A ``stam`` of at least this many letters also matches its past participle ("meld" ~ "gemeld")."""

SPLIT_REACH = 10
"""How many words after a separable verb its particle may stand ("neemt niet deel aan")."""

_TOKEN = re.compile(r"[^\W_]+")
# The label of an article or of a formal division ("Artikel 4", "Art. 4", "§ 2", "Hoofdstuk 3", "Afdeling 5",
# "Titel 2", "Deel A"): its heading names what the division is about, not the subject of each rule in it.
_ARTICLE_LABEL = re.compile(r"\W*(?:art|§|par|hoofdst|afd|titel|deel|onderdeel|sectie|bijlage)", re.IGNORECASE)
# A sentence that sets out a situation for the rule after it: "Stel: ...", "Stel dat ...", "Stel je voor ...",
# "Veronderstel ...", "Een voorbeeld: ...".
_SCENARIO = re.compile(r"^\W*(?:stel(?:\s*:|\s+dat\b|\s+je\s+voor\b|\s+(?=je|u|jij|jouw|uw)\b)|veronderstel\b|"
                       r"(?:een\s+)?voorbeeld\s*:)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;:!?]")
_GLUE = re.compile(r"[-()\u2010\u2011]{1,2}")


FOLD_PIECE = 1 << 14
""":func:`fold_text` folds a longer text in pieces of about this many characters."""
_SEPARATOR = re.compile(r"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]")  # ASCII, neither letter nor digit


def fold_text(text: str) -> str:
    """``fold`` for a whole text (not cached).

    A long text is folded in pieces of about :data:`FOLD_PIECE` characters, each starting at an ASCII
    character (a line break, else a space, else any that is no letter or digit): Python's ``casefold``
    and NFKD work in a buffer of 4 bytes per character (``casefold`` even 12, room for every character to
    become three), so folding a whole document at once would take six times its size besides the text.
    Folding goes character by character, and an ASCII character is a starter that no combining mark is
    reordered across, so the pieces fold exactly as the whole text does.
    """
    if len(text) <= FOLD_PIECE:
        return _fold_piece(text)
    return "".join([_fold_piece(text[a:b]) for a, b in _fold_cuts(text)])


def _fold_cuts(text: str) -> Iterator[tuple[int, int]]:
    """The pieces ``(start, end)`` of ``text`` that :func:`fold_text` folds one at a time."""
    start, n = 0, len(text)
    while start < n:
        cut = start + FOLD_PIECE
        if cut < n:
            found = text.rfind("\n", start + 1, cut + 1)
            if found < 0:
                found = text.rfind(" ", start + 1, cut + 1)
            if found < 0:
                m = _SEPARATOR.search(text, cut)  # a long run without spaces: the next ASCII separator
                found = m.start() if m is not None else n
            cut = found
        yield start, min(cut, n)
        start = cut


def _fold_or_same(text: str) -> str:
    """:func:`fold_text`, but ``text`` itself (no copy) when folding changes nothing: a text that is folded
    already, such as the folded normative text that identification indexes."""
    pieces: list[str] | None = None
    for a, b in _fold_cuts(text):
        piece = text[a:b]
        folded = _fold_piece(piece)
        if pieces is None:
            if folded == piece:
                continue
            pieces = [text[:a]]  # what came before folds to itself
        pieces.append(folded)
    return text if pieces is None else "".join(pieces)


def _fold_piece(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    # the few distinct combining marks are deleted with str.replace, not a character at a time (joining a
    # generator holds a list of every character, 8 bytes each; a translate table looks up every character)
    for mark in [c for c in set(decomposed) if unicodedata.combining(c)]:
        decomposed = decomposed.replace(mark, "")
    return decomposed


FOLD_CACHED = 200
""":func:`fold` keeps the folded form of a string up to this long; a longer one (the normative text of a
document, which identification folds whole) is folded anew each time, so the cache never holds a document."""


def fold(word: str) -> str:
    """Lower case without diacritics: ``fold("Financiële") == "financiele"``."""
    if len(word) > FOLD_CACHED:
        return fold_text(word)
    return _fold_word(word)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    if decomposed.isascii():  # nothing to strip (most words): skip the walk over the characters
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Token:
    """One word of the document: offsets into the text and its folded form."""

    start: int
    end: int
    norm: str
    glued: bool  # joined to the next token by a hyphen or parenthesis, without spaces


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    raw = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]
    tokens: list[Token] = []
    for i, (a, b) in enumerate(raw):
        glued = False
        if i + 1 < len(raw):
            between = text[b:raw[i + 1][0]]
            glued = bool(between) and _GLUE.fullmatch(between) is not None
        tokens.append(Token(a, b, fold(text[a:b]), glued))
    return tokens


# ---------------------------------------------------------------- compiled patterns


# The compiled nodes compare by identity (eq=False): hashing a frozen value hashes its whole subtree
# again on every look-up, and the matcher looks nodes up per unit. Equal patterns still share one
# node (compile_pattern is cached by value) and equal atoms one atom (_atom), so a document's
# positions of an atom are worked out once for every recogniser that has it.


def _declines(sentences: Sequence[Sentence]) -> bool:
    """Whether a paragraph raises a subject only to say that no rule was made for it: it says so ("Toch
    hebben we daar bewust geen regel van gemaakt") and none of its sentences states a duty ("We vinden het
    niet chic als ..."). Then none of it is evidence, not even the sentences that name the subject."""
    texts = [s.text for s in sentences]
    # a statement of the code's scope is a rule too ("Deze code geldt voor de raadsleden. Commissieleden vallen er
    # niet onder; voor hen zijn geen regels vastgesteld.")
    return any(absence(t) for t in texts) and not any(duty(t) or SCOPE_STATEMENT.search(t) for t in texts)


# The preposition a question asks with ("Voor wie geldt ...?", "Bij wie meld ik ...?"): an answer that opens
# with it is the answer in short ("Voor alle leden ...", "Bij de griffier.").
_ASKED_WITH = re.compile(r"\b(voor|bij|aan|op|tot|met|naar|van)\s+(?:wie|wat|welke)\b", re.IGNORECASE)
_MAY = re.compile(r"^\W*(?:(?:v|vraag)\s*[:.]\s*)?(?:\d+[.)]?\s+)?(?:en\s+)?(?:mag|mogen)\b", re.IGNORECASE)
_ASKED_WHERE = re.compile(r"^\W*waar\b", re.IGNORECASE)
# The speaker's label before an answer in a written-out conversation: "A: ...", "Antwoord: ...".
_SPEAKER = re.compile(r"^\W*(?:a|antwoord|ja)\s*[:.,]\s*", re.IGNORECASE)
_ANSWER_LABEL = r"^\W*(?:(?:a|antwoord)\s*:\s*)?"
# An answer that says yes: a bare "Ja." (or "A: Ja."), or one that opens with "Ja, ..." / "Ja. ...".
_YES = re.compile(rf"{_ANSWER_LABEL}ja(?:\s+hoor|\s+zeker)?\s*[.!]?\s*$", re.IGNORECASE)
_YES_LEAD = re.compile(rf"{_ANSWER_LABEL}ja\s*[,.:;!]\s+\w", re.IGNORECASE)
# An answer that says no: "Nee.", "Nee, ...", "Neen", "Helaas niet", "Dat hoeft niet".
_DENIAL = re.compile(r"^\W*(?:nee|neen|helaas\s+niet|dat\s+hoeft\s+niet|niet\s+(?:nodig|verplicht))\b", re.IGNORECASE)


def _denied_questions(sentences: Sequence[Sentence], flags: bytes) -> bytes:
    """``flags`` with the questions of a paragraph set that its answer denies: "Moet je ook je inkomsten
    openbaar maken? Nee. Dat is een plicht voor wethouders." A question names its subject; when the sentences
    after it, up to the next question, say no ("Nee", or a sentence that is no evidence) and state no duty, the
    subject is not ruled and the question is no evidence of it."""
    out = bytearray(flags)
    for number, sentence in enumerate(sentences):
        if not sentence.text.rstrip().endswith("?"):
            continue
        answer = []
        for later in range(number + 1, len(sentences)):
            if sentences[later].text.rstrip().endswith("?"):
                break
            answer.append(later)
        if not answer:
            continue
        says_no = _DENIAL.match(sentences[answer[0]].text) is not None or any(flags[k] for k in answer)
        if says_no and not any(duty(sentences[k].text) for k in answer if not flags[k]):
            out[number] = 1
    return bytes(out)


# A sentence that gives examples of the one before it: "Denk aan ...", "Bijvoorbeeld ...", "Zoals ...".
# So does one that says what the other code just named contains: "Daarin staan onder meer de risicoanalyse ...".
_EXAMPLES_OF = re.compile(r"^\W*(?:denk\s+(?:\w+\s+)?aan|bijvoorbeeld|zoals|onder\s+meer|waaronder|daarin|hierin|"
                          r"in\s+die\s+(?:code|regeling|gedragscode))\b", re.IGNORECASE)


def _examples_of_quiet(sentences: Sequence[Sentence], flags: bytes) -> bytes:
    """``flags`` with the sentences set that only give examples of a sentence that is no evidence: "Een paar
    onderwerpen staan niet in deze code. Denk aan de openbaarmaking van inkomsten." (unless they state a duty)."""
    out = bytearray(flags)
    for number in range(1, len(sentences)):
        if out[number - 1] and not out[number] and _EXAMPLES_OF.match(sentences[number].text) \
                and not duty(sentences[number].text):
            out[number] = 1
    return bytes(out)


@lru_cache(maxsize=4096)
def _bare_stem(item: str) -> str:
    """For a ``stam`` written as a verb in the third person ("behandelt", "respecteert"), the verb's bare
    stem ("behandel", "respecteer"): the form of the first person and of the inverted second person ("Ik
    behandel ...", "Behandel je ..."), which the stem does not find as a prefix. Only a bare stem that the
    lemmatiser's dictionary lists for a verb counts (:func:`lemmas.imperative`, kept in the lemma cache, so
    a lint with a warm cache does not load the dictionary); "" otherwise."""
    if len(item) < 4 or not item.endswith("t") or not item.isalpha():
        return ""
    bare = item[:-1]
    if len(bare) >= 3 and bare[-1] == bare[-2] and bare[-1] in "aeou":
        bare = bare[:-1]  # an open syllable at the end of a word has one vowel: "gaat" -> "ga"
    return bare if imperative(bare) else ""


@dataclass(frozen=True, eq=False)
class _Atom:
    """A stem, word or phrase set: evaluated once per document into token positions."""

    kind: str                          # "stam" | "woord" | "lemma" | "frase"
    items: tuple[tuple[str, ...], ...]  # folded words; for frase a word ending in "*" is a stem


@dataclass(frozen=True, eq=False)
class _Re:
    """A regular expression, run on a unit's text."""

    regex: SafeRegex | re.Pattern[str]  # re for the trusted bundled model, else time-limited


@dataclass(frozen=True, eq=False)
class _And:
    """Every part matches in the unit."""

    parts: tuple[_Node, ...]


@dataclass(frozen=True, eq=False)
class _Or:
    """At least one part matches in the unit."""

    parts: tuple[_Node, ...]


@dataclass(frozen=True, eq=False)
class _Not:
    """The part does not match in the unit."""

    part: _Node


@dataclass(frozen=True, eq=False)
class _Near:
    """Both sides match within ``distance`` words of each other."""

    distance: int
    left: _Node
    right: _Node


_Node = _Atom | _Re | _And | _Or | _Not | _Near


def _words(text: str) -> tuple[str, ...]:
    star = text.rstrip().endswith("*")
    words = tuple(fold(m.group(0)) for m in _TOKEN.finditer(text))
    if star and words:
        words = (*words[:-1], words[-1] + "*")
    return words


_ATOMS: dict[tuple[str, tuple[tuple[str, ...], ...]], _Atom] = {}


def _atom(kind: str, items: tuple[tuple[str, ...], ...]) -> _Atom:
    """The one atom of ``kind`` with these items (equal atoms are one object)."""
    found = _ATOMS.get((kind, items))
    if found is None:
        found = _ATOMS[(kind, items)] = _Atom(kind, items)
    return found


_BY_IDENTITY: dict[int, tuple[Pattern, _Node]] = {}
_BY_IDENTITY_MAX = 8192


def compile_pattern(pattern: Pattern) -> _Node:
    """The evaluable form of a model pattern (cached: patterns are frozen values).

    The model's patterns are looked up by identity first (an entry keeps its pattern alive, so its
    ``id`` cannot be reused meanwhile): hashing a frozen pattern walks its whole tree each time.
    """
    entry = _BY_IDENTITY.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    node = _compile(pattern)
    if len(_BY_IDENTITY) >= _BY_IDENTITY_MAX:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[id(pattern)] = (pattern, node)
    return node


@lru_cache(maxsize=8192)
def _compile(pattern: Pattern) -> _Node:
    if isinstance(pattern, Stem):
        return _atom("stam", tuple((fold(s.strip()),) for s in pattern.stems if s.strip()))
    if isinstance(pattern, Word):
        return _atom("woord", tuple((fold(w.strip()),) for w in pattern.words if w.strip()))
    if isinstance(pattern, Lemma):
        return _atom("lemma", tuple((fold(w.strip()),) for w in pattern.lemmas if w.strip()))
    if isinstance(pattern, Phrase):
        return _atom("frase", tuple(w for w in (_words(p) for p in pattern.phrases) if w))
    if isinstance(pattern, Regex):
        return _Re(compile_recogniser(pattern))  # by its trust: see gedragscode.safe_regex
    if isinstance(pattern, AllOf):
        return _And(tuple(compile_pattern(p) for p in pattern.parts))
    if isinstance(pattern, AnyOf):
        return _Or(tuple(compile_pattern(p) for p in pattern.parts))
    if isinstance(pattern, Not):
        return _Not(compile_pattern(pattern.part))
    if isinstance(pattern, Near):
        return _Near(pattern.distance, compile_pattern(pattern.left), compile_pattern(pattern.right))
    raise TypeError(f"onbekend patroon: {pattern!r}")  # pragma: no cover - the model types are closed


# ---------------------------------------------------------------- the document index

Positions = list[int]


class _Norms(Sequence[str]):
    """The folded form of every token, stored as one small integer per token into a vocabulary."""

    __slots__ = ("_ids", "_vocab")

    def __init__(self, ids: array[int], vocab: list[str]) -> None:
        self._ids = ids
        self._vocab = vocab

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            vocab = self._vocab
            return [vocab[k] for k in self._ids[i]]
        return self._vocab[self._ids[i]]


class _Ends(Sequence[int]):
    """The end offset of every token: its start plus its length (the lengths in one byte each, mostly)."""

    __slots__ = ("_lengths", "_starts")

    def __init__(self, starts: array[int], lengths: array[int]) -> None:
        self._starts = starts
        self._lengths = lengths

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [a + n for a, n in zip(self._starts[i], self._lengths[i], strict=True)]
        return self._starts[i] + self._lengths[i]


def _widened(numbers: array[int], value: int) -> array[int]:
    """``numbers`` in the smallest unsigned array type that also holds ``value``."""
    for code in ("B", "H", "I", "Q"):
        if value < 1 << (8 * array(code).itemsize):
            return numbers if code == numbers.typecode else array(code, numbers)
    raise OverflowError(value)  # pragma: no cover - no offset exceeds 64 bits


class _Forms(Mapping[str, Sequence[int]]):
    """The sorted token positions of every form: the vocabulary's forms, and the joined forms of words glued
    by a hyphen or parenthesis ("(neven)functies" -> "nevenfuncties").

    The positions of all vocabulary forms are one array grouped by form (``offsets[k]`` to ``offsets[k + 1]``
    for form ``k``), 4 bytes a token and no object per form; a lookup gives a view on them. The joined forms,
    rare, have an array each (with the positions of the same ordinary word merged in)."""

    __slots__ = ("_joined", "_number", "_offsets", "_positions", "_vocab")

    def __init__(self, vocab: list[str], number: dict[str, int], ids: array[int], glued: bytearray) -> None:
        counts = array("i", bytes(4 * (len(vocab) + 1)))
        for k in ids:
            counts[k + 1] += 1
        for k in range(len(vocab)):
            counts[k + 1] += counts[k]
        self._offsets = counts  # now the start of each form's positions
        cursor = array("i", counts)
        positions = array("i", bytes(4 * len(ids)))
        for i, k in enumerate(ids):
            positions[cursor[k]] = i
            cursor[k] += 1
        del cursor
        self._positions = positions
        self._vocab = vocab
        self._number = number
        joined_at: dict[str, list[int]] = {}
        for i in (i for i, g in enumerate(glued) if g):  # the joined forms of a hyphen/parenthesis chain
            joined = vocab[ids[i]]
            j = i
            while j + 1 < len(ids) and glued[j] and j - i < 4:
                j += 1
                joined += vocab[ids[j]]
                joined_at.setdefault(joined, []).append(i)
        self._joined: dict[str, array[int]] = {}
        for joined, found in joined_at.items():  # a joined form may also be an ordinary word elsewhere
            word = number.get(joined)
            merged = found if word is None else [*found, *positions[counts[word]:counts[word + 1]]]
            self._joined[joined] = array("i", sorted(merged))

    def get(self, form: str, default: Sequence[int] = ()) -> Sequence[int]:  # type: ignore[override]
        found = self._joined.get(form)
        if found is not None:
            return found
        k = self._number.get(form)
        if k is None:
            return default
        return memoryview(self._positions)[self._offsets[k]:self._offsets[k + 1]]

    def __getitem__(self, form: str) -> Sequence[int]:
        if form not in self._joined and form not in self._number:
            raise KeyError(form)
        return self.get(form)

    def __iter__(self) -> Iterator[str]:
        yield from self._vocab
        yield from (form for form in self._joined if form not in self._number)

    def __len__(self) -> int:
        return len(self._vocab) + sum(1 for form in self._joined if form not in self._number)


class DocumentIndex:
    """The one index of a document: tokens, folded forms and (on demand) lemmas, tokenised once.

    Built once per linted document and shared by identification, matching and the outdated checks.
    Tokens are kept as parallel compact arrays rather than one object per token: ``starts`` and
    ``ends`` (character offsets; the ends kept as a length of one byte per token, wider only for a
    longer word), ``norms`` (the folded form, one vocabulary number per token, two bytes while the
    vocabulary is below 65,536 forms) and ``glued``; the positions of each form are arrays too. That
    keeps the index at about two bytes per character of text (a list of Python ints or strings costs
    36-60 bytes per token; issue 13's memory goal). ``folded`` is the whole text folded (lower case, no
    diacritics) when folding keeps every offset (nearly always), else None; identification searches
    it, and :meth:`release_folded` lets it go after that (it is folded again if asked for).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # the folded text is made first, while little else is held (folding holds its pieces and the result
        # at once), and the words are found in it; identification searches it, then lets it go
        folded = _fold_or_same(text)
        self._folds_in_place = len(folded) == len(text)
        self._folded: str | None = folded if self._folds_in_place else None
        if self._folds_in_place:
            words = ((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded))
        else:  # a character folds into more or fewer ("ß" -> "ss"): the words of the text, folded one by one
            words = ((m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text))
        del folded
        starts, lengths, ids, vocab, number = self._tokenise(words)
        self.starts = starts
        self.ends: Sequence[int] = _Ends(starts, lengths)
        self._ids = ids
        self._vocab = vocab
        self.norms: Sequence[str] = _Norms(ids, vocab)
        glued = bytearray(len(starts))
        for i in range(len(starts) - 1):
            end = starts[i] + lengths[i]
            gap = starts[i + 1] - end
            if 0 < gap <= 2 and _GLUE.fullmatch(text, end, starts[i + 1]) is not None:
                glued[i] = 1
        self.glued = glued
        self._forms = _Forms(vocab, number, ids, glued)
        del number
        self._sorted_forms = sorted(self._forms)
        self._cache: dict[_Atom, Sequence[int]] = {}
        self._breaks: array[int] | None = None
        self._tokens: list[Token] | None = None

    @staticmethod
    def _tokenise(words: Iterable[tuple[int, int, str]]) -> tuple[array[int], array[int], array[int], list[str],
                                                                   dict[str, int]]:
        starts: array[int] = array("i")  # 4-byte offsets (a text below 2 G characters: the input cap is 50 MB)
        lengths: array[int] = array("B")
        longest = 255
        ids: array[int] = array("H")
        vocab: list[str] = []
        number: dict[str, int] = {}
        for a, b, norm in words:
            if a >= 2**31 and starts.typecode == "i":
                starts = array("q", starts)
            starts.append(a)
            if b - a > longest:
                lengths = _widened(lengths, b - a)
                longest = (1 << (8 * lengths.itemsize)) - 1
            lengths.append(b - a)
            k = number.get(norm)
            if k is None:
                k = number[norm] = len(vocab)
                vocab.append(norm)
                if k == 65536:
                    ids = _widened(ids, k)
            ids.append(k)
        return starts, lengths, ids, vocab, number

    @property
    def folded(self) -> str | None:
        """The whole text folded, when folding keeps every offset (else None)."""
        if self._folded is None and self._folds_in_place:
            self._folded = _fold_or_same(self.text)  # after release_folded: the same text again
        return self._folded

    def release_folded(self) -> None:
        """Let the folded text go (it is as large as the text); :attr:`folded` folds it again if asked."""
        self._folded = None

    @property
    def tokens(self) -> list[Token]:
        """The tokens as objects (built on first use; the index itself keeps parallel arrays)."""
        if self._tokens is None:
            self._tokens = [Token(a, b, n, bool(g)) for a, b, n, g in zip(self.starts, self.ends, self.norms,
                                                                          self.glued, strict=True)]
        return self._tokens

    def __len__(self) -> int:
        return len(self.starts)

    def folded_slice(self, start: int, end: int) -> str:
        """``fold(text[start:end])``, from the folded text when offsets agree."""
        folded = self.folded
        if folded is not None:
            return folded[start:end]
        return fold_text(self.text[start:end])

    # ------------------------------------------------------------ ranges

    def token_range(self, span: Span) -> tuple[int, int]:
        """Indices ``[i, j)`` of the tokens that start inside ``span``."""
        return bisect_left(self.starts, span.start), bisect_left(self.starts, span.end)

    def token_at(self, offset: int) -> int:
        """Index of the token that contains or follows ``offset``."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.ends[i] > offset:
            return i
        return min(i + 1, len(self.starts) - 1) if self.starts else 0

    # ------------------------------------------------------------ atoms

    def _prefixed(self, prefix: str) -> Iterator[int]:
        k = bisect_left(self._sorted_forms, prefix)
        while k < len(self._sorted_forms) and self._sorted_forms[k].startswith(prefix):
            yield from self._forms[self._sorted_forms[k]]
            k += 1

    def _stem(self, stem: str) -> Iterator[int]:
        yield from self._prefixed(stem)
        if len(stem) >= PARTICIPLE_MIN and not stem.startswith("ge"):
            yield from self._prefixed("ge" + stem)

    def _word_at(self, i: int, word: str) -> bool:
        tok = self._vocab[self._ids[i]]
        return tok.startswith(word[:-1]) if word.endswith("*") else tok == word

    def _positions_of(self, words: frozenset[str]) -> list[int]:
        """Sorted positions of the tokens (and joined hyphen chains) whose form is one of ``words``."""
        found: list[int] = []
        for word in words:
            found.extend(self._forms.get(word, ()))
        return sorted(set(found))

    def _clause_breaks(self) -> Sequence[int]:
        """Sorted indices of the tokens that follow a ``. ; : ? !``."""
        if self._breaks is None:
            found = {bisect_left(self.starts, m.start()) for m in _CLAUSE_BREAK.finditer(self.text)}
            self._breaks = array("i", sorted(found))
        return self._breaks

    def _same_clause(self, i: int, j: int) -> bool:
        a, b = min(i, j), max(i, j)
        breaks = self._clause_breaks()
        k = bisect_right(breaks, a)
        return k >= len(breaks) or breaks[k] > b

    def _lemma(self, lemma: str) -> Iterator[int]:
        yield from self._positions_of(forms(lemma))
        split = split_verb(lemma)
        if split is None:
            return
        particle, base = split
        particles: Sequence[int] = self._forms.get(particle, ())
        if not particles:
            return
        for verb in self._positions_of(forms(base)):
            k = bisect_right(particles, verb)
            after = particles[k] if k < len(particles) else -1
            if 0 <= after - verb <= SPLIT_REACH and self._same_clause(verb, after):
                yield verb
                yield after
                continue
            before = particles[k - 1] if k > 0 else -1
            if before >= 0 and (before == verb - 1
                                or (before == verb - 2 and self._vocab[self._ids[verb - 1]] == "te")):
                yield before
                yield verb

    def atom(self, atom: _Atom) -> Sequence[int]:
        """Sorted token positions of ``atom`` in the whole document (a compact array, cached)."""
        found = self._cache.get(atom)
        if found is not None:
            return found
        out: set[int] = set()
        for item in atom.items:
            if atom.kind == "stam":
                out.update(self._stem(item[0]))
                bare = _bare_stem(item[0])
                if bare:
                    out.update(self._forms.get(bare, ()))
            elif atom.kind == "woord":
                out.update(self._forms.get(item[0], ()))
            elif atom.kind == "lemma":
                out.update(self._lemma(item[0]))
            else:
                first = item[0]
                starts = self._stem(first[:-1]) if first.endswith("*") else iter(self._forms.get(first, ()))
                for i in starts:
                    if i + len(item) <= len(self.norms) and all(
                        self._word_at(i + k, w) for k, w in enumerate(item[1:], 1)
                    ):
                        out.add(i)
        result = array("i", sorted(out))
        self._cache[atom] = result
        return result

    # ------------------------------------------------------------ evaluation

    def evaluate(self, node: _Node, ranges: Sequence[tuple[int, int]], spans: Sequence[Span],
                 folded: bool = False, borrowed: int = 0) -> Positions | None:
        """Positions where ``node`` matches within the token ``ranges`` (None: no match).

        ``spans`` are the character spans of the same units, for ``regex``; a ``regex`` runs on the raw
        text, or on the folded text with ``folded`` (identification's patterns are written for folded
        text). An empty list means "matched, but at no particular word" (a ``niet`` part). The first
        ``borrowed`` ranges are context a sentence borrows its subject from (a question, a heading): they
        count for what must be there, not for a ``niet`` part ("Nevenfuncties en inkomsten" over "meldt
        welke nevenfuncties hij heeft" does not make the sentence one about income).
        """
        if isinstance(node, _Atom):
            positions = self.atom(node)
            found: Positions = []
            for a, b in ranges:
                lo, hi = bisect_left(positions, a), bisect_left(positions, b)
                found.extend(positions[lo:hi])
            return found or None
        if isinstance(node, _Re):
            hits: Positions = []
            text = self.folded if folded and self.folded is not None else self.text
            for span in spans:
                for m in node.regex.finditer(text, span.start, span.end):
                    hits.append(self.token_at(m.start()))
            return sorted(set(hits)) or None
        if isinstance(node, _And):
            out: set[int] = set()
            for part in node.parts:
                got = self.evaluate(part, ranges, spans, folded, borrowed)
                if got is None:
                    return None
                out.update(got)
            return sorted(out)
        if isinstance(node, _Or):
            any_match = False
            out = set()
            for part in node.parts:
                got = self.evaluate(part, ranges, spans, folded, borrowed)
                if got is not None:
                    any_match = True
                    out.update(got)
            return sorted(out) if any_match else None
        if isinstance(node, _Not):
            own_ranges, own_spans = ranges[borrowed:], spans[borrowed:]
            return None if self.evaluate(node.part, own_ranges, own_spans, folded) is not None else []
        left = self.evaluate(node.left, ranges, spans, folded, borrowed)
        right = self.evaluate(node.right, ranges, spans, folded, borrowed) if left else None
        if not left or not right:
            return None
        near: set[int] = set()
        for i in left:
            lo = bisect_left(right, i - node.distance)
            hi = bisect_right(right, i + node.distance)
            if lo < hi:
                near.add(i)
                near.update(right[lo:hi])
        return sorted(near) or None

    def anchors(self, node: _Node) -> Sequence[int] | None:
        """Token positions one of which every match of ``node`` must contain (None: unknown)."""
        if isinstance(node, _Atom):
            return self.atom(node)
        if isinstance(node, _And):
            best: Sequence[int] | None = None
            for part in node.parts:
                got = self.anchors(part)
                if got is not None and (best is None or len(got) < len(best)):
                    best = got
            return best
        if isinstance(node, _Or):
            merged: set[int] = set()
            for part in node.parts:
                got = self.anchors(part)
                if got is None:
                    return None
                merged.update(got)
            return sorted(merged)
        if isinstance(node, _Near):
            left, right = self.anchors(node.left), self.anchors(node.right)
            if left is None:
                return right
            if right is None or len(left) <= len(right):
                return left
            return right
        return None


# ---------------------------------------------------------------- matching scope units


def _section_head(unit: Unit) -> tuple[Span | None, bool]:
    """The heading of a section whose rules may leave their subject to it, and whether it is a question.

    A question ("Mag ik een cadeau houden?", "Word je bedreigd? Meld het") is answered by its section ("Ja,
    tot 50 euro; meld het bij de griffier"). A topic phrase over a section without an article or division
    label ("Onze andere functies", "Reizen naar het buitenland") does the same in a code written in plain
    language ("Je geeft ze binnen een maand door"); the heading of an article or a formal division ("Artikel
    11 Geschenken en uitnodigingen", "Afdeling 5 ...") does not: it names what the division is about, not the
    subject of each rule in it. A sentence of such a section that
    states a rule is read together with the heading. (None, False) for any other unit."""
    if unit.body_span.start <= unit.span.start or not unit.heading:
        return None, False
    question = "?" in unit.heading
    if not question and _ARTICLE_LABEL.match(unit.label):
        return None, False
    return Span(unit.span.start, unit.body_span.start), question


@dataclass(frozen=True)
class Hit:
    """One scope unit in which a recogniser matched."""

    unit: Unit
    lid: LidSegment | None
    sentence: Sentence | None
    span: Span          # the evidence: the sentence, lid or article that matched
    positions: tuple[int, ...]  # token positions of the matched words (may be empty)


@dataclass(frozen=True)
class NearMiss:
    """The unit closest to a match of a recogniser (see :meth:`Matcher.near_miss`)."""

    share: float        # share of the required parts found in the unit
    subject: bool       # the first required part (the subject) is among them
    parts: int          # number of required parts
    hit: Hit


@dataclass(frozen=True, slots=True)
class _Region:
    """A unit of one scope (article, lid or sentence) with its token range."""

    unit: Unit
    lid: LidSegment | None
    sentence: Sentence | None
    span: Span
    tokens: tuple[int, int]
    parts: tuple[Span, ...] = ()  # an article or lid without its sentences that are no evidence; () = all of it
    borrowed: int = 0  # the first ``borrowed`` parts are context the sentence borrows its subject from


class _Regions(Sequence[_Region]):
    """The units of one scope in document order, kept as parallel lists and arrays (a unit, its lid and the
    number of the sentence in the lid; the token range) rather than an object per unit: a :class:`_Region`
    (and its sentence) is made when asked for. There is a region per sentence of the normative text, and
    an object with its own tuple costs about six times these few words (issue 13's memory goal)."""

    __slots__ = ("_borrowed", "_lids", "_parts", "_sentences", "_units", "ends", "starts")

    def __init__(self) -> None:
        self._units: list[Unit] = []
        self._lids: list[LidSegment | None] = []
        self._sentences: array[int] = array("i")  # the sentence's number in its lid; -1: the whole lid or unit
        self._parts: list[tuple[Span, ...]] = []  # see _Region.parts (mostly the one empty tuple)
        self.starts: array[int] = array("i")  # first token of each region, ascending
        self.ends: array[int] = array("i")
        # the regions read together with context they borrow their subject from (a question, a situation, a
        # heading): how many of their parts are that context
        self._borrowed: dict[int, int] = {}

    def add(self, unit: Unit, lid: LidSegment | None, sentence: int, tokens: tuple[int, int],
            parts: tuple[Span, ...], borrowed: int = 0) -> None:
        if borrowed:
            self._borrowed[len(self._units)] = borrowed
        self._units.append(unit)
        self._lids.append(lid)
        self._sentences.append(sentence)
        self._parts.append(parts)
        self.starts.append(tokens[0])
        self.ends.append(tokens[1])

    def __len__(self) -> int:
        return len(self._units)

    @property
    def questioned(self) -> list[int]:
        """The regions read together with borrowed context, in document order."""
        return list(self._borrowed)

    @overload
    def __getitem__(self, k: int) -> _Region: ...

    @overload
    def __getitem__(self, k: slice) -> list[_Region]: ...

    def __getitem__(self, k: int | slice) -> _Region | list[_Region]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        unit, lid, number = self._units[k], self._lids[k], self._sentences[k]
        sentence = lid.sentences[number] if lid is not None and number >= 0 else None
        span = sentence.span if sentence is not None else lid.span if lid is not None else unit.span
        return _Region(unit, lid, sentence, span, (self.starts[k], self.ends[k]), self._parts[k],
                       self._borrowed.get(k, 0))

    def __iter__(self) -> Iterator[_Region]:
        for k in range(len(self._units)):
            yield self[k]


class Matcher:
    """Finds recogniser matches in the normative units of one segmented document.

    ``roles`` widens the search to other unit roles (the inleiding clause is looked for in the
    units with role ``inleiding``); ``index`` shares the tokens of another matcher; ``elsewhere`` tells a
    sentence addressed to other offices than the code's, which is no evidence for a sentence recogniser.
    """

    def __init__(self, segmentation: Segmentation, *, roles: Sequence[Role] = ("normatief",),
                 index: DocumentIndex | None = None, elsewhere: Callable[[str], bool] | None = None,
                 marked: Marker | None = None) -> None:
        self.segmentation = segmentation
        self.elsewhere = elsewhere  # a sentence addressed to other offices than the code's (addressees.py)
        self.marked = marked  # a marker that confines its article or lead-in to other offices (addressees.py)
        self.index = index or DocumentIndex(segmentation.document.text)
        self.units = segmentation.units_with_role(*roles)
        # a chapter heading without an article label ("3. Je andere functies"), for its unheaded units ("3.1")
        self._chapter_heads: dict[str, tuple[Span, bool]] = {}
        for unit in segmentation.units:
            if unit.role == "kop" and unit.chapter and unit.heading and not _ARTICLE_LABEL.match(unit.label):
                self._chapter_heads.setdefault(unit.chapter, (Span(unit.span.start, unit.body_span.start),
                                                              "?" in unit.heading))
        self._regions: dict[str, _Regions] = {}
        self._quiet: bytearray | None = None
        self._duties: dict[int, bool] = {}  # sentence start -> whether it states a rule, as asked for
        self._chapter_marks: dict[str, bool] = {}  # chapter heading -> whether it marks its units as elsewhere

    def regions(self, scope: Scope) -> Sequence[_Region]:
        """The units of ``scope`` in document order (``document``: one region per article)."""
        return self._scope(scope)

    def _scope(self, scope: Scope) -> _Regions:
        found = self._regions.get(scope)
        if found is not None:
            return found
        out = _Regions()
        quiet = self._quiet_flags()
        k = 0  # the number of the unit's first sentence in ``quiet``
        for unit in self.units:
            if scope in ("artikel", "document"):
                sentences = [sentence for lid in unit.leden for sentence in lid.sentences]
                out.add(unit, None, -1, self.index.token_range(unit.span),
                        self._evidence_parts(unit.span, sentences, quiet, k))
                k += len(sentences)
                continue
            question, asks = _section_head(unit)
            if question is None and not unit.heading and not _ARTICLE_LABEL.match(unit.label):
                question, asks = self._chapter_heads.get(unit.chapter, (None, False))
            if question is not None and k < len(quiet) and quiet[k]:
                # "Geldt die regel ook voor mij?" - "Nee, die is niet op commissieleden van toepassing. ...":
                # an answer that opens by denying the question lends nothing from it
                question = None
            n = sum(len(lid.sentences) for lid in unit.leden)
            if question is not None and not asks and any(quiet[k:k + n]):
                # a topic whose section also says what is not ruled ("bewust geen regel van gemaakt") or sends
                # the reader elsewhere lends nothing to the rules beside it
                question = None
            for lid in unit.leden:
                first, k = k, k + len(lid.sentences)
                if scope == "lid":
                    parts = self._evidence_parts(lid.span, lid.sentences, quiet, first)
                    if question is not None and any(self._duty(s) for s in lid.sentences):
                        out.add(unit, lid, -1, self.index.token_range(lid.span), (question, *(parts or (lid.span,))),
                                borrowed=1)
                        continue
                    out.add(unit, lid, -1, self.index.token_range(lid.span), parts)
                    continue
                asking: Span | None = None  # the sentence before, when it is a question
                # the situation the paragraph sets out ("Stel: ..." and what it adds before the first rule)
                scenario: list[Span] = []
                answered = False
                affirmed = False  # the sentence before was a bare "Ja." to the question before that
                for number, sentence in enumerate(lid.sentences):
                    if _YES.match(sentence.text):
                        # "Kan iedereen deze code lezen? Ja. ...": the question stays the one asked; a yes to "Mag
                        # ik ...?" grants a permission and makes no rule
                        affirmed = not self._permission(question if asking is None else asking)
                        continue
                    before, asking = asking, sentence.span if sentence.text.rstrip().endswith("?") else None
                    if _SCENARIO.match(sentence.text):
                        scenario, answered = [sentence.span], False
                        continue
                    if quiet[first + number]:
                        scenario = []  # "Dat is geen vraag voor deze code.": the situation gets no rule
                        continue
                    # an answer that states a rule borrows its subject from the question before it or over
                    # its section ("Krijg je een cadeau? Meld het."), and from the situation its paragraph
                    # sets out ("Stel: een aannemer biedt je een kist wijn aan. ... Je neemt hem niet aan.");
                    # "kan terecht bij de griffier" under "Is er een vertrouwenspersoon?" does not
                    context = tuple(dict.fromkeys(q for q in (question, *scenario, before) if q is not None))
                    asked = bool(context) and (self._duty(sentence) or affirmed
                                               or (_YES_LEAD.match(sentence.text) is not None
                                                   and not self._permission(before or question))
                                               or self._elliptic(question or before, sentence))
                    affirmed = False
                    out.add(unit, lid, number, self.index.token_range(sentence.span),
                            (*context, sentence.span) if asked else (), borrowed=len(context) if asked else 0)
                    if scenario and not answered:  # (a scenario is always context: ``asked`` is its duty)
                        if asked:
                            answered = True
                        else:
                            scenario.append(sentence.span)  # "Of je hebt aandelen in een aannemer."
        self._regions[scope] = out
        return out

    def _permission(self, question: Span | None) -> bool:
        """Whether ``question`` asks for a permission ("Mag ik ...?", "Mogen wij ...?")."""
        if question is None:
            return False
        return _MAY.match(self.segmentation.document.text[question.start:question.end]) is not None

    def _elliptic(self, question: Span | None, answer: Sentence) -> bool:
        """Whether ``answer`` answers ``question`` in its own words, without a verb: "Voor wie geldt deze code?"
        - "Voor alle leden van de eilandsraad, ...": it opens with the preposition the question asks with (after
        a speaker's label "A:"); "Waar vindt u deze regels?" - "Op de website." (a locative answer)."""
        if question is None:
            return False
        asked = self.segmentation.document.text[question.start:question.end]
        opening = _SPEAKER.sub("", answer.text).lstrip().casefold()
        m = _ASKED_WITH.search(asked)
        if m is not None:
            return opening.startswith(m.group(1).casefold() + " ")
        # "Waar vindt u deze regels?" - "Op de website van het waterschap."
        return _ASKED_WHERE.search(asked) is not None and opening.split(" ", 1)[0] in ("op", "in", "bij", "via")

    def no_evidence(self, text: str) -> bool:
        """Whether a sentence names a clause without stating it: "... is niet voor collegeleden bedoeld",
        "heeft geen vertrouwenspersoon aangewezen", "deze code vraagt niet om ...", a definition, a
        referral, an exemption, or a sentence for other offices than the code's."""
        return (inapplicable(text) or absence(text) or scope_negation(text) or exemption(text)
                or definition(text) or referral(text) or report(text)
                or (self.elsewhere is not None and self.elsewhere(text)))

    def _duty(self, sentence: Sentence) -> bool:
        """:func:`duty` of a sentence, worked out once for the lid and the sentence scopes."""
        found = self._duties.get(sentence.span.start)
        if found is None:
            found = self._duties[sentence.span.start] = duty(sentence.text)
        return found

    def _quiet_flags(self) -> bytearray:
        """For every sentence of the searched units, in document order: 1 when it is no evidence. Worked out
        once; the article, lid and sentence scopes all need it (a byte a sentence, not a set of them)."""
        if self._quiet is None:
            loose = nonbinding_labels(self.segmentation.document.text)
            quiet = bytearray()
            for unit in self.units:
                flags = bytearray()
                for lid in unit.leden:
                    lid_flags = bytes(self.no_evidence(sentence.text) for sentence in lid.sentences)
                    if len(lid_flags) > 1 and any(lid_flags) and _declines(lid.sentences):
                        lid_flags = b"\x01" * len(lid_flags)
                    elif len(lid_flags) > 1:
                        lid_flags = _examples_of_quiet(lid.sentences, _denied_questions(lid.sentences, lid_flags))
                    flags += lid_flags
                if self.marked is not None:
                    self._mark(unit, flags)
                if loose:
                    self._loose(unit, flags, loose)
                if unit.heading and scope_negation(unit.heading):
                    flags[:] = b"\x01" * len(flags)  # "Wat niet in deze afspraken staat"
                quiet += flags
            self._quiet = quiet
        return self._quiet

    @staticmethod
    def _loose(unit: Unit, flags: bytearray, labels: frozenset[str]) -> None:
        """Sets the flags of what a label the code declares non-binding heads ("Goed om te weten", see
        :func:`~gedragscode.lint.reading.declared.nonbinding_labels`): the whole unit when its heading opens
        with it, else the rest of the paragraph from the sentence that opens with it."""
        def opens(text: str) -> bool:
            folded = text.lstrip(" \t*#-\u2022").casefold()
            return any(folded.startswith(label) for label in labels)

        if unit.heading and opens(unit.heading):
            flags[:] = b"\x01" * len(flags)
            return
        k = 0
        for lid in unit.leden:
            for number, sentence in enumerate(lid.sentences):
                if opens(sentence.text):
                    flags[k + number:k + len(lid.sentences)] = b"\x01" * (len(lid.sentences) - number)
                    break
            k += len(lid.sentences)

    def _mark(self, unit: Unit, flags: bytearray) -> None:
        """Sets the flags of the sentences of ``unit`` that a marker confines to other offices: all of them
        for "Dit artikel geldt alleen voor ..." (or such a heading); for a lead-in ("(Alleen gedeputeerden -
        ...)", "Voor de burgemeester geldt bovendien:"), the rest of its paragraph, and when the lead-in is
        its paragraph's last sentence and ends in ":", the paragraphs after it."""
        assert self.marked is not None
        scopes = [[self.marked(sentence.text) for sentence in lid.sentences] for lid in unit.leden]
        heading = self.marked(unit.heading, heading=True) if unit.heading else None
        if unit.chapter:
            chapter = self._chapter_marks.get(unit.chapter)
            if chapter is None:  # every unit of a chapter asks about the same heading
                chapter = self._chapter_marks[unit.chapter] = self.marked(unit.chapter, heading=True) == "unit"
            if chapter:
                heading = "unit"
        if heading == "unit" or (heading == "lead" and not _ARTICLE_LABEL.match(unit.label)) \
                or any("unit" in lid for lid in scopes):
            flags[:] = b"\x01" * len(flags)
            return
        k = 0
        for lid, marks in zip(unit.leden, scopes, strict=True):
            for number, mark in enumerate(marks):
                if mark != "lead":
                    continue
                if number == len(marks) - 1 and lid.sentences[number].text.rstrip().endswith(":"):
                    flags[k + number:] = b"\x01" * (len(flags) - k - number)  # the paragraphs it leads in
                    return
                end = k + len(marks)
                if lid.sentences[number].text.lstrip().startswith("(") and number + 2 < len(marks):
                    end = k + number + 2  # "(Alleen gedeputeerden) Inkomsten ...": the item it opens
                flags[k + number:end] = b"\x01" * (end - k - number)
                break
            k += len(marks)

    def _evidence_parts(self, span: Span, sentences: Sequence[Sentence], quiet: bytearray,
                        first: int) -> tuple[Span, ...]:
        """``span`` without its sentences that are no evidence (``quiet`` from ``first`` on); () when all
        of it counts."""
        parts: list[Span] = []
        pos = span.start
        for number, sentence in enumerate(sentences):
            if quiet[first + number]:
                if sentence.span.start > pos:
                    parts.append(Span(pos, sentence.span.start))
                pos = max(pos, sentence.span.end)
        if pos == span.start:
            return ()
        if pos < span.end:
            parts.append(Span(pos, span.end))
        return tuple(parts) or (Span(span.start, span.start),)

    def _ranges(self, region: _Region) -> tuple[list[tuple[int, int]], list[Span]]:
        if not region.parts:
            return [region.tokens], [region.span]
        return [self.index.token_range(part) for part in region.parts], list(region.parts)

    def _candidates(self, node: _Node, scope: Scope) -> Iterable[_Region]:
        regions = self._scope(scope)
        anchors = self.index.anchors(node)
        if anchors is None:
            return regions
        starts, ends = regions.starts, regions.ends
        picked = regions.questioned  # their subject may stand in the question only
        last = -1
        for pos in anchors:
            k = bisect_right(starts, pos) - 1
            if k < 0 or k == last:
                continue
            if starts[k] <= pos < ends[k]:
                picked.append(k)
                last = k
        return [regions[k] for k in sorted(set(picked))]

    def find(self, recogniser: Recogniser) -> list[Hit]:
        """Every scope unit in which ``recogniser`` matches, in document order."""
        node = compile_pattern(recogniser.pattern)
        if recogniser.scope == "document":
            regions = self.regions("document")
            ranges: list[tuple[int, int]] = []
            spans: list[Span] = []
            for region in regions:
                more_ranges, more_spans = self._ranges(region)
                ranges += more_ranges
                spans += more_spans
            positions = self.index.evaluate(node, ranges, spans)
            if positions is None:
                return []
            return [self._document_hit(regions, positions)] if regions else []
        hits: list[Hit] = []
        for region in self._candidates(node, recogniser.scope):
            positions = self.index.evaluate(node, *self._ranges(region), borrowed=region.borrowed)
            if positions is not None:
                hits.append(Hit(region.unit, region.lid, region.sentence, region.span, tuple(positions)))
        return hits

    def near_miss(self, recogniser: Recogniser) -> NearMiss | None:
        """The unit that comes closest to a match of ``recogniser``.

        The required parts are the conjuncts of the pattern (of each alternative of a top-level ``of``)
        that are not ``niet``; a unit counts only when every ``niet`` part holds there. The best unit is
        the one where the first required part (by convention the one that names the subject: the gift,
        the vote, the side job) is found, and then the most of the other parts. None for a pattern with
        fewer than two required parts, for the ``document`` scope, and when no unit has a part."""
        if recogniser.scope == "document":
            return None
        node = compile_pattern(recogniser.pattern)
        branches = node.parts if isinstance(node, _Or) else (node,)
        best: NearMiss | None = None
        for branch in branches:
            parts = branch.parts if isinstance(branch, _And) else (branch,)
            required = [p for p in parts if not isinstance(p, _Not)]
            excluded = [p for p in parts if isinstance(p, _Not)]
            if len(required) < 2:
                continue
            seen: set[int] = set()
            for part in required:
                for region in self._candidates(part, recogniser.scope):
                    key = region.tokens[0]
                    if key in seen:
                        continue
                    seen.add(key)
                    ranges, spans = [region.tokens], [region.span]
                    if any(self.index.evaluate(p, ranges, spans) is None for p in excluded):
                        continue
                    got = [self.index.evaluate(p, ranges, spans) for p in required]
                    found = sum(g is not None for g in got)
                    if found == len(required):
                        continue
                    candidate = NearMiss(found / len(required), got[0] is not None, len(required),
                                         Hit(region.unit, region.lid, region.sentence, region.span,
                                             tuple(sorted({i for g in got if g for i in g}))))
                    if best is None or (candidate.subject, candidate.share) > (best.subject, best.share):
                        best = candidate
        return best

    def _document_hit(self, regions: Sequence[_Region], positions: Positions) -> Hit:
        if positions:
            first = positions[0]
            for region in regions:
                a, b = region.tokens
                if a <= first < b:
                    return Hit(region.unit, None, None, region.span, tuple(positions))
        region = regions[0]
        return Hit(region.unit, None, None, region.span, tuple(positions))

    def matches_in(self, pattern: Pattern, spans: Sequence[Span]) -> bool:
        """Whether ``pattern`` matches within the union of ``spans`` (an outdated-check scope)."""
        node = compile_pattern(pattern)
        ranges = [self.index.token_range(s) for s in spans]
        return self.index.evaluate(node, ranges, spans) is not None


def matches_text(pattern: Pattern, text: str) -> bool:
    """Whether ``pattern`` matches anywhere in ``text`` taken as one unit (for examples and tests)."""
    index = DocumentIndex(text)
    span = Span(0, len(text))
    return index.evaluate(compile_pattern(pattern), [index.token_range(span)], [span]) is not None
