"""Screenshots of the web page for the documentation (docs/img/*.png).

Refresh them after a change to the page::

    python tests/browser/screenshots.py            # writes docs/img/
    python tests/browser/screenshots.py OUT_DIR

Uses Debian's Chromium (``apt-get install chromium``) and the example code in
tests/fixtures/documents, so the pictures show the same content every time.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from chromium import chromium, live_server

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "fixtures" / "documents" / "code_artikelen.txt"
SHOTS = ("opstellen.png", "toetsen.png", "rapport.png", "rapport-vindplaats.png")


def make(out: Path, browser: Any, server: str) -> list[Path]:
    """Take the screenshots into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(server + "/?lichaam=gemeente&ambt=raadslid&ambt=commissielid&naam=Almelo&jaar=2026"
                  "&zet.geschenken.grens=75")
        page.wait_for_selector("#voorbeeld .document")
        page.locator("#clausule-geschenken").scroll_into_view_if_needed()
        page.locator("#clausule-geschenken details.waarom summary").click()
        page.evaluate("const a = document.getElementById('artikel-14'); "
                      "document.querySelector('.voorbeeld').scrollTop = a ? a.offsetTop - 80 : 0")
        page.screenshot(path=str(out / SHOTS[0]))

        page.goto(server + "/toetsen")
        page.get_by_label("Gedragscode om te toetsen").set_input_files(str(EXAMPLE))
        page.screenshot(path=str(out / SHOTS[1]))
        page.get_by_role("button", name="Toetsen", exact=True).click()
        page.wait_for_selector("h1:has-text('Toetsing van')")
        page.locator("#bepaling-stemonthouding details summary").click()
        page.screenshot(path=str(out / SHOTS[2]))
        page.locator("#bepaling-nevenfuncties a").first.click()
        page.evaluate("window.scrollBy(0, -200)")
        page.screenshot(path=str(out / SHOTS[3]))
    finally:
        context.close()
    return [out / name for name in SHOTS]


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else ROOT / "docs" / "img"
    with live_server(today=date(2026, 5, 1)) as server, chromium() as browser:
        for path in make(out, browser, server):
            print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
