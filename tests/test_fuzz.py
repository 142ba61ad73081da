"""Fuzz suite (issue 13): readers, the DSL and the command-line arguments on generated hostile input.

Each property says: whatever comes in, the answer is a result or one of the project's own errors
(Dutch, exit 2 on the command line) — never another exception, a traceback or a hang. The normal
run uses a modest number of examples; for a long run::

    python -m pytest tests/test_fuzz.py --hypothesis-profile=fuzz

(20,000 examples per property; profiles in ``tests/conftest.py``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gedragscode
from gedragscode.catalogue import bundled_model
from gedragscode.errors import DocumentError, GedragscodeError
from gedragscode.lint.readers import read_document
from gedragscode.resolve import resolve_code

pytestmark = pytest.mark.usefixtures("hang_guard")

FIXTURES = Path(__file__).parent / "fixtures"
MODELS = Path(gedragscode.__file__).parent.parent / "models"
LONG = settings.default.max_examples >= 1000  # the "fuzz" profile
FEW = settings(max_examples=settings.default.max_examples if LONG else 25, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])
SOME = settings(FEW, max_examples=settings.default.max_examples if LONG else 10)

FORMATS = ("text", "markdown", "html", "docx", "pdf", "xml")


def _read(data: bytes, fmt: str | None, name: str = "fuzz") -> None:
    try:
        doc = read_document(name, data=data, format=fmt)
    except DocumentError:
        return
    assert isinstance(doc.text, str) and doc.text.strip()


# ---------------------------------------------------------------- readers


@FEW
@given(data=st.binary(max_size=4096), fmt=st.sampled_from((None, *FORMATS)))
def test_readers_on_arbitrary_bytes(data: bytes, fmt: str | None) -> None:
    _read(data, fmt)


_TAGS = ("div", "p", "ol", "ul", "li", "table", "tr", "td", "nav", "span", "h2", "br", "pre", "section", "dl",
         "dt", "dd", "script", "header", "main")
_ATTRS = st.sampled_from(('type="I"', 'type="a"', 'start="1000000000000000"', 'value="-5"', 'value="x"',
                          'hidden', 'role="navigation"', 'class="footer"', 'start="' + "9" * 50 + '"', ""))
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts: list[str] = ["<html><body>"]
    open_tags: list[str] = []
    for _ in range(draw(st.integers(0, 60))):
        action = draw(st.integers(0, 2))
        if action == 0:
            tag = draw(st.sampled_from(_TAGS))
            parts.append(f"<{tag} {draw(_ATTRS)}>")
            open_tags.append(tag)
        elif action == 1 and open_tags:
            parts.append(f"</{open_tags.pop()}>")
        else:
            parts.append(draw(_TEXT).replace("<", "&lt;"))
    if draw(st.booleans()):
        depth = draw(st.integers(200, 2100))
        parts.append("<div>" * depth + "Artikel 1 diep" + "</div>" * depth)
    return "".join(parts) + "</body></html>"


@FEW
@given(page=html_pages())
def test_html_reader_on_generated_pages(page: str) -> None:
    _read(page.encode("utf-8", "surrogatepass"), "html")


@st.composite
def xml_documents(draw: st.DrawFn) -> bytes:
    head = draw(st.sampled_from(("<?xml version='1.0'?>", "", "\ufeff<?xml version='1.0' encoding='utf-8'?>")))
    noise = draw(st.lists(st.sampled_from(("<!DOCTYPE", "<!DOCTYPE x [", "<!ENTITY a 'b'>", "]>", "<!--", "-->",
                                           "<regeling>", "</regeling>", "<artikel><kop><nr>1</nr></kop>",
                                           "</artikel>", "<al>tekst</al>", "&a;", "<![CDATA[x]]>")),
                          max_size=30))
    repeat = draw(st.integers(1, 2000))
    return (head + "".join(noise) * (repeat if len(noise) <= 2 else 1)).encode("utf-8")


@FEW
@given(data=xml_documents())
def test_xml_reader_on_generated_documents(data: bytes) -> None:
    _read(data, "xml")
    _read(data, None, "-")


def _mutations(base: bytes) -> st.SearchStrategy[bytes]:
    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        data = bytearray(base)
        for _ in range(draw(st.integers(1, 8))):
            where = draw(st.integers(0, len(data) - 1))
            kind = draw(st.integers(0, 2))
            if kind == 0:
                data[where] = draw(st.integers(0, 255))
            elif kind == 1:
                del data[where:where + draw(st.integers(1, 64))]
            else:
                data[where:where] = draw(st.binary(min_size=1, max_size=32))
        return bytes(data)

    return mutate()


def _docx_bytes() -> bytes:
    code = gedragscode.make_code("gemeente", ["raadslid"], "Proefstad", year=2026)
    data = gedragscode.render(code, "docx")
    assert isinstance(data, bytes)
    return data


_DOCX = _docx_bytes()


@st.composite
def docx_mutations(draw: st.DrawFn) -> bytes:
    """A rendered DOCX with one member's XML mutated (the zip stays valid), or the raw bytes mutated."""
    if draw(st.booleans()):
        return draw(_mutations(_DOCX))
    source = zipfile.ZipFile(io.BytesIO(_DOCX))
    target = draw(st.sampled_from([n for n in source.namelist() if n.endswith(".xml")]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            payload = source.read(info.filename)
            if info.filename == target:
                payload = draw(_mutations(payload))
            z.writestr(info.filename, payload)
    return out.getvalue()


@SOME
@given(data=docx_mutations())
def test_docx_reader_on_mutated_documents(data: bytes) -> None:
    _read(data, "docx")


_PDF = (FIXTURES / "blind" / "gemeente" / "gem03_dinkeloord_2019.pdf").read_bytes()


@SOME
@given(data=_mutations(_PDF))
def test_pdf_reader_on_mutated_documents(data: bytes) -> None:
    _read(data, "pdf")


@SOME
@given(text=st.text(max_size=3000), fmt=st.sampled_from(("text", "markdown")))
def test_lint_on_arbitrary_text(text: str, fmt: str) -> None:
    try:
        result = gedragscode.lint("-", data=text.encode("utf-8", "surrogatepass"), format=fmt)
    except GedragscodeError:
        return
    assert result.clauses or result.document == "geen_gedragscode"  # a text that is no code is not checked


# ---------------------------------------------------------------- the DSL

_DSL_TOKENS = st.sampled_from((
    "clausule", "gedragscode", "handreiking", "lichaam", "hoofdstuk", "ambt", "ambten", "term", "zet", "zonder",
    "lid", "onderdeel", "herken", "in", "zin", "lid", "artikel", "document", "stam", "woord", "frase", "regex",
    "niet", "nabij", "en", "of", "(", ")", "{", "}", ",", ":", "=", ".", ">", "€", "50", "9" * 30, "ja", "nee",
    "parameter", "bedrag", "termijn", "tekst", "getal", "keuze", "tussen", "dagen", "week", "verouderd", "als",
    "voorbeeld", "tegenvoorbeeld", "toelichting", "geldt", "voor", "alle", "ambten", "niveau", "wettelijk",
    "sinds", "wet", "binnen", "controleer", '"tekst"', '"{{ naam }}"', '"{{ 7**9 }}"', '"{% for x in y %}"',
    '"(a+)+$"', '"a{99999}"', '"""lang"""', "# opmerking\n", "\n", "x", "geschenken", "raadslid", "gemeente",
    '"\u202e"', '"\ufeff"', "\ufeff",
))


@FEW
@given(tokens=st.lists(_DSL_TOKENS, max_size=80))
def test_parser_on_token_soup(tokens: list[str]) -> None:
    text = " ".join(tokens)
    try:
        tree = gedragscode.parse(text, "fuzz.gdc")
    except GedragscodeError:
        return
    assert tree.filename == "fuzz.gdc"


_MODEL_TEXT = (MODELS / "40_geschenken.gdc").read_text(encoding="utf-8") if MODELS.is_dir() else ""


@st.composite
def model_mutations(draw: st.DrawFn) -> str:
    text = _MODEL_TEXT
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, max(len(text) - 1, 0)))
        kind = draw(st.integers(0, 3))
        if kind == 0:
            text = text[:where] + text[where + draw(st.integers(1, 200)):]
        elif kind == 1:
            text = text[:where] + draw(_DSL_TOKENS) + " " + text[where:]
        elif kind == 2:
            span = text[where:where + draw(st.integers(1, 300))]
            text = text[:where] + span * draw(st.integers(2, 30)) + text[where:]
        else:
            text = text[:where] + draw(st.text(max_size=20)) + text[where:]
    return text


@pytest.mark.skipif(not _MODEL_TEXT, reason="source checkout only")
@SOME
@given(text=model_mutations())
def test_check_on_mutated_model_files(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "40_geschenken.gdc"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    errors = gedragscode.check([path])
    assert all(isinstance(e, GedragscodeError) for e in errors)


_CODE_STATEMENTS = st.sampled_from((
    'lichaam gemeente "Proefstad"', "ambten raadslid", "ambten raadslid, wethouder", "jaartal 2026",
    "jaartal " + "9" * 25, "zet geschenken.grens = € 40", "zet geschenken.grens = € 999999",
    'zet term griffier = "{{ 7**99999999 }}"', 'zet term griffier = "de griffier\u202e"', "zonder vertrouwenspersoon",
    'intrekking "Oude code"', 'inwerkingtreding "op 1 januari"', 'model "2023"', "zet onbekend.x = 5",
))


@FEW
@given(statements=st.lists(_CODE_STATEMENTS, max_size=8), title=_TEXT)
def test_local_codes_resolve_or_fail_cleanly(statements: list[str], title: str) -> None:
    source = 'gedragscode "' + title.replace('"', "").replace("\\", "") + '" {\n  ' + "\n  ".join(statements) + "\n}\n"
    try:
        tree = gedragscode.parse(source, "lokaal.gdc")
        decl = next(i for i in tree.items if hasattr(i, "statements"))
        code = resolve_code(decl, bundled_model())  # type: ignore[arg-type]
    except GedragscodeError:
        return
    try:
        text = gedragscode.render(code, "md")  # a hostile term template is refused: no hang
    except GedragscodeError:
        return
    assert isinstance(text, str) and text.startswith("#")


# ---------------------------------------------------------------- command-line arguments

_ARG = st.one_of(
    _TEXT,
    st.sampled_from(("gemeente", "raadslid", "Almelo", "geschenken.grens=75", "term.griffier=x", "-", "--force",
                     "", "=", "geschenken.grens=" + "9" * 5000, "2026", "99999999999999999999")),
    st.binary(max_size=12).map(lambda b: b.decode("utf-8", "surrogateescape")),
)


@FEW
@given(naam=_ARG, body=_ARG, office=_ARG, setting=_ARG, zonder=_ARG, jaar=_ARG)
def test_render_arguments(naam: str, body: str, office: str, setting: str, zonder: str, jaar: str) -> None:
    args = ["render", "--body", body, "--office", office, "--naam", naam, "--set", setting, "--zonder", zonder,
            "--jaar", jaar]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 2), (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))


@SOME
@given(body=_ARG, office=_ARG, size=_ARG, fmt=st.sampled_from(("text", "json", "sarif", "html", "jsonl")))
def test_lint_arguments(body: str, office: str, size: str, fmt: str) -> None:
    args = ["lint", "--jobs", "1", "--body", body, "--office", office, "--max-grootte", size, "--format", fmt,
            str(FIXTURES / "documents" / "code_genummerd.txt")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))


@SOME
@given(name=_ARG)
def test_paths_with_any_name(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    where = tmp_path_factory.mktemp("namen")
    for command in (["lint", str(where / name)], ["check", str(where / name)], ["fmt", str(where / name)]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code in (0, 1, 2), (command, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (command,
                                                                                       repr(result.exception))
