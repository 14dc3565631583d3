"""Finding verdicts again when the analysis (or the text) changes; never dropping one."""

from __future__ import annotations

from analyzers.review import Anchor, Review, Tick, Verdict, locate, reattach

TEXT = ("The council slammed the plan on Monday. Later the mayor slammed the plan again, "
        "calling it a reckless bill.")


def span(needle: str, nth: int = 0, text: str = TEXT) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def test_locate_keeps_a_place_that_still_holds():
    a = Anchor.at(TEXT, *span("slammed", 1))
    assert locate(TEXT, a) == span("slammed", 1)


def test_locate_uses_context_when_the_text_moved():
    a = Anchor.at(TEXT, *span("slammed", 1))
    moved = "BREAKING. " + TEXT
    assert locate(moved, a) == span("slammed", 1, moved)
    # with the offsets pointing at the first "slammed" now, context still picks the second
    a2 = Anchor(*span("slammed", 0), "slammed", a.before, a.after)
    assert locate(TEXT, a2) == span("slammed", 1)


def test_locate_none_when_the_words_are_gone():
    a = Anchor.at(TEXT, *span("reckless"))
    assert locate(TEXT.replace("reckless", "costly"), a) is None


def test_verdict_follows_a_wider_span_of_the_same_category():
    r = Review.new(TEXT)
    r.verdicts.append(Verdict("opinion", Anchor.at(TEXT, *span("reckless")), "reject"))
    changed = reattach(r, TEXT, [("opinion", *span("reckless bill"))], model="v2")
    assert changed == 1 and r.verdicts[0].attached
    assert r.verdicts[0].anchor.text == "reckless bill" and r.model == "v2"


def test_verdict_without_a_highlight_now_is_kept_unattached():
    r = Review.new(TEXT)
    r.verdicts.append(Verdict("opinion", Anchor.at(TEXT, *span("slammed")), "accept", "ok"))
    reattach(r, TEXT, [("figures", *span("Monday"))])
    assert len(r.verdicts) == 1 and not r.verdicts[0].attached
    assert r.unattached() == [r.verdicts[0]]
    # ... and attaches again when a later analysis has the highlight back
    reattach(r, TEXT, [("opinion", *span("slammed"))])
    assert r.verdicts[0].attached and r.unattached() == []


def test_category_must_match():
    r = Review.new(TEXT)
    r.verdicts.append(Verdict("quotes", Anchor.at(TEXT, *span("slammed")), "reject"))
    reattach(r, TEXT, [("opinion", *span("slammed"))])
    assert not r.verdicts[0].attached


def test_small_overlap_does_not_attach():
    r = Review.new(TEXT)
    r.verdicts.append(Verdict("opinion", Anchor.at(TEXT, *span("the plan on Monday")), "reject"))
    reattach(r, TEXT, [("opinion", *span("plan"))])   # 4 of 18 characters ... but all of "plan"
    assert r.verdicts[0].attached   # more than half of the shorter span overlaps
    r2 = Review.new(TEXT)
    r2.verdicts.append(Verdict("opinion", Anchor.at(TEXT, *span("slammed the")), "reject"))
    reattach(r2, TEXT, [("opinion", *span("the plan on Monday"))])
    assert not r2.verdicts[0].attached   # 3 characters of 11


def test_added_and_ticks_follow_the_words():
    r = Review.new(TEXT)
    r.ticks.append(Tick("writer_opinion", Anchor.at(TEXT, *span("reckless"))))
    moved = "Update: " + TEXT
    reattach(r, moved, [])
    assert r.ticks[0].anchor.start == span("reckless", 0, moved)[0] and r.ticks[0].attached
