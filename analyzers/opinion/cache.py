"""A cache of built lexicons on disk, so that a new process does not parse and index the
word lists again.

Building the opinion lexicon (TOML parsing, inflected forms, the vendored lists, the phrase
index) costs some 50 ms in every process that analyses; reading the built one back costs
about a quarter of that.  The reader's analysis process pays it before its first
highlights, and `slant analyze --jobs N` once per worker.

The cache file's name is a hash of everything the result depends on: the bytes of every
list file read, the code that turns them into a lexicon, the vendored lists' policies, the
user's added and removed words and the Python version.  A changed list or a new slant
version therefore never reads an old file; it builds and writes its own.  Files are written
atomically (a temporary file, then a rename) into `platformdirs.user_cache_dir("slant")`,
or the folder `$SLANT_CACHE_DIR` names; `SLANT_CACHE_DIR=off` turns the cache off.  A file
that cannot be read or written is ignored: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable

ENV_VAR = "SLANT_CACHE_DIR"
PREFIX = "opinion-lexicon-"
KEEP = 8            # cache files kept: one per combination of lists and user words in use

# The modules whose code decides what a built lexicon holds (and how it pickles).
_CODE = ("lexicons.py", "entry.py", "vendor.py", "phrase_index.py", "cache.py")


def cache_dir() -> Path | None:
    """Where cache files go; None when the cache is off."""
    env = os.environ.get(ENV_VAR)
    if env is not None and env.strip().lower() in ("off", "0", "no", "false", ""):
        return None
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("slant"))


def key(files: Iterable[Path], *parts: str) -> str:
    """A hash of the files' names and bytes, slant's lexicon code and `parts`."""
    h = hashlib.sha256()
    h.update(sys.version.encode())
    here = Path(__file__).resolve().parent
    model = here.parent / "model.py"           # the categories
    for path in [*(here / name for name in _CODE), model, *files]:
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    for part in parts:
        h.update(part.encode() + b"\0")
    return h.hexdigest()[:32]


def cached(name: str, build: Callable[[], Any], kind: type) -> Any:
    """The object stored under `name` if there is a good one, else `build()` (then stored)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{PREFIX}{name}.pickle"
    try:
        with open(path, "rb") as fh:
            found = pickle.load(fh)
        if isinstance(found, kind):
            return found
    except Exception:     # missing, truncated, from another version: build it again
        pass
    value = build()
    _store(folder, path, value)
    return value


def _store(folder: Path, path: Path, value: Any) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-" + PREFIX)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(folder, path)
    except Exception:     # a read-only or full disk: no cache, same result
        pass


def _prune(folder: Path, keep: Path) -> None:
    """Only the newest few cache files stay (the lists change with every slant update)."""
    old = sorted((p for p in folder.glob(PREFIX + "*.pickle") if p != keep),
                 key=lambda p: p.stat().st_mtime, reverse=True)
    for p in old[KEEP - 1:]:
        try:
            p.unlink()
        except OSError:
            pass
