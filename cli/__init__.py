"""The command-line interface (installed as ``gedragscode.cli``).

click's own messages are made Dutch here, before any command module is imported: click
translates some strings when a command is defined (``click.Path``'s "file"), so installing the
catalogue later would leave them English.
"""

from . import i18n

i18n.install()
