"""The raadsvoorstel that goes with a wijzigingsbesluit.

Onderwerp and beslispunten; the aanleiding (what the handreiking and the law changed: the model's source
and editions, and per changed clause the message the model gives for it); the findings of the check as
a table (clause, level, status, where it stands in the existing code, what the besluit does); what the
besluit leaves alone and why; the "nog te controleren" list; the attachments.
"""

from __future__ import annotations

from gedragscode import templating
from gedragscode.amend.besluit import besluit_title, editions, onderdelen, the_title
from gedragscode.amend.checklist import amendment_checklist
from gedragscode.amend.page import Block, Page, Table, heading, para
from gedragscode.amend.plan import AmendmentPlan

__all__ = ["proposal_page"]

_STATUS = {"present": "aanwezig", "outdated": "verouderd", "missing": "ontbreekt", "not_required": "niet vereist"}


def _proposer(plan: AmendmentPlan) -> str:
    for line in plan.tailored.aanhef:
        if line.startswith("gelezen het voorstel van "):
            return line.removeprefix("gelezen het voorstel van ").rstrip(";")
    return ""


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _findings(plan: AmendmentPlan) -> Table:
    doing: dict[str, str] = {}
    for o in onderdelen(plan):
        for op in o.operations:
            for cid in op.clause_ids:
                if op.kind == "artikel_invoegen":
                    new = next(a for a in op.articles if a.clause_id == cid)
                    what = f"nieuw {op.article.noun} {new.number}"
                elif op.kind == "woorden_vervangen":
                    what = f"{op.article.name}: {op.old} wordt {op.new}"
                elif op.kind == "lid_toevoegen":
                    what = f"{op.article.name}: lid toegevoegd"
                elif op.kind == "lid_vervangen":
                    what = f"{op.article.name}, lid {op.lid}: nieuwe tekst"
                else:
                    what = f"{op.article.name}: nieuwe tekst"
                doing[cid] = (doing[cid] + "; " if cid in doing else f"onderdeel {o.letter}: ") + what
    skipped = {s.clause_id: s.reason for s in plan.skipped}
    rows: list[tuple[str, ...]] = []
    for finding in plan.lint.clauses:
        if finding.status == "not_required":
            continue
        labels: list[str] = []
        for e in finding.evidence:
            if e.label and e.label not in labels:
                labels.append(e.label)
        where = "; ".join(labels)
        if finding.evidence:
            where = (where + ": " if where else "") + f"\u201c{_short(finding.evidence[0].text)}\u201d"
        action = doing.get(finding.id) or skipped.get(finding.id) or ("geen wijziging nodig"
                                                                      if finding.status == "present" else "")
        rows.append((finding.title, finding.level, _STATUS[finding.status], where or "\u2014", action))
    return Table(("Bepaling", "Niveau", "Uitslag", "Vindplaats in de huidige code", "Voorstel"), tuple(rows),
                 "Uitslag van de toets van de huidige code")


def _aanleiding(plan: AmendmentPlan) -> list[Block]:
    model = plan.code.model
    source = " ".join(model.source.split())
    blocks: list[Block] = [para(
        f"{templating.hoofdletter(the_title(plan.title))} is getoetst aan het model van de handreiking "
        f"\u201c{model.title}\u201d (versie {model.version}). Dat model volgt {source[:1].lower() + source[1:]}"
        + ("" if source.endswith(".") else "."))]
    found = editions(plan)
    if found:
        blocks.append(para(f"De voorgestelde wijzigingen komen voort uit: {templating.join_words(found)}."))
    changed: list[str] = []
    for cid in plan.clause_ids:
        finding = plan.finding(cid)
        clause = model.clause(cid)
        if finding is None or clause is None:
            continue
        if finding.status == "outdated" and finding.message:
            changed.append(f"{clause.title}: {finding.message}")
        elif clause.changed or clause.since in ("2023", "wet2023"):
            titles = {v.id: v.title for v in model.versions}
            by = [titles[v] for v in (*clause.changed, clause.since) if v in titles]
            changed.append(f"{clause.title}: ontbreekt in de huidige code; zie {by[0]}." if by
                           else f"{clause.title}: ontbreekt in de huidige code.")
    if changed:
        blocks.append(para("Wat er veranderd is, per bepaling:"))
        blocks.extend(para(f"\u2022 {line}") for line in changed)
    return blocks


def proposal_page(plan: AmendmentPlan) -> Page:
    """The raadsvoorstel of ``plan`` as a page."""
    terms = plan.code.terms
    to = terms.get("vertegenwoordiging", "de raad")
    title = f"Voorstel aan {to}: wijziging van {the_title(plan.title)}"
    blocks: list[Block] = [heading(1, title, "titel")]
    proposer = _proposer(plan)
    blocks.append(heading(2, "Onderwerp", "onderwerp"))
    blocks.append(para(f"Wijziging van {the_title(plan.title)}: aanpassing aan de geactualiseerde handreiking "
                       "integriteit en aan de wet." + (f" Voorstel van {proposer}." if proposer else "")))
    blocks.append(heading(2, "Beslispunten", "beslispunten"))
    blocks.append(para(f"1. {templating.hoofdletter(the_title(plan.title))} te wijzigen overeenkomstig bijgaand "
                       "besluit."))
    blocks.append(heading(2, "Aanleiding", "aanleiding"))
    blocks.extend(_aanleiding(plan))
    blocks.append(heading(2, "Bevindingen", "bevindingen"))
    counts = plan.lint.counts()
    blocks.append(para(f"De toets vond {counts['present']} bepalingen in orde, {counts['outdated']} verouderd en "
                       f"{counts['missing']} ontbrekend. De tabel noemt per bepaling waar zij in de huidige code "
                       "staat en wat het besluit eraan doet."))
    blocks.append(_findings(plan))
    parts = onderdelen(plan)
    if parts:
        blocks.append(heading(2, "Het besluit in het kort", "kern"))
        for o in parts:
            ids = o.clause_ids
            titles = [c.title for cid in ids if (c := plan.code.model.clause(cid)) is not None]
            verb = "nieuw" if o.inserts else "gewijzigd"
            blocks.append(para(f"{o.letter}. {templating.hoofdletter(o.names)} ({verb}): "
                               f"{templating.join_words(titles)}."))
    if plan.skipped:
        blocks.append(heading(2, "Niet in het besluit", "niet-opgenomen"))
        for s in plan.skipped:
            blocks.append(para(f"\u2022 {s.title} ({_STATUS.get(s.status, s.status)}): {s.reason}."))
    items = amendment_checklist(plan)
    blocks.append(heading(2, "Nog te controleren", "nog-te-controleren"))
    if items:
        blocks.append(para("Deze punten moeten worden nagegaan voordat het besluit wordt vastgesteld:"))
        for n, item in enumerate(items, start=1):
            text = f" \u2014 {item.text}" if item.text else ""
            blocks.append(para(f"{n}. {item.where}{text}: {item.note}"))
    else:
        blocks.append(para("Er zijn geen punten die nog moeten worden nagegaan."))
    blocks.append(heading(2, "Bijlagen", "bijlagen"))
    blocks.append(para(f"1. Ontwerp van het {besluit_title(plan)}."))
    blocks.append(para(f"2. Geconsolideerde tekst van {the_title(plan.title)} met de wijzigingen zichtbaar."))
    return Page(title, "Raadsvoorstel wijziging gedragscode integriteit", tuple(blocks),
                metadata={"wijziging": besluit_title(plan)})
