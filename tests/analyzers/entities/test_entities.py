"""slant_entities: people, organisations, places, groups and named officials.

Every example is written in our own words; the names are invented.
"""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzers import analyze, spans
from analyzers.entities.component import find_entities
from analyzers.model import ENTITY_TYPES, validate
from analyzers.resources import lexicons_dir
from analyzers.entities.lexicon import load_lexicon


def entities(pipe, text):
    return analyze(text, pipeline=pipe).entities


def named(ents, name):
    found = [e for e in ents if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in ents]}"
    return found[0]


def mention_texts(text, ent):
    return [text[s:e] for s, e in ent.mentions]


# -- titles written before the name ---------------------------------------------------------
@pytest.mark.parametrize("text, name, title, affiliation", [
    ("German Finance Minister Lena Vogt said the budget would balance.",
     "Lena Vogt", "German Finance Minister", "German"),
    ("The plan was attacked by former Deputy Secretary of Defense R. Alan Pierce on Friday.",
     "R. Alan Pierce", "former Deputy Secretary of Defense", None),
    ("Reporters waited for Sen. Mara Quill outside the chamber.",
     "Mara Quill", "Sen.", None),
    ("The talks were led by Secretary of State Hal Brennan in Geneva.",
     "Hal Brennan", "Secretary of State", None),
    ("The ribbon was cut by Mayor Ines Orlov at noon.", "Ines Orlov", "Mayor", None),
    ("The ruling came from Judge Tomas Reyes late on Tuesday.", "Tomas Reyes", "Judge", None),
    ("Residents met Police Chief Dana Holt at the town hall.", "Dana Holt", "Police Chief", None),
    ("Voters cheered as Republican presidential nominee Victor Crane spoke.",
     "Victor Crane", "Republican presidential nominee", "Republican"),
    ("The letter went to Brazil's chief trade negotiator Ana Souza last week.",
     "Ana Souza", "Brazil's chief trade negotiator", "Brazil"),
])
def test_titles_before_the_name(pipe, text, name, title, affiliation):
    ent = named(entities(pipe, text), name)
    assert ent.type == "person"
    assert ent.official is True
    assert ent.title == title
    assert ent.affiliation == affiliation
    assert mention_texts(text, ent) == [name]


def test_a_title_phrase_with_of_and_a_portfolio_is_not_an_organisation(full):
    text = "A memo from Secretary of State Hal Brennan reached the embassy."
    ents = entities(full, text)
    assert [e.name for e in ents if e.type == "organization"] == []


# -- appositives and roles set off by commas -----------------------------------------------------
@pytest.mark.parametrize("text, name, title, affiliation", [
    ("Kofi Mensah, Ghana's central bank governor, said rates would rise.",
     "Kofi Mensah", "Ghana's central bank governor", "Ghana"),
    ("Ana Souza, the chief negotiator, said the offer was final.",
     "Ana Souza", "chief negotiator", None),
    ("The rules were criticised by Omar Haddad, director of the Fiscal Policy Institute, "
     "on Monday.", "Omar Haddad", "director of the Fiscal Policy Institute",
     "the Fiscal Policy Institute"),
    ("The cut was welcomed by Petra Lind, an economist at the Orchard Bank, in a note.",
     "Petra Lind", "economist", "the Orchard Bank"),
])
def test_appositive_titles(pipe, text, name, title, affiliation):
    ent = named(entities(pipe, text), name)
    assert ent.type == "person" and ent.official
    assert ent.title == title
    assert ent.affiliation == affiliation


def test_a_role_set_off_before_the_name(pipe):
    text = "Asked about the leak, the ministry's spokeswoman, Jane Roe, declined to comment."
    ent = named(entities(pipe, text), "Jane Roe")
    assert ent.official
    assert ent.title == "the ministry's spokeswoman"
    assert ent.affiliation == "the ministry"


def test_an_age_or_a_relative_clause_is_not_a_title(pipe):
    text = "Lukas Berg, 52, who runs a bakery, said prices were rising."
    ent = named(entities(pipe, text), "Lukas Berg")
    assert ent.official is False and ent.title is None


def test_honorifics_mark_people_but_not_officials(pipe):
    text = "Dr. Selma Ortiz examined the patient. Ms. Ortiz said he would recover."
    ent = named(entities(pipe, text), "Selma Ortiz")
    assert ent.type == "person"
    assert ent.official is False
    assert mention_texts(text, ent) == ["Selma Ortiz", "Ortiz"]


def test_a_plural_title_is_shared_by_both_names(pipe):
    text = "The bill was written by Sens. Rhea Walsh and Colin Hart last spring."
    ents = entities(pipe, text)
    for name in ("Rhea Walsh", "Colin Hart"):
        ent = named(ents, name)
        assert ent.official and ent.title == "Sens."


# -- merging mentions ------------------------------------------------------------------------------
def test_full_name_surname_and_possessive_are_one_entity(pipe):
    text = ("UN Secretary-General Maria Duarte arrived in the capital on Monday. "
            "Later, Duarte's office said Duarte would stay two days.")
    ents = entities(pipe, text)
    people = [e for e in ents if "Duarte" in e.name]
    assert len(people) == 1
    ent = people[0]
    assert ent.name == "Maria Duarte"
    assert ent.type == "person"
    assert ent.official and ent.title == "UN Secretary-General" and ent.affiliation == "UN"
    # the name part of each mention: no title, no "'s"
    assert mention_texts(text, ent) == ["Maria Duarte", "Duarte", "Duarte"]


def test_a_lone_surname_is_not_typed_as_a_place_or_organisation(full):
    # spaCy's small model reads the lone surnames here as an organisation
    text = ("Trade Minister Kwame Asante opened the fair. Later, Asante said Asante's "
            "ministry would fund ten new ports.")
    ents = entities(full, text)
    ent = named(ents, "Kwame Asante")
    assert ent.type == "person"
    assert len(ent.mentions) == 3
    assert not [e for e in ents if e.name == "Asante"]


@pytest.mark.parametrize("text, name, surname, title, affiliation", [
    ("Ama Owusu-Bekoe, the region's health commissioner, is too cautious to say so. "
     '"We will watch the wards closely," Owusu-Bekoe said in a statement.',
     "Ama Owusu-Bekoe", "Owusu-Bekoe", "the region's health commissioner", "the region"),
    ("Nadia Ferro-Quist, Osland's central bank governor, chose her words carefully. "
     '"Prices must come down," Ferro-Quist told reporters.',
     "Nadia Ferro-Quist", "Ferro-Quist", "Osland's central bank governor", "Osland"),
])
def test_a_hyphenated_surname_joins_its_titled_person(pipe, text, name, surname, title,
                                                      affiliation):
    ents = entities(pipe, text)
    people = [e for e in ents if surname in e.name]
    assert len(people) == 1, [(e.name, e.type) for e in ents]
    ent = people[0]
    assert ent.name == name and ent.type == "person"
    assert ent.official and ent.title == title and ent.affiliation == affiliation
    assert mention_texts(text, ent) == [name, surname]


def test_a_name_spacy_reads_as_a_work_still_takes_its_office(full):
    # the small model often labels unfamiliar hyphenated names PRODUCT or WORK_OF_ART
    from spacy.tokens import Span

    text = ("Tove Asante-Berg, Dalmora's chief statistician, rarely speaks in public. "
            '"The figures speak for themselves," Asante-Berg said on Monday.')
    doc = full.nlp(text)
    first, second = text.index("Tove"), text.index("Asante-Berg", 30)
    doc.ents = [doc.char_span(first, first + len("Tove Asante-Berg"), label="PRODUCT"),
                doc.char_span(second, second + len("Asante-Berg"), label="WORK_OF_ART")]
    ents = [e for e in find_entities(doc) if "Asante-Berg" in e.name]
    assert len(ents) == 1
    ent = ents[0]
    assert ent.type == "person" and ent.official
    assert ent.title == "Dalmora's chief statistician" and ent.affiliation == "Dalmora"
    assert len(ent.mentions) == 2


@pytest.mark.parametrize("text, name", [
    # "Rally" and "Survey" end names of events and reports; here they are people
    ("Jonas Rally, who has kept bees near Tessby for twenty years, was not impressed.",
     "Jonas Rally"),
    ("Mira Survey said the new road would cut the village in two.", "Mira Survey"),
    ('"The road will cut the village in two," said Mira Survey.', "Mira Survey"),
])
def test_a_name_that_speaks_or_takes_who_is_not_a_thing(pipe, text, name):
    ent = named(entities(pipe, text), name)
    assert ent.type == "person"


def test_an_organisation_that_speaks_stays_an_organisation(pipe):
    text = "The Harbour Workers Union said the strike would go ahead."
    ent = named(entities(pipe, text), "Harbour Workers Union")
    assert ent.type == "organization"


def test_honorific_and_middle_initial_variants_merge(pipe):
    text = ("Governor Paul D. Ferris signed the order. Paul Ferris later told reporters that "
            "Mr. Ferris had no regrets.")
    ents = [e for e in entities(pipe, text) if "Ferris" in e.name]
    assert len(ents) == 1
    assert ents[0].name == "Paul D. Ferris"
    assert len(ents[0].mentions) == 3


def test_two_people_sharing_a_surname_stay_apart_by_office(pipe):
    text = ("First lady Rosa Lind visited the school. President Lind spoke in Paris. "
            "Rosa Lind returned on Sunday.")
    ents = [e for e in entities(pipe, text) if "Lind" in e.name]
    assert len(ents) == 2
    titles = {e.name: e.title for e in ents}
    assert titles["Rosa Lind"] == "First lady"
    assert titles["Lind"] == "President"


def test_an_acronym_links_to_its_expansion(pipe):
    text = ("The International Monetary Fund (IMF) cut its forecast. The IMF said growth "
            "would slow.")
    ents = entities(pipe, text)
    org = named(ents, "International Monetary Fund")
    assert org.type == "organization"
    assert mention_texts(text, org) == ["International Monetary Fund", "IMF", "IMF"]
    assert org.official is False


def test_ids_run_in_order_of_first_mention_and_name_is_fullest(pipe):
    text = ("Mayor Ines Orlov met Judge Tomas Reyes. Orlov said Reyes agreed with "
            "Ines Orlov's plan.")
    ents = [e for e in entities(pipe, text) if e.type == "person"]
    assert [e.name for e in ents] == ["Ines Orlov", "Tomas Reyes"]
    all_ents = entities(pipe, text)
    assert [e.id for e in all_ents] == [f"e{i}" for i in range(1, len(all_ents) + 1)]
    firsts = [min(e.mentions)[0] for e in all_ents]
    assert firsts == sorted(firsts)


# -- organisations and the rule-only mode -----------------------------------------------------------
def test_organisations_from_their_words_are_not_officials(pipe):
    text = ("The Ministry of Water Resources and the Orchard Bank signed a deal with the "
            "Harbour Workers' Union.")
    ents = entities(pipe, text)
    for name in ("Ministry of Water Resources", "Orchard Bank", "Harbour Workers' Union"):
        ent = named(ents, name)
        assert ent.type == "organization"
        assert not ent.official and ent.title is None


def test_rule_only_mode_finds_people_orgs_and_merges(rules):
    text = ("The plan was drafted by Finance Minister Lena Vogt and the Central Planning "
            "Agency. Economists doubted it, but Vogt said on Monday that the agency "
            "would publish its numbers. Nadia Frost, a lawyer for the union, disagreed.")
    ents = entities(rules, text)
    vogt = named(ents, "Lena Vogt")
    assert vogt.type == "person" and vogt.official and vogt.title == "Finance Minister"
    assert mention_texts(text, vogt) == ["Lena Vogt", "Vogt"]
    assert named(ents, "Central Planning Agency").type == "organization"
    frost = named(ents, "Nadia Frost")
    assert frost.official and frost.title == "lawyer for the union"
    # a capitalised sentence opener is no name
    assert not [e for e in ents if e.name in ("The", "Economists")]


def test_a_title_case_headline_only_links_to_names_in_the_body(pipe):
    text = ("Vogt Slams Budget Critics Over Late Figures\n\n"
            "Finance Minister Lena Vogt said on Monday the figures would come soon. "
            "Critics said the late figures hurt the budget.")
    ents = entities(pipe, text)
    vogt = named(ents, "Lena Vogt")
    assert mention_texts(text, vogt) == ["Vogt", "Lena Vogt"]
    assert not [e for e in ents if "Slams" in e.name or "Critics" in e.name]


# -- the contract ---------------------------------------------------------------------------------------
SAMPLE = ("WASHINGTON - Treasury Secretary Anya Petrova, 48, told lawmakers on Tuesday that "
          "the Federal Reserve would act. \"We will not wait,\" Petrova said. Rep. Sam Oduya "
          "(D-Ohio), the top Democrat on the House Budget Committee, said Petrova's plan was "
          "late. The Harbour Workers' Union and Kenyan officials in Nairobi welcomed it.")


def test_offsets_are_valid_and_mentions_do_not_overlap(pipe):
    an = analyze(SAMPLE, pipeline=pipe)
    seen = []
    for ent in an.entities:
        assert ent.type in ENTITY_TYPES
        assert ent.mentions == sorted(ent.mentions)
        for s, e in ent.mentions:
            assert 0 <= s < e <= len(SAMPLE)
            piece = SAMPLE[s:e]
            assert piece == piece.strip() and not piece.endswith(("'s", "’s"))
            assert s == 0 or not SAMPLE[s - 1].isalnum()
            assert e == len(SAMPLE) or not SAMPLE[e].isalnum() or SAMPLE[e] in "'’"
            seen.append((s, e))
        if ent.official:
            assert ent.type == "person" and ent.title
            # the title is written in the text
            assert ent.title in " ".join(SAMPLE.split())
        if ent.affiliation:
            assert ent.affiliation in SAMPLE
    seen.sort()
    assert all(a[1] <= b[0] for a, b in zip(seen, seen[1:]))
    validate(an.to_dict())


def test_the_sample_paragraph(pipe):
    ents = entities(pipe, SAMPLE)
    petrova = named(ents, "Anya Petrova")
    assert petrova.official and petrova.title == "Treasury Secretary"
    assert len(petrova.mentions) == 3
    oduya = named(ents, "Sam Oduya")
    assert oduya.official and oduya.title == "Rep."
    assert not [e for e in ents if e.name == "WASHINGTON"]


def test_the_component_stores_one_span_per_mention(full):
    from analyzers.run import make_docs

    doc = next(make_docs(full, [SAMPLE]))
    found = find_entities(doc)
    spans.write_entities(doc, found)
    assert spans.read_entities(doc) == found
    group = doc.spans["slant_entities"]
    assert len(group) == sum(len(e.mentions) for e in found)
    for span in group:
        ent = span._.slant_entities
        assert any(span.start_char <= s and e <= span.end_char for s, e in ent.mentions)


def test_empty_and_odd_texts(pipe):
    for text in ("", "   \n\n  ", "...", "the end", "A", "Mr.", "Sen.", "(IMF)", "’s"):
        assert isinstance(entities(pipe, text), list)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([
    "Sen.", "Mr.", "Finance", "Minister", "Lena", "Vogt", "Vogt's", "the", "of", "State", ",",
    ".", "(", ")", "IMF", "Bank", "and", "said", "former", "Deputy", "a", "spokeswoman", "“",
    "”", "\n", "\n\n", "de", "Blasio", "Workers’", "Union", "Secretary", "Jr.", "R.", "—",
]), max_size=40))
def test_never_crashes_on_odd_token_soup(rules, words):
    text = " ".join(words)
    an = analyze(text, pipeline=rules)
    for ent in an.entities:
        for s, e in ent.mentions:
            assert 0 <= s < e <= len(text)


def test_the_lexicon_records_source_and_licence_and_is_cached():
    with open(lexicons_dir() / "titles.toml", "rb") as fh:
        meta = tomllib.load(fh)["meta"]
    assert meta["source"].strip()
    assert meta["licence"] == "MIT"
    lex = load_lexicon()
    assert load_lexicon() is lex
    assert lex.head_kind("sen.") == "office"
    assert lex.head_kind("spokeswoman") == "role"
    assert lex.head_kind("secretary-general") == "office"
    assert lex.head_kind("mr.") == "honorific"
    assert lex.canonical("sen.") == "senator"


@pytest.mark.parametrize("text", [
    "The bill stalled in the Republican-controlled Senate",
    "She was named Secretary of State",
    "Lawmakers met the Speaker of the House",
])
def test_text_ending_in_a_capitalised_office_word_does_not_crash(text, full_pipe, rules_pipe):
    for pipe in (full_pipe, rules_pipe):
        a = analyze(text, pipeline=pipe)
        for ent in a.entities:
            for s, e in ent.mentions:
                assert 0 <= s < e <= len(text)
