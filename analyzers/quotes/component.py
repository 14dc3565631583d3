"""slant_quotes: quotations, what kind they are, and who said them.

`find_quotes(doc)` pairs the quotation marks (`quote_marks`), finds the speech cue and the
speaker around each quote (`quote_attribution`), sorts each quote into a kind, carries
speakers over to quotes that continue an attributed one, and resolves each speaker
(`resolve`: names to the entities found by slant_entities, pronouns and descriptions to
the nearest fitting earlier name, documents to a channel).  Everything works from the
text alone; the parse (nsubj of the cue) and NER are used when the pipeline has them.

Kinds: `direct` (speech), `partial` (a quoted fragment inside the writer's sentence),
`scare` (a term held at a distance: "so-called" or a short quoted term with no speaker),
`title` (the title of a work).  A quote running over several paragraphs is one `Quote` per
paragraph piece; the pieces share kind and speaker.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import spans
from ..model import Quote
from ..components import factory_meta
from .attribution import (Attribution, Context, attribute_after,
                                attribute_before)
from .marks import Piece, pair_marks
from .phrases import first_name_or_pronoun
from ..text import paragraphs
from .resolve import main_subject, negated, passive_agent, resolve_groups
from .kinds import Group, inner_end, is_headline, kind_of
from .headlines import on_heading, pull_quote_donor, titled_person

_LIST_GLUE = re.compile(r"[\s,]*(?:(?:and|or)\s+)?(?:(?:a|an|the)\s+)?")
_AND_OR = re.compile(r"\b(?:and|or)\b|,")


def find_quotes(doc: Doc) -> list[Quote]:
    text = spans.text(doc)
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
    groups = sorted((Group(ps) for ps in by_group.values()), key=lambda g: g.pieces[0].start)
    piece_starts = [p.start for p in pieces]
    spans_ = [(p.start, p.end) for p in pieces]
    ctx = Context.of(doc, text, spans_)
    prev: Group | None = None
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
            and (inner_end(text, prev.pieces[-1]) == "," or _AND_OR.search(text, lo, first.start))
        g.kind = kind_of(ctx, g, lo, hi, prev.kind if listed else None, is_headline(text, *pa))
        prev = g

    _pull_quotes(text, groups)
    _inherit(groups, paras, para_of)
    found = resolve_groups(doc, ctx, groups, paras, para_of)
    ents = None
    quotes: list[Quote] = []
    for g in groups:
        sp = found.get(id(g)) if g.kind in ("direct", "partial") else None
        if sp is not None and sp.entity is None and sp.span is not None and sp.name \
                and on_heading(text, sp.span[0]):   # 'Minister: "..."' in a headline
            ents = spans.read_entities(doc) if ents is None else ents
            ent = titled_person(ents, sp.name)
            if ent is not None:
                sp = replace(sp, entity=ent, name=ent.name)
        cue = None
        if sp is not None and g.att.cue:
            cue = text[g.att.cue[0]:g.att.cue[1]]
        # the pieces of a quote running over several paragraphs: the one next to its
        # attribution is found as written, the others carry it
        home = para_of(g.att.cue[0] if g.att is not None and g.att.cue else
                       (sp.span[0] if sp is not None and sp.span else g.pieces[0].start))
        home = min(max(home, para_of(g.pieces[0].start)), para_of(g.pieces[-1].start))
        for p in g.pieces:
            how = None if sp is None else (
                "carried" if sp.how != "carried" and len(g.pieces) > 1 and para_of(p.start) != home
                else sp.how)
            quotes.append(Quote(
                id=f"q{len(quotes) + 1}", start=p.start, end=p.end, text=text[p.start:p.end],
                kind=g.kind, speaker=sp.entity.id if sp is not None and sp.entity is not None else None,
                speaker_name=sp.name if sp is not None else None,
                speaker_span=sp.span if sp is not None else None, cue=cue,
                speaker_how=how if sp is not None and sp.span is not None else None,
                channel=sp.channel if sp is not None else None))
    return quotes


def _attribute(ctx: Context, g: Group, hi: int, paras, para_of) -> Attribution | None:
    """The strongest attribution for a quote: a cue clause after a quote ending in a comma
    (or ? !), then one before it, a colon ending the previous paragraph, any clause after
    it, and finally the sentence before."""
    text = ctx.text
    first, last = g.pieces[0], g.pieces[-1]
    pi = para_of(first.start)
    ps = paras[pi][0]
    end_char = inner_end(text, last)
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
    if last.closed:
        passive = passive_agent(ctx, last.end, hi)
        if passive is not None:
            return passive
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
    if negated(text, att):
        att = None   # "He did not suggest retaliation." attributes nothing
    main = main_subject(ctx, ctx.sents.start(ps, end), end, att)
    if main is not None:
        return Attribution(None, main, "previous")
    if att is not None:
        return Attribution(att.cue, att.speaker, "previous")
    if same_para:
        sp = first_name_or_pronoun(text, ctx.sents.start(ps, end), end)
        if sp is not None and text[sp[0]].isupper():
            return Attribution(None, sp, "previous")
    return None


def _pull_quotes(text: str, groups: list[Group]) -> None:
    """A quote standing alone as a sub-heading repeats words the body attributes."""
    for g in groups:
        if g.att is None and g.kind != "title":
            donor = pull_quote_donor(text, g, groups)
            if donor is not None:
                g.att, g.inherited = donor.att, True
                g.kind = "direct" if g.kind == "scare" else g.kind


def _inherit(groups: list[Group], paras, para_of) -> None:
    """Unattributed speech takes the speaker of an attributed quote next to it: earlier in
    the same paragraph, later in it, or the previous paragraph when this one opens with
    the quote (news continue a speaker's quotes paragraph after paragraph).  One pass
    each way, so a paragraph full of quotes stays linear."""
    speech = [g for g in groups if g.kind in ("direct", "partial")]
    first_para = [para_of(g.pieces[0].start) for g in speech]
    last_para = [para_of(g.pieces[-1].start) for g in speech]
    # the next quote with an attribution of its own, in the paragraph where g ends
    following: list[Group | None] = [None] * len(speech)
    nxt = None
    for n in range(len(speech) - 1, -1, -1):
        if nxt is not None and first_para[nxt] == last_para[n]:
            following[n] = speech[nxt]
        if speech[n].att is not None:
            nxt = n
    recent: Group | None = None   # the last attributed quote of the current paragraph
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


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        spans.write(doc, "slant_quotes", find_quotes(doc))
        return doc


@Language.factory("slant_quotes", **factory_meta("slant_quotes"))
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()
