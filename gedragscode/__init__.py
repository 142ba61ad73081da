"""gedragscode: write and check codes of conduct (gedragscodes integriteit) for Dutch
political office holders against the updated handreiking.

The public API::

    import gedragscode
    model = gedragscode.load_model()                       # the bundled handreiking
    code = gedragscode.make_code("gemeente", ["raadslid"], "Almelo", year=2026)
    markdown = gedragscode.render(code, "md")              # str; "docx" gives bytes
    report = gedragscode.lint("code.pdf")                  # findings per clause

Everything the command-line tool does is one of these functions.

The names are imported on first use (PEP 562 module ``__getattr__``), so ``import gedragscode``
and ``gedragscode --help`` do not pay for the parser, the templates, python-docx or the lint
engine; ``from gedragscode import lint`` works as before, and type checkers and IDEs read the
imports in the ``TYPE_CHECKING`` block below.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from gedragscode.amend.api import PRODUCTS as AMENDMENT_PRODUCTS
    from gedragscode.amend.api import amend, amendment_checklist, plan_amendment, render_amendment
    from gedragscode.amend.plan import AmendmentOptions, AmendmentPlan, plan_amendment_document
    from gedragscode.amend.structure import UnrecognisedStructureError
    from gedragscode.api import (
        check,
        check_model_examples,
        check_model_overlaps,
        format_source,
        load,
        load_code,
        load_model,
        make_code,
        parse,
        parse_file,
    )
    from gedragscode.errors import (
        DocumentError,
        DslSemanticError,
        DslSyntaxError,
        ErrorGroup,
        GedragscodeError,
        Location,
        ModelError,
        OutputExistsError,
        RenderError,
    )
    from gedragscode.inputs import read_capped, read_stream_capped
    from gedragscode.limits import MAX_INPUT_BYTES
    from gedragscode.lint.engine import iter_lint_paths, lint, lint_document, lint_paths
    from gedragscode.lint.reports import FORMATS as REPORT_FORMATS
    from gedragscode.lint.reports import render_report, write_overview
    from gedragscode.lint.result import ClauseFinding, Coverage, Evidence, LintFailure, LintResult
    from gedragscode.lint.walk import Skipped, walk_documents
    from gedragscode.model import Body, Clause, Code, Model, Office
    from gedragscode.output import write_output
    from gedragscode.render import FORMATS
    from gedragscode.render.api import starter_code
    from gedragscode.render.build import build_document, checklist, render
    from gedragscode.render.checklist import render_checklist
    from gedragscode.render.doctree import CheckItem
    from gedragscode.summary import model_summary
    from gedragscode.two_codes import TwoCodes, build_two_documents, render_two_codes, split_code

# public name -> (module, name in that module)
_EXPORTS: dict[str, tuple[str, str]] = {
    "AMENDMENT_PRODUCTS": ("gedragscode.amend.api", "PRODUCTS"),
    **{name: ("gedragscode.amend.api", name) for name in (
        "amend", "amendment_checklist", "plan_amendment", "render_amendment")},
    **{name: ("gedragscode.amend.plan", name) for name in (
        "AmendmentOptions", "AmendmentPlan", "plan_amendment_document")},
    "UnrecognisedStructureError": ("gedragscode.amend.structure", "UnrecognisedStructureError"),
    **{name: ("gedragscode.api", name) for name in (
        "check", "check_model_examples", "check_model_overlaps", "format_source", "load", "load_code", "load_model",
        "make_code", "parse", "parse_file")},
    **{name: ("gedragscode.errors", name) for name in (
        "DocumentError", "DslSemanticError", "DslSyntaxError", "ErrorGroup", "GedragscodeError", "Location",
        "ModelError", "OutputExistsError", "RenderError")},
    **{name: ("gedragscode.lint.engine", name) for name in ("iter_lint_paths", "lint", "lint_document", "lint_paths")},
    "REPORT_FORMATS": ("gedragscode.lint.reports", "FORMATS"),
    "render_report": ("gedragscode.lint.reports", "render_report"),
    "write_overview": ("gedragscode.lint.reports", "write_overview"),
    **{name: ("gedragscode.lint.result", name)
       for name in ("ClauseFinding", "Coverage", "Evidence", "LintFailure", "LintResult")},
    **{name: ("gedragscode.model", name) for name in ("Body", "Clause", "Code", "Model", "Office")},
    "write_output": ("gedragscode.output", "write_output"),
    "starter_code": ("gedragscode.render.api", "starter_code"),
    "FORMATS": ("gedragscode.render", "FORMATS"),
    **{name: ("gedragscode.render.build", name) for name in ("build_document", "checklist", "render")},
    "render_checklist": ("gedragscode.render.checklist", "render_checklist"),
    "CheckItem": ("gedragscode.render.doctree", "CheckItem"),
    "model_summary": ("gedragscode.summary", "model_summary"),
    **{name: ("gedragscode.two_codes", name) for name in (
        "TwoCodes", "build_two_documents", "render_two_codes", "split_code")},
    "MAX_INPUT_BYTES": ("gedragscode.limits", "MAX_INPUT_BYTES"),
    **{name: ("gedragscode.inputs", name) for name in ("read_capped", "read_stream_capped")},
    **{name: ("gedragscode.lint.walk", name) for name in ("Skipped", "walk_documents")},
}

__all__ = [
    "AMENDMENT_PRODUCTS",
    "FORMATS",
    "MAX_INPUT_BYTES",
    "REPORT_FORMATS",
    "AmendmentOptions",
    "AmendmentPlan",
    "Body",
    "CheckItem",
    "Clause",
    "ClauseFinding",
    "Code",
    "Coverage",
    "DocumentError",
    "DslSemanticError",
    "DslSyntaxError",
    "ErrorGroup",
    "Evidence",
    "GedragscodeError",
    "LintFailure",
    "LintResult",
    "Location",
    "Model",
    "ModelError",
    "Office",
    "OutputExistsError",
    "RenderError",
    "Skipped",
    "TwoCodes",
    "UnrecognisedStructureError",
    "__version__",
    "amend",
    "amendment_checklist",
    "build_document",
    "build_two_documents",
    "check",
    "check_model_examples",
    "check_model_overlaps",
    "checklist",
    "format_source",
    "iter_lint_paths",
    "lint",
    "lint_document",
    "lint_paths",
    "load",
    "load_code",
    "load_model",
    "make_code",
    "model_summary",
    "parse",
    "parse_file",
    "plan_amendment",
    "plan_amendment_document",
    "read_capped",
    "read_stream_capped",
    "render",
    "render_amendment",
    "render_checklist",
    "render_report",
    "render_two_codes",
    "split_code",
    "starter_code",
    "walk_documents",
    "write_output",
    "write_overview",
]


if not TYPE_CHECKING:  # for type checkers the imports above are the whole interface

    def __getattr__(name: str) -> Any:
        target = _EXPORTS.get(name)
        if target is None:
            raise AttributeError(f"module 'gedragscode' has no attribute {name!r}")
        module, attribute = target
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """The package module: ``gedragscode.lint`` stays the function of the public API.

    Importing the subpackage ``gedragscode.lint`` (which the lint engine lives in) makes Python set
    the attribute ``lint`` of this package to that subpackage; with lazy imports that can happen
    after the function was looked up, so the subpackage is kept out of the attribute (it is still
    in ``sys.modules`` and ``from gedragscode.lint.engine import ...`` works as always).
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
