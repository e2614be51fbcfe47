"""Provisions carried between articles that are not counterparts.

Provinces and revisions rewrite at the level of the paragraph (款) and the
item (项): a national article listing six duties may see its items spread
over five provincial articles. Article-level links miss that; this pass
matches the units themselves, many to many.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import replace

from fagui.align.context import Context, Share, State, UnitLink
from fagui.align.vectors import best_matches, bigram_list

SHARED_TERMS = 4
"""How many of the rarest shared bigrams weigh in :func:`_shared_mass`."""


def shared_units(ctx: Context, state: State) -> State:
    """Two units (paragraphs or items) are linked when they score at least
    ``share_score``, share distinctive wording (the IDF weights of their
    four rarest shared bigrams add up to at least ``share_mass``, so stock
    phrasing alone never links), and one is the other's best match among all units of its
    other text. Units linked across two articles that are not in one group
    make a *shares* link between those articles, with the units as its
    evidence; units linked inside a group are what the group's own block
    matching shows."""
    p = ctx.params
    scores = ctx.unit_scores()
    row_best, col_best = best_matches(scores)
    group_of_l = {i: g for g in state.groups for i in g[0]}
    found: dict[tuple[int, int], list[UnitLink]] = defaultdict(list)
    for (u, v), s in scores.items():
        if s < p.share_score or (row_best[u][1] != v and col_best[v][1] != u):
            continue
        (i, _), (j, _) = u, v
        group = group_of_l.get(i)
        if group is not None and j in group[1]:
            continue
        if _shared_mass(ctx, u, v) >= p.share_mass:
            found[i, j].append((u, v, s))
    shares = tuple(Share(i, j, tuple(sorted(links))) for (i, j), links in sorted(found.items()))
    return replace(state, shares=shares)


def _shared_mass(ctx: Context, u: tuple[int, int], v: tuple[int, int]) -> float:
    """The weight, by ``stock_idf`` (the corpus's), of the ``SHARED_TERMS``
    rarest distinct bigrams units ``u`` (left) and ``v`` (right) share: a
    long run of stock phrasing (其他应当履行的……义务) adds up to a lot of small
    weights, a distinctive provision has a few heavy ones."""
    a = set(bigram_list(ctx.units_l[u[0]][u[1]]))
    b = set(bigram_list(ctx.units_r[v[0]][v[1]]))
    return sum(heapq.nlargest(SHARED_TERMS, map(ctx.stock_idf.__getitem__, a & b)))
