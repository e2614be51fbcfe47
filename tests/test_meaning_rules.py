"""Each meaning recogniser and flag rule, by name: what its docstring says it
finds, and what it must leave alone. Texts are written here in the style of
regulations; no public text is read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fagui.meaning import RULES, meanings
from fagui.meaning.flags import FLAG_RULES, Texts, is_local_government_rule
from fagui.meaning.terms import Passage
from fagui.model import Direction, FlagRule, MeaningKind, Metadata, Place
from fagui.text.numerals import to_chinese, to_number

RULE = dict(RULES)
FLAG = dict(FLAG_RULES)


def side(*blocks: str, article: str = "第一条") -> Passage:
    return Passage(tuple((Place(article, k), b) for k, b in enumerate(blocks)))


NONE = Passage()


def found(rule: str, left: Passage, right: Passage) -> list[tuple[str, str, Direction]]:
    return [(c.left, c.right, c.direction) for c in RULE[rule](left, right)]


TESTED = {
    "modal_verb_changed",
    "money_amount_changed",
    "multiple_changed",
    "amount_form_changed",
    "amount_added_or_removed",
    "period_changed",
    "period_added_or_removed",
    "start_point_changed",
    "duty_holder_changed",
    "body_changed",
    "sanction_added_or_removed",
    "cited_law_changed",
    "cited_article_changed",
}


def test_every_rule_is_tested_by_name():
    assert set(RULE) == TESTED
    assert set(FLAG) == {r.value for r in FlagRule}
    for name, rule in RULES + FLAG_RULES:
        assert rule.__doc__ and len(rule.__doc__) > 80, f"{name}: its docstring is its rule"


# -- numerals -------------------------------------------------------------------


def test_amount_numerals_read_as_numbers():
    assert to_number("五万") == 50000 and to_number("十万") == 100000 and to_number("两千") == 2000
    assert to_number("一千二百") == 1200 and to_number("一亿五千万") == 150_000_000
    assert to_number("5,000") == 5000 and to_number("1.5万") == 15000 and to_number("0.5") == 0.5
    for unreadable in ("一二万", "一万五", "十十", "万", "", "1.2.3"):
        with pytest.raises(ValueError):
            to_number(unreadable)


@given(st.integers(1, 99_999_999))
def test_every_conventional_numeral_reads_back(n):
    assert to_number(to_chinese(n)) == n and to_number(str(n)) == n


# -- modality --------------------------------------------------------------------


def test_modal_verb_changed():
    left = side("重点单位应当在十五日内报告国家安全机关。")
    right = side("重点单位可以在十五日内报告国家安全机关。")
    [(lw, rw, d)] = found("modal_verb_changed", left, right)
    assert d is Direction.WEAKENED and "应当" in lw and "可以" in rw
    [(_, _, d)] = found("modal_verb_changed", right, left)
    assert d is Direction.STRENGTHENED
    assert found("modal_verb_changed", side("单位应当报告。"), side("单位不得报告。"))[0][2] is Direction.CHANGED
    # The same verb for the same holder, wherever the block went, is no change.
    assert not found("modal_verb_changed", side("甲应当报告。", "乙可以查阅。"), side("乙可以查阅。", "甲应当报告。"))
    # Verbs in provisions with nothing in common are not one replacing the other.
    assert not found("modal_verb_changed", side("单位应当建立档案管理制度。"), side("公民可以向主管部门举报违法行为。"))
    # 根据需要 alone is a discretion; 其他应当履行的义务 names duties, it imposes none.
    [(_, _, d)] = found("modal_verb_changed", side("村民委员会根据需要建立志愿消防队。"), side("村民委员会应当建立志愿消防队。"))
    assert d is Direction.STRENGTHENED
    assert not found("modal_verb_changed", side("（六）其他应当履行的义务。"), side("（六）其他可以履行的义务。"))


# -- amounts ---------------------------------------------------------------------


def test_money_amount_changed():
    left = side("违反本规定的，处一万元以上五万元以下的罚款。")
    right = side("违反本规定的，处二万元以上十万元以下的罚款。")
    [change] = RULE["money_amount_changed"](left, right)
    assert change.direction is Direction.RAISED and change.kind is MeaningKind.AMOUNT
    assert "上限由五万元提高至十万元" in change.says and "下限由一万元提高至二万元" in change.says
    widened = found("money_amount_changed", left, side("违反本规定的，处五千元以上十万元以下的罚款。"))
    assert widened[0][2] is Direction.WIDENED
    assert found("money_amount_changed", side("处五万元罚款。"), side("处3万元罚款。"))[0][2] is Direction.LOWERED
    # 五万元 and 50000元 are one amount.
    assert not found("money_amount_changed", side("处五万元以下罚款。"), side("处50000元以下罚款。"))


def test_multiple_changed():
    left = side("处违法所得一倍以上五倍以下的罚款。")
    right = side("处违法所得二倍以上十倍以下的罚款。")
    [(lw, rw, d)] = found("multiple_changed", left, right)
    assert d is Direction.RAISED and lw == "一倍以上五倍以下"


def test_amount_form_changed():
    left = side("处一定数额的罚款。")
    right = side("处一万元以上三万元以下的罚款。")
    [change] = RULE["amount_form_changed"](left, right)
    assert change.direction is Direction.CHANGED and change.left == "一定数额" and "一定数额" in change.says
    # A number no rule reads is kept as text, never read as zero or guessed.
    [change] = RULE["amount_form_changed"](side("处一二万元罚款。"), side("处三万元罚款。"))
    assert change.left == "一二万元" and change.direction is Direction.CHANGED
    assert not found("money_amount_changed", side("处一二万元罚款。"), side("处三万元罚款。"))


def test_amount_added_or_removed():
    [(lw, rw, d)] = found("amount_added_or_removed", side("责令改正。"), side("责令改正，处五千元罚款。"))
    assert d is Direction.ADDED and rw == "五千元"
    removed = found("amount_added_or_removed", side("处五千元以上一万元以下罚款。"), side("处警告。"))
    assert removed == [("五千元以上一万元以下", "", Direction.REMOVED)]
    # A right side that sets out no sanction (依法处理) leaves the left's amounts as they were.
    assert not found("amount_added_or_removed", side("处五千元罚款。"), side("由有关部门依法处理。"))


# -- time limits -----------------------------------------------------------------


def test_period_changed():
    assert found("period_changed", side("应当在十五日内答复。"), side("应当在十日内答复。"))[0][2] is Direction.SHORTER
    assert found("period_changed", side("三个月内"), side("一年内"))[0][2] is Direction.LONGER
    assert found("period_changed", side("十五日内"), side("十五个工作日内"))[0][2] is Direction.CHANGED
    # Dates, ages, forecast horizons and frequencies are not time limits.
    assert not found("period_changed", side("发布未来四十八小时内的预报。"), side("发布未来七十二小时内的预报。"))
    assert not found("period_changed", side("每年至少检测一次"), side("每半年至少检测一次"))
    assert not found("period_changed", side("自2021年4月26日起施行。"), side("自2025年1月1日起施行。"))
    assert not found("period_changed", side("年满十八周岁的公民"), side("年满十六周岁的公民"))


def test_period_added_or_removed():
    [(_, rw, d)] = found("period_added_or_removed", side("应当及时答复。"), side("应当在二十个工作日内答复。"))
    assert d is Direction.ADDED and rw == "二十个工作日"


def test_start_point_changed():
    [(lw, rw, d)] = found("start_point_changed", side("自收到申请之日起十日内"), side("自受理申请之日起十日内"))
    assert d is Direction.CHANGED and "收到申请" in lw and "受理申请" in rw


# -- actors ----------------------------------------------------------------------


def test_duty_holder_changed():
    left = side("国家安全机关应当组织开展反间谍安全防范宣传教育。")
    right = side("县级以上人民政府应当组织开展反间谍安全防范宣传教育。")
    [(lw, rw, d)] = found("duty_holder_changed", left, right)
    assert (lw, rw, d) == ("国家安全机关", "县级以上人民政府", Direction.CHANGED)
    assert not found("duty_holder_changed", left, NONE), "an article on one side only changes no actor"


def test_body_changed():
    left = side("由公安机关责令改正。")
    right = side("由国家安全机关责令改正，并通知个人。")
    assert found("body_changed", left, right) == [("公安机关", "国家安全机关", Direction.CHANGED)]
    # The local name of a body at the same level is the same body.
    assert not found("body_changed", side("由县级以上地方人民政府气象主管机构负责。"), side("由市和区人民政府气象主管机构负责。"))
    assert found("body_changed", side("由各级人民政府负责。"), side("由县级以上人民政府负责。"))
    # A name starts after the last word no name holds (a verb, 由, 的 ...).
    assert found("body_changed", side("定期调整重点单位。"), side("定期调整科研单位。")) == [("重点单位", "科研单位", Direction.CHANGED)]
    # Names in clauses with nothing alike are not one replacing the other.
    assert not found("body_changed", side("国家安全机关负责指导。"), side("教育部门建立宣传制度。"))


# -- sanctions -------------------------------------------------------------------


def test_sanction_added_or_removed():
    left = side("违反本规定的，给予警告。")
    right = side("违反本规定的，给予警告，并处罚款；情节严重的，责令停产停业。")
    added = {(rw, d) for _, rw, d in found("sanction_added_or_removed", left, right)}
    assert added == {("罚款", Direction.ADDED), ("责令停产停业", Direction.ADDED)}
    # Removed only where the right side itself sets out sanctions.
    assert found("sanction_added_or_removed", side("给予警告，并处罚款。"), side("给予警告。")) == [("罚款", "", Direction.REMOVED)]
    assert not found("sanction_added_or_removed", side("给予警告，并处罚款。"), side("由有关部门依法处理。"))
    # 被依法追究刑事责任的 is a condition, not a sanction imposed.
    assert not found("sanction_added_or_removed", side("不得聘用。"), side("被依法追究刑事责任的，不得聘用。"))


# -- references ------------------------------------------------------------------


def test_cited_law_changed():
    [(lw, rw, d)] = found("cited_law_changed", side("依照《中华人民共和国消防法》处罚。"), side("依照《安全生产法》处罚。"))
    assert d is Direction.CHANGED and lw == "《中华人民共和国消防法》"
    assert not found("cited_law_changed", side("依照《中华人民共和国消防法》"), side("依照《消防法》"))


def test_cited_article_changed():
    [(lw, rw, d)] = found("cited_article_changed", side("违反本法第十条规定的"), side("违反本法第十二条规定的"))
    assert (lw, rw, d) == ("本法第十条", "本法第十二条", Direction.CHANGED)
    # A reference that follows the renumbering says so.
    renumbered = Passage(side("违反本法第十条第二款规定的").blocks, (("第十条", "第十二条"),))
    [(_, _, d)] = found("cited_article_changed", renumbered, side("违反本法第十二条规定的"))
    assert d is Direction.RENUMBERED


# -- flags -----------------------------------------------------------------------

NATIONAL_VS_LOCAL = Texts(left_higher=True, right_rule=False)
LOCAL_RULE = Texts(left_higher=True, right_rule=True)


def test_penalty_beyond_higher():
    left = side("处一万元以上五万元以下的罚款。")
    [flag] = FLAG["penalty_beyond_higher"](left, side("处二万元以上十万元以下的罚款。"), NATIONAL_VS_LOCAL)
    assert flag.rule is FlagRule.PENALTY_BEYOND_HIGHER and flag.basis == "行政处罚法第十二条第二款" and "十万元" in flag.says
    assert FLAG["penalty_beyond_higher"](left, side("处二万元以上十万元以下的罚款。"), LOCAL_RULE)[0].basis == "行政处罚法第十四条第一款"
    assert not FLAG["penalty_beyond_higher"](left, side("处二万元以上五万元以下的罚款。"), NATIONAL_VS_LOCAL), "within the range"
    assert not FLAG["penalty_beyond_higher"](left, side("处十万元罚款。"), Texts(False, False)), "two versions: no higher text"


def test_rule_penalty_beyond_power():
    right = side("违反本办法的，给予警告，没收违法所得，并处五千元罚款。")
    [flag] = FLAG["rule_penalty_beyond_power"](side("违反本规定的，给予警告。"), right, LOCAL_RULE)
    assert flag.right == "没收违法所得" and flag.basis == "行政处罚法第十四条第二款"
    assert not FLAG["rule_penalty_beyond_power"](NONE, right, NATIONAL_VS_LOCAL), "a 地方性法规 may"
    assert not FLAG["rule_penalty_beyond_power"](NONE, side("依法对违法人员作出行政拘留处罚决定后，交由拘留所执行。"), LOCAL_RULE)


def test_rule_creates_licence():
    [flag] = FLAG["rule_creates_licence"](NONE, side("未经市场监督管理部门批准，不得从事经营活动。"), LOCAL_RULE)
    assert flag.rule is FlagRule.RULE_CREATES_LICENCE and "批准" in flag.right
    assert not FLAG["rule_creates_licence"](NONE, side("邮政管理部门受理快递业务经营许可申请后，应当征求意见。"), LOCAL_RULE)


def test_rule_coercive_measure():
    [flag] = FLAG["rule_coercive_measure"](NONE, side("执法人员可以查封违法经营场所。"), LOCAL_RULE)
    assert flag.right == "查封" and "行政强制法" in flag.basis
    assert not FLAG["rule_coercive_measure"](NONE, side("逾期不履行的，申请人民法院强制执行。"), LOCAL_RULE)


def test_duty_became_permission():
    left, right = side("重点单位应当报告。"), side("重点单位可以报告。")
    [flag] = FLAG["duty_became_permission"](left, right, NATIONAL_VS_LOCAL)
    assert flag.rule is FlagRule.DUTY_BECAME_PERMISSION and flag.basis.startswith("立法法")
    assert not FLAG["duty_became_permission"](left, right, Texts(False, False))
    assert not FLAG["duty_became_permission"](right, left, NATIONAL_VS_LOCAL)


def test_a_local_government_rule_is_known_by_kind_or_issuer():
    assert is_local_government_rule(Metadata("吉林省反间谍工作规定", level="provincial", issuer="吉林省人民政府"))
    assert is_local_government_rule(Metadata("某办法", level="provincial", kind="地方政府规章"))
    assert not is_local_government_rule(Metadata("某条例", level="provincial", issuer="黑龙江省人民代表大会常务委员会"))
    assert not is_local_government_rule(Metadata("某规定", level="national", issuer="国务院"))


def test_the_same_text_means_no_change():
    text = side("违反本规定的，由公安机关处一万元以上五万元以下的罚款；应当在十五日内改正。")
    assert meanings(text, text) == ()


# -- through the engine ----------------------------------------------------------


def test_compare_reads_meanings_of_pairs_links_and_one_sided_articles():
    from pathlib import Path

    from fagui.compare import compare
    from fagui.markdown import read_regulation

    root = Path(__file__).resolve().parent.parent / "texts"
    national = read_regulation((root / "national/counterespionage-security-provisions.md").read_text(encoding="utf-8"))
    jilin = read_regulation((root / "jilin/counterespionage-work-provisions.md").read_text(encoding="utf-8"))
    c = compare(national, jilin)
    two_sided = [m for p in c.pairs if p.left and p.right for m in p.meanings]
    one_sided = [m for p in c.pairs if not (p.left and p.right) for m in p.meanings]
    assert two_sided and one_sided and any(x.meanings for x in c.links if x.strength == "shares")
    assert all(not p.meanings for p in c.pairs if not p.changed)
    for p in c.pairs:
        labels = {("L", r.label) for r in p.left} | {("R", r.label) for r in p.right}
        for m in p.meanings:
            for s, place in zip("LR", m.where):
                assert place is None or (s, place.article) in labels
    # Jilin's rules are a 规章 (issuer 吉林省人民政府); 第三十七条 executes a 行政拘留 made 依法: no flag.
    assert not [f for f in c.flags if f.article == "第三十七条"]
    bare = compare(national, jilin, meanings=False)
    assert not bare.flags and not any(p.meanings for p in bare.pairs)
    assert [p.relation for p in bare.pairs] == [p.relation for p in c.pairs]
