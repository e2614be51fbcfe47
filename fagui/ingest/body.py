"""The body: the lines from the first division or article on, read by a
chain of line rules (:data:`BODY_RULES`, see :mod:`fagui.ingest.rules`).

A body line opens an article or a division, is the rest of a heading the
source wrapped, heads a group of articles, is text outside any article,
begins the matter after the last article, or is an item or paragraph of
the article being read (or the continuation of one a page break split).
"""

from __future__ import annotations

from fagui.errors import FaguiError
from fagui.ingest import structure
from fagui.ingest.lines import LineReader, SourceLine
from fagui.ingest.rules import LineContext, LineDecision, LineRole, LineRule, named, read_lines
from fagui.ingest.structure import (
    EFFECTIVE_CLAUSE_RE,
    GROUP_HEADING_REASON,
    ArticleDraft,
    Block,
    DivisionDraft,
    division_title,
    ends_paragraph,
    key_text,
    last_words,
    opens_article,
)
from fagui.model import DIVISION_KINDS, ArticleKey
from fagui.text.items import parse_marker
from fagui.text.labels import DASHES
from fagui.text.normalise import INDENT, normalise


class BodyContext(LineContext):
    """The body being read from ``lines``: ``root``, the divisions and
    articles at its top; ``open``, the divisions open, outermost first;
    ``articles`` in order; ``current``, the article being read (None after a
    heading); ``headed``, the line of a heading this line's rule read, and
    ``after_heading``, that of the line before."""

    def __init__(self, reader: LineReader, lines: list[SourceLine]):
        super().__init__(reader)
        self.lines = lines
        self.root: list[DivisionDraft | ArticleDraft] = []
        self.open: list[DivisionDraft] = []
        self.articles: list[ArticleDraft] = []
        self.seen: dict[ArticleKey, int] = {}
        self.current: ArticleDraft | None = None
        self.headed: int | None = None
        self.after_heading: int | None = None
        self._position = {line.number: i for i, line in enumerate(lines)}
        self._later = _later_articles(lines)
        self._closed: dict[int, tuple[int, bool]] = {}

    def begin(self, line: SourceLine) -> None:
        self.after_heading, self.headed = self.headed, None

    def position(self, line: SourceLine) -> int:
        """The index of ``line`` in :attr:`lines`."""
        return self._position[line.number]

    def following(self, line: SourceLine) -> SourceLine | None:
        """The line after ``line``, if any."""
        at = self.position(line) + 1
        return self.lines[at] if at < len(self.lines) else None

    def later_article(self, index: int) -> ArticleKey:
        """The largest article key a line after ``lines[index]`` opens with ((0, 0) if none)."""
        return self._later[index]

    def container(self) -> list[DivisionDraft | ArticleDraft]:
        """Where a new division or article goes: the innermost open division, or the top."""
        return self.open[-1].children if self.open else self.root

    def previous_key(self) -> ArticleKey:
        """The key of the last article read ((0, 0) before the first)."""
        return self.articles[-1].key if self.articles else (0, 0)

    def due(self) -> tuple[ArticleKey, ArticleKey]:
        """The keys the next article may have: the next number, or the next 之N."""
        previous = self.previous_key()
        return (previous[0] + 1, 0), (previous[0], previous[1] + 1)

    def unterminated(self) -> bool:
        """Whether the article being read ends on a paragraph that ends on
        no sentence end (:func:`fagui.ingest.structure.ends_paragraph`)."""
        blocks = self.current.blocks if self.current else None
        return bool(blocks) and not ends_paragraph(blocks[-1].text)

    def take_label(self, line: SourceLine, stripped: str) -> str:
        """The canonical label of a line that opens an article or division;
        invisible characters inside it are dropped spans, other changes of
        form (第10条, 第１０条) counted."""
        reader, label = self.reader, line.label
        lead = line.raw.find(stripped[: label.end]) if line.text == line.raw else -1
        for i in label.invisible:
            start = line.start + lead + i if lead >= 0 else line.start
            what = "space" if stripped[i].isspace() else "invisible character"
            reader.drop_text(
                line.number, line.number, start, start + 1, stripped[i], f"{what} U+{ord(stripped[i]):04X} inside the label {label.text}"
            )
        if label.as_written != label.text:
            reader.norm["labels written canonically"] += 1
            if any(d in label.as_written for d in DASHES):
                reader.warn(line.number, f"a dash in the label {label.as_written} read as 一: {label.text}")
        return label.text

    def add_text(self, article: ArticleDraft, line: SourceLine, text: str, unterminated: bool = False) -> LineRole:
        """Add ``text`` to ``article``: an item when it opens with an item's
        marker, else the continuation of an ``unterminated`` last paragraph
        (a page break between), else a paragraph."""
        marker = parse_marker(text)
        if unterminated and marker is None:
            self.reader.join(article.blocks[-1], line, text)
            return LineRole.CONTINUATION
        if marker is not None:
            style, number, marker_text, rest = marker
            article.blocks.append(Block(rest, line.number, line.number, marker_text, style, number))
            return LineRole.ITEM
        article.blocks.append(Block(text, line.number, line.number))
        return LineRole.PARAGRAPH

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
                    self.reader.source,
                    line.number,
                )
            self.reader.warn(line.number, f"{first.label} starts again after the last article: dropped with the matter after it")
            return


@named
def article_opener(ctx: BodyContext, line: SourceLine) -> LineDecision | None:
    """A line opening with an article's label (第八条) followed by a space
    or nothing (:func:`fagui.ingest.structure.opens_article`) opens an
    article; so does a label glued to its text or read through spaces where
    an article is due (the next number, or the next 之N) and the paragraph
    before ends a sentence: mid-sentence it is a cross-reference split by a
    page break. A number seen before is an error; a number not due, a
    warning. The rest of the line is the article's first paragraph."""
    label = line.label
    if label is None or label.kind != "条":
        return None
    stripped, due = ctx.stripped(line), ctx.due()
    if not opens_article(stripped, label) and (ctx.unterminated() or label.key not in due):
        return None
    if label.key in ctx.seen:
        raise FaguiError(
            f"duplicate article number {label.text} (first at line {ctx.seen[label.key]})", ctx.reader.source, line.number
        )
    if label.key not in due:
        ctx.reader.warn(line.number, f"article numbering jumps from {key_text(ctx.previous_key())} to {key_text(label.key)}")
    ctx.seen[label.key] = line.number
    article = ArticleDraft(label.number, ctx.take_label(line, stripped), line.number, suffix=label.suffix)
    ctx.container().append(article)
    ctx.articles.append(article)
    ctx.current = article
    rest = stripped[label.end :]
    if rest.strip(" \t\u3000"):
        ctx.add_text(article, line, ctx.reader.normalise(rest))
    return ctx.decide(line, LineRole.ARTICLE)


@named
def division_heading(ctx: BodyContext, line: SourceLine) -> LineDecision | None:
    """A line that is a division's label (编, 分编, 章, 节) and a title
    (:func:`fagui.ingest.structure.division_title`) opens a division inside
    the open divisions of larger kinds, unless the paragraph before ends on
    no sentence end (then it is a cross-reference a page break split) and
    the source does not mark the line as a heading. It closes the article
    before it."""
    label = line.label
    if label is None or label.kind == "条":
        return None
    stripped = ctx.stripped(line)
    title = division_title(stripped, label, line.heading)
    if title is None or not (line.heading or not ctx.unterminated()):
        return None
    rank = DIVISION_KINDS.index(label.kind)
    while ctx.open and DIVISION_KINDS.index(ctx.open[-1].kind) >= rank:
        ctx.open.pop()
    division = DivisionDraft(label.kind, label.number, ctx.take_label(line, stripped), ctx.reader.normalise(title))
    ctx.container().append(division)
    ctx.open.append(division)
    ctx.current = None
    ctx.headed = line.number
    return ctx.decide(line, LineRole.DIVISION)


@named
def heading_tail(ctx: BodyContext, line: SourceLine) -> LineDecision | None:
    """A short line right after a division heading, before an article or
    another heading, is the rest of that heading's title, which the source
    wrapped (:func:`fagui.ingest.structure.heading_tail`): it is joined
    onto the title."""
    if ctx.current is not None or ctx.after_heading is None or not ctx.open:
        return None
    text, division, following = ctx.text(line), ctx.open[-1], ctx.following(line)
    if not structure.heading_tail(division.title, text, following.kind if following else ""):
        return None
    ctx.reader.joined(ctx.after_heading, line.number, division.title[-6:], text[:6], "heading wrapped onto a second line")
    division.title += text
    ctx.headed = line.number
    return ctx.decide(line, LineRole.HEADING_TAIL)


@named
def group_heading(ctx: BodyContext, line: SourceLine) -> LineDecision | None:
    """A line such as 一、受理和管辖 right before an article heads a group of
    articles (:func:`fagui.ingest.structure.group_heading`): no division
    holds it, so it is dropped, never glued to the article before."""
    following = ctx.following(line)
    if not structure.group_heading(ctx.text(line), following.label if following else None):
        return None
    ctx.reader.drop_lines(line, line, GROUP_HEADING_REASON)
    return ctx.decide(line, LineRole.GROUP_HEADING)


@named
def outside_article(ctx: BodyContext, line: SourceLine) -> LineDecision | None:
    """Text between a heading and the next article belongs to no article:
    it is dropped, with a warning."""
    if ctx.current is not None:
        return None
    ctx.reader.drop_lines(line, line, "text between a heading and the next article, outside any article")
    ctx.reader.warn(line.number, "text outside any article dropped")
    return ctx.decide(line, LineRole.OUTSIDE)


@named
def after_last_article(ctx: BodyContext, line: SourceLine) -> LineDecision | None:
    """A line after an article whose paragraphs state when the regulation
    takes effect (自…起施行。) and end a sentence, when no later line opens
    a later article and the line is not one of the article's last words
    (:func:`fagui.ingest.structure.last_words`), begins the matter after
    the last article: it and every line after it are dropped (refused if
    the text starts again: pasted twice)."""
    current = ctx.current
    if current is None or ctx.unterminated() or not current.blocks or not ctx.has_effective_clause(current):
        return None
    # Stripped and normalised once more (and so counted twice), as it always was.
    if last_words(ctx.reader.normalise(ctx.reader.strip(line))):
        return None
    # A later line opening with a later article's label, glued to its text or not, is more of the body.
    index = ctx.position(line)
    if ctx.later_article(index) > current.key:
        return None
    ctx.check_repeated(ctx.articles[0], ctx.lines[index:])
    ctx.reader.drop_lines(line, ctx.lines[-1], "matter after the last article (not part of the regulation)")
    return ctx.decide(line, LineRole.AFTER_LAST, last=True)


@named
def item_or_paragraph(ctx: BodyContext, line: SourceLine) -> LineDecision | None:
    """Any other line of an article is an item (it opens with an item's
    marker, :func:`fagui.text.items.parse_marker`), the continuation of a
    paragraph that ends on no sentence end (a page break split it), or a
    paragraph."""
    if ctx.current is None:
        return None
    return ctx.decide(line, ctx.add_text(ctx.current, line, ctx.text(line), ctx.unterminated()))


BODY_RULES = (
    article_opener,
    division_heading,
    heading_tail,
    group_heading,
    outside_article,
    after_last_article,
    item_or_paragraph,
)
"""The body's line rules, in the order they are tried on each line."""


def read_body(
    reader: LineReader, lines: list[SourceLine], chain: tuple[LineRule, ...] = BODY_RULES
) -> tuple[list[DivisionDraft | ArticleDraft], list[ArticleDraft], list[LineDecision]]:
    """The divisions and articles at the top of the body ``lines`` read
    by ``chain``, every article in order, and the decisions."""
    ctx = BodyContext(reader, lines)
    decisions = read_lines(ctx, lines, chain)
    return ctx.root, ctx.articles, decisions


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
