from analyzers.compare import scorecard
from analyzers.model import Analysis, OpinionSpan, Quote


def test_scorecards_of_the_bundled_pair(pair):
    a, b = (scorecard(x) for x in pair)
    assert a["opinion_writer"] == 0 and b["opinion_writer"] >= 8
    assert b["opinion_writer_per_100_words"] > a["opinion_writer_per_100_words"]
    assert a["quoted_share"] > b["quoted_share"]
    assert (a["named_sources"], b["named_sources"]) == (4, 4)
    assert (a["anonymous_sources"], b["anonymous_sources"]) == (0, 1)   # "Critics say"


def test_anonymous_sources_count_unattributed_quotes_and_unsupported_claims():
    text = '"It will fail," one aide said. Critics say it is late. "Fine," said Vogt.'
    a = Analysis(text=text, stats={"words": 14, "quoted_words": 4, "quoted_share": 0.29},
                 quotes=[Quote("q1", 0, 15, text[0:15], "direct"),
                         Quote("q2", 56, 63, text[56:63], "direct", speaker="e1",
                               speaker_name="Vogt")],
                 opinion=[OpinionSpan(31, 42, "Critics say", "unsupported", "why")])
    card = scorecard(a)
    assert (card["named_sources"], card["anonymous_sources"], card["quotes"]) == (1, 2, 2)
    assert card["opinion_writer"] == 1 and card["opinion_writer_per_100_words"] == 7.14
