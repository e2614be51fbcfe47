"""Labels: 第七条, 第十条之一, 第二章, 第三节, 第一编, 第一分编, as sources write them.

``read_label`` reads the label a line opens with, whatever digits it is
written in (第十条, 第10条, 第１０条) and with invisible characters or spaces inside it
(第十\\u200b条), and gives the label as canonical text writes it (第十条).
An article inserted by amendment without renumbering (第十条之一) is an
article of its own: number 10, suffix 1, ordered after 第十条 and before
第十一条.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fagui.model.regulation import ArticleKey
from fagui.text.normalise import LINE_SPACE
from fagui.text.numerals import NUMERAL_CHARS, parse_strict, to_chinese
from fagui.text.width import FULL_TO_HALF

INVISIBLE = "\u200b\u200c\u200d\u2060\u00ad\ufeff"
"""Characters that take no space on the page (zero-width space and joiners,
word joiner, soft hyphen, a stray byte-order mark)."""

_SKIPPED = INVISIBLE + LINE_SPACE
"""Characters read through inside a label: invisible ones, and spaces (第一百二十八 条,
第 三 章), which sources put there by accident or to justify a line."""

DASHES = "－—–‐‑-─"
"""Dashes a source typed for 一 inside a Chinese numeral (第三十－条): read as 一."""

_DIGITS = NUMERAL_CHARS + "0-9０-９" + re.escape(DASHES)
_LABEL_RE = re.compile(rf"第([{_DIGITS}]+)(条|章|节|分编|编)(?:之([{NUMERAL_CHARS}0-9０-９]+))?")
_WIDTH = str.maketrans(FULL_TO_HALF | {d: "一" for d in DASHES})
_ARABIC = re.compile("[0-9０-９]")
_SCAN = 40  # a label is never longer than this, invisible characters included


class MalformedLabel(ValueError):
    """A label whose number is not a numeral (第十十条, 第二二章)."""


@dataclass(frozen=True)
class Label:
    """The label a line opens with.

    ``kind`` is 条, 章, 节, 分编 or 编; ``suffix`` is the N of 之N (0 for none; only
    articles have one); ``text`` is the canonical label; ``end`` is where the
    label ends in the line read; ``invisible`` the positions of invisible
    characters and spaces inside it; ``as_written`` the label as the line wrote it,
    without those characters.
    """

    kind: str
    number: int
    suffix: int
    text: str
    end: int
    invisible: tuple[int, ...]
    as_written: str

    @property
    def key(self) -> ArticleKey:
        """The order of articles (:class:`~fagui.model.ArticleKey`)."""
        return ArticleKey(self.number, self.suffix)


def label_text(kind: str, number: int, suffix: int = 0) -> str:
    """The canonical label: 第十条, 第十条之一, 第二章."""
    return f"第{to_chinese(number)}{kind}" + (f"之{to_chinese(suffix)}" if suffix else "")


def read_label(line: str) -> Label | None:
    """The label ``line`` opens with, or None.

    Raises MalformedLabel when the line opens with what is a label in all but
    its numeral (第十十条).
    """
    if not line.startswith("第"):
        return None
    positions = [i for i, ch in enumerate(line[:_SCAN]) if ch not in _SKIPPED]
    seen = "".join(line[i] for i in positions)
    m = _LABEL_RE.match(seen)
    if m is None:
        return None
    number_text, kind, suffix_text = m.group(1), m.group(2), m.group(3)
    if any(d in number_text for d in DASHES) and _ARABIC.search(number_text):
        return None  # 第2-3条: a range, not a label
    if suffix_text is not None and kind != "条":
        # 第二章之一 is no label; read 第二章 and leave the rest as its title.
        suffix_text = None
        end_in_seen = m.end(2)
    else:
        end_in_seen = m.end()
    end = positions[end_in_seen - 1] + 1
    try:
        number = parse_strict(number_text.translate(_WIDTH))
        suffix = parse_strict(suffix_text.translate(_WIDTH)) if suffix_text else 0
    except ValueError:
        if any(d in number_text for d in DASHES):
            return None  # a dash that is not 一 (第三—五章): not a label
        raise MalformedLabel(f"malformed number in {seen[:end_in_seen]}") from None
    invisible = tuple(i for i in range(end) if line[i] in _SKIPPED)
    return Label(kind, number, suffix, label_text(kind, number, suffix), end, invisible, seen[:end_in_seen])
