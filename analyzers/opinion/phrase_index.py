"""Finding word-list phrases in text: whole words, any case, the longest phrase first.

The opinion word lists hold about 3,000 forms.  One regular expression over all of them
took a fifth of a second to compile in every process, a tenth of the reader's wait for its
first highlights; this index is built in milliseconds.  It looks a phrase up by its first
word and then compares characters.

The rules are those of the regular expression `(?<![\\w-])(?:phrase|...)(?![\\w-])` with
IGNORECASE (the tests hold the two side by side):
- a phrase starts where no word character or hyphen comes before, and ends where none
  follows;
- a space in a phrase matches any run of whitespace, "-" any of - ‐ ‑, "'" also ’;
- at each start the longest phrase wins, then the subject + predicate pairs in order
  ("critics" + "warned"), each with its longest subject and predicate first;
- matches do not overlap: the scan goes on after each one.
Phrases are normalized (see `lexicons.normalize`) and begin with a word character.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Sequence

_HYPHENS = "-\u2010\u2011"
_RUN = re.compile(r"[\w\-\u2010\u2011]+")   # a maximal stretch of word characters and hyphens
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")   # whitespace other than one plain space
_TO_ASCII = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'"})


def _fold(ch: str) -> str:
    """One character as it appears in a normalized phrase (one character still, so
    offsets hold)."""
    low = ch.lower()
    return (low[0] if low else ch).translate(_TO_ASCII)   # "İ".lower() is two characters


def fold(text: str) -> str:
    """`text` in lower case with ASCII hyphens and apostrophes, character for character."""
    low = text.lower()
    if len(low) != len(text):     # rare: a character whose lower case is longer
        return "".join(map(_fold, text))
    return low.translate(_TO_ASCII)


def _is_bound(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or ch in _HYPHENS


def _first_piece(phrase: str) -> str:
    """The phrase up to its first character that is neither a word character nor a
    hyphen: what `_RUN` finds where the phrase starts in a text."""
    m = _RUN.match(phrase)      # the same pattern as in texts, and far faster than a loop
    return m.group() if m else ""


def _index(phrases: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """First piece -> the phrases starting with it, longest first."""
    out: dict[str, list[str]] = {}
    for phrase in phrases:
        if phrase:
            out.setdefault(_first_piece(phrase), []).append(phrase)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _longest(folded: str, i: int, phrases: Sequence[str], *, bound: bool = True) -> int:
    """Where the first of `phrases` (longest first) that matches the folded text at `i`
    ends (with `bound`, where no word character or hyphen follows); -1 if none does."""
    n = len(folded)
    if _ODD_SPACE.search(folded, i, i + len(phrases[0])) is None:
        # one plain space between words wherever a phrase could reach: compare as strings
        for phrase in phrases:
            if folded.startswith(phrase, i):
                end = i + len(phrase)
                if not bound or end >= n or not _is_bound(folded[end]):
                    return end
        return -1
    for phrase in phrases:
        end = _match_spaced(folded, i, phrase)
        if end != -1 and (not bound or end >= n or not _is_bound(folded[end])):
            return end
    return -1


def _match_spaced(folded: str, i: int, phrase: str) -> int:
    """Where `phrase` ends if it matches at `i`, a space in it matching any whitespace."""
    n = len(folded)
    for ch in phrase:
        if ch == " ":
            if i >= n or not folded[i].isspace():
                return -1
            i += 1
            while i < n and folded[i].isspace():
                i += 1
        elif i >= n or folded[i] != ch:
            return -1
        else:
            i += 1
    return i


def _follow(index: dict[str, tuple[str, ...]]) -> dict[str, tuple[frozenset, frozenset]]:
    """For a first piece whose phrases all go on past it ("the" of "the fact is"): the
    pieces that may come next after a space, and the characters that may come right after
    it ("it" of "it's").  Most words of a text that start a phrase ("the", "a", "it") are
    ruled out by this one look instead of a comparison with each of their phrases."""
    out = {}
    for piece, phrases in index.items():
        spaced, chars = set(), set()
        for phrase in phrases:
            rest = phrase[len(piece):]
            if not rest:
                break                  # the piece alone is a phrase: no look ahead helps
            if rest[0] == " ":
                spaced.add(_first_piece(rest[1:]))
            else:
                chars.add(rest[0])
        else:
            out[piece] = (frozenset(spaced), frozenset(chars))
    return out


class PhraseIndex:
    """`finditer(text)` yields (start, end) of every phrase or subject + predicate pair."""

    def __init__(self, phrases: Iterable[str],
                 pairs: Sequence[tuple[Iterable[str], Iterable[str]]] = ()) -> None:
        self._phrases = _index(phrases)
        self._pairs = [(_index(subjects), _index(predicates)) for subjects, predicates in pairs]
        self._firsts = set(self._phrases).union(*(s for s, _ in self._pairs))
        self._follow = _follow(self._phrases)

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        folded = fold(text)
        firsts = self._firsts
        resume = 0
        for run in _RUN.finditer(folded):
            piece = run.group()
            if piece not in firsts:
                continue
            start = run.start()
            if start < resume:
                continue
            end = self._match_at(folded, start, piece)
            if end != -1:
                yield start, end
                resume = end

    def _may_follow(self, folded: str, i: int, piece: str) -> bool:
        """Whether what follows `piece` (ending at `i`) can continue one of its phrases."""
        follow = self._follow.get(piece)
        if follow is None:
            return True
        n = len(folded)
        if i >= n:
            return False
        if not folded[i].isspace():
            return folded[i] in follow[1]
        while i < n and folded[i].isspace():
            i += 1
        run = _RUN.match(folded, i)
        return (run.group() if run else "") in follow[0]

    def _match_at(self, folded: str, start: int, piece: str) -> int:
        phrases = self._phrases.get(piece)
        if phrases and self._may_follow(folded, start + len(piece), piece):
            end = _longest(folded, start, phrases)
            if end != -1:
                return end
        n = len(folded)
        for subjects, predicates in self._pairs:
            for subject in subjects.get(piece, ()):
                mid = _longest(folded, start, (subject,), bound=False)
                if mid == -1 or mid >= n or not folded[mid].isspace():
                    continue
                while mid < n and folded[mid].isspace():
                    mid += 1
                run = _RUN.match(folded, mid)
                found = predicates.get(run.group()) if run else None
                if found:
                    end = _longest(folded, mid, found)
                    if end != -1:
                        return end
        return -1
