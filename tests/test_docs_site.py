"""The documentation site: the generated model catalogue and the MkDocs configuration.

``mkdocs build --strict`` itself runs in ``.ci/run``; these tests check what it is built from.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import gedragscode

ROOT = Path(__file__).resolve().parent.parent


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogue_hook", ROOT / "docs" / "_hooks" / "catalogue.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogue_lists_every_clause_with_its_facts() -> None:
    model = gedragscode.load_model()
    page = _hook().catalogue_markdown(model)
    for chapter in model.chapters:
        assert f"| `{chapter.id}` |" in page
    for clause in model.clauses:
        assert f"{{#{clause.id}}}" in page, clause.id
        section = page.split(f"{{#{clause.id}}}", 1)[1].split("\n### ", 1)[0]
        assert f"sinds {clause.since}" in section
        for body in model.bodies:
            if any(clause.applies.matches(body.id, o) for o in body.offices):
                assert f"| {body.name} | {clause.level_for(body.id).value} |" in section
        for p in clause.parameters:
            assert f"| `{p.name}` | {p.type.value} |" in section
            if p.minimum is not None:
                assert str(p.minimum) in section
        for ref in clause.refs:
            assert " ".join(ref.text.split()) in section
        for check in clause.checks:
            assert " ".join(check.split()).replace("|", "\\|") in section


def test_catalogue_shows_the_unverified_facts() -> None:
    model = gedragscode.load_model()
    page = _hook().catalogue_markdown(model)
    marked = [r for c in model.clauses for r in c.refs if r.check]
    assert marked, "the model has unverified references"
    assert page.count("⚠") >= len(marked)


def test_catalogue_is_deterministic() -> None:
    model = gedragscode.load_model()
    assert _hook().catalogue_markdown(model) == _hook().catalogue_markdown(model)


def test_nav_pages_exist_and_every_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = re.findall(r"^  - [^:]+: (\S+\.md)$", config, re.MULTILINE)
    assert "catalogus.md" in pages and "api.md" in pages and "handleiding.md" in pages
    generated = {"catalogus.md"}
    for page in set(pages) - generated:
        assert (ROOT / "docs" / page).is_file(), page
    on_disk = {p.name for p in (ROOT / "docs").glob("*.md")}
    assert on_disk <= set(pages), f"pages missing from the nav: {on_disk - set(pages)}"


def test_docs_extra_is_part_of_dev() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"gedragscode[docs]"' in pyproject and "mkdocstrings[python]" in pyproject
    assert "mkdocs build --strict" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
