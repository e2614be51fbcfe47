"""Citations: a derived text that names the reference text and an article of
it (劳动合同法第十四条第二款规定的……, 《中华人民共和国某某法》第八条所称……) says
itself which provision it carries, whatever wording it uses.

Implementing regulations (实施条例, 实施细则) and local measures cite the law
they implement by its title or by the short name they give it (（以下简称
某某法）); the citation is evidence no bigram statistic can give.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fagui.align.context import Context, Share, State, BlockLink
from fagui.align.versions import ARTICLE_NUMBER
from fagui.text.instruments import VIOLATED_SELF, alternation
from fagui.text.numerals import NUMERAL_CHARS, to_int
from fagui.text.width import fold

_N = NUMERAL_CHARS
_REFS = rf"((?:(?:、|，|,|和|及|以及|至|或者)?第[{_N}]+条(?:之[{_N}]+)?(?:第[{_N}]+款)?(?:第[（(][{_N}]+[）)]项)?)+)"
"""One or more article references after a name: group 1."""

NAME_START = r"(?<![^照据按反用及和与见于对依、，,；;：:（(\s])"
"""Before a name derived from the title (教育法 from 中华人民共和国教育法) and
written without 《》: the start of the text or a word leading into a citation
(依照, 根据, 违反, 和, 、), so that 教育法 inside 义务教育法 is not taken for it."""

VIOLATION = re.compile(rf"违反(?:本{alternation(VIOLATED_SELF)})?$")
"""Wording just before a citation that names the rule broken, not a
provision carried: 违反劳动合同法第十条 in a penalty article."""


def cited_names(title: str, right_texts: list[str]) -> tuple[list[str], list[str]]:
    """The names the right text (folded, as ``Context.texts_r``) may cite
    the left text by, longest first:
    (its title, the title less a bracketed note such as （2018年修正）, and each
    short name the right text gives it, （以下简称劳动合同法）; the title without
    中华人民共和国 when the text gives it no such name, which a longer law's
    name may end with: 教育法 in 义务教育法)."""
    title = fold(title)  # as the texts are: （试行） is (试行)
    bare = re.sub(r"[（(][^（）()]*[）)]$", "", title)
    given = {title, bare}
    after = re.compile(rf"《?{re.escape(bare)}》?[（(]以下简称《?([^》）)]{{2,20}})》?[）)]")
    for text in right_texts:
        given.update(m.group(1) for m in after.finditer(text))
    derived = {bare.removeprefix("中华人民共和国")} - given

    def longest_first(names: set[str]) -> list[str]:
        return sorted((n for n in names if len(n) >= 2), key=len, reverse=True)

    return longest_first(given), longest_first(derived)


def citations(ctx: Context) -> dict[int, set[int]]:
    """Right article index -> the left article indices it cites by name
    (outside :data:`VIOLATION` clauses). Found once per comparison (a pass
    and two feature sets ask); the answer is only read."""
    if "citations" not in ctx._cache:
        ctx._cache["citations"] = _citations(ctx)
    return ctx._cache["citations"]


def _citations(ctx: Context) -> dict[int, set[int]]:
    if not ctx.left_title:
        return {}
    given, derived = cited_names(ctx.left_title, ctx.texts_r)
    bare = sorted([(n, re.escape(n)) for n in given] + [(n, NAME_START + re.escape(n)) for n in derived], key=lambda x: -len(x[0]))
    quoted = "|".join(re.escape(n) for n, _ in bare)
    pattern = re.compile(rf"(?:《(?:{quoted})》|{'|'.join(p for _, p in bare)}){_REFS}")
    by_key = {x.article.key: i for i, x in enumerate(ctx.left)}
    out: dict[int, set[int]] = {}
    for j, text in enumerate(ctx.texts_r):
        for m in pattern.finditer(text):
            if VIOLATION.search(text[max(0, m.start() - 8) : m.start()]):
                continue
            for ref in ARTICLE_NUMBER.finditer(m.group(1)):
                key = (to_int(ref.group(1)), to_int(ref.group(2)) if ref.group(2) else 0)
                if key in by_key:
                    out.setdefault(j, set()).add(by_key[key])
    return out


def cited_articles(ctx: Context, state: State) -> State:
    """A right article that cites left articles by name is linked to each:
    when neither it nor a cited article has a counterpart yet, the two are
    counterparts (one cited article: the first by number when it cites
    several); otherwise a *shares* link, unless they are in one group
    already. The evidence of a link made here is the pair of their blocks
    that score best (or their first blocks)."""
    cited = citations(ctx)
    if not cited:
        return state
    in_group_l = {i for g in state.groups for i in g[0]}
    in_group_r = {j for g in state.groups for j in g[1]}
    together = {(i, j) for g in state.groups for i in g[0] for j in g[1]}
    shared = {(s.left, s.right) for s in state.shares}
    groups = list(state.groups)
    shares = list(state.shares)
    for j in sorted(cited):
        for i in sorted(cited[j]):
            if (i, j) in together or (i, j) in shared or not ctx.block_texts_l[i] or not ctx.block_texts_r[j]:
                continue  # already linked, or an article with no text (nothing to show)
            if i not in in_group_l and j not in in_group_r:
                groups.append(((i,), (j,)))
                in_group_l.add(i)
                in_group_r.add(j)
                together.add((i, j))
            else:
                shares.append(Share(i, j, (_best_block_link(ctx, i, j),)))
                shared.add((i, j))
    groups.sort(key=lambda g: (g[0][0], g[1][0]))
    shares.sort(key=lambda s: (s.left, s.right))
    return replace(state, groups=tuple(groups), shares=tuple(shares))


def _best_block_link(ctx: Context, i: int, j: int) -> BlockLink:
    """The best-scoring pair of a block of left article ``i`` and one of
    right article ``j``, or their first blocks with score 0."""
    scores = ctx.block_scores()
    best: BlockLink = ((i, 0), (j, 0), 0.0)
    for a in range(len(ctx.block_texts_l[i])):
        for b in range(len(ctx.block_texts_r[j])):
            s = scores.get(((i, a), (j, b)), 0.0)
            if s > best[2]:
                best = ((i, a), (j, b), s)
    return best
