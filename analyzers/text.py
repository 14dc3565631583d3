"""Plain-text structure: paragraphs, chunks for batching, word counts; text safe to show."""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_NEWLINE = re.compile(r"\n\s*")
WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")

# spaCy keeps every doc of a batch in memory while it parses; small paragraph-aligned chunks
# keep peak memory low and let long documents stream through `nlp.pipe`.
CHUNK_CHARS = 4_000
_HARD_CHARS = 10_000


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace trimmed.

    Paragraphs are separated by blank lines; a text with no blank line at all (one paragraph
    a line, as many news dumps are) is split on single newlines instead.
    """
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    out = []
    pos = 0
    for m in sep.finditer(text):
        _add(text, pos, m.start(), out)
        pos = m.end()
    _add(text, pos, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Split `text` into pieces that concatenate back to it exactly.

    Cuts fall after paragraph ends (the whitespace after a paragraph stays with it); a single
    paragraph longer than the hard limit is cut after a sentence end or at whitespace.
    """
    if not text:
        return []
    cuts = [end for _, end in paragraphs(text)]
    pieces: list[str] = []
    start = 0
    for i, end in enumerate(cuts):
        nxt = cuts[i + 1] if i + 1 < len(cuts) else None
        # the boundary of this paragraph's trailing whitespace
        boundary = end
        while boundary < len(text) and text[boundary].isspace():
            boundary += 1
        if nxt is None:
            boundary = len(text)
        if boundary - start >= size or nxt is None:
            pieces.extend(_split_long(text, start, boundary, size))
            start = boundary
    if start < len(text):
        pieces.extend(_split_long(text, start, len(text), size))
    return [p for p in pieces if p]


_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _split_long(text: str, start: int, end: int, size: int = CHUNK_CHARS) -> list[str]:
    """Cut a stretch longer than the hard limit into pieces of about `size` (a text with no
    paragraph breaks must cost what the same text in paragraphs costs: pieces of the hard
    limit made spaCy's batches 2.5 times bigger, half again the time and memory)."""
    out = []
    target = min(size, _HARD_CHARS)
    while end - start > _HARD_CHARS:
        cut = None
        # a sentence end near `size`, else one further on; else whitespace, likewise
        windows = ((start + target // 2, start + target), (start + target, start + _HARD_CHARS))
        for pattern, (lo, hi) in ((p, w) for p in (_SENT_END, _SPACE) for w in windows):
            last = None
            for m in pattern.finditer(text, lo, hi):
                last = m
            if last is not None:
                cut = last.end()
                break
        cut = cut or start + _HARD_CHARS
        out.append(text[start:cut])
        start = cut
    out.append(text[start:end])
    return out


def word_count(text: str, start: int = 0, end: int | None = None) -> int:
    return sum(1 for _ in WORD.finditer(text, start, len(text) if end is None else end))


# -- text safe for a terminal -------------------------------------------------------------------
# A terminal acts on control characters instead of showing them (ESC starts sequences that clear
# the screen or retitle the window; a lone CR or BS lets later text overwrite earlier text), and
# bidi embeddings, overrides and isolates reorder what is shown ("Trojan source").  Each becomes
# one visible code point, so every offset into the text still points at the same character.
# Tab and newline stay; the bidi *marks* (U+200E, U+200F, U+061C) stay too: they only settle
# the direction of neutral characters next to them and are common in right-to-left names.
BIDI_MARKER = "\u21c6"           # ⇆ LEFTWARDS ARROW OVER RIGHTWARDS ARROW
C1_MARKER = "\ufffd"             # � REPLACEMENT CHARACTER: C1 controls have no symbols
BIDI_CONTROLS = "".join(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_SAFE = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}   # U+2400 control pictures
_SAFE[0x7F] = 0x2421              # ␡ SYMBOL FOR DELETE
_SAFE.update({c: ord(C1_MARKER) for c in range(0x80, 0xA0)})
_SAFE.update({ord(c): ord(BIDI_MARKER) for c in BIDI_CONTROLS})
UNSAFE = re.compile("[" + re.escape("".join(map(chr, _SAFE))) + "]")


def has_unsafe(text: str) -> bool:
    return UNSAFE.search(text) is not None


def terminal_safe(text: str) -> str:
    """`text` with every character a terminal would act on replaced by a visible one: same
    length, tab and newline kept.  ESC is ␛ (U+241B), other C0 controls U+2400 + their code
    (CR ␍, form feed ␌, ...), DEL ␡, C1 controls �, bidi overrides and isolates ⇆."""
    if UNSAFE.search(text) is None:   # the common case costs one scan, no copy
        return text
    return text.translate(_SAFE)


# JSON escapes C0 controls itself but, without ensure_ascii, writes DEL, C1 and bidi
# characters raw; these escapes leave the JSON value (and so every offset) exactly as it was.
_JSON_RAW = re.compile("[\x7f-\x9f" + BIDI_CONTROLS + "]")


def json_safe(dumped: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with DEL, C1 and bidi control
    characters written as \\u escapes: the same JSON value, nothing a terminal acts on."""
    if _JSON_RAW.search(dumped) is None:
        return dumped
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
