"""A reviewer's decisions, applied to the alignment after every rule has run.

The engine proposes; a reviewer decides (:mod:`fagui.decisions`). This is
the one rule that lets a decision override the engine, run last so that the
relations, grades, links and coverage that follow are computed from the
decided alignment as from any other.
"""

from __future__ import annotations

from dataclasses import replace

from fagui.align.context import Context, Share, State
from fagui.align.vectors import cosine
from fagui.model import Decision, PlacedDecision, Strength, Verdict

Mark = tuple[int, int, Strength, Decision]
"""A decided link: left article index, right article index, strength, decision."""


def reviewer_decisions(ctx: Context, state: State, decisions: tuple[PlacedDecision, ...]) -> tuple[State, tuple[Mark, ...]]:
    """Each decision, in order (a later one on the same two articles wins):

    * a confirmed *counterpart* link makes the two articles one group of
      their own (each leaves the group it was in; a group left with nothing
      on one side leaves its other articles one-sided); a confirmed *shares*
      link makes a shares link (the two articles stop being counterparts),
      resting on their best-scoring pair of units;
    * a rejected link is removed: the right article leaves the group (or the
      left one, when it is the group's only right article, or both when the
      group is one-to-one), or the shares link goes;
    * a decision whose articles' wording changed since it was made
      (``current`` false) is not trusted: a confirmed link is kept and marked
      *needs review*, a rejected one is not removed and, if the engine links
      the two articles, that link is marked *needs review*.

    Returns the new state and the marks: *confirmed* for a confirmed link the
    engine had made, *added* for one it had not. Decisions naming articles
    the texts do not have are left out (the caller has already placed them)."""
    index_l = {x.article.label: i for i, x in enumerate(ctx.left)}
    index_r = {x.article.label: j for j, x in enumerate(ctx.right)}
    latest: dict[tuple[int, int], PlacedDecision] = {}
    for d in decisions:
        if d.left in index_l and d.right in index_r:
            key = (index_l[d.left], index_r[d.right])
            latest.pop(key, None)  # keep the order of the last word
            latest[key] = d
    engine_pairs = {(i, j) for lefts, rights in state.groups for i in lefts for j in rights}
    engine_shares = {(s.left, s.right) for s in state.shares}
    groups = [(list(lefts), list(rights)) for lefts, rights in state.groups]
    shares = {(s.left, s.right): s for s in state.shares}
    marks: list[Mark] = []
    for (i, j), d in latest.items():
        counterpart = d.strength is Strength.COUNTERPART
        had = (i, j) in (engine_pairs if counterpart else engine_shares)
        if not d.current:
            if d.verdict is Verdict.REJECTED:
                if had:
                    marks.append((i, j, d.strength, Decision.NEEDS_REVIEW))
                continue
            marks.append((i, j, d.strength, Decision.NEEDS_REVIEW))
        elif d.verdict is Verdict.REJECTED:
            if counterpart:
                _unpair(groups, i, j)
            else:
                shares.pop((i, j), None)
            continue
        else:
            marks.append((i, j, d.strength, Decision.CONFIRMED if had else Decision.ADDED))
        if counterpart and not _together(groups, i, j):
            _detach(groups, left=i)
            _detach(groups, right=j)
            groups.append(([i], [j]))
            shares.pop((i, j), None)
        elif not counterpart and (i, j) not in shares:
            if _together(groups, i, j):
                _unpair(groups, i, j)
            shares[i, j] = Share(i, j, (_best_units(ctx, i, j),))
    kept = tuple(sorted((tuple(l), tuple(r)) for l, r in groups if l and r))
    ordered = tuple(sorted(shares.values(), key=lambda s: (s.left, s.right)))
    return replace(state, groups=kept, shares=ordered), tuple(marks)


def _together(groups: list[tuple[list[int], list[int]]], i: int, j: int) -> bool:
    return any(i in lefts and j in rights for lefts, rights in groups)


def _detach(groups: list[tuple[list[int], list[int]]], *, left: int | None = None, right: int | None = None) -> None:
    """Take one article out of its group; a group left empty on one side is dissolved."""
    for k, (lefts, rights) in enumerate(groups):
        if left in lefts or right in rights:
            lefts = [i for i in lefts if i != left]
            rights = [j for j in rights if j != right]
            groups[k] = (lefts, rights) if lefts and rights else ([], [])
            return


def _unpair(groups: list[tuple[list[int], list[int]]], i: int, j: int) -> None:
    """Separate left ``i`` and right ``j`` of one group: the right article
    leaves it, or the left one when it is the group's only right article."""
    for lefts, rights in groups:
        if i in lefts and j in rights:
            if len(rights) > 1:
                _detach(groups, right=j)
            else:
                _detach(groups, left=i)
            return


def _best_units(ctx: Context, i: int, j: int) -> tuple[tuple[int, int], tuple[int, int], float]:
    """The pair of units (paragraphs or items) of left ``i`` and right ``j``
    that score best together: what a shares link a reviewer made rests on."""
    keys_l, vl, keys_r, vr = ctx.unit_vectors()
    ours_l = [(k, v) for k, v in zip(keys_l, vl) if k[0] == i]
    ours_r = [(k, v) for k, v in zip(keys_r, vr) if k[0] == j]
    best = ((i, 0), (j, 0), 0.0)
    for u, a in ours_l:
        for w, b in ours_r:
            score = cosine(a, b)
            if score > best[2]:
                best = (u, w, score)
    return best
