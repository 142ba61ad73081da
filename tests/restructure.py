"""Rewrite the structure of a rendered code the way real published codes differ from the model.

Used by the reading property test (``test_reading_properties.py``): the clauses stay, their wording
stays, only the structure changes — heading style of articles and chapters (Artikel, Art., §, Regel,
numbered, lettered, roman numerals, questions, bold lines, no headings at all), lid style (numbers,
brackets, "lid N", bullets, none), and layout (paragraphs, hard-wrapped and hyphenated lines, pages as a
PDF extraction gives them with running headers, footers and page numbers).
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field

ARTICLE_STYLES = (
    "artikel", "artikel_bare", "art", "ARTIKEL", "sign", "regel", "numbered", "numbered_md", "lettered", "roman",
    "roman_dot", "question", "question_md", "question_plain", "bold", "title_only", "none",
)  # fmt: skip
CHAPTER_STYLES = ("hoofdstuk", "HOOFDSTUK_roman", "paragraaf", "deel", "onderdeel", "caps", "none")
LID_STYLES = ("number", "paren", "bracket", "lidword", "bullet", "plain")
SUB_STYLES = ("letter_dot", "letter_paren", "paren_letter", "dash")
INTRO_STYLES = ("inleiding", "waarom", "preambule", "none")
LAYOUTS = ("paragraphs", "hardwrap", "pdf")


@dataclass
class Para:
    lid: int | None
    text: str
    subs: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Article:
    number: int
    title: str
    paras: list[Para] = field(default_factory=list)


@dataclass
class Chapter:
    number: int
    title: str
    articles: list[Article] = field(default_factory=list)


@dataclass
class Parsed:
    title: str
    front: list[str]
    intro: list[str]
    chapters: list[Chapter]
    closing: list[str]


_LID = re.compile(r"^(\d+)\\\. (.*)$", re.DOTALL)
_SUB = re.compile(r"^- ([a-z])\. (.*)$", re.DOTALL)


def parse_rendered(md: str) -> Parsed:
    """The structure of a Markdown code as ``render`` writes it (the toelichting is left out)."""
    md = md.split("\n## Toelichting", 1)[0]
    blocks = [b.strip() for b in md.split("\n\n") if b.strip()]
    title = ""
    front: list[str] = []
    intro: list[str] = []
    chapters: list[Chapter] = []
    closing: list[str] = []
    where = "front"
    for block in blocks:
        if block.startswith("# "):
            title = block[2:].strip()
        elif block == "## Inleiding":
            where = "intro"
        elif m := re.match(r"^## Hoofdstuk (\d+) (.*)$", block):
            chapters.append(Chapter(int(m.group(1)), m.group(2)))
            where = "code"
        elif m := re.match(r"^### Artikel (\d+) (.*)$", block):
            if not chapters:
                chapters.append(Chapter(0, ""))
            chapters[-1].articles.append(Article(int(m.group(1)), m.group(2)))
            where = "code"
        elif where == "front":
            front.append(block)
        elif where == "intro":
            intro.append(block)
        elif where == "closing" or block.startswith(("Aldus", "De griffier", "De burgemeester", "De voorzitter")):
            where = "closing"
            closing.append(block)
        else:
            article = chapters[-1].articles[-1]
            for line in block.split("\n"):
                if sub := _SUB.match(line):
                    if not article.paras:
                        article.paras.append(Para(None, ""))
                    article.paras[-1].subs.append((sub.group(1), sub.group(2)))
                elif lid := _LID.match(line):
                    article.paras.append(Para(int(lid.group(1)), lid.group(2)))
                else:
                    article.paras.append(Para(None, line))
    return Parsed(title, front, intro, chapters, closing)


_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
           "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII")  # fmt: skip


def _roman(n: int) -> str:
    return _ROMANS[n - 1] if 0 < n <= len(_ROMANS) else str(n)


def _letter(n: int) -> str:
    return chr(ord("A") + n - 1) if 0 < n <= 26 else str(n)


def _question(title: str, n: int, variant: int) -> str:
    low = title[:1].lower() + title[1:]
    forms = (
        f"Wat geldt er voor {low}?",
        f"Ik heb te maken met {low}. Wat moet ik doen?",
        f"Hoe ga ik om met {low}?",
        f"Wat spreken we af over {low}?",
    )
    return forms[(n + variant) % len(forms)]


@dataclass(frozen=True)
class Style:
    article: str = "artikel"
    chapter: str = "hoofdstuk"
    lid: str = "number"
    sub: str = "letter_dot"
    intro: str = "inleiding"
    layout: str = "paragraphs"
    markdown: bool = False
    width: int = 72
    page_lines: int = 45
    header: str = "title"  # title | none
    footer: str = "pagina"  # pagina | dash | bare | none
    seed: int = 0


def _article_heading(style: Style, article: Article, md: bool) -> str | None:
    n, t = article.number, article.title
    h = "### " if md else ""
    match style.article:
        case "artikel":
            return f"{h}Artikel {n} {t}"
        case "artikel_bare":
            return f"{h}Artikel {n}\n\n{t}"
        case "art":
            return f"{h}Art. {n} - {t}"
        case "ARTIKEL":
            return f"{h}ARTIKEL {n}. {t.upper()}"
        case "sign":
            return f"{h}§ {n} {t}"
        case "regel":
            return f"{h}Regel {n}: {t}"
        case "numbered":
            return f"{n}. {t}"
        case "numbered_md":
            return f"### {n}. {t}" if md else f"{n}. {t}"
        case "lettered":
            return f"{h}{_letter(n)}. {t}"
        case "roman":
            return f"{h}{_roman(n)} {t.upper()}"
        case "roman_dot":
            return f"{h}{_roman(n)}. {t}"
        case "question":
            return f"{n}. {_question(t, n, style.seed)}"
        case "question_md":
            return f"## {n}. {_question(t, n, style.seed)}" if md else f"{n}. {_question(t, n, style.seed)}"
        case "question_plain":
            return f"{h}{_question(t, n, style.seed)}"
        case "bold":
            return f"**{t}**" if md else t
        case "title_only":
            return f"{h}{t}"
    return None


def _chapter_heading(style: Style, chapter: Chapter, md: bool) -> str | None:
    if not chapter.title:
        return None
    n, t = chapter.number, chapter.title
    h = "## " if md else ""
    match style.chapter:
        case "hoofdstuk":
            return f"{h}Hoofdstuk {n} {t}"
        case "HOOFDSTUK_roman":
            return f"{h}HOOFDSTUK {_roman(n)} {t.upper()}"
        case "paragraaf":
            return f"{h}Paragraaf {n}. {t}"
        case "deel":
            return f"{h}Deel {_letter(n)} - {t}"
        case "onderdeel":
            return f"{h}Onderdeel {_letter(n)}. {t}"
        case "caps":
            return f"{h}{t.upper()}"
    return None


def _lid_label(style: Style, number: int) -> str:
    match style.lid:
        case "number":
            return f"{number}."
        case "paren":
            return f"({number})"
        case "bracket":
            return f"{number})"
        case "lidword":
            return f"lid {number}"
        case "bullet":
            return "•"
    return ""


def _sub_label(style: Style, letter: str) -> str:
    match style.sub:
        case "letter_dot":
            return f"{letter}."
        case "letter_paren":
            return f"{letter})"
        case "paren_letter":
            return f"({letter})"
    return "-"


def _escape_md(line: str) -> str:
    """Keep Markdown from reading a label as its own list syntax ("1." ordered list is fine, "-" is a bullet)."""
    return re.sub(r"^(\d+)\. ", r"\1\\. ", line)


def restructure(parsed: Parsed, style: Style) -> str:
    """The code in ``style``: a list of paragraphs joined by blank lines, then laid out."""
    md = style.markdown and style.layout == "paragraphs"
    paras: list[str] = [f"# {parsed.title}" if md else parsed.title, *parsed.front]
    intro_heading = {"inleiding": "Inleiding", "waarom": "Waarom deze code?", "preambule": "Preambule"}.get(style.intro)
    if intro_heading:
        paras.append(f"## {intro_heading}" if md else intro_heading)
    paras.extend(parsed.intro)
    running = 0
    for chapter in parsed.chapters:
        heading = _chapter_heading(style, chapter, md)
        if heading and style.article != "none":
            paras.append(heading)
        for article in chapter.articles:
            heading = _article_heading(style, article, md)
            if heading:
                paras.append(heading)
            for para in article.paras:
                label = ""
                if style.article == "none":
                    running += 1
                    label = f"{running}."
                elif para.lid is not None:
                    label = _lid_label(style, para.lid)
                text = para.text
                if label and text:
                    text = f"{label} {text}"
                if text:
                    paras.append(_escape_md(text) if md and style.lid == "number" else text)
                for letter, sub in para.subs:
                    line = f"{_sub_label(style, letter)} {sub}"
                    paras.append(f"- {line}" if md and style.sub != "dash" else line)
    paras.extend(parsed.closing)
    if style.layout == "paragraphs":
        return "\n\n".join(paras) + "\n"
    rng = random.Random(style.seed)
    lines: list[str] = []
    for para in paras:
        lines.extend(_wrap(para, style.width, rng))
        if style.layout == "hardwrap" or rng.random() < 0.5:
            lines.append("")
    if style.layout == "hardwrap":
        return "\n".join(lines) + "\n"
    return _paginate(lines, parsed.title, style)


def _wrap(para: str, width: int, rng: random.Random) -> list[str]:
    """Hard-wrap a paragraph; a long word at a line end is hyphenated like a word processor does."""
    out: list[str] = []
    for line in textwrap.wrap(para, width=width, break_long_words=False, break_on_hyphens=False):
        if out and rng.random() < 0.4:
            # move the first word of this line back, hyphenated, if it is long enough
            first, _, rest = line.partition(" ")
            if len(first) >= 8 and first.isalpha() and len(out[-1]) + 5 < width + 10:
                cut = rng.randint(3, len(first) - 3)
                out[-1] = f"{out[-1]} {first[:cut]}-"
                line = first[cut:] + (f" {rest}" if rest else "")
        out.append(line)
    return out


def _paginate(lines: list[str], title: str, style: Style) -> str:
    """Pages separated by a form feed, with a running header and a footer as a PDF extraction gives."""
    pages = [lines[i : i + style.page_lines] for i in range(0, len(lines), style.page_lines)]
    total = len(pages)
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        body = list(page)
        if style.header == "title":
            body.insert(0, title)
        match style.footer:
            case "pagina":
                body.append(f"Pagina {number} van {total}")
            case "dash":
                body.append(f"- {number} -")
            case "bare":
                body.append(str(number))
        out.append("\n".join(body))
    return "\f".join(out) + "\n"
