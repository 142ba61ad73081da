"""A drafting check of a rendered code: what a wetgevingsjurist would strike before it goes to the raad.

:func:`drafting_problems` reads a built document (with the offices each lid binds) and returns one
Dutch description per defect:

* **scope** — a lid that names office holders it does not bind ("de ambtsdrager" in a rule for
  the bestuurders only), or binds offices the model lid excludes;
* **self-reference** — a lid for an office that sends that office to itself ("de burgemeester
  meldt ... bij de burgemeester");
* **foreign words** — another body's law or organs (a provincie in a gemeente code);
* **dangling references** — "het vierde lid" of an article with three leden, an article number
  that does not exist, "het laatste lid";
* **duplicates** — the same normative sentence in two leden, the same toelichting paragraph twice;
* **drafting notes** — "controleer", "niet nagegaan" and the like anywhere in the text;
* **register** — informal words or motivation in a normative lid ("Kort gezegd", "zo'n",
  "bijvoorbeeld", "Dit volgt uit ...", "Daarmee wordt voldaan aan ...").

The test suite runs it over every body with every office subset of size 1, 2 and all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from gedragscode.model import Code, Office
from gedragscode.render import doctree

__all__ = ["FOREIGN_WORDS", "drafting_problems"]

#: Words that belong to another kind of body, per body (case-insensitive regular expressions).
FOREIGN_WORDS: dict[str, str] = {
    "gemeente": r"\bProvinciale Staten\b|\bStatenle|\bprovinciehuis|\bProvinciewet|\bwaterschap|\beilandsraad"
                r"|\bopenba(?:ar|re) lichame?n?\b|\bRijksvertegenwoordiger|\bgezaghebber|\bWolBES\b|\bBonaire\b"
                r"|\bdijkgraaf|\bgedeputeerden?\b(?! Staten)",
    "provincie": r"\bgemeente\b|\bgemeentehuis|\braadsle|\braadslid|\bwethouder|\bburgemeester|\bGemeentewet"
                 r"|\bwaterschap|\beilandsraad|\bopenba(?:ar|re) lichame?n?\b|\bRijksvertegenwoordiger"
                 r"|\bgezaghebber|\bWolBES\b|\bOnze Minister\b",
    "waterschap": r"\bgemeente\b|\bgemeentehuis|\braadsle|\braadslid|\bwethouder|\bburgemeester|\bGemeentewet"
                  r"|\bProvinciale Staten\b|\bStatenle|\bProvinciewet|\beilandsraad|\bopenba(?:ar|re) lichame?n?\b"
                  r"|\bRijksvertegenwoordiger|\bgezaghebber|\bWolBES\b|\bOnze Minister\b",
    "openbaar_lichaam": r"\bgemeente\b|\bgemeentehuis|\braadsle(?:den|d)\b|\braadslid|\bwethouder|\bburgemeester"
                        r"|\bGemeentewet|\bProvinciale Staten\b|\bStatenle|\bProvinciewet|\bwaterschap"
                        r"|\bcommissaris van de Koning|\bGedeputeerde Staten|\bOnze Minister\b",
}
_NOTES = re.compile(r"\bcontroleer\b|niet nagegaan|\bgeverifieerd\b|niet bekend|wetten\.overheid", re.I)
_REGISTER = re.compile(r"\bkort gezegd\b|\bzo'n\b|\bbijvoorbeeld\b|\bdit volgt uit\b|\bdaarmee wordt voldaan\b", re.I)
_ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
             "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende")
_ORDINAL = "|".join(_ORDINALS)
# "het vierde lid", "het eerste en tweede lid", "het laatste lid" (optionally ", onderdeel d")
_LID_REF = re.compile(rf"\b[Hh]et ((?:(?:{_ORDINAL}|laatste)(?:, | en ))*(?:{_ORDINAL}|laatste)) lid\b"
                      r"(?:, onderdeel ([a-z]))?")
# "artikel 7", "artikel 7, tweede lid", "artikel 7, onderdeel d", "de artikelen 7, 12 en 13"
_ARTICLE_REF = re.compile(rf"\b(?:[Aa]rtikel (\d+)(?:, ({_ORDINAL}) lid)?(?:, onderdeel ([a-z]))?"
                          rf"|[Dd]e artikelen ((?:\d+(?: tot en met \d+)?(?:, | en ))+\d+))")
_STATUTE_AFTER = re.compile(r"^[^.;:]*?\bvan (?:de|het) [A-Z]")
_PREPOSITIONS = ("aan", "bij", "met", "door", "voor", "van", "tot", "namens", "over", "op", "andere", "gewezen",
                 "oud")
_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z0-9])")


def _lower_words(text: str) -> str:
    return " ".join(text.split())


def _phrases(code: Code) -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """How office holders are named, each with the offices the name stands for."""
    from gedragscode.render.build import active_groups, holder_words

    out: list[tuple[str, frozenset[str]]] = []
    everyone = frozenset(o.id for o in code.offices)
    for office in code.offices:
        words = holder_words(code, [office])
        for key in ("de_ambtsdrager", "een_ambtsdrager", "de_ambtsdragers"):
            out.append((words[key], frozenset({office.id})))
    for group, members in active_groups(code).values():
        ids = frozenset(o.id for o in members)
        out += [(f"de {group.name}", ids), (f"een {group.name}", ids), (f"de {group.plural}", ids)]
    if len(code.offices) > 1:
        out += [("de ambtsdrager", everyone), ("een ambtsdrager", everyone), ("de ambtsdragers", everyone)]
    return [(re.compile(rf"(?<![\w-]){re.escape(phrase)}\b", re.I), ids)
            for phrase, ids in sorted(set(out), key=lambda p: -len(p[0]))]


def _addressees(text: str, phrases: Sequence[tuple[re.Pattern[str], frozenset[str]]]) -> set[str]:
    """The offices a lid addresses: holder names not governed by a preposition ("bij de burgemeester")."""
    matches: list[tuple[int, int, frozenset[str]]] = []
    for pattern, ids in phrases:  # longest names first, so "de burgemeester" is not also "burgemeester"
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for s, e, _ids in matches):
                matches.append((m.start(), m.end(), ids))
    found: set[str] = set()
    governed = False
    previous_end = -1
    for start, end, ids in sorted(matches):
        gap = text[previous_end:start] if previous_end >= 0 else None
        if gap is None or gap not in (", ", " en ", " of ", ", en ", ", of "):
            # not the next name of an enumeration: look at the word before it
            before = re.search(r"(\w+)\W*$", text[:start])
            governed = before is not None and before.group(1).lower() in _PREPOSITIONS
        if not governed:
            found |= ids
        previous_end = end
    return found


def _self_names(code: Code, office: Office) -> list[str]:
    from gedragscode.render.terms import office_terms, self_names

    return sorted(self_names(code, office, office_terms(code, office)))


def _sentences(text: str) -> Iterator[str]:
    for part in _SENTENCE.split(text):
        part = _lower_words(part).strip()
        if len(part) > 25:
            yield part


def _all_texts(doc: doctree.Document) -> Iterator[tuple[str, str]]:
    for line in (*doc.aanhef, *doc.inleiding, *doc.signing, *doc.general_explanation):
        yield "", line
    for article in doc.articles():
        yield article.number, article.title
        for lid in article.leden:
            yield article.number, lid.text
            for onderdeel in lid.onderdelen:
                yield article.number, onderdeel.text
    for explanation in doc.explanations:
        number = explanation.heading.split()[1] if explanation.heading.startswith("Artikel ") else ""
        for paragraph in explanation.paragraphs:
            yield number, paragraph


def drafting_problems(code: Code, doc: doctree.Document | None = None) -> list[str]:
    """Every drafting defect of the rendered ``code`` (built when ``doc`` is not given), in Dutch."""
    from gedragscode.render.build import build_document

    doc = doc if doc is not None else build_document(code)
    problems: list[str] = []
    articles = {a.number: a for a in doc.articles()}
    phrases = _phrases(code)
    everyone = {o.id for o in code.offices}

    # scope and self-reference, per lid
    for article in doc.articles():
        clause = next((c for c in code.clauses if c.id == article.clause_id), None)
        for lid in article.leden:
            where = f"artikel {article.number}" + (f", lid {lid.number}" if lid.number else "")
            bound = set(lid.offices)
            if clause is not None and 0 <= lid.source < len(clause.leden):
                model_lid = clause.leden[lid.source]
                allowed = {o.id for o in code.offices if clause.applies.matches(code.body.id, o)
                           and model_lid.applies.matches(code.body.id, o)}
                if bound - allowed:
                    problems.append(f"{where}: bindt {sorted(bound - allowed)}, die het model uitsluit")
            text = " ".join([lid.text, *(o.text for o in lid.onderdelen)])
            named = _addressees(text, phrases)
            if named - bound:
                problems.append(f"{where}: richt zich tot {sorted(named - bound)}, maar geldt alleen voor "
                                f"{sorted(bound)}: \"{_lower_words(text)[:120]}\"")
            if named and bound - named and bound != everyone:
                problems.append(f"{where}: geldt voor {sorted(bound)}, maar noemt alleen {sorted(named)}")
            for office in code.offices:
                if office.id not in bound:
                    continue
                for name in _self_names(code, office):
                    if re.search(rf"\b(?:aan|bij|met|door|tot)\s+{re.escape(name)}\b", text, re.I):
                        problems.append(f"{where}: stuurt {name} naar zichzelf: \"{_lower_words(text)[:120]}\"")
            if _REGISTER.search(text):
                problems.append(f"{where}: informele of motiverende formulering "
                                f"({_REGISTER.search(text).group(0)!r}) in een normatief lid")  # type: ignore[union-attr]

    # foreign words, drafting notes and references, in the whole text
    foreign = re.compile(FOREIGN_WORDS.get(code.body.id, r"(?!x)x"), re.I)
    for number, text in _all_texts(doc):
        for m in foreign.finditer(text):
            problems.append(f"woord van een ander lichaam: {m.group(0)!r} in \"{_lower_words(text)[:100]}\"")
        for m in _NOTES.finditer(text):
            problems.append(f"redactionele notitie: {m.group(0)!r} in \"{_lower_words(text)[:100]}\"")
        problems += _reference_problems(number, text, articles)

    # duplicates
    seen: dict[str, str] = {}
    for article in doc.articles():
        for lid in article.leden:
            for sentence in _sentences(lid.text):
                key = sentence.lower()
                here = f"artikel {article.number}" + (f", lid {lid.number}" if lid.number else "")
                if key in seen and seen[key] != here:
                    problems.append(f"dezelfde zin staat in {seen[key]} en {here}: \"{sentence[:100]}\"")
                seen.setdefault(key, here)
    paragraphs: dict[str, str] = {}
    for explanation in doc.explanations:
        for paragraph in explanation.paragraphs:
            key = _lower_words(paragraph).lower()
            if key in paragraphs:
                problems.append(f"dezelfde toelichting staat bij {paragraphs[key]} en {explanation.heading}")
            paragraphs.setdefault(key, explanation.heading)
    return problems


def _lid_count(article: doctree.Article) -> int:
    return len(article.leden) if article.leden and article.leden[0].number is not None else 1


def _reference_problems(number: str, text: str, articles: dict[str, doctree.Article]) -> list[str]:
    problems = []
    for m in _ARTICLE_REF.finditer(text):
        if _STATUTE_AFTER.match(text[m.end():]) or re.match(r"^\s*(?:van|,)\s*(?:de|het)?\s*[A-Z]", text[m.end():]):
            continue
        numbers = [int(n) for n in re.findall(r"\d+", m.group(4))] if m.group(4) else [int(m.group(1))]
        for n in numbers:
            if str(n) not in articles:
                problems.append(f"verwijzing naar een artikel {n} dat niet bestaat: \"{_lower_words(text)[:100]}\"")
        if m.group(1) and m.group(2) and m.group(1) in articles:
            target = articles[m.group(1)]
            if _ORDINALS.index(m.group(2)) + 1 > _lid_count(target):
                problems.append(f"verwijzing naar artikel {m.group(1)}, {m.group(2)} lid, dat niet bestaat")
    for m in _LID_REF.finditer(text):
        if _STATUTE_AFTER.match(text[m.end():]):
            continue
        if "laatste" in m.group(1):
            problems.append(f"getypte verwijzing 'het laatste lid': \"{_lower_words(text)[:100]}\"")
            continue
        article = articles.get(number)
        if article is None:
            problems.append(f"verwijzing '{m.group(0)}' buiten een artikel: \"{_lower_words(text)[:100]}\"")
            continue
        for ordinal in re.findall(_ORDINAL, m.group(1)):
            if _ORDINALS.index(ordinal) + 1 > _lid_count(article):
                problems.append(f"artikel {number} heeft geen {ordinal} lid: \"{_lower_words(text)[:100]}\"")
    return problems
