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
    """Each decision, in order (a later one on the same two articles wins;
    those not trusted, below, go first so that trusted ones have the last word):

    * a confirmed *counterpart* link makes the two articles counterparts: one
      joins the group an earlier decision made for the other, when that keeps
      it one-to-many (:func:`_pair`), else both leave their groups for a
      group of their own (a group left with nothing on one side leaves its
      other articles one-sided); a confirmed *shares*
      link makes a shares link (the two articles stop being counterparts),
      resting on their best-scoring pair of blocks;
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
    confirmed: set[tuple[int, int]] = set()  # counterparts a decision has made or kept so far
    marks: list[Mark] = []
    # Decisions not trusted first, so that a trusted one on the same articles has the last word.
    ordered = [x for x in latest.items() if not x[1].current] + [x for x in latest.items() if x[1].current]
    for (i, j), d in ordered:
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
        if counterpart:
            _pair(groups, i, j, confirmed)
            confirmed.add((i, j))
            shares.pop((i, j), None)
        elif (i, j) not in shares:
            if _group(groups, left=i) is _group(groups, right=j):
                _unpair(groups, i, j)
            shares[i, j] = Share(i, j, (_best_block_link(ctx, i, j),))
    kept = tuple(sorted((tuple(l), tuple(r)) for l, r in groups if l and r))
    ordered = tuple(sorted(shares.values(), key=lambda s: (s.left, s.right)))
    return replace(state, groups=kept, shares=ordered), tuple(marks)


Groups = list[tuple[list[int], list[int]]]
"""Groups being decided: (left indices, right indices), changed in place."""


def _group(groups: Groups, *, left: int | None = None, right: int | None = None) -> tuple[list[int], list[int]] | None:
    """The group holding left article ``left`` (or right article ``right``), if any."""
    return next((g for g in groups if left in g[0] or right in g[1]), None)


def _pair(groups: Groups, i: int, j: int, confirmed: set[tuple[int, int]]) -> None:
    """Make left ``i`` and right ``j`` counterparts. A group that earlier
    decisions made or kept is not broken up where it can grow instead: when
    ``i`` is the only left article of such a group, ``j`` joins it (one to
    many), and the other way round; otherwise both leave their groups for a
    new one (an article has one counterpart group, never many to many)."""
    gi, gj = _group(groups, left=i), _group(groups, right=j)
    if gi is not None and gi is gj:
        return
    decided = lambda g: g is not None and any((a, b) in confirmed for a in g[0] for b in g[1])
    if decided(gi) and gi[0] == [i]:
        _detach(groups, right=j)
        gi[1].append(j)
    elif decided(gj) and gj[1] == [j]:
        _detach(groups, left=i)
        gj[0].append(i)
    else:
        _detach(groups, left=i)
        _detach(groups, right=j)
        groups.append(([i], [j]))


def _detach(groups: Groups, *, left: int | None = None, right: int | None = None) -> None:
    """Take one article out of its group; a group left empty on one side is dissolved."""
    for k, (lefts, rights) in enumerate(groups):
        if left in lefts or right in rights:
            lefts = [i for i in lefts if i != left]
            rights = [j for j in rights if j != right]
            groups[k] = (lefts, rights) if lefts and rights else ([], [])
            return


def _unpair(groups: Groups, i: int, j: int) -> None:
    """Separate left ``i`` and right ``j`` of one group: the right article
    leaves it, or the left one when it is the group's only right article."""
    for lefts, rights in groups:
        if i in lefts and j in rights:
            if len(rights) > 1:
                _detach(groups, right=j)
            else:
                _detach(groups, left=i)
            return


def _best_block_link(ctx: Context, i: int, j: int) -> tuple[tuple[int, int], tuple[int, int], float]:
    """The pair of blocks (paragraphs or items) of left ``i`` and right ``j``
    that score best together: what a shares link a reviewer made rests on."""
    keys_l, vl, keys_r, vr = ctx.block_vectors()
    ours_l = [(k, v) for k, v in zip(keys_l, vl) if k[0] == i]
    ours_r = [(k, v) for k, v in zip(keys_r, vr) if k[0] == j]
    best = ((i, 0), (j, 0), 0.0)
    for u, a in ours_l:
        for w, b in ours_r:
            score = cosine(a, b)
            if score > best[2]:
                best = (u, w, score)
    return best
