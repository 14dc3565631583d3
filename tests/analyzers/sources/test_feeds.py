"""Feeds: RSS and Atom files written for these tests, their pages served from disk."""

from __future__ import annotations

import pytest

from analyzers.sources import InputError
from analyzers.sources.feeds import load_feed, load_item, parse_feed
from tests.fixtures.feeds import ATOM, RSS, SITE, FakeWeb


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_rss_items_have_title_source_date_and_a_short_plain_summary():
    feed = load_feed(str(RSS))
    assert feed.title == "The Harbour Courier"
    assert [i.title for i in feed.items] == [
        "Harbour bridge vote passes after a long night", "Ferry fares to rise by 12 per cent",
        "Fish market reopens"]
    first, second, third = feed.items
    assert first.link == SITE + "bridge-vote.html"
    assert first.date == "2026-12-07 08:15"
    assert first.source == "The Harbour Courier"
    assert third.source == "Coast Wire"            # the item's own <source> wins
    assert first.summary.startswith("The council approved the $420 million bridge")
    assert "<" not in first.summary                # tags dropped
    assert len(second.summary) <= 161 and second.summary.endswith("…")


def test_atom_items_and_an_item_without_a_link():
    feed = load_feed(str(ATOM))
    assert feed.title == "The Harbour Courier (Atom)"
    assert feed.items[0].date == "2026-12-07 08:15"
    assert feed.items[1].link is None
    with pytest.raises(InputError, match="the item has no link to an article"):
        load_item(feed, feed.items[1], fetch=FakeWeb())


def test_an_item_is_fetched_once_then_read_from_the_cache(cache):
    web = FakeWeb()
    feed = load_feed(str(RSS))
    doc = load_item(feed, feed.items[0], fetch=web)
    assert doc.title == "Harbour bridge vote passes after a long night"
    assert "Mayor Ilse Brandvik" in doc.text and doc.path == SITE + "bridge-vote.html"
    again = load_item(load_feed(str(RSS)), feed.items[0], fetch=web)
    assert again.text == doc.text
    assert web.asked == [SITE + "bridge-vote.html"]
    assert feed.cached(feed.items[0]) and not feed.cached(feed.items[1])
    assert list(cache.rglob("*.page")) and not list(cache.rglob("*.tmp"))


def test_offline_reads_only_the_cache():
    web = FakeWeb()
    feed = load_feed(str(RSS))
    load_item(feed, feed.items[0], fetch=web)
    assert load_item(feed, feed.items[0], offline=True, fetch=web).title
    with pytest.raises(InputError) as err:
        load_item(feed, feed.items[1], offline=True, fetch=web)
    assert str(err.value) == (f"{SITE}ferry-fares.html: not in the cache (pages are kept once "
                              "read online); open it without --offline to fetch it")
    assert web.asked == [SITE + "bridge-vote.html"]


def test_a_page_that_fails_is_one_line_and_not_cached():
    web = FakeWeb()
    feed = load_feed(str(RSS))
    with pytest.raises(InputError, match="404 Not Found"):
        load_item(feed, feed.items[2], fetch=web)
    assert not feed.cached(feed.items[2])


def test_a_feed_url_is_fetched_kept_and_listed_offline():
    data = RSS.read_bytes()
    asked = []

    def fetch(url, **_):
        asked.append(url)
        return data, "application/rss+xml", None

    url = "https://courier.example/rss.xml"
    assert len(load_feed(url, fetch=fetch).items) == 3
    offline = load_feed(url, offline=True, fetch=fetch)
    assert [i.title for i in offline.items][0].startswith("Harbour bridge")
    assert asked == [url]
    with pytest.raises(InputError, match="not in the cache yet; open it once without --offline"):
        load_feed("https://courier.example/other.xml", offline=True, fetch=fetch)


def test_two_feeds_have_two_caches():
    assert load_feed(str(RSS)).cache.folder != load_feed(str(ATOM)).cache.folder


@pytest.mark.parametrize("data, message", [
    (b"", "F: empty file"),
    (b"<html><body><p>A web page, not a feed.</p></body></html>", "F: not an RSS or Atom feed"),
    (b"\x00\x01binary", "F: not an RSS or Atom feed"),
    (b'<rss version="2.0"><channel><title>x</title></channel></rss>', "F: the feed has no items"),
])
def test_what_is_not_a_feed_is_one_line(data, message):
    with pytest.raises(InputError) as err:
        parse_feed(data, name="F")
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_a_missing_feed_file():
    with pytest.raises(InputError, match="no such file"):
        load_feed("no/such/feed.xml")
