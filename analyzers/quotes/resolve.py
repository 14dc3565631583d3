"""Speaker resolution: the step after attribution.

Attribution finds the mention that attributes a quote, as written: "Ann Lee", "it", "its
spokesman", "the ministry", "a statement", "who".  This step decides who that mention
stands for, by rules only (no coreference model is available offline):

- a name links to its entity ("named"); a noun phrase whose head is outside the entity it
  contains ("the Dutch finance ministry" around the group "Dutch") is the phrase itself;
- a pronoun (he, she, it, they, and the possessives its, his, her, their) goes to the
  nearest earlier name of the right kind: a person for he/she (skipping names the text
  marks as the other gender), an organisation, place or group for it ("pronoun");
- a definite description ("the ministry", "the mayor") goes to the nearest earlier
  organisation with that head noun, or to the person the text gives that role
  ("description");
- "According to a statement from the agency, the minister had ..." gives the minister, with
  "a statement from the agency" kept as the channel; with no speaker of its own after it,
  the document's author ("from the agency") speaks;
- a quote with no cue of its own that follows an attributed quote of the sentence before,
  or continues one from the paragraph before, keeps that speaker ("carried");
- anything else is the phrase as written ("a spokesman", "critics"): "phrase".

For quotes with no cue of their own, component's attribution also asks here who the
sentence before stands for (`main_subject`, `negated`) and whether a passive author
follows the quote (`passive_agent`): the same question, asked before the kind is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..model import Entity
from . import phrases as ph
from .attribution import Attribution, Context, _np_span, inside
from .kinds import Group
from .phrases import Span
from .speakers import ORG_HEADS, PRONOUNS, Names, _Mention

# how a speaker was found (Quote.speaker_how)
HOW = ("named", "pronoun", "description", "carried", "phrase")

# possessive pronoun -> what it may stand for (as PRONOUNS)
POSSESSIVE = {"its": "org", "his": "m", "her": "f", "their": "any"}

# documents and media that carry words without speaking them; written by the slant
# developers
DOCUMENTS = frozenset("""
    statement statements report reports letter letters memo memos memorandum document
    documents filing filings release releases email emails e-mail transcript transcripts
    tweet tweets post posts video interview study survey poll analysis complaint lawsuit
    ruling affidavit record records minutes notice announcement briefing paper papers
    proposal audit review article column editorial piece message messages note notes
    website blog book indictment testimony submission
""".split())

# roles a definite description can give a person ("the mayor said"); written by the slant
# developers
ROLES = frozenset("""
    minister mayor president senator governor spokesman spokeswoman spokesperson chairman
    chairwoman chair director secretary ambassador judge prosecutor lawyer attorney
    candidate nominee leader premier chancellor commissioner congressman congresswoman
    representative official officer chief economist analyst professor researcher author
    founder executive manager treasurer councillor councilor sheriff general
""".split())

_CHANNEL_AFTER_CUE = re.compile(
    r"\s*(?:,\s*)?(?:in|on|via|through)\s+((?:a|an|the|its|his|her|their)\s+(?:[\w\-]+\s+)?"
    r"(?:%s))\b" % "|".join(sorted(DOCUMENTS)))
_PASSIVE = re.compile(r"[ \t\u00a0]+(?:was|were|is|are|has been|have been|had been)[ \t\u00a0]+"
                      r"(?:(?:first|originally|also)[ \t\u00a0]+)?([a-z]+)[ \t\u00a0]+by[ \t\u00a0]+")
_NEGATION = re.compile(r"n[’']t\b|\b(?:not|never)\b", re.IGNORECASE)
_RELATIVE = frozenset(("who", "which", "that", "whom"))
_WH = frozenset(("who", "which", "where", "that", "when", "whom"))
_VERB_START = re.compile(r"[\s,]*(?:[A-Za-z][\w’'\-.]*\s+){1,6}?(?=(?:%s)\b|\w+ed\b)"
                         % "|".join(sorted(ph.VERBISH | {"said", "says", "told", "also"})))


@dataclass
class Speaker:
    span: Span | None               # the mention shown as the speaker (may be a pronoun)
    entity: Entity | None = None
    name: str | None = None
    how: str | None = None          # one of HOW
    channel: str | None = None      # the document the words came through, as written


def resolve_groups(doc: Doc, ctx: Context, groups: list[Group], paras, para_of) -> dict[int, Speaker]:
    """The speaker of every attributed speech group, by `id(group)`."""
    names = Names(doc, ctx, paras)
    carry_follow_ons(ctx, groups, paras, para_of, names)
    speech = [g for g in groups if g.kind in ("direct", "partial") and g.att is not None]
    out: dict[int, Speaker] = {}
    by_att: dict[int, Speaker] = {}
    for g in speech:
        if not g.inherited and id(g.att) not in by_att:
            by_att[id(g.att)] = resolve_one(names, ctx, g.att, g.pieces[0].start)
    for g in speech:
        sp = by_att.get(id(g.att)) or resolve_one(names, ctx, g.att)
        if g.inherited or g.att.side == "previous":
            sp = _carried(sp)
        out[id(g)] = sp
    return out


def carry_follow_ons(ctx: Context, groups: list[Group], paras, para_of,
                     names: Names | None = None) -> None:
    """A quote opening a sentence with no cue of its own, right after a sentence holding an
    attributed quote of the same paragraph, goes on with that quote's speaker: '"...,"
    Ann Lee said at the dinner where Ben Ross also spoke. "..."' is still Ann Lee's.  So
    does one after a sentence with no cue whose subject is a pronoun for that speaker
    ('"...," Ann Lee said. She did not name the firm. "..."')."""
    text = ctx.text
    prev: Group | None = None
    for g in groups:
        if g.kind not in ("direct", "partial"):
            continue
        if prev is not None and g.att is not None and g.att.side == "previous" \
                and not g.inherited:
            ps = paras[para_of(g.pieces[0].start)][0]
            h_end = prev.pieces[-1].end
            if para_of(prev.pieces[-1].start) == para_of(g.pieces[0].start) and h_end <= g.pieces[0].start:
                sg = ctx.sents.start(ps, g.pieces[0].start)
                before = sg - 1
                while before > ps and text[before].isspace():
                    before -= 1
                if sg > ps and ctx.sents.start(ps, before) <= prev.pieces[-1].start \
                        and not _right_after(text, h_end, g.att):
                    g.att = prev.att
                    g.inherited = True
                elif sg > ps and names is not None and _same_speaker(names, ctx, g.att, prev.att):
                    g.att = prev.att
                    g.inherited = True
        if g.att is not None:
            prev = g


def main_subject(ctx: Context, start: int, end: int, att: Attribution | None) -> Span | None:
    """The speaker a quote standing alone takes from the sentence text[start:end] before
    it, when that is not what attribution found there: the subject of the main clause,
    if it names someone, over a cue inside a subordinate clause ("Though she called it
    "outrageous", Clinton kept to ..."), or when the sentence has no cue at all ("On
    "Face the Nation," Sen. Ann Cole named ...").  None: keep attribution's answer."""
    parse = ctx.parse
    if parse is None:
        return None
    tok = parse.token_at(max(start, end - 1))
    if tok is None:
        return None
    for _ in range(64):
        if tok.head.i == tok.i:
            break
        tok = tok.head
    root = tok
    sub = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if sub is None or sub.pos_ not in ("PROPN", "PRON") or sub.lower_ in _WH:
        return None
    span = _np_span(sub)
    if not (start <= span[0] and span[1] <= end) or inside(span[0], ctx.pieces):
        return None
    if sub.pos_ == "PROPN" and not ph.is_name(ctx.text, ph.drop_brackets(ctx.text, *span)):
        span = (sub.idx, sub.idx + len(sub.text)) if sub.text[:1].isupper() else span
    if att is None:
        return span if sub.pos_ == "PROPN" else None
    if att.cue is None or att.speaker is None:
        return None
    cue = parse.token_at(att.cue[0])
    if cue is None or cue.idx != att.cue[0]:
        return None
    deps = []
    while cue.i != root.i and cue.head.i != cue.i and len(deps) < 64:
        deps.append(cue.dep_)
        cue = cue.head
    if cue.i == root.i and "advcl" in deps and sub.pos_ == "PROPN" \
            and att.speaker[1] <= span[0]:
        return span
    return None


def _same_speaker(names: Names, ctx: Context, att: Attribution, donor: Attribution) -> bool:
    """`att` has no cue and its subject is a pronoun standing for `donor`'s speaker."""
    if att.cue is not None or att.speaker is None or donor.speaker is None:
        return False
    if ctx.text[att.speaker[0]:att.speaker[1]].lower() not in PRONOUNS:
        return False
    mine = identify(names, att.speaker)
    theirs = resolve_one(names, ctx, donor)
    return mine.entity is not None and mine.entity is theirs.entity


def negated(text: str, att: Attribution | None) -> bool:
    """"He did not suggest ...", "she never said": a cue that denies the words."""
    if att is None or att.cue is None or att.speaker is None or att.speaker[1] > att.cue[0]:
        return False
    return _NEGATION.search(text, att.speaker[1], att.cue[0]) is not None


def passive_agent(ctx: Context, close: int, hi: int) -> Attribution | None:
    """'"American Dust" was written by Ann Lee': the words' author follows a passive cue
    right after the closing mark."""
    text = ctx.text
    m = _PASSIVE.match(text, close, hi)
    if m is None or not ctx.cues.between(m.start(1), m.end(1)):
        return None
    end = ctx.sents.end(m.end(), hi)
    sp = ph.first_name_or_pronoun(text, m.end(), end)   # the capitalised run after "by"
    if sp is None or not ph.is_name(text, sp):
        return None
    return Attribution((m.start(1), m.end()), sp, "after")


def _right_after(text: str, close: int, att: Attribution) -> bool:
    """The attribution found in the sentence before is the clause right after that
    sentence's quote ('..." she said.'): it speaks for the quote already."""
    marks = [p[0] for p in (att.cue, att.speaker) if p is not None]
    return bool(marks) and min(marks) >= close and len(ph.words(text, close, min(marks))) <= 2


def resolve_one(names: Names, ctx: Context, att: Attribution, open_: int | None = None) -> Speaker:
    text = ctx.text
    span = att.speaker
    if span is None:
        return Speaker(None)
    if open_ is not None:
        span = _colon_subject(ctx, att, open_) or span
    span = names.name_after_role(span)
    span = _participle_subject(ctx, att, span) or span
    channel = _channel_after_cue(text, att)
    cue = text[att.cue[0]:att.cue[1]].lower() if att.cue else ""
    if cue.startswith("according"):
        found = _according_to(names, ctx, span, att)
        if found is not None:
            span, channel = found
    return identify(names, span, channel)


def identify(names: Names, span: Span, channel: str | None = None) -> Speaker:
    """Who the mention `span` stands for, and how that was found."""
    text = names.text
    word = text[span[0]:span[1]]
    low = word.lower()
    if low in PRONOUNS or low in POSSESSIVE:
        m = names.resolve(span[0], PRONOUNS.get(low, POSSESSIVE.get(low)))
        return _from(m, span, "pronoun", channel)
    ws = low.split()
    if len(ws) > 1 and ws[0] in POSSESSIVE:
        # "its spokesman": the owner is resolved; an organisation speaks through them
        m = names.resolve(span[0], POSSESSIVE[ws[0]])
        if m is None:
            return Speaker(span, None, None, "pronoun", channel)
        rest = word.split(None, 1)[1]
        ent = m.entity if m.type == "org" else None
        return Speaker(span, ent, f"{m.name}’s {rest}", "pronoun", channel)
    head_at = text.rfind(" ", span[0], span[1]) + 1
    head = text[max(head_at, span[0]):span[1]]
    m = names.overlapping(span)
    description = head[:1].islower() and ws[0] in ("the", "this", "that") and len(ws) > 1
    if m is not None and not (description and m.entity is None) \
            and (m.start <= head_at < m.end or not head[:1].islower()):
        return _from(m, span, "named", channel)
    if description:
        d = described(names, span, head.lower())
        if d is not None:
            return _from(d, span, "description", channel)
        # "the Dutch finance ministry": the whole phrase, never the group "Dutch" in it
        return Speaker(span, None, _as_written(word), "phrase", channel)
    m = names.surname(span)
    if m is not None:
        return _from(m, span, "named", channel)
    if ph.is_name(text, span):
        return Speaker(span, None, word, "named", channel)
    return Speaker(span, None, _as_written(word), "phrase", channel)


def described(names: Names, span: Span, head: str) -> _Mention | None:
    """The earlier name a definite description stands for: the nearest organisation with
    the same head noun ("the ministry" -> "the Dutch finance ministry"), or the nearest
    person the text gives the role ("the mayor" -> "Mayor Ruth Okafor", "Ann Lee, a
    spokeswoman for ...")."""
    text = names.text
    if head in ORG_HEADS or head.rstrip("s") in ORG_HEADS:
        word = re.compile(r"\b%s" % re.escape(head.rstrip("s")), re.IGNORECASE)
        for m in names.before(span[0], 0, extra=0):
            if m.type in ("org", "plural") and (m.start, m.end) != span and word.search(m.name):
                return m
        return None
    if head not in ROLES:
        return None
    role = re.compile(r"\b%s\b" % re.escape(head), re.IGNORECASE)
    for m in names.before(span[0], 0, extra=0):
        if m.type not in ("person", "any"):
            continue
        title = m.entity.title if m.entity is not None else None
        if title and role.search(title):
            return m
        if role.search(text, max(0, m.start - 30), m.start) \
                or (text[m.end:m.end + 2].startswith(",") and role.search(text, m.end, m.end + 40)):
            return m
    return None


def _from(m: _Mention | None, span: Span, how: str, channel: str | None) -> Speaker:
    if m is None:
        return Speaker(span, None, None, how, channel)
    return Speaker(span, m.entity, m.name, how, channel)


def _as_written(phrase: str) -> str:
    """"The spokesman" opening a sentence -> "the spokesman"; names keep their capitals."""
    first, _, rest = phrase.partition(" ")
    if first in ("The", "A", "An") and rest:
        return first.lower() + " " + rest
    return phrase


def _carried(sp: Speaker) -> Speaker:
    """A quote with no cue of its own keeps its speaker and its speaker's mention: the
    attributing pronoun stays the mention (a reader sees the word the text used), and the
    resolved name says who it is."""
    return replace(sp, how="carried")


def _colon_subject(ctx: Context, att: Attribution, open_: int) -> Span | None:
    """'She was so upset that I had to change my answer: "..."': a colon with no speech
    verb introduces the words of the clause it ends, whose subject is the one nearest."""
    text, parse = ctx.text, ctx.parse
    if parse is None or att.cue is not None or att.side != "before":
        return None
    colon = len(text[:open_].rstrip()) - 1
    if colon < 0 or text[colon] != ":":
        return None
    tok = parse.token_at(colon - 1)
    for _ in range(6):
        if tok is None:
            return None
        if tok.pos_ in ("VERB", "AUX"):
            sub = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if sub is not None:
                if sub.pos_ not in ("PROPN", "PRON") or sub.lower_ in _WH:
                    return None
                span = _np_span(sub)
                return span if span[1] <= colon else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _participle_subject(ctx: Context, att: Attribution, span: Span) -> Span | None:
    """", saying ..." and "while chanting ..." share the subject of the main clause; when
    the parse hangs the participle off a relative clause ("an architect who said ...,
    saying", "- where the team played -"), the subject is the one beyond that clause."""
    parse = ctx.parse
    text = ctx.text
    if parse is None or att.cue is None or att.side != "before":
        return None
    tok = parse.token_at(att.cue[0])
    if tok is None or tok.idx != att.cue[0] or not tok.text.endswith("ing"):
        return None
    passed = text[span[0]:span[1]].lower() in _RELATIVE
    for _ in range(10):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.dep_ == "relcl" or any(c.lower_ in _WH and c.dep_ in ("nsubj", "nsubjpass", "advmod")
                                      for c in tok.children):
            passed = True
            continue
        if passed and tok.pos_ in ("VERB", "AUX"):
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _WH:
                    sub = _np_span(c)
                    return sub if sub[1] <= att.cue[0] else None
    return None


def _channel_after_cue(text: str, att: Attribution) -> str | None:
    """"it said in its statement": the statement is the channel."""
    if att.cue is None:
        return None
    cue = text[att.cue[0]:att.cue[1]]
    m = _CHANNEL_AFTER_CUE.search(cue)
    if m is not None:
        return m.group(1)
    m = _CHANNEL_AFTER_CUE.match(text, att.cue[1], att.cue[1] + 60)
    return m.group(1) if m is not None else None


def _according_to(names: Names, ctx: Context, span: Span, att: Attribution) -> tuple[Span, str] | None:
    """"According to a statement from the agency, the minister had "refused ..."": the
    minister speaks, through the statement.  With no speaker after the comma, the author
    of the document ("from the agency") does; a document with no author stays."""
    text = ctx.text
    head = text[span[0]:span[1]].split()[-1].lower() if text[span[0]:span[1]].split() else ""
    if head not in DOCUMENTS:
        return None
    pieces = ctx.pieces
    k = next((a for a, _ in pieces if a >= span[1]), len(text))
    comma = text.find(",", span[1], k)
    if comma == -1:
        return None
    channel = " ".join(text[span[0]:comma].split())
    sub = _subject_after(names, ctx, comma + 1, k)
    if sub is not None:
        return sub, channel
    rest = ph.strip(text, span[1], comma)
    ws = ph.words(text, *rest)
    if ws and text[ws[0][0]:ws[0][1]].lower() in ("from", "by", "of") and len(ws) > 1:
        owner = ph.noun_phrase(text, ws[1][0], rest[1])
        if owner is not None and _speaker_like(names, owner):
            return owner, text[span[0]:span[1]]
    return None


def _subject_after(names: Names, ctx: Context, start: int, end: int) -> Span | None:
    """The subject of the clause text[start:end] when it names someone."""
    text = ctx.text
    if ctx.parse is not None:
        tok = ctx.parse.token_at(start + 1)
        while tok is not None and tok.idx < end:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.idx >= start:
                sub = _np_span(tok)
                if sub[0] >= start and _speaker_like(names, sub):
                    return sub
                return None
            if tok.i + 1 >= len(tok.doc):
                break
            tok = tok.doc[tok.i + 1]
        return None
    m = _VERB_START.match(text, start, end)
    if m is None:
        return None
    sub = ph.noun_phrase(text, start, m.end())
    return sub if sub is not None and _speaker_like(names, sub) else None


def _speaker_like(names: Names, span: Span) -> bool:
    """A person or an organisation: a name, a pronoun, or a description with a role or an
    organisation as its head ("the minister", "the agency")."""
    text = names.text
    words = text[span[0]:span[1]].split()
    if not words:
        return False
    head = words[-1].lower()
    return ph.is_name(text, span) or head in PRONOUNS or head in ROLES or head in ORG_HEADS \
        or (names.overlapping(span) is not None and names.overlapping(span).type != "any")
