"""Bytes to `Document`: size limit, decoding, HTML or Markdown or plain text, title and the
note for text that does not look English."""

from __future__ import annotations

from .document import Document, InputError
from .meta import english_note, guess_title, markdown_title
from .decode import decode
from .html import META_CHARSET, from_html, looks_html

MAX_BYTES = 50 * 1024 * 1024         # larger files are refused, not truncated
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def megabytes(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


# -- bytes -> Document ----------------------------------------------------------------------
def from_bytes(data: bytes, *, name: str, path: str | None, kind: str | None = None,
               declared: str | None = None) -> Document:
    """Decode `data` and build the Document.  `kind` is "html", "markdown" or None (sniff);
    `declared` is a charset named by the sender (an HTTP header), tried before guessing."""
    if not data:
        raise InputError(f"{name}: empty file")
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large ({megabytes(len(data))}; the limit is {megabytes(MAX_BYTES)})")
    if declared is None and kind in ("html", None):
        m = META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii") if m else None
    text, encoding = decode(data, name, declared=declared)
    if not text.strip():
        raise InputError(f"{name}: contains only whitespace, no article")
    if kind is None and looks_html(text):
        kind = "html"
    if kind == "html":
        doc = from_html(text, name, path)
    else:
        doc = Document(text=text, path=path, format=kind or "text", encoding=encoding,
                       title=markdown_title(text) if kind == "markdown" else None)
        doc.title = doc.title or guess_title(text)
    note = english_note(doc.text)
    if note:
        doc.notes.append(note)
    return doc
