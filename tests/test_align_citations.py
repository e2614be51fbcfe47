"""cited_articles: a derived text that cites the reference text by name and
article number is linked to what it cites, whatever its wording."""

from __future__ import annotations

import pytest
from regulations import TOPICS, regulation

from fagui.align import JURISDICTION_PASSES, align_articles
from fagui.align.citations import cited_names
from fagui.compare import compare

LAW = "中华人民共和国某某管理法"


def law():
    return regulation(LAW, (TOPICS["media"],), (TOPICS["school"],), (TOPICS["report"],), (TOPICS["network"],))


def links(right, passes=None):
    a = align_articles(law(), right, "jurisdictions", passes=passes)
    counterparts = {(i, j) for g in a.groups for i in g.left for j in g.right}
    return counterparts, {(x.left, x.right) for x in a.links}


def test_a_citation_links_what_no_wording_links():
    right = regulation(
        "某某管理法实施条例",
        ("为了实施《中华人民共和国某某管理法》（以下简称某某法），制定本条例。",),
        ("某某法第二条所称师生，包括在校学生和教职员工。",),  # details 第二条 in other words
        ("依照《中华人民共和国某某管理法》第四条第一款的规定，运营者每年进行一次安全评估。",),
    )
    without = [p for p in JURISDICTION_PASSES if p[0] != "cited_articles"]
    counterparts, shares = links(right)
    assert {(1, 1), (3, 2)} <= counterparts
    before, _ = links(right, without)
    assert not {(1, 1), (3, 2)} & before


def test_a_cited_article_with_a_counterpart_elsewhere_is_a_shares_link():
    right = regulation(
        "某某管理法实施条例",
        (TOPICS["school"],),  # the counterpart of 第二条 by its wording
        ("《某某管理法》第二条规定的回国访谈，由所在学校组织。",),
    )
    counterparts, shares = links(right)
    assert (1, 0) in counterparts and (1, 1) in shares


@pytest.mark.parametrize(
    "text",
    [
        "违反某某管理法第二条规定的，由主管部门责令改正。",  # the rule broken, not a provision carried
        "依照《中华人民共和国另一法》第二条的规定执行。",  # another law
        "本条例第二条所称师生，包括在校学生。",  # the derived text itself
    ],
)
def test_what_is_not_a_citation_of_the_reference(text):
    right = regulation("某某管理法实施条例", (text,))
    without = [p for p in JURISDICTION_PASSES if p[0] != "cited_articles"]
    assert links(right) == links(right, without)


def test_cited_names_are_the_title_the_short_names_given_and_the_title_without_the_state():
    texts = ["为了实施《中华人民共和国某某管理法》(以下简称《某某法》),制定本条例。"]
    assert cited_names(LAW, texts) == ([LAW, "某某法"], ["某某管理法"])


def test_a_title_with_a_note_is_cited_with_it_or_without_it():
    assert cited_names(LAW + "（2018年修正）", []) == ([LAW + "(2018年修正)", LAW], ["某某管理法"])
    right = regulation("某某管理办法实施细则", ("依照《某某管理办法（试行）》第二条的规定，回国访谈由学校组织。",))
    a = align_articles(regulation("某某管理办法（试行）", (TOPICS["media"],), (TOPICS["school"],)), right, "jurisdictions")
    assert (1, 0) in {(i, j) for g in a.groups for i in g.left for j in g.right}


def test_a_longer_law_ending_with_the_name_is_not_a_citation():
    # 义务教育法第二条 is another law's article, not 教育法's.
    left = regulation("中华人民共和国教育法", (TOPICS["media"],), (TOPICS["school"],))
    right = regulation("某省实施办法", ("依照义务教育法第二条的规定，保障工作经费。",))
    without = [p for p in JURISDICTION_PASSES if p[0] != "cited_articles"]
    assert align_articles(left, right, "jurisdictions").groups == align_articles(left, right, "jurisdictions", passes=without).groups


def test_a_cited_article_with_no_text_is_not_linked():
    left = regulation(LAW, (TOPICS["media"],), ())
    right = regulation("某某管理法实施条例", ("根据某某管理法第二条，制定本条例。",))
    comparison = compare(left, right)  # no IndexError: an article with no text has nothing to show as evidence
    assert ("第二条", "第一条") not in {(x.left, x.right) for x in comparison.links}
