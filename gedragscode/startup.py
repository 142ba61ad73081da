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

:func:`long_lived` is the command-line tool's other start-up measure: the lint modules and the model
are loaded with the cyclic garbage collector held back, and then frozen (:func:`gc.freeze`), so
that neither loading them nor linting each document makes the collector walk them again (about a
fifteenth of a one-file lint went to that).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["enable", "long_lived"]


def enable() -> None:
    """Make ``re`` and :mod:`dataclasses` use the caches (once per process; safe to repeat).

    Call it before the lint modules are imported, or it only helps the patterns compiled later.
    """
    from gedragscode import codegen_cache, regex_cache

    regex_cache.preload()
    codegen_cache.install()


@contextlib.contextmanager
def long_lived() -> Iterator[None]:
    """Load what lives as long as the process inside this block: the collector does not run meanwhile,
    and afterwards everything then alive is moved out of its sight (:func:`gc.freeze`) and collection
    resumes (for the objects made later, such as each document's). For a process's start-up only:
    garbage made inside the block is kept, not collected."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
