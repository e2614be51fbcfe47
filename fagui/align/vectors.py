"""TF-IDF character-bigram vectors and the cosine scores between them.

**A block** is a paragraph (款) or an item (项, 目) of an article, as
:meth:`Article.blocks` gives them, here folded and without its item marker (（三） says where an item stands, not what it
provides). An article's vector is made from all its blocks.

**The weight** of a bigram is ``(1 + log tf) * max(idf_floor, log((N + 1) /
(df + 1)))`` where ``N`` is the number of blocks and ``df`` the number of
blocks that contain the bigram, counted over both texts (the score) and,
to tell stock phrasing, also over the :class:`Background` of real
regulations shipped with fagui.
Vocabulary that recurs in many provisions (国家安全机关, 应当, 本规定, 依法给予
处分 ...) therefore weighs next to nothing, and what counts as such *stock
phrasing* is learned from the texts, not from a word list.

**The score** of two vectors is their cosine, in [0, 1]: how much
distinctive wording two provisions share, in the same proportions.
Bigrams are taken inside runs of ideographs, letters and digits, after
folding width and whitespace; titles of cited laws (《...》) are left out:
they say what a provision relies on, not what it provides.
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, repeat
from operator import add, itemgetter, mul, truediv

from fagui.text.width import fold
from fagui.model import Article

Vector = dict[str, float]

_RUN = re.compile(r"[^\W_]+")
_CITATION = re.compile(r"《[^》]*》")


def folded_texts(article: Article) -> tuple[list[str], str]:
    """(The article's blocks in reading order (as :meth:`Article.blocks`),
    folded, without item markers; its whole text folded: the blocks with
    their markers, joined). Each block is folded once: folding changes one
    character at a time, so a marked item folds as its marker and its text."""
    blocks: list[str] = []
    whole: list[str] = []
    for paragraph in article.paragraphs:
        for depth, block in paragraph.walk():
            text = fold(block.text)
            blocks.append(text)
            whole.append(text if depth == 0 else fold(block.marker) + text)
    return blocks, "".join(whole)


def bigram_list(text: str) -> list[str]:
    """Each character bigram inside a run of ideographs, letters and digits,
    and each run of one character alone, in text order (the order in which
    bigrams first occur fixes the order of a vector's terms, and so the order
    in which its floats are summed)."""
    if "《" in text:
        text = _CITATION.sub("", text)
    out: list[str] = []
    for run in _RUN.findall(text):
        if len(run) > 1:
            # interned: a text's bigrams are few, its bigram occurrences
            # many; each occurrence is then a reference to one string
            out += map(sys.intern, map(add, run, run[1:]))
        else:
            out.append(sys.intern(run))
    return out


@dataclass(frozen=True)
class Background:
    """What counts as stock phrasing: ``blocks`` blocks (paragraphs and
    items) of real regulations, ``df[bigram]`` of them containing it (a
    bigram it does not list is rarer than ``min_df``: distinctive wording).
    ``name`` says which it is, in every comparison made with it."""

    name: str
    blocks: int
    df: Mapping[str, int]
    regulations: int = 0
    min_df: int = 0


BACKGROUND_FILE = os.path.join(os.path.dirname(__file__), "data", "background.tsv")
"""The shipped background: block frequencies over LawRefBook's laws,
regulations and local regulations, computed by ``tools/stock_background.py``
(numbers, no text). (os.path: pathlib, with the urllib and ipaddress it
imports, would be ~4 ms of every first diff's start-up for this one path.)"""


@cache
def stock_background() -> Background:
    """The shipped background (:data:`BACKGROUND_FILE`), read once. It is the
    same whatever else a corpus holds, so a comparison of two texts depends
    on those two texts alone."""
    with open(BACKGROUND_FILE, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    head = dict(field.split("=", 1) for field in lines[0].split("\t")[1:])
    df = {}
    for line in lines[1:]:
        gram, _, n = line.partition("\t")
        df[gram] = int(n)
    return Background(head["name"], int(head["blocks"]), df, int(head["regulations"]), int(head["min_df"]))


class _LogTF(dict):
    """``1 + log(tf)``, looked up (computed past the table)."""

    def __missing__(self, k: int) -> float:
        return 1 + math.log(k)


_LOG_TF = _LogTF((k, 1 + math.log(k)) for k in range(1, 64))


def idf_weights(
    block_lists: list[list[list[str]]], background: Background | None, floor: float
) -> tuple[dict[str, float], dict[str, float]]:
    """IDF of every bigram of ``block_lists`` (texts -> blocks -> bigrams):
    (document frequencies over those blocks, the same plus the
    ``background``'s; the first again when there is none)."""
    df: Counter = Counter()
    n = 0
    for text in block_lists:
        n += len(text)
        df.update(chain.from_iterable(map(dict.fromkeys, text)))
    own = _idf(n, df, floor)
    if background is None or not background.blocks:
        return own, own
    get = background.df.get
    return own, _idf(n + background.blocks, dict(zip(df, map(add, df.values(), map(get, df, repeat(0))))), floor)


def _idf(n: int, df: Mapping[str, int], floor: float) -> dict[str, float]:
    # One logarithm per distinct document frequency, not per bigram:
    # max(floor, log((n + 1) / (d + 1))) for each, in C.
    freqs = set(df.values())
    logs = map(math.log, map(truediv, repeat(n + 1), map(add, freqs, repeat(1))))
    weight = dict(zip(freqs, map(max, repeat(floor), logs)))
    return dict(zip(df, map(weight.__getitem__, df.values())))


def unit_vector(counts: Counter, idf: Mapping[str, float]) -> Vector:
    """The TF-IDF vector of bigram ``counts``, normalised to unit length
    (empty when there is no bigram)."""
    # map/zip keep the arithmetic in C; the operations (and their order) are
    # those of the plain formula: (1 + log tf) * idf, then * (1 / norm).
    weights = list(map(mul, map(_LOG_TF.__getitem__, counts.values()), map(idf.__getitem__, counts)))
    norm = math.sqrt(math.fsum(map(mul, weights, weights)))
    if norm:
        weights = map(mul, weights, repeat(1 / norm))
    return dict(zip(counts, weights))


def cosine(a: Vector, b: Vector) -> float:
    """The cosine of two unit vectors. Summed in ``a``'s order (a set's order
    changes from run to run, and float sums with it)."""
    # Terms of a that b lacks add 0.0, which leaves every partial sum as it
    # was; in C, not a Python loop.
    dot = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
    return min(1.0, dot) if dot else 0


def vector_sum(vectors: list[Vector]) -> Vector:
    if len(vectors) == 1:
        return vectors[0]  # adding to 0.0 would give the same floats, in the same order
    total: Vector = defaultdict(float)
    for v in vectors:
        for t, w in v.items():
            total[t] += w
    return total


def coverage(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Share of ``a``'s weight that ``b`` also has (weighted containment)."""
    whole = sum(a.values())
    # min(w, b.get(t, 0.0)) for each term of a, in a's order, in C
    return sum(map(min, a.values(), map(b.get, a, repeat(0.0)))) / whole if whole else 0.0


def group_score(vl: list[Vector], vr: list[Vector]) -> float:
    """The cosine of the sums of two sides' vectors (0 for an empty side)."""
    if not vl or not vr:
        return 0.0
    a, b = vector_sum(vl), vector_sum(vr)
    dot = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
    va, vb = a.values(), b.values()
    norms = math.sqrt(sum(map(mul, va, va)) * sum(map(mul, vb, vb)))
    return min(1.0, dot / norms) if norms else 0.0


def similarities(
    vec_l: list[Vector], vec_r: list[Vector], rows, cols, params, names: tuple[Sequence, Sequence] | None = None
) -> dict[tuple, float]:
    """Cosine scores {(i, j): s > 0} for left vectors ``rows`` against right
    vectors ``cols``: every pair with a shared bigram when there are few
    pairs (``params.exact_pairs``), else the best ``params.candidates`` per
    right vector found through the rarest bigrams. With ``names`` (a name
    per left and per right vector), scores are keyed by the names of the
    two, {(names[0][i], names[1][j]): s}, in the same order."""
    name_l, name_r = names or (range(len(vec_l)), range(len(vec_r)))
    out: dict[tuple, float] = {}
    if len(rows) * len(cols) <= params.exact_pairs:
        # Only bigrams some right vector has are indexed; each posting list
        # stays in row order.
        wanted = set().union(*map(vec_r.__getitem__, cols))
        index: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i in rows:
            v = vec_l[i]
            for t in v.keys() & wanted:
                index[t].append((i, v[t]))
        get = index.get
        for j in cols:
            acc: dict[int, float] = defaultdict(float)
            for t, w in vec_r[j].items():
                for i, wi in get(t, ()):
                    acc[i] += wi * w
            name = name_r[j]
            for i, s in acc.items():
                if s > 0:
                    out[name_l[i], name] = s if s < 1.0 else 1.0
        return out
    # Large texts: each right vector's seed_terms heaviest (rarest) bigrams
    # vote for the left vectors that have them; bigrams in more than
    # posting_cap left vectors do not vote. The candidates with most votes
    # are scored exactly. Counting is done by Counter, in C.
    seeds_of = {}
    for j in cols:
        v = vec_r[j]
        # heapq.nlargest's documented equal (a stable sort, ties in vector order), in C
        seeds_of[j] = sorted(v, key=v.__getitem__, reverse=True)[: params.seed_terms] if len(v) > params.seed_terms else list(v)
    wanted = set(chain.from_iterable(seeds_of.values()))
    postings: dict[str, list[int]] = defaultdict(list)
    for i in rows:
        for t in vec_l[i].keys() & wanted:
            postings[t].append(i)
    capped = {t: p for t, p in postings.items() if len(p) <= params.posting_cap}
    get = capped.get
    for j in cols:
        votes = Counter(chain.from_iterable(filter(None, map(get, seeds_of[j]))))
        # Counter.most_common's documented equal (a stable sort: ties in the
        # order first voted for), in C rather than heapq's Python loop
        for i, _ in sorted(votes.items(), key=itemgetter(1), reverse=True)[: params.candidates]:
            s = cosine(vec_l[i], vec_r[j])
            if s > 0:
                out[name_l[i], name_r[j]] = s
    return out


def best_matches(sims: Mapping[tuple[int, int], float]) -> tuple[dict[int, tuple[float, int]], dict[int, tuple[float, int]]]:
    """({left: (score, its best right)}, {right: (score, its best left)});
    on a tie the pair met first."""
    row_best: dict[int, tuple[float, int]] = {}
    col_best: dict[int, tuple[float, int]] = defaultdict(lambda: _NO_MATCH)
    row_get = row_best.get
    for (i, j), s in sims.items():
        if s > row_get(i, _NO_MATCH)[0]:
            row_best[i] = (s, j)
        if s > col_best[j][0]:
            col_best[j] = (s, i)
    return row_best, col_best


_NO_MATCH = (0.0, -1)
