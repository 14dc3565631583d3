"""Key fuzzing: thousands of random keys (seeded: a failure replays exactly) on both samples
and on a 100k-word text.  Nothing raises, every screen draws, and q still quits."""

from __future__ import annotations

import os
import random
import string

import pytest

from analyzers.resources import samples
from tui.app import SlantApp

# Keys a reader presses, weighted towards the ones that change what is drawn.  No q: it
# would end the run (it is pressed at the end); ctrl+s and e save into a temporary folder.
KEYS = (["1", "2", "3", "4", "a", "j", "k", "space", "b", "g", "G", "left_square_bracket",
         "right_square_bracket", "n", "N", "tab", "shift+tab", "s", "enter", "escape",
         "question_mark", "f1", "r", "e", "y", "down", "up", "pagedown", "pageup", "home",
         "end", "left", "right"] * 3 + ["slash", "ctrl+p", "resize", "ctrl+s"])
WORDS = ["bridge", "the", "council", "Brandvik", "%", "tax", "zzz", "é", "“", "a b"]
SIZES = [(120, 40), (80, 24), (60, 20), (160, 50), (40, 12), (100, 30)]


async def fuzz(app: SlantApp, seed: int, count: int, tmp_path) -> None:
    rnd = random.Random(seed)
    async with app.run_test(size=(120, 40)) as pilot:
        for i in range(count):
            key = rnd.choice(KEYS)
            if key == "resize":
                await pilot.resize_terminal(*rnd.choice(SIZES))
            elif key in ("slash", "ctrl+p"):
                # search or the palette, with random text, then submit or cancel
                typed = rnd.choice(WORDS) if rnd.random() < 0.6 else "".join(
                    rnd.choice(string.ascii_letters + " ") for _ in range(rnd.randint(0, 8)))
                await pilot.press(key, *[c if c != " " else "space" for c in typed],
                                  rnd.choice(["enter", "escape", "backspace"]))
            else:
                await pilot.press(key)
            if i % 50 == 0:
                await pilot.pause()
                assert app.is_running, f"the reader stopped at key {i} (seed {seed})"
                app.export_screenshot()     # the whole screen draws
        await pilot.pause()
        assert app.is_running
        app.export_screenshot()
        for _ in range(4):                  # out of any dialog, search or the palette
            await pilot.press("escape")
        await pilot.press("q")
        await pilot.pause()
        if app.is_running:                  # q on the error or confirm screen, then q
            await pilot.press("q")
            await pilot.pause()
    assert not app.is_running


# SLANT_FUZZ_SCALE=5 runs the thousands of keys the issue asked for (minutes); CI runs a
# fifth of that, with the same seeds, so that a failure found at scale 1 reproduces.
SCALE = float(os.environ.get("SLANT_FUZZ_SCALE", "1"))


@pytest.mark.parametrize("index", [0, 1])
async def test_random_keys_on_the_samples(index, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)     # exports and screenshots land here
    app = SlantApp(str(samples()[index]), model="none", isolate=False)
    await fuzz(app, seed=1700 + index, count=int(400 * SCALE), tmp_path=tmp_path)
    assert app.return_code in (0, 1)


async def test_random_keys_on_a_100k_word_text_while_it_is_analysed(tmp_path, monkeypatch):
    from tests.bench.corpus import long_document

    path = tmp_path / "long.txt"
    path.write_text(long_document(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = SlantApp(str(path), model="none", isolate=False)
    await fuzz(app, seed=17, count=int(40 * SCALE), tmp_path=tmp_path)
