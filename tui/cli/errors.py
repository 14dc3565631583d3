"""What every command of `slant` shares: the one-line error and the exit statuses.

The bottom of `tui.cli`: the commands import this module, it imports none of them.
"""

from __future__ import annotations

import sys

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A one-line message for the user; exit status 2."""


def say(message: str) -> None:
    """`slant: message` as one line on stderr.  Messages echo input (file names, URLs,
    config values), so control and bidi characters are shown as visible placeholders and
    a newline as ␤: nothing the input holds can act on the terminal or add a line."""
    print("slant: " + one_line_safe(message), file=sys.stderr)


def one_line_safe(message: str) -> str:
    from analyzers.text import terminal_safe

    return terminal_safe(message).replace("\n", "\u2424")
