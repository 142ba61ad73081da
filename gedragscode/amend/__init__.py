"""wijzig: from a lint report to the amendment decision (wijzigingsbesluit) that amends an existing code.

The planner (:mod:`gedragscode.amend.plan`) turns lint's findings, the existing code's own articles and
the tailored model text into operations anchored on the code's own numbering; the products
(:mod:`~gedragscode.amend.besluit`, :mod:`~gedragscode.amend.geconsolideerd`,
:mod:`~gedragscode.amend.raadsvoorstel`) are pages that one writer per format
(:mod:`gedragscode.amend.writers`) turns into Markdown, HTML or DOCX. The public functions are in
:mod:`gedragscode.amend.api` and re-exported by ``gedragscode``.
"""
