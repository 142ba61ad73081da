"""Inputs for the size benchmarks: a rendered code with k times the normative text, and the naive scan.

``scaled_code(md, k)`` repeats the *articles* of a rendered Markdown code k times, renumbering the
articles and chapters so that every copy stays normative text (an earlier "10x" case repeated the whole
code, title and toelichting included, and the segmenter read every copy after the first toelichting as
explanation: it measured the normative text at 1x). The title, aanhef and inleiding come once before the
articles, the toelichting once after them.

``naive_scanner(model)`` is the baseline that lint is compared with per document: one compiled regex of
every ``stam``/``woord``/``lemma`` word of the model's clause recognisers, run once over the decoded text
of the file ("which keywords occur?"), with reading the file from disk included in both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from gedragscode.model import Lemma, Model, Near, Not, Pattern, Stem, Word

_ARTICLE = re.compile(r"^(#+ Artikel )(\d+)", re.MULTILINE)
_CHAPTER = re.compile(r"^(## Hoofdstuk )(\d+)", re.MULTILINE)


def scaled_code(md: str, k: int) -> str:
    """The rendered code ``md`` with its articles (chapter 1 up to the toelichting) repeated ``k`` times."""
    first = _CHAPTER.search(md)
    end = md.find("\n## Toelichting")
    if first is None or end < 0:
        raise ValueError("geen gerenderde code met hoofdstukken en een toelichting")
    head, body, tail = md[:first.start()], md[first.start():end], md[end:]
    articles = len(_ARTICLE.findall(body))
    chapters = len(_CHAPTER.findall(body))
    parts = [head]
    for i in range(k):
        copy = _ARTICLE.sub(lambda m, i=i: f"{m.group(1)}{int(m.group(2)) + articles * i}", body)
        copy = _CHAPTER.sub(lambda m, i=i: f"{m.group(1)}{int(m.group(2)) + chapters * i}", copy)
        parts.append(copy)
    parts.append(tail)
    return "".join(parts)


def _words(pattern: Pattern, out: set[str]) -> None:
    if isinstance(pattern, Stem):
        out.update(pattern.stems)
    elif isinstance(pattern, Word):
        out.update(pattern.words)
    elif isinstance(pattern, Lemma):
        out.update(pattern.lemmas)
    elif isinstance(pattern, Not):
        _words(pattern.part, out)
    elif isinstance(pattern, Near):
        _words(pattern.left, out)
        _words(pattern.right, out)
    for part in getattr(pattern, "parts", ()):
        _words(part, out)


def keywords(model: Model) -> list[str]:
    """Every stam/woord/lemma word of the model's clause recognisers."""
    out: set[str] = set()
    for clause in model.clauses:
        for recogniser in clause.recognisers:
            _words(recogniser.pattern, out)
    return sorted(out)


def naive_scanner(words: list[str]) -> Callable[[Path], int]:
    """Read a file and count the words that start with one of ``words`` (one regex, case-insensitive)."""
    rx = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\w*",
                    re.IGNORECASE)

    def scan(path: Path) -> int:
        return len(rx.findall(path.read_bytes().decode("utf-8", "replace")))

    return scan
