"""One error family for the whole library.

Every error a user can cause derives from :class:`GedragscodeError`. Each carries a
Dutch message (``str(error)``), and where it makes sense a :class:`Location`. The CLI
maps the family to exit code 2 and prints the message without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in a source file: 1-based line and column."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        if self.column <= 0:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


class GedragscodeError(Exception):
    """Root of every error this library raises for bad input or bad usage."""

    def __init__(self, message: str, location: Location | None = None, *, context: str = "") -> None:
        self.message = message
        self.location = location
        self.context = context
        super().__init__(self.format())

    def format(self) -> str:
        """The full Dutch message: ``file:line:col: fout: message`` plus source context."""
        prefix = f"{self.location}: " if self.location is not None else ""
        text = f"{prefix}fout: {self.message}"
        if self.context:
            text += "\n" + self.context.rstrip("\n")
        return text


class DslSyntaxError(GedragscodeError):
    """The DSL text does not follow the grammar."""


class DslSemanticError(GedragscodeError):
    """The DSL text parses, but means something impossible (unknown name, duplicate id, ...)."""


def _sort_key(error: GedragscodeError) -> tuple[str, int, int]:
    loc = error.location
    return (loc.file, loc.line, loc.column) if loc is not None else ("", 0, 0)


class ErrorGroup(GedragscodeError):
    """Several errors found in one pass; ``errors`` lists them in source order."""

    def __init__(self, errors: list[GedragscodeError]) -> None:
        self.errors = sorted(errors, key=_sort_key)
        message = "\n".join(e.format() for e in errors)
        super().__init__(f"{len(errors)} fouten gevonden")
        self.args = (message,)

    def format(self) -> str:
        if not getattr(self, "errors", None):
            return super().format()
        return "\n".join(e.format() for e in self.errors)

    def __str__(self) -> str:
        return self.format()


class ModelError(GedragscodeError):
    """A request does not fit the model: unknown body, office, clause or parameter, bad value."""


class DocumentError(GedragscodeError):
    """A document to check cannot be read (broken DOCX, PDF without text layer, unsafe XML, ...)."""


class OutputExistsError(GedragscodeError):
    """An output file exists and ``force`` was not given."""


class RenderError(GedragscodeError):
    """A clause template failed to render."""
