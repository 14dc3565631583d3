"""Each checklist rule on sentences written for it, with a sentence it must leave alone."""

from __future__ import annotations

from analyzers.review import RULES, checklist

from review_fixtures import analysis, at, person


def rules(a) -> list[tuple[str, str]]:
    return [(i.rule, i.text) for i in checklist(a)]


def test_every_rule_has_a_name():
    assert set(RULES) == {"unattributed_claim", "anonymous_source", "figure_unsourced",
                          "quote_no_speaker", "writer_opinion", "official_no_title"}


def test_figure_with_neither_source_nor_comparison():
    text = ("The new depot cost $40 million. Spending rose to $9 million from $7 million. "
            "The tunnel cost $2 billion, according to the audit office.")
    a = analysis(text, figures=[("$40 million", "money"), ("$9 million", "money"),
                                ("$7 million", "money"), ("$2 billion", "money")])
    got = rules(a)
    assert ("figure_unsourced", "$40 million") in got
    assert not any(r == "figure_unsourced" and t in ("$9 million", "$7 million", "$2 billion")
                   for r, t in got)


def test_claim_in_the_writers_voice_with_a_figure_compared_or_a_prediction():
    text = ("Fares rose 12% last year. The closure will cost the town its ferry. "
            "The closure will cost jobs, the minister said. The plan will help, a report found.")
    a = analysis(text, figures=[("12%", "percent")])
    got = rules(a)
    assert ("unattributed_claim", "Fares rose 12% last year.") in got
    assert ("unattributed_claim", "The closure will cost the town its ferry.") in got
    assert sum(1 for r, _ in got if r == "unattributed_claim") == 2


def test_dates_are_not_claims():
    text = "The bridge opened in 2019."
    assert rules(analysis(text, figures=[("2019", "year")])) == []


def test_anonymous_sources():
    text = ("Officials said the talks had stalled. People familiar with the matter disagreed. "
            "One aide spoke on condition of anonymity. According to sources, it is over. "
            "Mayor Ilse Brandvik said the talks went well.")
    got = [t for r, t in rules(analysis(text)) if r == "anonymous_source"]
    assert got == ["Officials said", "People familiar with", "on condition of anonymity",
                   "According to sources"]


def test_unsupported_attribution_counts_as_anonymous_not_as_opinion():
    text = "Critics fear the plan is rushed."
    a = analysis(text, opinion=[("Critics fear", "unsupported", False)])
    assert rules(a) == [("anonymous_source", "Critics fear")]


def test_quote_without_a_named_speaker():
    text = '"We are ready," a voice shouted. "We are not," said Reyes.'
    a = analysis(text, quotes=[('"We are ready,"', None, None), ('"We are not,"', None, "Reyes")])
    assert rules(a) == [("quote_no_speaker", '"We are ready,"')]


def test_opinion_words_in_the_writers_voice_only():
    text = 'The reckless plan passed. "It is a disaster," said Reyes.'
    a = analysis(text, quotes=[('"It is a disaster,"', None, "Reyes")],
                 opinion=[("reckless", "loaded", False), ("disaster", "hyperbole", True)])
    assert [x for x in rules(a) if x[0] == "writer_opinion"] == [("writer_opinion", "reckless")]


def test_official_quoted_without_title_at_first_mention():
    text = ('Vogt arrived late. "We will not wait," said Finance Minister Lena Vogt. '
            '"Nor will we," said Mayor Ilse Brandvik.')
    vogt = person(text, "e1", "Lena Vogt", "Vogt", "Lena Vogt", official=True,
                  title="Finance Minister")
    brandvik = person(text, "e2", "Ilse Brandvik", "Ilse Brandvik", official=True, title="Mayor")
    a = analysis(text, entities=[vogt, brandvik],
                 quotes=[('"We will not wait,"', "e1", "Lena Vogt"),
                         ('"Nor will we,"', "e2", "Ilse Brandvik")])
    items = [i for i in checklist(a) if i.rule == "official_no_title"]
    assert [(i.text, i.start) for i in items] == [("Vogt", 0)]
    assert "Finance Minister" in items[0].message


def test_official_not_quoted_is_not_listed():
    text = "Vogt arrived late. Finance Minister Lena Vogt left early."
    vogt = person(text, "e1", "Lena Vogt", "Vogt", "Lena Vogt", official=True,
                  title="Finance Minister")
    assert rules(analysis(text, entities=[vogt])) == []


def test_items_are_in_reading_order():
    text = "Officials said it cost $5 million. The reckless plan failed."
    a = analysis(text, figures=[("$5 million", "money")], opinion=[("reckless", "loaded", False)])
    starts = [i.start for i in checklist(a)]
    assert starts == sorted(starts) and len(starts) == 2   # the figure is attributed
    assert at(text, "Officials said")[0] == starts[0]


def test_spelled_numbers_and_questions_are_not_flagged():
    text = "Three ministers came. Hundreds marched. Will the fares rise?"
    a = analysis(text, figures=[("Three", "count"), ("Hundreds", "count")])
    assert rules(a) == []


def test_a_headline_mention_does_not_count_as_the_first():
    text = ('Vogt defends the budget\n\n"We will not wait," said Finance Minister Lena Vogt. '
            'Vogt left.')
    vogt = person(text, "e1", "Lena Vogt", "Vogt", "Lena Vogt", "Vogt", official=True,
                  title="Finance Minister")
    a = analysis(text, entities=[vogt], quotes=[('"We will not wait,"', "e1", "Lena Vogt")])
    assert [r for r, _ in rules(a)] == []
