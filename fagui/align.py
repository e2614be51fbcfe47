"""Which articles of two regulations correspond, and how.

``align_articles(left, right, mode)`` returns a list of :class:`Group`: the
indices of corresponding articles on each side (one-to-one, one-to-many or
many-to-one, or one side empty), their relation and a score.

**The score** of a group is the cosine similarity, in [0, 1], between the
TF-IDF weighted character-bigram vectors of its two sides (a side of several
articles is the sum of their vectors). Bigrams are taken inside runs of
ideographs, letters and digits, after folding width and whitespace; a
bigram's weight is ``(1 + log tf) * max(0.1, log((N + 1) / (df + 1)))``
where ``N`` is the number of blocks (paragraphs and items) in both texts and
``df`` the number of those blocks that contain it. Vocabulary most
articles share (国家安全机关, 反间谍安全防范, 应当, 本规定 ...) therefore weighs
next to nothing, and the score measures how much *distinctive* wording two
provisions share. Titles of cited laws (《...》) are left out: they say what
a provision relies on, not what it provides.

* 1.0 -- the same text after normalisation (or the same distinctive wording
  in the same proportions);
* about 0.5 and above -- the same provision, reworded;
* ``MIN_SCORE`` (0.15) to 0.5 -- a provision partly shared;
* below ``MIN_SCORE`` articles are paired only when order supports it (down
  to ``LOW_SCORE``, jurisdictions); a one-sided group scores 0.

**jurisdictions** (a reference text against a derived one): the heaviest
chain of pairs in order on both sides (weights ``score - LOW_SCORE``) is
taken first, keeping a pair below ``MIN_SCORE`` only when no left article
scores higher with its right article; then every two articles that are each
other's best match (at least ``MIN_SCORE``) are paired, in place of the
chain's links of either (content decides; the chain maximises a sum and may
give an article's best match to a neighbour); the remaining pairs of at least
``MIN_SCORE`` are ranked by score plus a small order prior and taken
greedily, best first, one to one; then two articles still unpaired that are
each other's best match of all (at least ``LOW_SCORE``) are paired (a weak
pair out of order, supported by neither having anything better instead of
by order; best of what is left would pair articles whose best match went to
another with leftovers sharing only stock phrasing);
then an unpaired national article joins a one-to-one group when it scores at
least ``MIN_SCORE`` with a paragraph of the provincial article that the
group's national article scores below ``MIN_SCORE`` with (a provincial
article putting two national provisions in two paragraphs); then an unpaired
article joins the group
of its best-scoring paired article when the score is at least
``EXTEND_SCORE`` and it covers at least
``EXTEND_GAIN`` more of that article's weight than the group already does (a
provision split over two articles, or two merged into one); groups are never
many-to-many. Relations: identical (same text after normalisation), reworded
(each side has at least half of the other's bigrams, counted plainly),
adapted (less shared), provincial_only, not_adopted.

**versions** (two versions of one regulation): order is a strong hint.
Articles whose text is the same once internal cross-references (本规定第八条)
are masked are anchored in order first (difflib's longest matching blocks);
the rest are paired by score, in the same gap between anchors with at least
``MIN_SCORE``, across anchors (a move) only with ``MOVE_SCORE``; split and
merged articles are found as in jurisdictions. Relations: unchanged, renumbered,
reference_update (the text differs only in internal references, and each
changed reference follows the renumbering), amended, moved (to a chapter or
section other than the one its old chapter became), split, merged, added,
deleted.

Finding candidates uses an inverted index of bigrams, so that two texts of
thousands of articles are compared without scoring every pair.
"""

from __future__ import annotations

import heapq
from itertools import chain, repeat
import math
from operator import add, mul
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from fagui.model import MODES, Regulation
from fagui.text.numerals import NUMERAL_CHARS, to_chinese, to_int
from fagui.text.width import fold

LOW_SCORE = 0.08  # jurisdictions: a pair in order may be this weak if nothing fits its right side better
EXTEND_SCORE = 0.18  # an extra article joins a group (split, merged) with this score
MIN_SCORE = 0.15  # below this two articles are not the same provision
MOVE_SCORE = 0.5  # versions: pairing across anchors (a move) needs this much
ORDER_WEIGHT = 0.05  # jurisdictions: order only separates near-equal candidates
VERSION_ORDER_BONUS = 0.2  # versions: a pair in its expected place is preferred
EXTEND_GAIN = 0.05  # coverage the extra article must add to the group's other side
REWORDED_COVERAGE = 0.5  # each side covers this share of the other: reworded
IDF_FLOOR = 0.1  # a bigram in every article still counts a little (texts of a few articles)

EXACT_PAIRS = 40_000  # up to this many article pairs every pair is scored
POSTING_CAP = 64  # larger texts: bigrams in more articles do not find candidates
SEED_TERMS = 16  # larger texts: the heaviest bigrams of an article that find its candidates
CANDIDATES = 4  # larger texts: candidates per article scored exactly

_RUN = re.compile(r"[^\W_]+")
_CITATION = re.compile(r"《[^》]*》")
_INTERNAL_REF = re.compile(
    rf"(本(?:规定|条例|办法|细则|规则|决定))((?:(?:、|，|和|及|至|或者)?第[{NUMERAL_CHARS}]+条"
    rf"(?:第[{NUMERAL_CHARS}]+款)?(?:第[（(][{NUMERAL_CHARS}]+[）)]项)?)+)"
)
_ARTICLE_NUMBER = re.compile(rf"第([{NUMERAL_CHARS}]+)条")


@dataclass(frozen=True)
class Group:
    """Corresponding articles: indices into ``left.articles`` and
    ``right.articles`` (one side may be empty), relation, score, notes."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    relation: str
    score: float
    notes: tuple[str, ...] = ()


def align_articles(left: Regulation, right: Regulation, mode: str) -> list[Group]:
    """The groups of corresponding articles of ``left`` and ``right`` in
    ``mode`` ("versions" or "jurisdictions"). Every article is in exactly one
    group. Groups are in no particular order."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    la, ra = left.located_articles(), right.located_articles()
    blocks_l = [[fold(b) for b in x.article.blocks()] for x in la]
    blocks_r = [[fold(b) for b in x.article.blocks()] for x in ra]
    texts_l = ["".join(b) for b in blocks_l]
    texts_r = ["".join(b) for b in blocks_r]
    df: Counter = Counter()  # in how many blocks (paragraphs, items) each bigram is
    counts_l = [_article_bigrams(b, df) for b in blocks_l]
    counts_r = [_article_bigrams(b, df) for b in blocks_r]
    n_blocks = sum(map(len, blocks_l)) + sum(map(len, blocks_r))
    vec_l, vec_r, idf = _vectors(counts_l, counts_r, df, n_blocks)
    if mode == "jurisdictions":
        sims = _Similarities(vec_l, vec_r)
        links = _match_by_content(vec_l, vec_r, sims)
        paras = _ParagraphVectors(ra, idf)
    else:
        links = _match_versions(texts_l, texts_r, vec_l, vec_r)
        sims, paras = None, None
    groups = _extend(links, vec_l, vec_r, paras, sims)
    if mode == "jurisdictions":
        return _jurisdiction_relations(groups, texts_l, texts_r, vec_l, vec_r, counts_l, counts_r)
    return _version_relations(groups, la, ra, texts_l, texts_r, vec_l, vec_r)


# -- vectors -------------------------------------------------------------------

Vector = dict[str, float]


def _bigram_list(text: str) -> list[str]:
    """Each character bigram inside a run of ideographs, letters and digits,
    and each run of one character alone, in text order (the order in which
    bigrams first occur fixes the order of a vector's terms, and so the order
    in which its floats are summed)."""
    # Titles of cited laws (《中华人民共和国反间谍法》) say what a provision
    # relies on, not what it provides: rare, they would pair unrelated articles.
    if "《" in text:
        text = _CITATION.sub("", text)
    out: list[str] = []
    for run in _RUN.findall(text):
        if len(run) > 1:
            out += map(add, run, run[1:])
        else:
            out.append(run)
    return out


def _bigrams(text: str) -> Counter:
    return Counter(_bigram_list(text))


def _article_bigrams(blocks: list[str], df: Counter) -> Counter:
    """The bigram counts of an article's (folded) blocks; adds each block's
    bigrams to the document frequencies ``df``."""
    per_block = [_bigram_list(block) for block in blocks]
    df.update(chain.from_iterable(map(dict.fromkeys, per_block)))
    return Counter(chain.from_iterable(per_block))


class _LogTF(dict):
    """``1 + log(tf)``, looked up (computed past the table)."""

    def __missing__(self, k: int) -> float:
        return 1 + math.log(k)


_LOG_TF = _LogTF((k, 1 + math.log(k)) for k in range(1, 64))


def _vectors(counts_l: list[Counter], counts_r: list[Counter], df: Counter, n: int):
    """TF-IDF vectors of each article's bigram counts, document frequencies
    taken over the blocks (paragraphs and items) of both texts, normalised to
    unit length (empty for an article with no bigram); and the IDF weights."""
    # One logarithm per distinct document frequency, not per bigram.
    weight = {d: max(IDF_FLOOR, math.log((n + 1) / (d + 1))) for d in set(df.values())}
    idf = dict(zip(df, map(weight.__getitem__, df.values())))
    vectors = [_unit(c, idf) for c in counts_l + counts_r]
    return vectors[: len(counts_l)], vectors[len(counts_l) :], idf


def _unit(counts: Counter, idf: dict[str, float]) -> Vector:
    # map/zip keep the arithmetic in C; the operations (and their order) are
    # those of the plain formula: (1 + log tf) * idf, then * (1 / norm).
    terms = list(counts)
    weights = list(map(mul, map(_LOG_TF.__getitem__, counts.values()), map(idf.__getitem__, terms)))
    norm = math.sqrt(math.fsum(map(mul, weights, weights)))
    if norm:
        weights = map(mul, weights, repeat(1 / norm))
    return dict(zip(terms, weights))


class _ParagraphVectors:
    """``paras[j]``: the paragraph vectors of right article ``j`` (see
    _paragraph_vectors), computed when first asked for: only the articles of
    one-to-one groups are, and only when some left article is unpaired."""

    def __init__(self, located, idf: dict[str, float]):
        self.located, self.idf, self.cache = located, idf, {}

    def __getitem__(self, j: int) -> list[Vector]:
        if j not in self.cache:
            self.cache[j] = _paragraph_vectors(self.located[j].article, self.idf)
        return self.cache[j]


def _paragraph_vectors(article, idf: dict[str, float]) -> list[Vector]:
    """One vector per paragraph (款) of an article that has several, each
    with its items: a paragraph is the unit a provision is written in, and an
    item alone (（四）其他应当履行的义务) is too generic to say what it is about.
    Empty for an article of one paragraph."""
    if len(article.paragraphs) < 2:
        return []

    def lines(items):
        for item in items:
            yield item.line()
            yield from lines(item.items)

    return [_unit(_bigrams(fold(p.text + "".join(lines(p.items)))), idf) for p in article.paragraphs]


def _cosine(a: Vector, b: Vector) -> float:
    return min(1.0, sum([a[t] * b[t] for t in a.keys() & b.keys()]))


def _sum(vectors: list[Vector]) -> Vector:
    if len(vectors) == 1:
        return vectors[0]  # adding to 0.0 would give the same floats, in the same order
    total: Vector = defaultdict(float)
    for v in vectors:
        for t, w in v.items():
            total[t] += w
    return total


def _coverage(a: Vector, b: Vector) -> float:
    """Share of ``a``'s weight that ``b`` also has (weighted containment)."""
    whole = sum(a.values())
    # min(w, b.get(t, 0.0)) for each term of a, in a's order, in C
    return sum(map(min, a.values(), map(b.get, a, repeat(0.0)))) / whole if whole else 0.0


def _group_score(vl: list[Vector], vr: list[Vector]) -> float:
    if not vl or not vr:
        return 0.0
    a, b = _sum(vl), _sum(vr)
    dot = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
    va, vb = a.values(), b.values()
    norms = math.sqrt(sum(map(mul, va, va)) * sum(map(mul, vb, vb)))
    return min(1.0, dot / norms) if norms else 0.0


class _Similarities:
    """The scores of every left article against every right article
    (jurisdictions), computed once; the later questions (which group an
    unpaired article joins) are answered from them when the texts are small
    enough to be scored exactly. A pair's exact score does not depend on
    which other articles are scored (the sum runs over the right article's
    terms, in its order), so the answers are those of _similarities."""

    def __init__(self, vec_l: list[Vector], vec_r: list[Vector]):
        self.vec_l, self.vec_r = vec_l, vec_r
        self.all = _similarities(vec_l, vec_r, range(len(vec_l)), range(len(vec_r)))
        self.exact = len(vec_l) * len(vec_r) <= EXACT_PAIRS
        self.by_col: dict[int, list[tuple[int, float]]] = defaultdict(list)
        if self.exact:
            for (i, j), s in self.all.items():
                self.by_col[j].append((i, s))

    def of(self, rows: list[int], cols: list[int]) -> dict[tuple[int, int], float]:
        """``_similarities(vec_l, vec_r, rows, cols)``."""
        # Rows in increasing order meet each right article's terms in the
        # order the full scoring did, so the pairs come in the same order.
        if not self.exact or any(a >= b for a, b in zip(rows, rows[1:])):
            return _similarities(self.vec_l, self.vec_r, rows, cols)
        keep = set(rows)
        by_col = self.by_col
        return {(i, j): s for j in cols for i, s in by_col.get(j, ()) if i in keep}


def _similarities(vec_l: list[Vector], vec_r: list[Vector], rows, cols) -> dict[tuple[int, int], float]:
    """Cosine scores {(i, j): s > 0} for left articles ``rows`` against right
    articles ``cols``: every pair with a shared bigram when there are few
    pairs, else the best ``CANDIDATES`` per right article found through the
    rarest bigrams."""
    exact = len(rows) * len(cols) <= EXACT_PAIRS
    out: dict[tuple[int, int], float] = {}
    if exact:
        # Only bigrams some right article has are indexed (few when few
        # articles are asked about); each posting list stays in row order.
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
            for i, s in acc.items():
                if s > 0:
                    out[i, j] = s if s < 1.0 else 1.0
        return out
    # Large texts: each right article's SEED_TERMS heaviest (rarest) bigrams
    # vote for the left articles that have them; bigrams in more than
    # POSTING_CAP left articles do not vote. The CANDIDATES with most votes
    # are scored exactly. Counting is done by Counter, in C.
    seeds_of = {}
    for j in cols:
        v = vec_r[j]
        seeds_of[j] = heapq.nlargest(SEED_TERMS, v, key=v.__getitem__) if len(v) > SEED_TERMS else list(v)
    wanted = set(chain.from_iterable(seeds_of.values()))
    postings: dict[str, list[int]] = defaultdict(list)
    for i in rows:
        for t in vec_l[i].keys() & wanted:
            postings[t].append(i)
    capped = {t: p for t, p in postings.items() if len(p) <= POSTING_CAP}
    get = capped.get
    for j in cols:
        v = vec_r[j]
        seeds = seeds_of[j]
        votes = Counter(chain.from_iterable(filter(None, map(get, seeds))))
        for i, _ in votes.most_common(CANDIDATES):
            out[i, j] = _cosine(vec_l[i], v)
    return out


# -- matching --------------------------------------------------------------------

def _greedy(ranked: list[tuple[float, int, int]], links: dict[int, int], taken: set[int]) -> None:
    """Take pairs best first, each article at most once (adds to ``links``)."""
    for _, i, j in sorted(ranked, reverse=True):
        if i not in links and j not in taken:
            links[i] = j
            taken.add(j)


def _match_by_content(vec_l: list[Vector], vec_r: list[Vector], scores: _Similarities) -> dict[int, int]:
    """One-to-one links left -> right: the heaviest chain of pairs in order
    (score at least LOW_SCORE); then every pair of articles that are each
    other's best match (at least MIN_SCORE), in place of the chain's links
    of either; then pairs out of order by score; then weak pairs of unpaired
    articles that are each other's best match (at least LOW_SCORE)."""
    sims = scores.all
    row_best, col_best = _best_matches(sims)
    chain = _chain([(i, j, s - LOW_SCORE) for (i, j), s in sims.items() if s >= LOW_SCORE])
    links: dict[int, int] = {}
    for i, j in chain:
        s = sims[i, j]
        # A weak pair in order stands when no left article fits its right
        # article better (the provincial article's likeliest source).
        if s >= MIN_SCORE or s >= col_best[j][0]:
            links[i] = j
    # Content decides, order is a hint: the chain maximises the sum of its
    # scores, and may give an article's best match to a neighbour because two
    # middling pairs outweigh one good one.
    mutual = [(i, j, s) for i, (s, j) in row_best.items() if col_best[j][1] == i]
    linked_to = {j: i for i, j in links.items()}
    for i, j, s in mutual:
        if s >= MIN_SCORE and links.get(i) != j:
            linked_to.pop(links.pop(i, None), None)
            links.pop(linked_to.pop(j, None), None)
            links[i], linked_to[j] = j, i
    pos_l = _positions(len(vec_l))
    pos_r = _positions(len(vec_r))
    ranked = [
        (s + ORDER_WEIGHT * (1 - abs(pos_l[i] - pos_r[j])), i, j)
        for (i, j), s in sims.items()
        if s >= MIN_SCORE
    ]
    _greedy(ranked, links, set(links.values()))
    # Weak pairs out of order: as for the weak pairs of the chain, the
    # national article is the provincial article's likeliest source, and
    # what supports the pair instead of order is that each is the other's
    # best match of all. Best of what is left is not enough: an article whose
    # best match went to another shares only stock phrasing (进入有关单位、场所,
    # 依法履行义务) with the leftovers.
    taken = set(links.values())
    for i, j, s in mutual:
        if s >= LOW_SCORE and i not in links and j not in taken:
            links[i] = j
    return links


def _best_matches(sims: dict[tuple[int, int], float]) -> tuple[dict[int, tuple[float, int]], dict[int, tuple[float, int]]]:
    """({left: (score, its best right)}, {right: (score, its best left)});
    on a tie the pair met first."""
    row_best: dict[int, tuple[float, int]] = {}
    col_best: dict[int, tuple[float, int]] = defaultdict(lambda: (0.0, -1))
    for (i, j), s in sims.items():
        if s > row_best.get(i, (0.0, -1))[0]:
            row_best[i] = (s, j)
        if s > col_best[j][0]:
            col_best[j] = (s, i)
    return row_best, col_best


def _chain(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The pairs (i, j, weight) of greatest total weight with i and j both
    strictly increasing (a weighted longest increasing subsequence, with a
    Fenwick tree of prefix maxima over j: O(n log n))."""
    if not pairs:
        return []
    size = max(j for _, j, _ in pairs) + 2
    tree = [(0.0, -1)] * (size + 1)  # (best total, index into pairs)
    back = [-1] * len(pairs)
    total = [0.0] * len(pairs)
    order = sorted(range(len(pairs)), key=lambda k: (pairs[k][0], -pairs[k][1]))
    best = (0.0, -1)
    for k in order:
        i, j, w = pairs[k]
        # prefix max over positions < j (tree is 1-based over j + 1)
        q, x = (0.0, -1), j
        while x > 0:
            if tree[x][0] > q[0]:
                q = tree[x]
            x -= x & -x
        total[k], back[k] = q[0] + w, q[1]
        x = j + 1
        while x <= size:
            if total[k] > tree[x][0]:
                tree[x] = (total[k], k)
            x += x & -x
        if total[k] > best[0]:
            best = (total[k], k)
    out = []
    k = best[1]
    while k >= 0:
        out.append(pairs[k][:2])
        k = back[k]
    return out[::-1]


def _positions(n: int) -> list[float]:
    return [k / (n - 1) if n > 1 else 0.5 for k in range(n)]


def _masked(text: str) -> str:
    """``text`` with the numbers of internal references replaced by #."""
    return _INTERNAL_REF.sub(lambda m: m.group(1) + _ARTICLE_NUMBER.sub("第#条", m.group(2)), text)


def _match_versions(texts_l, texts_r, vec_l, vec_r) -> dict[int, int]:
    """One-to-one links left -> right: same text (references masked) in
    order first, then by score, preferring pairs between the same anchors."""
    keys_l = [_masked(t) for t in texts_l]
    keys_r = [_masked(t) for t in texts_r]
    matcher = SequenceMatcher(None, keys_l, keys_r, autojunk=False)
    links = {a + k: b + k for a, b, size in matcher.get_matching_blocks() for k in range(size)}
    rows = [i for i in range(len(texts_l)) if i not in links]
    taken = set(links.values())
    cols = [j for j in range(len(texts_r)) if j not in taken]
    # The gap an unanchored article lies in: how many anchors precede it.
    anchors = sorted(links.items())
    gap_l, gap_r = _gaps([i for i, _ in anchors], rows), _gaps([j for _, j in anchors], cols)
    ranked = []
    for (i, j), s in _similarities(vec_l, vec_r, rows, cols).items():
        in_place = gap_l[i] == gap_r[j]
        if s >= (MIN_SCORE if in_place else MOVE_SCORE):
            ranked.append((s + (VERSION_ORDER_BONUS if in_place else 0.0), i, j))
    _greedy(ranked, links, taken)
    return links


def _gaps(anchors: list[int], free: list[int]) -> dict[int, int]:
    """{index: number of anchors before it} for each index in ``free``."""
    out, k = {}, 0
    for x in free:
        while k < len(anchors) and anchors[k] < x:
            k += 1
        out[x] = k
    return out


def _extend(links: dict[int, int], vec_l, vec_r, paras=None, scores=None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Groups (left indices, right indices): the one-to-one links, grown by
    unpaired articles that are mostly drawn from a group's other side and add
    coverage to it (split and merged provisions), then the unpaired rest.
    With ``paras`` (the paragraph vectors of the right articles:
    jurisdictions), an unpaired left article first joins a one-to-one group
    whose right article has a paragraph that it explains and the group's left
    article does not (see _paragraph_partners). ``scores`` (a
    _Similarities, jurisdictions) answers the scores of left against right
    articles."""
    groups = [([i], [j]) for i, j in sorted(links.items())]
    free_l = sorted(set(range(len(vec_l))) - set(links))
    free_r = sorted(set(range(len(vec_r))) - set(links.values()))
    by_left = {g[0][0]: g for g in groups}
    score_r = scores.of if scores else (lambda rows, cols: _similarities(vec_l, vec_r, rows, cols))
    for j, i in _best_partners(free_r, list(by_left), score_r):
        lefts, rights = by_left[i]
        if _adds(vec_r[j], vec_l[i], [vec_r[x] for x in rights]):
            rights.append(j)
            free_r.remove(j)
    # Many-to-one only onto groups still one-to-one: no many-to-many groups.
    by_right = {g[1][0]: g for g in groups if len(g[1]) == 1}
    if paras is not None and free_l:
        partner = {g[1][0]: vec_l[g[0][0]] for g in by_right.values()}
        for i, j in _paragraph_partners(free_l, vec_l, list(by_right), paras, partner):
            by_right[j][0].append(i)
            free_l.remove(i)
    score_l = lambda rows, cols: _similarities(vec_r, vec_l, rows, cols)  # noqa: E731
    for i, j in _best_partners(free_l, list(by_right), score_l):
        lefts, rights = by_right[j]
        if _adds(vec_l[i], vec_r[j], [vec_l[x] for x in lefts]):
            lefts.append(i)
            free_l.remove(i)
    out = [(tuple(sorted(lefts)), tuple(sorted(rights))) for lefts, rights in groups]
    return out + [((i,), ()) for i in free_l] + [((), (j,)) for j in free_r]


def _best_partners(free: list[int], others: list[int], similarities) -> list[tuple[int, int]]:
    """(free article, its best-scoring article among ``others``) for each free
    article scoring at least EXTEND_SCORE with one, best-scoring first;
    ``similarities(others, free)`` scores them (see _similarities)."""
    if not free or not others:
        return []
    best: dict[int, tuple[float, int]] = {}
    for (o, f), s in similarities(others, free).items():
        if s >= EXTEND_SCORE and s > best.get(f, (0.0, -1))[0]:
            best[f] = (s, o)
    return [(f, o) for f, (s, o) in sorted(best.items(), key=lambda x: -x[1][0])]


def _paragraph_partners(free: list[int], vec_free, others: list[int], paras_other, partner_of) -> list[tuple[int, int]]:
    """(free article, article among ``others``) for each free article that
    scores at least MIN_SCORE with a paragraph of an article of ``others``
    that the article's partner (``partner_of[o]``, a vector) scores below
    MIN_SCORE with: the paragraph is a provision of its own, and the free
    article is its source. A derived text often puts two provisions of the
    reference text in two paragraphs of one article (reporting channels and
    rewards; ordering a unit to put things right and disciplining its staff);
    at article level the second one is diluted by the first and scores low,
    or scores higher with an article that shares only its stock phrasing
    (依法给予处分) with it, and whose paragraphs its own partner already
    explains. The best such paragraph decides."""
    rows = [(o, p) for o in others for p in paras_other[o]]
    if not free or not rows:
        return []
    best: dict[int, tuple[float, int]] = {}
    for (r, f), s in _similarities([p for _, p in rows], vec_free, range(len(rows)), free).items():
        o, p = rows[r]
        if s >= MIN_SCORE and s > best.get(f, (0.0, -1))[0] and _cosine(partner_of[o], p) < MIN_SCORE:
            best[f] = (s, o)
    return [(f, o) for f, (s, o) in sorted(best.items(), key=lambda x: -x[1][0])]


def _adds(extra: Vector, target: Vector, partners: list[Vector]) -> bool:
    """Whether ``extra`` covers enough of ``target`` that ``partners`` do not."""
    before = _coverage(target, _sum(partners))
    return _coverage(target, _sum(partners + [extra])) - before >= EXTEND_GAIN


# -- relations -------------------------------------------------------------------

def _jurisdiction_relations(groups, texts_l, texts_r, vec_l, vec_r, counts_l, counts_r) -> list[Group]:
    out = []
    for lefts, rights in groups:
        if not rights:
            out.append(Group(lefts, rights, "not_adopted", 0.0))
            continue
        if not lefts:
            out.append(Group(lefts, rights, "provincial_only", 0.0))
            continue
        if len(lefts) == len(rights) == 1 and texts_l[lefts[0]] == texts_r[rights[0]]:
            out.append(Group(lefts, rights, "identical", 1.0))
            continue
        # How much of each side's wording, generic words included, the other has.
        # (Integer counts: the order they are added in does not matter.)
        a = counts_l[lefts[0]] if len(lefts) == 1 else sum((counts_l[i] for i in lefts), Counter())
        b = counts_r[rights[0]] if len(rights) == 1 else sum((counts_r[j] for j in rights), Counter())
        shared = min(_coverage(a, b), _coverage(b, a))
        relation = "reworded" if shared >= REWORDED_COVERAGE else "adapted"
        out.append(Group(lefts, rights, relation, _group_score([vec_l[i] for i in lefts], [vec_r[j] for j in rights])))
    return out


def _version_relations(groups, la, ra, texts_l, texts_r, vec_l, vec_r) -> list[Group]:
    number_map = {la[i].article.number: ra[rights[0]].article.number for lefts, rights in groups for i in lefts if rights}
    chapter_map = _chapter_map(groups, la, ra)
    out = []
    for lefts, rights in groups:
        if not rights:
            out.append(Group(lefts, rights, "deleted", 0.0))
            continue
        if not lefts:
            out.append(Group(lefts, rights, "added", 0.0))
            continue
        score = _group_score([vec_l[i] for i in lefts], [vec_r[j] for j in rights])
        if len(rights) > 1 or len(lefts) > 1:
            out.append(Group(lefts, rights, "split" if len(rights) > 1 else "merged", score))
            continue
        i, j = lefts[0], rights[0]
        old, new = la[i], ra[j]
        same_text = texts_l[i] == texts_r[j]
        score = 1.0 if same_text else score
        notes: tuple[str, ...] = ()
        if chapter_map.get(old.divisions) != new.divisions:
            relation = "moved"
            notes = (f"moved from {' / '.join(old.divisions) or '(no chapter)'} to {' / '.join(new.divisions) or '(no chapter)'}",)
            if not same_text:
                notes += ("also amended",)
        elif same_text:
            relation = "unchanged" if old.article.number == new.article.number else "renumbered"
        elif _renumber_refs(texts_l[i], number_map) == texts_r[j]:
            relation = "reference_update"
            notes = ("references follow the renumbering",)
        else:
            relation = "amended"
        out.append(Group(lefts, rights, relation, score, notes))
    return out


def _chapter_map(groups, la, ra) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each left chapter (division path) -> the right chapter most of its
    paired articles went to: what that chapter became."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for lefts, rights in groups:
        for i in lefts:
            for j in rights:
                votes[la[i].divisions][ra[j].divisions] += 1
    return {chapter: counts.most_common(1)[0][0] for chapter, counts in votes.items()}


def _renumber_refs(text: str, number_map: dict[int, int]) -> str:
    """``text`` with each internal reference to an article renumbered as
    ``number_map`` says (references to articles not in it unchanged)."""

    def article(m: re.Match) -> str:
        number = to_int(m.group(1))
        return f"第{to_chinese(number_map.get(number, number))}条"

    return _INTERNAL_REF.sub(lambda m: m.group(1) + _ARTICLE_NUMBER.sub(article, m.group(2)), text)
