"""Speaker resolution after attribution: pronouns, descriptions, channels and carried
speakers (sentences written by us)."""

from __future__ import annotations

import pytest

from analyzers import analyze
from analyzers.model import Analysis, speaker_notes


def speech(pipe, text):
    a = analyze(text, pipeline=pipe)
    return a, [q for q in a.quotes if q.kind in ("direct", "partial")]


def said(text, q):
    return text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None


# -- pronouns ------------------------------------------------------------------------------
def test_it_after_an_unnamed_ministry_is_the_ministry(pipe):
    text = ('The farm ministry said on Monday that the harvest was late. It warned that '
            '"the winter will test every village."')
    _, qs = speech(pipe, text)
    assert [(said(text, q), q.speaker_name, q.speaker_how) for q in qs] == [
        ("It", "the farm ministry", "pronoun")]


def test_it_said_in_its_statement_names_the_bank_and_the_channel(pipe):
    text = ('The Norland central bank kept its rate on Thursday. "We will not move before '
            'spring," it said in its statement.')
    _, qs = speech(pipe, text)
    q = qs[0]
    assert (said(text, q), q.speaker_name, q.speaker_how) == \
        ("it", "the Norland central bank", "pronoun")
    assert q.channel == "its statement"


def test_its_spokesman_speaks_for_the_organisation(pipe):
    text = 'The port authority shut the north gate. "Nobody may enter after dark," its spokesman said.'
    _, qs = speech(pipe, text)
    q = qs[0]
    assert said(text, q) == "its spokesman"
    assert q.speaker_how == "pronoun"
    assert q.speaker_name == "the port authority’s spokesman"


def test_it_never_stands_for_a_person(pipe):
    text = 'Petra Lind left early. "The room was too cold," it said.'
    _, qs = speech(pipe, text)
    assert qs[0].speaker_name is None and qs[0].speaker_how == "pronoun"


def test_she_takes_the_woman_the_first_name_says_over_a_nearer_man(pipe):
    text = 'Tomas Berg met Ana Lund on Monday. "The deal is done," she said.'
    _, qs = speech(pipe, text)
    assert qs[0].speaker_name == "Ana Lund"


def test_they_takes_a_plural_organisation(pipe):
    text = 'The unions walked out on Friday. "We are not going back," they said.'
    _, qs = speech(pipe, text)
    assert qs[0].speaker_name == "the unions"


def test_pronouns_look_no_further_than_the_previous_paragraph_and_a_few_sentences(pipe):
    older = " ".join(f"The river rose by {n} centimetres." for n in range(2, 6))
    text = (f'The water board met on Monday.\n\n{older}\n\nThe rain went on.\n\n'
            '"We cannot hold it," it said.')
    _, qs = speech(pipe, text)
    assert qs[0].speaker_name is None
    near = text.replace(older, "The river rose.")
    _, qs = speech(pipe, near)
    assert qs[0].speaker_name == "the water board"


# -- descriptions --------------------------------------------------------------------------
def test_the_ministry_is_the_ministry_named_before(pipe):
    text = ('The health ministry issued new rules on Monday. "Masks remain optional," the '
            'ministry said.')
    _, qs = speech(pipe, text)
    q = qs[0]
    assert (said(text, q), q.speaker_name, q.speaker_how) == \
        ("the ministry", "the health ministry", "description")


def test_the_mayor_is_the_person_with_that_title(full):
    text = ('Mayor Ruth Okafor opened the bridge on Monday. "This joins two halves of one '
            'town," the mayor said.')
    a, qs = speech(full, text)
    q = qs[0]
    assert q.speaker_how == "description"
    assert a.entity(q.speaker).name == "Ruth Okafor"


def test_the_spokeswoman_is_the_one_the_appositive_names(pipe):
    text = ('Lena Marsh, a spokeswoman for the port, spoke first. "We open at six," the '
            'spokeswoman said.')
    _, qs = speech(pipe, text)
    assert (qs[0].speaker_name, qs[0].speaker_how) == ("Lena Marsh", "description")


def test_a_nationality_word_is_never_the_speaker(pipe):
    text = 'The Dutch finance ministry said: "This is the low point of the year."'
    a, qs = speech(pipe, text)
    q = qs[0]
    assert said(text, q) == "The Dutch finance ministry"
    assert q.speaker_name == "the Dutch finance ministry"
    assert q.speaker is None or a.entity(q.speaker).name != "Dutch"


def test_the_dutch_ministry_blaming_keeps_the_whole_phrase(full):
    text = ('The Dutch finance ministry blamed weak exports for what it called the "low '
            'point" of the year.')
    _, qs = speech(full, text)
    assert [q.speaker_name for q in qs] == ["the Dutch finance ministry"]


# -- channels ------------------------------------------------------------------------------
def test_according_to_a_statement_from_x_the_minister_speaks(pipe):
    text = ('According to a statement from the agency, the minister had "refused to sign '
            'the order."')
    _, qs = speech(pipe, text)
    q = qs[0]
    assert said(text, q) == "the minister"
    assert q.channel == "a statement from the agency"


def test_according_to_a_letter_from_x_with_no_speaker_after_it_x_speaks(pipe):
    text = 'According to a letter from the mayor, "the bridge will close in May."'
    _, qs = speech(pipe, text)
    assert (said(text, qs[0]), qs[0].channel) == ("the mayor", "a letter")


def test_according_to_a_report_alone_keeps_the_report(pipe):
    text = 'According to the report, the bridge "will have to close by 2029."'
    _, qs = speech(pipe, text)
    assert said(text, qs[0]) == "the report" and qs[0].channel is None


# -- carried speakers ----------------------------------------------------------------------
def test_a_quote_running_over_two_paragraphs_keeps_its_speaker(pipe):
    text = ('Petra Lind spoke for an hour. "We started with nothing. We built the school '
            'ourselves.\n\n"Now the town wants to close it," she said.')
    _, qs = speech(pipe, text)
    assert [q.speaker_name for q in qs] == ["Petra Lind", "Petra Lind"]
    assert [q.speaker_how for q in qs] == ["carried", "pronoun"]


def test_a_follow_on_quote_keeps_the_speaker_not_a_name_in_a_side_clause(full):
    text = ('"Our roads come first," Mayor Ruth Okafor said at the dinner, where Ivo Dane '
            'also spoke. "The rest can wait."')
    _, qs = speech(full, text)
    assert [said(text, q) for q in qs] == ["Mayor Ruth Okafor"] * 2
    assert qs[1].speaker_how == "carried"


def test_a_pronoun_sentence_between_keeps_the_speaker(pipe):
    text = ('"We start at dawn," said Ana Lund. She did not give a date for talks. '
            '"Nobody has called us."')
    _, qs = speech(pipe, text)
    assert [said(text, q) for q in qs] == ["Ana Lund", "Ana Lund"]


def test_another_name_in_between_takes_the_quote(pipe):
    text = '"We start at dawn," said Ana Lund. Ivo Dane disagreed. "Nobody has called us."'
    _, qs = speech(pipe, text)
    assert [said(text, q) for q in qs] == ["Ana Lund", "Ivo Dane"]


def test_a_quote_after_a_subordinate_cue_takes_the_main_subject(full):
    text = ('Though she called the fee "unfair," Ana Lund kept her remarks short.\n\n'
            '"Any town can do better than this."')
    _, qs = speech(full, text)
    assert said(text, qs[-1]) == "Ana Lund"


# -- shapes resolution corrects ------------------------------------------------------------
def test_saying_after_a_relative_clause_is_the_main_subject(full):
    text = ('Ivo Dane was short with the builder who said he was never paid, saying, "He '
            'did not finish the roof."')
    _, qs = speech(full, text)
    assert said(text, qs[0]) == "Ivo Dane"


def test_a_passive_author_after_the_quote(pipe):
    text = '"The Long Road" was written by Ana Lund in the winter of her first strike.'
    _, qs = speech(pipe, text)
    assert said(text, qs[0]) == "Ana Lund"


def test_a_colon_takes_the_subject_of_its_own_clause(full):
    text = 'She got so angry that I had to change my story: "I never left the house."'
    _, qs = speech(full, text)
    assert said(text, qs[0]) == "I"


# -- what readers see ----------------------------------------------------------------------
def test_speaker_notes_say_how_the_speaker_was_found(pipe):
    text = ('The farm ministry said on Monday that the harvest was late. It warned that '
            '"the winter will test every village."')
    a, qs = speech(pipe, text)
    assert speaker_notes(qs[0], a.text) == "from 'It'"
    text = 'According to a letter from the mayor, "the bridge will close in May."'
    a, qs = speech(pipe, text)
    assert speaker_notes(qs[0], a.text) == "via a letter"


def test_how_and_channel_survive_the_json_round_trip(pipe):
    text = ('According to a statement from the agency, the minister had "refused to sign '
            'the order." The ministry said on Monday that the budget was balanced. It warned '
            'that "the coming winter will test every household."')
    a = analyze(text, pipeline=pipe)
    back = Analysis.from_json(a.to_json())
    assert [(q.speaker_how, q.channel) for q in back.quotes] == \
        [(q.speaker_how, q.channel) for q in a.quotes]
    assert {q.speaker_how for q in back.quotes} >= {"pronoun"}
    assert any(q.channel for q in back.quotes)
