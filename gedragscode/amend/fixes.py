"""Bringing one outdated article up to date with as small a change as the lint engine accepts.

For a clause that lint reports as outdated, the changes are tried from small to large, each judged by
linting the changed article on its own (:class:`~gedragscode.amend.checker.ArticleChecker`):

1. **words** — for a threshold or a term above the model's (``verouderd als bedrag/termijn``), the
   amounts or terms are replaced by the code's value ("binnen een maand" → "binnen één week");
2. **lid** — each lid that is outdated on its own is replaced by the model lid most like it;
3. **add a lid** — the model lid that supplies what is missing is added to the article;
4. **article** — the article gets the model text (its own number and title stay).

A change is kept when the clause is then present and current and the article still holds every
clause it held before (and every clause fixed in it before stays fixed). Later changes that cover
earlier ones (a replaced lid holding replaced words) absorb them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

from gedragscode import templating
from gedragscode.amend.checker import ArticleChecker
from gedragscode.amend.consolidate import Edit, consolidate
from gedragscode.amend.model_text import LidStyle, NewArticle, NewLid, lid_marker, new_lid
from gedragscode.amend.structure import ArticleRef
from gedragscode.lint.document import LidSegment
from gedragscode.lint.engine import amount_spans, duration_spans
from gedragscode.model import Clause, Duration, Money, Value
from gedragscode.render import doctree

__all__ = ["ArticleWork", "Change", "ChangeKind", "fix_clause"]

ChangeKind = Literal["artikel_vervangen", "lid_vervangen", "lid_toevoegen", "woorden_vervangen"]

#: How many model leden are tried per outdated lid (most similar first).
CANDIDATES = 4


@dataclass
class Change:
    """One change to an existing article, before it becomes an onderdeel of the besluit."""

    kind: ChangeKind
    clause_ids: list[str]
    edits: list[Edit]
    lid: str = ""
    """The lid's label ("3"), "" for the article as a whole."""
    old: str = ""
    """woorden_vervangen: the words as they stand ("binnen een maand")."""
    new: str = ""
    """woorden_vervangen: the words instead ("binnen één week")."""
    text: str = ""
    """The new lid (with its number) or the new article (with its heading) as it will read."""
    number_first: str = ""
    """lid_toevoegen to an article without numbered leden: the number put before the existing text."""
    times: int = 1
    """woorden_vervangen: how often the words occur in the lid ("telkens")."""

    @property
    def span(self) -> tuple[int, int]:
        return min(e.start for e in self.edits), max(e.end for e in self.edits)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", _fold(text)) if len(w) > 3}


def similarity(a: str, b: str) -> float:
    """Word overlap (Jaccard) of two texts, accents and case folded."""
    wa, wb = _words(a), _words(b)
    union = wa | wb
    return len(wa & wb) / len(union) if union else 0.0


def _limit(value: Value) -> float | None:
    if isinstance(value, Money):
        return float(value.amount)
    if isinstance(value, Duration):
        return float(value.days)
    return None


@dataclass
class ArticleWork:
    """The changes made so far to one existing article."""

    text: str
    """The whole read text of the code."""
    article: ArticleRef
    changes: list[Change] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    """Clauses brought up to date in this article, in order."""

    @property
    def original(self) -> str:
        return self.text[self.article.start:self.article.end]

    @property
    def heading(self) -> str:
        return self.text[self.article.start:self.article.body_start].strip()

    def render(self, extra: Sequence[Change] = ()) -> str:
        """The article's text with the changes (and ``extra``) applied; ``extra`` supersedes what it covers."""
        changes = self._combined(extra)
        start = self.article.start
        edits = [Edit(e.start - start, e.end - start, e.text) for c in changes for e in c.edits]
        return consolidate(self.original, edits).text

    def _combined(self, extra: Sequence[Change]) -> list[Change]:
        kept = [c for c in self.changes if not any(_covers(x, c) for x in extra)]
        return [*kept, *extra]

    def add(self, changes: Sequence[Change]) -> None:
        """Keep ``changes``; earlier changes they cover are absorbed (their clauses move along)."""
        for new in changes:
            absorbed = [c for c in self.changes if _covers(new, c)]
            for old in absorbed:
                for cid in old.clause_ids:
                    if cid not in new.clause_ids:
                        new.clause_ids.append(cid)
            self.changes = [c for c in self.changes if c not in absorbed]
            self.changes.append(new)

    def lid_text(self, lid: LidSegment, extra: Sequence[Change] = ()) -> str:
        """The current text of one lid (with changes inside it applied)."""
        start, end = lid.span.start, lid.span.end
        edits = [Edit(e.start - start, e.end - start, e.text)
                 for c in self._combined(extra) for e in c.edits if start <= e.start and e.end <= end
                 and not (e.start == e.end == end)]
        return consolidate(self.text[start:end], edits).text

    def taken(self, start: int, end: int) -> bool:
        """Whether a kept change already edits text in ``[start, end)``."""
        return any(e.start < end and start < e.end for c in self.changes for e in c.edits)


def _covers(new: Change, old: Change) -> bool:
    """Whether ``new`` replaces the text that ``old`` edits (a lid or the whole article)."""
    if new.kind not in ("lid_vervangen", "artikel_vervangen"):
        return False
    start, end = new.span
    if new.kind == "artikel_vervangen":
        return True
    o_start, o_end = old.span
    return old.kind != "lid_toevoegen" and start <= o_start and o_end <= end


# ---------------------------------------------------------------- strategy 1: words


def _previous_word(text: str, lo: int, at: int) -> int:
    """Start of the word right before offset ``at`` (not before ``lo``), or ``at`` when there is none."""
    m = re.search(r"([^\W\d_]+)\s+$", text[lo:at])
    return lo + m.start(1) if m else at


def _lid_of(article: ArticleRef, offset: int) -> LidSegment | None:
    for lid in article.leden:
        if lid.span.start <= offset < lid.span.end:
            return lid
    return None


def word_changes(work: ArticleWork, clause: Clause, values: Mapping[str, Value]) -> list[Change]:
    """Replace every amount or term above the model's by the code's value, grouped per lid and wording."""
    text = work.text
    article = work.article
    found: list[tuple[int, int, str]] = []
    for check in clause.outdated:
        if check.kind not in ("bedrag", "termijn") or check.parameter is None:
            continue
        param = clause.parameter(check.parameter)
        if param is None:
            continue
        limit = _limit(param.default)
        chosen = values.get(param.name, param.default)
        if limit is None or _limit(chosen) is None:
            continue
        body = text[article.body_start:article.end]
        spans: Iterable[tuple[int, int, float | Decimal]]
        spans = amount_spans(body) if check.kind == "bedrag" else duration_spans(body)
        for s, e, value in spans:
            start, end = article.body_start + s, article.body_start + e
            if float(value) > limit and not work.taken(start, end) and (start, end, str(chosen)) not in found:
                found.append((start, end, str(chosen)))
    groups: dict[tuple[str, str, str], Change] = {}
    for start, end, replacement in sorted(found):
        lid = _lid_of(article, start)
        lo = lid.span.start if lid is not None else article.body_start
        word = _previous_word(text, lo, start)
        old = text[word:end]
        new = text[word:start] + replacement
        label = lid.label if lid is not None else ""
        key = (label, old, new)
        change = groups.get(key)
        if change is None:
            groups[key] = Change("woorden_vervangen", [clause.id], [Edit(start, end, replacement)], lid=label,
                                 old=old, new=new)
        else:
            change.edits.append(Edit(start, end, replacement))
            change.times += 1
    return list(groups.values())


# ---------------------------------------------------------------- strategies 2-4: leden and articles


def _ranked(leden: Sequence[NewLid], text: str) -> list[tuple[int, NewLid]]:
    """The model leden (with their index), most like ``text`` first."""
    return sorted(enumerate(leden), key=lambda il: (-similarity(il[1].plain, text), il[0]))


def _replace_lid(work: ArticleWork, lid: LidSegment, new: NewLid, clause_id: str, style: LidStyle) -> Change:
    original = work.text[lid.span.start:lid.span.end]
    marker = lid_marker(original) or style.marker(lid.label)
    text = new.render(marker)
    return Change("lid_vervangen", [clause_id], [Edit(lid.span.start, lid.span.end, text)], lid=lid.label, text=text)


def _next_marker(work: ArticleWork, style: LidStyle) -> tuple[str, str]:
    """(marker of the new lid, marker put before the existing text when the article had no numbered leden)."""
    numbered = [lid for lid in work.article.leden if lid.label]
    added = sum(1 for c in work.changes if c.kind == "lid_toevoegen")
    if not numbered:
        return style.marker(2 + added), ("" if added else style.marker(1))
    last = numbered[-1]
    count = int(last.label) if last.label.isdigit() else len(numbered)
    own = lid_marker(work.text[last.span.start:last.span.end])
    m = re.match(r"^(\()?\d+([.)])?", own)
    lid_style = LidStyle(m.group(1) or "", m.group(2) or "") if m else style
    return lid_style.marker(count + 1 + added), ""


def _add_lid(work: ArticleWork, new: NewLid, clause_id: str, style: LidStyle) -> Change:
    marker, first = _next_marker(work, style)
    text = new.render(marker)
    edits = [Edit(work.article.end, work.article.end, "\n\n" + text)]
    if first:
        edits.insert(0, Edit(work.article.body_start, work.article.body_start, first))
    label = marker.strip().strip("().")
    return Change("lid_toevoegen", [clause_id], edits, lid=label, text=text, number_first=first.strip())


def _replace_article(work: ArticleWork, new: NewArticle, clause_id: str) -> Change:
    text = replace(new, heading=work.heading).render()
    return Change("artikel_vervangen", [clause_id], [Edit(work.article.start, work.article.end, text)], text=text)


def _standalone(clause: Clause, lid: doctree.Lid) -> bool:
    """Whether a rendered lid reads right outside its model article (it refers to no other lid)."""
    if not 0 <= lid.source < len(clause.leden):
        return True
    source = clause.leden[lid.source]
    return not any("verwijs" in templating.variables(text)
                   for text in (source.text, *(o.text for o in source.onderdelen)))


@dataclass(frozen=True)
class FixContext:
    """What every fix in one plan shares."""

    checker: ArticleChecker
    style: LidStyle
    values: Mapping[str, Mapping[str, Value]]


def fix_clause(work: ArticleWork, clause: Clause, model_article: doctree.Article, new_article: NewArticle,
               ctx: FixContext) -> bool | None:
    """Bring ``clause`` up to date in ``work``'s article; None when it is not outdated there.

    Returns True when fixed (the changes are kept in ``work``), False when no change fixed it.
    """
    checker = ctx.checker
    current = work.render()
    if checker.status(current, clause.id) != "outdated":
        return None
    keep = set(checker.findings(work.original))
    before = list(work.fixed)

    def ok(text: str) -> bool:
        return checker.fixed(text, clause.id, keep) and all(checker.status(text, c) == "present" for c in before)

    def holds(text: str) -> bool:
        found = checker.findings(text)
        return keep <= set(found) and all(c in found for c in before)

    def done() -> bool:
        work.fixed.append(clause.id)
        return True

    # 1. words
    words = word_changes(work, clause, ctx.values.get(clause.id, {}))
    if words:
        trial = work.render(words)
        if ok(trial):
            work.add(words)
            return done()
        if holds(trial):
            work.add(words)  # progress: the threshold or term is right now; something else is still old
    heading = work.heading
    # a model lid that refers to another lid of its article ("als in het tweede lid") only stands in
    # its own article: it is not put into an existing article on its own
    leden = [new_lid(lid) for lid in model_article.leden if _standalone(clause, lid)]
    numbered = work.article.numbered_leden
    # 2. the outdated leden, each replaced by the model lid most like it
    if numbered:
        used: set[int] = set()
        for lid in work.article.leden:
            if not lid.label:
                continue
            lid_now = work.lid_text(lid)
            if checker.status(f"{heading}\n\n{lid_now}", clause.id) != "outdated":
                continue
            progress: tuple[int, Change] | None = None
            for index, cand in _ranked(leden, lid_now)[:CANDIDATES]:
                if index in used:
                    continue
                change = _replace_lid(work, lid, cand, clause.id, ctx.style)
                trial = work.render([change])
                if ok(trial):
                    work.add([change])
                    return done()
                alone = checker.status(f"{heading}\n\n{change.text}", clause.id)
                if progress is None and alone != "outdated" and holds(trial):
                    progress = (index, change)
            if progress is not None:
                used.add(progress[0])
                work.add([progress[1]])
        if ok(work.render()):
            return done()
    else:
        # an article of one block of text: its text replaced by the model lid most like it
        for _index, cand in _ranked(leden, work.original)[:CANDIDATES]:
            text = cand.render()
            change = Change("artikel_vervangen", [clause.id],
                            [Edit(work.article.start, work.article.end, f"{heading}\n\n{text}")],
                            text=f"{heading}\n\n{text}")
            trial = work.render([change])
            if ok(trial):
                work.add([change])
                return done()
    # 3. a model lid added
    for _index, cand in _ranked(leden, work.render()):
        change = _add_lid(work, cand, clause.id, ctx.style)
        trial = work.render([change])
        if ok(trial):
            work.add([change])
            return done()
    # 4. the whole model article under the article's own heading
    change = _replace_article(work, new_article, clause.id)
    trial = work.render([change])
    if checker.status(trial, clause.id) == "present":
        work.add([change])
        return done()
    return False
