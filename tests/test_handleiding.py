"""Every command in the handleiding (docs/handleiding.md) works as written.

A griffier copies the commands from the handleiding letter for letter, so each one is run here:
the ``gedragscode ...`` lines of the ```sh blocks, the ``$ gedragscode ...`` lines of the ```text
blocks (whose output below the command must appear as shown; ``...`` marks a cut) and the inline
``gedragscode ...`` commands with arguments. Each runs in a fresh folder holding the files the
handleiding talks about (almelo.gdc, zeeland.gdc, a house template, old codes as PDF, Word and
text, a folder of codes). ``serve`` is only parsed, not started.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "handleiding.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
_FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
                    re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"`(gedragscode [^`]+)`")
_RUN_BARE = {"models", "serve"}  # commands that the handleiding names bare and that work bare


class Example:
    def __init__(self, line: int, command: str, expected: str | None) -> None:
        self.line, self.command, self.expected = line, command, expected
        self.argv = shlex.split(command)[1:]

    def __repr__(self) -> str:
        return f"handleiding.md:{self.line}"


def _examples() -> list[Example]:
    text = DOC.read_text(encoding="utf-8")
    out: list[Example] = []
    for m in _FENCE.finditer(text):
        first = text.count("\n", 0, m.start()) + 2  # the line after the fence
        lines = m.group("body").splitlines()
        if m.group("lang") == "sh":
            joined = "\n".join(lines).replace("\\\n", " ")
            for n, line in enumerate(joined.splitlines()):
                if line.strip().startswith("gedragscode "):
                    out.append(Example(first + n, line.strip(), None))
        elif m.group("lang") == "text":
            starts = [n for n, line in enumerate(lines) if line.strip().startswith("$ gedragscode ")]
            for i, n in enumerate(starts):
                end = starts[i + 1] if i + 1 < len(starts) else len(lines)
                out.append(Example(first + n, lines[n].strip()[2:], "\n".join(lines[n + 1:end])))
    for m in _INLINE.finditer(text):
        words = m.group(1).split()
        # a bare command name ("`gedragscode lint`"), a placeholder (MAP) or printed output is no example
        bare = len(words) == 2 and words[1] not in _RUN_BARE and not words[1].startswith("--")
        if bare or any(w.isupper() for w in words) or re.fullmatch(r"[\d.]+", words[-1]):
            continue
        out.append(Example(text.count("\n", 0, m.start()) + 1, m.group(1), None))
    return out


EXAMPLES = _examples()


def test_the_handleiding_has_command_examples() -> None:
    kinds = {e.argv[0] for e in EXAMPLES if e.argv}
    assert {"render", "init", "check", "lint", "wijzig", "serve", "models", "fmt"} <= kinds
    assert sum(e.expected is not None for e in EXAMPLES) >= 8


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the handleiding's commands name, made once."""
    from test_docx_template import make_template

    folder = tmp_path_factory.mktemp("handleiding")
    runner = CliRunner()
    for args in (["init", "--body", "gemeente", "--office", "raadslid,commissielid", "--naam", "Almelo",
                  "--jaar", "2026", "-o", str(folder / "almelo.gdc")],
                 ["init", "--body", "provincie", "--office", "statenlid", "--naam", "Zeeland", "--jaar", "2026",
                  "-o", str(folder / "zeeland.gdc")]):
        assert runner.invoke(cli, args).exit_code == 0
    (folder / "huisstijl.dotx").write_bytes(make_template())
    shutil.copy(FIXTURES / "lint" / "gemeente_college_2022_hoofdstuk.pdf", folder / "gedragscode-2016.pdf")
    shutil.copy(FIXTURES / "lint" / "provincie_staten_2015.pdf", folder / "gedragscode-2012.pdf")
    shutil.copy(FIXTURES / "lint" / "gemeente_raad_2021.docx", folder / "code.docx")
    shutil.copy(FIXTURES / "wijzig" / "zuidervaart_2012.txt", folder / "zuidervaart-2012.txt")
    (folder / "codes").mkdir()
    shutil.copy(FIXTURES / "lint" / "gemeente_kort_raad.txt", folder / "codes" / "hoogkerk.txt")
    shutil.copy(FIXTURES / "lint" / "gemeente_raad_2021.docx", folder / "codes" / "almelo.docx")
    (folder / "boodschappen.txt").write_text("Boodschappen voor zaterdag\n\n- brood\n- melk\n- kaas\n- appels\n"
                                             "- koffie\n", encoding="utf-8")
    return folder


def _chunks(expected: str) -> list[str]:
    """The shown output in pieces that must appear in order: ``...`` cuts, whitespace is layout."""
    pieces = re.split(r"\.\.\.|…", expected)
    return [" ".join(p.split()) for p in pieces if p.strip()]


def _outputs(argv: list[str]) -> list[Path]:
    return [Path(argv[i + 1]) for i, a in enumerate(argv[:-1]) if a in ("-o", "--output", "--summary")]


@pytest.mark.parametrize("example", EXAMPLES, ids=repr)
def test_the_command_works_as_written(example: Example, inputs: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "werkmap"
    shutil.copytree(inputs, work)
    monkeypatch.chdir(work)
    argv = example.argv
    if argv[0] == "serve":  # parsed only: starting it would wait for a browser
        ctx = cli.make_context("gedragscode", list(argv))
        command = cli.get_command(ctx, argv[0])
        assert isinstance(command, click.Command)
        command.make_context(argv[0], argv[1:], parent=ctx)
        return
    shown = example.expected
    for path in _outputs(argv):  # the reader makes the file now; or, where the example says so, has it already
        if shown is not None and "bestaat al" in shown:
            path.write_text("de vorige versie", encoding="utf-8")
        elif path.is_file():
            path.unlink()
    result = CliRunner().invoke(cli, argv)
    where = f"{example!r}: {example.command}\n{result.output}"
    assert "Traceback" not in result.output, where
    if shown is not None and shown.lstrip().startswith("fout:"):
        assert result.exit_code == 2, where
    elif shown is not None and "geen gedragscode" in shown:
        assert result.exit_code == 3, where
    else:  # lint and wijzig say 1 when the code needs work, as documented
        assert result.exit_code in ((0, 1) if argv[0] == "lint" else (0,)), where
        for path in _outputs(argv):
            assert path.exists() or (path.suffix == "" and any(path.iterdir())), where
    if shown is not None:
        output = " ".join(result.output.split())
        at = 0
        for chunk in _chunks(shown):
            found = output.find(chunk, at)
            assert found >= 0, f"{where}\nniet gevonden: {chunk}"
            at = found + len(chunk)
