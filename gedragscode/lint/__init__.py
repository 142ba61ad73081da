"""lint: reading existing codes and checking them against the model (see :mod:`.engine`).

Importing the package prepares the start-up caches of a lint process before the lint modules are
imported: the compiled regular expressions of earlier processes go into ``re``'s pattern cache
(:mod:`gedragscode.regex_cache`) and the code that :mod:`dataclasses` generates for the project's
classes is taken from disk (:mod:`gedragscode.codegen_cache`).
"""

from gedragscode import codegen_cache as _codegen_cache
from gedragscode import regex_cache as _regex_cache

_regex_cache.preload()
_codegen_cache.install()
