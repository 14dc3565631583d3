"""RSS and Atom feeds: the list of items (`Feed`), and each item's article as a `Document`.

`load_feed(target, offline=...)` reads a feed file or fetches a feed URL (kept in the
feed's cache, so `--offline` can list it again); `load_item(feed, item, offline=...)` gives
the item's page, fetched and extracted as `slant URL` does, from the cache when it is
there.  Parsing is feedparser's (BSD); it is always given bytes, never a name, so it never
opens a file or the network itself.
"""

from __future__ import annotations

import calendar
import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .cache import PageCache, Reply
from .document import Document, InputError
from .web import from_reply

SUMMARY_CHARS = 160       # the list shows a taste of each item, not its text
_TAGS = re.compile(r"<[^>]*>")
_URL = re.compile(r"https?://\S", re.IGNORECASE)

@dataclass
class FeedItem:
    title: str
    link: str | None           # the article's page (http or https), None when it has none
    source: str                # the item's own <source>, else the feed's title, else the host
    date: str | None           # "2026-12-07 09:30" (UTC) when the item gives one
    summary: str               # plain text, one line, at most SUMMARY_CHARS


@dataclass
class Feed:
    address: str               # the URL or the absolute path of the file
    title: str
    items: list[FeedItem] = field(default_factory=list)
    cache: PageCache | None = None

    def cached(self, item: FeedItem) -> bool:
        return bool(item.link and self.cache and item.link in self.cache)


def is_url(target: str) -> bool:
    return bool(_URL.match(target))


def load_feed(target: str, *, offline: bool = False, fetch=None) -> Feed:
    """The feed at `target` (an http(s) URL or a file).  A URL is fetched (and kept), or
    with `offline` read from the cache only.  `fetch` replaces `web.fetch` (tests)."""
    if is_url(target):
        address = target
        cache = PageCache(address)
        reply = cache.get(address) if offline else None
        if reply is None:
            if offline:
                raise InputError(f"{target}: this feed is not in the cache yet; "
                                 "open it once without --offline")
            reply = _fetch(target, fetch)
            cache.put(reply)
        data = reply.data
    else:
        from .files import read_file

        data = read_file(target)
        address = str(Path(target).resolve())
        cache = PageCache(address)
    feed = parse_feed(data, name=target, address=address)
    feed.cache = cache
    return feed


def parse_feed(data: bytes, *, name: str, address: str | None = None) -> Feed:
    """The items of an RSS or Atom feed's bytes; `InputError` when it is not a feed."""
    import feedparser

    if not data.strip():
        raise InputError(f"{name}: empty file")
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception")
        why = f" ({_first_line(reason)})" if reason else ""
        raise InputError(f"{name}: not an RSS or Atom feed{why}")
    info = parsed.feed
    base = info.get("link") or (address if address and is_url(address) else None)
    title = _plain(info.get("title") or "") or (urlsplit(base).hostname if base else None) \
        or Path(name).name
    items = [_item(entry, title, base) for entry in parsed.entries]
    if not items:
        raise InputError(f"{name}: the feed has no items")
    return Feed(address=address or name, title=title, items=items)


def load_item(feed: Feed, item: FeedItem, *, offline: bool = False, fetch=None) -> Document:
    """The article of `item`: its page from the feed's cache, else fetched (and kept)."""
    if not item.link:
        raise InputError(f"{item.title or 'this item'}: the item has no link to an article")
    cache = feed.cache
    reply = cache.get(item.link) if cache else None
    if reply is None:
        if offline:
            raise InputError(f"{item.link}: not in the cache (pages are kept once read "
                             "online); open it without --offline to fetch it")
        reply = _fetch(item.link, fetch)
        document = from_reply(reply.url, reply.data, reply.ctype, reply.charset)
        if cache is not None:
            cache.put(reply)    # only a page that gave an article is kept
        return document
    return from_reply(reply.url, reply.data, reply.ctype, reply.charset)


def _fetch(url: str, fetch=None) -> Reply:
    if fetch is None:
        from .web import fetch
    data, ctype, charset = fetch(url)
    return Reply(url, data, ctype, charset)


def _item(entry, feed_title: str, base: str | None) -> FeedItem:
    link = entry.get("link") or ""
    if link and not is_url(link):
        from urllib.parse import urljoin

        link = urljoin(base, link) if base else ""
    source = entry.get("source") or {}
    name = _plain(source.get("title") or "") if hasattr(source, "get") else ""
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return FeedItem(
        title=_plain(entry.get("title") or "") or "(untitled)",
        link=link if is_url(link) else None,
        source=name or feed_title,
        date=_date(when),
        summary=_short(_plain(entry.get("summary") or "")),
    )


def _plain(value: str) -> str:
    """Feed text as one plain line: tags dropped, entities read, whitespace collapsed."""
    return " ".join(html.unescape(_TAGS.sub(" ", value)).split())


def _short(text: str) -> str:
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text[:SUMMARY_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"


def _date(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%d %H:%M", time.gmtime(calendar.timegm(parsed)))
    except (OverflowError, ValueError, TypeError):
        return None


def _first_line(exc: object) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else type(exc).__name__

