"""Flags for a reviewer (备案审查): clauses a reviewer should read, each
naming the rule it rests on. A flag is never a verdict: the rule says what
to look at, the reviewer decides.

Flag rules share one signature, ``rule(left: Passage, right: Passage,
texts: Texts) -> tuple[Flag, ...]``, over the same passages as the meaning
recognisers (a linked pair; an article on one side only against nothing),
and their docstrings are the rules. :func:`flags` runs them over a
comparison's pairs and *shares* links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from fagui.meaning import passage
from fagui.meaning.actor import same_body
from fagui.meaning.amount import Amount, amount_terms
from fagui.meaning.modality import MODAL_NAMES, Modal, changed_modals
from fagui.meaning.sanction import sanction_terms
from fagui.meaning.terms import Passage, Term, clause, places, scan, unmatched
from fagui.model.comparison import ArticleLink, ArticlePair, ArticleRef, Mode, Side
from fagui.model.decisions import Strength
from fagui.model.meaning import Flag, FlagRule
from fagui.model.regulation import Level, Metadata


@dataclass(frozen=True)
class Texts:
    """What the flag rules need to know of the two texts: ``left_higher``,
    the left text is a national text the right (local) one implements;
    ``right_rule``, the right text is a local government rule (地方政府规章)."""

    left_higher: bool
    right_rule: bool


_GOVERNMENT = re.compile(r"(?:人民政府|政府|政府办公厅)$")


def is_local_government_rule(meta: Metadata) -> bool:
    """A 地方政府规章: its kind says so, or (no kind stated) a local text
    whose issuer is a people's government (吉林省人民政府, 浙江省政府)."""
    if meta.kind:
        return "政府规章" in meta.kind
    return meta.level not in (None, Level.NATIONAL) and bool(meta.issuer and _GOVERNMENT.search(meta.issuer))


def texts_of(left: Metadata, right: Metadata, mode: Mode) -> Texts:
    """The :class:`Texts` of a comparison: the left is higher only between
    jurisdictions, a national text against a local one."""
    higher = mode == Mode.JURISDICTIONS and left.level == Level.NATIONAL and right.level not in (None, Level.NATIONAL)
    return Texts(higher, is_local_government_rule(right))


def _fine_words(a: Amount) -> str:
    if a.low is not None and a.high is not None and a.low != a.high:
        return f"{a.low_words}至{a.high_words}"
    return a.high_words or a.low_words


PENALTIES = ("罚款", "罚金")
"""Measures that are penalties: a threshold (货值金额不足一万元的) or the base
of a multiple is what a penalty depends on, not one."""

SAME_CONDUCT = 0.5
"""A local fine is measured against the higher provision's only where its
paragraph or item shares this much of its wording (bigrams) with that
provision: the same conduct, not another one beside it."""

_PUNCTUATION = re.compile(r"[，。；：、（）“”《》]")


def _grams(text: str) -> set[str]:
    text = _PUNCTUATION.sub("", text)
    return {text[k : k + 2] for k in range(len(text) - 1)}


def penalty_beyond_higher(left: Passage, right: Passage, texts: Texts) -> tuple[Flag, ...]:
    """A local provision's penalty amount (罚款, 罚金) outside the range
    the linked higher-level provision sets for it in the same unit: an upper
    bound above the highest upper bound there (or none where there is one),
    a lower bound below the lowest lower bound there; only where the local
    paragraph or item describes the same conduct (it shares
    ``SAME_CONDUCT`` of its wording with the higher provision). Rests on 行政处罚法第十二条第二款
    (地方性法规) or 第十四条第一款 (地方政府规章): a local text that details a
    penalty stays within the 种类和幅度 the higher text sets."""
    if not texts.left_higher or not left.blocks:
        return ()
    basis = "行政处罚法第十四条第一款" if texts.right_rule else "行政处罚法第十二条第二款"
    higher: dict[tuple[str, str], list[Amount]] = {}
    for t in amount_terms(left):
        if t.value.unit:
            higher.setdefault((t.value.measure, t.value.unit), []).append(t.value)
    out = []
    conduct = None  # the higher provision's bigrams, made for the first penalty it also sets
    blocks = dict(right.blocks)
    for t in amount_terms(right):
        a: Amount = t.value
        there = higher.get((a.measure, a.unit))
        if not there or a.measure not in PENALTIES:
            continue
        conduct = conduct if conduct is not None else _grams("".join(text for _, text in left.blocks))
        mine = _grams(blocks[t.place])
        if len(mine & conduct) < SAME_CONDUCT * len(mine):
            continue  # a fine for conduct the higher provision does not describe
        highs = [x.high for x in there]
        lows = [x.low for x in there if x.low is not None]
        top = None if None in highs else max(highs)
        if top is not None and (a.high is None or a.high > top):
            beyond = f"上限{a.high_words or '（未设上限）'}超出上位法规定的{next(x.high_words for x in there if x.high == top)}"
        elif lows and a.low is not None and a.low < min(lows):
            beyond = f"下限{a.low_words}低于上位法规定的{next(x.low_words for x in there if x.low == min(lows))}"
        else:
            continue
        wording = " / ".join(_fine_words(x) for x in there)
        out.append(
            Flag(FlagRule.PENALTY_BEYOND_HIGHER, basis, wording, t.wording, (left.blocks[0][0], t.place), f"{a.measure}{beyond}")
        )
    return tuple(out)


BEYOND_RULE_POWER = frozenset(
    {"没收违法所得", "没收非法财物", "没收", "暂扣许可证件", "降低资质等级", "吊销许可证件或者执照", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留"}
)
"""行政处罚 a 地方政府规章 may not set (行政处罚法第十四条第二款 allows 警告, 通报批评 and a fine)."""

_RESTATES = re.compile(r"依法|(?:依照|依据|按照|根据)[^。；]*?(?:规定|法)")


def _new(left: Passage, right: Passage, terms: Callable[[Passage], list[Term]]) -> list[Term]:
    """The terms of the right passage the left one does not have, less those
    whose sentence before them says they come from another law (依法,
    依照《…》的规定 …)."""
    _, rt = unmatched(terms(left), terms(right))
    text = dict(right.blocks)
    out = []
    for t in rt:
        whole = text[t.place]
        sentence_start = max(whole.rfind(ch, 0, t.start) for ch in "。；") + 1
        if not _RESTATES.search(whole, sentence_start, t.start):
            out.append(t)
    return out


def rule_penalty_beyond_power(left: Passage, right: Passage, texts: Texts) -> tuple[Flag, ...]:
    """A local government rule (地方政府规章) that sets a 行政处罚 other than
    警告, 通报批评 and a fine (没收, 暂扣, 吊销, 责令停产停业, 责令关闭, 限制从业,
    行政拘留 ...) which the linked provision of the other text does not set,
    and not by restating another law (依照《…》的规定). Rests on
    行政处罚法第十四条第二款."""
    if not texts.right_rule:
        return ()
    return tuple(
        Flag(FlagRule.RULE_PENALTY_BEYOND_POWER, "行政处罚法第十四条第二款", "", t.wording, places(None, t), f"政府规章设定{t.key}")
        for t in _new(left, right, sanction_terms)
        if t.key in BEYOND_RULE_POWER
    )


LICENCE = re.compile(
    r"(?:未经|须经|应当经|必须经|应经)[^，。；]{0,20}?(?:批准|许可|审批|核准)"
    r"|(?:取得|领取|申领|办理)[^，。；]{0,15}?(?:许可证|许可|资质证书|经营证)"
)


def rule_creates_licence(left: Passage, right: Passage, texts: Texts) -> tuple[Flag, ...]:
    """A local government rule whose provision makes an activity need
    approval (未经…批准不得, 应当经…许可, 取得…许可证) that the linked provision
    of the other text does not, and not by restating another law. Rests on
    行政许可法第十五条至第十七条 (a 规章 may detail a licence a law or regulation
    sets; only a provincial government's, and only for a year, may set one)."""
    if not texts.right_rule:
        return ()

    def terms(p: Passage) -> list[Term]:
        return scan(p, LICENCE, lambda m, text, place: Term(m.group(), m.group(), place, m.start()))

    return tuple(
        Flag(FlagRule.RULE_CREATES_LICENCE, "行政许可法第十五条至第十七条", "", t.wording, places(None, t), f"政府规章设定行政许可：{t.wording}")
        for t in _new(left, right, terms)
    )


COERCIVE = re.compile(r"查封|扣押|冻结|强制隔离|强制拆除|强制清除|代履行|限制人身自由|强制执行")


def rule_coercive_measure(left: Passage, right: Passage, texts: Texts) -> tuple[Flag, ...]:
    """A local government rule whose provision sets a 行政强制 measure (查封,
    扣押, 冻结, 强制拆除, 代履行, 强制执行 ...) that the linked provision of the
    other text does not, and not by restating another law (依照《…》的规定,
    申请人民法院强制执行 is neither). Rests on 行政强制法第十条第四款 and 第十三条."""
    if not texts.right_rule:
        return ()

    def terms(p: Passage) -> list[Term]:
        return scan(p, COERCIVE, lambda m, text, place: None if "法院" in text[clause(text, m.start(), m.end())[0] : m.start()] else Term(m.group(), m.group(), place, m.start()))

    return tuple(
        Flag(FlagRule.RULE_COERCIVE_MEASURE, "行政强制法第十条第四款、第十三条", "", t.wording, places(None, t), f"政府规章设定行政强制：{t.wording}")
        for t in _new(left, right, terms)
    )


FLAG_SAME_PROVISION = 0.5
"""How alike two modal verbs' provisions must be for a flag (see
:func:`fagui.meaning.modality.same_clause_pairs`): more than a meaning change
asks, since a flag claims the local text relaxes that very duty."""


def duty_became_permission(left: Passage, right: Passage, texts: Texts) -> tuple[Flag, ...]:
    """A local provision that turns a duty (应当, 必须) of the linked national
    provision into a permission or an encouragement (可以, 鼓励) in the same
    provision, as :func:`fagui.meaning.modality.modal_verb_changed` finds it
    but alike at least ``FLAG_SAME_PROVISION``, for the same addressee, named
    on both sides (the same body at its level, :func:`same_body`).
    Rests on 立法法第一百零七条第二项 (a lower text may not contradict a higher one)."""
    if not texts.left_higher:
        return ()
    out = []
    for a, b, alike in changed_modals(left, right):
        if alike < FLAG_SAME_PROVISION:
            continue
        l_modal, r_modal = a.value[0], b.value[0]
        holders = a.value[1], b.value[1]
        if not all(holders) or not same_body(*holders):
            continue  # another addressee, or one not named: 小微企业可以… beside 单位应当… relaxes no duty
        if l_modal is Modal.DUTY and r_modal in (Modal.PERMISSION, Modal.ENCOURAGEMENT):
            out.append(
                Flag(
                    FlagRule.DUTY_BECAME_PERMISSION,
                    "立法法第一百零七条第二项",
                    a.wording,
                    b.wording,
                    places(a, b),
                    f"上位法的{MODAL_NAMES[l_modal]}性规定改为{MODAL_NAMES[r_modal]}：“{a.value[2]}”改为“{b.value[2]}”",
                )
            )
    return tuple(out)


FlagRuleFn = Callable[[Passage, Passage, Texts], tuple[Flag, ...]]

FLAG_RULES: list[tuple[str, FlagRuleFn]] = [
    ("penalty_beyond_higher", penalty_beyond_higher),
    ("rule_penalty_beyond_power", rule_penalty_beyond_power),
    ("rule_creates_licence", rule_creates_licence),
    ("rule_coercive_measure", rule_coercive_measure),
    ("duty_became_permission", duty_became_permission),
]
"""Every flag rule, by name."""


def flags_between(left: Passage, right: Passage, texts: Texts) -> tuple[Flag, ...]:
    """What every flag rule raises between two passages."""
    if not texts.left_higher and not texts.right_rule:
        return ()
    if [t for _, t in left.blocks] == [t for _, t in right.blocks]:
        return ()
    return tuple(f for _, rule in FLAG_RULES for f in rule(left, right, texts))


def flags_of(pairs: tuple[ArticlePair, ...], links: tuple[ArticleLink, ...], refs: dict[tuple[str, str], ArticleRef], texts: Texts) -> tuple[Flag, ...]:
    """The flags of a comparison, in the order of its pairs, then of its
    *shares* links (the blocks they rest on): each flag once."""
    if not texts.left_higher and not texts.right_rule:
        return ()
    out: list[Flag] = []
    for pair in pairs:
        if pair.changed and pair.right:
            out += flags_between(passage(pair.left), passage(pair.right), texts)
    for link in links:
        left, right = refs.get((Side.LEFT, link.left)), refs.get((Side.RIGHT, link.right))
        if link.strength == Strength.SHARES and left and right:
            only_l = {tuple(e.left) for e in link.evidence}
            only_r = {tuple(e.right) for e in link.evidence}
            out += flags_between(passage((left,), only_l), passage((right,), only_r), texts)
    seen, unique = set(), []
    for f in out:
        if f not in seen:
            seen.add(f)
            unique.append(f)
    return tuple(unique)
