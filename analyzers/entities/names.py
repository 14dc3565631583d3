"""Candidate names: runs of capitalised words, joined into organisation names or split
at titles, and the checks that a run is a name at all."""

from __future__ import annotations

from .lexicon import DETS, Lexicon
from .titles import complement_head
from .words import FUNCTION_WORDS, Words


PARTICLES = frozenset(("de", "van", "von", "der", "den", "da", "di", "del", "della", "du",
                       "la", "le", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten"))


SUFFIXES = frozenset(("jr.", "sr.", "jr", "sr", "ii", "iii", "iv"))


_GROUP_ENDINGS = ("ans", "ese", "ists", "crats", "ites")


_DASHES = frozenset(("-", "—", "–", "―"))


_ANY: frozenset[int] = frozenset({-1})   # see valid_name


_NAME_LIKE = frozenset(("will", "may", "mark", "bill", "say", "hope", "grace"))


_OPEN_QUOTES = frozenset("\"“‘'")


_CLOSE_QUOTES = frozenset("\"”’'")


_ORG_WORD = 2.0


# -- capitalised runs ----------------------------------------------------------------------
def capital_runs(w: Words) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words on one line (particles such as "de" inside), each
    ending at a possessive."""
    runs = []
    n = len(w)
    i = 0
    while i < n:
        if not (w.cap[i] and w.alpha(i)) or w.headline[i]:
            i += 1
            continue
        j = i
        if i > 0 and w.low[i - 1] in PARTICLES and not w.cap[i - 1] and not w.brk[i] \
                and (not runs or runs[-1][1] < i - 1):
            i -= 1   # "bin Laden", "de Blasio" written without the first name
        while not w.poss[j] and j + 1 < n and not w.brk[j + 1]:
            nxt = j + 1
            if w.cap[nxt] and w.alpha(nxt):
                j = nxt
            elif (w.word[nxt] in _OPEN_QUOTES and nxt + 3 < n and w.cap[nxt + 1]
                  and w.word[nxt + 2] in _CLOSE_QUOTES and w.cap[nxt + 3] and w.alpha(nxt + 3)
                  and not w.brk[nxt + 3]):
                j = nxt + 3   # Robert C. “Bobby” Scott
            elif (w.low[nxt] in PARTICLES and nxt + 1 < n and not w.brk[nxt + 1]
                  and w.cap[nxt + 1] and w.alpha(nxt + 1)):
                j = nxt + 1
            else:
                break
        runs.append((i, j))
        i = j + 1
    return runs


def join_orgs(w: Words, lex: Lexicon, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join runs across connectors when the result names an organisation: "Bank of
    England", "Securities and Exchange Commission", "Transport Workers’ Union"."""
    glued: list[tuple[int, int]] = []
    for r0, r1 in runs:
        if glued and glued[-1][1] == r0 - 1 and w.poss[r0 - 1] and _has_org(w, lex, r0, r1):
            glued[-1] = (glued[-1][0], r1)
        else:
            glued.append((r0, r1))
    out: list[tuple[int, int]] = []
    for r0, r1 in glued:
        if out:
            a0, a1 = out[-1]
            gap = range(a1 + 1, r0)
            if (0 < len(gap) <= 2 and not w.poss[a1] and not w.brk[r0]
                    and all(w.low[k] in lex.connectors and not w.brk[k] for k in gap)):
                conn = w.low[a1 + 1]
                if conn in ("and", "&"):   # "Securities and Exchange Commission"
                    ok = len(gap) == 1 and _has_org(w, lex, r0, r1) and not _has_org(w, lex, a0, a1)
                elif conn == "on":          # "Council on Foreign Relations", not "on Monday"
                    ok = _has_org(w, lex, a0, a1) and _has_org(w, lex, r0, r1)
                else:
                    ok = conn not in DETS and _has_org(w, lex, a0, a1)
                if ok:
                    out[-1] = (a0, r1)
                    continue
        out.append((r0, r1))
    return out


def _has_org(w: Words, lex: Lexicon, a: int, b: int) -> bool:
    return any(w.low[k] in lex.org_words for k in range(a, b + 1))


def valid_name(w: Words, lex: Lexicon, a: int, b: int,
               person_words: frozenset[int] | set[int] = frozenset()) -> bool:
    """Words a..b can be a person's name.  An office word inside it is allowed where spaCy
    reads a name ("Gov. Jim Justice"): `person_words` holds the starts of such words, or is
    `_ANY` when nothing stands before the name ("Howard Dean")."""
    if b < a or sum(w.alpha(k) for k in range(a, b + 1)) > 5:
        return False
    if not w.cap[a] and not (a < b and w.low[a] in PARTICLES):   # "de Blasio"
        return False
    solid = False
    for k in range(a, b + 1):
        low = w.low[k]
        if low in lex.org_words:
            return False
        if lex.head_kind(low) in ("office", "role") and (
                k == a or (person_words is not _ANY and w.start[k] not in person_words)):
            return False
        if not (len(low) <= 2 and low.endswith(".")) and low not in SUFFIXES \
                and low not in PARTICLES and not lex.title_word(low) and low not in lex.calendar \
                and low not in FUNCTION_WORDS and low not in lex.honorifics:
            solid = True
    if w.low[a] in FUNCTION_WORDS and w.low[a] not in _NAME_LIKE:
        return False   # "Justice Against Sponsors ...": a name does not start with "against"
    if a == b and (w.low[a] in lex.thing_words or w.low[a] in lex.place_words
                   or _group_word(w, a) or w.low[a] in w.lowercase_seen):
        return False   # "Commander-in-Chief Forum", "Fellow Republicans", "Executive Session"
    return solid


def _split_title(w: Words, lex: Lexicon, r0: int, r1: int, ner: "_NerIndex") -> int | None:
    """First word of the name after the last title or honorific inside run r0..r1."""
    if r0 > 0 and r1 + 1 < len(w) and w.word[r0 - 1] in _OPEN_QUOTES \
            and w.word[r1 + 1] in _CLOSE_QUOTES:
        return None  # a quoted name: “King James”
    for k in range(r1 - 1, r0 - 1, -1):
        kind = lex.head_kind(w.low[k]) or lex.plural_kind(w.low[k])
        if kind is None:
            continue
        abbrev = w.word[k].endswith(".") or kind == "honorific"
        # spaCy reads "Dean Baker", "Larry King" as names: the title word is part of one
        if not abbrev and ner.inside_person(w.start[k]):
            continue
        if not valid_name(w, lex, k + 1, r1, ner.person_words):
            return None
        # "General Electric": one word after a title, and spaCy saw one organisation
        if k + 1 == r1 and ner.label_at.get(w.start[k], "PERSON") != "PERSON":
            return None
        return k + 1
    return None


class _NerIndex:
    """Where spaCy's entities are, by the char start of our words."""

    def __init__(self, w: Words, ents: list[tuple[int, int, str]]) -> None:
        self.label_at: dict[int, str] = {}
        self.person_words: set[int] = set()
        self._person_inner: set[int] = set()   # in a PERSON entity, not its last word
        for a, b, label in ents:
            for k in range(a, b + 1):
                self.label_at[w.start[k]] = label
            if label == "PERSON":
                for k in range(a, b + 1):
                    self.person_words.add(w.start[k])
                # "Representative Charles B. Rangel": a long entity may still open with a title
                for k in range(a + 1 if b - a >= 2 else a, b):
                    self._person_inner.add(w.start[k])

    def inside_person(self, start: int) -> bool:
        return start in self._person_inner


def _split_complement(w: Words, lex: Lexicon, r0: int, r1: int) -> int | None:
    """After "Secretary of", a run "Homeland Security Jeh Johnson": the name's first word."""
    best = None
    k = r0
    while k < r1 and (w.low[k] in lex.domains or w.low[k] in lex.org_words
                      or w.low[k] in lex.connectors):
        k += 1
        if w.cap[k] and valid_name(w, lex, k, r1) and complement_head(w, lex, k) is not None:
            best = k
    return best


def _in_office_name(w: Words, lex: Lexicon, a: int, b: int) -> bool:
    """Words a..b are the portfolio of an office: "State" in "Secretary of State"."""
    if not all(w.low[k] in lex.domains or w.low[k] in lex.org_words
               or w.low[k] in lex.connectors for k in range(a, b + 1)):
        return False
    return complement_head(w, lex, b + 1) is not None


def _group_word(w: Words, k: int) -> bool:
    word = w.word[k]
    return len(word) > 5 and word[1:].islower() and w.low[k].endswith(_GROUP_ENDINGS)


def _initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def acronym(word: str) -> str | None:
    letters = word.replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters
    return None
