"""The user's config in the reader: theme, keys, hidden highlights, word lists, and what a
broken file does (a notice naming the file and line; the reader starts with defaults)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding

from reader_fixtures import TEXT, find, make_analysis, segment_at, wait_for_analysis
from tui.app import SlantApp
from tui.keymap import KEY_ACTIONS, keymap
from tui.screens.help import HelpScreen, rows

SIZE = (120, 40)


@pytest.fixture
def config(no_user_config: Path):
    """Write the config file the reader will read."""
    def write(text: str) -> Path:
        no_user_config.write_text(text, encoding="utf-8")
        return no_user_config

    return write


def warnings(app: SlantApp) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "warning"]


async def test_a_broken_config_is_a_notice_and_the_reader_starts_with_defaults(config):
    path = config('theme = "nord"\n[keys]\ntoggle_quotes = \n')
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        found = warnings(app)
        assert len(found) == 1 and found[0].startswith(f"{path}: ")
        assert "line 3" in found[0]
        assert app.theme == "textual-dark"                 # the whole file is ignored
        assert app.enabled == {"quotes", "officials", "figures", "opinion"}
        await pilot.press("1")                             # the default keys work
        assert "quotes" not in app.enabled


async def test_a_bad_entry_is_named_with_its_line_and_the_rest_applies(config):
    path = config('theme = "nord"\n[categories]\ndisabled = ["figures", "gossip"]\n')
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        assert "figures" not in app.enabled
        (found,) = warnings(app)
        assert found.startswith(f"{path}, line 3: ") and "gossip" in found


async def test_theme_from_the_config(config):
    config('theme = "textual-light"\n')
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"
        assert warnings(app) == []


async def test_unknown_theme_is_a_warning(config):
    path = config('theme = "sepia-dreams"\n')
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        (found,) = warnings(app)
        assert str(path) in found and "unknown theme 'sepia-dreams'" in found
        assert "nord" in found                             # it lists the known ones


async def test_keys_remap_toggles_and_the_reader_shows_the_new_keys(config):
    config('[keys]\ntoggle_quotes = "o"\nnext_highlight = "ctrl+n"\n')
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert warnings(app) == []
        await pilot.press("1")                             # no longer bound
        assert "quotes" in app.enabled
        await pilot.press("o")
        assert "quotes" not in app.enabled
        assert " o  Quotes" in app.toggles.render().plain  # the bar shows the user's key
        await pilot.press("ctrl+n")
        assert app.article.target is not None and app.article.target.kind == "highlight"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = {d: k for entries in rows(app.screen.key_bindings).values()
                for k, d, _ in entries}
        assert keys["Quotes"] == "o" and keys["Next highlight"] == "ctrl+n"


async def test_the_command_palette_names_the_remapped_keys(config):
    from tui.commands import SlantCommands

    config('[keys]\ntoggle_figures = "f"\n')
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hits = [hit async for hit in SlantCommands(app.screen).search("toggle figures")]
        assert hits and hits[0].help.startswith("Key f ·")


async def test_a_key_that_is_taken_is_refused_with_a_warning(config):
    path = config('[keys]\ntoggle_quotes = "q"\ntoggle_figures = "f"\n')
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (found,) = warnings(app)
        assert found.startswith(f"{path}, line 2: keys.toggle_quotes: 'q'") and "quit" in found
        await pilot.press("f")
        assert "figures" not in app.enabled
        await pilot.press("1")
        assert "quotes" not in app.enabled
        assert app.is_running                              # q was not taken from quit


async def test_unknown_action_in_keys_is_a_warning(config):
    path = config('[keys]\nfly = "f"\n')
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (found,) = warnings(app)
        assert found.startswith(f"{path}, line 2: unknown action 'fly'")


def test_every_key_action_names_a_binding_of_the_reader_or_the_compare_view():
    from analyzers.sources import Document
    from tui.compare_app import CompareApp

    app = SlantApp("bridge.txt", analysis=make_analysis())
    ids = {b.id for b in app.help_bindings()}
    both = CompareApp(Document(text="A."), Document(text="B."))
    compare_ids = {b.id for b in both.help_bindings()}
    assert set(KEY_ACTIONS.values()) == ids | compare_ids
    assert {i for i in KEY_ACTIONS.values() if i.startswith("compare.")} == compare_ids - ids


def test_swapping_two_keys_is_not_a_clash():
    bindings = [Binding("q", "quit", "Quit", id="app.quit"),
                Binding("1", "toggle('quotes')", "Quotes", id="highlights.quotes")]
    found, warned = keymap({"quit": "1", "toggle_quotes": "q"}, bindings)
    assert found == {"app.quit": "1", "highlights.quotes": "q"} and warned == []
    found, warned = keymap({"toggle_quotes": "q"}, bindings)
    assert found == {} and [a for a, _ in warned] == ["toggle_quotes"]


async def test_hidden_highlights_start_switched_off(config):
    config('[categories]\ndisabled = ["figures", "opinion", "hedge"]\n')
    analysis = make_analysis()
    app = SlantApp("bridge.txt", analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.enabled == {"quotes", "officials"}
        assert app.article.enabled == frozenset({"quotes", "officials"})
        bar = app.toggles.render().plain
        assert "Figures 3 ○" in bar and "Quotes 2 ●" in bar
        plain = segment_at(app.article, find(TEXT, "$420 billion")[0]).style
        assert not plain.underline                         # figures are not drawn
        await pilot.press("3")
        assert "figures" in app.enabled                    # and can be switched on


async def test_opinion_settings_reach_the_analysis(config, article_file, monkeypatch):
    import analyzers

    config('[opinion.add]\nloaded = ["patching"]\n[categories]\ndisabled = ["hedge"]\n')
    seen = {}
    real = analyzers.analyze_progressive

    def progressive(text, **kw):
        seen.update(kw)
        yield from real(text, **kw)

    monkeypatch.setattr(analyzers, "analyze_progressive", progressive)
    app = SlantApp(str(article_file), model="none", isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
    assert seen["settings"] == {"slant_opinion": {"extra": {"loaded": ["patching"]},
                                                  "remove": {}, "disabled": ["hedge"]}}
    words = [o.text for o in app.analysis.opinion if o.category == "loaded"]
    assert "patching" in words


async def test_export_carries_the_notes_and_the_hidden_categories(config, tmp_path,
                                                                  monkeypatch):
    import tui.export as export

    config('[categories]\ndisabled = ["officials"]\n')
    path = tmp_path / "bridge.txt"
    path.write_bytes("Le conseil municipal a approuvé mardi un prêt pour reconstruire le "
                     "pont, une décision que les critiques ont jugée imprudente. "
                     .encode() * 3)
    calls = []
    real = export.render

    def render(analysis, fmt, **kw):
        calls.append(kw)
        return real(analysis, fmt, **kw)

    monkeypatch.setattr(export, "render", render)
    monkeypatch.chdir(tmp_path)
    app = SlantApp(str(path), model="none")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
        notes = app.document.notes
        assert notes, "the French text should carry a note"
        shown = [n.message for n in app._notifications]
        assert any(note in shown for note in notes)        # the note is a notice
        await pilot.press("4", "e")
        await pilot.pause()
    assert [c["review"]["schema"] for c in calls] == ["slant.review/1"]   # the review goes too
    assert [{k: v for k, v in c.items() if k != "review"} for c in calls] == \
        [{"notes": notes, "hidden": ["officials", "opinion"]}]
    html = (tmp_path / "bridge-slant.html").read_text()
    assert notes[0] in html or notes[0].replace("'", "&#x27;") in html
