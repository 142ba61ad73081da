"""Start-up caches for a short-lived command-line process.

A one-file ``gedragscode lint`` spends more time getting ready than linting: compiling the lint
path's regular expressions and the methods that :mod:`dataclasses` generates. Two caches in the
user cache directory take that work from the previous process:
:mod:`gedragscode.regex_cache` (``re``'s compiled patterns) and :mod:`gedragscode.codegen_cache`
(the generated methods of the project's classes).

Both hook into the standard library (``re``'s pattern cache, the ``exec`` of :mod:`dataclasses`),
so the library never enables them on import: a program that imports :mod:`gedragscode` keeps an
untouched standard library. The command-line tool calls :func:`enable` before the lint modules are
imported; another program may do the same when it, too, is a short-lived process.
"""

from __future__ import annotations

__all__ = ["enable"]


def enable() -> None:
    """Fill ``re``'s pattern cache and install the dataclass code cache (once per process; safe to repeat).

    Call it before the lint modules are imported, or it only helps the patterns compiled later.
    """
    from gedragscode import codegen_cache, regex_cache

    regex_cache.preload()
    codegen_cache.install()
