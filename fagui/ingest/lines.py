"""The lines of a decoded source, and the audit's bookkeeping of what becomes
of each: the base the parser (:mod:`fagui.ingest.parse`) reads with."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

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


class LineKind(StrEnum):
    """What the passes over the whole source (:data:`fagui.ingest.parse.SOURCE_PASSES`)
    make of a line before the line rules read it."""

    TEXT = "text"
    BLANK = "blank"
    DROPPED = "dropped"  # the layout or the table of contents
    JOINED = "joined"  # onto the line before (a PDF's wrapped line)
    ARTICLE = "article"  # opens an article
    DIVISION = "division"  # a division heading
    TOC = "toc"  # 目录


SKIPPED = (LineKind.BLANK, LineKind.DROPPED, LineKind.JOINED)
"""Kinds of line the line rules do not read."""


@dataclass
class SourceLine:
    """One line of the decoded source, and what the parser has made of it."""

    number: int  # 1-based
    start: int  # offset of the line in the decoded text
    raw: str  # the line as in the source (no newline)
    text: str = ""  # raw with bookmarks removed, not yet normalised
    kind: LineKind = LineKind.TEXT
    label: Label | None = None  # the label the line opens with
    heading: bool = False  # the source marks the line as a heading
    through: "SourceLine | None" = None  # the last line joined onto this one (a PDF's wrapped lines)


class LineReader:
    """A decoded source as lines, and the audit's records of what becomes of
    them: spans dropped, lines joined, warnings, counts of normalisations.
    Each record names ``rule``, the pass or line rule running when it was
    made (set by :func:`fagui.ingest.rules.named`)."""

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
        self.rule = ""

    def content(self) -> list[SourceLine]:
        """The lines the line rules read: not blank, dropped or joined."""
        return [line for line in self.lines if line.kind not in SKIPPED]

    # -- audit helpers -------------------------------------------------
    def drop_lines(self, first: SourceLine, last: SourceLine, reason: str) -> None:
        """Lines ``first``..``last`` (and the lines joined onto ``last``) are no part of the body."""
        last = last.through or last
        end = last.start + len(last.raw)
        self.drop_text(first.number, last.number, first.start, end, self.text[first.start : end], reason)

    def drop_text(self, line: int, end_line: int, start: int, end: int, text: str, reason: str) -> None:
        """``text`` at offsets ``start``..``end`` of lines ``line``..``end_line`` is no part of the body."""
        self.dropped.append(DroppedSpan(line, end_line, start, end, text, reason, self.rule))

    def joined(self, line: int, next_line: int, before: str, after: str, why: str = "page break") -> None:
        """Line ``next_line`` continues ``line``, the break between ``before`` and ``after``."""
        self.joins.append(PageBreakJoin(line, next_line, before, after, why, self.rule))

    def warn(self, line: int, message: str) -> None:
        """Line ``line`` looks wrong in a way not fixed."""
        self.warnings.append(Warning(line, message, self.rule))

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
        self.joined(block.last_line, line.number, before, after)
        if block.text and text and block.text[-1] == text[0] and is_cjk(text[0]):
            self.warn(
                line.number,
                f"character {text[0]} doubled across a page break (lines {block.last_line}-{line.number}): …{before}|{after}…",
            )
        block.text += text
        block.last_line = line.number
