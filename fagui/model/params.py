"""Every threshold that decides what corresponds, in one frozen ``Params``:
the alignment passes' (:mod:`fagui.align`), the grading's, and how
:func:`fagui.compare.compare` matches blocks inside a pair and shows the
wording they share.

Scores are the cosine similarities defined in :mod:`fagui.align.vectors`;
each field says which pass reads it and what it means. Change one here and
the docstring of the pass that reads it says what follows; docs/comparison.md
lists every field with its value and names the field beside each figure it
quotes, and tests/test_docs_follow_code.py fails when the two differ. It lives in
the model, the lowest layer, because the renderers quote it to readers too
(``renderers.score_meaning``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Params:
    """Thresholds of the comparison (see the docstring of the pass or
    function that reads each)."""

    # -- articles -------------------------------------------------------------
    min_score: float = 0.15
    """Below this two articles are not the same provision (jurisdictions:
    unless order supports them, down to ``low_score``)."""
    low_score: float = 0.08
    """Jurisdictions: a pair in order (or a weak mutual best) may be this weak."""
    extend_score: float = 0.18
    """An extra article joins a group (a split or merged provision) at this score."""
    extend_gain: float = 0.05
    """... and must cover this much more of the group's other side."""
    max_group: int = 3
    """... and a group grows to at most this many articles on a side: a
    provision is split over, or merged from, two or three articles, while an
    article that lists every department's duties is many provisions side by
    side (hand alignments never have more than three)."""
    move_score: float = 0.5
    """Versions: pairing across anchors (a move) needs this much."""
    order_weight: float = 0.05
    """Jurisdictions: order only separates near-equal candidates."""
    version_order_bonus: float = 0.2
    """Versions: a pair in its expected place is preferred by this much."""
    reworded_coverage: float = 0.5
    """Each side has this share of the other's bigrams: reworded, else adapted."""
    idf_floor: float = 0.1
    """A bigram in every block still counts a little (texts of a few articles)."""

    # -- blocks (paragraphs and items) ---------------------------------------
    share_score: float = 0.3
    """A paragraph or item of one article carried into another article (a
    *shares* link) scores at least this with its counterpart block."""
    share_mutual: float = 0.15
    """... or at least this when each of the two blocks is the other's best match."""
    share_rarity: float = 0.45
    """... and the two blocks share distinctive wording: their four rarest
    shared bigrams weigh, by background IDF, on average at least this share
    of the weight of a bigram found in one block only, so stock phrasing
    alone (a catch-all item, a list of addressees) never links. (0.45 of
    the shipped background's 325,852 blocks is about the same rarity as 0.6
    was of the seed corpus's few thousand: docs/comparison.md.)"""
    shared_terms: int = 4
    """How many of the rarest bigrams two blocks share ``share_rarity``
    weighs (:func:`fagui.align.shares.shared_mass`)."""
    sure_score: float = 0.3
    """A counterpart group scoring below this stands only when its articles
    share distinctive wording (``distinctive_counterparts``). What is 待核
    is ``grade_links``'s to say, from its fitted models, not this score."""

    whole_block: int = 10
    """Grading: a block this long (folded characters) found word for word in
    another article is carried there, whatever the model says (shorter
    ones: 罚款, 其他职责, are everywhere)."""
    lone_candidates: int = 3
    """How many candidates an article alone lists (:mod:`fagui.align.nearest`)."""
    candidate_floor: float = 0.06
    """An article alone lists as candidates only articles scoring at least
    this with it (``nearest``): below it there is no real resemblance. On
    the hand-aligned pairs, of 439 candidates below 0.06 two were a real
    link and none was one an article's first candidate found
    (docs/comparison.md)."""

    # -- inside a pair (fagui.compare, fagui.correspondence) ----------------
    block_match: float = 0.3
    """Two blocks of a pair less alike than this (bigram Dice) are not
    matched one to one."""
    shared_run: int = 2
    """Shared wording is shown in runs of at least this many characters."""
    telling_run: int = 4
    """A candidate's shared wording is shown only in runs of at least this
    many characters (two such as 消防, 应当 say nothing) ..."""
    telling_share: float = 0.01
    """... with a bigram in fewer than this share of the shipped
    background's blocks of real regulations: 火灾隐患 (its rarest bigram in
    168 of 325,852 blocks) tells, 各级人民政府 (5,827) and 行政区域内的 (5,026)
    are stock phrasing every regulation has."""

    # -- large texts ----------------------------------------------------------
    exact_pairs: int = 40_000
    """Up to this many pairs every pair is scored."""
    posting_cap: int = 64
    """Larger texts: bigrams in more blocks than this do not find candidates."""
    seed_terms: int = 16
    """Larger texts: the heaviest bigrams of a block that find its candidates."""
    candidates: int = 4
    """Larger texts: candidates per block scored exactly."""


PARAMS = Params()
"""The defaults, measured in docs/comparison.md."""
