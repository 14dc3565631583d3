"""The highlight categories are the engine's, named once (tui/categories.py); every table that
says how one format shows a category covers them all."""

from __future__ import annotations

from analyzers.model import HIGHLIGHT_KINDS
from tui import categories
from tui.export import html, markdown, marks, text
from tui.keymap import KEY_ACTIONS
from tui.screens import help as help_screen


def test_the_categories_are_the_engines_in_key_order():
    assert categories.CATEGORIES == HIGHLIGHT_KINDS
    assert list(categories.KEYS.values()) == ["1", "2", "3", "4"]
    for table in (categories.NAMES, categories.SINGULAR, categories.SHORT,
                  categories.STYLE_OF, categories.GLYPH):
        assert tuple(table) == HIGHLIGHT_KINDS


def test_every_format_shows_every_category():
    for table in (html.CUES, markdown._LEGEND_PARTS, marks._RANK, help_screen._LOOKS):
        assert set(table) == set(HIGHLIGHT_KINDS), table
    assert set(HIGHLIGHT_KINDS) <= set(text.STYLES)
    assert {f"toggle_{c}" for c in HIGHLIGHT_KINDS} <= set(KEY_ACTIONS)
