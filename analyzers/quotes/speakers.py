"""Who said it: the names, organisations and pronouns of a text, and the rules that link a
speaker mention to them: by position (same or previous paragraph), by number and kind
(person or organisation) and by gender cues ("he", "Mr", "Ms", a first name)."""

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


# head nouns of an organisation named by a description ("the finance ministry", "the
# port authority"); written by the slant developers
ORG_HEADS = frozenset("""
    ministry department council party bank committee union university court campaign
    commission agency office association institute foundation company firm network
    parliament government administration service board police army navy authority
    regulator embassy federation alliance coalition cabinet charity organisation
    organization league club team insurer lender airline operator utility newspaper
    broadcaster group trust consortium
""".split())


# a definite description of an organisation: "the Dutch finance ministry", "The Norland
# central bank", "the port authority" (up to three modifiers before the head)
_ORG_NP = re.compile(r"(?<![\w’'])[Tt]he\s+(?:(?!(?:the|a|an|of|and|or|to|in|on|for|by|with|from|at"
                     r"|as|said|says|is|was|its|their|his|her)\b)[\w’'\-.]+\s+){0,3}?"
                     r"(?:%s)(s|es)?(?![\w’'\-])" % "|".join(sorted(ORG_HEADS)))


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
    else spaCy's NER, else capitalised runs (rule-only mode); and in every mode the
    definite descriptions of organisations ("the finance ministry")."""

    def __init__(self, doc: Doc, ctx: Context, paras: list[tuple[int, int]] | None = None):
        self.text = text = ctx.text
        self.ctx = ctx
        self.paras = paras or [(0, len(text))]
        self.para_starts = [p[0] for p in self.paras]
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
        best = self.overlapping(span)
        if best is not None:
            return best
        return self.surname(span)

    def overlapping(self, span: tuple[int, int]) -> _Mention | None:
        """The mention sharing most characters with `span`."""
        k = bisect.bisect_left(self.starts, span[1])
        best = None
        for m in reversed(self.mentions[max(0, k - 8):k]):
            if m.end > span[0] and m.start < span[1]:
                size = min(m.end, span[1]) - max(m.start, span[0])
                if best is None or size > best[0]:
                    best = (size, m)
        return best[1] if best is not None else None

    def surname(self, span: tuple[int, int]) -> _Mention | None:
        """"Lind" for the one entity whose name ends in it."""
        word = self.text[span[0]:span[1]]
        last = word.split()[-1].lower().strip(".,") if word.split() else ""
        ent = self.by_surname.get(last)
        if ent is not None and word[:1].isupper():
            return _Mention(span[0], span[1], "person", ent, ent.name)
        return None

    def resolve(self, pos: int, want: str | None) -> _Mention | None:
        """The antecedent of a pronoun: walking back sentence by sentence through the same
        and the previous paragraph (then at most three sentences more, for the one-line
        paragraphs of news), the first fitting name outside quotes in the nearest
        sentence that has one (the first is usually the subject, the likeliest speaker).
        "he" and "she" skip names the text itself marks as the other gender; "it" takes
        an organisation, a place or a group, never a person."""
        if want is None:
            return None   # "I", "we": the writer or a group, not resolved
        k = bisect.bisect_right(self.para_starts, pos) - 1
        window = self.para_starts[max(0, k - 1)] if k >= 0 else 0
        for sentence in self.sentences_before(pos, window, extra=3):
            if want in ("m", "f"):
                people = [m for m in sentence if m.type in ("person", "any")
                          and self.gender(m) in (want, None)]
                # "Tomas Berg met Ana Lund. 'she said'": a name known to fit first
                sure = [m for m in people if self.gender(m) == want]
                if sure or people:
                    return (sure or people)[0]
                continue
            for m in sentence:
                if want == "any" or m.type == want or (m.type == "any" and want == "org"):
                    return m
        return None

    def before(self, pos: int, window: int, extra: int = 0):
        """Mentions outside quotes before `pos`, nearest sentence first (in text order
        within a sentence)."""
        for sentence in self.sentences_before(pos, window, extra):
            yield from sentence

    def sentences_before(self, pos: int, window: int, extra: int = 0):
        """The mentions outside quotes of each sentence before `pos`, sentence by sentence
        backwards, back to `window` and then `extra` sentences more."""
        text = self.text
        hi = pos
        beyond = 0
        while hi > 0:
            lo = self.ctx.sents.start(max(0, hi - 1500), hi)
            if lo >= hi:
                lo = max(0, hi - 1)
            if lo < window:
                beyond += 1
                if beyond > extra:
                    return
            a = bisect.bisect_left(self.starts, lo)
            b = bisect.bisect_left(self.starts, hi)
            found = [m for m in self.mentions[a:b]
                     if m.end <= pos and not inside(m.start, self.ctx.pieces)]
            if found:
                yield found
            hi = lo - 1 if lo > 0 else 0
            while hi > 0 and text[hi - 1].isspace():
                hi -= 1

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
    r"\b(?:(Mr|Sir|Lord|King|Father|Congressman|Chairman|Spokesman|Prince|Duke|Brother)"
    r"|(Mrs|Ms|Miss|Madam|Lady|Dame|Queen|Congresswoman|Chairwoman|Spokeswoman|Princess"
    r"|Duchess|Sister))\.?\s+$", re.IGNORECASE)


# common English first names whose gender is near certain, written by the slant
# developers; a weak vote (a pronoun or an honorific in the text outweighs it)
_MALE_NAMES = frozenset("""
    james john robert michael william david richard joseph thomas charles christopher
    daniel matthew mark donald paul steven andrew kenneth joshua kevin brian george edward
    ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack
    dennis jerry tyler aaron henry peter adam harold douglas zachary walter kyle carl
    arthur gerald roger keith jeremy lawrence terry sean albert joe christian austin
    willie jesse ethan billy bruce bryan ralph roy jordan eugene wayne louis alan juan
    luis carlos jose pedro ahmed mohammed muhammad ali omar hans klaus jonah tom bill
    bernie mike chris tim jim ben sam dan nick tomas ivo
""".split())
_FEMALE_NAMES = frozenset("""
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa
    deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary petra lena ana ana sofia fatima aisha ingrid greta
    elena irina olga nadia
""".split())


_GENDERED = re.compile(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b", re.IGNORECASE)


_STOP = re.compile(r"[.!?;]\s")


def _genders(text: str, mentions: list[_Mention]) -> dict[str, str]:
    """Evidence of each person's gender in the text itself: an honorific before a mention
    ("Mrs. Cole"), or the first gendered pronoun after it in the same sentence when no
    other name comes between ("Cole said her plan ...")."""
    votes: dict[str, list[float]] = {}
    people = [m for m in mentions if m.type in ("person", "any")]
    for n, m in enumerate(people):
        v = votes.setdefault(_key(m), [0, 0])
        h = _HONORIFIC.search(text, max(0, m.start - 14), m.start)
        if h:
            v[0 if h.group(1) else 1] += 2
        first = m.name.split()[0].lower() if len(m.name.split()) > 1 else ""
        if first in _MALE_NAMES or first in _FEMALE_NAMES:
            v[0 if first in _MALE_NAMES else 1] += 0.5
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
    covered = [(m.start, m.end) for m in out if m.type == "org"]
    for m in _ORG_NP.finditer(text):
        head = text.rfind(" ", m.start(), m.end()) + 1
        if any(a <= head < b for a, b in covered):
            continue   # "the Bank of Norland" as an entity already
        name = text[m.start():m.end()]
        kind = "plural" if m.group(1) else "org"   # "the unions": they, not it
        out.append(_Mention(m.start(), m.end(), kind, None, "t" + name[1:]))
    out.sort(key=lambda m: (m.start, m.end))
    return out
