"""Time limits: periods (十五日, 10个工作日, 三个月, 一年, 二十四小时) and
the point they run from (自收到申请之日起).

A number before 年, 月 or 日 that is part of a date (2021年3月12日, 1月1日)
or an age (十八周岁) is no period.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fagui.meaning.terms import Passage, Term, cached, pair_by, places, scan, unmatched
from fagui.model.meaning import Direction, MeaningChange, MeaningKind
from fagui.text.numerals import AMOUNT_NUMERAL, to_number

PERIOD = re.compile(rf"(?P<n>{AMOUNT_NUMERAL})(?P<unit>个工作日|工作日|个小时|小时|分钟|个月|个季度|日|天|周|年)")
LIMIT_BEFORE = re.compile(r"(?:之日起|日起|起|自|于|在|逾期|超过|不超过|最迟|最长|期限|届满|满|延长|提前)[^，。；]{0,20}$")
LIMIT_AFTER = re.compile(r"(?:内|以内|之内|前|后|届满|期满|为限|以上|以下)")
NOT_A_LIMIT = re.compile(r"(?:未来|每|连续|近|最近)$")
"""A period limits an act when its clause says so: a start point or a
bound before it (自…之日起, 逾期, 不超过, 最迟), or 内/前/后/届满 after it; a
forecast horizon (未来四十八小时), a frequency (每年) or a span (连续三年) is no
time limit."""
START = re.compile(r"自(?P<from>[^，。；、自]{1,30}?)(?:之日|之次日|次日|之时|时)起")

DAYS = {"分钟": 1 / 1440, "个小时": 1 / 24, "小时": 1 / 24, "日": 1, "天": 1, "周": 7, "个月": 30, "个季度": 91, "年": 365}
"""Calendar units in days, to say which of two periods is longer."""
WORKING = {"个工作日", "工作日"}


@cached
def period_terms(passage: Passage) -> list[Term]:
    """Every time limit of a passage (``value``: (number, unit, days or None
    for working days)): a period its clause marks as a limit (see
    :data:`LIMIT_BEFORE`); dates, ages and year counts (2021年, 年度) are not
    periods. A number no rule reads is kept as text: its key is its wording."""

    def make(m: re.Match, text: str, place) -> Term | None:
        unit, start, end = m.group("unit"), m.start(), m.end()
        before, after = text[start - 1 : start], text[end : end + 1]
        if unit in ("日", "天") and before in ("月", "每"):
            return None  # 3月12日: a date
        if unit == "年" and (after in ("度", "龄", "级", "满") or re.match(rf"{AMOUNT_NUMERAL}月", text[end:])):
            return None  # 2021年3月, 年度
        if unit == "周" and after == "岁":
            return None
        if before == "第":
            return None  # 第三日: a day, not a period
        a = max(text.rfind(ch, 0, start) for ch in "。；，") + 1
        if NOT_A_LIMIT.search(text, a, start) or not (LIMIT_AFTER.match(text, end) or LIMIT_BEFORE.search(text[a:start])):
            return None
        try:
            n = to_number(m.group("n"))
        except ValueError:
            return Term(m.group(), ("text", m.group()), place, start, (m.group("n"), unit, None))
        if unit == "年" and n >= 1900:
            return None  # a year
        days = None if unit in WORKING else n * DAYS[unit]
        key = ("working", n) if unit in WORKING else ("days", days)
        return Term(m.group(), key, place, start, (n, unit, days))

    return scan(passage, PERIOD, make)


def _direction(a: Term, b: Term) -> Direction:
    (_, ua, da), (_, ub, db) = a.value, b.value
    if da is not None and db is not None:
        return Direction.LONGER if db > da else Direction.SHORTER
    if ua in WORKING and ub in WORKING and a.key[0] == b.key[0] == "working":
        return Direction.LONGER if b.value[0] > a.value[0] else Direction.SHORTER
    return Direction.CHANGED  # 日 against 工作日, or a number no rule reads


_VERB = {Direction.LONGER: "延长为", Direction.SHORTER: "缩短为", Direction.CHANGED: "改为"}


def _change(a: Term | None, b: Term | None, rule: str) -> MeaningChange:
    if a and b:
        d = _direction(a, b)
        says = f"期限由{a.wording}{_VERB[d]}{b.wording}"
    else:
        d = Direction.ADDED if b else Direction.REMOVED
        says = f"{'新增' if b else '删去'}期限：{(a or b).wording}"
    return MeaningChange(MeaningKind.TIME_LIMIT, a.wording if a else "", b.wording if b else "", d, places(a, b), rule, says)


@lru_cache(maxsize=64)
def _paired(left: Passage, right: Passage) -> tuple[tuple[Term | None, Term | None], ...]:
    """Periods of the two sides, those both have set aside, paired in order;
    made once per two passages: both period rules read them."""
    lt, rt = unmatched(period_terms(left), period_terms(right))
    return tuple(pair_by(lt, rt, group=lambda t: None))


def period_changed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """A period with another length on the other side: *longer* or *shorter*
    (calendar units compared in days, working days with working days), or
    *changed* (日 against 工作日; a number no rule reads). Periods both sides
    have are set aside, the rest paired in order."""
    return tuple(_change(a, b, "period_changed") for a, b in _paired(left, right) if a and b)


def period_added_or_removed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """A period on one side only, once the periods both sides have are set
    aside and the rest paired in order (see :func:`period_changed`): a time
    limit *added* or *removed*."""
    return tuple(_change(a, b, "period_added_or_removed") for a, b in _paired(left, right) if not (a and b))


def start_point_changed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """The point a period runs from (自收到申请之日起 -> 自受理之日起) worded
    otherwise on the other side, paired in order after setting aside those
    both sides have. One on one side only comes and goes with its period,
    which :func:`period_added_or_removed` reports."""

    def make(m: re.Match, text: str, place) -> Term:
        return Term(m.group(), m.group("from"), place, m.start())

    lt, rt = unmatched(scan(left, START, make), scan(right, START, make))
    out = []
    for a, b in pair_by(lt, rt, group=lambda t: None):
        if a and b:
            says = f"起算点由“{a.wording}”改为“{b.wording}”"
            out.append(MeaningChange(MeaningKind.TIME_LIMIT, a.wording, b.wording, Direction.CHANGED, places(a, b), "start_point_changed", says))
    return tuple(out)


RULES = (
    ("period_changed", period_changed),
    ("period_added_or_removed", period_added_or_removed),
    ("start_point_changed", start_point_changed),
)
