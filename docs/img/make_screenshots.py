"""The pictures in the handleiding (docs/img/*.png), made from the tool's own output.

Refresh them after a change to the output::

    .venv/bin/python docs/img/make_screenshots.py          # writes docs/img/
    .venv/bin/python docs/img/make_screenshots.py OUT_DIR

What it makes:

* ``word-titel.png``, ``word-artikel.png``: a rendered Word document (gemeente Almelo, raadsleden en
  commissieleden), converted by LibreOffice (headless) to PDF and by pdftoppm to PNG;
* ``heatmap.png``: the overview of ``gedragscode lint MAP --summary overzicht.html`` over the fictional
  codes in ``tests/fixtures/blind``, shot by headless Chromium;
* the web page (``opstellen.png``, ``toetsen.png``, ``rapport.png``, ``rapport-vindplaats.png``), by the
  web page's own script ``tests/browser/screenshots.py`` (Playwright on the same Chromium).

Needs Debian's ``libreoffice-writer``, ``poppler-utils`` and ``chromium``
(``apt-get install -y libreoffice-writer poppler-utils chromium``); nothing is downloaded and the
pictures show the same content every time (fixed dates, fictional codes).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
# fictional codes of every kind of body, some old and some recent: a heat map with every colour
HEATMAP_CODES = ("gemeente/gem01_haverdijk_2004.txt", "gemeente/gem02_stroeveen_2016.txt",
                 "gemeente/gem03_dinkeloord_2019.docx", "gemeente/gem05_eemsterhoorn_2024.txt",
                 "b1/gemeente_eenvoudig.txt", "b1/waterschap_eenvoudig.txt", "formeel/provincie_drenthe_formeel.txt",
                 "formeel/bes_sint_eustatius_formeel.txt")


def _run(*args: str, cwd: Path | None = None) -> None:
    subprocess.run(args, check=True, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def _gedragscode(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "gedragscode", *args], check=False, cwd=cwd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def word_pages(out: Path, work: Path) -> list[Path]:
    """The title page and a page with articles of a rendered DOCX, as LibreOffice shows them."""
    _gedragscode("render", "--body", "gemeente", "--office", "raadslid,commissielid", "--naam", "Almelo",
                 "--jaar", "2026", "--datum", "2026-03-01", "-o", "almelo.docx", cwd=work)
    profile = work / "lo-profile"
    _run("soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), str(work / "almelo.docx"))
    pictures = []
    for page, name in ((1, "word-titel"), (3, "word-artikel")):
        _run("pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page), "-singlefile",
             str(work / "almelo.pdf"), str(out / name))
        pictures.append(out / f"{name}.png")
    return pictures


def heatmap(out: Path, work: Path) -> Path:
    """The overview (heat map) of a folder of codes, in a browser window."""
    codes = work / "codes"
    codes.mkdir()
    for rel in HEATMAP_CODES:
        source = ROOT / "tests" / "fixtures" / "blind" / rel
        shutil.copy(source, codes / source.name)
    _gedragscode("lint", "codes", "--summary", "overzicht.html", "-o", "rapport.json", cwd=work)
    target = out / "heatmap.png"
    _run(CHROMIUM, *FLAGS, "--window-size=1280,820", f"--screenshot={target}",
         (work / "overzicht.html").as_uri(), cwd=work)
    return target


def web_pages(out: Path) -> list[Path]:
    """The web page's screenshots, by its own script (skipped when it or Playwright is absent)."""
    script = ROOT / "tests" / "browser" / "screenshots.py"
    if not script.is_file():
        return []
    subprocess.run([sys.executable, str(script), str(out)], check=True, timeout=600)
    return sorted(out.glob("*.png"))


def main(argv: list[str]) -> None:
    out = Path(argv[0]).resolve() if argv else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = [*word_pages(out, work), heatmap(out, work), *web_pages(out)]
    for path in dict.fromkeys(made):
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
