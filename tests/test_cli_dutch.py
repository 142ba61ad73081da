"""Every message a user can get from the command line is Dutch (issue 12).

``tests/conftest.py`` already fails any test whose CliRunner output holds English; this file walks
every command's ``--help`` and the usage-error paths of click itself, and checks that the Dutch
catalogue covers every message click can print.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from dutch_output import click_messages, english_in
from gedragscode.cli import i18n
from gedragscode.cli.main import cli

# click messages only a programmer can trigger (a broken command definition) or for features we do not use
_DEVELOPER_ONLY = {
    "Couldn't detect Bash version, shell completion is not supported.",
    "{editor}: Editing failed", "{editor}: Editing failed: {e}", "Windows error: {error}",
    "Unknown color {colour!r}", "Unknown standard stream '{name}'", "Name '{name}' defined twice",
    "Invalid start character for option ({option})", "Choice({choices})", "d",
    "Could not determine name for option with declarations {decls!r}",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
}


def _invoke(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    assert "Traceback" not in result.output
    return result.output


def test_the_catalogue_covers_every_click_message() -> None:
    missing = [m for m in click_messages() if m not in i18n.DUTCH and m not in _DEVELOPER_ONLY]
    assert not missing, f"click messages without Dutch: {missing}"


@pytest.mark.parametrize("command", [[], *([name] for name in sorted(cli.commands))])
def test_every_help_is_dutch(command: list[str]) -> None:
    out = _invoke([*command, "--help"])
    assert "Gebruik:" in out and "Opties:" in out
    assert not english_in(out)
    assert "[required]" not in out and "integer" not in out and "<=x" not in out


@pytest.mark.parametrize("args", [
    ["onbekend"],
    ["render", "--onbekend"],
    ["render", "--jaar", "twintig"],
    ["render", "--jaar", "1"],
    ["lint", "--jobs", "0", "x"],
    ["lint", "--format", "pdf", "x"],
    ["lint"],
    ["init", "--body", "gemeente"],
    ["render", "--body"],
    ["fmt"],
    ["check", "--help", "extra"],
    ["models", "extra"],
])
def test_usage_errors_are_dutch(args: list[str]) -> None:
    out = _invoke(args)
    assert "Fout:" in out or "fout:" in out or "Gebruik:" in out
    assert not english_in(out), out


def test_path_types_are_named_in_dutch(tmp_path: Path) -> None:
    # click names the parameter type ("File") when the command is defined: the catalogue must be in place first
    out = _invoke(["render", str(tmp_path)])
    assert f"Bestand '{tmp_path}' is een map" in out
    out = _invoke(["render", "--jaar", "3000"])
    assert "kies een waarde van 1900 tot en met 2200" in out


def test_os_errors_are_dutch(tmp_path: Path) -> None:
    missing = tmp_path / "nergens" / "code.md"
    out = _invoke(["render", "--body", "gemeente", "--office", "raadslid", "--naam", "X", "-o", str(missing)])
    assert "bestaat niet" in out and not english_in(out)
    out = _invoke(["fmt", str(tmp_path / "weg.gdc")])
    assert "bestaat niet" in out and "Errno" not in out
