"""Which articles of two regulations correspond, and how.

``align_articles(left, right, mode)`` returns an :class:`Alignment`:

* ``groups``: every article in exactly one :class:`Group` -- its
  *counterpart* group (one-to-one, one-to-many or many-to-one, never
  many-to-many) or a group of its own when it has no counterpart -- with a
  relation, a score and a grade;
* ``links``: the *shares* links -- a paragraph (款) or item (项) of one
  article carried into another article that is not its counterpart -- each
  with the blocks it rests on.

The work is a chain of named passes, each a plain function
``pass_(ctx, state) -> state`` (:mod:`fagui.align.context`) whose docstring
is its rule; every threshold is a field of :class:`Params`. Scores and the
weights behind them are defined in :mod:`fagui.align.vectors`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from fagui.align.citations import cited_articles
from fagui.align.decided import Mark, reviewer_decisions
from fagui.align.content import best_remaining, in_order_chain, mutual_best, weak_mutual_best
from fagui.align.context import Context, State, make_context
from fagui.align.functional import functional_articles
from fagui.align.grading import grade_links
from fagui.align.nearest import Near, nearest
from fagui.align.groups import merged_articles, paragraph_source, split_articles
from fagui.model.params import PARAMS, Params
from fagui.align.relations import Group, jurisdiction_groups, share_grade, version_groups
from fagui.align.shares import distinctive_counterparts, shared_units
from fagui.align.vectors import Background, stock_background
from fagui.align.versions import pairs_between_anchors, same_text_anchors
from fagui.model import MODES, Claim, Grade, Mode, PlacedDecision, Regulation, Strength

__all__ = [
    "Action",
    "Alignment",
    "Background",
    "Event",
    "Group",
    "JURISDICTION_PASSES",
    "Link",
    "Mark",
    "Near",
    "PARAMS",
    "Pass",
    "Params",
    "VERSION_PASSES",
    "align_articles",
    "stock_background",
]

Pass = Callable[[Context, State], State]

JURISDICTION_PASSES: list[tuple[str, Pass]] = [
    ("in_order_chain", in_order_chain),
    ("mutual_best", mutual_best),
    ("best_remaining", best_remaining),
    ("weak_mutual_best", weak_mutual_best),
    ("functional_articles", functional_articles),
    ("split_articles", split_articles),
    ("paragraph_source", paragraph_source),
    ("merged_articles", merged_articles),
    ("distinctive_counterparts", distinctive_counterparts),
    ("shared_units", shared_units),
    ("cited_articles", cited_articles),
    ("grade_links", grade_links),
]
"""A reference text against a derived one: content decides, order is a hint."""

VERSION_PASSES: list[tuple[str, Pass]] = [
    ("same_text_anchors", same_text_anchors),
    ("pairs_between_anchors", pairs_between_anchors),
    ("split_articles", split_articles),
    ("merged_articles", merged_articles),
    ("shared_units", shared_units),
    ("grade_links", grade_links),
]
"""Two versions of one regulation: order is a strong hint."""

_CHAINS = {Mode.JURISDICTIONS: (JURISDICTION_PASSES, jurisdiction_groups), Mode.VERSIONS: (VERSION_PASSES, version_groups)}


@dataclass(frozen=True)
class Link:
    """A *shares* link between left article ``left`` and right article
    ``right`` (indices): ``block_links`` are the ((article, block), (article,
    block), score) block pairs it rests on; ``score`` is the best of theirs;
    ``rule`` the pass that made it."""

    left: int
    right: int
    score: float
    grade: Grade
    block_links: tuple[tuple[tuple[int, int], tuple[int, int], float], ...]
    rule: str = ""


class Action(StrEnum):
    """What a pass did to a link (:class:`Event`): made it, removed it or,
    grading (:func:`fagui.align.grading.grade_links`), accepted it as sure or
    unsure, or left it a candidate (proposed and not accepted): the grades'
    own values (:class:`fagui.model.Grade`). A ``StrEnum``: it equals,
    prints and serialises as its value."""

    MADE = "made"
    REMOVED = "removed"
    SURE = Grade.SURE.value
    UNSURE = Grade.UNSURE.value
    CANDIDATE = Grade.CANDIDATE.value


@dataclass(frozen=True)
class Event:
    """What one pass did to one link (:class:`Action`), for a link of
    ``kind`` (:class:`fagui.model.Strength`: counterpart or shares) between
    left article ``left`` and right article ``right``; ``probability`` where
    graded."""

    rule: str
    action: Action
    kind: Strength
    left: int
    right: int
    probability: float | None = None


@dataclass(frozen=True)
class Alignment:
    """Counterpart groups (every article in exactly one), *shares* links,
    ``inner``: the ((article, block), (article, block), score) block pairs
    linked inside a group (its evidence beside its own block matching), the
    trace: one line per pass, what it changed; ``events``: what each pass
    did to each link, in the order the passes ran; ``candidates``: the links
    proposed and not accepted, (kind, left, right, probability); and
    ``decided``: the links a reviewer's decisions confirmed, added or left
    needing review (:func:`fagui.align.decided.reviewer_decisions`);
    ``made``: the pass that made each link, by (kind, left, right)."""

    groups: tuple[Group, ...]
    links: tuple[Link, ...]
    inner: tuple[tuple[tuple[int, int], tuple[int, int], float], ...]
    trace: tuple[str, ...]
    decided: tuple[Mark, ...] = ()
    events: tuple[Event, ...] = ()
    candidates: tuple[tuple[str, int, int, float], ...] = ()
    made: Mapping[tuple[str, int, int], str] = field(default_factory=dict)


def align_articles(
    left: Regulation,
    right: Regulation,
    mode: Mode,
    *,
    params: Params = PARAMS,
    background: Background | None = None,
    passes: list[tuple[str, Pass]] | None = None,
    decisions: tuple[PlacedDecision, ...] = (),
) -> Alignment:
    """The :class:`Alignment` of ``left`` with ``right`` in ``mode``
    ("versions" or "jurisdictions"). ``background`` (see
    by default :func:`stock_background`, the one shipped) says what is stock
    phrasing in regulations at large; ``passes`` replaces the mode's chain
    (to see what one rule does); ``decisions``, a reviewer's, are applied
    after the chain (:func:`fagui.align.decided.reviewer_decisions`)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    chain, name_groups = _CHAINS[mode]
    ctx = make_context(left, right, mode, params, background or stock_background())
    state = State()
    events: list[Event] = []
    made: dict[tuple[str, int, int], str] = {}
    gone: dict[tuple[str, int, int], str] = {}
    pairs: set[tuple[str, int, int]] = set()  # the links of state, carried from pass to pass
    for name, run in chain if passes is None else passes:
        before = state
        state = run(ctx, state)
        state = replace(state, trace=before.trace + (f"{name}: {_change(before, state)}",))
        after = _pairs(state)
        events += _events(name, before, state, pairs, after, made, gone)
        pairs = after
    marks: tuple[Mark, ...] = ()
    if decisions:
        before = state
        state, marks = reviewer_decisions(ctx, state, decisions)
        state = replace(state, trace=before.trace + (f"reviewer_decisions: {_change(before, state)}",))
        events += _events("reviewer_decisions", before, state, pairs, _pairs(state), made, gone)
    links = tuple(
        Link(s.left, s.right, s.score, share_grade(state, s), s.block_links, made.get((Strength.SHARES, s.left, s.right), ""))
        for s in state.shares
    )
    near = nearest(ctx, state, {(k, i, j): gone.get((k, i, j), "") for k, i, j, _ in state.candidates})
    groups = tuple(
        replace(g, rule=_group_rule(g, made, state), candidates=near.get((0, g.left[0]) if g.left else (1, g.right[0]), ()))
        if not (g.left and g.right)
        else replace(g, rule=_group_rule(g, made, state))
        for g in name_groups(ctx, state)
    )
    return Alignment(groups, links, state.inner, state.trace, marks, tuple(events), state.candidates, dict(made))


def _pairs(state: State) -> set[tuple[str, int, int]]:
    """Every link of a state: (kind, left, right)."""
    out = {(Strength.COUNTERPART, i, j) for lefts, rights in state.groups for i in lefts for j in rights}
    return out | {(Strength.SHARES, s.left, s.right) for s in state.shares}


def _events(
    name: str,
    before: State,
    after: State,
    old: set[tuple[str, int, int]],
    new: set[tuple[str, int, int]],
    made: dict[tuple[str, int, int], str],
    gone: dict[tuple[str, int, int], str],
) -> list[Event]:
    """What pass ``name`` did to each link (and, grading, each grade), given
    the links before and after it (``old``, ``new``: :func:`_pairs`); keeps
    ``made``: the pass that made each link standing, and ``gone``: the pass
    that made each link since removed."""
    out = []
    for key in sorted(new - old):
        made[key] = name
        out.append(Event(name, Action.MADE, *key))
    for key in sorted(old - new):
        gone[key] = made.pop(key, "")
        out.append(Event(name, Action.REMOVED, *key))
    if after.grades is not before.grades:
        for (kind, a, b), (grade, p) in sorted(after.grades.items()):
            if kind != Claim.ALONE:
                out.append(Event(name, Action(grade), kind, a, b, p))
        for kind, a, b, p in after.candidates:
            out.append(Event(name, Action.CANDIDATE, kind, a, b, p))
    return out


def _group_rule(group: Group, made: dict[tuple[str, int, int], str], state: State) -> str:
    """The pass that made a group's first pair; for an article alone, the pass
    that graded the claim (``grade_links``, when claims were graded)."""
    if group.left and group.right:
        return made.get((Strength.COUNTERPART, group.left[0], group.right[0]), "")
    return "grade_links" if state.grades else ""


def _change(before: State, after: State) -> str:
    """What a pass changed, or why it did not apply."""
    added = set(after.groups) - set(before.groups)
    removed = set(before.groups) - set(after.groups)
    if after.shares != before.shares:
        return f"{len(after.shares)} shares links"
    if not added and not removed:
        return "no change (nothing met its rule)"
    return f"+{len(added)} -{len(removed)} groups"
