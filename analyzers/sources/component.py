"""Reading articles: files, stdin and URLs -> `Document` (exact text + title).

`load_document(target, *, stdin_bytes=None)`: `target` is a path, "-" (read `stdin_bytes`) or
an http(s) URL.  The network is used only when a URL is given.  Bad input raises `InputError`
whose str() is one line for the user, starting with the name of the input.

The decoded text is kept as written (quotes, dashes, non-breaking spaces untouched) because
every offset in an `Analysis` indexes it; only line endings are unified to "\\n", as Python's
text mode does.  HTML pages are reduced to their article with trafilatura; the text then is
trafilatura's, one block per paragraph.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Source
from ..text import WORD

MAX_BYTES = 50 * 1024 * 1024         # larger files are refused, not truncated
URL_TIMEOUT = 15.0                   # seconds, for the whole download
URL_MAX_BYTES = 5 * 1024 * 1024
MIN_ARTICLE_WORDS = 15               # less than this from a web page is menus or footers

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
ENGLISH_NOTE = "the text does not look English; highlights may be wrong"


class InputError(Exception):
    """Input we cannot read as an article; str(exc) is a one-line message."""


@dataclass
class Document:
    text: str
    title: str | None = None
    path: str | None = None          # the path or URL given; None for stdin
    format: str = "text"             # text | markdown | html
    notes: list[str] = field(default_factory=list)  # e.g. "text does not look English"
    encoding: str | None = None      # how the bytes were decoded (None for web pages' text)
    author: str | None = None        # from a web page's metadata
    date: str | None = None          # from a web page's metadata

    def source(self) -> Source:
        return Source(path=self.path, title=self.title)


# -- entry point --------------------------------------------------------------------------
def load_document(target: str | os.PathLike[str], *, stdin_bytes: bytes | None = None,
                  timeout: float = URL_TIMEOUT, max_url_bytes: int = URL_MAX_BYTES) -> Document:
    target = os.fspath(target)
    if target == "-":
        return from_bytes(stdin_bytes or b"", name="stdin", path=None)
    if _URL.match(target):
        return load_url(target, timeout=timeout, max_bytes=max_url_bytes)
    if _OTHER_SCHEME.match(target) and not Path(target).exists():
        raise InputError(f"{target}: only http:// and https:// addresses can be fetched")
    data = _read_file(target)
    suffix = Path(target).suffix.lower()
    kind = "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else None
    return from_bytes(data, name=target, path=target, kind=kind)


_URL = re.compile(r"https?://\S", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"[a-z][a-z0-9+.-]+://", re.IGNORECASE)


def _read_file(name: str) -> bytes:
    try:
        st = os.stat(name)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory, not an article")
    if stat.S_ISREG(st.st_mode) and st.st_size > MAX_BYTES:
        raise InputError(f"{name}: too large ({_mb(st.st_size)}; the limit is {_mb(MAX_BYTES)})")
    try:
        # Pipes such as /dev/fd/63 have no size: read one byte past the limit to notice.
        with open(name, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not an article") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return data


def _mb(n: int) -> str:
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
        raise InputError(f"{name}: too large ({_mb(len(data))}; the limit is {_mb(MAX_BYTES)})")
    if declared is None and kind in ("html", None):
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii") if m else None
    text, encoding = decode(data, name, declared=declared)
    if not text.strip():
        raise InputError(f"{name}: contains only whitespace, no article")
    if kind is None and _looks_html(text):
        kind = "html"
    if kind == "html":
        doc = _from_html(text, name, path)
    else:
        doc = Document(text=text, path=path, format=kind or "text", encoding=encoding,
                       title=markdown_title(text) if kind == "markdown" else None)
        doc.title = doc.title or guess_title(text)
    note = english_note(doc.text)
    if note:
        doc.notes.append(note)
    return doc


_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset=[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)


def _looks_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))


# -- decoding ----------------------------------------------------------------------------
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (Word and OpenDocument files are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ\x90\x00", "a Windows program"),
    (b"OggS", "an audio or video file"),
    (b"\x1aE\xdf\xa3", "a video file"),
)

# Control characters that do not occur in text (tab, newlines and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_WESTERN = "cp1252"


def decode(data: bytes, name: str = "input", declared: str | None = None) -> tuple[str, str]:
    """(text, encoding).  A byte order mark decides; otherwise UTF-8, the declared charset,
    then charset-normalizer's guess (preferring cp1252 over look-alike code pages, as
    English text in a legacy encoding is nearly always Windows-1252 or Latin-1)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                label = enc.replace("-sig", "").upper()
                raise InputError(f"{name}: starts with a {label} byte order mark "
                                 f"but is not valid {label}") from None
            return _finish(text.lstrip("\ufeff"), name), enc.replace("-sig", "")
    what = _magic(data)
    if what:
        raise InputError(f"{name}: this is {what}, not a text article")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{name}: contains binary data (NUL bytes), not a text article")
        return _finish(text, name), "utf-16"
    try:
        return _finish(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            enc = codecs.lookup(declared).name
            # As browsers do: a page labelled Latin-1 or ASCII is read as Windows-1252.
            enc = _WESTERN if enc in ("latin-1", "iso8859-1", "ascii") else enc
            return _finish(data.decode(enc), name), enc
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = _guess(data)
    if encoding is None:
        raise InputError(f"{name}: cannot tell the text encoding (not UTF-8 and no known "
                         "code page fits); save it as UTF-8")
    return _finish(data.decode(encoding), name), encoding


def _magic(data: bytes) -> str | None:
    head = data[:16]
    for sig, what in _MAGIC:
        if head.startswith(sig):
            return what
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "an audio file"}.get(head[8:12], "a video file")
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a byte order mark has a NUL in every other byte."""
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    enc = "utf-16-le" if odd > 0.6 * half and even == 0 else \
          "utf-16-be" if even > 0.6 * half and odd == 0 else None
    if enc is None:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        return None
    best = min(r.chaos for r in results)
    for r in results:
        if r.chaos <= best + 0.01 and _WESTERN in r.could_be_from_charset:
            try:
                data.decode(_WESTERN)
                return _WESTERN
            except UnicodeDecodeError:
                break
    return results[0].encoding


def _finish(text: str, name: str) -> str:
    # Tolerate a stray control character (a form feed, an old EOF mark); many mean binary.
    controls = len(_CONTROL.findall(text, 0, 100_000))
    if controls > max(2, min(len(text), 100_000) // 200):
        raise InputError(f"{name}: looks like binary data, not a text article")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# -- HTML ----------------------------------------------------------------------------------
def _from_html(html: str, name: str, path: str | None) -> Document:
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


# -- URLs ----------------------------------------------------------------------------------
def load_url(url: str, *, timeout: float = URL_TIMEOUT,
             max_bytes: int = URL_MAX_BYTES) -> Document:
    data, ctype, charset = fetch(url, timeout=timeout, max_bytes=max_bytes)
    if ctype in HTML_TYPES:
        kind: str | None = "html"
    elif ctype in TEXT_TYPES:
        kind = "markdown" if "markdown" in ctype or url.lower().endswith(MARKDOWN_SUFFIXES) \
            else "text"
    elif ctype in ("", "application/octet-stream"):
        kind = None  # unlabelled: sniff
    else:
        raise InputError(f"{url}: not a web page or text (the server sent {ctype})")
    return from_bytes(data, name=url, path=url, kind=kind, declared=charset)


def fetch(url: str, *, timeout: float = URL_TIMEOUT,
          max_bytes: int = URL_MAX_BYTES) -> tuple[bytes, str, str | None]:
    """(body, content type, charset) of `url`; `timeout` bounds the whole download."""
    # Here, not at the top: most runs read a file, and the reader starts 25 ms sooner.
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={
        "User-Agent": "slant/0.1 (news article reader)",
        "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
    })
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            ctype = resp.headers.get_content_type() if resp.headers.get("Content-Type") else ""
            charset = resp.headers.get_content_charset()
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(f"{url}: page too large ({_mb(int(length))}; "
                                 f"the limit is {_mb(max_bytes)})")
            parts: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise InputError(f"{url}: timed out after {timeout:g} s")
                chunk = resp.read1(65536)
                if not chunk:
                    break
                parts.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url}: page too large (more than {_mb(max_bytes)})")
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered {exc.code} {exc.reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        raise InputError(f"{url}: {_net_reason(exc.reason, timeout)}") from None
    except TimeoutError:
        raise InputError(f"{url}: timed out after {timeout:g} s") from None
    except ValueError as exc:
        raise InputError(f"{url}: not a valid address ({exc})") from None
    except OSError as exc:  # connection reset, http.client errors are OSError subclasses too
        raise InputError(f"{url}: {_net_reason(exc, timeout)}") from None
    except Exception as exc:  # http.client.HTTPException and friends: a broken server reply
        raise InputError(f"{url}: bad reply from the server ({type(exc).__name__})") from None
    return b"".join(parts), ctype, charset


def _net_reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = getattr(reason, "strerror", None) or str(reason)
    return f"cannot fetch ({' '.join(str(text).split())})"


# -- titles ----------------------------------------------------------------------------------
def guess_title(text: str) -> str | None:
    """A first line followed by a blank line, short and without a final full stop."""
    first, sep, _ = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if sep and first and len(first) <= 200 and not first.endswith((".", "”", '"')):
        return first.lstrip("# ").strip() or None
    return None


_ATX_H1 = re.compile(r" {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_H1 = re.compile(r" {0,3}=+[ \t]*$")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_FRONT_TITLE = re.compile(r"title:[ \t]*(.+?)[ \t]*$")


def markdown_title(text: str) -> str | None:
    """The front matter's `title:`, else the first level-1 heading outside code blocks."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), 200)):
            if lines[i].strip() in ("---", "..."):
                for line in lines[1:i]:
                    m = _FRONT_TITLE.match(line)
                    if m:
                        return m.group(1).strip("\"'") or None
                start = i + 1
                break
    fenced = False
    prev = ""
    for line in lines[start:]:
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            m = _ATX_H1.match(line)
            if m:
                return m.group(1).strip() or None
            if prev.strip() and _SETEXT_H1.match(line):
                return prev.strip()
        prev = "" if fenced else line
    return None


# -- language ----------------------------------------------------------------------------
# Frequent English function words: in English prose they are 35-55% of all words; in other
# languages that use the Latin alphabet only a handful coincide ("a", "in", "no").
_ENGLISH = frozenset("""
a about after all also an and any are as at be because been before but by can could did
do does for from had has have he her him his how i if in into is it its just more most my
no not of on one only or other our out over said she so some than that the their them then
there these they this those to up us was we were what when which while who will with would
you your said says told""".split())
_SAMPLE_CHARS = 50_000


def english_note(text: str) -> str | None:
    """A note when the text does not look English (cheap: a stopword share of a sample)."""
    words = [m.group().lower() for m in WORD.finditer(text, 0, min(len(text), _SAMPLE_CHARS))]
    if len(words) < 20:
        return None  # too short to tell
    share = sum(1 for w in words if w in _ENGLISH) / len(words)
    return ENGLISH_NOTE if share < 0.15 else None
