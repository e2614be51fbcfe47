"""How alike two short texts are, for rules that ask whether two terms
stand in the same clause."""

from __future__ import annotations

from operator import add


def bigrams(text: str) -> frozenset[str]:
    """The set of character bigrams of ``text``."""
    return frozenset(map(add, text, text[1:]))


def dice(a: str, b: str, x: frozenset[str] | None = None, y: frozenset[str] | None = None) -> float:
    """The Dice coefficient of the sets of character bigrams of ``a`` and
    ``b`` (1.0 for two texts too short to have any, when equal); ``x`` and
    ``y``, when given, are those sets (:func:`bigrams`), made once by a
    caller that scores a text against many."""
    x = bigrams(a) if x is None else x
    y = bigrams(b) if y is None else y
    if not x or not y:
        return 1.0 if a == b else 0.0
    return 2 * len(x & y) / (len(x) + len(y))
