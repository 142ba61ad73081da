"""Regex recognisers (``regex("...")`` in the DSL), checked when read and bounded when run.

A regular expression in a model file or a local code is code from the user: a pattern like
``(a|a)*$`` backtracks exponentially and would hang ``check`` and ``lint``, and ``a{4294967295}``
crashes Python's ``re``. Two layers keep it bounded:

1. **When the DSL is read** (:func:`regex_problem`, called by the resolver): a pattern longer than
   :data:`~gedragscode.limits.MAX_REGEX_LENGTH`, a repeat count above
   :data:`~gedragscode.limits.MAX_REGEX_REPEAT`, or an unbounded repeat inside another unbounded
   repeat (``(a+)+``, ``(\\w*\\s?)*``: the classic catastrophic shape) is refused with a Dutch error
   at the recogniser's position. This finds most bad patterns before any document is read.
2. **When a pattern runs** (:class:`SafeRegex`): matching uses the ``regex`` package (a drop-in,
   ``re``-compatible engine, well kept) whose searches accept a ``timeout``; one search over one
   stretch of a document that takes longer than :data:`~gedragscode.limits.REGEX_TIMEOUT` stops
   with :class:`RegexTimeout` (a :class:`~gedragscode.errors.ModelError`: the pattern, not the
   document, is at fault). No static check can recognise every exponential pattern (overlapping
   alternatives like ``(a|ab)*`` need the input to show it), so the time limit is what makes the
   guarantee; Python's ``re`` cannot be interrupted at all, and RE2 (linear time) has no
   look-around, which the model's recognisers use.

The lint matcher and the identification of body and offices both compile recogniser patterns
through :func:`compile_recogniser`, so the same rules hold wherever a pattern runs.

**Trust.** The bundled model (``models/*.gdc``, shipped and tested with the package) is trusted, in
the threat model of ``docs/developer.md``: its patterns are marked
:attr:`~gedragscode.model.Regex.trusted` when the catalogue parses them, and
:func:`compile_recogniser` compiles those with Python's ``re`` (no ``regex`` import, no timeout
bookkeeping, and ``re``'s compiled code is cached on disk for the command-line process by
:mod:`gedragscode.regex_cache`). Every other pattern (a local code's, a user's model file's) is
untrusted and gets both layers above. Trust is a fact about where the file came from, recorded when
it is parsed, never a guess from the pattern's text. The bundled patterns still pass
:func:`regex_problem` (a test checks it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from gedragscode.errors import ModelError
from gedragscode.limits import MAX_REGEX_LENGTH, MAX_REGEX_REPEAT, REGEX_TIMEOUT

if TYPE_CHECKING:
    from gedragscode.model import Regex

__all__ = ["RegexTimeout", "SafeRegex", "compile_recogniser", "compile_regex", "regex_problem"]

try:  # the parser behind re.compile; private, so the structural check is skipped if it moves
    import re._parser as _sre_parse  # type: ignore[import-not-found,unused-ignore]
    from re._constants import (  # type: ignore[import-not-found,unused-ignore]
        MAX_REPEAT,
        MAXREPEAT,
        MIN_REPEAT,
        POSSESSIVE_REPEAT,
    )

    _REPEATS: frozenset[Any] = frozenset({MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT})
except ImportError:  # pragma: no cover - a future Python without re._parser
    _sre_parse = None
    _REPEATS = frozenset()
    MAXREPEAT = None


class RegexTimeout(ModelError):
    """A regex recogniser took longer than the limit on one stretch of a document."""


_FEW = 10  # a repeat of at most this many times may hold an unbounded one: (?:\w+\s+){0,3}


def _many(max_count: Any) -> bool:
    return bool(max_count == MAXREPEAT or (isinstance(max_count, int) and max_count > _FEW))


def _structure_problem(items: Any, inside_unbounded: bool) -> str | None:
    """Walk the parsed pattern: counts too large, or a repeat of many nested in another."""
    for op, av in items:
        if op in _REPEATS:
            low, high, sub = av
            if low > MAX_REGEX_REPEAT or (high != MAXREPEAT and high > MAX_REGEX_REPEAT):
                return (f"een herhaling van meer dan {MAX_REGEX_REPEAT} keer is niet toegestaan "
                        "(gebruik + of * of een kleiner getal)")
            unbounded = _many(high)
            if unbounded and inside_unbounded and _can_repeat_text(sub):
                return ("een onbegrensde herhaling binnen een onbegrensde herhaling (zoals (a+)+ of (\\w*\\s?)*) "
                        "kan eindeloos zoeken; schrijf het patroon zonder geneste + of *")
            problem = _structure_problem(sub, inside_unbounded or (unbounded and _can_repeat_text(sub)))
            if problem:
                return problem
        elif isinstance(av, tuple | list):
            for part in av:
                if isinstance(part, _sre_parse.SubPattern):
                    problem = _structure_problem(part, inside_unbounded)
                    if problem:
                        return problem
                elif isinstance(part, list):  # BRANCH: (None, [alternatives])
                    for alt in part:
                        if isinstance(alt, _sre_parse.SubPattern):
                            problem = _structure_problem(alt, inside_unbounded)
                            if problem:
                                return problem
    return None


def _can_repeat_text(sub: Any) -> bool:
    """Whether a repeated part consumes characters (``(?:x)*`` does; ``\\b*`` cannot)."""
    try:
        low, _high = sub.getwidth()
    except Exception:  # pragma: no cover - getwidth is defined for every parsed pattern
        return True
    return bool(_high) or bool(low)


def regex_problem(pattern: str, *, trusted: bool = False) -> str | None:
    """Why ``pattern`` cannot be a recogniser (Dutch), or None when it can.

    ``trusted`` (a bundled model pattern): the pattern must compile with ``re``, the engine it runs
    on, rather than with ``regex``; the length and structure rules are the same.
    """
    if len(pattern) > MAX_REGEX_LENGTH:
        return f"de reguliere expressie is langer dan {MAX_REGEX_LENGTH} tekens"
    try:
        parsed = _sre_parse.parse(pattern) if _sre_parse is not None else None
    except re.error as exc:
        return f"ongeldige reguliere expressie: {exc}"
    except (OverflowError, RecursionError, ValueError):
        return (f"een herhaling van meer dan {MAX_REGEX_REPEAT} keer is niet toegestaan "
                "(gebruik + of * of een kleiner getal)")
    if parsed is not None:
        problem = _structure_problem(parsed, False)
        if problem:
            return problem
    if trusted:
        try:
            re.compile(pattern, re.IGNORECASE)
        except (re.error, OverflowError, RecursionError, ValueError) as exc:
            return f"ongeldige reguliere expressie: {exc}"
        return None
    import regex  # only for untrusted patterns: the bundled model never loads it

    try:
        regex.compile(pattern, regex.IGNORECASE)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        return f"ongeldige reguliere expressie: {exc}"
    return None


class SafeRegex:
    """A compiled recogniser pattern whose searches stop after :data:`REGEX_TIMEOUT` seconds."""

    __slots__ = ("compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        problem = regex_problem(pattern)
        if problem:
            raise ModelError(f"regex({pattern!r}): {problem}")
        import regex

        self.pattern = pattern
        self.compiled = regex.compile(pattern, regex.IGNORECASE)

    def _timeout(self) -> RegexTimeout:
        return RegexTimeout(f"de herkenner regex({self.pattern!r}) zoekt langer dan {REGEX_TIMEOUT:g} s in één "
                            "stuk tekst en is gestopt; vereenvoudig de reguliere expressie")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        """Matches in ``text[pos:endpos]``, as ``re.Pattern.finditer``; :class:`RegexTimeout` if too slow."""
        end = len(text) if endpos is None else endpos
        try:
            yield from self.compiled.finditer(text, pos, end, timeout=REGEX_TIMEOUT)
        except TimeoutError:
            raise self._timeout() from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        """The first match in ``text[pos:endpos]``, or None; :class:`RegexTimeout` if too slow."""
        end = len(text) if endpos is None else endpos
        try:
            return self.compiled.search(text, pos, end, timeout=REGEX_TIMEOUT)
        except TimeoutError:
            raise self._timeout() from None


@lru_cache(maxsize=4096)
def compile_regex(pattern: str) -> SafeRegex:
    """The bounded, case-insensitive form of a recogniser pattern (cached).

    Raises :class:`~gedragscode.errors.ModelError` when :func:`regex_problem` refuses it.
    """
    return SafeRegex(pattern)


@lru_cache(maxsize=1024)
def _compile_trusted(pattern: str) -> re.Pattern[str]:
    # checked by the resolver when the bundled model was read (regex_problem); not parsed again here,
    # so that re's cache (and regex_cache's code on disk) makes this a look-up
    try:
        return re.compile(pattern, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError, ValueError) as exc:
        raise ModelError(f"regex({pattern!r}): ongeldige reguliere expressie: {exc}") from None


def compile_recogniser(pattern: Regex) -> SafeRegex | re.Pattern[str]:
    """The compiled, case-insensitive form of a ``regex(...)`` recogniser, by its trust (cached).

    A :attr:`~gedragscode.model.Regex.trusted` pattern (the bundled model's) is a plain ``re`` pattern;
    any other is a :class:`SafeRegex` (checked, and time-limited when it runs). Both have
    ``finditer(text, pos, endpos)`` and ``search(text, pos, endpos)``. Raises
    :class:`~gedragscode.errors.ModelError` when :func:`regex_problem` refuses the pattern.
    """
    if pattern.trusted:
        return _compile_trusted(pattern.pattern)
    return compile_regex(pattern.pattern)
