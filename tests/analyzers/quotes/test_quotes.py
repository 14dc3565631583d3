"""slant_quotes: finding quotes, their kinds and their speakers (examples in our own words)."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzers import analyze, spans
from analyzers.model import QUOTE_KINDS, Entity, validate
from analyzers.quotes.marks import pair_marks
from analyzers.quotes.component import find_quotes
from analyzers.run import make_docs


def doc_of(pipe, text, entities=None):
    """A doc as slant_quotes sees it: spaCy's annotations, plus the given entities (none
    when None: the quote finder must cope without them)."""
    doc = next(make_docs(pipe, [text]))
    spans.write_entities(doc, entities or [])
    return doc


def quotes_of(pipe, text, entities=None):
    doc = doc_of(pipe, text, entities)
    qs = find_quotes(doc)
    for q in qs:   # offsets and texts always line up with the doc
        assert q.text == text[q.start:q.end]
        assert q.kind in QUOTE_KINDS
        if q.speaker_span is not None:
            assert 0 <= q.speaker_span[0] < q.speaker_span[1] <= len(text)
    return qs


def said_by(text, q):
    return text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None


# -- marks ---------------------------------------------------------------------------------
def test_curly_and_straight_quotes_include_their_marks(pipe):
    text = ('“The roof will be fixed by May,” said Petra Lind. '
            '"We have the money now," Jonah Reyes said.')
    qs = quotes_of(pipe, text)
    assert [q.text for q in qs] == ['“The roof will be fixed by May,”',
                                    '"We have the money now,"']
    assert [said_by(text, q) for q in qs] == ["Petra Lind", "Jonah Reyes"]
    assert all(q.kind == "direct" for q in qs)


def test_nested_single_quotes_stay_inside_the_outer_quote(pipe):
    text = ('“The sign said ‘closed for repairs’ all week,” Omar Haddad said. '
            '"They called it \'temporary\' for a year," Lina Ortiz said.')
    qs = quotes_of(pipe, text)
    assert [q.text for q in qs] == ['“The sign said ‘closed for repairs’ all week,”',
                                    '"They called it \'temporary\' for a year,"']


def test_apostrophes_and_inch_marks_are_not_quotes():
    text = "Don't ask Clinton's aides about the '90s. The beam is 5'11\" long and it's fine."
    assert pair_marks(text) == []


def test_straight_marks_pair_by_context():
    text = 'He wrote "soon" twice, then "later". A lone " mark and 12" pipes are not quotes.'
    got = [text[p.start:p.end] for p in pair_marks(text)]
    assert got == ['"soon"', '"later"']


def test_a_quote_spanning_sentences(pipe):
    text = ('"We met twice. Nothing was agreed. We will meet again on Friday," '
            'said Union leader Kofi Mensah.')
    (q,) = quotes_of(pipe, text)
    assert q.text.endswith('Friday,"') and q.kind == "direct"
    assert said_by(text, q) == "Kofi Mensah"


def test_multi_paragraph_quote_continues_and_shares_its_speaker(pipe):
    text = ("Farmer Ines Duarte described the flood at the hearing.\n\n"
            "“The water came up the lane in an hour. We moved the sheep first.\n\n"
            "“By midnight the kitchen was under a foot of water,” Duarte said.\n\n"
            "The council will vote next week.")
    qs = quotes_of(pipe, text)
    assert len(qs) == 2
    first, second = qs
    assert first.text == "“The water came up the lane in an hour. We moved the sheep first."
    assert second.text.startswith("“By midnight") and second.text.endswith("water,”")
    assert first.speaker_span == second.speaker_span
    assert said_by(text, first) == "Duarte"
    assert first.kind == second.kind == "direct"


def test_an_unbalanced_mark_does_not_swallow_the_rest(pipe):
    text = ('The memo was headed "Budget notes and it went on.\n\n'
            '"Prices will rise," said analyst Mira Sato.\n\n'
            'Later, "we are ready," the minister said, and "nothing" changed.')
    qs = quotes_of(pipe, text)
    texts = [q.text for q in qs]
    assert '"Prices will rise,"' in texts
    assert '"we are ready,"' in texts
    assert '"nothing"' in texts
    # the stray mark's paragraph is the only one affected
    assert all("\n" not in q.text for q in qs)


def test_a_new_opening_mark_ends_a_quote_that_lost_its_closing_one():
    text = "“First part without an end. “Second part,” she said."
    got = [text[p.start:p.end] for p in pair_marks(text)]
    assert got == ["“First part without an end.", "“Second part,”"]


def test_archive_style_double_apostrophes_are_double_marks(pipe):
    text = "''The plan is sound,'' said Dara Quinn, an economist."
    (q,) = quotes_of(pipe, text)
    assert q.text == "''The plan is sound,''" and said_by(text, q) == "Dara Quinn"


def test_top_level_single_quotes_are_quotes():
    text = "Residents said the smell was ‘unbearable at night’ and left."
    got = [text[p.start:p.end] for p in pair_marks(text)]
    assert got == ["‘unbearable at night’"]


# -- kinds ---------------------------------------------------------------------------------
def test_partial_quote_is_attributed(pipe):
    text = "Ruth Kagame called the proposal “a gift to the largest landlords” on Monday."
    (q,) = quotes_of(pipe, text)
    assert q.kind == "partial"
    assert said_by(text, q) == "Ruth Kagame" and q.cue == "called"


def test_scare_quotes(pipe):
    text = ('The so-called "savings plan" was never published. '
            'Even the "experts" were puzzled by the figures.')
    qs = quotes_of(pipe, text)
    assert [(q.text, q.kind) for q in qs] == [('"savings plan"', "scare"), ('"experts"', "scare")]
    assert all(q.speaker_span is None for q in qs)


def test_titles(pipe):
    text = ('The institute released a report titled "Roads We Cannot Afford" last week. '
            'Her memoir "Salt and Iron" sold well. They watched "The Long Harbour" again.')
    qs = quotes_of(pipe, text)
    assert [(q.text, q.kind) for q in qs] == [('"Roads We Cannot Afford"', "title"),
                                             ('"Salt and Iron"', "title"),
                                             ('"The Long Harbour"', "title")]


def test_quote_after_a_colon_is_direct(pipe):
    text = 'Nadia Fofana told the committee: "We did not see the invoices."'
    (q,) = quotes_of(pipe, text)
    assert q.kind == "direct" and said_by(text, q) == "Nadia Fofana"
    assert q.cue == "told"


# -- attribution patterns ------------------------------------------------------------------
@pytest.mark.parametrize("text, speaker, cue", [
    ('"The pool reopens in June," Gwen Achebe said.', "Gwen Achebe", "said"),
    ('"The pool reopens in June," said Gwen Achebe.', "Gwen Achebe", "said"),
    ('"The pool reopens in June," Gwen Achebe, a spokeswoman for the city, said.',
     "Gwen Achebe", "said"),
    ('"The pool reopens in June," Gwen Achebe said in a statement.', "Gwen Achebe",
     "said in a statement"),
    ('"The pool reopens in June," according to Gwen Achebe.', "Gwen Achebe", "according to"),
    ('According to Gwen Achebe, "the pool reopens in June."', "Gwen Achebe", "According to"),
    ('Gwen Achebe added: "The pool reopens in June."', "Gwen Achebe", "added"),
    ('"Will the pool reopen?" asked Gwen Achebe.', "Gwen Achebe", "asked"),
    ('"The pool reopens in June," Gwen Achebe wrote on Twitter.', "Gwen Achebe",
     "wrote on Twitter"),
    ('"The pool reopens in June," the city council warned.', "the city council", "warned"),
])
def test_attribution_patterns(pipe, text, speaker, cue):
    qs = [q for q in quotes_of(pipe, text) if q.kind in ("direct", "partial")]
    assert len(qs) == 1
    assert said_by(text, qs[0]) == speaker
    assert qs[0].cue == cue


@pytest.mark.parametrize("text, name", [
    ("The union's chief negotiator Petra Lind dismissed the offer as "
     '"an insult dressed up as generosity".', "Petra Lind"),
    ('The ministry\'s deputy spokeswoman, Hana Roos, called the report "a work of fiction".',
     "Hana Roos"),
])
def test_a_role_followed_by_a_name_is_said_by_the_name(pipe, text, name):
    a = analyze(text, pipeline=pipe)
    person = next(e for e in a.entities if e.name == name)
    (q,) = [q for q in a.quotes if q.kind in ("direct", "partial")]
    assert q.speaker == person.id
    assert said_by(text, q) == name


def test_colon_at_the_end_of_the_previous_paragraph(pipe):
    text = "Inspector Hal Brenner added:\n\n“We found no sign of a break-in.”"
    (q,) = quotes_of(pipe, text)
    assert said_by(text, q) == "Inspector Hal Brenner" or said_by(text, q) == "Hal Brenner"
    assert q.cue == "added"


def test_a_quote_only_paragraph_continues_the_previous_speaker(pipe):
    text = ("“The figures do not add up,” said auditor Simone Baptiste.\n\n"
            "“We asked for the ledgers three times and got nothing.”\n\n"
            "The ministry has not replied.")
    a, b = quotes_of(pipe, text)
    assert said_by(text, a) == "Simone Baptiste"
    assert b.speaker_span == a.speaker_span and b.speaker_name == a.speaker_name


def test_an_unattributed_quote_takes_the_previous_sentence_speaker(pipe):
    text = ("Tomas Greer said the ferry timetable would change in spring. "
            "“Nobody will wait more than twenty minutes.”")
    (q,) = quotes_of(pipe, text)
    assert said_by(text, q) == "Tomas Greer"


def test_split_quote_shares_the_speaker(pipe):
    text = '"We will appeal," Judge Ana Ruiz said, "but not this week."'
    a, b = quotes_of(pipe, text)
    assert said_by(text, a) == said_by(text, b) == "Judge Ana Ruiz" \
        or said_by(text, a) == said_by(text, b) == "Ana Ruiz"
    assert a.kind == b.kind == "direct"


def test_participle_cue_takes_the_sentence_subject(pipe):
    text = 'Mayor Ilona Varga ended the meeting early, saying, "We have heard enough."'
    (q,) = quotes_of(pipe, text)
    assert "Ilona Varga" in said_by(text, q)


def test_participle_after_a_name(pipe):
    text = 'The clip shows Senator Ada Moss saying "We will not wait for the courts."'
    (q,) = quotes_of(pipe, text)
    assert "Ada Moss" in said_by(text, q)


def test_subordinate_clause_is_not_an_attribution(pipe):
    text = ('“That is my final offer,” when the buyer left the room. '
            'Broker Liam Osei said so later.')
    (q,) = quotes_of(pipe, text)
    assert said_by(text, q) != "the buyer"


def test_speech_noun_with_its_owner(pipe):
    text = ("Critics rejected Mayor Tove Lund’s claim that the tunnel was “fully funded” "
            "last year.")
    (q,) = quotes_of(pipe, text)
    assert q.kind == "partial" and q.cue == "claim"
    assert "Tove Lund" in said_by(text, q)


def test_a_list_of_quoted_words_keeps_one_kind(pipe):
    text = 'Ivo Brandt called the scheme "wasteful," "rushed" and "unfair."'
    qs = quotes_of(pipe, text)
    assert [q.kind for q in qs] == ["partial"] * 3
    assert all(said_by(text, q) == "Ivo Brandt" for q in qs)


def test_naming_a_thing_is_not_speech(pipe):
    text = "Fans of the striker, nicknamed “The Hammer,” filled the stadium."
    (q,) = quotes_of(pipe, text)
    assert q.kind != "direct"


def test_inversion_at_the_sentence_start(pipe):
    text = "Said Coach Rhea Mills: “We were slow in the first half.”"
    (q,) = quotes_of(pipe, text)
    assert said_by(text, q) == "Coach Rhea Mills" and q.cue == "Said"


def test_party_labels_do_not_end_the_sentence(pipe):
    text = '"We need the votes," Rep. Nils Carver (D-Md.) said in a phone interview.'
    (q,) = quotes_of(pipe, text)
    assert said_by(text, q) == "Rep. Nils Carver"


def test_colon_after_a_named_subject_without_a_speech_verb(pipe):
    text = "On June 2, Senator Wen Ito posted this:\n\n“The bill dies tonight.”"
    (q,) = quotes_of(pipe, text)
    assert "Wen Ito" in said_by(text, q)


def test_quote_in_a_title_cased_headline(pipe):
    text = ("Mayor Says Harbour Plan Is ‘A Done Deal’ After Vote\n\n"
            "The council approved the harbour plan on Monday.")
    (q,) = quotes_of(pipe, text)
    assert q.kind != "title"


# -- pronouns and entities -----------------------------------------------------------------
def test_pronoun_speaker_resolves_to_the_nearest_person(pipe):
    text = ("Harbour master Yusuf Adeyemi inspected the pier on Tuesday.\n\n"
            "“It will hold for another winter,” he told reporters.")
    (q,) = quotes_of(pipe, text)
    assert said_by(text, q) == "he" and q.cue == "told reporters"
    assert "Adeyemi" in q.speaker_name


def test_pronoun_skips_a_person_of_the_other_gender(pipe):
    text = ("Marta Silva said her team had finished the survey. "
            "Mr. Okafor questioned the results.\n\n"
            "“We checked every sample twice,” she said.")
    (q,) = quotes_of(pipe, text)
    assert said_by(text, q) == "she"
    assert "Silva" in q.speaker_name


def test_it_resolves_to_an_organisation(full):
    text = ("The Water Board published its report on Monday.\n\n"
            "“Supplies are secure until autumn,” it said.")
    (q,) = quotes_of(full, text)
    assert said_by(text, q) == "it"
    assert q.speaker_name is not None and "Water Board" in q.speaker_name


def test_an_unresolved_pronoun_keeps_its_span_but_no_name(pipe):
    text = "“Fine,” she said."
    (q,) = quotes_of(pipe, text)
    assert said_by(text, q) == "she"
    assert q.speaker is None and q.speaker_name is None


def test_speaker_links_to_the_entity_whose_mention_overlaps(pipe):
    text = ("Councillor Beatrix Holm opened the session. "
            "“We start with the budget,” Holm said.")
    e = Entity("e7", "Beatrix Holm", "person", official=True, title="Councillor",
               mentions=[(11, 24), (text.index("Holm said"), text.index("Holm said") + 4)])
    (q,) = quotes_of(pipe, text, [e])
    assert q.speaker == "e7" and q.speaker_name == "Beatrix Holm"
    assert said_by(text, q) == "Holm"


def test_pronoun_links_to_the_entity_it_stands_for(pipe):
    text = ("Beatrix Holm opened the session.\n\n"
            "“We start with the budget,” she said.")
    e = Entity("e1", "Beatrix Holm", "person", mentions=[(0, 12)])
    (q,) = quotes_of(pipe, text, [e])
    assert said_by(text, q) == "she"
    assert q.speaker == "e1" and q.speaker_name == "Beatrix Holm"


def test_without_entities_the_speaker_name_is_still_filled(pipe):
    text = '"The shelter is full," said volunteer Abel Mwangi.'
    (q,) = quotes_of(pipe, text, [])
    assert q.speaker is None
    assert q.speaker_name and "Abel Mwangi" in q.speaker_name


# -- whole pipeline ------------------------------------------------------------------------
def test_analyze_produces_valid_quotes_in_both_modes(pipe):
    text = ("Port Marrow, May 3 - The harbour board approved new fees on Friday.\n\n"
            "“Nobody likes paying more,” board chair Efua Mensah said. “But the cranes are "
            "forty years old.”\n\n"
            "Critics called the fees “a tax on the island” and the so-called "
            "“consultation” "
            "a formality.\n\n"
            "“We will not stop,” she added.")
    a = analyze(text, pipeline=pipe)
    validate(a.to_dict())
    kinds = [q.kind for q in a.quotes]
    assert kinds == ["direct", "direct", "partial", "scare", "direct"]
    for q in a.quotes:
        if q.speaker is not None:
            ent = a.entity(q.speaker)
            assert ent is not None
            said = said_by(text, q)
            if said and said.lower() not in ("she", "he"):
                assert any(s < q.speaker_span[1] and q.speaker_span[0] < e for s, e in ent.mentions)
    assert "Mensah" in (a.quotes[0].speaker_name or "")
    assert "Mensah" in (a.quotes[-1].speaker_name or "")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list('ab "“”‘’\'.,:\n') + ["said", " Ann", "he", "''"]),
                max_size=80).map("".join))
def test_any_text_gives_consistent_offsets(rules, text):
    quotes_of(rules, text)


def test_linear_time_on_a_long_article_full_of_stray_marks(rules):
    para = ('Stray " marks, 5\'11" sizes and “unclosed openings. "A real quote," '
            'said Ann Lee. She called it "fine".\n\n')
    text = para * 2000   # about 240,000 characters
    doc = rules.nlp.make_doc(text)
    spans.write_entities(doc, [])
    t0 = time.perf_counter()
    qs = find_quotes(doc)
    elapsed = time.perf_counter() - t0
    assert sum(q.kind == "direct" for q in qs) >= 2000
    assert elapsed < 10
