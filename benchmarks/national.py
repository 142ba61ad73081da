"""A folder shaped like the national set of codes, generated from rendered codes (never committed).

``generate(folder)`` writes 1,071 codes: 342 gemeenten (333 with a code for the raad, one for the
college and one for the burgemeester, 9 with a raad code and one combined college code), 12
provincies (Staten; Gedeputeerde Staten with the commissaris), 21 waterschappen (one code for the
whole bestuur) and the 3 openbare lichamen (eilandsraad, bestuurscollege, gezaghebber). Every code
is ``render``'s text for that body and mix of offices with a place name of its own; a quarter keep
the old gift threshold of EUR 100 (lint reports it outdated) and a fifth leave out an optional
clause, so the folder is not one code 1,071 times. Each variant is rendered once per format with a
placeholder place name, which is then filled in (the year too, in the text formats). Formats cycle
in fixed proportions close to the real set: txt 28%, md 16%, html 24%, docx 20%, pdf 12%.

The PDFs are written by :func:`text_pdf`, a small PDF writer (Helvetica, WinAnsi, A4) with a running
header and "Pagina n van m" footers like a Word export, so the PDF reader's header/footer removal
and reflow are part of what is measured. Plain text is the Markdown without its markup.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from gedragscode import GedragscodeError, Model, load_model, make_code, render

COUNTS = {"gemeente": 342, "provincie": 12, "waterschap": 21, "openbaar_lichaam": 3}
TOTAL = 1071
FORMAT_CYCLE = ("txt", "html", "md", "docx", "txt", "html", "pdf", "docx", "txt", "html", "md", "docx", "txt",
                "html", "pdf", "txt", "docx", "html", "md", "txt", "html", "pdf", "docx", "txt", "md")
_PREFIXES = ("Noord", "Zuid", "Oost", "West", "Hoog", "Laag", "Groot", "Klein", "Oud", "Nieuw", "Ber", "Dal",
             "Zand", "Veen", "Brink", "Heide", "Wolde", "Linde", "Eiken", "Maas")
_SUFFIXES = ("veen", "dam", "dijk", "horst", "wolde", "hoven", "broek", "loo", "beek", "zijl", "waard", "kerk",
             "meer", "rade", "wijk", "burg", "hem", "sloot", "laar", "stede")


@dataclass(frozen=True)
class Spec:
    """One code of the national set."""

    index: int
    body: str
    offices: tuple[str, ...]
    place: str
    fmt: str
    outdated: bool
    omit_optional: bool

    @property
    def name(self) -> str:
        return f"{self.index:04d}_{self.body}_{self.place.lower()}_{'-'.join(self.offices)}.{self.fmt}"


def _by_category(model: Model, body: str) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    b = model.body(body)
    assert b is not None, body
    for office in b.offices:
        groups.setdefault(str(office.category), []).append(office.id)
    return {k: tuple(v) for k, v in groups.items()}


def _mixes(model: Model, body: str, codes: int) -> list[tuple[str, ...]]:
    """The office mixes of one body with ``codes`` codes: per category, or combined."""
    groups = _by_category(model, body)
    assembly = next(v for k, v in groups.items() if "volksvertegenwoordig" in k)
    executive = tuple(o for k, v in groups.items() if "volksvertegenwoordig" not in k for o in v)
    if codes == 1:
        return [assembly + executive]
    if codes == 2:
        return [assembly, executive]
    daily = next((v for k, v in groups.items() if "dagelijks" in k), executive)
    chair = tuple(o for o in executive if o not in daily) or executive
    return [assembly, daily, chair]


def specs(model: Model | None = None, total: int = TOTAL) -> list[Spec]:
    model = model or load_model()
    names = iter(f"{p}{s}" for s in _SUFFIXES for p in _PREFIXES)
    out: list[Spec] = []
    for body, bodies in COUNTS.items():
        for n in range(bodies):
            codes = {"gemeente": 2 if n < 9 else 3, "provincie": 2, "waterschap": 1, "openbaar_lichaam": 3}[body]
            place = next(names)
            for offices in _mixes(model, body, codes):
                i = len(out)
                out.append(Spec(i, body, offices, place, FORMAT_CYCLE[i % len(FORMAT_CYCLE)],
                                outdated=i % 4 == 1, omit_optional=i % 5 == 2))
    assert len(out) == TOTAL, len(out)
    return out[:total]


_MD_MARKUP = re.compile(r"^#+\s*|\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """The Markdown code as plain text: headings, bold and italics without their markers."""
    return _MD_MARKUP.sub("", markdown)


def _wrap(text: str, width: int) -> Iterator[str]:
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            yield ""
            continue
        line = ""
        for word in words:
            if line and len(line) + 1 + len(word) > width:
                yield line
                line = word
            else:
                line = f"{line} {word}" if line else word
        yield line


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def text_pdf(text: str, header: str, *, lines_per_page: int = 58, width: int = 92) -> bytes:
    """A PDF of ``text`` (Helvetica 10 pt, A4) with ``header`` on top of and a page number below
    every page, the way a code exported from Word looks to a text extractor."""
    lines = list(_wrap(text, width))
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    objs: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids: list[int] = []
    for number, page in enumerate(pages, start=1):
        body = b" ".join(_pdf_string(line) + b" Tj T*" for line in page)
        content = (b"BT /F1 9 Tf 50 805 Td " + _pdf_string(header) + b" Tj ET "
                   b"BT /F1 10 Tf 13 TL 50 780 Td " + body + b" ET "
                   b"BT /F1 9 Tf 270 30 Td " + _pdf_string(f"Pagina {number} van {len(pages)}") + b" Tj ET")
        cid, pid = 4 + 2 * (number - 1), 5 + 2 * (number - 1)
        objs[cid] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
        objs[pid] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                     b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % cid)
        kids.append(pid)
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def _optional(model: Model, body: str, offices: Sequence[str]) -> str | None:
    for clause in model.clauses:
        if clause.level_for(body).value == "optioneel" and any(
                clause.applies.matches(body, o) for b in model.bodies if b.id == body for o in b.offices
                if o.id in offices):
            return clause.id
    return None


PLACEHOLDER = "Plaatsnaam"


def _variant(spec: Spec, model: Model) -> bytes:
    """The code for ``spec`` rendered with :data:`PLACEHOLDER` for the place name."""
    settings = {"geschenken.grens": "100"} if spec.outdated else {}
    omit: list[str] = []
    if spec.omit_optional:
        optional = _optional(model, spec.body, spec.offices)
        omit = [optional] if optional else []
    try:
        code = make_code(spec.body, list(spec.offices), PLACEHOLDER, year=2016, settings=settings, omit=omit,
                         model=model)
    except GedragscodeError:  # a setting the model does not allow for this body: the plain code
        code = make_code(spec.body, list(spec.offices), PLACEHOLDER, year=2016, model=model)
    if spec.fmt == "docx":
        data = render(code, "docx")
        assert isinstance(data, bytes)
        return data
    if spec.fmt == "html":
        return str(render(code, "html")).encode("utf-8")
    markdown = str(render(code, "md"))
    return (markdown if spec.fmt == "md" else plain_text(markdown)).encode("utf-8")


def _docx_with(data: bytes, place: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info)
            if info.filename.endswith(".xml"):
                member = member.replace(PLACEHOLDER.encode(), place.encode("utf-8"))
            target.writestr(info, member)
    return out.getvalue()


class Writer:
    """Writes codes, rendering each body/office/variant/format once and filling in the place."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.rendered: dict[tuple[str, tuple[str, ...], bool, bool, str], bytes] = {}

    def write(self, spec: Spec, folder: Path) -> Path:
        key = (spec.body, spec.offices, spec.outdated, spec.omit_optional, spec.fmt)
        if key not in self.rendered:
            self.rendered[key] = _variant(spec, self.model)
        data = self.rendered[key]
        year = str(2016 + spec.index % 10)
        if spec.fmt == "docx":
            data = _docx_with(data, spec.place)
        elif spec.fmt == "pdf":  # the PDF of the plain text (txt variant), with a running header
            text = data.decode("utf-8").replace(PLACEHOLDER, spec.place).replace("2016", year)
            title = next((line for line in text.splitlines() if line.strip()), spec.place)
            data = text_pdf(text, title)
        else:
            data = data.replace(PLACEHOLDER.encode(), spec.place.encode()).replace(b"2016", year.encode())
        path = folder / spec.name
        path.write_bytes(data)
        return path


def generate(folder: Path, total: int = TOTAL, model: Model | None = None) -> list[Path]:
    """Write the national-size folder (or its first ``total`` codes) into ``folder``."""
    model = model or load_model()
    folder.mkdir(parents=True, exist_ok=True)
    writer = Writer(model)
    return [writer.write(spec, folder) for spec in specs(model, total)]


def sample(paths: Sequence[Path], count: int) -> list[Path]:
    """``count`` codes spread evenly over the set (same mix of bodies and formats)."""
    step = len(paths) / count
    return [paths[int(i * step)] for i in range(count)]


if __name__ == "__main__":
    import sys
    import time

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("national")
    start = time.perf_counter()
    written = generate(target)
    print(f"{len(written)} codes in {target} ({time.perf_counter() - start:.0f} s)")
