"""The regulation model: ``Regulation`` and its parts, produced by ingestion
and by reading canonical Markdown back. Plain frozen dataclasses, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterator, NamedTuple, Union


class ArticleKey(NamedTuple):
    """An article's place in the numbering: (number, suffix); 第十条之一 is (10, 1),
    a number alone is (number, 0). Sorting keys sorts articles into reading order.
    A tuple: it equals, hashes and sorts as ``(number, suffix)``, and JSON
    writes it as ``[number, suffix]``. The one key type for every article-like
    thing (:attr:`Article.key`, :attr:`ArticleRef.key`, a label's key, an
    ingestion draft's key)."""

    number: int
    suffix: int = 0


class Level(StrEnum):
    """Which level of government made a text: ``national`` (the reference a
    comparison of jurisdictions puts on the left) or ``provincial``. A
    ``StrEnum``: it equals, prints and serialises as its value, so a front
    matter's plain ``level: national`` equals :attr:`Level.NATIONAL`."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"


LEVELS = tuple(Level)
"""Known levels, the reference first."""


ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,99}(?:/[a-z0-9][a-z0-9-]{0,99})*")
"""A regulation id: lower-case ASCII words joined by ``/``, no empty part.
No ``.``, so neither ``..`` nor a file extension, and no leading ``/``; no part
starts with ``-`` (it would read as an option: ``-x``, ``--help``, ``-``) or is
longer than 100 characters (with ``.source.txt`` and a temporary file's affixes
it must stay within a file system's 255-byte names)."""

METADATA_FIELDS = (
    "title",
    "jurisdiction",
    "level",
    "kind",
    "status",
    "issuer",
    "document_number",
    "adopted",
    "promulgated",
    "effective",
    "signatory",
    "source",
    "source_sha256",
)
"""Front-matter keys of one value each, in the order canonical Markdown
writes them; ``history`` (a list) follows them."""


@dataclass(frozen=True)
class HistoryEntry:
    """One step in a regulation's making, as its 题注 states it: on ``date``
    (YYYY-MM-DD) ``body`` (the meeting or organ, and the decision if named)
    did ``action`` (通过, 修正, 修订, 批准, 公布, 发布 or 施行)."""

    date: str
    body: str
    action: str


HISTORY_KEYS = ("date", "body", "action")
"""The keys of one history entry, in the order canonical Markdown writes them."""


class Adoption(StrEnum):
    """What made the text on its ``adopted`` date: its first adoption
    (通过), a revision (修订) or an amendment (修正). A law amended since it
    was passed states the date of its latest 修正 or 修订 as ``adopted``
    (the current text was adopted then), so a reader is told which."""

    ADOPTED = "通过"
    REVISED = "修订"
    AMENDED = "修正"

    @property
    def key(self) -> str:
        """``adopted``, ``revised`` or ``amended``: how messages name this date."""
        return self.name.lower()


@dataclass(frozen=True)
class Metadata:
    """What the text states about itself. Dates are ISO strings (YYYY-MM-DD).

    A field the text does not state is ``None`` (``history``: empty) and
    absent from front matter.
    """

    title: str
    jurisdiction: str | None = None  # 国家, 吉林省, ...
    level: str | None = None  # a Level: "national" or "provincial"
    kind: str | None = None  # 法律, 行政法规, 地方性法规, 部门规章, ... where the source states it
    status: str | None = None  # 现行有效, 已修改, 已废止, ... where the source states it
    issuer: str | None = None
    document_number: str | None = None
    adopted: str | None = None
    promulgated: str | None = None
    effective: str | None = None
    signatory: str | None = None
    source: str | None = None
    source_sha256: str | None = None
    history: tuple[HistoryEntry, ...] = ()
    implements: tuple[str, ...] = ()
    """Ids of the corpus texts this text implements, as its front matter's
    ``implements: [ID, ...]`` states them (written by hand: ingestion never
    sets it); they override what :mod:`fagui.implements` finds in the text."""

    @property
    def adoption(self) -> Adoption:
        """What happened on the ``adopted`` date, as the history states it
        (the latest 通过, 修订 or 修正 entry of that date); 通过 where the
        history does not say."""
        actions = [entry.action for entry in self.history if entry.date == self.adopted and entry.action in set(Adoption)]
        return Adoption(actions[-1]) if actions else Adoption.ADOPTED

    def items(self) -> list[tuple[str, str]]:
        """The stated one-value fields as (key, value) pairs, in canonical
        order (``history`` is not among them)."""
        return [(k, getattr(self, k)) for k in METADATA_FIELDS if getattr(self, k) is not None]


@dataclass(frozen=True)
class Item:
    """An item (项, marked （一）) or a sub-item (目, marked （1） or 1．).

    ``marker`` is the marker as written, normalised in form only (full-width
    parentheses); ``text`` is what follows it.
    """

    marker: str
    text: str
    items: tuple["Item", ...] = ()

    def line(self) -> str:
        return self.marker + self.text


@dataclass(frozen=True)
class Paragraph:
    """A paragraph (款): one run of text, and the items it introduces."""

    text: str
    items: tuple[Item, ...] = ()

    def walk(self) -> Iterator[tuple[int, Union["Paragraph", Item]]]:
        """The paragraph's blocks in reading order, as (depth, block): the
        paragraph itself at depth 0, then each item (depth 1) followed by its
        sub-items (depth 2, ...). The one walk of an article's blocks:
        :meth:`Article.blocks`, the alignment's block texts and the plain-text
        form all read it."""
        yield 0, self
        yield from _items_of(self.items, 1)


def _items_of(items: tuple[Item, ...], depth: int) -> Iterator[tuple[int, Union[Paragraph, Item]]]:
    """Each item at ``depth`` followed by its sub-items, for :meth:`Paragraph.walk`
    (a module function: one nested in walk would refer to itself, a reference
    cycle per walk left for the garbage collector, 20,000 per 1,000 articles)."""
    for item in items:
        yield depth, item
        yield from _items_of(item.items, depth + 1)


@dataclass(frozen=True)
class Article:
    """An article (条). ``number`` is the integer value of ``label`` (第七条 -> 7).

    An article inserted by amendment without renumbering (第十条之一) has the
    number of the article it follows and ``suffix`` 1 (之二: 2); it is an
    article of its own, after 第十条 and before 第十一条 (see ``key``).
    """

    number: int
    label: str
    paragraphs: tuple[Paragraph, ...]
    suffix: int = 0

    @property
    def key(self) -> ArticleKey:
        """The article's place in the numbering (:class:`ArticleKey`)."""
        return ArticleKey(self.number, self.suffix)

    def blocks(self) -> tuple[str, ...]:
        """The article's paragraphs and items in reading order, one string each.

        Items carry their marker (``（一）根据……``). These are the blocks the
        comparison engine matches and diffs (:meth:`Paragraph.walk` walks them).
        """
        return tuple(
            block.text if depth == 0 else block.line() for paragraph in self.paragraphs for depth, block in paragraph.walk()
        )

    def text(self) -> str:
        """The article's blocks joined by newlines (no label)."""
        return "\n".join(self.blocks())


DIVISION_KINDS = ("编", "分编", "章", "节")
"""Kinds of division, outermost first (分编: a sub-part, as in the Civil Code)."""


@dataclass(frozen=True)
class Division:
    """A part (编), chapter (章) or section (节) and what it contains."""

    kind: str
    number: int
    label: str  # 第一章
    title: str  # 总则
    children: tuple[Union["Division", Article], ...]

    @property
    def heading(self) -> str:
        return f"{self.label} {self.title}" if self.title else self.label


@dataclass(frozen=True)
class LocatedArticle:
    """An article with the headings of the divisions that contain it."""

    article: Article
    divisions: tuple[str, ...]  # ("第二章 反间谍安全防范责任",)


def _locate(nodes: tuple[Union["Division", Article], ...], path: tuple[str, ...], out: list[LocatedArticle]) -> None:
    """Append every article under ``nodes`` to ``out`` with its divisions, for
    :meth:`Regulation.located_articles` (a module function: one nested there
    would refer to itself and to ``out``, a reference cycle holding every
    article's place until the garbage collector runs)."""
    for node in nodes:
        if isinstance(node, Article):
            out.append(LocatedArticle(node, path))
        else:
            _locate(node.children, path + (node.heading,), out)


@dataclass(frozen=True)
class Regulation:
    """One version of one regulation."""

    metadata: Metadata
    preamble: tuple[str, ...] = ()
    body: tuple[Union[Division, Article], ...] = ()

    def located_articles(self) -> tuple[LocatedArticle, ...]:
        """Every article in document order, with its containing divisions."""
        out: list[LocatedArticle] = []
        _locate(self.body, (), out)
        return tuple(out)

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(la.article for la in self.located_articles())

    def divisions(self) -> Iterator[Division]:
        """Every division, depth first, in document order."""

        def walk(nodes):
            for node in nodes:
                if isinstance(node, Division):
                    yield node
                    yield from walk(node.children)

        return walk(self.body)

    def article(self, number: int, suffix: int = 0) -> Article | None:
        """Article ``number`` (第十条之一: number 10, suffix 1), or None."""
        for a in self.articles:
            if a.key == ArticleKey(number, suffix):
                return a
        return None


@dataclass(frozen=True)
class Unreadable:
    """A text of a corpus that cannot be read as canonical Markdown: its file
    (relative to the top of the corpus), the line at fault if known, and why.
    A report lists it and goes on with the rest."""

    path: str
    reason: str
    line: int | None = None
