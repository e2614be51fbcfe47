"""Character diff of two strings, for Chinese text.

``diff_text(left, right)`` returns a tuple of :class:`fagui.model.DiffOp`
(``equal``, ``insert``, ``delete``) such that joining every op's ``left``
rebuilds ``left`` exactly and joining every op's ``right`` rebuilds ``right``
exactly.

How:

1. Both strings are *folded*: full-width ASCII (``，`` ``１`` ``Ａ``) becomes
   half-width, the ideographic space and all other whitespace are dropped.
   Differences of width and whitespace are differences of form, not of words,
   so they never show as changes: an ``equal`` op carries each side's original
   text, which may differ in exactly those ways.
2. diff-match-patch diffs the folded strings with no timeout (a timeout would
   silently coarsen the result) and semantic cleanup. It is Google's C++
   implementation (the ``fast-diff-match-patch`` package): the same algorithm
   as the pure-Python port, with the same results, several times faster.
3. A boundary pass for Chinese: diff-match-patch looks for whitespace and
   Latin punctuation when it slides an edit to a "nicer" position, and finds
   none in Chinese. Here an edit that can slide at no cost is placed so that
   its edges fall after Chinese punctuation (。，；、：) or at the ends of the
   text, so a reader sees a whole clause inserted rather than a cut through
   two of them.
4. The ops are mapped back to the original strings. Whitespace dropped by the
   fold stays with the op covering the character before it (leading
   whitespace with the first op).
"""

from __future__ import annotations

from collections.abc import Sequence

import fast_diff_match_patch

from fagui.model import DiffOp
from fagui.text.width import fold

_OPS = {"=": 0, "-": -1, "+": 1}

# An edge right after one of these reads as a clause boundary.
_CLOSING = set("。，；、：！？）》」』】,.;:!?)")
_OPENING = set("（《「『【(")


def _folded_with_starts(text: str) -> tuple[str, Sequence[int]]:
    """(folded text, starts): ``starts[k]`` is the index in ``text`` where the
    original of folded character ``k`` begins; ``starts[-1] == len(text)``."""
    folded = fold(text)
    if len(folded) == len(text):  # no whitespace: folding kept every character in place
        return folded, range(len(text) + 1)
    starts = [index for index, ch in enumerate(text) if not ch.isspace()]
    if starts:
        starts[0] = 0  # leading whitespace belongs to the first character
    starts.append(len(text))
    return folded, starts


def _edge_score(before: str, after: str) -> int:
    """How good an edit edge between characters ``before`` and ``after`` is
    (``""`` for the end of the text). Higher is better."""
    if not before or not after:
        return 6
    if before in _CLOSING:
        return 4
    if after in _OPENING:
        return 3
    if after in _CLOSING:
        return 2
    if before.isascii() != after.isascii():
        return 1
    return 0


def _slide_edits(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Slide every single edit lying between two equalities to the position,
    among those that give the same texts, whose edges score best; on a tie
    the leftmost wins. Empty equalities are dropped."""
    diffs = [d for d in diffs if d[1]]
    for k in range(1, len(diffs) - 1):
        (op_a, prev), (op, edit), (op_b, nxt) = diffs[k - 1], diffs[k], diffs[k + 1]
        if op_a != 0 or op_b != 0 or op == 0 or not prev or not nxt:
            continue
        # Slide fully left first, then walk right over every equivalent spot.
        while prev and prev[-1] == edit[-1]:
            edit = prev[-1] + edit[:-1]
            nxt = prev[-1] + nxt
            prev = prev[:-1]
        best = (_score(prev, edit, nxt), prev, edit, nxt)
        while nxt and nxt[0] == edit[0]:
            prev, edit, nxt = prev + edit[0], edit[1:] + nxt[0], nxt[1:]
            score = _score(prev, edit, nxt)
            if score > best[0]:
                best = (score, prev, edit, nxt)
        _, prev, edit, nxt = best
        diffs[k - 1], diffs[k], diffs[k + 1] = (0, prev), (op, edit), (0, nxt)
    return [d for d in diffs if d[1]]


def _absorb_lone_characters(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Fold every equality of a single ideograph lying between two edits into them,
    then regroup each run of edits as one delete followed by one insert.

    A single character standing alone between changes is almost never a word
    of its own in Chinese: 教育[-培]训[+练] reads better as 教育[-培训+训练].
    """
    out: list[tuple[int, str]] = []
    last = len(diffs) - 1
    for k, (op, chunk) in enumerate(diffs):
        # diff-match-patch never puts two equalities side by side, so an
        # equality that is neither first nor last lies between two edits.
        if op == 0 and 0 < k < last and _lone_ideograph(chunk):
            out += [(-1, chunk), (1, chunk)]
        else:
            out.append((op, chunk))
    grouped: list[tuple[int, str]] = []
    run = {-1: "", 1: ""}
    for op, chunk in out + [(0, "")]:
        if op != 0:
            run[op] += chunk
            continue
        grouped += [(o, run[o]) for o in (-1, 1) if run[o]]
        run = {-1: "", 1: ""}
        grouped.append((op, chunk))
    return [d for d in grouped if d[1]]


def _lone_ideograph(chunk: str) -> bool:
    return len(chunk) == 1 and not chunk.isascii() and chunk not in _CLOSING and chunk not in _OPENING


def _score(prev: str, edit: str, nxt: str) -> int:
    return _edge_score(prev[-1:], edit[0]) + _edge_score(edit[-1], nxt[:1])


def diff_text(left: str, right: str) -> tuple[DiffOp, ...]:
    """The character diff of ``left`` and ``right`` as DiffOps (see module
    docstring). Identical strings give one ``equal`` op, two empty strings none.
    Adjacent ops never share a kind.
    """
    if left == right:
        return (DiffOp("equal", left, right),) if left else ()
    folded_left, starts_left = _folded_with_starts(left)
    folded_right, starts_right = _folded_with_starts(right)
    if folded_left == folded_right:
        return (DiffOp("equal", left, right),) if left or right else ()
    diffs = _slide_edits(_absorb_lone_characters(_dmp(folded_left, folded_right)))

    ops: list[DiffOp] = []
    i = j = 0  # positions in the folded strings
    for op, chunk in diffs:
        di = len(chunk) if op <= 0 else 0
        dj = len(chunk) if op >= 0 else 0
        left_part = left[starts_left[i] : starts_left[i + di]] if di else ""
        right_part = right[starts_right[j] : starts_right[j + dj]] if dj else ""
        kind = "equal" if op == 0 else ("insert" if op > 0 else "delete")
        ops.append(DiffOp(kind, left_part, right_part))
        i, j = i + di, j + dj
    # A side that folds to nothing (only whitespace) is covered by no op above.
    if not folded_left and left:
        ops.insert(0, DiffOp("equal", left, ""))
    if not folded_right and right:
        ops.insert(0, DiffOp("equal", "", right))
    return _merge(ops)


def _dmp(left: str, right: str) -> list[tuple[int, str]]:
    """diff-match-patch's diff of two strings as (op, text) pairs, op -1, 0 or
    1 for delete, equal, insert."""
    # timelimit=0: no deadline, so never a coarsened diff (callers diff small
    # blocks); checklines=False: a character diff, never a line-level pre-pass.
    ops = fast_diff_match_patch.diff(
        left, right, timelimit=0, checklines=False, cleanup="Semantic", counts_only=False
    )
    return [(_OPS[op], text) for op, text in ops]


def _merge(ops: list[DiffOp]) -> tuple[DiffOp, ...]:
    """Join adjacent ops of the same kind."""
    out: list[DiffOp] = []
    for op in ops:
        if out and out[-1].kind == op.kind:
            last = out.pop()
            op = DiffOp(op.kind, last.left + op.left, last.right + op.right)
        out.append(op)
    return tuple(out)
