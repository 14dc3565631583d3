"""slant_quotes: quotations, what kind they are, and who said them.

`find_quotes(doc)` pairs the quotation marks (`quote_marks`), finds the speech cue and the
speaker around each quote (`quote_attribution`), sorts each quote into a kind, carries
speakers over to quotes that continue an attributed one, and links speakers to the
entities found by slant_entities (read from the doc), resolving pronouns to the nearest
fitting earlier name.  Everything works from the text alone; the parse (nsubj of the cue)
and NER are used when the pipeline has them.

Kinds: `direct` (speech), `partial` (a quoted fragment inside the writer's sentence),
`scare` (a term held at a distance: "so-called" or a short quoted term with no speaker),
`title` (the title of a work).  A quote running over several paragraphs is one `Quote` per
paragraph piece; the pieces share kind and speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import ENT_IOB
from spacy.language import Language
from spacy.tokens import Doc

from .. import spans
from ..model import Entity, Quote
from ..components import factory_meta
from .attribution import (LOOKBACK, Attribution, Context, attribute_after,
                                attribute_before, has, inside)
from .marks import Piece, pair_marks
from .phrases import first_name_or_pronoun
from ..text import paragraphs

# words that announce the title of a work: 'a report titled "..."', 'the film "Dust"';
# a work noun needs a capitalised title right after it, the "titled" words do not
TITLE_WORDS = frozenset("""
    book books novel memoir film films movie movies documentary song songs album albums
    report reports study article articles essay column op-ed editorial poem musical
    sitcom series episode programme podcast painting slogan motto hashtag chapter
""".split())
TITLING_WORDS = frozenset("titled entitled headlined subtitled".split())
_TITLE_GAP = re.compile(r"[\w\s’',]*")
_SCARE_LEAD = re.compile(
    r"(?:so[- ]called|quote[- ]unquote|self[- ]styled|self[- ]described|supposed)\W*$",
    re.IGNORECASE)
_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from as vs but nor".split())
# pronoun -> what it may stand for: a man, a woman, an organisation, anything; None: the
# first person is the writer or a group and is not resolved
_PRONOUNS = {"he": "m", "she": "f", "it": "org", "they": "any", "we": None, "i": None}
_ORG_TYPES = ("organization", "group", "place")
_LIST_GLUE = re.compile(r"[\s,]*(?:(?:and|or)\s+)?(?:(?:a|an|the)\s+)?")
_AND_OR = re.compile(r"\b(?:and|or)\b|,")
_THAT = re.compile(r"\bthat\b")
_ROLE_TO_NAME = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+")
_INNER = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")
# capitalised runs, for names when neither entities nor NER are there
_CAP_RUN = re.compile(r"(?<![\w’'])(?:(?:[A-Z][\w’'\-]*\.?|[A-Z]\.)(?:[ \u00a0]+|$)){1,5}")
_NOT_NAMES = frozenset("""
    The A An But And Or If In On At As It He She They We I This That These Those There
    His Her Their Its Our When While After Before Since Then So Yet For From With Without
    By To Of Mr. Mrs. Ms. Dr. Still Also However Meanwhile Last Next Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Not No Yes What Why How Who Where
""".split())
_ORG_WORDS = frozenset("""
    ministry department council party bank committee union inc corp university court
    campaign commission agency office association institute foundation group company
    times post news network house senate congress parliament government administration
    service board police army
""".split())


@dataclass
class _Mention:
    start: int
    end: int
    type: str               # "person" | "org" | "any"
    entity: Entity | None
    name: str


@dataclass
class _Group:
    pieces: list[Piece]
    kind: str = "direct"
    att: Attribution | None = None
    inherited: bool = False


def find_quotes(doc: Doc) -> list[Quote]:
    text = doc.text
    paras = paragraphs(text)
    pieces = pair_marks(text, paras)
    if not pieces:
        return []
    para_starts = [s for s, _ in paras]

    def para_of(pos: int) -> int:
        return bisect.bisect_right(para_starts, pos) - 1

    by_group: dict[int, list[Piece]] = {}
    for p in pieces:
        by_group.setdefault(p.group, []).append(p)
    groups = sorted((_Group(ps) for ps in by_group.values()), key=lambda g: g.pieces[0].start)
    piece_starts = [p.start for p in pieces]
    spans_ = [(p.start, p.end) for p in pieces]
    ctx = Context.of(doc, text, spans_)
    prev: _Group | None = None
    for g in groups:
        first, last = g.pieces[0], g.pieces[-1]
        k = bisect.bisect_left(piece_starts, first.start)
        pa, pb = paras[para_of(first.start)], paras[para_of(last.start)]
        lo = max(pa[0], pieces[k - 1].end if k > 0 else 0)
        j = bisect.bisect_right(piece_starts, last.start)
        hi = min(pb[1], pieces[j].start if j < len(pieces) else len(text))
        g.att = _attribute(ctx, g, hi, paras, para_of)
        listed = prev is not None and lo > pa[0] and prev.pieces[-1].closed \
            and _LIST_GLUE.fullmatch(text, lo, first.start) is not None \
            and (_inner_end(text, prev.pieces[-1]) == "," or _AND_OR.search(text, lo, first.start))
        g.kind = _kind(ctx, g, lo, hi, prev.kind if listed else None, _is_headline(text, *pa))
        prev = g

    _inherit(groups, paras, para_of)
    names = _Names(doc, ctx)
    quotes: list[Quote] = []
    for g in groups:
        speaker = name = None
        span = cue = None
        if g.att is not None and g.kind in ("direct", "partial"):
            span = g.att.speaker
            cue = text[g.att.cue[0]:g.att.cue[1]] if g.att.cue else None
            if span is not None:
                span = names.name_after_role(span)
                ment = names.link(span)
                if ment is not None:
                    speaker = ment.entity.id if ment.entity is not None else None
                    name = ment.name
                elif text[span[0]:span[1]].lower() not in _PRONOUNS:
                    name = text[span[0]:span[1]]   # "a spokesman": the phrase itself
        for p in g.pieces:
            quotes.append(Quote(id=f"q{len(quotes) + 1}", start=p.start, end=p.end,
                                text=text[p.start:p.end], kind=g.kind, speaker=speaker,
                                speaker_name=name, speaker_span=span, cue=cue))
    return quotes


# -- attribution -------------------------------------------------------------------------
def _inner_end(text: str, piece: Piece) -> str:
    k = piece.end - (1 if piece.closed else 0)
    while k > piece.start + 1 and text[k - 1].isspace():
        k -= 1
    return text[k - 1] if k > piece.start + 1 else ""


def _attribute(ctx: Context, g: _Group, hi: int, paras, para_of) -> Attribution | None:
    """The strongest attribution for a quote: a cue clause after a quote ending in a comma
    (or ? !), then one before it, a colon ending the previous paragraph, any clause after
    it, and finally the sentence before."""
    text = ctx.text
    first, last = g.pieces[0], g.pieces[-1]
    pi = para_of(first.start)
    ps = paras[pi][0]
    end_char = _inner_end(text, last)
    after = attribute_after(ctx, last.end, hi, end_char) if last.closed else None
    if after is not None and end_char in ",?!—–-…":
        return after
    before = attribute_before(ctx, ps, first.start)
    if before is not None:
        return before
    if pi > 0 and first.start == ps:
        # "Smith added:" closing the previous paragraph introduces this one
        pps, ppe = paras[pi - 1]
        if text[ppe - 1] == ":":
            before = attribute_before(ctx, pps, ppe)
            if before is not None:
                return before
    if after is not None:
        return after
    return _previous_sentence(ctx, first.start, ps, pi, paras)


def _previous_sentence(ctx: Context, open_: int, ps: int, pi: int, paras) -> Attribution | None:
    """A quote opening a sentence, with no cue of its own, belongs to the speaker of the
    sentence before ("Smith said the plan would fail. "It is a disaster."") or, within
    the paragraph, to a named subject of it ("Smith criticised the plan. "It is...")."""
    text = ctx.text
    start = ctx.sents.start(ps, open_)
    if text[start:open_].strip():
        return None   # the quote does not open its sentence
    same_para = start > ps
    if not same_para:
        if pi == 0:
            return None
        ps, start = paras[pi - 1]
    end = start
    while end > ps and text[end - 1].isspace():
        end -= 1
    if end <= ps:
        return None
    att = attribute_before(ctx, ps, end, naming_gap=60, speech_gap=60)
    if att is not None:
        return Attribution(att.cue, att.speaker, "previous")
    if same_para:
        sp = first_name_or_pronoun(text, ctx.sents.start(ps, end), end)
        if sp is not None and text[sp[0]].isupper():
            return Attribution(None, sp, "previous")
    return None


def _words(text: str) -> list[str]:
    return _INNER.findall(text)


def _is_headline(text: str, start: int, end: int) -> bool:
    """A short paragraph whose words are mostly capitalised."""
    if end - start > 200:
        return False
    words = [w for w in _words(text[start:end]) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _title_cased(words: list[str]) -> bool:
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS or w[:1].isdigit() for w in words)


def _kind(ctx: Context, g: _Group, lo: int, hi: int, prev_kind: str | None,
          headline: bool = False) -> str:
    """`prev_kind`: set when the quote continues a list of quotes; `headline`: the quote
    sits in a title-cased headline, where capitals say nothing."""
    text = ctx.text
    first = g.pieces[0]
    start = ctx.sents.start(max(lo, first.start - LOOKBACK), first.start)
    lead = text[start:first.start]
    inner_words = [w for p in g.pieces
                   for w in _words(text[p.start + 1:p.end - (1 if p.closed else 0)])]
    lead_words = [w.lower() for w in _words(lead)]
    if _SCARE_LEAD.search(lead):
        return "scare"
    capital = bool(inner_words) and (inner_words[0][:1].isupper() or inner_words[0][:1].isdigit())
    for k in range(len(lead_words) - 1, max(-1, len(lead_words) - 4), -1):
        w = lead_words[k]
        if w in TITLING_WORDS or (w in TITLE_WORDS and capital):
            # only words between it and the quote, and no speech verb: not 'the report
            # said "..."' nor 'in history books -- "the slave..."'
            pos = lead.lower().rfind(w) + len(w)
            said = any(not naming for _, _, naming in ctx.cues.between(start + pos, first.start))
            if _TITLE_GAP.fullmatch(lead, pos) and not said:
                return "title"
            break
    n = len(inner_words)
    if g.att is None and n <= 8 and _title_cased(inner_words):
        # a title-cased phrase standing alone as a paragraph is a heading; inside a
        # title-cased headline capitals say nothing
        alone = not text[lo:first.start].strip() and not text[g.pieces[-1].end:hi].strip() \
            and not lead.strip()
        if alone or (_inner_end(text, g.pieces[-1]) not in ".?!," and not headline):
            return "title"
    if prev_kind is not None:
        return prev_kind   # a list of quotes: 'a "bully," a "liar" and "unfit"'
    if g.att is not None and g.att.naming:
        return "partial"   # 'called the plan "a sham"': words held up, not a speech
    bare = lead.rstrip(" \t\u00a0")
    # speech opens the sentence, follows an introducing ":" (or a "," or dash when it
    # opens with a capital or follows its cue: 'he said, "and then..."'), or directly
    # follows its cue ('said "We will..."'); anything else is a fragment inside the
    # writer's own sentence
    if not bare or bare.endswith((":", "\n")):
        return "direct"
    if bare.endswith((",", "—", "–", "―", "--")):
        # 'X said on Monday, "and then..."': the second half of a split quote, or speech
        # introduced by its cue; "X said that if ..., "she would..."" is reported speech
        cue_before = g.att is not None and g.att.side == "before" and g.att.cue is not None \
            and not _THAT.search(text, g.att.cue[1], first.start)
        # 'As for cost, "it will rise," said Ann Lee': the words the attribution reports
        cue_after = g.att is not None and g.att.side == "after" \
            and _inner_end(text, g.pieces[-1]) in ",?!…"
        if capital or cue_before or cue_after:
            return "direct"
    if capital and g.att is not None and g.att.side == "before" and g.att.cue \
            and not text[g.att.cue[1]:first.start].strip(" \t,:\u00a0"):
        return "direct"
    if g.att is None and n <= 3:
        return "scare"
    return "partial"


def _inherit(groups: list[_Group], paras, para_of) -> None:
    """Unattributed speech takes the speaker of an attributed quote next to it: earlier in
    the same paragraph, later in it, or the previous paragraph when this one opens with
    the quote (news continue a speaker's quotes paragraph after paragraph).  One pass
    each way, so a paragraph full of quotes stays linear."""
    speech = [g for g in groups if g.kind in ("direct", "partial")]
    first_para = [para_of(g.pieces[0].start) for g in speech]
    last_para = [para_of(g.pieces[-1].start) for g in speech]
    # the next quote with an attribution of its own, in the paragraph where g ends
    following: list[_Group | None] = [None] * len(speech)
    nxt = None
    for n in range(len(speech) - 1, -1, -1):
        if nxt is not None and first_para[nxt] == last_para[n]:
            following[n] = speech[nxt]
        if speech[n].att is not None:
            nxt = n
    recent: _Group | None = None   # the last attributed quote of the current paragraph
    recent_para = -1
    for n, g in enumerate(speech):
        pi = first_para[n]
        if g.att is None:
            donor = recent if recent_para == pi else following[n]
            if donor is None and n > 0 and g.pieces[0].start == paras[pi][0]:
                h = speech[n - 1]
                if h.att is not None and last_para[n - 1] == pi - 1:
                    donor = h
            if donor is not None:
                g.att = donor.att
                g.inherited = True
        if g.att is not None:
            recent, recent_para = g, last_para[n]


# -- speakers -> entities ------------------------------------------------------------------
class _Names:
    """The names in a text, for linking speakers and resolving pronouns: slant's entities,
    else spaCy's NER, else capitalised runs (rule-only mode)."""

    def __init__(self, doc: Doc, ctx: Context):
        self.text = text = ctx.text
        self.ctx = ctx
        self.mentions = _mentions(doc, text)
        self.starts = [m.start for m in self.mentions]
        self._genders: dict[str, str] | None = None
        by_surname: dict[str, set] = {}
        for m in self.mentions:
            if m.entity is not None:
                last = m.entity.name.split()[-1].lower() if m.entity.name.split() else ""
                by_surname.setdefault(last, set()).add(id(m.entity))
        self.by_surname = {k: next(m.entity for m in self.mentions
                                   if m.entity is not None and id(m.entity) in v)
                           for k, v in by_surname.items() if len(v) == 1}

    def name_after_role(self, span: tuple[int, int]) -> tuple[int, int]:
        """"The union's chief negotiator Petra Lind slammed ...": the parse gives the role
        as the subject; the person named right after it (a space or a comma between) is
        the speaker mention."""
        k = bisect.bisect_left(self.starts, span[1])
        if k < len(self.mentions) and self.mentions[k].type == "person" \
                and _ROLE_TO_NAME.fullmatch(self.text, span[1], self.mentions[k].start) \
                and not any(m.start < span[1] <= m.end for m in self.mentions[max(0, k - 4):k]) \
                and self.text[span[0]:span[1]].lower() not in _PRONOUNS:
            return self.mentions[k].start, self.mentions[k].end
        return span

    def link(self, span: tuple[int, int]) -> _Mention | None:
        """The name a speaker mention stands for (a pronoun is resolved)."""
        word = self.text[span[0]:span[1]]
        if word.lower() in _PRONOUNS:
            return self.resolve(span[0], _PRONOUNS[word.lower()])
        k = bisect.bisect_left(self.starts, span[1])
        best = None
        for m in reversed(self.mentions[max(0, k - 8):k]):
            if m.end > span[0] and m.start < span[1]:
                size = min(m.end, span[1]) - max(m.start, span[0])
                if best is None or size > best[0]:
                    best = (size, m)
        if best is not None:
            return best[1]
        last = word.split()[-1].lower().strip(".,") if word.split() else ""
        ent = self.by_surname.get(last)
        if ent is not None and word[:1].isupper():
            return _Mention(span[0], span[1], "person", ent, ent.name)
        return None

    def resolve(self, pos: int, want: str | None) -> _Mention | None:
        """The antecedent of a pronoun: walking back sentence by sentence (up to six), the
        first fitting name outside quotes in the nearest sentence that has one (the
        first is usually the subject, the likeliest speaker).  "he" and "she" skip names
        the text itself marks as the other gender."""
        if want is None:
            return None   # "I", "we": the writer or a group, not resolved
        text = self.text
        hi = pos
        for _ in range(6):
            if hi <= 0:
                break
            lo = self.ctx.sents.start(max(0, hi - 1500), hi)
            if lo >= hi:
                lo = max(0, hi - 1)
            a = bisect.bisect_left(self.starts, lo)
            b = bisect.bisect_left(self.starts, hi)
            for m in self.mentions[a:b]:
                if inside(m.start, self.ctx.pieces):
                    continue
                if want in ("m", "f"):
                    if m.type not in ("person", "any"):
                        continue
                    other = self.gender(m)
                    if other is not None and other != want:
                        continue
                    return m
                if want == "any" or m.type == want or m.type == "any":
                    return m
            hi = lo - 1 if lo > 0 else 0
            while hi > 0 and text[hi - 1].isspace():
                hi -= 1
        return None

    def gender(self, m: _Mention) -> str | None:
        if self._genders is None:
            self._genders = _genders(self.text, self.mentions)
        return self._genders.get(_key(m))


def _key(m: _Mention) -> str:
    if m.entity is not None:
        return m.entity.id
    words = m.name.split()
    return words[-1].lower() if words else ""


_HONORIFIC = re.compile(
    r"\b(?:(Mr|Sir|Lord|King|Father)|(Mrs|Ms|Miss|Madam|Lady|Dame|Queen))\.?\s+$")
_GENDERED = re.compile(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
_STOP = re.compile(r"[.!?;]\s")


def _genders(text: str, mentions: list[_Mention]) -> dict[str, str]:
    """Evidence of each person's gender in the text itself: an honorific before a mention
    ("Mrs. Cole"), or the first gendered pronoun after it in the same sentence when no
    other name comes between ("Cole said her plan ...")."""
    votes: dict[str, list[int]] = {}
    people = [m for m in mentions if m.type in ("person", "any")]
    for n, m in enumerate(people):
        v = votes.setdefault(_key(m), [0, 0])
        h = _HONORIFIC.search(text, max(0, m.start - 8), m.start)
        if h:
            v[0 if h.group(1) else 1] += 2
        stop = _STOP.search(text, m.end, m.end + 200)
        end = stop.start() if stop else min(len(text), m.end + 200)
        if n + 1 < len(people):
            end = min(end, people[n + 1].start)
        g = _GENDERED.search(text, m.end, end)
        if g:
            v[0 if g.group(1) else 1] += 1
    return {k: ("m" if a > b else "f") for k, (a, b) in votes.items() if a != b}


def _mentions(doc: Doc, text: str) -> list[_Mention]:
    out: list[_Mention] = []
    ents = spans.read_entities(doc)
    if ents:
        for ent in ents:
            kind = "person" if ent.type == "person" else (
                "org" if ent.type in _ORG_TYPES else "any")
            for s, e in ent.mentions:
                out.append(_Mention(s, e, kind, ent, ent.name))
    elif has(doc, ENT_IOB):
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
                kind = "person" if ent.label_ == "PERSON" else "org"
                out.append(_Mention(ent.start_char, ent.end_char, kind, None, ent.text))
    else:
        for m in _CAP_RUN.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in " \u00a0":
                e -= 1
            words = text[s:e].split()
            while words and words[0] in _NOT_NAMES:
                s += len(words[0]) + 1
                words = words[1:]
            while s < e and text[s] in " \u00a0":
                s += 1
            if not words or e <= s:
                continue
            if len(words) == 1 and text[max(0, s - 2):s].strip() in (".", "“", '"', ""):
                continue  # a lone capitalised word opening a sentence
            kind = "org" if any(w.lower().strip(".") in _ORG_WORDS for w in words) else "any"
            out.append(_Mention(s, e, kind, None, text[s:e]))
    out.sort(key=lambda m: (m.start, m.end))
    return out


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        spans.write(doc, "slant_quotes", find_quotes(doc))
        return doc


@Language.factory("slant_quotes", **factory_meta("slant_quotes"))
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()
