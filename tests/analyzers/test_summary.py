"""The corpus summary on hand-made analyses whose answers are worked out by hand."""

from __future__ import annotations

import json

import pytest

from analyzers.summary import SummaryError, group_of, summarize
from tests.fixtures.summary import RESULTS


@pytest.fixture
def records():
    return [json.loads(line) for line in RESULTS.read_text().splitlines() if line.strip()]


def test_each_article_has_its_headline_numbers(records):
    a, b, c = summarize(records).articles
    assert (a.label, b.label, c.label) == ("Bridge vote", "Ferry | fares", "corpus/wire/c.txt")
    assert a.quote_share == 0.25 and b.quote_share == 0.1 and c.quote_share == 0.0
    assert (a.speakers, b.speakers, c.speakers) == (2, 1, 0)      # unattributed is no speaker
    assert (a.officials_quoted, a.others_quoted) == (2, 1)
    # one speech quote without a speaker + two "critics say" in the writer's voice
    assert a.anonymous == 3 and b.anonymous == 0
    assert a.opinion_per_1000 == 5.0 and b.opinion_per_1000 == 2.0
    assert a.opinion_by_category == {"loaded": 3.0, "unsupported": 2.0}
    assert a.figures_per_1000 == 12.0 and b.figures_per_1000 == 4.0 and c.figures_per_1000 == 0


def test_without_by_one_row_for_the_whole_corpus(records):
    (total,) = summarize(records).groups
    assert total.label == "all articles" and total.articles == 3 and total.words == 1700
    assert total.quote_share == round(300 / 1700, 4)
    assert total.speakers == 2          # "Ilse Brandvik" and "ilse  Brandvik" are one person
    assert total.figures_per_1000 == round(14000 / 1700, 2)


def test_groups_pool_their_articles(records):
    summary = summarize(records, by="outlet")
    assert [g.label for g in summary.groups] == ["Courier", "(none)"]   # no value: last
    courier, none = summary.groups
    assert courier.articles == 2 and courier.words == 1500
    assert courier.quote_share == 0.2                         # 300 of 1,500 words
    assert courier.speakers == 2
    assert (courier.officials_quoted, courier.others_quoted, courier.anonymous) == (3, 1, 3)
    assert courier.opinion_per_1000 == 4.0                    # 6 per 1,500 words
    assert courier.opinion_by_category == {"loaded": 2.0, "unsupported": 1.33, "hedge": 0.67}
    assert courier.figures_per_1000 == 9.33
    assert none.articles == 1 and none.words == 200
    assert [r.group for r in summary.articles] == ["Courier", "Courier", "(none)"]
    # categories in the schema's order
    assert summary.categories == ["loaded", "hedge", "unsupported"]


def test_by_source_is_the_site_or_the_folder(records):
    summary = summarize(records, by="source")
    assert [(g.label, g.articles) for g in summary.groups] == [("corpus/wire", 1),
                                                               ("courier.example", 2)]


def test_a_dotted_field_goes_into_objects():
    record = {"meta": {"section": "world"}, "stats": {}}
    assert group_of(record, "meta.section") == "world"
    assert group_of(record, "meta.desk") == "(none)"
    assert group_of({"tags": ["a"], "stats": {}}, "tags") == '["a"]'
    assert group_of({"source": {"path": None}, "stats": {}}, "source") == "standard input"


def test_what_is_not_an_analysis():
    with pytest.raises(SummaryError, match="record 2 is not a slant analysis"):
        summarize([{"stats": {"words": 3}}, {"text": "no stats"}])
    with pytest.raises(SummaryError, match="no analyses"):
        summarize([])


def test_a_real_analysis_summarizes(rules_pipe):
    from analyzers import analyze

    a = analyze('"We will build it," Mayor Ilse Brandvik said. Critics say it costs '
                '$420 million.', pipeline=rules_pipe)
    (row,) = summarize([a.to_dict()]).articles
    assert row.words == a.stats["words"] and row.figures_per_1000 > 0
    assert row.anonymous == a.stats["opinion_writer_by_category"].get("unsupported", 0) + \
        a.stats["speech_quotes"] - a.stats["attributed_quotes"]
