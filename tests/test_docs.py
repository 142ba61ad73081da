"""The examples in docs/dsl.md are real: every ```gdc block parses and passes ``gedragscode.check``.

A ```gdc block is a complete file. Model fragments (clauses without a header) are resolved on top of
the bundled model and their recogniser examples are run; local codes are bound to the bundled model;
a block with its own ``handreiking`` header is checked as a model of its own. Blocks marked
```gdc excerpt quote the bundled model and are only parsed.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import gedragscode

DOC = Path(__file__).resolve().parent.parent / "docs" / "dsl.md"
_FENCE = re.compile(r"^(?P<indent>[ \t]*)```gdc(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
                    re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[int, str, str]]:
    text = DOC.read_text(encoding="utf-8")
    out = []
    for m in _FENCE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        out.append((line, m.group("info").strip(), textwrap.dedent(m.group("body"))))
    return out


BLOCKS = _blocks()


def test_the_reference_has_examples() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize(("line", "info", "source"), BLOCKS, ids=[f"dsl.md:{b[0]}" for b in BLOCKS])
def test_block_parses_and_checks(line: int, info: str, source: str, tmp_path: Path) -> None:
    name = f"dsl_md_{line}.gdc"
    tree = gedragscode.parse(source, name)
    assert tree.items, f"docs/dsl.md:{line}: empty ```gdc block"
    if info == "excerpt":
        return
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    errors = gedragscode.check([path])
    assert not errors, f"docs/dsl.md:{line}:\n" + "\n".join(e.format() for e in errors)


def test_local_code_blocks_resolve_against_the_bundled_model() -> None:
    codes = [(line, src) for line, info, src in BLOCKS
             if info != "excerpt" and re.search(r"^gedragscode \"", src, re.MULTILINE)
             and "handreiking" not in src and "\nclausule" not in "\n" + src]
    assert codes, "docs/dsl.md shows no local code"
    for line, src in codes:
        code = gedragscode.load_code(gedragscode.parse(src, f"dsl_md_{line}.gdc"))
        assert code.offices, f"docs/dsl.md:{line}"
