"""Start-up: ``import gedragscode`` and ``gedragscode --help`` load no heavy module; the public API
is complete all the same. (Speed itself is measured in benchmarks/, not here.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import gedragscode
from gedragscode import model_cache

HEAVY = ("lark", "jinja2", "docx", "lxml", "markdown_it", "pypdf", "pypdfium2", "defusedxml",
         "gedragscode.lint.engine", "gedragscode.lint.segment", "gedragscode.resolve", "gedragscode.dsl.parser",
         "gedragscode.render.build", "gedragscode.model")
FIXTURES = Path(__file__).parent / "fixtures"


def _modules_after(code: str, cache: Path | None = None) -> set[str]:
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    env = {k: v for k, v in os.environ.items() if k != model_cache.NO_CACHE_ENV}
    if cache is not None:
        env[model_cache.CACHE_DIR_ENV] = str(cache)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env=env).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def _heavy(modules: set[str], allowed: tuple[str, ...] = ()) -> list[str]:
    return sorted(m for m in modules for h in HEAVY
                  if (m == h or m.startswith(h + ".")) and h not in allowed)


def test_import_gedragscode_loads_nothing_heavy() -> None:
    assert _heavy(_modules_after("import gedragscode")) == []


def test_help_loads_nothing_heavy() -> None:
    modules = _modules_after("""
        import contextlib, io
        from gedragscode.cli.main import cli
        with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
            cli(["--help"], prog_name="gedragscode")
        with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
            cli(["lint", "--help"], prog_name="gedragscode")
    """)
    assert _heavy(modules) == []


def test_linting_a_text_file_loads_no_parser_template_or_other_reader(tmp_path: Path) -> None:
    """With the model cache warm, a text lint needs neither Lark, Jinja2 nor python-docx/lxml/PDFium."""
    code = FIXTURES / "lint" / "provincie_staten_2015.txt"
    modules = _modules_after(f"""
        import gedragscode
        gedragscode.load_model()        # writes the cache if needed
        gedragscode.lint({str(code)!r}) # warm-up in this process is fine: the check is below
    """, tmp_path)
    assert "gedragscode.lint.engine" in modules
    assert _heavy(modules, allowed=("gedragscode.lint.engine", "gedragscode.lint.segment", "gedragscode.model",
                                    "lark", "gedragscode.resolve", "gedragscode.dsl.parser", "jinja2")) == []
    modules = _modules_after(f"""
        import gedragscode
        gedragscode.lint({str(code)!r})
    """, tmp_path)
    assert _heavy(modules, allowed=("gedragscode.lint.engine", "gedragscode.lint.segment", "gedragscode.model")) == []
    # the lemma forms and verb stems come from the cache file: simplemma's dictionary is not loaded
    assert "simplemma" not in modules


def test_linting_with_the_bundled_model_never_loads_the_regex_engine(tmp_path: Path) -> None:
    """The bundled model is trusted (threat model): its recognisers run on Python's re, so a lint of a
    plain code with the model cache warm loads no ``regex`` package, in the library or through the
    command line (start-up caches on). (A cold cache parses the model with Lark, which imports
    ``regex`` for its own grammar when it is installed.)"""
    code = FIXTURES / "lint" / "provincie_staten_2015.txt"
    library = f"""
        import gedragscode
        gedragscode.lint({str(code)!r})
    """
    _modules_after(library, tmp_path)  # warms the model cache
    assert "regex" not in _modules_after(library, tmp_path)
    command_line = f"""
        import contextlib, io
        from gedragscode.cli.main import cli
        with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
            cli(["lint", {str(code)!r}], prog_name="gedragscode")
    """
    assert "regex" not in _modules_after(command_line, tmp_path)


def test_every_dataclass_on_the_lint_path_has_a_docstring() -> None:
    """``@dataclass`` makes a docstring from ``inspect.signature`` for a class without one, which costs
    every process start-up time (about a tenth of a millisecond per class): write one instead."""
    import dataclasses
    import importlib

    lint_path = sorted(m for m in _modules_after("""
        import gedragscode.lint.batch, gedragscode.lint.engine, gedragscode.lint.readers
        import gedragscode.lint.reports.text, gedragscode.cli.main
    """) if m == "gedragscode" or m.startswith("gedragscode."))
    assert "gedragscode.model" in lint_path and "gedragscode.lint.match" in lint_path
    missing = [f"{name}.{value.__name__}" for name in lint_path
               for value in vars(importlib.import_module(name)).values()
               if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == name
               and (value.__doc__ or "").startswith(value.__name__ + "(")]
    assert missing == []


@pytest.mark.parametrize("name", gedragscode.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(gedragscode, name) is not None
    assert name in dir(gedragscode)


def test_from_import_and_identity() -> None:
    from gedragscode import LintResult, lint, render
    from gedragscode.lint.engine import lint as engine_lint
    from gedragscode.lint.result import LintResult as result_type
    from gedragscode.render.build import render as build_render

    assert lint is engine_lint and LintResult is result_type and render is build_render
    assert gedragscode.REPORT_FORMATS == ("text", "json", "jsonl", "sarif", "html")
    assert gedragscode.FORMATS == ("md", "html", "docx")


def test_subpackages_do_not_shadow_the_functions() -> None:
    """``gedragscode.lint`` and ``gedragscode.render`` are functions, even after their subpackages load."""
    import gedragscode.lint.readers
    import gedragscode.render.writers

    assert callable(gedragscode.lint) and gedragscode.lint.__module__ == "gedragscode.lint.engine"
    assert callable(gedragscode.render) and gedragscode.render.__module__ == "gedragscode.render.build"


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="geen_functie"):
        gedragscode.geen_functie  # type: ignore[attr-defined]  # noqa: B018
