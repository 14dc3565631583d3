"""Titles after a name: "Lena Vogt, the finance minister", "Vogt, who is now chair of ...",
and roles set off by commas before it."""

from __future__ import annotations

from .lexicon import DETS, FUNCTION_WORDS, Lexicon
from .titles import (_CLAUSE_WORDS, _COPULAS, _IN_NAME, _MAX_TITLE_WORDS, _MAX_UNKNOWN,
                     _TERMINATORS, AFFILIATION_PREPS, APPOSITIVE_PREPS, COMPLEMENT_PREPS,
                     Syntax, Title, _make, _weak_head, extend_left, head_at)
from .words import Words


def skip_after_name(w: "Words", j: int) -> int:
    """Skip a party-state or age note after a name: "(R-Utah)", ", R-Tenn.,", ", 25,",
    " of Kentucky"."""
    n = len(w)
    if j < n and w.word[j] == "(":
        k = j + 1
        while k < n and k - j <= 6 and w.word[k] != ")":
            k += 1
        if k < n and w.word[k] == ")":
            j = k + 1
    if j + 2 < n and w.word[j] == "," and w.word[j + 2] == "," and _note(w.word[j + 1]):
        j += 2
    if j + 1 < n and w.low[j] == "of" and w.cap[j + 1]:   # "Mitch McConnell of Kentucky, ..."
        k = j + 1
        while k < n and k - j <= 3 and w.cap[k] and not w.brk[k]:
            k += 1
        if k < n and w.word[k] == ",":
            j = k
    return j


def _note(word: str) -> bool:
    return word.isdigit() or (len(word) > 2 and word[1] == "-" and word[0] in "RDI"
                              and word[2:3].isupper())


def title_after(w: "Words", lex: Lexicon, j: int, syntax: Syntax | None = None) -> Title | None:
    """An appositive title after a name that ends before word j: ", Ghana's central bank
    governor,", ", one of the president's closest aides,", ", who served as ambassador"."""
    n = len(w)
    j = skip_after_name(w, j)
    if j + 1 >= n or w.word[j] != "," or w.brk[j + 1]:
        return None
    k = j + 1
    copula = False
    for lead in _COPULAS:        # ", who served as ..." reads like ", ..."
        if tuple(w.low[k:k + len(lead)]) == lead:
            k += len(lead)
            copula = True
            break
    a = k
    plural = False
    if w.low[k] == "one" and k + 1 < n and w.low[k + 1] == "of":
        k += 2                   # ", one of the president's closest aides"
        plural = True
    poss = None
    if k < n and w.low[k] in DETS:
        k += 1
    for q in range(k, min(n, k + 5)):
        low = w.low[q]
        if (not w.alpha(q) or low in _CLAUSE_WORDS or w.brk[q] or low in APPOSITIVE_PREPS
                or head_at(w, lex, q) is not None):
            break
        if w.poss[q]:
            poss, k = q, q + 1
            break
    head = None
    unknown = 0
    m = k
    while m < n and m - a < _MAX_TITLE_WORDS and not w.brk[m]:
        low = w.low[m]
        if low in APPOSITIVE_PREPS and head is not None and head[0] == m - 1:
            # "chief of staff": a title phrase runs over its preposition
            found = head_at(w, lex, m + 1) if m + 1 < n else None
            if found is not None and found[0] < m:
                head = (m + 1, found[1], found[2])
                m += 2
                continue
        if low == "and" and head is None and m > k:
            m += 1               # "a Washington-based developer and spokeswoman for ..."
            unknown = 0
            continue
        if w.word[m] in _TERMINATORS or low in APPOSITIVE_PREPS or low in _CLAUSE_WORDS:
            break
        if not w.alpha(m) and not w.word[m][:1].isdigit():
            return None
        if low in DETS or lex.head_kind(low) == "honorific":
            return None   # ", Mr. Clarke hired an investment banker": a clause, not a title
        found = head_at(w, lex, m, plural=plural)
        if found is not None:
            head = (m, found[1], found[2])
        elif lex.title_word(low) or w.cap[m]:
            pass
        elif syntax is not None and syntax.is_verb(w.start[m]):
            break
        else:
            unknown += 1
            if unknown > _MAX_UNKNOWN:
                return None
        m += 1
    if head is None or head[0] != m - 1:
        return None
    h, head_word, kind = head
    prep = w.low[m] if m < n and not w.brk[m] and w.low[m] in APPOSITIVE_PREPS else None
    # a lone "head", "chief" or "general" is an adjective unless a complement follows
    if h == k and not w.cap[h] and head_word in lex.modifiers and head_word not in lex.roles \
            and prep not in COMPLEMENT_PREPS:
        return None
    if prep is not None:
        stop = _complement_end(w, m + 1, syntax)
        if stop is not None:
            complement = (m + 1, stop) if prep in AFFILIATION_PREPS else None
            after = stop + 1
            if complement is None or not any(w.cap[q] for q in range(m + 1, stop + 1)):
                # "professor of geosciences at Princeton University": the place is in the second
                if after + 1 < n and w.low[after] in AFFILIATION_PREPS and not w.brk[after]:
                    second = _complement_end(w, after + 1, syntax)
                    if second is not None:
                        complement = (after + 1, second)
            # "director of X" names the office; "a scholar at X" says where
            b = stop if prep in COMPLEMENT_PREPS else h
            return _make(w, lex, a, b, head_word, kind, "appositive", poss, complement, syntax)
        return _make(w, lex, a, h, head_word, kind, "appositive", poss, None, syntax)
    if m < n and not (w.word[m] in _TERMINATORS or w.brk[m] or (
            not copula and (w.low[m] in ("and", "who", "which")
                            or (syntax is not None and syntax.is_verb(w.start[m]))))):
        return None   # ", who is a leader who embodies ...": a description, not a title
    return _make(w, lex, a, h, head_word, kind, "appositive", poss, None, syntax)


def _complement_end(w: "Words", k: int, syntax: Syntax | None) -> int | None:
    """Last word of a short noun phrase from word k that reaches a terminator."""
    n = len(w)
    m = k
    while m < n and m - k < 10 and not w.brk[m]:
        word = w.word[m]
        if word in _TERMINATORS:
            return m - 1 if m > k else None
        low = w.low[m]
        if low in ("who", "which", "that", "whose", "said", "says", "told") or (
                low in ("and", "or") and m + 1 < n and not w.cap[m + 1]) or (
                m > k and not w.cap[m] and low in FUNCTION_WORDS and low not in _IN_NAME):
            return m - 1 if m > k else None
        if syntax is not None and syntax.is_verb(w.start[m]):
            return m - 1 if m > k else None
        if not (w.alpha(m) or word[:1].isdigit() or word == "&"):
            return None
        m += 1
    if m >= n:
        return m - 1 if m > k else None
    return m - 1 if w.brk[m] and m > k else None


def title_role_before(w: "Words", lex: Lexicon, i: int, j: int,
                      syntax: Syntax | None = None, appos: bool = False) -> Title | None:
    """A role set off by a comma before the name at words i..j-1: "the ministry's
    spokeswoman, Jane Roe, said".  `appos` tells that the parse links the two."""
    if i < 2 or w.word[i - 1] != "," or w.brk[i] or w.brk[i - 1]:
        return None
    n = len(w)
    after = skip_after_name(w, j)
    ends = after >= n or w.brk[after] or w.word[after] in (",", ".", ";", ")", "—", ":")
    if not (ends or appos):
        return None
    p = i - 2
    found = head_at(w, lex, p)
    if found is None or w.poss[p]:
        return None
    first, head, kind = found
    if _weak_head(w, lex, p, first):
        return None
    a, poss = extend_left(w, lex, first, w.start[i - 1], syntax)
    return _make(w, lex, a, p, head, kind, "role", poss, None, syntax)
