"""Split and merged provisions: unlinked articles join a one-to-one group.

Groups grow one side at a time and only from one-to-one groups, so they are
one-to-many or many-to-one, never many-to-many: an article has at most one
counterpart group (what else it shares is a *shares* link, see
:mod:`fagui.align.shares`).
"""

from __future__ import annotations

from dataclasses import replace

from fagui.align.context import Context, State
from fagui.align.functional import functional_pairs
from fagui.align.shares import share_distinctive_wording
from fagui.align.vectors import Vector, cosine, coverage, similarities, vector_sum


def split_articles(ctx: Context, state: State) -> State:
    """An unlinked right article joins the group of its best-scoring linked
    left article when they score at least ``extend_score`` and it covers at
    least ``extend_gain`` more of that left article than the group's right
    side already does, and some block of each shares distinctive wording
    with one of the other (as a shares link must): one provision split over
    two articles. Articles paired
    by what they are for (:mod:`fagui.align.functional`) do not grow: a
    purpose article's broad wording fits many articles."""
    groups = [(list(l), list(r)) for l, r in state.groups]
    paired_r = {j for _, r in groups for j in r}
    free = [j for j in range(len(ctx.right)) if j not in paired_r]
    functional = functional_pairs(ctx)
    by_left = {g[0][0]: g for g in groups if len(g[0]) == 1 and (g[0][0], g[1][0]) not in functional}
    scores = ctx.article_scores(list(by_left), free)
    for j, i in _best_partners(scores, ctx.params.extend_score, free_side=1):
        lefts, rights = by_left[i]
        if len(rights) < ctx.params.max_group and _adds(ctx, ctx.vec_r[j], ctx.vec_l[i], [ctx.vec_r[x] for x in rights]) and share_distinctive_wording(ctx, i, j):
            rights.append(j)
    return _with_groups(state, groups)


def paragraph_source(ctx: Context, state: State) -> State:
    """(Jurisdictions.) An unlinked left article joins a one-to-one group when
    it scores at least ``min_score`` with a paragraph (款) of the group's
    right article that the group's left article scores below ``min_score``
    with: a derived text often puts two provisions of the reference text in
    two paragraphs of one article (reporting channels and rewards), and at
    article level the second is diluted by the first. The best such
    paragraph decides; a paragraph takes one article (the best-scoring), and
    a group grows to at most ``max_group`` articles."""
    p = ctx.params
    groups = [(list(l), list(r)) for l, r in state.groups]
    paired_l = {i for l, _ in groups for i in l}
    free = [i for i in range(len(ctx.left)) if i not in paired_l]
    one_to_one = {g[1][0]: g for g in groups if len(g[0]) == len(g[1]) == 1}
    rows = [(j, v) for j in one_to_one for v in ctx.paragraph_vectors(j)]
    if not free or not rows:
        return state
    best: dict[int, tuple[float, int, int]] = {}
    sims = similarities([v for _, v in rows], ctx.vec_l, range(len(rows)), free, p)
    for (r, i), s in sims.items():
        j, paragraph = rows[r]
        partner = ctx.vec_l[one_to_one[j][0][0]]
        if s >= p.min_score and s > best.get(i, (0.0, -1, -1))[0] and cosine(partner, paragraph) < p.min_score:
            best[i] = (s, j, r)
    taken: set[int] = set()
    for i, (s, j, r) in sorted(best.items(), key=lambda x: -x[1][0]):
        lefts = one_to_one[j][0]
        if r not in taken and len(lefts) < p.max_group:
            lefts.append(i)
            taken.add(r)
    return _with_groups(state, groups)


def merged_articles(ctx: Context, state: State) -> State:
    """An unlinked left article joins the group of its best-scoring right
    article (of a group with one right article) when they score at least
    ``extend_score`` and it covers at least ``extend_gain`` more of that right
    article than the group's left side already does, and some block of each
    shares distinctive wording with one of the other: two provisions merged
    into one article. Functional pairs do not grow (see split_articles)."""
    groups = [(list(l), list(r)) for l, r in state.groups]
    paired_l = {i for l, _ in groups for i in l}
    free = [i for i in range(len(ctx.left)) if i not in paired_l]
    functional = functional_pairs(ctx)
    by_right = {g[1][0]: g for g in groups if len(g[1]) == 1 and (g[0][0], g[1][0]) not in functional}
    scores = ctx.article_scores(free, list(by_right))
    for i, j in _best_partners(scores, ctx.params.extend_score, free_side=0):
        lefts, rights = by_right[j]
        if len(lefts) < ctx.params.max_group and _adds(ctx, ctx.vec_l[i], ctx.vec_r[j], [ctx.vec_l[x] for x in lefts]) and share_distinctive_wording(ctx, i, j):
            lefts.append(i)
    return _with_groups(state, groups)


def _best_partners(scores: dict[tuple[int, int], float], minimum: float, free_side: int) -> list[tuple[int, int]]:
    """(free article, its best-scoring partner) for each free article (index
    ``free_side`` of a score's key) scoring at least ``minimum`` with one,
    best-scoring first."""
    best: dict[int, tuple[float, int]] = {}
    for key, s in scores.items():
        free, other = key[free_side], key[1 - free_side]
        if s >= minimum and s > best.get(free, (0.0, -1))[0]:
            best[free] = (s, other)
    return [(f, o) for f, (s, o) in sorted(best.items(), key=lambda x: -x[1][0])]


def _adds(ctx: Context, extra: Vector, target: Vector, partners: list[Vector]) -> bool:
    """Whether ``extra`` covers enough of ``target`` that ``partners`` do not."""
    before = coverage(target, vector_sum(partners))
    return coverage(target, vector_sum(partners + [extra])) - before >= ctx.params.extend_gain


def _with_groups(state: State, groups: list[tuple[list[int], list[int]]]) -> State:
    return replace(state, groups=tuple((tuple(sorted(l)), tuple(sorted(r))) for l, r in groups))
