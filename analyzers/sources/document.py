"""What reading gives: the exact text with its title, path and format (`Document`), or an
`InputError` whose message is one line for the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from ..model import Source


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
