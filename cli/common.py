"""Shared plumbing for the commands: Dutch errors without tracebacks, exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from gedragscode import ErrorGroup, GedragscodeError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_NOT_A_CODE = 3  # lint: no document given looks like a code of conduct

F = TypeVar("F", bound=Callable[..., Any])


def report_error(exc: GedragscodeError) -> None:
    """Print a user error in Dutch on stderr."""
    errors = exc.errors if isinstance(exc, ErrorGroup) else [exc]
    for e in errors:
        click.echo(e.format(), err=True)


def handle_errors(func: F) -> F:
    """Turn the library's errors into a Dutch message and exit code 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GedragscodeError as exc:
            report_error(exc)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("Afgebroken.", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]
