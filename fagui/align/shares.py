"""Provisions carried between articles that are not counterparts.

Provinces and revisions rewrite at the level of the paragraph (款) and the
item (项): a national article listing six duties may see its items spread
over five provincial articles. Article-level links miss that; this pass
matches the blocks themselves, many to many.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from fagui.align.context import Context, Share, State, BlockLink
from fagui.align.functional import functional_pairs
from fagui.align.vectors import best_matches
from fagui.model import Side

CATCH_ALL = re.compile(r"^(?:其他|其它)|(?:法律|法规|规章|国家|本[^，。；,;]{0,4})[^，。；,;]{0,8}规定的其他[^，。；,;]{0,20}[。；;]?$")
"""A catch-all item (兜底条款): 其他应当履行的义务, 法律、法规规定的其他职责.
Blocks are folded, so ， and ； may stand as , and ;."""

LIABILITY = re.compile(
    r"(?<!被)处[^，。；]{0,16}罚款|给予[^，。；]{0,8}处分|(?<!被)(?<!被依法)追究[^，。；]{0,10}责任"
    r"|责令[^，。；]{0,12}改正|没收[^，。；]{0,10}(?:违法所得|非法财物)"
)
"""Wording that imposes a sanction: the mark of a liability provision (法律责任).
Not the passive (劳动者被依法追究刑事责任的): a sanction someone has undergone is a
condition of another rule (grounds for dismissal), not a sanction imposed."""


def shared_units(ctx: Context, state: State) -> State:
    """Two blocks (paragraphs or items) are linked when they score at least
    ``share_score`` and one is the other's best match among the blocks of the
    other text it may link with, or at least ``share_mutual`` and each is the
    other's best match (a reworded provision keeps few bigrams, but nothing fits either
    better); they may link at all (:class:`_Eligibility`); and they share
    distinctive wording: their four rarest shared bigrams weigh on average at
    least ``share_rarity`` of the weight of a bigram found once (corpus IDF),
    so stock phrasing alone never links. Blocks linked across two articles that are not in one group
    make a *shares* link between those articles, with the blocks as its
    evidence -- unless the two blocks are the same text and each is also
    repeated word for word in its own counterpart (:func:`_repeated_at_home`);
    blocks linked inside a group are kept as evidence for it
    (``inner``): the group's own block matching is one to one and in order,
    and may give a paragraph to another member of a merged group."""
    p = ctx.params
    may_link = eligibility(ctx)
    # No link scores below share_mutual, so weaker pairs cannot change whose
    # best match a linked block is.
    floor = min(p.share_score, p.share_mutual)
    scores = {k: s for k, s in ctx.block_scores().items() if s >= floor and may_link(*k)}
    row_best, col_best = best_matches(scores)
    group_of_l = {i: g for g in state.groups for i in g[0]}
    at_home = _repeated_at_home(ctx, state)
    found: dict[tuple[int, int], list[BlockLink]] = defaultdict(list)
    inner: list[BlockLink] = []
    for (u, v), s in scores.items():
        best_l, best_r = row_best[u][1] == v, col_best[v][1] == u
        if not (s >= p.share_score and (best_l or best_r)) and not (s >= p.share_mutual and best_l and best_r):
            continue
        (i, _), (j, _) = u, v
        if not distinctive(ctx, shared_mass(ctx, u, v)):
            continue
        group = group_of_l.get(i)
        if group is not None and j in group[1]:
            inner.append((u, v, s))
        elif not (ctx.block_texts_l[i][u[1]] == ctx.block_texts_r[j][v[1]] and (Side.LEFT, u) in at_home and (Side.RIGHT, v) in at_home):
            found[i, j].append((u, v, s))
    shares = tuple(Share(i, j, tuple(sorted(links))) for (i, j), links in sorted(found.items()))
    return replace(state, shares=shares, inner=tuple(sorted(inner)))


def _repeated_at_home(ctx: Context, state: State) -> set:
    """Blocks whose very text is also a block of their counterpart group's
    other side: a paragraph two articles repeat word for word (专门委员会审议的
    时候，可以邀请提案人列席会议，发表意见。) is carried into the counterpart, and
    its copies elsewhere are the text repeating itself, not a provision
    carried there."""
    out = set()
    for lefts, rights in state.groups:
        texts_l = {ctx.block_texts_l[i][b]: (i, b) for i in lefts for b in range(len(ctx.block_texts_l[i]))}
        for j in rights:
            for c, text in enumerate(ctx.block_texts_r[j]):
                if text in texts_l:
                    out.update(((Side.LEFT, texts_l[text]), (Side.RIGHT, (j, c))))
    return out


class _Eligibility:
    """Whether blocks ``u`` (left) and ``v`` (right) may evidence a shares
    link at all. Not when either is a catch-all item (:data:`CATCH_ALL`):
    every list ends with one and they say nothing of their own. Not between
    a liability provision and one that is not (:func:`is_liability`): a
    sanction for breaking a duty repeats the duty's words (未建立健全……制度)
    but is another provision. Each block and article is looked at once."""

    def __init__(self, ctx: Context):
        self.catch_all_l = {(a, b) for a, us in enumerate(ctx.block_texts_l) for b, u in enumerate(us) if CATCH_ALL.search(u)}
        self.catch_all_r = {(a, b) for a, us in enumerate(ctx.block_texts_r) for b, u in enumerate(us) if CATCH_ALL.search(u)}
        self.liability_l = [is_liability(x) for x in ctx.left]
        self.liability_r = [is_liability(x) for x in ctx.right]

    def __call__(self, u: tuple[int, int], v: tuple[int, int]) -> bool:
        if u in self.catch_all_l or v in self.catch_all_r:
            return False
        return self.liability_l[u[0]] == self.liability_r[v[0]]


def eligibility(ctx: Context) -> _Eligibility:
    """The :class:`_Eligibility` of ``ctx``'s texts, made once per comparison."""
    if "eligibility" not in ctx._cache:
        ctx._cache["eligibility"] = _Eligibility(ctx)
    return ctx._cache["eligibility"]


def is_liability(located) -> bool:
    """Whether an article is a liability provision: in a chapter or section
    on 法律责任 or 罚则, or imposing a sanction in its own words."""
    if any("法律责任" in d or "罚则" in d for d in located.divisions):
        return True
    return any(LIABILITY.search(block) for block in located.article.blocks())


def distinctive(ctx: Context, mass: float) -> bool:
    """Whether a :func:`shared_mass` is that of distinctive wording: the
    ``shared_terms`` rarest shared bigrams weigh on average at least
    ``share_rarity`` of a bigram found in one block only."""
    return mass >= ctx.params.share_rarity * ctx.params.shared_terms * ctx.max_stock_idf


def shared_mass(ctx: Context, u: tuple[int, int], v: tuple[int, int]) -> float:
    """The weight, by ``stock_idf`` (the corpus's), of the ``shared_terms``
    rarest distinct bigrams blocks ``u`` (left) and ``v`` (right) share: a
    long run of stock phrasing (其他应当履行的……义务) adds up to a lot of small
    weights, a distinctive provision has a few heavy ones."""
    # sorted()[:n] is heapq.nlargest's documented equal, in C
    return sum(sorted(map(ctx.stock_idf.__getitem__, ctx.shared_bigrams(u, v)), reverse=True)[: ctx.params.shared_terms])


def share_distinctive_wording(ctx: Context, i: int, j: int, may_link: "_Eligibility | None" = None) -> bool:
    """Whether some block of left article ``i`` may link with and shares
    distinctive wording with some block of right article ``j``."""
    may_link = may_link or eligibility(ctx)
    return any(
        may_link((i, b), (j, c)) and distinctive(ctx, shared_mass(ctx, (i, b), (j, c)))
        for b in range(len(ctx.block_texts_l[i]))
        for c in range(len(ctx.block_texts_r[j]))
    )


def distinctive_counterparts(ctx: Context, state: State) -> State:
    """A counterpart group scoring below ``sure_score`` stands only when some
    block of one side may link with (:class:`_Eligibility`) and shares
    distinctive wording with (:func:`distinctive`) a block of the other: a
    weak pair held together by stock phrasing alone (机关、团体、企业事业单位和
    其他社会组织, 依法给予处分) is no correspondence. Groups holding a pair of
    articles that do the same job (purpose, scope, entry into force) stand
    whatever their wording."""
    functional = functional_pairs(ctx)
    may_link = eligibility(ctx)
    kept = []
    for lefts, rights in state.groups:
        weak = ctx.group_score(lefts, rights) < ctx.params.sure_score
        if weak and not any((i, j) in functional for i in lefts for j in rights) and not any(
            share_distinctive_wording(ctx, i, j, may_link) for i in lefts for j in rights
        ):
            continue
        kept.append((lefts, rights))
    return replace(state, groups=tuple(kept))
