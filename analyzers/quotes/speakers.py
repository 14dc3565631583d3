"""Who said it: names and pronouns resolved to the entities the article mentions, by position
and by gender cues ("he", "Mr", "Ms")."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from spacy.attrs import ENT_IOB
from spacy.tokens import Doc
from .. import spans
from ..model import Entity
from .attribution import Context, has, inside


# pronoun -> what it may stand for: a man, a woman, an organisation, anything; None: the
# first person is the writer or a group and is not resolved
PRONOUNS = {"he": "m", "she": "f", "it": "org", "they": "any", "we": None, "i": None}


_ORG_TYPES = ("organization", "group", "place")


_ROLE_TO_NAME = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+")


INNER_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")


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


# -- speakers -> entities ------------------------------------------------------------------
class Names:
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
                and self.text[span[0]:span[1]].lower() not in PRONOUNS:
            return self.mentions[k].start, self.mentions[k].end
        return span

    def link(self, span: tuple[int, int]) -> _Mention | None:
        """The name a speaker mention stands for (a pronoun is resolved)."""
        word = self.text[span[0]:span[1]]
        if word.lower() in PRONOUNS:
            return self.resolve(span[0], PRONOUNS[word.lower()])
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
