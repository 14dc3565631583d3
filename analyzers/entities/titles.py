"""Titles and roles written around a person's name.

Three places are read, over the words of `entity_words`:

- before the name: "German Finance Minister Lena Vogt", "former Deputy Secretary of Defense
  R. Alan Pierce", "Brazil's chief trade negotiator Ana Souza", "Sen. Ted Cruz";
- an appositive after it: "Kofi Mensah, Ghana's central bank governor, said";
- a role set off before it: "the ministry's spokeswoman, Jane Roe, said".

What goes where (the contract of `Title`):

- `text` is the whole role phrase as written (white space collapsed): modifiers, the
  affiliation and an "of ..." complement included ("former Deputy Secretary of Defense",
  "Ghana's central bank governor", "director of infrastructure lending").  A leading article
  is dropped ("the chief negotiator" -> "chief negotiator") unless it belongs to a possessor
  ("the ministry's spokeswoman").  Honorifics ("Mr.", "Dr.") are not titles.
- `affiliation` is the country, organisation, party or person the title ties the holder to,
  as written and without a possessive: the possessor ("Ghana" from "Ghana's", "the ministry",
  "Hillary Clinton" from "Hillary Clinton's campaign manager"), else the object of a
  complement that names one ("the IMF" in "director of the IMF", "the Center for ..." in "a
  scholar at the Center for ..."), else the proper name the title starts with ("German",
  "Tulsa", "White House", "UN").  Portfolio words are part of the office, not affiliations:
  "Finance" in "Finance Minister", "State" in "Secretary of State".
- `kind` is "office" or "role" after the head word's section in titles.toml.

The office vocabulary lives in assets/lexicons/titles.toml (loaded once, cached).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .lexicon import DETS, FUNCTION_WORDS, Lexicon
from .words import Words

COMPLEMENT_PREPS = frozenset(("of", "for"))
APPOSITIVE_PREPS = frozenset(("of", "at", "for", "with", "from", "in", "on", "to"))
AFFILIATION_PREPS = frozenset(("of", "for", "at", "with"))
_TERMINATORS = frozenset((",", ".", ";", ":", ")", "—", "–", "!", "?", '"', "”"))
_CLAUSE_WORDS = frozenset(("who", "which", "that", "whose", "whom", "where", "when", "and",
                           "or", "but", "said", "says", "told", "added", "is", "was", "has",
                           "had", "will", "would", "as"))
_PRONOUNS = frozenset(("his", "her", "their", "its", "our", "my", "your", "whose"))
# modifiers that open a title: nothing but a possessor, an article or a proper name before
_OPENERS = frozenset(("former", "then", "ex", "retired", "longtime", "long-time", "late",
                      "onetime", "one-time", "outgoing", "incoming", "erstwhile", "current"))
_NAME_JOINERS = frozenset(("of", "for", "the", "&", "and"))
_AFFILIATION_LABELS = frozenset(("ORG", "GPE", "NORP", "PERSON", "LOC", "FAC"))
_IN_NAME = frozenset(("of", "for", "and", "the", "a", "an", "&", "de"))   # inside a complement
_COPULAS = (("who", "is", "now"), ("who", "was", "then"), ("who", "is"), ("who", "was"),
            ("who", "served", "as"), ("who", "serves", "as"), ("who", "became"),
            ("now",), ("then",))
_MAX_TITLE_WORDS = 9
_MAX_UNKNOWN = 3


class Syntax(Protocol):
    """What the title rules ask of a statistical parse (None in rule-only mode)."""

    def modifies_right(self, start: int, limit: int) -> bool:
        """The token at char `start` is a compound/amod whose head lies before `limit`."""

    def is_verb(self, start: int) -> bool: ...

    def is_propn(self, start: int) -> bool:
        """A proper noun, or a word inside one of spaCy's entities."""

    def entity_label(self, start: int) -> str: ...

    def entity_span(self, start: int) -> tuple[int, int] | None: ...


@dataclass
class Title:
    start: int                 # char offsets of the title as written
    end: int
    text: str
    head: str                  # the head word, lower case, spelled out: "sen." -> "senator"
    kind: str                  # "office" | "role"
    affiliation: str | None
    where: str                 # "before" | "appositive" | "role"
    plural: bool = False       # "Sens. Bob Corker and Lindsey Graham": shared by the next name


# -- the head of a title ---------------------------------------------------------------------
def head_at(w: "Words", lex: Lexicon, p: int, plural: bool = False) -> tuple[int, str, str] | None:
    """A title head ending at word p: (first word of the head, head word, kind).  A plural
    head ("Sens.", "senators") counts only before names (`plural`)."""
    low = w.low[p]
    for words, kind in lex.phrases.get(low, ()):
        n = len(words)
        if p - n + 1 >= 0 and tuple(w.low[p - n + 1:p + 1]) == words \
                and not any(w.poss[p - n + 1:p]):
            return p - n + 1, low, kind
    kind = lex.head_kind(low)
    if kind in ("office", "role"):
        return p, low, kind
    if plural:
        kind = lex.plural_kind(low)
        if kind is not None:
            return p, low.rstrip(".").rstrip("s"), kind
    return None


def _weak_head(w: "Words", lex: Lexicon, head: int, first: int) -> bool:
    """A lone lower-case head that is mostly an adjective ("general", "chief", "head")."""
    return first == head and not w.cap[head] and w.low[head] in lex.modifiers


def _break_before(w: "Words", k: int) -> bool:
    """A line break before word k; there is none after the last word."""
    return k < len(w.brk) and w.brk[k]


def complement_head(w: "Words", lex: Lexicon, i: int) -> tuple[int, int] | None:
    """For words ending before i written "OFFICE of|for [the] Capitalised...", as in
    "Secretary of State" or "Speaker of the House": (office word index, preposition index)."""
    j = i - 1
    caps = 0
    while j >= 0 and caps < 5 and not _break_before(w, j + 1):
        if w.cap[j] and not w.poss[j]:
            caps += 1
            j -= 1
        elif w.low[j] == "and" and caps and j > 0 and w.cap[j - 1]:
            j -= 1
        else:
            break
    if not caps or j < 1:
        return None
    if w.low[j] in DETS:
        j -= 1
    if j < 1 or w.low[j] not in COMPLEMENT_PREPS:
        return None
    found = head_at(w, lex, j - 1)
    if found is None or found[2] != "office":
        return None
    return j - 1, j


# -- extending a title to the left -----------------------------------------------------------
def extend_left(w: "Words", lex: Lexicon, first: int, limit_char: int,
                syntax: Syntax | None) -> tuple[int, int | None]:
    """The first word of a title whose head group starts at word `first`, and the index of a
    possessive word inside it (or None)."""
    left = first
    head_cap = w.cap[first]
    opened = _opens(w.low[first])
    unknown: list[int] = []
    j = first - 1
    while j >= 0 and first - j <= _MAX_TITLE_WORDS and not _break_before(w, j + 1):
        low = w.low[j]
        if w.poss[j]:
            k = j
            if w.cap[j]:
                while k > 0 and not w.brk[k] and w.cap[k - 1] and not w.poss[k - 1] \
                        and _cap_ok(w, lex, k - 1, syntax):
                    k -= 1
            if k > 0 and not w.brk[k] and w.low[k - 1] in DETS:
                k -= 1
            if w.cap[j] or w.low[k] in DETS:
                return k, j
            return left, None     # a lower-case possessor without article: stop before it
        if low in _PRONOUNS:
            break
        if low in DETS:
            if unknown and not head_cap:   # "the nursing home owner": the article confirms
                left = unknown[-1]
            break
        if opened and not w.cap[j]:
            break                 # "former" opens a title: "the investigation former Secretary"
        if w.alpha(j) and lex.title_word(low):
            left = j
            unknown.clear()
            opened = _opens(low)
        elif w.cap[j] and _cap_ok(w, lex, j, syntax):
            if unknown:           # a name cannot confirm unknown words before a title
                break
            left = j
            if w.sent[j]:
                break
        elif low in ("of", "for") and w.cap[left] and j > 0 and w.cap[j - 1] \
                and w.low[j - 1] in lex.org_words:
            pass             # "Bank of England Governor"
        elif w.alpha(j) and not w.cap[j] and low not in FUNCTION_WORDS \
                and low not in _CLAUSE_WORDS and not w.cap[unknown[-1] if unknown else left]:
            # an unknown word may only lead into lower-case title words: "talk radio host",
            # not "the network President"
            if syntax is not None:
                if not syntax.modifies_right(w.start[j], limit_char):
                    break
                left = j
            else:
                unknown.append(j)
                if len(unknown) > _MAX_UNKNOWN:
                    break
        else:
            break
        if w.sent[j]:
            break
        j -= 1
    return left, None


def _opens(low: str) -> bool:
    return low in _OPENERS or low.split("-", 1)[0] in _OPENERS   # "then-Secretary"


def _cap_ok(w: "Words", lex: Lexicon, j: int, syntax: Syntax | None) -> bool:
    """A capitalised word that may open or continue a title (not a sentence's first word
    that is only capitalised for that, not a weekday)."""
    low = w.low[j]
    if low in lex.calendar or not w.alpha(j):
        return False
    if w.sent[j] and not lex.title_word(low):
        if w.common_at_start(j):
            return False
        if syntax is not None and not syntax.is_propn(w.start[j]):
            return False
    return True


# -- building a Title --------------------------------------------------------------------------
def _make(w: "Words", lex: Lexicon, a: int, b: int, head: str, kind: str, where: str,
          poss: int | None, complement: tuple[int, int] | None,
          syntax: Syntax | None) -> Title:
    while a < b and w.low[a] in DETS and not (poss is not None and a + 1 <= poss):
        a += 1
    start, end = w.start[a], w.end[b]
    text = " ".join(w.text[start:end].split())
    return Title(start, end, text, lex.canonical(head), kind,
                 _affiliation(w, lex, a, b, poss, complement, syntax), where)


def _affiliation(w: "Words", lex: Lexicon, a: int, b: int, poss: int | None,
                 complement: tuple[int, int] | None, syntax: Syntax | None) -> str | None:
    if poss is not None:
        return _clean(w.text[w.start[a]:w.name_end[poss]])
    if complement is not None:
        c0, c1 = complement
        for k in range(c0 + 1, c1 + 1):   # "the opposition group on the council": cut at "on"
            low = w.low[k]
            if low in APPOSITIVE_PREPS and (low not in AFFILIATION_PREPS or not w.cap[k - 1]):
                c1 = k - 1
                break
        caps = [k for k in range(c0, c1 + 1) if w.cap[k]]
        # "director of the IMF", "the National Security Council"; not "Secretary of State"
        if len(caps) >= 2 or any(w.low[k] not in lex.domains and w.low[k] not in lex.modifiers
                                 for k in caps):
            return _clean(w.text[w.start[c0]:w.name_end[c1]])
    k = a
    while k <= b and w.low[k] in lex.modifiers and lex.head_kind(w.low[k]) is None:
        k += 1
    run = []
    while k <= b and lex.head_kind(w.low[k]) is None and lex.plural_kind(w.low[k]) is None \
            and w.low[k] not in lex.modifiers:
        if w.cap[k] and w.alpha(k):
            run.append(k)
        elif not (run and w.low[k] in _NAME_JOINERS and k < b and w.cap[k + 1]):
            break          # "Bank of England Governor": "of" joins the name
        k += 1
    if syntax is not None and run:  # spaCy knows which words name something: take the last
        named = [r for r in run if syntax.entity_label(w.start[r]) in _AFFILIATION_LABELS]
        if named:
            ent = syntax.entity_span(w.start[named[-1]])
            named = [r for r in named if ent is None or ent[0] <= w.start[r] < ent[1]]
        run = named
    if not run:
        return None
    # "German Finance" -> "German"; a run of domain words only ("White House") stays whole
    while len(run) > 1 and w.low[run[-1]] in lex.domains \
            and w.low[run[-1]] not in lex.org_words and any(
            w.low[r] not in lex.domains for r in run[:-1]):
        run.pop()
    if syntax is None and len(run) == 1 and w.low[run[0]] in lex.domains \
            and w.low[run[0]] not in lex.org_words:
        return None        # "Police Chief": a portfolio, not an affiliation
    return _clean(w.text[w.start[run[0]]:w.name_end[run[-1]]])


def _clean(s: str) -> str | None:
    s = " ".join(s.split()).strip(" ,")
    return s or None


# -- the three places ----------------------------------------------------------------------
def title_before(w: "Words", lex: Lexicon, i: int, syntax: Syntax | None = None,
                 name_end: int | None = None) -> Title | None:
    """A title written right before the name that starts at word i (and ends at char
    `name_end`)."""
    p = i - 1
    if p < 0 or w.brk[i] or w.poss[p]:
        return None
    found = head_at(w, lex, p, plural=True)
    if found is not None:
        first, head, kind = found
        complement = None
        # "in general Trump ...": a lone "general" needs a title word before it
        if _weak_head(w, lex, p, first) and not (
                first > 0 and not w.brk[first] and lex.title_word(w.low[first - 1])):
            return None
    else:
        comp = complement_head(w, lex, i)
        if comp is None:
            return None
        first, prep = comp
        head, kind = w.low[first], "office"
        complement = (prep + 1, p)
        first = head_at(w, lex, first)[0]  # type: ignore[index]
    a, poss = extend_left(w, lex, first, name_end or w.end[i], syntax)
    title = _make(w, lex, a, p, head, kind, "before", poss, complement, syntax)
    title.plural = complement is None and lex.head_kind(w.low[p]) is None
    return title


