"""Reviewing an article: the review model (`slant.review/1`) and finding its items again
(`model`, `anchors`), the verification checklist (`checklist`, on `sentences`) and the
source scorecard (`scorecard`).  Pure: an `Analysis` and a `Review` in, data out."""

from .anchors import locate, reattach
from .checklist import RULES, Item, checklist
from .model import (SCHEMA, Added, Anchor, Review, ReviewError, Tick, Verdict, text_hash,
                    validate)
from .report import report
from .scorecard import GROUP_NAMES, GROUPS, scorecard

__all__ = ["SCHEMA", "Added", "Anchor", "Review", "ReviewError", "Tick", "Verdict",
           "text_hash", "validate", "locate", "reattach", "RULES", "Item", "checklist",
           "GROUPS", "GROUP_NAMES", "scorecard", "report"]
