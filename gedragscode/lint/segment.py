"""Structural segmentation of a code of conduct: units (articles and other blocks), leden, sentences.

:func:`segment` reads the normalised text of a :class:`SourceDocument` the way a jurist would:

1. The text is cut into lines (with exact offsets). Very long lines, as in PDF-to-text
   transcripts where a whole code is on one line, are split further at heading markers
   ("Artikel 2 Titel", "1.2 Onder ...", "Gelet op", "Inleiding") that are not references.
2. The *front matter* is read first: regulation-site metadata ("Geldend van", "Wetstechnische
   informatie" up to "Tekst van de regeling"), the title and Intitulé, and the aanhef ("De raad
   van ...;", "gelet op ...", "besluit:", the besluit's numbered points) up to the start of the
   code proper.
3. The body is read line by line as a small state machine: article headings ("Artikel 2.1",
   "Art. 4", "ARTIKEL 5", "Regel 1 (voor wie)", "Gedragsregel 3", "Bepaling 2", "2.1" standing alone,
   run-in "1.1 De code geldt ..."), chapters
   ("Hoofdstuk 1", "Paragraaf 2", "§ 3", "Deel I", "II ...", "1. Title" over articles 1.x),
   introduction sections, table of contents, oath texts, signatures, toelichting and bijlagen.
   Explanatory sections ("Uitleg bij ...", "Vragen en antwoorden", "Veelgestelde vragen", "Q&A",
   "Hoe werkt ...", "Toelichting: ...") and blocks of answered questions are toelichting wherever
   they stand; such a section ends at an article or chapter heading, or at a heading that starts
   provisions ("Gedragsregels", "Slotbepalingen", or headed sections that hold duties).
   Prose before the first article is introduction; a document without any numbering becomes one
   unit per paragraph.
4. Within a unit, leden ("1.", "1 ", "(1)", "lid 1", "1.2" under "Artikel 1") are marked and the
   text is split into sentences without breaking abbreviations, numbers or list labels.

Everything is linear in the size of the text; offsets are exact so that
``doc.text[s.span.start:s.span.end] == s.text`` for every sentence.
"""

from __future__ import annotations

from dataclasses import replace

from gedragscode.lint.document import Segmentation, SourceDocument
from gedragscode.lint.reading.blocks import read_blocks
from gedragscode.lint.reading.headings import classify
from gedragscode.lint.reading.lines import split_lines
from gedragscode.lint.reading.sentences import split_sentences
from gedragscode.lint.reading.units import UnitReader

__all__ = ["segment", "split_sentences"]


def segment(doc: SourceDocument) -> Segmentation:
    """Cut a document into units with roles, leden and sentences (see the module docstring)."""
    reading, offsets = read_blocks(doc)
    lines = split_lines(reading.text)
    heads = [classify(line) for line in lines]
    seg = UnitReader(reading, lines, heads).run()
    return seg if offsets is None else replace(seg, source=doc, offsets=offsets)
