"""Reading articles: files, stdin, HTML, URLs and text encodings, into a `Document`.

Nothing here analyses; it turns what the user points at into text and a `Source`."""

from .component import (ENGLISH_NOTE, Document, InputError, decode, extract_html, fetch,
                        from_bytes, load_document, load_url)

__all__ = ["ENGLISH_NOTE", "Document", "InputError", "decode", "extract_html", "fetch",
           "from_bytes", "load_document", "load_url"]
