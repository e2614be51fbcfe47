"""Versions: one-to-one links between two versions of one regulation.

Order is a strong hint: articles keep their order, numbering shifts when
articles are inserted or removed. The passes run in the order
:data:`fagui.align.VERSION_PASSES` lists them.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from fagui.align.content import greedy
from fagui.align.context import Context, State
from fagui.text.instruments import SELF_REFERENCES, alternation
from fagui.text.numerals import NUMERAL_CHARS

INTERNAL_REF = re.compile(
    rf"(本{alternation(SELF_REFERENCES)})((?:(?:、|，|和|及|至|或者)?第[{NUMERAL_CHARS}]+条"
    rf"(?:之[{NUMERAL_CHARS}]+)?(?:第[{NUMERAL_CHARS}]+款)?(?:第[（(][{NUMERAL_CHARS}]+[）)]项)?)+)"
)
"""A reference to articles of the regulation itself (本规定第八条、第九条;
本法第十条之一: an inserted article)."""
ARTICLE_NUMBER = re.compile(rf"第([{NUMERAL_CHARS}]+)条(?:之([{NUMERAL_CHARS}]+))?")
"""An article in a reference: group 1 its number, group 2 the N of 之N."""


def masked(text: str) -> str:
    """``text`` with the numbers of internal references replaced by #."""
    return INTERNAL_REF.sub(lambda m: m.group(1) + ARTICLE_NUMBER.sub("第#条", m.group(2)), text)


def same_text_anchors(ctx: Context, state: State) -> State:
    """Articles whose text is the same once internal references are masked
    are linked in order (difflib's longest matching blocks): the fixed
    points every other link is placed between."""
    keys_l = [masked(t) for t in ctx.texts_l]
    keys_r = [masked(t) for t in ctx.texts_r]
    matcher = SequenceMatcher(None, keys_l, keys_r, autojunk=False)
    matches = {a + k: b + k for a, b, size in matcher.get_matching_blocks() for k in range(size)}
    return state.with_matches(matches)


def pairs_between_anchors(ctx: Context, state: State) -> State:
    """Unlinked articles are paired by score, best first: in the same gap
    between anchors with at least ``min_score`` (plus ``version_order_bonus``
    when ranking), across anchors (a move) only with ``move_score``."""
    p = ctx.params
    matches = state.matches()
    rows = [i for i in range(len(ctx.left)) if i not in matches]
    taken = set(matches.values())
    cols = [j for j in range(len(ctx.right)) if j not in taken]
    anchors = sorted(matches.items())
    gap_l, gap_r = _gaps([i for i, _ in anchors], rows), _gaps([j for _, j in anchors], cols)
    ranked = []
    for (i, j), s in ctx.article_scores(rows, cols).items():
        in_place = gap_l[i] == gap_r[j]
        if s >= (p.min_score if in_place else p.move_score):
            ranked.append((s + (p.version_order_bonus if in_place else 0.0), i, j))
    greedy(ranked, matches, taken)
    return state.with_matches(matches)


def _gaps(anchors: list[int], free: list[int]) -> dict[int, int]:
    """{index: number of anchors before it} for each index in ``free``."""
    out, k = {}, 0
    for x in free:
        while k < len(anchors) and anchors[k] < x:
            k += 1
        out[x] = k
    return out
