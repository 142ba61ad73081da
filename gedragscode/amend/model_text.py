"""The tailored model text, laid out in the existing code's own style.

The text a besluit inserts comes from the render layer (:func:`gedragscode.render.build.build_document`
for the tailored code: body terms, parameters, the code's own words); this module only lays it out the
way the existing code writes articles and leden: its article keyword ("Artikel", "Art.", "ARTIKEL"),
titles or none, and its lid markers ("1.", "(1)", "1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gedragscode.amend.structure import ArticleRef, CodeStructure
from gedragscode.render import doctree

__all__ = ["LidStyle", "NewArticle", "NewLid", "lid_style", "new_article", "new_lid"]

_MARKER = re.compile(r"^(?P<open>\()?(?P<n>\d{1,3})(?P<close>[.)])?(?P<space>[ \t]+)")


@dataclass(frozen=True)
class LidStyle:
    """How the existing code writes a lid number: "1. ", "(1) ", "1) ", "1 "."""

    open: str = ""
    close: str = "."

    def marker(self, number: int | str) -> str:
        return f"{self.open}{number}{self.close} "


def lid_marker(text: str) -> str:
    """The lid marker at the start of a lid's text ("2. ", "(2) "), "" when there is none."""
    m = _MARKER.match(text)
    return m.group(0) if m else ""


def lid_style(text: str, structure: CodeStructure) -> LidStyle:
    """The lid style of the first numbered lid in the code (default "1. ")."""
    for article in structure.articles:
        for lid in article.leden:
            if lid.label:
                m = _MARKER.match(text[lid.span.start:lid.span.end])
                if m:
                    return LidStyle(m.group("open") or "", m.group("close") or "")
    return LidStyle()


@dataclass(frozen=True)
class NewLid:
    """A lid of model text: its text and lettered onderdelen."""

    text: str
    onderdelen: tuple[tuple[str, str], ...] = ()

    def paragraphs(self, marker: str = "") -> list[str]:
        """The lid as paragraphs: ``marker`` + text, then "a. ..." per onderdeel."""
        first = (marker + self.text).strip()
        return [p for p in [first, *(f"{label}. {text}" for label, text in self.onderdelen)] if p]

    def render(self, marker: str = "") -> str:
        """The lid as text, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs(marker))

    @property
    def plain(self) -> str:
        """All words of the lid on one line (for similarity)."""
        return " ".join([self.text, *(text for _label, text in self.onderdelen)])


def new_lid(lid: doctree.Lid) -> NewLid:
    """A rendered lid as :class:`NewLid`."""
    return NewLid(lid.text, tuple((o.label, o.text) for o in lid.onderdelen))


@dataclass(frozen=True)
class NewArticle:
    """An article of model text in the existing code's numbering and style."""

    clause_id: str
    heading: str
    """The heading line: "Artikel 2.4a Onverenigbare betrekkingen" (without title when the code has none)."""
    number: str
    title: str
    scope_note: str
    leden: tuple[NewLid, ...]
    style: LidStyle = LidStyle()

    def paragraphs(self) -> list[str]:
        out = [self.heading]
        if self.scope_note:
            out.append(self.scope_note)
        single = len(self.leden) == 1
        for i, lid in enumerate(self.leden, start=1):
            out.extend(lid.paragraphs("" if single else self.style.marker(i)))
        return out

    def render(self) -> str:
        """The article as text: heading, scope note, leden; paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs())


def heading_prefix(anchor: ArticleRef) -> str:
    """The article keyword as the code writes it ("Artikel ", "Art. ", "ARTIKEL ", "§ ");
    "Artikel " for bare numbers."""
    label = anchor.label
    at = label.rfind(anchor.number)
    prefix = label[:at] if at > 0 else ""
    if not prefix.strip():
        return "Artikel "
    if anchor.noun == "paragraaf":  # "§ 3.4a": the code's own sign, so that it reads the new one as its own
        return prefix.rstrip() + " "
    return prefix if prefix.endswith((" ", "\u00a0")) else prefix + " "


def new_article(article: doctree.Article, number: str, anchor: ArticleRef, structure: CodeStructure,
                style: LidStyle, title: str | None = None) -> NewArticle:
    """The rendered model ``article`` as article ``number`` of the existing code.

    ``title`` overrides the title (the existing article's own title when an article is replaced);
    by default the model title is used when the code's articles carry titles.
    """
    chosen = (article.title if structure.titled else "") if title is None else title
    heading = f"{heading_prefix(anchor)}{number}" + (f" {chosen}" if chosen else "")
    return NewArticle(article.clause_id, heading, number, chosen, article.scope_note,
                      tuple(new_lid(lid) for lid in article.leden), style)
