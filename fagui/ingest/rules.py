"""Line rules: how ingestion decides what each line of a source is.

A line rule is a plain function ``rule(ctx, line) -> LineDecision | None``
whose docstring is its rule. It returns None when the rule does not hold
for ``line``; else it makes its change through ``ctx`` (opens an article,
moves a field to front matter, drops the line with its reason, ...) and
returns the :class:`LineDecision`. A chain is a tuple of rules, data like
the alignment's passes: :func:`read_lines` tries them in order on each line
and the first that decides wins. The header's chain is
:data:`fagui.ingest.header.HEADER_RULES`, the body's
:data:`fagui.ingest.body.BODY_RULES`.

Every rule is wrapped by :func:`named`, so that what it drops, joins or
warns of names it in the audit, whether a chain runs it or a caller
(a test) calls it alone on one line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from typing import NamedTuple, TypeVar

from fagui.ingest.lines import LineReader, SourceLine


class LineRole(StrEnum):
    """What a line rule decided a line is."""

    WEB_CHROME = "web page chrome"
    SOURCE_LINK = "source link"
    CONTINUATION = "continuation of the line before"
    TITLE = "title"
    HEADER_FIELD = "header field"
    PREAMBLE = "preamble paragraph"
    ARTICLE = "article"
    DIVISION = "division heading"
    HEADING_TAIL = "rest of a heading"
    GROUP_HEADING = "heading of a group of articles"
    OUTSIDE = "text outside any article"
    AFTER_LAST = "matter after the last article"
    ITEM = "item"
    PARAGRAPH = "paragraph"
    UNREAD = "read by no rule"


class LineDecision(NamedTuple):
    """Line ``line`` is ``role``, as ``rule`` decided; ``last``: no later
    line is read (the rest is not part of the regulation). (A named tuple,
    not a dataclass: one is made for every line, and it costs a third.)"""

    rule: str
    line: int
    role: LineRole
    last: bool = False


class LineContext:
    """What line rules read and change: the :class:`LineReader` (the lines
    and the audit), and the line being read, stripped and normalised once
    (each counted once as a normalisation, whichever rule asks first)."""

    def __init__(self, reader: LineReader):
        self.reader = reader
        self._at: SourceLine | None = None
        self._stripped = ""
        self._text: str | None = None

    def begin(self, line: SourceLine) -> None:
        """Called before the rules read ``line``."""

    def stripped(self, line: SourceLine) -> str:
        """``line``'s text without indentation."""
        if line is not self._at:
            self._at, self._stripped, self._text = line, self.reader.strip(line), None
        return self._stripped

    def text(self, line: SourceLine) -> str:
        """``line``'s text without indentation, normalised in form."""
        stripped = self.stripped(line)
        if self._text is None:
            self._text = self.reader.normalise(stripped)
        return self._text

    def decide(self, line: SourceLine, role: LineRole, last: bool = False) -> LineDecision:
        """The decision of the rule now running: ``line`` is ``role``."""
        return LineDecision(self.reader.rule, line.number, role, last)


Context = TypeVar("Context", bound=LineContext)
LineRule = Callable[[Context, SourceLine], "LineDecision | None"]

UNREAD_REASON = "no rule of the chain read this line"


def named(rule: LineRule) -> LineRule:
    """``rule``, recording its name in the reader while it runs: what it
    drops, joins or warns of names it in the audit."""
    name = rule.__name__

    @functools.wraps(rule)
    def run(ctx: LineContext, line: SourceLine, rule: LineRule = rule, name: str = name) -> LineDecision | None:
        ctx.reader.rule = name
        return rule(ctx, line)

    return run


def read_lines(ctx: LineContext, lines: list[SourceLine], chain: tuple[LineRule, ...]) -> list[LineDecision]:
    """Each line of ``lines`` decided by the first rule of ``chain`` that
    holds for it, until a decision is the last. A line no rule decides (a
    chain without its last rule) is dropped, and the audit says so."""
    decisions = []
    reader = ctx.reader
    # Each rule's name set here and the rule run unwrapped: one call, not two, a rule and line.
    named_rules = [(rule.__name__, getattr(rule, "__wrapped__", rule)) for rule in chain]
    for line in lines:
        ctx.begin(line)
        for name, rule in named_rules:
            reader.rule = name
            decision = rule(ctx, line)
            if decision is not None:
                break
        else:
            ctx.reader.rule = ""
            ctx.reader.drop_lines(line, line, UNREAD_REASON)
            decision = ctx.decide(line, LineRole.UNREAD)
        decisions.append(decision)
        if decision.last:
            break
    return decisions
