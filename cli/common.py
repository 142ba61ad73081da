"""Shared plumbing for the commands: Dutch errors without tracebacks, exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click

from gedragscode import ErrorGroup, GedragscodeError
from gedragscode.limits import parse_size, plain_text_problem, printable

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_NOT_A_CODE = 3  # lint: no document given looks like a code of conduct

F = TypeVar("F", bound=Callable[..., Any])


def report_error(exc: GedragscodeError) -> None:
    """Print a user error in Dutch on stderr."""
    errors = exc.errors if isinstance(exc, ErrorGroup) else [exc]
    for e in errors:
        # a message may quote a value with bytes that are not UTF-8: never let printing fail
        click.echo(printable(e.format(), keep_newlines=True), err=True)


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


def split_list(values: Iterable[str]) -> list[str]:
    """``--office a,b --office c`` -> ``["a", "b", "c"]`` (repeatable options that also take commas)."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def parse_settings(pairs: Iterable[str]) -> dict[str, str]:
    """``--set PARAMETER=WAARDE`` pairs as a mapping; a malformed pair or a parameter set twice is a Dutch error."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise GedragscodeError(f"--set verwacht PARAMETER=WAARDE (bijvoorbeeld geschenken.grens=75), niet '{pair}'")
        folded = key.strip().lower()
        if folded in (k.lower() for k in out):
            raise GedragscodeError(f"--set {key.strip()} staat twee keer in de opdracht; geef elke keuze één keer")
        out[key.strip()] = value
    return out


def size_option(ctx: click.Context, param: click.Parameter, value: Any) -> int:
    """Option callback: a byte count from "50MB", "500KB", "2GB", or a number of megabytes."""
    if isinstance(value, int):
        return value
    try:
        return parse_size(str(value))
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def check_text(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Option callback: refuse text that is not UTF-8 or holds control/bidi characters."""
    values = value if isinstance(value, tuple) else (value,)
    for item in values:
        if isinstance(item, str):
            problem = plain_text_problem(item)
            if problem:
                raise click.BadParameter(problem)
    return value
