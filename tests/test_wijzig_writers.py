"""The wijzig writers: DOCX revisions that Word and LibreOffice track, accessible HTML changes, escaped Markdown."""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

import gedragscode
from gedragscode.amend.page import Heading, Page, Paragraph, Run, Table
from gedragscode.amend.plan import AmendmentPlan, plan_amendment_document
from gedragscode.amend.writers import write
from gedragscode.amend.writers.docx import REVISION_AUTHOR
from gedragscode.lint.readers import read_document
from gedragscode.render.docx_options import DocxOptions

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "wijzig" / "zuidervaart_2012.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@lru_cache(maxsize=1)
def _plan() -> AmendmentPlan:
    return plan_amendment_document(read_document(FIXTURE), model=gedragscode.load_model())


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def _view(data: bytes, accept: bool) -> str:
    """The document text with every revision accepted (or rejected), paragraphs separated by a blank line."""
    body = _part(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    text = ""
    for p in body.iter(f"{W}p"):
        parts = []
        for el in p.iter(f"{W}t", f"{W}delText", f"{W}br"):
            ancestors = {a.tag for a in el.iterancestors()}
            inserted, deleted = f"{W}ins" in ancestors, f"{W}del" in ancestors
            if (accept and deleted) or (not accept and inserted):
                continue
            parts.append("\n" if el.tag == f"{W}br" else el.text or "")
        mark = p.find(f"{W}pPr/{W}rPr")
        gone = mark is not None and mark.find(f"{W}{'del' if accept else 'ins'}") is not None
        text += "".join(parts) + ("" if gone else "\n\n")
    return text


def test_consolidated_docx_has_real_revisions() -> None:
    plan = _plan()
    data = gedragscode.render_amendment(plan, "geconsolideerd", "docx")
    assert isinstance(data, bytes)
    doc = _part(data, "word/document.xml")
    ins = doc.findall(f".//{W}ins")
    dels = doc.findall(f".//{W}del")
    assert ins and dels
    assert {el.get(f"{W}author") for el in ins + dels} == {REVISION_AUTHOR}
    ids = [el.get(f"{W}id") for el in ins + dels]
    assert len(ids) == len(set(ids))
    deleted = "".join(t.text or "" for t in doc.iter(f"{W}delText"))
    assert "300" in deleted and "artikel 25" in deleted and "vijf weken" in deleted
    # inserted articles are whole inserted paragraphs: their paragraph marks are revisions too
    marks = [p for p in doc.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]
    assert any("Artikel 4a" in "".join(t.text or "" for t in p.iter(f"{W}t")) for p in marks)
    # revision tracking is on for the griffie's own edits
    assert _part(data, "word/settings.xml").find(f"{W}trackRevisions") is not None


def test_docx_accept_all_gives_the_consolidated_text_and_reject_all_the_original() -> None:
    plan = _plan()
    data = gedragscode.render_amendment(plan, "geconsolideerd", "docx")
    assert isinstance(data, bytes)
    note = 1  # the line under the title saying what the page shows
    accepted = _view(data, accept=True).split("\n\n")
    rejected = _view(data, accept=False).split("\n\n")
    expected_new = plan.consolidation.text.split("\n\n")
    expected_old = plan.document.text.split("\n\n")
    assert [accepted[0], *accepted[1 + note:]][: len(expected_new)] == expected_new
    assert [rejected[0], *rejected[1 + note:]][: len(expected_old)] == expected_old


def test_docx_is_reproducible_and_opens_in_python_docx() -> None:
    import docx

    when = DocxOptions(date=datetime.date(2026, 3, 1))
    first = gedragscode.render_amendment(_plan(), "besluit", "docx", docx=when)
    second = gedragscode.render_amendment(_plan(), "besluit", "docx", docx=when)
    assert first == second
    assert isinstance(first, bytes)
    document = docx.Document(io.BytesIO(first))
    assert document.paragraphs[0].style.name == "Title"
    assert document.core_properties.title.startswith("Besluit tot wijziging van de Gedragscode")
    assert any(p.style.name == "Wijzigingstekst" for p in document.paragraphs)
    # the besluit itself has no revisions
    assert _part(first, "word/document.xml").find(f".//{W}ins") is None
    # a consolidated text's revisions carry the document's date; its articles use the code's styles
    data = gedragscode.render_amendment(_plan(), "geconsolideerd", "docx", docx=when)
    assert isinstance(data, bytes)
    dates = {el.get(f"{W}date") for el in _part(data, "word/document.xml").iter(f"{W}ins", f"{W}del")}
    assert dates == {"2026-03-01T00:00:00Z"}
    styles = {p.style.name for p in docx.Document(io.BytesIO(data)).paragraphs}
    assert {"Title", "Artikel"} <= styles


def test_docx_table_and_hostile_text() -> None:
    page = Page("T\x01itel", "onderwerp", (
        Heading(1, (Run("Titel <b>&</b>"),)),
        Paragraph((Run("regel\neen "), Run("weg\x07", "del"), Run("erbij", "ins"))),
        Table(("A", "B"), (("1", "twee | drie"),), "Tabel"),
    ), changes=True)
    data = write(page, "docx")
    assert isinstance(data, bytes)
    doc = _part(data, "word/document.xml")
    assert doc.find(f".//{W}tbl") is not None
    assert "".join(t.text or "" for t in doc.iter(f"{W}delText")) == "weg"


def test_html_marks_changes_accessibly_and_escapes() -> None:
    html = gedragscode.render_amendment(_plan(), "geconsolideerd", "html")
    assert isinstance(html, str)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert '<p class="legenda" role="note">' in html
    assert "<del><span class=\"sr\">[begin verwijdering] </span>" in html
    assert "<ins><span class=\"sr\">[begin toevoeging] </span>" in html
    assert 'class="ingevoegd"' in html
    page = Page("<script>", "s", (Paragraph((Run("<script>alert(1)</script>", "ins"),)),), changes=True)
    out = write(page, "html")
    assert isinstance(out, str)
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_markdown_escapes_and_leaves_out_deletions() -> None:
    page = Page("t", "s", (
        Heading(3, (Run("Artikel 2 *nieuw*"),)),
        Paragraph((Run("1. tekst "), Run("oud", "del"), Run("nieuw", "ins"))),
        Paragraph((Run("    a. ingesprongen"),)),
        Paragraph((Run("weg", "del"),), mark="del"),
        Paragraph((Run("# geen kop"),), style="citaat"),
    ))
    md = write(page, "md")
    assert md == ("### Artikel 2 \\*nieuw\\*\n\n1\\. tekst nieuw\n\n&#32;&#32;&#32;&#32;a. ingesprongen\n\n"
                  "> \\# geen kop\n")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is niet geïnstalleerd")
def test_libreoffice_sees_the_revisions(tmp_path: Path) -> None:
    data = gedragscode.render_amendment(_plan(), "geconsolideerd", "docx")
    assert isinstance(data, bytes)
    source = tmp_path / "geconsolideerd.docx"
    source.write_bytes(data)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profiel'}",
                    "--convert-to", "fodt", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    flat = (tmp_path / "geconsolideerd.fodt").read_text(encoding="utf-8")
    assert flat.count("<text:changed-region") >= 5
    assert "<text:deletion>" in flat and "<text:insertion>" in flat
    assert f"<dc:creator>{REVISION_AUTHOR}</dc:creator>" in flat
