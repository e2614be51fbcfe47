"""Structure the seeds do not exercise: 编/章/节, 目, large numerals, sources without spaces."""

from __future__ import annotations

import pytest
from fagui.errors import FaguiError
from fagui.ingest import ingest_bytes
from fagui.text.numerals import to_chinese
from fagui.markdown import read_regulation, write_regulation
from fagui.model import Division


def _source() -> str:
    lines = [
        "测试省某某管理条例",
        "目录",
        "第一编 总则",
        "第一章 一般规定",
        "第二编 分则",
        "第一编　总　则",
        "第一章 一般规定",
        "第一条为了测试，制定本条例。",
        "第二条",
        "本条所称事项包括：",
        "(一) 甲事项,含下列内容:",
        "1．子项一；",
        "2．子项二；",
        "（二）乙事项。",
        "第二编 分则",
        "第一章 具体规定",
        "第一节 第一部分",
    ]
    for n in range(3, 124):
        lines.append(f"第{to_chinese(n)}条　第{to_chinese(n)}项规定的内容，依照本条例第二条执行。")
        if n == 60:
            lines.append("第二节 第二部分")
    lines[-1] = "第一百二十三条 本条例自２０２５年１月１日起施行。"
    return "\n".join(lines) + "\n"


def test_parts_chapters_sections_items_subitems_and_large_numbers():
    result = ingest_bytes(_source().encode("utf-8"), "test.txt")
    regulation = result.regulation
    assert len(regulation.articles) == 123
    assert regulation.articles[-1].label == "第一百二十三条"
    assert regulation.metadata.effective == "2025-01-01"
    parts = [d for d in regulation.body if isinstance(d, Division)]
    assert [p.heading for p in parts] == ["第一编 总则", "第二编 分则"]
    chapter = parts[1].children[0]
    assert chapter.heading == "第一章 具体规定"
    assert [s.heading for s in chapter.children] == ["第一节 第一部分", "第二节 第二部分"]
    second = regulation.article(2)
    items = second.paragraphs[0].items
    assert [i.marker for i in items] == ["（一）", "（二）"]
    assert [s.line() for s in items[0].items] == ["1．子项一；", "2．子项二；"]
    assert items[0].text == "甲事项，含下列内容："
    assert regulation.article(1).paragraphs[0].text == "为了测试，制定本条例。"
    assert any(s.reason == "table of contents" for s in result.audit.dropped)
    text = result.markdown
    assert "## 第一编 总则\n\n### 第一章 一般规定\n\n#### 第一条\n" in text
    assert "##### 第三条" in text  # 编 > 章 > 节 > 条
    assert read_regulation(text) == regulation and write_regulation(regulation) == text


def test_article_numbering_jump_is_a_warning():
    source = "某某条例\n第一条 甲。\n第三条 乙。\n"
    audit = ingest_bytes(source.encode(), "t.txt").audit
    assert [w.message for w in audit.warnings] == ["article numbering jumps from 1 to 3"]


def test_cross_reference_split_by_page_break_is_not_an_article():
    source = "某某条例\n第一条 依照本条例\n\n第二条规定的程序办理。\n第二条 乙。\n"
    regulation = ingest_bytes(source.encode(), "t.txt").regulation
    assert regulation.article(1).text() == "依照本条例第二条规定的程序办理。"
    assert len(regulation.articles) == 2


# Real sources' slips, each found in LawRefBook/Laws (刑事诉讼法 2018, a Chongqing
# county regulation, Beijing's 乡镇人大组织条例, Supreme People's Court interpretations).


def _ingest(text: str):
    return ingest_bytes(text.encode("utf-8"), "x.txt")


def test_a_space_inside_a_label_is_read_through_and_audited():
    result = _ingest("某某条例\n第一条　甲。\n第二 条　乙。\n第 三 条　丙。\n")
    assert [a.label for a in result.regulation.articles] == ["第一条", "第二条", "第三条"]
    spaces = [s for s in result.audit.dropped if s.reason.startswith("space U+0020 inside the label")]
    assert [(s.line, s.text) for s in spaces] == [(3, " "), (4, " "), (4, " ")]


def test_a_dash_typed_for_one_in_a_label_is_read_as_one_and_warned():
    result = _ingest("某某条例\n第三十条　甲。\n第三十－条　乙。\n第三十二条　丙，见第2-3条。\n")
    assert [a.label for a in result.regulation.articles] == ["第三十条", "第三十一条", "第三十二条"]
    assert "a dash in the label 第三十－条 read as 一: 第三十一条" in [w.message for w in result.audit.warnings]


def test_a_heading_wrapped_onto_a_second_line_is_one_heading():
    text = (
        "# 某某法\n## 第一章　总则\n第一条　甲。\n## 第二章　犯罪嫌疑人、被告人逃匿、死亡案件\n违法所得的没收程序\n第二条　乙。\n"
        "## 第三章　主席、副主席，乡长、\n副乡长的选举\n第三条　丙。\n"
    )
    result = _ingest(text)
    assert [d.heading for d in result.regulation.divisions()] == [
        "第一章 总则", "第二章 犯罪嫌疑人、被告人逃匿、死亡案件违法所得的没收程序", "第三章 主席、副主席，乡长、副乡长的选举",
    ]
    assert [(j.line, j.next_line, j.why) for j in result.audit.joins] == [
        (4, 5, "heading wrapped onto a second line"), (7, 8, "heading wrapped onto a second line"),
    ]
    # A sentence after a heading is no part of its title: still dropped, and said so.
    stray = _ingest("# 某某法\n## 第一章　总则\n本章规定总的原则。\n第一条　甲。\n")
    assert [d.heading for d in stray.regulation.divisions()] == ["第一章 总则"]
    assert "text outside any article dropped" in [w.message for w in stray.audit.warnings]


def test_the_last_articles_words_after_its_effective_date_stay_with_it():
    text = (
        "最高人民法院关于某某问题的解释\n第一条　甲。\n第二条　本解释自2009年10月1日起施行。\n"
        "本解释施行前已经终审的案件，不适用本解释。\n2001年公布的《某某办法》同时废止。\n最高人民法院办公厅\n2009年9月1日印发\n"
    )
    result = _ingest(text)
    assert result.regulation.articles[-1].blocks() == (
        "本解释自2009年10月1日起施行。", "本解释施行前已经终审的案件，不适用本解释。", "2001年公布的《某某办法》同时废止。",
    )
    [dropped] = [s for s in result.audit.dropped if s.reason.startswith("matter after the last article")]
    assert (dropped.line, dropped.end_line) == (6, 7)



@pytest.mark.parametrize(
    "title",
    [
        "某某管理办法（试行）",
        "某某条例(2020年修订)",
        "中华人民共和国某某法（2021年修正）",
        "最高人民法院、最高人民检察院关于办理某某案件适用法律若干问题的解释",
        "某省实施《中华人民共和国某某法》办法",
    ],
)
def test_titles_as_sources_write_them(title):
    text = f"{title}\n第一条　为了甲，制定本办法。\n第二条　本办法自2020年1月1日起施行。\n"
    assert _ingest(text).regulation.metadata.title == title.replace("(", "（").replace(")", "）")
def test_two_tables_of_contents_both_dropped_and_the_body_starts_after_the_last():
    # A Word or PDF producer's 目录 before the one typed into the text.
    text = "某某条例\n目录\n第一章 总则 1\n第二章 附则 2\n目　录\n第一章　总　则\n第二章　附　则\n第一章 总则\n第一条 为了测试，制定本条例。\n第二章 附则\n第二条 本条例自2025年1月1日起施行。\n"
    result = ingest_bytes(text.encode("utf-8"), "x.txt")
    assert [d.heading for d in result.regulation.divisions()] == ["第一章 总则", "第二章 附则"]
    assert [len(d.children) for d in result.regulation.divisions()] == [1, 1]
    assert [(s.line, s.end_line, s.reason) for s in result.audit.dropped if s.reason == "table of contents"] == [(2, 7, "table of contents")]


def test_a_bracketed_history_under_the_title_moves_to_front_matter():
    """How npc.gov.cn, flk and Word files write the 题注: one bracketed
    paragraph (here broken over two lines), events separated by a space."""
    text = (
        "中华人民共和国某某法\n"
        "（2014年11月1日第十二届全国人民代表大会常务委员会第十一次会议通过　2023年4月26日第十四届全国人民代表大会\n"
        "常务委员会第二次会议修订）\n"
        "（此件公开发布）\n"
        "第一条　为了规定，制定本法。\n第二条　本法自2023年7月1日起施行。\n"
    )
    result = _ingest(text)
    meta = result.regulation.metadata
    assert [(e.date, e.action) for e in meta.history] == [("2014-11-01", "通过"), ("2023-04-26", "修订")]
    assert meta.history[1].body == "第十四届全国人民代表大会常务委员会第二次会议"
    assert meta.adopted == "2023-04-26"
    assert result.regulation.preamble == ("（此件公开发布）",)
    [span] = [s for s in result.audit.dropped if s.reason.startswith("题注")]
    assert (span.line, span.end_line) == (2, 3) and not result.audit.joins


def test_an_impossible_date_in_a_bracketed_history_names_its_line():
    text = "某某条例\n（2019年2月30日某省人民代表大会常务委员会第十次会议通过）\n第一条　甲。\n"
    with pytest.raises(FaguiError, match=r"x.txt:2: impossible date 2019年2月30日"):
        _ingest(text)


# Slips a second reader found in the rules above, each a test of its own.


def test_a_spaced_label_mid_sentence_is_a_reference_not_an_article():
    text = "某某条例\n第一条　甲。\n第二条　乙应当依照本条例\n第 三 条 规定做好管理工作。\n第三条　丙。\n"
    result = _ingest(text)
    assert [a.label for a in result.regulation.articles] == ["第一条", "第二条", "第三条"]
    assert result.regulation.articles[1].blocks() == ("乙应当依照本条例第三条规定做好管理工作。",)


def test_a_preamble_wrapped_before_a_reference_to_article_one_stays_preamble():
    text = "某某规定\n为了实施《中华人民共和国测试法》\n第一条的规定，制定本规定。\n第一条　甲。\n第二条　乙。\n"
    result = _ingest(text)
    assert [a.label for a in result.regulation.articles] == ["第一条", "第二条"]
    assert "".join(result.regulation.preamble) == "为了实施《中华人民共和国测试法》第一条的规定，制定本规定。"


def test_an_item_a_page_break_split_is_no_group_heading():
    text = "某某条例\n第一条　政府履行下列职责：\n一、组织编制本行政区域管理规划\n并组织实施；\n二、违反本条例\n第一条规定的，予以纠正。\n第二条　乙。\n"
    result = _ingest(text)
    assert [a.label for a in result.regulation.articles] == ["第一条", "第二条"]
    blocks = result.regulation.articles[0].blocks()
    assert "一、组织编制本行政区域管理规划并组织实施；" in "".join(blocks)
    assert "二、违反本条例第一条规定的，予以纠正。" in "".join(blocks)


def test_a_group_heading_before_an_article_is_dropped_and_audited():
    text = "某某规定\n一、受理和管辖\n第一条　甲。\n二、票据保全\n第二条乙。\n九、法律适用\n第三条　丙。\n"
    result = _ingest(text)
    assert [a.blocks() for a in result.regulation.articles] == [("甲。",), ("乙。",), ("丙。",)]
    dropped = [s.text for s in result.audit.dropped if s.reason.startswith("heading of a group of articles")]
    assert dropped == ["一、受理和管辖", "二、票据保全", "九、法律适用"]


def test_a_group_heading_is_no_title():
    text = "测试数据安全工作规范\n2020年1月1日\n一、总则\n第一条　甲。\n"
    with pytest.raises(FaguiError, match="no title found"):
        _ingest(text)


def test_the_last_articles_words_include_what_it_makes_void():
    text = "某某办法\n第一条　甲。\n第二条　本办法自2020年1月1日起施行。\n2001年发布的《测试管理暂行办法》同时失效。\n"
    assert _ingest(text).regulation.articles[-1].blocks()[-1] == "2001年发布的《测试管理暂行办法》同时失效。"


def test_a_web_page_reads_its_subtitle_and_group_headings_as_plain_text_does():
    body = (
        "<h1>最高人民法院关于审理测试纠纷案件若干问题的规定</h1>"
        "<h3>（2020年12月23日最高人民法院审判委员会第1823次会议通过）</h3>"
        "<h2>一、受理和管辖</h2><p>第一条　甲。</p><h2>二、票据保全</h2><p>第二条　乙。</p>"
    )
    page = f"<!DOCTYPE html><html><head><title>测试</title></head><body>{body}</body></html>"
    plain = "最高人民法院关于审理测试纠纷案件若干问题的规定\n（2020年12月23日最高人民法院审判委员会第1823次会议通过）\n一、受理和管辖\n第一条　甲。\n二、票据保全\n第二条　乙。\n"
    from_page, from_text = ingest_bytes(page.encode("utf-8"), "x.html"), _ingest(plain)
    assert from_page.audit.layout == "html"
    assert from_page.regulation.articles == from_text.regulation.articles
    assert from_page.regulation.metadata.history == from_text.regulation.metadata.history
    assert [e.date for e in from_page.regulation.metadata.history] == ["2020-12-23"]
