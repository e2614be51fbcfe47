"""Compare two regulation texts: the :class:`fagui.model.Comparison` every
renderer reads.

``compare(left, right)`` aligns the articles (:mod:`fagui.align`), then inside
each group of corresponding articles matches their blocks (paragraphs and
items, :meth:`Article.blocks`) one to one, in order, by similarity, and diffs
each matched pair character by character (:mod:`fagui.diff`). Only what the
alignment matched is diffed, block by block: diffing whole documents would be
slow and coarse.
"""

from __future__ import annotations

import gc
from collections import Counter
from dataclasses import replace
from functools import wraps
from operator import add

from fagui.align import Background, Group, Pass, align_articles, stock_background
from fagui.align.vectors import bigram_list
from fagui.correspondence import article_links, coverage_of
from fagui.diff import diff_text, shared_runs
from fagui.meaning import carried_blocks, link_meanings, pair_meanings, renumbering
from fagui.meaning.flags import flags_of, texts_of
from fagui.model import (
    MODE_RELATIONS,
    ArticlePair,
    ArticleRef,
    Candidate,
    Comparison,
    Decision,
    DiffOp,
    DocumentRef,
    LocatedArticle,
    Mode,
    ParagraphPair,
    PlacedDecision,
    Regulation,
    Side,
    Strength,
    Summary,
)
from fagui.model.params import PARAMS, Params
from fagui.text.width import fold


def document_ref(regulation: Regulation, id: str | None = None, revision: str | None = None) -> DocumentRef:
    """A DocumentRef naming ``regulation`` from its own metadata."""
    meta = regulation.metadata
    return DocumentRef.from_metadata(meta, id, revision)


def default_mode(left: DocumentRef, right: DocumentRef) -> Mode:
    """"versions" when both sides are the same regulation (the same id when
    both refs carry one, else the same title), else "jurisdictions"."""
    if left.id is not None and right.id is not None:
        return Mode.VERSIONS if left.id == right.id else Mode.JURISDICTIONS
    return Mode.VERSIONS if left.title == right.title else Mode.JURISDICTIONS


def _without_cycle_collection(function):
    """``function`` run with Python's cycle collector paused (as it was
    before, after). A comparison makes no reference cycles (a test holds it
    to that): everything it drops is freed as it goes, and the collector,
    set off by the count of objects made, only walks the comparison's
    growing tables again and again: a fifth to a quarter of the time at
    5,000 articles."""

    @wraps(function)
    def paused(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused


@_without_cycle_collection
def compare(
    left: Regulation,
    right: Regulation,
    mode: Mode | str | None = None,
    left_ref: DocumentRef | None = None,
    right_ref: DocumentRef | None = None,
    background: Background | None = None,
    *,
    passes: list[tuple[str, Pass]] | None = None,
    decisions: tuple[PlacedDecision, ...] = (),
    meanings: bool = True,
    params: Params = PARAMS,
) -> Comparison:
    """The Comparison of ``left`` with ``right`` in ``mode`` (by default see
    :func:`default_mode`). ``background`` (by default
    :func:`fagui.align.stock_background`, the one shipped: fixed, so the same
    two texts give the same comparison in any corpus) tells stock phrasing
    from distinctive wording; ``passes`` replaces the alignment's chain of
    rules (see :func:`fagui.align.align_articles`); ``decisions``, a
    reviewer's, placed on these two texts (:func:`fagui.decisions.place`),
    override the engine and mark the links and pairs they touch; ``meanings``
    (the default) says what each change means in law and flags clauses for a
    reviewer (:mod:`fagui.meaning`); ``params``, the thresholds of the
    alignment and of the block matching (:class:`fagui.model.params.Params`;
    by default the measured ones, :data:`PARAMS`). Pairs are in display order: by position on the right, each
    left-only article placed after the pair of the left article before it,
    so that both columns read in order side by side."""
    left_ref = left_ref or document_ref(left)
    right_ref = right_ref or document_ref(right)
    mode = mode or default_mode(left_ref, right_ref)
    la, ra = left.located_articles(), right.located_articles()
    background = background or stock_background()
    alignment = align_articles(left, right, mode, params=params, background=background, passes=passes, decisions=decisions)
    mode = Mode(mode)  # a known one: align_articles refuses any other
    # Each article's blocks walked once (Article.blocks walks them anew on each call).
    article_refs = tuple(map(_article_ref, la)), tuple(map(_article_ref, ra))
    pairs = tuple(_article_pair(g, article_refs, params, background) for g in _display_order(list(alignment.groups)))
    links = article_links(pairs, alignment.links, alignment.inner, la, ra, alignment.made, params)
    if alignment.decided:
        pairs, links = _marked(pairs, links, alignment.decided, la, ra)
    # A "not adopted" claim the engine is unsure of is 待核 in the coverage
    # too, as it is in the counts (the matrix showed ✕ where the counts said 0).
    unsure_claims = frozenset(a.label for p in pairs if not p.right and not p.settled for a in p.left)
    coverage = coverage_of(la, links, unsure_claims)
    summary = _summary(mode, pairs, article_refs, coverage)
    if not meanings:
        return Comparison(mode, left_ref, right_ref, pairs, summary, links, coverage, background=background.name)
    renumbered = renumbering(pairs) if mode == Mode.VERSIONS else ()
    carried = carried_blocks(links)
    pairs = tuple(replace(p, meanings=m) if (m := pair_meanings(p, renumbered, carried)) else p for p in pairs)
    refs = {(side, ref.label): ref for p in pairs for side, refs in ((Side.LEFT, p.left), (Side.RIGHT, p.right)) for ref in refs}
    links = tuple(replace(x, meanings=link_meanings(x, refs)) if x.strength == Strength.SHARES else x for x in links)
    flags = flags_of(pairs, links, refs, texts_of(left.metadata, right.metadata, mode))
    return Comparison(mode, left_ref, right_ref, pairs, summary, links, coverage, flags=flags, background=background.name)


DECISION_ORDER = (Decision.NEEDS_REVIEW, Decision.ADDED, Decision.CONFIRMED)
"""Which decision a pair shows when its links carry several: the one a reader must look at first."""


def _marked(pairs, links, decided, la, ra) -> tuple[tuple[ArticlePair, ...], tuple]:
    """The pairs and links with the decisions of ``decided`` on them: a
    link's own, and a pair's the most pressing of its counterpart links'."""
    by_link = {(la[i].article.label, ra[j].article.label, strength.value): mark for i, j, strength, mark in decided}
    links = tuple(replace(x, decision=by_link.get((x.left, x.right, x.strength))) for x in links)
    out = []
    for pair in pairs:
        found = {by_link.get((l.label, r.label, Strength.COUNTERPART)) for l in pair.left for r in pair.right}
        decision = next((d for d in DECISION_ORDER if d in found), None)
        out.append(replace(pair, decision=decision) if decision else pair)
    return tuple(out), links


def _display_order(groups: list[Group]) -> list[Group]:
    with_right = {i: g for g in groups if g.right for i in g.left}

    def key(g: Group):
        if g.right:
            return (g.right[0], 0, g.left[0] if g.left else -1)
        i = g.left[0]
        before = next((with_right[k] for k in range(i - 1, -1, -1) if k in with_right), None)
        return (before.right[0] if before else -1, 1, i)

    return sorted(groups, key=key)


def _article_ref(located: LocatedArticle) -> ArticleRef:
    a = located.article
    return ArticleRef(a.number, a.label, located.divisions, a.blocks(), a.suffix)


def _article_pair(group: Group, refs: tuple[tuple[ArticleRef, ...], tuple[ArticleRef, ...]], params: Params, background: Background) -> ArticlePair:
    lefts = [refs[0][i] for i in group.left]
    rights = [refs[1][j] for j in group.right]
    blocks_l = [((k, b), text) for k, ref in enumerate(lefts) for b, text in enumerate(ref.blocks)]
    blocks_r = [((k, b), text) for k, ref in enumerate(rights) for b, text in enumerate(ref.blocks)]
    paragraphs = []
    for x, y in _match_blocks([t for _, t in blocks_l], [t for _, t in blocks_r], params.block_match):
        if x is not None and y is not None:
            ops = diff_text(blocks_l[x][1], blocks_r[y][1])
            paragraphs.append(ParagraphPair(blocks_l[x][0], blocks_r[y][0], ops))
        elif x is not None:
            paragraphs.append(ParagraphPair(blocks_l[x][0], None, (DiffOp("delete", blocks_l[x][1], ""),)))
        else:
            paragraphs.append(ParagraphPair(None, blocks_r[y][0], (DiffOp("insert", "", blocks_r[y][1]),)))
    return ArticlePair(
        group.relation, tuple(lefts), tuple(rights), group.score, tuple(paragraphs), group.notes, group.grade,
        rule=group.rule, candidates=_candidates(group, refs, params, background),
    )


def _candidates(group: Group, refs: tuple[tuple[ArticleRef, ...], tuple[ArticleRef, ...]], params: Params, background: Background) -> tuple[Candidate, ...]:
    """An article alone's candidates (:class:`fagui.align.Near`) with the
    telling wording their best blocks share (:func:`fagui.diff.shared_runs`,
    in runs of at least ``params.shared_run`` characters, then :func:`_telling`)."""
    shortest = params.shared_run
    out = []
    for near in group.candidates:
        if group.left:
            left, right = refs[0][group.left[0]], refs[1][near.other]
            shared = shared_runs(left.blocks[near.block], right.blocks[near.other_block], shortest)
            other = right
        else:
            left, right = refs[0][near.other], refs[1][group.right[0]]
            shared = shared_runs(left.blocks[near.other_block], right.blocks[near.block], shortest)
            other = left
        out.append(Candidate(other.label, near.score, _telling(shared, background, params), near.rule))
    return tuple(out)


def _telling(runs: tuple[str, ...], background: Background, params: Params = PARAMS) -> tuple[str, ...]:
    """The runs of shared wording that say what two articles have in common,
    each once, in left order: at least ``params.telling_run`` characters with
    a bigram rarer than ``params.telling_share`` of the background's blocks (a
    bigram the background does not list is rarer still). What is left out
    (消防, 应当, 各级人民政府, the same run three times) is what every
    regulation of the field says, and tells a reviewer nothing.

    >>> from fagui.align import stock_background
    >>> _telling(("消防", "各级人民政府", "火灾隐患", "火灾隐患"), stock_background())
    ('火灾隐患',)
    """
    rare = params.telling_share * background.blocks
    out: dict[str, None] = {}
    for run in runs:
        # Most runs are too short to tell (folding never lengthens one): neither folded nor looked up.
        if run in out or len(run) < params.telling_run:
            continue
        folded = fold(run)
        if len(folded) >= params.telling_run and any(background.df.get(g, 0) < rare for g in bigram_list(folded) if len(g) == 2):
            out[run] = None
    return tuple(out)


# A multiset of character bigrams, kept in the form Dice is quickest on: (the
# distinct bigrams, the count of each one occurring more than once, how many
# bigrams there are in all).
Grams = tuple[set[str], dict[str, int], int]


def _grams(folded: str) -> Grams:
    """The character bigrams of ``folded`` (the text itself when it is
    shorter than two characters)."""
    grams = list(map(add, folded, folded[1:])) if len(folded) > 1 else [folded] if folded else []
    distinct = set(grams)
    if len(distinct) == len(grams):
        return distinct, {}, len(grams)
    return distinct, {k: v for k, v in Counter(grams).items() if v > 1}, len(grams)


def _dice(a: Grams, b: Grams) -> float:
    """The Dice coefficient of two bigram multisets: twice the size of their
    intersection over the sum of their sizes (1.0 for two empty ones)."""
    (set_a, more_a, total_a), (set_b, more_b, total_b) = a, b
    total = total_a + total_b
    if not total:
        return 1.0
    # Each shared bigram counts min(count in a, count in b): one, plus the
    # extra occurrences of bigrams repeated on both sides.
    common = len(set_a & set_b)
    if common and more_a and more_b:
        common += sum(min(more_a[k], more_b[k]) - 1 for k in more_a.keys() & more_b.keys())
    return 2 * common / total


def _match_blocks(left: list[str], right: list[str], least: float) -> list[tuple[int | None, int | None]]:
    """The blocks of both sides in reading order as (left index, right index)
    steps, either one None: an order-keeping one-to-one matching maximising
    the total similarity of matched blocks (each at least ``least``, ``Params.block_match``)."""
    n, m = len(left), len(right)
    if not n or not m:
        return [(k, None) for k in range(n)] + [(None, k) for k in range(m)]
    if left == right:  # an unchanged article (most, between versions): nothing to fold
        return [(k, k) for k in range(n)]
    fl, fr = [fold(t) for t in left], [fold(t) for t in right]
    if fl == fr:  # each block equal to its counterpart: the best matching, and the only one
        return [(k, k) for k in range(n)]
    gl, gr = [_grams(t) for t in fl], [_grams(t) for t in fr]
    sim = [[1.0 if x == y else _dice(a, b) for b, y in zip(gr, fr)] for a, x in zip(gl, fl)]
    # best[i][j]: the best total for left[i:] against right[j:].
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= least else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    steps: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= least and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            steps.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            steps.append((i, None))
            i += 1
        else:
            steps.append((None, j))
            j += 1
    steps += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    return steps


def _summary(mode: Mode, pairs: tuple[ArticlePair, ...], refs: tuple[tuple[ArticleRef, ...], tuple[ArticleRef, ...]], coverage) -> Summary:
    la, ra = refs
    counts = Counter(p.relation for p in pairs if p.settled)
    unsure = Counter(p.relation for p in pairs if not p.settled)
    adopted = sum(len(p.left) for p in pairs if p.right and p.settled)
    right_chars = sum(len(b) for x in ra for b in x.blocks)
    derived = sum(len(op.right) for p in pairs for para in p.paragraphs for op in para.ops if op.kind == "equal")
    return Summary(
        counts=tuple((r, counts.get(r, 0)) for r in MODE_RELATIONS[mode]),
        left_articles=len(la),
        right_articles=len(ra),
        adopted_share=adopted / len(la) if la else 0.0,
        derived_share=derived / right_chars if right_chars else 0.0,
        provision_share=_provision_share(la, coverage),
        unsure_counts=tuple((r, unsure.get(r, 0)) for r in MODE_RELATIONS[mode]),
    )


def _provision_share(la: tuple[ArticleRef, ...], coverage) -> float:
    """Share of the left text's characters in blocks the right text carries."""
    sizes = [sum(map(len, x.blocks)) for x in la]
    total = sum(sizes)
    return sum(c.share * n for c, n in zip(coverage, sizes)) / total if total else 0.0
