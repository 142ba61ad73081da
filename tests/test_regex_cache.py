"""The on-disk cache of compiled regular expressions (gedragscode.regex_cache)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gedragscode import regex_cache

FIXTURE = Path(__file__).parent / "fixtures" / "lint" / "provincie_staten_2015.txt"

TRICKY = [
    r"(?P<art>Artikel|ARTIKEL)\s*(?P<num>\d{1,3}[a-z]?)\.?",
    r"(?i)\bgelet op\b.{0,60}?(?=\b(?:gezien|besluit)\b)",
    r"(?<=\s)(?:lid|leden)\b(?!\s+van)",
    r"^[•·▪\-–—*]\s+(?P<rest>.+)$",
    r"(a)(b)?(?P<c>c)\2",
    r"[^\W_]+",
    r"financi[eë]le?\s+belangen",
]
SAMPLES = ["Artikel 12a. De leden van de raad", "gelet op artikel 15 gezien het voorstel besluit",
           " lid 2 leden van  ", "• een opsomming\n– nog een", "abcbc ac acc", "Financiële belangen",
           "FINANCIELE  BELANGEN en naïeve woorden_met_underscore"]


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups, dict(b.groupindex))
    for text in SAMPLES:
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == [(m.span(), m.groups()) for m in b.finditer(text)]


@pytest.mark.parametrize("pattern", TRICKY)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE, re.MULTILINE | re.DOTALL])
def test_generated_code_gives_the_same_pattern(pattern: str, flags: int) -> None:
    parts = regex_cache._internals()
    if parts is None:
        pytest.skip("this Python's re has other internals: the cache is off")
    entry = regex_cache._generate(parts, pattern, flags)
    assert entry is not None
    rebuilt = parts[3].compile(pattern, entry[2], entry[3], entry[4], entry[5], entry[6])
    _same(rebuilt, re.compile(pattern, flags))


def _run(code: str, cache: Path | None, *args: str, off: bool = False) -> str:
    """Run ``code`` in a fresh interpreter with the cache in ``cache`` (None or ``off``: caching off)."""
    env = {k: v for k, v in os.environ.items() if k not in ("GEDRAGSCODE_NO_CACHE", "GEDRAGSCODE_CACHE_DIR")}
    if cache is None or off:
        env["GEDRAGSCODE_NO_CACHE"] = "1"
    if cache is not None:
        env["GEDRAGSCODE_CACHE_DIR"] = str(cache)
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          check=True)
    return done.stdout


# Counts the patterns that re really compiles (parse + code generation) while a document is linted.
PROBE = """
import json, sys
import re._compiler as c
compiled = []
original = c.compile
def counting(p, flags=0):
    compiled.append(p)
    return original(p, flags)
c.compile = counting
from gedragscode import startup
startup.enable()  # as the command-line tool does
from gedragscode.lint.engine import lint
from gedragscode.lint.reports.json_report import dumps
from gedragscode import regex_cache
result = lint(sys.argv[1])
print(json.dumps({"compiled": len(compiled), "report": dumps([result], single=True),
                  "loaded": regex_cache._state["stored"], "served": regex_cache._state["served"]}))
"""


def _warm(cache: Path) -> None:
    """The model and lemma caches warm, the pattern cache empty (a cold model cache parses the model
    files, whose grammar compiles patterns of its own)."""
    _run(PROBE, cache, str(FIXTURE))
    for path in cache.glob("re-*.marshal"):
        path.unlink()


def test_a_second_process_compiles_nothing_and_lints_the_same(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _warm(cache)
    first = json.loads(_run(PROBE, cache, str(FIXTURE)))
    files = list(cache.glob("re-*.marshal"))
    assert len(files) == 1
    second = json.loads(_run(PROBE, cache, str(FIXTURE)))
    without = json.loads(_run(PROBE, None, str(FIXTURE)))
    assert first["compiled"] > 50            # the reading stages, identification, recognisers
    assert second["loaded"] >= first["compiled"] - 5
    assert second["compiled"] <= 1           # all came from the cache
    assert second["served"] >= first["compiled"] - 5  # built from the file when first used
    assert second["report"] == first["report"] == without["report"]
    assert not list(cache.glob(".re-*"))    # no temporary files left behind


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_cache_file_is_ignored_and_rewritten(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    _warm(cache)
    reference = json.loads(_run(PROBE, cache, str(FIXTURE)))
    path = next(cache.glob("re-*.marshal"))
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    elif damage == "garbage":
        path.write_bytes(regex_cache.MAGIC + b"\x80\x04not a table at all")
    else:
        path.write_bytes(b"")
    damaged = json.loads(_run(PROBE, cache, str(FIXTURE)))
    assert damaged["loaded"] == 0 and damaged["compiled"] > 50
    assert damaged["report"] == reference["report"]
    again = json.loads(_run(PROBE, cache, str(FIXTURE)))  # the file was written anew
    assert again["compiled"] <= 1 and again["report"] == reference["report"]


def test_a_wrong_entry_is_refused_by_sre_or_the_checks(tmp_path: Path) -> None:
    """A well-formed file whose entries do not hold valid code for their pattern gives the right patterns:
    ``re`` compiles them as usual."""
    import marshal

    cache = tmp_path / "cache"
    _run(PROBE, cache, str(FIXTURE))
    path = next(cache.glob("re-*.marshal"))
    entries = [(("abc", 0), marshal.dumps(("abc", 0, 32, [1, 2, 3], 0, {}, (None,)))),      # invalid code
               (("xyz", 0), marshal.dumps(("xyz", 0, 32, [999999] * 5, 0, {}, (None,)))),
               (("q+", 0), marshal.dumps(("other", 0, 32, [], 0, {}, (None,)))),           # another pattern's
               (("z?", 0), marshal.dumps(("z?", 0, 32, "code", 0, {}, (None,)))),          # not even a list
               (("w*", 0), b"not marshal data")]
    assert regex_cache._write(path, entries)
    probe = ("import re; from gedragscode import regex_cache as r, startup; startup.enable(); "
             "found = [bool(re.fullmatch(p, s)) for p, s in (('abc', 'abc'), ('xyz', 'xyz'), ('q+', 'qqq'), "
             "('z?', ''), ('w*', 'ww'), ('abc', 'abd'))]; print(r._state['stored'], r._state['served'], found)")
    assert _run(probe, cache).strip().split(maxsplit=2) == ["5", "0", "[True, True, True, True, True, False]"]


def test_gedragscode_no_cache_switches_it_off(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run = json.loads(_run(PROBE, cache, str(FIXTURE), off=True))
    assert run["loaded"] == 0 and run["compiled"] > 50
    assert not list(cache.glob("re-*")) if cache.exists() else True
    assert not cache.exists() or not any(cache.iterdir())


def test_a_full_cache_file_keeps_what_is_used_and_takes_in_new_patterns(tmp_path: Path) -> None:
    """A cache used across many versions fills with patterns no version uses any more; once full, the patterns
    a new version compiles must still get in (else every lint compiles them again)."""
    import marshal

    from gedragscode.cache_store import read_table

    cache = tmp_path / "cache"
    _warm(cache)
    first = json.loads(_run(PROBE, cache, str(FIXTURE)))
    path = next(cache.glob("re-*.marshal"))
    # the file full of an old version's patterns, none of which a lint uses now
    stale = [((f"oud-{n}", 0), marshal.dumps((f"oud-{n}", 0, 32, [], 0, {}, (None,))))
             for n in range(regex_cache.MAX_ENTRIES)]
    assert regex_cache._write(path, stale)
    full = json.loads(_run(PROBE, cache, str(FIXTURE)))
    assert full["loaded"] == regex_cache.MAX_ENTRIES and full["compiled"] > 50
    after = read_table(path, regex_cache.MAGIC)
    assert not any(str(key[0]).startswith("oud-") for key in after) and len(after) >= first["compiled"] - 5
    again = json.loads(_run(PROBE, cache, str(FIXTURE)))
    assert again["compiled"] <= 1 and again["report"] == first["report"]
