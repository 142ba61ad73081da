"""The "nog te controleren" list of a wijzigingsbesluit.

It holds the unverified facts of the model that the inserted or replaced text uses (the render layer's
checklist of the tailored code, relabelled to the besluit's onderdelen), and what the plan itself could
not be sure of: a citeertitel that was not found, body words taken from the existing code, the body and
offices as lint detected them, and anything the check of the consolidated text still reports.
"""

from __future__ import annotations

import re

from gedragscode import templating
from gedragscode.amend.besluit import onderdelen
from gedragscode.amend.plan import MISSING_ARTICLE, AmendmentPlan
from gedragscode.render.doctree import CheckItem

__all__ = ["amendment_checklist"]

_RENDERED = re.compile(r"^(?P<what>Artikel|Toelichting op artikel) (?P<number>\d+)\b")


def amendment_checklist(plan: AmendmentPlan) -> tuple[CheckItem, ...]:
    """What to check before the besluit goes to the raad, in besluit order."""
    parts = onderdelen(plan)
    where: dict[str, str] = {}
    for o in parts:
        for op in o.operations:
            for cid in op.clause_ids:
                new = next((a for a in op.articles if a.clause_id == cid), None)
                name = f"{op.article.noun} {new.number}" if new is not None else op.article.name
                where.setdefault(cid, f"Artikel I, onderdeel {o.letter} ({name})")
    items: list[CheckItem] = []
    if not plan.title_found:
        items.append(CheckItem("Intitulé", "", "tekst", plan.title,
                               "De citeertitel van de bestaande code staat niet herkenbaar in de tekst; de titel is "
                               "afgeleid van het lichaam en de ambten. Vul de juiste titel in (--titel)."))
    if not plan.options.body or not plan.options.offices:
        offices = templating.join_words([o.plural for o in plan.code.offices])
        items.append(CheckItem("Aanhef", "", "grondslag", f"{plan.code.body.name}; {offices}",
                               "Lichaam en ambten zijn uit de bestaande code afgeleid; zij bepalen de wettelijke "
                               "grondslag in de aanhef en de tekst die wordt ingevoegd. Klopt dat niet, geef dan "
                               "--body en --office op."))
    for term in plan.terms:
        items.append(CheckItem("Ingevoegde tekst", "", "term", term.value,
                               f"De bestaande code noemt {term.value} waar het model {term.model_value} gebruikt; "
                               "de ingevoegde tekst neemt die benaming over. Ga na of dat nog de juiste functionaris "
                               f"is (anders: --set term.{term.name}=...)."))
    for item in plan.tailored.checklist:
        if item.clause_id == "":
            if item.where == "Aanhef":
                items.append(item)
            continue
        if item.clause_id not in where:
            continue
        m = _RENDERED.match(item.where)
        label = where[item.clause_id]
        if m is not None and m.group("what") != "Artikel":
            label = f"Toelichting, {label[len('Artikel I, '):]}"
        items.append(CheckItem(label, item.clause_id, item.kind, item.text, item.note))
    for o in parts:
        for op in o.operations:
            texts = [(a.clause_id, a.render()) for a in op.articles] or [(op.clause_ids[0], op.text)]
            for cid, text in texts:
                if f"rtikel {MISSING_ARTICLE}" in text:
                    items.append(CheckItem(where.get(cid, f"Artikel I, onderdeel {o.letter}"), cid, "tekst",
                                           f"artikel {MISSING_ARTICLE}",
                                           "De ingevoegde tekst verwijst naar een bepaling die de code niet heeft en "
                                           "die het besluit niet opneemt; vul het juiste artikel in of neem die "
                                           "bepaling op."))
    for cid in plan.unresolved:
        clause = plan.code.model.clause(cid)
        items.append(CheckItem(where.get(cid, "Artikel I"), cid, "tekst", clause.title if clause else cid,
                               "Ook na de wijziging meldt de toets deze bepaling nog als ontbrekend of verouderd; "
                               "kijk de tekst van het onderdeel na."))
    for cid in plan.lost:
        clause = plan.code.model.clause(cid)
        items.append(CheckItem("Geconsolideerde tekst", cid, "tekst", clause.title if clause else cid,
                               "De bestaande code had een bepaling hierover, maar de toets vindt haar na de wijziging "
                               "niet meer terug; ga na of een vervangen lid of artikel iets weghaalt."))
    for skipped in plan.skipped:
        if skipped.status == "outdated":
            items.append(CheckItem("Niet gewijzigd", skipped.clause_id, "tekst", skipped.title, skipped.reason))
    return tuple(items)
