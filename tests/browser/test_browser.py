"""End to end in a real browser (Debian's Chromium driven by Playwright): fill the form, watch the
preview, download and open the DOCX, upload a code and read the report, keyboard only, without
JavaScript, print layout, and an automated accessibility check (axe-core, offline)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import docx
import pytest
from playwright.sync_api import expect

FIXTURES = Path(__file__).parent.parent / "fixtures" / "documents"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _preview(page: Any) -> Any:
    return page.locator("#voorbeeld .document")


def test_fill_the_form_preview_and_download_the_docx(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_label("Naam van de gemeente").fill("Almelo")
    page.wait_for_selector("#voorbeeld .document")
    assert "Gedragscode integriteit raadsleden gemeente Almelo 2026" in _preview(page).inner_text()
    # another office: the fields and the preview follow without a page load
    page.get_by_label("wethouder", exact=True).check()
    expect(page.locator("#voorbeeld h1")).to_contain_text("wethouders")
    assert page.locator("#clausule-inkomsten_nevenfuncties").count() == 1   # only for bestuurders
    # a local choice: the gift threshold
    grens = page.get_by_label("Waarde waarboven een geschenk wordt gemeld en geregistreerd. (in euro)")
    grens.fill("75")
    expect(page.locator("#voorbeeld")).to_contain_text("€ 75")
    # a value out of bounds: the library's message at the field, the preview keeps the default
    grens.fill("500")
    expect(page.locator("#zet-geschenken-grens-fout")).to_contain_text("buiten de grenzen")
    assert grens.get_attribute("aria-invalid") == "true"
    grens.fill("60")
    expect(page.locator("#zet-geschenken-grens-fout")).to_have_text("")
    expect(page.locator("#voorbeeld")).to_contain_text("€ 60")
    # switch off an optional clause
    page.locator("#zonder-sociale_media").check()
    expect(page.locator("#voorbeeld")).not_to_contain_text("E-mail, internet en sociale media")
    with page.expect_download() as info:
        page.get_by_role("button", name="Word (DOCX)").click()
    download = info.value
    assert download.suggested_filename == "gedragscode-integriteit-raadsleden-en-wethouders-gemeente-almelo-2026.docx"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Gedragscode integriteit raadsleden en wethouders gemeente Almelo 2026" in text
    assert "€ 60" in text and "E-mail, internet en sociale media" not in text


def test_change_of_body_shows_its_offices(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.get_by_label("Soort lichaam").select_option("waterschap")
    page.wait_for_selector("#ambt-ab_lid")
    assert page.get_by_label("lid van het algemeen bestuur").is_checked()
    assert page.locator("#ambt-raadslid").count() == 0
    assert page.locator("#term-griffier").input_value() == "de secretaris-directeur"
    assert page.locator("#clausule-geschenken").count() == 1


def test_gdc_round_trip_in_the_browser(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(server + "/?lichaam=provincie&ambt=statenlid&naam=Zeeland&jaar=2027")
    page.locator("#zet-geschenken-termijn").fill("3")
    page.get_by_label("Eenheid: Termijn waarbinnen een ontvangen geschenk wordt gemeld.").select_option("dag")
    expect(page.locator("#voorbeeld")).to_contain_text("drie dagen")
    with page.expect_download() as info:
        page.get_by_role("button", name="Eigen bestand (.gdc)").click()
    gdc = tmp_path / info.value.suggested_filename
    info.value.save_as(gdc)
    assert "zet geschenken.termijn = 3 dagen" in gdc.read_text(encoding="utf-8")
    page.goto(server + "/")
    page.get_by_label("Lokaal gedragscodebestand (.gdc)").set_input_files(str(gdc))
    page.get_by_role("button", name="Bestand laden").click()
    page.wait_for_selector("text=Geladen:")
    assert page.locator("#lichaam").input_value() == "provincie"
    assert page.locator("#zet-geschenken-termijn").input_value() == "3"
    assert "Gedragscode integriteit Statenleden provincie Zeeland 2027" in _preview(page).inner_text()


def test_upload_a_code_and_read_the_report(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(server + "/toetsen")
    page.get_by_label("Gedragscode om te toetsen").set_input_files(str(FIXTURES / "code_artikelen.txt"))
    page.get_by_role("button", name="Toetsen", exact=True).click()
    page.wait_for_selector("h1:has-text('Toetsing van')")
    assert "gemeente Zonnedal" in page.locator(".kaart").inner_text()
    finding = page.locator("#bepaling-nevenfuncties")
    # a reporting term of two weeks lies within the model's bounds: present, with a note on the lid that holds it
    assert "wijkt af van de handreiking" in finding.inner_text()
    # the evidence link jumps to the highlighted passage in the document's own text
    finding.get_by_role("link").first.click()
    target = page.evaluate("location.hash")
    assert target.startswith("#vindplaats-")
    mark = page.locator(target)
    assert mark.evaluate("el => el.tagName") == "MARK"
    assert "twee weken" in mark.inner_text()
    # the suggested text for a missing clause
    missing = page.locator("#bepaling-stemonthouding")
    missing.get_by_text("Voorgestelde tekst").click()
    assert "beraadslaging" in missing.locator(".modeltekst").inner_text().lower()
    with page.expect_download() as info:
        page.get_by_role("link", name="Rapport als JSON").click()
    report = tmp_path / info.value.suggested_filename
    info.value.save_as(report)
    parsed = json.loads(report.read_text(encoding="utf-8"))
    assert parsed["body"] == "gemeente" and any(c["id"] == "nevenfuncties" for c in parsed["clauses"])


def test_keyboard_only(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    order: list[str] = []
    for _ in range(60):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.name || ''"))
        if order[-1] == "naam":
            break
    assert order.index("gdc") < order.index("lichaam") < order.index("ambt-raadslid") < order.index("naam")
    # the focus is visible
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.type("Almelo")
    page.keyboard.press("Shift+Tab")           # back to the last office checkbox
    page.keyboard.press("Space")               # burgemeester on
    expect(page.locator("#voorbeeld h1")).to_contain_text("burgemeester")
    assert page.locator("#ambt-burgemeester").is_checked()


def test_works_without_javascript(browser: Any, server: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(server + "/")
        page.get_by_label("Naam van de gemeente").fill("Almelo")
        page.get_by_label("Soort lichaam").select_option("provincie")
        page.get_by_role("button", name="Voorbeeld bijwerken").click()
        page.wait_for_selector("#ambt-statenlid")
        assert "provincie Almelo" in page.locator("#voorbeeld").inner_text()
        page.get_by_label("Waarde waarboven een geschenk wordt gemeld en geregistreerd. (in euro)").fill("999")
        page.get_by_role("button", name="Voorbeeld bijwerken").click()
        assert "Controleer het formulier" in page.locator("#meldingen").inner_text()
    finally:
        context.close()


def test_print_layout(page: Any, server: str) -> None:
    page.goto(server + "/?naam=Almelo")
    page.emulate_media(media="print")
    assert not page.locator("#opstelformulier").is_visible()
    assert not page.locator("header.kop").is_visible()
    assert _preview(page).is_visible()


def _axe(browser: Any, url: str, action: Any = None) -> list[dict[str, Any]]:
    # axe is injected through the DevTools protocol; the page's own CSP stays in force otherwise
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(url)
        if action is not None:
            action(page)
        source = (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
        page.evaluate(source)
        results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        return list(results["violations"])
    finally:
        context.close()


def _upload(page: Any) -> None:
    page.get_by_label("Gedragscode om te toetsen").set_input_files(str(FIXTURES / "code_artikelen.txt"))
    page.get_by_role("button", name="Toetsen", exact=True).click()
    page.wait_for_selector("h1:has-text('Toetsing van')")


@pytest.mark.parametrize("path, action", [("/", None), ("/?naam=Almelo&ambt=raadslid&ambt=wethouder", None),
                                          ("/toetsen", None), ("/toetsen", _upload),
                                          ("/?naam=Almelo&zet.geschenken.grens=999", None)],
                         ids=["start", "preview", "toetsen", "rapport", "fout"])
def test_accessibility_axe(browser: Any, server: str, path: str, action: Any) -> None:
    violations = _axe(browser, server + path, action)
    summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert not violations, summary


def test_screenshot_script_still_works(browser: Any, server: str, tmp_path: Path) -> None:
    from screenshots import make

    for path in make(tmp_path, browser, server):
        assert path.stat().st_size > 10_000 and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
