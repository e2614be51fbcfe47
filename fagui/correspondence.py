"""Article links with their evidence, and coverage at block level.

From the pairs of a comparison (counterpart groups, whose blocks are already
matched and diffed) and the alignment's *shares* links, build what a reader
needs to judge each correspondence: every :class:`ArticleLink` with the
blocks it rests on and the wording they share, and for every left article
the :class:`Coverage` of its blocks on the right.
"""

from __future__ import annotations

from collections import defaultdict

from fagui.align import Link
from fagui.diff import diff_text
from fagui.text.width import fold
from fagui.model import ArticleLink, ArticlePair, Coverage, DiffOp, Evidence, LocatedArticle

SHARED_MIN = 2
"""Shared wording is shown in runs of at least this many characters."""


def shared_wording(ops: tuple[DiffOp, ...]) -> tuple[str, ...]:
    """The runs of at least ``SHARED_MIN`` characters a diff keeps equal,
    in left order, as the left text writes them."""
    return tuple(op.left for op in ops if op.kind == "equal" and len(fold(op.left)) >= SHARED_MIN)


def _equal_share(ops: tuple[DiffOp, ...]) -> float:
    """Twice the equal characters over the characters of both sides."""
    equal = sum(len(op.left) + len(op.right) for op in ops if op.kind == "equal")
    total = sum(len(op.left) + len(op.right) for op in ops)
    return equal / total if total else 1.0


def article_links(
    pairs: tuple[ArticlePair, ...],
    shares: tuple[Link, ...],
    la: tuple[LocatedArticle, ...],
    ra: tuple[LocatedArticle, ...],
) -> tuple[ArticleLink, ...]:
    """Every article link: a *counterpart* link for each left and right
    article of each two-sided pair (its evidence: the pair's matched blocks),
    then each *shares* link (its evidence: the linked units, diffed)."""
    out: list[ArticleLink] = []
    for pair in pairs:
        if not pair.left or not pair.right:
            continue
        evidence: dict[tuple[int, int], list[Evidence]] = defaultdict(list)
        for pp in pair.paragraphs:
            if pp.left is None or pp.right is None:
                continue
            (k, b), (m, c) = pp.left, pp.right
            ev = Evidence((pair.left[k].label, b), (pair.right[m].label, c), _equal_share(pp.ops), shared_wording(pp.ops))
            evidence[k, m].append(ev)
        for k, left in enumerate(pair.left):
            for m, right in enumerate(pair.right):
                out.append(
                    ArticleLink(left.label, right.label, "counterpart", pair.score, pair.grade, tuple(evidence[k, m]))
                )
    for link in shares:
        left, right = la[link.left].article, ra[link.right].article
        evidence_list = []
        for (_, b), (_, c), score in link.units:
            ops = diff_text(left.blocks()[b], right.blocks()[c])
            evidence_list.append(Evidence((left.label, b), (right.label, c), score, shared_wording(ops)))
        out.append(ArticleLink(left.label, right.label, "shares", link.score, link.grade, tuple(evidence_list)))
    return tuple(out)


def coverage_of(la: tuple[LocatedArticle, ...], links: tuple[ArticleLink, ...]) -> tuple[Coverage, ...]:
    """For each left article, in order: which of its blocks the right text
    carries (a block of it is matched to a right block in its counterpart
    pair or through a shares link), the share of its characters they hold,
    and its status: as_is (every block carried unchanged), reworded (every
    block carried), partly, not_adopted (none)."""
    places: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
    unchanged: dict[str, set[int]] = defaultdict(set)
    for link in links:
        for ev in link.evidence:
            places[link.left].append((ev.left[1], ev.right[0], ev.right[1]))
            if ev.score == 1.0:
                unchanged[link.left].add(ev.left[1])
    out = []
    for located in la:
        article = located.article
        blocks = article.blocks()
        where = tuple(sorted(set(places.get(article.label, ()))))
        carried = {b for b, _, _ in where}
        size = sum(map(len, blocks))
        share = sum(len(blocks[b]) for b in carried) / size if size else 0.0
        if not carried:
            status = "not_adopted"
        elif len(carried) < len(blocks):
            status = "partly"
        elif unchanged[article.label] >= carried:
            status = "as_is"
        else:
            status = "reworded"
        out.append(Coverage(article.label, share, status, where))
    return tuple(out)
