"""Item markers: （一） for items (项), （1） and 1． for sub-items (目).

The same rules place items when ingesting a source and when reading canonical
Markdown back, so the two agree by construction.
"""

from __future__ import annotations

import re

from fagui.text.numerals import to_int
from fagui.model import Item

_MARKER_RE = re.compile(r"^(?:[（(][ \u3000]*([一二三四五六七八九十百]+|\d+)[ \u3000]*[）)]|(\d+)[．.](?=[^\d\s]))[ \u3000]*")


def parse_marker(text: str) -> tuple[str, int, str, str] | None:
    """(style, number, canonical marker, rest) if text opens with an item
    marker, else None. Styles: "han" （一）, "paren" （1）, "dot" 1．.

    >>> parse_marker("(三) 防范")
    ('han', 3, '（三）', '防范')
    """
    m = _MARKER_RE.match(text)
    if not m:
        return None
    rest = text[m.end() :]
    if not rest:
        return None
    if m.group(1) is not None:
        digits = m.group(1)
        style = "paren" if digits.isdigit() else "han"
        return style, to_int(digits), f"（{digits}）", rest
    return "dot", int(m.group(2)), f"{m.group(2)}．", rest


def nest_items(items: list[tuple[str, int, str, str]]) -> tuple[tuple[Item, ...], list[str]]:
    """Place a paragraph's items as items (项) and sub-items (目).

    ``items`` are (style, number, marker, text) in reading order. An item
    whose number continues the item sequence is an item, whatever its marker
    style (a mixed style is reported, not changed); one numbered 1 in another
    style opens sub-items of the item before it. Returns the items and
    warnings for mixed marker styles and numbering gaps.
    """
    top: list[list] = []  # [style, number, marker, text, subitems]
    warnings: list[str] = []
    styles: set[str] = set()
    for style, number, marker, text in items:
        if top:
            last = top[-1]
            subs = last[4]
            if subs and number == subs[-1][1] + 1 and style == subs[-1][0]:
                subs.append([style, number, marker, text, []])
                continue
            if number == 1 and style != last[0]:
                subs.append([style, number, marker, text, []])
                continue
            if number != last[1] + 1:
                warnings.append(f"item {marker} follows {last[2]}: numbering gap or repeat")
        elif number != 1:
            warnings.append(f"first item is {marker}, not number 1")
        styles.add(style)
        top.append([style, number, marker, text, []])
    if len(styles) > 1:
        markers = "、".join(t[2] for t in top)
        warnings.append(f"mixed item-marker styles: {markers}")
    frozen = tuple(Item(m, t, tuple(Item(sm, st) for _, _, sm, st, _ in subs)) for _, _, m, t, subs in top)
    return frozen, warnings
