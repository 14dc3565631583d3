"""ctrl+s saves an SVG screenshot, e exports the HTML report; never overwriting unasked."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader_fixtures import make_analysis
from tui.app import SlantApp
from tui.export import write_atomic
from tui.files import fresh_path, publish, safe_stem
from tui.screens.confirm import ConfirmScreen

SIZE = (120, 40)


def messages(app: SlantApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_ctrl_s_saves_a_fresh_svg_each_time(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        svgs = sorted(tmp_path.glob("*.svg"))
        assert len(svgs) == 2
        assert all(p.name.startswith("bridge-slant-") for p in svgs)
        assert "<svg" in svgs[0].read_text(encoding="utf-8")
        assert not list(tmp_path.glob(".*"))          # no temporary files left
        assert any(str(svgs[0]) in m or str(svgs[1]) in m for m in messages(app))


async def test_e_exports_html_and_asks_before_overwriting(tmp_path, monkeypatch):
    import tui.export as export

    calls = []

    def fake_render(analysis, fmt, **kw):
        calls.append(fmt)
        return f"<html>report {len(calls)}</html>"

    monkeypatch.setattr(export, "render", fake_render)
    monkeypatch.chdir(tmp_path)
    app = SlantApp("bridge.txt", analysis=make_analysis())
    out = tmp_path / "bridge-slant.html"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert out.read_text() == "<html>report 1</html>"
        assert calls == ["html"]
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert out.read_text() == "<html>report 1</html>"   # kept
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert out.read_text() == "<html>report 2</html>"
        assert not isinstance(app.screen, ConfirmScreen)
        assert [p.name for p in tmp_path.iterdir()] == ["bridge-slant.html"]


async def test_e_without_the_export_package_says_so(tmp_path, monkeypatch):
    import tui.export as export

    monkeypatch.delattr(export, "render")
    monkeypatch.chdir(tmp_path)
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert any("not available" in m for m in messages(app))
        assert not list(tmp_path.iterdir())


async def test_e_with_the_real_renderer(tmp_path, monkeypatch):
    import tui.export as export

    if not callable(getattr(export, "render", None)):
        pytest.skip("tui.export.render is not written yet")
    monkeypatch.chdir(tmp_path)
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
    text = (tmp_path / "bridge-slant.html").read_text(encoding="utf-8")
    assert "Brandvik" in text


def test_write_atomic_and_publish(tmp_path: Path):
    target = tmp_path / "r.html"
    write_atomic(target, "one", overwrite=False)
    with pytest.raises(FileExistsError):
        write_atomic(target, "two", overwrite=False)
    assert target.read_text() == "one"
    write_atomic(target, b"three", overwrite=True)
    assert target.read_text() == "three"
    tmp = tmp_path / "t.tmp"
    tmp.write_text("x")
    with pytest.raises(FileExistsError):
        publish(tmp, target, overwrite=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "t.tmp"]


def test_names():
    assert safe_stem("/a/b/My Article.txt") == "My-Article"
    assert safe_stem("https://news.example/2024/story-name/") == "story-name"
    assert safe_stem("https://news.example/") == "news.example"
    assert safe_stem("-") == "stdin" and safe_stem(None) == "stdin"


def test_fresh_path(tmp_path: Path):
    (tmp_path / "x.svg").write_text("")
    (tmp_path / "x-2.svg").write_text("")
    assert fresh_path(tmp_path, "x", ".svg") == tmp_path / "x-3.svg"


def test_reattach_terminal_reads_keys_from_the_tty_after_a_pipe(monkeypatch):
    import io
    import os
    import sys

    import tui.cli.read as read_module

    calls = []

    class Piped(io.StringIO):
        def isatty(self):
            return False

    monkeypatch.setattr(sys, "__stdin__", Piped())
    monkeypatch.setattr(os, "open", lambda path, flags: calls.append(("open", path)) or 99)
    monkeypatch.setattr(os, "dup2", lambda a, b: calls.append(("dup2", a, b)))
    monkeypatch.setattr(os, "close", lambda fd: calls.append(("close", fd)))
    assert read_module.reattach_terminal()
    assert calls == [("open", "/dev/tty"), ("dup2", 99, 0), ("close", 99)]

    def no_tty(path, flags):
        raise OSError("no terminal")

    monkeypatch.setattr(os, "open", no_tty)
    assert not read_module.reattach_terminal()
