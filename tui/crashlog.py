"""The crash log: what went wrong in an analysis, with its traceback, in the platform's log
folder (`platformdirs.user_log_dir("slant")`, e.g. ~/.local/state/slant/log on Linux).

Each entry is appended with one `write` to a file opened with O_APPEND, so two readers
crashing at once cannot interleave their entries.  No Textual here.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

LOG_NAME = "crash.log"


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("slant", appauthor=False))


def log_crash(summary: str, detail: str = "") -> Path | None:
    """Append `summary` (one line) and `detail` (a traceback, the child's last words) to the
    crash log; its path, or None when it cannot be written (the reader goes on anyway)."""
    stamp = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    entry = f"--- {stamp} pid {os.getpid()}\n{summary}\n"
    if detail:
        entry += detail.rstrip("\n") + "\n"
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, entry.encode("utf-8", "replace"))
        finally:
            os.close(fd)
    except OSError:
        return None
    return path
