"""slant_figures: money, shares, counts, measures, dates, durations, ordinals and ranges.

Sentences written for these tests by the slant developers.  Most cases run in both modes:
the figures are found by rules, so the rule-only mode must find the same ones.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzers.figures.component import figure_bounds, find_figures
from analyzers.model import FIGURE_KINDS, Analysis, Figure, validate
from analyzers.figures.numbers import parse_digits, parse_words
from analyzers.run import make_docs


def figs(pipe, text: str) -> list[Figure]:
    doc = next(make_docs(pipe, [text]))
    return find_figures(doc)


def one(pipe, text: str, phrase: str) -> Figure:
    """The figure whose text is exactly `phrase`."""
    found = [f for f in figs(pipe, text) if f.text == phrase]
    assert found, f"{phrase!r} not found in {[(f.text, f.kind) for f in figs(pipe, text)]}"
    return found[0]


def numeric(pipe, text: str) -> list[Figure]:
    return [f for f in figs(pipe, text) if f.kind not in ("date", "year", "time")]


def close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-9)


# -- money ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, phrase, value, unit", [
    ("The deficit reached $420 billion last year.", "$420 billion", 420e9, "USD"),
    ("The club paid £950m for the stadium.", "£950m", 950e6, "GBP"),
    ("Brussels set aside €2bn for the fund.", "€2bn", 2e9, "EUR"),
    ("The grant was worth US$3.5 million.", "US$3.5 million", 3.5e6, "USD"),
    ("Each stamp costs 50 cents now.", "50 cents", 50.0, "cent"),
    ("The bank lent 1.2 trillion yen to exporters.", "1.2 trillion yen", 1.2e12, "JPY"),
    ("The state approved Rs 500 crore for roads.", "Rs 500 crore", 5e9, "INR"),
    ("The flat was listed at HK$5.4m in May.", "HK$5.4m", 5.4e6, "HKD"),
    ("The yacht sold for USD10m to a trust.", "USD10m", 10e6, "USD"),
    ("She bought a laptop for 1,200€ online.", "1,200€", 1200.0, "EUR"),
    ("Shares rose 23p to close the week.", "23p", 23.0, "pence"),
    ("The trade balance fell to $-50.8bn in April.", "$-50.8bn", -50.8e9, "USD"),
    ("It cost a million dollars to build.", "a million dollars", 1e6, "USD"),
    ("The fund holds $1,250,000,000 in bonds.", "$1,250,000,000", 1.25e9, "USD"),
    ("They owed 7.1 billion shekels in taxes.", "7.1 billion shekels", 7.1e9, "ILS"),
])
def test_money(pipe, text, phrase, value, unit):
    f = one(pipe, text, phrase)
    assert f.kind == "money" and close(f.value, value) and f.unit == unit


# -- shares -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, phrase, value, unit", [
    ("Turnout rose 12 per cent on the last vote.", "12 per cent", 12.0, "%"),
    ("Turnout rose 12% on the last vote.", "12%", 12.0, "%"),
    ("Turnout rose 12 percent on the last vote.", "12 percent", 12.0, "%"),
    ("Support grew 3.5 percentage points in a month.", "3.5 percentage points", 3.5, "pp"),
    ("The bank cut rates by 25 basis points.", "25 basis points", 25.0, "bp"),
    ("Inflation hit 10.1pc in the spring.", "10.1pc", 10.1, "%"),
    ("Five per cent of the seats changed hands.", "Five per cent", 5.0, "%"),
    ("The error rate fell to .001 per cent.", ".001 per cent", 0.001, "%"),
])
def test_percent(pipe, text, phrase, value, unit):
    f = one(pipe, text, phrase)
    assert f.kind == "percent" and close(f.value, value) and f.unit == unit


# -- counts and number words ------------------------------------------------------------------
@pytest.mark.parametrize("text, phrase, value", [
    ("Three people were hurt in the crash.", "Three", 3.0),
    ("She bought a dozen eggs at the market.", "a dozen", 12.0),
    ("The plant employs 1,200 workers on two sites.", "1,200", 1200.0),
    ("Twenty-five pupils sat the test.", "Twenty-five", 25.0),
    ("He has read a hundred books this year.", "a hundred", 100.0),
    ("The app has 1.5 million users.", "1.5 million", 1.5e6),
    ("The app has 2bn users.", "2bn", 2e9),
    ("The firm sold 4.3M copies.", "4.3M", 4.3e6),
    ("It took two and a half days of talks.", "two and a half days", 2.5),
    ("There were four hundred million voters.", "four hundred million", 4e8),
    ("You have one solution for every shop.", "one", 1.0),
    ("They sold 1.5m units in the spring.", "1.5m", 1.5e6),
    ("The authorities counted 2 000 cases.", "2 000", 2000.0),
])
def test_counts(pipe, text, phrase, value):
    f = one(pipe, text, phrase)
    assert close(f.value, value)
    assert f.kind in ("count", "duration")


@pytest.mark.parametrize("text, phrase, value", [
    ("Nearly two-thirds of voters backed the plan.", "two-thirds", 2 / 3),
    ("One in five adults skip breakfast.", "One in five", 0.2),
    ("About 1 in 4 homes lack a garden.", "1 in 4", 0.25),
    ("A third of the staff work from home.", "A third", 1 / 3),
    ("Half of the towns lost a bank branch.", "Half", 0.5),
    ("A US fluid ounce is 1/16 of a pint.", "1/16", 1 / 16),
    ("Two out of three shops closed early.", "Two out of three", 2 / 3),
])
def test_fractions(pipe, text, phrase, value):
    f = one(pipe, text, phrase)
    assert f.kind == "count" and f.unit == "fraction" and close(f.value, value)


def test_vague_magnitudes_have_an_order_of_magnitude(pipe):
    f = one(pipe, "Hundreds of residents left the valley.", "Hundreds")
    assert f.kind == "count" and close(f.value, 100.0)
    assert figure_bounds(f) == (100.0, 1000.0)
    f = one(pipe, "Tens of thousands of fans came.", "Tens of thousands")
    assert figure_bounds(f) == (1e4, 1e5)
    f = one(pipe, "It cost tens of millions of dollars.", "tens of millions of dollars")
    assert f.kind == "money" and f.unit == "USD" and figure_bounds(f) == (1e7, 1e8)


# -- quantities -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, phrase, value, unit", [
    ("The new road is 40 km long.", "40 km", 40.0, "km"),
    ("The crane lifts 15 tonnes at a time.", "15 tonnes", 15.0, "t"),
    ("The field holds 3.2 million barrels of oil.", "3.2 million barrels", 3.2e6, "bbl"),
    ("The limit on the bridge is 90 mph.", "90 mph", 90.0, "mph"),
    ("The wall stands 6 feet tall.", "6 feet", 6.0, "ft"),
    ("The phone has a 6.1-inch screen.", "6.1-inch", 6.1, "in"),
    ("A 37m yacht ran aground.", "37m", 37.0, "m"),
    ("It was 40C in the shade.", "40C", 40.0, "°C"),
    ("Nights fell to -5C in the hills.", "-5C", -5.0, "°C"),
    ("The air can drop to minus-130 degrees Fahrenheit.", "minus-130 degrees Fahrenheit", -130.0, "°F"),
    ("A 5-mpg gain was promised.", "5-mpg", 5.0, "mpg"),
    ("The battery holds 4500 mAh of charge.", "4500 mAh", 4500.0, "mAh"),
    ("The farm covers 311 square miles of land.", "311 square miles", 311.0, "mi²"),
    ("The mass is 1.99×10−30 kilograms, they said.", "1.99×10−30 kilograms", 1.99e-30, "kg"),
    ("The driver, a 45-year-old man, was unhurt.", "45-year-old", 45.0, "year old"),
    ("Lena Vogt, 66, chairs the panel.", "66", 66.0, "year old"),
])
def test_quantities(pipe, text, phrase, value, unit):
    f = one(pipe, text, phrase)
    assert f.kind == "quantity" and close(f.value, value) and f.unit == unit


# -- dates, years and times ---------------------------------------------------------------------
@pytest.mark.parametrize("text, phrase", [
    ("The vote is on March 3 at the town hall.", "March 3"),
    ("The vote was held on 3 March 2024.", "3 March 2024"),
    ("The report dated Feb. 21, 2019 was leaked.", "Feb. 21, 2019"),
    ("The talks resume on Monday in Geneva.", "Monday"),
    ("The mayor resigned last Tuesday.", "last Tuesday"),
    ("The poll was taken September 16-19 by phone.", "September 16-19"),
    ("Prices rose in May as expected.", "May"),
    ("The bridge opened in April 2018.", "April 2018"),
    ("The form is dated 2024-03-14.", "2024-03-14"),
    ("The talks stalled by mid-March.", "mid-March"),
])
def test_dates(pipe, text, phrase):
    f = one(pipe, text, phrase)
    assert f.kind == "date" and f.value is None


def test_month_names_that_are_verbs_are_not_dates(pipe):
    assert not figs(pipe, "May I ask why the troops march on?")
    assert not [f for f in figs(pipe, "March on, they said.") if f.kind == "date"]


@pytest.mark.parametrize("text, phrase, value, unit", [
    ("The plant closed in 2019 after a fire.", "2019", 2019.0, None),
    ("Crime fell sharply in the 1990s, data show.", "1990s", 1990.0, "decade"),
    ("The charter dates from 1215, he said.", "1215", 1215.0, None),
])
def test_years(pipe, text, phrase, value, unit):
    f = one(pipe, text, phrase)
    assert f.kind == "year" and close(f.value, value) and f.unit == unit


@pytest.mark.parametrize("text, phrase, value, unit", [
    ("Polls open at 9 a.m. across the state.", "9 a.m.", 9.0, None),
    ("The launch is set for 14:30 GMT on the coast.", "14:30 GMT", 14.5, "GMT"),
    ("The price fell at 10.45pm last night.", "10.45pm", 22.75, None),
    ("The story was updated 5:00 AM PDT today.", "5:00 AM PDT", 5.0, "PDT"),
    ("He tweeted at three o’clock in the morning.", "three o’clock", 3.0, None),
])
def test_times(pipe, text, phrase, value, unit):
    f = one(pipe, text, phrase)
    assert f.kind == "time" and close(f.value, value) and f.unit == unit


# -- durations and ordinals ---------------------------------------------------------------------
@pytest.mark.parametrize("text, phrase, value, unit", [
    ("The strike lasted six weeks in all.", "six weeks", 6.0, "week"),
    ("Leaders meet for a three-day summit.", "three-day", 3.0, "day"),
    ("He spent two years abroad.", "two years", 2.0, "year"),
    ("Rescuers searched for 48 hours.", "48 hours", 48.0, "hour"),
    ("They waited half an hour outside.", "half an hour", 0.5, "hour"),
    ("The debt runs for a 24-hour cycle.", "24-hour", 24.0, "hour"),
])
def test_durations(pipe, text, phrase, value, unit):
    f = one(pipe, text, phrase)
    assert f.kind == "duration" and close(f.value, value) and f.unit == unit


@pytest.mark.parametrize("text, phrase, value", [
    ("The team finished third in the league.", "third", 3.0),
    ("It is the 21st annual report.", "21st", 21.0),
    ("It is the country's second-largest city.", "second", 2.0),
    ("The 96th-minute goal won it.", "96th", 96.0),
    ("She turned twenty-first in the draw.", "twenty-first", 21.0),
])
def test_ordinals(pipe, text, phrase, value):
    f = one(pipe, text, phrase)
    assert f.kind == "ordinal" and close(f.value, value)


def test_first_is_too_common_to_be_a_figure(pipe):
    assert not figs(pipe, "At first the first lady said little.")


# -- ranges ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, phrase, low, high, unit", [
    ("Repairs take three to six months, the firm said.", "three to six months", 3, 6, "month"),
    ("Fees rose 10-15% this year.", "10-15%", 10, 15, "%"),
    ("The bill will be between $2bn and $3bn.", "between $2bn and $3bn", 2e9, 3e9, "USD"),
    ("Apple had projected US $89 to $93 billion.", "US $89 to $93 billion", 89e9, 93e9, "USD"),
    ("Claims ranged from $200 to $4 million.", "from $200 to $4 million", 200, 4e6, "USD"),
    ("Growth slows from 5 to 7 per cent, it said.", "from 5 to 7 per cent", 5, 7, "%"),
    ("The war lasted three or four years.", "three or four years", 3, 4, "year"),
    ("Some 3,000-4,000 troops will go.", "3,000-4,000", 3000, 4000, None),
    ("Temperatures fell by 1 to 1.5 degrees Celsius.", "1 to 1.5 degrees Celsius", 1, 1.5, "°C"),
    ("Speeds of 15-22 miles per hour were seen.", "15-22 miles per hour", 15, 22, "mph"),
    ("Sales could rise 1 to 2 thousand units.", "1 to 2 thousand", 1000, 2000, None),
])
def test_ranges(pipe, text, phrase, low, high, unit):
    f = one(pipe, text, phrase)
    assert f.kind == "range" and f.unit == unit
    assert close(f.value, low)              # the first bound as written
    lo, hi = figure_bounds(f)
    assert close(lo, low) and close(hi, high)


def test_a_change_is_not_a_range(pipe):
    text = "The deficit increased by $43.6 billion to $419.2 billion."
    got = numeric(pipe, text)
    assert [(f.text, f.kind) for f in got] == [("$43.6 billion", "money"), ("$419.2 billion", "money")]
    got = numeric(pipe, "The shares rose 8.15% to 3.65 on the news.")
    assert [f.kind for f in got] == ["percent", "count"]


def test_scores_and_votes_are_not_ranges(pipe):
    assert not numeric(pipe, "The bill passed 52-48 in the Senate after a 2-1 win.")


# -- false alarms ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The Boeing 737 was grounded again.",
    "COVID-19 cases fell again.",
    "Leaders of the G7 met in June.",
    "Section 230 protects the platforms.",
    "The iPhone 15 and the Galaxy S24 ship soon.",
    "Watch the news on Fox 5 tonight.",
    "Call 555-123-4567 for details.",
    "Call +44 20 7946 0958 for details.",
    "The new 5G network covers the city.",
    "The film is shown in 3-D.",
    "Results for Q3 were better.",
    "No one came to the meeting.",
    "The one who left was the mayor.",
    "It was one of the best games.",
    "It was a one-off payment.",
    "It was a temporary one, she said.",
    "One can only guess, he said.",
    "They follow the Ten Commandments.",
    "He lives at 575 Elm Road near the park.",
    "The law says: (1) rules apply, (2) fines rise.",
    "They met in the 16-18 Mill Lane office.",
    "Bond 007 returns.",
    'The post id="778257943577919488" was deleted.',
])
def test_false_alarms(pipe, text):
    assert not numeric(pipe, text), [(f.text, f.kind) for f in numeric(pipe, text)]


def test_label_words_keep_counts_elsewhere(pipe):
    # the capital before a count only makes a name when no clause starts there
    got = numeric(pipe, "Forty-three, yes; forty-six, no. Boeing said 40 jets were late.")
    assert [f.value for f in got] == [43.0, 46.0, 40.0]


# -- contract: offsets, kinds, spans ----------------------------------------------------------------
ARTICLE = """City budget: $420 billion over 10 years

The council voted 7-2 on Monday, March 3, to raise spending by 12 per cent, or about
£950m, from 2025. Nearly two-thirds of the 1,200 workers, one in five of them part-time,
will get a three-day course. Fees rise 10-15% and repairs take three to six months.

“No one expected it,” said Lena Vogt, 52, at 9 a.m. The 1990s plan cost hundreds of
millions; the third phase opens in 2027 — between $2bn and $3bn — at 14:30 GMT.
"""


def test_offsets_kinds_and_order(pipe):
    got = figs(pipe, ARTICLE)
    assert len(got) >= 20
    last_end = 0
    for f in got:
        assert ARTICLE[f.start:f.end] == f.text
        assert f.kind in FIGURE_KINDS
        assert f.value is None or isinstance(f.value, float)
        assert f.start >= last_end          # sorted, never overlapping
        last_end = f.end
    analysis = Analysis(text=ARTICLE, figures=got)
    validate(analysis.to_dict())


def test_modes_agree_on_this_article(full, rules):
    a = [(f.start, f.end, f.kind, f.value, f.unit) for f in figs(full, ARTICLE)]
    b = [(f.start, f.end, f.kind, f.value, f.unit) for f in figs(rules, ARTICLE)]
    assert a == b


def test_component_writes_the_span_group(rules):
    from analyzers import spans
    from analyzers.figures.component import FiguresComponent

    doc = next(make_docs(rules, ["Rents rose 4% to $1,500 in May."]))
    doc = FiguresComponent()(doc)
    stored = spans.read(doc, "slant_figures")
    assert [f.text for f in stored] == ["4%", "$1,500", "May"]
    group = doc.spans["slant_figures"]
    assert [s._.slant_figures.text for s in group] == ["4%", "$1,500", "May"]


def test_factory_is_registered(rules):
    from analyzers.run import components

    assert any(type(c).__name__ == "FiguresComponent" for c in components(rules))


# -- number parsing --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value, length", [
    ("twenty-five people", 25.0, 11),
    ("a hundred and ten", 110.0, 17),
    ("two and a half years", 2.5, 14),
    ("one two", 1.0, 3),
    ("four hundred million", 4e8, 20),
    ("one hundred and twenty-three thousand four hundred and five", 123405.0, 59),
    ("a thousand and one nights", 1001.0, 18),
])
def test_parse_words(text, value, length):
    assert parse_words(text) == (value, length)


def test_parse_words_rejects_non_numbers():
    assert parse_words("a man") is None
    assert parse_words("and so") is None


def test_parse_digits():
    assert parse_digits("1,200.5") == 1200.5
    assert parse_digits(".5") == 0.5
    assert parse_digits("12a") is None


def test_numbers_beyond_a_float_are_dropped(rules):
    text = "A " + "9" * 400 + " trillion figure and 1.5×10^299 trillion more, then 7 cats."
    got = figs(rules, text)
    assert all(math.isfinite(f.value) for f in got if f.value is not None)
    assert got[-1].text == "7"


# -- robustness --------------------------------------------------------------------------------------
_PIECES = ["$", "£", "€", "US$", "Rs", "-", "–", "−", "+", ",", ".", "%", "per cent", " ", " ",
           "\n", "\n\n", "1", "12", "2019", "1,200", "3.5", "0", "½", "⅔", "m", "bn", "k", "M",
           "million", "one", "two", "twenty-", "a", "hundred", "and a half", "to", "between",
           "and", "from", "or", "in", "of", "March", "May", "Monday", "a.m.", "p.m.", ":", "GMT",
           "km", "mph", "years", "-year-old", "day", "th", "st", "x", "×10", "/", "⁄", "(", ")",
           "\"", "“", "”", "’", "'", "#", "Boeing", "COVID", "é", "中文", "😀", "\u00a0", "\u202f",
           "half", "third", "thirds", "dozens", "hundreds", "tens of thousands", "minus"]


@st.composite
def newsy_text(draw):
    parts = draw(st.lists(st.sampled_from(_PIECES), max_size=40))
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(newsy_text(), st.text(max_size=80)))
def test_never_raises_and_offsets_are_valid(rules, text):
    got = figs(rules, text)
    last_end = 0
    for f in got:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.kind in FIGURE_KINDS
        assert f.start >= last_end
        last_end = f.end
        if f.value is not None:
            assert math.isfinite(f.value)
        figure_bounds(f)


@pytest.mark.parametrize("text, phrase, kind, value, unit", [
    ("The bill came to $40\u00a0million in the end.", "$40\u00a0million", "money", 40e6, "USD"),
    ("Prices rose 12\u00a0% over the year.", "12\u00a0%", "percent", 12.0, "%"),
    ("Turnout fell 3\u00a0per\u00a0cent.", "3\u00a0per\u00a0cent", "percent", 3.0, "%"),
    ("A 1.4\u202fkm tunnel.", "1.4\u202fkm", "quantity", 1.4, "km"),
])
def test_non_breaking_spaces_join_numbers_and_units(pipe, text, phrase, kind, value, unit):
    fig = one(pipe, text, phrase)
    assert (fig.kind, fig.unit) == (kind, unit) and close(fig.value, value)
