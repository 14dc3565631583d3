"""What every command of `slant` shares: the one-line error and the exit statuses.

The bottom of `tui.cli`: the commands import this module, it imports none of them.
"""

from __future__ import annotations

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A one-line message for the user; exit status 2."""
