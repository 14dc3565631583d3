"""slant_opinion: categories, context rules, quote awareness, user settings, both modes.

Every sentence here was written for these tests."""

from __future__ import annotations

import time

import pytest

from analyzers import analyze, spans
from analyzers.opinion.lexicons import load_lexicons
from analyzers.model import OPINION_CATEGORIES, Quote, validate
from analyzers.opinion.component import OpinionComponent, QuoteIndex, find_opinion


def found(pipe, text, **kw):
    return [(o.category, o.text) for o in find_opinion(pipe.nlp(text), **kw)]


def categories(pipe, text):
    return {c for c, _ in found(pipe, text)}


# -- each category ------------------------------------------------------------------------
CASES = [
    ("The council's reckless budget left the library without a roof.", "loaded",
     "reckless budget"),
    ("The budget was reckless and the library lost its roof.", "loaded", "reckless"),
    ("Opposition leaders slammed the proposal on Monday.", "loaded", "slammed"),
    ("The mayor lashed out at reporters after the vote.", "loaded", "lashed out"),
    ("The whole inquiry was a travesty from start to finish.", "loaded", "travesty"),
    ("The new levy would destroy the economy of the valley.", "loaded", "destroy"),
    ("Protesters were described as thugs by the station's anchor.", "label", "thugs"),
    ("Far-left activists gathered outside the depot.", "label", "Far-left activists"),
    ("The regime shamelessly jailed three more editors this week.", "label", "regime"),
    ("Illegal aliens were blamed for the shortfall in the column.", "label", "Illegal aliens"),
    ("Conveniently, the audit was published after the election.", "aside", "Conveniently"),
    ("The minister, needless to say, did not attend.", "aside", "needless to say"),
    ("He clearly wants the job for himself.", "editorial", "clearly"),
    ("In my view, the plan will not survive the winter.", "editorial", "In my view"),
    ("Is this really the best the board can offer?", "editorial",
     "Is this really the best the board can offer?"),
    ("The cost overrun was utterly predictable.", "booster", "utterly predictable"),
    ("The club faces a massive bill for the repairs.", "booster", "massive bill"),
    ("It was a very dangerous decision.", "booster", "very dangerous"),
    ("The striker reportedly asked to leave in January.", "hedge", "reportedly"),
    ("The lake seems to have shrunk by a third.", "hedge", "seems to"),
    ("The singer allegedly refuses to eat before a show.", "hedge", "allegedly"),
    ("The director claimed that the figures were accurate.", "doubt", "claimed"),
    ('"We did nothing wrong," the owner insisted.', "doubt", "insisted"),
    ("She admitted that the plan had gaps.", "doubt", "admitted"),
    ("The so-called reforms changed very little.", "scare_quote", "so-called reforms"),
    ("Critics say the scheme rewards the wealthy.", "unsupported", "Critics say"),
    ("It is widely believed that the deal is dead.", "unsupported", "It is widely believed"),
    ("Many economists fear a slowdown next year.", "unsupported", "Many economists fear"),
    ("The flood was a catastrophe for the three farms.", "hyperbole", "catastrophe"),
    ("The rise in fees was an unprecedented blow to tenants.", "hyperbole", "unprecedented"),
    ("The council merely postponed the vote.", "minimising", "merely"),
    ("The pledge is little more than a slogan.", "minimising", "little more than a slogan"),
    ("The mayor cynically timed the announcement.", "motive", "cynically"),
    ("The visit to the depot was a publicity stunt.", "motive", "publicity stunt"),
    ("The baseless rumour spread through the town.", "evidence", "baseless"),
    ("He repeated the charge without evidence.", "evidence", "without evidence"),
    ("The opposition torpedoed the peace talks in the last week.", "metaphor",
     "torpedoed the peace talks"),
    ("The onslaught of new rules has tired the growers.", "metaphor", "onslaught"),
]


@pytest.mark.parametrize("text,category,span", CASES)
def test_each_category_in_full_mode(full, text, category, span):
    assert (category, span) in found(full, text)


def test_every_category_is_covered_by_the_cases():
    assert {c for _, c, _ in CASES} == set(OPINION_CATEGORIES)


NEUTRAL = [
    "The central bank raised its main rate by a quarter point on Wednesday, its third "
    "increase this year, and said it would watch wages closely.",
    "Police said a 34-year-old man was arrested and charged with theft after he allegedly "
    "took two bicycles from a shop on Main Street.",
    "The group claimed responsibility for the attack in a statement posted online.",
    "He slammed the door and left the building before the meeting ended.",
    "The storm slammed into the coast late on Sunday, cutting power to 40,000 homes.",
    "The driver was admitted to hospital with minor injuries.",
    "The exit signs were clearly visible from the stage.",
    "Naturally occurring gas was found under the old quarry.",
    "The new tax regime takes effect in May, the treasury said.",
    "The pension scheme pays out on the first of each month.",
    "Many feared dead after the ferry capsized, officials said.",
    "They want some say in how the money is spent.",
    "In a change of course, the board agreed to keep the plant open.",
    "Michael Savage founded the company in 1998.",
    "The fire destroyed 20 homes and damaged a school.",
    "What is the debt ceiling and why does it matter?",
    "The building is very large and was finished in 1931.",
]


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_sentences_produce_nothing(full, text):
    assert found(full, text) == []


def test_a_neutral_wire_report_gets_no_writers_voice_spans(full):
    text = (
        "Lawmakers in the state assembly approved a $2.1 billion transport bill on Thursday "
        "after a four-hour debate, sending the measure to the governor.\n\n"
        "The bill, which passed 61 to 38, funds road repairs, two new bus lines and a study "
        "of a rail link to the airport. Supporters said the money was overdue; opponents "
        "said the state could not afford it.\n\n"
        "The governor's office said she would review the bill before deciding whether to "
        "sign it. A spokesman declined to give a timetable.\n\n"
        "The transport department estimates that about a third of the state's bridges need "
        "repairs within the next decade.")
    a = analyze(text, pipeline=full)
    assert [o for o in a.opinion if not o.in_quote] == []


# -- explanations and offsets -------------------------------------------------------------
def test_explanations_say_what_and_why(full):
    spans_ = find_opinion(full.nlp("Critics slammed the disastrous plan, which was, of "
                                   "course, the so-called reform."))
    assert spans_
    for o in spans_:
        kind, _, why = o.explanation.partition(": ")
        assert kind and len(why) > 20, o.explanation
    loaded = [o for o in spans_ if o.text == "slammed"][0]
    assert "'slammed'" in loaded.explanation and "criticized" in loaded.explanation


def test_offsets_match_the_text_and_the_analysis_validates(full):
    text = ("Sadly, the far-left mayor's so-called “reform” was a disastrous scheme.\n\n"
            "Critics say it will destroy the economy; the minister insisted that it would "
            "not. Is this really leadership? It reportedly cost a whopping €4m.")
    a = analyze(text, pipeline=full)
    assert len(a.opinion) >= 6
    for o in a.opinion:
        assert a.text[o.start:o.end] == o.text
        assert o.category in OPINION_CATEGORIES
    validate(a.to_dict())
    starts = [(o.start, o.end) for o in a.opinion]
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(starts, starts[1:])), "spans overlap"


# -- rule-only mode -----------------------------------------------------------------------
@pytest.mark.parametrize("text,category,span", [
    ("The council's reckless budget left the library without a roof.", "loaded", "reckless"),
    ("Opposition leaders slammed the proposal on Monday.", "loaded", "slammed"),
    ("Protesters were described as thugs by the anchor.", "label", "thugs"),
    ("Conveniently, the audit was published after the election.", "aside", "Conveniently"),
    ("It was a very dangerous decision.", "booster", "very dangerous"),
    ("The director claimed that the figures were accurate.", "doubt", "claimed"),
    ("The so-called reforms changed very little.", "scare_quote", "so-called reforms"),
    ("Critics say the scheme rewards the wealthy.", "unsupported", "Critics say"),
])
def test_rule_only_mode_still_finds_each_kind(rules, text, category, span):
    assert (category, span) in found(rules, text)


@pytest.mark.parametrize("text", [
    "He slammed the door and left the building.",
    "The group claimed responsibility for the attack.",
    "Police said the man allegedly stole a car.",
    "The pension scheme pays out monthly.",
    "Michael Savage founded the company in 1998.",
    "Many claims were later withdrawn.",
    "The building is very large.",
])
def test_rule_only_mode_keeps_its_precision(rules, text):
    assert found(rules, text) == []


def test_rule_only_analysis_validates(rules):
    a = analyze("Critics slammed the reckless plan. It is, of course, a sham.", pipeline=rules)
    assert a.model.mode == "rules-only"
    assert {o.category for o in a.opinion} >= {"loaded", "editorial"}
    validate(a.to_dict())


# -- quotes -------------------------------------------------------------------------------
def _doc_with_quotes(pipe, text, quotes):
    doc = pipe.nlp(text)
    spans.write(doc, "slant_quotes", quotes)
    return doc


def _quote(text, piece, kind, speaker=None, qid="q1"):
    s = text.index(piece)
    return Quote(qid, s, s + len(piece), piece, kind, speaker=speaker)


def test_quote_index_finds_the_innermost_speech_quote():
    text = 'A said "one two" and "three" and wrote "Title".'
    outer = Quote("q1", 0, 40, text[:40], "direct", speaker="e1")
    inner = _quote(text, '"three"', "partial", speaker="e2", qid="q2")
    title = _quote(text, '"Title"', "title", qid="q3")
    idx = QuoteIndex([outer, inner, title])
    s = text.index("three")
    assert idx.containing(s, s + 5) is inner
    assert idx.containing(2, 6) is outer
    assert idx.containing(41, 45) is None
    assert idx.in_title(text.index("Title"), text.index("Title") + 5)
    assert not idx.in_title(0, 3)


def test_spans_in_quotes_are_marked_with_their_speaker(full):
    text = ('"This reckless plan is a disgrace," said Dana Holt. '
            'Her rival called the reply "predictably shrill". The plan is reckless.')
    q1 = _quote(text, '"This reckless plan is a disgrace,"', "direct", speaker="e1")
    q2 = _quote(text, '"predictably shrill"', "partial", speaker="e2", qid="q2")
    out = find_opinion(_doc_with_quotes(full, text, [q1, q2]))
    by_text = {o.text: o for o in out}
    assert by_text["reckless plan"].in_quote and by_text["reckless plan"].speaker == "e1"
    assert by_text["disgrace"].speaker == "e1"
    assert by_text["shrill"].in_quote and by_text["shrill"].speaker == "e2"
    last = [o for o in out if o.start > q2.end]
    assert [(o.text, o.in_quote, o.speaker) for o in last] == [("reckless", False, None)]


def test_one_span_per_scare_quote_and_so_called_merges_with_it(full):
    text = 'The "experts" met again. The so-called "independent" panel agreed.'
    q1 = _quote(text, '"experts"', "scare")
    q2 = _quote(text, '"independent"', "scare", qid="q2")
    out = find_opinion(_doc_with_quotes(full, text, [q1, q2]))
    assert [(o.category, o.text) for o in out] == [
        ("scare_quote", '"experts"'), ("scare_quote", 'so-called "independent"')]
    assert "'experts'" in out[0].explanation
    assert not any(o.in_quote for o in out)


def test_words_inside_a_title_are_not_opinion(full):
    text = 'She starred in "Brutal Lies and Reckless Hearts" last year.'
    q = _quote(text, '"Brutal Lies and Reckless Hearts"', "title")
    assert find_opinion(_doc_with_quotes(full, text, [q])) == []


def test_a_question_inside_a_quote_is_not_the_writers(full):
    text = 'He asked: "Is this really the best we can do?" Nobody answered.'
    q = _quote(text, '"Is this really the best we can do?"', "direct", speaker="e1")
    assert [o for o in find_opinion(_doc_with_quotes(full, text, [q]))
            if o.category == "editorial"] == []


def test_analyze_marks_in_quote_consistently_with_its_quotes(full):
    text = ('"The whole scheme is a disgraceful sham," the senator said on Tuesday. '
            'The reckless plan passed anyway.')
    a = analyze(text, pipeline=full)
    speech = [q for q in a.quotes if q.kind in ("direct", "partial")]
    for o in a.opinion:
        inside = [q for q in speech if q.start <= o.start and o.end <= q.end]
        assert o.in_quote == bool(inside)
        if inside:
            assert o.speaker == inside[-1].speaker
    assert any(o.text.startswith("reckless") and not o.in_quote for o in a.opinion)


# -- user settings ------------------------------------------------------------------------
def test_extra_remove_and_disabled(full):
    text = "The blorpist mayor slammed the plan. Reportedly, it failed."
    doc = full.nlp(text)
    base = {(o.category, o.text) for o in find_opinion(doc)}
    assert ("loaded", "slammed") in base and ("hedge", "Reportedly") in base
    lex = load_lexicons(extra={"label": ["blorpist"]}, remove={"loaded": ["slam"]})
    changed = {(o.category, o.text) for o in find_opinion(doc, lex, disabled=["hedge"])}
    assert ("label", "blorpist mayor") in changed or ("label", "blorpist") in changed
    assert not any(c == "loaded" for c, _ in changed)
    assert not any(c == "hedge" for c, _ in changed)


def test_the_factory_takes_the_user_config(full):
    comp = full.nlp.create_pipe("slant_opinion", config={
        "extra": {"loaded": ["blorp"]}, "remove": {}, "disabled": ["unsupported"]})
    doc = comp(full.nlp("Critics say the plan is blorp."))
    got = {(o.category, o.text) for o in spans.read(doc, "slant_opinion")}
    assert got == {("loaded", "blorp")}
    assert [s.text for s in doc.spans["slant_opinion"]] == ["blorp"]
    with pytest.raises(ValueError):
        OpinionComponent(disabled=["snark"])


# -- speed --------------------------------------------------------------------------------
def test_matching_a_long_article_is_fast(full):
    para = ("Critics say the reckless plan, which the minister insisted was fair, will "
            "of course cost a massive sum. The council met on Tuesday and approved the "
            "budget for the coming year after a long debate about roads. ")
    doc = full.nlp(para * 40)
    find_opinion(doc)                    # warm the cache
    t0 = time.perf_counter()
    out = find_opinion(doc)
    assert len(out) >= 40 * 4
    assert time.perf_counter() - t0 < 1.0


def test_resolve_keeps_what_a_check_against_every_kept_span_keeps():
    """The neighbour-only overlap check in `resolve` against the plain one, on many
    random sets of candidates."""
    import random

    from analyzers.opinion.component import PRIORITY, resolve
    from analyzers.opinion.context import Candidate

    def plain(cands):
        rank = {c: i for i, c in enumerate(PRIORITY)}
        order = sorted(cands, key=lambda c: (c.category != "scare_quote", -(c.end - c.start),
                                             rank.get(c.category, 99), c.start))
        kept = []
        for c in order:
            if all(c.end <= k.start or c.start >= k.end for k in kept):
                kept.append(c)
        return sorted(kept, key=lambda c: (c.start, c.end))

    rng = random.Random(7)
    for _ in range(300):
        cands = []
        for _ in range(rng.randrange(1, 25)):
            s = rng.randrange(0, 80)
            cands.append(Candidate(s, s + rng.randrange(1, 12), rng.choice(PRIORITY), "x"))
        assert resolve(cands) == plain(cands)


def test_quote_index_finds_the_innermost_quote_holding_a_span():
    from analyzers.model import Quote
    from analyzers.opinion.context import QuoteIndex

    def q(s, e):
        return Quote(id=f"q{s}", start=s, end=e, text="x" * (e - s), kind="direct")

    outer, inner, later, far = q(0, 100), q(10, 40), q(50, 60), q(200, 210)
    index = QuoteIndex([later, outer, far, inner])
    assert index.containing(12, 20) is inner
    assert index.containing(45, 48) is outer       # past inner's end: the outer one
    assert index.containing(52, 55) is later
    assert index.containing(150, 160) is None
    assert index.containing(95, 105) is None       # runs out of every quote
    assert index.containing(201, 209) is far


def test_regime_alone_is_weak_and_shown_with_a_loaded_word(full_pipe):
    def labels(text):
        return [o.text for o in find_opinion(full_pipe.nlp(text)) if o.category == "label"]

    assert labels("The regime in the capital announced new port fees on Monday.") == []
    assert any("regime" in t for t in
               labels("The brutal regime jailed hundreds of peaceful protesters."))


def test_illegal_immigrant_is_weak_and_illegal_aliens_is_not(full_pipe):
    def labels(text):
        return [o.text for o in find_opinion(full_pipe.nlp(text)) if o.category == "label"]

    assert labels("Police detained an illegal immigrant at the port on Monday.") == []
    assert labels("Police detained two illegal aliens at the port on Monday.") == \
        ["illegal aliens"]
