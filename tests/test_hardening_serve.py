"""``gedragscode serve`` applies the same input limit as the CLI (issues 12 and 13).

The web page takes uploads; they are capped exactly as ``lint --max-grootte`` caps a file: the
same default (the library's 50 MB), the same option on ``serve``, and the cap reaches the reader
too, so a raised cap is not silently undercut by the reader's default.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

from gedragscode.errors import DocumentError
from gedragscode.limits import MAX_INPUT_BYTES
from gedragscode.web import app as web_app
from gedragscode.web.check import check_upload, upload_limit

CODE = ("Gedragscode integriteit raadsleden gemeente Proefstad\n\nArtikel 1 Geschenken\n\n"
        "Een raadslid meldt geschenken met een waarde boven EUR 50 bij de griffier.\n")


def _upload(client: Any, data: bytes, name: str) -> Any:
    return client.post("/toetsen", data={"bestand": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def _serve_app(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[Any, Any]:
    """Run ``gedragscode serve ARGS`` without listening; return the CLI result and the app it built."""
    import waitress.server

    built: list[Any] = []
    original = web_app.create_app

    def create_app(**options: Any) -> Any:
        built.append(original(**options))
        return built[-1]

    class Server:
        effective_port = 8765

        def run(self) -> None:
            return None

        def close(self) -> None:
            return None

    monkeypatch.setattr(web_app, "create_app", create_app)
    monkeypatch.setattr(waitress.server, "create_server", lambda app, **kw: Server())
    result = CliRunner().invoke(cli, ["serve", "--geen-browser", *args])
    return result, built[0] if built else None


def test_the_upload_cap_is_the_cli_cap() -> None:
    assert upload_limit() == MAX_INPUT_BYTES


def test_serve_max_grootte_caps_uploads_end_to_end(monkeypatch: pytest.MonkeyPatch) -> None:
    result, app = _serve_app(monkeypatch, "--max-grootte", "1KB")
    assert result.exit_code == 0, result.output
    client = app.test_client()
    assert _upload(client, CODE.encode(), "proefstad.txt").status_code == 200
    over = (CODE + "x" * 1024).encode()
    response = _upload(client, over, "groot.txt")
    assert response.status_code == 413
    assert "te groot" in response.get_data(as_text=True)


def test_serve_default_cap_is_the_library_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    result, app = _serve_app(monkeypatch)
    assert result.exit_code == 0, result.output
    assert app.config["MAX_CONTENT_LENGTH"] >= MAX_INPUT_BYTES
    assert app.config["MAX_CONTENT_LENGTH"] <= MAX_INPUT_BYTES + 64 * 1024  # only multipart framing on top


def test_serve_refuses_a_bad_size_in_dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    result, app = _serve_app(monkeypatch, "--max-grootte", "veel")
    assert result.exit_code == 2 and app is None
    assert "--max-grootte" in result.output


def test_the_reader_gets_the_same_cap() -> None:
    data = (CODE * 40).encode()
    with pytest.raises(DocumentError, match="te groot"):
        check_upload(data, "proefstad.txt", max_bytes=len(data) - 1)
    assert check_upload(data, "proefstad.txt", max_bytes=len(data)).result is not None


def test_serve_help_names_the_option() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--max-grootte" in result.output
