"""Context gates: each word-list entry may name a rule that must hold for it to count (not part
of a name, not inside quoted speech, an attack on people, a sentence adverb, ...).

Besides the named rules (`RULES`, chosen by a group's `context`), three gates apply to
every candidate, because they are about the sense of the words, not about one list:
- `literal_collocation`: a match inside a fixed phrase where the words are literal or
  technical ("heart attack", "tested negative", "extreme weather", "civil war", "war on
  drugs") is dropped; the phrases are `[context_words] literal_phrases`.
- `literal_head`: an intensity adjective ("massive", "extreme", "catastrophic") before a
  noun for a physical event or a measured thing ("a massive earthquake", "catastrophic
  flooding") describes its size, not the writer's feeling (`literal_nouns`).
- `supported`: a weak entry (`Entry.weak`, e.g. from a converted list) is shown only with
  support: an intensifier right before it or a second marker in the same sentence (the
  component checks the second condition once all candidates are known).
"""

from __future__ import annotations

import re
from typing import Callable
from spacy.tokens import Span
from .. import spans
from .lexicons import Entry, normalize
from .context import (AFTER_COMMA, AFTER_QUOTE, AUX_AFTER, CLAUSE_END, Context, FUNCTION_WORDS,
                      INTRODUCES, NAME_KINDS, NEXT_WORD, NOT_NOUN_AFTER, NOT_SUBJECT,
                      PEOPLE_KINDS, PREV_WORD, QUOTE_MARKS, SENTENCE_OPEN, TO_INFINITIVE)


def accepts(ctx: Context, entry: Entry, start: int, end: int) -> bool:
    """Whether the match of `entry` at [start, end) is opinion language here."""
    if literal_collocation(ctx, start, end):
        return False
    if entry.not_after and ctx.prev_word(start) in entry.not_after:
        return False
    if entry.not_before and ctx.next_word(end) in entry.not_before:
        return False
    if entry.clause_start and not ctx.clause_start(start):
        return False
    span = None
    if ctx.has_pos or ctx.has_ents:
        span = ctx.span(start, end)
        if span is None:
            return False
        if ctx.has_pos and entry.pos and not _pos_ok(span, entry):
            return False
        if ctx.has_ents and not entry.in_names and ctx.text[start].isupper() \
                and _part_of_name(span):     # lower-case words are not part of a name
            return False
    elif not entry.in_names and _capitalised_in_name(ctx, start, end):
        return False
    if _intensity(entry) and literal_head(ctx, start, end, span):
        return False
    rule = RULES.get(entry.context) if entry.context else None
    return rule is None or rule(ctx, entry, start, end, span)


def accepts_construction(ctx: Context, construction, start: int, end: int) -> bool:
    """Whether a construction's match at [start, end) counts: not in a literal phrase, not
    inside a longer name (its own names, "the Assad regime", are fine), and a hyperbole
    not about a physical event."""
    if literal_collocation(ctx, start, end):
        return False
    span = ctx.span(start, end) if ctx.has_ents else None
    if span is not None and _part_of_name(span):
        return False
    if construction.category == "hyperbole" and literal_head(ctx, start, end, None):
        return False
    return True


# -- sense gates for every candidate ------------------------------------------------------
def literal_collocation(ctx: Context, start: int, end: int) -> bool:
    """The match lies inside a literal fixed phrase ("heart attack", "negative test")."""
    return ctx.in_literal_phrase(start, end)


_INTENSITY = ("booster", "hyperbole", "loaded")


def _intensity(entry: Entry) -> bool:
    """A one-word adjective entry that grades size or force (where `literal_head` applies)."""
    return entry.category in _INTENSITY and " " not in entry.phrase \
        and (not entry.pos or "ADJ" in entry.pos) and entry.head == 0


def literal_head(ctx: Context, start: int, end: int, span: Span | None) -> bool:
    """The word describes a physical event or a measured thing: the noun right after it
    (or, with a parser, the noun it modifies) is in `literal_nouns`."""
    nouns = ctx.lex.words.get("literal_nouns", frozenset())
    if not nouns:
        return False
    if ctx.has_dep and span is not None:
        last = span[-1]
        if last.dep_ == "amod" and last.head.lower_ in nouns:
            return True
    return ctx.next_word(end) in nouns


def supported(ctx: Context, entry: Entry, start: int, end: int) -> bool:
    """A weak entry with an intensifier right before it ("very", "utterly")."""
    degree = ctx.lex.words.get("degree_words", frozenset())
    return ctx.prev_word(start) in degree


def _pos_ok(span: Span, entry: Entry) -> bool:
    head = span[entry.head]
    if head.pos_ in entry.pos:
        return True
    if len(span) > 1 and "-" in entry.phrase and span[-1].pos_ in entry.pos:
        return True                      # "ill-conceived": the last part carries the POS
    # a capitalised first word is often mistagged as a name ("Tellingly, ...")
    return head.pos_ == "PROPN" and head.is_sent_start is True and not head.ent_type_


def _part_of_name(span: Span) -> bool:
    """The match is inside a longer named entity ("Radical Party", "Michael Savage");
    a nickname in front of a name ("Crooked Hillary") is kept."""
    for tok in span:
        if not tok.ent_type_ or tok.ent_type_ not in NAME_KINDS:
            continue
        ent_start, ent_end = spans.entity_bounds(tok)
        longer = ent_start < span.start or ent_end > span.end
        if longer and not (tok.ent_type_ == "PERSON" and ent_start == span.start):
            return True
    return False


def _capitalised_in_name(ctx: Context, start: int, end: int) -> bool:
    """Rule-only stand-in for NER: a capitalised match right after another capitalised
    word, mid-sentence, is taken as part of a name."""
    if not ctx.text[start:start + 1].isupper():
        return False
    m = PREV_WORD.search(ctx.text, max(0, start - 40), start)
    return bool(m and m.group(1)[:1].isupper())


# -- context rules ------------------------------------------------------------------------
Rule = Callable[[Context, Entry, int, int, "Span | None"], bool]


def _attack(ctx: Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'slam', 'blast'...: criticism of someone or something, not a physical blow."""
    if " " in entry.phrase:              # rail against, lash out, tear into
        return True
    targets = ctx.lex.words.get("attack_targets", frozenset())
    if ctx.has_dep and span is not None:
        verb = span[0]
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "over", "as"):
                return True
            if child.dep_ in ("dobj", "ccomp"):
                if child.dep_ == "ccomp" or child.lower_ in targets or child.pos_ == "PROPN" \
                        or child.ent_type_ in PEOPLE_KINDS:
                    return True
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.lower_ in targets or obj.pos_ == "PROPN" \
                            or obj.ent_type_ in PEOPLE_KINDS:
                        return True
        return _quoted_speech(ctx, start, end)
    words = ctx.next_words(end)
    if not words:
        return _quoted_speech(ctx, start, end)
    first = words[0]
    if first in ("for", "over", "as") or first in targets:
        return True
    m = NEXT_WORD.match(ctx.text, end)
    if m and m.group(1)[:1].isupper():   # a name: "slammed Smith"
        return True
    if first in ("the", "his", "her", "their", "its", "our", "a", "an", "this", "that"):
        return any(w in targets for w in words[1:])
    return _quoted_speech(ctx, start, end)


def _quoted_speech(ctx: Context, start: int, end: int) -> bool:
    """The verb reports speech: it follows a quote or a reported clause, or opens one."""
    before = ctx.before(start)
    if AFTER_QUOTE.search(before):
        return True
    # "..., the senator claimed." (a parser sees this itself, as a clausal complement)
    if not ctx.has_dep and CLAUSE_END.match(ctx.text, end):
        m = AFTER_COMMA.search(before)
        if m and not set(normalize(m.group()).split()) & NOT_SUBJECT:
            return True
    return bool(INTRODUCES.match(ctx.text, end))


def _figurative(ctx: Context, entry: Entry, start: int, end: int,
                span: Span | None) -> bool:
    """'destroyed the economy', not 'destroyed 20 homes': the thing harmed is abstract."""
    targets = ctx.lex.words.get("abstract_targets", frozenset())
    if ctx.has_dep and span is not None:
        verb = span[0]
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.lower_ in targets:
                return True
            if child.dep_ == "prep" and " " in entry.phrase:        # trample on X
                if any(g.dep_ == "pobj" and g.lower_ in targets for g in child.children):
                    return True
        return False
    for word in ctx.next_words(end):
        if word not in FUNCTION_WORDS:
            return word in targets
    return False


def _speech(ctx: Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'claimed', 'admitted', 'insisted'...: only as a verb of saying."""
    if ctx.has_dep and span is not None:
        verb = span[0]
        deps = {c.dep_ for c in verb.children}
        if deps & {"auxpass", "nsubjpass"}:
            return False                 # "was admitted to hospital"
        if "ccomp" in deps or verb.dep_ == "parataxis":
            return True
    if TO_INFINITIVE.match(ctx.text, end):
        return True                      # "claimed to be", "admitted to lying"
    return _quoted_speech(ctx, start, end)


def _stance(ctx: Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'clearly', 'obviously' as the writer's comment, not as manner ('spoke clearly',
    'clearly visible')."""
    manner = ctx.lex.words.get("perception", frozenset())
    if ctx.next_word(end) in manner or ctx.prev_word(start) in manner:
        return False
    if ctx.has_dep and span is not None:
        adv = span[0]
        head = adv.head
        if head.i == adv.i - 1 and head.pos_ == "VERB":
            return False                 # "spoke clearly"
    return True


def _sentence_adverb(ctx: Context, entry: Entry, start: int, end: int,
                     span: Span | None) -> bool:
    """'naturally', 'of course': only when set off as a comment on the whole sentence."""
    if ctx.text[end:end + 1] == ",":
        return True
    if entry.phrase == "naturally":      # "naturally occurring": needs its comma
        return False
    before = ctx.before(start, 40)
    if SENTENCE_OPEN.search(before) or before.rstrip().endswith(","):
        return True
    return ctx.prev_word(start) in ("and", "but", "yet", "so", "or") \
        and not entry.phrase.startswith("natural")


def _degree(ctx: Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'very', 'so', 'truly'... only before a judging word ('very dangerous', not
    'very large')."""
    nxt = ctx.next_word(end)
    if nxt is None:
        return False
    if ctx.has_pos and span is not None and not _adjective_after(ctx, span):
        return False                     # "really arguing", "seriously threaten"
    words = ctx.lex.words
    if nxt in words.get("degree_targets", frozenset()):
        return True
    if nxt in words.get("mild_degree_targets", frozenset()) \
            and entry.phrase in words.get("strong_degree", frozenset()):
        return True                      # "extremely difficult", not "very difficult"
    return any(_judging_adjective(e) for e in ctx.lex.forms.get(nxt, ()))


def _adjective_after(ctx: Context, span: Span) -> bool:
    """The word after the adverb is tagged an adjective (`such a` looks one further)."""
    doc = ctx.doc
    i = span.end
    if i < len(doc) and doc[i].lower_ in ("a", "an"):
        i += 1
    return i < len(doc) and doc[i].pos_ == "ADJ"


def _judging_adjective(e: Entry) -> bool:
    """An entry of a hand-made loaded or label group of adjectives (not nouns, verbs or
    phrases; not a weak entry of a scored list, whose words are judging only in company)."""
    return e.category in ("loaded", "label") and e.head == 0 and e.context is None \
        and (not e.pos or "ADJ" in e.pos) and " " not in e.phrase and not e.weak


def _not_legal(ctx: Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'allegedly' is a hedge worth showing only outside crime and court reporting."""
    legal = ctx.lex.words.get("legal", frozenset())
    words = set(re.findall(r"[a-z]+", ctx.sentence(start, end).lower()))
    return not (words & legal)


def _unnamed(ctx: Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'critics say': the speakers are a vague crowd.  'Many claims' is not a clause."""
    if not entry.clause_start:
        return True
    if ctx.has_pos and span is not None:
        return any(t.pos_ in ("VERB", "AUX") for t in span[1:])
    return ctx.next_word(end) not in AUX_AFTER    # "many claims were false"


def _so_called(ctx: Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'so-called' needs the words it distances: a word or a quote after it."""
    return ctx.next_word(end) is not None or bool(re.match(rf"\s*[{QUOTE_MARKS}]",
                                                           ctx.text[end:end + 3]))


def _speech_not_legal(ctx: Context, entry: Entry, start: int, end: int,
                      span: Span | None) -> bool:
    return _speech(ctx, entry, start, end, span) and _not_legal(ctx, entry, start, end, span)


def _party_jab(ctx: Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'Democrat Party', 'Democrat leaders', 'Democrat-run': the noun used as an adjective.
    'a Democrat from Ohio' and 'Democrat Joe Manchin' are the noun, and fine."""
    if "-" in entry.phrase:
        return True                      # Democrat-led, Democrat-controlled
    m = NEXT_WORD.match(ctx.text, end)
    if not m or ctx.text[end:m.start(1)] != " ":
        return False
    word = m.group(1)
    if word in ("Party", "party"):
        return True
    if ctx.has_dep and span is not None:
        tok = span[0]
        return tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i \
            and tok.head.pos_ == "NOUN"
    return word.islower() and word not in NOT_NOUN_AFTER and not word.endswith(("ed", "ing"))


def _literal_sense(ctx: Context, entry: Entry, start: int, end: int,
                   span: Span | None) -> bool:
    """'inferno', 'meltdown', 'train wreck': figures of speech only when the sentence is not
    about a real fire, reactor or crash (`literal_context`)."""
    words = ctx.lex.words.get("literal_context", frozenset())
    sentence = set(re.findall(r"[a-z]+", ctx.sentence(start, end).lower()))
    own = set(re.findall(r"[a-z]+", ctx.text[start:end].lower()))   # "under fire" itself
    return not ((sentence - own) & words)


RULES: dict[str, Rule] = {
    "literal_sense": _literal_sense,
    "party_jab": _party_jab,
    "speech_not_legal": _speech_not_legal,
    "attack": _attack,
    "speech": _speech,
    "stance": _stance,
    "sentence_adverb": _sentence_adverb,
    "degree": _degree,
    "not_legal": _not_legal,
    "unnamed": _unnamed,
    "figurative": _figurative,
    "so_called": _so_called,
}
