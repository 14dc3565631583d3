from analyzers.model import Analysis, Entity, OpinionSpan, Quote
from analyzers.stats import compute_stats


def make() -> Analysis:
    text = '"We will act now," said Vogt. Critics say it is a reckless "plan". Ms Roe agreed.'
    a = Analysis(text=text)
    a.entities = [Entity("e1", "Lena Vogt", "person", True, "Finance Minister", None, [(24, 28)]),
                  Entity("e2", "Jane Roe", "person", False, None, None, [(71, 74)])]
    a.quotes = [Quote("q1", 0, 19, text[0:19], "direct", "e1", "Lena Vogt", (24, 28), "said"),
                Quote("q2", 60, 66, text[60:66], "scare")]
    a.opinion = [OpinionSpan(30, 41, text[30:41], "unsupported", "why", False, None),
                 OpinionSpan(52, 60, text[52:60], "loaded", "why", False, None),
                 OpinionSpan(8, 12, text[8:12], "booster", "why", True, "e1")]
    return a


def test_quoted_words_count_speech_only():
    st = compute_stats(make())
    assert st["words"] == 16
    assert st["quoted_words"] == 4          # "We will act now", not the scare quote
    assert st["quoted_share"] == round(4 / 16, 4)


def test_speakers_and_officials():
    st = compute_stats(make())
    assert st["speakers"] == [{"speaker": "e1", "name": "Lena Vogt", "official": True,
                               "quotes": 1, "words": 4}]
    assert st["officials_quoted"] == 1 and st["others_quoted"] == 0
    assert st["officials"] == 1 and st["entities"] == 2


def test_writer_voice_opinion_rate_excludes_quoted_opinion():
    st = compute_stats(make())
    assert st["opinion_writer"] == 2 and st["opinion_quoted"] == 1
    assert st["opinion_writer_per_100_words"] == round(200 / 16, 2)
    assert st["opinion_writer_by_category"] == {"unsupported": 1, "loaded": 1}


def test_empty_text():
    st = compute_stats(Analysis(text=""))
    assert st["words"] == 0 and st["quoted_share"] == 0.0
