"""slant_entities: people, organisations, places and groups, and the named officials.

`find_entities(doc)` returns one `Entity` per distinct referent, every mention merged:
"UN Secretary-General Maria Duarte ... Duarte ... Duarte's" is one person named "Maria
Duarte" whose mentions are the character spans of the name part of each mention (titles,
honorifics and a possessive "'s" are left out).  Ids run "e1", "e2", ... in order of first
mention; `name` is the fullest form written.

Officials.  A person is `official` when the text gives them a title or role, written before
the name ("German Finance Minister Lena Vogt", "Republican presidential nominee Donald
Trump"), as an appositive ("Kofi Mensah, Ghana's central bank governor, said") or set off
before it ("the ministry's spokeswoman, Jane Roe").

- `title` is the whole role phrase as written, white space collapsed: modifiers, the
  affiliation and an "of ..." complement stay in it ("former Deputy Secretary of Defense",
  "Ghana's central bank governor", "director of the Fiscal Policy Institute"); a leading
  article goes ("chief negotiator") unless it belongs to a possessor ("the ministry's
  spokeswoman").  Honorifics ("Mr.", "Dr.") make a person but not an official.
- `affiliation` is the country, organisation, party or person the title ties them to, as
  written, without "'s": the possessor ("Ghana", "the ministry"), else the named object of
  a complement ("the IMF" in "director of the IMF", "the Orchard Bank" in "an economist at
  the Orchard Bank"), else the proper name the title opens with ("German", "UN", "White
  House").  Portfolios are part of the office, not affiliations ("Finance" in "Finance
  Minister", "State" in "Secretary of State").  None when the text gives none.
- When a person is given several titles, the first office wins over the first role
  (assets/lexicons/titles.toml says which words are offices and which roles); the
  affiliation comes with the chosen title, else from another of the person's titles.
  Organisations are never officials.  Details: `analyzers/titles.py`.

Modes.  The rules (entity_words -> entity_mentions -> entity_merge) run in both modes.  In
full mode spaCy's entities, tags and parse are added and the rules fix spaCy's usual errors
(a title swallowed into an organisation, a lone surname tagged as a place).  In rule-only
mode people come from titles, honorifics and capitalised names, organisations from
organisation words, places from "in X"; mentions are merged the same way.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import spans
from ..components import factory_meta
from ..model import Entity
from .mentions import SpacySyntax, find_mentions
from .hygiene import clean
from .merge import merge, to_entities
from .lexicon import load_lexicon
from .words import split_words


def find_entities(doc: Doc) -> list[Entity]:
    text = spans.text(doc)
    if not text.strip():
        return []
    lex = load_lexicon()
    words = split_words(text, lex)
    syntax = SpacySyntax(doc) if _full(doc) else None
    mentions = find_mentions(doc, words, lex, syntax)
    return clean(text, to_entities(words, lex, merge(words, lex, mentions)))


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


@Language.factory("slant_entities", **factory_meta("slant_entities"))
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent()
