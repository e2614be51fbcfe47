"""What every alignment pass reads (``Context``, computed once per
comparison) and what each pass returns (``State``, a new one per pass).

A pass is a plain function ``pass_(ctx: Context, state: State) -> State``;
the chains of passes are data (see :mod:`fagui.align`). Indices are article
indices into ``ctx.left`` / ``ctx.right`` (document order); block indices are
(article index, block index) with blocks as :meth:`Article.blocks` orders
them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import accumulate, chain

from fagui.model.params import Params
from fagui.align.vectors import (
    Background,
    Vector,
    bigram_list,
    group_score,
    idf_weights,
    similarities,
    unit_vector,
    folded_texts,
)
from fagui.model import Claim, Grade, LocatedArticle, Mode, Regulation, Side

Pairing = tuple[tuple[int, ...], tuple[int, ...]]
"""Corresponding articles as the passes propose them: (left indices, right
indices), both non-empty. :class:`fagui.align.relations.Group` is what a
pairing becomes once it has a relation, score and grade."""

BlockLink = tuple[tuple[int, int], tuple[int, int], float]
"""A left block, a right block, and their score."""


@dataclass(frozen=True)
class Share:
    """A *shares* link: left article ``left`` and right article ``right`` are
    not counterparts, but these blocks of one are carried into the other."""

    left: int
    right: int
    block_links: tuple[BlockLink, ...]

    @property
    def score(self) -> float:
        return max(s for _, _, s in self.block_links)


@dataclass(frozen=True)
class State:
    """The alignment so far: ``groups`` of corresponding articles (one-to-one
    until the split and merge passes), ``shares`` links, ``inner``: the
    blocks linked inside a group (evidence for it), and ``trace``: one line
    per pass, what it changed. Once links are graded: ``grades``, {(kind,
    left or side, right or article): (grade, probability)} with kind a
    :class:`fagui.model.Claim` (for ``alone``, a :class:`fagui.model.Side`), and
    ``candidates``: (kind, left, right, probability) of the links proposed
    and not accepted."""

    groups: tuple[Pairing, ...] = ()
    shares: tuple[Share, ...] = ()
    inner: tuple[BlockLink, ...] = ()
    trace: tuple[str, ...] = ()
    grades: Mapping[tuple[Claim, int | Side, int], tuple[Grade, float]] = field(default_factory=dict)
    candidates: tuple[tuple[str, int, int, float], ...] = ()

    def matches(self) -> dict[int, int]:
        """{left: right} for the one-to-one groups: the matches the one-to-one
        passes make and remake (not links: a :class:`fagui.model.ArticleLink` is what a
        comparison shows, a *shares* link a :class:`Share`)."""
        return {g[0][0]: g[1][0] for g in self.groups if len(g[0]) == len(g[1]) == 1}

    def with_matches(self, matches: dict[int, int]) -> "State":
        """This state with one-to-one groups ``matches`` (sorted by left). Only
        for passes that run before groups grow (split, merge): it would drop
        a larger group."""
        if any(len(l) > 1 or len(r) > 1 for l, r in self.groups):
            raise ValueError("one-to-one link passes must run before the split and merge passes")
        return replace(self, groups=tuple(((i,), (j,)) for i, j in sorted(matches.items())))


@dataclass(frozen=True)
class Context:
    """Two regulations prepared for aligning: per article its folded text,
    bigram counts and TF-IDF vector; per block (paragraph or item) its folded
    text, bigrams and vector; the IDF weights. ``idf`` is counted over the two texts
    (what scores measure); ``stock_idf`` over the two texts and the corpus
    background (what tells distinctive wording from stock phrasing);
    ``left_title`` the title the right text may cite the left by. Scores
    are computed once, when first asked for, and kept."""

    mode: Mode
    params: Params
    left: tuple[LocatedArticle, ...]
    right: tuple[LocatedArticle, ...]
    texts_l: list[str]
    texts_r: list[str]
    block_texts_l: list[list[str]]
    block_texts_r: list[list[str]]
    grams_l: list[list[list[str]]]
    grams_r: list[list[list[str]]]
    counts_l: list[Counter]
    counts_r: list[Counter]
    vec_l: list[Vector]
    vec_r: list[Vector]
    idf: dict[str, float]
    stock_idf: dict[str, float]
    max_stock_idf: float
    left_title: str = ""
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def article_scores(self, rows, cols) -> dict[tuple[int, int], float]:
        """Scores of left articles ``rows`` against right articles ``cols``
        (see :func:`fagui.align.vectors.similarities`). When every pair of
        the two texts can be scored exactly, all are scored once and the
        answers are taken from that."""
        rows, cols = list(rows), list(cols)
        n, m = len(self.vec_l), len(self.vec_r)
        if n * m > self.params.exact_pairs:
            if len(rows) < n or len(cols) < m:
                return similarities(self.vec_l, self.vec_r, rows, cols, self.params)
            if "all candidates" not in self._cache:  # asked for by every content pass
                self._cache["all candidates"] = similarities(self.vec_l, self.vec_r, rows, cols, self.params)
            return self._cache["all candidates"]
        if "articles" not in self._cache:
            self._cache["articles"] = similarities(self.vec_l, self.vec_r, range(n), range(m), self.params)
        every = self._cache["articles"]
        if len(rows) == n and len(cols) == m:
            return every  # rows and cols are every article (indices are distinct)
        keep_r, keep_c = set(rows), set(cols)
        return {k: s for k, s in every.items() if k[0] in keep_r and k[1] in keep_c}

    def group_score(self, lefts: tuple[int, ...], rights: tuple[int, ...]) -> float:
        """:func:`fagui.align.vectors.group_score` of left articles ``lefts``
        and right articles ``rights``, computed once per group: three passes
        and the naming of groups ask it of the same groups."""
        key = ("group score", lefts, rights)
        if key not in self._cache:
            self._cache[key] = group_score([self.vec_l[i] for i in lefts], [self.vec_r[j] for j in rights])
        return self._cache[key]

    def block_vectors(self) -> tuple[list[tuple[int, int]], list[Vector], list[tuple[int, int]], list[Vector]]:
        """(left block keys, their vectors, right block keys, their vectors)."""
        if "blocks" not in self._cache:
            keys_l = [(a, b) for a, us in enumerate(self.block_texts_l) for b in range(len(us))]
            keys_r = [(a, b) for a, us in enumerate(self.block_texts_r) for b in range(len(us))]
            vl = _block_vectors(self.grams_l, self.vec_l, self.idf)
            vr = _block_vectors(self.grams_r, self.vec_r, self.idf)
            self._cache["blocks"] = (keys_l, vl, keys_r, vr)
        return self._cache["blocks"]

    def shared_bigrams(self, u: tuple[int, int], v: tuple[int, int]) -> set[str]:
        """The distinct bigrams left block ``u`` and right block ``v`` share:
        the terms their vectors have in common (a block's vector has a term
        for each of its bigrams, so no set of them is kept besides)."""
        if "block starts" not in self._cache:
            self._cache["block starts"] = (
                list(accumulate(map(len, self.block_texts_l), initial=0)),
                list(accumulate(map(len, self.block_texts_r), initial=0)),
            )
        starts_l, starts_r = self._cache["block starts"]
        _, vl, _, vr = self.block_vectors()
        return vl[starts_l[u[0]] + u[1]].keys() & vr[starts_r[v[0]] + v[1]].keys()

    def block_scores(self) -> dict[tuple[tuple[int, int], tuple[int, int]], float]:
        """Scores of every left block against every right block it shares a
        bigram with (candidates only, for large texts), scored once."""
        if "block_scores" not in self._cache:
            keys_l, vl, keys_r, vr = self.block_vectors()
            self._cache["block_scores"] = similarities(vl, vr, range(len(vl)), range(len(vr)), self.params, (keys_l, keys_r))
        return self._cache["block_scores"]

    def paragraph_vectors(self, j: int) -> list[Vector]:
        """One vector per paragraph (款) of right article ``j`` if it has
        several, each with its items: a paragraph is the unit a provision is
        written in, and an item alone (其他应当履行的义务) is too generic to
        say what it is about. Empty for an article of one paragraph. Made
        when asked, not kept: one pass asks, once per article."""
        paragraphs = self.right[j].article.paragraphs
        out = []
        if len(paragraphs) > 1:
            # the article's blocks' bigrams (grams_r: Paragraph.walk's
            # order), each paragraph's in turn: bigrams of each block,
            # never across two: a paragraph and an item without
            # punctuation between them would make a bigram of neither,
            # which the IDF table does not hold
            blocks = iter(self.grams_r[j])
            for p in paragraphs:
                grams = [next(blocks) for _ in p.walk()]
                out.append(unit_vector(Counter(chain.from_iterable(grams)), self.idf))
        return out


def _block_vectors(grams: list[list[list[str]]], article_vectors: list[Vector], idf: dict[str, float]) -> list[Vector]:
    """The vector of every block, in article and block order. An article of
    one block has that block's vector already (the same counts, in the same
    order): it is shared, not made again."""
    return [
        article_vectors[a] if len(blocks) == 1 else unit_vector(Counter(g), idf)
        for a, blocks in enumerate(grams)
        for g in blocks
    ]


def _folded(located: tuple[LocatedArticle, ...]) -> tuple[list[list[str]], list[str]]:
    """(Each article's folded blocks, each article's folded text): see
    :func:`fagui.align.vectors.folded_texts`."""
    both = [folded_texts(x.article) for x in located]
    return [blocks for blocks, _ in both], [text for _, text in both]


def make_context(left: Regulation, right: Regulation, mode: Mode, params: Params, background: Background) -> Context:
    """The Context of ``left`` against ``right``: scores weighted by IDF over
    the blocks of both texts; stock phrasing judged by IDF over those and the
    blocks of ``background``."""
    la, ra = left.located_articles(), right.located_articles()
    block_texts_l, texts_l = _folded(la)
    block_texts_r, texts_r = _folded(ra)
    grams_l = [[bigram_list(u) for u in us] for us in block_texts_l]
    grams_r = [[bigram_list(u) for u in us] for us in block_texts_r]
    both = [list(chain.from_iterable(grams_l)), list(chain.from_iterable(grams_r))]
    idf, stock_idf = idf_weights(both, background, params.idf_floor)
    counts_l = [Counter(chain.from_iterable(g)) for g in grams_l]
    counts_r = [Counter(chain.from_iterable(g)) for g in grams_r]
    return Context(
        mode=mode,
        params=params,
        left=la,
        right=ra,
        texts_l=texts_l,
        texts_r=texts_r,
        block_texts_l=block_texts_l,
        block_texts_r=block_texts_r,
        grams_l=grams_l,
        grams_r=grams_r,
        counts_l=counts_l,
        counts_r=counts_r,
        vec_l=[unit_vector(c, idf) for c in counts_l],
        vec_r=[unit_vector(c, idf) for c in counts_r],
        idf=idf,
        stock_idf=stock_idf,
        max_stock_idf=max(stock_idf.values(), default=0.0),
        left_title=left.metadata.title,
    )
