"""Two codes, as most bodies adopt them: one for the volksvertegenwoordigers, one for the bestuurders.

A raad (Staten, algemeen bestuur, eilandsraad) usually adopts one code for its members and the
commissieleden, and one for the dagelijks bestuur and the chair. :func:`split_code` turns one
code for several offices into those two codes with the same local choices (parameters, terms,
omitted and added clauses, date of entry into force); :func:`build_two_documents` builds both
documents so that they belong together:

* **the same inleiding**: the general paragraphs are identical in both, and both end with the
  same paragraph naming the two codes by their citeertitel; in between each code says, as the
  model words it, on which legal basis it is adopted and to whom it applies;
* **consistent numbering**: each code numbers its chapters and articles from 1 without gaps,
  in the model's order, so an article both codes contain has the same title and the same
  position relative to the other shared articles; references in each toelichting follow that
  code's own numbering;
* each code has its own title, aanhef (legal basis and proposer of its own offices),
  slotbepalingen and signing block, so that each can be adopted and published on its own.

:func:`render_two_codes` renders both in one format.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from typing import Generic, NamedTuple, TypeVar

from gedragscode import templating
from gedragscode.errors import ModelError
from gedragscode.model import Category, Code, Office
from gedragscode.render import doctree, writers
from gedragscode.render.build import build_document
from gedragscode.render.docx_options import DocxOptions, TemplateSource
from gedragscode.resolve import default_code_name

__all__ = ["TwoCodes", "build_two_documents", "render_two_codes", "split_code"]

T = TypeVar("T")


class TwoCodes(NamedTuple, Generic[T]):
    """A pair in the order in which bodies adopt them: representatives first, then executives."""

    volksvertegenwoordigers: T
    """The code for the raadsleden / Statenleden / AB-leden / eilandsraadsleden and commissieleden."""
    bestuurders: T
    """The code for the dagelijks bestuur (wethouders, gedeputeerden, DB-leden, eilandgedeputeerden) and chair."""


def _is_representative(office: Office) -> bool:
    return office.category is Category.VOLKSVERTEGENWOORDIGER


def _the(office: Office) -> str:
    """"de raadsleden"; for the chair, one person: "de burgemeester"."""
    if office.category is Category.VOORZITTER:
        return f"{office.terms.get('lidwoord', 'de')} {office.name}"
    return f"de {office.plural}"


def _part(code: Code, offices: tuple[Office, ...], name: str | None, repeals: str) -> Code:
    body = code.body.id
    clauses = tuple(c for c in code.clauses if any(c.applies.matches(body, o) for o in offices))
    return replace(code, offices=offices, clauses=clauses, repeals=repeals,
                   name=name or default_code_name(code.body, offices, code.place, code.year))


def split_code(code: Code, *, repeals: tuple[str, str] | None = None,
               names: tuple[str, str] | None = None) -> TwoCodes[Code]:
    """Split ``code`` into the code for the volksvertegenwoordigers and the one for the bestuurders.

    Every office of the category volksvertegenwoordiger (raadslid, statenlid, ab_lid,
    eilandsraadslid, commissielid) goes to the first code; the dagelijks bestuurders and the
    chair go to the second. Both keep ``code``'s local choices. ``names`` sets the two
    citeertitels (default: the standard title for each code's offices). ``repeals`` gives the
    former code each new code repeals (``""`` for none); it is required when ``code`` itself
    repeals a code, because that old code must be repealed by the right one of the two.

    Raises :class:`~gedragscode.errors.ModelError` when ``code`` does not have offices of both kinds.
    """
    representatives = tuple(o for o in code.offices if _is_representative(o))
    executives = tuple(o for o in code.offices if not _is_representative(o))
    if not representatives or not executives:
        missing = "volksvertegenwoordiger (bijvoorbeeld raadslid)" if not representatives else \
            "bestuurder (bijvoorbeeld wethouder of burgemeester)"
        raise ModelError(f"twee codes vraagt ambten van beide soorten; er is geen {missing} bij "
                         f"({', '.join(o.id for o in code.offices)})")
    if repeals is None:
        if code.repeals.strip():
            raise ModelError(f"de code trekt '{code.repeals}' in; zeg bij twee codes welke van de twee dat doet "
                             "(--intrekking-vv of --intrekking-bestuur)", code.location)
        repeals = ("", "")
    vv_name, bestuur_name = names if names is not None else (None, None)
    return TwoCodes(_part(code, representatives, vv_name, repeals[0]),
                    _part(code, executives, bestuur_name, repeals[1]))


def companion_paragraph(codes: TwoCodes[Code]) -> str:
    """The paragraph both inleidingen end with: the two codes by their citeertitel."""
    parts = [f"de {doctree.clean_text(c.name)}, voor {templating.join_words([_the(o) for o in c.offices])}"
             for c in codes]
    return ("Voor de politieke ambtsdragers gelden twee gedragscodes met dezelfde opbouw: "
            f"{parts[0]}, en {parts[1]}.")


def build_two_documents(codes: TwoCodes[Code]) -> TwoCodes[doctree.Document]:
    """Both documents, with the shared inleiding (see the module docstring)."""
    closing = companion_paragraph(codes)
    vv, bestuur = (build_document(c) for c in codes)
    return TwoCodes(replace(vv, inleiding=(*vv.inleiding, closing)),
                    replace(bestuur, inleiding=(*bestuur.inleiding, closing)))


def render_two_codes(code: Code, fmt: str = "md", *, repeals: tuple[str, str] | None = None,
                     names: tuple[str, str] | None = None, template: TemplateSource | None = None,
                     date: _dt.date | _dt.datetime | None = None, toc: bool = True) -> TwoCodes[str | bytes]:
    """The two codes of :func:`split_code` rendered in ``fmt`` ("docx" gives bytes, else str).

    ``repeals`` and ``names`` as in :func:`split_code`; ``template``, ``date`` and ``toc`` as in
    :func:`gedragscode.render` (Word only). Both are rendered before anything is returned, so
    an error in either leaves nothing half done.
    """
    documents = build_two_documents(split_code(code, repeals=repeals, names=names))
    options = DocxOptions(template=template, date=date, toc=toc)
    return TwoCodes(writers.write(documents.volksvertegenwoordigers, fmt, options),
                    writers.write(documents.bestuurders, fmt, options))
