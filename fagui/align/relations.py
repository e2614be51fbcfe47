"""Name what each group is (its relation), and grade how sure the engine is.

Run last, on the final ``State``. A one-sided article that has a *shares*
link is ``shared``: "not adopted" and "provincial-only" (or "deleted" and
"added") mean that no provision of it appears on the other side, not merely
that no article was paired with it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from fagui.align.context import Context, Pairing, Share, State
from fagui.align.nearest import Near
from fagui.align.versions import ARTICLE_NUMBER, INTERNAL_REF
from fagui.align.vectors import coverage
from fagui.model import ArticleKey, Claim, Grade, Note, NoteKind, Relation, Side, Strength
from fagui.text.labels import label_text
from fagui.text.numerals import to_int


@dataclass(frozen=True)
class Group:
    """Corresponding articles: indices into the left and right articles (one
    side may be empty), their relation, score in [0, 1], grade (of the
    correspondence, or of the claim that an article alone has none), notes
    for the reader, and ``rule``: the pass that made it (for an article
    alone, the pass that graded the claim)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    relation: Relation
    score: float
    notes: tuple[Note, ...] = ()
    grade: Grade = Grade.SURE
    rule: str = ""
    candidates: tuple[Near, ...] = ()
    """For an article alone: the closest articles of the other side
    (:func:`fagui.align.nearest.nearest`)."""


def group_grade(state: State, lefts: tuple[int, ...], rights: tuple[int, ...]) -> Grade:
    """A group's grade: its weakest pair's (:func:`fagui.align.grading.grade_links`;
    sure when links were not graded)."""
    grades = state.grades
    worst = Grade.SURE
    for i in lefts:
        for j in rights:
            g = grades.get((Strength.COUNTERPART, i, j), (Grade.SURE, 1.0))[0]
            if g is not Grade.SURE:
                worst = g
    return worst


def alone_grade(state: State, side: Side, k: int) -> Grade:
    """The grade of the claim that article ``k`` of ``side`` is alone:
    corresponds to nothing (sure when claims were not graded)."""
    return state.grades.get((Claim.ALONE, side, k), (Grade.SURE, 1.0))[0]


def ungrouped(ctx: Context, state: State) -> tuple[list[int], list[int]]:
    """(left articles in no group, right articles in no group)."""
    paired_l = {i for g in state.groups for i in g[0]}
    paired_r = {j for g in state.groups for j in g[1]}
    return [i for i in range(len(ctx.left)) if i not in paired_l], [j for j in range(len(ctx.right)) if j not in paired_r]


def _lone(ctx: Context, state: State, alone: tuple[Relation, Relation]) -> list[Group]:
    """Groups of one article each: ``shared`` when a *shares* link touches
    it, else ``alone[0]`` (left) or ``alone[1]`` (right)."""
    free_l, free_r = ungrouped(ctx, state)
    touched_l = {s.left for s in state.shares}
    touched_r = {s.right for s in state.shares}
    out = [
        Group((i,), (), Relation.SHARED, 0.0) if i in touched_l else Group((i,), (), alone[0], 0.0, grade=alone_grade(state, Side.LEFT, i))
        for i in free_l
    ]
    return out + [
        Group((), (j,), Relation.SHARED, 0.0) if j in touched_r else Group((), (j,), alone[1], 0.0, grade=alone_grade(state, Side.RIGHT, j))
        for j in free_r
    ]


def jurisdiction_groups(ctx: Context, state: State) -> list[Group]:
    """identical (same text after normalisation), reworded (each side has at
    least ``reworded_coverage`` of the other's bigrams, counted plainly),
    adapted (less shared); shared, provincial_only, not_adopted."""
    out = []
    for lefts, rights in state.groups:
        if len(lefts) == len(rights) == 1 and ctx.texts_l[lefts[0]] == ctx.texts_r[rights[0]]:
            out.append(Group(lefts, rights, Relation.IDENTICAL, 1.0))
            continue
        # How much of each side's wording, generic words included, the other has.
        a = _counts([ctx.counts_l[i] for i in lefts])
        b = _counts([ctx.counts_r[j] for j in rights])
        shared = min(coverage(a, b), coverage(b, a))
        score = ctx.group_score(lefts, rights)
        relation = Relation.REWORDED if shared >= ctx.params.reworded_coverage else Relation.ADAPTED
        out.append(Group(lefts, rights, relation, score, grade=group_grade(state, lefts, rights)))
    return out + _lone(ctx, state, (Relation.NOT_ADOPTED, Relation.PROVINCIAL_ONLY))


def _counts(counts: list[Counter]) -> Counter:
    """The bigram counts of articles together (an article's own, when alone:
    adding it to nothing would copy the same counts in the same order)."""
    return counts[0] if len(counts) == 1 else sum(counts, Counter())


def version_groups(ctx: Context, state: State) -> list[Group]:
    """unchanged, renumbered, reference_update (the text differs only in
    internal references, each following the renumbering), amended, moved (to
    a chapter other than the one its old chapter became), split, merged;
    shared, added, deleted."""
    la, ra = ctx.left, ctx.right
    key_map = {la[i].article.key: ra[r[0]].article.key for l, r in state.groups for i in l}
    chapter_map = _chapter_map(state.groups, la, ra)
    out = []
    for lefts, rights in state.groups:
        score = ctx.group_score(lefts, rights)
        if len(rights) > 1 or len(lefts) > 1:
            relation = Relation.SPLIT if len(rights) > 1 else Relation.MERGED
            out.append(Group(lefts, rights, relation, score, grade=group_grade(state, lefts, rights)))
            continue
        i, j = lefts[0], rights[0]
        old, new = la[i], ra[j]
        same_text = ctx.texts_l[i] == ctx.texts_r[j]
        score = 1.0 if same_text else score
        notes: tuple[Note, ...] = ()
        if chapter_map.get(old.divisions) != new.divisions:
            relation = Relation.MOVED
            notes = (Note(NoteKind.MOVED, old.divisions, new.divisions),)
            if not same_text:
                notes += (Note(NoteKind.ALSO_AMENDED),)
        elif same_text:
            relation = Relation.UNCHANGED if old.article.key == new.article.key else Relation.RENUMBERED
        elif renumber_refs(ctx.texts_l[i], key_map) == ctx.texts_r[j]:
            relation = Relation.REFERENCE_UPDATE
            notes = (Note(NoteKind.REFERENCES_FOLLOW),)
        else:
            relation = Relation.AMENDED
        out.append(Group(lefts, rights, relation, score, notes, group_grade(state, lefts, rights)))
    return out + _lone(ctx, state, (Relation.DELETED, Relation.ADDED))


def _chapter_map(groups: tuple[Pairing, ...], la, ra) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each left chapter (division path) -> the right chapter most of its
    paired articles went to: what that chapter became."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for lefts, rights in groups:
        for i in lefts:
            for j in rights:
                votes[la[i].divisions][ra[j].divisions] += 1
    return {chapter: counts.most_common(1)[0][0] for chapter, counts in votes.items()}


def renumber_refs(text: str, key_map: dict[ArticleKey, ArticleKey]) -> str:
    """``text`` with each internal reference to an article renumbered as
    ``key_map`` says: (number, suffix) -> (number, suffix), so 第十条之一 may
    become 第十一条 and back (references to articles not in it unchanged)."""

    def article(m: re.Match) -> str:
        key = (to_int(m.group(1)), to_int(m.group(2)) if m.group(2) else 0)
        return label_text("条", *key_map.get(key, key))

    return INTERNAL_REF.sub(lambda m: m.group(1) + ARTICLE_NUMBER.sub(article, m.group(2)), text)


def share_grade(state: State, share: Share) -> Grade:
    """A *shares* link's grade (sure when links were not graded)."""
    return state.grades.get((Strength.SHARES, share.left, share.right), (Grade.SURE, 1.0))[0]
