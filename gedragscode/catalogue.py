"""The bundled model: the ``models/*.gdc`` files shipped inside the package.

Files are read through :mod:`importlib.resources` (package ``gedragscode.models``) in
file-name order, so ``01_...gdc`` comes before ``02_...gdc``; clause and chapter order in
rendered codes follows that order.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from gedragscode.dsl.parser import parse
from gedragscode.dsl.syntax import SyntaxTree
from gedragscode.model import Model
from gedragscode.resolve import resolve_model

MODEL_PACKAGE = "gedragscode.models"


def bundled_sources() -> list[tuple[str, str]]:
    """(file name, text) of every bundled model file, in load order."""
    root = files(MODEL_PACKAGE)
    names = sorted(entry.name for entry in root.iterdir() if entry.name.endswith(".gdc"))
    return [(f"models/{name}", root.joinpath(name).read_text(encoding="utf-8")) for name in names]


def bundled_trees() -> list[SyntaxTree]:
    return [parse(text, name) for name, text in bundled_sources()]


@lru_cache(maxsize=1)
def bundled_model() -> Model:
    """The resolved model of the updated handreiking that ships with the package."""
    return resolve_model(bundled_trees())
