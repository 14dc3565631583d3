"""Reading articles: files, stdin, HTML, URLs and text encodings, into a `Document`.

Nothing here analyses; it turns what the user points at into text and a `Source`."""

from .convert import from_bytes
from .decode import decode
from .document import Document, InputError
from .files import load_document
from .html import extract_html
from .meta import ENGLISH_NOTE
from .web import fetch, load_url

__all__ = ["ENGLISH_NOTE", "Document", "InputError", "decode", "extract_html", "fetch",
           "from_bytes", "load_document", "load_url"]
