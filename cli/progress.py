"""The progress bar of long commands (``report``, ``add`` of a history), on
stderr: one line that each step redraws in place.

A line longer than the terminal wraps, and the carriage return that redraws
it then goes back only to the start of its last row: every step would print
a new line. So the bar and the name of the item in progress are fitted to
the terminal's width, counting a Chinese character as two columns, the name
cut short with … when it does not fit."""

from __future__ import annotations

import shutil
import sys

import click

from fagui.text.control import visible
from fagui.text.width import columns

BAR_WIDTH = 30
"""Cells of the bar itself on a wide terminal (fewer on a narrow one)."""


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, ending with … when cut."""
    if columns(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = columns(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" if width > 0 else ""


def progress_bar(label: str, length: int):
    """A click progress bar on stderr for ``length`` steps, whose every line
    fits the terminal: ``bar.update(1, name)`` shows ``name`` cut to what is
    left of the width (click's own layout: label, two spaces, [bar], two
    spaces, pos, two spaces, item)."""
    total = shutil.get_terminal_size().columns
    bar_width = max(5, min(BAR_WIDTH, total // 4))
    fixed = columns(label) + 2 + bar_width + 2 + 2 + len(f"{length}/{length}") + 2
    room = max(0, total - fixed - 1)  # one column spare: a line exactly as wide as the terminal wraps on some
    return click.progressbar(
        length=length, label=label, file=sys.stderr, show_pos=True, show_eta=False, width=bar_width,
        item_show_func=lambda name: fit(visible(name), room) if name else None,
    )
