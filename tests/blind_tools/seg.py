"""Print how a document was read: every unit with its role, label, heading and start.

usage: python seg.py FILE [width]
"""

from __future__ import annotations

import sys
from pathlib import Path

from gedragscode.lint.readers import read_document
from gedragscode.lint.segment import segment


def main() -> None:
    path = Path(sys.argv[1])
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 90
    seg = segment(read_document(path))
    for unit in seg.units:
        body = seg.document.text[unit.body_span.start : unit.body_span.end].replace("\n", " ")
        print(f"{unit.role[:10]:10} {unit.label[:12]:12} {unit.heading[:30]:30} | {body[:width]}")


if __name__ == "__main__":
    main()
