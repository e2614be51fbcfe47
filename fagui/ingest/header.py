"""The header: the lines before the body, read by a chain of line rules
(:data:`HEADER_RULES`, see :mod:`fagui.ingest.rules`).

A header line is web-page chrome, a link to the source, the continuation of
the preamble paragraph before it, the title, a field of the order (order,
number, signatory, date: moved to front matter) or a paragraph of the
preamble.
"""

from __future__ import annotations

import re

from fagui.errors import FaguiError
from fagui.ingest import metadata as meta
from fagui.ingest.lines import LineReader, SourceLine
from fagui.ingest.rules import LineContext, LineDecision, LineRole, LineRule, named, read_lines
from fagui.ingest.structure import GROUP_HEADING_REASON, GROUP_HEADING_RE, TERMINAL, Block

WEB_CHROME = (
    (re.compile(r"^【法宝引证码】"), "web page header (citation code)"),
    (re.compile(r"^(?:来源|发布时间|发布日期|浏览次数|点击数|字号|打印本页|关闭窗口)[：:]"), "web page header"),
)
SOURCE_RE = re.compile(r"^原文链接[：:]\s*(\S+)\s*$")


class HeaderContext(LineContext):
    """The header being read: ``found``, the front-matter fields stated so
    far (the layout's first); ``preamble``, its paragraphs so far."""

    def __init__(self, reader: LineReader):
        super().__init__(reader)
        self.found = meta.FrontMatterDraft()
        self.found.update(reader.prepared.found)
        self.preamble: list[Block] = []

    def squeezed(self, line: SourceLine) -> str:
        """``line``'s normalised text without spaces."""
        return self.text(line).replace(" ", "")


@named
def web_chrome(ctx: HeaderContext, line: SourceLine) -> LineDecision | None:
    """A line opening with a web page's chrome (【法宝引证码】, 来源：, 发布时间：,
    打印本页：, ...) is dropped."""
    stripped = ctx.stripped(line)
    for pattern, reason in WEB_CHROME:
        if pattern.match(stripped):
            ctx.reader.drop_lines(line, line, reason)
            return ctx.decide(line, LineRole.WEB_CHROME)
    return None


@named
def source_link(ctx: HeaderContext, line: SourceLine) -> LineDecision | None:
    """原文链接：URL moves to the front matter's ``source`` (unless the
    layout stated one)."""
    m = SOURCE_RE.match(ctx.stripped(line))
    if not m:
        return None
    if ctx.found.source is None:
        ctx.found.source = m.group(1)
    ctx.reader.drop_lines(line, line, "web page header: moved to front matter (source)")
    return ctx.decide(line, LineRole.SOURCE_LINK)


@named
def preamble_continuation(ctx: HeaderContext, line: SourceLine) -> LineDecision | None:
    """A line after a preamble paragraph that ends on no sentence end
    (:data:`fagui.ingest.structure.TERMINAL`) continues it, a page break
    between, unless it is a title or field of the order."""
    squeezed = ctx.squeezed(line)
    if not ctx.preamble or ctx.preamble[-1].text[-1:] in TERMINAL or meta.header_kind(squeezed):
        return None
    ctx.reader.join(ctx.preamble[-1], line, ctx.text(line))
    return ctx.decide(line, LineRole.CONTINUATION)


@named
def title_line(ctx: HeaderContext, line: SourceLine) -> LineDecision | None:
    """A line shaped as a title (:data:`fagui.ingest.metadata.TITLE_RE`) is
    the title, moved to the ``#`` heading and front matter; the same title
    again is dropped; another title-like line is kept as preamble, with a
    warning."""
    squeezed = ctx.squeezed(line)
    if meta.header_kind(squeezed) != "title":
        return None
    if ctx.found.title is None:
        ctx.found.title = squeezed
        ctx.reader.drop_lines(line, line, "title: moved to the # heading and front matter (title)")
    elif squeezed == ctx.found.title:
        ctx.reader.drop_lines(line, line, "repeated title")
    else:
        ctx.reader.warn(line.number, f"second title-like line kept as preamble: {squeezed}")
        ctx.preamble.append(Block(ctx.text(line), line.number, line.number))
        return ctx.decide(line, LineRole.PREAMBLE)
    return ctx.decide(line, LineRole.TITLE)


@named
def order_field(ctx: HeaderContext, line: SourceLine) -> LineDecision | None:
    """An order line, document number, signature or date of the order
    (:func:`fagui.ingest.metadata.header_kind`) moves to front matter."""
    kind = meta.header_kind(ctx.squeezed(line))
    if kind in (None, "title"):
        return None
    try:
        fields, reason = meta.header_fields(kind, ctx.squeezed(line))
    except meta.ImpossibleDate as exc:
        raise FaguiError(str(exc), ctx.reader.source, line.number) from None
    ctx.found.update(fields)
    ctx.reader.drop_lines(line, line, reason)
    return ctx.decide(line, LineRole.HEADER_FIELD)


@named
def preamble_paragraph(ctx: HeaderContext, line: SourceLine) -> LineDecision | None:
    """Any other header line opens a paragraph of the preamble."""
    ctx.preamble.append(Block(ctx.text(line), line.number, line.number))
    return ctx.decide(line, LineRole.PREAMBLE)


HEADER_RULES = (web_chrome, source_link, preamble_continuation, title_line, order_field, preamble_paragraph)
"""The header's line rules, in the order they are tried on each line."""


def read_header(
    reader: LineReader, lines: list[SourceLine], chain: tuple[LineRule, ...] = HEADER_RULES
) -> tuple[meta.FrontMatterDraft, list[str], list[LineDecision]]:
    """The front-matter fields and preamble paragraphs of the header
    ``lines``, read by ``chain``, and its decisions. Then a preamble
    paragraph that is the 题注 moves to the history (:func:`bracketed_history`),
    a last one that heads a group of articles is dropped
    (:func:`preamble_group_heading`), and an order and a number make the
    document number. Raises FaguiError when no title was found."""
    ctx = HeaderContext(reader)
    decisions = read_lines(ctx, lines, chain)
    found = ctx.found
    if found.title is None:
        raise FaguiError("no title found before the first article", reader.source)
    preamble = bracketed_history(reader, ctx.preamble, found)
    preamble_group_heading(reader, preamble)
    found.document_number_of_order()
    return found, [b.text for b in preamble], decisions


def bracketed_history(reader: LineReader, preamble: list[Block], found: meta.FrontMatterDraft) -> list[Block]:
    """The preamble without a paragraph that is the 题注 in brackets
    (（2019年10月18日…会议通过）, :func:`meta.bracketed_history`): its events
    move to the front matter's history, unless the layout gave one."""
    reader.rule = "bracketed_history"
    kept = []
    for block in preamble:
        try:
            entries = [] if found.history is not None else meta.bracketed_history(block.text.replace(" ", ""))
        except meta.ImpossibleDate as exc:
            raise FaguiError(str(exc), reader.source, block.line) from None
        if not entries:
            kept.append(block)
            continue
        found.history = tuple(entries)
        reader.joins = [j for j in reader.joins if not block.line <= j.line < block.last_line]
        reader.drop_lines(reader.lines[block.line - 1], reader.lines[block.last_line - 1], meta.HISTORY_REASON)
    return kept


def preamble_group_heading(reader: LineReader, preamble: list[Block]) -> None:
    """A last preamble paragraph shaped as the heading of a group of
    articles (:data:`fagui.ingest.structure.GROUP_HEADING_RE`) heads the
    first group: it is dropped, as the body's group headings are."""
    reader.rule = "preamble_group_heading"
    if preamble and GROUP_HEADING_RE.match(preamble[-1].text):
        block = preamble.pop()
        reader.drop_lines(reader.lines[block.line - 1], reader.lines[block.last_line - 1], GROUP_HEADING_REASON)
