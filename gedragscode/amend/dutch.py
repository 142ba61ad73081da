"""Small pieces of Dutch legislative drafting: ordinals, onderdeel letters, quotes, counts."""

from __future__ import annotations

import string

__all__ = ["count_word", "lid_phrase", "onderdeel_letter", "ordinal", "quote", "roman"]

_ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
             "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende",
             "achttiende", "negentiende", "twintigste")

_COUNTS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")


def ordinal(number: int) -> str:
    """1 -> "eerste", 2 -> "tweede" ... 20 -> "twintigste"; above that "21e"."""
    if 1 <= number <= len(_ORDINALS):
        return _ORDINALS[number - 1]
    return f"{number}e"


def count_word(number: int) -> str:
    """2 -> "twee" (for "worden twee artikelen ingevoegd"); digits above twelve."""
    return _COUNTS[number] if 0 <= number < len(_COUNTS) else str(number)


def lid_phrase(label: str) -> str:
    """The besluit's name of a lid: "3" -> "derde lid"; "1.2" -> "lid 1.2"."""
    return f"{ordinal(int(label))} lid" if label.isdigit() else f"lid {label}"


def onderdeel_letter(index: int) -> str:
    """The onderdelen of Artikel I: A, B, ..., Z, then AA, BB, CC ... (0-based ``index``)."""
    letters = string.ascii_uppercase
    return letters[index % 26] * (index // 26 + 1)


def roman(number: int) -> str:
    """1 -> "I", 4 -> "IV": the articles of a wijzigingsbesluit."""
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += numeral
            number -= value
    return out


def quote(text: str) -> str:
    """Words quoted as in a besluit: “binnen één week”."""
    return f"\u201c{text}\u201d"
