"""What every recogniser reads and how it pairs what it finds.

A rule reads two :class:`Passage` values, the blocks of each side that
correspond (the blocks of a linked pair, the evidence blocks of a *shares*
link, or one article's blocks against nothing), finds its :class:`Term` values
on each side, sets aside the terms both sides have (:func:`unmatched`: the same
wording anywhere in the passage is no change, wherever a block moved) and
reports the rest.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cached_property, lru_cache
from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable, Iterator, Sequence

from fagui.model.meaning import Place

CLAUSE_END = "。；，：！？\n"
"""Characters that end a clause: a modal verb's holder, a fine's measure and
a period's anchor are looked for inside the clause they stand in."""


class Renumbering(tuple):
    """(old article label, new label) for every article whose number changed
    between two versions, also read as a mapping (:attr:`labels`). One is
    made per comparison and shared by all its passages, so the mapping is
    made once, not once per passage (at 20,000 articles that was most of
    the time spent on meaning)."""

    @cached_property
    def labels(self) -> dict[str, str]:
        return dict(self)


@dataclass(frozen=True)
class Passage:
    """The blocks of one side a rule compares, each with its place, and
    (for the older side of two versions) ``renumbered``: (old article label,
    new label) for every article whose number changed, so a reference that
    only follows the renumbering reads as unchanged. A passage hashes by its
    blocks alone: the renumbering is the same for every passage of a
    comparison, and hashing it on each cache look-up made the rules
    quadratic in the number of articles (it still counts for equality).
    The hash is computed once: every rule looks its passages up in the
    caches of terms, a dozen times a pair, and hashing the blocks (each
    place a dataclass) anew on each look-up was a fifth of the time spent
    on meaning."""

    blocks: tuple[tuple[Place, str], ...] = ()
    renumbered: Renumbering = field(default=Renumbering(), hash=False)

    def __post_init__(self) -> None:
        if type(self.renumbered) is not Renumbering:
            object.__setattr__(self, "renumbered", Renumbering(self.renumbered))
        object.__setattr__(self, "_hash", hash((self.blocks,)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        return Passage, (self.blocks, self.renumbered)  # a string's hash differs between processes: hash anew


@dataclass(frozen=True)
class Term:
    """Something a rule found: its wording as written, the key two terms are
    the same by, where it stands (block, offset) and what the rule read from
    it (a value, a holder...)."""

    wording: str
    key: Hashable
    place: Place
    start: int
    value: object = None


def scan(passage: Passage, pattern: re.Pattern, make: Callable[[re.Match, str, Place], Term | None], needs: str = "") -> list[Term]:
    """Every match of ``pattern`` in the passage's blocks, in order, made a
    term by ``make`` (which may refuse it with None). ``needs``: a string
    every match holds; a block without it is not searched (a pattern that
    opens with a numeral is tried at every character of a block)."""
    out = []
    for place, text in passage.blocks:
        if needs not in text:
            continue
        for m in pattern.finditer(text):
            term = make(m, text, place)
            if term is not None:
                out.append(term)
    return out


def unmatched(left: Sequence[Term], right: Sequence[Term], key: Callable[[Term], Hashable] = lambda t: t.key) -> tuple[list[Term], list[Term]]:
    """The terms of each side left once every term is cancelled against one
    of the other side with the same ``key`` (a multiset difference; order
    kept)."""
    return _less(left, right, key), _less(right, left, key)


def _less(terms: Sequence[Term], others: Sequence[Term], key: Callable[[Term], Hashable]) -> list[Term]:
    """``terms`` less one term for each of ``others`` with the same key."""
    if not terms or not others:  # most passages have no term of a kind: no count to make
        return list(terms)
    counts = Counter(map(key, others))
    rest = []
    for t in terms:
        k = key(t)
        if counts[k]:
            counts[k] -= 1
        else:
            rest.append(t)
    return rest


def pair_by(left: list[Term], right: list[Term], group: Callable[[Term], Hashable]) -> Iterator[tuple[Term | None, Term | None]]:
    """Terms of the two sides paired in order inside each ``group`` (the
    first left of a group with the first right of it, ...); a term with no
    partner comes with None. Groups in order of first appearance."""
    groups: dict[Hashable, tuple[list[Term], list[Term]]] = {}
    for side, terms in ((0, left), (1, right)):
        for t in terms:
            groups.setdefault(group(t), ([], []))[side].append(t)
    for lefts, rights in groups.values():
        for k in range(max(len(lefts), len(rights))):
            yield (lefts[k] if k < len(lefts) else None, rights[k] if k < len(rights) else None)


_CLAUSE_END = re.compile(f"[{CLAUSE_END}]")


@lru_cache(maxsize=4096)
def _ends(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _CLAUSE_END.finditer(text))


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause holding ``text[start:end]``: from after the
    last clause end before it to the next one after it."""
    ends = _ends(text)
    k = bisect_left(ends, start)
    a = ends[k - 1] + 1 if k else 0
    k = bisect_left(ends, end)
    return a, ends[k] if k < len(ends) else len(text)


def places(left: Term | None, right: Term | None) -> tuple[Place | None, Place | None]:
    return (left.place if left else None, right.place if right else None)


def cached(extract: Callable[[Passage], list[Term]]) -> Callable[[Passage], tuple[Term, ...]]:
    """``extract`` computed once per passage, as a tuple: several rules read
    the same terms of the same passage."""
    remembered = lru_cache(maxsize=256)(lambda passage: tuple(extract(passage)))
    remembered.__doc__ = extract.__doc__
    remembered.__name__ = extract.__name__
    return remembered


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first (so 行政拘留
    is taken before 拘留)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
