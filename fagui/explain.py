"""Why the engine linked an article as it did: every candidate on the other
side with its scores, and what each alignment rule did with each link of the
article, in the order the rules ran (``fagui diff --explain 第八条``).

The explanation re-runs the alignment of the comparison (the same texts, mode
and decisions) with its record of events (:class:`fagui.align.Event`) and
looks up the scores the rules read; nothing here decides anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from fagui.align import PARAMS, Action, align_articles, stock_background
from fagui.align.context import make_context
from fagui.errors import FaguiError
from fagui.model import ArticleKey, Grade, Mode, PlacedDecision, Regulation, Relation, Side, Strength
from fagui.text.labels import label_text


@dataclass(frozen=True)
class Scored:
    """An article of the other side and how it compares with the article
    explained: the article score, its rank among the other side's articles
    for this article (1: the best), whether this article is its best match
    in turn, and the best score of a block of one with a block of the other."""

    label: str
    score: float
    rank: int
    mutual: bool
    best_block: float


@dataclass(frozen=True)
class Step:
    """What one rule did to one link of the article (:class:`fagui.align.Action`:
    made, removed, accepted as sure or unsure, or left a candidate: proposed
    and not accepted), for a link of ``kind`` (:class:`fagui.model.Strength`)
    with the other side's article ``other``; ``probability`` where graded."""

    rule: str
    action: Action
    kind: Strength
    other: str
    probability: float | None = None


@dataclass(frozen=True)
class Explanation:
    """One article of one side (:class:`fagui.model.Side`) of a comparison:
    ``candidates`` (every article of the other side sharing a bigram with it,
    best first), ``steps`` in the order the rules ran, ``rules`` (every rule
    of the chain, in order, so that a rule that left the article alone shows
    as such) and the result: the ``relation`` and ``grade`` of its group at
    the end, and its ``counterparts``: (label, the rule that made the link)
    for each article of the other side in the group (relation and grade
    None when the article is in no group)."""

    side: Side
    label: str
    candidates: tuple[Scored, ...]
    steps: tuple[Step, ...]
    rules: tuple[str, ...]
    relation: Relation | None
    counterparts: tuple[tuple[str, str], ...]
    grade: Grade | None


def explain(
    left: Regulation, right: Regulation, mode: Mode, article: ArticleKey, decisions: tuple[PlacedDecision, ...] = ()
) -> tuple[Explanation, ...]:
    """The :class:`Explanation` of the article numbered ``article`` ((number,
    suffix): 第十条之一 is (10, 1)) on each side that has it. Raises
    FaguiError when neither does."""
    background = stock_background()
    alignment = align_articles(left, right, mode, background=background, decisions=decisions)
    ctx = make_context(left, right, mode, PARAMS, background)
    sims = ctx.article_scores(range(len(ctx.left)), range(len(ctx.right)))
    block_scores = ctx.block_scores()
    labels_l = [x.article.label for x in ctx.left]
    labels_r = [x.article.label for x in ctx.right]
    rules = tuple(line.split(":")[0] for line in alignment.trace)
    out = []
    for side, located in ((Side.LEFT, ctx.left), (Side.RIGHT, ctx.right)):
        keys = [x.article.key for x in located]
        if article not in keys:
            continue
        k = keys.index(article)
        mine = {(j if side == Side.LEFT else i): s for (i, j), s in sims.items() if (i if side == Side.LEFT else j) == k}
        best_of_other: dict[int, float] = {}
        for (i, j), s in sims.items():
            other = j if side == Side.LEFT else i
            if other in mine:
                best_of_other[other] = max(best_of_other.get(other, 0.0), s)
        block: dict[int, float] = {}
        for ((i, _), (j, _)), s in block_scores.items():
            here, other = (i, j) if side == Side.LEFT else (j, i)
            if here == k and s > block.get(other, 0.0):
                block[other] = s
        ranked = sorted(mine.items(), key=lambda x: (-x[1], x[0]))
        other_labels = labels_r if side == Side.LEFT else labels_l
        candidates = tuple(
            Scored(other_labels[o], s, n, s >= best_of_other[o], block.get(o, 0.0)) for n, (o, s) in enumerate(ranked, 1)
        )
        mine_events = [e for e in alignment.events if (e.left if side == Side.LEFT else e.right) == k]
        # A link grading refuses is reported once, as refused, not also as removed.
        refused = {(e.rule, e.kind, e.left, e.right) for e in mine_events if e.action == Action.CANDIDATE}
        steps = tuple(
            Step(e.rule, e.action, e.kind, other_labels[e.right if side == Side.LEFT else e.left], e.probability)
            for e in mine_events
            if not (e.action == Action.REMOVED and (e.rule, e.kind, e.left, e.right) in refused)
        )
        out.append(Explanation(side, located[k].article.label, candidates, steps, rules, *_result(alignment, side, k, other_labels)))
    if not out:
        raise FaguiError(f"no article {label_text('条', *article)} on either side")
    return tuple(out)


def _result(alignment, side: Side, k: int, other_labels: list[str]) -> tuple[Relation | None, tuple[tuple[str, str], ...], Grade | None]:
    """The relation of the article's group, its counterparts (each with the
    rule that made the link) and the group's grade."""
    for g in alignment.groups:
        if k in (g.left if side == Side.LEFT else g.right):
            others = g.right if side == Side.LEFT else g.left
            made = tuple(
                (other_labels[o], alignment.made.get((Strength.COUNTERPART, k, o) if side == Side.LEFT else (Strength.COUNTERPART, o, k), ""))
                for o in others
            )
            return g.relation, made, g.grade
    return None, (), None
