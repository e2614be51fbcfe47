"""LawRefBook Markdown: the layout of the LawRefBook/Laws collection.

```
# 中华人民共和国仲裁法

1994年8月31日 第八届全国人民代表大会常务委员会第九次会议通过

2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议《…》第二次修正

<!-- INFO END -->

## 第一章 总则

第一条 为保证公正、及时地仲裁经济纠纷，……
```

The ``#`` line is the title; the lines between it and ``<!-- INFO END -->``
are the 题注 (how the text was adopted and amended), which move to the
front-matter ``history``; headings lose their ``#`` marks (the parser then
reads 第一章 总则 as it reads any chapter heading); lines of nothing but
zero-width spaces are dropped.
"""

from __future__ import annotations

import re

from fagui.errors import FaguiError
from fagui.ingest import metadata as meta
from fagui.ingest.layout import InlineMark, LineDrop, LineMark, Prepared, Source
from fagui.model import HistoryEntry
from fagui.text.labels import INVISIBLE
from fagui.text.normalise import LINE_SPACE, normalise

INFO_END = "<!-- INFO END -->"
_TITLE_RE = re.compile(r"^# +(\S.*)$")
_HEADING_RE = re.compile(r"^(#{1,6} +)\S")
_INLINE_RE = re.compile(r"\[([^\[\]\n]+)\](\{[^{}\n]*\}|\((?:[^()\n]|\([^()\n]*\))*\))")
"""A pandoc span ``[第一条]{.smallcaps}`` or a link ``[民事诉讼法](javascript:SLC(5110,0))``."""


def recognise(source: Source) -> bool:
    """A ``# title`` first: LawRefBook's layout, and that of any Markdown
    regulation (the INFO END marker and 题注 are then simply absent)."""
    content = next((line for line in source.lines if line.strip()), "")
    return bool(_TITLE_RE.match(content))


def prepare(source: Source) -> Prepared:
    """The LawRefBook source made ready for the parser.

    Raises FaguiError naming the line for an impossible date in the 题注.
    """
    text, encoding, line_ends = source.decoded.text, source.decoded.encoding, source.decoded.line_ends
    lines, source = source.lines, source.name
    drops: list[LineDrop] = []
    marks: list[LineMark] = []
    found: dict = {}
    first = next(i for i, line in enumerate(lines) if line.strip())
    found["title"] = title_line(lines[first])
    drops.append(LineDrop(first + 1, first + 1, "title: moved to the # heading and front matter (title)"))
    end = next((i for i, line in enumerate(lines) if line.strip() == INFO_END), None)
    if end is not None:
        history, kept = _history(lines, first + 1, end, source)
        if history:
            found["history"] = tuple(history)
        for a, b in _runs(sorted(set(range(first + 1, end)) - kept)):
            if any(lines[i].strip() for i in range(a, b + 1)):
                drops.append(LineDrop(a + 1, b + 1, meta.HISTORY_REASON))
        drops.append(LineDrop(end + 1, end + 1, "LawRefBook marker (end of the 题注)"))
    body_drops, marks, inline = markdown_body(lines, first + 1)
    drops += body_drops
    return Prepared(text, encoding, line_ends, "lawrefbook", tuple(drops), tuple(marks), tuple(found.items()), inline)


def title_line(line: str) -> str | None:
    """The title a ``# title`` line states (marks and spaces removed), or None."""
    m = _TITLE_RE.match(line)
    return normalise(m.group(1))[0].replace(" ", "") if m else None


def markdown_body(lines: list[str], start: int) -> tuple[list[LineDrop], list[LineMark], tuple[InlineMark, ...]]:
    """What a Markdown body from line index ``start`` on holds that is no
    text: lines of invisible characters only (dropped), heading marks
    (``## `` before 第一章 总则, removed) and inline marks (removed, the text
    they mark kept): a span's ``[``…``]{.smallcaps}`` and a link's
    ``[``…``](url)``, as pandoc writes them, and a backslash ending a line."""
    drops: list[LineDrop] = []
    marks: list[LineMark] = []
    inline: list[InlineMark] = []
    for i, line in enumerate(lines):
        if line and not line.strip(LINE_SPACE + INVISIBLE):
            drops.append(LineDrop(i + 1, i + 1, "a line of invisible characters only (zero-width space)"))
            continue
        if i >= start and (m := _HEADING_RE.match(line)):
            marks.append(LineMark(i + 1, len(m.group(1)), "Markdown heading marks", heading=True))
        if i >= start:
            for m in _INLINE_RE.finditer(line):
                reason = "Markdown link (brackets and target)" if m.group(2).startswith("(") else "Markdown span (brackets and attributes)"
                inline += [InlineMark(i + 1, m.start(), m.start() + 1, reason), InlineMark(i + 1, m.end(1), m.end(), reason)]
            if line.endswith("\\"):
                inline.append(InlineMark(i + 1, len(line) - 1, len(line), "Markdown line break"))
    return drops, marks, tuple(inline)


def _history(lines: list[str], start: int, end: int, source: str) -> tuple[list[HistoryEntry], set[int]]:
    """The history the 题注 lines ``start``..``end`` state, and the indices of
    lines that state none (kept as preamble)."""
    # A paragraph is a run of non-blank lines; one not opening with a date
    # continues the paragraph before it (a line broken in the middle).
    paragraphs: list[list[int]] = []
    for i in range(start, end):
        if not lines[i].strip(LINE_SPACE + INVISIBLE):
            continue
        if not paragraphs or re.match(r"^\s*\d{4}年", lines[i]):
            paragraphs.append([i])
        else:
            paragraphs[-1].append(i)
    entries: list[HistoryEntry] = []
    kept: set[int] = set()
    for paragraph in paragraphs:
        joined = "".join(normalise(lines[i])[0] for i in paragraph)
        try:
            found = meta.history_entries(joined)
        except meta.ImpossibleDate as exc:
            line = next((i + 1 for i in paragraph if exc.text in normalise(lines[i])[0].replace(" ", "")), paragraph[0] + 1)
            raise FaguiError(str(exc), source, line) from None
        if not found:
            kept.update(paragraph)
        entries.extend(found)
    return entries, kept


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted indices, as (first, last)."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
