"""List counters as documents display them (roman numerals), shared by the DOCX and HTML readers."""

from __future__ import annotations

from gedragscode.limits import MAX_COUNTER

_NUMERALS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
             (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """Upper-case roman numeral of ``n`` (1 -> "I", 14 -> "XIV"); "" for n < 1.

    Above :data:`~gedragscode.limits.MAX_COUNTER` (3999, the largest classic numeral) the number
    is given in digits: a hostile ``<ol start>`` of 10**15 would otherwise be built letter by letter.
    """
    if n > MAX_COUNTER:
        return str(n)
    out = []
    for value, letters in _NUMERALS:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)
