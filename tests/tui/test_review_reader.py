"""The review keys in the reader, driven headless with a hand-made analysis: accept,
reject, note, add (v), undo/redo, hide, reset, ignore; the checklist tab, each rule; the
review surviving a reopen, a changed analysis and a data folder that cannot be written."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from analyzers.model import Analysis, Entity, Figure, OpinionSpan, Quote
from analyzers.review import RULES, Review, text_hash
from analyzers.stats import compute_stats
from analyzers.text import paragraphs
from reader_fixtures import TEXT, find, make_analysis, segment_at
from tui.app import SlantApp
from tui.review import store
from tui.review.note import NoteScreen
from tui.screens.confirm import ConfirmScreen
from tui.widgets.checklist import ChecklistView

SIZE = (120, 40)


def app_for(analysis=None, **kw) -> SlantApp:
    return SlantApp("bridge.txt", analysis=analysis or make_analysis(), **kw)


def stored(text: str = TEXT) -> Review | None:
    path = store.path_for(text_hash(text))
    return Review.from_json(path.read_text()) if path.exists() else None


async def summary_text(pilot, app) -> str:
    app.panel.switch("summary")
    await pilot.pause()
    body = app.query_one("#summary-body")
    return "\n".join(s.text for s in body.render_lines(body.region.reset_offset))


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def goto(pilot, app, needle: str, nth: int = 0) -> None:
    """Move with ] until the current highlight starts at `needle`."""
    start = find(app.article.text, needle, nth)[0]
    for _ in range(40):
        t = app.article.target
        if t is not None and t.start == start:
            return
        await pilot.press("right_square_bracket")
    raise AssertionError(f"no highlight at {needle!r}")


async def test_data_folder_is_a_temporary_one(no_user_data):
    assert str(store.review_dir()).startswith(str(no_user_data))


async def test_accept_is_saved_shown_and_taken_back():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "reckless")
        await pilot.press("y")
        assert "✓ accepted by you" in app.explain.plain
        v = stored().verdicts[0]
        assert (v.category, v.anchor.text, v.verdict) == ("opinion", "reckless", "accept")
        await pilot.press("y")   # again: taken back
        assert stored().verdicts == []
        assert "accepted" not in app.explain.plain


async def test_reject_strikes_through_and_z_hides_it():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "claimed")
        await pilot.press("x")
        await pilot.press("left_square_bracket")   # move off it: its own cue, not the cursor's
        seg = segment_at(app.article, find(TEXT, "claimed")[0])
        assert seg.style.strike
        assert stored().verdicts[0].verdict == "reject"
        n = len(app.article.visible_highlights())
        await pilot.press("z")
        assert len(app.article.visible_highlights()) == n - 1
        await pilot.press("z")
        assert len(app.article.visible_highlights()) == n


async def test_note_dialog_keeps_the_note():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "$420 billion")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"check the budget", "enter")
        await pilot.pause()
        assert "Your note: check the budget" in app.explain.plain
        assert stored().verdicts[0].note == "check the budget"
        assert stored().verdicts[0].verdict is None
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("escape")   # cancel keeps it
        await pilot.pause()
        assert stored().verdicts[0].note == "check the budget"


async def test_v_selects_words_and_a_category_key_adds_an_outlined_highlight():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "$420 billion")
        await pilot.press("v")
        assert "Selecting: “$420 billion”" in app.explain.plain
        await pilot.press("l", "l", "l", "h")
        assert app.article.selection is not None
        assert TEXT[slice(*app.article.selection)] == "$420 billion loan to"
        await pilot.press("4")      # opinion: while selecting, 4 gives the category
        assert app.article.selection is None
        added = stored().added[0]
        assert (added.category, added.anchor.text) == ("opinion", "$420 billion loan to")
        assert "opinion" in app.enabled   # the toggle did not switch opinion off
        ours = [h for h in app.article.highlights("opinion") if h.what.endswith("added by you")]
        assert len(ours) == 1
        await pilot.press("left_square_bracket")
        seg = segment_at(app.article, find(TEXT, "loan to")[0])
        assert seg.style.overline and seg.style.underline
        # x on a highlight you added removes it
        await goto(pilot, app, "$420 billion")
        t = app.article.target
        while t.highlight.category != "opinion":
            await pilot.press("right_square_bracket")
            t = app.article.target
        await pilot.press("x")
        assert stored().added == []


async def test_escape_cancels_a_selection_and_keys_outside_selection_are_hidden():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.check_action("review_extend", (1,)) is False
        await pilot.press("v")
        assert app.check_action("review_extend", (1,)) is True
        assert app.check_action("review_verdict", ("accept",)) is False
        await pilot.press("escape")
        assert app.article.selection is None and stored() is None


async def test_undo_and_redo():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "reckless")
        await pilot.press("x")
        await pilot.press("u")
        assert stored().verdicts == []
        assert any("Undone" in m for m in messages(app))
        await pilot.press("ctrl+r")
        assert stored().verdicts[0].verdict == "reject"
        await pilot.press("u", "u")
        assert any("Nothing to undo" in m for m in messages(app))


async def test_reset_asks_first_and_undo_brings_it_back():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "reckless")
        await pilot.press("x")
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(stored().verdicts) == 1
        await pilot.press("R")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert stored().empty
        await pilot.press("u")
        assert len(stored().verdicts) == 1


async def test_review_is_restored_when_the_same_text_opens_again():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "reckless")
        await pilot.press("x")
    again = app_for()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("Review restored: 0 accepted, 1 rejected" in m for m in messages(again))
        await goto(pilot, again, "reckless")
        assert "✗ rejected by you" in again.explain.plain


async def test_changed_analysis_reattaches_and_lists_what_it_cannot():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "reckless")
        await pilot.press("x")
        await goto(pilot, app, "claimed")
        await pilot.press("y")
    a = make_analysis()
    s, e = find(TEXT, "called reckless")           # the new rules mark a wider span
    a.opinion = [OpinionSpan(s, e, TEXT[s:e], "loaded", "why", False)]   # "claimed" is gone
    again = app_for(a)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = stored()
        by_text = {v.anchor.text: v for v in review.verdicts}
        assert by_text["called reckless"].attached and by_text["called reckless"].verdict == "reject"
        assert not by_text["claimed"].attached        # kept, never dropped
        body = await summary_text(pilot, again)
        assert "Not found in this analysis (1)" in body and "claimed" in body


async def test_unwritable_data_folder_says_so_once_and_keeps_the_review(monkeypatch,
                                                                       no_user_data):
    (no_user_data / "slant").write_text("a file where the folder should be")
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "reckless")
        await pilot.press("x")
        await goto(pilot, app, "claimed")
        await pilot.press("y")
        warned = [m for m in messages(app) if "cannot be saved" in m]
        assert len(warned) == 1 and "kept in memory" in warned[0]
        assert len(app.review.review.verdicts) == 2   # the reader keeps working
        (no_user_data / "slant").unlink()
        app._retry_save()
        await pilot.pause()
        assert any("saved again" in m for m in messages(app))
        assert len(stored().verdicts) == 2


async def test_quit_with_an_unsaved_review_rescues_it(monkeypatch, no_user_data, tmp_path):
    (no_user_data / "slant").write_text("not a folder")
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "reckless")
        await pilot.press("x")
        await pilot.press("q")
    assert app.exit_note and str(tmp_path) in app.exit_note
    copy = next(tmp_path.glob("slant-review-*.json"))
    assert Review.from_json(copy.read_text()).verdicts[0].verdict == "reject"


async def test_review_keys_are_remappable(no_user_config):
    no_user_config.write_text('[keys]\naccept = "A"\nreject = "X"\n')
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "reckless")
        await pilot.press("A")
        assert stored().verdicts[0].verdict == "accept"
        await pilot.press("X")
        assert stored().verdicts[0].verdict == "reject"
        ids = {b.id: b.key for b in app.help_bindings()}
        assert ids["review.accept"] == "A"


async def test_every_review_key_has_an_id_a_tooltip_and_is_in_help():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ids = {b.id: b for b in app.help_bindings()}
        for bid in ("review.accept", "review.reject", "review.note", "review.select",
                    "review.undo", "review.redo", "review.marks", "review.reset",
                    "review.ignore", "checklist.jump", "checklist.tick"):
            assert bid in ids and ids[bid].tooltip, bid
        footer_keys = {ab.binding.id for ab in app.active_bindings.values()
                       if ab.binding.show and ab.enabled}
        assert {"review.accept", "review.reject", "review.note", "review.select"} <= footer_keys


async def test_ignore_list_is_asked_for_and_hides_the_word():
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "reckless")
        await pilot.press("I")
        assert any("Only a rejected opinion word" in m for m in messages(app))
        await pilot.press("x", "I")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        data = json.loads((store.data_dir() / "ignore.json").read_text())
        assert data == {"opinion": ["reckless"]}
        assert not any(h.start == find(TEXT, "reckless")[0]
                       for h in app.article.highlights("opinion"))


# -- the checklist tab, one sentence per rule -----------------------------------------------
CHECK_TEXT = """\
Ferry review

The ferry service cost $31 million. Officials said the route would close. Fares will rise \
sharply next spring.

"Nobody asked us," a voice in the crowd shouted. Ekdahl spoke first. "We will keep the \
ferry," said Transport Minister Mara Ekdahl. The shameful decision came late.
"""


def check_analysis() -> Analysis:
    t = CHECK_TEXT
    ekdahl = Entity("e1", "Mara Ekdahl", "person", official=True, title="Transport Minister",
                    mentions=[find(t, "Ekdahl"), find(t, "Mara Ekdahl")])
    qa, qb = find(t, '"Nobody asked us,"'), find(t, '"We will keep the ferry,"')
    fs = find(t, "$31 million")
    ops = find(t, "shameful")
    a = Analysis(text=t, paragraphs=paragraphs(t), entities=[ekdahl],
                 quotes=[Quote("q1", *qa, t[slice(*qa)], "direct"),
                         Quote("q2", *qb, t[slice(*qb)], "direct", "e1", "Mara Ekdahl",
                               find(t, "Mara Ekdahl"), "said")],
                 figures=[Figure(*fs, t[slice(*fs)], "money", 31e6, "USD")],
                 opinion=[OpinionSpan(*ops, "shameful", "loaded", "why", False)])
    a.stats = compute_stats(a)
    return a


WHERE = {"figure_unsourced": "$31 million", "anonymous_source": "Officials said",
         "unattributed_claim": "Fares will rise", "quote_no_speaker": '"Nobody asked us,"',
         "official_no_title": "Ekdahl", "writer_opinion": "shameful"}


async def open_checklist(pilot, app) -> ChecklistView:
    await pilot.press("s", "s")      # entities -> summary -> checklist
    await pilot.pause()
    assert app.panel.active == "checklist"
    await pilot.press("tab")
    await pilot.pause()
    view = app.query_one(ChecklistView)
    assert view.has_focus
    return view


async def test_checklist_lists_one_item_per_rule():
    app = SlantApp("ferry.txt", analysis=check_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = await open_checklist(pilot, app)
        assert sorted(i.rule for i in view.items) == sorted(RULES)
        for item in view.items:
            assert CHECK_TEXT[item.start:].startswith(WHERE[item.rule]), item


@pytest.mark.parametrize("rule", sorted(RULES))
async def test_each_checklist_item_jumps_and_ticks(rule):
    app = SlantApp("ferry.txt", analysis=check_analysis())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = await open_checklist(pilot, app)
        index = next(i for i, item in enumerate(view.items) if item.rule == rule)
        view.highlighted = index
        await pilot.press("space")
        await pilot.pause()
        assert view.ticked[index] is True
        review = stored(CHECK_TEXT)
        assert [t.rule for t in review.ticks] == [rule]
        await pilot.press("enter")
        await pilot.pause()
        target = app.article.target
        assert target is not None and CHECK_TEXT[target.start:].startswith(WHERE[rule])
        assert app.article.has_focus
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("x")    # x ticks in the checklist too (here: unticks)
        await pilot.pause()
        assert stored(CHECK_TEXT).ticks == []
        await pilot.press("space")
        body = await summary_text(pilot, app)
        assert "Checklist checked" in body and "1 of 6" in body


async def test_export_from_the_reader_carries_the_review(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(pilot, app, "reckless")
        await pilot.press("x")
        await pilot.press("e")
        await pilot.pause()
    html = (tmp_path / "bridge-slant.html").read_text()
    assert 'rv-rejected' in html and "Verification checklist" in html
    assert "Source scorecard" in html
