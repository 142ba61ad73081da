"""The same clause serves both directions: lint finds what render writes.

* ``lint(render(code))`` finds every clause of the rendered code;
* deleting one article from the rendered Markdown makes lint report exactly that clause missing.

Plus the corpus scores (skipped when ../shared is not there).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gedragscode
from gedragscode.lint.readers import read_document
from gedragscode.model import Duration, Model, Money, Parameter, ParamType

try:
    from gedragscode.render.build import render as render_code
except ImportError:  # pragma: no cover - render ships with the package
    render_code = None  # type: ignore[assignment]

pytestmark = pytest.mark.skipif(render_code is None, reason="gedragscode.render.build is er nog niet")

SHARED = Path(__file__).resolve().parents[2] / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint"
_ARTICLE = re.compile(r"^### Artikel \d+ (?P<title>.+)$", re.MULTILINE)
_NEXT = re.compile(r"^#{1,3} ", re.MULTILINE)


@lru_cache(maxsize=1)
def _model() -> Model:
    return gedragscode.load_model()


@lru_cache(maxsize=64)
def _rendered(body: str, offices: tuple[str, ...]) -> str:
    code = gedragscode.make_code(body, list(offices), "Proefstad", year=2026, model=_model())
    md = render_code(code, "md")
    assert isinstance(md, str)
    return md


@st.composite
def codes(draw: st.DrawFn) -> tuple[str, tuple[str, ...]]:
    model = _model()
    body = draw(st.sampled_from([b.id for b in model.bodies]))
    found = model.body(body)
    assert found is not None
    ids = [o.id for o in found.offices]
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
    return body, tuple(o for o in ids if o in chosen)


def _expected(body: str, offices: tuple[str, ...]) -> set[str]:
    model = _model()
    found = model.body(body)
    assert found is not None
    office_objs = [o for o in found.offices if o.id in offices]
    return {c.id for c in model.clauses if any(c.applies.matches(body, o) for o in office_objs)}


def _lint(md: str, body: str | None = None, offices: tuple[str, ...] | None = None) -> gedragscode.LintResult:
    doc = read_document("code.md", data=md.encode("utf-8"))
    return gedragscode.lint_document(doc, _model(), body=body, offices=list(offices) if offices else None)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(codes())
def test_lint_finds_every_rendered_clause(code: tuple[str, tuple[str, ...]]) -> None:
    body, offices = code
    result = _lint(_rendered(body, offices))
    assert result.body == body
    # the title names the offices; "dagelijks bestuur" also covers its chair, so allow a superset
    assert set(result.offices) >= set(offices)
    found = {c.id for c in result.clauses if c.status in ("present", "outdated")}
    missing = _expected(body, offices) - found
    assert not missing, f"niet gevonden in de gerenderde code: {sorted(missing)}"
    assert not [c.id for c in result.clauses if c.status == "outdated"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(codes(), st.integers(min_value=0, max_value=200))
def test_deleting_one_article_makes_exactly_that_clause_missing(code: tuple[str, tuple[str, ...]], pick: int) -> None:
    """Deleting a clause's article (all of them, for a clause rendered as several: the slotbepalingen)
    makes lint report exactly that clause missing."""
    body, offices = code
    md = _rendered(body, offices)
    articles = list(_ARTICLE.finditer(md))
    assert articles
    tree = gedragscode.build_document(gedragscode.make_code(body, list(offices), "Proefstad", year=2026,
                                                            model=_model()))
    owner = {a.title: a.clause_id for a in tree.articles()}
    deleted = owner[articles[pick % len(articles)].group("title").strip()]
    cut = md
    for article in reversed([a for a in articles if owner[a.group("title").strip()] == deleted]):
        following = _NEXT.search(cut, article.end())
        cut = cut[: article.start()] + cut[following.start() if following else len(cut):]
    result = _lint(cut, body, offices)
    # "not found": missing, or onzeker when another article comes close (the report then names the passage)
    not_found = {c.id for c in result.clauses if c.status in ("missing", "onzeker")}
    assert not_found == {deleted}


# ---------------------------------------------------------------- measured accuracy


def _score(corpus: Path) -> dict[str, float]:
    tool = SHARED / "tools" / "eval_lint.py"
    exe = Path(sys.executable).with_name("gedragscode")
    proc = subprocess.run([sys.executable, str(tool), str(corpus), "--cmd", str(exe)], capture_output=True,
                          text=True, timeout=900)
    return _figures(proc.stdout)


def _figures(report: str) -> dict[str, float]:
    """The figures on the last line of eval_lint.py's report ("precision 0.981 recall 0.962 ...")."""
    last = report.strip().splitlines()[-1]
    values = dict(re.findall(r"([a-z][a-z0-9-]*) ([0-9.]+)", last))
    return {k: float(v) for k, v in values.items()}


def _score_in_process(corpus: Path) -> dict[str, float]:
    """The same score from the same judge (``eval_lint.py``'s own counting), with each document linted by
    the CLI in this process instead of one ``gedragscode`` process per document: the blind sets hold
    hundreds of documents, and starting a process for each cost most of the test suite's time.
    ``test_real_corpus_scores`` and CI's last step still run the installed command."""
    from click.testing import CliRunner
    from gedragscode.cli.main import cli

    spec = importlib.util.spec_from_file_location("eval_lint_in_process", SHARED / "tools" / "eval_lint.py")
    assert spec is not None and spec.loader is not None
    judge = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(judge)
    runner = CliRunner()

    def run_lint(cmd: list[str], path: Path) -> tuple[dict[str, object] | None, str]:
        result = runner.invoke(cli, ["lint", "--format", "json", str(path)])
        try:
            data = json.loads(result.stdout)
        except json.JSONDecodeError:
            return None, f"exit {result.exit_code}, no JSON on stdout: {result.output[:200]}"
        if isinstance(data, list):
            data = data[0] if data else {}
        if not isinstance(data, dict) or not isinstance(data.get("clauses"), list):
            return None, "JSON has no 'clauses' list"
        return data, ""

    judge.run_lint = run_lint
    out = io.StringIO()
    argv = sys.argv
    try:
        sys.argv = ["eval_lint.py", str(corpus)]
        with contextlib.redirect_stdout(out):
            judge.main()
    finally:
        sys.argv = argv
    return _figures(out.getvalue())


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpus" / "real").is_dir(), reason="../shared/corpus ontbreekt")
def test_real_corpus_scores() -> None:
    scores = _score(SHARED / "corpus" / "real")
    assert scores["failures"] == 0
    assert scores["body"] == 1.0
    assert scores["office-f1"] >= 0.95
    assert scores["precision"] >= 0.95
    assert scores["recall"] >= 0.95


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "tools" / "eval_lint.py").is_file(), reason="../shared/tools ontbreekt")
def test_own_fixture_scores() -> None:
    scores = _score_in_process(FIXTURES)
    assert scores["failures"] == 0
    assert scores["body"] == 1.0
    assert scores["office-f1"] >= 0.95
    assert scores["precision"] >= 0.95
    assert scores["recall"] >= 0.95


BLIND = Path(__file__).resolve().parent / "fixtures" / "blind"


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "tools" / "eval_lint.py").is_file(), reason="../shared/tools ontbreekt")
@pytest.mark.parametrize("folder", ["gemeente", "overig", "stijl", "opmaak", "rand", "model", "formulering_vv",
                                    "formulering_bestuur", "formulering_b", "formulering_c", "b1", "formeel",
                                    "b7", "b8", "b9", "b10", "b11", "b12", "b13", "b14", "b15", "b16", "b17", "b18",
                                    "b19", "b20", "b21", "b22", "b23", "b24", "b25", "b26", "b27",
                                    "b28", "b29", "b30", "b31", "b32", "b33", "b34", "b35", "b36", "b37", "b38",
                                    "b39", "b40", "b41", "b42", "b43", "b44", "b45", "b46", "b47", "b48",
                                    "b49", "b50", "b51", "b52", "b53", "b54", "b55", "b56", "b57", "b58",
                                    "b59", "b60", "b61", "b62"])
def test_blind_fixture_scores(folder: str) -> None:
    """The blind test sets guard against regressions.

    Each folder was written and labelled by someone who had not seen the recognisers, and scored
    once before any recogniser was changed because of it (those first-run figures are in the
    closing notes); the misses it revealed were then fixed by general rules, so from then on the
    folder is a regression test, no longer a blind one.
    """
    scores = _score_in_process(BLIND / folder)
    floor = BLIND_FLOORS.get(folder, {})
    assert scores["failures"] == 0
    assert scores["body"] >= floor.get("body", 1.0)
    assert scores["office-f1"] >= floor.get("office-f1", 0.95)
    assert scores["precision"] >= floor.get("precision", 0.95)
    assert scores["recall"] >= floor.get("recall", 0.95)


# The team's blind sets 7-62, tuned on after their first run (first-run figures in each README; 31, 35, 41, 43, 47,
# 49, 51, 54, 55, 56, 57, 59, 60, 61 and 62 were never tuned on): the floors are the tuned figures, rounded down — a
# regression guard, not evidence of generalisation.
BLIND_FLOORS: dict[str, dict[str, float]] = {
    "b7": {"precision": 0.96, "recall": 0.99},
    "b8": {"precision": 0.96, "recall": 0.98, "office-f1": 0.95},
    "b9": {"precision": 0.98, "recall": 0.95},
    "b10": {"precision": 1.0, "recall": 1.0, "office-f1": 0.95},
    "b11": {"precision": 1.0, "recall": 1.0},
    # b12's letter that is no code is labelled body null; lint names its gemeente and says it is no code
    "b12": {"precision": 0.97, "recall": 0.97, "office-f1": 0.93, "body": 0.9},
    "b13": {"precision": 0.98, "recall": 0.94},
    "b14": {"precision": 0.96, "recall": 1.0},  # untuned: its first-run figures
    "b15": {"precision": 0.98, "recall": 0.98},  # first run 0.919 / 0.895, tuned 1.000 / 1.000
    "b16": {"precision": 0.98, "recall": 0.98},  # first run 0.953 / 0.979, tuned 1.000 / 0.993
    "b17": {"precision": 0.98, "recall": 0.97},  # first run 0.985 / 0.951, tuned 0.993 / 0.979
    "b18": {"precision": 0.96, "recall": 0.94},  # first run 0.938 / 0.818, tuned 0.966 / 0.946
    "b19": {"precision": 0.95, "recall": 0.93},  # first run 0.959 / 0.803, tuned 0.958 / 0.932
    "b20": {"precision": 0.95, "recall": 0.94},  # first run 0.910 / 0.857, tuned 0.954 / 0.948
    "b21": {"precision": 0.96, "recall": 0.97},  # untuned: first run 0.961 / 0.974
    "b22": {"precision": 0.95, "recall": 0.95},  # first run 0.929 / 0.924, tuned 0.956 / 0.962
    "b23": {"precision": 0.98, "recall": 0.96},  # first run 0.948 / 0.954, tuned 0.987 / 0.961
    "b24": {"precision": 0.95, "recall": 0.95},  # first run 0.944 / 0.747, tuned 0.950 / 0.956
    "b25": {"precision": 0.98, "recall": 0.98},  # first run 0.980 / 0.936, tuned 0.981 / 0.981
    "b26": {"precision": 0.94, "recall": 0.93},  # first run 0.944 / 0.865, tuned 0.948 / 0.935
    "b27": {"precision": 0.96, "recall": 0.94},  # first run 0.965 / 0.913, tuned 0.966 / 0.947
    "b28": {"precision": 0.93, "recall": 0.98},  # first run 0.938 / 0.962, tuned 0.939 / 0.987
    "b29": {"precision": 0.96, "recall": 1.0},  # untuned: first run 0.969 / 1.000
    "b30": {"precision": 0.92, "recall": 0.92},  # first run 0.920 / 0.885, tuned 0.929 / 0.929
    "b31": {"precision": 0.97, "recall": 0.97},  # untuned (held out): first run 0.980 / 0.980
    "b32": {"precision": 0.99, "recall": 0.99},  # first run 0.942 / 0.948, tuned 1.000 / 0.994
    "b33": {"precision": 0.99, "recall": 0.99},  # first run 0.962 / 0.956, tuned 1.000 / 0.994
    "b34": {"precision": 0.98, "recall": 0.99},  # first run 0.929 / 0.954, tuned 0.987 / 0.993
    "b35": {"precision": 0.98, "recall": 0.93},  # untuned (held out): first run 0.985 / 0.921, final lint 0.985 / 0.936
    "b36": {"precision": 0.97, "recall": 0.97, "office-f1": 0.97},  # first run 0.950 / 0.974, tuned 0.974 / 0.974
    "b37": {"precision": 0.96, "recall": 0.95},  # first run 0.944 / 0.956, tuned 0.968 / 0.956
    "b38": {"precision": 0.97, "recall": 0.97},  # first run 0.925 / 0.974, tuned 0.980 / 0.974
    "b39": {"precision": 0.99, "recall": 0.99},  # first run 0.986 / 0.947, tuned 1.000 / 1.000
    "b40": {"precision": 0.99, "recall": 0.99},  # first run 0.977 / 0.896, tuned 1.000 / 1.000
    "b41": {"precision": 0.96, "recall": 0.96},  # untuned (held out): first run 0.966 / 0.966
    "b42": {"precision": 0.99, "recall": 0.99},  # first run 0.993 / 0.903, tuned 0.994 / 1.000
    "b43": {"precision": 0.98, "recall": 0.96},  # untuned (held out): first run 0.993 / 0.974
    "b44": {"precision": 0.98, "recall": 0.97},  # first run 0.986 / 0.919, tuned 0.993 / 0.980
    "b45": {"precision": 0.99, "recall": 0.98},  # first run 0.966 / 0.966, tuned 1.000 / 0.993
    "b46": {"precision": 0.98, "recall": 0.98, "office-f1": 0.97},  # first run 0.993 / 0.968, tuned 0.994 / 0.994
    "b47": {"precision": 0.99, "recall": 0.98},  # untuned (held out): first run 1.000 / 0.987
    "b48": {"precision": 0.98, "recall": 0.98},  # first run 0.977 / 0.864, tuned 0.986 / 0.993
    "b49": {"precision": 0.98, "recall": 0.98},  # untuned (held out): first run 0.987 / 0.993
    "b50": {"precision": 0.99, "recall": 0.97},  # first run 0.993 / 0.907, tuned 0.993 / 0.973
    "b51": {"precision": 0.99, "recall": 0.98},  # untuned (held out): first run 1.000 / 0.987
    "b52": {"precision": 0.98, "recall": 0.93},  # first run 0.961 / 0.831, tuned 0.986 / 0.932
    "b53": {"precision": 0.99, "recall": 0.98},  # first run 0.964 / 0.881, tuned 0.993 / 0.987
    "b54": {"precision": 0.99, "recall": 0.99},  # untuned (held out): first run 1.000 / 0.993
    "b55": {"precision": 0.99, "recall": 0.98},  # untuned: first run 0.993 / 0.987
    "b56": {"precision": 0.98, "recall": 0.98},  # untuned: first run 0.981 / 0.987
    "b57": {"precision": 0.97, "recall": 0.96},  # untuned: first run 0.979 / 0.960
    "b58": {"precision": 0.98, "recall": 0.99, "office-f1": 0.93},  # first run 0.985 / 0.905, tuned 0.986 / 0.993
    "b59": {"precision": 0.99, "recall": 0.97},  # untuned: first run 1.000 / 0.980
    "b60": {"precision": 0.99, "recall": 0.98},  # untuned: first run 1.000 / 0.987
    "b61": {"precision": 0.97, "recall": 0.97},  # untuned: first run 0.973 / 0.973
    "b62": {"precision": 0.99, "recall": 0.99},  # untuned: first run 1.000 / 1.000
}


# ---------------------------------------------------------------- parameter values within the model's bounds


def _in_bounds(draw: st.DrawFn, param: Parameter) -> str | None:
    """A value for ``param`` inside its bounds, as a ``--set`` string (None: leave the default)."""
    if param.type is ParamType.BEDRAG and isinstance(param.minimum, Money) and isinstance(param.maximum, Money):
        cents = draw(st.integers(int(param.minimum.amount * 100), int(param.maximum.amount * 100)))
        return f"{cents // 100},{cents % 100:02d}" if cents % 100 else str(cents // 100)
    if param.type is ParamType.TERMIJN and isinstance(param.minimum, Duration) and isinstance(param.maximum, Duration):
        unit = draw(st.sampled_from(["dag", "week", "maand"]))
        size = {"dag": 1, "week": 7, "maand": 30}[unit]
        low, high = -(-param.minimum.days // size), param.maximum.days // size
        if low > high:
            return None
        n = draw(st.integers(max(1, low), high))
        return f"{n} {unit}" if n == 1 else f"{n} {dict(dag='dagen', week='weken', maand='maanden')[unit]}"
    if param.type is ParamType.JANEE:
        return draw(st.sampled_from(["ja", "nee"]))
    if param.type is ParamType.KEUZE and param.choices:
        return draw(st.sampled_from(list(param.choices)))
    return None


@st.composite
def bounded_codes(draw: st.DrawFn) -> tuple[str, tuple[str, ...], dict[str, str]]:
    body, offices = draw(codes())
    expected = _expected(body, offices)
    settings: dict[str, str] = {}
    for clause in _model().clauses:
        if clause.id not in expected:
            continue
        for param in clause.parameters:
            value = _in_bounds(draw, param)
            if value is not None and draw(st.booleans()):
                settings[f"{clause.id}.{param.name}"] = value
    return body, offices, settings


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bounded_codes())
def test_any_value_within_the_bounds_lints_clean(code: tuple[str, tuple[str, ...], dict[str, str]]) -> None:
    """A code rendered with parameter values inside the model's bounds lints clean at the default
    --fail-on (waarschuwing): a value that differs from the handreiking is at most an info note, whose
    first evidence is the lid that holds the value."""
    body, offices, chosen = code
    bound = gedragscode.make_code(body, list(offices), "Proefstad", year=2026, settings=chosen, model=_model())
    md = render_code(bound, "md")
    assert isinstance(md, str)
    result = _lint(md)
    problems = [(c.id, c.status, c.severity) for c in result.clauses
                if c.severity in ("fout", "waarschuwing") and c.status != "not_required"]
    assert not problems, (chosen, problems)
    assert not [c.id for c in result.clauses if c.status == "outdated"]
    for finding in result.clauses:
        if finding.status == "present" and finding.severity == "info":
            lid = finding.evidence[0].text
            assert any(ch.isdigit() for ch in lid) or "week" in lid or "maand" in lid, (finding.id, lid)
