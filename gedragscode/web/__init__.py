"""The local web page (``gedragscode serve``): drafting and checking codes in a browser.

A thin layer over the library API, like the command-line tool: the page collects the same
choices as ``gedragscode render`` and ``gedragscode lint`` and shows what the library returns.
No rule, clause text or check lives here.

The web stack (Flask, waitress) is imported only when :func:`create_app` or :func:`serve` is
called, so ``import gedragscode`` and ``gedragscode --help`` stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from flask import Flask

__all__ = ["create_app", "serve"]


def create_app(**options: Any) -> Flask:
    """The Flask application; see :func:`gedragscode.web.app.create_app` for the options."""
    from gedragscode.web.app import create_app as _create_app

    return _create_app(**options)


def serve(**options: Any) -> None:
    """Run the page on a local server; see :func:`gedragscode.web.server.serve`."""
    from gedragscode.web.server import serve as _serve

    _serve(**options)
