"""The explanation line of an opinion highlight gives its neutral wording and its source."""

from __future__ import annotations

from dataclasses import replace

from reader_fixtures import make_analysis

from tui.app import SlantApp

SIZE = (120, 40)


def _analysis():
    a = make_analysis()
    ops = []
    for o in a.opinion:
        if o.text == "reckless":
            o = replace(o, neutral="risky", source="opinion_loaded: judging adjectives")
        elif o.text == "claimed":
            o = replace(o, neutral="said", source="opinion_attribution: claim")
        ops.append(o)
    return replace(a, opinion=ops)


async def test_explanation_line_says_neutral_and_source():
    app = SlantApp("bridge.txt", analysis=_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(10):
            await pilot.press("right_square_bracket")
            seen.append(app.explain.plain)
        reckless = next(p for p in seen if "judges the decision" in p)
        # the neutral wording opens the second row, where a narrow column cannot cut it
        assert reckless.splitlines()[1].startswith("neutral: risky · A loaded word")
        assert "from opinion_loaded: judging adjectives" in reckless
        claimed = next(p for p in seen if "'said' would not" in p)
        assert "neutral: said" in claimed and "from opinion_attribution: claim" in claimed
        # the quoted span has neither: nothing is added to its line
        quoted = next(p for p in seen if "mayor's own quote" in p)
        assert "neutral:" not in quoted and " · from " not in quoted
