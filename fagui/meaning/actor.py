"""Actors: who must act or decide (the holder of a modal verb: 国家安全机关
应当, 县级以上人民政府可以) and who is acted upon (the bodies and subjects a
provision names: 公安机关, 有关部门, 单位, 个人, 公民).

Actors are compared only where both sides have text: an article on one side
only names its actors, it does not change them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from fagui.meaning.modality import MODAL_NAMES, SAME_CLAUSE, Modal, same_clause_pairs
from fagui.meaning.similar import bigrams, dice
from fagui.meaning.terms import Passage, Term, alternation, cached, clause, pair_by, places, unmatched
from fagui.model.meaning import Direction, MeaningChange, MeaningKind

BODY_ENDS = (
    "国务院",
    "人民政府",
    "机关",
    "部门",
    "机构",
    "委员会",
    "办事处",
    "人民法院",
    "人民检察院",
    "单位",
    "个人",
    "公民",
    "法人",
    "其他组织",
    "社会组织",
    "企业",
)
"""How the name of a body or a subject ends."""

STOPS = (
    "由", "向", "对", "经", "报", "会同", "并", "将", "请", "应当", "可以", "依法", "协助", "配合", "督促", "指导",
    "组织", "通知", "告知", "通报", "提请", "要求", "责令", "在", "为", "被", "给", "同", "商", "鼓励", "支持",
    "引导", "的", "接受", "做好", "按照", "依照", "根据", "负责", "进行", "开展", "加强", "建立", "确定", "制定", "提供",
    "调整", "设置", "明确", "列入", "保护", "领导", "部署", "指定", "委托", "授权", "会商", "征求", "征得", "统称",
    "简称", "以下", "未设", "设立", "使用", "必须", "不", "提高", "增强", "实施", "除", "或者", "移送", "报送", "报告",
    "事先", "通过", "利用", "听取", "批准", "备案", "审议", "监督", "检查",
)
"""Words no name holds: a name starts after the last of them in its phrase
(由公安机关 -> 公安机关, 定期调整重点单位 -> 重点单位)."""

NOT_A_NAME_AFTER = ("规章", "负责人", "工作人员", "人员", "职责", "名录", "内部", "所在地", "名称", "文件", "行为", "职能", "安全机构")
"""What may follow a body word to make another noun of it."""

DELIMITERS = "，。；：、（）《》“”？！和与及\n"
ENUMERATED_LEVELS = ("省、自治区、直辖市", "市、区、县", "市、县、区", "区、县", "县、区", "市、区", "市、县", "乡、镇")
"""Levels written as a list, which are part of one name (省、自治区、直辖市气象主管机构)."""
NAME_MAX = 14

_END = alternation(BODY_ENDS)
_NAME = re.compile(rf"(?:{_END})(?:(?:有关|事业|相关|所属|及其有关|及其)?(?:{_END}))*")
"""A body word, and any more that follow within a few characters: 企业事业单位,
县级以上人民政府有关部门 are one name each."""
_STOP = re.compile(alternation(STOPS))
_DELIMITER = re.compile(f"[{re.escape(DELIMITERS)}]")


@cached
def body_terms(passage: Passage) -> list[Term]:
    """The bodies and subjects a passage names, once each: a phrase (between
    punctuation and 和, 与, 及, 或, 会同) that ends in a body word (人民政府,
    机关, 部门, 单位, 个人 ...), from after the last word no name holds (由, 向,
    告知, 的 ...: :data:`STOPS`); a phrase longer than ``NAME_MAX`` is not
    taken for a name, nor a body word that begins another noun (部门规章,
    单位负责人). 国家安全机关和公安机关 names two."""
    out: list[Term] = []
    seen: set[str] = set()
    for place, text in passage.blocks:
        scanned = text
        for levels in ENUMERATED_LEVELS if "、" in text else ():  # every one is a list written with 、
            scanned = scanned.replace(levels, levels.replace("、", "·"))
        delimiters = None  # where the delimiters stand, found once a block is found to name a body
        for m in _NAME.finditer(scanned):
            if text.startswith(NOT_A_NAME_AFTER, m.end()):
                continue
            if delimiters is None:
                delimiters = [d.start() for d in _DELIMITER.finditer(scanned)]
            k = bisect_left(delimiters, m.start())
            start = delimiters[k - 1] + 1 if k else 0  # after the last delimiter before the name
            together = text.rfind("会同", start, m.start())
            start = together + 2 if together >= 0 else start
            for stop in _STOP.finditer(text, start, m.start()):
                if not text.startswith(ENUMERATED_LEVELS, start) or stop.start() >= start + 9:
                    start = stop.end()
            name = text[start : m.end()]
            if len(name) > NAME_MAX or name in seen:
                continue
            seen.add(name)
            out.append(Term(name, name, place, start))
    return out


LEVELS = {
    "national": ("国务院", "国家", "中央"),
    "all": ("地方各级", "各级"),
    "county_up": ("县级以上地方各级", "县级以上地方", "县级以上各级", "县级以上"),
    "local": (
        "省、自治区、直辖市", "设区的市级以上", "设区的市", "市和区、县", "市、区、县", "市和区", "区、县", "市、区", "市、县",
        "县、区", "乡、镇", "乡镇", "省级", "市级", "县级", "区级", "乡级", "本级", "地方", "省", "市", "区", "县", "乡", "镇",
    ),
}
"""Words that say at which level of government a body stands. A local text
names the level it has: 县级以上人民政府 becomes 市和区人民政府 in a
municipality, 省、自治区、直辖市气象主管机构 becomes 市气象主管机构."""

_LEVEL = re.compile("(?:" + "|".join(f"(?P<{k}>{alternation(v)})" for k, v in LEVELS.items()) + ")")


def level_and_body(name: str) -> tuple[frozenset[str], str]:
    """A name's level words (by class) and the rest: 县级以上人民政府有关部门
    -> ({"county_up"}, 人民政府有关部门)."""
    classes = set()
    while (m := _LEVEL.match(name)) and m.end() < len(name):
        classes.add(m.lastgroup)
        name = name[m.end() :]
    return frozenset(classes), name


def same_body(a: str, b: str) -> bool:
    """Whether two names are one body at one level: the same once level words
    are set aside, their levels alike. A local equivalent is the same level
    (县级以上, 省、自治区、直辖市 and 市、区 are the levels a local text has); the
    national level is another, and 各级 (townships too) is not 县级以上."""
    (la, ra), (lb, rb) = level_and_body(a), level_and_body(b)
    if ra != rb:
        return False
    if ("national" in la) != ("national" in lb):
        return False
    return not ({"all", "county_up"} <= la | lb and la != lb and not ({"local"} & (la | lb)))


_END_RE = re.compile(_END)


def _holder_changes(left: Passage, right: Passage) -> tuple[tuple[Term, Term], ...]:
    """Modal verbs of one kind in the same provision whose holders are other
    bodies (see :func:`same_clause_pairs`)."""
    return tuple(
        (a, b)
        for a, b, _ in same_clause_pairs(left, right)
        if a.value[0] is b.value[0] and a.value[1] and b.value[1] and not same_body(a.value[1], b.value[1])
        and _END_RE.search(a.value[1]) and _END_RE.search(b.value[1])
    )


def duty_holder_changed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """A modal verb of one kind in the same provision (see
    :func:`fagui.meaning.modality.same_clause_pairs`) binds another body:
    国家安全机关应当 -> 县级以上人民政府应当. Both holders must name a body (end in
    a body word); one body at one level under its local name (县级以上人民政府
    -> 市和区人民政府, see :func:`same_body`) is no change."""
    if not left.blocks or not right.blocks:
        return ()
    out = []
    for a, b in _holder_changes(left, right):
        modal: Modal = a.value[0]
        out.append(
            MeaningChange(
                MeaningKind.ACTOR,
                a.value[1],
                b.value[1],
                Direction.CHANGED,
                places(a, b),
                "duty_holder_changed",
                f"{MODAL_NAMES[modal]}主体由{a.value[1]}改为{b.value[1]}",
            )
        )
    return tuple(out)


def body_changed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """A body or subject named in a provision on one side where another
    stands on the other (公安机关 -> 国家安全机关): the two in alike clauses (the
    rest of the clause, Dice ``SAME_CLAUSE``) and not one body at one level
    under its local name (:func:`same_body`). A name with no counterpart is
    not reported: a provision rewritten names its bodies anew. A name inside
    a holder :func:`duty_holder_changed` reports is left to it."""
    if not left.blocks or not right.blocks:
        return ()
    holders = [h for a, b in _holder_changes(left, right) for h in (a.value[1], b.value[1])]
    lt, rt = unmatched(body_terms(left), body_terms(right))
    lt = [t for t in lt if not any(t.key in h for h in holders)]
    rt = [t for t in rt if not any(t.key in h for h in holders)]
    out = []
    for a, b in _same_place(lt, rt, dict(left.blocks), dict(right.blocks)):
        if a and b and not same_body(a.wording, b.wording):
            says = f"主体由{a.wording}改为{b.wording}"
            out.append(MeaningChange(MeaningKind.ACTOR, a.wording, b.wording, Direction.CHANGED, places(a, b), "body_changed", says))
    return tuple(out)


def _context(term: Term, text: str) -> str:
    a, b = clause(text, term.start, term.start + len(term.wording))
    return text[a : term.start] + text[term.start + len(term.wording) : b]


def _same_place(lt: list[Term], rt: list[Term], ltext: dict, rtext: dict) -> list[tuple[Term | None, Term | None]]:
    """Names of the two sides paired where they stand in alike clauses (the
    rest of the clause, Dice ``SAME_CLAUSE``), best first; the rest alone."""
    cl = [(x, bigrams(x)) for x in (_context(a, ltext[a.place]) for a in lt)]
    cr = [(y, bigrams(y)) for y in (_context(b, rtext[b.place]) for b in rt)]
    scores = ((-dice(x, y, gx, gy), i, j) for i, (x, gx) in enumerate(cl) for j, (y, gy) in enumerate(cr))
    candidates = sorted(c for c in scores if -c[0] >= SAME_CLAUSE)  # those below pair nothing
    used_l, used_r, out = set(), set(), []
    for score, i, j in candidates:
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            out.append((lt[i], rt[j]))
    out += [(t, None) for i, t in enumerate(lt) if i not in used_l]
    out += [(None, t) for j, t in enumerate(rt) if j not in used_r]
    return sorted(out, key=lambda p: ((p[1] or p[0]).place.block, (p[1] or p[0]).start))


RULES = (("duty_holder_changed", duty_holder_changed), ("body_changed", body_changed))
