"""Where reviews live: one JSON file per article in the platform's data folder
(`platformdirs.user_data_dir("slant")/reviews/<sha256 of the text>.json`, e.g.
~/.local/share/slant/reviews on Linux), written atomically (a temporary file, then a
rename), so a reader that dies mid-write or two readers saving at once never leave a torn
file: the last complete write wins.  No Textual here: `slant review` uses it too.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from analyzers.review import Review, ReviewError

from ..export import write_atomic


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("slant", appauthor=False))


def review_dir() -> Path:
    return data_dir() / "reviews"


def path_for(sha256: str) -> Path:
    return review_dir() / f"{sha256}.json"


class Unreadable(Exception):
    """A stored review could not be read; `kept` is where the file was moved aside."""

    def __init__(self, message: str, kept: Path | None) -> None:
        super().__init__(message)
        self.kept = kept


def load(sha256: str) -> Review | None:
    """The stored review of the article with this hash, or None when there is none.

    A file that is not a valid review is moved aside (never overwritten, never deleted) and
    `Unreadable` says where it went."""
    path = path_for(sha256)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})",
                         None) from None
    try:
        review = Review.from_json(raw)
        if review.sha256 != sha256:
            raise ReviewError("it belongs to another article")
        return review
    except ReviewError as exc:
        aside = path.with_name(f"{path.stem}.broken-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            os.replace(path, aside)
        except OSError:
            aside = None
        raise Unreadable(f"{path}: not a valid review ({exc})", aside) from None


def save(review: Review) -> Path:
    """Write `review` atomically; OSError when the folder is read-only, full, ..."""
    folder = review_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = path_for(review.sha256)
    write_atomic(path, review.to_json() + "\n", overwrite=True)
    return path


def delete(sha256: str) -> bool:
    """Remove the stored review; False when there was none."""
    try:
        path_for(sha256).unlink()
    except FileNotFoundError:
        return False
    return True
