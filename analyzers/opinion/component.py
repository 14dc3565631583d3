"""slant_opinion: opinionated language, from word lists checked in context.

One regex pass over `doc.text` (see `lexicons.py`) finds candidate words and phrases; each
candidate must then pass its group's constraints: a part of speech (when a tagger ran), the
words next to it, and a named context rule (`RULES` below), e.g. "slammed" only as
criticism ("slammed the plan", not "slammed the door"), "claimed" only as a speech verb
("claimed that...", not "claimed responsibility").  Precision comes first: a highlight in
a neutral sentence costs the reader's trust, so an ambiguous case is left out.

Decisions worth knowing:
- "allegedly" is shown as a hedge only outside crime and court reporting, where it is
  routine legal caution; "alleged" before a noun ("the alleged gunman") is never shown.
- Anonymous sources ("sources said", "people familiar with the matter") are NOT flagged:
  they are standard wire practice and usually come with a reason for the anonymity.
  Vague crowds ("critics say", "some believe", "it is widely believed") are.
- Scare quotes come from the quotes component (`Quote.kind == "scare"`), one span each;
  "so-called X" is one span too, merged with a scare quote that directly follows it.
- Every span says whether it sits inside someone's quoted words (`in_quote`, `speaker`):
  the reader can then tell the writer's voice from the sources'.  Spans inside titles of
  works ("title" quotes) are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import spans
from .lexicons import Entry, Lexicon, load_lexicons, normalize
from ..model import OPINION_CATEGORIES, OpinionSpan, Quote
from ..components import factory_meta

SPEECH_KINDS = ("direct", "partial")
# Which category wins when two candidates cover the same text (longer spans win first).
PRIORITY = ("scare_quote", "unsupported", "doubt", "label", "loaded", "editorial",
            "booster", "hedge")
# A match that is only part of a longer name of one of these kinds is part of a name
# ("Radical Party", "Michael Savage"), not language.
_NAME_KINDS = frozenset(("PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "EVENT",
                         "GPE", "LOC", "NORP"))
_PEOPLE_KINDS = frozenset(("PERSON", "ORG", "NORP"))

_WORD = r"[\w'’\-]+"
_PREV_WORD = re.compile(rf"({_WORD})\s*$")
_NEXT_WORD = re.compile(rf"\s*({_WORD})")
_NEXT_WORDS = re.compile(rf"\s*({_WORD})(?:\s+({_WORD}))?(?:\s+({_WORD}))?")
_QUOTE_MARKS = "\"“”„«»"
# `"...," Smith claimed` / `..., the senator claimed`: the verb ends a reporting clause.
_AFTER_QUOTE = re.compile(rf"[,.!?—–-][{_QUOTE_MARKS}’']\s*(?:{_WORD}\.?\s+){{0,4}}$")
_AFTER_COMMA = re.compile(rf",\s+(?:{_WORD}\.?\s+){{1,3}}$")
# words that cannot be part of the subject in "..., the senator claimed"
_NOT_SUBJECT = frozenset("""to has have had was were is are be been will would could can
    not never and but or that which who refused refuses failed fails tried tries""".split())
_CLAUSE_END = re.compile(r"\s*(?:[.,;!?]|$)")
_INTRODUCES = re.compile(rf"\s*(?:that\b|[:,]?\s*[{_QUOTE_MARKS}]|:)", re.IGNORECASE)
_TO_INFINITIVE = re.compile(r"\s+to\s+(?:be|have|having|being|\w+ing)\b", re.IGNORECASE)
_CLAUSE_OPENERS = frozenset("""and but yet so that while as because though although when
    since whereas however now still even indeed meanwhile also today instead""".split())
_AUX_AFTER = frozenset("""was were is are 's have has had will would could can may might
    must should""".split())
_FUNCTION_WORDS = frozenset("""the a an his her their its our your my this that these those
    on""".split())
# after "Democrat", words that show it is the noun: "a Democrat who", "Democrat and"
_NOT_NOUN_AFTER = frozenset("""who whom whose and or but from of in on at for to with by as
    is was has had have will would could should can may might did does do said says
    told than like since when while if that which representing running himself
    herself turned serving""".split())
_SENTENCE_OPEN = re.compile(rf"(?:^|[.!?;:\n(—–]|[{_QUOTE_MARKS}])\s*$")


# -- quotes -------------------------------------------------------------------------------
class QuoteIndex:
    """Where the quotes are: which speech quote (if any) contains a span, and whether a
    span lies inside the title of a work."""

    def __init__(self, quotes: Iterable[Quote]):
        self.speech = sorted((q for q in quotes if q.kind in SPEECH_KINDS),
                             key=lambda q: (q.start, q.end))
        self._starts = [q.start for q in self.speech]
        self.titles = [(q.start, q.end) for q in quotes if q.kind == "title"]
        self.scare = sorted((q for q in quotes if q.kind == "scare"), key=lambda q: q.start)

    def containing(self, start: int, end: int) -> Quote | None:
        """The innermost speech quote that contains [start, end)."""
        i = bisect_right(self._starts, start)
        best = None
        for q in self.speech[:i]:
            if q.start <= start and end <= q.end:
                if best is None or q.start >= best.start:
                    best = q
        return best

    def in_title(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.titles)


# -- candidates ---------------------------------------------------------------------------
@dataclass
class Candidate:
    start: int
    end: int
    category: str
    explanation: str


def _explain(template: str, text: str) -> str:
    shown = " ".join(text.split()).strip(_QUOTE_MARKS + "'‘’ ")
    return template.replace("{text}", shown.lower() if shown[:1].isupper()
                            and not shown.isupper() else shown)


class _Context:
    """What the rules may look at for one doc; the token work is only done on demand."""

    def __init__(self, doc: Doc, lex: Lexicon, quotes: QuoteIndex):
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.quotes = quotes
        self.has_pos = doc.has_annotation("POS")
        self.has_dep = doc.has_annotation("DEP")
        self.has_ents = doc.has_annotation("ENT_IOB")
        self.has_sents = doc.has_annotation("SENT_START") or self.has_dep

    # words around a match, as written (no tokens needed)
    def prev_word(self, start: int) -> str | None:
        m = _PREV_WORD.search(self.text, max(0, start - 40), start)
        return normalize(m.group(1)) if m else None

    def next_word(self, end: int) -> str | None:
        m = _NEXT_WORD.match(self.text, end)
        return normalize(m.group(1)) if m else None

    def next_words(self, end: int) -> list[str]:
        m = _NEXT_WORDS.match(self.text, end)
        return [normalize(w) for w in m.groups() if w] if m else []

    def before(self, start: int, n: int = 60) -> str:
        return self.text[max(0, start - n):start]

    def span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def sentence(self, start: int, end: int) -> str:
        if self.has_sents:
            sp = self.span(start, end)
            if sp is not None:
                return sp.sent.text
        return self.text[max(0, start - 200):end + 200]

    def clause_start(self, start: int) -> bool:
        """Whether the text at `start` opens a sentence or clause."""
        before = self.before(start, 40)
        if _SENTENCE_OPEN.search(before) or before.rstrip().endswith((",", "-")):
            return True
        prev = self.prev_word(start)
        return prev is None or prev in _CLAUSE_OPENERS


def accepts(ctx: _Context, entry: Entry, start: int, end: int) -> bool:
    """Whether the match of `entry` at [start, end) is opinion language here."""
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
    rule = RULES.get(entry.context) if entry.context else None
    return rule is None or rule(ctx, entry, start, end, span)


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
        if not tok.ent_type_ or tok.ent_type_ not in _NAME_KINDS:
            continue
        ent_start, ent_end = spans.entity_bounds(tok)
        longer = ent_start < span.start or ent_end > span.end
        if longer and not (tok.ent_type_ == "PERSON" and ent_start == span.start):
            return True
    return False


def _capitalised_in_name(ctx: _Context, start: int, end: int) -> bool:
    """Rule-only stand-in for NER: a capitalised match right after another capitalised
    word, mid-sentence, is taken as part of a name."""
    if not ctx.text[start:start + 1].isupper():
        return False
    m = _PREV_WORD.search(ctx.text, max(0, start - 40), start)
    return bool(m and m.group(1)[:1].isupper())


# -- context rules ------------------------------------------------------------------------
Rule = Callable[[_Context, Entry, int, int, "Span | None"], bool]


def _attack(ctx: _Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
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
                        or child.ent_type_ in _PEOPLE_KINDS:
                    return True
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.lower_ in targets or obj.pos_ == "PROPN" \
                            or obj.ent_type_ in _PEOPLE_KINDS:
                        return True
        return _quoted_speech(ctx, start, end)
    words = ctx.next_words(end)
    if not words:
        return _quoted_speech(ctx, start, end)
    first = words[0]
    if first in ("for", "over", "as") or first in targets:
        return True
    m = _NEXT_WORD.match(ctx.text, end)
    if m and m.group(1)[:1].isupper():   # a name: "slammed Smith"
        return True
    if first in ("the", "his", "her", "their", "its", "our", "a", "an", "this", "that"):
        return any(w in targets for w in words[1:])
    return _quoted_speech(ctx, start, end)


def _quoted_speech(ctx: _Context, start: int, end: int) -> bool:
    """The verb reports speech: it follows a quote or a reported clause, or opens one."""
    before = ctx.before(start)
    if _AFTER_QUOTE.search(before):
        return True
    # "..., the senator claimed." (a parser sees this itself, as a clausal complement)
    if not ctx.has_dep and _CLAUSE_END.match(ctx.text, end):
        m = _AFTER_COMMA.search(before)
        if m and not set(normalize(m.group()).split()) & _NOT_SUBJECT:
            return True
    return bool(_INTRODUCES.match(ctx.text, end))


def _figurative(ctx: _Context, entry: Entry, start: int, end: int,
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
        if word not in _FUNCTION_WORDS:
            return word in targets
    return False


def _speech(ctx: _Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'claimed', 'admitted', 'insisted'...: only as a verb of saying."""
    if ctx.has_dep and span is not None:
        verb = span[0]
        deps = {c.dep_ for c in verb.children}
        if deps & {"auxpass", "nsubjpass"}:
            return False                 # "was admitted to hospital"
        if "ccomp" in deps or verb.dep_ == "parataxis":
            return True
    if _TO_INFINITIVE.match(ctx.text, end):
        return True                      # "claimed to be", "admitted to lying"
    return _quoted_speech(ctx, start, end)


def _stance(ctx: _Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
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


def _sentence_adverb(ctx: _Context, entry: Entry, start: int, end: int,
                     span: Span | None) -> bool:
    """'naturally', 'of course': only when set off as a comment on the whole sentence."""
    if ctx.text[end:end + 1] == ",":
        return True
    if entry.phrase == "naturally":      # "naturally occurring": needs its comma
        return False
    before = ctx.before(start, 40)
    if _SENTENCE_OPEN.search(before) or before.rstrip().endswith(","):
        return True
    return ctx.prev_word(start) in ("and", "but", "yet", "so", "or") \
        and not entry.phrase.startswith("natural")


def _degree(ctx: _Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'very', 'so', 'truly'... only before a judging word ('very dangerous', not
    'very large')."""
    nxt = ctx.next_word(end)
    if nxt is None:
        return False
    if nxt in ctx.lex.words.get("degree_targets", frozenset()):
        return True
    return any(_judging_adjective(e) for e in ctx.lex.forms.get(nxt, ()))


def _judging_adjective(e: Entry) -> bool:
    """An entry of a loaded or label group of adjectives (not nouns, verbs or phrases)."""
    return e.category in ("loaded", "label") and e.head == 0 and e.context is None \
        and (not e.pos or "ADJ" in e.pos) and " " not in e.phrase


def _not_legal(ctx: _Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'allegedly' is a hedge worth showing only outside crime and court reporting."""
    legal = ctx.lex.words.get("legal", frozenset())
    words = set(re.findall(r"[a-z]+", ctx.sentence(start, end).lower()))
    return not (words & legal)


def _unnamed(ctx: _Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'critics say': the speakers are a vague crowd.  'Many claims' is not a clause."""
    if not entry.clause_start:
        return True
    if ctx.has_pos and span is not None:
        return any(t.pos_ in ("VERB", "AUX") for t in span[1:])
    return ctx.next_word(end) not in _AUX_AFTER    # "many claims were false"


def _so_called(ctx: _Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    return ctx.next_word(end) is not None or bool(re.match(rf"\s*[{_QUOTE_MARKS}]",
                                                           ctx.text[end:end + 3]))


def _speech_not_legal(ctx: _Context, entry: Entry, start: int, end: int,
                      span: Span | None) -> bool:
    return _speech(ctx, entry, start, end, span) and _not_legal(ctx, entry, start, end, span)


def _party_jab(ctx: _Context, entry: Entry, start: int, end: int, span: Span | None) -> bool:
    """'Democrat Party', 'Democrat leaders', 'Democrat-run': the noun used as an adjective.
    'a Democrat from Ohio' and 'Democrat Joe Manchin' are the noun, and fine."""
    if "-" in entry.phrase:
        return True                      # Democrat-led, Democrat-controlled
    m = _NEXT_WORD.match(ctx.text, end)
    if not m or ctx.text[end:m.start(1)] != " ":
        return False
    word = m.group(1)
    if word in ("Party", "party"):
        return True
    if ctx.has_dep and span is not None:
        tok = span[0]
        return tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i \
            and tok.head.pos_ == "NOUN"
    return word.islower() and word not in _NOT_NOUN_AFTER and not word.endswith(("ed", "ing"))


RULES: dict[str, Rule] = {
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


# -- how far a span reaches -----------------------------------------------------------------
def extend(ctx: _Context, entry: Entry, start: int, end: int) -> tuple[int, int]:
    """The phrase the matched word makes opinionated: 'very' takes the word it intensifies
    ('very dangerous'); with a parser, a judging adjective takes the noun it modifies
    ('disastrous policy', 'far-left activists'), a booster adverb the word it modifies,
    and a name-calling noun the modifiers in front of it ('Islamist thugs').
    The explanation still names the matched word."""
    if entry.context == "so_called":
        return start, so_called_end(ctx, end)
    if entry.context == "degree":
        m = _NEXT_WORD.match(ctx.text, end)
        return start, m.end() if m else end
    if entry.category not in ("loaded", "label", "booster") or not ctx.has_dep:
        return start, end
    span = ctx.span(start, end)
    if span is None:
        return start, end
    first, last, doc = span[0], span[-1], ctx.doc
    head = last.head
    if last.dep_ == "amod" and last.pos_ in ("ADJ", "VERB") and head.pos_ in ("NOUN", "PROPN") \
            and 0 < head.i - last.i <= 3 \
            and not any(t.is_punct or t.pos_ == "CCONJ" for t in doc[last.i + 1:head.i]):
        return start, head.idx + len(head.text)
    if last.pos_ == "ADV" and entry.category == "booster" and head.i == last.i + 1 \
            and head.pos_ in ("ADJ", "VERB"):
        return start, head.idx + len(head.text)
    if entry.category in ("label", "loaded") and last.pos_ in ("NOUN", "PROPN"):
        return _modifiers_start(doc, first, last, start), end
    return start, end


def _modifiers_start(doc: Doc, first: Token, last: Token, start: int) -> int:
    """Start of the adjectives and nouns right before a noun that modify it, with their
    own modifiers ('right-wing extremists', 'climate change rant'); at most 4 tokens."""
    i = first.i
    while i > 0 and first.i - i < 4:
        prev = doc[i - 1]
        if prev.head.i != last.i and not (prev.head.i >= i and prev.head.i <= last.i):
            break
        if prev.dep_ not in ("amod", "compound", "punct", "npadvmod") \
                or prev.pos_ in ("DET", "PROPN"):
            break                        # names stay out: "Instagram hater" -> "hater"
        if prev.is_punct and (prev.text not in "-‐‑" or prev.whitespace_):
            break
        i -= 1
    while i < first.i and doc[i].is_punct:
        i += 1
    return doc[i].idx if i < first.i else start


# -- rhetorical questions ---------------------------------------------------------------
_QUESTION = re.compile(r"\?")
_SENTENCE_BREAK = re.compile(r"[.!?\n][\"”’')\]]*\s+(?=\S)")
# A yes-no question in the writer's own voice is rhetorical in news writing; "what is",
# "how does" questions are also explainer headings, so they are left alone.
_RHETORICAL_OPENERS = frozenset("""is are was were am do does did can could should would will
    shall has have had isn't aren't wasn't weren't don't doesn't didn't can't couldn't
    shouldn't wouldn't won't hasn't haven't hadn't""".split())


def rhetorical_questions(ctx: _Context, template: str) -> list[Candidate]:
    """Yes-no questions asked in the writer's voice (not inside any quotation)."""
    text = ctx.text
    out = []
    for m in _QUESTION.finditer(text):
        q_end = m.end()
        window_start = max(0, m.start() - 400)
        starts = [b.end() for b in _SENTENCE_BREAK.finditer(text, window_start, m.start())]
        s = starts[-1] if starts else (0 if window_start == 0 else None)
        if s is None:
            continue
        sentence = text[s:q_end]
        if any(ch in sentence for ch in _QUOTE_MARKS + "‘’") or "\n" in sentence:
            continue
        first = re.match(r"[\w'’]+", sentence)
        if not first or normalize(first.group()) not in _RHETORICAL_OPENERS:
            continue
        if ctx.quotes.containing(s, q_end) is not None:
            continue
        out.append(Candidate(s, q_end, "editorial", template))
    return out


# -- so-called and scare quotes -----------------------------------------------------------
_QUOTED_AHEAD = re.compile(rf"\s*([{_QUOTE_MARKS}‘'])")


def so_called_end(ctx: _Context, end: int) -> int:
    """Where the name that 'so-called' qualifies ends: a quoted phrase, the noun phrase
    up to its noun (with a tagger), or the next word (capitalised names: up to three)."""
    m = _QUOTED_AHEAD.match(ctx.text, end)
    if m:
        opener = m.group(1)
        closers = {"“": "”", "‘": "’", "«": "»", "„": "“"}.get(opener, opener)
        close = ctx.text.find(closers, m.end(), m.end() + 80)
        if close != -1:
            return close + 1
    words = list(re.finditer(_WORD, ctx.text[end:end + 80]))
    if not words:
        return end
    if ctx.has_pos:
        sp = ctx.span(end + words[0].start(), end + words[0].end())
        if sp is not None:
            doc = ctx.doc
            i = sp.start
            for j in range(i, min(i + 4, len(doc))):
                if doc[j].is_punct:
                    break
                if doc[j].pos_ in ("NOUN", "PROPN"):
                    while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and j < i + 4:
                        j += 1
                    return doc[j].idx + len(doc[j].text)
    last = words[0]
    if last.group()[:1].isupper():
        for w in words[1:3]:
            gap = ctx.text[end + last.end():end + w.start()]
            if gap.strip() or not w.group()[:1].isupper():
                break
            last = w
    return end + last.end()


def scare_candidates(ctx: _Context, found: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """One candidate per scare quote; a 'so-called' right before one absorbs it."""
    template = lex.explanations.get("scare_quote", "scare quote: '{text}'")
    out = []
    so_called = [c for c in found if c.category == "scare_quote"]
    for q in ctx.quotes.scare:
        merged = False
        for c in so_called:
            if c.start <= q.start <= c.end + 3 or (q.start <= c.start < q.end):
                c.start, c.end = min(c.start, q.start), max(c.end, q.end)
                merged = True
        if not merged:
            out.append(Candidate(q.start, q.end, "scare_quote", _explain(template, q.text)))
    return out


# -- putting it together -------------------------------------------------------------------
def resolve(cands: Sequence[Candidate]) -> list[Candidate]:
    """Non-overlapping spans: longer first, then by category priority."""
    rank = {c: i for i, c in enumerate(PRIORITY)}
    order = sorted(cands, key=lambda c: (c.category != "scare_quote", -(c.end - c.start),
                                         rank.get(c.category, 99), c.start))
    kept: list[Candidate] = []
    for c in order:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


def find_opinion(doc: Doc, lexicon: Lexicon | None = None,
                 disabled: Iterable[str] = ()) -> list[OpinionSpan]:
    """Opinion spans of `doc`, each with its explanation and quote context."""
    lex = lexicon or load_lexicons()
    off = set(disabled)
    quotes = QuoteIndex(spans.read(doc, "slant_quotes"))
    ctx = _Context(doc, lex, quotes)
    text = doc.text
    cands: list[Candidate] = []
    for start, end, entries in lex.finditer(text):
        for entry in entries:
            if entry.category in off or not accepts(ctx, entry, start, end):
                continue
            first, stop = extend(ctx, entry, start, end)
            cands.append(Candidate(first, stop, entry.category,
                                   _explain(entry.explanation, text[start:end])))
            break
    if "scare_quote" not in off:
        cands += scare_candidates(ctx, cands, lex)
    if "editorial" not in off:
        cands += rhetorical_questions(ctx, lex.messages.get(
            "rhetorical_question", "editorializing: a question in the writer's own voice"))
    out = []
    for c in resolve(cands):
        if quotes.in_title(c.start, c.end):
            continue
        q = quotes.containing(c.start, c.end)
        out.append(OpinionSpan(c.start, c.end, text[c.start:c.end], c.category,
                               c.explanation, in_quote=q is not None,
                               speaker=q.speaker if q is not None else None))
    return out


class OpinionComponent:
    def __init__(self, extra: Mapping[str, Iterable[str]] | None = None,
                 remove: Mapping[str, Iterable[str]] | None = None,
                 disabled: Iterable[str] = ()):
        self.lexicon = load_lexicons(extra or None, remove or None)
        unknown = set(disabled) - set(OPINION_CATEGORIES)
        if unknown:
            raise ValueError(f"unknown opinion categories to disable: {sorted(unknown)}")
        self.disabled = tuple(disabled)

    def __call__(self, doc: Doc) -> Doc:
        spans.write(doc, "slant_opinion", find_opinion(doc, self.lexicon, self.disabled))
        return doc


@Language.factory("slant_opinion", **factory_meta("slant_opinion"),
                  default_config={"extra": {}, "remove": {}, "disabled": []})
def make_opinion(nlp: Language, name: str, extra: dict[str, list[str]],
                 remove: dict[str, list[str]], disabled: list[str]) -> OpinionComponent:
    return OpinionComponent(extra, remove, disabled)
