"""The public functions behind ``import gedragscode`` (parsing, loading, checking).

Rendering and linting live in :mod:`gedragscode.render` and :mod:`gedragscode.lint`;
``gedragscode/__init__.py`` re-exports the whole public surface.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from gedragscode.catalogue import bundled_model, bundled_trees
from gedragscode.dsl import syntax as s
from gedragscode.dsl.formatter import format_source
from gedragscode.dsl.parser import parse
from gedragscode.errors import DocumentError, ErrorGroup, GedragscodeError, Location, ModelError
from gedragscode.inputs import path_list, read_capped
from gedragscode.model import Code, Model
from gedragscode.resolve import bind_code, resolve_code, resolve_model

PathLike = str | os.PathLike[str]

__all__ = [
    "check",
    "check_model_examples",
    "check_model_overlaps",
    "format_source",
    "load",
    "load_code",
    "load_model",
    "make_code",
    "parse",
    "parse_file",
]


def _read(path: PathLike) -> str:
    """A .gdc file as text: a regular file of at most 50 MB, UTF-8 with or without a BOM."""
    data = read_capped(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"het bestand is geen UTF-8-tekst (byte {exc.start + 1})", Location(str(path))) from None


def parse_file(path: PathLike) -> s.SyntaxTree:
    """Parse one .gdc file (UTF-8) into a syntax tree with positions."""
    return parse(_read(path), str(path))


def _expand(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    out: list[Path] = []
    for path in path_list(paths):
        if os.path.isdir(path):
            out.extend(sorted(path.rglob("*.gdc")))
        else:
            out.append(path)
    return out


def load_model(paths: PathLike | Iterable[PathLike] | None = None) -> Model:
    """Resolve a model from .gdc files or folders; ``None`` gives the bundled handreiking model.

    ``paths`` is one path (``str`` or ``os.PathLike``) or an iterable of them; any other type
    is a TypeError.
    """
    if paths is None:
        return bundled_model()
    return resolve_model([parse_file(p) for p in _expand(paths)])


def _code_decl(tree: s.SyntaxTree) -> s.CodeDecl:
    codes = [i for i in tree.items if isinstance(i, s.CodeDecl)]
    if len(codes) != 1:
        raise ModelError(f"verwacht precies één gedragscode-blok in het bestand, gevonden: {len(codes)}",
                         Location(tree.filename))
    return codes[0]


def load_code(source: PathLike | s.SyntaxTree, *, model: Model | None = None,
              today: _dt.date | None = None) -> Code:
    """Load a local code file ("the model, with these local choices") bound to ``model``."""
    tree = source if isinstance(source, s.SyntaxTree) else parse_file(source)
    return resolve_code(_code_decl(tree), model or bundled_model(), today=today)


def load(source: PathLike, *, model: Model | None = None) -> Model | Code:
    """Load a .gdc file or folder: a local code when it holds a ``gedragscode`` block, else a model."""
    files = _expand([source])
    trees = [parse_file(p) for p in files]
    if len(trees) == 1 and any(isinstance(i, s.CodeDecl) for i in trees[0].items):
        return resolve_code(_code_decl(trees[0]), model or bundled_model())
    return resolve_model(trees)


def make_code(body: str, offices: Sequence[str], place: str, *, year: int | None = None,
              settings: Mapping[str, str] | None = None, omit: Sequence[str] = (), name: str | None = None,
              repeals: str = "", effective: str = "", model: Model | None = None, adopted: str = "",
              proposed_by: str = "", proposal_date: str = "", proposal_reference: str = "", advice: str = "",
              chair_name: str = "", clerk_name: str = "") -> Code:
    """Build a code from plain arguments, as ``gedragscode render --body ... --office ...`` does.

    ``settings`` maps ``"clause.parameter"`` (or ``"term.name"``, or ``"clause.parameter@office"``
    for one office) to a value as a user types it ("75", "2 weken", "ja", "de griffier"); it is
    read as the parameter's type. ``repeals``, ``effective``, ``adopted``, ``proposed_by``,
    ``proposal_date``, ``proposal_reference``, ``advice``, ``chair_name`` and ``clerk_name`` are the
    texts of the slotbepalingen, the aanhef and the signing block (the local-code statements
    ``intrekking``, ``inwerkingtreding``, ``vastgesteld``, ``voorstel``, ``voorstel_datum``,
    ``voorstel_kenmerk``, ``advies``, ``naam_voorzitter`` and ``naam_griffier``).
    ``model`` defaults to the bundled handreiking model.

    Names are taken as people type them (:mod:`gedragscode.names`): ``"Gemeente"``,
    ``"raadsleden"``, ``"Sociale media"``, ``"Geschenken.Grens"``; an unknown name raises
    :class:`ModelError` with the nearest one ("bedoelde u raadslid?").
    """
    from gedragscode import names

    model = model or bundled_model()
    body = names.canonical_body(model, body)
    offices = [names.canonical_office(model, body, o) for o in offices]
    omit = [names.canonical_clause(model, c) for c in omit]
    if settings:
        settings = {names.canonical_setting(model, key, body): value for key, value in settings.items()}
    return bind_code(model, body, offices, place, year=year, settings=settings, omit=omit,
                     name=name, repeals=repeals, effective=effective, adopted=adopted, proposed_by=proposed_by,
                     proposal_date=proposal_date, proposal_reference=proposal_reference, advice=advice,
                     chair_name=chair_name, clerk_name=clerk_name)


def check_model_overlaps(model: Model) -> list[GedragscodeError]:
    """Clauses whose recognisers find them in the rendered article of another clause (one rule, one place)."""
    from gedragscode.lint.overlap import check_overlaps

    return list(check_overlaps(model))


def check_model_examples(model: Model) -> list[GedragscodeError]:
    """Run every clause's voorbeeld/tegenvoorbeeld through its recognisers."""
    try:
        from gedragscode.lint.examples import check_examples
    except ImportError:  # pragma: no cover - the lint engine ships with the package
        return []
    return list(check_examples(model))


def check(paths: PathLike | Iterable[PathLike] | None = None) -> list[GedragscodeError]:
    """Validate DSL files and folders; ``None`` checks the bundled model. Returns every error found.

    Files holding a ``handreiking`` header together form the model; when none of them
    does, the files are checked on top of the bundled model. Every local code found is
    resolved against that model. The recognisers' examples are run too. ``paths`` is one path
    (``str`` or ``os.PathLike``) or an iterable of them; any other type is a TypeError.
    """
    errors: list[GedragscodeError] = []
    if paths is None:
        trees = bundled_trees()
    else:
        trees = []
        files = _expand(paths)
        if not files:
            return [ModelError("geen .gdc-bestanden gevonden")]
        for f in files:
            try:
                trees.append(parse_file(f))
            except GedragscodeError as exc:
                errors.append(exc)
    has_header = any(isinstance(i, s.Header) for t in trees for i in t.items)
    model_trees = [t for t in trees if any(not isinstance(i, s.CodeDecl) for i in t.items)]
    model: Model | None = None
    try:
        if has_header:
            model = resolve_model(model_trees)
        elif model_trees:
            model = resolve_model(bundled_trees() + model_trees)
        else:
            model = bundled_model()
    except ErrorGroup as group:
        errors.extend(group.errors)
    except GedragscodeError as exc:
        errors.append(exc)
    if model is not None:
        if has_header or model_trees or paths is None:
            errors.extend(check_model_examples(model))
            if not errors:
                errors.extend(check_model_overlaps(model))
        for t in trees:
            for item in t.items:
                if isinstance(item, s.CodeDecl):
                    try:
                        resolve_code(item, model)
                    except ErrorGroup as group:
                        errors.extend(group.errors)
                    except GedragscodeError as exc:
                        errors.append(exc)
    return errors
