"""A corpus at a glance: the headline numbers of many analyses, per article and per group.

`summarize(records, by=None)` takes `slant.analysis/1` objects as dicts (the lines of
`slant analyze --format jsonl`, perhaps with fields of the researcher's own added, such as
"outlet") and returns a `Summary`: one row per article and, with `by`, one per group.  Pure:
no files, no spaCy; `slant summarize` reads the JSONL and renders the tables.

The numbers, all from each analysis's own `stats` (never recomputed from spans):

- quote share: words inside speech quotes / words;
- distinct speakers: named people quoted (a group counts each name once);
- officials / others: speech quotes by named officials / by other named speakers;
- anonymous: speech quotes with no speaker named, plus the writer's vague attributions
  ("critics say", "officials said": the `unsupported` opinion category);
- opinion per 1,000 words in the writer's voice, in all and by category;
- figures per 1,000 words.

A group's numbers pool its articles (shares and rates over the sum of their words), so a
long article weighs more than a short one, as it does for a reader.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterable
from urllib.parse import urlsplit

from .model import OPINION_CATEGORIES

NONE_VALUE = "(none)"
# The columns of every row, in order, with the heading each table gives them.
COLUMNS = {
    "articles": "articles",
    "words": "words",
    "quote_share": "quote share",
    "speakers": "distinct speakers",
    "officials_quoted": "quotes by officials",
    "others_quoted": "quotes by others",
    "anonymous": "anonymous sources",
    "opinion_per_1000": "opinion / 1,000 words",
    "figures_per_1000": "figures / 1,000 words",
}


@dataclass
class Row:
    label: str
    articles: int
    words: int
    quote_share: float
    speakers: int
    officials_quoted: int
    others_quoted: int
    anonymous: int
    opinion_per_1000: float
    figures_per_1000: float
    opinion_by_category: dict[str, float] = field(default_factory=dict)  # per 1,000 words
    group: str | None = None          # the article's group (article rows, with `by`)


@dataclass
class Summary:
    articles: list[Row]
    groups: list[Row]                 # one per group with `by`; else the whole corpus
    by: str | None
    categories: list[str]             # opinion categories that occur, in the schema's order

    def to_dict(self) -> dict[str, Any]:
        return {"schema": "slant.summary/1", "by": self.by, "categories": self.categories,
                "columns": COLUMNS, "articles": [asdict(r) for r in self.articles],
                "groups": [asdict(r) for r in self.groups]}


class SummaryError(ValueError):
    """A record that is not an analysis; str() is one line."""


# -- one article's parts, to add up -----------------------------------------------------
@dataclass
class _Tally:
    articles: int = 0
    words: int = 0
    quoted_words: int = 0
    names: set[str] = field(default_factory=set)
    officials_quoted: int = 0
    others_quoted: int = 0
    anonymous: int = 0
    opinion: int = 0
    figures: int = 0
    by_category: dict[str, int] = field(default_factory=dict)

    def add(self, stats: dict[str, Any]) -> None:
        self.articles += 1
        self.words += _int(stats.get("words"))
        self.quoted_words += _int(stats.get("quoted_words"))
        for speaker in stats.get("speakers") or []:
            name = speaker.get("name") if isinstance(speaker, dict) else None
            if name:
                self.names.add(" ".join(str(name).split()).casefold())
        self.officials_quoted += _int(stats.get("officials_quoted"))
        self.others_quoted += _int(stats.get("others_quoted"))
        categories = stats.get("opinion_writer_by_category") or {}
        unnamed = _int(stats.get("speech_quotes")) - _int(stats.get("attributed_quotes"))
        self.anonymous += max(0, unnamed) + _int(categories.get("unsupported"))
        self.opinion += _int(stats.get("opinion_writer"))
        self.figures += _int(stats.get("figures"))
        for category, n in categories.items():
            self.by_category[category] = self.by_category.get(category, 0) + _int(n)

    def row(self, label: str, group: str | None = None) -> Row:
        per_1000 = (lambda n: round(1000 * n / self.words, 2) if self.words else 0.0)
        return Row(label=label, articles=self.articles, words=self.words,
                   quote_share=round(self.quoted_words / self.words, 4) if self.words else 0.0,
                   speakers=len(self.names), officials_quoted=self.officials_quoted,
                   others_quoted=self.others_quoted, anonymous=self.anonymous,
                   opinion_per_1000=per_1000(self.opinion),
                   figures_per_1000=per_1000(self.figures),
                   opinion_by_category={c: per_1000(n) for c, n in self.by_category.items()},
                   group=group)


def _int(value: Any) -> int:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


# -- the summary ---------------------------------------------------------------------------
def summarize(records: Iterable[dict[str, Any]], by: str | None = None) -> Summary:
    articles: list[Row] = []
    groups: dict[str, _Tally] = {}
    total = _Tally()
    seen_categories: set[str] = set()
    for n, record in enumerate(records, 1):
        stats = record.get("stats") if isinstance(record, dict) else None
        if not isinstance(stats, dict):
            raise SummaryError(f"record {n} is not a slant analysis (it has no stats)")
        one = _Tally()
        one.add(stats)
        key = group_of(record, by) if by else None
        articles.append(one.row(label_of(record, n), group=key))
        seen_categories |= set(one.by_category)
        if key is not None:
            groups.setdefault(key, _Tally()).add(stats)
        total.add(stats)
    if not articles:
        raise SummaryError("no analyses to summarize")
    if by:
        group_rows = [groups[k].row(k) for k in sorted(groups, key=_sort_key)]
    else:
        group_rows = [total.row("all articles")]
    categories = [c for c in OPINION_CATEGORIES if c in seen_categories] + \
        sorted(seen_categories - set(OPINION_CATEGORIES))
    return Summary(articles, group_rows, by, categories)


def label_of(record: dict[str, Any], n: int) -> str:
    source = record.get("source") if isinstance(record.get("source"), dict) else {}
    return str(source.get("title") or source.get("path") or f"article {n}")


def group_of(record: dict[str, Any], by: str) -> str:
    """The value of field `by` ("outlet", "meta.section": dots go into objects).  `source`
    is the site: a URL's host, a file's folder (unless the input gives a plain value)."""
    if by == "source" and isinstance(record.get("source"), dict):
        path = record["source"].get("path")
        if not path:
            return "standard input"
        if "://" in str(path):
            return urlsplit(str(path)).hostname or str(path)
        folder = str(path).replace("\\", "/").rpartition("/")[0]
        return folder or "."
    value: Any = record
    for part in by.split("."):
        if not isinstance(value, dict) or part not in value:
            return NONE_VALUE
        value = value[part]
    if value is None or value == "":
        return NONE_VALUE
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _sort_key(key: str) -> tuple[bool, str]:
    return key == NONE_VALUE, key.casefold()
