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
2. diff-match-patch (the ``diff-match-patch`` package) diffs the folded
   strings with no timeout: a deadline would silently coarsen the result.
   Its diff proper runs in the library's C++ build (``fast-diff-match-patch``,
   the same ops), everything else in Python.
   Clauses (ending in 。；！？) are matched first, each clause standing for
   one character, then phrases (ending in ，：、 too) inside each run of
   changed clauses, then characters inside each run of changed phrases. So
   unchanged clauses cost no more than reading them, and time grows with the
   length of the text plus, for each run of consecutive changed phrases, its
   length times its number of edits (docs/comparison.md states the bound).
3. Semantic cleanup, diff-match-patch's own, with its boundary scoring made
   Chinese: the library slides an edit to the position whose edges score
   best, and scores whitespace and Latin punctuation, none of which Chinese
   has. Here an edge right after Chinese punctuation (。；：，、) scores best,
   so a reader sees a whole clause inserted rather than a cut through two.
   A single ideograph left standing between two edits then joins them.
4. The ops are mapped back to the original strings. Whitespace dropped by the
   fold stays with the op covering the character before it (leading
   whitespace with the first op).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

import fast_diff_match_patch
from diff_match_patch import diff_match_patch

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


class _ChineseDiff(diff_match_patch):
    """diff-match-patch for Chinese: no timeout, its diff run by the C++
    build, units above the character, Chinese edges for semantic cleanup."""

    def __init__(self) -> None:
        super().__init__()
        self.Diff_Timeout = 0  # no deadline: never a diff coarsened by the clock

    def diff_main(self, text1: str, text2: str, checklines: bool = True, deadline=None) -> list[tuple[int, str]]:
        """The library's diff (before cleanup, merged as the library merges),
        computed by its C++ build, ``fast-diff-match-patch``: the same
        algorithm giving the same ops, 4 times faster on the seed texts and 12
        times on a long paragraph partly rewritten (benchmarks/bench_diff.py).
        The only diff this module runs."""
        ops = fast_diff_match_patch.diff(
            text1, text2, timelimit=self.Diff_Timeout, checklines=checklines, cleanup="No", counts_only=False
        )
        return [(_OPS[op], text) for op, text in ops]

    def diff_cleanupSemanticScore(self, one: str, two: str) -> int:
        """How good an edit edge between ``one`` and ``two`` is, 0 to 6 as in
        the library: the ends of the text, then after Chinese (or Latin)
        punctuation, before an opening bracket, before punctuation, between
        a Latin and a Chinese character."""
        if not one or not two:
            return 6
        before, after = one[-1], two[0]
        if before in _CLOSING:
            return 4
        if after in _OPENING:
            return 3
        if after in _CLOSING:
            return 2
        return 1 if before.isascii() != after.isascii() else 0

    def diff_cleanupSemanticLossless(self, diffs: list[tuple[int, str]]) -> None:
        """Slide each single edit between two equalities to the position, of
        those giving the same texts, whose two edges score best (the rightmost
        on a tie).

        The library's own method, step for step, with one change: its scorer
        is a function nested inside this method, which no subclass can
        replace, so this copy calls ``self.diff_cleanupSemanticScore``.
        """
        score = self.diff_cleanupSemanticScore
        pointer = 1
        while pointer < len(diffs) - 1:
            if diffs[pointer - 1][0] == self.DIFF_EQUAL and diffs[pointer + 1][0] == self.DIFF_EQUAL:
                equality1, edit, equality2 = diffs[pointer - 1][1], diffs[pointer][1], diffs[pointer + 1][1]
                common = self.diff_commonSuffix(equality1, edit)  # shift the edit fully left
                if common:
                    shared = edit[-common:]
                    equality1, edit, equality2 = equality1[:-common], shared + edit[:-common], shared + equality2
                best = (equality1, edit, equality2)
                best_score = score(equality1, edit) + score(edit, equality2)
                while edit and equality2 and edit[0] == equality2[0]:  # then step right
                    equality1, edit, equality2 = equality1 + edit[0], edit[1:] + equality2[0], equality2[1:]
                    value = score(equality1, edit) + score(edit, equality2)
                    if value >= best_score:
                        best_score, best = value, (equality1, edit, equality2)
                if diffs[pointer - 1][1] != best[0]:
                    if best[0]:
                        diffs[pointer - 1] = (self.DIFF_EQUAL, best[0])
                    else:
                        del diffs[pointer - 1]
                        pointer -= 1
                    diffs[pointer] = (diffs[pointer][0], best[1])
                    if best[2]:
                        diffs[pointer + 1] = (self.DIFF_EQUAL, best[2])
                    else:
                        del diffs[pointer + 1]
                        pointer -= 1
            pointer += 1

    def diff_units(self, left: str, right: str, levels: tuple[re.Pattern, ...] = ()) -> list[tuple[int, str]]:
        """The diff of ``left`` and ``right``, before cleanup: the units
        ``levels[0]`` cuts them into are matched first (each stands for one
        character, the library's diff_linesToChars device), then the texts of
        each run of changed units are diffed with the next level, and at the
        last level character by character."""
        if not levels:
            return self.diff_main(left, right, False)
        pieces = [levels[0].findall(text) for text in (left, right)]
        if len(pieces[0]) + len(pieces[1]) > sys.maxunicode:  # more units than characters to stand for them
            return self.diff_units(left, right, levels[1:])
        if len(pieces[0]) == len(pieces[1]) == 1 and left != right:
            return self.diff_units(left, right, levels[1:])  # one unit each, changed: what matching them would give
        units: list[str] = []
        codes: dict[str, str] = {}

        def encode(pieces: list[str]) -> str:
            for unit in pieces:
                if unit not in codes:
                    codes[unit] = chr(len(units))
                    units.append(unit)
            return "".join(map(codes.__getitem__, pieces))

        coarse = self.diff_main(encode(pieces[0]), encode(pieces[1]), False)
        diffs: list[tuple[int, str]] = []
        run: dict[int, list[str]] = {-1: [], 1: []}
        for op, code in coarse + [(0, "")]:
            text = "".join(units[ord(c)] for c in code)
            if op:
                run[op].append(text)
                continue
            deleted, inserted = "".join(run[-1]), "".join(run[1])
            if deleted and inserted:
                diffs += self.diff_units(deleted, inserted, levels[1:])
            else:
                diffs += [(o, t) for o, t in ((-1, deleted), (1, inserted)) if t]
            run = {-1: [], 1: []}
            if text:
                diffs.append((0, text))
        return diffs


def _ends_with(marks: str) -> re.Pattern:
    """Cuts a folded text into pieces each ending in one of ``marks`` (the
    last may end without)."""
    marks = re.escape(marks)
    return re.compile(f"[^{marks}]*[{marks}]|[^{marks}]+")


# Clauses, then phrases, in folded text (；！？：， are folded to half-width).
_UNITS = (_ends_with("。;!?"), _ends_with("。;!?,:、"))
_DIFF = _ChineseDiff()


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
    diffs = _DIFF.diff_units(folded_left, folded_right, _UNITS)
    _DIFF.diff_cleanupMerge(diffs)
    _DIFF.diff_cleanupSemantic(diffs)
    diffs = _absorb_lone_characters(diffs)

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


def _merge(ops: list[DiffOp]) -> tuple[DiffOp, ...]:
    """Join adjacent ops of the same kind."""
    out: list[DiffOp] = []
    for op in ops:
        if out and out[-1].kind == op.kind:
            last = out.pop()
            op = DiffOp(op.kind, last.left + op.left, last.right + op.right)
        out.append(op)
    return tuple(out)


def shared_runs(left: str, right: str, shortest: int = 2) -> tuple[str, ...]:
    """The runs of at least ``shortest`` characters of ``left`` found
    anywhere in ``right``, in left order, as the left text writes them (both
    folded for width and whitespace first), each the longest that starts
    where it starts: a quick look at what two provisions have in common, for
    text that is not shown diffed (an article alone's candidates). Not the
    display diff (:func:`diff_text`), which keeps order and costs far more on
    unrelated text."""
    a, starts = _folded_with_starts(left)
    b = fold(right)
    out, k = [], 0
    while k < len(a) - 1:
        end = k + 1
        while end < len(a) and a[k : end + 1] in b:
            end += 1
        if end - k >= shortest and a[k:end] in b:
            out.append(left[starts[k] : starts[end]])
            k = end
        else:
            k += 1
    return tuple(out)
