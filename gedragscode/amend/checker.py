"""Lint one article on its own: which clauses it holds, and whether they are outdated.

The planner tries a change on one article and keeps it when the article, read on its own by the lint
engine, holds the clause in its current form and still holds every clause it held before. The engine
is the judge, so a fix is a fix in exactly the sense ``lint`` will report it.
"""

from __future__ import annotations

from collections.abc import Sequence

from gedragscode.lint.document import SourceDocument
from gedragscode.lint.engine import lint_document
from gedragscode.lint.result import ClauseFinding
from gedragscode.model import Model

__all__ = ["ArticleChecker"]

_TITLE = "Gedragscode"


class ArticleChecker:
    """Lints small documents of one article for one body and offices, with a cache."""

    def __init__(self, model: Model, body: str, offices: Sequence[str]) -> None:
        self.model = model
        self.body = body
        self.offices = list(offices)
        self._cache: dict[str, dict[str, ClauseFinding]] = {}

    def findings(self, article_text: str) -> dict[str, ClauseFinding]:
        """The clauses found (present or outdated) in ``article_text`` read as a code of one article."""
        cached = self._cache.get(article_text)
        if cached is not None:
            return cached
        doc = SourceDocument("artikel", "text", f"{_TITLE}\n\n{article_text.strip()}")
        result = lint_document(doc, self.model, body=self.body, offices=self.offices)
        found = {c.id: c for c in result.clauses if c.status in ("present", "outdated")}
        self._cache[article_text] = found
        return found

    def status(self, article_text: str, clause_id: str) -> str:
        """"present", "outdated" or "missing" for one clause in ``article_text``."""
        found = self.findings(article_text).get(clause_id)
        return found.status if found is not None else "missing"

    def fixed(self, article_text: str, clause_id: str, keep: set[str]) -> bool:
        """The clause is present and current, and every clause in ``keep`` is still found."""
        found = self.findings(article_text)
        clause = found.get(clause_id)
        return clause is not None and clause.status == "present" and keep <= set(found)
