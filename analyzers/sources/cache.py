"""A feed's cache of fetched pages, in the platform's cache folder.

One folder per feed (`~/.cache/slant/feeds/<hash of the feed's address>/` on Linux;
`$SLANT_CACHE` names another root), one entry per page: the server's bytes as they came
(`<hash>.page`) and what it said about them (`<hash>.json`: URL, content type, charset,
when).  Going back and forth in a feed then costs no download, and `--offline` reads only
what is here.  Every file is written atomically (a temporary file, then a rename), and the
meta file last, so an interrupted write leaves no half entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "SLANT_CACHE"


def cache_root() -> Path:
    """Where slant keeps its cache: $SLANT_CACHE, else the platform's cache folder."""
    given = os.environ.get(ENV_VAR)
    if given:
        return Path(given)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("slant", appauthor=False))


def key(address: str) -> str:
    return hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass
class Reply:
    """A server's reply as `web.from_reply` reads it."""

    url: str
    data: bytes
    ctype: str
    charset: str | None


class PageCache:
    """The pages of one feed.  `feed` is its URL, or the absolute path of a feed file."""

    def __init__(self, feed: str, root: Path | None = None) -> None:
        self.feed = feed
        self.folder = (root or cache_root()) / "feeds" / key(feed)

    def get(self, url: str) -> Reply | None:
        base = self.folder / key(url)
        try:
            meta = json.loads((base.with_suffix(".json")).read_text(encoding="utf-8"))
            data = base.with_suffix(".page").read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url:
            return None   # another address with the same hash prefix, or a damaged entry
        return Reply(url, data, str(meta.get("ctype") or ""), meta.get("charset") or None)

    def put(self, reply: Reply) -> None:
        """Keep `reply`; a cache that cannot be written is no error (the page was read)."""
        base = self.folder / key(reply.url)
        meta = {"url": reply.url, "ctype": reply.ctype, "charset": reply.charset,
                "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(base.with_suffix(".page"), reply.data)
            write_atomic(base.with_suffix(".json"),
                         json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass

    def __contains__(self, url: str) -> bool:
        return self.get(url) is not None


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new, never half."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
