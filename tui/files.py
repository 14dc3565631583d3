"""Names and atomic moves for the files slant writes (reports, screenshots).

No Textual: the reader and the export package both use it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlparse


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def publish(tmp: Path | str, path: Path | str, *, overwrite: bool) -> None:
    """Move a finished temporary file to `path` in one step.  Without `overwrite` an
    existing `path` raises FileExistsError (checked atomically with a hard link where the
    file system has them) and `tmp` stays for the caller to remove."""
    if overwrite:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)          # fails if `path` exists: no race with another writer
    except FileExistsError:
        raise FileExistsError(f"{path}: already exists") from None
    except OSError:                 # a file system without hard links (some network or FAT)
        if os.path.exists(path):
            raise FileExistsError(f"{path}: already exists") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def fresh_path(folder: Path, stem: str, suffix: str) -> Path:
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def safe_stem(target: str | None) -> str:
    """A file-name stem for reports and screenshots made from `target`."""
    if not target or target == "-":
        return "stdin"
    if is_url(target):
        url = urlparse(target)
        name = Path(url.path.rstrip("/")).stem or url.netloc
    else:
        name = Path(target).stem
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    return name or "article"
