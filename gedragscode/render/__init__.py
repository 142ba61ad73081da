"""render: the document tree, the templates and the Markdown/HTML/DOCX writers."""

FORMATS: tuple[str, ...] = ("md", "html", "docx")
"""The render formats (here, not in the writers, so the CLI lists them without importing a writer)."""
