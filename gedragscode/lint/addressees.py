"""Sentences addressed to other offices than the ones a code is for.

A code for Statenleden may say that "de wettelijke plicht om inkomsten openbaar te maken geldt voor
gedeputeerden en de commissaris van de Koning": the sentence names the clause, but for offices the code
does not cover, so it is no evidence that the code regulates the clause for its own office holders. A
sentence counts as addressed elsewhere when it says for whom it holds ("geldt (alleen) voor", "is van
toepassing op", "is bestemd voor") and the offices it names there, read with the same office words as
identification, share none with the document's offices.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from gedragscode.lint.identify import offices_in
from gedragscode.lint.match import fold_text
from gedragscode.model import Body

__all__ = ["addressed_elsewhere"]

_ADDRESSED = re.compile(
    r"\b(?:geldt|gelden|is\s+van\s+toepassing|zijn\s+van\s+toepassing|is\s+bestemd|zijn\s+bestemd|rust|rusten)\s+"
    r"(?:(?:alleen|uitsluitend|slechts|wel|daarentegen)\s+)?(?:voor|op)\s+(?P<tail>[^.;:]{3,160})"
)


def addressed_elsewhere(body: Body, offices: Collection[str]) -> Callable[[str], bool]:
    """A predicate on sentences: True when the sentence holds only for offices outside ``offices``."""
    own = set(offices)

    def elsewhere(sentence: str) -> bool:
        m = _ADDRESSED.search(fold_text(sentence))
        if m is None:
            return False
        named = offices_in(m.group("tail"), body)
        return bool(named) and not (named & own)

    return elsewhere
