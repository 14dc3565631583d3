"""The source scorecard on a hand-made article."""

from __future__ import annotations

from analyzers.review import scorecard

from review_fixtures import analysis, person

TEXT = ('"We start in May," said Mayor Ilse Brandvik. "It is a fine plan and we back it," '
        'said Tomas Reyes. "No comment at all," said the Harbour Trust. '
        '"It is doomed," one official said. "We will see," Brandvik added.')


def card():
    ents = [person(TEXT, "e1", "Ilse Brandvik", "Ilse Brandvik", "Brandvik", official=True,
                   title="Mayor"),
            person(TEXT, "e2", "Tomas Reyes", "Tomas Reyes"),
            person(TEXT, "e3", "Harbour Trust", "Harbour Trust", type="organization")]
    a = analysis(TEXT, entities=ents, quotes=[
        ('"We start in May,"', "e1", "Ilse Brandvik"),
        ('"It is a fine plan and we back it,"', "e2", "Tomas Reyes"),
        ('"No comment at all,"', "e3", "Harbour Trust"),
        ('"It is doomed,"', None, "one official"),
        ('"We will see,"', "e1", "Ilse Brandvik")])
    return scorecard(a)


def test_voices_words_and_groups():
    c = card()
    rows = {r["name"]: (r["group"], r["quotes"], r["words"]) for r in c["voices"]}
    assert rows == {"Ilse Brandvik": ("officials", 2, 7), "Tomas Reyes": ("named", 1, 9),
                    "Harbour Trust": ("organisations", 1, 4),
                    "one official": ("anonymous", 1, 3)}
    assert c["quotes"] == 5 and c["quoted_words"] == 23
    assert c["distinct_voices"] == 3 and c["anonymous_quotes"] == 1


def test_shares_add_up_and_first_and_last_word():
    c = card()
    assert abs(sum(c["share"].values()) - 1) < 1e-3
    assert c["share"]["officials"] == round(7 / 23, 4)
    assert c["first_word"]["name"] == "Ilse Brandvik"
    assert c["last_word"]["name"] == "Ilse Brandvik"


def test_no_quotes():
    c = scorecard(analysis("Nothing was said."))
    assert c["voices"] == [] and c["first_word"] is None and c["share"]["anonymous"] == 0.0
