"""``python -m gedragscode``: the command-line tool."""

from gedragscode.cli.main import main

main()
