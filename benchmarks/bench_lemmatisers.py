"""Which Dutch lemmatiser the ``lemma(...)`` recognisers use: accuracy on the inflections that matter, and speed.

Run from the repository root (the candidates other than simplemma are not dependencies of the project;
install them for this comparison only)::

    python -m pip install spacy-lookups-data snowballstemmer pystemmer
    python benchmarks/bench_lemmatisers.py

The word list below was built from the wording of the real codes in ``../shared/corpus/real`` and the
test fixtures (``tests/fixtures/lint``, ``tests/fixtures/blind``): inflected verbs (regular, irregular,
separable, past participles), plurals and diminutives of the nouns the recognisers look for. Every
form occurs in those documents; each is paired with the lemma a recogniser would name. Candidates:

* **simplemma** (dictionary shipped in the wheel, pure Python);
* **spaCy lookup table** (``spacy-lookups-data``'s ``nl_lemma_lookup``, read directly: what spaCy's
  Dutch lookup lemmatiser does, without spaCy itself);
* **Snowball** (Dutch stemmer, ``snowballstemmer`` and its C build ``PyStemmer``): a stemmer gives no
  lemma, so a form counts as right when its stem equals the stem of the lemma (conflation).

``accuracy`` is the share of forms mapped to their lemma; simplemma is scored twice: its plain answer,
and as the matcher uses it (:func:`gedragscode.lint.lemmas.forms`: a word counts for ``lemma(L)`` when it,
its dictionary form or the dictionary form of that is one of L's own lemmas; its load time is that of
inverting the dictionary once, which lint keeps in the user cache directory). The separable-verb
sentences ("stem je niet mee") need the clause mechanism of the matcher on top of any lemmatiser; their score is for the
matcher with simplemma. Speed: the time to load each candidate, and its throughput over every word
of the corpus (distinct words, uncached), as a ratio to simplemma in the same run.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPORA = [ROOT.parent / "shared" / "corpus" / "real", FIXTURES / "lint", FIXTURES / "blind"]

# category: form>lemma ...
_LIST = """
verb: meldt>melden meldde>melden gemeld>melden melden>melden meld>melden registreert>registreren
verb: geregistreerd>registreren stemt>stemmen gestemd>stemmen stem>stemmen weigert>weigeren geweigerd>weigeren
verb: aanvaardt>aanvaarden aanvaard>aanvaarden verklaart>verklaren vermeldt>vermelden vermeld>vermelden
verb: declareert>declareren gedeclareerd>declareren overlegt>overleggen beraadslaagt>beraadslagen
verb: publiceert>publiceren gepubliceerd>publiceren verstrekt>verstrekken
irregular: neemt>nemen nam>nemen genomen>nemen onthoudt>onthouden onthield>onthouden ontvangt>ontvangen
irregular: ontving>ontvangen geeft>geven gegeven>geven gaf>geven verschoont>verschonen verbiedt>verbieden
irregular: verboden>verbieden houdt>houden hield>houden brengt>brengen bracht>brengen gebracht>brengen
separable word: aangenomen>aannemen aanneemt>aannemen deelneemt>deelnemen deelgenomen>deelnemen
separable word: meestemt>meestemmen meegestemd>meestemmen bekendgemaakt>bekendmaken opgegeven>opgeven
separable word: doorgegeven>doorgeven teruggestort>terugstorten afgedragen>afdragen uitgenodigd>uitnodigen
separable word: aangeboden>aanbieden ingeschreven>inschrijven
plural: geschenken>geschenk giften>gift nevenfuncties>nevenfunctie belangen>belang uitnodigingen>uitnodiging
plural: reizen>reis declaraties>declaratie stemmingen>stemming meldingen>melding raadsleden>raadslid
plural: commissieleden>commissielid bestuurders>bestuurder diensten>dienst voorzieningen>voorziening
plural: attenties>attentie inkomsten>inkomst aandelen>aandeel kosten>kost
diminutive: cadeautje>cadeau cadeautjes>cadeau presentje>present presentjes>present etentje>eten reisje>reis
diminutive: bloemetje>bloem attentietje>attentie
"""
WORDS: list[tuple[str, str, str]] = [
    (line.split(":")[0], *pair.split(">"))  # type: ignore[misc]
    for line in _LIST.strip().splitlines() for pair in line.split(":")[1].split()
]

# separable verbs split over the clause: (lemma, sentence)
SPLIT: list[tuple[str, str]] = [
    ("meestemmen", "Gaat een besluit over jezelf of je familie? Dan stem je niet mee."),
    ("meestemmen", "Een lid stemt niet mee over een zaak die hem persoonlijk aangaat."),
    ("deelnemen", "Het raadslid neemt niet deel aan de stemming over een zaak die hem aangaat."),
    ("deelnemen", "Zij neemt niet deel aan de beraadslaging."),
    ("deelnemen", "De wethouder besluit niet deel te nemen aan de besluitvorming."),
    ("onthouden", "Het lid onthoudt zich van stemming over zaken die hem persoonlijk aangaan."),
    ("aannemen", "Een raadslid neemt geen geschenken aan van meer dan vijftig euro."),
    ("aannemen", "Het geschenk wordt niet aangenomen."),
    ("bekendmaken", "De burgemeester maakt zijn inkomsten elk jaar bekend."),
    ("opgeven", "Het lid geeft zijn nevenfuncties op bij de griffier."),
    ("doorgeven", "Een wijziging geeft de wethouder binnen een week door."),
    ("terugstorten", "Een vergoeding voor een functie uit hoofde van het ambt stort hij terug in de kas."),
]
SPLIT_NEGATIVE: list[tuple[str, str]] = [
    ("aannemen", "Het raadslid neemt een besluit. Aan de orde is de begroting."),
    ("deelnemen", "Een deel van de raad neemt het woord."),
    ("meestemmen", "Het lid stemt; mee met de rest gaat hij niet."),
]


def _corpus_words() -> list[str]:
    words: list[str] = []
    for root in CORPORA:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix in (".txt", ".md"):
                text = path.read_text(encoding="utf-8", errors="replace")
                words.extend(w.lower() for w in re.findall(r"[^\W\d_]+", text))
    return words


def _simplemma() -> Callable[[str], str]:
    import simplemma

    return lambda w: str(simplemma.lemmatize(w, lang="nl")).replace("_", "")


class _AsUsed:
    """The matcher: a word counts for ``lemma(L)`` when it is one of the forms of L
    (:func:`gedragscode.lint.lemmas.forms`)."""

    def __call__(self, word: str) -> object:
        from gedragscode.lint.lemmas import forms

        return forms(word)


def _simplemma_as_used() -> Callable[[str], object]:
    return _AsUsed()


def _spacy_lookup() -> Callable[[str], str]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    return lambda w: table.get(w, w)


def _snowball() -> Callable[[str], str]:
    import snowballstemmer

    stem = snowballstemmer.stemmer("dutch")
    return lambda w: str(stem.stemWord(w))


def _pystemmer() -> Callable[[str], str]:
    import Stemmer

    stem = Stemmer.Stemmer("dutch")
    return lambda w: str(stem.stemWord(w))


def main() -> None:
    candidates: list[tuple[str, Callable[[], Callable[[str], object]], bool]] = [
        ("simplemma", _simplemma, False),
        ("simplemma as used by lint", _simplemma_as_used, False),
        ("spaCy lookup table (spacy-lookups-data)", _spacy_lookup, False),
        ("Snowball (snowballstemmer)", _snowball, True),
        ("Snowball (PyStemmer)", _pystemmer, True),
    ]
    words = _corpus_words()
    distinct = sorted(set(words))
    categories = list(dict.fromkeys(c for c, _, _ in WORDS))
    print(f"Word list: {len(WORDS)} forms; speed over {len(words):,} corpus words ({len(distinct):,} distinct)\n")
    header = (f"{'candidate':<40} " + " ".join(f"{c[:14]:>14}" for c in categories)
              + f" {'all':>7} {'load ms':>8} {'words/s':>10}")
    print(header)
    rows: list[tuple[str, float, float]] = []
    for name, factory, is_stemmer in candidates:
        try:
            started = time.perf_counter()
            fn = factory()
            fn("meldt")
            load = time.perf_counter() - started
        except ImportError as exc:
            print(f"{name:<40} not installed ({exc.name})")
            continue

        def right(form: str, lemma: str) -> bool:
            if isinstance(fn, _AsUsed):  # noqa: B023 - evaluated in this iteration
                return form in fn(lemma)  # type: ignore[operator]  # noqa: B023
            got = fn(form)  # noqa: B023
            if is_stemmer:  # noqa: B023
                return got == fn(lemma)  # noqa: B023
            return got == lemma

        per = []
        for cat in categories:
            items = [(f, lem) for c, f, lem in WORDS if c == cat]
            per.append(sum(right(f, lem) for f, lem in items) / len(items))
        total = sum(right(f, lem) for _, f, lem in WORDS) / len(WORDS)
        rate = float("nan")  # the matcher looks forms up in a set: no per-word lemmatising to time
        if not isinstance(fn, _AsUsed):
            started = time.perf_counter()
            for w in distinct:
                fn(w)
            rate = len(distinct) / (time.perf_counter() - started)
        rows.append((name, load, rate))
        print(f"{name:<40} " + " ".join(f"{p:>14.2f}" for p in per)
              + f" {total:>7.2f} {load * 1000:>8.0f} {rate:>10,.0f}")

    from gedragscode.lint.match import matches_text
    from gedragscode.model import Lemma

    found = sum(matches_text(Lemma((lemma,)), text) for lemma, text in SPLIT)
    wrong = sum(matches_text(Lemma((lemma,)), text) for lemma, text in SPLIT_NEGATIVE)
    print(f"\nSeparable verbs in a sentence (matcher + simplemma): {found}/{len(SPLIT)} found, "
          f"{wrong}/{len(SPLIT_NEGATIVE)} false matches")
    from gedragscode.lint.lemmas import forms

    misses = [f"{f}->{lem}" for _, f, lem in WORDS if f not in forms(lem)]
    print("simplemma (as used) misses: " + (", ".join(misses) or "none"))
    if rows:
        base = rows[0][2]
        print("\nThroughput as a ratio to simplemma: "
              + ", ".join(f"{n} {r / base:.2f}x" for n, _, r in rows if r == r))


if __name__ == "__main__":
    main()
