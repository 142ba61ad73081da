"""The "nog te controleren" list beside a rendered code, as text or JSON.

The items come from :func:`gedragscode.render.build.checklist`: facts in the rendered code
that the model marks as not yet verified (``controleer "..."``). The code itself never
carries them; ``gedragscode render`` prints this list on stderr and ``render --controle``
writes it on its own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from gedragscode.errors import ModelError
from gedragscode.render.doctree import CheckItem

__all__ = ["CHECKLIST_FORMATS", "checklist_data", "render_checklist"]

CHECKLIST_FORMATS = ("text", "json")

_KIND_NL = {
    "wetsverwijzing": "wetsverwijzing",
    "grondslag": "wettelijke grondslag",
    "keuze": "standaardkeuze",
    "term": "benaming",
    "tekst": "tekst",
    "toelichting": "toelichting",
    "opbouw": "opbouw",
}


def checklist_data(items: Sequence[CheckItem], title: str = "") -> dict[str, Any]:
    """The list as plain data (what ``render --controle --format json`` prints).

    ``{"title": ..., "count": n, "items": [{"where", "clause", "kind", "text", "note"}, ...]}``
    """
    return {
        "title": title,
        "count": len(items),
        "items": [{"where": i.where, "clause": i.clause_id, "kind": i.kind, "text": i.text, "note": i.note}
                  for i in items],
    }


def _text(items: Sequence[CheckItem], title: str) -> str:
    if not items:
        return "Niets meer te controleren: elk feit in de code is nagegaan.\n"
    lines = [f"Nog te controleren ({len(items)})" + (f" in {title}" if title else "") + ":"]
    width = len(str(len(items)))
    for n, item in enumerate(items, start=1):
        indent = " " * (width + 4)
        lines.append(f"  {n:>{width}}. {item.where}")
        if item.text:
            lines.append(f"{indent}{_KIND_NL.get(item.kind, item.kind)}: {item.text}")
        lines.append(f"{indent}{item.note}")
    return "\n".join(lines) + "\n"


def render_checklist(items: Sequence[CheckItem], fmt: str = "text", title: str = "") -> str:
    """The "nog te controleren" list in ``fmt``: ``"text"`` (Dutch, for people) or ``"json"``."""
    if fmt == "json":
        return json.dumps(checklist_data(items, title), ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        return _text(items, title)
    raise ModelError(f"onbekend formaat voor de controlelijst: {fmt}; kies uit: {', '.join(CHECKLIST_FORMATS)}")
