"""The colour-blind-safe themes: registered, chosen by the config's `theme`, and their four
category colours stay further apart than the default theme's, in normal vision and under
simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009,
severity 1; distances in CIELAB)."""

from __future__ import annotations

from itertools import combinations

from textual.theme import BUILTIN_THEMES

from reader_fixtures import make_analysis
from tui.app import SlantApp
from tui.themes import THEMES

MATRICES = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def simulated(hex_colour: str, kind: str | None) -> tuple[float, float, float]:
    rgb = [_linear(int(hex_colour[i:i + 2], 16) / 255) for i in (1, 3, 5)]
    if kind is None:
        return _lab(tuple(rgb))
    m = MATRICES[kind]
    out = [min(1.0, max(0.0, sum(m[r][c] * rgb[c] for c in range(3)))) for r in range(3)]
    return _lab(tuple(out))


def worst_gap(theme) -> float:
    """The smallest CIE76 distance between two category colours, in normal vision and the
    three simulated kinds of colour blindness."""
    colours = [theme.success, theme.primary, theme.warning, theme.error]
    gaps = []
    for kind in (None, *MATRICES):
        labs = [simulated(c, kind) for c in colours]
        gaps += [sum((p - q) ** 2 for p, q in zip(a, b)) ** 0.5 for a, b in combinations(labs, 2)]
    return min(gaps)


def test_categories_stay_apart_under_colour_blindness():
    ours = {t.name: worst_gap(t) for t in THEMES}
    default = worst_gap(BUILTIN_THEMES["textual-dark"])
    # measured: slant-colorblind 33.7, slant-colorblind-light 27.9, textual-dark 21.8
    assert all(gap >= 25 for gap in ours.values()), ours
    assert min(ours.values()) > 1.25 * default, (ours, default)


async def test_the_config_picks_the_theme(no_user_config):
    no_user_config.write_text('theme = "slant-colorblind"\n')
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "slant-colorblind" and not app.config_warnings
