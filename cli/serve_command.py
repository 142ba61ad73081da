"""``gedragscode serve``: the local web page for griffies (opstellen and toetsen in a browser)."""

from __future__ import annotations

import click

from gedragscode.limits import MAX_INPUT_BYTES

from .common import handle_errors, size_option

_LOCAL = "127.0.0.1"


@click.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, metavar="POORT",
              help="De poort van de webpagina; 0 kiest een vrije poort.")
@click.option("--host", default=None, metavar="ADRES",
              help="Luister op dit adres in plaats van alleen op deze computer (127.0.0.1). "
                   "Let op: dan kunnen anderen in het netwerk de pagina gebruiken.")
@click.option("--geen-browser", "no_browser", is_flag=True, help="Open de browser niet.")
@click.option("--max-grootte", "max_bytes", callback=size_option,
              default=str(MAX_INPUT_BYTES // (1024 * 1024)) + "MB", show_default=True, metavar="GROOTTE",
              help="Neem per geüpload document hoogstens zoveel bytes aan (bijvoorbeeld 50MB, 500KB), "
                   "net als 'lint --max-grootte'; grotere worden geweigerd.")
@handle_errors
def serve_command(port: int, host: str | None, no_browser: bool, max_bytes: int) -> None:
    """Start de webpagina om gedragscodes op te stellen en te toetsen, zonder terminal.

    De pagina draait alleen op uw eigen computer (http://127.0.0.1:8765/) en gebruikt
    geen internet. De browser gaat vanzelf open; laat dit venster open zolang u de
    pagina gebruikt en stop met Ctrl+C.

    \b
    Voorbeelden:
      gedragscode serve
      gedragscode serve --port 8080 --geen-browser
    """
    from gedragscode.web.server import is_loopback, serve

    chosen = host if host is not None else _LOCAL
    if host is not None and not is_loopback(host):
        click.echo(f"Waarschuwing: de webpagina luistert op {host}. Iedereen die deze computer via het "
                   "netwerk kan bereiken, kan dan de pagina gebruiken en bestanden laten toetsen. "
                   "Gebruik dit alleen in een vertrouwd netwerk.", err=True)
    serve(host=chosen, port=port, open_browser=not no_browser, max_upload=max_bytes,
          echo=lambda line: click.echo(line, err=True))
