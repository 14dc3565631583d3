"""slant's own themes: colour-blind-safe ones for a room (pick one with `theme = ...` in the
config file).  Colours are the Okabe-Ito palette (Okabe & Ito, "Color Universal Design"),
chosen so that each highlight category keeps a colour of its own under the common kinds of
colour blindness; every category also keeps its text style (italic, bold, underline,
inverted), so nothing depends on colour alone.
"""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

# The four categories take these theme colours: quotes `success`, officials `primary`,
# figures `warning`, opinion `error` (see slant.tcss).  The four of each theme are the
# Okabe-Ito hues (some mixed with white or black for contrast with the background, 4.5:1 at
# least) whose smallest distance apart, in normal vision and simulated protanopia,
# deuteranopia and tritanopia, is the largest: tests/tui/test_themes.py measures it.
DARK = {"success": "#009E73", "primary": "#BBE1F6", "warning": "#F3E968", "error": "#D55E00"}
LIGHT = {"success": "#007E5C", "primary": "#002E47", "warning": "#AA4B00", "error": "#552600"}

THEMES = (
    Theme(name="slant-colorblind", **DARK, secondary="#56B4E9", accent="#E69F00",
          foreground="#f0f0f0", background="#101010", surface="#1c1c1c", panel="#2a2a2a",
          dark=True),
    Theme(name="slant-colorblind-light", **LIGHT, secondary="#0072B2", accent="#E69F00",
          foreground="#111111", background="#fbfbf8", surface="#eeeeea", panel="#dcdcd6",
          dark=False),
)


def register_themes(app: App) -> None:
    for theme in THEMES:
        app.register_theme(theme)
