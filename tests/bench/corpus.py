"""Benchmark inputs made from our own sample articles (never from evaluation data)."""

from __future__ import annotations

from analyzers.resources import samples
from analyzers.text import paragraphs


def _paragraphs() -> list[str]:
    out = []
    for path in samples():
        text = path.read_text(encoding="utf-8")
        out.extend(text[s:e] for s, e in paragraphs(text)[1:])  # skip headlines
    return out


def long_document(words: int = 100_000) -> str:
    """A ~100,000-word document: the samples' paragraphs, repeated with section headings."""
    paras = _paragraphs()
    parts, count, section = ["A long report on harbours and taxes"], 0, 0
    while count < words:
        section += 1
        parts.append(f"Section {section}")
        for p in paras:
            parts.append(p)
            count += len(p.split())
            if count >= words:
                break
    return "\n\n".join(parts) + "\n"


def one_line(text: str) -> str:
    """`text` with no paragraph breaks: every paragraph joined by a space."""
    return " ".join(text[s:e] for s, e in paragraphs(text)) + "\n"


def many_articles(n: int = 300) -> list[str]:
    """n articles of 8-16 paragraphs each, rotating through the samples' paragraphs."""
    paras = _paragraphs()
    out = []
    for i in range(n):
        size = 8 + i % 9
        start = (i * 7) % len(paras)
        body = [paras[(start + k) % len(paras)] for k in range(size)]
        out.append(f"Article {i + 1}\n\n" + "\n\n".join(body) + "\n")
    return out


def compare_pair(words: int = 5_000) -> tuple[str, str]:
    """Two ~5,000-word articles on one story: the bundled wire report and column, each
    followed by the reader's samples' paragraphs (in another order in each), so the pair
    shares some paragraphs and not others."""
    from analyzers.resources import compare_samples

    paras = _paragraphs()
    out = []
    for k, path in enumerate(compare_samples()):
        text = path.read_text(encoding="utf-8")
        parts = [text[s:e] for s, e in paragraphs(text)]
        count = sum(len(p.split()) for p in parts)
        i = 0
        while count < words:
            p = paras[(i * (3 + 4 * k)) % len(paras)]
            parts.append(p)
            count += len(p.split())
            i += 1
        out.append("\n\n".join(parts) + "\n")
    return out[0], out[1]
