"""The reader's feed mode driven headless: the list, an item read with its highlights, back
to the list, the cache, and an item that cannot be had offline.  Pages come from disk."""

from __future__ import annotations

import time

import pytest

from analyzers.sources.feeds import load_feed
from reader_fixtures import screen_lines, wait_for_analysis
from tests.fixtures.feeds import RSS, SITE, FakeWeb
from tui.app import SlantApp
from tui.screens.feed import FeedScreen

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_CACHE", str(tmp_path / "cache"))


def feed_app(offline=False, web=None) -> SlantApp:
    return SlantApp(None, model="none", isolate=False, feed=load_feed(str(RSS)),
                    offline=offline, fetcher=web or FakeWeb())


async def until(pilot, condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


def listed(app) -> str:
    return "\n".join(str(app.screen.query_one("#feed-items").get_option_at_index(i).prompt)
                     for i in range(app.screen.query_one("#feed-items").option_count)
                     if isinstance(app.screen, FeedScreen))


async def test_list_then_an_item_then_back_to_the_list():
    web = FakeWeb()
    app = feed_app(web=web)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FeedScreen)
        text = listed(app)
        assert "Harbour bridge vote passes after a long night" in text
        assert "The Harbour Courier · 2026-12-07 08:15" in text
        assert "Coast Wire · 2026-12-05 06:00" in text
        assert "The council approved the $420 million bridge" in text
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, FeedScreen))
        await wait_for_analysis(app, pilot)
        assert app.document.path == SITE + "bridge-vote.html"
        assert any("Mayor Ilse Brandvik" in line for line in screen_lines(app.article))
        assert app.analysis is not None and app.analysis.figures
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FeedScreen)
        # the same item again: from memory, not fetched, not analysed again
        first = app.analysis
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, FeedScreen))
        assert app.analysis is first and not app.analysing
        assert web.asked == [SITE + "bridge-vote.html"]
        # back, down to the second item, read it
        await pilot.press("backspace", "down", "enter")
        await until(pilot, lambda: not isinstance(app.screen, FeedScreen))
        await wait_for_analysis(app, pilot)
        assert app.document.path == SITE + "ferry-fares.html"
        assert app.analysis.text == app.document.text
        assert "Ferry fares" in str(app.query_one("#title").render())
        assert str(app.query_one("#source").render()) == "The Harbour Courier · courier.example"


async def test_offline_an_uncached_item_is_a_message_on_the_list():
    online = feed_app()
    async with online.run_test(size=SIZE) as pilot:     # reads the first item: now cached
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(online.screen, FeedScreen))
        await wait_for_analysis(online, pilot)
    web = FakeWeb()
    app = feed_app(offline=True, web=web)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = listed(app)
        assert "offline: cached pages only" in str(app.screen.query_one("#feed-title").render())
        assert text.count("not cached") == 2            # the second and third items
        await pilot.press("down", "enter")
        await until(pilot, lambda: app._notifications)
        (note,) = list(app._notifications)
        assert note.message == (f"{SITE}ferry-fares.html: not in the cache (pages are kept "
                                "once read online); open it without --offline to fetch it")
        assert isinstance(app.screen, FeedScreen)
        await pilot.press("up", "enter")                 # the cached one opens
        await until(pilot, lambda: not isinstance(app.screen, FeedScreen))
        await wait_for_analysis(app, pilot)
        assert "Mayor Ilse Brandvik" in app.document.text
    assert web.asked == []


async def test_a_page_that_is_gone_leaves_the_list_up():
    app = feed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await until(pilot, lambda: app._notifications)
        assert "404 Not Found" in list(app._notifications)[0].message
        assert isinstance(app.screen, FeedScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_the_back_key_is_only_there_for_a_feed(analysis):
    plain = SlantApp("bridge.txt", analysis=analysis)
    assert "feed.back" not in {b.id for b in plain.help_bindings()}
    async with plain.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert plain.check_action("feed_back", ()) is False
        await pilot.press("escape")
        assert not isinstance(plain.screen, FeedScreen)
    assert "feed.back" in {b.id for b in feed_app().help_bindings()}
