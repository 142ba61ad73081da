"""The library functions behind ``gedragscode wijzig``.

::

    import gedragscode

    plan = gedragscode.plan_amendment("gedragscode-2016.pdf")             # lint + plan, nothing written
    besluit = gedragscode.render_amendment(plan, "besluit", "docx")       # bytes
    tekst = gedragscode.render_amendment(plan, "geconsolideerd", "html")  # str, changes marked
    voorstel = gedragscode.render_amendment(plan, "raadsvoorstel", "md")
    for item in gedragscode.amendment_checklist(plan): ...               # "nog te controleren"

    # one call from bytes, e.g. for an upload on a web page:
    data = gedragscode.amend(upload_bytes, "code.docx", product="besluit", fmt="docx")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Literal

from gedragscode.amend.page import Page
from gedragscode.amend.plan import AmendmentOptions, AmendmentPlan, plan_amendment_document
from gedragscode.amend.writers import FORMATS, write
from gedragscode.errors import ModelError
from gedragscode.model import Model
from gedragscode.render.doctree import CheckItem
from gedragscode.render.docx_options import DocxOptions

__all__ = ["PRODUCTS", "Product", "amend", "amendment_checklist", "page", "plan_amendment", "render_amendment"]

Product = Literal["besluit", "geconsolideerd", "raadsvoorstel"]
PRODUCTS: tuple[Product, ...] = ("besluit", "geconsolideerd", "raadsvoorstel")


def _options(options: AmendmentOptions | None, body: str | None, offices: Sequence[str] | None, place: str | None,
             title: str | None, settings: Mapping[str, str] | None, include: Sequence[str],
             exclude: Sequence[str], effective: str, adopted: str) -> AmendmentOptions:
    base = options or AmendmentOptions()
    changes: dict[str, object] = {}
    if body is not None:
        changes["body"] = body
    if offices:
        changes["offices"] = tuple(offices)
    if place is not None:
        changes["place"] = place
    if title is not None:
        changes["title"] = title
    if settings:
        changes["settings"] = dict(settings)
    if include:
        changes["include"] = tuple(include)
    if exclude:
        changes["exclude"] = tuple(exclude)
    if effective:
        changes["effective"] = effective
    if adopted:
        changes["adopted"] = adopted
    return replace(base, **changes)  # type: ignore[arg-type]


def plan_amendment(source: str | Path, *, data: bytes | None = None, model: Model | None = None,
                   options: AmendmentOptions | None = None, body: str | None = None,
                   offices: Sequence[str] | None = None, place: str | None = None, title: str | None = None,
                   settings: Mapping[str, str] | None = None, include: Sequence[str] = (),
                   exclude: Sequence[str] = (), effective: str = "", adopted: str = "",
                   format: str | None = None) -> AmendmentPlan:
    """Read an existing code (a path, or a file name with ``data``) and plan its wijzigingsbesluit.

    The keyword arguments are the fields of :class:`AmendmentOptions` (they override ``options``):
    ``body``/``offices`` when lint should not detect them, ``place`` (``--naam``), ``title`` (the
    existing code's citeertitel), ``settings`` (as ``render --set``), ``include`` (optional clauses,
    ``--met``), ``exclude`` (``--zonder``), ``effective`` (entry into force), ``adopted`` (date).
    Raises :class:`~gedragscode.amend.structure.UnrecognisedStructureError` for a code whose articles
    were not recognised, :class:`~gedragscode.errors.DocumentError` for an unreadable file.
    """
    from gedragscode.lint.readers import read_document

    doc = read_document(source, data=data, format=format)
    chosen = _options(options, body, offices, place, title, settings, include, exclude, effective, adopted)
    return plan_amendment_document(doc, model=model, options=chosen)


def page(plan: AmendmentPlan, product: str = "besluit", fmt: str = "md") -> Page:
    """The document model of one product (before a writer turns it into ``fmt``)."""
    if product == "besluit":
        from gedragscode.amend.besluit import besluit_page

        return besluit_page(plan)
    if product == "geconsolideerd":
        from gedragscode.amend.geconsolideerd import consolidated_page

        return consolidated_page(plan, note=fmt != "md")
    if product == "raadsvoorstel":
        from gedragscode.amend.raadsvoorstel import proposal_page

        return proposal_page(plan)
    raise ModelError(f"onbekend product {product!r}; kies uit: {', '.join(PRODUCTS)}")


def render_amendment(plan: AmendmentPlan, product: str = "besluit", fmt: str = "md", *,
                     docx: DocxOptions | None = None) -> str | bytes:
    """One product of ``plan`` in ``fmt`` ("md" and "html" give str, "docx" gives bytes).

    ``product``: ``"besluit"`` (the wijzigingsbesluit), ``"geconsolideerd"`` (the existing code with the
    amendments applied; HTML marks them with ``<ins>``/``<del>``, DOCX as Word revisions, Markdown is the
    clean text) or ``"raadsvoorstel"`` (the proposal that goes with the besluit). ``docx`` holds the Word
    options as for ``render``: a house template and the date of the document and its revisions.
    """
    if fmt not in FORMATS:
        raise ModelError(f"onbekend uitvoerformaat {fmt!r}; kies uit: {', '.join(FORMATS)}")
    return write(page(plan, product, fmt), fmt, docx)


def amendment_checklist(plan: AmendmentPlan) -> tuple[CheckItem, ...]:
    """The "nog te controleren" list of the besluit (see :func:`gedragscode.amend.checklist.amendment_checklist`)."""
    from gedragscode.amend.checklist import amendment_checklist as items

    return items(plan)


def amend(data: bytes, filename: str, *, product: str = "besluit", fmt: str = "docx", model: Model | None = None,
           options: AmendmentOptions | None = None, docx: DocxOptions | None = None, **fields: object) -> str | bytes:
    """Plan and render in one call, from the bytes of a file (``filename`` gives its format).

    ``fields`` are the keyword arguments of :func:`plan_amendment` (``body``, ``offices``, ``place``,
    ``settings``, ``include``, ``exclude`` ...). What a web page needs for a "wijzigingsbesluit" download.
    """
    plan = plan_amendment(filename, data=data, model=model, options=options, **fields)  # type: ignore[arg-type]
    return render_amendment(plan, product, fmt, docx=docx)
