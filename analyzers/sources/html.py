"""Web pages: the article and its metadata extracted with trafilatura."""

from __future__ import annotations

import re
from typing import Any
from ..text import WORD
from .document import Document, InputError
from .meta import guess_title


MIN_ARTICLE_WORDS = 15               # less than this from a web page is menus or footers


META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset=[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)


def looks_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))


# -- HTML ----------------------------------------------------------------------------------
def from_html(html: str, name: str, path: str | None) -> Document:
    text, meta = extract_html(html)
    words = sum(1 for _ in WORD.finditer(text))
    if words < MIN_ARTICLE_WORDS:
        found = f" (only {words} word{'s' if words != 1 else ''})" if words else ""
        raise InputError(f"{name}: no article text found in this page{found}")
    return Document(text=text, title=meta.get("title") or guess_title(text), path=path,
                    format="html",
                    author=meta.get("author"), date=meta.get("date"))


def extract_html(html: str) -> tuple[str, dict[str, str | None]]:
    """The article text of a web page (paragraphs separated by blank lines) and its
    metadata (title, author, date); ("", {...}) when trafilatura finds no article."""
    import trafilatura

    try:
        result: Any = trafilatura.bare_extraction(html, with_metadata=True)
    except Exception:  # trafilatura raises assorted lxml errors on malformed input
        result = None
    if result is None:
        return "", {}
    get = result.get if isinstance(result, dict) else (lambda k: getattr(result, k, None))
    raw = get("text") or ""
    blocks = [line.strip() for line in raw.splitlines()]
    text = "\n\n".join(b for b in blocks if b)
    meta = {k: (get(k) or None) for k in ("title", "author", "date")}
    return text, meta
