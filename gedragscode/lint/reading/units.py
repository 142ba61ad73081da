"""Units: the body of a code read into articles, leden and the other blocks, each with a role.

:class:`UnitReader` reads the lines after the front matter as a small state machine: article headings
("Artikel 2.1", "Art. 4", "Regel 1", "2.1" standing alone, run-in "1.1 De code geldt ..."), chapters
("Hoofdstuk 1", "Paragraaf 2", "§ 3", "Deel I", "II ...", "1. Title" over articles 1.x), introduction
sections, table of contents, oath texts, signatures, toelichting and bijlagen. Explanatory sections
("Uitleg bij ...", "Vragen en antwoorden", "Q&A", "Toelichting: ...") and blocks of answered questions
are toelichting wherever they stand; such a section ends at an article or chapter heading, or at a
heading that starts provisions. Prose before the first article is introduction; a document without any
numbering becomes one unit per paragraph. Within a unit, leden ("1.", "(1)", "lid 1", "1.2" under
"Artikel 1") are marked, and the text is split into sentences.
"""

from __future__ import annotations

import re

from gedragscode.lint.document import LidSegment, Role, Segmentation, Span, Unit
from gedragscode.lint.reading.amendments import amendments
from gedragscode.lint.reading.build import Build, Builder
from gedragscode.lint.reading.declared import (
    adopted_bijlage,
    after_closing,
    declared_zones,
    exclusions,
    loose_parts,
    presents_code,
    prose_fallback,
    repealed,
)
from gedragscode.lint.reading.frontmatter import read_front
from gedragscode.lint.reading.headings import (
    SUBITEM,
    Head,
    body_like,
    heading_like,
    is_title_text,
    question_heading,
    starts_upper,
    strip_label,
)
from gedragscode.lint.reading.lines import Line
from gedragscode.lint.reading.roles import (
    BIJLAGE,
    BIJLAGE_LABEL,
    EED,
    EED_END,
    INTRO_STRONG,
    INTRO_WEAK,
    ONDERTEKENING,
    TOC,
    TOELICHTING,
    TOELICHTING_TITLED,
    answered,
    explanation_ends,
    explanatory_heading,
    explanatory_question,
    find_notes,
    intro_declared_part,
    intro_heading,
    is_question,
    is_toc_entry,
    numbered_rules,
    qa_block,
    resumes_code,
    rules_follow,
)
from gedragscode.lint.reading.sentences import rstrip_offset, split_sentences

__all__ = ["UnitReader"]

# "Bijlage bij het besluit van de raad van 5 februari 2025": a bijlage heading longer than most headings
_BIJ_BESLUIT = re.compile(
    r"(?i)bijlagen?\s+(?:\w{1,3}\s+)?(?:behorende\s+)?bij\s+(?:het\s+)?(?:raads|staten)?besluit\b")


class UnitReader(Builder):
    """Reads a document's lines into units (see the module docstring); :meth:`run` does it all."""

    def body(self, start: int, front_aanhef: bool) -> None:
        lines = self.lines
        n = len(lines)
        has_articles = self.first_article is not None
        zone = "pre"  # pre | code | toel | bijl | onder
        intro = False
        # whether any heading follows index i
        heading_after = [False] * (n + 1)
        for i in range(n - 1, -1, -1):
            h = self.heads[i]
            heading_after[i] = (
                heading_after[i + 1]
                or (h is not None and h.kind in ("article", "chapter", "sign", "roman", "letter"))
                or intro_heading(lines[i].core)
                or (heading_like(lines[i]) and i + 1 < n and len(lines[i + 1].core) > 90)
            )
        pre_role: Role = "inleiding" if (has_articles or front_aanhef) else "normatief"
        zone_before = zone
        toel_articles = False
        closing = False  # the explanatory section in hand follows the signature
        i = start
        while i < n:
            line = lines[i]
            core = line.core
            h = self.heads[i]
            # --- zone switches that always apply
            if (
                (TOELICHTING.match(core) or TOELICHTING_TITLED.match(core))
                and len(core) <= 120
                and line.core_start == line.start
            ):
                self.chapters.clear()
                self.open("toelichting", line, heading=core)
                zone = "toel"
                toel_articles = False  # no article heading inside this toelichting yet
                i += 1
                continue
            if (BIJLAGE.match(core) and line.core_start == line.start
                    and (heading_like(line) or _BIJ_BESLUIT.match(core))):
                self.chapters.clear()
                bm = BIJLAGE_LABEL.match(core)
                label = bm.group("label") if bm else core.split(None, 1)[0]
                if adopted_bijlage(self, i, bm.group("num") or "" if bm else ""):
                    # the besluit adopted this bijlage as the code: its structure holds the provisions, and
                    # the besluit's own articles before it (intrekking, inwerkingtreding) do not
                    self.close()
                    self.code_bijlage = True
                    for unit in self.units:
                        if unit.role == "normatief":
                            unit.role = "aanhef"
                    self.open("kop", line, label=label, number=bm.group("num") or "" if bm else "",
                              heading=(bm.group("rest") if bm else "").strip())  # fmt: skip
                    zone, intro, has_articles = "code", False, True
                    i += 1
                    continue
                self.open(
                    "bijlage",
                    line,
                    label=label,
                    number=bm.group("num") or "" if bm else "",
                    heading=(bm.group("rest") if bm else "").strip(),
                )
                zone = "bijl"
                i += 1
                continue
            if (
                zone == "toel"
                and h is not None
                and h.kind == "article"
                and not any(u.role == "normatief" for u in self.units)
                and not (self.cur is not None and self.cur.role == "normatief")
            ):
                zone = "code"  # a toelichting before the code: the first article starts the provisions
            if zone == "toel" and not toel_articles and h is not None and resumes_code(self, i):
                # "Toelichting op artikel 1" inline, then "Artikel 2 ...": the provisions go on. An
                # article-wise toelichting at the end repeats numbers already seen and stays toelichting.
                zone = "code"
            if zone in ("toel", "bijl"):
                role: Role = "toelichting" if zone == "toel" else "bijlage"
                if h is not None and h.kind == "article":
                    if zone == "toel":
                        toel_articles = True
                    titled = is_title_text(h.rest)
                    self.open(
                        role,
                        line,
                        label=h.label,
                        number=h.number,
                        heading=h.rest.strip() if titled else "",
                        body_from=None if titled else h.rest_start,
                    )
                else:
                    self.append(line, role)
                i += 1
                continue
            if TOC.match(core):
                i = self.toc(i)
                continue
            if (
                is_toc_entry(core)
                and i + 2 < n
                and is_toc_entry(lines[i + 1].core)
                and is_toc_entry(lines[i + 2].core)
            ):
                i = self.toc(i, headless=True)
                continue
            if EED.match(core):
                i = self.oath(i)
                continue
            signed = ONDERTEKENING.match(core)
            if signed and (len(core) <= 200 or (len(core) <= 320 and signed.group(0)[:5].lower() == "aldus")):
                # (an "Aldus vastgesteld" line may carry the signatures that a PDF put beside each other)
                if zone == "onder" and self.cur is not None and self.cur.role == "ondertekening":
                    self.cur.add(line)
                else:
                    self.chapters.clear()
                    self.open("ondertekening", line, body_from=line.start)
                zone = "onder"
                i += 1
                continue
            # --- a code without articles whose sections are headed by questions ("Wat doe ik met een
            # cadeau?"): each section is read on its own evidence, not as a block of questions and answers
            if (
                zone in ("pre", "code")
                and not has_articles
                and is_question(self, i)
                and answered(self, i)
                and (self.question_sections or (qa_block(self, i) and rules_follow(self, i)))
            ):
                self.question_sections = True
                explains = explanatory_question(core)
                role = "normatief" if not explains else "inleiding" if zone == "pre" else "toelichting"
                self.open(role, line, heading=core)
                if role == "normatief":
                    zone, intro = "code", False
                i += 1
                continue
            # --- in a code whose sections are questions, "Vragen en antwoorden" over more of them that hold
            # rules groups those sections; it is no explanation. So it is before any provision was read: a
            # code published as "Veelgestelde vragen" whose answers hold its rules.
            if (
                ((self.question_sections and zone == "code") or zone == "pre")
                and not has_articles
                and explanatory_heading(self, i)
                and i + 1 < n
                and is_question(self, i + 1)
                and answered(self, i + 1)
                and rules_follow(self, i + 1)
            ):
                self.open("kop", line, heading=core)
                i += 1
                continue
            # --- explanatory sections: "Uitleg bij ...", "Vragen en antwoorden", a block of questions and answers
            if zone != "uitleg" and (explanatory_heading(self, i) or qa_block(self, i)):
                zone_before, zone = zone, "uitleg"
                # an explanation after the signature explains the code that was signed: only structure
                # (an article, a chapter) ends it, not headed sections that happen to hold duty wording
                closing = zone_before == "onder"
                if zone_before == "onder":
                    zone_before = "code" if self.first_article is not None and self.first_article < i else "pre"
                self._open_explanation(i)
                i += 1
                continue
            if zone == "uitleg":
                if not explanation_ends(self, i, has_articles, closing):
                    if explanatory_heading(self, i) or (is_question(self, i) and answered(self, i)):
                        self._open_explanation(i)
                    else:
                        self.append(line, "toelichting")
                    i += 1
                    continue
                zone = zone_before
                if not has_articles and h is None:
                    zone, intro = "code", False
            if zone == "onder":
                structural = h is not None and h.kind in ("article", "chapter", "sign", "roman")
                if not structural and not intro_heading(core) and len(core) <= 120:
                    self.append(line, "ondertekening")
                    i += 1
                    continue
                zone = "code" if self.first_article is not None and self.first_article < i else "pre"
                if not structural and not intro_heading(core):
                    self.open("toelichting" if zone == "code" else pre_role, line, body_from=line.start)
                    i += 1
                    continue
            # --- headings
            if h is not None and h.kind == "article":
                self.article(h, line)
                zone, intro = "code", False
                i += 1
                continue
            if h is not None and h.kind in ("chapter", "sign", "roman"):
                if h.kind == "sign" and not has_articles:
                    self.article(h, line)
                    zone, intro = "code", False
                    i += 1
                    continue
                level = {"deel": 0, "titel": 1, "hoofdstuk": 1, "onderdeel": 1, "afdeling": 2, "paragraaf": 2}.get(
                    h.label.split()[0].lower() if h.kind == "chapter" else "", 0 if h.kind == "roman" else 2
                )
                self.set_chapter(level, core)
                if intro_heading(h.rest) or (INTRO_STRONG.match(h.rest.strip())):
                    self.open("inleiding", line, label=h.label, number=h.number, heading=h.rest.strip())
                    intro = True
                else:
                    self.open("kop", line, label=h.label, number=h.number, heading=h.rest.strip())
                    intro = False
                    if not has_articles:
                        zone = "code"
                i += 1
                continue
            if intro_heading(core) and (heading_like(line) or line.runon):
                text, _ = strip_label(core)
                label = h.label if h is not None and h.kind in ("numbered", "letter") else ""
                number = h.number if label and h is not None else ""
                kw = INTRO_STRONG.match(text) or INTRO_WEAK.match(text)
                if line.runon and kw is not None and len(text) > kw.end() + 2:
                    self.open("inleiding", line, label=label, number=number, heading=text[: kw.end()],
                              body_from=line.core_start + kw.end())  # fmt: skip
                else:
                    self.open("inleiding", line, label=label, number=number, heading=text.strip())
                intro = True
                i += 1
                continue
            if (
                h is not None
                and h.kind == "letter"
                and heading_like(line)
                and not (self.cur is not None and self.cur.keyword_article)
            ):
                rules = intro and not has_articles and rules_follow(self, i)
                if zone == "pre" and (intro or has_articles) and not rules:
                    self.open("inleiding", line, label=h.label, number=h.number, heading=h.rest.strip())
                else:
                    self.set_chapter(1, core)
                    self.open("normatief", line, label=h.label, number=h.number, heading=h.rest.strip())
                    zone, intro = "code", False
                i += 1
                continue
            if h is not None and h.kind == "numbered" and self.numbered(i, h, line, zone, intro, has_articles):
                if self.cur is not None and self.cur.role == "normatief":
                    zone, intro = "code", False
                i += 1
                continue
            if (
                h is not None
                and h.kind in ("paren", "lidword")
                and self.cur is not None
                and self.cur.role == "normatief"
            ):
                self.mark_lid(h, line)
                i += 1
                continue
            # --- unnumbered headings
            if heading_like(line) and i + 1 < n and not SUBITEM.match(core):
                nxt_h = self.heads[i + 1]
                nxt = lines[i + 1]
                next_is_heading = nxt_h is not None and nxt_h.kind in ("article", "chapter", "sign", "roman")
                next_is_body = body_like(nxt)
                if zone == "pre" and intro and not has_articles and next_is_body and rules_follow(self, i):
                    # An unnumbered code: the introduction ends where headed provisions begin.
                    self.open("normatief", line, heading=core)
                    zone, intro = "code", False
                    i += 1
                    continue
                if zone == "pre" and (intro or has_articles):
                    if next_is_body or next_is_heading:
                        self.open("inleiding", line, heading=core)
                        i += 1
                        continue
                elif zone == "pre" or (zone == "code" and not has_articles):
                    if next_is_heading:
                        self.open("kop", line, heading=core)
                        i += 1
                        continue
                    if next_is_body:
                        self.open("normatief", line, heading=core)
                        zone = "code"
                        i += 1
                        continue
                elif zone == "code" and next_is_heading and (self.cur is None or self.cur.has_body):
                    self.open("kop", line, heading=core)
                    i += 1
                    continue
            # --- plain text
            self.prose(i, line, zone, intro, pre_role, heading_after[i + 1] if i + 1 <= n else False)
            i += 1
        self.close()


    def _open_explanation(self, i: int) -> None:
        line = self.lines[i]
        h = self.heads[i]
        if h is not None and h.kind in ("chapter", "sign", "roman", "letter", "numbered") and h.rest.strip():
            self.chapters.clear()
            self.open("toelichting", line, label=h.label, number=h.number, heading=h.rest.strip())
        else:
            self.open("toelichting", line, heading=line.core)

    def prose(self, i: int, line: Line, zone: str, intro: bool, pre_role: Role, heading_follows: bool) -> None:
        cur = self.cur
        if cur is not None and cur.role in ("normatief", "inleiding", "eed") and cur.role != "eed":
            if cur.role == "normatief" and not cur.label and not cur.heading and not self.lines_have_articles():
                # Unnumbered code: every paragraph is a unit of its own.
                gap = self.text.count("\n", cur.end, line.start) >= 2
                if gap:
                    self.open("normatief", line, body_from=line.start)
                    return
            cur.add(line)
            return
        if cur is not None and cur.role == "toelichting" and zone == "code":
            cur.add(line)  # explanatory text after the signature goes on until a heading
            return
        if cur is not None and cur.role in ("aanhef", "titel", "metadata") and zone == "pre":
            # right after "vast te stellen de volgende gedragsregels:" the rules themselves begin
            follows = heading_follows and not (self.adopted and cur.role == "aanhef")
            role: Role = "inleiding" if (pre_role == "inleiding" or follows) else "normatief"
            self.open(role, line, body_from=line.start)
            return
        if zone == "pre":
            role = "inleiding" if (intro or pre_role == "inleiding" or heading_follows) else "normatief"
        elif zone == "code":
            role = "normatief"
        else:
            role = pre_role
        if cur is not None and cur.role == "kop" and not cur.has_body and cur.label and role == "normatief":
            # A heading followed by text: the text belongs to it.
            cur.role = "normatief"
            cur.add(line)
            return
        if cur is not None and cur.role == role and cur.role != "kop":
            cur.add(line)
            return
        self.open(role, line, body_from=line.start)

    def lines_have_articles(self) -> bool:
        return self.first_article is not None

    def article(self, h: Head, line: Line) -> None:
        self.article_numbers.append(h.number)
        title = h.rest.strip()
        if title and is_title_text(title, 120):
            self.open("normatief", line, label=h.label, number=h.number, heading=title, keyword_article=True)
        elif title:
            self.open("normatief", line, label=h.label, number=h.number, body_from=h.rest_start, keyword_article=True)
        else:
            self.open("normatief", line, label=h.label, number=h.number, keyword_article=True)

    def mark_lid(self, h: Head, line: Line) -> None:
        assert self.cur is not None
        label = h.number
        text_start = h.rest_start if h.rest else line.end
        self.cur.add(line)
        self.cur.lids.append((label, line.start, text_start))

    def numbered(self, i: int, h: Head, line: Line, zone: str, intro: bool, has_articles: bool) -> bool:
        """Handle a line starting with a number; False when it is just text."""
        cur = self.cur
        parts = h.number.split(".")
        rest = h.rest.strip()
        title = is_title_text(rest, 80)
        # "1. Algemene bepalingen" over articles 1.1, 1.2: a chapter
        if len(parts) == 1 and h.dot and title and rest:
            nxt = self.next_numbered[i]
            if nxt < len(self.lines):
                nh = self.heads[nxt]
                if (
                    nh is not None
                    and nh.number.startswith(h.number + ".")
                    and (not (cur is not None and cur.keyword_article) or nh.kind == "article")
                ):
                    self.set_chapter(1, line.core)
                    self.open("kop", line, label=h.label, number=h.number, heading=rest)
                    return True
        if question_heading(line, h) and not (cur is not None and cur.keyword_article):
            # "3. Wat doe ik met een geschenk?": a section headed by a question
            role: Role = "normatief"
            if zone == "pre" and (has_articles or intro) and not rules_follow(self, i):
                role = "inleiding"
            self.open(role, line, label=h.label, number=h.number, heading=rest)
            return True
        if self.titled_lid(i, h, rest, title):
            # "Geschenken" (or "Mag ik een cadeau houden?") then "1. ...", "2. ...": the leden of an
            # article that has a title but no number, as in a table of subjects or a plain-language code
            assert self.cur is not None
            self.cur.role = "normatief"
            self.mark_lid(h, line)
            return True
        if (
            cur is not None
            and cur.role == "normatief"
            and not cur.keyword_article
            and not cur.heading
            and not cur.lids
            and cur.number.isdigit()
            and h.number == str(int(cur.number) + 1)
            and rest
            and not title
        ):
            # "1. Een raadslid meldt ..." then "2. De griffier ...": numbered paragraphs side by side
            self.open("normatief", line, label=h.label, number=h.number, body_from=h.rest_start)
            return True
        if cur is not None and cur.role == "normatief" and cur.number:
            # a lid of the current article?
            if len(parts) >= 2 and h.number.startswith(cur.number + "."):
                self.mark_lid(h, line)
                return True
            if len(parts) == 1 and (cur.keyword_article or cur.lids or not title or "." in cur.number):
                value = int(parts[0])
                last = cur.last_lid_number()
                sequential = (last is None and value <= 2) or (last is not None and value == last + 1)
                if sequential and (rest or h.dot or last is not None or value == 1):
                    self.mark_lid(h, line)
                    return True
                if cur.keyword_article:
                    return False
        if len(parts) >= 2:
            if rest and not starts_upper(rest):
                return False
            if zone == "pre" and not self.strong_article(i):
                return False
            heading = rest if title else ""
            body_from = None if (title or not rest) else h.rest_start
            self.open("normatief", line, label=h.label, number=h.number, heading=heading, body_from=body_from)
            self.article_numbers.append(h.number)
            return True
        # single number outside an article
        if (zone == "pre" and (intro or self.adopted) and h.dot and rest and not title
                and (numbered_rules(self, i, at_least=6, duties_at_least=4) if has_articles
                     else numbered_rules(self, i))):
            # numbered paragraphs with duties after an introduction or an adoption: the provisions begin
            # (before articles found further on, only a long run: those articles may be the toelichting's)
            self.open("normatief", line, label=h.label, number=h.number, body_from=h.rest_start)
            return True
        if zone == "pre" and (has_articles or intro):
            if title and rest and heading_like(line):
                # after an introduction, headed sections that hold duties are the provisions
                starts = intro and not has_articles and rules_follow(self, i)
                self.open("normatief" if starts else "inleiding", line, label=h.label, number=h.number, heading=rest)
                return True
            return False
        if (not has_articles and zone != "pre") or (not has_articles and not intro):
            if cur is not None and cur.role == "normatief" and not cur.number and cur.lids:
                value = int(parts[0])
                last = cur.last_lid_number()
                if last is not None and value == last + 1:
                    self.mark_lid(h, line)
                    return True
            if title and rest:
                self.open("normatief", line, label=h.label, number=h.number, heading=rest)
                return True
            if h.dot or rest:
                self.open("normatief", line, label=h.label, number=h.number,
                          body_from=h.rest_start if rest else None)  # fmt: skip
                return True
        return False

    def titled_lid(self, i: int, h: Head, rest: str, title: bool) -> bool:
        """Whether the numbered line ``i`` is a lid of the current unit, a section with a title and no
        number: "1." right after the title (the heading has no text of its own yet), or the next number
        of its leden. A run of numbers under one title counts as leden only when it is short or when the
        numbering starts again at 1 under a later title; one title over a code of numbered paragraphs
        ("Gedragsregels", then 1 to 20) keeps its paragraphs as units."""
        cur = self.cur
        if cur is None or not cur.heading or cur.number or cur.label or cur.keyword_article:
            return False
        if "." in h.number or not rest or title or cur.role not in ("kop", "normatief"):
            return False
        value = int(h.number)
        last = cur.last_lid_number()
        if last is None:
            if value != 1 or (cur.role == "normatief" and cur.has_body) or (cur.role == "kop" and cur.has_body):
                return False
            return self._numbering_restarts(i)
        return value == last + 1

    def _numbering_restarts(self, i: int, short: int = 8) -> bool:
        """Whether the numbered paragraphs from line ``i`` on are a short run, or are followed by a title
        after which the numbering starts at 1 again."""
        count, seen_title = 0, False
        for k in range(i, len(self.lines)):
            head = self.heads[k]
            if head is not None and head.kind in ("article", "chapter", "sign", "roman"):
                return count <= short
            if head is not None and head.number.isdigit():
                if seen_title:
                    return head.number == "1"
                count += 1
                continue
            if heading_like(self.lines[k]):
                seen_title = True
        return count <= short

    def toc(self, i: int, headless: bool = False) -> int:
        lines = self.lines
        n = len(lines)
        start_line = lines[i]
        seen: set[str] = set()
        j = i if headless else i + 1
        with_numbers = 0

        def key(core: str) -> str:
            core = re.sub(r"(?:\s*(?:\.{2,}|…+|_{3,}|(?:\s\.){2,})\s*|\s+)\d{1,3}$", "", core)
            return " ".join(core.lower().split())

        stopped_on_prose = False
        while j < n:
            core = lines[j].core
            if len(core) > 120 or (core.endswith(".") and not is_toc_entry(core) and len(core) > 40):
                stopped_on_prose = True
                break
            k = key(core)
            if k in seen:
                break
            seen.add(k)
            if is_toc_entry(core) or re.search(r"\s\d{1,3}$", core):
                with_numbers += 1
            elif headless:
                break
            j += 1
        if stopped_on_prose and j - 1 > i and with_numbers * 2 < (j - i):
            j -= 1  # the heading right before the prose starts the text
        if j <= i:
            j = i + 1
        self.open("inhoudsopgave", start_line, body_from=None if not headless else start_line.start)
        for k2 in range(i + 1 if not headless else i, j):
            assert self.cur is not None
            self.cur.add(lines[k2])
        self.close()
        return j

    def oath(self, i: int) -> int:
        lines = self.lines
        n = len(lines)
        end = i
        for j in range(i, min(n, i + 15)):
            if j > i and self.heads[j] is not None and self.heads[j].kind in ("article", "chapter"):  # type: ignore[union-attr]
                break
            if EED_END.search(lines[j].core):
                end = j
                break
        previous = self.cur
        self.close()
        unit = Build("eed", previous.label if previous and previous.role == "normatief" else "",
                      previous.number if previous and previous.role == "normatief" else "",
                      previous.heading if previous and previous.role == "normatief" else "",
                      self.chapter, lines[i].start, lines[i].start, lines[i].end)  # fmt: skip
        for j in range(i, end + 1):
            unit.add(lines[j])
        self.units.append(unit)
        if previous is not None and previous.role == "normatief" and end + 1 < n:
            nh = self.heads[end + 1]
            if nh is None or nh.kind not in ("article", "chapter", "sign", "roman"):
                cont = Build("normatief", previous.label, previous.number, previous.heading, previous.chapter,
                              lines[end + 1].start, lines[end + 1].start, lines[end + 1].start,
                              keyword_article=previous.keyword_article)  # fmt: skip
                self.cur = cont  # becomes a unit only when text is added to it
        return end + 1

    # -- finishing -----------------------------------------------------------------------------

    def run(self) -> Segmentation:
        if not self.lines:
            return Segmentation(self.doc, ())
        front_end = read_front(self)
        front_aanhef = any(u.role == "aanhef" for u in self.units) or (
            self.cur is not None and self.cur.role == "aanhef"
        )
        if self.adopted and not self.lines_have_articles():
            # an unnumbered regulation right after its adoption sentence: its paragraphs are the rules
            front_aanhef = False
        self.body(front_end, front_aanhef)
        intro_declared_part(self)
        after_closing(self)
        declared_zones(self)
        exclusions(self)
        repealed(self)
        amendments(self)
        loose_parts(self)
        prose_fallback(self, presents_code(self))
        return Segmentation(self.doc, tuple(self.finish()))


    def finish(self) -> list[Unit]:
        out: list[Unit] = []
        text = self.text
        for b in self.units:
            if not b.has_body and b.end <= b.start:
                continue
            role: Role = b.role
            body_start = b.body_start if b.has_body else b.end
            end = b.end
            if not b.has_body or not text[body_start:end].strip():
                body_start = end
                if role in ("normatief", "inleiding"):
                    role = "kop"
            pieces = find_notes(self.text, b.lids, body_start, end) if role == "normatief" else []
            if pieces:
                out.extend(self._split_notes(b, body_start, end, pieces))
                continue
            leden = self.leden(b, body_start, end)
            out.append(
                Unit(
                    label=b.label,
                    number=b.number,
                    heading=" ".join(b.heading.split()),
                    chapter=b.chapter,
                    role=role,
                    span=Span(b.start, end),
                    body_span=Span(body_start, end),
                    leden=leden,
                )
            )
        # drop empty continuations and keep document order
        out.sort(key=lambda u: u.span.start)
        return out


    def _split_notes(self, b: Build, body_start: int, end: int, notes: list[tuple[int, int]]) -> list[Unit]:
        """The article cut around its explanatory notes: the provisions keep the article's label and
        stay normative, each note becomes a toelichting unit."""
        out: list[Unit] = []
        heading = " ".join(b.heading.split())
        cursor = b.start
        body = body_start
        for note_start, note_end in notes:
            if self.text[body:note_start].strip() or cursor == b.start:
                piece_end = rstrip_offset(self.text, cursor, note_start)
                has_text = bool(self.text[body:piece_end].strip()) if body < piece_end else False
                piece_body = body if has_text else piece_end
                out.append(Unit(b.label, b.number, heading, b.chapter, "normatief" if has_text else "kop",
                                Span(cursor, piece_end), Span(piece_body, piece_end),
                                self.leden(b, piece_body, piece_end)))  # fmt: skip
            out.append(Unit("", "", "", b.chapter, "toelichting", Span(note_start, note_end),
                            Span(note_start, note_end), self.leden(b, note_start, note_end)))  # fmt: skip
            rest = note_end
            while rest < end and self.text[rest].isspace():
                rest += 1
            cursor = body = rest
        if cursor < end and self.text[cursor:end].strip():
            out.append(Unit(b.label, b.number, heading, b.chapter, "normatief", Span(cursor, end),
                            Span(cursor, end), self.leden(b, cursor, end)))  # fmt: skip
        return out

    def leden(self, b: Build, body_start: int, end: int) -> tuple[LidSegment, ...]:
        if body_start >= end:
            return ()
        marks = [(label, s, t) for (label, s, t) in b.lids if body_start <= s < end]
        segments: list[LidSegment] = []
        if not marks:
            return (LidSegment("", Span(body_start, end), split_sentences(self.text, body_start, end)),)
        first = marks[0][1]
        if self.text[body_start:first].strip():
            pre_end = rstrip_offset(self.text, body_start, first)
            segments.append(LidSegment("", Span(body_start, pre_end), split_sentences(self.text, body_start, pre_end)))
        for k, (label, s, t) in enumerate(marks):
            lid_end = marks[k + 1][1] if k + 1 < len(marks) else end
            lid_end = rstrip_offset(self.text, s, lid_end)
            t = min(max(t, s), lid_end)
            segments.append(LidSegment(label, Span(s, lid_end), split_sentences(self.text, t, lid_end)))
        return tuple(segments)
