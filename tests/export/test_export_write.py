"""write_atomic and export(): complete files or none, no overwriting by accident."""

from __future__ import annotations

import os

import pytest

from tui.export import export, format_for, write_atomic


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_text_and_bytes(tmp_path):
    write_atomic(tmp_path / "a.md", "héllo “x”\n")
    assert (tmp_path / "a.md").read_bytes() == "héllo “x”\n".encode()
    write_atomic(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert leftovers(tmp_path) == []


def test_refuses_to_overwrite(tmp_path):
    target = tmp_path / "r.html"
    target.write_text("old")
    with pytest.raises(FileExistsError, match="already exists"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_overwrite_when_asked(tmp_path):
    target = tmp_path / "r.html"
    target.write_text("old")
    write_atomic(target, "new", overwrite=True)
    assert target.read_text() == "new"
    assert leftovers(tmp_path) == []


def test_mode_follows_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.md", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "r.md").stat().st_mode & 0o777 == 0o644


def test_failed_write_leaves_nothing(tmp_path, monkeypatch):
    def boom(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError, match="No space"):
        write_atomic(tmp_path / "r.md", "x")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nope" / "r.md", "x")


def test_export_picks_format_from_name(tmp_path, analysis):
    out = export(analysis, tmp_path / "report.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    out = export(analysis, tmp_path / "report.md")
    assert out.read_text(encoding="utf-8").startswith("# Harbour")
    with pytest.raises(FileExistsError):
        export(analysis, tmp_path / "report.md")
    with pytest.raises(ValueError, match="cannot tell the report format"):
        export(analysis, tmp_path / "report.txt")
    assert format_for("X.HTM") == "html" and format_for("x.markdown") == "md"
    assert leftovers(tmp_path) == []
