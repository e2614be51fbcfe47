"""The lines of a decoded source, and the audit's bookkeeping of what becomes
of each: the base the parser (:mod:`fagui.ingest.parse`) reads with."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from fagui.errors import FaguiError
from fagui.ingest.audit import DroppedSpan, PageBreakJoin, Warning
from fagui.ingest.layout import Prepared
from fagui.ingest.structure import Block
from fagui.text.labels import Label
from fagui.text.normalise import INDENT, is_cjk, normalise


MAX_LINES = 200_000
"""Most lines of a source read: the longest codes have some thousands (a
few tens of thousands with a blank line between paragraphs), and each line
read costs the parser about a kilobyte."""


@dataclass
class SourceLine:
    """One line of the decoded source, and what the parser has made of it."""

    number: int  # 1-based
    start: int  # offset of the line in the decoded text
    raw: str  # the line as in the source (no newline)
    text: str = ""  # raw with bookmarks removed, not yet normalised
    kind: str = ""
    label: Label | None = None  # the label the line opens with
    heading: bool = False  # the source marks the line as a heading
    through: "SourceLine | None" = None  # the last line joined onto this one (a PDF's wrapped lines)


class LineReader:
    """A decoded source as lines, and the audit's records of what becomes of
    them: spans dropped, lines joined, warnings, counts of normalisations."""

    def __init__(self, prepared: Prepared, source: str):
        self.source = source
        self.prepared = prepared
        text = self.text = prepared.text
        count = text.count("\n") + 1
        if count > MAX_LINES:
            raise FaguiError(f"{count:,} lines: more than {MAX_LINES:,} is not one regulation", source)
        self.lines: list[SourceLine] = []
        offset = 0
        for i, raw in enumerate(text.split("\n"), 1):
            self.lines.append(SourceLine(i, offset, raw))
            offset += len(raw) + 1
        self.dropped: list[DroppedSpan] = []
        self.joins: list[PageBreakJoin] = []
        self.warnings: list[Warning] = []
        self.norm: Counter = Counter()

    # -- audit helpers -------------------------------------------------
    def drop_lines(self, first: SourceLine, last: SourceLine, reason: str) -> None:
        last = last.through or last
        end = last.start + len(last.raw)
        self.dropped.append(
            DroppedSpan(first.number, last.number, first.start, end, self.text[first.start : end], reason)
        )

    def strip(self, line: SourceLine) -> str:
        """The line's text without indentation (counted as a normalisation)."""
        stripped = line.text.strip(INDENT)
        if stripped != line.text:
            self.norm["indentation"] += 1
        return stripped

    def normalise(self, text: str) -> str:
        out, counts = normalise(text)
        self.norm.update(counts)
        return out

    def line_of(self, written: str) -> int | None:
        """The number of the first line that contains ``written`` once
        normalised (spaces inside Chinese text removed), if any."""
        for line in self.lines:
            if written in normalise(line.text)[0].replace(" ", ""):
                return line.number
        return None

    def join(self, block: Block, line: SourceLine, text: str) -> None:
        """Join ``text`` (of ``line``) onto ``block``, a paragraph a page break
        split; a character doubled across the break is warned of."""
        before, after = block.text[-6:], text[:6]
        self.joins.append(PageBreakJoin(block.last_line, line.number, before, after))
        if block.text and text and block.text[-1] == text[0] and is_cjk(text[0]):
            self.warnings.append(
                Warning(
                    line.number,
                    f"character {text[0]} doubled across a page break (lines {block.last_line}-{line.number}): …{before}|{after}…",
                )
            )
        block.text += text
        block.last_line = line.number
