"""The consolidated text is the existing text with the amendments applied, so linting it is the test.

For rendered codes of every body with random clauses deleted or made outdated (hypothesis), and for the
real-style fixtures (``tests/fixtures/lint``, ``tests/fixtures/blind``):

* lint on the consolidated text reports none of the clauses the besluit added or replaced as missing
  or outdated;
* every existing article the besluit did not touch is byte-identical in the consolidated text (read
  back through the reading pipeline);
* every required clause lint reported is either handled by the besluit or listed as skipped, with a reason;
* the clean Markdown of the consolidated text reads back as the consolidated text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gedragscode
from gedragscode.amend.plan import AmendmentOptions, AmendmentPlan, plan_amendment_document
from gedragscode.amend.structure import UnrecognisedStructureError, content_end
from gedragscode.errors import ModelError
from gedragscode.lint.document import SourceDocument
from gedragscode.lint.readers import SUPPORTED_SUFFIXES, read_document
from gedragscode.lint.segment import segment
from gedragscode.model import Level, Model

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_ARTICLE = re.compile(r"^### Artikel (?P<number>\d+) (?P<title>.+)$", re.MULTILINE)
_NEXT = re.compile(r"^#{1,3} ", re.MULTILINE)
_REFERENCE = re.compile(r"\b[Aa]rtikel (?P<n>\d+[a-z]?|\u2026)(?![\w.])(?!,? (?:[a-z]+ lid, )?van )")

# "de eilandgedeputeerden op grond van artikel 47 en de gezaghebber op grond van artikel 77 van de Wet ...":
# a law shared by a list of articles is named once, after the last (Aanwijzingen voor de regelgeving)
_LAW_LATER = re.compile(r"[^.;:]*?\bvan\s+de\s+(?:[A-Z]\w*[Ww]et|Wet)\b")


def _cites_a_law(text: str, end: int) -> bool:
    """Whether the article reference ending at ``end`` belongs to a law named later in the same clause."""
    return _LAW_LATER.match(text, end) is not None


@lru_cache(maxsize=1)
def _model() -> Model:
    return gedragscode.load_model()


# ---------------------------------------------------------------- the properties


def _touched(plan: AmendmentPlan) -> set[str]:
    return {op.article.number for op in plan.operations if op.kind != "artikel_invoegen"}


def check_roundtrip(plan: AmendmentPlan) -> None:
    """The four properties of the module docstring, for one plan."""
    model = plan.code.model
    # 1. what the besluit adds or replaces is found, current, in the consolidated text
    verdict = {c.id: c.status for c in plan.verification.clauses}
    bad = {cid: verdict[cid] for cid in plan.clause_ids if verdict[cid] in ("missing", "outdated")}
    assert not bad, f"na de wijziging nog ontbrekend of verouderd: {bad}"
    assert not plan.unresolved
    # 2. untouched articles are byte-identical in the consolidated text as read
    text = plan.consolidation.text
    # (an article's text ends at its last line of text: a trailing heading line belongs to the next chapter)
    after = {u.number: text[u.span.start:content_end(text, u)]
             for u in segment(SourceDocument("na", "text", text)).units_with_role("normatief") if u.number}
    touched = _touched(plan)
    original = plan.document.text
    for article in plan.structure.articles:
        if article.number in touched:
            continue
        assert article.number in after, f"artikel {article.number} niet meer gevonden"
        assert after[article.number] == original[article.start:article.end], f"artikel {article.number} gewijzigd"
    # 3. every required clause reported missing or outdated is handled, or skipped with a reason
    handled = set(plan.clause_ids) | {s.clause_id for s in plan.skipped}
    for finding in plan.lint.clauses:
        if finding.required and finding.status in ("missing", "outdated"):
            assert finding.id in handled, f"{finding.id} ({finding.status}) niet behandeld en niet verantwoord"
    for skipped in plan.skipped:
        assert skipped.reason
        clause = model.clause(skipped.clause_id)
        assert clause is not None
        if skipped.status == "missing" and clause.form == "artikel" and skipped.clause_id not in plan.options.exclude:
            # statutory and recommended articles are only left out when they cannot be inserted
            assert (clause.level_for(plan.code.body.id) is Level.OPTIONEEL or "vaststelling" in skipped.reason
                    or "geen tekst" in skipped.reason), skipped
    # references between articles in inserted text use the amended code's own numbers (or "…", never a
    # number of the rendered model code)
    numbers = {a.number for a in plan.structure.articles} | {a.number for op in plan.operations for a in op.articles}
    texts = [a.render() for op in plan.operations for a in op.articles] + [op.text for op in plan.operations]
    cited = {m.group("n") for t in texts for m in _REFERENCE.finditer(t) if not _cites_a_law(t, m.end())}
    assert cited <= numbers | {"\u2026"}, cited - numbers
    # 4. the Markdown reads back as the consolidated text (leading spaces of a paragraph aside)
    md = gedragscode.render_amendment(plan, "geconsolideerd", "md")
    assert isinstance(md, str)
    back = read_document("geconsolideerd.md", data=md.encode("utf-8")).text
    assert [line.lstrip() for line in back.split("\n")] == [line.lstrip() for line in text.split("\n")]


# ---------------------------------------------------------------- rendered codes, damaged


@lru_cache(maxsize=64)
def _rendered(body: str, offices: tuple[str, ...], settings: tuple[tuple[str, str], ...]) -> str:
    code = gedragscode.make_code(body, list(offices), "Proefstad", year=2026, settings=dict(settings), model=_model())
    md = gedragscode.render(code, "md")
    assert isinstance(md, str)
    return md


#: Local choices above the model's value (within the model's bounds): lint reports the clause outdated.
_ABOVE_MODEL = {"geschenken.grens": "100", "nevenfuncties.termijn": "1 maand",
                "buitenlandse_reizen.termijn": "1 maand"}

#: Text changes that make a clause outdated in the way an old code is: (clause, pattern, replacement).
_OUTDATE_TEXT = (
    ("stemonthouding", r"de beraadslaging en de stemming", "de stemming"),
    ("informatie", r"hoofdstuk VA \(artikelen 87 tot en met 89\) van de Gemeentewet", "artikel 25 van de Gemeentewet"),
)


@st.composite
def damaged_codes(draw: st.DrawFn) -> tuple[str, tuple[str, ...], str]:
    """A rendered code with some articles deleted, some thresholds raised, some wording made old."""
    model = _model()
    body = draw(st.sampled_from([b.id for b in model.bodies]))
    found = model.body(body)
    assert found is not None
    ids = [o.id for o in found.offices]
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
    offices = tuple(o for o in ids if o in chosen)
    raised = draw(st.lists(st.sampled_from(sorted(_ABOVE_MODEL)), unique=True, max_size=3))
    md = _rendered(body, offices, tuple(sorted((k, _ABOVE_MODEL[k]) for k in raised)))
    for _clause, pattern, replacement in draw(st.lists(st.sampled_from(_OUTDATE_TEXT), unique=True, max_size=2)):
        md = re.sub(pattern, replacement, md, count=1)
    articles = list(_ARTICLE.finditer(md))
    picks = draw(st.lists(st.integers(0, len(articles) - 1), unique=True, max_size=4))
    for article in sorted((articles[i] for i in picks), key=lambda m: m.start(), reverse=True):
        following = _NEXT.search(md, article.end())
        md = md[: article.start()] + md[following.start() if following else len(md):]
    return body, offices, md


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(damaged_codes())
def test_roundtrip_on_damaged_rendered_codes(case: tuple[str, tuple[str, ...], str]) -> None:
    body, offices, md = case
    doc = read_document("code.md", data=md.encode("utf-8"))
    options = AmendmentOptions(body=body, offices=offices, place="Proefstad",
                               include=("agressie", "vertrouwenspersoon"))
    plan = plan_amendment_document(doc, model=_model(), options=options)
    check_roundtrip(plan)
    # nothing required is left missing or outdated after the besluit, unless it was skipped with a reason
    skipped = {s.clause_id for s in plan.skipped}
    left = {c.id for c in plan.verification.clauses
            if c.required and c.status in ("missing", "outdated") and c.id not in skipped}
    assert not left, f"na de wijziging nog open: {sorted(left)}"


def test_an_undamaged_rendered_code_needs_no_besluit() -> None:
    md = _rendered("gemeente", ("raadslid", "wethouder"), ())
    doc = read_document("code.md", data=md.encode("utf-8"))
    plan = plan_amendment_document(doc, model=_model(), options=AmendmentOptions(body="gemeente",
                                                                                 offices=("raadslid", "wethouder")))
    assert not plan.changed
    assert plan.consolidation.text == doc.text


# ---------------------------------------------------------------- real-style fixtures


def _fixture_files() -> list[Path]:
    out = []
    for folder in (FIXTURES / "lint", FIXTURES / "blind", FIXTURES / "wijzig"):
        out.extend(p for p in sorted(folder.rglob("*"))
                   if p.suffix.lower() in SUPPORTED_SUFFIXES and p.suffix != ".json" and p.name != "README.md")
    return out


@pytest.mark.parametrize("path", _fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_roundtrip_on_fixtures(path: Path) -> None:
    doc = read_document(path)
    try:
        try:
            plan = plan_amendment_document(doc, model=_model())
        except ModelError as exc:  # a code that does not name its body: the griffie gives --naam
            assert "--naam" in exc.message
            plan = plan_amendment_document(doc, model=_model(), options=AmendmentOptions(place="Proefstad"))
    except UnrecognisedStructureError as exc:
        # refused codes: no numbered articles, two codes in one file, provisions numbered like leden,
        # numbered questions, or a wijzigingsbesluit itself
        assert "structuur niet herkend" in exc.message or "wijzigingsbesluit" in exc.message
        return
    check_roundtrip(plan)
