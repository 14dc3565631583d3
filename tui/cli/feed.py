"""`slant feed URL|FILE`: the reader on a feed's list of items.

The feed is read here, before the reader starts, so a feed that cannot be read is one line
and exit 2 like any bad input; its items' pages are fetched (or taken from the cache) in
the reader as they are opened.
"""

from __future__ import annotations

import argparse
import os
import sys

from .errors import CliError
from .read import prepare_reader, run_reader


def run_feed(ns: argparse.Namespace) -> int:
    from analyzers.sources import InputError
    from analyzers.sources.feeds import load_feed

    if ns.target == "-":
        raise CliError("slant feed reads a feed file or URL, not stdin")
    try:
        feed = load_feed(ns.target, offline=ns.offline)
    except InputError as exc:
        raise CliError(str(exc)) from None
    if not sys.stdout.isatty() and not os.environ.get("SLANT_FORCE_TUI"):
        raise CliError("the reader needs a terminal; `slant analyze URL` prints an item's "
                       "analysis to a pipe or file")
    prepare_reader(ns.model)
    return run_reader(None, model=ns.model, feed=feed, offline=ns.offline)
