"""fagui.align: content over shared boilerplate, split/merge, and accuracy
against hand-checked alignments (tests/fixtures/alignment/*.json)."""

from __future__ import annotations

import pytest
from conftest import markdown_path
from regulations import TOPICS, regulation

from fagui.align import align_articles
from fagui.markdown import read_regulation

BOILERPLATE = "国家安全机关应当加强反间谍安全防范工作，"


def pairs_of(groups):
    return {(i, j) for g in groups for i in g.left for j in g.right}


def test_content_decides_not_shared_boilerplate_or_order():
    left = regulation("甲", *[(BOILERPLATE + TOPICS[t],) for t in ("media", "school", "report", "network")])
    # The province reorders, rewords a little and drops "school".
    right = regulation(
        "乙",
        (BOILERPLATE + "依法受理公民通过12339举报受理电话、网络举报受理平台举报的线索。",),
        (BOILERPLATE + "督促关键信息基础设施运营者防范网络攻击、网络入侵、网络窃密。",),
        (BOILERPLATE + "会同宣传部门协调广播、电视、报刊、互联网等媒体刊登公益广告。",),
        (BOILERPLATE + "统筹全省人民防线建设，保障工作经费。",),
    )
    groups = align_articles(left, right, "jurisdictions").groups
    assert pairs_of(groups) == {(0, 2), (2, 0), (3, 1)}
    relations = {(g.left, g.right): g.relation for g in groups}
    assert relations[((1,), ())] == "not_adopted"
    assert relations[((), (3,))] == "provincial_only"


def test_each_others_best_match_is_paired_even_out_of_order():
    # N1 and P2 share the media provision (each other's best match); N1 also
    # shares a sentence with P1, and N2 is P2's second sentence. In
    # order, N1-P1 plus N2-P2 outscore N1-P2 alone, but content decides.
    network = "部署网络攻击防范工作，加强检查。"
    hotline = "公布12339举报受理电话。"
    left = regulation("甲", (TOPICS["media"] + "部署网络攻击防范工作。",), (hotline,), (TOPICS["school"],))
    right = regulation("乙", (network,), (TOPICS["media"] + hotline,), (TOPICS["network"],))
    assert (0, 1) in pairs_of(align_articles(left, right, "jurisdictions").groups)


def test_a_weak_pair_needs_each_others_best_match_of_all():
    # N2's best match, P2, went to N1 (identical); what is left for N2 is P1,
    # which shares only the stock phrase 依法履行义务 with it (score about 0.11).
    stock = "依法履行义务。"
    media = "协调广播、电视、报刊、互联网等媒体刊登反间谍宣传节目，组织群众观看警示教育片，在国家安全教育日集中开展主题宣传活动，"
    left = regulation("甲", (TOPICS["media"],), (media + stock,), (TOPICS["school"],), (TOPICS["network"],))
    right = regulation("乙", ("统筹全省人民防线建设，保障工作经费，" + stock,), (TOPICS["media"],), (TOPICS["report"],), (TOPICS["network"],))
    groups = align_articles(left, right, "jurisdictions").groups
    assert (1, 0) not in pairs_of(groups)
    relations = {(g.left, g.right): g.relation for g in groups}
    assert relations[((), (0,))] == "provincial_only"


def test_an_article_split_in_two_is_one_group():
    left = regulation("甲", (TOPICS["media"], TOPICS["report"]), (TOPICS["network"],))
    right = regulation("乙", (TOPICS["media"],), (TOPICS["report"],), (TOPICS["network"],))
    groups = align_articles(left, right, "jurisdictions").groups
    shapes = sorted((g.left, g.right, g.relation) for g in groups)
    assert shapes[0][:2] == ((0,), (0, 1)) and shapes[0][2] in {"reworded", "adapted"}
    assert shapes[1] == ((1,), (2,), "identical")


def test_two_articles_merged_into_one_is_one_group():
    left = regulation("甲", (TOPICS["media"],), (TOPICS["report"],), (TOPICS["network"],))
    right = regulation("甲", (TOPICS["media"] + TOPICS["report"],), (TOPICS["network"],))
    groups = align_articles(left, right, "versions").groups
    assert sorted((g.left, g.right, g.relation) for g in groups) == [
        ((0, 1), (0,), "merged"),
        ((2,), (1,), "renumbered"),
    ]


def test_every_article_in_exactly_one_group_with_a_score_in_range(corpus_id):
    national = read_regulation(markdown_path("national/counterespionage-security-provisions").read_text("utf-8"))
    other = read_regulation(markdown_path(corpus_id).read_text("utf-8"))
    for mode in ("jurisdictions", "versions"):
        groups = align_articles(national, other, mode).groups
        assert sorted(i for g in groups for i in g.left) == list(range(len(national.articles)))
        assert sorted(j for g in groups for j in g.right) == list(range(len(other.articles)))
        assert all(0.0 <= g.score <= 1.0 for g in groups)
        assert all(not (len(g.left) > 1 and len(g.right) > 1) for g in groups)


def test_unknown_mode():
    with pytest.raises(ValueError):
        align_articles(regulation("甲"), regulation("甲"), "chapters")
