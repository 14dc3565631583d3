"""Random keys (seeded) through the teaching modes: the tour, the rewrite and the quiz
open, close and take any key without raising, and every screen draws."""

from __future__ import annotations

import random

import pytest

from reader_fixtures import make_analysis
from tui.app import SlantApp

# Weighted towards the teaching keys; no q (it quits the reader; the quiz's own q is in).
KEYS = (["t", "w", "p", "v", "x", "h", "l", "1", "2", "3", "4", "enter", "escape", "left",
         "right", "up", "down", "j", "k", "space", "b", "g", "G", "left_square_bracket",
         "right_square_bracket", "s", "e", "tab"] * 3 + ["resize", "ctrl+s", "question_mark"])
SIZES = [(120, 40), (80, 24), (60, 20), (40, 12)]


@pytest.mark.parametrize("seed", [1, 2])
async def test_random_keys_through_the_teaching_modes(seed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)           # exports, screenshots and scores land here
    rnd = random.Random(seed)
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=(80, 24)) as pilot:
        for i in range(200):
            key = rnd.choice(KEYS)
            if key == "resize":
                await pilot.resize_terminal(*rnd.choice(SIZES))
            else:
                await pilot.press(key)
            if key == "p" and rnd.random() < 0.3:
                await pilot.press("q")     # sometimes leave the quiz at once
            if i % 40 == 0:
                await pilot.pause()
                assert app.is_running, f"stopped at key {i} (seed {seed})"
                app.export_screenshot()
        await pilot.pause()
        assert app.is_running
        app.export_screenshot()
