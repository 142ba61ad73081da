"""An amending besluit printed with the code it amends: a reading stage.

A code is often published, or collected, together with a later wijzigingsbesluit ("De gedragscode wordt als
volgt gewijzigd: A. Na artikel 12 wordt een artikel ingevoegd, luidende: Artikel 12a ... B. Artikel 10
vervalt."). The code as it now stands is the base text with the amendments applied, so:

* the text an onderdeel inserts or substitutes ("luidende:", "komt te luiden:") is a provision, wherever the
  structure put it (often inside a toelichting or bijlage that follows the code);
* an article that an onderdeel repeals ("Artikel 10 vervalt") or replaces as a whole ("Artikel 9 komt te
  luiden: ...") is no provision any more in the base text: its old wording is history.

Only onderdelen of a besluit that says it amends ("wordt als volgt gewijzigd") count, up to its next article
("Artikel II": the entry into force) or its toelichting.
"""

from __future__ import annotations

import re

from gedragscode.lint.reading.build import Build, Builder

__all__ = ["amendments"]

# "De gedragscode wordt als volgt gewijzigd:", "besluit de gedragscode als volgt te wijzigen:", or an article that is
# one instruction itself: "Artikel I. In de Gedragscode ... worden na artikel 11 twee artikelen ingevoegd, luidende:"
_AMENDING = re.compile(
    r"\b(?:(?:wordt|worden)\s+(?:als\s+volgt\s+gewijzigd|gewijzigd\s+als\s+volgt)|als\s+volgt\s+te\s+wijzigen)\s*[:.]?|"
    r"(?=\bin\s+(?:de|het)\s+(?:\w+\s+){0,8}?(?:gedragscode|code|regeling|reglement)\b[^.:;]{0,200}?\b(?:wordt|worden)\b"
    r"[^.:;]{0,120}?\b(?:ingevoegd|toegevoegd|vervangen\s+door)\s*,?\s*(?:luidende\s*)?:)",
    re.IGNORECASE)
# The end of the amending article: the next article of the besluit, its entry into force, or its toelichting.
_END = re.compile(r"^[ \t]*(?:artikel\s+(?:II|III|IV|V)\b|toelichting\b|dit\s+besluit\s+treedt\b|aldus\s+besloten\b)",
                  re.MULTILINE | re.IGNORECASE)
# An onderdeel: "A. ", "B) ", "1. " at the start of a line.
_ITEM = re.compile(r"^[ \t]*(?:[A-Z]{1,2}|\d{1,2})[.)][ \t]+(?=\S)", re.MULTILINE)
# What introduces the new wording.
_NEW_TEXT = re.compile(
    r"\b(?:luidende|(?:komt|komen)\s+(?:als\s+volgt\s+)?te\s+luiden|luidt\s+voortaan|vervangen\s+door|"
    r"(?:wordt|worden)\s+(?:\w+\s+){0,5}?(?:toegevoegd|ingevoegd))\s*:", re.IGNORECASE)
_NUMBER = r"\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?)?"
# "Artikel 10 vervalt", "De artikelen 10 en 11 vervallen", "Artikel 10 komt te vervallen", "wordt geschrapt".
_REPEAL = re.compile(
    rf"^\W*(?:de\s+|het\s+)?artikel(?:en)?\s+(?P<nums>{_NUMBER}(?:\s*(?:,|en)\s*{_NUMBER})*)\s+"
    r"(?:vervalt|vervallen|(?:komt|komen)\s+te\s+vervallen|(?:wordt|worden)\s+(?:geschrapt|ingetrokken))\b",
    re.IGNORECASE)
# "Artikel 9 komt te luiden:" replaces the whole article (not "Artikel 9, tweede lid, komt te luiden").
_REPLACE = re.compile(
    rf"^\W*(?:het\s+)?artikel\s+(?P<num>{_NUMBER})\s+(?:komt|wordt)\s+(?:als\s+volgt\s+)?te\s+luiden\b", re.IGNORECASE)


def _onderdelen(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The onderdelen between ``start`` and ``end``: (start of the instruction, end). They are marked in the
    style of the first mark, which opens the amending text ("A.", "1."); without such a mark the whole text is
    one instruction, and the lid numbers of the wording it inserts ("1. Een lid ...") are no onderdelen."""
    first = _ITEM.search(text, start, end)
    if first is None or text[start : first.start()].strip():
        return [(start, end)]
    lettered = first.group(0).strip()[:1].isalpha()
    marks = [m for m in _ITEM.finditer(text, start, end) if m.group(0).strip()[:1].isalpha() == lettered]
    bounds = [m.end() for m in marks]
    return [(a, marks[k + 1].start() if k + 1 < len(marks) else end) for k, a in enumerate(bounds)]


def _read(text: str) -> tuple[list[tuple[int, int]], set[str], int]:
    """The spans of new wording, the numbers of the articles repealed or replaced, and where the first
    amending besluit starts (len(text) when there is none)."""
    new: list[tuple[int, int]] = []
    gone: set[str] = set()
    first = len(text)
    for m in _AMENDING.finditer(text):
        first = min(first, m.start())
        end_m = _END.search(text, m.end())
        end = end_m.start() if end_m is not None else len(text)
        for a, z in _onderdelen(text, m.end(), end):
            instruction = text[a:z]
            repeal = _REPEAL.match(instruction)
            if repeal is not None:
                gone.update(n.lower() for n in re.findall(_NUMBER, repeal.group("nums")))
                continue
            replace = _REPLACE.match(instruction)
            if replace is not None:
                gone.add(replace.group("num").lower())
            wording = _NEW_TEXT.search(instruction)
            if wording is not None:
                s = a + wording.end()
                while s < z and text[s].isspace():
                    s += 1
                e = z
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    new.append((s, e))
    return new, gone, first


def amendments(b: Builder) -> None:
    """Apply an amending besluit printed with the code (see the module docstring) to the roles of its units."""
    new, gone, first = _read(b.text)
    if not new and not gone:
        return
    out: list[Build] = []
    for unit in b.units:
        if unit.role == "normatief" and unit.start < first and unit.number.lower() in gone:
            unit.role = "toelichting"  # repealed or replaced: its old wording is history
        if not any(a < unit.end and unit.start < z for a, z in new):
            out.append(unit)
            continue
        for piece, inside in unit.cut(new):
            if inside:
                piece.role = "normatief"
            out.append(piece)
    b.units = out
