"""Amounts: money (元, 万元), ranges (一万元以上五万元以下, 一万元至五万元),
bounds (五万元以下), multiples (违法所得一倍以上五倍以下), and amounts no rule
can read (一定数额, 若干), kept as text.

Numbers are read by :func:`fagui.text.numerals.to_number`, the numerals
module ingestion uses; a number it refuses is kept as text, never guessed.
An amount belongs to the *measure* its clause names after it (罚款, 罚金,
赔偿, 奖励 ...) or, failing that, before it (违法所得, 货值金额); amounts of
the same measure are compared with each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fagui.meaning.sanction import sanctioning
from fagui.meaning.terms import Passage, Term, alternation, cached, clause, pair_by, places, scan, unmatched
from fagui.model.meaning import Direction, MeaningChange, MeaningKind
from fagui.text.numerals import AMOUNT_NUMERAL, to_number

N = AMOUNT_NUMERAL
_TO = r"(?:以上|至|到|-|－|~|～)"
MONEY = re.compile(
    rf"(?P<lo>{N})(?P<lounit>元)?{_TO}(?P<hi>{N})元(?:以下)?"
    rf"|(?P<one>{N})元(?P<bound>以上|以下|以内)?"
)
MULTIPLE = re.compile(rf"(?P<lo>{N})倍{_TO}(?P<hi>{N})倍(?:以下)?|(?P<one>{N})倍(?P<bound>以上|以下|以内)?")
UNREADABLE = re.compile(r"(?:一定数额|一定数量|相应数额|若干)")

MEASURES = ("罚款", "罚金", "滞纳金", "违约金", "赔偿金", "赔偿", "补偿", "奖励", "奖金", "补助", "补贴", "资助", "保证金", "押金", "费用")
"""What an amount is of, named after it in its clause."""
BASES = ("违法所得", "货值金额", "违法经营额", "营业额", "销售额", "销售金额", "工程合同价款", "合同价款", "工程款", "投资额")
"""What an amount is of, named before it (a threshold or the base of a multiple)."""
_AFTER = re.compile(alternation(MEASURES))
_BEFORE = re.compile(alternation(BASES))


@dataclass(frozen=True)
class Amount:
    """An amount as read: ``measure`` (罚款), ``unit`` (元, 倍, or "" for one
    no rule can read), ``low`` / ``high`` bounds (None where open; both the
    same for one sum) and the wording of each."""

    measure: str
    unit: str
    low: int | float | None
    high: int | float | None
    low_words: str = ""
    high_words: str = ""


def _read(numeral: str) -> int | float | None:
    try:
        return to_number(numeral)
    except ValueError:
        return None


def _measure(text: str, start: int, end: int) -> str:
    a, b = clause(text, start, end)
    after = _AFTER.search(text, end, b)
    if after:
        return after.group()
    before = [m.group() for m in _BEFORE.finditer(text, a, start)]
    return before[-1] if before else "金额"


def _bounds(m: re.Match, unit: str) -> tuple | None:
    """(low, high, low words, high words) of a match, or None when a number
    in it cannot be read."""
    if m.group("one"):
        value = _read(m.group("one"))
        if value is None:
            return None
        words = m.group("one") + unit
        bound = m.group("bound")
        if bound == "以上":
            return value, None, words, ""
        if bound in ("以下", "以内"):
            return None, value, "", words
        return value, value, words, words
    lo, hi = _read(m.group("lo")), _read(m.group("hi"))
    if lo is None or hi is None:
        return None
    lo_words = m.group("lo")
    if unit == "元" and not m.group("lounit"):
        # 一至五万元: the lower bound takes the upper one's 万 or 亿.
        scale = m.group("hi")[-1]
        if scale in "万亿" and lo_words[-1] not in "千万亿" and lo < hi / (10_000 if scale == "万" else 100_000_000):
            lo *= 10_000 if scale == "万" else 100_000_000
            lo_words += scale
    return lo, hi, lo_words + unit, m.group("hi") + unit


@cached
def amount_terms(passage: Passage) -> list[Term]:
    """Every amount of a passage (``value``: :class:`Amount`), keyed by what
    it reads as: 五万元 and 50000元 are the same amount."""

    def maker(unit: str):
        def make(m: re.Match, text: str, place) -> Term:
            measure = _measure(text, m.start(), m.end())
            bounds = _bounds(m, unit)
            if bounds is None:  # a number no rule reads: the wording is the amount
                amount = Amount(measure, "", None, None, m.group(), m.group())
                return Term(m.group(), (measure, "", m.group()), place, m.start(), amount)
            low, high, lw, hw = bounds
            amount = Amount(measure, unit, low, high, lw, hw)
            return Term(m.group(), (measure, unit, low, high), place, m.start(), amount)

        return make

    def unreadable(m: re.Match, text: str, place) -> Term:
        measure = _measure(text, m.start(), m.end())
        amount = Amount(measure, "", None, None, m.group(), m.group())
        return Term(m.group(), (measure, "", m.group()), place, m.start(), amount)

    terms = scan(passage, MONEY, maker("元"), "元") + scan(passage, MULTIPLE, maker("倍"), "倍") + scan(passage, UNREADABLE, unreadable)
    return sorted(terms, key=lambda t: (t.place.block, t.start))


@lru_cache(maxsize=64)
def _paired(left: Passage, right: Passage) -> tuple[tuple[Term | None, Term | None], ...]:
    """Amounts of the two sides, those both have set aside, paired in order
    by measure and unit first (money with money), then by measure alone.
    Made once per two passages: each of the four rules reads them."""
    lt, rt = unmatched(amount_terms(left), amount_terms(right))
    if not lt and not rt:
        return ()
    first = list(pair_by(lt, rt, group=lambda t: (t.value.measure, t.value.unit)))
    both = [(a, b) for a, b in first if a and b]
    rest_l = [a for a, b in first if a and not b]
    rest_r = [b for a, b in first if b and not a]
    return tuple(both + list(pair_by(rest_l, rest_r, group=lambda t: t.value.measure)))


def _sign(a, b) -> int | None:
    if a is None or b is None:
        return None
    return (b > a) - (b < a)


def direction(left: Amount, right: Amount) -> Direction:
    """How ``right`` stands to ``left``: raised (no bound down, one up),
    lowered, widened (lower bound down, upper up), narrowed, or changed
    (another unit, a bound only one side has, an amount no rule reads)."""
    if left.unit != right.unit or not left.unit:
        return Direction.CHANGED
    if (left.low is None) != (right.low is None) or (left.high is None) != (right.high is None):
        return Direction.CHANGED
    signs = [s for s in (_sign(left.low, right.low), _sign(left.high, right.high)) if s is not None]
    lo, hi = _sign(left.low, right.low), _sign(left.high, right.high)
    if lo is not None and hi is not None and lo < 0 < hi:
        return Direction.WIDENED
    if lo is not None and hi is not None and hi < 0 < lo:
        return Direction.NARROWED
    if any(s > 0 for s in signs) and all(s >= 0 for s in signs):
        return Direction.RAISED
    if any(s < 0 for s in signs) and all(s <= 0 for s in signs):
        return Direction.LOWERED
    return Direction.CHANGED


def says(left: Amount | None, right: Amount | None, left_words: str = "", right_words: str = "") -> str:
    """The change in Chinese: 罚款上限由五万元提高至十万元."""
    if left is None or right is None:
        a = left or right
        return f"{'新增' if right else '删去'}{a.measure}数额：{right_words or left_words}"
    m = right.measure
    d = direction(left, right)
    if d is Direction.CHANGED:
        return f"{m}数额由“{left_words}”改为“{right_words}”"
    parts = []
    for name, a, b, wa, wb in (
        ("下限", left.low, right.low, left.low_words, right.low_words),
        ("上限", left.high, right.high, left.high_words, right.high_words),
    ):
        if a is not None and b is not None and a != b:
            parts.append(f"{name}由{wa}{'提高至' if b > a else '降低至'}{wb}")
    if left.low == left.high and right.low == right.high:  # one sum, not a range
        return f"{m}由{left.low_words}{'提高至' if right.low > left.low else '降低至'}{right.low_words}"
    return m + "，".join(parts)


def _change(lt: Term | None, rt: Term | None, rule: str) -> MeaningChange:
    left, right = (lt.value if lt else None), (rt.value if rt else None)
    if left and right:
        d = direction(left, right)
    else:
        d = Direction.ADDED if right else Direction.REMOVED
    return MeaningChange(
        MeaningKind.AMOUNT,
        lt.wording if lt else "",
        rt.wording if rt else "",
        d,
        places(lt, rt),
        rule,
        says(left, right, lt.wording if lt else "", rt.wording if rt else ""),
    )


def money_amount_changed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """A sum of money of one measure (罚款, 赔偿 ...) read on both sides as
    numbers, with other values: raised, lowered, widened, narrowed, or changed
    when a bound appears or goes. Amounts of a measure and unit are paired in
    order, after setting aside those both sides have (the same value,
    however written)."""
    return tuple(
        _change(a, b, "money_amount_changed")
        for a, b in _paired(left, right)
        if a and b and a.value.unit == b.value.unit == "元"
    )


def multiple_changed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """A multiple (违法所得一倍以上五倍以下) of one measure with other values on
    the two sides, compared as money is."""
    return tuple(
        _change(a, b, "multiple_changed")
        for a, b in _paired(left, right)
        if a and b and a.value.unit == b.value.unit == "倍"
    )


def amount_form_changed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """An amount of one measure written so the two sides cannot be compared
    as numbers: money on one side and a multiple on the other, or an amount
    no rule can read (一定数额, 若干, 一二万元) on either side. Reported as
    *changed*, with both wordings as written; nothing is guessed."""
    return tuple(
        _change(a, b, "amount_form_changed")
        for a, b in _paired(left, right)
        if a and b and (a.value.unit != b.value.unit or not a.value.unit)
    )


def amount_added_or_removed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """An amount of a measure on one side only (a fine the other side does
    not set, or a threshold it does not have): *added* or *removed*;
    *removed* only where the right side itself sets out sanctions (as
    :func:`fagui.meaning.sanction.sanction_added_or_removed` says)."""
    keep_removed = sanctioning(right)
    return tuple(
        _change(a, b, "amount_added_or_removed") for a, b in _paired(left, right) if not (a and b) and (b or keep_removed)
    )


RULES = (
    ("money_amount_changed", money_amount_changed),
    ("multiple_changed", multiple_changed),
    ("amount_form_changed", amount_form_changed),
    ("amount_added_or_removed", amount_added_or_removed),
)
