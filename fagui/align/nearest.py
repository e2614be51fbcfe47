"""Where the missing link probably is: for each article left without a
counterpart, the closest articles of the other side.

When the engine says "nothing here" (not adopted, provincial-only, deleted,
added, or only shares), a reviewer wants to see at once what comes closest:
the links the engine proposed and did not accept (graded candidates) are
always among them, the best-scoring articles fill the rest, and they are
listed best score first, each with the pair of blocks that scores best.
"""

from __future__ import annotations

from dataclasses import dataclass

from fagui.align.context import Context, State
from fagui.align.grading import around

@dataclass(frozen=True)
class Near:
    """A candidate counterpart of an article alone: article ``other`` of the
    other side, their ``score`` (the article cosine), the best-scoring block
    of each (``block`` of the article alone, ``other_block`` of the
    candidate) and ``rule``: the pass that proposed linking them, when one
    did ("" for a candidate found only by its score)."""

    other: int
    score: float
    block: int
    other_block: int
    rule: str = ""


def nearest(ctx: Context, state: State, proposed: dict[tuple[str, int, int], str]) -> dict[tuple[int, int], tuple[Near, ...]]:
    """{(side, article): candidates} for every article in no counterpart
    group (side 0 left, 1 right), ``lone_candidates`` (:class:`fagui.model.params.Params`)
    at most, each scoring at least ``candidate_floor`` (below it two
    articles do not resemble each other: listing them would send a reviewer
    to read an unrelated article): the links proposed and graded candidates
    (``proposed``: (kind, left, right) -> the pass that made it) are chosen
    first, then the other side's articles by score. The chosen are listed by
    score, highest first, ties in the other side's article order: a reader
    compares the scores shown, and the first is the closest."""
    paired_l = {i for l, _ in state.groups for i in l}
    paired_r = {j for _, r in state.groups for j in r}
    lone = {(0, i) for i in range(len(ctx.left)) if i not in paired_l} | {(1, j) for j in range(len(ctx.right)) if j not in paired_r}
    if not lone:
        return {}
    ranked: dict[tuple[int, int], list[tuple[float, int]]] = {key: [] for key in lone}
    by_row, by_col = around(ctx, {k for side, k in lone if side == 0}, {k for side, k in lone if side == 1})
    for (i, j), s in by_row.items():
        ranked[0, i].append((s, j))
    for (i, j), s in by_col.items():
        ranked[1, j].append((s, i))
    rules: dict[tuple[int, int, int], str] = {}
    for (kind, i, j), rule in proposed.items():
        rules.setdefault((0, i, j), rule)
        rules.setdefault((1, j, i), rule)
    block_scores = ctx.block_scores()
    out = {}
    for (side, k), scored in ranked.items():
        # filtered, then sorted: the same list, without sorting what the floor drops
        near = [x for x in scored if x[0] >= ctx.params.candidate_floor]
        near.sort(key=lambda x: (-((side, k, x[1]) in rules), -x[0], x[1]))
        picks = []
        for s, other in sorted(near[: ctx.params.lone_candidates], key=lambda x: (-x[0], x[1])):
            i, j = (k, other) if side == 0 else (other, k)
            b, c = _best_blocks(ctx, block_scores, i, j)
            picks.append(Near(other, s, b if side == 0 else c, c if side == 0 else b, rules.get((side, k, other), "")))
        if picks:
            out[side, k] = tuple(picks)
    return out


def _best_blocks(ctx: Context, block_scores, i: int, j: int) -> tuple[int, int]:
    """The block of left ``i`` and the block of right ``j`` that score best
    together (their first blocks when none shares a bigram)."""
    best, at = 0.0, (0, 0)
    for b in range(len(ctx.block_texts_l[i])):
        for c in range(len(ctx.block_texts_r[j])):
            s = block_scores.get(((i, b), (j, c)), 0.0)
            if s > best:
                best, at = s, (b, c)
    return at
