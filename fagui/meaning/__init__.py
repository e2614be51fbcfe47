"""What a change means in law, beside which characters changed.

Recognisers are named rules of one signature, ``rule(left: Passage, right:
Passage) -> tuple[MeaningChange, ...]``, whose docstring is the rule; one
module a kind (:mod:`modality`, :mod:`amount`, :mod:`time_limit`,
:mod:`actor`, :mod:`sanction`, :mod:`reference`). :data:`RULES` lists them
all, as data. They run over the blocks (paragraphs 款 and items 项) of every
linked pair of a comparison -- a counterpart pair, the evidence blocks of a
*shares* link -- and of every article on one side only
(:func:`pair_meanings`, :func:`link_meanings`). :mod:`fagui.meaning.flags`
turns some of what they find, with the texts' levels, into flags for a
reviewer.
"""

from __future__ import annotations

from typing import Callable

from fagui.meaning import actor, amount, modality, reference, sanction, time_limit
from fagui.meaning.terms import Passage, Renumbering
from fagui.model.comparison import ArticleLink, ArticlePair, ArticleRef, Relation, Side
from fagui.model.decisions import Strength
from fagui.model.meaning import MeaningChange, Place

Rule = Callable[[Passage, Passage], tuple[MeaningChange, ...]]

RULES: list[tuple[str, Rule]] = [
    *modality.RULES,
    *amount.RULES,
    *time_limit.RULES,
    *actor.RULES,
    *sanction.RULES,
    *reference.RULES,
]
"""Every recogniser, by name, kind by kind."""

__all__ = ["Passage", "RULES", "Rule", "carried_blocks", "link_meanings", "meanings", "pair_meanings", "passage", "renumbering"]


def meanings(left: Passage, right: Passage, rules: list[tuple[str, Rule]] | None = None) -> tuple[MeaningChange, ...]:
    """What every rule (or those of ``rules``) finds between two passages;
    nothing when both hold the same text."""
    if [t for _, t in left.blocks] == [t for _, t in right.blocks]:
        return ()
    return tuple(change for _, rule in (RULES if rules is None else rules) for change in rule(left, right))


def passage(refs: tuple[ArticleRef, ...], only: set[tuple[str, int]] | None = None, renumbered: tuple[tuple[str, str], ...] = ()) -> Passage:
    """The blocks of articles ``refs`` (or those of them in ``only``: (label,
    block index)) as a passage."""
    return Passage(
        tuple(
            (Place(ref.label, b), text)
            for ref in refs
            for b, text in enumerate(ref.blocks)
            if only is None or (ref.label, b) in only
        ),
        renumbered,
    )


def renumbering(pairs: tuple[ArticlePair, ...]) -> Renumbering:
    """(old label, new label) for each one-to-one pair of two versions whose
    number changed: what an internal reference follows."""
    return Renumbering(
        (p.left[0].label, p.right[0].label)
        for p in pairs
        if len(p.left) == len(p.right) == 1 and p.left[0].label != p.right[0].label
    )


def pair_meanings(
    pair: ArticlePair, renumbered: tuple[tuple[str, str], ...] = (), carried: frozenset[tuple[str, str, int]] = frozenset()
) -> tuple[MeaningChange, ...]:
    """The meaning changes between the two sides of a pair (for an article
    on one side only, everything it says is added or removed), less the
    blocks in ``carried`` (:class:`~fagui.model.Side`, label, block) that the pair matches
    with nothing: those a *shares* link carries, whose changes are the
    link's. None for a pair whose text did not change."""
    if not pair.changed or pair.relation == Relation.RENUMBERED:
        return ()
    unmatched = {(Side.LEFT,) + tuple(pp.left) for pp in pair.paragraphs if pp.right is None and pp.left is not None}
    unmatched |= {(Side.RIGHT,) + tuple(pp.right) for pp in pair.paragraphs if pp.left is None and pp.right is not None}

    def own(side: Side, refs: tuple[ArticleRef, ...]) -> set[tuple[str, int]] | None:
        if not carried:
            return None  # no block is carried: every block is the pair's own
        return {
            (ref.label, b)
            for k, ref in enumerate(refs)
            for b in range(len(ref.blocks))
            if (side, ref.label, b) not in carried or (pair.left and pair.right and (side, k, b) not in unmatched)
        }

    left = passage(pair.left, own(Side.LEFT, pair.left), renumbered) if pair.left else Passage()
    right = passage(pair.right, own(Side.RIGHT, pair.right)) if pair.right else Passage()
    return meanings(left, right)


def carried_blocks(links: tuple[ArticleLink, ...]) -> frozenset[tuple[str, str, int]]:
    """(:class:`~fagui.model.Side`, article label, block index) of every block a *shares*
    link rests on."""
    return frozenset(
        block
        for x in links
        if x.strength == Strength.SHARES
        for e in x.evidence
        for block in ((Side.LEFT, e.left[0], e.left[1]), (Side.RIGHT, e.right[0], e.right[1]))
    )


def link_meanings(link: ArticleLink, blocks: dict[tuple[str, str], ArticleRef]) -> tuple[MeaningChange, ...]:
    """The meaning changes between the blocks a *shares* link rests on
    (its evidence), not the whole articles: the rest of them are other
    provisions."""
    left, right = blocks.get((Side.LEFT, link.left)), blocks.get((Side.RIGHT, link.right))
    if left is None or right is None:
        return ()
    only_l = {tuple(e.left) for e in link.evidence}
    only_r = {tuple(e.right) for e in link.evidence}
    return meanings(passage((left,), only_l), passage((right,), only_r))
