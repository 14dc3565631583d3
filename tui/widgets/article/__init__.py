"""The article view, one module per job: `view` (the widget, its state and content), `layout`
(wrapping to the width), `drawing` (lines and their cache), `scrolling`, `navigation`.
"""

from .layout import GUTTER, MEASURE
from .navigation import Target
from .scrolling import PREPARE_AFTER
from .view import ArticleView

__all__ = ["ArticleView", "Target", "MEASURE", "GUTTER", "PREPARE_AFTER"]
