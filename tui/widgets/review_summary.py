"""The review's part of the Summary tab: the source scorecard, the checklist count and the
review's own counts (verdicts, notes, added highlights, items that lost their place)."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from analyzers.review import GROUP_NAMES, GROUPS
from analyzers.text import terminal_safe


def review_parts(card: dict[str, Any], counts: dict[str, int], checklist: tuple[int, int],
                 unattached: list[str]) -> list[Any]:
    def table() -> Table:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        return grid

    parts: list[Any] = [Text(), Text("Source scorecard", style="bold underline")]
    grid = table()
    grid.add_row("Distinct voices", str(card["distinct_voices"]))
    for g in GROUPS:
        grid.add_row(f"  words: {GROUP_NAMES[g]}", f"{card['share'][g]:.0%}")
    for key, label in (("first_word", "First word"), ("last_word", "Last word")):
        who = card.get(key)
        grid.add_row(label, terminal_safe(who["name"]) if who else "-")
    parts.append(grid)
    if card["voices"]:
        voices = table()
        for v in card["voices"][:12]:
            voices.add_row(Text(f"  {terminal_safe(v['name'])}", no_wrap=True, overflow="ellipsis"),
                           f"{v['quotes']}q · {v['words']}w")
        parts.append(voices)
    done, total = checklist
    parts += [Text(), Text("Review", style="bold underline")]
    grid = table()
    grid.add_row("Checklist checked", f"{done} of {total}")
    grid.add_row("Accepted · rejected", f"{counts['accepted']} · {counts['rejected']}")
    grid.add_row("Added by you", str(counts["added"]))
    grid.add_row("Notes", str(counts["notes"]))
    parts.append(grid)
    if unattached:
        parts.append(Text(f"Not found in this analysis ({len(unattached)}), kept:",
                          style="bold"))
        for line in unattached[:10]:
            parts.append(Text(f"  {terminal_safe(line)}", style="italic"))
    return parts
