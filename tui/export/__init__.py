"""Renderers of an `Analysis`: standalone HTML and Markdown reports (`html`, `markdown`, from
`marks`), the coloured text of `slant analyze --format text` (`text`), and atomic writes.

    render(analysis, "html" | "md") -> str
    write_atomic(path, data, overwrite=False)
    export(analysis, path, fmt=None, overwrite=False) -> Path   # both in one step

Pure Python (no Textual): the CLI and the reader both use it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Iterable

from analyzers.model import Analysis

from ..files import publish

FORMATS = ("html", "md")
_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def render(analysis: Analysis, fmt: str, *, notes: list[str] | None = None,
           hidden: Iterable[str] = (), review: dict[str, Any] | None = None) -> str:
    """The report as text.  `notes` (e.g. a Document's notes) are shown under the title;
    `hidden` highlight kinds (quotes, officials, figures, opinion) start switched off in
    HTML and are left unmarked in Markdown.  `review` (`analyzers.review.report()`) adds
    the reviewer's verdicts, notes, added highlights, checklist and scorecard."""
    fmt = fmt.lower().lstrip(".")
    hidden = frozenset(hidden)
    if fmt in ("html", "htm"):
        from .html import render_html

        return render_html(analysis, notes=notes, hidden=hidden, review=review)
    if fmt in ("md", "markdown"):
        from .markdown import render_markdown

        md = render_markdown(analysis, notes=notes, hidden=hidden)
        if review is not None:
            from .review import markdown_section

            md = md.rstrip("\n") + "\n\n" + markdown_section(review)
        return md
    raise ValueError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")


def format_for(path: str | os.PathLike[str]) -> str | None:
    """"html" or "md" from a file name's suffix, None when it says neither."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *,
                 overwrite: bool = False) -> None:
    """Write `data` (str as UTF-8) so that `path` is either untouched or complete.

    The bytes go to a temporary file in the same folder, which then takes the name; without
    `overwrite` an existing `path` raises FileExistsError (checked atomically with a hard
    link where the file system has them).  No temporary file is left behind on failure.
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not overwrite and (path.exists() or path.is_symlink()):
        raise FileExistsError(f"{path}: already exists")
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = _temp_file(folder, path.name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        publish(tmp, path, overwrite=overwrite)   # `path` appearing meanwhile still fails
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def _temp_file(folder: Path, name: str) -> tuple[int, str]:
    # Like mkstemp, but with mode 0666 minus the umask (mkstemp's 0600 would make the report
    # private), and without touching the process-wide umask, which is not thread-safe.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = str(folder / f".{name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: cannot create a temporary file")


def export(analysis: Analysis, path: str | os.PathLike[str], fmt: str | None = None, *,
           overwrite: bool = False, notes: list[str] | None = None,
           hidden: Iterable[str] = ()) -> Path:
    """Render and write a report; `fmt` defaults to the suffix of `path`."""
    fmt = fmt or format_for(path)
    if fmt is None:
        raise ValueError(f"{path}: cannot tell the report format from the name; "
                         "use a .html or .md file name")
    write_atomic(path, render(analysis, fmt, notes=notes, hidden=hidden), overwrite=overwrite)
    return Path(path)


__all__ = ["FORMATS", "render", "format_for", "write_atomic", "export"]
