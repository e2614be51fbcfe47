"""How alike two short texts are, for rules that ask whether two terms
stand in the same clause."""

from __future__ import annotations


def dice(a: str, b: str) -> float:
    """The Dice coefficient of the sets of character bigrams of ``a`` and
    ``b`` (1.0 for two texts too short to have any, when equal)."""
    x = {a[k : k + 2] for k in range(len(a) - 1)}
    y = {b[k : k + 2] for k in range(len(b) - 1)}
    if not x or not y:
        return 1.0 if a == b else 0.0
    return 2 * len(x & y) / (len(x) + len(y))
