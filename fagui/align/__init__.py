"""Which articles of two regulations correspond, and how.

``align_articles(left, right, mode)`` returns an :class:`Alignment`:

* ``groups``: every article in exactly one :class:`Group` -- its
  *counterpart* group (one-to-one, one-to-many or many-to-one, never
  many-to-many) or a group of its own when it has no counterpart -- with a
  relation, a score and a grade;
* ``links``: the *shares* links -- a paragraph (款) or item (项) of one
  article carried into another article that is not its counterpart -- each
  with the units it rests on.

The work is a chain of named passes, each a plain function
``pass_(ctx, state) -> state`` (:mod:`fagui.align.context`) whose docstring
is its rule; every threshold is a field of :class:`Params`. Scores and the
weights behind them are defined in :mod:`fagui.align.vectors`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from fagui.align.citations import cited_articles
from fagui.align.decided import Mark, reviewer_decisions
from fagui.align.content import best_remaining, in_order_chain, mutual_best, weak_mutual_best
from fagui.align.context import Context, State, make_context
from fagui.align.functional import functional_articles
from fagui.align.groups import merged_articles, paragraph_source, split_articles
from fagui.align.params import PARAMS, Params
from fagui.align.relations import Group, jurisdiction_groups, share_grade, version_groups
from fagui.align.shares import distinctive_counterparts, shared_units
from fagui.align.vectors import EMPTY_BACKGROUND, Background, corpus_background
from fagui.align.versions import pairs_between_anchors, same_text_anchors
from fagui.model import MODES, PlacedDecision, Regulation

__all__ = [
    "Alignment",
    "EMPTY_BACKGROUND",
    "Background",
    "Group",
    "JURISDICTION_PASSES",
    "Link",
    "Mark",
    "PARAMS",
    "Pass",
    "Params",
    "VERSION_PASSES",
    "align_articles",
    "corpus_background",
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
]
"""A reference text against a derived one: content decides, order is a hint."""

VERSION_PASSES: list[tuple[str, Pass]] = [
    ("same_text_anchors", same_text_anchors),
    ("pairs_between_anchors", pairs_between_anchors),
    ("split_articles", split_articles),
    ("merged_articles", merged_articles),
    ("shared_units", shared_units),
]
"""Two versions of one regulation: order is a strong hint."""

_CHAINS = {"jurisdictions": (JURISDICTION_PASSES, jurisdiction_groups), "versions": (VERSION_PASSES, version_groups)}


@dataclass(frozen=True)
class Link:
    """A *shares* link between left article ``left`` and right article
    ``right`` (indices): ``units`` are the ((article, block), (article,
    block), score) unit pairs it rests on; ``score`` is the best of theirs."""

    left: int
    right: int
    score: float
    grade: str
    units: tuple[tuple[tuple[int, int], tuple[int, int], float], ...]


@dataclass(frozen=True)
class Alignment:
    """Counterpart groups (every article in exactly one), *shares* links,
    ``inner``: the ((article, block), (article, block), score) unit pairs
    linked inside a group (its evidence beside its own block matching), the
    trace: one line per pass, what it changed, and ``decided``: the links a
    reviewer's decisions confirmed, added or left needing review
    (:func:`fagui.align.decided.reviewer_decisions`)."""

    groups: tuple[Group, ...]
    links: tuple[Link, ...]
    inner: tuple[tuple[tuple[int, int], tuple[int, int], float], ...]
    trace: tuple[str, ...]
    decided: tuple[Mark, ...] = ()


def align_articles(
    left: Regulation,
    right: Regulation,
    mode: str,
    *,
    params: Params = PARAMS,
    background: Background = EMPTY_BACKGROUND,
    passes: list[tuple[str, Pass]] | None = None,
    decisions: tuple[PlacedDecision, ...] = (),
) -> Alignment:
    """The :class:`Alignment` of ``left`` with ``right`` in ``mode``
    ("versions" or "jurisdictions"). ``background`` (see
    :func:`corpus_background`) says what is stock phrasing across a corpus;
    ``passes`` replaces the mode's chain (to see what one rule does);
    ``decisions``, a reviewer's, are applied after the chain
    (:func:`fagui.align.decided.reviewer_decisions`)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    chain, name_groups = _CHAINS[mode]
    ctx = make_context(left, right, mode, params, background)
    state = State()
    for name, run in chain if passes is None else passes:
        before = state
        state = run(ctx, state)
        state = replace(state, trace=before.trace + (f"{name}: {_change(before, state)}",))
    marks: tuple[Mark, ...] = ()
    if decisions:
        before = state
        state, marks = reviewer_decisions(ctx, state, decisions)
        state = replace(state, trace=before.trace + (f"reviewer_decisions: {_change(before, state)}",))
    links = tuple(Link(s.left, s.right, s.score, share_grade(s, ctx), s.units) for s in state.shares)
    return Alignment(tuple(name_groups(ctx, state)), links, state.inner, state.trace, marks)


def _change(before: State, after: State) -> str:
    """What a pass changed, or why it did not apply."""
    added = set(after.groups) - set(before.groups)
    removed = set(before.groups) - set(after.groups)
    if after.shares != before.shares:
        return f"{len(after.shares)} shares links"
    if not added and not removed:
        return "no change (nothing met its rule)"
    return f"+{len(added)} -{len(removed)} groups"
