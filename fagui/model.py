"""The plain data every part of fagui reads and returns.

Two families of frozen dataclasses live here:

* the **regulation** model (``Regulation`` and its parts), produced by ingestion
  and by reading canonical Markdown back;
* the **comparison** model (``Comparison`` and its parts), produced by the
  comparison engine and read by every renderer.

Nothing here does I/O, printing or formatting for a terminal or a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Union

# --------------------------------------------------------------------------
# Regulations
# --------------------------------------------------------------------------

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


@dataclass(frozen=True)
class Metadata:
    """What the text states about itself. Dates are ISO strings (YYYY-MM-DD).

    A field the text does not state is ``None`` (``history``: empty) and
    absent from front matter.
    """

    title: str
    jurisdiction: str | None = None  # 国家, 吉林省, ...
    level: str | None = None  # "national" or "provincial"
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
    def key(self) -> tuple[int, int]:
        """The article's place in the numbering: (number, suffix)."""
        return self.number, self.suffix

    def blocks(self) -> tuple[str, ...]:
        """The article's paragraphs and items in reading order, one string each.

        Items carry their marker (``（一）根据……``). This is the unit the
        comparison engine matches and diffs.
        """
        out: list[str] = []

        def add_items(items: tuple[Item, ...]) -> None:
            for item in items:
                out.append(item.line())
                add_items(item.items)

        for paragraph in self.paragraphs:
            out.append(paragraph.text)
            add_items(paragraph.items)
        return tuple(out)

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


@dataclass(frozen=True)
class Regulation:
    """One version of one regulation."""

    metadata: Metadata
    preamble: tuple[str, ...] = ()
    body: tuple[Union[Division, Article], ...] = ()

    def located_articles(self) -> tuple[LocatedArticle, ...]:
        """Every article in document order, with its containing divisions."""
        out: list[LocatedArticle] = []

        def walk(nodes, path):
            for node in nodes:
                if isinstance(node, Article):
                    out.append(LocatedArticle(node, path))
                else:
                    walk(node.children, path + (node.heading,))

        walk(self.body, ())
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
            if a.key == (number, suffix):
                return a
        return None


# --------------------------------------------------------------------------
# Comparisons
# --------------------------------------------------------------------------

COMPARISON_SCHEMA = "fagui.comparison/2"

MODES = ("versions", "jurisdictions")

VERSION_RELATIONS = {
    "unchanged": "same number, same text",
    "renumbered": "same text under a new number",
    "reference_update": "only cross-references to renumbered articles changed",
    "amended": "wording changed",
    "moved": "moved to another chapter or section",
    "split": "one article became several",
    "merged": "several articles became one",
    "shared": "no counterpart, but a paragraph or item carried into (or from) another article",
    "added": "new in the right-hand version",
    "deleted": "removed in the right-hand version",
}
"""Relations between articles of two versions of one regulation."""

JURISDICTION_RELATIONS = {
    "identical": "same text after normalisation",
    "reworded": "same provision, different wording",
    "adapted": "partly shared: the derived text takes part of the provision",
    "shared": "no counterpart, but a paragraph or item carried into (or from) another article",
    "provincial_only": "only in the derived (provincial) text: nothing in it comes from the reference text",
    "not_adopted": "only in the reference (national) text: no provision of it appears in the derived text",
}
"""Relations between a reference text's articles and a derived text's."""

UNCHANGED_RELATIONS = frozenset({"unchanged", "identical"})
"""Relations that are not a change: everything else is one."""


@dataclass(frozen=True)
class DiffOp:
    """One step of a character diff.

    ``kind`` is ``"equal"``, ``"insert"`` or ``"delete"``. ``left`` is the
    left-hand text the op covers and ``right`` the right-hand text: an insert
    has ``left == ""``, a delete ``right == ""``. For an equal op the two may
    differ only in width or whitespace (a difference of form, not of words).
    Concatenating ``left`` over all ops rebuilds the left text exactly, and
    likewise ``right``.
    """

    kind: str
    left: str
    right: str


@dataclass(frozen=True)
class ArticleRef:
    """An article as shown in a comparison."""

    number: int
    label: str
    divisions: tuple[str, ...]
    blocks: tuple[str, ...]


@dataclass(frozen=True)
class ParagraphPair:
    """A paragraph or item matched across the two sides, with its diff.

    ``left`` / ``right`` are (article index in the pair, block index in that
    article), or ``None`` when the block has no counterpart on that side.
    """

    left: tuple[int, int] | None
    right: tuple[int, int] | None
    ops: tuple[DiffOp, ...]


@dataclass(frozen=True)
class ArticlePair:
    """Corresponding articles (one-to-one, one-to-many, many-to-one) or an
    article on one side only, with how they relate.

    ``score`` is the similarity in [0, 1] defined in :mod:`fagui.align`;
    ``grade`` is "sure" or "unsure" (a weak counterpart the reader should
    judge). ``notes`` are short remarks for the reader (e.g. reference
    updates).
    """

    relation: str
    left: tuple[ArticleRef, ...]
    right: tuple[ArticleRef, ...]
    score: float
    paragraphs: tuple[ParagraphPair, ...] = ()
    notes: tuple[str, ...] = ()
    grade: str = "sure"

    @property
    def changed(self) -> bool:
        return self.relation not in UNCHANGED_RELATIONS


STRENGTHS = {
    "counterpart": "the same provision (possibly reworded, split or merged)",
    "shares": "a paragraph or item of one is carried into the other",
}
"""How strongly two linked articles correspond."""


@dataclass(frozen=True)
class Evidence:
    """A block (paragraph or item) of each side that correspond: (article
    label, block index in :meth:`Article.blocks`), their score, and the
    wording they share (runs of at least two characters, in left order)."""

    left: tuple[str, int]
    right: tuple[str, int]
    score: float
    shared: tuple[str, ...]


@dataclass(frozen=True)
class ArticleLink:
    """A left article and a right article that correspond, by labels.

    ``strength`` is "counterpart" or "shares" (:data:`STRENGTHS`); ``score``
    in [0, 1] is the group's score for a counterpart and, for a shares link,
    the score of its best pair of blocks; ``grade`` is "sure" or "unsure";
    ``evidence`` the blocks that correspond.
    """

    left: str
    right: str
    strength: str
    score: float
    grade: str
    evidence: tuple[Evidence, ...]


COVERAGE_STATUSES = {
    "as_is": "every block carried unchanged",
    "reworded": "every block carried, some reworded",
    "partly": "some blocks carried",
    "not_adopted": "no block carried",
}
"""How much of a reference article the derived text carries."""


@dataclass(frozen=True)
class Coverage:
    """How much of one left article the right text carries, at block level.

    ``share``: share of the article's characters in blocks that have a
    counterpart block on the right (in its counterpart pair or through a
    shares link); ``status`` one of :data:`COVERAGE_STATUSES`; ``places``:
    (left block index, right article label, right block index) for each
    carried block.
    """

    article: str
    share: float
    status: str
    places: tuple[tuple[int, str, int], ...]


@dataclass(frozen=True)
class DocumentRef:
    """Which text one side of a comparison is."""

    id: str | None
    title: str
    jurisdiction: str | None
    revision: str | None = None
    effective: str | None = None


@dataclass(frozen=True)
class Summary:
    """Figures for a whole comparison.

    ``counts``: (relation, number of pairs) for every relation of the mode, in
    the mode's order. ``adopted_share``: share of the left text's articles that
    have a counterpart on the right. ``derived_share``: share of the right
    text's characters that are equal to characters of the left text.
    ``provision_share``: share of the left text's characters in blocks the
    right text carries (see :class:`Coverage`).
    """

    counts: tuple[tuple[str, int], ...]
    left_articles: int
    right_articles: int
    adopted_share: float
    derived_share: float
    provision_share: float = 0.0


@dataclass(frozen=True)
class Comparison:
    """Everything a renderer needs to show how two regulation texts differ."""

    mode: str
    left: DocumentRef
    right: DocumentRef
    pairs: tuple[ArticlePair, ...]
    summary: Summary
    links: tuple[ArticleLink, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    schema: str = field(default=COMPARISON_SCHEMA)
