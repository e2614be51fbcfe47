"""How sure the engine is of each link and of each article it leaves alone.

The passes before this one *propose* links; :func:`grade_links` decides which
to accept and how surely, from what the ranking already knows about each
(:func:`counterpart_features`, :func:`share_features`,
:func:`alone_features`): its score, whether the two articles are each
other's best match and by what margin over the second best, whether it keeps
the order of the links around it, what the two articles do (purpose, scope,
entry into force, liability), whether one cites the other, whether it grew a
group. A logistic model per kind of claim (:class:`fagui.model.Claim`)
weighs these into the probability that the claim is right; its coefficients
and cut-offs (:mod:`fagui.align.weights`) are fitted on the hand-checked
alignments by ``benchmarks/fit_grades.py``, which measures them
leave-one-pair-out (docs/comparison.md). No single absolute score decides.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain

from fagui.align.citations import citations
from fagui.align.context import Context, State
from fagui.align.functional import functional_pairs
from fagui.align.shares import eligibility, shared_mass
from fagui.align.vectors import Vector, best_matches, cosine, unit_vector
from fagui.align.versions import masked
from fagui.align.weights import MODELS
from fagui.model import Claim, Grade, Mode, Side, Strength

COUNTERPART_FEATURES = (
    "score",
    "group_score",
    "corpus_score",
    "distinctive",
    "best_block",
    "row_margin",
    "column_margin",
    "least_margin",
    "mutual_best",
    "in_order",
    "functional",
    "cited",
    "liability",
    "grown",
    "versions",
)
"""What :func:`counterpart_features` measures of one pair of a counterpart
group, in this order."""

SHARE_FEATURES = ("score", "corpus_score", "distinctive", "article_score", "mutual_best", "blocks", "versions", "cited", "liability")
"""What :func:`share_features` measures of a *shares* link, in this order."""

ALONE_FEATURES = ("best_article", "best_block", "best_is_free", "versions", "liability")
"""What :func:`alone_features` measures of an article left alone, in this order."""

Features = tuple[float, ...]

def _carried_whole(ctx: Context, u: tuple[int, int], v: tuple[int, int]) -> bool:
    text = ctx.block_texts_l[u[0]][u[1]]
    return len(text) >= ctx.params.whole_block and text == ctx.block_texts_r[v[0]][v[1]]


def around(ctx: Context, rows, cols) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], float]]:
    """(scores of left articles ``rows`` against every right article,
    scores of every left article against right articles ``cols``): all a
    feature of those articles reads. Taken from the scores of every pair
    (or, for a large text, of every candidate pair: :meth:`Context.article_scores`),
    computed once per comparison; each row's (and each column's) scores are
    in the order of that table, where :func:`best_matches` breaks ties."""
    by_row_of, by_col_of = _score_index(ctx)
    by_row = dict(chain.from_iterable(by_row_of.get(i, ()) for i in rows))
    by_col = dict(chain.from_iterable(by_col_of.get(j, ()) for j in cols))
    return by_row, by_col


def _score_index(ctx: Context) -> tuple[dict[int, list], dict[int, list]]:
    """The scores of every (candidate) pair by left article and by right
    article, ((left, right), score) in table order, made once per comparison."""
    if "score index" not in ctx._cache:
        by_row: dict[int, list] = defaultdict(list)
        by_col: dict[int, list] = defaultdict(list)
        for item in ctx.article_scores(range(len(ctx.left)), range(len(ctx.right))).items():
            by_row[item[0][0]].append(item)
            by_col[item[0][1]].append(item)
        ctx._cache["score index"] = (by_row, by_col)
    return ctx._cache["score index"]


def counterpart_features(ctx: Context, state: State, skip=frozenset()) -> dict[tuple[int, int], Features]:
    """{(left, right): features} for each pair of articles in one counterpart
    group (see :data:`COUNTERPART_FEATURES`) but those in ``skip``. Margins
    are over the best article outside the group (negative when another fits
    better)."""
    wanted = [(i, j) for l, r in state.groups for i in l for j in r if (i, j) not in skip]
    sims, by_col = around(ctx, {i for i, _ in wanted}, {j for _, j in wanted})
    rows: dict[int, list[tuple[float, int]]] = {}
    cols: dict[int, list[tuple[float, int]]] = {}
    for (i, j), s in sims.items():
        rows.setdefault(i, []).append((s, j))
    for (i, j), s in by_col.items():
        cols.setdefault(j, []).append((s, i))
    functional = functional_pairs(ctx)
    cited = citations(ctx)
    liable_l, liable_r = eligibility(ctx).liability_l, eligibility(ctx).liability_r
    anchors = sorted((min(l), min(r), max(r)) for l, r in state.groups)
    versions = float(ctx.mode == Mode.VERSIONS)
    stock = _StockVectors(ctx)
    block_scores = ctx.block_scores()
    top = ctx.params.shared_terms * ctx.max_stock_idf or 1.0
    out: dict[tuple[int, int], Features] = {}
    for lefts, rights in state.groups:
        g = ctx.group_score(lefts, rights)
        order = _in_order(anchors, lefts, rights)
        grown = float(len(lefts) > 1 or len(rights) > 1)
        for i in lefts:
            for j in rights:
                if (i, j) in skip:
                    continue
                s = sims.get((i, j))
                if s is None:
                    s = cosine(ctx.vec_l[i], ctx.vec_r[j])
                row = max((x for x, k in rows.get(i, ()) if k not in rights), default=0.0)
                col = max((x for x, k in cols.get(j, ()) if k not in lefts), default=0.0)
                mass = max(
                    (shared_mass(ctx, (i, b), (j, c)) for b in range(len(ctx.block_texts_l[i])) for c in range(len(ctx.block_texts_r[j]))),
                    default=0.0,
                )
                block = max(
                    (block_scores.get(((i, b), (j, c)), 0.0) for b in range(len(ctx.block_texts_l[i])) for c in range(len(ctx.block_texts_r[j]))),
                    default=0.0,
                )
                out[i, j] = (
                    s,
                    g,
                    cosine(stock.left(i), stock.right(j)),
                    mass / top,
                    block,
                    s - row,
                    s - col,
                    min(s - row, s - col),
                    float(s > row and s > col),
                    order,
                    float((i, j) in functional),
                    float(i in cited.get(j, ())),
                    float(liable_l[i] or liable_r[j]),
                    grown,
                    versions,
                )
    return out


class _StockVectors:
    """Vectors of articles and blocks weighted by ``stock_idf`` (the
    background's IDF): their cosine is how much two provisions share beyond
    the stock phrasing of regulations at large (构成犯罪的，依法追究刑事责任)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.cache: dict = {}

    def _get(self, key, counts) -> Vector:
        if key not in self.cache:
            self.cache[key] = unit_vector(counts(), self.ctx.stock_idf)
        return self.cache[key]

    def left(self, i: int) -> Vector:
        return self._get(("l", i), lambda: self.ctx.counts_l[i])

    def right(self, j: int) -> Vector:
        return self._get(("r", j), lambda: self.ctx.counts_r[j])

    def block_left(self, u: tuple[int, int]) -> Vector:
        return self._get(("ul", u), lambda: Counter(self.ctx.grams_l[u[0]][u[1]]))

    def block_right(self, v: tuple[int, int]) -> Vector:
        return self._get(("ur", v), lambda: Counter(self.ctx.grams_r[v[0]][v[1]]))


def _in_order(anchors: list[tuple[int, int, int]], lefts: Sequence[int], rights: Sequence[int]) -> float:
    """The share of a group's two neighbouring groups (the one before it on
    the left and the one after) that sit on the same side of it on the
    right: 1.0 when the group keeps the order of the links around it."""
    lo, hi, first, last = min(lefts), max(lefts), min(rights), max(rights)
    before = bisect_left(anchors, (lo,)) - 1
    after = bisect_right(anchors, (hi, math.inf, math.inf))
    ok = 0.0
    ok += 1.0 if before < 0 or anchors[before][2] < first else 0.0
    ok += 1.0 if after >= len(anchors) or anchors[after][1] > last else 0.0
    return ok / 2


def share_features(ctx: Context, state: State) -> dict[tuple[int, int], Features]:
    """{(left, right): features} for each *shares* link (see
    :data:`SHARE_FEATURES`): of its best pair of blocks, the score, how
    distinctive their shared wording is (:func:`shared_mass` over the weight
    of ``shared_terms`` bigrams found once), whether each is the other's best
    match."""
    sims, _ = around(ctx, {s.left for s in state.shares}, ())
    block_rows, block_cols = _block_best(ctx)
    cited = citations(ctx)
    versions = float(ctx.mode == Mode.VERSIONS)
    top = ctx.params.shared_terms * ctx.max_stock_idf or 1.0
    stock = _StockVectors(ctx)
    liable_l, liable_r = eligibility(ctx).liability_l, eligibility(ctx).liability_r
    out: dict[tuple[int, int], Features] = {}
    for share in state.shares:
        u, v, s = max(share.block_links, key=lambda x: x[2])
        mutual = block_rows.get(u, (0.0, None))[1] == v and block_cols[v][1] == u
        out[share.left, share.right] = (
            s,
            cosine(stock.block_left(u), stock.block_right(v)),
            max(shared_mass(ctx, a, b) for a, b, _ in share.block_links) / top,
            sims.get((share.left, share.right), 0.0),
            float(mutual),
            float(len(share.block_links)),
            versions,
            float(share.left in cited.get(share.right, ())),
            float(liable_l[share.left] or liable_r[share.right]),
        )
    return out


def _block_best(ctx: Context):
    """:func:`best_matches` of every pair of blocks, made once per comparison."""
    if "block best" not in ctx._cache:
        ctx._cache["block best"] = best_matches(ctx.block_scores())
    return ctx._cache["block best"]


def alone_features(ctx: Context, state: State) -> dict[tuple[Side, int], Features]:
    """{(side, article): features} for each article alone: in no group and in
    no *shares* link (see :data:`ALONE_FEATURES`): how close its nearest
    article and block on the other side come, and whether that article is
    itself free."""
    paired_l = {i for l, _ in state.groups for i in l} | {s.left for s in state.shares}
    paired_r = {j for _, r in state.groups for j in r} | {s.right for s in state.shares}
    by_row, by_col = around(
        ctx, set(range(len(ctx.left))) - paired_l, set(range(len(ctx.right))) - paired_r
    )
    rows, _ = best_matches(by_row)
    _, cols = best_matches(by_col)
    block_rows, block_cols = _block_best(ctx)
    best = {(Side.LEFT, i): x for i, x in rows.items()} | {(Side.RIGHT, j): x for j, x in cols.items()}
    block_best: dict[tuple[Side, int], float] = {}
    for side, found in ((Side.LEFT, block_rows), (Side.RIGHT, block_cols)):
        for (k, _), (s, _) in found.items():
            if s > block_best.get((side, k), 0.0):
                block_best[side, k] = s
    versions = float(ctx.mode == Mode.VERSIONS)
    out: dict[tuple[Side, int], Features] = {}
    may_link = eligibility(ctx)
    for side, n, paired, other_paired, liable in (
        (Side.LEFT, len(ctx.left), paired_l, paired_r, may_link.liability_l),
        (Side.RIGHT, len(ctx.right), paired_r, paired_l, may_link.liability_r),
    ):
        for k in range(n):
            if k in paired:
                continue
            s, other = best.get((side, k), (0.0, -1))
            out[side, k] = (
                s,
                block_best.get((side, k), 0.0),
                float(other >= 0 and other not in other_paired),
                versions,
                float(liable[k]),
            )
    return out


def probability(kind: Claim, features: Features) -> float:
    """The fitted probability (:data:`fagui.align.weights.MODELS`) that a
    claim of ``kind`` with these features is right."""
    model = MODELS[kind]
    z = model["intercept"] + sum(w * (x - m) / sd for w, x, m, sd in zip(model["weights"], features, model["mean"], model["scale"]))
    return 1 / (1 + math.exp(-max(-60.0, min(60.0, z))))


def grade_of(kind: Claim, mode: Mode, p: float) -> Grade:
    """``sure`` at or above the kind's fitted cut-off, ``unsure`` down to its
    candidate cut-off for ``mode``, below that a candidate (an *alone* claim
    is never a candidate: an article is there or not; below its cut-off it is
    ``unsure``)."""
    model = MODELS[kind]
    if p >= model[Grade.SURE][mode]:
        return Grade.SURE
    if kind == Claim.ALONE or p >= model[Grade.UNSURE][mode]:
        return Grade.UNSURE
    return Grade.CANDIDATE


def grade_links(ctx: Context, state: State) -> State:
    """Each proposed link is graded from the probability, fitted on hand
    alignments, that it is right (:func:`probability` of its features): at
    least the kind's ``sure`` cut-off *sure*, down to its ``unsure`` cut-off
    *unsure* (待核), below that a *candidate*: no link, only a suggestion
    shown with the articles it would join. A candidate pair leaves its
    counterpart group (a group left with one side empty is dissolved, its
    articles alone); a group's grade is its weakest remaining pair's.
    Articles with the same text (once internal references are masked), and
    a shares link resting on a paragraph or item carried word for word (of
    at least ``whole_block`` characters), are sure whatever else is true. Then each article left alone is graded as
    a claim (not adopted, provincial-only, deleted, added): *sure* when
    nothing on the other side comes close, else *unsure*."""
    same_text = {
        (i, j) for lefts, rights in state.groups for i in lefts for j in rights if masked(ctx.texts_l[i]) == masked(ctx.texts_r[j])
    }
    pairs = counterpart_features(ctx, state, same_text)
    grades: dict[tuple[Claim, int | Side, int], tuple[Grade, float]] = {}
    candidates: list[tuple[str, int, int, float]] = []
    groups = []
    for lefts, rights in state.groups:
        keep_l, keep_r = set(), set()
        for i in lefts:
            for j in rights:
                if (i, j) in same_text:
                    g, p = Grade.SURE, 1.0
                else:
                    p = probability(Strength.COUNTERPART, pairs[i, j])
                    g = grade_of(Strength.COUNTERPART, ctx.mode, p)
                if g is Grade.CANDIDATE:
                    candidates.append((Strength.COUNTERPART, i, j, p))
                    continue
                grades[Strength.COUNTERPART, i, j] = (g, p)
                keep_l.add(i)
                keep_r.add(j)
        if keep_l and keep_r:
            groups.append((tuple(sorted(keep_l)), tuple(sorted(keep_r))))
    kept_pairs = {(i, j) for l, r in groups for i in l for j in r}
    grades = {k: g for k, g in grades.items() if (k[1], k[2]) in kept_pairs}
    shares = []
    by_pair = {(x.left, x.right): x for x in state.shares}
    for (i, j), f in share_features(ctx, state).items():
        if any(_carried_whole(ctx, u, v) for u, v, _ in by_pair[i, j].block_links):
            g, p = Grade.SURE, 1.0
        else:
            p = probability(Strength.SHARES, f)
            g = grade_of(Strength.SHARES, ctx.mode, p)
        if g is Grade.CANDIDATE:
            candidates.append((Strength.SHARES, i, j, p))
        else:
            grades[Strength.SHARES, i, j] = (g, p)
            shares.append(by_pair[i, j])
    state = replace(state, groups=tuple(sorted(groups)), shares=tuple(shares))
    for (side, k), f in alone_features(ctx, state).items():
        p = probability(Claim.ALONE, f)
        grades[Claim.ALONE, side, k] = (grade_of(Claim.ALONE, ctx.mode, p), p)
    return replace(state, grades=grades, candidates=tuple(candidates))
