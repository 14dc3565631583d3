"""Component styles as Rich styles that layer well."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def layer_style(widget: Widget, component: str) -> Style:
    """Only what the component's CSS rules set, with translucent colours already blended
    over the widget's background (Textual's partial styles drop the alpha)."""
    rules = widget.get_component_styles(component)
    full = widget.get_component_rich_style(component)
    style = Style(color=full.color if rules.has_rule("color") else None,
                  bgcolor=full.bgcolor if rules.has_rule("background") else None)
    return style + rules.text_style
