"""The ``gedragscode`` command: a thin click layer over the library API."""

from __future__ import annotations

import signal
import sys
from types import FrameType

import click

import gedragscode

from . import i18n
from .dsl_commands import check_command, fmt_command
from .lint_command import lint_command
from .models_command import models_command
from .render_commands import init_command, render_command
from .serve_command import serve_command
from .wijzig_command import wijzig_command

i18n.install()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _NulInName(click.ClickException):
    exit_code = 2


class _Group(click.Group):
    """The command group; a path with a NUL character is a Dutch error (exit 2) wherever it is met.

    ``os.stat`` refuses such a name with a ValueError ("embedded null byte"), also inside click's own
    ``click.Path`` checks, before the commands' error handling runs."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ValueError as exc:
            if "null" not in str(exc):
                raise
            raise _NulInName("ongeldige bestandsnaam: de naam bevat een nulteken") from None


@click.group(cls=_Group, context_settings=CONTEXT, options_metavar="[OPTIES]",
             subcommand_metavar="OPDRACHT [ARGUMENTEN]...")
@click.version_option(gedragscode.__version__, "--version", prog_name="gedragscode",
                      message="%(prog)s %(version)s")
def cli() -> None:
    """Gedragscodes integriteit voor politieke ambtsdragers: schrijven en toetsen.

    Voor griffies, integriteitsadviseurs en ontwikkelaars. De inhoud komt uit het model
    van de geactualiseerde handreiking (Handboek integriteit 2023, met de wetswijziging
    van 2023).

    \b
    Voorbeelden:
      gedragscode render --body gemeente --office raadslid --naam Almelo --format docx -o code.docx
      gedragscode lint bestaande-code.pdf
      gedragscode wijzig bestaande-code.pdf -o wijzigingsbesluit.docx
      gedragscode check mijn-code.gdc

    Exitcodes: 0 in orde, 1 bevindingen, 2 fout in gebruik of invoer.
    """


cli.add_command(check_command)
cli.add_command(fmt_command)
cli.add_command(models_command)
cli.add_command(render_command)
cli.add_command(init_command)
cli.add_command(lint_command)
cli.add_command(serve_command)
cli.add_command(wijzig_command)


for _command in cli.commands.values():
    # click's default "[OPTIONS]" in every command's usage line, in Dutch
    _command.options_metavar = "[OPTIES]"


def _terminated(signum: int, frame: FrameType | None) -> None:
    """SIGTERM/SIGHUP end the command like Ctrl-C does: clean-up runs, no traceback."""
    click.echo("Afgebroken.", err=True)
    sys.exit(128 + signum)


def main() -> None:
    """Console-script entry point."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _terminated)
    cli(prog_name="gedragscode")
