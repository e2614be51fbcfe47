"""Decoded source text to a Regulation, with the audit of what was done.

The source is read line by line. Each line is web-page chrome, part of the
header (title, order, number, signatory, date, promulgation text), a table of
contents, a division heading, an article, an item, a paragraph, the
continuation of a paragraph split by a page break, or matter after the last
article. Everything that does not reach the body is a dropped span in the
audit, with its reason.
"""

from __future__ import annotations

import re
from collections import Counter

from fagui.errors import FaguiError
from fagui.ingest import metadata as meta
from fagui.ingest.audit import Audit, DroppedSpan, PageBreakJoin, Warning
from fagui.ingest.layout import Prepared
from fagui.ingest.lines import LineReader, SourceLine
from fagui.ingest.structure import (
    EFFECTIVE_CLAUSE_RE,
    GROUP_HEADING_REASON,
    GROUP_HEADING_RE,
    TERMINAL,
    ArticleDraft,
    Block,
    build_paragraphs,
    count_items,
    division_title,
    ends_paragraph,
    freeze,
    group_heading,
    heading_tail,
    key_text,
    ordered_counts,
    last_words,
    opens_article,
    opens_first_article,
)
from fagui.model import DIVISION_KINDS, Article, ArticleKey, Metadata, Regulation
from fagui.text.control import CONTROL, control_name
from fagui.text.items import parse_marker
from fagui.text.labels import DASHES, MalformedLabel, read_label
from fagui.text.normalise import INDENT, normalise

BOOKMARK_RE = re.compile(r"\[bookmark:[^\]\n]*\]")
WEB_CHROME = (
    (re.compile(r"^【法宝引证码】"), "web page header (citation code)"),
    (re.compile(r"^(?:来源|发布时间|发布日期|浏览次数|点击数|字号|打印本页|关闭窗口)[：:]"), "web page header"),
)
SOURCE_RE = re.compile(r"^原文链接[：:]\s*(\S+)\s*$")
TOC_RE = re.compile(r"^目[ \t\u3000]*录$")


class _Parser(LineReader):
    # -- passes ----------------------------------------------------------
    def remove_marks(self) -> None:
        """Remove Word bookmark markers, the inline marks the layout names and
        control characters (:data:`fagui.text.control.CONTROL`: no words are
        made of them, and printed they drive a terminal), each a dropped span."""
        inline: dict[int, list] = {}
        for mark in self.prepared.inline:
            inline.setdefault(mark.line, []).append((mark.start, mark.end, mark.reason))
        for line in self.lines:
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
                self.dropped.append(DroppedSpan(line.number, line.number, line.start + start, line.start + end, line.raw[start:end], reason))
                pos = end
            pieces.append(line.raw[pos:])
            line.text = "".join(pieces)
            line.kind = "blank" if not line.text.strip(INDENT) else ""

    def apply_layout(self) -> None:
        """Drop the lines the source's layout says are no part of the
        regulation, and remove its marks at the start of lines."""
        for drop in self.prepared.drops:
            self.drop_lines(self.lines[drop.first - 1], self.lines[drop.last - 1], drop.reason)
            for line in self.lines[drop.first - 1 : drop.last]:
                line.kind = "dropped"
        for mark in self.prepared.marks:
            line = self.lines[mark.line - 1]
            line.text = line.text[mark.width :]
            line.heading = mark.heading
            if mark.width:
                self.norm[mark.kind] += 1

    def join_wrapped(self) -> None:
        """Join each line the layout says continues the line before it (a
        PDF's wrapped line) onto that line, before the lines are read."""
        previous, wrapped = None, dict(self.prepared.joined)
        for line in self.content():
            if line.number in wrapped and previous is not None:
                text = line.text.strip(" \t\u3000\u00a0")
                self.joins.append(PageBreakJoin(previous.number, line.number, previous.text[-6:], text[:6], wrapped[line.number]))
                previous.text = previous.text.rstrip(" \t\u3000\u00a0") + text
                previous.through, line.kind = line, "joined"
            else:
                previous = line

    def content(self) -> list[SourceLine]:
        return [line for line in self.lines if line.kind not in ("blank", "dropped", "joined")]

    def classify_structure(self) -> None:
        for line in self.content():
            squeezed = line.text.strip(INDENT)
            try:
                line.label = read_label(squeezed)
            except MalformedLabel as exc:
                raise FaguiError(str(exc), self.source, line.number) from None
            if opens_article(squeezed, line.label) or opens_first_article(squeezed, line.label):
                line.kind = "article"
            elif division_title(squeezed, line.label, line.heading) is not None:
                line.kind = "division"
            elif TOC_RE.match(squeezed):
                line.kind = "toc"

    def take_label(self, line: SourceLine, stripped: str) -> str:
        """The canonical label of a line that opens an article or division;
        invisible characters inside it are dropped spans, other changes of
        form (第10条, 第１０条) counted."""
        label = line.label
        lead = line.raw.find(stripped[: label.end]) if line.text == line.raw else -1
        for i in label.invisible:
            start = line.start + lead + i if lead >= 0 else line.start
            self.dropped.append(
                DroppedSpan(line.number, line.number, start, start + 1, stripped[i], f"{'space' if stripped[i].isspace() else 'invisible character'} U+{ord(stripped[i]):04X} inside the label {label.text}")
            )
        if label.as_written != label.text:
            self.norm["labels written canonically"] += 1
            if any(d in label.as_written for d in DASHES):
                self.warnings.append(Warning(line.number, f"a dash in the label {label.as_written} read as 一: {label.text}"))
        return label.text

    def find_body(self) -> int:
        """Index into self.lines where the body starts; marks a table of contents."""
        lines = self.content()
        first_article = next((i for i, l in enumerate(lines) if l.kind == "article"), None)
        if first_article is None:
            raise FaguiError("no articles found (no line starts with 第…条): not a regulation", self.source)
        toc_at = next((i for i, l in enumerate(lines[:first_article]) if l.kind == "toc"), None)
        headings = [i for i, l in enumerate(lines[:first_article]) if l.kind == "division"]
        body = headings[0] if headings else first_article
        if headings:
            first_label = lines[headings[0]].label.text
            again = [i for i in headings[1:] if lines[i].label.text == first_label]
            if again:
                toc_first = toc_at if toc_at is not None and toc_at < headings[0] else headings[0]
                toc_last = again[-1] - 1
                self.drop_lines(lines[toc_first], lines[toc_last], "table of contents")
                for l in lines[toc_first : toc_last + 1]:
                    l.kind = "dropped"
                body = again[-1]
            elif toc_at is not None:
                self.warnings.append(Warning(lines[toc_at].number, "目录 line without a recognisable table of contents"))
        return lines[body].number

    # -- header ----------------------------------------------------------
    def parse_header(self, body_line: int) -> tuple[dict, list[str]]:
        found: dict = dict(self.prepared.found)
        preamble: list[Block] = []
        for line in self.content():
            if line.number >= body_line:
                break
            stripped = self.strip(line)
            for pattern, reason in WEB_CHROME:
                if pattern.match(stripped):
                    self.drop_lines(line, line, reason)
                    line.kind = "dropped"
            if line.kind == "dropped":
                continue
            m = SOURCE_RE.match(stripped)
            if m:
                found.setdefault("source", m.group(1))
                self.drop_lines(line, line, "web page header: moved to front matter (source)")
                continue
            text = self.normalise(stripped)
            squeezed = text.replace(" ", "")
            if preamble and preamble[-1].text[-1:] not in TERMINAL and not meta.header_kind(squeezed, found):
                self.join(preamble[-1], line, text)
                continue
            kind = meta.header_kind(squeezed, found)
            if kind == "title":
                if "title" in found:
                    if squeezed == found["title"]:
                        self.drop_lines(line, line, "repeated title")
                        continue
                    self.warnings.append(Warning(line.number, f"second title-like line kept as preamble: {squeezed}"))
                    preamble.append(Block(text, line.number, line.number))
                    continue
                found["title"] = squeezed
                self.drop_lines(line, line, "title: moved to the # heading and front matter (title)")
                continue
            if kind is not None:
                try:
                    fields, reason = meta.header_fields(kind, squeezed)
                except meta.ImpossibleDate as exc:
                    raise FaguiError(str(exc), self.source, line.number) from None
                found.update(fields)
                self.drop_lines(line, line, reason)
            else:
                preamble.append(Block(text, line.number, line.number))
        if "title" not in found:
            raise FaguiError("no title found before the first article", self.source)
        preamble = self.take_history(preamble, found)
        if preamble and GROUP_HEADING_RE.match(preamble[-1].text):  # the first group's heading
            block = preamble.pop()
            self.drop_lines(self.lines[block.line - 1], self.lines[block.last_line - 1], GROUP_HEADING_REASON)
        if "order" in found:
            found["document_number"] = found.pop("order").removeprefix("中华人民共和国") + found.pop("number", "")
        elif "number" in found:
            found["document_number"] = found.pop("number")
        return found, [b.text for b in preamble]

    def take_history(self, preamble: list[Block], found: dict) -> list[Block]:
        """The preamble without a paragraph that is the 题注 in brackets
        (（2019年10月18日…会议通过）, :func:`meta.bracketed_history`): its events
        move to the front matter's history, unless the layout gave one."""
        kept = []
        for block in preamble:
            try:
                entries = [] if "history" in found else meta.bracketed_history(block.text.replace(" ", ""))
            except meta.ImpossibleDate as exc:
                raise FaguiError(str(exc), self.source, block.line) from None
            if not entries:
                kept.append(block)
                continue
            found["history"] = tuple(entries)
            self.joins = [j for j in self.joins if not block.line <= j.line < block.last_line]
            self.drop_lines(self.lines[block.line - 1], self.lines[block.last_line - 1], meta.HISTORY_REASON)
        return kept

    # -- body ------------------------------------------------------------
    def parse_body(self, body_line: int) -> tuple[list, list[ArticleDraft]]:
        lines = [l for l in self.content() if l.number >= body_line]
        articles: list[ArticleDraft] = []
        stack: list[tuple[str, int, str, str, list]] = []  # (kind, number, label, title, children)
        root: list = []
        seen: dict[ArticleKey, int] = {}
        current: ArticleDraft | None = None
        headed: int | None = None  # the line number of the heading just before, if any
        self._later = _later_articles(lines)
        self._closed = {}
        for index, line in enumerate(lines):
            stripped = self.strip(line)
            last_block = current.blocks[-1] if current and current.blocks else None
            label = line.label
            unterminated = last_block is not None and not ends_paragraph(last_block.text)
            previous = articles[-1].key if articles else (0, 0)
            due = ((previous[0] + 1, 0), (previous[0], previous[1] + 1))
            # 第八条 without a space after it opens an article only where one
            # is due: mid-sentence it is a cross-reference split by a page break.
            opens = opens_article(stripped, label) or (
                label is not None and label.kind == "条" and not unterminated and label.key in due
            )
            wrapped, headed = headed, None
            if opens:
                if label.key in seen:
                    raise FaguiError(
                        f"duplicate article number {label.text} (first at line {seen[label.key]})", self.source, line.number
                    )
                if label.key not in due:
                    self.warnings.append(
                        Warning(line.number, f"article numbering jumps from {key_text(previous)} to {key_text(label.key)}")
                    )
                seen[label.key] = line.number
                current = ArticleDraft(label.number, self.take_label(line, stripped), line.number, suffix=label.suffix)
                (stack[-1][4] if stack else root).append(current)
                articles.append(current)
                rest = stripped[label.end :]
                if rest.strip(" \t\u3000"):
                    self.add_text(current, line, self.normalise(rest))
                continue
            title = division_title(stripped, label, line.heading)
            if title is not None and (line.heading or not unterminated):
                kind = label.kind
                while stack and DIVISION_KINDS.index(stack[-1][0]) >= DIVISION_KINDS.index(kind):
                    stack.pop()
                node = (kind, label.number, self.take_label(line, stripped), self.normalise(title), [])
                (stack[-1][4] if stack else root).append(node)
                stack.append(node)
                # A heading closes the article before it.
                current = None
                headed = line.number
                continue
            text = self.normalise(stripped)
            following = lines[index + 1].kind if index + 1 < len(lines) else ""
            if current is None and wrapped is not None and heading_tail(stack[-1][3], text, following):
                kind, number, label_text, title, children = stack[-1]
                stack[-1] = (kind, number, label_text, title + text, children)
                parent = stack[-2][4] if len(stack) > 1 else root
                parent[-1] = stack[-1]
                self.joins.append(PageBreakJoin(wrapped, line.number, title[-6:], text[:6], "heading wrapped onto a second line"))
                headed = line.number
                continue
            if group_heading(text, lines[index + 1].label if index + 1 < len(lines) else None):
                self.drop_lines(line, line, GROUP_HEADING_REASON)
                continue
            if current is None:
                self.drop_lines(line, line, "text between a heading and the next article, outside any article")
                self.warnings.append(Warning(line.number, "text outside any article dropped"))
                continue
            if self.after_last_article(current, lines, index, unterminated):
                self.check_repeated(articles[0], lines[index:])
                self.drop_lines(line, lines[-1], "matter after the last article (not part of the regulation)")
                break
            self.add_text(current, line, text, unterminated)
        return root, articles

    def after_last_article(self, current: ArticleDraft, lines: list[SourceLine], index: int, unterminated: bool) -> bool:
        """True when a plain line follows a closed effective-date clause and no
        further article follows, and it is not one of the article's last
        words (:func:`last_words`): the rest is not part of the regulation."""
        if unterminated or not current.blocks:
            return False
        if not self.has_effective_clause(current):
            return False
        if last_words(self.normalise(self.strip(lines[index]))):
            return False
        # A later line opening with a later article's label, glued to its text or not, is more of the body.
        return not self._later[index] > current.key

    def check_repeated(self, first: ArticleDraft, rest: list[SourceLine]) -> None:
        """Matter after the last article in which the first article starts
        again: with the same words, the regulation was pasted twice, which is
        refused (one copy could be an older or newer version: which to keep is
        the user's call); with other words (an annex with articles of its
        own), a warning names the line, since it is dropped."""
        for at, line in enumerate(rest):
            label = line.label
            text = line.text.strip(INDENT)
            if label is None or label.kind != "条" or label.key != first.key or not opens_article(text, label):
                continue
            words = text[label.end :] + "".join(l.text for l in rest[at + 1 : at + 2] if l.label is None)
            again = "".join(normalise(words)[0].split())[:30]
            own = "".join(first.blocks[0].text.split())[:30] if first.blocks else ""
            if again and again[: len(own)] == own[: len(again)]:
                raise FaguiError(
                    f"the text is repeated: {first.label} starts again at line {line.number} (pasted twice?); keep one copy",
                    self.source,
                    line.number,
                )
            self.warnings.append(
                Warning(line.number, f"{first.label} starts again after the last article: dropped with the matter after it")
            )
            return

    def has_effective_clause(self, article: ArticleDraft) -> bool:
        """Whether a block of ``article`` states when the regulation takes
        effect. Blocks before the last are final (only the last grows by
        joins), so each is searched once: a long article costs linear time,
        not the square of its paragraphs."""
        checked, found = self._closed.get(id(article), (0, False))
        final = len(article.blocks) - 1
        for block in article.blocks[checked:final]:
            found = found or bool(EFFECTIVE_CLAUSE_RE.search(block.text))
        self._closed[id(article)] = (max(checked, final), found)
        return found or bool(EFFECTIVE_CLAUSE_RE.search(article.blocks[-1].text))

    def add_text(self, article: ArticleDraft, line: SourceLine, text: str, unterminated: bool = False) -> None:
        marker = parse_marker(text)
        if unterminated and marker is None:
            self.join(article.blocks[-1], line, text)
            return
        if marker is not None:
            style, number, marker_text, rest = marker
            article.blocks.append(Block(rest, line.number, line.number, marker_text, style, number))
        else:
            article.blocks.append(Block(text, line.number, line.number))

    # -- assembly --------------------------------------------------------
    def build(self) -> tuple[Regulation, Audit]:
        self.remove_marks()
        self.apply_layout()
        self.join_wrapped()
        self.classify_structure()
        body_line = self.find_body()
        found, preamble = self.parse_header(body_line)
        root, drafts = self.parse_body(body_line)
        counts = Counter()
        articles = {}
        for draft in drafts:
            if not draft.blocks:
                self.warnings.append(Warning(draft.line, f"{draft.label} has no text"))
            paragraphs, item_warnings = build_paragraphs(draft)
            for message in item_warnings:
                self.warnings.append(Warning(draft.line, f"{draft.label}: {message}"))
            articles[id(draft)] = Article(draft.number, draft.label, paragraphs, draft.suffix)
            counts["paragraphs"] += len(paragraphs)
            counts["items"] += sum(count_items(p.items) for p in paragraphs)
        body = tuple(freeze(node, articles, counts) for node in root)
        try:
            metadata = self.metadata(found, preamble, drafts)
        except meta.ImpossibleDate as exc:
            raise FaguiError(str(exc), self.source, self.line_of(exc.text)) from None
        regulation = Regulation(metadata, tuple(preamble), body)
        ordered = tuple((k, len(drafts) if k == "articles" else n) for k, n in ordered_counts(counts))
        audit = Audit(
            source=self.source,
            encoding="",
            line_ends="",
            source_sha256="",
            source_lines=self.text.count("\n") + (not self.text.endswith("\n")),
            source_chars=len(self.text),
            counts=ordered,
            normalisations=tuple(sorted(self.norm.items())),
            dropped=tuple(sorted(self.dropped, key=lambda s: s.start)),
            joins=tuple(self.joins),
            warnings=tuple(sorted(self.warnings, key=lambda w: w.line)),
        )
        return regulation, audit

    def metadata(self, found: dict, preamble: list[str], drafts: list[ArticleDraft]) -> Metadata:
        closing = [b.text for d in drafts[-3:] for b in d.blocks]
        metadata, warning = meta.assemble(found, preamble, closing, self.source)
        if warning:
            self.warnings.append(Warning(drafts[-1].line, warning))
        return metadata


def parse(prepared: Prepared, source: str) -> tuple[Regulation, Audit]:
    """Parse a prepared source into a Regulation and its Audit.

    ``source`` names the input in messages and becomes the ``source`` field
    when the text names no 原文链接. Raises FaguiError when the text has no
    articles, no title, or duplicate article numbers.
    """
    return _Parser(prepared, source).build()


def _later_articles(lines: list[SourceLine]) -> list[ArticleKey]:
    """For each line, the largest article key a later line opens with
    ((0, 0) if none): computed once, so that asking costs no rescan."""
    out, largest = [(0, 0)] * len(lines), (0, 0)
    for index in range(len(lines) - 1, -1, -1):
        out[index] = largest
        label = lines[index].label
        if label is not None and label.kind == "条" and label.key > largest:
            largest = label.key
    return out
