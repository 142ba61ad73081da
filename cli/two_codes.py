"""``gedragscode render --twee-codes``: where the two files go, and writing both or neither."""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import gedragscode
from gedragscode import GedragscodeError

SUFFIX = {"md": ".md", "html": ".html", "docx": ".docx"}
KINDS = ("volksvertegenwoordigers", "bestuurders")


def slug(text: str) -> str:
    """"Hoogheemraadschap van Hollands Noorderkwartier" -> "hoogheemraadschap-van-hollands-noorderkwartier"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "code"


def targets(outputs: Sequence[Path], fmt: str | None, inferred: dict[str, str], place: str,
            ) -> tuple[str, tuple[Path, Path]]:
    """The format and the two output files of ``-o MAP`` or ``-o VV -o BESTUUR``."""
    if not outputs:
        raise GedragscodeError("twee codes gaan naar twee bestanden: geef -o MAP, of -o BESTAND twee keer "
                               "(eerst de code voor de volksvertegenwoordigers, dan die voor de bestuurders)")
    if len(outputs) > 2:
        raise GedragscodeError(f"geef -o één keer (een map) of twee keer (twee bestanden), niet {len(outputs)} keer")
    if len(outputs) == 1:
        folder = outputs[0]
        if not os.path.isdir(folder):
            raise GedragscodeError(f"{folder} is geen bestaande map; geef een map op, of -o twee keer met een "
                                   "bestandsnaam per code")
        chosen = fmt or "md"
        stem = f"gedragscode-{slug(place)}"
        return chosen, (folder / f"{stem}-{KINDS[0]}{SUFFIX[chosen]}", folder / f"{stem}-{KINDS[1]}{SUFFIX[chosen]}")
    first, second = outputs
    formats = {inferred.get(p.suffix.lower()) for p in outputs} - {None}
    if len(formats) > 1:
        raise GedragscodeError(f"{first} en {second} hebben verschillende extensies; beide codes krijgen "
                               "hetzelfde formaat")
    found = next(iter(formats), None)
    if fmt is not None and found is not None and fmt != found:
        raise GedragscodeError(f"--format {fmt} past niet bij de bestandsnamen {first} en {second}")
    if first.resolve() == second.resolve():
        raise GedragscodeError(f"beide codes zouden naar {first} gaan; geef twee verschillende bestanden")
    for path in outputs:
        if os.path.isdir(path):
            raise GedragscodeError(f"{path} is een map; geef met twee keer -o twee bestandsnamen, of -o één keer "
                                   "met de map")
    return fmt or found or "md", (first, second)


def check_free(paths: Sequence[Path], force: bool) -> None:
    """Refuse before anything is rendered or written when a target exists (without --force)."""
    for path in paths:
        if os.path.lexists(path) and not force:
            raise GedragscodeError(f"het bestand {path} bestaat al; gebruik --force om het te overschrijven "
                                   "(er is niets geschreven)")
        if not os.path.isdir(path.parent):
            raise GedragscodeError(f"de map {path.parent} bestaat niet; maak die eerst aan (er is niets geschreven)")


def write_both(paths: tuple[Path, Path], data: tuple[str | bytes, str | bytes], force: bool) -> None:
    """Write both files or neither: when the second write fails, the first is undone."""
    first, second = paths
    previous = first.read_bytes() if force and os.path.isfile(first) else None
    gedragscode.write_output(first, data[0], force=force)
    try:
        gedragscode.write_output(second, data[1], force=force)
    except BaseException:
        with contextlib.suppress(OSError, GedragscodeError):
            if previous is None:
                first.unlink()
            else:
                gedragscode.write_output(first, previous, force=True)
        raise
