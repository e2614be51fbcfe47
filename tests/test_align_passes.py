"""Each alignment pass earns its place: without it, named results get worse.

Jurisdiction passes are checked on the hand-checked alignments
(tests/fixtures/alignment): without the pass, the pair named in the table
scores lower (the sum of counterpart recall, shares recall, strict F1 and lax
F1, see tests/gold.py). Version passes are checked on an amended version of
the national rules (tests/test_compare.py) and on small texts.
"""

from __future__ import annotations

from functools import cache

import pytest
from gold import figures, grade_figures, load_gold, text_of
from regulations import TOPICS, regulation
from regulations import NATIONAL, amended_national, corpus

from fagui.align import JURISDICTION_PASSES, PARAMS, VERSION_PASSES, align_articles
from fagui.compare import compare

# pass -> the gold pair on which removing it costs most
JURISDICTION_EFFECTS = {
    "in_order_chain": "national-heilongjiang",
    "mutual_best": "national-jiangxi",
    "best_remaining": "national-jiangxi",
    "weak_mutual_best": "national-jilin",
    "functional_articles": "meteorology-beijing",
    "split_articles": "national-heilongjiang",
    "paragraph_source": "national-zhejiang",
    "merged_articles": "national-zhejiang",
    "distinctive_counterparts": "animal-beijing",
    "shared_units": "meteorology-beijing",
    "cited_articles": "labour-contract",
}


def test_every_pass_is_checked():
    # grade_links proposes nothing: what it earns is precision (below).
    assert list(JURISDICTION_EFFECTS) + ["grade_links"] == [name for name, _ in JURISDICTION_PASSES]
    assert VERSION_PASSES[-1][0] == "grade_links"


def test_without_grading_stock_phrasing_links_show_on_a_revision():
    # 北京市水务 2019 -> 2022: the shares links the engine proposes rest on
    # stock phrasing (the gold has none of them); graded, none is shown and
    # every link shown is right.
    gold = load_gold("water-2019-2022")
    left, right = text_of(gold["left"]), text_of(gold["right"])
    graded = grade_figures(gold, compare(left, right, "versions"))
    ungraded = grade_figures(gold, compare(left, right, "versions", passes=VERSION_PASSES[:-1]))
    assert graded.shown[0] == 1.0 > ungraded.shown[0]
    assert graded.recall == ungraded.recall


def merit(name: str, without: str | None = None) -> float:
    gold = load_gold(name)
    passes = [p for p in JURISDICTION_PASSES if p[0] != without]
    left, right = text_of(gold["left"]), text_of(gold["right"])
    comparison = compare(left, right, gold["mode"], passes=passes)
    f = figures(gold, comparison)
    return f.counterpart_recall + f.shares_recall + f.strict_f1 + f.lax_f1


@cache
def full_merit(name: str) -> float:
    return merit(name)


@pytest.mark.parametrize("pass_name", list(JURISDICTION_EFFECTS))
def test_removing_a_jurisdiction_pass_costs_accuracy(pass_name):
    pair = JURISDICTION_EFFECTS[pass_name]
    assert merit(pair, without=pass_name) < full_merit(pair)


def version_relations(passes):
    old = corpus(NATIONAL)
    groups = align_articles(old, amended_national(old), "versions", passes=passes).groups
    return {(g.left, g.right): g.relation for g in groups}


@pytest.mark.parametrize("pass_name", ["pairs_between_anchors", "split_articles"])
def test_removing_a_version_pass_breaks_the_amended_version(pass_name):
    without = [p for p in VERSION_PASSES if p[0] != pass_name]
    assert version_relations(without) != version_relations(VERSION_PASSES)


def test_anchors_make_a_pair_across_them_a_move_that_needs_move_score():
    # 第四条 moved to the front and reworded: with the three unchanged
    # articles as anchors it lies in another gap, so its score (below
    # move_score) does not pair it; without anchors order says nothing.
    school = TOPICS["school"]
    reworded = school.replace("指导学校向全体师生开展教育", "组织学校开展宣传").replace("回国访谈", "回访")
    left = regulation("甲", (TOPICS["media"],), (TOPICS["report"],), (TOPICS["network"],), (school,))
    right = regulation("甲", (reworded,), (TOPICS["media"],), (TOPICS["report"],), (TOPICS["network"],))
    without = [p for p in VERSION_PASSES if p[0] != "same_text_anchors"]
    assert ((3,), (0,)) not in {(g.left, g.right) for g in align_articles(left, right, "versions").groups}
    assert ((3,), (0,)) in {(g.left, g.right) for g in align_articles(left, right, "versions", passes=without).groups}


def test_removing_merged_articles_loses_a_merge():
    left = regulation("甲", (TOPICS["media"],), (TOPICS["report"],), (TOPICS["network"],))
    right = regulation("甲", (TOPICS["media"] + TOPICS["report"],), (TOPICS["network"],))
    without = [p for p in VERSION_PASSES if p[0] != "merged_articles"]
    assert any(g.relation == "merged" for g in align_articles(left, right, "versions").groups)
    assert not any(g.relation == "merged" for g in align_articles(left, right, "versions", passes=without).groups)


def test_removing_shared_units_loses_a_carried_paragraph():
    # Version 2 moves a paragraph of 第二条 into 第三条.
    left = regulation("甲", (TOPICS["media"],), (TOPICS["school"], TOPICS["report"]), (TOPICS["network"],))
    right = regulation("甲", (TOPICS["media"],), (TOPICS["school"],), (TOPICS["network"], TOPICS["report"]))
    without = [p for p in VERSION_PASSES if p[0] != "shared_units"]
    assert [(x.left, x.right) for x in align_articles(left, right, "versions").links] == [(1, 2)]
    assert not align_articles(left, right, "versions", passes=without).links


def test_the_trace_says_what_each_pass_did():
    left = regulation("甲", (TOPICS["media"],), (TOPICS["report"],))
    right = regulation("乙", (TOPICS["media"],), (TOPICS["network"],))
    trace = align_articles(left, right, "jurisdictions").trace
    assert [line.split(":")[0] for line in trace] == [name for name, _ in JURISDICTION_PASSES]
    assert trace[0] == "in_order_chain: +1 -0 groups"
    assert "split_articles: no change (nothing met its rule)" in trace


def _pair(name: str):
    gold = load_gold(name)
    left, right = text_of(gold["left"]), text_of(gold["right"])
    comparison = compare(left, right, gold["mode"])
    return comparison


def test_a_paragraph_repeated_word_for_word_in_its_counterpart_links_nothing_else():
    # 立法法 2015 第十五条 and 第二十七条 both end with 专门委员会审议的时候，可以邀请提案人列席
    # 会议，发表意见。, and so do their counterparts in 2023 (第十八条, 第三十条): each copy is
    # carried into its counterpart; none makes a shares link across.
    comparison = _pair("legislation-2015-2023")
    shares = {(x.left, x.right) for x in comparison.links if x.strength == "shares"}
    assert not shares & {("第十五条", "第三十条"), ("第二十七条", "第十八条")}
    assert ("第十五条", "第十八条") in {(x.left, x.right) for x in comparison.links if x.strength == "counterpart"}


def test_a_group_grows_to_at_most_max_group_articles():
    # Guangdong's 第七条 lists what each department does, a paragraph each: many
    # provisions side by side (the hand alignment gives it shares links
    # only), not one provision merged from the nine national articles the
    # paragraphs resemble.
    comparison = _pair("fire-guangdong")
    sizes = [len(p.left) for p in comparison.pairs] + [len(p.right) for p in comparison.pairs]
    assert max(sizes) <= 3 == PARAMS.max_group


def test_a_sanction_someone_has_undergone_does_not_make_a_liability_article():
    # 劳动合同法实施条例 第十九条 lists grounds for dismissal, one of them
    # 劳动者被依法追究刑事责任的: a condition, not a sanction the article imposes,
    # so its items may evidence shares links with the law's 第四十一条 (layoffs).
    from fagui.align.shares import LIABILITY

    assert not LIABILITY.search("（七）劳动者被依法追究刑事责任的；")
    assert not LIABILITY.search("曾被处以罚款的")
    assert LIABILITY.search("构成犯罪的，依法追究刑事责任。")
    comparison = _pair("labour-contract")
    assert ("第四十一条", "第十九条") in {(x.left, x.right) for x in comparison.links}


def test_a_repeated_paragraph_still_links_an_article_that_has_no_counterpart():
    # P stands in national 第一条 and 第二条; the province keeps 第一条 (with P)
    # and drops 第二条's own provision: 第二条's P is carried, into 第一条.
    stock = "专门委员会审议的时候，可以邀请提案人列席会议，发表意见。"
    others = [
        (TOPICS["network"],), (TOPICS["school"],),
        ("省人民政府应当将反间谍安全防范工作经费列入财政预算。",), ("鼓励科研机构开展反间谍技术防范研究，提升防范能力。",),
        ("新闻出版单位应当审核涉及国家秘密的稿件。",), ("外事部门应当对出境团组进行行前教育。",),
    ]
    left = regulation("甲", (TOPICS["media"], stock), (TOPICS["report"], stock), *others)
    right = regulation("乙", (TOPICS["media"], stock), *others)
    alignment = align_articles(left, right, "jurisdictions")
    assert [(x.left, x.right) for x in alignment.links] == [(1, 0)]
