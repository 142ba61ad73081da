"""gedragscode: write and check codes of conduct (gedragscodes integriteit) for Dutch
political office holders against the updated handreiking.

The public API::

    import gedragscode
    model = gedragscode.load_model()                       # the bundled handreiking
    code = gedragscode.make_code("gemeente", ["raadslid"], "Almelo", year=2026)
    markdown = gedragscode.render(code, "md")              # str; "docx" gives bytes
    report = gedragscode.lint("code.pdf")                  # findings per clause

Everything the command-line tool does is one of these functions.
"""

from gedragscode.api import (
    check,
    check_model_examples,
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
from gedragscode.lint.engine import lint, lint_document, lint_paths
from gedragscode.lint.reports import FORMATS as REPORT_FORMATS
from gedragscode.lint.reports import render_report, write_overview
from gedragscode.lint.result import ClauseFinding, Evidence, LintFailure, LintResult
from gedragscode.model import Body, Clause, Code, Model, Office
from gedragscode.output import write_output
from gedragscode.render.api import starter_code
from gedragscode.render.build import FORMATS, build_document, render
from gedragscode.summary import model_summary

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "REPORT_FORMATS",
    "Body",
    "Clause",
    "ClauseFinding",
    "Code",
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
    "__version__",
    "build_document",
    "check",
    "check_model_examples",
    "format_source",
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
    "render",
    "render_report",
    "starter_code",
    "write_output",
    "write_overview",
]
