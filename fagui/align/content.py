"""Jurisdictions: one-to-one counterpart links by content, order a hint.

A derived text (a province) reorders, merges and extends, but most of what it
takes from the reference text is in its order. Each pass below is one rule;
they run in the order :data:`fagui.align.JURISDICTION_PASSES` lists them.
"""

from __future__ import annotations

from fagui.align.context import Context, State
from fagui.align.vectors import best_matches


def _all(ctx: Context) -> dict[tuple[int, int], float]:
    return ctx.article_scores(range(len(ctx.left)), range(len(ctx.right)))


def _best(ctx: Context):
    """:func:`best_matches` of every pair of articles, found once per
    comparison (three passes ask; they only read it)."""
    if "article best" not in ctx._cache:
        ctx._cache["article best"] = best_matches(_all(ctx))
    return ctx._cache["article best"]


def in_order_chain(ctx: Context, state: State) -> State:
    """The heaviest chain of pairs increasing on both sides, each weighted
    ``score - low_score``; a pair of it below ``min_score`` is kept only when
    no left article scores higher with its right article (the provincial
    article's likeliest source)."""
    p = ctx.params
    sims = _all(ctx)
    _, col_best = _best(ctx)
    pairs = [(i, j, s - p.low_score) for (i, j), s in sims.items() if s >= p.low_score]
    matches = {i: j for i, j in chain_of(pairs) if sims[i, j] >= p.min_score or sims[i, j] >= col_best[j][0]}
    return state.with_matches(matches)


def mutual_best(ctx: Context, state: State) -> State:
    """Two articles that are each other's best match, at least ``min_score``,
    are linked, in place of any earlier link of either: the chain maximises
    a sum, and two middling pairs may take an article's best match away."""
    row_best, col_best = _best(ctx)
    matches = state.matches()
    matched_to = {j: i for i, j in matches.items()}
    for i, (s, j) in row_best.items():
        if col_best[j][1] == i and s >= ctx.params.min_score and matches.get(i) != j:
            matched_to.pop(matches.pop(i, None), None)
            matches.pop(matched_to.pop(j, None), None)
            matches[i], matched_to[j] = j, i
    return state.with_matches(matches)


def best_remaining(ctx: Context, state: State) -> State:
    """Pairs of unlinked articles scoring at least ``min_score``, taken best
    first (score plus ``order_weight`` times how close their positions are),
    each article once: provisions moved out of order."""
    p = ctx.params
    pos_l, pos_r = _positions(len(ctx.left)), _positions(len(ctx.right))
    ranked = [
        (s + p.order_weight * (1 - abs(pos_l[i] - pos_r[j])), i, j)
        for (i, j), s in _all(ctx).items()
        if s >= p.min_score
    ]
    matches = state.matches()
    greedy(ranked, matches, set(matches.values()))
    return state.with_matches(matches)


def weak_mutual_best(ctx: Context, state: State) -> State:
    """Two articles still unlinked that are each other's best match of all
    articles, at least ``low_score``, are linked: out of order, what supports
    a weak pair is that neither has anything better. (Best of what is left
    is not enough: an article whose best match went to another shares only
    stock phrasing with the leftovers.)"""
    row_best, col_best = _best(ctx)
    matches = state.matches()
    taken = set(matches.values())
    for i, (s, j) in row_best.items():
        if col_best[j][1] == i and s >= ctx.params.low_score and i not in matches and j not in taken:
            matches[i] = j
            taken.add(j)
    return state.with_matches(matches)


def greedy(ranked: list[tuple[float, int, int]], matches: dict[int, int], taken: set[int]) -> None:
    """Take pairs (rank, i, j) best first, each article at most once (adds
    to ``matches`` and ``taken``)."""
    for _, i, j in sorted(ranked, reverse=True):
        if i not in matches and j not in taken:
            matches[i] = j
            taken.add(j)


def chain_of(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The pairs (i, j, weight) of greatest total weight with i and j both
    strictly increasing (a weighted longest increasing subsequence, with a
    Fenwick tree of prefix maxima over j: O(n log n))."""
    if not pairs:
        return []
    size = max(j for _, j, _ in pairs) + 2
    tree = [(0.0, -1)] * (size + 1)  # (best total, index into pairs)
    back = [-1] * len(pairs)
    total = [0.0] * len(pairs)
    order = sorted(range(len(pairs)), key=lambda k: (pairs[k][0], -pairs[k][1]))
    best = (0.0, -1)
    for k in order:
        i, j, w = pairs[k]
        q, x = (0.0, -1), j  # prefix max over positions < j (1-based over j + 1)
        while x > 0:
            if tree[x][0] > q[0]:
                q = tree[x]
            x -= x & -x
        total[k], back[k] = q[0] + w, q[1]
        x = j + 1
        while x <= size:
            if total[k] > tree[x][0]:
                tree[x] = (total[k], k)
            x += x & -x
        if total[k] > best[0]:
            best = (total[k], k)
    out = []
    k = best[1]
    while k >= 0:
        out.append(pairs[k][:2])
        k = back[k]
    return out[::-1]


def _positions(n: int) -> list[float]:
    return [k / (n - 1) if n > 1 else 0.5 for k in range(n)]
