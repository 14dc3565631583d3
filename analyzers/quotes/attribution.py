"""Who said a quote: the speech cue next to it and the speaker that goes with the cue.

Works on the text around a quote (its clause before the opening mark and after the closing
mark), so it runs without a parse; when spaCy's parse is there, the subject of the cue
verb (`nsubj`) is preferred because it is the most reliable speaker finder.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import DEP, IDX
from spacy.tokens import Doc

from . import phrases as ph
from ..speech import Cues, is_cue_word, lead_pattern
from .headlines import on_heading, role_phrase
from .phrases import Span

# a sentence ends at . ! ? (and closing marks after them) or at a line break
_SENT_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+|[ \t\u00a0]*\n\s*")


@dataclass
class Attribution:
    cue: Span | None          # the cue as written
    speaker: Span | None      # the attributing mention (may be a pronoun)
    side: str                 # "after" | "before" | "dash" | "previous"
    naming: bool = False      # the cue names the words ("called it ...") rather than says them


class Sentences:
    """Sentence boundaries of a text, found once: ends inside quoted pieces and after
    abbreviations ("Mr.", "(D-Md.)") do not count."""

    def __init__(self, text: str, pieces: list[Span]):
        self.text = text
        self.starts: list[int] = []   # where each sentence after a boundary starts
        self.ends: list[int] = []     # where the sentence before it ends (after . ! ?)
        for m in _SENT_END.finditer(text):
            if _is_abbrev(text, m.start()) or within(m.start(), m.end(), pieces):
                continue
            self.starts.append(m.end())
            self.ends.append(m.start() + 1 if text[m.start()] in ".!?…" else m.start())

    def start(self, lo: int, pos: int) -> int:
        """Start of the sentence holding `pos`, not before `lo`."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return max(lo, self.starts[k]) if k >= 0 else lo

    def end(self, pos: int, hi: int) -> int:
        """End of the sentence holding `pos` (after its final punctuation), not past `hi`."""
        k = bisect.bisect_right(self.starts, pos)
        if k < len(self.ends) and self.ends[k] < pos:
            # a boundary around `pos` (the full stop inside a quote, then its closing
            # mark): a line break ends the sentence here; a space does not
            if "\n" in self.text[pos:self.starts[k]]:
                return pos
            k += 1
        return min(hi, self.ends[k]) if k < len(self.ends) else hi


def _is_abbrev(text: str, dot: int) -> bool:
    if text[dot] != "." or (dot > 0 and text[dot - 1] == "."):
        return False
    if dot + 1 < len(text) and text[dot + 1] == ")" and "(" in text[max(0, dot - 12):dot]:
        return True   # "(D-Md.)": a party and state label, not a sentence end
    k = dot
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].lower()
    # "Mr.", "U.S.", an initial "J."; not "1970s." or "win."
    return word in ph.ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or "." in word


def within(a: int, b: int, pieces: list[Span]) -> bool:
    """[a, b) lies strictly inside one of the sorted `pieces`."""
    k = bisect.bisect_right(pieces, (a, float("inf"))) - 1
    return k >= 0 and pieces[k][0] < a and b < pieces[k][1]


def inside(a: int, pieces: list[Span]) -> bool:
    k = bisect.bisect_right(pieces, (a, float("inf"))) - 1
    return k >= 0 and pieces[k][0] <= a < pieces[k][1]


def has(doc: Doc, attr: int) -> bool:
    """Whether any token carries `attr` (DEP, ENT_IOB): `Doc.has_annotation` in one C
    pass instead of a Python loop over the tokens."""
    return len(doc) > 0 and bool(doc.to_array(attr).any())


# -- the parse ------------------------------------------------------------------------------
_CLIMB = ("conj", "advcl", "xcomp")
_SEPARATORS = frozenset((",", ";", ":", "—", "–", "―", "--", "(", ")", '"', "“", "”"))


class Parse:
    """The dependency parse, looked up by character offset."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = doc.to_array(IDX).tolist()

    def token_at(self, char: int):
        i = bisect.bisect_right(self.starts, char) - 1
        return self.doc[i] if i >= 0 else None

    def subject(self, cue_start: int, lo: int, hi: int) -> Span | None:
        """The speaker of the cue verb at `cue_start` within [lo, hi): its nsubj, or for a
        verb sharing its subject ("laughed and said", ", saying") the subject of the verb
        it hangs off; for "footage of Ann Lee saying" the noun it modifies."""
        tok = self.token_at(cue_start)
        if tok is None or tok.idx != cue_start or tok.pos_ not in ("VERB", "AUX"):
            return None
        for _ in range(3):
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    span = _np_span(child)
                    return span if lo <= span[0] and span[1] <= hi else None
            if tok.dep_ == "acl" and tok.head.pos_ in ("PROPN", "NOUN", "PRON"):
                span = _np_span(tok.head)
                return span if lo <= span[0] and span[1] <= hi else None
            if tok.dep_ not in _CLIMB or tok.head is tok:
                return None
            tok = tok.head
        return None

    def is_noun(self, char: int) -> bool:
        tok = self.token_at(char)
        return tok is not None and tok.idx == char and tok.pos_ in ("NOUN", "PROPN")

    def clause_subject(self, pos: int, lo: int, hi: int) -> Span | None:
        """The subject of the main verb of the sentence holding text position `pos`."""
        tok = self.token_at(pos)
        if tok is None:
            return None
        for _ in range(64):   # up to the root (spaCy's tok.sent walks the whole doc)
            if tok.head is tok:
                break
            tok = tok.head
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                span = _np_span(child)
                if lo <= span[0] and span[1] <= hi:
                    return span
        return None


def _np_span(head) -> Span:
    """From the left edge to the head, with an "of"/"for" phrase right after it ("the
    Chamber of Commerce"); appositives and clauses hanging after it are left out."""
    left = head.left_edge
    for t in head.doc[left.i:head.i]:
        if t.text in _SEPARATORS:
            left = t.nbor(1)   # a parse gone astray across a dash or comma
    s, e = left.idx, head.idx + len(head.text)
    for r in head.rights:
        if r.dep_ == "prep" and r.lower_ in ("of", "for") and r.i == head.i + 1:
            sub = list(r.subtree)
            if not any(t.is_punct or t.dep_ in ("relcl", "acl") for t in sub):
                e = sub[-1].idx + len(sub[-1].text)
        break
    return s, e


# -- attribution ---------------------------------------------------------------------------
@dataclass
class Context:
    """What attribution needs about one text."""
    text: str
    pieces: list[Span]            # every quoted piece, sorted
    sents: Sentences
    cues: Cues
    parse: Parse | None = None

    @classmethod
    def of(cls, doc: Doc, text: str, pieces: list[Span]) -> "Context":
        """`text` is doc.text, which spaCy rebuilds from the tokens on every access."""
        parse = Parse(doc) if has(doc, DEP) else None
        return cls(text, pieces, Sentences(text, pieces), Cues(text), parse)


# how far from a quote a cue clause may reach (characters); keeps the work per quote
# bounded however long a sentence runs
LOOKBACK = 400
# a credit line after the quote: '..." — Ann Lee', '..." -- said the minister'
_DASH_SOURCE = re.compile(r"[ \t\u00a0,]*(?:[―—–]|--?(?=[ \t\u00a0]))[ \t\u00a0]*")
# a name set off before the quote by a dash: 'Ann Lee — "We will..."'
_DASH_LEAD = re.compile(r"(?:[―—–]|--?)$")
# how far after the quote a cue may be found without a chain of clauses leading to it
NEAR = 160
_CAPITAL_CUE = re.compile(r"[A-Z][a-z]+")
# what may follow a speech noun whose owner said the quote: "claim that", "remarks on",
# or the quote itself
_NOUN_LINK = re.compile(r"\s*(?:[:,]\s*|\s(?:that|about|on|of|was|were|is|are)\b|[\"“‘'])")


# the owner right before a speech noun, with at most one word between: "Ann Lee's
# repeated claim", "his remarks"
_OWNER = re.compile(r"(?P<owner>\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|[A-Z][\w\-]*(?:’s|'s))"
                    r"(?:\s+[\w\-]+)?\s+$")


def _after_quotes(start: int, end: int, pieces: list[Span]) -> int:
    """Move `start` past any quote piece that ends inside [start, end)."""
    k = max(0, bisect.bisect_left(pieces, (start, 0)) - 1)
    for a, b in pieces[k:]:
        if a >= end:
            break
        if start < b <= end:
            start = b
    return start


def attribute_after(ctx: Context, close: int, hi: int, quote_end_char: str) -> Attribution | None:
    """A cue clause right after the quote: '..." Smith said' / '..." said Smith' /
    '..." ― Ann Lee' / '..." — said the minister' / '..." Smith, who ..., where ...,
    said'; on a heading a bare role will do: '"...", says union chief'."""
    text = ctx.text
    end = ctx.sents.end(close, min(hi, close + LOOKBACK))
    heading = on_heading(text, close)
    m = _DASH_SOURCE.match(text, close, end)
    if m and any(c in "―—–-" for c in m.group()):
        att = _dash_credit(ctx, m.end(), end, heading)
        if att is not None:
            return att
    body = close
    while body < end and text[body] in " ,\t\u00a0":
        body += 1
    lm = lead_pattern().match(text, body, end)
    if lm:
        sp = ph.speaker_after_cue(text, lm.end(), end)
        if sp:
            return Attribution((lm.start(), lm.end()), sp, "after")
    ws = ph.words(text, body, min(end, body + 40))
    if ws and text[ws[0][0]:ws[0][1]].lower() in ph.CLAUSE_STARTS:
        return None   # '..." when Smith said': another clause, not an attribution
    for cs, ce, naming in ctx.cues.between(body, end):
        if naming:
            continue
        if cs == body:
            sp = ph.speaker_after_cue(text, ce, end) or (
                role_phrase(text, ce, end) if heading else None)
            return Attribution((cs, ce), sp, "after") if sp else None
        if cs - close > NEAR and not ph.clause_chain(text, body, cs):
            break   # far off, and not reached through clauses hanging off a subject
        sp = ctx.parse.subject(cs, body, cs) if ctx.parse else None
        if sp is None:
            sp = ph.subject_after_quote(text, body, cs)
        n_words = len(ph.words(text, body, cs))
        if sp is not None:
            # a quote closed by a full stop starts a new sentence: only a bare
            # "Smith said." style clause may still attribute it
            if quote_end_char == "." and n_words > 6:
                return None
            return Attribution((cs, ce), sp, "after")
        if n_words > 6:
            break
    return None


def _dash_credit(ctx: Context, start: int, end: int, heading: bool) -> Attribution | None:
    """After a dash: a cue and its speaker ("— said the minister, Ann Lee"), or a name
    with an optional role after a comma ("— Ann Lee, port director"); on a heading a
    bare role ("- minister")."""
    text = ctx.text
    for cs, ce, naming in ctx.cues.between(start, start + 1):
        sp = None if naming else ph.speaker_after_cue(text, ce, end)
        return Attribution((cs, ce), sp, "dash") if sp else None
    parts = ph.split_commas(text, start, end)
    if not parts or parts[0][0] != start:
        return None
    sp = ph.noun_phrase(text, *parts[0], max_words=5)
    if sp is not None and ph.is_name(text, sp) and sp[0] == start:
        return Attribution(None, sp, "dash")
    if heading and len(parts) == 1:
        sp = role_phrase(text, *parts[0])
        if sp is not None:
            return Attribution(None, sp, "dash")
    return None


def attribute_before(ctx: Context, lo: int, open_: int,
                     naming_gap: int = 6, speech_gap: int = 25) -> Attribution | None:
    """A cue clause before the quote, in its sentence: 'Smith said: "...' / 'She called
    it "...' / 'Smith's claim that "...' / 'Said Smith: "...' / 'According to Smith, "...'
    / 'Smith made this comment: "...'.  The cue nearest the quote wins."""
    text, pieces = ctx.text, ctx.pieces
    start = ctx.sents.start(max(lo, open_ - LOOKBACK), open_)
    if start >= open_:
        return None
    found = [c for c in ctx.cues.between(start, open_) if not inside(c[0], pieces)]
    earlier: Span | None = None   # the speaker of an earlier cue in the sentence
    best = None
    for cs, ce, is_naming in found:
        sp = _cue_subject(ctx, start, cs, ce, open_, earlier)
        if sp is not None and earlier is None:
            earlier = sp
        if len(ph.words(text, ce, open_)) > (naming_gap if is_naming else speech_gap):
            continue
        if sp is not None:
            if best is not None and text[sp[0]:sp[1]].lower() == "it" and not best.naming:
                continue   # 'Ann Lee said it would tell a story': keep the speaker
            best = Attribution((cs, ce), sp, "before", is_naming)
    if best is not None:
        return best
    for ns, ne in reversed(ctx.cues.nouns_between(start, open_)):
        if inside(ns, pieces) or len(ph.words(text, ne, open_)) > speech_gap:
            continue
        if not _NOUN_LINK.match(text, ne, open_ + 1):
            continue   # "treating her remark as a joke": not what the quote reports
        om = _OWNER.search(text, max(start, ns - 60), ns)
        if om is None:
            continue
        own, a = om.group("owner"), om.start("owner")
        cue = (ns, ne)
        if own.lower() in ph.POSSESSIVES:
            return Attribution(cue, (a, a + len(own)), "before")
        sp = ph.noun_phrase(text, *ph.name_before(text, start, a + len(own) - 2))
        if sp is not None and ph.is_name(text, sp):
            return Attribution(cue, sp, "before")
    cm = _CAPITAL_CUE.match(text, start, open_)   # "Said Smith: ..."
    if cm and is_cue_word(cm.group().lower()):
        sp = ph.speaker_after_cue(text, cm.end(), open_)
        if sp:
            return Attribution((cm.start(), cm.end()), sp, "before")
    for lm in lead_pattern().finditer(text, start, open_):
        if inside(lm.start(), pieces):
            continue
        sp = ph.speaker_after_cue(text, lm.end(), open_)
        if sp:
            return Attribution((lm.start(), lm.end()), sp, "before")
    # a colon or a dash introducing the quote with no speech verb, after nothing but a
    # name: "Vogt:", "Port director Ann Lee:", "Ann Lee -"
    lead = text[start:open_].rstrip()
    mark = lead[-1:] == ":" or _DASH_LEAD.search(lead)
    if mark:
        cut = start + len(lead) - (1 if lead[-1:] == ":" else len(_DASH_LEAD.search(lead).group()))
        ws = ph.words(text, start, cut)
        sp = ph.noun_phrase(text, start, cut, max_words=6) if 0 < len(ws) <= 6 else None
        before = {text[a:b].lower() for a, b in ph.words(text, start, sp[0] if sp else start)}
        if sp is not None and ph.is_name(text, sp) and not before & ph.LINK_WORDS \
                and not any(text[a].islower() for a, _ in ph.words(text, sp[1], cut)):
            return Attribution(None, sp, "before")
    # a colon introducing the quote with no speech verb: only a name or a pronoun will
    # do ("Ann Lee made this comment:" but not "A lesson from Ann Lee:")
    if lead.endswith(":"):
        sp = sentence_subject(ctx, start, open_)
        if sp is not None and (ph.is_name(text, sp) or text[sp[0]:sp[1]].lower() in ph.PRONOUNS):
            return Attribution(None, sp, "before")
    return None


def _cue_subject(ctx: Context, start: int, cs: int, ce: int, end: int,
                 earlier: Span | None) -> Span | None:
    text, parse = ctx.text, ctx.parse
    if parse is not None and parse.is_noun(cs):
        return None   # "Republican claims", "her remarks": the speech-noun rule
    begin = _after_quotes(start, cs, ctx.pieces)
    pre = ph.words(text, begin, cs)
    if not pre:
        # '"...," said Ann Lee, an engineer.' read as the sentence before a quote
        return ph.speaker_after_cue(text, ce, end) if begin > start else None
    last = text[pre[-1][0]:pre[-1][1]]
    if last.lower() in ph.POSSESSIVES or last.endswith(("’s", "'s")):
        return None   # "Trump's claim": a noun, for the speech-noun rule
    participle = text[cs:ce].endswith("ing")
    if participle and not text[pre[-1][1]:cs].strip():
        # "footage of Ann Lee saying": the name right before
        sp = ph.noun_phrase(text, pre[-1][0], pre[-1][1])
        if sp and (ph.is_name(text, sp) or last.lower() in ph.PRONOUNS):
            k = len(pre) - 1
            while k > 0 and ph.NAME_PIECE.match(text[pre[k - 1][0]:pre[k - 1][1]]):
                k -= 1
            return pre[k][0], sp[1]
    if parse is not None:
        sp = parse.subject(cs, begin, cs)
        if sp is not None:
            return sp
    if last.lower() in ("and", "but", "or"):
        return earlier   # "Smith stressed ... and said": the earlier clause's subject
    if participle:
        return earlier or sentence_subject(ctx, begin, cs)   # ", saying"
    return ph.subject_before_cue(text, begin, cs)


def sentence_subject(ctx: Context, start: int, end: int) -> Span | None:
    """The subject of the sentence text[start:end]: from the parse, else its first name
    or pronoun after any introductory phrase."""
    if ctx.parse is not None:
        sp = ctx.parse.clause_subject(max(start, end - 2), start, end)
        if sp is not None and not inside(sp[0], ctx.pieces):
            return sp
    return ph.first_name_or_pronoun(ctx.text, start, end)
