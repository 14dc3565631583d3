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

import os
import re
import stat
from pathlib import Path

from .document import Document, InputError
from .convert import HTML_SUFFIXES, MARKDOWN_SUFFIXES, MAX_BYTES, from_bytes, megabytes
from .web import URL_MAX_BYTES, URL_TIMEOUT, load_url



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
    data = read_file(target)
    suffix = Path(target).suffix.lower()
    kind = "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else None
    return from_bytes(data, name=target, path=target, kind=kind)


_URL = re.compile(r"https?://\S", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"[a-z][a-z0-9+.-]+://", re.IGNORECASE)


def read_file(name: str) -> bytes:
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
        raise InputError(f"{name}: too large ({megabytes(st.st_size)}; the limit is {megabytes(MAX_BYTES)})")
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



