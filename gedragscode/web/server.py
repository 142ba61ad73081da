"""Running the web page: a waitress server on this computer, and the browser opened on it."""

from __future__ import annotations

import ipaddress
import threading
import webbrowser
from collections.abc import Callable

from gedragscode.errors import GedragscodeError, os_reason

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "is_loopback", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this computer (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else ("[::1]" if host == "::" else host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def serve(*, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, open_browser: bool = True,
          threads: int = 4, echo: Callable[[str], None] = print,
          ready: Callable[[str], None] | None = None, max_upload: int | None = None) -> None:
    """Serve the page on ``host``:``port`` until interrupted (Ctrl+C).

    ``port`` 0 picks a free port. ``echo`` prints the Dutch status lines; ``ready`` is called with
    the URL once the server listens (tests). ``max_upload`` caps an uploaded document in bytes
    (default: the library's 50 MB, as ``lint --max-grootte``). A host that is not a loopback address accepts any
    ``Host`` header, since the page is then meant to be reached by this computer's name.
    Raises :class:`GedragscodeError` when the address cannot be used.
    """
    from waitress.server import create_server

    from gedragscode.web.app import LOOPBACK_HOSTS, create_app

    local = is_loopback(host)
    app = create_app(allowed_hosts=(*LOOPBACK_HOSTS, host.strip("[]").lower()) if local else None,
                     max_upload=max_upload)
    try:
        server = create_server(app, host=host, port=port, threads=threads, ident="gedragscode",
                               clear_untrusted_proxy_headers=True)
    except OSError as exc:
        if exc.errno in (98, 48, 10048):  # address in use: Linux, macOS, Windows
            raise GedragscodeError(f"poort {port} is al in gebruik; kies een andere met --port "
                                   "(of --port 0 voor een vrije poort)") from None
        raise GedragscodeError(f"kan niet luisteren op {host}:{port} ({os_reason(exc)})") from None
    actual_port = int(server.effective_port)
    url = _url(host, actual_port)
    echo(f"De webpagina van gedragscode draait op {url}")
    echo("Laat dit venster open zolang u de pagina gebruikt; stop met Ctrl+C.")
    if open_browser:
        threading.Timer(0.3, webbrowser.open, args=(url,)).start()
    if ready is not None:
        ready(url)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        echo("De webpagina is gestopt.")
