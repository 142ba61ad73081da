"""Tests for gedragscode.output.write_output: atomic, no accidental overwrite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gedragscode.errors import GedragscodeError, OutputExistsError
from gedragscode.output import write_output


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_writes_text_as_utf8_with_lf(tmp_path: Path) -> None:
    target = tmp_path / "code.md"
    write_output(target, "# Gedragscode\n\nGeschenken boven € 50\n")
    assert target.read_bytes() == "# Gedragscode\n\nGeschenken boven € 50\n".encode()
    assert leftovers(tmp_path) == []


def test_writes_bytes(tmp_path: Path) -> None:
    target = tmp_path / "code.docx"
    write_output(target, b"PK\x03\x04\r\n")
    assert target.read_bytes() == b"PK\x03\x04\r\n"


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "code.md"
    target.write_text("oud", encoding="utf-8")
    with pytest.raises(OutputExistsError) as info:
        write_output(target, "nieuw")
    message = str(info.value)
    assert "bestaat al" in message and "--force" in message and str(target) in message
    assert info.value.location is not None and info.value.location.file == str(target)
    assert target.read_text(encoding="utf-8") == "oud"
    assert leftovers(tmp_path) == []


def test_overwrites_with_force(tmp_path: Path) -> None:
    target = tmp_path / "code.md"
    target.write_text("oud", encoding="utf-8")
    write_output(target, "nieuw", force=True)
    assert target.read_text(encoding="utf-8") == "nieuw"
    assert leftovers(tmp_path) == []


def test_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "code.html"
    write_output(target, "<!DOCTYPE html>")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_failure_mid_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "code.md"
    target.write_text("oud", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(GedragscodeError) as info:
        write_output(target, "nieuw" * 1000, force=True)
    assert "niet schrijven" in str(info.value)
    assert target.read_text(encoding="utf-8") == "oud"
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["code.md"]


def test_failure_on_replace_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "code.md"
    target.write_text("oud", encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(GedragscodeError):
        write_output(target, "nieuw", force=True)
    assert target.read_text(encoding="utf-8") == "oud"
    assert leftovers(tmp_path) == []


def test_interrupt_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "code.md"

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output(target, "tekst")
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "bestaat-niet" / "code.md"
    with pytest.raises(GedragscodeError) as info:
        write_output(target, "tekst")
    assert "bestaat niet" in str(info.value)
    assert not target.parent.exists()


def test_directory_as_target_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GedragscodeError) as info:
        write_output(tmp_path, "tekst", force=True)
    assert "is een map" in str(info.value)


def test_no_race_between_check_and_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that appears after the existence check is still not overwritten."""
    target = tmp_path / "code.md"
    real_fsync = os.fsync

    def appear(fd: int) -> None:
        real_fsync(fd)
        target.write_text("van iemand anders", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", appear)
    with pytest.raises(OutputExistsError):
        write_output(target, "nieuw")
    assert target.read_text(encoding="utf-8") == "van iemand anders"
    assert leftovers(tmp_path) == []
