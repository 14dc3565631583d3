"""Fetching an http(s) URL the user gave: size and time limits, one-line network errors."""

from __future__ import annotations

import time
from .document import Document, InputError
from .convert import MARKDOWN_SUFFIXES, from_bytes, megabytes


URL_TIMEOUT = 15.0                   # seconds, for the whole download


URL_MAX_BYTES = 5 * 1024 * 1024


HTML_TYPES = ("text/html", "application/xhtml+xml")


TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")


# -- URLs ----------------------------------------------------------------------------------
def load_url(url: str, *, timeout: float = URL_TIMEOUT,
             max_bytes: int = URL_MAX_BYTES) -> Document:
    data, ctype, charset = fetch(url, timeout=timeout, max_bytes=max_bytes)
    return from_reply(url, data, ctype, charset)


def from_reply(url: str, data: bytes, ctype: str, charset: str | None) -> Document:
    """The Document of a server's reply to `url` (fetched now, or kept in a feed's cache)."""
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

    try:  # a "[" in the host makes urllib read an IPv6 address, and raise here
        request = urllib.request.Request(url, headers={
            "User-Agent": "slant/0.1 (news article reader)",
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
        })
    except ValueError as exc:
        raise InputError(f"{url}: not a valid address ({exc})") from None
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            ctype = resp.headers.get_content_type() if resp.headers.get("Content-Type") else ""
            charset = resp.headers.get_content_charset()
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(f"{url}: page too large ({megabytes(int(length))}; "
                                 f"the limit is {megabytes(max_bytes)})")
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
                    raise InputError(f"{url}: page too large (more than {megabytes(max_bytes)})")
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
