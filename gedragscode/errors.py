"""One error family for the whole library.

Every error a user can cause derives from :class:`GedragscodeError`. Each carries a
Dutch message (``str(error)``), and where it makes sense a :class:`Location`. The CLI
maps the family to exit code 2 and prints the message without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

from gedragscode.limits import printable


@dataclass(frozen=True)
class Location:
    """A place in a source file: 1-based line and column."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        # a file name may hold a newline or escape sequence: never print it raw
        file = printable(self.file)
        if self.line <= 0:
            return file
        if self.column <= 0:
            return f"{file}:{self.line}"
        return f"{file}:{self.line}:{self.column}"


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


_OS_REASONS: dict[str, str] = {
    "ENOENT": "het bestand of de map bestaat niet",
    "EACCES": "geen toegang (onvoldoende rechten)",
    "EPERM": "niet toegestaan (onvoldoende rechten)",
    "EROFS": "de schijf is alleen-lezen",
    "EISDIR": "dit is een map, geen bestand",
    "ENOTDIR": "een deel van het pad is geen map",
    "EEXIST": "het bestaat al",
    "ENOSPC": "de schijf is vol",
    "EDQUOT": "de schijfruimte (quotum) is op",
    "ENAMETOOLONG": "de bestandsnaam is te lang",
    "ELOOP": "te veel symbolische koppelingen (een kring?)",
    "EIO": "een lees- of schrijffout van de schijf",
    "EBUSY": "het bestand is in gebruik",
    "ETXTBSY": "het bestand is in gebruik",
    "EMFILE": "te veel open bestanden",
    "ENFILE": "te veel open bestanden",
    "EINVAL": "ongeldige bestandsnaam of bewerking",
    "EXDEV": "de map ligt op een ander station",
    "ENXIO": "het apparaat bestaat niet of niemand leest eruit",
    "EAGAIN": "het bestand is tijdelijk niet beschikbaar",
    "EADDRINUSE": "het adres is al in gebruik",
    "EADDRNOTAVAIL": "het adres is op deze computer niet beschikbaar",
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Dutch ("de schijf is alleen-lezen").

    The operating system's own text (``exc.strerror``) is English on most systems; a user of
    this tool reads Dutch, so every message that reports an :class:`OSError` uses this.
    """
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    if isinstance(exc, PermissionError):
        return _OS_REASONS["EACCES"]
    if isinstance(exc, FileNotFoundError):
        return _OS_REASONS["ENOENT"]
    return f"fout van het besturingssysteem ({name})" if name else "fout van het besturingssysteem"
