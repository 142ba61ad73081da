"""lint: reading existing codes and checking them against the model (see :mod:`.engine`).

Importing the package changes nothing outside it: the command-line tool's start-up caches, which
hook into ``re`` and :mod:`dataclasses`, are switched on by :func:`gedragscode.startup.enable`.
"""
