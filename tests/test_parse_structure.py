"""Structure the seeds do not exercise: 编/章/节, 目, large numerals, sources without spaces."""

from __future__ import annotations

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
