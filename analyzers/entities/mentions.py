"""Candidate mentions of people, organisations, places and groups.

Rules over the words of `entity_words` find capitalised names, cut titles off them
("Finance Minister Lena Vogt" -> "Lena Vogt") and join organisation names across "of" and
"and" ("Department of Veterans Affairs").  In full mode spaCy's entities are added and the
rules fix what spaCy gets wrong: an entity that swallows a title ("Defense R. Alan Pierce")
gives way to the name, a portfolio inside a title ("State" in "Secretary of State") is
dropped, a first name spaCy left out ("Souza" -> "Ana Souza") is put back.

Every mention then collects the titles written around it (see `titles`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..spans import entity_bounds
from ..speech import is_cue_word
from .appositives import skip_after_name, title_after, title_role_before
from .lexicon import DETS, Lexicon
from .titles import Title, title_before
from .words import FUNCTION_WORDS, Words
from .names import (SUFFIXES, _ANY, _CLOSE_QUOTES, _DASHES, _NerIndex, _ORG_WORD, _group_word,
                    _has_org, _in_office_name, _initial, _split_complement, _split_title,
                    acronym, capital_runs, join_orgs, valid_name)

NER_TYPES = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
    "FAC": "place", "NORP": "group", "EVENT": "other", "WORK_OF_ART": "other",
    "LAW": "other", "PRODUCT": "other", "LANGUAGE": "other",
}
_PLACE_PREPS = frozenset(("in", "near", "across", "outside", "throughout", "through"))
# spaCy's organisation for a lone name after "in": a town more often than not ("a bakery
# in Hessel"); the vote outweighs spaCy's label but not an organisation word
_PLACE_OVER_ORG = 1.5

# how much a mention's evidence weighs when its entity's type is decided
_RULE_VOTE = 0.5


@dataclass
class Mention:
    start: int                  # the name's char span (no title, no possessive)
    end: int
    first: int                  # its words, inclusive
    last: int
    votes: dict[str, float] = field(default_factory=dict)
    titles: list[Title] = field(default_factory=list)
    weak_titles: list[Title] = field(default_factory=list)  # count once linked to a person
    person: bool = False        # a title or an honorific says this is a person
    animate: bool = False       # speaks ("X said") or takes "who": a person or a body, not a thing
    org: bool = False           # written with an organisation word
    ner: str | None = None      # spaCy's type
    rank: int = 0               # 3 split off a title, 2 spaCy, 1 rules, 0 weak
    acronym_for: "Mention | None" = None

    def vote(self, kind: str, weight: float) -> None:
        self.votes[kind] = self.votes.get(kind, 0.0) + weight


class SpacySyntax:
    """The parse and tags of a full-mode Doc, looked up by character offset."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.starts = doc.to_array("IDX").tolist()

    def token(self, char: int) -> Any:
        return self.doc[max(0, bisect.bisect_right(self.starts, char) - 1)]

    def modifies_right(self, start: int, limit: int) -> bool:
        t = self.token(start)
        head = t.head
        return (t.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss", "nummod")
                and t.i < head.i and head.idx < limit and head.i - t.i <= 8)

    def is_verb(self, start: int) -> bool:
        t = self.token(start)
        return t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")

    def is_propn(self, start: int) -> bool:
        t = self.token(start)
        return t.pos_ == "PROPN" or t.ent_type != 0

    def entity_label(self, start: int) -> str:
        return self.token(start).ent_type_

    def entity_span(self, start: int) -> tuple[int, int] | None:
        t = self.token(start)
        if not t.ent_type:
            return None
        i, j = entity_bounds(t)
        return self.doc[i].idx, self.doc[j - 1].idx + len(self.doc[j - 1])

    def appos_head(self, start: int, end: int) -> int | None:
        """Char start of the word a name (chars start..end) is an appositive of."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        return root.head.idx if root.dep_ == "appos" and root.head.i < span.start else None


# -- putting the candidates together ---------------------------------------------------------
def find_mentions(doc: Any, w: Words, lex: Lexicon, syntax: SpacySyntax | None) -> list[Mention]:
    ents = _clean_ents(doc, w, lex.parties) if syntax is not None else []
    ner = _NerIndex(w, ents)

    split: list[Mention] = []
    plain: list[Mention] = []
    runs = join_orgs(w, lex, capital_runs(w))
    # last words of longer names: written alone at a sentence start they are still the
    # surname ("Ekdahl added:"), whatever the tagger makes of them
    surnames = frozenset(w.low[r1] for r0, r1 in runs if r1 > r0 and w.alpha(r1)
                         and not w.poss[r0])
    for r0, r1 in runs:
        _from_run(w, lex, r0, r1, syntax, ner, split, plain, surnames)

    kept: list[Mention] = list(split)
    if syntax is not None:
        kept.extend(_resolve_ents(w, lex, syntax, ents, split, plain))
    else:
        for m in plain:
            if m.first == m.last and _group_word(w, m.first) and not w.sent[m.first]:
                m.vote("group", _RULE_VOTE)
            elif m.first > 0 and w.low[m.first - 1] in _PLACE_PREPS and not m.org:
                m.vote("place", 1.0)   # "in Ghana"
        kept.extend(plain)
    mentions = _drop_overlaps(kept)
    _link_acronyms(w, mentions)
    for m in mentions:
        _add_titles(w, lex, m, syntax)
        m.animate = _animate(w, m)
        if not m.person and _org_apposition(w, lex, m):
            m.vote("organization", _ORG_WORD)
    for prev, m in zip(mentions, mentions[1:]):   # "Sens. Bob Corker and Lindsey Graham"
        if (m.first == prev.last + 2 and w.low[m.first - 1] == "and" and not m.titles
                and prev.titles and prev.titles[0].plural):
            m.titles.append(prev.titles[0])
            m.person = True
    return mentions


def _from_run(w: Words, lex: Lexicon, r0: int, r1: int, syntax: SpacySyntax | None,
              ner: _NerIndex, split: list[Mention], plain: list[Mention],
              surnames: frozenset[str] = frozenset()) -> None:
    # an article or a word capitalised only because it starts the sentence is not a name
    while r0 <= r1 and (w.low[r0] in DETS or w.word[r0] == "I"
                        or (w.sent[r0] and _sentence_word(w, lex, r0, syntax)
                            and not (r0 == r1 and w.low[r0] in surnames
                                     and not w.common_at_start(r0)))):
        r0 += 1
    while r0 <= r1 and w.low[r0] in lex.calendar and r0 < r1:
        r0 += 1
    # "Vogt Tuesday declined": a weekday after a name is the date, not part of it (months
    # stay: "Theresa May")
    while r1 > r0 and w.low[r1] in lex.calendar and w.low[r1].endswith("day") \
            and not _has_org(w, lex, r0, r1):   # but "Fox News Sunday" is a programme
        r1 -= 1
    if r0 > r1:
        return
    if r1 > r0 and all(w.word[k].isupper() for k in range(r0, r1 + 1)) \
            and any(len(w.word[k]) >= 5 for k in range(r0, r1 + 1)):
        return  # a dateline or a shouted phrase, not a name
    k = _split_title(w, lex, r0, r1, ner)
    if k is None:
        k = _split_complement(w, lex, r0, r1)
    if k is not None:
        m = _mention(w, k, r1, rank=3)
        m.person = True
        if lex.head_kind(w.low[k - 1]) != "honorific":
            t = title_before(w, lex, k, syntax, w.name_end[r1])
            if t is not None:
                m.titles.append(t)
        split.append(m)
        return
    # "Democrat Hillary Clinton": the party is not part of the name
    while r0 < r1 and w.low[r0] in lex.parties and valid_name(w, lex, r0 + 1, r1):
        r0 += 1
    if r0 == r1 and (w.low[r0] in lex.calendar or _adjective(w, r0)):
        return
    org = _has_org(w, lex, r0, r1)
    last = w.low[r1]
    m = _mention(w, r0, r1, rank=1)
    if org:
        m.org = True
        m.vote("organization", _ORG_WORD)
    elif last in lex.place_words or (r1 > r0 and w.low[r0] in lex.place_first):
        m.vote("place", _ORG_WORD)
    elif last in lex.thing_words:
        m.vote("other", _ORG_WORD)
    elif r1 > r0 and valid_name(w, lex, r0, r1, _ANY):
        m.vote("person", _RULE_VOTE)
    elif r1 > r0:
        return  # "Former Deputy Secretary": a title with no name
    plain.append(m)


def _adjective(w: Words, k: int) -> bool:
    """"Democratic-leaning", "GOP-heavy": a compound adjective, not a name."""
    tail = w.word[k].rsplit("-", 1)
    return len(tail) == 2 and tail[1][:1].islower() and len(tail[1]) > 2


def _sentence_word(w: Words, lex: Lexicon, k: int, syntax: SpacySyntax | None) -> bool:
    """The first word of a sentence that is a common word, not part of a name."""
    low = w.low[k]
    if lex.title_word(low) or lex.head_kind(low) is not None:
        return False
    if w.common_at_start(k):
        return True
    return syntax is not None and not syntax.is_propn(w.start[k])


def _mention(w: Words, a: int, b: int, rank: int) -> Mention:
    return Mention(w.start[a], w.name_end[b], a, b, rank=rank)


def _clean_ents(doc: Any, w: Words, parties: frozenset[str]) -> list[tuple[int, int, str]]:
    """spaCy's entities as word ranges, trimmed of what is not part of a name: articles,
    quotes and dashes, a party word before a person ("Democrat Hillary Clinton"), a
    dateline ("BRUSSELS - European"), a trailing clause ("Vikings - while"), a name after a
    possessive ("Green Party’s [Jill Stein]")."""
    out = []
    text = w.text
    for ent in doc.ents:
        if ent.label_ not in NER_TYPES:
            continue
        s, e = ent.start_char, ent.end_char
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum() and text[e - 1] != ".":
            e -= 1
        if e <= s or "\n" in text[s:e]:
            continue
        a = bisect.bisect_right(w.start, s) - 1
        b = bisect.bisect_left(w.start, e) - 1
        if a < 0 or b < a:
            continue
        for k in range(a, b + 1):
            if w.word[k] in _DASHES:
                if all(w.word[q].isupper() or not w.alpha(q) for q in range(a, k)):
                    a = k + 1          # a dateline before the dash
                else:
                    b = k - 1
                break
            if w.poss[k] and k < b:
                b = k
                break
        while b > a and (not w.alpha(b) or (not w.cap[b] and w.low[b] in FUNCTION_WORDS)):
            b -= 1
        while a < b and (w.low[a] in DETS or (ent.label_ == "PERSON" and w.low[a] in parties)):
            a += 1
        if (b < a or w.low[a] in DETS or w.headline[a] or _adjective(w, b)
                or not any(c.isupper() for c in w.word[a])):
            continue
        out.append((a, b, ent.label_))
    return out


def _resolve_ents(w: Words, lex: Lexicon, syntax: SpacySyntax, ents: list[tuple[int, int, str]],
                  split: list[Mention], plain: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    used_plain: set[int] = set()
    # which rule mention or title covers each word, so that every lookup is direct
    plain_at = {k: idx for idx, p in enumerate(plain) for k in range(p.first, p.last + 1)}
    split_at = {k: m for m in split for k in range(m.first, m.last + 1)}
    title_at: dict[int, Title] = {}
    for m in split:
        for t in m.titles:
            for k in range(bisect.bisect_left(w.start, t.start), m.first):
                title_at.setdefault(k, t)
    for a, b, label in ents:
        s, e = w.start[a], w.name_end[b]
        over = {id(m): m for k in range(a, b + 1) if (m := split_at.get(k)) is not None}
        if over:
            for m in over.values():
                if label == "PERSON" and m.start <= s and e <= m.end:
                    m.vote("person", 1.0)
            continue
        inside = title_at.get(a)
        if inside is not None and title_at.get(b) is inside:
            if label not in ("GPE", "NORP") and w.text[s:e] != inside.affiliation:
                continue
        elif _in_office_name(w, lex, a, b) or all(
                (lex.title_word(w.low[k]) or lex.head_kind(w.low[k]) == "honorific")
                and w.low[k] not in lex.org_words for k in range(a, b + 1)):
            continue
        first, last = a, b
        extra: dict[str, float] = {}
        for idx in sorted({plain_at[k] for k in range(a, b + 1) if k in plain_at}):
            p = plain[idx]
            used_plain.add(idx)
            if p.start == s and p.end == e:      # same words: the rules' evidence counts too
                extra = p.votes
            # spaCy left out a first name: "Souza" in "Ana Souza"
            elif (label == "PERSON" and p.start < s and p.end >= e and not p.org
                    and all(syntax.is_propn(w.start[k]) for k in range(p.first, a))):
                first = p.first
            # spaCy cut an organisation short: "Northeast Ohio Coalition [for the Homeless]"
            elif label != "PERSON" and p.org and p.start <= s and e <= p.end:
                first, last, label = p.first, p.last, "ORG"
        m = _mention(w, first, last, rank=2)
        m.ner = NER_TYPES[label]
        m.vote(m.ner, 1.0)
        for kind, weight in extra.items():
            m.vote(kind, weight)
        m.org = _has_org(w, lex, m.first, m.last)
        if (m.ner == "organization" and m.first == m.last and not m.org
                and not acronym(w.word[m.first]) and _place_context(w, lex, m.first)):
            m.vote("place", _PLACE_OVER_ORG)
        out.append(m)
    for idx, p in enumerate(plain):
        if idx in used_plain:
            continue
        if p.org:
            out.append(p)
        elif p.first == p.last:
            p.rank = 0
            out.append(p)
        elif p.votes and all(syntax.is_propn(w.start[k]) for k in range(p.first, p.last + 1)):
            p.rank = 0
            out.append(p)
    return out


_KIND_ENDS = frozenset((",", ".", ";", ")", "that", "which", "whose", "based", "owned", "run",
                        "founded", "with", "in", "from"))


def _org_apposition(w: Words, lex: Lexicon, m: Mention) -> bool:
    """The name is set off next to a noun that describes an organisation: "a London
    consultancy, Ashby Lorne," or "Ashby Lorne, a consultancy based in ...": whatever
    the name looks like, it names that organisation."""
    n = len(w)
    k = m.first
    if k >= 2 and w.word[k - 1] == "," and not w.brk[k] and not w.cap[k - 2] \
            and w.low[k - 2] in lex.org_kinds \
            and any(w.low[j] in DETS for j in range(max(0, k - 6), k - 2)):
        return True
    j = m.last + 1
    if w.poss[m.last] or j + 2 >= n or w.word[j] != "," or w.low[j + 1] not in DETS:
        return False
    for q in range(j + 2, min(n, j + 7)):
        if w.low[q] in lex.org_kinds and not w.cap[q]:
            return q + 1 >= n or w.low[q + 1] in _KIND_ENDS
        if w.brk[q] or not w.alpha(q) or (w.low[q] in FUNCTION_WORDS and not w.cap[q]):
            return False
    return False


def _place_context(w: Words, lex: Lexicon, k: int) -> bool:
    """"in Hessel", "through Hessel", "the town of Hessel"."""
    if k < 1 or w.brk[k]:
        return False
    if w.low[k - 1] in _PLACE_PREPS:
        return True
    return k >= 2 and w.low[k - 1] == "of" and w.low[k - 2] in lex.place_words \
        and not w.cap[k - 2]


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    mentions.sort(key=lambda m: (m.start, -m.rank, -(m.end - m.start)))
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            prev = out[-1]
            if (m.rank, m.end - m.start) > (prev.rank, prev.end - prev.start):
                out[-1] = m
            continue
        out.append(m)
    return out


def _link_acronyms(w: Words, mentions: list[Mention]) -> None:
    """"the International Monetary Fund (IMF)": the acronym names the same organisation."""
    for prev, m in zip(mentions, mentions[1:]):
        if (m.first == m.last and m.first >= 2 and m.last + 1 < len(w)
                and w.word[m.first - 1] == "(" and w.word[m.last + 1] == ")"
                and prev.last == m.first - 2 and prev.last > prev.first
                and acronym(w.word[m.first])):
            m.acronym_for = prev


def _animate(w: Words, m: Mention) -> bool:
    """The mention is the subject of a speech verb ("Lee said", "Lee, 54, told"), follows
    one ('," said Lee') or takes a "who" clause ("Lee, who runs a bakery"): whatever the
    name looks like, it is not a work, a law or an event."""
    n = len(w)
    if not w.poss[m.last]:
        j = skip_after_name(w, m.last + 1)
        if j < n and not w.brk[j]:
            if is_cue_word(w.low[j]) and not w.cap[j]:
                return True
            if w.word[j] == "," and j + 1 < n and w.low[j + 1] == "who":
                return True
    k = m.first - 1
    return (k >= 1 and not w.brk[m.first] and not w.cap[k] and is_cue_word(w.low[k])
            and (w.word[k - 1] == "," or w.word[k - 1] in _CLOSE_QUOTES))


def _add_titles(w: Words, lex: Lexicon, m: Mention, syntax: SpacySyntax | None) -> None:
    # spaCy's "other" (a work, a product) is often a foreign or hyphenated name: an office
    # next to it still makes it a person ("Ama Owusu-Bekoe, the region's governor")
    if m.org or m.ner == "group":
        return
    found: list[Title] = list(m.titles)
    if m.rank != 3:
        t = title_before(w, lex, m.first, syntax, m.end)
        if t is not None:
            found.append(t)
    around: list[Title] = []
    if not w.poss[m.last]:
        t = title_after(w, lex, m.last + 1, syntax)
        if t is not None:
            around.append(t)
    appos = False
    if syntax is not None and m.first >= 2 and w.word[m.first - 1] == ",":
        appos = syntax.appos_head(m.start, m.end) == w.start[m.first - 2]
    t = title_role_before(w, lex, m.first, m.last + 1, syntax, appos)
    if t is not None:
        around.append(t)
    kind = m.ner or (max(m.votes, key=m.votes.get) if m.votes else None)
    if kind in (None, "person") and (syntax is not None or m.last > m.first or m.person):
        found.extend(around)
        m.titles = found
    else:
        # spaCy (or the rules) call it a place or an organisation, or it is one word that
        # links to nobody yet: an office written before a name still makes a person
        # ("Finance Minister Lena Vogt"), an office around a name-like mention too
        # ("Jean-Marc Ayrault, the foreign minister of France"); other titles wait until
        # the mention turns out to be a known person's surname ("Estonia, a NATO member")
        named = m.last > m.first and valid_name(w, lex, m.first, m.last, _ANY)
        # an initial or a suffix only people have: "Vann R. Newkirk II, a writer"
        personal = named and any(_initial(w.word[k]) or w.low[k] in SUFFIXES
                                 for k in range(m.first + 1, m.last + 1))
        m.titles = [t for t in found if t.kind == "office"] + [
            t for t in around if named and (t.kind == "office" or personal or m.ner == "other")]
        m.weak_titles = [t for t in found + around if t not in m.titles]
    if m.titles:
        m.person = True
