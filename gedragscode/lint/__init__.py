"""lint: reading existing codes and checking them against the model (see :mod:`.engine`).

Importing the package puts the compiled regular expressions of earlier lint processes into ``re``'s
pattern cache (:mod:`gedragscode.regex_cache`) before the reading stages compile theirs.
"""

from gedragscode import regex_cache as _regex_cache

_regex_cache.preload()
