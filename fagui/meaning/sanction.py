"""Sanctions: what a liability provision imposes (警告, 通报批评, 罚款, 没收,
责令停产停业, 吊销, 拘留, 处分, 追究刑事责任 ...).

A sanction someone has undergone (被依法追究刑事责任的, 受到行政处罚的) is a
condition, not a sanction the provision imposes, and is not counted.
"""

from __future__ import annotations

import re

from fagui.meaning.terms import Passage, Term, alternation, cached, clause, places, scan
from fagui.model.meaning import Direction, MeaningChange, MeaningKind

SANCTIONS = {
    "警告": "警告",
    "通报批评": "通报批评",
    "罚款": "罚款",
    "罚金": "罚金",
    "没收违法所得": "没收违法所得",
    "没收非法财物": "没收非法财物",
    "没收": "没收",
    "暂扣": "暂扣许可证件",
    "降低资质等级": "降低资质等级",
    "吊销": "吊销许可证件或者执照",
    "限制开展生产经营活动": "限制开展生产经营活动",
    "责令停产停业": "责令停产停业",
    "责令停业整顿": "责令停产停业",
    "停业整顿": "责令停产停业",
    "责令关闭": "责令关闭",
    "限制从业": "限制从业",
    "行政拘留": "行政拘留",
    "拘留": "行政拘留",
    "治安管理处罚": "治安管理处罚",
    "处分": "处分",
    "追究刑事责任": "追究刑事责任",
}
"""Wordings of sanctions and the sanction each names. 责令改正 is not among
them: an order to put a wrong right is no penalty (行政处罚法第二十八条)."""

_SANCTION = re.compile(alternation(SANCTIONS))
_UNDERGONE = re.compile(r"(?:被|受到|受过|曾|已经|已)")


@cached
def sanction_terms(passage: Passage) -> list[Term]:
    """The sanctions a passage imposes, each named once (the first place it
    stands), not counting those its clause says someone underwent."""
    seen: set[str] = set()

    def make(m: re.Match, text: str, place) -> Term | None:
        a, _ = clause(text, m.start(), m.end())
        if _UNDERGONE.search(text, a, m.start()):
            return None
        name = SANCTIONS[m.group()]
        if name in seen:
            return None
        seen.add(name)
        return Term(m.group(), name, place, m.start())

    return scan(passage, _SANCTION, make)


def sanctioning(passage: Passage) -> bool:
    """Whether a passage itself sets out sanctions: it names one (罚款, 警告
    ...). One that only refers on (依法处罚, 依法处理) does not."""
    return bool(sanction_terms(passage))


def sanction_added_or_removed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """A sanction one side imposes and the other does not: *added* (only on
    the right) or *removed*. Counted by the sanction named (拘留 and 行政拘留
    are one), once a passage. *Removed* only where the right side itself sets
    out sanctions: one that refers on (依法处理) or sets none leaves the
    left's sanctions as they were."""
    lt, rt = sanction_terms(left), sanction_terms(right)
    if not sanctioning(right):
        lt = []
    in_l, in_r = {t.key for t in lt}, {t.key for t in rt}
    out = [
        MeaningChange(MeaningKind.SANCTION, t.wording, "", Direction.REMOVED, places(t, None), "sanction_added_or_removed", f"删去处罚：{t.key}")
        for t in lt
        if t.key not in in_r
    ]
    out += [
        MeaningChange(MeaningKind.SANCTION, "", t.wording, Direction.ADDED, places(None, t), "sanction_added_or_removed", f"新增处罚：{t.key}")
        for t in rt
        if t.key not in in_l
    ]
    return tuple(out)


RULES = (("sanction_added_or_removed", sanction_added_or_removed),)
