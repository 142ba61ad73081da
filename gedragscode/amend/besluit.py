"""The wijzigingsbesluit in the style of the Aanwijzingen voor de regelgeving.

Intitulé "Besluit tot wijziging van de ...", the aanhef of the tailored code (the legal basis of the
offices lint found or the griffie gave), an overweging naming what changed (from the model's editions),
"Artikel I" with lettered onderdelen that each say precisely what changes in the existing code's own
numbering, "Artikel II" on the entry into force, the signing block, and a toelichting: in general, and
per onderdeel why (lint's finding, the requirement level, the law, the edition of the handreiking) with
the model's own explanation of the clause. Nothing in it is typed text about a clause: it all comes from
the model, lint's findings and the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gedragscode import templating
from gedragscode.amend.dutch import count_word, lid_phrase, onderdeel_letter, quote, roman
from gedragscode.amend.page import Block, Page, heading, para
from gedragscode.amend.plan import AmendmentPlan, Operation
from gedragscode.amend.structure import ArticleRef
from gedragscode.model import Level

__all__ = ["Onderdeel", "besluit_page", "besluit_title", "onderdelen", "the_title"]

_PLURAL = {"artikel": "artikelen", "regel": "regels", "gedragsregel": "gedragsregels", "bepaling": "bepalingen",
           "paragraaf": "paragrafen"}


@dataclass(frozen=True)
class Onderdeel:
    """One lettered onderdeel of Artikel I: the changes to one article, or the articles inserted after one."""

    letter: str
    article: ArticleRef
    operations: tuple[Operation, ...]

    @property
    def inserts(self) -> bool:
        return self.operations[0].kind == "artikel_invoegen"

    @property
    def clause_ids(self) -> tuple[str, ...]:
        out: list[str] = []
        for op in self.operations:
            out.extend(c for c in op.clause_ids if c not in out)
        return tuple(out)

    @property
    def names(self) -> str:
        """The articles concerned: "artikel 2.2", "artikelen 2.4a en 2.4b"."""
        if self.inserts:
            numbers = [a.number for op in self.operations for a in op.articles]
            noun = self.article.noun
            return (f"{noun} {numbers[0]}" if len(numbers) == 1
                    else f"{_PLURAL.get(noun, noun)} " + templating.join_words(numbers))
        return self.article.name


def onderdelen(plan: AmendmentPlan) -> tuple[Onderdeel, ...]:
    """The plan's operations as onderdelen A, B, C ...: one per changed article, one per insertion point."""
    groups: list[list[Operation]] = []
    for op in plan.operations:
        last = groups[-1] if groups else None
        if (last is not None and op.kind != "artikel_invoegen" and last[0].kind != "artikel_invoegen"
                and last[0].article == op.article):
            last.append(op)
        else:
            groups.append([op])
    return tuple(Onderdeel(onderdeel_letter(i), g[0].article, tuple(g)) for i, g in enumerate(groups))


def the_title(title: str) -> str:
    """"de Gedragscode ..." (a title that starts with an article keeps it)."""
    return title if title.lower().startswith(("de ", "het ")) else f"de {title}"


def _short(text: str, limit: int = 400) -> str:
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + " \u2026"


def besluit_title(plan: AmendmentPlan) -> str:
    return f"Besluit tot wijziging van {the_title(plan.title)}"


def _lower_first(text: str) -> str:
    """"(Neven)functies" -> "(neven)functies"; "VOG" stays."""
    for i, c in enumerate(text):
        if c.isalpha():
            if i + 1 < len(text) and text[i + 1].isupper():
                return text
            return text[:i] + c.lower() + text[i + 1:]
    return text


def _count(n: int, one: str, many: str) -> str:
    """"één bepaling", "twee bepalingen", "geen bepalingen"."""
    if n == 0:
        return f"geen {many}"
    return f"één {one}" if n == 1 else f"{count_word(n)} {many}"


def _where(op: Operation, within: bool) -> str:
    """"artikel 2.2, derde lid," (or "het derde lid" inside "wordt als volgt gewijzigd")."""
    if within:
        return f"het {lid_phrase(op.lid)}" if op.lid else "de tekst"
    name = op.article.name
    return f"{name}, {lid_phrase(op.lid)}," if op.lid else name


def _instruction(op: Operation, within: bool = False) -> str:
    """What one operation does, as the besluit says it."""
    cap = templating.hoofdletter
    noun = op.article.noun
    if op.kind == "woorden_vervangen":
        where = _where(op, within)
        times = "telkens " if op.times > 1 else ""
        return f"In {where} wordt {times}{quote(op.old)} vervangen door {quote(op.new)}."
    if op.kind == "lid_vervangen":
        return f"{cap(_where(op, within))} komt te luiden:"
    if op.kind == "lid_toevoegen":
        target = "" if within else f"Aan {op.article.name} "
        verb = "Er wordt" if within else "wordt"
        if op.number_first:
            return (f"{target}{verb}, onder plaatsing van de aanduiding {quote(op.number_first)} voor de "
                    "bestaande tekst, een lid toegevoegd, luidende:").strip()
        return f"{target}{verb} een lid toegevoegd, luidende:".strip()
    if op.kind == "artikel_vervangen":
        return "De tekst komt te luiden:" if within else f"{cap(op.article.name)} komt te luiden:"
    count = len(op.articles)
    if count == 1:
        return f"Na {op.article.name} wordt een {noun} ingevoegd, luidende:"
    return f"Na {op.article.name} worden {count_word(count)} {_PLURAL.get(noun, noun)} ingevoegd, luidende:"


def _quoted(op: Operation) -> list[Block]:
    if op.kind == "woorden_vervangen":
        return []
    texts = [a.render() for a in op.articles] if op.kind == "artikel_invoegen" else [op.text]
    return [para(p, "citaat") for text in texts for p in text.split("\n\n") if p.strip()]


def _onderdeel_blocks(o: Onderdeel) -> list[Block]:
    blocks: list[Block] = [heading(3, o.letter, f"onderdeel-{o.letter}")]
    if len(o.operations) == 1:
        blocks.append(para(_instruction(o.operations[0])))
        blocks.extend(_quoted(o.operations[0]))
        return blocks
    blocks.append(para(f"{templating.hoofdletter(o.article.name)} wordt als volgt gewijzigd:"))
    for n, op in enumerate(o.operations, start=1):
        blocks.append(para(f"{n}. {_instruction(op, within=True)}"))
        blocks.extend(_quoted(op))
    return blocks


# ---------------------------------------------------------------- aanhef, overweging, slot


def editions(plan: AmendmentPlan, clause_ids: Sequence[str] | None = None) -> list[str]:
    """The titles of the current editions (the model's version and later, such as the law of 2023) that
    brought or changed the clauses of the plan (or ``clause_ids``); older editions are not news."""
    model = plan.code.model
    order = [v.id for v in model.versions]
    titles = {v.id: v.title for v in model.versions}
    current = set(order[order.index(model.version):]) if model.version in order else set(order)
    wanted: set[str] = {model.version} if model.version in titles else set()
    for cid in clause_ids if clause_ids is not None else plan.clause_ids:
        clause = model.clause(cid)
        if clause is not None:
            wanted |= {v for v in (clause.since, *clause.changed) if v in current}
    return [titles[v] for v in order if v in wanted]


def aanhef(plan: AmendmentPlan) -> list[str]:
    """The aanhef: the tailored code's (body, proposer, legal basis), with the overweging and this besluit."""
    lines = list(plan.tailored.aanhef)
    vast = next((i for i, line in enumerate(lines) if line.startswith("vast te stellen")), len(lines))
    lines = lines[:vast]
    found = editions(plan)
    overweging = (f"overwegende dat {the_title(plan.title)} moet worden aangepast aan de geactualiseerde "
                  "handreiking integriteit en de wet" + (f" ({'; '.join(found)})" if found else "") + ";")
    gelet = next((i for i, line in enumerate(lines) if line.startswith("gelet op")), None)
    lines.insert(gelet if gelet is not None else max(len(lines) - 1, 1), overweging)
    lines.append(f"vast te stellen het {besluit_title(plan)}.")
    return lines


def effective(plan: AmendmentPlan) -> str:
    when = plan.options.effective.strip() or "op de dag na die van de bekendmaking"
    return f"Dit besluit treedt in werking {when.rstrip('.')}."


def signing(plan: AmendmentPlan) -> list[Block]:
    when = plan.options.adopted.strip()
    blocks: list[Block] = []
    group: list[str] = []
    for line in [*plan.tailored.signing, ""]:
        if line.strip():
            if when and line.startswith("Aldus vastgesteld"):
                line = line.replace("...", when.rstrip(".") + ".").replace("..", ".")
            group.append(line)
        elif group:
            blocks.append(para("\n".join(group), "ondertekening"))
            group = []
    return blocks


# ---------------------------------------------------------------- toelichting


def _refs(plan: AmendmentPlan, cid: str) -> str:
    """The clause's legal references that its text in this code cites (else its explanation)."""
    clause = plan.code.model.clause(cid)
    article = next((a for a in plan.tailored.articles() if a.clause_id == cid), None)
    if clause is None or article is None:
        return ""
    refs = clause.refs_for(plan.code.body.id, tuple(o.id for o in plan.code.offices))
    text = " ".join([article.scope_note, *(lid.text for lid in article.leden),
                     *(o.text for lid in article.leden for o in lid.onderdelen)])
    for source in (text, " ".join(model_explanation(plan, cid))):
        texts: list[str] = []
        for ref in refs:
            if ref.text not in texts and ref.text in source:
                texts.append(ref.text)
        if texts:
            return templating.group_legal_refs(texts)
    return ""


def _old_text(plan: AmendmentPlan, op: Operation) -> str:
    """The text an operation changes, as it stood: the sentence with the words, the lid, or the article."""
    text = plan.document.text
    if op.kind == "woorden_vervangen":
        at = op.edits[0].start
        lo = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, op.article.body_start)
        ends = [i for i in (text.find(". ", at), text.find("\n", at), op.article.end) if i != -1]
        hi = min(ends)
        return " ".join(text[lo:hi + (1 if text[hi:hi + 1] == "." else 0)].split())
    if op.kind == "lid_vervangen":
        return " ".join(text[op.edits[0].start:op.edits[0].end].split())
    if op.kind == "artikel_vervangen":
        return " ".join(text[op.article.body_start:op.article.end].split())
    return ""


def clause_reason(plan: AmendmentPlan, cid: str, op: Operation) -> list[str]:
    """Why the besluit changes clause ``cid``: lint's finding, level, law and edition (Dutch paragraphs)."""
    model = plan.code.model
    clause = model.clause(cid)
    finding = plan.finding(cid)
    if clause is None or finding is None:
        return []
    title = _lower_first(clause.title)
    out: list[str] = []
    if finding.status == "missing":
        new = next((a for a in op.articles if a.clause_id == cid), None)
        where = f"{op.article.noun} {new.number}" if new is not None else op.article.name
        out.append(f"De code had geen bepaling over {title}; {where} voegt de bepaling van het model in.")
    else:
        old = _old_text(plan, op)
        shown = f" De tekst luidde: {quote(_short(old))}" if old else ""
        out.append(f"De bepaling over {title} in {op.article.name} was verouderd. {finding.message}{shown}")
    level = clause.level_for(plan.code.body.id)
    refs = _refs(plan, cid)
    if level is Level.WETTELIJK:
        out.append("De wet schrijft deze bepaling voor" + (f" ({refs})." if refs else "."))
    elif level is Level.AANBEVOLEN:
        out.append("De handreiking beveelt deze bepaling aan.")
    else:
        out.append("De handreiking noemt deze bepaling als mogelijkheid; zij is op verzoek opgenomen.")
    titles = {v.id: v.title for v in model.versions}
    since = titles.get(clause.since)
    changed = [titles[c] for c in clause.changed if c in titles]
    if changed:
        out.append(f"De inhoud is gewijzigd door: {templating.join_words(changed)}.")
    if since and (finding.status == "missing" or not changed):
        out.append(f"De bepaling staat in het model sinds: {since}.")
    return out


def model_explanation(plan: AmendmentPlan, cid: str) -> tuple[str, ...]:
    """The model's toelichting on clause ``cid``, as rendered for the tailored code."""
    numbers = {a.number: a.clause_id for a in plan.tailored.articles()}
    for explanation in plan.tailored.explanations:
        words = explanation.heading.split()
        if len(words) > 1 and numbers.get(words[1]) == cid:
            return explanation.paragraphs
    return ()


def _general(plan: AmendmentPlan) -> list[Block]:
    model = plan.code.model
    missing = [c for c in plan.clause_ids if (f := plan.finding(c)) is not None and f.status == "missing"]
    outdated = [c for c in plan.clause_ids if (f := plan.finding(c)) is not None and f.status == "outdated"]
    out: list[Block] = [para(
        f"Dit besluit brengt {the_title(plan.title)} in overeenstemming met de geactualiseerde handreiking "
        f"\u201c{model.title}\u201d (versie {model.version}) en met de wet. Bij de toets van de bestaande code "
        f"ontbraken {_count(len(missing), 'bepaling', 'bepalingen')} die de wet voorschrijft of de handreiking "
        f"aanbeveelt (of waarom is gevraagd), en {_count(len(outdated), 'bepaling', 'bepalingen')} bleek "
        "verouderd. Die worden met dit besluit toegevoegd of bijgewerkt.".replace(
            "ontbraken één", "ontbrak één").replace("bepalingen bleek", "bepalingen bleken"), "toelichting")]
    found = editions(plan)
    if found:
        out.append(para(f"De wijzigingen volgen uit: {templating.join_words(found)}.", "toelichting"))
    out.append(para(
        "Het besluit volgt de nummering van de bestaande code. Een nieuw artikel krijgt het nummer van het "
        "artikel waarna het wordt ingevoegd, met een letter; de andere artikelen houden hun nummer, zodat "
        "verwijzingen ernaar blijven kloppen. Een nieuw artikel staat na het artikel over het onderwerp dat "
        "in het model eraan voorafgaat.", "toelichting"))
    if plan.terms:
        names = templating.join_words([f"{quote(t.value)} in plaats van {quote(t.model_value)}" for t in plan.terms])
        out.append(para(f"De ingevoegde tekst gebruikt de benamingen van de bestaande code: {names}.", "toelichting"))
    left = [s for s in plan.skipped if s.status == "missing" and "--met" in s.reason]
    if left:
        names = templating.join_words([_lower_first(s.title) for s in left])
        out.append(para(f"De handreiking noemt ook nog bepalingen die een lichaam zelf kan kiezen ({names}); "
                        "die zijn niet opgenomen.", "toelichting"))
    return out


def _toelichting(plan: AmendmentPlan, parts: Sequence[Onderdeel]) -> list[Block]:
    blocks: list[Block] = [heading(2, "Toelichting", "toelichting"), heading(3, "Algemeen", "toelichting-algemeen")]
    blocks.extend(_general(plan))
    blocks.append(heading(3, "Artikelsgewijs", "toelichting-artikelsgewijs"))
    blocks.append(heading(4, "Artikel I", "toelichting-artikel-I"))
    for o in parts:
        blocks.append(heading(4, f"Onderdeel {o.letter} ({o.names})", f"toelichting-onderdeel-{o.letter}"))
        told: set[str] = set()
        for op in o.operations:
            for cid in op.clause_ids:
                if cid in told:
                    continue
                told.add(cid)
                blocks.extend(para(p, "toelichting") for p in clause_reason(plan, cid, op))
                if op.kind == "artikel_invoegen":
                    # the model's own explanation fits an article the besluit inserts as a whole
                    blocks.extend(para(p, "toelichting") for p in model_explanation(plan, cid))
    blocks.append(heading(4, "Artikel II", "toelichting-artikel-II"))
    blocks.append(para(
        "Het besluit treedt in werking " + (plan.options.effective.strip().rstrip(".") or
                                            "op de dag na die van de bekendmaking")
        + ". Vanaf dat moment geldt de gewijzigde code; een geconsolideerde tekst maakt zichtbaar hoe die luidt.",
        "toelichting"))
    return blocks


def besluit_page(plan: AmendmentPlan) -> Page:
    """The wijzigingsbesluit of ``plan`` as a page (one writer per format turns it into md/html/docx)."""
    title = besluit_title(plan)
    parts = onderdelen(plan)
    blocks: list[Block] = [heading(1, title, "titel")]
    blocks.extend(para(line, "aanhef") for line in aanhef(plan))
    blocks.append(heading(2, f"Artikel {roman(1)}", "artikel-I"))
    blocks.append(para(f"{templating.hoofdletter(the_title(plan.title))} wordt als volgt gewijzigd:"))
    for o in parts:
        blocks.extend(_onderdeel_blocks(o))
    blocks.append(heading(2, f"Artikel {roman(2)}", "artikel-II"))
    blocks.append(para(effective(plan)))
    blocks.extend(signing(plan))
    blocks.extend(_toelichting(plan, parts))
    metadata = {"generator": str(plan.tailored.metadata.get("generator", "gedragscode")),
                "model": str(plan.tailored.metadata.get("model", "")), "wijzigt": plan.title}
    return Page(title, "Wijzigingsbesluit gedragscode integriteit", tuple(blocks), metadata=metadata)
