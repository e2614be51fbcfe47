"""Decoded source text to a Regulation, with the audit of what was done.

Reading runs in steps, each named in the audit entries it makes:

1. passes over the whole source (:data:`SOURCE_PASSES`): remove marks and
   control characters, apply the layout's drops and marks, join the lines
   it says were wrapped, and classify each line by its label (article,
   division, 目录); then :func:`find_body` finds where the body starts and
   drops a table of contents;
2. the header's line rules (:data:`fagui.ingest.header.HEADER_RULES`) on
   the lines before the body: web-page chrome, source link, title, fields
   of the order, preamble;
3. the body's line rules (:data:`fagui.ingest.body.BODY_RULES`) from the
   body's first line: articles, divisions, items, paragraphs, and what is
   dropped;
4. the drafts become the model's Articles and Divisions, and the metadata
   is assembled.

Everything that does not reach the body is a dropped span in the audit,
with its reason and the rule that dropped it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from fagui.errors import FaguiError
from fagui.ingest import metadata as meta
from fagui.ingest.audit import Audit
from fagui.ingest.body import BODY_RULES, read_body
from fagui.ingest.header import HEADER_RULES, read_header
from fagui.ingest.layout import Prepared
from fagui.ingest.lines import LineKind, LineReader
from fagui.ingest.rules import LineDecision, LineRule
from fagui.ingest.structure import (
    ArticleDraft,
    DivisionDraft,
    build_paragraphs,
    count_items,
    division_title,
    freeze,
    ordered_counts,
    opens_article,
    opens_first_article,
)
from fagui.model import Article, Metadata, Regulation
from fagui.text.control import CONTROL, control_name
from fagui.text.labels import MalformedLabel, read_label
from fagui.text.normalise import INDENT

BOOKMARK_RE = re.compile(r"\[bookmark:[^\]\n]*\]")
TOC_RE = re.compile(r"^目[ \t\u3000]*录$")


def remove_marks(reader: LineReader) -> None:
    """Remove Word bookmark markers, the inline marks the layout names and
    control characters (:data:`fagui.text.control.CONTROL`: no words are
    made of them, and printed they drive a terminal), each a dropped span;
    a line left with no text is blank."""
    inline: dict[int, list] = {}
    for mark in reader.prepared.inline:
        inline.setdefault(mark.line, []).append((mark.start, mark.end, mark.reason))
    for line in reader.lines:
        pieces, pos = [], 0
        bookmarks = [(m.start(), m.end(), "Word bookmark marker") for m in BOOKMARK_RE.finditer(line.raw)]
        marks = sorted(bookmarks + inline.get(line.number, []))
        controls = [
            (m.start(), m.end(), control_name(m.group()))
            for m in CONTROL.finditer(line.raw)
            if not any(start <= m.start() < end for start, end, _ in marks)
        ]
        for start, end, reason in sorted(marks + controls):
            pieces.append(line.raw[pos:start])
            reader.drop_text(line.number, line.number, line.start + start, line.start + end, line.raw[start:end], reason)
            pos = end
        pieces.append(line.raw[pos:])
        line.text = "".join(pieces)
        line.kind = LineKind.BLANK if not line.text.strip(INDENT) else LineKind.TEXT


def apply_layout(reader: LineReader) -> None:
    """Drop the lines the source's layout says are no part of the
    regulation, and remove its marks at the start of lines."""
    for drop in reader.prepared.drops:
        reader.drop_lines(reader.lines[drop.first - 1], reader.lines[drop.last - 1], drop.reason)
        for line in reader.lines[drop.first - 1 : drop.last]:
            line.kind = LineKind.DROPPED
    for mark in reader.prepared.marks:
        line = reader.lines[mark.line - 1]
        line.text = line.text[mark.width :]
        line.heading = mark.heading
        if mark.width:
            reader.norm[mark.kind] += 1


def join_wrapped(reader: LineReader) -> None:
    """Join each line the layout says continues the line before it (a
    PDF's wrapped line) onto that line, before the lines are read."""
    previous, wrapped = None, dict(reader.prepared.joined)
    for line in reader.content():
        if line.number in wrapped and previous is not None:
            text = line.text.strip(" \t\u3000\u00a0")
            reader.joined(previous.number, line.number, previous.text[-6:], text[:6], wrapped[line.number])
            previous.text = previous.text.rstrip(" \t\u3000\u00a0") + text
            previous.through, line.kind = line, LineKind.JOINED
        else:
            previous = line


def classify_structure(reader: LineReader) -> None:
    """Read each line's label (a malformed numeral is an error naming the
    line) and mark the lines that open an article or the first article
    (:func:`fagui.ingest.structure.opens_article`, ``opens_first_article``),
    that are a division heading, or that are a 目录 line."""
    for line in reader.content():
        squeezed = line.text.strip(INDENT)
        try:
            line.label = read_label(squeezed)
        except MalformedLabel as exc:
            raise FaguiError(str(exc), reader.source, line.number) from None
        if opens_article(squeezed, line.label) or opens_first_article(squeezed, line.label):
            line.kind = LineKind.ARTICLE
        elif division_title(squeezed, line.label, line.heading) is not None:
            line.kind = LineKind.DIVISION
        elif TOC_RE.match(squeezed):
            line.kind = LineKind.TOC


SourcePass = Callable[[LineReader], None]
SOURCE_PASSES: tuple[SourcePass, ...] = (remove_marks, apply_layout, join_wrapped, classify_structure)
"""The passes over the whole source before the body is found, in order."""


def find_body(reader: LineReader) -> int:
    """The number of the line where the body starts: the first division
    heading before the first article, or that article. When the first
    heading's label comes again before the first article, the lines from
    目录 (or the first heading) to the last repeat are a table of contents,
    dropped, and the body starts at that repeat; a 目录 line with no such
    repeat is warned of. Raises FaguiError when no line opens an article."""
    lines = reader.content()
    first_article = next((i for i, l in enumerate(lines) if l.kind == LineKind.ARTICLE), None)
    if first_article is None:
        raise FaguiError("no articles found (no line starts with 第…条): not a regulation", reader.source)
    toc_at = next((i for i, l in enumerate(lines[:first_article]) if l.kind == LineKind.TOC), None)
    headings = [i for i, l in enumerate(lines[:first_article]) if l.kind == LineKind.DIVISION]
    body = headings[0] if headings else first_article
    if headings:
        first_label = lines[headings[0]].label.text
        again = [i for i in headings[1:] if lines[i].label.text == first_label]
        if again:
            toc_first = toc_at if toc_at is not None and toc_at < headings[0] else headings[0]
            toc_last = again[-1] - 1
            reader.drop_lines(lines[toc_first], lines[toc_last], "table of contents")
            for l in lines[toc_first : toc_last + 1]:
                l.kind = LineKind.DROPPED
            body = again[-1]
        elif toc_at is not None:
            reader.warn(lines[toc_at].number, "目录 line without a recognisable table of contents")
    return lines[body].number


def parse(
    prepared: Prepared,
    source: str,
    *,
    source_passes: tuple[SourcePass, ...] = SOURCE_PASSES,
    header_rules: tuple[LineRule, ...] = HEADER_RULES,
    body_rules: tuple[LineRule, ...] = BODY_RULES,
) -> tuple[Regulation, Audit]:
    """Parse a prepared source into a Regulation and its Audit.

    ``source`` names the input in messages and becomes the ``source`` field
    when the text names no 原文链接. Raises FaguiError when the text has no
    articles, no title, or duplicate article numbers. ``source_passes``,
    ``header_rules`` and ``body_rules`` replace the chains (to see what one
    pass or rule does).
    """
    regulation, audit, _ = parse_with_decisions(
        prepared, source, source_passes=source_passes, header_rules=header_rules, body_rules=body_rules
    )
    return regulation, audit


def parse_with_decisions(
    prepared: Prepared,
    source: str,
    *,
    source_passes: tuple[SourcePass, ...] = SOURCE_PASSES,
    header_rules: tuple[LineRule, ...] = HEADER_RULES,
    body_rules: tuple[LineRule, ...] = BODY_RULES,
) -> tuple[Regulation, Audit, tuple[LineDecision, ...]]:
    """:func:`parse`, with the decision the line rules made on each line
    they read, in order."""
    reader = LineReader(prepared, source)
    for run in source_passes:
        reader.rule = run.__name__
        run(reader)
    reader.rule = find_body.__name__
    body_line = find_body(reader)
    content = reader.content()
    header = [line for line in content if line.number < body_line]
    found, preamble, header_decisions = read_header(reader, header, header_rules)
    root, drafts, body_decisions = read_body(reader, [line for line in reader.content() if line.number >= body_line], body_rules)
    regulation, audit = assemble(reader, found, preamble, root, drafts)
    return regulation, audit, tuple(header_decisions + body_decisions)


def assemble(
    reader: LineReader, found: meta.FrontMatterDraft, preamble: list[str], root: list[DivisionDraft | ArticleDraft], drafts: list[ArticleDraft]
) -> tuple[Regulation, Audit]:
    """The Regulation the drafts make, with the metadata, and the Audit of
    everything ``reader`` recorded. An article with no text, item numbering
    that looks wrong and an effective date in doubt are warned of."""
    reader.rule = "assemble_articles"
    counts: Counter = Counter()
    articles = {}
    for draft in drafts:
        if not draft.blocks:
            reader.warn(draft.line, f"{draft.label} has no text")
        paragraphs, item_warnings = build_paragraphs(draft)
        for message in item_warnings:
            reader.warn(draft.line, f"{draft.label}: {message}")
        articles[id(draft)] = Article(draft.number, draft.label, paragraphs, draft.suffix)
        counts["paragraphs"] += len(paragraphs)
        counts["items"] += sum(count_items(p.items) for p in paragraphs)
    body = tuple(freeze(node, articles, counts) for node in root)
    reader.rule = "assemble_metadata"
    try:
        metadata = _metadata(reader, found, preamble, drafts)
    except meta.ImpossibleDate as exc:
        raise FaguiError(str(exc), reader.source, reader.line_of(exc.text)) from None
    regulation = Regulation(metadata, tuple(preamble), body)
    ordered = tuple((k, len(drafts) if k == "articles" else n) for k, n in ordered_counts(counts))
    audit = Audit(
        source=reader.source,
        encoding="",
        line_ends="",
        source_sha256="",
        source_lines=reader.text.count("\n") + (not reader.text.endswith("\n")),
        source_chars=len(reader.text),
        counts=ordered,
        normalisations=tuple(sorted(reader.norm.items())),
        dropped=tuple(sorted(reader.dropped, key=lambda s: s.start)),
        joins=tuple(reader.joins),
        warnings=tuple(sorted(reader.warnings, key=lambda w: w.line)),
    )
    return regulation, audit


def _metadata(reader: LineReader, found: meta.FrontMatterDraft, preamble: list[str], drafts: list[ArticleDraft]) -> Metadata:
    closing = [b.text for d in drafts[-3:] for b in d.blocks]
    metadata, warning = meta.assemble(found, preamble, closing, reader.source)
    if warning:
        reader.warn(drafts[-1].line, warning)
    return metadata
