"""analyzers/quotes/attribution.py: the shapes a speaker is written in around a quote.

Sentences and names written for these tests by the slant developers.
"""

from __future__ import annotations

import pytest

from analyzers import analyze


def quotes(pipe, text):
    a = analyze(text, pipeline=pipe)
    return a, a.quotes


def speaker_text(text, q):
    return text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None


def speaker_name(a, q):
    ents = {e.id: e.name for e in a.entities}
    return ents.get(q.speaker, q.speaker_name)


# -- dash and colon attributions -------------------------------------------------------------
@pytest.mark.parametrize("text, who", [
    ('Karin Vogt opened the session.\n\nVogt: "We will not wait for the bank."', "Vogt"),
    ('Port director Karin Vogt: "We will not wait for the bank."', "Karin Vogt"),
    ('Karin Vogt - "We will not wait for the bank."', "Karin Vogt"),
    ('Karin Vogt — "We will not wait for the bank."', "Karin Vogt"),
])
def test_a_name_set_off_by_a_colon_or_dash_before_the_quote(pipe, text, who):
    a, qs = quotes(pipe, text)
    assert len(qs) == 1
    assert qs[0].kind == "direct"
    assert speaker_text(text, qs[0]) == who
    assert speaker_name(a, qs[0]) == "Karin Vogt"


@pytest.mark.parametrize("text", [
    'The council met on Monday.\n\n"We will not wait for the bank." — said the minister, Karin Vogt.',
    '"We will not wait for the bank." — Karin Vogt, port director',
    '"We will not wait for the bank," — said Karin Vogt.',
    '"We will not wait for the bank" -- Karin Vogt',
    '"We will not wait for the bank." ― Karin Vogt',
])
def test_a_dash_credit_line_after_the_quote(pipe, text):
    a, qs = quotes(pipe, text)
    assert len(qs) == 1
    assert qs[0].kind == "direct"
    assert speaker_text(text, qs[0]) == "Karin Vogt"
    assert speaker_name(a, qs[0]) == "Karin Vogt"


def test_a_name_after_other_words_and_a_colon_is_not_the_speaker(pipe):
    # the name is the object of "of", not someone introducing the words
    text = 'The critics of Karin Vogt: "a minister who never listens."'
    _, qs = quotes(pipe, text)
    assert speaker_text(text, qs[0]) != "Karin Vogt"


def test_a_hyphen_after_a_clause_is_not_a_name_lead(pipe):
    text = 'Tomas Hale smiled and asked the crowd to greet the mayor - "my oldest ally."'
    _, qs = quotes(pipe, text)
    assert qs[0].kind != "direct"


# -- the speaker after an appositive ---------------------------------------------------------
@pytest.mark.parametrize("text, who", [
    ('"We are ready," said Anna Berg, the port\'s director, on Monday.', "Anna Berg"),
    ('Anna Berg, the director, said: "We are ready for the storm."', "Anna Berg"),
    ('Berg, the director, said: "We are ready for the storm."', "Berg"),
    ('"We are ready," Anna Berg, the director of the port, said.', "Anna Berg"),
    ('"We are ready," said the port\'s director, Anna Berg, on Monday.', "Anna Berg"),
    ('Anna Berg, the port\'s director and a former pilot, said on Monday: "We are ready."',
     "Anna Berg"),
])
def test_the_speaker_next_to_an_appositive(pipe, text, who):
    _, qs = quotes(pipe, text)
    assert len(qs) == 1 and qs[0].kind == "direct"
    assert speaker_text(text, qs[0]) == who


# -- the cue several clauses later -----------------------------------------------------------
def test_a_cue_several_clauses_after_the_quote(pipe):
    text = ('"We will build it," the mayor, who had spent the morning at the docks, where the '
            'storm had flooded two sheds and torn the roof off the old customs house, and who '
            'was visibly tired, said on Monday.')
    _, qs = quotes(pipe, text)
    assert qs[0].kind == "direct"
    assert speaker_text(text, qs[0]) == "the mayor"
    assert qs[0].cue == "said"


def test_a_far_cue_in_another_clause_is_not_taken(pipe):
    # the second sentence part is a new clause with its own subject, not one hanging off
    # a subject after the quote
    text = ('"We will build it," the mayor promised the dock workers gathered outside the hall '
            'on a cold and windy Monday morning after the long vote, while across the harbour '
            'the union leader told reporters nothing.')
    _, qs = quotes(pipe, text)
    assert speaker_text(text, qs[0]) != "the union leader"


def test_a_cue_after_several_clauses_before_the_quote(pipe):
    text = ('Anna Berg, who had spent the morning at the docks, where the storm had flooded two '
            'sheds, and who had not slept since Sunday, told reporters that "the sheds will be '
            'rebuilt."')
    a, qs = quotes(pipe, text)
    assert speaker_text(text, qs[0]) == "Anna Berg"


# -- headlines and sub-headings --------------------------------------------------------------
def test_a_headline_with_a_role_and_a_colon_names_the_titled_person(pipe):
    text = ('Minister: "No new taxes"\n\n'
            'Finance Minister Karin Vogt ruled out new taxes on Monday.')
    a, qs = quotes(pipe, text)
    assert qs[0].kind == "direct"
    assert speaker_text(text, qs[0]) == "Minister"
    assert speaker_name(a, qs[0]) == "Karin Vogt"


@pytest.mark.parametrize("head, role", [
    ('Strike "will go ahead", says union chief', "union chief"),
    ('"The strike will go ahead" - union chief', "union chief"),
])
def test_a_headline_may_name_its_speaker_by_a_bare_role(pipe, head, role):
    text = head + "\n\nUnion chief Tomas Hale said on Monday that the strike would go ahead."
    a, qs = quotes(pipe, text)
    assert speaker_text(text, qs[0]) == role
    assert speaker_name(a, qs[0]) == "Tomas Hale"


def test_a_bare_role_in_running_text_is_not_enough(pipe):
    text = ('The vote was close. "The strike will go ahead" - union chief.\n\n'
            'Union chief Tomas Hale said on Monday that the strike would go ahead.')
    _, qs = quotes(pipe, text)
    assert speaker_text(text, qs[0]) != "union chief"


def test_a_role_held_by_two_people_is_left_as_written(pipe):
    text = ('Minister: "No new taxes"\n\n'
            'Finance Minister Karin Vogt and Transport Minister Jon Hale met on Monday.')
    a, qs = quotes(pipe, text)
    assert speaker_name(a, qs[0]) == "Minister"
    assert qs[0].speaker is None


def test_a_pull_quote_takes_the_speaker_of_the_words_in_the_body(pipe):
    text = ('Port strike looms\n\n'
            '"We are not going back to work"\n\n'
            'Dock workers walked out on Monday. "We are not going back to work until the bank '
            'listens," union leader Tomas Hale said.')
    a, qs = quotes(pipe, text)
    assert len(qs) == 2
    assert qs[0].kind == "direct"
    assert speaker_name(a, qs[0]) == "Tomas Hale"


def test_a_sub_heading_quote_the_body_does_not_repeat_stays_unattributed(pipe):
    text = ('Port strike looms\n\n'
            '"We are not going back to work"\n\n'
            'Dock workers walked out on Monday. "The bank must listen," union leader Tomas Hale '
            'said.')
    a, qs = quotes(pipe, text)
    assert qs[0].speaker is None
