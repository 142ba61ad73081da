"""List the misses of an ``eval_lint.py --details`` output.

usage: python misses.py DETAILS SETDIR [document]

A missed clause (FN) is shown with the place its label gives; a false find (FP) with the label's reason and
the first evidence the lint gives for it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _evidence(path: Path, theme: str) -> list[str]:
    out = subprocess.run(["gedragscode", "lint", "--format", "json", str(path)],
                         capture_output=True, text=True, check=False).stdout
    data = json.loads(out)
    data = data[0] if isinstance(data, list) else data
    return [f"[{e.get('label')}] {e['text'][:220]}" for c in data["clauses"] if c["id"] == theme
            for e in c.get("evidence", [])]


def main() -> None:
    details, setdir = Path(sys.argv[1]), Path(sys.argv[2])
    only = sys.argv[3] if len(sys.argv) > 3 else None
    for line in details.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3 or parts[0] not in ("FP", "FN"):
            continue
        kind, doc, theme = parts
        if only and only not in doc:
            continue
        label = json.loads((setdir / (Path(doc).stem + ".json")).read_text(encoding="utf-8"))
        if kind == "FN":
            print(f"FN {doc} {theme}: where={label.get('where', {}).get(theme)}")
            continue
        print(f"FP {doc} {theme}: why={label.get('absent_why', {}).get(theme)}")
        for evidence in _evidence(setdir / doc, theme)[:2]:
            print(f"     {evidence}")


if __name__ == "__main__":
    main()
