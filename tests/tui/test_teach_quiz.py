"""Spot the spin: words, scoring under the stated overlap rule (hand-made cases with known
answers), the saved JSON, and a round played in the reader with the keyboard."""

from __future__ import annotations

import json

from analyzers import analyze
from reader_fixtures import find, make_analysis
from tui.app import SlantApp
from tui.teaching.practice import practice_articles
from tui.teaching.quiz import RULE, Mark, answers, report, score, words

TEXT = make_analysis().text


def mark(category: str, needle: str, nth: int = 0) -> Mark:
    return Mark(category, *find(TEXT, needle, nth))


def test_words_leave_out_the_punctuation_around_them():
    text = 'He said: "We cannot — ever." It costs $420, or 12%.'
    assert [text[s:e] for s, e in words(text)] == [
        "He", "said", "We", "cannot", "ever", "It", "costs", "$420", "or", "12%"]


def test_answers_are_what_the_reader_highlights():
    key = answers(make_analysis())
    assert {c: len(v) for c, v in key.items()} == {"quotes": 2, "officials": 2, "figures": 3,
                                                   "opinion": 3}


def test_a_perfect_round():
    a = make_analysis()
    marks = [Mark(c, s, e) for c, spans in answers(a).items() for s, e in spans]
    r = score(a, marks)
    assert (r.total_found, r.total, r.total_extra) == (10, 10, 0)
    assert not r.missed and not r.extra


def test_known_answers_found_missed_extra_per_category():
    a = make_analysis()
    marks = [
        mark("quotes", "patching"),            # one word inside the first quote: found
        mark("officials", "Ilse Brandvik"),    # found
        mark("officials", "Tomas Reyes"),      # not an official here: extra
        mark("figures", "$420 billion"),       # found
        mark("figures", "12%"),                # found
        mark("opinion", "reckless"),           # found
        mark("opinion", "Kestrel Bridge"),     # extra
        mark("quotes", "Kestrel"),             # extra (no quote there)
    ]
    r = score(a, marks)
    got = {c: (s.found, s.missed, s.extra) for c, s in r.by_category.items()}
    assert got == {"quotes": (1, 1, 1), "officials": (1, 1, 1), "figures": (2, 1, 0),
                   "opinion": (1, 2, 1)}
    assert ("figures", *find(TEXT, "2026")) in r.missed
    assert mark("officials", "Tomas Reyes") in r.extra


def test_the_wrong_category_does_not_count():
    r = score(make_analysis(), [mark("opinion", "$420 billion")])
    assert r.by_category["figures"].found == 0 and r.by_category["opinion"].extra == 1


def test_sharing_only_punctuation_is_not_a_word():
    # a mark on the word just before the quote touches the mark `"` only through a space
    s, e = find(TEXT, '"We cannot keep patching it,"')
    r = score(make_analysis(), [Mark("quotes", s - 1, s + 1)])   # "\n" and the opening mark
    assert r.by_category["quotes"].found == 0


def test_one_mark_finds_one_highlight():
    # one mark over the whole paragraph with both of the mayor's quotes finds one of them
    s, _ = find(TEXT, '"We cannot')
    _, e = find(TEXT, 'we will fix it."')
    r = score(make_analysis(), [Mark("quotes", s, e)])
    assert (r.by_category["quotes"].found, r.by_category["quotes"].missed) == (1, 1)


def test_two_marks_on_one_highlight_find_it_once():
    r = score(make_analysis(), [mark("quotes", "cannot"), mark("quotes", "patching")])
    assert r.by_category["quotes"].found == 1 and r.by_category["quotes"].extra == 1


def test_report_is_json_with_marks_and_rule():
    a = make_analysis()
    marks = [mark("opinion", "reckless"), mark("opinion", "Kestrel")]
    data = json.loads(json.dumps(report(a, marks, score(a, marks))))
    assert data["schema"] == "slant.quiz/1" and data["rule"] == RULE
    assert data["score"]["opinion"] == {"found": 1, "missed": 2, "extra": 1, "total": 3}
    assert [m["text"] for m in data["marks"]] == ["Kestrel", "reckless"]
    assert [m["text"] for m in data["extra_marks"]] == ["Kestrel"]
    assert (data["found"], data["total"]) == (1, 10)


def test_practice_articles_are_short_ours_and_differ_in_difficulty(rules_pipe):
    easy, hard = practice_articles()
    results = []
    for path in (easy, hard):
        text = path.read_text(encoding="utf-8")
        assert 60 <= len(text.split()) <= 300
        a = analyze(text, pipeline=rules_pipe)
        key = answers(a)
        assert all(key[c] for c in key), (path.name, {c: len(v) for c, v in key.items()})
        results.append(a)
    kinds = [{o.category for o in a.opinion} for a in results]
    assert len(kinds[1]) > len(kinds[0])   # the hard one uses more kinds of spin


async def _play(app, pilot):
    await pilot.pause()
    await pilot.press("p")
    await pilot.pause()
    await pilot.pause()
    return app.screen


async def test_a_round_in_the_reader(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = SlantApp("bridge.txt", analysis=make_analysis())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _play(app, pilot)
        view = screen.view
        assert type(screen).__name__ == "QuizScreen"
        assert view.enabled and not any(len(view.highlights(c)) for c in view.enabled)
        assert RULE in screen.query_one("#quiz-head").plain      # the rule is on screen
        words_ = [TEXT[s:e] for s, e in view.words]
        # walk to "reckless" with the keyboard and mark it as opinion
        for _ in range(words_.index("reckless")):
            await pilot.press("right")
        assert "“reckless”" in screen.query_one("#quiz-explain").plain
        await pilot.press("4")
        # "$420 billion": two words, selected with v
        for _ in range(words_.index("reckless") - words_.index("$420")):
            await pilot.press("left")
        await pilot.press("v", "right", "3")
        # a wrong one: "Tuesday" marked as official, then unmarked and marked as figure
        for _ in range(words_.index("$420") + 1 - words_.index("Tuesday")):
            await pilot.press("left")
        await pilot.press("2", "x", "2")
        assert [(m.category, TEXT[m.start:m.end]) for m in screen.marks] == [
            ("opinion", "reckless"), ("figures", "$420 billion"), ("officials", "Tuesday")]
        await pilot.press("2")                 # the same mark again: unmarked
        assert len(screen.marks) == 2
        await pilot.press("down")              # a line down keeps a word cursor
        assert screen.view.target.kind == "word"
        await pilot.press("enter")
        await pilot.pause()
        card = screen.query_one("#score-card")
        assert "found 2 of 10 (20%)" in card.plain and "Rule: " + RULE in card.plain
        assert "! Opinion  ✓ 1 of 3  ▲ 2  + 0" in card.plain
        # the reveal: every highlight is back, the misses in the mention layer
        assert sum(len(view.highlights(c)) for c in view.enabled) == 10
        assert len(view.mentions) == 8
        seen = set()
        for _ in range(10):
            await pilot.press("right_square_bracket")
            seen.add(screen.query_one("#quiz-explain").plain.split("\n")[0])
        assert any("▲ MISSED" in s for s in seen) and any("✓ found" in s for s in seen)
        await pilot.press("4")                 # marking is over
        assert len(screen.marks) == 2
        await pilot.press("s")
        await pilot.pause()
        saved = json.loads((tmp_path / "bridge-quiz.json").read_text(encoding="utf-8"))
        assert saved["found"] == 2 and len(saved["marks"]) == 2
        await pilot.press("s")                 # never over the first file
        await pilot.pause()
        assert (tmp_path / "bridge-quiz-2.json").exists()
        await pilot.press("q")
        await pilot.pause()
        assert app.is_mounted_main


async def test_slant_quiz_opens_the_quiz_and_saves_where_asked(tmp_path):
    app = SlantApp("bridge.txt", analysis=make_analysis())
    app.start_teaching("quiz", save=str(tmp_path / "class" / "ana.json"))
    (tmp_path / "class").mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "QuizScreen"
        await pilot.press("enter", "s")
        await pilot.pause()
        data = json.loads((tmp_path / "class" / "ana.json").read_text(encoding="utf-8"))
        assert data["found"] == 0 and data["total"] == 10
