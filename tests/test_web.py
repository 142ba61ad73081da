"""The local web page (``gedragscode serve``) through Flask's test client: routes, forms,
downloads, uploads, limits and the cross-origin guard. The browser tests are in tests/browser/."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from werkzeug.datastructures import MultiDict

import gedragscode
from gedragscode.web import create_app
from gedragscode.web.check import display_name, highlight

DOCUMENTS = Path(__file__).parent / "fixtures" / "documents"
ALMELO = {"lichaam": "gemeente", "ambt": ["raadslid"], "naam": "Almelo", "jaar": "2026",
          "getoond_lichaam": "gemeente"}


@pytest.fixture(scope="module")
def app() -> Any:
    return create_app(today=date(2026, 5, 1))


@pytest.fixture()
def client(app: Any) -> Any:
    return app.test_client()


def _text(response: Any) -> str:
    return str(response.get_data(as_text=True))


def _upload(client: Any, data: bytes, name: str, **fields: Any) -> Any:
    return client.post("/toetsen", data={"bestand": (io.BytesIO(data), name), **fields},
                       content_type="multipart/form-data")


# ---------------------------------------------------------------- the start page and the form


def test_start_page_is_dutch_and_has_the_form(client: Any) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = _text(response)
    assert '<html lang="nl">' in page
    assert 'id="opstelformulier"' in page
    # offices of the default body as checkboxes with the model's names, each with a label
    for office in gedragscode.load_model().body("gemeente").offices:  # type: ignore[union-attr]
        assert f'id="ambt-{office.id}"' in page
        assert f'<label for="ambt-{office.id}">{office.name}</label>' in page
    # no external resources: every src/href is local or a fragment
    for url in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert url.startswith(("/", "#", "data:")), url


def test_every_parameter_is_shown_with_default_bounds_and_reason(client: Any) -> None:
    page = _text(client.post("/", data=ALMELO))
    model = gedragscode.load_model()
    code = gedragscode.make_code("gemeente", ["raadslid"], "Almelo", year=2026)
    for clause in code.clauses:
        for param in model.clause(clause.id).parameters:  # type: ignore[union-attr]
            assert f'name="zet.{clause.id}.{param.name}"' in page, (clause.id, param.name)
    field = page[page.index('<label for="zet-geschenken-grens">'):]
    field = field[:field.index("</div>")]
    assert "Waarde waarboven een geschenk wordt gemeld en geregistreerd." in field   # the model's description
    assert "Standaard: € 50" in field and "van € 0 tot en met € 250" in field
    assert 'value="50"' in field
    # the reason: the clause's toelichting as the rendered code explains it
    geschenken = page[page.index('id="clausule-geschenken"'):]
    geschenken = geschenken[:geschenken.index("</fieldset>")]
    assert "Waarom?" in geschenken and "De grens van € 50 is die van de handreiking" in geschenken


def test_a_default_that_is_a_body_term_is_shown_as_the_code_writes_it(client: Any) -> None:
    """Terms refer to each other ('registerhouder' is '{{ griffier }}'): the form never shows template text."""
    page = _text(client.post("/", data={**ALMELO, "ambt": ["raadslid", "wethouder", "burgemeester"]}))
    hints = re.findall(r"Standaard: [^<]*", page)
    assert hints and not [h for h in hints if "{" in h], hints
    assert "Standaard: de griffier (woord van het lichaam: registerhouder)" in page


def test_optional_clauses_can_be_switched_off_and_statutory_ones_cannot(client: Any) -> None:
    page = _text(client.post("/", data=ALMELO))
    assert 'name="zonder" value="sociale_media"' in page
    assert 'name="zonder" value="informatie"' not in page          # wettelijk
    page = _text(client.post("/", data={**ALMELO, "zonder": ["sociale_media"]}))
    preview = page[page.index('<div id="voorbeeld">'):]
    assert "E-mail, internet en sociale media" not in preview
    assert "Geschenken en diensten" in preview


def test_preview_follows_the_choices(client: Any) -> None:
    page = _text(client.post("/", data={**ALMELO, "zet.geschenken.grens": "75", "zet.geschenken.termijn": "2",
                                        "zet.geschenken.termijn.eenheid": "week"}))
    preview = page[page.index('<div id="voorbeeld">'):]
    assert "Gedragscode integriteit raadsleden gemeente Almelo 2026" in preview
    assert "€ 75" in preview and "twee weken" in preview
    assert "€ 50" not in preview.split("Toelichting")[0]


def test_get_with_query_fills_the_form(client: Any) -> None:
    page = _text(client.get("/?lichaam=provincie&ambt=gedeputeerde&ambt=cdk&naam=Zeeland&jaar=2027"))
    assert 'id="ambt-gedeputeerde" checked' in page and 'id="ambt-cdk" checked' in page
    assert "Gedragscode integriteit gedeputeerden en commissaris van de Koning provincie Zeeland 2027" in page


def test_value_out_of_bounds_gets_the_librarys_message_at_its_field(client: Any) -> None:
    response = client.post("/", data={**ALMELO, "zet.geschenken.grens": "500"})
    page = _text(response)
    assert response.status_code == 200
    assert 'aria-invalid="true"' in page
    error = re.search(r'id="zet-geschenken-grens-fout"[^>]*>([^<]*)<', page)
    assert error and "ligt buiten de grenzen (€ 0 tot en met € 250)" in error.group(1)
    assert 'href="#zet-geschenken-grens"' in page            # the error summary links to the field
    assert 'value="500"' in page                               # what was typed stays, to correct it


def test_changing_body_does_not_carry_the_old_bodys_words(client: Any) -> None:
    page = _text(client.post("/", data=ALMELO))
    fields = dict(re.findall(r'name="(term\.[a-z_]+)" value="([^"]*)"', page))
    assert fields["term.griffier"] == "de griffier"
    data = {**ALMELO, **fields, "lichaam": "provincie", "naam": "Zeeland", "zet.geschenken.grens": "40"}
    page = _text(client.post("/", data=data))
    assert "Kies de ambten voor provincie" in page
    assert 'id="ambt-statenlid" checked' in page
    assert 'name="term.griffier" value="de statengriffier"' in page
    preview = page[page.index('<div id="voorbeeld">'):]
    assert "statengriffier" in preview and "€ 40" in preview   # a real change is kept


def test_no_preview_and_no_download_without_a_name(client: Any) -> None:
    page = _text(client.get("/"))
    assert "Vul de naam van de gemeente in" in page
    response = client.post("/download/docx", data={**ALMELO, "naam": ""})
    assert response.status_code == 422
    assert "vul de naam van het lichaam in" in _text(response)


# ---------------------------------------------------------------- downloads and loading a .gdc


def test_download_docx_opens_in_python_docx(client: Any) -> None:
    response = client.post("/download/docx", data={**ALMELO, "zet.geschenken.grens": "75"})
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert "gedragscode-integriteit-raadsleden-gemeente-almelo-2026.docx" in response.headers["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Gedragscode integriteit raadsleden gemeente Almelo 2026" in text
    assert "€ 75" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_download_text_formats_equal_the_library(client: Any, fmt: str) -> None:
    response = client.post(f"/download/{fmt}", data=ALMELO)
    code = gedragscode.make_code("gemeente", ["raadslid"], "Almelo", year=2026)
    assert _text(response) == gedragscode.render(code, fmt)


def test_nog_te_controleren_is_shown_and_downloadable(client: Any) -> None:
    code = gedragscode.make_code("gemeente", ["raadslid"], "Almelo", year=2026)
    items = gedragscode.checklist(code)
    assert items, "the bundled model has unverified facts; this test needs at least one"
    page = _text(client.post("/", data=ALMELO))
    start = page.index('<details class="controle"')
    box = page[start:page.index("</details>", start)]
    assert f"Nog te controleren ({len(items)})" in box
    for item in items:
        assert item.where in box
    response = client.post("/download/controle", data=ALMELO)
    assert response.status_code == 200
    assert "nog-te-controleren.txt" in response.headers["Content-Disposition"]
    assert _text(response) == gedragscode.render_checklist(items, "text", code.name)


def test_gdc_download_loads_back_into_the_same_form(client: Any) -> None:
    choices = {**ALMELO, "ambt": ["raadslid", "commissielid"], "zet.geschenken.grens": "75",
               "zonder": ["sociale_media"], "intrekking": "Gedragscode integriteit raadsleden Almelo 2016",
               "term.griffier": "de raadsgriffier"}
    gdc = client.post("/download/gdc", data=choices).data
    assert gedragscode.check is not None
    code = gedragscode.load_code(gedragscode.parse(gdc.decode("utf-8"), "almelo.gdc"))
    assert code.omitted == ("sociale_media",) and code.terms["griffier"] == "de raadsgriffier"
    response = client.post("/laden", data={"gdc": (io.BytesIO(gdc), "almelo.gdc")},
                           content_type="multipart/form-data")
    page = _text(response)
    assert response.status_code == 200
    assert "Geladen: <code>almelo.gdc</code>" in page
    assert 'id="ambt-commissielid" checked' in page
    assert 'id="zonder-sociale_media" checked' in page
    assert re.search(r'id="zet-geschenken-grens" name="zet.geschenken.grens" value="75"', page)
    assert 'name="term.griffier" value="de raadsgriffier"' in page
    assert 'value="Gedragscode integriteit raadsleden Almelo 2016"' in page
    # and the same code renders from the loaded form
    again = client.post("/download/md", data=MultiDict(_form_fields(page)))
    assert _text(again) == gedragscode.render(code, "md")


def _form_fields(page: str) -> list[tuple[str, str]]:
    """The fields a browser would submit from the drafting form (inputs, checked boxes, selects)."""
    form = page[page.index('id="opstelformulier"'):page.index("</form>", page.index('id="opstelformulier"'))]
    out: list[tuple[str, str]] = []
    for tag in re.findall(r"<input [^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or ('type="checkbox"' in tag and " checked" not in tag):
            continue
        out.append((name.group(1), value.group(1) if value else ""))
    for name, body in re.findall(r'<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option(?: value="([^"]*)")? selected>([^<]*)<', body)
        if chosen:
            out.append((name, chosen.group(1) or chosen.group(2)))
    return [(n, v.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")) for n, v in out]


def test_loading_a_broken_gdc_shows_the_dsl_error_with_line(client: Any) -> None:
    bad = ('gedragscode "X" {\n  lichaam gemeente "X"\n  ambten raadslid\n'
           '  zet geschenken.grens = € 500\n}\n').encode()
    response = client.post("/laden", data={"gdc": (io.BytesIO(bad), "fout.gdc")}, content_type="multipart/form-data")
    page = _text(response)
    assert response.status_code == 422
    assert "fout.gdc:4:" in page and "buiten de grenzen" in page


# ---------------------------------------------------------------- checking an upload


def test_toetsen_upload_answers_with_the_report_page(client: Any) -> None:
    data = (DOCUMENTS / "code_artikelen.txt").read_bytes()
    response = _upload(client, data, "code_artikelen.txt")
    page = _text(response)
    assert response.status_code == 200
    expected = gedragscode.lint("code_artikelen.txt", data=data, suggest=True)
    assert "Toetsing van" in page and expected.title in page
    for finding in expected.clauses:
        if finding.status != "not_required":
            assert f'id="bepaling-{finding.id}"' in page
    # evidence is highlighted in the document's own text and linked from the finding
    marks = re.findall(r'<mark id="(vindplaats-\d+)"', page)
    assert marks
    for mark in marks:
        assert f'href="#{mark}"' in page
    # the suggested text for a missing clause
    missing = next(f for f in expected.clauses if f.status == "missing" and f.suggestion)
    assert "Voorgestelde tekst" in page
    assert missing.suggestion.splitlines()[0].strip()[:40] in page.replace("&#39;", "'")


def test_report_downloads_reuse_the_librarys_reports(client: Any) -> None:
    data = (DOCUMENTS / "code_artikelen.txt").read_bytes()
    page = _text(_upload(client, data, "code_artikelen.txt"))
    link = re.search(r'href="(/toetsen/[^"/]+)/rapport\.json"', page)
    assert link
    report = client.get(link.group(1) + "/rapport.json")
    assert report.status_code == 200 and "attachment" in report.headers["Content-Disposition"]
    parsed = json.loads(report.data)
    expected = gedragscode.lint("code_artikelen.txt", data=data, suggest=True)
    assert parsed == json.loads(gedragscode.render_report([expected], "json", suggest=True, single=True))
    html = client.get(link.group(1) + "/rapport.html")
    assert _text(html) == gedragscode.render_report([expected], "html", suggest=True, single=True)
    assert client.get(link.group(1)).status_code == 200
    assert client.get("/toetsen/onbekend/rapport.json").status_code == 404


def test_wijzigingsbesluit_from_an_upload(client: Any) -> None:
    data = (DOCUMENTS / "code_artikelen.txt").read_bytes()
    page = _text(_upload(client, data, "code_artikelen.txt"))
    link = re.search(r'href="(/toetsen/[^"/]+/wijzigingsbesluit\.docx)"', page)
    assert link, "the report offers the wijzigingsbesluit"
    assert "/geconsolideerd.docx" in page and "/raadsvoorstel.docx" in page
    response = client.get(link.group(1))
    assert response.status_code == 200
    assert "wijzigingsbesluit-code-artikelen.docx" in response.headers["Content-Disposition"]
    expected = gedragscode.amend(data, "code_artikelen.txt", product="besluit", fmt="docx")
    text = [p.text for p in docx.Document(io.BytesIO(response.data)).paragraphs]
    assert text == [p.text for p in docx.Document(io.BytesIO(expected)).paragraphs]
    assert text[0].startswith("Besluit tot wijziging van de Gedragscode integriteit raadsleden gemeente Zonnedal")
    assert client.get(link.group(1).replace("wijzigingsbesluit", "iets-anders")).status_code == 404


def test_wijzigingsbesluit_for_an_unrecognised_structure_is_a_dutch_error(client: Any) -> None:
    page = _text(_upload(client, b"Wij vinden integriteit belangrijk. Meer niet.\n", "kort.txt"))
    link = re.search(r'href="(/toetsen/[^"/]+/wijzigingsbesluit\.docx)"', page)
    assert link
    response = client.get(link.group(1))
    assert response.status_code in (200, 422)
    if response.status_code == 422:
        assert "Geen wijzigingsbesluit mogelijk" in _text(response)


def test_toetsen_reads_docx_uploads(client: Any) -> None:
    docx_bytes = gedragscode.render(gedragscode.make_code("provincie", ["statenlid"], "Zeeland", year=2026), "docx")
    assert isinstance(docx_bytes, bytes)
    page = _text(_upload(client, docx_bytes, "zeeland.docx"))
    assert "provincie Zeeland" in page
    assert "0 fouten, 0 waarschuwingen" in page
    assert "<dt>Bestandsformaat</dt><dd>Word (DOCX)</dd>" in page  # the format in words, not the reader's id


def test_body_and_offices_can_be_given(client: Any) -> None:
    data = (DOCUMENTS / "code_ongenummerd.txt").read_bytes()
    page = _text(_upload(client, data, "code.txt", lichaam="waterschap", ambt="db_lid"))
    assert "<dt>Ambten</dt><dd>db_lid" in page


def test_unreadable_upload_is_reported_in_dutch(client: Any) -> None:
    response = _upload(client, b"PK\x03\x04 kapot", "kapot.docx")
    assert response.status_code == 422
    page = _text(response)
    assert "kapot.docx:" in page and 'role="alert"' in page
    response = client.post("/toetsen", data={}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "kies een bestand" in _text(response)


def test_upload_over_the_cap_gets_413() -> None:
    app = create_app(max_upload=1000)
    client = app.test_client()
    response = _upload(client, b"x" * 5000, "groot.txt")
    assert response.status_code == 413
    assert "te groot" in _text(response)
    # just over the cap, within the multipart allowance: still 413, never read
    response = _upload(client, b"x" * 1001, "net-te-groot.txt")
    assert response.status_code == 413


def test_client_paths_never_touch_the_file_system(client: Any, tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("Gedragscode integriteit GEHEIM", encoding="utf-8")
    for name in (str(secret), "../../../../etc/passwd", "..\\..\\windows\\win.ini"):
        page = _text(_upload(client, b"Artikel 1\n\nDe raad stelt een gedragscode vast.", name))
        assert "GEHEIM" not in page and "root:" not in page
        assert ".." not in re.search(r'<span class="bestandsnaam">([^<]*)<', page).group(1)  # type: ignore[union-attr]
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("C:\\Users\\x\\code.docx") == "code.docx"
    assert display_name("") == "document"
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/stijl.css/../../app.py"):
        response = client.get(path)
        assert response.status_code == 404 or b"create_app" not in response.data, path


# ---------------------------------------------------------------- safety


def test_cross_origin_posts_are_refused(client: Any) -> None:
    for origin in ("http://evil.example", "null", "http://localhost:1"):
        response = client.post("/", data=ALMELO, headers={"Origin": origin})
        assert response.status_code == 403, origin
        assert "andere website" in _text(response)
    response = client.post("/toetsen", data={"bestand": (io.BytesIO(b"x"), "x.txt")},
                           content_type="multipart/form-data", headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert client.post("/", data=ALMELO, headers={"Origin": "http://localhost"}).status_code == 200
    assert client.post("/", data=ALMELO).status_code == 200          # scripts send no Origin


def test_unknown_host_is_refused_against_dns_rebinding(client: Any) -> None:
    assert client.get("/", headers={"Host": "evil.example:8765"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "[::1]:8765"}).status_code == 200
    open_app = create_app(allowed_hosts=None)
    assert open_app.test_client().get("/", headers={"Host": "griffie-pc:8765"}).status_code == 200


def test_security_headers(client: Any) -> None:
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_dutch_error_pages(client: Any) -> None:
    response = client.get("/bestaat-niet")
    assert response.status_code == 404 and "Pagina niet gevonden" in _text(response)
    assert client.post("/download/pdf", data=ALMELO).status_code == 404


def test_static_files_are_served_from_the_package(client: Any) -> None:
    for name in ("stijl.css", "opstellen.js", "pagina.js"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200 and response.data
    css = _text(client.get("/static/stijl.css"))
    assert "@media print" in css and "http" not in css


def test_report_page_shows_statuses_it_does_not_know_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    """An 'onzeker' finding (lint's newer status) is shown with its candidate passage and suggestion."""
    from dataclasses import replace

    from gedragscode.lint.result import ClauseFinding, Evidence, LintResult
    from gedragscode.web import app as web_app
    from gedragscode.web.check import Checked

    text = "Artikel 1\n\nWie iets krijgt, laat dat weten."
    finding = ClauseFinding("geschenken", "Geschenken en diensten", "onzeker", "aanbevolen",  # type: ignore[arg-type]
                            "waarschuwing", True, (Evidence("Artikel 1", 11, 42, text[11:42], 3, 1),),
                            message="Mogelijk gevonden; controleer of dit de bepaling is.",
                            suggestion="Een geschenk boven € 50 wordt gemeld.")
    if "confidence" in ClauseFinding.__dataclass_fields__:
        finding = replace(finding, confidence=0.6)  # type: ignore[call-arg]
    result = LintResult("x.txt", "text", "gemeente", ("raadslid",), (finding,), model_version="2023")
    if "onzeker" not in LintResult("x", "text", None, (), ()).counts():
        pytest.skip("the library has no 'onzeker' status yet")
    monkeypatch.setattr(web_app, "check_upload", lambda *a, **k: Checked("tok", result, text, time.time()))
    page = _text(_upload(create_app().test_client(), b"x", "x.txt"))
    item = page[page.index('id="bepaling-geschenken"'):]
    assert 'class="badge st-onzeker"' in item and "sev-waarschuwing" in item
    assert "Mogelijk gevonden" in item and "Voorgestelde tekst" in item
    assert re.search(r'<mark id="vindplaats-1"[^>]*>.*laat dat weten', page)


# ---------------------------------------------------------------- highlighting


def test_highlight_merges_overlapping_evidence_and_escapes() -> None:
    from gedragscode.lint.result import ClauseFinding, Evidence, LintResult

    text = "<b>Geschenken</b> worden gemeld. Reizen ook."
    a = ClauseFinding("a", "A", "present", "aanbevolen", None, True, (Evidence("", 0, 20, text[:20]),))
    b = ClauseFinding("b", "B", "present", "aanbevolen", None, True,
                      (Evidence("", 10, 30, text[10:30]), Evidence("", 32, 44, text[32:44])))
    result = LintResult("x.txt", "text", None, (), (a, b))
    html, anchors, marks = highlight(result, text)
    assert [m.id for m in marks] == ["vindplaats-1", "vindplaats-2"]
    assert anchors == {("a", 0): "vindplaats-1", ("b", 0): "vindplaats-1", ("b", 1): "vindplaats-2"}
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert marks[0].clauses == ("A", "B") and (marks[0].start, marks[0].end) == (0, 30)


# ---------------------------------------------------------------- the command


def test_serve_help_and_the_cli_stays_light() -> None:
    from gedragscode.cli.main import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--geen-browser" in result.output and "--port" in result.output and "--host" in result.output
    code = "import sys; from gedragscode.cli.main import cli; print('flask' in sys.modules, 'waitress' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


def test_serve_warns_for_a_public_host(monkeypatch: pytest.MonkeyPatch) -> None:
    from gedragscode.cli.main import cli

    from gedragscode.web import server

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(server, "serve", lambda **kw: calls.append(kw))
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--geen-browser", "--port", "9000"])
    assert result.exit_code == 0
    assert "Waarschuwing" in result.output and "netwerk" in result.output
    assert calls[0]["host"] == "0.0.0.0" and calls[0]["port"] == 9000 and calls[0]["open_browser"] is False
    result = CliRunner().invoke(cli, ["serve", "--geen-browser"])
    assert "Waarschuwing" not in result.output and calls[1]["host"] == "127.0.0.1"


def test_serve_runs_a_real_server_on_localhost() -> None:
    process = subprocess.Popen([sys.executable, "-m", "gedragscode", "serve", "--port", "0", "--geen-browser"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        url = ""
        deadline = time.monotonic() + 60
        while not url and time.monotonic() < deadline:
            line = process.stdout.readline()
            match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
            url = match.group(1) if match else ""
        assert url, "the server did not print its address"
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode("utf-8")
        assert 'id="opstelformulier"' in page
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_port_in_use_is_a_dutch_error() -> None:
    import socket

    from gedragscode.cli.main import cli

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port), "--geen-browser"])
    assert result.exit_code == 2
    assert f"poort {port} is al in gebruik" in result.output
