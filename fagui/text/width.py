"""Width: full-width and half-width forms of the same character, and how
wide a text is where each character takes one or two columns.

Three tools, for three jobs:

* ``fold`` (for comparing): full-width ASCII (``，`` ``１`` ``Ａ``) becomes
  half-width and every whitespace character is dropped, so differences of
  width and spacing never count as differences of wording;
* ``FULL_TO_HALF`` (for normalising a source): full-width digits and Latin
  letters, the only full-width forms canonical text writes half-width;
* ``columns`` (for laying text out in columns): a Chinese character, like
  every wide or full-width one, takes two columns of a terminal.
"""

from __future__ import annotations

import re
import unicodedata

# Half-width forms of the few CJK punctuation marks that have one.
_HALFWIDTH_CJK = {"｡": "。", "､": "、", "｢": "「", "｣": "」"}

_FULLWIDTH_ASCII = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}

FULL_TO_HALF = {full: half for full, half in _FULLWIDTH_ASCII.items() if half.isalnum()}
"""Full-width digits and Latin letters -> their half-width forms."""


def _fold_table() -> dict[str, str]:
    table = {chr(c): "" for c in range(0x3001) if chr(c).isspace()}
    table.update(_FULLWIDTH_ASCII)
    table.update(_HALFWIDTH_CJK)
    return table


# Every whitespace character is below U+3001 (U+3000 is the ideographic space).
_FOLD = _fold_table()
# A regular expression finds the few characters to change; str.translate
# would look every character up in the table (about twice as slow here).
_FOLDABLE = re.compile("[" + "".join(map(re.escape, _FOLD)) + "]")


def _fold_match(match: re.Match, table=_FOLD) -> str:
    return table[match.group()]


def fold(text: str) -> str:
    """``text`` with full-width ASCII made half-width and whitespace removed;
    every other character is kept, one for one."""
    return _FOLDABLE.sub(_fold_match, text)


def columns(text: str) -> int:
    """How many columns ``text`` takes in a terminal: two for a wide or
    full-width character (East Asian Width W or F: 汉字, ，, １), one for
    any other.

    >>> columns("第十二条"), columns("p=0.5"), columns("第八条，p")
    (8, 5, 9)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
