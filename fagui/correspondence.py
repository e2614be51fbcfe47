"""Article links with their evidence, and coverage at block level.

From the pairs of a comparison (counterpart groups, whose blocks are already
matched and diffed) and the alignment's *shares* links, build what a reader
needs to judge each correspondence: every :class:`ArticleLink` with the
blocks it rests on and the wording they share, and for every left article
the :class:`Coverage` of its blocks on the right.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from fagui.align import Link
from fagui.diff import diff_text
from fagui.model.params import PARAMS, Params
from fagui.model import Article, ArticleLink, ArticlePair, Coverage, CoverageStatus, DiffOp, Evidence, LocatedArticle, Strength

def shared_wording(ops: tuple[DiffOp, ...], shortest: int = PARAMS.shared_run) -> tuple[str, ...]:
    """The runs of at least ``shortest`` characters (``Params.shared_run``)
    a diff keeps equal, in left order, as the left text writes them (its
    length folded: whitespace does not count)."""
    # A run's folded length is its length less its whitespace (fold keeps
    # every other character, one for one): counted without folding the run.
    return tuple(op.left for op in ops if op.kind == "equal" and len("".join(op.left.split())) >= shortest)


def _equal_share(ops: tuple[DiffOp, ...]) -> float:
    """Twice the equal characters over the characters of both sides."""
    if len(ops) == 1 and ops[0].kind == "equal":  # two blocks the same (most, between versions)
        return 1.0
    equal = sum(len(op.left) + len(op.right) for op in ops if op.kind == "equal")
    total = sum(len(op.left) + len(op.right) for op in ops)
    return equal / total if total else 1.0


def _diffed(left: Article, right: Article, block_links, shortest: int) -> list[Evidence]:
    """Evidence for block pairs ((article, block), (article, block), score)
    of ``left`` and ``right``: their wording shared, by the character diff."""
    out = []
    for (_, b), (_, c), score in block_links:
        ops = diff_text(left.blocks()[b], right.blocks()[c])
        out.append(Evidence((left.label, b), (right.label, c), score, shared_wording(ops, shortest)))
    return out


def article_links(
    pairs: tuple[ArticlePair, ...],
    shares: tuple[Link, ...],
    inner: tuple,
    la: tuple[LocatedArticle, ...],
    ra: tuple[LocatedArticle, ...],
    made: Mapping[tuple[str, int, int], str] = {},
    params: Params = PARAMS,
) -> tuple[ArticleLink, ...]:
    """Every article link: a *counterpart* link for each left and right
    article of each two-sided pair (its evidence: the pair's matched blocks,
    then the ``inner`` block links of the alignment for blocks the pair's
    one-to-one, in-order matching left out; its rule: the pass that made
    that pair of articles, ``made``, else the pair's), then each *shares*
    link (its evidence: the linked blocks, diffed). Shared wording is kept in
    runs of at least ``params.shared_run`` characters."""
    at_l = {x.article.label: i for i, x in enumerate(la)}
    at_r = {x.article.label: j for j, x in enumerate(ra)}
    index_l = {x.article.label: x.article for x in la}
    index_r = {x.article.label: x.article for x in ra}
    inner_by: dict[tuple[str, str], list] = defaultdict(list)
    for u, v, score in inner:
        inner_by[la[u[0]].article.label, ra[v[0]].article.label].append((u, v, score))
    out: list[ArticleLink] = []
    for pair in pairs:
        if not pair.left or not pair.right:
            continue
        evidence: dict[tuple[int, int], list[Evidence]] = defaultdict(list)
        for pp in pair.paragraphs:
            if pp.left is None or pp.right is None:
                continue
            (k, b), (m, c) = pp.left, pp.right
            ev = Evidence((pair.left[k].label, b), (pair.right[m].label, c), _equal_share(pp.ops), shared_wording(pp.ops, params.shared_run))
            evidence[k, m].append(ev)
        matched = {ev.left for evs in evidence.values() for ev in evs}
        for k, left in enumerate(pair.left):
            for m, right in enumerate(pair.right):
                extra = [x for x in inner_by.get((left.label, right.label), ()) if (left.label, x[0][1]) not in matched]
                if extra:
                    evidence[k, m] += _diffed(index_l[left.label], index_r[right.label], extra, params.shared_run)
                out.append(
                    ArticleLink(
                        left.label, right.label, Strength.COUNTERPART, pair.score, pair.grade, tuple(evidence[k, m]),
                        rule=made.get((Strength.COUNTERPART, at_l.get(left.label), at_r.get(right.label)), pair.rule),
                    )
                )
    for link in shares:
        left, right = la[link.left].article, ra[link.right].article
        out.append(
            ArticleLink(left.label, right.label, Strength.SHARES, link.score, link.grade, tuple(_diffed(left, right, link.block_links, params.shared_run)), rule=link.rule)
        )
    return tuple(out)


def coverage_of(
    la: tuple[LocatedArticle, ...], links: tuple[ArticleLink, ...], unsure_claims: frozenset[str] = frozenset()
) -> tuple[Coverage, ...]:
    """For each left article, in order: which of its blocks the right text
    carries through links graded sure (a block of it corresponds to a right
    block in its counterpart pair or through a shares link), the share of
    its characters they hold, and its status (:func:`coverage_status`).
    ``unsure_claims``: the labels of articles whose claim that nothing on
    the right carries them is graded unsure."""
    places: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
    pending: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
    unchanged: dict[str, set[int]] = defaultdict(set)
    has_counterpart: set[str] = set()
    has_unsure: set[str] = set()
    for link in links:
        settled = link.settled  # a property: asked once a link
        (places if settled else pending)[link.left].extend((ev.left[1], ev.right[0], ev.right[1]) for ev in link.evidence)
        if not settled:
            has_unsure.add(link.left)
        elif link.strength == Strength.COUNTERPART:
            has_counterpart.add(link.left)
            unchanged[link.left].update(ev.left[1] for ev in link.evidence if ev.score == 1.0)
    out = []
    for located in la:
        article = located.article
        blocks = article.blocks()
        where = tuple(sorted(set(places.get(article.label, ()))))
        carried = {b for b, _, _ in where}
        size = sum(map(len, blocks))
        share = sum(len(blocks[b]) for b in carried) / size if size else 0.0
        unsure = tuple(sorted(set(pending.get(article.label, ()))))
        status = coverage_status(
            len(blocks),
            len(carried),
            unchanged=unchanged[article.label] >= carried,
            counterpart=article.label in has_counterpart,
            doubted=article.label in has_unsure or article.label in unsure_claims,
        )
        out.append(Coverage(article.label, share, status, where, unsure))
    return tuple(out)


def coverage_status(blocks: int, carried: int, *, unchanged: bool, counterpart: bool, doubted: bool) -> CoverageStatus:
    """The status of a reference article of ``blocks`` blocks, ``carried``
    of them by sure links: the rule :data:`fagui.model.COVERAGE_STATUSES`
    states, in the order it is tried. ``unchanged``: each carried block is
    carried unchanged by the article's counterpart; ``counterpart``: it has
    a sure counterpart; ``doubted``: an unsure link carries it, or the claim
    that nothing does is unsure.

    >>> coverage_status(3, 0, unchanged=True, counterpart=True, doubted=False)
    <CoverageStatus.PARTLY: 'partly'>
    """
    if not carried and not counterpart and doubted:
        return CoverageStatus.UNSURE
    if not carried:
        return CoverageStatus.PARTLY if counterpart else CoverageStatus.NOT_ADOPTED
    if carried < blocks:
        return CoverageStatus.PARTLY
    return CoverageStatus.AS_IS if unchanged else CoverageStatus.REWORDED
