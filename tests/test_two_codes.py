"""Two codes in one call: one for the volksvertegenwoordigers, one for the bestuurders.

Library (``split_code``, ``build_two_documents``, ``render_two_codes``) on real rendered output
for every body, and ``gedragscode render --twee-codes`` through click's CliRunner.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

import gedragscode
from gedragscode import Code, ModelError
from gedragscode.model import Category
from gedragscode.render import doctree
from gedragscode.render.build import legal_basis_text

MODEL = gedragscode.load_model()
BODIES = [b.id for b in MODEL.bodies]
WHEN = dt.date(2026, 3, 1)
OLD = "Gedragscode integriteit politieke ambtsdragers gemeente Almelo 2016"


def everyone(body: str, **kwargs: object) -> Code:
    found = MODEL.body(body)
    assert found is not None
    return gedragscode.make_code(body, [o.id for o in found.offices], "Testplaats", year=2026,
                                 **kwargs)  # type: ignore[arg-type]


# ---------------------------------------------------------------- library


@pytest.mark.parametrize("body", BODIES)
def test_split_by_category_with_the_same_choices(body: str) -> None:
    code = everyone(body, settings={"geschenken.grens": "40"})
    vv, bestuur = gedragscode.split_code(code)
    assert vv.offices and all(o.category is Category.VOLKSVERTEGENWOORDIGER for o in vv.offices)
    assert bestuur.offices and all(o.category is not Category.VOLKSVERTEGENWOORDIGER for o in bestuur.offices)
    assert [o.id for o in vv.offices + bestuur.offices] == [o.id for o in code.offices]
    for part in (vv, bestuur):
        assert part.values == code.values and part.terms == code.terms and part.place == code.place
        assert part.effective == code.effective and part.year == code.year
        assert {c.id for c in part.clauses} <= {c.id for c in code.clauses}
        assert all(any(c.applies.matches(body, o) for o in part.offices) for c in part.clauses)
        assert part.name != code.name and "Testplaats" in part.name
    for doc in gedragscode.build_two_documents(gedragscode.split_code(code)):
        gift = next(a for a in doc.articles() if a.clause_id == "geschenken")
        texts = [doctree.clean_text(t) for lid in gift.leden for t in (lid.text, *(o.text for o in lid.onderdelen))]
        assert any(re.search(r"€\s40\b", t) for t in texts)


@pytest.mark.parametrize("body", BODIES)
def test_two_documents_belong_together(body: str) -> None:
    code = everyone(body)
    combined = gedragscode.build_document(code)
    codes = gedragscode.split_code(code)
    vv, bestuur = gedragscode.build_two_documents(codes)
    order = [a.clause_id for a in combined.articles()]
    for doc, part in zip((vv, bestuur), codes, strict=True):
        assert doc.title == part.name
        # numbered 1..n without gaps, chapters too, in the model's order
        assert [a.number for a in doc.articles()] == [str(i) for i in range(1, len(list(doc.articles())) + 1)]
        assert [c.number for c in doc.chapters] == list(range(1, len(doc.chapters) + 1))
        ids = [a.clause_id for a in doc.articles()]
        assert ids == [i for i in order if i in ids]
        # every article is for at least one of the code's own offices
        for article in doc.articles():
            clause = next(c for c in part.clauses if c.id == article.clause_id)
            assert any(clause.applies.matches(body, o) for o in part.offices), article.title
        # the aanhef cites the legal basis of this code's offices only
        basis = legal_basis_text(part.offices)
        if basis:
            assert any(basis in line for line in doc.aanhef)
        # the toelichting follows this code's own numbering
        headings = {doctree.article_heading(a) for a in doc.articles()}
        assert all(e.heading in headings for e in doc.explanations)
    # shared articles keep their title and relative order
    shared = [i for i in [a.clause_id for a in vv.articles()] if i in {a.clause_id for a in bestuur.articles()}]
    assert shared == [a.clause_id for a in bestuur.articles() if a.clause_id in shared]
    assert "begrippen" in shared
    # the inleiding: identical general paragraphs, the same closing paragraph naming both codes
    assert vv.inleiding[:-2] == bestuur.inleiding[:-2] and len(vv.inleiding) >= 3
    assert vv.inleiding[-1] == bestuur.inleiding[-1]
    closing = vv.inleiding[-1]
    assert codes.volksvertegenwoordigers.name in closing and codes.bestuurders.name in closing
    # in between, each code says to whom it applies
    assert vv.inleiding[-2] != bestuur.inleiding[-2]


@pytest.mark.parametrize("body", BODIES)
def test_lint_reads_each_code_as_its_own(body: str, tmp_path: Path) -> None:
    codes = gedragscode.split_code(everyone(body))
    rendered = gedragscode.render_two_codes(everyone(body), "md")
    for part, text in zip(codes, rendered, strict=True):
        assert isinstance(text, str)
        path = tmp_path / "code.md"
        path.write_text(text, encoding="utf-8")
        result = gedragscode.lint(path)
        assert result.body == body
        assert set(result.offices) == {o.id for o in part.offices}
        assert [f.id for f in result.clauses if f.status in ("missing", "outdated")] == []


def test_render_two_codes_docx_is_reproducible() -> None:
    code = everyone("provincie")
    first = gedragscode.render_two_codes(code, "docx", date=WHEN)
    assert first == gedragscode.render_two_codes(code, "docx", date=WHEN)
    titles = []
    for data in first:
        assert isinstance(data, bytes)
        document = docx.Document(io.BytesIO(data))
        titles.append(document.core_properties.title)
        assert any(p.style is not None and p.style.name == "Artikel" for p in document.paragraphs)
    assert titles == [c.name for c in gedragscode.split_code(code)]


def test_names_and_repeals() -> None:
    code = gedragscode.make_code("gemeente", ["raadslid", "wethouder"], "Almelo", year=2026, repeals=OLD)
    with pytest.raises(ModelError, match="welke van de twee"):
        gedragscode.split_code(code)
    vv, bestuur = gedragscode.split_code(code, repeals=(OLD, ""), names=("Code raad", "Code college"))
    assert (vv.name, bestuur.name) == ("Code raad", "Code college")
    assert (vv.repeals, bestuur.repeals) == (OLD, "")
    vv_text, bestuur_text = gedragscode.render_two_codes(code, "md", repeals=(OLD, ""))
    assert isinstance(vv_text, str) and isinstance(bestuur_text, str)
    assert OLD in vv_text and OLD not in bestuur_text


@pytest.mark.parametrize("offices", [["raadslid", "commissielid"], ["wethouder", "burgemeester"]])
def test_one_kind_of_office_is_an_error(offices: list[str]) -> None:
    code = gedragscode.make_code("gemeente", offices, "Almelo", year=2026)
    with pytest.raises(ModelError, match="beide soorten"):
        gedragscode.split_code(code)


# ---------------------------------------------------------------- command line

ALMELO = ["--body", "gemeente", "--naam", "Almelo", "--jaar", "2026"]
VV_NAME = "Gedragscode integriteit raadsleden en commissieleden gemeente Almelo 2026"
BESTUUR_NAME = "Gedragscode integriteit wethouders en burgemeester gemeente Almelo 2026"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def error_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if "fout" in line]
    assert len(lines) == 1, stderr
    return lines[0]


def test_cli_folder(tmp_path: Path) -> None:
    code, out, err = run("render", "--twee-codes", *ALMELO, "--format", "docx", "--datum", "2026-03-01",
                         "-o", str(tmp_path))
    assert code == 0, err
    assert out == ""
    vv = tmp_path / "gedragscode-almelo-volksvertegenwoordigers.docx"
    bestuur = tmp_path / "gedragscode-almelo-bestuurders.docx"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([vv.name, bestuur.name])
    assert docx.Document(str(vv)).paragraphs[0].text == VV_NAME
    assert docx.Document(str(bestuur)).paragraphs[0].text == BESTUUR_NAME
    assert f"{vv} ({VV_NAME})" in err and f"{bestuur} ({BESTUUR_NAME})" in err
    expected = gedragscode.render_two_codes(
        gedragscode.make_code("gemeente", ["raadslid", "commissielid", "wethouder", "burgemeester"], "Almelo",
                              year=2026), "docx", date=WHEN)
    assert (vv.read_bytes(), bestuur.read_bytes()) == tuple(expected)


def test_cli_two_files_in_order(tmp_path: Path) -> None:
    vv, bestuur = tmp_path / "raad.md", tmp_path / "college.md"
    code, _, err = run("render", "--twee-codes", *ALMELO, "--office", "raadslid,wethouder,burgemeester",
                       "--set", "geschenken.grens=30", "-o", str(vv), "-o", str(bestuur))
    assert code == 0, err
    assert vv.read_text(encoding="utf-8").startswith("# Gedragscode integriteit raadsleden gemeente Almelo 2026")
    assert bestuur.read_text(encoding="utf-8").startswith(f"# {BESTUUR_NAME}")
    assert "€ 30" in vv.read_text(encoding="utf-8") and "€ 30" in bestuur.read_text(encoding="utf-8")


def test_cli_existing_file_writes_nothing_without_force(tmp_path: Path) -> None:
    vv, bestuur = tmp_path / "raad.docx", tmp_path / "college.docx"
    bestuur.write_bytes(b"oud")
    code, _, err = run("render", "--twee-codes", *ALMELO, "-o", str(vv), "-o", str(bestuur))
    assert code == 2
    assert "--force" in error_line(err) and "niets geschreven" in error_line(err)
    assert not vv.exists() and bestuur.read_bytes() == b"oud"
    code, _, err = run("render", "--twee-codes", *ALMELO, "-o", str(vv), "-o", str(bestuur), "--force")
    assert code == 0, err
    assert docx.Document(str(bestuur)).paragraphs[0].text == BESTUUR_NAME


def test_cli_second_write_failing_undoes_the_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vv, bestuur = tmp_path / "raad.md", tmp_path / "college.md"
    real = gedragscode.write_output
    calls: list[Path] = []

    def failing(path: Path, data: str | bytes, *, force: bool = False) -> None:
        calls.append(path)
        if path == bestuur:
            raise gedragscode.GedragscodeError("schijf vol")
        real(path, data, force=force)

    monkeypatch.setattr(gedragscode, "write_output", failing)
    code, _, err = run("render", "--twee-codes", *ALMELO, "-o", str(vv), "-o", str(bestuur))
    assert code == 2 and "schijf vol" in error_line(err)
    assert calls == [vv, bestuur]
    assert not vv.exists() and not bestuur.exists()
    # with --force an overwritten first file gets its old content back
    vv.write_text("oude code", encoding="utf-8")
    code, _, _ = run("render", "--twee-codes", *ALMELO, "-o", str(vv), "-o", str(bestuur), "--force")
    assert code == 2 and vv.read_text(encoding="utf-8") == "oude code"


def test_cli_repeals(tmp_path: Path) -> None:
    vv, bestuur = tmp_path / "raad.md", tmp_path / "college.md"
    code, _, err = run("render", "--twee-codes", *ALMELO, "--intrekking-bestuur", OLD, "-o", str(vv),
                       "-o", str(bestuur))
    assert code == 0, err
    assert OLD in bestuur.read_text(encoding="utf-8") and OLD not in vv.read_text(encoding="utf-8")


def test_cli_local_file(tmp_path: Path) -> None:
    local = tmp_path / "almelo.gdc"
    assert run("init", *ALMELO, "--office", "raadslid,commissielid,wethouder,burgemeester", "-o", str(local))[0] == 0
    text = local.read_text(encoding="utf-8").replace("jaartal 2026", f'jaartal 2026\n  intrekking "{OLD}"')
    local.write_text(text, encoding="utf-8")
    out = tmp_path / "uit"
    out.mkdir()
    code, _, err = run("render", str(local), "--twee-codes", "-o", str(out))
    assert code == 2 and "--intrekking-vv" in error_line(err)
    assert list(out.iterdir()) == []
    code, _, err = run("render", str(local), "--twee-codes", "--intrekking-vv", OLD, "-o", str(out))
    assert code == 0, err
    files = sorted(out.iterdir())
    assert [p.name for p in files] == ["gedragscode-almelo-bestuurders.md",
                                       "gedragscode-almelo-volksvertegenwoordigers.md"]
    assert OLD in files[1].read_text(encoding="utf-8") and OLD not in files[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "fragment"), [
    ([*ALMELO], "twee bestanden"),
    ([*ALMELO, "-o", "{tmp}/a.md", "-o", "{tmp}/b.md", "-o", "{tmp}/c.md"], "niet 3 keer"),
    ([*ALMELO, "-o", "{tmp}/bestaat-niet"], "geen bestaande map"),
    ([*ALMELO, "-o", "{tmp}/a.md", "-o", "{tmp}/a.md"], "twee verschillende bestanden"),
    ([*ALMELO, "-o", "{tmp}/a.md", "-o", "{tmp}/b.docx"], "verschillende extensies"),
    ([*ALMELO, "--format", "html", "-o", "{tmp}/a.md", "-o", "{tmp}/b.md"], "past niet"),
    ([*ALMELO, "--intrekking", OLD, "-o", "{tmp}"], "--intrekking-vv"),
    ([*ALMELO, "--controle", "-o", "{tmp}"], "--controle werkt per code"),
    ([*ALMELO, "--sjabloon", "{tmp}/h.dotx", "-o", "{tmp}"], "alleen voor Word"),
    ([*ALMELO, "--office", "raadslid,commissielid", "-o", "{tmp}"], "beide soorten"),
    (["--body", "stad", "--naam", "X", "-o", "{tmp}"], "onbekend lichaam 'stad'"),
    (["--naam", "X", "-o", "{tmp}"], "--body en --naam"),
])
def test_cli_two_codes_errors_write_nothing(tmp_path: Path, args: list[str], fragment: str) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, out, err = run("render", "--twee-codes", *args)
    assert code == 2 and out == ""
    assert fragment in error_line(err)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "fragment"), [
    (["--office", "raadslid", "--intrekking-vv", OLD], "horen bij --twee-codes"),
    (["--office", "raadslid", "-o", "{tmp}/a.md", "-o", "{tmp}/b.md"], "alleen met --twee-codes"),
    (["--office", "raadslid", "-o", "{tmp}"], "is een map"),
])
def test_cli_single_code_refuses_two_code_options(tmp_path: Path, args: list[str], fragment: str) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, out, err = run("render", *ALMELO, *args)
    assert code == 2 and out == ""
    assert fragment in error_line(err)
    assert list(tmp_path.iterdir()) == []


def test_cli_help_explains_two_codes() -> None:
    code, out, _ = run("render", "--help")
    assert code == 0
    assert "--twee-codes" in out and "--intrekking-vv" in out and "--intrekking-bestuur" in out
