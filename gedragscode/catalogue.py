"""The bundled model: the ``models/*.gdc`` files shipped inside the package.

Files are read through :mod:`importlib.resources` (package ``gedragscode.models``) in
file-name order, so ``01_...gdc`` comes before ``02_...gdc``; clause and chapter order in
rendered codes follows that order.

These files are the one trusted input (the threat model in ``docs/developer.md``): they are parsed
with ``trusted=True``, so their ``regex(...)`` recognisers run on Python's ``re`` rather than on the
time-limited engine that user-supplied patterns need (:mod:`gedragscode.safe_regex`).
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from gedragscode.dsl.syntax import SyntaxTree
    from gedragscode.model import Model

MODEL_PACKAGE = "gedragscode.models"


def package_files(package: str) -> Traversable:
    """The data files of ``package``: its directory when it is one on disk (the common case, and
    much cheaper than :mod:`importlib.resources`, which matters for start-up), else
    ``importlib.resources.files(package)`` (zip imports and other loaders)."""
    module = importlib.import_module(package)
    locations = list(getattr(module.__spec__, "submodule_search_locations", None) or [])
    if len(locations) == 1 and Path(locations[0]).is_dir():
        return Path(locations[0])
    from importlib.resources import files

    return files(package)


def bundled_sources() -> list[tuple[str, str]]:
    """(file name, text) of every bundled model file, in load order."""
    root = package_files(MODEL_PACKAGE)
    names = sorted(entry.name for entry in root.iterdir() if entry.name.endswith(".gdc"))
    return [(f"models/{name}", root.joinpath(name).read_text(encoding="utf-8")) for name in names]


def bundled_trees() -> list[SyntaxTree]:
    from gedragscode.dsl.parser import parse

    return [parse(text, name, trusted=True) for name, text in bundled_sources()]


@lru_cache(maxsize=1)
def bundled_model() -> Model:
    """The resolved model of the updated handreiking that ships with the package.

    Loaded from the on-disk cache when it holds this very model (see :mod:`gedragscode.model_cache`),
    else parsed and resolved, and cached for the next process.
    """
    from gedragscode.model_cache import cached_model

    sources = bundled_sources()

    def build() -> Model:
        from gedragscode.dsl.parser import parse
        from gedragscode.resolve import resolve_model

        return resolve_model([parse(text, name, trusted=True) for name, text in sources])

    return cached_model(sources, build)
