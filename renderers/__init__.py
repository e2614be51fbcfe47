"""Renderers: a :class:`fagui.model.Comparison` in, one string (or, for a
Word file, bytes) out.

``render(comparison, fmt)`` dispatches to one module per format:

* ``html``: :func:`renderers.html.render_side_by_side`, one self-contained page;
* ``markdown``: :func:`renderers.markdown.render_markdown`, for pull-request review;
* ``json``: :func:`renderers.json.render_json`, the versioned ``fagui.comparison/2`` form;
* ``text``: :func:`renderers.text.render_text`, for a terminal (ANSI colour on request);
* ``docx``: :func:`renderers.docx.render_docx`, a Word 对照表 (bytes: see :data:`BINARY_FORMATS`).

Renderers read a Comparison and nothing else: no files, no git, no engine
(only :mod:`fagui.text`, for the one rule that tells an item from a paragraph).
The helpers below are shared by the renderers; they are not a public API.
"""

from __future__ import annotations

from typing import Iterable

from fagui.model import (
    JURISDICTION_RELATIONS,
    VERSION_RELATIONS,
    ArticleLink,
    ArticlePair,
    Comparison,
    Decision,
    ParagraphPair,
    relation_words,
)
from fagui.text.items import parse_marker

FORMATS = ("html", "markdown", "json", "text", "docx")
"""The formats :func:`render` knows, in the order the CLI offers them."""

BINARY_FORMATS = frozenset({"docx"})
"""Formats :func:`render` returns as bytes (a file, not text for a terminal)."""


def render(comparison: Comparison, fmt: str, *, color: bool = False) -> str | bytes:
    """Render ``comparison`` as ``fmt`` (one of :data:`FORMATS`): a string,
    or bytes for the formats in :data:`BINARY_FORMATS`.

    ``color`` only matters for ``text`` (ANSI colour codes); the caller
    decides it (the CLI: on a terminal unless ``NO_COLOR`` is set).
    Raises ValueError for an unknown format.
    """
    if fmt == "html":
        from renderers.html import render_side_by_side

        return render_side_by_side(comparison)
    if fmt == "markdown":
        from renderers.markdown import render_markdown

        return render_markdown(comparison)
    if fmt == "json":
        from renderers.json import render_json

        return render_json(comparison)
    if fmt == "text":
        from renderers.text import render_text

        return render_text(comparison, color=color)
    if fmt == "docx":
        from renderers.docx import render_docx

        return render_docx(comparison)
    raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")


# -- shared helpers (private) --------------------------------------------------

RELATION_LABELS = {
    # jurisdictions
    "identical": "相同",
    "reworded": "改写",
    "adapted": "部分采纳",
    "shared": "部分条款共享",
    "provincial_only": "地方新增",
    "not_adopted": "未采纳",
    # versions
    "unchanged": "未变",
    "renumbered": "重新编号",
    "reference_update": "引用更新",
    "amended": "修改",
    "moved": "移动",
    "split": "拆分",
    "merged": "合并",
    "added": "新增",
    "deleted": "删除",
}
"""Chinese names of the relations, for pages a Chinese reader reads."""


def relations(comparison: Comparison) -> dict[str, str]:
    """The relations of the comparison's mode (name -> description), in the
    mode's order, plus any relation its pairs use that the mode does not list."""
    base = dict(VERSION_RELATIONS if comparison.mode == "versions" else JURISDICTION_RELATIONS)
    for name, _ in comparison.summary.counts:
        base.setdefault(name, relation_words(name))
    for pair in comparison.pairs:
        base.setdefault(pair.relation, relation_words(pair.relation))
    return base


def relation_label(name: str) -> str:
    return RELATION_LABELS.get(name, relation_words(name))


def counts(comparison: Comparison) -> list[tuple[str, int]]:
    """(relation, number of pairs) for every relation of the mode, in order.

    Taken from the summary; a relation the summary leaves out counts 0.
    """
    stated = dict(comparison.summary.counts)
    return [(name, stated.get(name, 0)) for name in relations(comparison)]


GRADE_LABELS = {"sure": "确定", "unsure": "待核"}
"""Chinese names of the grades: how sure the engine is of a correspondence."""

DECISION_LABELS = {
    Decision.CONFIRMED: "已确认",
    Decision.ADDED: "已添加",
    Decision.NEEDS_REVIEW: "需复核",
    Decision.REJECTED: "已否决",
}
"""Chinese names of a reviewer's decisions (:class:`fagui.model.Decision`),
the words every format shows them by."""


def decision_label(decision: Decision | None) -> str:
    """A reviewer's decision as shown (已确认, 已添加, 需复核); "" for none."""
    return DECISION_LABELS[decision] if decision is not None else ""

COVERAGE = {
    "as_is": ("＝", "照搬", "adopted as is"),
    "reworded": ("≈", "改写", "reworded"),
    "partly": ("◐", "部分采纳", "partly adopted"),
    "not_adopted": ("✕", "未采纳", "not adopted"),
}
"""Coverage classes of a reference article in one derived text, from the
share of its paragraphs and items the derived text carries
(:class:`fagui.model.Coverage`): symbol (so a cell reads without colour),
Chinese name, English name."""

STRENGTH_LABELS = {"counterpart": "对应", "shares": "共享"}
"""Chinese names of the strengths of a link (:data:`fagui.model.STRENGTHS`)."""

SCORE_MEANING = (
    "相似度（0–1）：两侧独有措辞的重合程度（按字符二元组的 TF-IDF 余弦计算，常见套语几乎不计）。"
    "1 为相同；约 0.5 以上为同一条款改写；0.15–0.5 为部分相同。"
    "相似度低于 0.3 的对应、以及最佳一对款项低于 0.6 的“共享”链接标为“待核”，请读者判断。"
)
"""What a score means, for readers of the pages."""


def block_name(blocks: tuple[str, ...], index: int) -> str:
    """How a reader names block ``index`` of an article whose blocks are
    ``blocks``: 第2款 for a paragraph, 第1款（三） for an item (its marker as
    written)."""
    paragraph = sum(1 for block in blocks[: index + 1] if not is_item(block)) or 1
    marker = parse_marker(blocks[index])
    return f"第{paragraph}款" + (marker[2] if marker else "")


def article_blocks(comparison: Comparison) -> dict[tuple[str, str], tuple[str, ...]]:
    """("L" or "R", article label) -> that article's blocks."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for pair in comparison.pairs:
        for side, refs in (("L", pair.left), ("R", pair.right)):
            for ref in refs:
                out[side, ref.label] = ref.blocks
    return out


def shares_of(comparison: Comparison) -> dict[tuple[str, str], list[ArticleLink]]:
    """The comparison's *shares* links by article: ("L", label) and
    ("R", label) each to the links that touch that article."""
    out: dict[tuple[str, str], list[ArticleLink]] = {}
    for link in comparison.links:
        if link.strength == "shares":
            out.setdefault(("L", link.left), []).append(link)
            out.setdefault(("R", link.right), []).append(link)
    return out


def block_ops(pair: ArticlePair) -> tuple[dict[tuple[int, int], ParagraphPair], dict[tuple[int, int], ParagraphPair]]:
    """Index a pair's paragraph pairs by their left and right block positions."""
    left: dict[tuple[int, int], ParagraphPair] = {}
    right: dict[tuple[int, int], ParagraphPair] = {}
    for pp in pair.paragraphs:
        if pp.left is not None:
            left[tuple(pp.left)] = pp
        if pp.right is not None:
            right[tuple(pp.right)] = pp
    return left, right


def score_histogram(comparison: Comparison, bins: int = 10) -> list[int]:
    """Number of two-sided pairs by score, in ``bins`` equal bins over [0, 1]
    (a score of exactly 1 falls in the last bin). One-sided pairs are left out:
    their score says nothing about wording."""
    out = [0] * bins
    for pair in comparison.pairs:
        if pair.left and pair.right:
            s = min(max(pair.score, 0.0), 1.0)
            out[min(int(s * bins), bins - 1)] += 1
    return out


def labels(refs: Iterable) -> str:
    """``第九条、第十条`` for the articles of one side of a pair."""
    return "、".join(ref.label for ref in refs)


def side_name(comparison: Comparison, side: str) -> str:
    """A short name for one side: the jurisdiction, or the revision / date."""
    doc = comparison.left if side == "L" else comparison.right
    if comparison.mode == "versions":
        when = doc.effective or doc.revision
        return f"{'旧版' if side == 'L' else '新版'}{f' {when}' if when else ''}"
    return doc.jurisdiction or doc.title


def is_item(block: str) -> bool:
    """Whether a block is an item (项/目), which pages indent under its paragraph."""
    return parse_marker(block) is not None
