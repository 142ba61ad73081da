"""`gedragscode check`, `fmt`, `models`, `--help`, `--version` through click's CliRunner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from gedragscode.cli.main import cli

import gedragscode

GOOD_CODE = '''gedragscode "Gedragscode integriteit raadsleden Proefstad 2026" {
  lichaam gemeente "Proefstad"
  ambten raadslid
  jaartal 2026
  zet geschenken.grens = € 40
}
'''


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_help_and_version_speak_dutch() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "Gebruik:" in out and "Opdrachten:" in out and "Toon deze hulp en stop." in out
    code, out, _ = run("--version")
    assert code == 0 and gedragscode.__version__ in out


def test_check_without_arguments_checks_the_bundled_model() -> None:
    code, out, err = run("check")
    assert code == 0, err
    assert "In orde" in out


def test_check_valid_local_code(tmp_path: Path) -> None:
    f = tmp_path / "proefstad.gdc"
    f.write_text(GOOD_CODE, encoding="utf-8")
    code, _, err = run("check", str(f))
    assert code == 0, err


def test_check_lists_every_error_with_location_and_exit_2(tmp_path: Path) -> None:
    f = tmp_path / "fout.gdc"
    f.write_text(GOOD_CODE.replace("€ 40", "€ 4000").replace("ambten raadslid", "ambten raadslid, schepen"),
                 encoding="utf-8")
    code, _, err = run("check", str(f))
    assert code == 2
    assert f"{f}:3:3: fout: lichaam 'gemeente' kent geen ambt 'schepen'" in err
    assert f"{f}:5:3: fout: waarde € 4.000 voor grens ligt buiten de grenzen" in err
    assert "Traceback" not in err


def test_check_syntax_error_and_missing_file(tmp_path: Path) -> None:
    f = tmp_path / "kapot.gdc"
    f.write_text('gedragscode "x" {\n  lichaam gemeente\n}\n', encoding="utf-8")
    code, _, err = run("check", str(f))
    assert code == 2 and f"{f}:3:1: fout: onverwacht" in err and "^" in err
    code, _, err = run("check", str(tmp_path / "bestaat-niet.gdc"))
    assert code == 2 and "bestaat niet" in err


def test_check_directory(tmp_path: Path) -> None:
    (tmp_path / "a.gdc").write_text(GOOD_CODE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.gdc").write_text(GOOD_CODE.replace("Proefstad", "Andersdorp"), encoding="utf-8")
    code, _, err = run("check", str(tmp_path))
    assert code == 0, err


def test_fmt_check_write_and_stdout(tmp_path: Path) -> None:
    f = tmp_path / "code.gdc"
    messy = GOOD_CODE.replace("\n  ", "\n        ").replace("jaartal 2026", "jaartal   2026 # jaar")
    f.write_text(messy, encoding="utf-8")
    code, _, err = run("fmt", "--check", str(f))
    assert code == 1 and "niet in de vaste opmaak" in err
    code, out, _ = run("fmt", str(f))
    assert code == 0 and "  jaartal 2026" in out and "# jaar" in out
    assert f.read_text(encoding="utf-8") == messy  # stdout mode leaves the file alone
    code, _, _ = run("fmt", "--write", str(f))
    assert code == 0
    assert f.read_text(encoding="utf-8") == out
    code, _, _ = run("fmt", "--check", str(f))
    assert code == 0


def test_models_json_is_the_stable_interface() -> None:
    code, out, _ = run("models", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"version", "bodies", "clauses"}
    gemeente = next(b for b in data["bodies"] if b["id"] == "gemeente")
    raadslid = next(o for o in gemeente["offices"] if o["id"] == "raadslid")
    assert raadslid == {"id": "raadslid", "name": "raadslid", "category": "volksvertegenwoordiger",
                        "legal_basis": "artikel 15, derde lid, van de Gemeentewet"}
    gifts = next(c for c in data["clauses"] if c["id"] == "geschenken")
    assert {"id", "title", "level", "since", "applies_to", "parameters"} <= set(gifts)
    assert {"body": "waterschap", "office": "voorzitter"} in gifts["applies_to"]
    grens = next(p for p in gifts["parameters"] if p["name"] == "grens")
    assert grens == {"name": "grens", "type": "bedrag", "default": "€ 50"}
    code, out, _ = run("models")
    assert code == 0 and "Clausules:" in out and "geschenken" in out


def test_python_dash_m_runs_the_cli() -> None:
    proc = subprocess.run([sys.executable, "-m", "gedragscode", "--version"], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0 and gedragscode.__version__ in proc.stdout


def test_grammar_and_models_come_from_package_data() -> None:
    from importlib.resources import files

    assert files("gedragscode.grammars").joinpath("gedragscode.lark").is_file()
    assert any(p.name.endswith(".gdc") for p in files("gedragscode.models").iterdir())
