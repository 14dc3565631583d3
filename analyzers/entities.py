"""slant_entities: people, organisations, places and groups, and the named officials.

`find_entities(doc)` returns one `Entity` per distinct referent, every mention merged:
"UN Secretary-General Maria Duarte ... Duarte ... Duarte's" is one person named "Maria
Duarte" whose mentions are the character spans of the name part of each mention (titles,
honorifics and a possessive "'s" are left out).  Ids run "e1", "e2", ... in order of first
mention; `name` is the fullest form written.

Officials.  A person is `official` when the text gives them a title or role, written before
the name ("German Finance Minister Lena Vogt", "Republican presidential nominee Donald
Trump"), as an appositive ("Kofi Mensah, Ghana's central bank governor, said") or set off
before it ("the ministry's spokeswoman, Jane Roe").  `title` is the role phrase as written
and `affiliation` the country, organisation, party or person it ties them to, as written:
see `analyzers/titles.py` for exactly what goes in each.  When a person is given several
titles, the first office wins over the first role (assets/lexicons/titles.toml says which
words are offices and which roles).  Organisations are never officials.

Modes.  The rules (entity_words -> entity_mentions -> entity_merge) run in both modes.  In
full mode spaCy's entities, tags and parse are added and the rules fix spaCy's usual errors
(a title swallowed into an organisation, a lone surname tagged as a place).  In rule-only
mode people come from titles, honorifics and capitalised names, organisations from
organisation words, places from "in X"; mentions are merged the same way.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import spans
from .entity_mentions import SpacySyntax, find_mentions
from .entity_merge import merge, to_entities
from .entity_words import split_words
from .model import Entity
from .titles import load_lexicon


def find_entities(doc: Doc) -> list[Entity]:
    text = doc.text
    if not text.strip():
        return []
    lex = load_lexicon()
    words = split_words(text, lex)
    syntax = SpacySyntax(doc) if _full(doc) else None
    mentions = find_mentions(doc, words, lex, syntax)
    return to_entities(words, lex, merge(words, lex, mentions))


def _full(doc: Doc) -> bool:
    """`pipeline.is_full` over numpy arrays: `has_annotation` walks every token in Python."""
    if not len(doc):
        return False
    marks = doc.to_array(["ENT_IOB", "DEP"])
    return bool(marks[:, 0].any() and marks[:, 1].any())


class EntitiesComponent:
    def __call__(self, doc: Doc) -> Doc:
        spans.write_entities(doc, find_entities(doc))
        return doc


@Language.factory("slant_entities")
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent()
