"""`slant summarize RESULTS.jsonl [--by FIELD] --format md|html|json`: the headline numbers
of a corpus run, per article and per group (computed in `analyzers.summary`, rendered in
`tui.export.summary`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import EXIT_OK, CliError, say


def read_records(name: str) -> list[dict]:
    """The JSONL's objects; a line that is not one JSON object is an error naming it."""
    from analyzers.sources import InputError
    from analyzers.sources.files import read_file

    try:
        data = sys.stdin.buffer.read() if name == "-" else read_file(name)
    except InputError as exc:
        raise CliError(str(exc)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{name}: not UTF-8 text (slant analyze --format jsonl writes UTF-8)") \
            from None
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise CliError(f"{name}, line {n}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("stats"), dict):
            raise CliError(f"{name}, line {n}: not a slant analysis (no stats); use the "
                           "output of slant analyze --format jsonl")
        records.append(record)
    if not records:
        raise CliError(f"{name}: no analyses in this file")
    return records


def run_summarize(ns: argparse.Namespace) -> int:
    from analyzers.summary import SummaryError, summarize

    from ..export.summary import render_summary

    if ns.by is not None and not ns.by.strip(". "):
        raise CliError("--by needs a field name, e.g. --by source or --by outlet")
    records = read_records(ns.results)
    try:
        summary = summarize(records, by=ns.by)
    except SummaryError as exc:
        raise CliError(f"{ns.results}: {exc}") from None
    out = render_summary(summary, ns.format)
    if not ns.output:
        sys.stdout.write(out)
        return EXIT_OK
    from ..export import write_atomic

    try:
        write_atomic(Path(ns.output), out, overwrite=ns.force)
    except FileExistsError:
        raise CliError(f"{ns.output} exists; use --force to overwrite it") from None
    except OSError as exc:
        raise CliError(f"{ns.output}: cannot write ({exc.strerror or exc})") from None
    say(f"wrote {ns.output}")
    return EXIT_OK
