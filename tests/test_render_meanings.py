"""What a change means in law, in every deliverable: HTML badges, the Word
对照表's 说明 column, Markdown for review, text, the report index; always
escaped, flags always with their rule and basis."""

from __future__ import annotations

import io
import re

import docx
from samples import XSS, meaning_sample

from fagui.messages import Lang
from renderers import render
from renderers.site import entry, render_index

RAISED = "罚款下限由一万元提高至二万元，上限由五万元提高至十万元"


def test_text_lists_meanings_and_flags_under_their_pair():
    text = render(meaning_sample(), "text")
    assert f"≡ 【数额】{RAISED}（第一条第1款 → 第一条第1款）" in text
    assert "≡ 【情态】重点单位：“应当”改为“可以”（义务变为授权）" in text
    assert "! 审查提示【规章设定处罚超出权限】政府规章设定没收违法所得（依据：行政处罚法第十四条第二款" in text
    assert "审查提示：4 处" in text
    english = render(meaning_sample(), "text", lang=Lang.EN)
    assert f"≡ [amount] {RAISED}" in english and "Flags for review: 4" in english
    assert "\x1b" not in render(meaning_sample(xss=True), "text", color=False)


def test_markdown_lists_flags_first_and_meanings_with_each_pair():
    md = render(meaning_sample(), "markdown")
    assert md.index("审查提示：4 处") < md.index("#### 改写")
    assert f"- 【数额】{RAISED}" in md
    assert "依据：立法法第一百零七条第二项" in md
    hostile = render(meaning_sample(xss=True), "markdown")
    assert not re.search(r"(?<!\\)<(?:script|img)", hostile), "every < of the text is escaped"


def test_html_badges_and_a_row_marker_for_the_filter():
    page = render(meaning_sample(), "html")
    assert page.count(" data-meaning") == 3  # rows 1, 2 and 4; row 3's provision is shown where it went
    assert '<span class="mk mk-amount" title="money_amount_changed">数额</span>' + RAISED in page
    assert 'id="only-meaning"' in page and "仅含义变化" in page
    hostile = render(meaning_sample(xss=True), "html")
    assert XSS not in hostile and "<script>alert" not in hostile


def test_the_duizhaobiao_says_it_in_the_notes_column():
    document = docx.Document(io.BytesIO(render(meaning_sample(), "docx")))
    notes = "\n".join(row.cells[2].text for row in document.tables[-1].rows)
    assert RAISED in notes and "期限由十五日缩短为十日" in notes
    assert "审查提示【处罚幅度超出上位法】" in notes and "行政处罚法第十四条第一款" in notes


def test_the_report_index_lists_each_texts_flags():
    page = render_index([entry("吉林", "jilin.html", meaning_sample())])
    assert "<summary>4</summary>" in page and "规章设定处罚超出权限" in page and "行政处罚法第十四条第二款" in page
    hostile = render_index([entry("x", "x.html", meaning_sample(xss=True))])
    assert XSS not in hostile
