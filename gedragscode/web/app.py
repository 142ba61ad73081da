"""The Flask application behind ``gedragscode serve``.

Routes (stable; documented in docs/developer.md):

=========================================  ==============================================================
``GET /``                                  start page: the drafting form (query parameters fill it)
``POST /``                                 the drafting form submitted: form and preview again
``POST /download/<fmt>``                   the posted form's code: docx, md, html, gdc or controle
``POST /laden``                            a local code file (field ``gdc``) fills the form
``GET /toetsen``                           the upload form for checking a code
``POST /toetsen``                          multipart upload in field ``bestand`` → the report page
``GET /toetsen/<token>``                   the report page of an earlier upload (kept in memory)
``GET /toetsen/<token>/rapport.<json|html>``  the library's JSON or HTML report of that upload
``GET /toetsen/<token>/<product>.docx``    wijzigingsbesluit, geconsolideerd or raadsvoorstel (``amend``)
=========================================  ==============================================================

Safety: every request must name this server in its ``Host`` header (loopback names unless the
server was started with ``--host``), a POST whose ``Origin`` is another site is refused (403), an
upload larger than the library's document limit gets 413, uploads are read into memory only.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from collections.abc import Sequence
from typing import IO, Any

from flask import Flask, Request, Response, abort, render_template, request
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

import gedragscode
from gedragscode.errors import GedragscodeError
from gedragscode.lint.reports.common import (
    FORMAT_LABEL,
    STATUS_LABEL,
    STATUS_SYMBOL,
    body_label,
    evidence_label,
    problems_first,
    summary_line,
)
from gedragscode.web import draft as drafting
from gedragscode.web.check import Checked, ResultStore, check_upload, display_name, highlight, upload_limit

__all__ = ["DOWNLOADS", "LOOPBACK_HOSTS", "create_app"]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
#: Downloads of a drafted code: format -> (suffix, MIME type, button text).
DOWNLOADS: dict[str, tuple[str, str, str]] = {
    "docx": (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)"),
    "html": (".html", "text/html; charset=utf-8", "Webpagina (HTML)"),
    "md": (".md", "text/markdown; charset=utf-8", "Markdown"),
    "gdc": (".gdc", "text/plain; charset=utf-8", "Eigen bestand (.gdc)"),
    "controle": ("-nog-te-controleren.txt", "text/plain; charset=utf-8", "Nog te controleren (lijst)"),
}
#: The products of ``gedragscode wijzig`` offered for an upload: URL name -> (product, button text).
AMENDMENTS: dict[str, tuple[str, str]] = {
    "wijzigingsbesluit": ("besluit", "Wijzigingsbesluit (DOCX)"),
    "geconsolideerd": ("geconsolideerd", "Code met de wijzigingen erin (DOCX, met revisies)"),
    "raadsvoorstel": ("raadsvoorstel", "Raadsvoorstel (DOCX)"),
}
GDC_LIMIT = 1024 * 1024  # a local code file is a few kilobytes
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


class MemoryRequest(Request):
    """A request whose uploaded files stay in memory (never in a temporary file)."""

    def _get_file_stream(self, total_content_length: int | None, content_type: str | None,
                         filename: str | None = None, content_length: int | None = None) -> IO[bytes]:
        return io.BytesIO()


def _slug(text: str) -> str:
    words = re.findall(r"[0-9A-Za-zÀ-ÿ]+", text.lower())
    return "-".join(words)[:120] or "gedragscode"


_LANDMARK = re.compile(r"<(/?)(?:main|header|footer)\b")


def _embedded(page: str) -> str:
    """The body of a rendered code's HTML page, to show inside this page's own ``<main>``.

    Its ``main``/``header``/``footer`` become ``div``: a page has one main landmark.
    """
    body = page.partition("<body>")[2].rpartition("</body>")[0].strip()
    return _LANDMARK.sub(lambda m: f"<{m.group(1)}div", body)


def _host_name(host: str) -> str:
    """``"127.0.0.1:8765"`` -> ``"127.0.0.1"``; ``"[::1]:8765"`` -> ``"::1"``."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def create_app(*, allowed_hosts: Sequence[str] | None = LOOPBACK_HOSTS, max_upload: int | None = None,
               today: _dt.date | None = None) -> Flask:
    """The web application.

    ``allowed_hosts``: host names the ``Host`` header may carry (``None``: any, for a server
    bound with ``--host`` to a public address). ``max_upload``: the largest accepted upload in
    bytes (default: the library's document limit). ``today`` fixes the default year (tests).
    """
    app = Flask(__name__)
    app.request_class = MemoryRequest
    limit = max_upload if max_upload is not None else upload_limit()
    # multipart framing around the file; the file itself is checked against ``limit`` exactly
    app.config["MAX_CONTENT_LENGTH"] = limit + 64 * 1024
    app.config["MAX_FORM_MEMORY_SIZE"] = 1024 * 1024
    app.config["TEMPLATES_AUTO_RELOAD"] = False
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    store = ResultStore()
    hosts = {h.lower() for h in allowed_hosts} if allowed_hosts is not None else None
    model = gedragscode.load_model()

    app.jinja_env.globals.update(
        STATUS_LABEL=STATUS_LABEL, STATUS_SYMBOL=STATUS_SYMBOL, UNITS=drafting.UNITS, DOWNLOADS=DOWNLOADS,
        version=gedragscode.__version__, model=model, AMENDMENTS=AMENDMENTS, limit_mb=max(1, limit // (1024 * 1024)),
        evidence_label=evidence_label, body_label=body_label, FORMAT_LABEL=FORMAT_LABEL,
    )

    # ------------------------------------------------------------ safety

    @app.before_request
    def _guard() -> Response | None:
        if hosts is not None and _host_name(request.host.lower()) not in hosts:
            return _error_page(400, "Onbekend adres",
                               "Deze pagina is alleen bereikbaar via het adres waarop gedragscode serve draait.")
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = request.headers.get("Origin")
            if origin is not None and origin.rstrip("/") != f"{request.scheme}://{request.host}":
                return _error_page(403, "Verzoek van een andere website geweigerd",
                                   "Een andere website probeerde gegevens naar deze pagina te sturen.")
            if request.headers.get("Sec-Fetch-Site") == "cross-site":
                return _error_page(403, "Verzoek van een andere website geweigerd",
                                   "Een andere website probeerde gegevens naar deze pagina te sturen.")
        return None

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" makes Origin "null"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    def _error_page(status: int, title: str, message: str) -> Response:
        html = render_template("fout.html", title=title, message=message, status=status)
        return Response(html, status=status, mimetype="text/html")

    @app.errorhandler(RequestEntityTooLarge)
    def _too_large(exc: HTTPException) -> Response:
        return _error_page(413, "Bestand te groot",
                           f"Het bestand is groter dan {max(1, limit // (1024 * 1024))} MB en wordt niet gelezen.")

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        titles = {404: "Pagina niet gevonden", 405: "Dit kan hier niet", 400: "Onjuist verzoek"}
        status = exc.code or 500
        return _error_page(status, titles.get(status, "Fout"),
                           "Ga terug naar de startpagina en probeer het opnieuw.")

    # ------------------------------------------------------------ drafting

    def _fields(source: MultiDict[str, str]) -> drafting.DraftForm:
        first = {k: source.get(k, "") for k in source}
        lists = {k: source.getlist(k) for k in source}
        return drafting.form_from_fields(first, lists)

    def _draft_page(draft: drafting.Draft, *, status: int = 200, loaded: str = "",
                    load_errors: Sequence[str] = ()) -> Response:
        preview = ""
        if draft.code is not None and draft.form.place:
            html = gedragscode.render(draft.code, "html")
            assert isinstance(html, str)
            preview = _embedded(html)
        page = render_template("opstellen.html", draft=draft, preview=Markup(preview), loaded=loaded,
                               load_errors=list(load_errors), name_missing=drafting.NAME_MISSING)
        return Response(page, status=status, mimetype="text/html")

    @app.route("/", methods=["GET", "POST"])
    def start() -> Response:
        source = request.form if request.method == "POST" else request.args
        form = _fields(source)
        if not source:
            form.body, form.offices = model.bodies[0].id, [model.bodies[0].offices[0].id]
        return _draft_page(drafting.build(form, model, today=today))

    @app.post("/download/<fmt>")
    def download(fmt: str) -> Response:
        if fmt not in DOWNLOADS:
            abort(404)
        draft = drafting.build(_fields(request.form), model, today=today)
        if not draft.form.place:
            draft.field_errors["naam"] = drafting.NAME_MISSING
        if not draft.ready or draft.code is None:
            return _draft_page(draft, status=422)
        code = draft.code
        data: str | bytes
        if fmt == "gdc":
            data = gedragscode.starter_code(code)
        elif fmt == "controle":
            data = gedragscode.render_checklist(gedragscode.checklist(code), "text", code.name)
        else:
            data = gedragscode.render(code, fmt)
        suffix, mime, _ = DOWNLOADS[fmt]
        body = data.encode("utf-8") if isinstance(data, str) else data
        response = Response(body, content_type=mime)
        response.headers.set("Content-Disposition", "attachment", filename=_slug(code.name) + suffix)
        return response

    @app.post("/laden")
    def load() -> Response:
        upload = request.files.get("gdc")
        errors: list[str] = []
        code = None
        name = display_name(upload.filename if upload else "")
        data = upload.read(GDC_LIMIT + 1) if upload else b""
        if not data.strip():
            errors.append("kies een lokaal gedragscodebestand (.gdc) om te laden")
        elif len(data) > GDC_LIMIT:
            errors.append("dit bestand is te groot voor een lokaal gedragscodebestand")
        else:
            try:
                text = data.decode("utf-8-sig")
                code = gedragscode.load_code(gedragscode.parse(text, name), model=model)
            except UnicodeDecodeError:
                errors.append(f"{name}: het bestand is geen UTF-8-tekst")
            except GedragscodeError as exc:
                group = getattr(exc, "errors", None) or [exc]
                errors.extend(e.format() for e in group)
        if code is None:
            form = drafting.DraftForm(body=model.bodies[0].id, offices=[model.bodies[0].offices[0].id])
            return _draft_page(drafting.build(form, model, today=today), status=422, load_errors=errors)
        draft = drafting.build(drafting.form_from_code(code), model, today=today)
        extra = [c.title for c in code.clauses if model.clause(c.id) is None]
        if extra:
            draft.notices.append("Dit bestand bevat eigen artikelen (" + ", ".join(extra) + "). Deze pagina "
                                 "kan die niet bewerken en neemt ze niet mee; maak die code met "
                                 f"'gedragscode render {name}'.")
        if code.adopted:
            draft.notices.append(f"De datum van vaststelling ({code.adopted}) kan op deze pagina niet worden "
                                 "ingevuld en wordt niet meegenomen.")
        return _draft_page(draft, loaded=name)

    # ------------------------------------------------------------ checking

    def _report_page(checked: Checked) -> Response:
        html, anchors, marks = highlight(checked.result, checked.text)
        page = render_template("rapport.html", checked=checked, result=checked.result,
                               findings=problems_first(checked.result.clauses), summary=summary_line(checked.result),
                               document_html=Markup(html), anchors=anchors, marks=marks,
                               amendment=_amendment_available())
        return Response(page, mimetype="text/html")

    def _upload_page(*, status: int = 200, errors: Sequence[str] = (), body: str = "",
                     offices: Sequence[str] = ()) -> Response:
        page = render_template("toetsen.html", errors=list(errors), chosen_body=body, chosen_offices=list(offices))
        return Response(page, status=status, mimetype="text/html")

    @app.get("/toetsen")
    def upload_form() -> Response:
        return _upload_page()

    @app.post("/toetsen")
    def check() -> Response:
        upload = request.files.get("bestand")
        body = request.form.get("lichaam", "").strip() or None
        offices = [o for o in request.form.getlist("ambt") if o.strip()]
        if upload is None or (not upload.filename and not upload.content_length):
            return _upload_page(status=400, errors=["kies een bestand om te toetsen"], body=body or "",
                                offices=offices)
        data = upload.read(limit + 1)
        if len(data) > limit:
            raise RequestEntityTooLarge()
        try:
            checked = check_upload(data, upload.filename, body=body, offices=offices, max_bytes=limit)
        except GedragscodeError as exc:
            return _upload_page(status=422, errors=[f"{display_name(upload.filename)}: {exc.message}"],
                                body=body or "", offices=offices)
        store.add(checked)
        return _report_page(checked)

    def _checked(token: str) -> Checked:
        checked = store.get(token)
        if checked is None:
            abort(404)
        return checked

    @app.get("/toetsen/<token>")
    def report(token: str) -> Response:
        return _report_page(_checked(token))

    @app.get("/toetsen/<token>/rapport.<fmt>")
    def report_download(token: str, fmt: str) -> Response:
        if fmt not in ("json", "html"):
            abort(404)
        checked = _checked(token)
        text = gedragscode.render_report([checked.result], fmt, suggest=True, single=True)
        mime = "application/json" if fmt == "json" else "text/html; charset=utf-8"
        response = Response(text.encode("utf-8"), content_type=mime)
        stem = _slug(checked.result.file.rsplit(".", 1)[0])
        response.headers.set("Content-Disposition", "attachment", filename=f"toetsing-{stem}.{fmt}")
        return response

    @app.get("/toetsen/<token>/<product>.docx")
    def amendment(token: str, product: str) -> Response:
        if product not in AMENDMENTS:
            abort(404)
        checked = _checked(token)
        if not _amendment_available():
            return _error_page(404, "Nog niet beschikbaar",
                               "Het wijzigingsbesluit kan deze versie van gedragscode nog niet maken.")
        try:
            data = _amendment(checked, AMENDMENTS[product][0])
        except GedragscodeError as exc:
            return _error_page(422, "Geen wijzigingsbesluit mogelijk", f"{checked.result.file}: {exc.message}")
        response = Response(data, content_type=DOWNLOADS["docx"][1])
        stem = _slug(checked.result.file.rsplit(".", 1)[0])
        response.headers.set("Content-Disposition", "attachment", filename=f"{product}-{stem}.docx")
        return response

    return app


# ---------------------------------------------------------------- the wijzigingsbesluit hook


def _amendment_available() -> bool:
    """Whether the library can write a wijzigingsbesluit (``gedragscode.amend``)."""
    return callable(getattr(gedragscode, "amend", None))


def _amendment(checked: Checked, product: str) -> bytes:
    """One product of ``gedragscode wijzig`` for an upload, as DOCX, from the library's ``amend``."""
    amend: Any = getattr(gedragscode, "amend")  # noqa: B009 - looked up late, like the availability check
    data = amend(checked.data, checked.filename, product=product, fmt="docx", body=checked.body,
                 offices=list(checked.offices) or None)
    return data if isinstance(data, bytes) else str(data).encode("utf-8")
