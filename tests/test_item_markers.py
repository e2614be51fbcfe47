"""The one item-marker rule (fagui.text.items), as ingestion, Markdown and the pages apply it."""

import pytest

from fagui.ingest import ingest_bytes
from fagui.markdown import read_regulation
from fagui.text.items import parse_marker
from renderers import is_item

CASES = [
    ("（一）防范间谍行为；", ("han", 1, "（一）", "防范间谍行为；")),
    ("(十二) 其他", ("han", 12, "（十二）", "其他")),
    ("（3）宣传", ("paren", 3, "（3）", "宣传")),
    ("2．组织", ("dot", 2, "2．", "组织")),
    ("1.5倍以下罚款", None),  # a number, not a marker
    ("（一）", None),  # a marker with no text is no item
    ("第一条", None),
    ("国家安全机关（一）", None),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_parse_marker(text, expected):
    assert parse_marker(text) == expected


@pytest.mark.parametrize("text, expected", CASES)
def test_pages_indent_exactly_what_the_engine_reads_as_items(text, expected):
    assert is_item(text) == (expected is not None)


def test_ingest_and_markdown_place_items_alike():
    raw = "测试规定\n第一条 有下列情形之一的：\n（一）甲；\n(二) 乙；\n1.5倍以下罚款。\n".encode()
    result = ingest_bytes(raw, "t.txt")
    paragraphs = result.regulation.body[0].paragraphs
    assert [i.marker for i in paragraphs[0].items] == ["（一）", "（二）"]
    assert paragraphs[1].text == "1.5倍以下罚款。"
    assert read_regulation(result.markdown).body == result.regulation.body
