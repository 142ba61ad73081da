"""Dutch for click's own messages (usage, help headings, usage errors).

click translates its strings with :func:`gettext.gettext`, imported into each of its
modules as ``_`` (and ``ngettext``). We install a small Dutch catalogue by replacing
those names in click's modules; strings we do not know pass through unchanged.

click computes some strings when a command is *defined* (the type name "file" of a
``click.Path``), so :func:`install` runs when the ``gedragscode.cli`` package is imported,
before any command module (see ``cli/__init__.py``). ``tests/test_cli_dutch.py`` checks that
no English click string reaches a user.
"""

from __future__ import annotations

import gettext
import importlib
from typing import Any

import click
import click.types

DUTCH: dict[str, str] = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon het versienummer en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Missing command.": "Geen opdracht opgegeven.",
    "Missing argument": "Argument ontbreekt",
    "Missing option": "Optie ontbreekt",
    "Missing parameter": "Parameter ontbreekt",
    "Missing parameter: {param_name}": "Parameter ontbreekt: {param_name}",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Option {name!r} requires an argument.": "Optie {name!r} heeft een waarde nodig.",
    "Option {name!r} requires {nargs} arguments.": "Optie {name!r} heeft {nargs} waarden nodig.",
    "Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Onverwachte extra argumenten ({args})",
    "Did you mean {possibility}?": "Bedoelde u {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Bedoelde u een van: {possibilities}?)",
    "{value!r} is not {choice}.": "{value!r} is niet {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} is niet een van {choices}.",
    # {number_type} is click's English type name ("integer range"): leave it out
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} is geen ja of nee.",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "{value} is not in the range {range}.": "{value} kan niet: kies {range}.",
    "{value!r} does not match the format {format}.": "{value!r} past niet bij de vorm {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} past niet bij de vormen {formats}.",
    "{len_type} values are required, but {len_value} was given.": "{len_type} waarden nodig, maar {len_value} gegeven.",
    "{len_type} values are required, but {len_value} were given.":
        "{len_type} waarden nodig, maar {len_value} gegeven.",
    "Takes {nargs} values but 1 was given.": "Vraagt {nargs} waarden, maar er is 1 gegeven.",
    "Takes {nargs} values but {len} were given.": "Vraagt {nargs} waarden, maar er zijn {len} gegeven.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} vraagt {nargs} waarden.",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "Aborted!": "Afgebroken!",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "(dynamic)": "(wisselend)",
    "env var: {var}": "omgevingsvariabele: {var}",
    "deprecated": "verouderd",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Error: The two entered values do not match.": "Fout: de twee waarden zijn niet gelijk.",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Do you want to continue?": "Wilt u doorgaan?",
    "Press any key to continue...": "Druk op een toets om door te gaan...",
    "Confirm the action without prompting.": "Bevestig zonder te vragen.",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "unknown error": "onbekende fout",
}


def _describe_range(self: click.types._NumberRangeBase[Any, Any]) -> str:
    """A number range in Dutch ("van 1900 tot en met 2200", "1 of meer") for help and errors."""
    lo, hi = self.min, self.max
    if lo is not None and hi is not None:
        return f"een waarde van {lo} tot en met {hi}"
    if lo is not None:
        return f"{lo} of meer" if not self.min_open else f"meer dan {lo}"
    return f"{hi} of minder" if not self.max_open else f"minder dan {hi}"


def _gettext(message: str) -> str:
    return DUTCH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    """Make click speak Dutch in this process (idempotent)."""
    for name in ("click.core", "click.decorators", "click.exceptions", "click.formatting", "click.parser",
                 "click.types", "click.termui", "click.utils", "click.shell_completion"):
        try:
            module = importlib.import_module(name)
        except ImportError:  # pragma: no cover - optional click modules
            continue
        if getattr(module, "_", None) in (gettext.gettext, _gettext) or hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]
    # click.IntRange describes its range as "1900<=x<=2200" in help and errors
    click.types._NumberRangeBase._describe_range = _describe_range  # type: ignore[method-assign]
