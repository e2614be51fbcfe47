"""Normalisation of form: width, punctuation and spacing inside Chinese text.

Normalisation changes form, never words. Each function here returns the
normalised text together with a count of what it changed, so the audit can
report every change.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from fagui.text.width import FULL_TO_HALF

CJK = "\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·《》"
"""Characters of Chinese text: ideographs and full-width punctuation."""


@cache
def _cjk_re() -> re.Pattern:
    """A character of :data:`CJK`, compiled on first use: a class of some
    27,000 code points takes ~2 ms to compile, which reading and comparing
    canonical text (every diff) never asks for; normalising a source does."""
    return re.compile(f"[{CJK}]")


LINE_SPACE = " \t\u3000"
"""Space, tab and the ideographic space U+3000: the spaces the layout readers
skip inside a line (around a field's colon, inside a label: 第 三 章). The
smallest of the space sets, each the one before it and more: LINE_SPACE,
:data:`INDENT`, :data:`_SPACE`; a regular expression's ``\\s`` holds all but
the byte-order mark. The readers keep the set they were measured with: giving
each the largest would change what they read (a no-break space inside a
label), a change of behaviour for a commit of its own."""
INDENT = LINE_SPACE + "\u00a0\ufeff"
"""The spaces a source line's indentation is made of, as the line reader strips
it: :data:`LINE_SPACE`, no-break space, and a stray byte-order mark."""
_SPACE = INDENT + "\u2002\u2003\u2009\u200b"
"""Every space normalisation strips or removes: :data:`INDENT` and the en, em,
thin and zero-width spaces web pages set."""
_SPACES_RE = re.compile(f"[{_SPACE}]+")

HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

def is_cjk(ch: str) -> bool:
    return bool(ch) and _cjk_re().match(ch) is not None


def normalise(text: str) -> tuple[str, Counter]:
    """Normalise one line of Chinese text; return it with counts by kind.

    - surrounding whitespace is stripped ("indentation");
    - full-width digits and Latin letters become half-width ("full-width digits and letters");
    - half-width ，；：？！（） inside Chinese text become full-width ("half-width punctuation");
    - spaces between Chinese characters, and between Chinese and digits, are
      removed ("spaces inside Chinese text"); spaces between Latin words stay,
      folded to one.

    Normalising a normalised line changes nothing.
    """
    counts: Counter = Counter()
    stripped = text.strip(_SPACE)
    if stripped != text:
        counts["indentation"] += 1
    text = stripped

    width = sum(1 for ch in text if ch in FULL_TO_HALF)
    if width:
        counts["full-width digits and letters"] += width
        text = text.translate(str.maketrans(FULL_TO_HALF))

    text, n = _punctuation(text)
    if n:
        counts["half-width punctuation"] += n

    text, n = _spaces(text)
    if n:
        counts["spaces inside Chinese text"] += n
    return text, counts


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest non-space character from position i in direction step."""
    i += step
    while 0 <= i < len(text) and text[i] in _SPACE:
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _punctuation(text: str) -> tuple[str, int]:
    # A converted mark makes its neighbours Chinese context: repeat until
    # nothing changes, so that normalising twice changes nothing.
    changed = 0
    while True:
        text, n = _punctuation_round(text)
        if not n:
            return text, changed
        changed += n


def _punctuation_round(text: str) -> tuple[str, int]:
    chars = list(text)
    changed = 0
    # Parentheses go by pairs: a pair is Chinese if what it encloses or what
    # stands next to it is Chinese, or it opens the line (an item marker).
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            if (
                _cjk_re().search(text[j + 1 : i])
                or is_cjk(_neighbour(text, j, -1))
                or is_cjk(_neighbour(text, i, 1))
                or not text[:j].strip(_SPACE)
            ):
                chars[j], chars[i] = "（", "）"
                changed += 2
    for i, ch in enumerate(text):
        if ch in ",;:?!":
            before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
            # 1,000 and 12:30 keep their ASCII punctuation.
            between_ascii = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
            if (is_cjk(before) or is_cjk(after)) and not between_ascii:
                chars[i] = HALF_TO_FULL[ch]
                changed += 1
    return "".join(chars), changed


def _spaces(text: str) -> tuple[str, int]:
    removed = 0
    out = []
    pos = 0
    for m in _SPACES_RE.finditer(text):
        out.append(text[pos : m.start()])
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        chinese_gap = (is_cjk(before) and (is_cjk(after) or after.isdigit())) or (
            is_cjk(after) and before.isdigit()
        )
        if chinese_gap:
            removed += m.end() - m.start()
        else:
            if m.group() != " ":
                removed += m.end() - m.start() - 1
            out.append(" ")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), removed

